//! Why the geoparser read a text as it did: for every run of words the gazetteer knows, the
//! recognition rule that decided whether it names a place, the cues around it, and, for a
//! place, the reading chosen with the evidence that chose it (each piece a named weight of
//! `resolve/weights.rs` and its points) beside its strongest rival's. It is what
//! `geoparse --explain` prints and what a place's popup says in a line ("why here: …"), so
//! that a reader can trust a pin or see what to correct.
//!
//! The explanation is worked out by the same code that geoparses, told to keep a record: it
//! says what that code did, not what a second account of it guesses.

use super::model::path;
use super::resolve::{Known, Outcome, Trace, resolve_traced};
use super::spot::{Cues, Spots, spot};
use super::{Options, PIECE, pieces};
use crate::gazetteer::{Entry, Gazetteer};
use serde::Serialize;

/// Why one run of words was read as it was.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Explanation {
    /// Byte offset where the words start in the text.
    pub start: usize,
    /// Byte offset where they end.
    pub end: usize,
    /// The words as written.
    pub text: String,
    /// Whether they were read as naming a place.
    pub place: bool,
    /// The recognition rule that decided, if one spoke (a place no rule speaks against is a
    /// place).
    pub recognition: Option<Rule>,
    /// The cues around it that resolution weighs: "after a locative", "put in Sumy region".
    pub cues: Vec<String>,
    /// What became of it: "pinned", "placed at an area", "too doubtful to pin", "a person's
    /// name", "read for context only", "no place".
    pub outcome: &'static str,
    /// The confidence of its pin, if pinned.
    pub confidence: Option<f64>,
    /// The rule that placed it at an area, when the gazetteer lacks the place, or that chose
    /// a country over the towns of its name.
    pub placement: Option<Rule>,
    /// Its likeliest reading, with the evidence for it.
    pub reading: Option<Weighed>,
    /// The strongest rival of that reading, with the evidence for it.
    pub rival: Option<Weighed>,
}

/// A named rule and what it says.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Rule {
    /// Its name, as `docs/rules.md` lists it.
    pub name: &'static str,
    /// What it says.
    pub says: &'static str,
}

/// A reading of a name and the evidence for it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Weighed {
    /// The entry, from the place up: "Kostiantynivka, Donetska oblast, Ukraine".
    pub name: String,
    /// Its score in all (the sum of `evidence`); readings compete by their scores.
    pub score: f64,
    /// Each piece of evidence: the name of its weight and its points, in the order they add
    /// up ("prior" is what the entry is worth before any context).
    pub evidence: Vec<(&'static str, f64)>,
}

/// Explains how `text` is geoparsed with `options`: one [`Explanation`] for every run of
/// words the gazetteer knows, in text order. A text longer than [`PIECE`] is read a piece at
/// a time, as [`super::geoparse_text`] reads it.
///
/// # Example
/// ```no_run
/// use conflict_mapper::Gazetteer;
/// use conflict_mapper::geoparse::explain;
/// let gazetteer = Gazetteer::open_dir("public/gazetteer").unwrap();
/// let why = explain(&gazetteer, "Shelling hit Kupiansk.", Default::default());
/// assert_eq!(why[0].outcome, "pinned");
/// ```
pub fn explain(gazetteer: &Gazetteer, text: &str, options: Options) -> Vec<Explanation> {
    pieces(text, PIECE)
        .into_iter()
        .flat_map(|range| explain_piece(gazetteer, text, range, options))
        .collect()
}

/// The line for a place's popup (see [`why_here`]) of the mention that starts at byte
/// `start` of `text`, read as [`super::geoparse_text`] reads it; `None` if no place starts
/// there.
pub fn why_here_at(
    gazetteer: &Gazetteer,
    text: &str,
    start: usize,
    options: Options,
) -> Option<String> {
    let piece = pieces(text, PIECE)
        .into_iter()
        .find(|range| range.contains(&start))?;
    explain_piece(gazetteer, text, piece, options)
        .iter()
        .find(|e| e.start == start)
        .and_then(why_here)
}

/// The explanations of the piece `range` of `text`, in text order.
fn explain_piece(
    gazetteer: &Gazetteer,
    text: &str,
    range: std::ops::Range<usize>,
    options: Options,
) -> Vec<Explanation> {
    let offset = range.start;
    let found = spot(gazetteer, &text[range], options);
    let mut trace = Vec::new();
    resolve_traced(&found, &mut Known::default(), Some(&mut trace));
    explanations(text, offset, &found, trace)
}

