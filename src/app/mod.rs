//! The web app: a thin Leptos shell over the core. It owns no geoparsing logic; it reads the
//! article, shows the map and the places panel, and keeps the user's work in the browser.
//!
//! Built for `wasm32` only (by Trunk, from `index.html`); started by `public/boot.js`.

mod article;
mod basemap;
mod fetch;
mod gazetteer;
mod leaflet;
mod links;
mod map_view;
mod marking;
mod places;
mod sharing;
mod storage;

use crate::geoparse::events::EventCue;
use crate::views::corrections::{ArticleEnds, ByArticle, Corrections, article_key};
use leptos::prelude::*;
use map_view::MapView;

/// How often the progress of a long read is shown, in milliseconds.
const PROGRESS_EVERY_MS: f64 = 250.0;
/// How long a long read works before the browser gets its turn, in milliseconds.
const SLICE_MS: f64 = 30.0;

/// Lets the browser paint and handle input before the next piece of work.
async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// 286332 → "286,332".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Mounts the app on the page's `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    mount_to_body(App);
}

/// The whole page: header, article, map and places.
#[component]
fn App() -> impl IntoView {
    let loaded = gazetteer::Loaded(RwSignal::new(None));
    provide_context(loaded);
    let status = RwSignal::new(gazetteer::Status::Loading {
        part: 0,
        progress: Default::default(),
    });
    gazetteer::load(status, loaded);
    links::Links::provide();

    let notice = RwSignal::new(None::<String>);
    let shared = arrive_by_link(notice);
    sharing::follow_share_links();
    // The corrections of every article worked on, each kept under its article's key.
    let book = StoredValue::new(
        storage::load(storage::CORRECTIONS)
            .and_then(|json| serde_json::from_str::<ByArticle>(&json).ok())
            .unwrap_or_default(),
    );
    let own_text = match &shared {
        Some(shared) => shared.text.clone(),
        None => storage::load(storage::ARTICLE).unwrap_or_default(),
    };
    let key = RwSignal::new(match &shared {
        Some(shared) => article_key(&shared.text),
        None => storage::load(storage::ARTICLE_KEY).unwrap_or_else(|| article_key(&own_text)),
    });
    if let Some(shared) = shared {
        book.update_value(|b| b.set(&key.get_untracked(), shared.corrections));
    }
    // The article as typed, and as last settled (a quarter second after the last keystroke,
    // at once after a paste): the places follow the settled text.
    let text = RwSignal::new(own_text);
    let settled = RwSignal::new(text.get_untracked());
    // The reader's corrections of this article, applied to every view and export.
    let corrections = RwSignal::new(book.with_value(|b| b.get(&key.get_untracked())));
    keep_corrections(text, key, book, corrections);
    // The places of the settled text.
    let parsed = RwSignal::new(Vec::<crate::geoparse::Place>::new());
    let progress = RwSignal::new(None::<(usize, usize)>);
    read_places(settled, loaded, parsed, progress);
    let found = Memo::new(move |_| {
        let places = parsed.get();
        corrections.with(|c| {
            loaded.0.with(|g| match g {
                // Only marked names need the text: without them, a new text waits for its
                // places instead of applying the corrections to the old ones first.
                Some(g) if !c.marked.is_empty() => settled.with(|t| c.apply(g, t, places)),
                Some(g) => c.apply(g, "", places),
                None => places,
            })
        })
    });
    // The conflict lens: only the places of sentences that report one kind of event.
    let lens = RwSignal::new(None::<EventCue>);
    let shown = Memo::new(move |_| match lens.get() {
        None => found.get(),
        Some(cue) => found.with(|places| {
            places
                .iter()
                .filter(|p| p.mentions.iter().any(|m| m.cue == Some(cue)))
                .cloned()
                .collect()
        }),
    });
    let reading = RwSignal::new(false);
    view! {
        <header class="topbar">
            <h1>"conflict-mapper"</h1>
            <p class="tagline">"Every place an article names, on a map. Nothing you paste leaves this computer."</p>
            <TilesSwitch />
        </header>
        {move || notice.get().map(|message| view! {
            <div class="notice warning" role="alert">
                <p>{message}</p>
                <button type="button" class="link" on:click=move |_| notice.set(None)>"Dismiss"</button>
            </div>
        })}
        <main class="workspace">
            <article::Article text settled places=found corrections reading />
            <section class="map-area" aria-label="Map">
                <MapView places=shown text=settled />
            </section>
            <aside class="places" aria-labelledby="places-heading">
                <h2 id="places-heading">"Places"</h2>
                <gazetteer::GazetteerStatus status loaded />
                {move || progress.get().map(|(done, total)| view! {
                    <div class="reading-status" role="status" aria-live="polite">
                        <p>{format!("Reading the article… {}%", done * 100 / total.max(1))}</p>
                        <progress max=total.to_string() value=done.to_string()></progress>
                    </div>
                })}
                <Show when=move || found.with(Vec::is_empty)>
                    <p class="empty">"Places the article names will be listed here, each with the sentences that mention it."</p>
                </Show>
                <places::Exports places=found corrections />
                <Show when=move || settled.with(|t| !t.trim().is_empty())>
                    <div class="share">
                        <sharing::ShareLink text=settled corrections />
                    </div>
                </Show>
                <places::Lens lens />
                <places::PlaceList places=shown corrections />
            </aside>
        </main>
        <footer class="credits">
            "Place names: "
            <a href="https://www.geonames.org/" rel="noopener">"GeoNames"</a>
            " ("
            <a href="https://creativecommons.org/licenses/by/4.0/" rel="noopener">"CC BY 4.0"</a>
            "). Basemap: "
            <a href="https://www.naturalearthdata.com/" rel="noopener">"Natural Earth"</a>
            " (public domain). Map: "
            <a href="https://leafletjs.com/" rel="noopener">"Leaflet"</a>
            "."
        </footer>
    }
}

