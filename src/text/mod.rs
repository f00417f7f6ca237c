//! Text handling shared by the gazetteer builder and the geoparser.

pub mod normalize;

pub use normalize::normalize;