/// The explanations of the spots `found` in the piece of `text` that begins at `offset`,
/// with what resolution did with them.
fn explanations(
    text: &str,
    offset: usize,
    found: &Spots<'_, '_>,
    trace: Vec<Trace<'_>>,
) -> Vec<Explanation> {
    let written =
        |span: &std::ops::Range<usize>| text[span.start + offset..span.end + offset].to_string();
    let mut out: Vec<Explanation> = found
        .rejected
        .iter()
        .map(|(span, rule)| Explanation {
            start: span.start + offset,
            end: span.end + offset,
            text: written(span),
            place: false,
            recognition: Some(Rule {
                name: rule.name(),
                says: rule.doc(),
            }),
            cues: Vec::new(),
            outcome: "no place",
            confidence: None,
            placement: None,
            reading: None,
            rival: None,
        })
        .collect();
    for t in trace {
        let spot = &found.spots[t.spot];
        let (outcome, confidence, placement) = match t.outcome {
            Outcome::Pinned(c) if t.country_over_town => (
                "pinned",
                Some(c),
                Some(Rule {
                    name: "country-over-town",
                    says: "a country's name means the country unless the text puts a town of that name in its region (\"Lebanon, Tennessee\")",
                }),
            ),
            Outcome::Pinned(c) => ("pinned", Some(c), None),
            Outcome::Placed(rule) => (
                "placed at an area",
                None,
                Some(Rule {
                    name: rule.name(),
                    says: rule.says(),
                }),
            ),
            Outcome::Doubtful => ("too doubtful to pin", None, None),
            Outcome::Person => ("a person's name", None, None),
            Outcome::ContextOnly => ("read for context only", None, None),
        };
        out.push(Explanation {
            start: spot.span.start + offset,
            end: spot.span.end + offset,
            text: written(&spot.span),
            place: true,
            recognition: spot.rule.map(|rule| Rule {
                name: rule.name(),
                says: rule.doc(),
            }),
            cues: cues(&spot.cues, |j| written(&found.spots[j].span)),
            outcome,
            confidence,
            placement,
            reading: t.chosen.map(weighed),
            rival: t.rival.map(weighed),
        });
    }
    out.sort_by_key(|e| e.start);
    out
}

fn weighed((entry, evidence): (Entry<'_>, Vec<(&'static str, f64)>)) -> Weighed {
    Weighed {
        name: path(&entry).join(", "),
        score: evidence.iter().map(|&(_, points)| points).sum(),
        evidence,
    }
}

/// The cues of a spot, in words; `written` gives another spot's name as written.
fn cues(cues: &Cues, written: impl Fn(usize) -> String) -> Vec<String> {
    let flags = [
        (cues.locative, "after a locative"),
        (cues.wants_area, "a word for a region after it"),
        (cues.wants_settlement, "a word for a settlement after it"),
        (cues.front, "names a front"),
        (cues.dateline, "a dateline"),
        (cues.cyrillic, "in Cyrillic"),
        (cues.ukrainian, "in a Ukrainian sentence"),
        (cues.as_river, "written as a river's name"),
        (cues.actor, "a side that acts"),
        (cues.qualifier, "an abbreviation qualifying a place"),
    ];
    let mut out: Vec<String> = flags
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, said)| said.to_string())
        .collect();
    if let Some(c) = cues.container {
        let how = if cues.container_explicit {
            "put in"
        } else {
            "beside"
        };
        out.push(format!("{how} {}", written(c)));
    }
    if let Some(n) = cues.near {
        out.push(format!("near {}", written(n)));
    }
    if let Some(l) = cues.list {
        out.push(format!("listed after {}", written(l)));
    }
    out
}

/// A line for a place's popup saying why it is where it is: the rule that placed it, or the
/// strongest evidence for its reading beyond what the place is worth on its own.
pub fn why_here(explanation: &Explanation) -> Option<String> {
    if explanation.outcome != "pinned" && explanation.outcome != "placed at an area" {
        return None;
    }
    if let Some(rule) = explanation
        .placement
        .as_ref()
        .filter(|r| r.name != "country-over-town")
    {
        return Some(format!("why here: {}", rule.says));
    }
    let reading = explanation.reading.as_ref()?;
    let mut strongest: Vec<&(&'static str, f64)> = reading
        .evidence
        .iter()
        .filter(|&&(name, points)| name != "prior" && points > 0.25)
        .collect();
    strongest.sort_by(|a, b| b.1.total_cmp(&a.1));
    let mut said: Vec<String> = explanation
        .cues
        .iter()
        .filter(|c| c.starts_with("put in") || c.starts_with("near ") || *c == "after a locative")
        .cloned()
        .collect();
    said.extend(
        strongest
            .iter()
            .take(3)
            .filter_map(|(name, _)| evidence_in_words(name))
            .map(str::to_string),
    );
    said.dedup();
    if said.is_empty() {
        said.push("the best known place of that name".to_string());
    }
    Some(format!("why here: {}", said.join("; ")))
}

/// A piece of evidence in words, for a reader.
fn evidence_in_words(name: &str) -> Option<&'static str> {
    Some(match name {
        "region_form" => "named as a region",
        "wants_area" => "a word for a region follows",
        "wants_settlement" => "a word for a settlement follows",
        "front_town" => "a front is named after it",
        "dateline_city" => "a dateline's city",
        "cyrillic_country" => "written in Cyrillic",
        "ukrainian_country" => "in a Ukrainian sentence",
        "country_context" => "in a country the text is about",
        "region_anchor" => "in a region the text names",
        "anchor_near" => "near the text's other places",
        "sentence_near" => "near another place of its sentence",
        "contained" => "in the place the text puts it in",
        "holds" => "holds a place the text puts in it",
        "neighbour_near" => "near the place it is said to be near or listed with",
        "list_kind" => "listed with places of its kind",
        "list_capitals" => "listed with capitals",
        _ => return None,
    })
}
