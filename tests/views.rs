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
    assert_eq!(lines[0], export::CSV_COLUMNS.join(","));
    assert_eq!(lines.len(), 4);
    // Read back by a CSV reader, every row has a field for every column, the cue in its own.
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, export::CSV_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    for row in &rows {
        assert_eq!(row.len(), export::CSV_COLUMNS.len(), "{row:?}");
    }
    assert_eq!(&rows[0][0], "Kharkiv");
    assert_eq!(
        &rows[0][13],
        "Strikes hit Kharkiv, \"the second city\", and Odesa."
    );
    // The first sentence holds commas and quotes: quoted, quotes doubled.
    assert!(
        lines[1].contains("\"Strikes hit Kharkiv, \"\"the second city\"\", and Odesa.\""),
        "{}",
        lines[1]
    );
    assert!(lines[1].starts_with("Kharkiv,place,706483,UA,"));
    // A sentence starting with "=" must not become a spreadsheet formula.
    let formula = geoparse(world(), "=HYPERLINK(1) Kyiv");
    let written = export::csv(&formula);
    let mut reader = csv::Reader::from_reader(written.as_bytes());
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[13], "'=HYPERLINK(1) Kyiv", "{written}");
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
    const TEXT: &str = "Shelling hit Kostiantynivka near Kramatorsk, and Odesa.";
    let found = geoparse(world(), TEXT);
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
    let corrected = corrections.apply(world(), TEXT, found.places.clone());
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

#[test]
fn a_marked_name_becomes_a_place_with_every_occurrence_as_a_mention() {
    use conflict_mapper::views::corrections::Corrections;
    // "Hulyaipole" is written here as no gazetteer spells it; "Odesa" is found anyway.
    const TEXT: &str =
        "Fighting near Huliaipolie went on. Odesa was calm. Huliaipolie's school was hit.";
    let found = geoparse(world(), TEXT);
    assert!(found.places.iter().all(|p| !p.name.starts_with("Hul")));
    let chosen = world().search("Huliaipole", 5)[0];
    assert_eq!(chosen.country(), "UA");

    let mut corrections = Corrections::default();
    corrections.mark("Huliaipolie", chosen.id());
    let corrected = corrections.apply(world(), TEXT, found.places.clone());
    let names: Vec<&str> = corrected.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, [chosen.name(), "Odesa"], "in text order");
    let marked = &corrected[0];
    assert!(marked.corrected);
    let spans: Vec<(usize, &str)> = marked
        .mentions
        .iter()
        .map(|m| (m.start, &*m.sentence))
        .collect();
    assert_eq!(
        spans,
        [
            (14, "Fighting near Huliaipolie went on."),
            (51, "Huliaipolie's school was hit.")
        ]
    );

    // A mark takes its name from a place the geoparser read another way.
    let mut corrections = Corrections::default();
    let other_odesa = world()
        .search("Odessa", 10)
        .into_iter()
        .find(|e| e.country() == "US")
        .expect("Odessa, Texas");
    corrections.mark("Odesa", other_odesa.id());
    let corrected = corrections.apply(world(), TEXT, found.places.clone());
    assert_eq!(corrected.len(), 1);
    assert_eq!(corrected[0].id, other_odesa.id());
    // Removing the place drops the mark; a name not in the text marks nothing.
    corrections.remove(other_odesa.id());
    assert!(corrections.marked.is_empty());
    corrections.mark("Atlantis", other_odesa.id());
    assert_eq!(
        corrections.apply(world(), TEXT, found.places.clone()),
        found.places
    );
}

#[test]
fn places_group_by_country_then_region() {
    use conflict_mapper::views::groups::by_country_and_region;
    const TEXT: &str = "Russian troops pressed on Pokrovsk in the Donetsk region and shelled \
        Kramatorsk. Sumy was hit. Ukraine asked for help. Ships in the Black Sea turned back. \
        Iran denied it.";
    let places = geoparse(world(), TEXT).places;
    let order: Vec<usize> = (0..places.len()).collect();
    let groups = by_country_and_region(&places, &order);
    let shown: Vec<String> = groups
        .iter()
        .map(|g| {
            let mut parts = vec![g.country.clone().unwrap_or("-".into())];
            parts.extend(g.places.iter().map(|&i| places[i].name.clone()));
            for r in &g.regions {
                let names: Vec<&str> = r.places.iter().map(|&i| places[i].name.as_str()).collect();
                parts.push(format!("{}: {}", r.region, names.join(", ")));
            }
            parts.join(" | ")
        })
        .collect();
    assert_eq!(
        shown,
        [
            "Ukraine | Ukraine | Donetska oblast: Pokrovsk, Donetska oblast, Kramatorsk | Sumska oblast: Sumy",
            "- | Black Sea",
            "Iran | Iran",
        ],
        "{shown:#?}"
    );
    // Every place is in exactly one group.
    let mut all: Vec<usize> = groups
        .iter()
        .flat_map(|g| {
            g.places
                .iter()
                .chain(g.regions.iter().flat_map(|r| &r.places))
        })
        .copied()
        .collect();
    all.sort();
    assert_eq!(all, order);
}

#[test]
fn each_article_keeps_its_own_corrections() {
    use conflict_mapper::views::corrections::{ByArticle, Corrections, article_key};
    let mut book = ByArticle::default();
    let mut fixed = Corrections::default();
    fixed.remove(7);
    let (first, second) = (article_key("first article"), article_key("second article"));
    assert_ne!(first, second);
    book.set(&first, fixed.clone());
    assert_eq!(book.get(&first), fixed);
    assert!(book.get(&second).is_empty());
    // No corrections: nothing kept. Only the latest fifty articles are kept.
    book.set(&first, Corrections::default());
    assert!(book.articles.is_empty());
    for i in 0..60 {
        book.set(&article_key(&format!("article {i}")), fixed.clone());
    }
    assert_eq!(book.articles.len(), 50);
    assert!(book.get(&article_key("article 0")).is_empty());
    assert_eq!(book.get(&article_key("article 59")), fixed);
    // Survives serialisation (kept in the browser).
    let json = serde_json::to_string(&book).unwrap();
    assert_eq!(serde_json::from_str::<ByArticle>(&json).unwrap(), book);
}

#[test]
fn applying_no_corrections_changes_nothing_even_for_two_approximate_places_in_one_region() {
    use conflict_mapper::views::corrections::Corrections;
    // Two villages the gazetteer lacks in Sumy Oblast: both placed at the oblast, still two.
    const TEXT: &str =
        "Drones hit Kostiantynivka in Sumy region. Shelling hit Pokrovsk in Sumy region.";
    let found = geoparse(world(), TEXT);
    let approximate: Vec<&str> = found
        .places
        .iter()
        .filter(|p| p.approximate)
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(
        approximate,
        ["Kostiantynivka", "Pokrovsk"],
        "{:?}",
        found.places
    );
    assert_eq!(
        Corrections::default().apply(world(), TEXT, found.places.clone()),
        found.places
    );
}
