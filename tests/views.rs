//! Views of a geoparse: highlighted segments and the GeoJSON, CSV and KML exports.

use conflict_mapper::gazetteer::Gazetteer;
use conflict_mapper::geoparse::{Geoparse, geoparse};
use conflict_mapper::views::{export, highlight};
use std::sync::OnceLock;

fn world() -> &'static Gazetteer {
    static WORLD: OnceLock<Gazetteer> = OnceLock::new();
    WORLD.get_or_init(|| {
        Gazetteer::open_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/public/gazetteer"))
            .expect("the committed index opens")
    })
}

const TEXT: &str =
    "Strikes hit Kharkiv, \"the second city\", and Odesa. Later = more strikes on Kharkiv.";

fn found() -> Geoparse {
    geoparse(world(), TEXT)
}

#[test]
fn segments_cover_the_text_and_mark_every_mention() {
    let found = found();
    let segments = highlight::segments(TEXT, &found.places);
    let rebuilt: String = segments.iter().map(|s| &TEXT[s.span.clone()]).collect();
    assert_eq!(rebuilt, TEXT);
    let marked: Vec<&str> = segments
        .iter()
        .filter(|s| s.place.is_some())
        .map(|s| &TEXT[s.span.clone()])
        .collect();
    assert_eq!(marked, ["Kharkiv", "Odesa", "Kharkiv"]);
    // Mentions from another text are not trusted.
    assert_eq!(highlight::segments("short", &found.places).len(), 1);
}

#[test]
fn geojson_is_a_feature_collection_of_points_with_mentions() {
    let g = export::geojson(&found());
    assert_eq!(g["type"], "FeatureCollection");
    let features = g["features"].as_array().unwrap();
    assert_eq!(features.len(), 2);
    let kharkiv = &features[0];
    assert_eq!(kharkiv["geometry"]["type"], "Point");
    let coordinates = kharkiv["geometry"]["coordinates"].as_array().unwrap();
    assert!(
        (coordinates[0].as_f64().unwrap() - 36.25).abs() < 0.1,
        "lon first"
    );
    assert_eq!(kharkiv["properties"]["geonameid"], 706483);
    assert_eq!(
        kharkiv["properties"]["mentions"].as_array().unwrap().len(),
        2
    );
    assert_eq!(kharkiv["properties"]["mentions"][0]["start"], 12);
}

#[test]
fn csv_has_a_row_per_mention_and_quotes_what_needs_it() {
    let csv = export::csv(&found());
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], export::CSV_HEADER);
    assert_eq!(lines.len(), 4);
    // The first sentence holds commas and quotes: quoted, quotes doubled.
    assert!(
        lines[1].contains("\"Strikes hit Kharkiv, \"\"the second city\"\", and Odesa.\""),
        "{}",
        lines[1]
    );
    assert!(lines[1].starts_with("Kharkiv,place,706483,UA,"));
    // A sentence starting with "=" must not become a spreadsheet formula.
    let formula = geoparse(world(), "=HYPERLINK(1) Kyiv");
    assert!(export::csv(&formula).contains("\"'=HYPERLINK(1) Kyiv\""));
}

#[test]
fn kml_escapes_text() {
    let found = geoparse(world(), "Shelling <b>hit</b> Kharkiv & Izium.");
    let kml = export::kml(&found);
    assert!(kml.starts_with("<?xml"));
    assert_eq!(kml.matches("<Placemark>").count(), 2);
    assert!(kml.contains("&lt;b&gt;hit&lt;/b&gt; Kharkiv &amp; Izium."));
    assert!(!kml.contains("<b>"));
    assert!(kml.contains("<coordinates>36.25"));
}

#[test]
fn corrections_remove_and_switch_places() {
    use conflict_mapper::views::corrections::Corrections;
    let found = geoparse(
        world(),
        "Shelling hit Kostiantynivka near Kramatorsk, and Odesa.",
    );
    let k = found
        .places
        .iter()
        .find(|p| p.name.starts_with("Kost"))
        .unwrap()
        .clone();
    let other = k
        .alternatives
        .iter()
        .find(|a| a.country == "UA")
        .expect("another Kostiantynivka")
        .clone();
    let odesa = found.places.iter().find(|p| p.name == "Odesa").unwrap().id;

    let mut corrections = Corrections::default();
    corrections.remove(odesa);
    corrections.switch(k.id, other.id);
    let corrected = corrections.apply(found.places.clone());
    assert!(corrected.iter().all(|p| p.id != odesa));
    let switched = corrected
        .iter()
        .find(|p| p.id == other.id)
        .expect("switched");
    assert!(switched.corrected);
    assert_eq!(switched.mentions, k.mentions);
    assert_eq!((switched.lon, switched.lat), (other.lon, other.lat));
    assert_eq!(
        switched.alternatives[0].id, k.id,
        "the geoparser's choice stays an alternative"
    );
    // Exports carry the corrections.
    let json = export::geojson(&Geoparse { places: corrected });
    assert!(
        json.to_string()
            .contains(&format!("\"gazetteer_id\":{}", other.id))
    );
    // Corrections survive serialisation (they are kept in the browser).
    let text = serde_json::to_string(&corrections).unwrap();
    assert_eq!(
        serde_json::from_str::<Corrections>(&text).unwrap(),
        corrections
    );
}
