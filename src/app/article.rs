//! The article: a text box to paste into, a menu of example articles, and a reading view with
//! every place mention highlighted. The text is saved to the browser on every edit; an
//! example never loses the user's own text (it can be restored).

use super::fetch::fetch_bytes;
use super::storage;
use crate::geoparse::Place;
use crate::views::corrections::Corrections;
use crate::views::highlight::segments;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The example articles in `public/examples/`, written for this project: (file, title).
const EXAMPLES: &[(&str, &str)] = &[
    ("frontline.txt", "A front-line report from Ukraine"),
    ("middle-east.txt", "A Middle East report"),
    ("ambiguous-names.txt", "An article full of ambiguous names"),
];

/// The article box, its examples and its reading view.
#[component]
pub fn Article(
    /// The text as typed.
    text: RwSignal<String>,
    /// The text once typing pauses: the places belong to it.
    settled: RwSignal<String>,
    /// The places of the settled text.
    places: Memo<Vec<Place>>,
    /// Set to the index of a place chosen in the text.
    chosen: WriteSignal<Option<usize>>,
    /// The reader's corrections, which belong to the article and go when it is replaced.
    corrections: RwSignal<Corrections>,
) -> impl IntoView {
    let saved = RwSignal::new(true);
    let reading = RwSignal::new(false);
    let example_error = RwSignal::new(None::<String>);
    let previous = RwSignal::new(storage::load(storage::PREVIOUS).filter(|p| !p.trim().is_empty()));
    let edits = StoredValue::new(0u64);
    let set_text = move |value: String, at_once: bool| {
        saved.set(storage::save(storage::ARTICLE, &value));
        text.set(value);
        edits.update_value(|n| *n += 1);
        let edit = edits.get_value();
        if at_once {
            settled.set(text.get_untracked());
            return;
        }
        set_timeout(
            move || {
                if edits.get_value() == edit {
                    settled.set(text.get_untracked());
                }
            },
            std::time::Duration::from_millis(250),
        );
    };
    let on_input = move |ev| set_text(event_target_value(&ev), false);
    let load_example = move |ev| {
        let file = event_target_value(&ev);
        if file.is_empty() {
            return;
        }
        spawn_local(async move {
            let url = format!("public/examples/{file}");
            match fetch_bytes(&url, |_| {}).await {
                Ok(bytes) => {
                    let own = text.get_untracked();
                    // The user's own text is kept, not lost, when an example replaces it.
                    if !own.trim().is_empty() {
                        storage::save(storage::PREVIOUS, &own);
                        previous.set(Some(own));
                    }
                    example_error.set(None);
                    corrections.set(Corrections::default());
                    set_text(String::from_utf8_lossy(&bytes).into_owned(), true);
                }
                Err(e) => example_error.set(Some(e.to_string())),
            }
        });
    };
    let restore = move |_| {
        if let Some(own) = previous.get_untracked() {
            set_text(own, true);
            storage::remove(storage::PREVIOUS);
            previous.set(None);
        }
    };
    let words = move || text.with(|t| t.split_whitespace().count());
    view! {
        <section class="article" aria-labelledby="article-label">
            <div class="article-bar">
                <label id="article-label" for="article">"Article text"</label>
                <div class="view-switch" role="group" aria-label="View">
                    <button type="button" aria-pressed=move || (!reading.get()).to_string() on:click=move |_| reading.set(false)>
                        "Edit"
                    </button>
                    <button type="button" id="read-view" aria-pressed=move || reading.get().to_string() on:click=move |_| reading.set(true)>
                        "Highlights"
                    </button>
                </div>
                <select id="examples" aria-label="Try an example" on:change=load_example>
                    <option value="" selected>"Try an example…"</option>
                    {EXAMPLES
                        .iter()
                        .map(|(file, title)| view! { <option value=*file>{*title}</option> })
                        .collect_view()}
                </select>
            </div>
            <textarea
                id="article"
                spellcheck="false"
                placeholder="Paste the text of a news article here."
                hidden=move || reading.get()
                prop:value=move || text.get()
                on:input=on_input
            ></textarea>
            <div class="highlights" id="highlights" hidden=move || !reading.get() tabindex="0" aria-label="The article with its places highlighted">
                {move || reading.get().then(|| {
                    settled.with(|t| places.with(|p| {
                        segments(t, p)
                            .into_iter()
                            .map(|segment| {
                                let piece = t[segment.span].to_string();
                                match segment.place {
                                    None => view! { <span>{piece}</span> }.into_any(),
                                    Some(i) => {
                                        let place = &p[i];
                                        let doubtful = place.approximate || place.confidence < 0.5;
                                        let class = format!(
                                            "mention kind-{}{}",
                                            place.kind,
                                            if doubtful { " doubtful" } else { "" }
                                        );
                                        view! {
                                            <mark class=class tabindex="0" on:click=move |_| chosen.set(Some(i))>
                                                {piece}
                                            </mark>
                                        }
                                        .into_any()
                                    }
                                }
                            })
                            .collect_view()
                    }))
                })}
            </div>
            <p class="article-status" aria-live="polite">
                {move || match words() {
                    1 => "1 word".to_string(),
                    n => format!("{n} words"),
                }}
                {move || (!saved.get()).then(|| view! {
                    <span class="warning">
                        " · This browser would not store the text (private mode or storage full): keep a copy elsewhere."
                    </span>
                })}
                {move || example_error.get().map(|e| view! { <span class="warning">{format!(" · {e}")}</span> })}
                {move || previous.get().is_some().then(|| view! {
                    " · "
                    <button type="button" class="link" on:click=restore>"Restore your own text"</button>
                })}
            </p>
        </section>
    }
}
