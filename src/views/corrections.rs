//! The reader's corrections: pins removed, places switched to another reading, and names the
//! reader marked as places. They are kept by gazetteer entry number and name, so they survive
//! edits of the text, and applied to every view and export.

use crate::gazetteer::Gazetteer;
use crate::geoparse::events::event_cue;
use crate::geoparse::{Alternative, Mention, Place};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// What the reader changed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Corrections {
    /// Entries the reader removed: no pin for them.
    #[serde(default)]
    pub removed: Vec<u32>,
    /// (entry chosen by the geoparser, entry the reader chose instead).
    #[serde(default)]
    pub switched: Vec<(u32, u32)>,
    /// Names the reader marked, each with the entry it means there.
    #[serde(default)]
    pub marked: Vec<Mark>,
}

/// A name the reader marked in the text as a place, and the place they chose for it: every
/// occurrence of the name (as a whole word, as written) is a mention of that place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    /// The name as written in the text.
    pub name: String,
    /// The gazetteer entry it means.
    pub id: u32,
}

impl Corrections {
    /// Whether there is nothing to apply.
    pub fn is_empty(&self) -> bool {
        self.removed.is_empty() && self.switched.is_empty() && self.marked.is_empty()
    }

    /// Removes the pin of entry `id`, and the reader's marks that chose it.
    pub fn remove(&mut self, id: u32) {
        self.marked.retain(|m| m.id != id);
        if !self.removed.contains(&id) {
            self.removed.push(id);
        }
    }

    /// Switches entry `from` to the alternative `to`.
    pub fn switch(&mut self, from: u32, to: u32) {
        self.switched.retain(|&(f, _)| f != from);
        self.switched.push((from, to));
    }

    /// Marks `name` (as written in the text) as a name of entry `id`, in place of any earlier
    /// mark of it. A blank name marks nothing.
    pub fn mark(&mut self, name: &str, id: u32) {
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        self.marked.retain(|m| m.name != name);
        self.marked.push(Mark {
            name: name.to_string(),
            id,
        });
        self.removed.retain(|&r| r != id);
    }

    /// The places `gazetteer` found in `text` with the corrections applied: removed places
    /// dropped, switched places replaced by the chosen alternative (marked corrected, with the
    /// geoparser's choice among its alternatives), marked names made mentions of the chosen
    /// place (taking them from any place the geoparser gave them), and places that end up the
    /// same merged.
    pub fn apply(&self, gazetteer: &Gazetteer, text: &str, places: Vec<Place>) -> Vec<Place> {
        let mut out: Vec<Place> = Vec::with_capacity(places.len());
        for place in places {
            if self.removed.contains(&place.id) && !place.approximate {
                continue;
            }
            let place = match self.switched.iter().find(|&&(from, _)| from == place.id) {
                Some(&(_, to)) if !place.approximate => switch(place, to),
                _ => place,
            };
            if self.removed.contains(&place.id) && place.corrected {
                continue;
            }
            match out.iter_mut().find(|p| p.same_place(&place)) {
                Some(existing) => existing.absorb(place),
                None => out.push(place),
            }
        }
        if !self.marked.is_empty() {
            self.apply_marks(gazetteer, text, &mut out);
        }
        out
    }

    /// Makes every occurrence of each marked name a mention of its chosen place.
    fn apply_marks(&self, gazetteer: &Gazetteer, text: &str, places: &mut Vec<Place>) {
        let sentences = crate::text::sentences(text);
        for mark in &self.marked {
            let Some(entry) = gazetteer.entry(mark.id) else {
                continue;
            };
            let spans = occurrences(text, &mark.name);
            if spans.is_empty() {
                continue;
            }
            for place in places.iter_mut() {
                place
                    .mentions
                    .retain(|m| !spans.iter().any(|s| s.start < m.end && m.start < s.end));
            }
            places.retain(|p| !p.mentions.is_empty());
            let mentions: Vec<Mention> = spans
                .into_iter()
                .map(|span| {
                    let sentence = sentences
                        .iter()
                        .find(|s| s.start <= span.start && span.end <= s.end)
                        .cloned()
                        .unwrap_or(span.clone());
                    let cue = event_cue(&text[sentence.clone()]);
                    Mention::new(text, span, sentence, 1.0, cue)
                })
                .collect();
            let mut place = Place::of_entry(&entry, mentions);
            place.corrected = true;
            match places.iter_mut().find(|p| p.same_place(&place)) {
                Some(existing) => {
                    existing.absorb(place);
                    existing.corrected = true;
                }
                None => {
                    let first = place.mentions[0].start;
                    let at = places
                        .iter()
                        .position(|p| p.mentions.first().is_some_and(|m| m.start > first))
                        .unwrap_or(places.len());
                    places.insert(at, place);
                }
            }
        }
    }
}

