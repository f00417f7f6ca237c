//! The places view: the article's places as markers on the map (with a popup of their
//! sentences) and as a list beside it. Article text is only ever inserted as text.

use super::leaflet::{self, Layer, Map};
use super::links::{ChosenOn, Key, Links};
use crate::geoparse::{Mention, Place};
use crate::views::corrections::Corrections;
use crate::views::groups::by_country_and_region;
use crate::views::spread::{Disc, spread};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, HtmlElement};

/// The markers of the current places, on their own layer of the map, linked to the other
/// views through [`Links`]: pointing at a marker points at its place everywhere, clicking it
/// chooses the place. Markers that would hide one another are spread apart, each with a thin
/// leg to its true spot.
pub struct Markers {
    group: Layer,
    legs: Layer,
    shown: Vec<Shown>,
    /// The event handlers of the markers shown; dropped with them.
    handlers: Vec<Handler>,
    /// The makers of their popups; dropped with them.
    popups: Vec<Popup>,
    /// The marker drawn as pointed at.
    linked: Option<usize>,
}

/// A Leaflet event handler written in Rust.
type Handler = Closure<dyn FnMut()>;
/// What makes a popup's content when it opens.
type Popup = Closure<dyn FnMut() -> JsValue>;

/// One place on the map.
struct Shown {
    key: Key,
    layer: Layer,
    lon: f64,
    lat: f64,
    radius: f64,
    /// A region drawn as an area: never spread.
    area: bool,
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
    let s: &str = &m.sentence;
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

/// Says why a place is where it is, in a line ("why here: …").
pub type Why = std::rc::Rc<dyn Fn(&Place) -> Option<String>>;

/// The popup of a place: name, kind, path, confidence, why it is there, and every sentence
/// naming it.
fn popup(document: &Document, place: &Place, why: &Why) -> Option<HtmlElement> {
    let root = element(document, "div", "place-popup", "")?;
    root.append_child(&element(document, "h3", "", &place.name)?.into())
        .ok()?;
    let mut facts = format!("{} · {}", describe(place), place.path.join(" › "));
    facts.push_str(&format!(" · confidence {:.0}%", place.confidence * 100.0));
    root.append_child(&element(document, "p", "facts", &facts)?.into())
        .ok()?;
    if let Some(line) = why(place) {
        root.append_child(&element(document, "p", "why", &line)?.into())
            .ok()?;
    }
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
        "lake" => "lake",
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
        "sea" | "lake" | "river" => "#1a5fb4",
        _ => "#b3261e",
    }
}

impl Markers {
    /// An empty marker layer on `map`.
    pub fn new(map: &Map) -> Markers {
        let legs = leaflet::feature_group();
        legs.add_to(map);
        let group = leaflet::feature_group();
        group.add_to(map);
        Markers {
            group,
            legs,
            shown: Vec::new(),
            handlers: Vec::new(),
            popups: Vec::new(),
            linked: None,
        }
    }

    /// Shows `places`, replacing what was shown, and brings them into view.
    /// Each popup says why its place is there, as `why` tells.
    pub fn show(&mut self, map: &Map, places: Memo<Vec<Place>>, links: Links, why: Why) {
        places.with_untracked(|list| self.draw(map, places, list, links, why));
    }

