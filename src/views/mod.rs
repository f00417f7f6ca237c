//! Views of a geoparse for people and other tools: the article cut into highlighted
//! mentions, and exports (GeoJSON, CSV, KML).

pub mod export;
pub mod highlight;
