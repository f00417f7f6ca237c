//! The first pass of resolution: what a piece of text is about.
//!
//! Each spot is first read on its own ([`super::own`]); the spots whose reading is then
//! nearly certain are the *anchors*. Each anchor speaks for its country with its probability
//! (a country named outright twice as loud), and a spot whose readings, none certain, nearly
//! all lie in one country speaks for that country too. The second pass ([`super::score`])
//! weighs every candidate against these anchors.

use super::own::best;
use super::reading::{COUNTRY_SLOTS, Reading, country_slot, none_by};
use super::weights::WEIGHTS;
use crate::gazetteer::{Entry, Kind};
use crate::geoparse::spot::{Spot, Strength, entry_strength};
use crate::geoparse::vocabulary::Name;

/// A piece of text as the first pass leaves it: its spots, each spot's readings and first
/// reading, and what the anchors say of the countries it is about.
pub(crate) struct Scene<'a, 'g> {
    pub spots: &'a [Spot],
    pub names: &'a [Name<'g>],
    /// The readings of each spot.
    pub readings: Vec<&'a [Reading<'g>]>,
    /// Each spot's own scores and their probabilities (see [`super::known::Known`]), by the
    /// place of each spot's in `worked_out`.
    worked_out: &'a [(Vec<f64>, Vec<f64>)],
    own_index: Vec<usize>,
    /// Each spot's likeliest reading on its own.
    pub provisional: Vec<Reading<'g>>,
    /// Spots compared by name: the same key, the same number (names found by other forms of
    /// one key, such as a demonym's, count as one).
    pub name: Vec<usize>,
    /// The spots whose likeliest reading is a namesake far from the place they are said to
    /// lie by (see [`Scene::stray`]): no evidence of where the text is.
    pub strays: Vec<bool>,
    /// The anchors that are places, in text order.
    pub anchors: Vec<usize>,
    /// The weight each country has from the anchors, in all and by name.
    country_weight: Vec<f64>,
    pub name_country_weight: Vec<Vec<(usize, f64)>>,
    /// The weight of all the anchors that are places.
    pub places_weight: f64,
    /// The countries the text names, itself or by a notable place of it, by slot.
    pub named_countries: Vec<bool>,
    /// The spots each spot contains ("X in Y": X is held by Y).
    pub held: Vec<Vec<usize>>,
}

