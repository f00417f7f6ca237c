//! Drawing the bundled basemap (`public/basemap/world.geojson`, made by `gazetteer/`): country
//! outlines with light fills, first-level borders, and country labels that appear by rank as the
//! map zooms in.

use super::fetch::{FetchError, Progress, fetch_bytes};
use super::leaflet::{self, Layer, Map};
use js_sys::{Array, Function};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// Where the site serves the basemap, relative to the page.
pub const URL: &str = "public/basemap/world.geojson";

/// Downloads and checks the basemap, returning the parsed GeoJSON.
///
/// # Errors
/// Any [`FetchError`]; [`FetchError::Damaged`] when the file is not a non-empty GeoJSON
/// `FeatureCollection` (a truncated file fails to parse).
pub async fn load(on_progress: impl Fn(Progress)) -> Result<JsValue, FetchError> {
    let bytes = fetch_bytes(URL, on_progress).await?;
    let damaged = |detail: String| FetchError::Damaged {
        url: URL.to_string(),
        detail,
    };
    let text = String::from_utf8(bytes).map_err(|_| damaged("not UTF-8 text".into()))?;
    let data = js_sys::JSON::parse(&text)
        .map_err(|e| damaged(format!("not valid JSON: {}", super::fetch::js_text(&e))))?;
    let features = leaflet::get(&data, "features");
    let is_collection =
        leaflet::get(&data, "type").as_string().as_deref() == Some("FeatureCollection");
    match features.dyn_ref::<Array>() {
        Some(list) if is_collection && list.length() > 0 => Ok(data),
        _ => Err(damaged(
            "not a GeoJSON FeatureCollection of map features".into(),
        )),
    }
}

/// The basemap on a map, with the callbacks Leaflet keeps calling while it lives.
pub struct Basemap {
    layer: Layer,
    _style: Closure<dyn Fn(JsValue) -> JsValue>,
    _point_to_layer: Closure<dyn Fn(JsValue, JsValue) -> JsValue>,
    _zoomend: Closure<dyn Fn()>,
}

impl Basemap {
    /// Draws `data` (checked by [`load`]) on `map` and keeps labels in step with the zoom.
    ///
    /// # Errors
    /// When Leaflet rejects the data.
    pub fn draw(map: &Map, data: &JsValue) -> Result<Basemap, JsValue> {
        let style = Closure::<dyn Fn(JsValue) -> JsValue>::new(|feature: JsValue| {
            let properties = leaflet::get(&feature, "properties");
            let layer = leaflet::get(&properties, "layer").as_string();
            let style = match layer.as_deref() {
                Some("admin1") => leaflet::options(&[
                    ("className", "admin1".into()),
                    ("color", "#9aa1ab".into()),
                    ("weight", 0.7.into()),
                    ("dashArray", "4 3".into()),
                    ("fill", false.into()),
                    ("interactive", false.into()),
                ]),
                _ => leaflet::options(&[
                    (
                        "className",
                        format!(
                            "country iso-{}",
                            leaflet::get(&properties, "iso")
                                .as_string()
                                .unwrap_or_default()
                        )
                        .into(),
                    ),
                    ("color", "#6b7280".into()),
                    ("weight", 0.9.into()),
                    ("fillColor", "#f4f1ea".into()),
                    ("fillOpacity", 1.0.into()),
                    ("interactive", false.into()),
                ]),
            };
            style.into()
        });
        let point_to_layer = Closure::<dyn Fn(JsValue, JsValue) -> JsValue>::new(
            |feature: JsValue, lat_lng: JsValue| {
                let properties = leaflet::get(&feature, "properties");
                let name = leaflet::get(&properties, "name")
                    .as_string()
                    .unwrap_or_default();
                let rank = leaflet::get(&properties, "rank").as_f64().unwrap_or(4.0);
                // The label is text in an element of our own: never parsed as HTML.
                let html = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.create_element("span").ok());
                if let Some(span) = &html {
                    span.set_text_content(Some(&name));
                }
                let icon = leaflet::div_icon(&leaflet::options(&[
                    ("className", format!("country-label rank-{rank}").into()),
                    (
                        "html",
                        html.map(JsValue::from).unwrap_or(JsValue::from_str("")),
                    ),
                    ("iconSize", JsValue::NULL),
                ]));
                leaflet::marker(
                    &lat_lng,
                    &leaflet::options(&[
                        ("icon", icon),
                        ("interactive", false.into()),
                        ("keyboard", false.into()),
                        ("pane", "tooltipPane".into()),
                    ]),
                )
                .into()
            },
        );
        let layer = leaflet::geo_json(
            data,
            &leaflet::options(&[
                ("style", style.as_ref().clone()),
                ("pointToLayer", point_to_layer.as_ref().clone()),
                (
                    "attribution",
                    "Basemap: Natural Earth (public domain)".into(),
                ),
            ]),
        )?;
        layer.add_to(map);

        let labelled = map.clone();
        let zoomend = Closure::<dyn Fn()>::new(move || show_labels_for_zoom(&labelled));
        map.on("zoomend", zoomend.as_ref().unchecked_ref::<Function>());
        show_labels_for_zoom(map);
        Ok(Basemap {
            layer,
            _style: style,
            _point_to_layer: point_to_layer,
            _zoomend: zoomend,
        })
    }

    /// The basemap's extent, for "fit to the world".
    pub fn bounds(&self) -> leaflet::Bounds {
        self.layer.get_bounds()
    }
}

/// Shows labels of rank ≤ zoom − 1 (the biggest countries first); CSS hides the rest.
fn show_labels_for_zoom(map: &Map) {
    let ranks = (map.get_zoom() - 1.0).clamp(1.0, 4.0) as u8;
    let _ = map
        .get_container()
        .dataset()
        .set("labels", &ranks.to_string());
}

/// Shades the countries with these ISO codes (the countries an article's places lie in) and
/// clears the shade of the others; `None` clears every shade.
pub fn shade_countries(codes: Option<&[String]>) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(shaded) = document.query_selector_all("path.country.mentioned") {
        for i in 0..shaded.length() {
            if let Some(e) = shaded
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                let _ = e.class_list().remove_1("mentioned");
            }
        }
    }
    for code in codes.into_iter().flatten() {
        if code.len() != 2 || !code.chars().all(|c| c.is_ascii_uppercase()) {
            continue;
        }
        if let Ok(paths) = document.query_selector_all(&format!("path.country.iso-{code}")) {
            for i in 0..paths.length() {
                if let Some(e) = paths
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                {
                    let _ = e.class_list().add_1("mentioned");
                }
            }
        }
    }
}
