//! The places view: the article's places as markers on the map (with a popup of their
//! sentences) and as a list beside it. Article text is only ever inserted as text.

use super::leaflet::{self, Layer, Map};
use crate::geoparse::{Mention, Place};
use crate::views::corrections::Corrections;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement};

/// The markers of the current places, on their own layer of the map.
pub struct Markers {
    group: Layer,
    /// One marker per place, in the order of the places shown.
    by_place: Vec<Layer>,
}

fn document() -> Option<Document> {
    web_sys::window()?.document()
}

/// An element with text content (never parsed as HTML).
fn element(document: &Document, tag: &str, class: &str, text: &str) -> Option<HtmlElement> {
    let e: HtmlElement = document.create_element(tag).ok()?.dyn_into().ok()?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    if !text.is_empty() {
        e.set_text_content(Some(text));
    }
    Some(e)
}

/// A sentence with the mention in bold.
fn sentence(document: &Document, m: &Mention) -> Option<HtmlElement> {
    let p = element(document, "p", "sentence", "")?;
    let (from, to) = (m.start - m.sentence_start, m.end - m.sentence_start);
    let s = &m.sentence;
    if s.is_char_boundary(from) && s.is_char_boundary(to) && to <= s.len() {
        p.append_with_str_1(&s[..from]).ok()?;
        p.append_child(&element(document, "strong", "", &s[from..to])?.into())
            .ok()?;
        p.append_with_str_1(&s[to..]).ok()?;
    } else {
        p.set_text_content(Some(s));
    }
    Some(p)
}

/// The popup of a place: name, kind, path, confidence, and every sentence naming it.
fn popup(document: &Document, place: &Place) -> Option<HtmlElement> {
    let root = element(document, "div", "place-popup", "")?;
    root.append_child(&element(document, "h3", "", &place.name)?.into())
        .ok()?;
    let mut facts = format!("{} · {}", describe(place), place.path.join(" › "));
    facts.push_str(&format!(" · confidence {:.0}%", place.confidence * 100.0));
    root.append_child(&element(document, "p", "facts", &facts)?.into())
        .ok()?;
    for m in &place.mentions {
        let p = sentence(document, m)?;
        if let Some(cue) = m.cue {
            p.append_with_str_1(" ").ok()?;
            let tag = element(
                document,
                "span",
                &format!("cue cue-{}", cue.as_str()),
                cue.label(),
            )?;
            p.append_child(&tag.into()).ok()?;
        }
        root.append_child(&p.into()).ok()?;
    }
    Some(root)
}

/// What a place is, in words.
pub fn describe(place: &Place) -> String {
    let kind = match place.kind.as_str() {
        "place" => "settlement",
        "admin1" => "region",
        "admin2" => "district",
        "country" => "country",
        "sea" => "sea",
        "river" => "river",
        _ => "area",
    };
    if place.approximate {
        format!(
            "{kind}, placed approximately in {}",
            place.within.as_deref().unwrap_or("its region")
        )
    } else {
        kind.to_string()
    }
}

/// The colour of a kind: settlements red, regions purple, countries grey, waters blue.
fn colour(place: &Place) -> &'static str {
    match place.kind.as_str() {
        "place" => "#b3261e",
        "admin1" | "admin2" | "region" => "#7b3fa0",
        "country" => "#55606e",
        "sea" | "river" => "#1a5fb4",
        _ => "#b3261e",
    }
}

impl Markers {
    /// An empty marker layer on `map`.
    pub fn new(map: &Map) -> Markers {
        let group = leaflet::feature_group();
        group.add_to(map);
        Markers {
            group,
            by_place: Vec::new(),
        }
    }

