//! What the geoparser returns: the places a text names, each with its mentions, every mention
//! with its sentence and its own resolution. Serialisable with serde, for the app, the CLI and
//! the exports.
//!
//! Spans are UTF-8 byte offsets into the text, half-open, on character boundaries. Points are
//! `lon`/`lat` in degrees (WGS 84).

use super::events::{EventCue, event_cue};
use super::resolve::{Resolution, distance_km};
use crate::gazetteer::{Entry, Kind};
use crate::text::normalize;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::sync::Arc;

/// Everything found in one text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Geoparse {
    /// The places, in order of first mention.
    pub places: Vec<Place>,
}

/// A place the text names, with every mention of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Gazetteer entry number (stable for one build of the index).
    pub id: u32,
    /// GeoNames id, when the entry has one.
    pub geonameid: Option<u32>,
    /// The name to show: the gazetteer's, or the text's for an approximate place.
    pub name: String,
    /// `place`, `admin1`, `admin2`, `country`, `sea`, `river` or `region`.
    pub kind: String,
    /// ISO 3166-1 alpha-2 country code, `""` for none.
    pub country: String,
    /// GeoNames code of the first-level region (`UA.05`), for the region itself or the region
    /// containing the place.
    pub admin1: Option<String>,
    /// Names from the place up: `["Kostiantynivka", "Donetska oblast", "Ukraine"]`.
    pub path: Vec<String>,
    /// Longitude, degrees.
    pub lon: f64,
    /// Latitude, degrees.
    pub lat: f64,
    /// West, south, east, north of an area, degrees.
    pub extent: Option<[f64; 4]>,
    /// The outline of a first-level region as `[lon, lat]` vertices (the hull of its places),
    /// for drawing it as an area; empty for everything else.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outline: Vec<[f64; 2]>,
    /// The text names a place the gazetteer lacks; the point is that of the region holding it
    /// (named in `within`).
    pub approximate: bool,
    /// For an approximate place, the region it is placed at.
    pub within: Option<String>,
    /// The highest confidence of its mentions, 0 to 1.
    pub confidence: f64,
    /// Other entries its mentions may mean, best first.
    pub alternatives: Vec<Alternative>,
    /// Its mentions, in text order.
    pub mentions: Vec<Mention>,
    /// Whether the reader chose this place by hand (see [`crate::views::corrections`]).
    #[serde(default)]
    pub corrected: bool,
}

/// One mention of a place in the text. Serialised with the name as written (`text`), which
/// [`Mention::text`] reads off its sentence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(into = "Written", from = "Written")]
pub struct Mention {
    /// Byte offset where the name starts.
    pub start: usize,
    /// Byte offset where the name ends.
    pub end: usize,
    /// Byte offset where its sentence starts.
    pub sentence_start: usize,
    /// Byte offset where its sentence ends.
    pub sentence_end: usize,
    /// The sentence.
    pub sentence: SentenceText,
    /// Probability that this mention means this place rather than the likeliest other
    /// reading, 0 to 1.
    pub confidence: f64,
    /// What its sentence reports (strike, fighting, …), if anything.
    #[serde(default)]
    pub cue: Option<EventCue>,
}

/// The text of a mention's sentence: a stretch of a copy of the text that the mentions of
/// many sentences share (one allocation serves them all, not one each). Reads as a `str`;
/// serialised as a string.
#[derive(Clone, Default)]
pub struct SentenceText {
    shared: Arc<str>,
    range: Range<usize>,
}

impl SentenceText {
    /// The stretch `range` of `shared`, which must lie on character boundaries.
    fn of(shared: &Arc<str>, range: Range<usize>) -> SentenceText {
        debug_assert!(shared.get(range.clone()).is_some());
        SentenceText {
            shared: Arc::clone(shared),
            range,
        }
    }
}

impl From<&str> for SentenceText {
    fn from(sentence: &str) -> SentenceText {
        SentenceText::of(&Arc::from(sentence), 0..sentence.len())
    }
}

