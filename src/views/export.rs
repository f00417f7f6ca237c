//! Exports of a geoparse: GeoJSON (RFC 7946; opens in geojson.io and QGIS), CSV (one row per
//! mention, RFC 4180 quoting) and KML (one placemark per place). Every export carries each
//! place's name, ids, coordinates and confidence, and its mentions with quote and byte offsets.

use crate::geoparse::Geoparse;
use serde_json::{Value, json};

/// A GeoJSON `FeatureCollection`: one Point Feature per place, `[lon, lat]`.
pub fn geojson(found: &Geoparse) -> Value {
    let features: Vec<Value> = found
        .places
        .iter()
        .map(|p| {
            json!({
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
                "properties": {
                    "name": p.name,
                    "kind": p.kind,
                    "gazetteer_id": p.id,
                    "geonameid": p.geonameid,
                    "country": p.country,
                    "admin1": p.admin1,
                    "path": p.path.join(" › "),
                    "confidence": round(p.confidence),
                    "approximate": p.approximate,
                    "within": p.within,
                    "mentions": p.mentions.iter().map(|m| json!({
                        "text": m.text(),
                        "start": m.start,
                        "end": m.end,
                        "sentence": m.sentence,
                        "confidence": round(m.confidence),
                        "cue": m.cue.map(|c| c.as_str()),
                    })).collect::<Vec<_>>(),
                    "alternatives": p.alternatives.iter().map(|a| json!({
                        "name": a.name,
                        "geonameid": a.geonameid,
                        "country": a.country,
                        "lon": a.lon,
                        "lat": a.lat,
                        "distance_km": a.distance_km.round(),
                    })).collect::<Vec<_>>(),
                },
            })
        })
        .collect();
    json!({"type": "FeatureCollection", "features": features})
}

fn round(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

/// The CSV columns, in order: one header field for every field of a row.
pub const CSV_COLUMNS: [&str; 14] = [
    "place",
    "kind",
    "geonameid",
    "country",
    "admin1",
    "lat",
    "lon",
    "confidence",
    "approximate",
    "mention",
    "start",
    "end",
    "cue",
    "sentence",
];

/// CSV (RFC 4180, written by the `csv` crate): a header of [`CSV_COLUMNS`], then one row per
/// mention, with its place's fields.
pub fn csv(found: &Geoparse) -> String {
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut write = |row: &[String]| {
        // (Writing to memory cannot fail.)
        let _ = out.write_record(row);
    };
    write(&CSV_COLUMNS.map(str::to_string));
    for (p, m) in found.mentions() {
        let fields = [
            p.name.clone(),
            p.kind.clone(),
            p.geonameid.map(|g| g.to_string()).unwrap_or_default(),
            p.country.clone(),
            p.admin1.clone().unwrap_or_default(),
            format!("{:.5}", p.lat),
            format!("{:.5}", p.lon),
            format!("{:.3}", m.confidence),
            p.approximate.to_string(),
            m.text().to_string(),
            m.start.to_string(),
            m.end.to_string(),
            m.cue.map(|c| c.as_str()).unwrap_or_default().to_string(),
            m.sentence.to_string(),
        ];
        write(&fields.map(|f| csv_field(&f)));
    }
    let bytes = out.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// A field as a spreadsheet must read it: one that would start a formula (=, +, - or @, and
/// not a number) is written as text, behind an apostrophe.
fn csv_field(f: &str) -> String {
    if f.starts_with(['=', '+', '-', '@']) && f.parse::<f64>().is_err() {
        format!("'{f}")
    } else {
        f.to_string()
    }
}

/// KML 2.2: one placemark per place, its sentences in the description.
pub fn kml(found: &Geoparse) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n<name>conflict-mapper</name>\n",
    );
    for p in &found.places {
        let description: Vec<String> = p
            .mentions
            .iter()
            .map(|m| format!("“{}” (bytes {}–{})", m.sentence, m.start, m.end))
            .collect();
        out.push_str(&format!(
            "<Placemark>\n<name>{}</name>\n<description>{}</description>\n<ExtendedData>\n{}{}{}{}{}</ExtendedData>\n<Point><coordinates>{},{}</coordinates></Point>\n</Placemark>\n",
            xml(&p.name),
            xml(&description.join("\n")),
            data("kind", &p.kind),
            data("geonameid", &p.geonameid.map(|g| g.to_string()).unwrap_or_default()),
            data("country", &p.country),
            data("path", &p.path.join(" › ")),
            data("confidence", &format!("{:.3}", p.confidence)),
            p.lon,
            p.lat,
        ));
    }
    out.push_str("</Document>\n</kml>\n");
    out
}

fn data(name: &str, value: &str) -> String {
    format!(
        "<Data name=\"{name}\"><value>{}</value></Data>\n",
        xml(value)
    )
}

fn xml(s: &str) -> String {
    s.chars()
        .filter(|&c| matches!(c, '\t' | '\n' | '\r') || c >= ' ')
        .fold(String::with_capacity(s.len()), |mut out, c| {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&apos;"),
                c => out.push(c),
            }
            out
        })
}