    /// Shows `places`, replacing what was shown, and fits the map to them.
    pub fn show(&mut self, map: &Map, places: &[Place]) {
        self.group.clear_layers();
        self.by_place.clear();
        let Some(document) = document() else { return };
        for place in places {
            let radius = 6.0 + 3.0 * (place.mentions.len() as f64).sqrt();
            let doubtful = place.approximate || place.confidence < 0.5;
            let class = format!(
                "place-marker kind-{}{}",
                place.kind,
                if doubtful { " doubtful" } else { "" }
            );
            // A region with an outline is drawn as a shaded area, everything else as a marker.
            let marker = if place.outline.len() >= 3 {
                let ring: js_sys::Array = place
                    .outline
                    .iter()
                    .map(|&[lon, lat]| leaflet::lat_lng(lon, lat))
                    .collect();
                leaflet::polygon(
                    &ring,
                    &leaflet::options(&[
                        ("color", colour(place).into()),
                        ("weight", 1.5.into()),
                        ("fillColor", colour(place).into()),
                        ("fillOpacity", 0.15.into()),
                        (
                            "className",
                            format!("place-area kind-{}", place.kind).into(),
                        ),
                    ]),
                )
            } else {
                leaflet::circle_marker(
                    &leaflet::lat_lng(place.lon, place.lat),
                    &leaflet::options(&[
                        ("radius", radius.into()),
                        ("color", "#ffffff".into()),
                        ("weight", 1.5.into()),
                        ("fillColor", colour(place).into()),
                        ("fillOpacity", if doubtful { 0.45 } else { 0.85 }.into()),
                        ("dashArray", if doubtful { "3 3" } else { "" }.into()),
                        ("className", class.into()),
                    ]),
                )
            };
            if let Some(content) = popup(&document, place) {
                marker.bind_popup(&content, &leaflet::options(&[("maxWidth", 360.into())]));
            }
            marker.bind_tooltip(&place.name, &leaflet::options(&[]));
            self.group.add_layer(&marker);
            self.by_place.push(marker);
        }
        if !places.is_empty() {
            map.fit_bounds(
                &self.group.get_bounds(),
                &leaflet::options(&[
                    ("maxZoom", 8.into()),
                    ("padding", js_sys::Array::of2(&30.into(), &30.into()).into()),
                ]),
            );
        }
    }

    /// Opens the popup of the place at `index` of the last [`Markers::show`], centring on it.
    pub fn open(&self, map: &Map, index: usize, place: &Place) {
        if let Some(marker) = self.by_place.get(index) {
            map.fly_to(
                &leaflet::lat_lng(place.lon, place.lat),
                map.get_zoom().max(6.0),
            );
            marker.open_popup();
        }
    }
}

/// "Kostiantynivka, Zaporizka oblast, about 260 km away".
fn reading(a: &crate::geoparse::Alternative) -> String {
    let mut words = vec![a.name.clone()];
    words.extend(a.admin1_name.clone());
    if !a.country.is_empty() {
        words.push(a.country.clone());
    }
    format!("{}, about {:.0} km away", words.join(", "), a.distance_km)
}