impl<'a, 'g> Scene<'a, 'g> {
    /// The first pass over `spots`, whose names have the readings `by_name` and the key
    /// numbers given, with each spot's own scores at `own_index` in `worked_out`.
    pub fn new(
        spots: &'a [Spot],
        names: &'a [Name<'g>],
        by_name: &'a [Vec<Reading<'g>>],
        key_numbers: &[usize],
        key_count: usize,
        worked_out: &'a [(Vec<f64>, Vec<f64>)],
        own_index: Vec<usize>,
    ) -> Scene<'a, 'g> {
        let readings: Vec<&[Reading<'g>]> =
            spots.iter().map(|s| by_name[s.name].as_slice()).collect();
        let provisional = readings
            .iter()
            .enumerate()
            .map(|(i, o)| o[best(&worked_out[own_index[i]].1)])
            .collect();
        let mut held: Vec<Vec<usize>> = vec![Vec::new(); spots.len()];
        for (j, s) in spots.iter().enumerate() {
            if let Some(c) = s.cues.container {
                held[c].push(j);
            }
        }
        let mut scene = Scene {
            spots,
            names,
            readings,
            worked_out,
            own_index,
            provisional,
            name: spots.iter().map(|s| key_numbers[s.name]).collect(),
            strays: Vec::new(),
            anchors: Vec::new(),
            country_weight: vec![0.0; COUNTRY_SLOTS],
            name_country_weight: vec![Vec::new(); key_count],
            places_weight: 0.0,
            named_countries: vec![false; COUNTRY_SLOTS],
            held,
        };
        scene.strays = (0..spots.len())
            .map(|i| scene.stray(i, &scene.provisional[i]).is_some())
            .collect();
        scene.weigh_countries();
        scene
    }

    /// The index of spot `i`'s own scores (see [`super::known::Known::own_scores`]).
    pub fn own_index(&self, i: usize) -> usize {
        self.own_index[i]
    }

    /// The scores of spot `i`'s readings on its own words.
    pub fn own_scores(&self, i: usize) -> &'a [f64] {
        &self.worked_out[self.own_index[i]].0
    }

    /// The probabilities of spot `i`'s readings on its own words.
    pub fn first(&self, i: usize) -> &'a [f64] {
        &self.worked_out[self.own_index[i]].1
    }

    /// The probability of spot `i`'s likeliest reading on its own words.
    pub fn sureness(&self, i: usize) -> f64 {
        let p = self.first(i);
        p[best(p)]
    }

    /// Whether spot `i` names `reading` by a main name, a region's form ("Donetsk region"), a
    /// demonym, an abbreviation ("Fresno, Calif.") or in Cyrillic (the local name), not by an
    /// alias: an alias of a city abroad is seldom what an English text means ("Hamas" is an
    /// alias of Hamm, Germany).
    pub fn named_outright(&self, i: usize, reading: &Reading<'_>) -> bool {
        let name = &self.names[self.spots[i].name];
        reading.main_name
            || reading.region_form
            || name.demonym
            || name.abbreviation
            || self.spots[i].cues.cyrillic
    }

    /// The region to place spot `i`, read as `reading`, at when it is said outright to lie by
    /// another place ("X near Y", "X, a village near Y", "X and Z (both east of Y)") and no
    /// reading of its name lies within a day's walk of Y nor in Y's region: a place the
    /// gazetteer lacks, for which a namesake far away would be a wrong pin ("Pripyat near
    /// Chernobyl"). (Only a minor place said to be near outright: not "Kursk struck near
    /// Sumy".)
    pub fn stray(&self, i: usize, reading: &Reading<'g>) -> Option<Entry<'g>> {
        let spots = self.spots;
        let n = spots[i].cues.near.filter(|&n| {
            n > i
                && spots[n].span.start - spots[last_listed(spots, i)].span.end <= WEIGHTS.near_gap
                && entry_strength(&reading.entry) < Strength::Notable
                && !reading.kind.is_area()
        })?;
        let by = &self.provisional[n];
        let region = match by.kind {
            Kind::Admin1 => Some(by.entry),
            Kind::Place => by.entry.admin1(),
            _ => None,
        }?;
        // (A reading in that region is the place, however far: "Tessalit, north of Kidal",
        // 300 km north of the town, in its region.)
        let far_from =
            |by: &Reading<'_>| none_by(self.readings[i], by.at, WEIGHTS.near_km, Some(region));
        // (Where the place it lies by is itself in doubt, only when no reading of that place
        // is near: "Ternove and Berezove (both east of Novopavlivka)", a name of six villages,
        // is no Ternovo in the Carpathians.)
        (far_from(by)
            && (self.sureness(n) >= WEIGHTS.sure || self.readings[n].iter().all(far_from)))
        .then_some(region)
    }

    /// The anchors, and the weight each country has from them.
    fn weigh_countries(&mut self) {
        let spots = self.spots;
        // The context: nearly certain spots (by an alias, only the great cities and countries).
        let anchors: Vec<usize> = (0..spots.len())
            .filter(|&i| {
                let p = self.first(i);
                let top = &self.readings[i][best(p)];
                p[best(p)] >= WEIGHTS.sure
                    && (self.named_outright(i, top)
                        || entry_strength(&top.entry) >= Strength::Major)
                    && !spots[i].cues.person
                    && !spots[i].cues.actor
                    && !self.strays[i]
            })
            .collect();
        let mut own_weight = vec![0.0; spots.len()];
        for &a in &anchors {
            // (A country named outright speaks twice as loud.)
            let p = self.sureness(a);
            let weight = if self.provisional[a].kind == Kind::Country {
                WEIGHTS.country_anchor * p
            } else {
                p
            };
            own_weight[a] = weight;
            self.speak_for(
                self.name[a],
                country_slot(self.provisional[a].country),
                weight,
            );
        }
        // A spot whose readings, none nearly certain, nearly all lie in one country speaks for
        // that country too ("New Milford" and "Litchfield", each a name of several American
        // towns, say the text is about the United States).
        for i in 0..spots.len() {
            if own_weight[i] > 0.0 || spots[i].cues.person || spots[i].cues.actor {
                continue;
            }
            let p = self.first(i);
            let top = &self.readings[i][best(p)];
            if !self.named_outright(i, top) || top.country.is_empty() {
                continue;
            }
            let mass: f64 = self.readings[i]
                .iter()
                .zip(p)
                .filter(|(o, _)| o.slot == top.slot)
                .map(|(_, &q)| q)
                .sum();
            if mass >= WEIGHTS.one_country_mass {
                self.speak_for(self.name[i], top.slot, mass);
            }
        }
        for &a in &anchors {
            let reading = &self.provisional[a];
            if reading.kind == Kind::Country || entry_strength(&reading.entry) >= Strength::Notable
            {
                self.named_countries[reading.slot] = true;
            }
        }
        // The anchors that are places: a demonym read for context speaks for its country's
        // weight only, not for where the text is ("Russian troops took Avdiivka" is about a
        // Ukrainian town) nor in the window of neighbours.
        self.anchors = anchors
            .into_iter()
            .filter(|&a| !spots[a].cues.context_only)
            .collect();
        self.places_weight = self.anchors.iter().map(|&a| own_weight[a]).sum();
    }

    /// Adds `weight` for the country in `slot`, from a spot of name number `name`.
    fn speak_for(&mut self, name: usize, slot: usize, weight: f64) {
        self.country_weight[slot] += weight;
        let by_name = &mut self.name_country_weight[name];
        match by_name.iter_mut().find(|(s, _)| *s == slot) {
            Some((_, w)) => *w += weight,
            None => by_name.push((slot, weight)),
        }
    }

    /// The weight of the countries spot `i`'s context speaks for: the mentions of other names
    /// (those of its own name, itself among them, are no evidence of what the name means: a
    /// local paper's "London", said four times, is no more the English capital for it).
    pub fn context_weight(&self, i: usize, country: &str) -> f64 {
        let slot = country_slot(country);
        let same_name = self.name_country_weight[self.name[i]]
            .iter()
            .find(|(s, _)| *s == slot)
            .map_or(0.0, |&(_, w)| w);
        self.country_weight[slot] - same_name
    }
}

/// The indexes of the spots in the sentence of spot `i` (spots are in text order).
pub(crate) fn sentence_spots(spots: &[Spot], i: usize) -> std::ops::Range<usize> {
    let sentence = spots[i].sentence;
    let mut start = i;
    while start > 0 && spots[start - 1].sentence == sentence {
        start -= 1;
    }
    let mut end = i + 1;
    while end < spots.len() && spots[end].sentence == sentence {
        end += 1;
    }
    start..end
}

/// The last place of the list that spot `i` begins or is in (`i` itself when none follows):
/// "Ternove" in "Ternove and Berezove (both east of Novopavlivka)" ends at "Berezove".
pub(crate) fn last_listed(spots: &[Spot], i: usize) -> usize {
    let mut last = i;
    while spots
        .get(last + 1)
        .is_some_and(|s| s.cues.list == Some(last))
    {
        last += 1;
    }
    last
}
