//! Marking a name the geoparser missed (or misread): the reader selects it in the article,
//! searches the gazetteer for the place it means and chooses one. The mark is a correction:
//! every occurrence of the name becomes a mention of that place, in every view and export.

use super::gazetteer::Loaded;
use super::places::describe;
use crate::geoparse::Place;
use crate::views::corrections::{Corrections, occurrences};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Places offered for one search.
const OFFERED: usize = 8;

/// The text the reader has selected: in the text box when it is shown, else on the page.
fn selection(reading: bool) -> Option<String> {
    let window = web_sys::window()?;
    if reading {
        return window.get_selection().ok()??.to_string().as_string();
    }
    let area: web_sys::HtmlTextAreaElement = window
        .document()?
        .get_element_by_id("article")?
        .dyn_into()
        .ok()?;
    let (from, to) = (area.selection_start().ok()??, area.selection_end().ok()??);
    // Selection offsets count UTF-16 units.
    let units: Vec<u16> = area.value().encode_utf16().collect();
    let picked = units.get(from as usize..to as usize)?;
    Some(String::from_utf16_lossy(picked))
}

/// A button that opens the marking panel, and the panel.
#[component]
pub fn MarkMissed(
    /// The article as typed.
    text: RwSignal<String>,
    /// Whether the highlights are shown (else the text box).
    reading: RwSignal<bool>,
    /// The reader's corrections, which the mark joins.
    corrections: RwSignal<Corrections>,
) -> impl IntoView {
    let loaded = expect_context::<Loaded>();
    let open = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let query = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let search_box = NodeRef::<leptos::html::Input>::new();
    let start = move |_| {
        let selected = selection(reading.get_untracked()).unwrap_or_default();
        let selected = selected.trim().to_string();
        query.set(selected.clone());
        name.set(selected);
        problem.set(None);
        open.set(true);
    };
    Effect::new(move |_| {
        if let (true, Some(input)) = (open.get(), search_box.get()) {
            let _ = input.focus();
        }
    });
    // The places whose names start with the query: (entry, "Name, Region, Country · kind").
    let found = Memo::new(move |_| {
        let query = query.get();
        loaded.0.with(|g| {
            g.as_ref()
                .map(|g| {
                    g.search(&query, OFFERED)
                        .iter()
                        .map(|e| {
                            let place = Place::of_entry(e, Vec::new());
                            (
                                e.id(),
                                format!("{} · {}", place.path.join(", "), describe(&place)),
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let choose = move |id: u32| {
        let written = name.get_untracked().trim().to_string();
        if written.is_empty() {
            problem.set(Some("Type the name as the article writes it.".into()));
        } else if text.with_untracked(|t| occurrences(t, &written).is_empty()) {
            problem.set(Some(format!(
                "“{written}” does not appear in the article as a whole word: copy it from the text as written."
            )));
        } else {
            corrections.update(|c| c.mark(&written, id));
            open.set(false);
        }
    };
    let close_on_escape = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            open.set(false);
        }
    };
    view! {
        <button
            type="button"
            id="mark-missed"
            title="Select a name in the article first"
            disabled=move || loaded.0.with(Option::is_none)
            on:click=start
        >
            "Mark a missed place"
        </button>
        <Show when=move || open.get()>
            <div class="mark-panel" role="dialog" aria-label="Mark a missed place" on:keydown=close_on_escape>
                <label>
                    "Name as written in the article"
                    <input
                        type="text"
                        id="mark-name"
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                    />
                </label>
                <label>
                    "Find the place it means"
                    <input
                        type="search"
                        id="mark-search"
                        node_ref=search_box
                        placeholder="Start of a place name"
                        prop:value=move || query.get()
                        on:input=move |ev| query.set(event_target_value(&ev))
                    />
                </label>
                {move || problem.get().map(|p| view! { <p class="warning" role="alert">{p}</p> })}
                <ul class="mark-results" role="list" aria-label="Places found">
                    {move || {
                        found
                            .get()
                            .into_iter()
                            .map(|(id, label)| view! {
                                <li>
                                    <button type="button" on:click=move |_| choose(id)>{label}</button>
                                </li>
                            })
                            .collect_view()
                    }}
                </ul>
                {move || {
                    let q = query.get();
                    (found.with(Vec::is_empty) && !q.trim().is_empty())
                        .then(|| view! { <p class="empty">{format!("No place in the gazetteer has a name starting “{}”.", q.trim())}</p> })
                }}
                <button type="button" class="link" on:click=move |_| open.set(false)>"Cancel"</button>
            </div>
        </Show>
    }
}
