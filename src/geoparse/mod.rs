//! The geoparser: article text in, places with their mentions and sentences out.
//!
//! The pipeline, one module per stage: `spot` finds the spans that name places (recognition),
//! `resolve` picks, for each span on its own, the place it means (resolution), and `model`
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

mod catalogue;
pub(crate) mod events;
mod explain;
pub(crate) mod inflect;
pub(crate) mod model;
pub(crate) mod resolve;
pub(crate) mod spot;
pub(crate) mod vocabulary;
mod words;

pub use catalogue::rules_markdown;
pub use events::EventCue;
pub use explain::{Explanation, Rule, Weighed, explain, why_here, why_here_at};
pub use model::{Alternative, Geoparse, Mention, Place, SentenceText};
pub use resolve::distance_km;
pub use spot::Options;

use crate::gazetteer::Gazetteer;
use std::ops::Range;
use vocabulary::Words;

/// Finds and resolves every place `text` names, with the default [`Options`].
pub fn geoparse(gazetteer: &Gazetteer, text: &str) -> Geoparse {
    geoparse_with(gazetteer, text, Options::default())
}

/// Finds and resolves every place `text` names.
pub fn geoparse_with(gazetteer: &Gazetteer, text: &str, options: Options) -> Geoparse {
    geoparse_piece(gazetteer, text, 0..text.len(), options)
}

/// The size, in bytes, of the pieces a long text is read in (see [`geoparse_text`]).
pub const PIECE: usize = 32 * 1024;

/// Finds and resolves every place a text of any length names, as the web app reads it: a text
/// of up to [`PIECE`] bytes whole, a longer one a piece at a time ([`pieces`]), the pieces'
/// places merged. Natively the pieces are read on every core at once.
///
/// Each piece is its own context (the countries and regions it is about); a piece of 32 KB is
/// a long article, and a long text (a feed, a book) is many stories, not one.
pub fn geoparse_text(gazetteer: &Gazetteer, text: &str, options: Options) -> Geoparse {
    let ranges = pieces(text, PIECE);
    if ranges.len() <= 1 {
        return geoparse_with(gazetteer, text, options);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let parts: Vec<Geoparse> = {
        use std::sync::atomic::{AtomicUsize, Ordering};
        // Each core takes the next piece not yet taken, so that a busy core holds no one up;
        // a core reads its pieces in text order, learning their words once.
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let next = AtomicUsize::new(0);
        let read = || {
            let mut reader = Reader::new(gazetteer, text, options);
            while let Some(range) = ranges.get(next.fetch_add(1, Ordering::Relaxed)) {
                reader.read(range.clone());
            }
            reader.finish()
        };
        std::thread::scope(|scope| {
            let workers: Vec<_> = (0..cores.min(ranges.len()))
                .map(|_| scope.spawn(read))
                .collect();
            workers
                .into_iter()
                .map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        })
    };
    #[cfg(target_arch = "wasm32")]
    let parts = {
        let mut reader = Reader::new(gazetteer, text, options);
        for range in &ranges {
            reader.read(range.clone());
        }
        vec![reader.finish()]
    };
    let mut found = Geoparse::default();
    for part in parts {
        found.merge(part);
    }
    found
}

/// A text read a piece at a time (see [`pieces`]), as the web app reads a long one between
/// its turns of the browser: each piece is its own context, and the pieces share what is
/// learnt of their words and names (each worked out once); [`Reader::finish`] groups the
/// mentions of every piece read into places.
///
/// # Example
/// ```no_run
/// use conflict_mapper::gazetteer::Gazetteer;
/// use conflict_mapper::geoparse::{PIECE, Reader, pieces};
/// let gazetteer = Gazetteer::open_dir("public/gazetteer").unwrap();
/// let text = "Drones hit Kharkiv.\n".repeat(5000);
/// let mut reader = Reader::new(&gazetteer, &text, Default::default());
/// for piece in pieces(&text, PIECE) {
///     reader.read(piece);
/// }
/// assert_eq!(reader.finish().places[0].name, "Kharkiv");
/// ```
pub struct Reader<'t, 'g> {
    text: &'t str,
    options: Options,
    words: Words<'t, 'g>,
    known: resolve::Known<'g>,
    located: Vec<model::Located<'g>>,
}

impl<'t, 'g> Reader<'t, 'g> {
    /// A reader of `text`, nothing read yet.
    pub fn new(gazetteer: &'g Gazetteer, text: &'t str, options: Options) -> Reader<'t, 'g> {
        Reader {
            text,
            options,
            words: Words::new(gazetteer),
            known: resolve::Known::default(),
            located: Vec::new(),
        }
    }

    /// Finds and resolves the mentions of the piece `range` of the text (spans stay offsets
    /// into the whole text).
    pub fn read(&mut self, range: Range<usize>) {
        let offset = range.start;
        let spots = spot::spot_with(&self.text[range], self.options, &mut self.words);
        let resolutions = resolve::resolve_with(&spots, &mut self.known);
        let located = spots
            .spots
            .iter()
            .zip(resolutions)
            .filter_map(|(spot, resolution)| {
                let sentence = &spots.sentences[spot.sentence];
                Some(model::Located {
                    span: spot.span.start + offset..spot.span.end + offset,
                    sentence: sentence.start + offset..sentence.end + offset,
                    resolution: resolution?,
                })
            });
        self.located.extend(located);
    }

    /// The places of every piece read.
    pub fn finish(self) -> Geoparse {
        model::assemble(self.text, self.located)
    }
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
pub fn pieces(text: &str, size: usize) -> Vec<Range<usize>> {
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
    range: Range<usize>,
    options: Options,
) -> Geoparse {
    let mut reader = Reader::new(gazetteer, text, options);
    reader.read(range);
    reader.finish()
}
