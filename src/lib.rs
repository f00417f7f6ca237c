//! conflict-mapper's core: turns the text of a news article into the places it names.
//!
//! The core is pure Rust with no browser types; it builds and tests natively and powers both the
//! web app (`app`, compiled for `wasm32` only) and the native command-line tool.
//!
//! The pipeline, one module per stage:
//!
//! - `text`: sentences, tokens (byte spans) and the normalisation of names;
//! - [`gazetteer`]: the bundled index of places, regions, countries and waters;
//! - [`mod@geoparse`]: recognition and resolution: text in, places with their mentions out;
//! - [`views`]: the article with its mentions highlighted, and exports (GeoJSON, CSV, KML).

//! # Example
//! ```no_run
//! use conflict_mapper::{Gazetteer, geoparse};
//! let gazetteer = Gazetteer::open_dir("public/gazetteer").unwrap();
//! let found = geoparse(&gazetteer, "Russian troops attacked near Pokrovsk.");
//! assert_eq!(found.places[0].name, "Pokrovsk");
//! ```

#![deny(missing_docs)]

pub mod gazetteer;
pub mod geoparse;
pub(crate) mod text;
pub mod views;

#[cfg(target_arch = "wasm32")]
pub mod app;

pub use gazetteer::Gazetteer;
pub use geoparse::{
    Geoparse, Mention, Options, Place, Reader, geoparse, geoparse_text, geoparse_with,
};

/// What the benchmarks and the data builder reach inside the pipeline: recognition and
/// resolution as separate stages. Not a stable interface.
#[doc(hidden)]
pub mod internals {
    pub use crate::geoparse::resolve::resolve;
    pub use crate::geoparse::spot::spot;
}
