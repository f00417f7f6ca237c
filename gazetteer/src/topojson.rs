//! Decoding of TopoJSON topologies (as shipped by npm `world-atlas`) into arcs and rings.
//!
//! A topology stores each shared border once, as an *arc*; polygons list the arcs of their rings,
//! with `!i` (written `-i - 1`) meaning arc `i` walked backwards. Simplifying the arcs before the
//! rings are assembled keeps neighbouring countries' borders identical: no gaps, no slivers.

use serde::Deserialize;
use serde_json::Value;

/// A decoded TopoJSON file: absolute arc coordinates in degrees (lon, lat) and its objects.
pub struct Topology {
    /// Every arc as absolute `(lon, lat)` points in degrees.
    pub arcs: Vec<Vec<[f64; 2]>>,
    raw: RawTopology,
}

#[derive(Deserialize)]
struct RawTopology {
    arcs: Vec<Vec<[f64; 2]>>,
    transform: Option<Transform>,
    objects: serde_json::Map<String, Value>,
}

#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

/// One geometry object of a collection, with its rings still given as arc references.
#[derive(Deserialize)]
pub struct Geometry {
    /// `Polygon` or `MultiPolygon` (others are skipped by [`Topology::polygons`]).
    #[serde(rename = "type")]
    pub kind: String,
    /// The object's `id` (for world-atlas: the ISO 3166-1 numeric code as a string).
    #[serde(default)]
    pub id: Option<String>,
    /// The object's properties (world-atlas gives `name`).
    #[serde(default)]
    pub properties: serde_json::Map<String, Value>,
    #[serde(default)]
    arcs: Value,
}

#[derive(Deserialize)]
struct Collection {
    geometries: Vec<Geometry>,
}

/// A polygon as rings of arc references (first ring outer, the rest holes).
pub type ArcPolygon = Vec<Vec<i64>>;

impl Topology {
    /// Parses a TopoJSON text and decodes its (possibly quantised, delta-encoded) arcs.
    pub fn parse(text: &str) -> Result<Topology, String> {
        let raw: RawTopology =
            serde_json::from_str(text).map_err(|e| format!("not a TopoJSON topology: {e}"))?;
        let arcs = raw
            .arcs
            .iter()
            .map(|arc| match &raw.transform {
                None => arc.clone(),
                Some(t) => {
                    let (mut x, mut y) = (0.0, 0.0);
                    arc.iter()
                        .map(|d| {
                            x += d[0];
                            y += d[1];
                            [
                                x * t.scale[0] + t.translate[0],
                                y * t.scale[1] + t.translate[1],
                            ]
                        })
                        .collect()
                }
            })
            .collect();
        Ok(Topology { arcs, raw })
    }

    /// The geometries of the named `GeometryCollection` object.
    pub fn collection(&self, name: &str) -> Result<Vec<Geometry>, String> {
        let object = self
            .raw
            .objects
            .get(name)
            .ok_or_else(|| format!("the topology has no object named {name:?}"))?;
        let collection: Collection = serde_json::from_value(object.clone())
            .map_err(|e| format!("object {name:?} is not a GeometryCollection: {e}"))?;
        Ok(collection.geometries)
    }

    /// The polygons of a geometry as arc references; empty for non-areal geometries.
    pub fn polygons(geometry: &Geometry) -> Result<Vec<ArcPolygon>, String> {
        let bad = |e: serde_json::Error| format!("bad arcs: {e}");
        match geometry.kind.as_str() {
            "Polygon" => Ok(vec![
                serde_json::from_value(geometry.arcs.clone()).map_err(bad)?,
            ]),
            "MultiPolygon" => serde_json::from_value(geometry.arcs.clone()).map_err(bad),
            _ => Ok(Vec::new()),
        }
    }

    /// Stitches a ring from arc references out of `arcs` (which may be simplified copies of
    /// [`Topology::arcs`]), dropping each arc's first point after the first arc, as the format
    /// repeats it.
    pub fn ring(arcs: &[Vec<[f64; 2]>], refs: &[i64]) -> Vec<[f64; 2]> {
        let mut ring: Vec<[f64; 2]> = Vec::new();
        for &r in refs {
            let (index, reversed) = if r < 0 {
                ((-r - 1) as usize, true)
            } else {
                (r as usize, false)
            };
            let arc = &arcs[index];
            let points: Box<dyn Iterator<Item = &[f64; 2]>> = if reversed {
                Box::new(arc.iter().rev())
            } else {
                Box::new(arc.iter())
            };
            for (i, p) in points.enumerate() {
                if i == 0 && !ring.is_empty() {
                    continue;
                }
                ring.push(*p);
            }
        }
        ring
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE: &str = r#"{"type":"Topology",
        "transform":{"scale":[1,1],"translate":[10,20]},
        "objects":{"c":{"type":"GeometryCollection","geometries":[
            {"type":"Polygon","id":"1","properties":{"name":"A"},"arcs":[[0,1]]},
            {"type":"Polygon","id":"2","properties":{"name":"B"},"arcs":[[-1,2]]}]}},
        "arcs":[[[0,0],[0,1]],[[0,1],[1,0],[0,-1],[-1,0]],[[0,0],[-1,0],[0,1],[1,0]]]}"#;

    #[test]
    fn decodes_delta_arcs_with_transform() {
        let t = Topology::parse(SQUARE).unwrap();
        assert_eq!(t.arcs[0], vec![[10.0, 20.0], [10.0, 21.0]]);
        assert_eq!(t.arcs[1][3], [10.0, 20.0]);
        assert_eq!(t.arcs[2][2], [9.0, 21.0]);
    }

    #[test]
    fn stitches_shared_arc_both_ways() {
        let t = Topology::parse(SQUARE).unwrap();
        let geoms = t.collection("c").unwrap();
        let a = Topology::polygons(&geoms[0]).unwrap();
        let ring_a = Topology::ring(&t.arcs, &a[0][0]);
        assert_eq!(ring_a.first(), ring_a.last());
        let b = Topology::polygons(&geoms[1]).unwrap();
        let ring_b = Topology::ring(&t.arcs, &b[0][0]);
        // B walks the shared arc backwards: it starts where A's first arc ends.
        assert_eq!(ring_b[0], [10.0, 21.0]);
        assert_eq!(ring_b[1], [10.0, 20.0]);
        assert_eq!(ring_b.len(), 5);
        assert_eq!(ring_b.first(), ring_b.last());
    }

    #[test]
    fn rejects_other_json() {
        assert!(Topology::parse(r#"{"type":"FeatureCollection"}"#).is_err());
        assert!(Topology::parse(SQUARE).unwrap().collection("land").is_err());
    }
}
