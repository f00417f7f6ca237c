//! Resolution: for each spot on its own, the entry it most likely means.
//!
//! Every candidate gets a score from what it is (its kind, population, whether the text used
//! its main name or an alias) and from the cues of its own spot ("region" after it, "in Y"
//! containing it, "near Y"). A first pass finds the spots that are nearly certain; they tell
//! which countries and regions the text is about and where it is. A second pass adds that
//! context: candidates in those countries and regions, near the other places, and above all
//! near the other places of the same sentence, gain. The chosen entry's share of the scores
//! (a softmax) is the resolution's confidence.
//!
//! No rule says "one sense per document": two spots of the same name are resolved apart, so
//! one article can name two Kostiantynivkas. When the text puts a name inside a region
//! ("Kostiantynivka in Sumy", "Kostiantynivka, Sumy region") or a country ("Nasir, South
//! Sudan") and the gazetteer has no such place there, the mention is placed at the region or
//! country and marked approximate, never at a namesake elsewhere.

use super::inflect::CYRILLIC_COUNTRIES;
use super::spot::{Spot, Spots, entry_strength};
use super::vocabulary::Name;
use crate::gazetteer::{Candidate, Entry, Kind, Provenance};
use geo::{Distance, Haversine, Point};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::HashMap;

/// What a spot resolved to.
#[derive(Clone, Debug)]
pub struct Resolution<'g> {
    /// The entry the text means (for an approximate resolution, the region containing it).
    pub entry: Entry<'g>,
    /// Whether the place itself is not in the gazetteer and `entry` is its container.
    pub approximate: bool,
    /// Probability of the choice against the likeliest other reading, 0 to 1 (see
    /// [`against_runner_up`]).
    pub confidence: f64,
    /// The next best entries, best first (at most three), each with its probability against
    /// the choice. A place
    /// shows the alternatives of its first mention: they are worked out only for the first
    /// spot of a text that resolves to an entry (later ones have none).
    pub alternatives: Vec<(Entry<'g>, f64)>,
}

/// Great-circle distance in kilometres between two `(lon, lat)` points.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    Haversine.distance(Point::new(a.0, a.1), Point::new(b.0, b.1)) / 1000.0
}

/// One candidate of a spot, with the flags of every name it was found under, and the facts
/// about its entry that resolution asks again and again (read from the index once).
#[derive(Clone, Copy)]
struct Reading<'g> {
    entry: Entry<'g>,
    main_name: bool,
    region_form: bool,
    id: u32,
    kind: Kind,
    country: &'g str,
    /// The country's slot (see [`country_slot`]), to compare countries by number.
    slot: usize,
    admin1: Option<u32>,
    admin2: Option<u32>,
    /// Whether it is a national capital.
    capital: bool,
    /// The point on the unit sphere.
    at: [f64; 3],
}

impl<'g> Reading<'g> {
    fn new(c: &Candidate<'g>) -> Reading<'g> {
        let e = c.entry;
        Reading {
            entry: e,
            main_name: c.main_name,
            region_form: c.region_form,
            id: e.id(),
            kind: e.kind(),
            country: e.country(),
            slot: country_slot(e.country()),
            admin1: e.admin1().map(|a| a.id()),
            admin2: e.admin2().map(|a| a.id()),
            capital: e.is_capital(),
            at: unit(e.point()),
        }
    }

    /// The first-level region it lies in, or is ("Washington" the state is its own).
    fn region(&self) -> Option<u32> {
        self.admin1
            .or((self.kind == Kind::Admin1).then_some(self.id))
    }
}

fn readings<'g>(name: &Name<'g>) -> Vec<Reading<'g>> {
    let mut out: Vec<Reading<'g>> = Vec::new();
    for c in &name.candidates {
        match out.iter_mut().find(|o| o.entry.id() == c.entry.id()) {
            Some(o) => {
                o.main_name |= c.main_name;
                o.region_form |= c.region_form;
            }
            None => out.push(Reading::new(c)),
        }
    }
    out
}

/// The most that context adds to a candidate's score (country, region, nearness, sentence,
/// containment both ways, nearness cue), with room to spare.
const MAX_CONTEXT: f64 = 25.0;

/// How close two entries of a name lie when they are one place for a reader, kilometres.
const SAME_PLACE_KM: f64 = 10.0;

/// How far from Y a place "near Y" may lie, kilometres.
const NEAR_KM: f64 = 100.0;

/// How far from a city's point its parts may lie, kilometres.
const CITY_KM: f64 = 30.0;

/// The population from which a place listed far from its list's places, or listed before
/// one in a region it is not in, is itself, no namesake of a village the gazetteer lacks.
const LIST_TOWN: u32 = 10_000;

/// The longest gap, in bytes, between a place and the place it is said to be near outright
/// (", a village northeast of ", " (both northeast of ").
const NEAR_GAP: usize = 26;

/// How far apart two minor places listed together may lie, kilometres: "Uspenivka, Poltavka
/// and Zatyshshia" are neighbours.
const LIST_KM: f64 = 250.0;

/// How sure the placing of the place listed before must be for it to say where a village
/// listed after it lies (see [`LIST_KM`]).
const LIST_MATE_SURE: f64 = 0.8;

/// How many spots on either side make a spot's context: the places of the same story, even
/// when one text holds many stories.
const CONTEXT: usize = 40;

/// Countries by slot: one per pair of capital letters, and a last one for none (or any code
/// that is not two capitals).
const COUNTRY_SLOTS: usize = 26 * 26 + 1;