/// The list of places beside the map; choosing one opens it on the map. Each place can be
/// removed or switched to another reading of its name.
#[component]
pub fn PlaceList(
    /// The places of the article.
    places: Memo<Vec<Place>>,
    /// Set to the index of the chosen place.
    chosen: WriteSignal<Option<usize>>,
    /// The reader's corrections.
    corrections: RwSignal<Corrections>,
) -> impl IntoView {
    let filter = RwSignal::new(String::new());
    let by_mentions = RwSignal::new(false);
    // The places as listed: filtered by name or path, in text order or by mentions; each
    // keeps its index in `places`, which the map uses.
    let listed = move || {
        let needle = crate::text::normalize(&filter.get());
        let mut listed: Vec<(usize, Place)> = places
            .get()
            .into_iter()
            .enumerate()
            .filter(|(_, p)| {
                needle.is_empty()
                    || crate::text::normalize(&p.path.join(" ")).contains(&needle)
                    || p.mentions
                        .iter()
                        .any(|m| crate::text::normalize(&m.text).contains(&needle))
            })
            .collect();
        if by_mentions.get() {
            listed.sort_by_key(|(i, p)| (std::cmp::Reverse(p.mentions.len()), *i));
        }
        listed
    };
    view! {
        <Show when=move || places.with(|p| !p.is_empty())>
            <div class="list-tools">
                <input
                    type="search"
                    id="place-filter"
                    placeholder="Filter places"
                    aria-label="Filter places"
                    prop:value=move || filter.get()
                    on:input=move |ev| filter.set(event_target_value(&ev))
                />
                <select
                    id="place-order"
                    aria-label="Order of places"
                    on:change=move |ev| by_mentions.set(event_target_value(&ev) == "mentions")
                >
                    <option value="text" selected>"In text order"</option>
                    <option value="mentions">"Most mentioned first"</option>
                </select>
            </div>
            <ul class="place-list" role="list" aria-label="Places in the article">
                <For
                    each=listed
                    key=|(i, p)| (*i, p.id, p.mentions.len())
                    children=move |(i, place)| {
                        let name = place.name.clone();
                        let label = name.clone();
                        let within = place.path.get(1..).unwrap_or_default().join(" › ");
                        let detail = if within.is_empty() {
                            describe(&place)
                        } else {
                            format!("{} · {within}", describe(&place))
                        };
                        let count = place.mentions.len();
                        let id = place.id;
                        let alternatives = if place.approximate { Vec::new() } else { place.alternatives.clone() };
                        let mentions = if count == 1 { "1 mention".to_string() } else { format!("{count} mentions") };
                        view! {
                            <li class=format!("place-item kind-{}", place.kind) aria-label=label.clone()>
                                <button type="button" class="place-open" on:click=move |_| chosen.set(Some(i))>
                                    <span class="place-name">{name}</span>
                                    <span class="place-detail">{detail}</span>
                                    <span class="place-count">{mentions}</span>
                                </button>
                                <div class="place-fix">
                                    <button
                                        type="button"
                                        aria-label=format!("Remove the pin for {label}")
                                        on:click=move |_| corrections.update(|c| c.remove(id))
                                    >
                                        "Remove"
                                    </button>
                                    {(!alternatives.is_empty()).then(|| view! {
                                        <details>
                                            <summary>"Other readings"</summary>
                                            <ul class="readings">
                                                {alternatives
                                                    .into_iter()
                                                    .map(|a| {
                                                        let to = a.id;
                                                        view! {
                                                            <li>
                                                                <button type="button" on:click=move |_| corrections.update(|c| c.switch(id, to))>
                                                                    {reading(&a)}
                                                                </button>
                                                            </li>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </ul>
                                        </details>
                                    })}
                                </div>
                            </li>
                        }
                    }
                />
            </ul>
        </Show>
    }
}

/// Offers a file for download, made in the browser (nothing is sent anywhere).
fn download(name: &str, mime: &str, content: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&content.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = document().ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// Buttons that export the places as GeoJSON, CSV and KML, and undo the corrections.
#[component]
pub fn Exports(
    /// The places of the article.
    places: Memo<Vec<Place>>,
    /// The reader's corrections.
    corrections: RwSignal<Corrections>,
) -> impl IntoView {
    use crate::geoparse::Geoparse;
    use crate::views::export;
    let save = move |format: &'static str| {
        let found = Geoparse {
            places: places.get_untracked(),
        };
        let (name, mime, content) = match format {
            "geojson" => (
                "places.geojson",
                "application/geo+json",
                serde_json::to_string_pretty(&export::geojson(&found)).unwrap_or_default(),
            ),
            "csv" => ("places.csv", "text/csv", export::csv(&found)),
            _ => (
                "places.kml",
                "application/vnd.google-earth.kml+xml",
                export::kml(&found),
            ),
        };
        let _ = download(name, mime, &content);
    };
    view! {
        <Show when=move || places.with(|p| !p.is_empty())>
            <div class="exports" role="group" aria-label="Export the places">
                "Export: "
                <button type="button" on:click=move |_| save("geojson")>"GeoJSON"</button>
                <button type="button" on:click=move |_| save("csv")>"CSV"</button>
                <button type="button" on:click=move |_| save("kml")>"KML"</button>
                <Show when=move || corrections.with(|c| !c.is_empty())>
                    <button type="button" on:click=move |_| corrections.set(Corrections::default())>
                        "Undo corrections"
                    </button>
                </Show>
            </div>
        </Show>
    }
}

/// The conflict lens: show only the places of sentences that report one kind of event.
#[component]
pub fn Lens(
    /// The event shown, or all places.
    lens: RwSignal<Option<crate::geoparse::events::EventCue>>,
) -> impl IntoView {
    use crate::geoparse::events::EventCue;
    let choose = move |ev| {
        let value = event_target_value(&ev);
        lens.set(EventCue::ALL.into_iter().find(|c| c.as_str() == value));
    };
    view! {
        <label class="lens">
            "Conflict lens: "
            <select id="lens" on:change=choose>
                <option value="" selected>"all places"</option>
                {EventCue::ALL
                    .into_iter()
                    .map(|c| view! { <option value=c.as_str()>{c.label()}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}