impl std::ops::Deref for SentenceText {
    type Target = str;
    fn deref(&self) -> &str {
        &self.shared[self.range.clone()]
    }
}

impl PartialEq for SentenceText {
    fn eq(&self, other: &SentenceText) -> bool {
        **self == **other
    }
}

impl std::fmt::Debug for SentenceText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&**self, f)
    }
}

impl std::fmt::Display for SentenceText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self)
    }
}

impl Serialize for SentenceText {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self)
    }
}

impl<'de> Deserialize<'de> for SentenceText {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let sentence = String::deserialize(deserializer)?;
        Ok(SentenceText::from(sentence.as_str()))
    }
}

/// A mention as serialised: with the name as written.
#[derive(Serialize, Deserialize)]
struct Written {
    start: usize,
    end: usize,
    text: String,
    sentence_start: usize,
    sentence_end: usize,
    sentence: SentenceText,
    confidence: f64,
    #[serde(default)]
    cue: Option<EventCue>,
}

impl From<Mention> for Written {
    fn from(m: Mention) -> Written {
        Written {
            text: m.text().to_string(),
            start: m.start,
            end: m.end,
            sentence_start: m.sentence_start,
            sentence_end: m.sentence_end,
            sentence: m.sentence,
            confidence: m.confidence,
            cue: m.cue,
        }
    }
}

impl From<Written> for Mention {
    fn from(w: Written) -> Mention {
        Mention {
            start: w.start,
            end: w.end,
            sentence_start: w.sentence_start,
            sentence_end: w.sentence_end,
            sentence: w.sentence,
            confidence: w.confidence,
            cue: w.cue,
        }
    }
}

/// Another entry a mention may mean.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Alternative {
    /// Gazetteer entry number.
    pub id: u32,
    /// GeoNames id, when the entry has one.
    pub geonameid: Option<u32>,
    /// Its name.
    pub name: String,
    /// Its kind.
    pub kind: String,
    /// Its country.
    pub country: String,
    /// The name of its first-level region.
    pub admin1_name: Option<String>,
    /// GeoNames code of its first-level region.
    pub admin1: Option<String>,
    /// Longitude, degrees.
    pub lon: f64,
    /// Latitude, degrees.
    pub lat: f64,
    /// Distance from the chosen place, kilometres.
    pub distance_km: f64,
    /// Its probability against the chosen place, 0 to 1.
    pub probability: f64,
}

impl Mention {
    /// The name as written.
    /// (Empty where the offsets do not fit the sentence, as a mention read back from
    /// someone else's JSON might have.)
    pub fn text(&self) -> &str {
        self.start
            .checked_sub(self.sentence_start)
            .zip(self.end.checked_sub(self.start))
            .and_then(|(at, len)| self.sentence.get(at..at + len))
            .unwrap_or_default()
    }

    /// The mention at `span` of `text`, in the sentence at `sentence`, whose event cue is `cue`
    /// (see `event_cue`).
    pub fn new(
        text: &str,
        span: Range<usize>,
        sentence: Range<usize>,
        confidence: f64,
        cue: Option<EventCue>,
    ) -> Mention {
        let words = SentenceText::from(&text[sentence.clone()]);
        Mention::in_sentence(span, (sentence, words), confidence, cue)
    }

    /// As [`Mention::new`], with the sentence's text already copied (once for all the
    /// mentions in it).
    pub fn in_sentence(
        span: Range<usize>,
        (sentence, words): (Range<usize>, SentenceText),
        confidence: f64,
        cue: Option<EventCue>,
    ) -> Mention {
        debug_assert!(sentence.start <= span.start && span.end <= sentence.end);
        Mention {
            start: span.start,
            end: span.end,
            sentence_start: sentence.start,
            sentence_end: sentence.end,
            sentence: words,
            confidence,
            cue,
        }
    }
}

