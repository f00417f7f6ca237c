//! Views of a geoparse for people and other tools: the article cut into highlighted
//! mentions, the reader's corrections, and exports (GeoJSON, CSV, KML).

pub mod corrections;
pub mod export;
pub mod highlight;
