//! The map pane: a Leaflet map over the bundled basemap, with a scale bar, a "whole world"
//! button, optional OpenStreetMap tiles, and the basemap's loading progress or error.

use super::basemap::{self, Basemap};
use super::fetch::{Loading, Progress};
use super::gazetteer::Loaded;
use super::leaflet::{self, Map};
use super::links::Links;
use super::places::{Markers, Why};
use super::storage;
use crate::geoparse::{Place, why_here_at};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Where the basemap download stands.
#[derive(Clone, Debug, PartialEq)]
enum Status {
    Loading(Progress),
    Failed(String),
    Ready,
}

/// OpenStreetMap's standard tiles; the CSP admits the host only after the user opts in.
const OSM_TILES: &str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
const OSM_ATTRIBUTION: &str =
    "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors";

/// Why a place of `text` is where it is, for its popup: the geoparser's own account of its
/// first mention, or, for a place the reader chose, that they did.
fn why_here(text: RwSignal<String>) -> Why {
    let loaded = use_context::<Loaded>();
    std::rc::Rc::new(move |place: &Place| {
        if place.corrected {
            return Some("why here: you chose it".to_string());
        }
        let start = place.mentions.first()?.start;
        let loaded = loaded?;
        loaded.0.with_untracked(|g| {
            text.with_untracked(|t| why_here_at(g.as_ref()?, t, start, Default::default()))
        })
    })
}

/// The map, filling its parent.
#[component]
pub fn MapView(
    /// The places to show.
    places: Memo<Vec<Place>>,
    /// The text they are the places of, as last settled.
    text: RwSignal<String>,
) -> impl IntoView {
    let links = Links::get();
    let why = why_here(text);
    let container = NodeRef::<html::Div>::new();
    let markers: StoredValue<Option<Markers>, LocalStorage> = StoredValue::new_local(None);
    let map_ready = RwSignal::new(false);
    let shade_countries = RwSignal::new(true);
    let status = RwSignal::new(Status::Loading(Progress::default()));
    let map: StoredValue<Option<Map>, LocalStorage> = StoredValue::new_local(None);
    let drawn: StoredValue<Option<Basemap>, LocalStorage> = StoredValue::new_local(None);

    let load = move || load_basemap(status, map, drawn);

    Effect::new(move |_| {
        let Some(element) = container.get() else {
            return;
        };
        if map.with_value(Option::is_some) {
            return;
        }
        let Some(created) = create_map(&element, status, map, markers) else {
            return;
        };
        map.set_value(Some(created));
        map_ready.set(true);
        load();
    });
    // Markers follow the places.
    Effect::new(move |_| {
        if !map_ready.get() {
            return;
        }
        places.track();
        map.with_value(|m| {
            markers.update_value(|k| {
                if let (Some(m), Some(k)) = (m, k) {
                    k.show(m, places, links, why.clone());
                }
            })
        });
    });
    // The countries of the places are shaded, unless the reader turns shading off.
    Effect::new(move |_| {
        let ready = status.get() == Status::Ready;
        let shade = shade_countries.get();
        places.with(|places| {
            if !ready {
                return;
            }
            let codes: Vec<String> = places
                .iter()
                .map(|p| p.country.clone())
                .filter(|c| !c.is_empty())
                .collect();
            basemap::shade_countries(shade.then_some(codes.as_slice()));
        });
    });
    follow_links(links, map, markers);
    on_cleanup(move || {
        drawn.set_value(None);
        if let Some(m) = map.try_get_value().flatten() {
            m.remove();
        }
    });

    let fit_world = move |_| {
        map.with_value(|m| {
            drawn.with_value(|b| {
                if let (Some(m), Some(b)) = (m, b) {
                    m.fit_bounds(&b.bounds(), &leaflet::options(&[]));
                }
            })
        })
    };

    view! {
        <div class="map-frame">
            <div id="map" node_ref=container aria-label="Map of the places named in the article"></div>
            <label class="map-toggle">
                <input
                    type="checkbox"
                    id="shade-countries"
                    prop:checked=move || shade_countries.get()
                    on:change=move |ev| shade_countries.set(event_target_checked(&ev))
                />
                " Shade countries"
            </label>
            <button
                class="map-button"
                type="button"
                title="Zoom out to the whole world"
                disabled=move || status.get() != Status::Ready
                on:click=fit_world
            >
                "Whole world"
            </button>
            {move || match status.get() {
                Status::Loading(progress) => view! { <Loading what="the basemap" progress class="map-notice" /> }.into_any(),
                Status::Failed(message) => {
                    view! {
                        <div class="map-notice error" role="alert">
                            <p>{message}</p>
                            <button type="button" class="retry" on:click=move |_| load()>
                                "Retry"
                            </button>
                        </div>
                    }
                        .into_any()
                }
                Status::Ready => ().into_any(),
            }}
        </div>
    }
}

