//! Text handling: sentences, tokens and name normalisation, shared by the gazetteer builder
//! and the geoparser. Every span is a byte range of the original text.

pub mod normalize;
pub mod sentences;
pub mod tokens;

pub use normalize::normalize;
pub use sentences::sentences;
pub use tokens::{Case, Token, tokens};