fn country_slot(code: &str) -> usize {
    match code.as_bytes() {
        &[a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => usize::from(a - b'A') * 26 + usize::from(b - b'A'),
        _ => COUNTRY_SLOTS - 1,
    }
}

/// The indexes of the spots in the sentence of spot `i` (spots are in text order).
fn sentence_spots(spots: &[Spot], i: usize) -> std::ops::Range<usize> {
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
fn last_listed(spots: &[Spot], i: usize) -> usize {
    let mut last = i;
    while spots
        .get(last + 1)
        .is_some_and(|s| s.cues.list == Some(last))
    {
        last += 1;
    }
    last
}

/// The entry of the nearest spot before spot `i` in its sentence, placed (not approximately),
/// that `fits` (given the spot's index and the entry).
fn placed_before<'g>(
    spots: &[Spot],
    out: &[Option<Resolution<'g>>],
    i: usize,
    fits: impl Fn(usize, &Entry<'g>) -> bool,
) -> Option<Entry<'g>> {
    (sentence_spots(spots, i).start..i).rev().find_map(|j| {
        let placed = out[j].as_ref().filter(|r| !r.approximate)?;
        fits(j, &placed.entry).then_some(placed.entry)
    })
}

/// The spot holding the list that spot `i` is in but does not end, if the list's last place
/// is said to lie in it: "Kozinka and Demidovka in Belgorod Oblast".
fn list_container(spots: &[Spot], i: usize) -> Option<usize> {
    let last = last_listed(spots, i);
    let held = &spots[last].cues;
    (last > i && held.container_explicit)
        .then_some(held.container)
        .flatten()
        .filter(|&c| c > last)
}

/// Whether no reading lies within `km` of the point `at` nor in the first-level region
/// `region`: the place meant is none of them, but one the gazetteer lacks.
fn none_by(readings: &[Reading<'_>], at: [f64; 3], km: f64, region: Option<Entry<'_>>) -> bool {
    let region = region.map(|r| r.id());
    readings.iter().all(|o| {
        squared_chord(o.at, at) > squared_chord_of_km(km)
            && (o.admin1.is_none() || o.admin1 != region)
    })
}

/// What an entry's population is worth: a tenfold population, 0.9.
fn population_worth(e: &Entry<'_>) -> f64 {
    0.9 * (f64::from(e.population()) + 10.0).log10()
}

/// What an entry is worth before any context.
fn prior(o: &Reading<'_>) -> f64 {
    let e = &o.entry;
    let population = population_worth(e);
    let base = match e.kind() {
        Kind::Country => 7.0,
        // A first-level region weighs like a city of its population.
        Kind::Admin1 => population.max(3.0),
        // A second-level region weighs like a place of a hundredth of its population:
        // counties and districts share names across a country, and context decides among
        // them; but an English county outweighs an American village of its name. One that is
        // its country's principal subdivision weighs like a first-level region: "Devon", "Kent"
        // or the Var are known as Ohio is, as no town of their names is.
        Kind::Admin2 if e.is_principal() => population.max(3.0),
        Kind::Admin2 => (population - 2.0).max(1.5),
        // Curated waters and regions are named for their fame: weigh them like countries.
        Kind::Sea | Kind::Lake | Kind::River | Kind::Region => 7.0,
        Kind::Place => population + if e.is_capital() { 1.5 } else { 0.0 },
    };
    // A region with no place of the gazetteer in it is obscure, and its point only its
    // parent's ("Cork City", placed at the middle of Ireland): weigh it down.
    let obscure = if e.provenance() == Provenance::ParentPoint {
        2.0
    } else {
        0.0
    };
    base - obscure + if o.main_name { MAIN_NAME } else { 0.0 }
}

/// Worth of being of the kind of the places listed with it.
const LIST_KIND: f64 = 2.0;

/// Worth of being a capital listed with capitals: a list of capitals speaks for their
/// governments, whichever country the text is about.
const LIST_CAPITALS: f64 = 4.0;

/// Worth of being a city known everywhere, for a dateline's place.
const DATELINE_CITY: f64 = 6.0;

/// Worth of a text using an entry's main name rather than an alias.
const MAIN_NAME: f64 = 2.5;
/// The same, when the text is Cyrillic.
const CYRILLIC_MAIN_NAME: f64 = 1.0;

/// Scores from the spot's own words.
fn own_cues(spot: &Spot, options: &[Reading<'_>]) -> Vec<f64> {
    // The regions holding a place of this name: (region, whether the place is a city of
    // millions, which counts even when the text uses its alias, as in "New York").
    let namesake_holders: Vec<(u32, bool, bool)> = options
        .iter()
        .filter(|p| p.entry.kind() == Kind::Place)
        .flat_map(|p| {
            let big = p.entry.population() >= 1_000_000;
            [p.entry.admin1(), p.entry.admin2()]
                .into_iter()
                .flatten()
                .map(move |r| (r.id(), p.main_name, big))
        })
        .collect();
    options
        .iter()
        .map(|o| {
            let kind = o.entry.kind();
            let mut score = prior(o);
            // GeoNames' main names are Latin, so a Cyrillic name meets a main name only through
            // transliteration: weaker evidence than the same name in Latin letters.
            if o.main_name && spot.cues.cyrillic {
                score -= MAIN_NAME - CYRILLIC_MAIN_NAME;
            }
            if o.region_form && kind.is_area() {
                score += 4.0;
            }
            if spot.cues.wants_area && kind.is_area() && kind != Kind::Country {
                score += 4.0;
            }
            if spot.cues.wants_settlement && kind == Kind::Place {
                score += 3.0;
            }
            // A front is named after the town of note among its namesakes: its population
            // weighs twice ("на Гуляйпільському напрямку" is Huliaipole, not the village of
            // that name, however near the text's other places).
            if spot.cues.front && kind == Kind::Place {
                score += population_worth(&o.entry);
            }
            // A dateline names its city alone, by its name, only when every reader knows it:
            // a capital of some size or a city of millions ("WASHINGTON —" is no town in
            // England; "VICTORIA —" may be the one in Canada, not the Seychelles' small
            // capital, nor Hong Kong's old name).
            let population = o.entry.population();
            if spot.cues.dateline
                && kind == Kind::Place
                && o.main_name
                && (population >= 1_000_000 || (o.entry.is_capital() && population >= 250_000))
            {
                score += DATELINE_CITY;
            }
            // A name written in Cyrillic is most likely in a country that writes it so; in
            // Ukrainian, in Ukraine ("біля Лимана" is Lyman, Donetsk, not Liman, Astrakhan).
            if spot.cues.cyrillic && CYRILLIC_COUNTRIES.contains(&o.entry.country()) {
                score += 2.0;
            }
            if spot.cues.ukrainian && o.entry.country() == "UA" {
                score += 1.0;
            }
            // A sea, lake or river and the region named after it: the water, unless the text
            // asks for the region ("the Red Sea", not Sudan's Red Sea State).
            if matches!(kind, Kind::Admin1 | Kind::Admin2)
                && !o.region_form
                && !spot.cues.wants_area
                && options
                    .iter()
                    .any(|w| matches!(w.kind, Kind::Sea | Kind::Lake | Kind::River))
            {
                score -= 3.0;
            }
            // A river is "the" river, in English: "Drones hit Dnipro" is the city, "crossed
            // the Dnipro" the river (as is "the Dnipro River", by its name).
            if kind == Kind::River && !spot.cues.as_river && !spot.cues.cyrillic {
                score -= 3.0;
            }
            // A country and its region of the same name: the country, unless the text asks
            // for the region ("Taiwan", not Taiwan Province; "Mexico", not the State of
            // Mexico).
            if kind == Kind::Admin1
                && !o.region_form
                && !spot.cues.wants_area
                && options
                    .iter()
                    .any(|c| c.kind == Kind::Country && c.country == o.country)
            {
                score -= 3.0;
            }
            // A city and the region named after it: the city, unless the text asks for the
            // region ("Kyiv" the city, not the city's own first-level division; "Nabatieh",
            // an alias of both, the city).
            if kind.is_area() && !o.region_form && !spot.cues.wants_area {
                let id = o.entry.id();
                let holds_namesake = namesake_holders.iter().any(|&(r, main, big)| {
                    r == id
                        && (main
                            || !o.main_name
                            || (big && (kind == Kind::Admin1 || o.entry.is_principal())))
                });
                if holds_namesake {
                    score -= 3.0;
                }
            }
            score
        })
        .collect()
}

/// Turns scores into probabilities, in place.
fn softmax(scores: &mut [f64]) {
    let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    for s in scores.iter_mut() {
        *s = (*s - max).exp();
    }
    let sum: f64 = scores.iter().sum();
    for s in scores.iter_mut() {
        *s /= sum;
    }
}

fn best(probabilities: &[f64]) -> usize {
    probabilities
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map_or(0, |(i, _)| i)
}

/// A point on the unit sphere, for quick comparisons of distance (the chord between two such
/// points grows with the great-circle distance).
fn unit((lon, lat): (f64, f64)) -> [f64; 3] {
    let (lon, lat) = (lon.to_radians(), lat.to_radians());
    [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
}

/// The square of the chord between two unit vectors: it orders distances as the chord does,
/// without a square root.
fn squared_chord(a: [f64; 3], b: [f64; 3]) -> f64 {
    (a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)
}

/// The square of the chord of the unit sphere for a distance along the Earth (see
/// [`squared_chord`]).
const fn squared_chord_of_km(km: f64) -> f64 {
    // (Up to a thousand kilometres, the chord is the arc to within a part in a thousand.)
    let chord = km / 6371.0088;
    chord * chord
}

/// Kilometres along the Earth for a chord of the unit sphere.
fn chord_km(chord: f64) -> f64 {
    2.0 * 6371.0088 * (chord / 2.0).min(1.0).asin()
}

/// How far, as the square of a chord of the unit sphere, another place lies from a
/// candidate: 0 when the candidate is an area that holds it (a country, a region), else
/// between their points.
fn reach(candidate: &Reading<'_>, other: &Reading<'_>) -> f64 {
    // (A river's bounds are those of its whole course, no area it holds: Kyiv is no nearer
    // the Dnipro than Dnipro the city is.)
    if candidate.kind.is_area() && candidate.kind != Kind::River && inside(other, candidate) {
        0.0
    } else {
        squared_chord(candidate.at, other.at)
    }
}

/// Whether `e` lies in `container`.
fn inside(e: &Reading<'_>, container: &Reading<'_>) -> bool {
    if e.id == container.id {
        return false;
    }
    match container.kind {
        Kind::Country => e.slot == container.slot,
        Kind::Admin1 => e.admin1 == Some(container.id),
        Kind::Admin2 => e.admin2 == Some(container.id),
        Kind::Sea | Kind::Lake | Kind::River | Kind::Region => container
            .entry
            .extent()
            .is_some_and(|x| x.contains(e.entry.point())),
        Kind::Place => squared_chord(e.at, container.at) < squared_chord_of_km(CITY_KM),
    }
}

/// What resolution works out once for each name of a text, in whichever piece of it the name
/// is met (the names of [`Spots::names`], which a text's pieces share): the name's readings,
/// its number (names of one key share one), and the scores its own words give it.
#[derive(Default)]
pub struct Known<'g> {
    /// The readings of each name.
    readings: Vec<Vec<Reading<'g>>>,
    /// The number of each name's key.
    key_numbers: Vec<usize>,
    keys: FxHashMap<String, usize>,
    /// The own scores, and the probabilities they give, by name and the five cues they
    /// depend on.
    own: FxHashMap<(usize, [bool; 5]), usize>,
    worked_out: Vec<(Vec<f64>, Vec<f64>)>,
    /// The windows of anchors met (see [`Window::sorted`]), by number.
    windows: FxHashMap<Vec<(u32, usize)>, usize>,
    /// What the anchors of a window (by number) say of each reading of a name, once asked:
    /// whether it shares their region, and what nearness to them adds.
    nearness: FxHashMap<(usize, usize), Vec<Option<Nearness>>>,
    /// The entries spots have resolved to (their alternatives already given).
    chosen: FxHashSet<u32>,
}

/// What the anchors around a spot say of one of its readings.
#[derive(Clone, Copy)]
struct Nearness {
    /// How many anchors (two at most) lie in its first-level region or are that region.
    shares_region: u8,
    /// The score its distance to the nearest anchor adds, if any anchor counts.
    near: Option<f64>,
}

impl<'g> Known<'g> {
    /// Learns the names not met before (names are only ever added).
    fn learn(&mut self, names: &[Name<'g>]) {
        for name in &names[self.readings.len()..] {
            self.readings.push(readings(name));
            let next = self.keys.len();
            let number = *self.keys.entry(name.key.clone()).or_insert(next);
            self.key_numbers.push(number);
        }
    }

    /// The place of a spot's own scores in `worked_out`, worked out the first time.
    fn own_scores(&mut self, spot: &Spot) -> usize {
        let cues = [
            spot.cues.cyrillic,
            spot.cues.ukrainian,
            spot.cues.wants_area,
            spot.cues.wants_settlement,
            spot.cues.dateline,
        ];
        let (readings, worked_out) = (&self.readings, &mut self.worked_out);
        *self.own.entry((spot.name, cues)).or_insert_with(|| {
            let scores = own_cues(spot, &readings[spot.name]);
            let mut probabilities = scores.clone();
            softmax(&mut probabilities);
            worked_out.push((scores, probabilities));
            worked_out.len() - 1
        })
    }
}

/// The resolution of every spot, `None` for spots dropped as too doubtful.
pub fn resolve<'g>(found: &Spots<'_, 'g>) -> Vec<Option<Resolution<'g>>> {
    resolve_with(found, &mut Known::default())
}

/// The resolution of every spot of a piece of text, knowing what its other pieces taught
/// about their names.
pub fn resolve_with<'g>(
    found: &Spots<'_, 'g>,
    known: &mut Known<'g>,
) -> Vec<Option<Resolution<'g>>> {
    let spots = &found.spots;
    known.learn(&found.names);
    // Scores from a spot's own words depend on its name and five cues: worked out once each.
    let own_index: Vec<usize> = spots.iter().map(|s| known.own_scores(s)).collect();
    let Known {
        readings,
        key_numbers,
        keys,
        worked_out,
        windows,
        nearness,
        chosen: chosen_before,
        ..
    } = known;
    let (readings, key_numbers, worked_out) = (&*readings, &*key_numbers, &*worked_out);
    let options: Vec<&[Reading<'g>]> = spots.iter().map(|s| readings[s.name].as_slice()).collect();
    let own_scores = |i: usize| &worked_out[own_index[i]].0;
    let first = |i: usize| &worked_out[own_index[i]].1;
    let provisional: Vec<Reading<'g>> = options
        .iter()
        .enumerate()
        .map(|(i, o)| o[best(first(i))])
        .collect();

    // A spot named by a main name, a region's form ("Donetsk region"), a demonym, an
    // abbreviation ("Fresno, Calif.") or in Cyrillic (the local name), not by an alias: an
    // alias of a city abroad is seldom what an English text means ("Hamas" is an alias of
    // Hamm, Germany).
    let named_outright = |i: usize, reading: &Reading<'_>| {
        let name = &found.names[spots[i].name];
        reading.main_name
            || reading.region_form
            || name.demonym
            || name.abbreviation
            || spots[i].cues.cyrillic
    };
    // The region to place a spot at when it is said outright to lie by another place ("X
    // near Y", "X, a village near Y", "X and Z (both east of Y)") and no reading of its name
    // lies within a day's walk of Y nor in Y's region: a place the gazetteer lacks, for which
    // a namesake far away would be a wrong pin ("Pripyat near Chernobyl"). (Only a minor
    // place said to be near outright: not "Kursk struck near Sumy".)
    let stray = |i: usize, reading: &Reading<'g>| -> Option<Entry<'g>> {
        let n = spots[i].cues.near.filter(|&n| {
            n > i
                && spots[n].span.start - spots[last_listed(spots, i)].span.end <= NEAR_GAP
                && entry_strength(&reading.entry) < 2
                && !reading.kind.is_area()
        })?;
        let by = &provisional[n];
        let region = match by.kind {
            Kind::Admin1 => Some(by.entry),
            Kind::Place => by.entry.admin1(),
            _ => None,
        }?;
        // (A reading in that region is the place, however far: "Tessalit, north of Kidal",
        // 300 km north of the town, in its region.)
        let far_from = |by: &Reading<'_>| none_by(options[i], by.at, NEAR_KM, Some(region));
        // (Where the place it lies by is itself in doubt, only when no reading of that place
        // is near: "Ternove and Berezove (both east of Novopavlivka)", a name of six villages,
        // is no Ternovo in the Carpathians.)
        (far_from(by) && (first(n)[best(first(n))] >= 0.5 || options[n].iter().all(far_from)))
            .then_some(region)
    };
    // The spots whose likeliest reading is such a namesake: no evidence of where the text is.
    let strays: Vec<bool> = (0..spots.len())
        .map(|i| stray(i, &provisional[i]).is_some())
        .collect();
    // The context: nearly certain spots (by an alias, only the great cities and countries).
    let anchors: Vec<usize> = (0..spots.len())
        .filter(|&i| {
            let p = first(i);
            let top = &options[i][best(p)];
            p[best(p)] >= 0.5
                && (named_outright(i, top) || entry_strength(&top.entry) >= 3)
                && !spots[i].cues.person
                && !spots[i].cues.actor
                && !strays[i]
        })
        .collect();
    // Each anchor speaks for its country with its probability (a country named outright,
    // twice as loud).
    let anchor_weight = |a: usize| {
        let p = first(a)[best(first(a))];
        if provisional[a].kind == Kind::Country {
            2.0 * p
        } else {
            p
        }
    };
    // Spots compared by name: the same key, the same number (names found by other forms of
    // one key, such as a demonym's, count as one).
    let name: Vec<usize> = spots.iter().map(|s| key_numbers[s.name]).collect();
    // The weight each country has from the anchors, in all and by name.
    let mut country_weight = vec![0.0; COUNTRY_SLOTS];
    let mut name_country_weight: Vec<Vec<(usize, f64)>> = vec![Vec::new(); keys.len()];
    let mut speak_for = |name: usize, slot: usize, weight: f64| {
        country_weight[slot] += weight;
        let by_name = &mut name_country_weight[name];
        match by_name.iter_mut().find(|(s, _)| *s == slot) {
            Some((_, w)) => *w += weight,
            None => by_name.push((slot, weight)),
        }
    };
    let mut own_weight = vec![0.0; spots.len()];
    for &a in &anchors {
        let (slot, weight) = (country_slot(provisional[a].country), anchor_weight(a));
        own_weight[a] = weight;
        speak_for(name[a], slot, weight);
    }
    // A spot whose readings, none nearly certain, nearly all lie in one country speaks for
    // that country too ("New Milford" and "Litchfield", each a name of several American
    // towns, say the text is about the United States).
    for i in 0..spots.len() {
        if own_weight[i] > 0.0 || spots[i].cues.person || spots[i].cues.actor {
            continue;
        }
        let p = first(i);
        let top = &options[i][best(p)];
        if !named_outright(i, top) || top.country.is_empty() {
            continue;
        }
        let mass: f64 = options[i]
            .iter()
            .zip(p)
            .filter(|(o, _)| o.slot == top.slot)
            .map(|(_, &q)| q)
            .sum();
        if mass >= 0.9 {
            speak_for(name[i], top.slot, mass);
        }
    }
    // The countries the text names, itself or by a notable place of it.
    let mut named_countries = vec![false; COUNTRY_SLOTS];
    for &a in &anchors {
        if provisional[a].kind == Kind::Country || entry_strength(&provisional[a].entry) >= 2 {
            named_countries[provisional[a].slot] = true;
        }
    }
    // The anchors that are places: a demonym read for context speaks for its country's
    // weight only, not for where the text is ("Russian troops took Avdiivka" is about a
    // Ukrainian town) nor in the window of neighbours.
    let place_anchors: Vec<usize> = anchors
        .into_iter()
        .filter(|&a| !spots[a].cues.context_only)
        .collect();
    let places_weight: f64 = place_anchors.iter().map(|&a| own_weight[a]).sum();
    // The weight of the countries a spot's context speaks for: the mentions of other names
    // (those of its own name, itself among them, are no evidence of what the name means: a
    // local paper's "London", said four times, is no more the English capital for it).
    let context_weight = |i: usize, country: &str| {
        let slot = country_slot(country);
        let same_name = name_country_weight[name[i]]
            .iter()
            .find(|(s, _)| *s == slot)
            .map_or(0.0, |&(_, w)| w);
        country_weight[slot] - same_name
    };

    // The spots each spot contains ("X in Y": X is held by Y).
    let mut held: Vec<Vec<usize>> = vec![Vec::new(); spots.len()];
    for (j, s) in spots.iter().enumerate() {
        if let Some(c) = s.cues.container {
            held[c].push(j);
        }
    }

    // The distinct anchors (of places) within CONTEXT spots of the spot being resolved, slid
    // along.
    let anchors = place_anchors;
    let mut window = Window::default();
    let mut around = Around::default();
    // The scores with the window's context, by own scores, for the window as it stands.
    let mut with_window: FxHashMap<usize, Vec<f64>> = FxHashMap::default();
    let (mut changes_seen, mut window_number) = (0, 0);
    let (mut next_in, mut next_out) = (0, 0);
    // Names the text has put in a region ("Lebanon, Tennessee"), with the entry so chosen.
    let mut qualified: HashMap<&str, u32> = HashMap::new();
    let mut out: Vec<Option<Resolution<'g>>> = Vec::with_capacity(spots.len());
    // (Buffers for each spot's scores and the places of its sentence.)
    let (mut scores, mut in_sentence) = (Vec::new(), Vec::new());
    // The last front named before the spot, if in its sentence.
    let mut front: Option<usize> = None;
    for (i, spot) in spots.iter().enumerate() {
        let front_before = front.filter(|&j| spots[j].sentence == spot.sentence);
        if spot.cues.front {
            front = Some(i);
        }
        if spot.cues.person || spot.cues.context_only {
            out.push(None);
            continue;
        }
        let own = options[i];
        // The anchors around it.
        let span = i.saturating_sub(CONTEXT)..(i + CONTEXT + 1).min(spots.len());
        while next_in < anchors.len() && anchors[next_in] < span.end {
            let a = anchors[next_in];
            window.add(provisional[a], name[a]);
            next_in += 1;
        }
        while next_out < next_in && anchors[next_out] < span.start {
            let a = anchors[next_out];
            window.remove(&provisional[a], name[a]);
            next_out += 1;
        }
        if window.changes != changes_seen {
            changes_seen = window.changes;
            with_window.clear();
            let next = windows.len();
            window_number = match windows.get(&window.sorted) {
                Some(&n) => n,
                None => *windows.entry(window.sorted.clone()).or_insert(next),
            };
        }
        // Context can lift a candidate by about 15 points at most; those further behind the
        // leader cannot win and are not weighed again.
        let lead = own_scores(i)
            .iter()
            .copied()
            .fold(f64::NEG_INFINITY, f64::max);
        let weighed = |k: &usize| own_scores(i)[*k] >= lead - MAX_CONTEXT;
        // What the countries, regions and places around it say depends only on its own
        // scores (its name and cues) and on the window: worked out once while both stay.
        scores.clear();
        scores.extend_from_slice(with_window.entry(own_index[i]).or_insert_with(|| {
            // (What the anchors say of a reading holds in every piece with the same window.)
            let said = nearness
                .entry((window_number, spot.name))
                .or_insert_with(|| vec![None; own.len()]);
            let mut gathered = false;
            let mut scores = own_scores(i).clone();
            for k in (0..own.len()).filter(weighed) {
                let o = &own[k];
                // Countries the text is about.
                let weight = context_weight(i, o.country);
                if weight > 0.01 && !o.country.is_empty() {
                    scores[k] += 1.5 + 0.5 * weight.min(3.0);
                }
                // Regions the text is about, and nearness to its other places.
                let said = *said[k].get_or_insert_with(|| {
                    if !gathered {
                        window.around(name[i], &mut around);
                        gathered = true;
                    }
                    let nearest = around.nearest(o, &window);
                    Nearness {
                        shares_region: around.shares_region(o),
                        near: nearest
                            .is_finite()
                            .then(|| 3.5 * (-chord_km(nearest.sqrt()) / 250.0).exp()),
                    }
                });
                scores[k] += f64::from(said.shares_region);
                if let Some(near) = said.near {
                    scores[k] += near;
                }
            }
            scores
        }));
        // The other places of its sentence.
        in_sentence.clear();
        in_sentence.extend(
            sentence_spots(spots, i)
                .filter(|&j| {
                    j != i
                        && name[j] != name[i]
                        && provisional[j].kind != Kind::Country
                        && !strays[j]
                })
                .map(|j| &provisional[j]),
        );
        // The likeliest readings of the spot holding this one ("X in Y"), if any.
        let holders = spot
            .cues
            .container
            .map(|c| containers(options[c], first(c)))
            .unwrap_or_default();
        let listed_with_holder = spot
            .cues
            .container
            .is_some_and(|c| spots[c].cues.list == Some(i));
        // Another capital of its sentence, nearly certain: capitals named together speak for
        // their governments ("accused London and Paris …; the leaders were in Washington").
        let capital_beside = own.iter().any(|o| o.capital)
            && sentence_spots(spots, i).any(|j| {
                j != i
                    && name[j] != name[i]
                    && first(j)[best(first(j))] >= 0.5
                    && provisional[j].capital
            });
        // Its neighbours in a list.
        let siblings = [
            spot.cues.list,
            (i + 1 < spots.len() && spots[i + 1].cues.list == Some(i)).then_some(i + 1),
        ];
        // Where the place it is near or listed with lies: as resolved, when it came before
        // (its own context placed it), else as read on its own.
        let neighbour_at = spot
            .cues
            .near
            .or(spot.cues.list)
            .map(|n| match &out.get(n) {
                Some(Some(r)) if n < i && !r.approximate => unit(r.entry.point()),
                _ => provisional[n].at,
            });
        for k in (0..own.len()).filter(weighed) {
            let o = &own[k];
            let nearest_in_sentence = in_sentence
                .iter()
                .map(|p| reach(o, p))
                .fold(f64::INFINITY, f64::min);
            // (Beyond a thousand kilometres it adds nothing worth the reckoning.)
            let sentence_near = if nearest_in_sentence < squared_chord_of_km(1000.0) {
                2.5 * (-chord_km(nearest_in_sentence.sqrt()) / 100.0).exp()
            } else {
                0.0
            };
            scores[k] += sentence_near;
            // "X in Y", "X, Y", "Y's X" (of a list, "X, Y and Z", only by X's main name).
            if holders.iter().any(|y| inside(o, y)) && (o.main_name || !listed_with_holder) {
                scores[k] += 6.0;
            }
            // The other side of "X in Y": Y is likelier what holds a reading of X.
            for &j in &held[i] {
                let listed = spot.cues.list == Some(j);
                if options[j]
                    .iter()
                    .any(|x| inside(x, o) && (x.main_name || !listed))
                {
                    scores[k] += 3.0;
                }
            }
            // "near Y", "around Y and X".
            // (What the same neighbour already gave as a place of the sentence is not given
            // twice.)
            if let Some(at) = neighbour_at {
                let squared = squared_chord(o.at, at);
                if squared < squared_chord_of_km(1000.0) {
                    let near = 4.0 * (-chord_km(squared.sqrt()) / 60.0).exp();
                    scores[k] += (near - sentence_near).max(0.0);
                }
            }
            // A list names places of a kind: cities with cities, states with states, and
            // capitals with capitals ("Washington and London", not the English town).
            let listed_with = |same: &dyn Fn(&Reading<'_>) -> bool| {
                siblings
                    .iter()
                    .flatten()
                    .any(|&j| first(j)[best(first(j))] >= 0.5 && same(&provisional[j]))
            };
            if listed_with(&|r| r.kind == o.kind) {
                scores[k] += LIST_KIND;
            }
            if o.capital && (capital_beside || listed_with(&|r| r.capital)) {
                scores[k] += LIST_CAPITALS;
            }
        }
        softmax(&mut scores);
        let probabilities = &scores;
        let mut top = best(probabilities);
        // A country's name means the country unless the text says otherwise: a town or
        // district of that name wins only when the text puts it in its region ("Lebanon,
        // Tennessee"), at this mention or an earlier one of the same name. (A city's name
        // gets no such rule: local news names its own London unqualified.)
        let mut towns_set_aside = false;
        if let Some(country) = country_named(own) {
            let c = &own[top];
            // ("Mexico, the US and Canada" is a list of countries, not Mexico in the US.)
            let qualified = holders
                .iter()
                .any(|y| inside(c, y) && (spot.cues.container_explicit || y.kind != Kind::Country))
                || qualified.get(found.names[spot.name].key.as_str()) == Some(&c.id);
            if matches!(c.kind, Kind::Place | Kind::Admin2) && !qualified {
                top = country;
                towns_set_aside = true;
            }
        }
        let chosen = own[top];
        // A place the gazetteer lacks, placed at the area holding it (or near it), with every
        // reading of its name as an alternative.
        let placed_at = |area: Entry<'g>| Resolution {
            entry: area,
            approximate: true,
            confidence: 0.5,
            alternatives: alternatives(own, probabilities, usize::MAX),
        };
        if holders.iter().any(|y| inside(&chosen, y)) {
            qualified.insert(found.names[spot.name].key.as_str(), chosen.id);
        }

        // "Kostiantynivka in Sumy" with no Kostiantynivka there: place it at the region; and
        // one put in its region or country by apposition ("Nasir, South Sudan"; not a list,
        // nor "Sirte, the US said") at that region or country, when the place chosen is a
        // minor one and lies off the area's bounds ("Kodok, Sudan", written before South
        // Sudan was, or "Sevastopol, Russia", in Moscow's words, are those towns; "Kharkiv,
        // Sumy region" is a list).
        let apposed = spot.cues.container.is_some_and(|c| {
            c > i
                && !spot.cues.container_explicit
                && entry_strength(&chosen.entry) < 2
                && !listed_with_holder
                && !found.names[spots[c].name].demonym
                && holders.first().is_some_and(|y| {
                    matches!(y.kind, Kind::Country | Kind::Admin1)
                        && y.entry
                            .extent()
                            .is_some_and(|x| !x.contains(chosen.entry.point()))
                })
        });
        if spot.cues.container_explicit || apposed {
            let any_inside = own.iter().any(|o| holders.iter().any(|y| inside(o, y)));
            // (A part of a city the gazetteer lacks, none of its namesakes near the city, is
            // placed at the city: "Kherson's Dniprovskyi district" is no district of Kyiv,
            // "London's Heathrow" no Heathrow, Florida. Only a part the text calls one, by the
            // city's possessive or a word for an area or a settlement ("Cairo's Abbasiya
            // neighbourhood"; "Hamas in Doha" is no place), by the holder's likeliest reading,
            // and in Cyrillic only by the city's genitive, for "в" is also "to": "у Київському
            // районі Харкова", not "из Волчанска в Харьков".)
            let part_of_city = spot.cues.container.is_some_and(|c| c < i)
                || spot.cues.wants_area
                || spot.cues.wants_settlement;
            let genitive = spot
                .cues
                .container
                .is_some_and(|c| c == i + 1 && spots[c].span.start <= spot.span.end + 1);
            let city = holders.first().filter(|y| {
                y.kind == Kind::Place
                    && spot.cues.container_explicit
                    && (genitive || (part_of_city && !spot.cues.cyrillic))
            });
            let region = city.or_else(|| {
                holders
                    .iter()
                    .find(|y| y.kind.is_area() && (y.kind != Kind::Country || apposed))
            });
            if let Some(region) = region.filter(|_| !any_inside && !chosen.kind.is_area()) {
                out.push(Some(placed_at(region.entry)));
                continue;
            }
        }
        // A village, not a town of its own size, in a list: the rules of lists below may
        // place it among its mates ("an airfield at Yeysk and the Morozovsk air base in
        // Rostov region" is the port town).
        let minor_village = || {
            chosen.kind == Kind::Place
                && entry_strength(&chosen.entry) < 2
                && chosen.entry.population() < LIST_TOWN
        };
        // A village listed before one said to lie in a region, none of its readings there,
        // lies there too: "near Kozinka and Demidovka in Belgorod Oblast" is no Kozinka in
        // Rivne oblast.
        let region_of_list = list_container(spots, i)
            .and_then(|c| containers(options[c], first(c)).into_iter().next())
            .filter(|y| matches!(y.kind, Kind::Admin1 | Kind::Admin2));
        if let Some(region) =
            region_of_list.filter(|y| minor_village() && !own.iter().any(|o| inside(o, y)))
        {
            out.push(Some(placed_at(region.entry)));
            continue;
        }
        // "Pripyat near Chernobyl": placed in the region of the place it is near (see
        // `stray`).
        if let Some(region) = stray(i, &chosen) {
            out.push(Some(placed_at(region)));
            continue;
        }
        // A minor place named after a front in its sentence, with no place said to hold it,
        // none of its readings within NEAR_KM of the front's town nor in its region: a village
        // the gazetteer lacks, on that front ("На Покровському напрямку … біля Мирнограда та
        // Новоукраїнки" is no town in Kirovohrad oblast): placed at the town's region. (The
        // nearest front before it, named after a town surely placed: "in the Velykomykhailivka
        // direction near Sosnivka, and in the Orikhiv direction near Stepove".)
        let minor_place = |e: &Entry<'g>| e.kind() == Kind::Place && entry_strength(e) < 2;
        let on_front = || {
            let town = out[front_before?]
                .as_ref()
                .filter(|r| !r.approximate && r.confidence >= LIST_MATE_SURE)?
                .entry;
            let region = town.admin1()?;
            none_by(own, unit(town.point()), NEAR_KM, Some(region)).then_some(region)
        };
        if front_before.is_some()
            && !spot.cues.front
            && spot.cues.container.is_none()
            && minor_place(&chosen.entry)
            && list_container(spots, i).is_none()
            && let Some(region) = on_front()
        {
            out.push(Some(placed_at(region)));
            continue;
        }
        // A village with no place said to hold it or lie by it, after a first-level region in
        // its sentence, none of whose readings lies in that region or near it, and the one
        // chosen in a country the text names neither itself nor by a notable place: a village
        // the gazetteer lacks, in that region ("Russia's Kursk region … near the villages of
        // Plekhovo and Martynovka", in a story of North Korea's troops, are no Ukrainian
        // villages of Poltava oblast; "Punjab province … near Pahalgam", where India struck,
        // is Pahalgam).
        if !named_countries[chosen.slot]
            && spot.cues.container.is_none()
            && spot.cues.near.is_none()
            && minor_village()
            && list_container(spots, i).is_none()
            && let Some(region) = placed_before(spots, &out, i, |_, e| e.kind() == Kind::Admin1)
            && none_by(own, unit(region.point()), NEAR_KM, Some(region))
        {
            out.push(Some(placed_at(region)));
            continue;
        }
        // A part of a city, named as an area with no place said to hold it, none of whose
        // readings lies within a city's reach of the city its sentence put the reader in: a
        // part of that city the gazetteer lacks ("У Харкові вибухи лунали в Салтівському та
        // Київському районах" is no district of Poltava): placed at that city.
        let named_as_area = || {
            let key = &found.names[spot.name].key;
            spot.cues.wants_area || key.ends_with(" raion") || key.ends_with(" district")
        };
        let city_before = || {
            placed_before(spots, &out, i, |j, e| {
                spots[j].cues.locative && e.kind() == Kind::Place && entry_strength(e) >= 2
            })
        };
        if chosen.kind == Kind::Place
            && spot.cues.container.is_none()
            && named_as_area()
            && list_container(spots, i).is_none()
            && let Some(city) = city_before()
            && none_by(own, unit(city.point()), CITY_KM, None)
        {
            out.push(Some(placed_at(city)));
            continue;
        }

        // A minor place listed with a minor place surely placed, none of its readings within
        // LIST_KM of that one nor in its region: a village the gazetteer lacks, named among
        // its neighbours ("near Uspenivka, Poltavka and Zatyshshia" is no Zatyshshia by
        // Odesa, "near Stepove and Mala Tokmachka" no Stepove by Mykolaiv): placed at their
        // region. (The place before as resolved; the one after as read on its own.)
        // (Past any placed at their region: "Uspenivka, Poltavka, Zatyshshia and
        // Rivnopillia".)
        let mut listed_before = spot.cues.list;
        while let Some(j) =
            listed_before.filter(|&j| out[j].as_ref().is_some_and(|r| r.approximate))
        {
            listed_before = spots[j].cues.list;
        }
        let before = listed_before.and_then(|j| {
            let placed = out[j].as_ref()?;
            (placed.confidence >= LIST_MATE_SURE && minor_place(&placed.entry))
                .then_some(placed.entry)
        });
        // (The one after read alone, unless a region it is said to lie in decides it.)
        let after = siblings[1].and_then(|j| {
            (first(j)[best(first(j))] >= LIST_MATE_SURE
                && !strays[j]
                && !spots[j].cues.container_explicit
                && minor_place(&provisional[j].entry))
            .then_some(provisional[j].entry)
        });
        // (A reading in the same region is the place, however far: "Nasir and Renk", in
        // South Sudan's Upper Nile.)
        let far_from = |mate: &Entry<'g>| {
            let region = mate.admin1();
            region.filter(|_| none_by(own, unit(mate.point()), LIST_KM, region))
        };
        // (It must lie far from each mate: a list that runs along a front, "Svatove,
        // Robotyne, Krynky", is no list of neighbours; nor near any reading of the place
        // listed next, sure or not.)
        let near_next = || {
            siblings[1].is_some_and(|j| {
                options[j]
                    .iter()
                    .any(|o| !none_by(own, o.at, LIST_KM, None))
            })
        };
        if (before.is_some() || after.is_some()) && minor_village() && !near_next() {
            let regions: Vec<Option<Entry<'g>>> =
                before.iter().chain(&after).map(far_from).collect();
            if let Some(&Some(region)) = regions
                .first()
                .filter(|_| regions.iter().all(Option::is_some))
            {
                out.push(Some(placed_at(region)));
                continue;
            }
        }

        // Too doubtful to pin: an alias of a place short of a great city in a country the text
        // is not about, with nothing around it that says "place" ("Hamas gunmen" are not in
        // Hamm, Germany); or its main name, a minor place's, bare of any tie to
        // another place, where the text is about elsewhere ("the academic Ben Cousins" is no
        // Iranian town in a story about Spain, nor "Angus cattle" a Scottish county in one
        // about Missouri). A text that names nothing else keeps it ("Shelling of
        // Kostiantynivka continues").
        let in_context = context_weight(i, chosen.entry.country()) > 0.01;
        let own_name_weight: f64 = name_country_weight[name[i]].iter().map(|&(_, w)| w).sum();
        let elsewhere = places_weight - own_name_weight >= own_name_weight.max(0.5);
        let bare = elsewhere
            && matches!(chosen.kind, Kind::Place | Kind::Admin2)
            && !chosen.region_form
            && chosen.entry.provenance() != Provenance::Curated
            && spot.cues.container.is_none()
            && held[i].is_empty()
            && !spot.cues.wants_area
            && spot.cues.near.is_none()
            && spot.cues.list.is_none();
        let strength = entry_strength(&chosen.entry);
        // (A first-level region's other names are its names, from ISO 3166 and the CLDR, no
        // other place's alias: "Chechnya", "Tatarstan", "Kherson Governor".)
        let outright = named_outright(i, &chosen) || chosen.kind == Kind::Admin1;
        let doubtful = if outright {
            bare && strength < 2
        } else {
            strength < 3
        };
        // (A locative vouches for an alias only where it stands before it, not across a list:
        // "talks between Israel and Hamas".)
        let locative = spot.cues.locative && (outright || spot.cues.list.is_none());
        if doubtful && !in_context && !locative {
            out.push(None);
            continue;
        }
        let alternatives = if chosen_before.insert(chosen.id) {
            alternatives(own, probabilities, top)
        } else {
            Vec::new()
        };
        out.push(Some(Resolution {
            entry: chosen.entry,
            approximate: false,
            // The rivals of the chosen reading: not the towns of a country's name that the
            // text did not put in their region (the country is measured against its other
            // readings), nor the entries for the same place (GeoNames' near-duplicates, a
            // city's district of its name: "Geneina" is both "El Geneina Fort" and
            // "Al-Junaynah", "Goma" a city and its territory).
            confidence: against_runner_up(probabilities, top, |k| {
                let o = &own[k];
                let town = matches!(o.kind, Kind::Place | Kind::Admin2);
                let same_place = town
                    && matches!(chosen.kind, Kind::Place | Kind::Admin2)
                    && squared_chord(o.at, chosen.at) < squared_chord_of_km(SAME_PLACE_KM);
                !(same_place || (towns_set_aside && town))
            }),
            alternatives,
        }));
    }
    out
}

/// The anchors around a spot, each distinct reading once by each name that found it (a text
/// names the same few places again and again).
#[derive(Default)]
struct Window<'g> {
    /// (reading, the name that found it).
    distinct: Vec<(Reading<'g>, usize)>,
    /// How many times `distinct` has gained or lost a reading: while it stays, all that
    /// depends on the window stays.
    changes: usize,
    /// The distinct anchors as entry and name number, in order: the same in every window
    /// that holds the same anchors.
    sorted: Vec<(u32, usize)>,
    /// How many anchors of the window each of `sorted` stands for.
    counts: Vec<usize>,
}

impl<'g> Window<'g> {
    fn add(&mut self, reading: Reading<'g>, name: usize) {
        match self.sorted.binary_search(&(reading.id, name)) {
            Ok(at) => self.counts[at] += 1,
            Err(at) => {
                self.sorted.insert(at, (reading.id, name));
                self.counts.insert(at, 1);
                self.distinct.push((reading, name));
                self.changes += 1;
            }
        }
    }

    fn remove(&mut self, reading: &Reading<'g>, name: usize) {
        let Ok(at) = self.sorted.binary_search(&(reading.id, name)) else {
            return;
        };
        self.counts[at] -= 1;
        if self.counts[at] == 0 {
            self.sorted.remove(at);
            self.counts.remove(at);
            let gone = self
                .distinct
                .iter()
                .position(|(r, n)| r.id == reading.id && *n == name);
            if let Some(k) = gone {
                self.distinct.swap_remove(k);
            }
            self.changes += 1;
        }
    }

    /// What the window holds for the spots of name `name` (see [`Around`]).
    fn around(&self, name: usize, around: &mut Around) {
        around.others.clear();
        around.points.clear();
        around.regions.clear();
        for (k, (r, n)) in self.distinct.iter().enumerate() {
            if *n == name {
                continue;
            }
            around.regions.extend(r.region());
            if r.kind != Kind::Country {
                around.others.push(k);
                around.points.push(r.at);
            }
        }
        around.regions.sort_unstable();
    }
}

/// The anchors of the window found by other names than a spot's own: those its candidates are
/// measured against, gathered once for the loop over them.
#[derive(Default)]
struct Around {
    /// The anchors that are not countries (their places in [`Window::distinct`]), and their
    /// points.
    others: Vec<usize>,
    points: Vec<[f64; 3]>,
    /// The first-level regions the anchors lie in or are, in order, once for each anchor.
    regions: Vec<u32>,
}

impl Around {
    /// The [`reach`] of the nearest other anchor of `window` that is not a country from a
    /// candidate; infinite for none.
    fn nearest(&self, o: &Reading<'_>, window: &Window<'_>) -> f64 {
        if o.kind.is_area() {
            // An area holds some anchors: they are at no distance.
            return self
                .others
                .iter()
                .map(|&k| reach(o, &window.distinct[k].0))
                .fold(f64::INFINITY, f64::min);
        }
        // Four minima side by side, which the compiler can keep in vector registers.
        let mut nearest = [f64::INFINITY; 4];
        let chunks = self.points.chunks_exact(4);
        let rest = chunks.remainder();
        for chunk in chunks {
            for (m, &p) in nearest.iter_mut().zip(chunk) {
                *m = m.min(squared_chord(o.at, p));
            }
        }
        for &p in rest {
            nearest[0] = nearest[0].min(squared_chord(o.at, p));
        }
        nearest.into_iter().fold(f64::INFINITY, f64::min)
    }

    /// How many anchors, two at most, lie in a candidate's first-level region (or the region it
    /// is) or are that region.
    fn shares_region(&self, o: &Reading<'_>) -> u8 {
        let Some(region) = o.region() else {
            return 0;
        };
        let from = self.regions.partition_point(|&r| r < region);
        let to = self.regions.partition_point(|&r| r <= region);
        (to - from).min(2) as u8
    }
}

/// The reading of a name that is a country's main name, if any.
fn country_named(options: &[Reading<'_>]) -> Option<usize> {
    options
        .iter()
        .position(|o| o.main_name && o.kind == Kind::Country)
}

/// The readings a container spot may stand for: its three likeliest.
fn containers<'r, 'g>(options: &'r [Reading<'g>], probabilities: &[f64]) -> Vec<&'r Reading<'g>> {
    let mut ranked: Vec<(f64, &Reading<'g>)> = options
        .iter()
        .zip(probabilities)
        .map(|(o, p)| (*p, o))
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    ranked.truncate(3);
    ranked.into_iter().map(|(_, e)| e).collect()
}

/// The likeliest other readings of a spot resolved to reading `chosen`, best first, each with
/// its probability against the chosen one (see [`against_runner_up`]).
fn alternatives<'g>(
    options: &[Reading<'g>],
    probabilities: &[f64],
    chosen: usize,
) -> Vec<(Entry<'g>, f64)> {
    // The three likeliest, in order; of equals, the first.
    let mut top: Vec<(Entry<'g>, f64)> = Vec::with_capacity(3);
    for (i, &p) in probabilities.iter().enumerate() {
        if i == chosen {
            continue;
        }
        let at = top
            .iter()
            .position(|&(_, q)| p.total_cmp(&q).is_gt())
            .unwrap_or(top.len());
        if at < 3 {
            top.truncate(2);
            top.insert(at, (options[i].entry, p));
        }
    }
    // (Each as it fares against the chosen one, as the chosen one's confidence is told; with
    // none chosen, an approximate place's, as they are.)
    if let Some(&chosen) = probabilities.get(chosen) {
        for (_, p) in &mut top {
            *p /= *p + chosen;
        }
    }
    top
}

/// The confidence in reading `chosen` of a spot: its probability against the likeliest other
/// reading that is its `rival` alone, not against all of them. A name many small places share ("Geneva": the Swiss
/// city and a dozen American towns) would otherwise split its probability among them and show
/// a well-known city at 28 %; against its strongest rival it shows 70 %. (On the evaluation
/// corpora this is the better calibrated of the two: expected calibration error .032 against
/// .049, Brier score .047 against .057, over 2,738 resolved mentions.)
fn against_runner_up(probabilities: &[f64], chosen: usize, rival: impl Fn(usize) -> bool) -> f64 {
    let mut runner_up = 0.0;
    for (k, &p) in probabilities.iter().enumerate() {
        // (Whether a reading is a rival is asked only of one that would be the runner-up.)
        if k != chosen && p > runner_up && rival(k) {
            runner_up = p;
        }
    }
    probabilities[chosen] / (probabilities[chosen] + runner_up)
}
