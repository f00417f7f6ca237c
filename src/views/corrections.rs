//! The reader's corrections: pins removed and places switched to another reading. They are
//! kept by gazetteer entry number, so they survive edits of the text, and applied to every
//! view and export.

use crate::geoparse::{Alternative, Place};
use serde::{Deserialize, Serialize};

/// What the reader changed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Corrections {
    /// Entries the reader removed: no pin for them.
    #[serde(default)]
    pub removed: Vec<u32>,
    /// (entry chosen by the geoparser, entry the reader chose instead).
    #[serde(default)]
    pub switched: Vec<(u32, u32)>,
}

impl Corrections {
    /// Whether there is nothing to apply.
    pub fn is_empty(&self) -> bool {
        self.removed.is_empty() && self.switched.is_empty()
    }

    /// Removes the pin of entry `id`.
    pub fn remove(&mut self, id: u32) {
        if !self.removed.contains(&id) {
            self.removed.push(id);
        }
    }

    /// Switches entry `from` to the alternative `to`.
    pub fn switch(&mut self, from: u32, to: u32) {
        self.switched.retain(|&(f, _)| f != from);
        self.switched.push((from, to));
    }

    /// `places` with the corrections applied: removed places dropped, switched places replaced
    /// by the chosen alternative (marked corrected, with the geoparser's choice among its
    /// alternatives), and places that end up the same merged.
    ///
    /// # Example
    /// ```
    /// use conflict_mapper::views::corrections::Corrections;
    /// let mut c = Corrections::default();
    /// c.remove(42);
    /// assert!(c.apply(Vec::new()).is_empty());
    /// ```
    pub fn apply(&self, places: Vec<Place>) -> Vec<Place> {
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
            match out
                .iter_mut()
                .find(|p| p.id == place.id && p.approximate == place.approximate)
            {
                Some(existing) => {
                    existing.mentions.extend(place.mentions);
                    existing.mentions.sort_by_key(|m| m.start);
                    existing.confidence = existing.confidence.max(place.confidence);
                }
                None => out.push(place),
            }
        }
        out
    }
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
