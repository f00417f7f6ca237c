//! The article: a text box to paste into, a menu of example articles, and a reading view with
//! every place mention highlighted. The text is saved to the browser on every edit; an
//! example never loses the user's own text (it can be restored).

use super::fetch::fetch_bytes;
use super::links::{ChosenOn, Key, Links};
use super::storage;
use crate::geoparse::Place;
use crate::views::corrections::Corrections;
use crate::views::highlight::segments;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// The elements under `root` that match a CSS selector.
fn elements(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let Ok(found) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into().ok())
        .collect()
}

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
    /// The reader's corrections of the article.
    corrections: RwSignal<Corrections>,
    /// Whether the article shows its highlights (else the text box).
    reading: RwSignal<bool>,
) -> impl IntoView {
    let links = Links::get();
    let saved = RwSignal::new(true);
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
    // A paste is a whole edit: its places come at once, not after a pause.
    let on_input = move |ev: web_sys::Event| {
        let pasted = ev
            .dyn_ref::<web_sys::InputEvent>()
            .is_some_and(|e| e.input_type() == "insertFromPaste");
        set_text(event_target_value(&ev), pasted);
    };
    // The mention under the pointer or the keyboard focus points at its place.
    let key_at = move |ev: &web_sys::Event| -> Option<Key> {
        let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
        let attr = target
            .closest("mark[data-key]")
            .ok()??
            .get_attribute("data-key")?;
        places.with_untracked(|p| p.iter().map(Key::of).find(|k| k.attr() == attr))
    };
    let point = move |ev: &web_sys::Event| links.point(key_at(ev));
    let choose = move |ev: &web_sys::Event| {
        if let Some(key) = key_at(ev) {
            links.choose(key, ChosenOn::Elsewhere);
        }
    };
    let choose_by_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Enter" || ev.key() == " " {
            ev.prevent_default();
            choose(&ev);
        }
    };
    let highlights = NodeRef::<leptos::html::Div>::new();
    // The box shows the text. It is written only when it differs (an example, a restore): to
    // write back what was just typed or pasted would make the browser lay out a long text
    // again.
    let area = NodeRef::<leptos::html::Textarea>::new();
    Effect::new(move |_| {
        let Some(area) = area.get() else { return };
        text.with(|t| {
            if area.value() != *t {
                area.set_value(t);
            }
        });
    });
    show_pointed(links, reading, highlights);
    flash_chosen(links, reading, highlights);
    let load_example = move |ev| load_example(ev, text, previous, example_error, set_text);
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
                <super::marking::MarkMissed text reading corrections />
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
                node_ref=area
                on:input=on_input
            ></textarea>
            <div
                class="highlights"
                id="highlights"
                node_ref=highlights
                hidden=move || !reading.get()
                tabindex="0"
                aria-label="The article with its places highlighted"
                on:mouseover=move |ev| point(&ev)
                on:focusin=move |ev| point(&ev)
                on:mouseleave=move |_| links.point(None)
                on:focusout=move |_| links.point(None)
                on:click=move |ev| choose(&ev)
                on:keydown=choose_by_key
            >
                {move || reading.get().then(|| {
                    settled.with(|t| places.with(|p| highlighted(t, p)))
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

/// The mentions of the place pointed at are drawn as pointed at.
fn show_pointed(links: Links, reading: RwSignal<bool>, highlights: NodeRef<leptos::html::Div>) {
    Effect::new(move |_| {
        let key = links.pointed.get();
        let shown = reading.get();
        let Some(root) = highlights.get() else { return };
        for mark in elements(&root, "mark.linked") {
            let _ = mark.class_list().remove_1("linked");
        }
        if let (true, Some(key)) = (shown, key) {
            for mark in elements(&root, &format!("mark[data-key=\"{}\"]", key.attr())) {
                let _ = mark.class_list().add_1("linked");
            }
        }
    });
}

/// A place chosen anywhere shows the highlights, scrolled to its first mention, with all its
/// mentions flashing.
fn flash_chosen(links: Links, reading: RwSignal<bool>, highlights: NodeRef<leptos::html::Div>) {
    Effect::new(move |_| {
        let Some((key, from)) = links.chosen.get() else {
            return;
        };
        reading.set(true);
        request_animation_frame(move || {
            let Some(root) = highlights.get_untracked() else {
                return;
            };
            let marks = elements(&root, &format!("mark[data-key=\"{}\"]", key.attr()));
            if let Some(first) = marks.first() {
                // A pin chosen on the map brings its mention to the middle of the text; a
                // choice in the list or the text only as far as it must.
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(if from == ChosenOn::Map {
                    web_sys::ScrollLogicalPosition::Center
                } else {
                    web_sys::ScrollLogicalPosition::Nearest
                });
                first.scroll_into_view_with_scroll_into_view_options(&options);
            }
            for mark in &marks {
                let _ = mark.class_list().remove_1("flash");
                // Reading the layout restarts the animation.
                let _ = mark.get_bounding_client_rect();
                let _ = mark.class_list().add_1("flash");
            }
        });
    });
}

/// The text `t` with the mentions of the places `p` marked, each as its place is drawn.
fn highlighted(t: &str, p: &[Place]) -> AnyView {
    segments(t, p)
        .into_iter()
        .map(|segment| {
            let piece = t[segment.span].to_string();
            match segment.place {
                None => view! { <span>{piece}</span> }.into_any(),
                Some(i) => {
                    let place = &p[i];
                    let doubtful = place.doubtful();
                    let class = format!(
                        "mention kind-{}{}",
                        place.kind,
                        if doubtful { " doubtful" } else { "" }
                    );
                    view! {
                        <mark class=class tabindex="0" data-key=Key::of(place).attr()>
                            {piece}
                        </mark>
                    }
                    .into_any()
                }
            }
        })
        .collect_view()
        .into_any()
}

/// Loads the example chosen in the menu (`ev`'s target) into the box, keeping the reader's own
/// text to be restored (in `previous`); a failed download is told in `error`.
fn load_example(
    ev: web_sys::Event,
    text: RwSignal<String>,
    previous: RwSignal<Option<String>>,
    error: RwSignal<Option<String>>,
    set_text: impl Fn(String, bool) + 'static,
) {
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
                error.set(None);
                set_text(String::from_utf8_lossy(&bytes).into_owned(), true);
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    });
}