/// Downloads the basemap and draws it on `map`, with its progress and outcome in `status`.
fn load_basemap(
    status: RwSignal<Status>,
    map: StoredValue<Option<Map>, LocalStorage>,
    drawn: StoredValue<Option<Basemap>, LocalStorage>,
) {
    status.set(Status::Loading(Progress::default()));
    spawn_local(async move {
        let outcome = match basemap::load(move |p| status.set(Status::Loading(p))).await {
            Ok(data) => map.with_value(|m| match m {
                Some(m) => Basemap::draw(m, &data)
                    .map(|b| drawn.set_value(Some(b)))
                    .map_err(|e| {
                        format!(
                            "The map could not draw the basemap: {}",
                            super::fetch::js_text(&e)
                        )
                    }),
                None => Err("The map is gone.".to_string()),
            }),
            Err(e) => Err(e.to_string()),
        };
        status.set(match outcome {
            Ok(()) => {
                // For the browser tests' budgets: when the map is drawn.
                let _ = web_sys::window()
                    .and_then(|w| w.performance())
                    .map(|p| p.mark("conflict-mapper:basemap"));
                Status::Ready
            }
            Err(message) => Status::Failed(message),
        });
    });
}

/// The page's one Leaflet map in `element`: its scale bar, the reader's OpenStreetMap tiles if
/// they opted in, and `markers`, spread anew at every zoom; a failure is told in `status`.
fn create_map(
    element: &web_sys::HtmlDivElement,
    status: RwSignal<Status>,
    map: StoredValue<Option<Map>, LocalStorage>,
    markers: StoredValue<Option<Markers>, LocalStorage>,
) -> Option<Map> {
    let options = leaflet::options(&[
        ("minZoom", 1.into()),
        ("maxZoom", 14.into()),
        ("worldCopyJump", true.into()),
        ("zoomSnap", 0.5.into()),
    ]);
    let created = match leaflet::new_map(element, &options) {
        Ok(created) => created,
        Err(e) => {
            status.set(Status::Failed(format!(
                "The map library failed to start: {}",
                super::fetch::js_text(&e)
            )));
            return None;
        }
    };
    created.set_view(&leaflet::lat_lng(30.0, 42.0), 3.0);
    leaflet::scale_control(&leaflet::options(&[("maxWidth", 140.into())])).add_to(&created);
    if storage::load(storage::TILES).as_deref() == Some("osm") {
        leaflet::tile_layer(
            OSM_TILES,
            &leaflet::options(&[
                ("maxZoom", 19.into()),
                ("attribution", OSM_ATTRIBUTION.into()),
                ("className", "osm-tiles".into()),
            ]),
        )
        .add_to(&created);
    }
    markers.set_value(Some(Markers::new(&created)));
    // Markers that would hide one another are spread anew at every zoom. The handler lives
    // as long as the page's one map.
    // (A zoom that `Markers::show` itself makes finds the markers busy, and is skipped:
    // `show` spreads them when it is done.)
    let respread = Closure::<dyn FnMut()>::new(move || {
        map.with_value(|m| {
            markers.try_with_value(|k| {
                if let (Some(m), Some(k)) = (m, k) {
                    k.spread(m);
                }
            })
        });
    });
    created.on("zoomend", respread.as_ref().unchecked_ref());
    respread.forget();
    Some(created)
}

/// The place pointed at anywhere is drawn as pointed at on the map, and a place chosen
/// anywhere opens on it.
fn follow_links(
    links: Links,
    map: StoredValue<Option<Map>, LocalStorage>,
    markers: StoredValue<Option<Markers>, LocalStorage>,
) {
    // The place pointed at anywhere is drawn as pointed at on the map.
    Effect::new(move |_| {
        links.pointed.with(|key| {
            markers.update_value(|k| {
                if let Some(k) = k {
                    k.link(key.as_ref());
                }
            })
        })
    });
    // A place chosen anywhere opens on the map.
    Effect::new(move |_| {
        let Some((key, from)) = links.chosen.get() else {
            return;
        };
        map.with_value(|m| {
            markers.with_value(|k| {
                if let (Some(m), Some(k)) = (m, k) {
                    k.open(m, &key, from);
                }
            })
        })
    });
}
