//! The article cut into plain text and mentions, for a reading view that highlights every
//! place the geoparser found.

use crate::geoparse::Place;
use std::ops::Range;

/// A stretch of the article: plain text, or a mention of the place at an index of the places.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Byte range in the text.
    pub span: Range<usize>,
    /// For a mention, the index of its place.
    pub place: Option<usize>,
}

/// Cuts `text` into segments that cover it whole, in order. Mentions that do not fit the text
/// (from another version of it) or that overlap an earlier one are left as plain text.
///
/// # Example
/// ```
/// use conflict_mapper::views::highlight::segments;
/// assert_eq!(segments("no places", &[]).len(), 1);
/// ```
pub fn segments(text: &str, places: &[Place]) -> Vec<Segment> {
    let mut mentions: Vec<(usize, usize, usize)> = places
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.mentions.iter().map(move |m| (m.start, m.end, i)))
        .filter(|&(s, e, _)| {
            s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
        })
        .collect();
    mentions.sort_unstable();
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end, i) in mentions {
        if start < at {
            continue;
        }
        if start > at {
            out.push(Segment {
                span: at..start,
                place: None,
            });
        }
        out.push(Segment {
            span: start..end,
            place: Some(i),
        });
        at = end;
    }
    if at < text.len() {
        out.push(Segment {
            span: at..text.len(),
            place: None,
        });
    }
    out
}
