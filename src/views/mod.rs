//! Views of a geoparse for people and other tools: the article cut into highlighted
//! mentions, the places grouped by country and region, markers spread so none hides another,
//! the reader's corrections, share links, and exports (GeoJSON, CSV, KML).

pub mod corrections;
pub mod export;
pub mod groups;
pub mod highlight;
pub mod share;
pub mod spread;
