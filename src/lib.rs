//! conflict-mapper's core: turns the text of a news article into the places it names.
//!
//! The core is pure Rust with no browser types; it builds and tests natively and powers both the
//! web app ([`app`], compiled for `wasm32` only) and the native command-line tool.
//!
//! The pipeline, one module per stage:
//!
//! - [`text`]: normalisation of names (and, later, sentences and tokens);
//! - [`gazetteer`]: the bundled index of places, regions, countries and waters.

#![deny(missing_docs)]

pub mod gazetteer;
pub mod geoparse;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod app;
