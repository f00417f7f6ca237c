//! The exports as a GIS reads them: GDAL's `ogrinfo` (Debian's `gdal-bin`, which
//! `scripts/test` installs) opens the GeoJSON, KML and CSV of a front-line report and finds
//! the features, the fields and the values the exports promise. (QGIS reads files through
//! GDAL.)

use conflict_mapper::views::export;
use conflict_mapper::{Gazetteer, geoparse};
use std::path::{Path, PathBuf};
use std::process::Command;

fn world() -> Gazetteer {
    Gazetteer::open_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/public/gazetteer"))
        .expect("the committed index opens")
}

/// What `ogrinfo -ro -al` and `args` print for `file`.
fn ogrinfo(file: &Path, args: &[&str]) -> String {
    let out = Command::new("ogrinfo")
        .arg("-ro")
        .arg("-al")
        .args(args)
        .arg(file)
        .output()
        .expect("ogrinfo runs: install Debian's gdal-bin (scripts/test does)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The feature count `ogrinfo -so` reports.
fn feature_count(summary: &str) -> usize {
    summary
        .lines()
        .find_map(|l| l.strip_prefix("Feature Count: "))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no feature count in {summary}"))
}

/// A scratch folder of this test's own.
fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("conflict-mapper-gis-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn every_export_opens_in_gdal_with_its_features_and_fields() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/frontline.txt"
    ))
    .unwrap();
    let found = geoparse(&world(), &text);
    let dir = scratch();
    let first = &found.places[0];

    // GeoJSON: a point feature per place, with its fields.
    let geojson = dir.join("places.geojson");
    std::fs::write(&geojson, export::geojson(&found).to_string()).unwrap();
    let summary = ogrinfo(&geojson, &["-so"]);
    assert_eq!(feature_count(&summary), found.places.len(), "{summary}");
    for field in [
        "name: String",
        "kind: String",
        "geonameid: Integer",
        "confidence: Real",
    ] {
        assert!(
            summary.contains(field),
            "GeoJSON lacks {field:?}: {summary}"
        );
    }
    let feature = ogrinfo(&geojson, &["-q", "-fid", "0"]);
    assert!(
        feature.contains(&format!("name (String) = {}", first.name)),
        "{feature}"
    );

    // KML: a placemark per place, named.
    let kml = dir.join("places.kml");
    std::fs::write(&kml, export::kml(&found)).unwrap();
    let summary = ogrinfo(&kml, &["-so"]);
    assert_eq!(feature_count(&summary), found.places.len(), "{summary}");
    let feature = ogrinfo(&kml, &["-q"]);
    assert!(
        feature.contains(&format!("Name (String) = {}", first.name)),
        "{feature}"
    );

    // CSV: a row per mention, every column a field of its own, points from lat and lon.
    let csv = dir.join("mentions.csv");
    std::fs::write(&csv, export::csv(&found)).unwrap();
    let points = ["-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat"];
    let summary = ogrinfo(&csv, &[&["-so"][..], &points[..]].concat());
    assert_eq!(feature_count(&summary), found.mentions().len(), "{summary}");
    for column in export::CSV_COLUMNS {
        assert!(
            summary
                .lines()
                .any(|l| l.starts_with(&format!("{column}: "))),
            "CSV lacks the field {column:?}: {summary}"
        );
    }
    let feature = ogrinfo(&csv, &[&["-q", "-fid", "1"][..], &points[..]].concat());
    let (place, mention) = found.mentions()[0];
    assert!(
        feature.contains(&format!("place (String) = {}", place.name)),
        "{feature}"
    );
    assert!(
        feature.contains(&format!("mention (String) = {}", mention.text())),
        "{feature}"
    );
    assert!(feature.contains("POINT ("), "no point: {feature}");
    let _ = std::fs::remove_dir_all(&dir);
}
