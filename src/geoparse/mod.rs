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
pub mod vocabulary;
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
    model::assemble(text, &spots, &resolutions)
}

/// Cuts `text` into pieces of about `size` bytes that end at a line break (or, failing that, at
/// a space), so that a long text can be geoparsed a piece at a time without freezing a page.
///
/// # Example
/// ```
/// use conflict_mapper::geoparse::pieces;
/// let text = "One.\nTwo.\nThree.";
/// let cut = pieces(text, 6);
/// assert_eq!(cut.iter().map(|r| &text[r.clone()]).collect::<String>(), text);
/// assert!(cut.len() > 1);
/// ```
pub fn pieces(text: &str, size: usize) -> Vec<std::ops::Range<usize>> {
    let size = size.max(1);
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let mut end = (start + size).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        if end < text.len() {
            let window = &text[start..end];
            if let Some(i) = window.rfind('\n').or_else(|| window.rfind(' ')) {
                end = start + i + 1;
            }
        }
        out.push(start..end);
        start = end;
    }
    out
}

/// Geoparses the piece `range` of `text` (see [`pieces`]); spans are offsets into the whole
/// text.
pub fn geoparse_piece(
    gazetteer: &Gazetteer,
    text: &str,
    range: std::ops::Range<usize>,
    options: Options,
) -> Geoparse {
    let offset = range.start;
    let mut found = geoparse_with(gazetteer, &text[range], options);
    for place in &mut found.places {
        for m in &mut place.mentions {
            m.start += offset;
            m.end += offset;
            m.sentence_start += offset;
            m.sentence_end += offset;
        }
    }
    found
}
