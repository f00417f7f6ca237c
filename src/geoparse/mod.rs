//! The geoparser: article text in, places with their mentions and sentences out.
//!
//! The pipeline, one module per stage: [`spot`] finds the spans that name places (recognition),
//! [`resolve`] picks, for each span on its own, the place it means (resolution), and [`model`]
//! groups mentions into places for the map, the list and the exports.
//!
//! # Example
//! ```no_run
//! use conflict_mapper::gazetteer::Gazetteer;
//! use conflict_mapper::geoparse::geoparse;
//! let gazetteer = Gazetteer::new(std::fs::read("public/gazetteer/world.cmg").unwrap()).unwrap();
//! let found = geoparse(&gazetteer, "Russian troops attacked near Pokrovsk.");
//! assert_eq!(found.places[0].name, "Pokrovsk");
//! ```

pub mod events;
pub mod inflect;
pub mod model;
pub mod resolve;
pub mod spot;
mod words;

pub use model::{Alternative, Geoparse, Mention, Place};
pub use spot::Options;

use crate::gazetteer::Gazetteer;

/// Finds and resolves every place `text` names, with the default [`Options`].
pub fn geoparse(gazetteer: &Gazetteer, text: &str) -> Geoparse {
    geoparse_with(gazetteer, text, Options::default())
}

/// Finds and resolves every place `text` names.
pub fn geoparse_with(gazetteer: &Gazetteer, text: &str, options: Options) -> Geoparse {
    let spots = spot::spot(gazetteer, text, options);
    let resolutions = resolve::resolve(&spots);
    model::assemble(gazetteer, text, &spots, &resolutions)
}
