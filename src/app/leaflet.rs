//! The few Leaflet 1.9 calls the app makes, bound with wasm-bindgen.
//!
//! Leaflet is loaded as a classic script before the app (see `index.html`) and lives in the
//! global `L`. Coordinates cross this boundary as `[lat, lng]` arrays, Leaflet's order; the core
//! uses `(lon, lat)` and converts only here, at the edge. Reference: <https://leafletjs.com/reference.html>.

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

#[wasm_bindgen]
extern "C" {
    /// [`L.Map`](https://leafletjs.com/reference.html#map): the interactive map.
    #[derive(Clone)]
    pub type Map;

    /// [`L.map(el, options)`](https://leafletjs.com/reference.html#map-l-map).
    #[wasm_bindgen(js_namespace = L, js_name = map, catch)]
    pub fn new_map(element: &HtmlElement, options: &Object) -> Result<Map, JsValue>;

    /// [`setView`](https://leafletjs.com/reference.html#map-setview).
    #[wasm_bindgen(method, js_name = setView)]
    pub fn set_view(this: &Map, center: &Array, zoom: f64) -> Map;

    /// [`fitBounds`](https://leafletjs.com/reference.html#map-fitbounds).
    #[wasm_bindgen(method, js_name = fitBounds)]
    pub fn fit_bounds(this: &Map, bounds: &Bounds, options: &Object) -> Map;

    /// [`getBounds`](https://leafletjs.com/reference.html#map-getbounds): the view's bounds.
    #[wasm_bindgen(method, js_name = getBounds)]
    pub fn get_bounds(this: &Map) -> Bounds;

    /// [`L.LatLngBounds`](https://leafletjs.com/reference.html#latlngbounds).
    pub type Bounds;

    /// [`contains`](https://leafletjs.com/reference.html#latlngbounds-contains) other bounds.
    #[wasm_bindgen(method)]
    pub fn contains(this: &Bounds, other: &Bounds) -> bool;

    /// [`getWest`](https://leafletjs.com/reference.html#latlngbounds-getwest), degrees.
    #[wasm_bindgen(method, js_name = getWest)]
    pub fn west(this: &Bounds) -> f64;

    /// [`getEast`](https://leafletjs.com/reference.html#latlngbounds-geteast), degrees.
    #[wasm_bindgen(method, js_name = getEast)]
    pub fn east(this: &Bounds) -> f64;

    /// [`getSouth`](https://leafletjs.com/reference.html#latlngbounds-getsouth), degrees.
    #[wasm_bindgen(method, js_name = getSouth)]
    pub fn south(this: &Bounds) -> f64;

    /// [`getNorth`](https://leafletjs.com/reference.html#latlngbounds-getnorth), degrees.
    #[wasm_bindgen(method, js_name = getNorth)]
    pub fn north(this: &Bounds) -> f64;

    /// [`isValid`](https://leafletjs.com/reference.html#latlngbounds-isvalid).
    #[wasm_bindgen(method, js_name = isValid)]
    pub fn is_valid(this: &Bounds) -> bool;

    /// [`getZoom`](https://leafletjs.com/reference.html#map-getzoom).
    #[wasm_bindgen(method, js_name = getZoom)]
    pub fn get_zoom(this: &Map) -> f64;

    /// [`getContainer`](https://leafletjs.com/reference.html#map-getcontainer).
    #[wasm_bindgen(method, js_name = getContainer)]
    pub fn get_container(this: &Map) -> HtmlElement;

    /// [`on(type, fn)`](https://leafletjs.com/reference.html#evented-on).
    #[wasm_bindgen(method)]
    pub fn on(this: &Map, kind: &str, handler: &Function) -> Map;

    /// [`remove`](https://leafletjs.com/reference.html#map-remove): destroys the map.
    #[wasm_bindgen(method)]
    pub fn remove(this: &Map) -> Map;

    /// [`L.Layer`](https://leafletjs.com/reference.html#layer): any layer or layer group.
    #[derive(Clone)]
    pub type Layer;

    /// [`addTo`](https://leafletjs.com/reference.html#layer-addto).
    #[wasm_bindgen(method, js_name = addTo)]
    pub fn add_to(this: &Layer, map: &Map) -> Layer;

    /// [`remove`](https://leafletjs.com/reference.html#layer-remove).
    #[wasm_bindgen(method)]
    pub fn remove(this: &Layer) -> Layer;

    /// [`getBounds`](https://leafletjs.com/reference.html#featuregroup-getbounds) of a group.
    #[wasm_bindgen(method, js_name = getBounds)]
    pub fn get_bounds(this: &Layer) -> Bounds;

    /// [`L.geoJSON(data, options)`](https://leafletjs.com/reference.html#geojson).
    #[wasm_bindgen(js_namespace = L, js_name = geoJSON, catch)]
    pub fn geo_json(data: &JsValue, options: &Object) -> Result<Layer, JsValue>;

    /// [`L.tileLayer(url, options)`](https://leafletjs.com/reference.html#tilelayer).
    #[wasm_bindgen(js_namespace = L, js_name = tileLayer)]
    pub fn tile_layer(url_template: &str, options: &Object) -> Layer;

    /// [`L.marker(latlng, options)`](https://leafletjs.com/reference.html#marker).
    #[wasm_bindgen(js_namespace = L, js_name = marker)]
    pub fn marker(lat_lng: &JsValue, options: &Object) -> Layer;

    /// [`L.divIcon(options)`](https://leafletjs.com/reference.html#divicon).
    #[wasm_bindgen(js_namespace = L, js_name = divIcon)]
    pub fn div_icon(options: &Object) -> JsValue;

    /// [`L.circleMarker(latlng, options)`](https://leafletjs.com/reference.html#circlemarker).
    #[wasm_bindgen(js_namespace = L, js_name = circleMarker)]
    pub fn circle_marker(lat_lng: &Array, options: &Object) -> Layer;

    /// [`L.polygon(latlngs, options)`](https://leafletjs.com/reference.html#polygon).
    #[wasm_bindgen(js_namespace = L, js_name = polygon)]
    pub fn polygon(lat_lngs: &Array, options: &Object) -> Layer;

    /// [`L.layerGroup()`](https://leafletjs.com/reference.html#layergroup).
    #[wasm_bindgen(js_namespace = L, js_name = featureGroup)]
    pub fn feature_group() -> Layer;

    /// [`clearLayers`](https://leafletjs.com/reference.html#layergroup-clearlayers).
    #[wasm_bindgen(method, js_name = clearLayers)]
    pub fn clear_layers(this: &Layer) -> Layer;

    /// [`addLayer`](https://leafletjs.com/reference.html#layergroup-addlayer).
    #[wasm_bindgen(method, js_name = addLayer)]
    pub fn add_layer(this: &Layer, layer: &Layer) -> Layer;

    /// [`getLayers`](https://leafletjs.com/reference.html#layergroup-getlayers).
    #[wasm_bindgen(method, js_name = getLayers)]
    pub fn get_layers(this: &Layer) -> Array;

    /// [`bindPopup`](https://leafletjs.com/reference.html#layer-bindpopup): the content is an
    /// element, or a function that makes it when the popup opens.
    #[wasm_bindgen(method, js_name = bindPopup)]
    pub fn bind_popup(this: &Layer, content: &JsValue, options: &Object) -> Layer;

    /// [`bindTooltip`](https://leafletjs.com/reference.html#layer-bindtooltip).
    #[wasm_bindgen(method, js_name = bindTooltip)]
    pub fn bind_tooltip(this: &Layer, content: &str, options: &Object) -> Layer;

    /// [`openPopup`](https://leafletjs.com/reference.html#layer-openpopup).
    #[wasm_bindgen(method, js_name = openPopup)]
    pub fn open_popup(this: &Layer) -> Layer;

    /// [`flyTo`](https://leafletjs.com/reference.html#map-flyto).
    #[wasm_bindgen(method, js_name = flyTo)]
    pub fn fly_to(this: &Map, center: &Array, zoom: f64) -> Map;

    /// [`on(type, fn)`](https://leafletjs.com/reference.html#evented-on) on a layer.
    #[wasm_bindgen(method, js_name = on)]
    pub fn on_layer(this: &Layer, kind: &str, handler: &Function) -> Layer;

    /// [`getElement`](https://leafletjs.com/reference.html#path-getelement): the SVG element
    /// of a drawn path (circle marker, polygon), once it is on the map.
    #[wasm_bindgen(method, js_name = getElement)]
    pub fn get_element(this: &Layer) -> Option<web_sys::Element>;

    /// [`bringToFront`](https://leafletjs.com/reference.html#path-bringtofront).
    #[wasm_bindgen(method, js_name = bringToFront)]
    pub fn bring_to_front(this: &Layer) -> Layer;

    /// [`setLatLng`](https://leafletjs.com/reference.html#circlemarker-setlatlng).
    #[wasm_bindgen(method, js_name = setLatLng)]
    pub fn set_lat_lng(this: &Layer, lat_lng: &JsValue) -> Layer;

    /// [`isPopupOpen`](https://leafletjs.com/reference.html#layer-ispopupopen).
    #[wasm_bindgen(method, js_name = isPopupOpen)]
    pub fn is_popup_open(this: &Layer) -> bool;

    /// [`L.polyline(latlngs, options)`](https://leafletjs.com/reference.html#polyline).
    #[wasm_bindgen(js_namespace = L, js_name = polyline)]
    pub fn polyline(lat_lngs: &Array, options: &Object) -> Layer;

    /// [`latLngToLayerPoint`](https://leafletjs.com/reference.html#map-latlngtolayerpoint):
    /// an `L.Point` with `x` and `y` in pixels.
    #[wasm_bindgen(method, js_name = latLngToLayerPoint)]
    pub fn lat_lng_to_layer_point(this: &Map, lat_lng: &Array) -> JsValue;

    /// [`layerPointToLatLng`](https://leafletjs.com/reference.html#map-layerpointtolatlng).
    #[wasm_bindgen(method, js_name = layerPointToLatLng)]
    pub fn layer_point_to_lat_lng(this: &Map, point: &Array) -> JsValue;

    /// [`L.Control`](https://leafletjs.com/reference.html#control).
    pub type Control;

    /// [`L.control.scale(options)`](https://leafletjs.com/reference.html#control-scale).
    #[wasm_bindgen(js_namespace = ["L", "control"], js_name = scale)]
    pub fn scale_control(options: &Object) -> Control;

    /// [`addTo`](https://leafletjs.com/reference.html#control-addto).
    #[wasm_bindgen(method, js_name = addTo)]
    pub fn add_to(this: &Control, map: &Map) -> Control;
}

/// A plain JS object from key/value pairs: the options argument most Leaflet calls take.
pub fn options(pairs: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object
}

/// `[lat, lng]` for Leaflet from a core `(lon, lat)` pair in degrees.
pub fn lat_lng(lon: f64, lat: f64) -> Array {
    Array::of2(&lat.into(), &lon.into())
}

/// A property of a JS object, `undefined` when it is missing.
pub fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}