    /// Draws `list`, the current value of `places` (which the popups read when they open).
    fn draw(
        &mut self,
        map: &Map,
        places: Memo<Vec<Place>>,
        list: &[Place],
        links: Links,
        why: Why,
    ) {
        let had_places = !self.shown.is_empty();
        self.group.clear_layers();
        self.legs.clear_layers();
        self.shown.clear();
        self.handlers.clear();
        self.popups.clear();
        self.linked = None;
        for (index, place) in list.iter().enumerate() {
            let radius = 6.0 + 3.0 * (place.mentions.len() as f64).sqrt();
            let doubtful = place.doubtful();
            let class = format!(
                "place-marker kind-{}{}",
                place.kind,
                if doubtful { " doubtful" } else { "" }
            );
            // A region with an outline is drawn as a shaded area, everything else as a marker.
            let area = place.outline.len() >= 3;
            let marker = if area {
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
            // The popup is made when it opens: a place of a long text may have thousands of
            // sentences, and most popups are never opened.
            let why = why.clone();
            let content = Popup::new(move || {
                places
                    .with_untracked(|p| popup(&document()?, p.get(index)?, &why))
                    .map_or(JsValue::NULL, JsValue::from)
            });
            marker.bind_popup(
                content.as_ref(),
                &leaflet::options(&[("maxWidth", 360.into())]),
            );
            self.popups.push(content);
            marker.bind_tooltip(&place.name, &leaflet::options(&[]));
            let key = Key::of(place);
            let handlers: [(&str, Handler); 3] = [
                ("mouseover", {
                    let key = key.clone();
                    Handler::new(move || links.point(Some(key.clone())))
                }),
                ("mouseout", Handler::new(move || links.point(None))),
                ("click", {
                    let key = key.clone();
                    Handler::new(move || links.choose(key.clone(), ChosenOn::Map))
                }),
            ];
            for (event, handler) in handlers {
                marker.on_layer(event, handler.as_ref().unchecked_ref());
                self.handlers.push(handler);
            }
            self.group.add_layer(&marker);
            if let Some(element) = marker.get_element() {
                let _ = element.set_attribute("data-key", &key.attr());
            }
            self.shown.push(Shown {
                key,
                layer: marker,
                lon: place.lon,
                lat: place.lat,
                radius,
                area,
            });
        }
        // The map moves when a place lies outside the view, when the places fill little of it,
        // or when it held no places; typing that adds a place already in view leaves it still
        // (and spares the redrawing of the basemap).
        let bounds = self.group.get_bounds();
        let view = map.get_bounds();
        // (The bounds of no places are not valid and have no sides.)
        let refit = bounds.is_valid()
            && (!had_places
                || !view.contains(&bounds)
                || (bounds.east() - bounds.west() < (view.east() - view.west()) / 4.0
                    && bounds.north() - bounds.south() < (view.north() - view.south()) / 4.0));
        if refit {
            map.fit_bounds(
                &bounds,
                &leaflet::options(&[
                    ("maxZoom", 8.into()),
                    ("padding", js_sys::Array::of2(&30.into(), &30.into()).into()),
                ]),
            );
        }
        self.spread(map);
    }

    /// Spreads the markers that would hide one another at the map's zoom (call again when the
    /// zoom changes), drawing a leg from each moved marker to its true spot.
    pub fn spread(&self, map: &Map) {
        self.legs.clear_layers();
        let markers: Vec<&Shown> = self.shown.iter().filter(|s| !s.area).collect();
        let discs: Vec<Disc> = markers
            .iter()
            .map(|s| {
                let point = map.lat_lng_to_layer_point(&leaflet::lat_lng(s.lon, s.lat));
                Disc {
                    x: leaflet::get(&point, "x").as_f64().unwrap_or_default(),
                    y: leaflet::get(&point, "y").as_f64().unwrap_or_default(),
                    r: s.radius,
                }
            })
            .collect();
        for ((shown, disc), (x, y)) in markers.iter().zip(&discs).zip(spread(&discs, 2.0)) {
            let home = leaflet::lat_lng(shown.lon, shown.lat);
            if (x - disc.x).hypot(y - disc.y) < 0.5 {
                shown.layer.set_lat_lng(&home);
                continue;
            }
            let moved = map.layer_point_to_lat_lng(&js_sys::Array::of2(&x.into(), &y.into()));
            shown.layer.set_lat_lng(&moved);
            self.legs.add_layer(&leaflet::polyline(
                &js_sys::Array::of2(&home, &moved),
                &leaflet::options(&[
                    ("color", "#55606e".into()),
                    ("weight", 1.into()),
                    ("interactive", false.into()),
                    ("className", "spread-leg".into()),
                ]),
            ));
        }
    }

    /// Draws the marker of `key` as pointed at (and no other).
    pub fn link(&mut self, key: Option<&Key>) {
        let at = key.and_then(|k| self.shown.iter().position(|s| &s.key == k));
        if at == self.linked {
            return;
        }
        let class = |i: Option<usize>, on: bool| {
            if let Some(element) = i.and_then(|i| self.shown[i].layer.get_element()) {
                let _ = element.class_list().toggle_with_force("linked", on);
            }
        };
        class(self.linked, false);
        class(at, true);
        if let Some(i) = at.filter(|&i| !self.shown[i].area) {
            self.shown[i].layer.bring_to_front();
        }
        self.linked = at;
    }

    /// Opens the popup of the place `key`, centring on it unless it was chosen on the map.
    pub fn open(&self, map: &Map, key: &Key, from: ChosenOn) {
        let Some(shown) = self.shown.iter().find(|s| &s.key == key) else {
            return;
        };
        if from != ChosenOn::Map {
            map.fly_to(
                &leaflet::lat_lng(shown.lon, shown.lat),
                map.get_zoom().max(6.0),
            );
        }
        if !shown.layer.is_popup_open() {
            shown.layer.open_popup();
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

/// The list of places beside the map, grouped by country and region; choosing one opens it on
/// the map and flashes its mentions. Each place can be removed or switched to another reading
/// of its name.
#[component]
pub fn PlaceList(
    /// The places of the article.
    places: Memo<Vec<Place>>,
    /// The reader's corrections.
    corrections: RwSignal<Corrections>,
) -> impl IntoView {
    let filter = RwSignal::new(String::new());
    let by_mentions = RwSignal::new(false);
    // The places as listed: filtered by name or path, in text order or by mentions, grouped by
    // country and region.
    let groups = move || {
        let needle = crate::text::normalize(&filter.get());
        let by_mentions = by_mentions.get();
        places.with(|places| {
            let mut order: Vec<usize> = (0..places.len())
                .filter(|&i| {
                    let p = &places[i];
                    needle.is_empty()
                        || crate::text::normalize(&p.path.join(" ")).contains(&needle)
                        || p.mentions
                            .iter()
                            .any(|m| crate::text::normalize(m.text()).contains(&needle))
                })
                .collect();
            if by_mentions {
                order.sort_by_key(|&i| (std::cmp::Reverse(places[i].mentions.len()), i));
            }
            by_country_and_region(places, &order)
                .into_iter()
                .map(|g| {
                    let pick = |is: &[usize]| is.iter().map(|&i| places[i].clone()).collect::<Vec<_>>();
                    let label = g.country.unwrap_or_else(|| "Seas, rivers and wider regions".to_string());
                    let own = pick(&g.places);
                    let regions: Vec<(String, Vec<Place>)> =
                        g.regions.iter().map(|r| (r.region.clone(), pick(&r.places))).collect();
                    let aria = label.clone();
                    view! {
                        <li class="place-group" aria-label=aria>
                            <h3 class="group-name">{label}</h3>
                            <ul class="group-places" role="list">
                                {own.into_iter().map(|p| view! { <PlaceItem place=p corrections /> }).collect_view()}
                                {regions
                                    .into_iter()
                                    .map(|(region, places)| view! {
                                        <li class="place-region" aria-label=region.clone()>
                                            <h4 class="region-name">{region.clone()}</h4>
                                            <ul class="region-places" role="list">
                                                {places.into_iter().map(|p| view! { <PlaceItem place=p corrections /> }).collect_view()}
                                            </ul>
                                        </li>
                                    })
                                    .collect_view()}
                            </ul>
                        </li>
                    }
                })
                .collect_view()
        })
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
                {groups}
            </ul>
        </Show>
    }
}

/// One place in the list: its name, what it is and where, its mentions, and its corrections.
#[component]
fn PlaceItem(place: Place, corrections: RwSignal<Corrections>) -> impl IntoView {
    let links = Links::get();
    let key = Key::of(&place);
    let name = place.name.clone();
    let within = place.path.get(1..).unwrap_or_default().join(" › ");
    let detail = if within.is_empty() {
        describe(&place)
    } else {
        format!("{} · {within}", describe(&place))
    };
    let count = place.mentions.len();
    let id = place.id;
    let alternatives = if place.approximate {
        Vec::new()
    } else {
        place.alternatives.clone()
    };
    let mentions = if count == 1 {
        "1 mention".to_string()
    } else {
        format!("{count} mentions")
    };
    let chosen_attr = key.attr();
    let (pointed, enter, choose, chosen) = (key.clone(), key.clone(), key.clone(), key);
    // A place chosen on the map is scrolled into view in the list.
    let item = NodeRef::<leptos::html::Li>::new();
    Effect::new(move |_| {
        let from_map = links.chosen.with(|c| {
            c.as_ref()
                .is_some_and(|(k, from)| *k == chosen && *from == ChosenOn::Map)
        });
        if let (true, Some(item)) = (from_map, item.get_untracked()) {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            item.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
    view! {
        <li
            node_ref=item
            data-key=chosen_attr
            class=format!("place-item kind-{}", place.kind)
            class:linked=move || links.is_pointed(&pointed)
            aria-label=name.clone()
            on:mouseenter=move |_| links.point(Some(enter.clone()))
            on:mouseleave=move |_| links.point(None)
        >
            <button
                type="button"
                class="place-open"
                on:click=move |_| links.choose(choose.clone(), ChosenOn::Elsewhere)
                on:focus={
                    let key = Key::of(&place);
                    move |_| links.point(Some(key.clone()))
                }
                on:blur=move |_| links.point(None)
            >
                <span class="place-name">{name.clone()}</span>
                <span class="place-detail">{detail}</span>
                <span class="place-count">{mentions}</span>
            </button>
            <div class="place-fix">
                <button
                    type="button"
                    aria-label=format!("Remove the pin for {name}")
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