impl Place {
    /// The place of gazetteer entry `e`, with these mentions, no alternatives and full
    /// confidence (callers that resolved it set their own).
    pub fn of_entry(e: &Entry<'_>, mentions: Vec<Mention>) -> Place {
        let (lon, lat) = e.point();
        Place {
            id: e.id(),
            geonameid: e.geonameid(),
            name: e.name().to_string(),
            kind: e.kind().as_str().to_string(),
            country: e.country().to_string(),
            admin1: admin1_code(e),
            path: path(e),
            lon,
            lat,
            extent: e.extent().map(|x| [x.west, x.south, x.east, x.north]),
            outline: e
                .outline()
                .into_iter()
                .map(|(lon, lat)| [lon, lat])
                .collect(),
            approximate: false,
            within: None,
            confidence: 1.0,
            alternatives: Vec::new(),
            mentions,
            corrected: false,
        }
    }

    /// Whether the map and the text show the place as doubtful (faded, dashed): placed at its
    /// region, or resolved with a confidence under 0.7 (on the evaluation corpora, three in
    /// four of those are right, against nineteen in twenty of the rest).
    pub fn doubtful(&self) -> bool {
        self.approximate || self.confidence < 0.7
    }

    /// Whether `other` is this same place: the same entry, and for an approximate place (placed
    /// at its region) also the same name as written.
    pub fn same_place(&self, other: &Place) -> bool {
        self.id == other.id && self.identity() == other.identity()
    }

    /// Takes in the mentions of `other`, the same place found elsewhere: mentions in text order,
    /// the higher confidence, the alternatives of the first mention.
    pub fn absorb(&mut self, other: Place) {
        let first = |p: &Place| p.mentions.first().map(|m| m.start);
        if first(&other) < first(self) {
            self.alternatives = other.alternatives;
        }
        self.confidence = self.confidence.max(other.confidence);
        self.mentions.extend(other.mentions);
        self.mentions.sort_by_key(|m| m.start);
    }

    /// What tells this place from others (see [`identity`]).
    fn identity(&self) -> (u32, Option<String>) {
        identity(self.id, self.approximate, &self.name)
    }
}

/// What tells places apart: the entry, and for an approximate place (placed at its region)
/// also the name as written.
fn identity(id: u32, approximate: bool, name: &str) -> (u32, Option<String>) {
    (id, approximate.then(|| normalize(name)))
}

impl Geoparse {
    /// Adds the places of another piece of the same text (see [`super::geoparse_piece`]), read
    /// before or after: mentions of a place already found join it, and the places stay in
    /// order of first mention.
    pub fn merge(&mut self, other: Geoparse) {
        if self.places.is_empty() {
            *self = other;
            return;
        }
        let mut at: FxHashMap<(u32, Option<String>), usize> = self
            .places
            .iter()
            .enumerate()
            .map(|(i, p)| (p.identity(), i))
            .collect();
        for place in other.places {
            let identity = place.identity();
            match at.get(&identity) {
                Some(&i) => self.places[i].absorb(place),
                None => {
                    at.insert(identity, self.places.len());
                    self.places.push(place);
                }
            }
        }
        self.places
            .sort_by_key(|p| p.mentions.first().map(|m| m.start));
    }

    /// Every mention with its place, in text order.
    pub fn mentions(&self) -> Vec<(&Place, &Mention)> {
        let mut all: Vec<(&Place, &Mention)> = self
            .places
            .iter()
            .flat_map(|p| p.mentions.iter().map(move |m| (p, m)))
            .collect();
        all.sort_by_key(|(_, m)| m.start);
        all
    }
}

/// The admin1 code of an entry: its own for a first-level region, else its region's.
pub fn admin1_code(e: &Entry<'_>) -> Option<String> {
    let code = match e.kind() {
        Kind::Admin1 => e.code(),
        _ => e.admin1().map(|a| a.code()).unwrap_or_default(),
    };
    (!code.is_empty()).then(|| code.to_string())
}