/// Opt-in OpenStreetMap background tiles. Switching reloads the page, because the page's
/// Content-Security-Policy can only admit the tile host from the start (see `public/csp.js`).
#[component]
fn TilesSwitch() -> impl IntoView {
    let on = storage::load(storage::TILES).as_deref() == Some("osm");
    let toggle = move |ev| {
        if event_target_checked(&ev) {
            storage::save(storage::TILES, "osm");
        } else {
            storage::remove(storage::TILES);
        }
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    };
    view! {
        <label class="tiles-switch" title="Loads background tiles from tile.openstreetmap.org; reloads the page">
            <input type="checkbox" id="osm-tiles" prop:checked=on on:change=toggle />
            " OpenStreetMap background"
        </label>
    }
}

/// The article a share link brings, if the page was opened by one: its text is stored as the
/// article (the reader's own text kept, to be restored); a damaged link says so in `notice`
/// and changes nothing.
fn arrive_by_link(notice: RwSignal<Option<String>>) -> Option<crate::views::share::Shared> {
    match sharing::from_link() {
        Some(Ok(shared)) => {
            let own = storage::load(storage::ARTICLE).unwrap_or_default();
            if !own.trim().is_empty() && own != shared.text {
                storage::save(storage::PREVIOUS, &own);
            }
            storage::save(storage::ARTICLE, &shared.text);
            Some(shared)
        }
        Some(Err(e)) => {
            notice.set(Some(format!("{e}. Your own text is as you left it.")));
            None
        }
        None => None,
    }
}

/// Keeps each article's corrections: another article in the box brings its own (none, or
/// those it had), and every change is stored under the article's key.
fn keep_corrections(
    text: RwSignal<String>,
    key: RwSignal<String>,
    book: StoredValue<ByArticle>,
    corrections: RwSignal<Corrections>,
) {
    // Another article in the box (a paste over the whole text, an example, a share link, the
    // reader's own text restored) brings its own corrections: none, or those it had.
    let before = StoredValue::new(text.with_untracked(|t| ArticleEnds::of(t)));
    Effect::new(move |_| {
        text.with(|now| {
            if before.with_value(|old| old.replaced_by(now)) {
                let k = article_key(now);
                corrections.set(book.with_value(|b| b.get(&k)));
                storage::save(storage::ARTICLE_KEY, &k);
                key.set(k);
            }
            before.set_value(ArticleEnds::of(now));
        })
    });
    Effect::new(move |_| {
        let k = key.get_untracked();
        let c = corrections.get();
        book.update_value(|b| b.set(&k, c));
        book.with_value(|b| match serde_json::to_string(b) {
            Ok(json) if !b.articles.is_empty() => {
                storage::save(storage::CORRECTIONS, &json);
            }
            _ => storage::remove(storage::CORRECTIONS),
        });
    });
}

/// Reads the places of the settled text into `parsed` whenever it changes. A long text is
/// read a piece at a time, yielding to the browser between pieces, so the page stays
/// responsive and shows in `progress` how far it has read.
fn read_places(
    settled: RwSignal<String>,
    loaded: gazetteer::Loaded,
    parsed: RwSignal<Vec<crate::geoparse::Place>>,
    progress: RwSignal<Option<(usize, usize)>>,
) {
    let job = StoredValue::new(0u64);
    Effect::new(move |_| {
        let text = settled.get();
        if !loaded.0.with(Option::is_some) {
            parsed.set(Vec::new());
            return;
        }
        job.update_value(|j| *j += 1);
        let this = job.get_value();
        if text.len() <= crate::geoparse::PIECE {
            let places = loaded.0.with_untracked(|g| {
                g.as_ref()
                    .map(|g| crate::geoparse::geoparse(g, &text).places)
                    .unwrap_or_default()
            });
            progress.set(None);
            parsed.set(places);
            return;
        }
        // (The gazetteer's bytes are shared: the clone is cheap.)
        let Some(gazetteer) = loaded.0.with_untracked(Option::clone) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let mut reader = crate::geoparse::Reader::new(&gazetteer, &text, Default::default());
            progress.set(Some((0, text.len())));
            let mut shown_at = gazetteer::now_ms();
            let mut slice_from = shown_at;
            for range in crate::geoparse::pieces(&text, crate::geoparse::PIECE) {
                if job.get_value() != this {
                    return; // The text changed: a newer job reads it.
                }
                let end = range.end;
                reader.read(range);
                // The progress shows a few times a second: every change of the page makes the
                // browser lay it out again, the long text in its box too.
                let now = gazetteer::now_ms();
                if now - shown_at >= PROGRESS_EVERY_MS {
                    progress.set(Some((end, text.len())));
                    shown_at = now;
                }
                // Pieces are read in slices of a few tens of milliseconds, then the browser
                // has its turn.
                if now - slice_from >= SLICE_MS {
                    yield_to_browser().await;
                    slice_from = gazetteer::now_ms();
                }
            }
            progress.set(None);
            parsed.set(reader.finish().places);
        });
    });
}