/// Where `name` occurs in `text` as a whole word, as written.
pub fn occurrences(text: &str, name: &str) -> Vec<Range<usize>> {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    if name.is_empty() {
        return Vec::new();
    }
    text.match_indices(name)
        .map(|(start, found)| start..start + found.len())
        .filter(|s| {
            !word(text[..s.start].chars().next_back()) && !word(text[s.end..].chars().next())
        })
        .collect()
}

/// The place `to` (one of `place`'s alternatives) in `place`'s stead.
fn switch(place: Place, to: u32) -> Place {
    let Some(chosen) = place.alternatives.iter().find(|a| a.id == to).cloned() else {
        return place;
    };
    let mut alternatives: Vec<Alternative> = place
        .alternatives
        .iter()
        .filter(|a| a.id != to)
        .cloned()
        .collect();
    alternatives.insert(
        0,
        Alternative {
            id: place.id,
            geonameid: place.geonameid,
            name: place.name.clone(),
            kind: place.kind.clone(),
            country: place.country.clone(),
            admin1_name: place.path.get(1).cloned(),
            admin1: place.admin1.clone(),
            lon: place.lon,
            lat: place.lat,
            distance_km: chosen.distance_km,
            probability: place.confidence,
        },
    );
    let mut path = vec![chosen.name.clone()];
    path.extend(chosen.admin1_name.clone());
    Place {
        id: chosen.id,
        geonameid: chosen.geonameid,
        name: chosen.name,
        kind: chosen.kind,
        country: chosen.country,
        admin1: chosen.admin1,
        path,
        lon: chosen.lon,
        lat: chosen.lat,
        extent: None,
        outline: Vec::new(),
        approximate: false,
        within: None,
        confidence: 1.0,
        alternatives,
        mentions: place.mentions,
        corrected: true,
    }
}

/// How many articles keep their corrections: the oldest are forgotten first.
const ARTICLES_KEPT: usize = 50;

/// The key under which an article's corrections are kept: a checksum of its text when it became
/// the article in the box (edits keep the key; see [`ArticleEnds`]).
pub fn article_key(text: &str) -> String {
    format!("{:08x}", crc32fast::hash(text.as_bytes()))
}

/// What tells an article from the next: its first and last few characters. Kept instead of
/// the whole text, so that a long article is not copied at every keystroke.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArticleEnds {
    start: String,
    end: String,
}

impl ArticleEnds {
    /// How many bytes (about) of each end are kept.
    const PROBE: usize = 40;

    /// The ends of `text`.
    pub fn of(text: &str) -> ArticleEnds {
        let text = text.trim();
        let mut start = Self::PROBE.min(text.len());
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = text.len().saturating_sub(Self::PROBE);
        while !text.is_char_boundary(end) {
            end += 1;
        }
        ArticleEnds {
            start: text[..start].to_string(),
            end: text[end..].to_string(),
        }
    }

    /// Whether `new` is another article than the one these are the ends of, rather than an
    /// edit of it: the box was emptied, or filled from empty, or neither the start nor the end
    /// of the old article survives in `new` (a paste over the whole text, an example, a share
    /// link).
    ///
    /// # Example
    /// ```
    /// use conflict_mapper::views::corrections::ArticleEnds;
    /// let old = ArticleEnds::of("Shelling hit Kharkiv overnight, officials said. Odesa was calm.");
    /// assert!(!old.replaced_by("Heavy shelling hit Kharkiv overnight, officials said. Odesa was calm."));
    /// assert!(!old.replaced_by("Shelling hit Kharkiv overnight, officials said."));
    /// assert!(old.replaced_by("Drones struck Beirut."));
    /// assert!(old.replaced_by(""));
    /// assert!(ArticleEnds::of("").replaced_by("Drones struck Beirut."));
    /// ```
    pub fn replaced_by(&self, new: &str) -> bool {
        let new = new.trim();
        if self.start.is_empty() || new.is_empty() {
            return self.start.is_empty() != new.is_empty();
        }
        !new.contains(&self.start) && !new.contains(&self.end)
    }
}

/// The corrections of every article the reader worked on, most recent last: each article keeps
/// its own, and gets them back when it returns to the box.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ByArticle {
    /// (article key from [`article_key`], its corrections).
    pub articles: Vec<(String, Corrections)>,
}

impl ByArticle {
    /// The corrections of the article `key` (none if it has none).
    pub fn get(&self, key: &str) -> Corrections {
        self.articles
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, c)| c.clone())
            .unwrap_or_default()
    }

    /// Keeps `corrections` for the article `key` (forgetting it when there are none), as the
    /// most recent; the oldest articles beyond the first fifty are forgotten.
    pub fn set(&mut self, key: &str, corrections: Corrections) {
        self.articles.retain(|(k, _)| k != key);
        if !corrections.is_empty() {
            self.articles.push((key.to_string(), corrections));
        }
        let over = self.articles.len().saturating_sub(ARTICLES_KEPT);
        self.articles.drain(..over);
    }
}