/// The names of an entry from the place up: `["Kostiantynivka", "Donetska oblast", "Ukraine"]`.
pub(crate) fn path(e: &Entry<'_>) -> Vec<String> {
    let mut path = vec![e.name().to_string()];
    if e.kind() != Kind::Admin1 {
        path.extend(e.admin1().map(|a| a.name().to_string()));
    }
    path.extend(e.country_entry().map(|c| c.name().to_string()));
    path
}

/// A resolved mention: where it is in the text (byte spans of the name and its sentence) and
/// what it means.
pub(crate) struct Located<'g> {
    pub span: Range<usize>,
    pub sentence: Range<usize>,
    pub resolution: Resolution<'g>,
}

/// The bytes of the text copied at a time for the texts of its sentences.
const SHARED_COPY: usize = 64 * 1024;

/// Groups resolved mentions, in text order, into places.
pub(crate) fn assemble(text: &str, located: Vec<Located<'_>>) -> Geoparse {
    let mut places: Vec<Place> = Vec::new();
    // The places by their identity.
    let mut found: FxHashMap<(u32, Option<String>), usize> = FxHashMap::default();
    // The last sentence met: its start, its text and its cue (read once per sentence).
    let mut current: Option<(usize, SentenceText, Option<EventCue>)> = None;
    // The copy of the text its sentences' texts are cut from, and where it starts.
    let mut shared: (usize, Arc<str>) = (0, Arc::from(""));
    for Located {
        span,
        sentence,
        resolution: r,
    } in located
    {
        let e = &r.entry;
        let surface = &text[span.clone()];
        if current
            .as_ref()
            .is_none_or(|(s, _, _)| *s != sentence.start)
        {
            let words = &text[sentence.clone()];
            let (at, copy) = &shared;
            if !(*at <= sentence.start && sentence.end <= at + copy.len()) {
                let mut end = (sentence.start + SHARED_COPY)
                    .max(sentence.end)
                    .min(text.len());
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                shared = (sentence.start, Arc::from(&text[sentence.start..end]));
            }
            let at = shared.0;
            let sentence_text = SentenceText::of(&shared.1, sentence.start - at..sentence.end - at);
            current = Some((sentence.start, sentence_text, event_cue(words)));
        }
        let (_, words, cue) = current.clone().unwrap_or_default();
        let mention = Mention::in_sentence(span, (sentence, words), r.confidence, cue);
        let identity = identity(e.id(), r.approximate, surface);
        if let Some(&p) = found.get(&identity) {
            let place = &mut places[p];
            place.confidence = place.confidence.max(r.confidence);
            place.mentions.push(mention);
            continue;
        }
        found.insert(identity, places.len());
        let mut place = Place::of_entry(e, vec![mention]);
        place.alternatives = r
            .alternatives
            .iter()
            .map(|(a, p)| {
                let (alon, alat) = a.point();
                Alternative {
                    id: a.id(),
                    geonameid: a.geonameid(),
                    name: a.name().to_string(),
                    kind: a.kind().as_str().to_string(),
                    country: a.country().to_string(),
                    admin1_name: a.admin1().map(|x| x.name().to_string()),
                    admin1: admin1_code(a),
                    lon: alon,
                    lat: alat,
                    distance_km: distance_km((place.lon, place.lat), (alon, alat)),
                    probability: *p,
                }
            })
            .collect();
        place.confidence = r.confidence;
        if r.approximate {
            // Placed at its region: the name is the text's, the kind a settlement's.
            place.geonameid = None;
            place.name = surface.to_string();
            place.kind = Kind::Place.as_str().to_string();
            place.path.insert(0, surface.to_string());
            place.outline = Vec::new();
            place.approximate = true;
            place.within = Some(e.name().to_string());
        }
        places.push(place);
    }
    Geoparse { places }
}
