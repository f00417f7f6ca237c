//! Readings: a spot's candidates with the facts resolution asks of them again and again, and
//! the geometry it measures them by.
//!
//! Points are compared on the unit sphere by the square of their chord, which orders distances
//! as the great circle does without a square root or a trigonometric function; kilometres come
//! in only where a weight is told in them.

use super::weights::WEIGHTS;
use crate::gazetteer::{Candidate, Entry, Kind};
use crate::geoparse::vocabulary::Name;
use geo::{Distance, Haversine, Point};

/// Great-circle distance in kilometres between two `(lon, lat)` points.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    Haversine.distance(Point::new(a.0, a.1), Point::new(b.0, b.1)) / 1000.0
}

/// about its entry that resolution asks again and again (read from the index once).
#[derive(Clone, Copy)]
pub(crate) struct Reading<'g> {
    pub entry: Entry<'g>,
    pub main_name: bool,
    pub region_form: bool,
    pub id: u32,
    pub kind: Kind,
    pub country: &'g str,
    /// The country's slot (see [`country_slot`]), to compare countries by number.
    pub slot: usize,
    pub admin1: Option<u32>,
    pub admin2: Option<u32>,
    /// Whether it is a national capital.
    pub capital: bool,
    /// Whether it is known far beyond its size (see [`Entry::is_renowned`]).
    pub renowned: bool,
    /// The point on the unit sphere.
    pub at: [f64; 3],
}

impl<'g> Reading<'g> {
    pub(crate) fn new(c: &Candidate<'g>) -> Reading<'g> {
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
            renowned: e.is_renowned(),
            at: unit(e.point()),
        }
    }

    /// The first-level region it lies in, or is ("Washington" the state is its own).
    pub(crate) fn region(&self) -> Option<u32> {
        self.admin1
            .or((self.kind == Kind::Admin1).then_some(self.id))
    }
}

pub(crate) fn readings<'g>(name: &Name<'g>) -> Vec<Reading<'g>> {
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

/// Countries by slot: one per pair of capital letters, and a last one for none (or any code
/// that is not two capitals).
pub(crate) const COUNTRY_SLOTS: usize = 26 * 26 + 1;

pub(crate) fn country_slot(code: &str) -> usize {
    match code.as_bytes() {
        &[a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => usize::from(a - b'A') * 26 + usize::from(b - b'A'),
        _ => COUNTRY_SLOTS - 1,
    }
}

/// A point on the unit sphere, for quick comparisons of distance (the chord between two such
/// points grows with the great-circle distance).
pub(crate) fn unit((lon, lat): (f64, f64)) -> [f64; 3] {
    let (lon, lat) = (lon.to_radians(), lat.to_radians());
    [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
}

/// The square of the chord between two unit vectors: it orders distances as the chord does,
/// without a square root.
pub(crate) fn squared_chord(a: [f64; 3], b: [f64; 3]) -> f64 {
    (a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)
}

/// The square of the chord of the unit sphere for a distance along the Earth (see
/// [`squared_chord`]).
pub(crate) const fn squared_chord_of_km(km: f64) -> f64 {
    // (Up to a thousand kilometres, the chord is the arc to within a part in a thousand.)
    let chord = km / 6371.0088;
    chord * chord
}

/// Kilometres along the Earth for a chord of the unit sphere.
pub(crate) fn chord_km(chord: f64) -> f64 {
    2.0 * 6371.0088 * (chord / 2.0).min(1.0).asin()
}

/// How far, as the square of a chord of the unit sphere, another place lies from a
/// candidate: 0 when the candidate is an area that holds it (a country, a region), else
/// between their points.
pub(crate) fn reach(candidate: &Reading<'_>, other: &Reading<'_>) -> f64 {
    // (A river's bounds are those of its whole course, no area it holds: Kyiv is no nearer
    // the Dnipro than Dnipro the city is.)
    if candidate.kind.is_area() && candidate.kind != Kind::River && inside(other, candidate) {
        0.0
    } else {
        squared_chord(candidate.at, other.at)
    }
}

/// Whether `e` lies in `container`.
pub(crate) fn inside(e: &Reading<'_>, container: &Reading<'_>) -> bool {
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
        Kind::Place => squared_chord(e.at, container.at) < squared_chord_of_km(WEIGHTS.city_km),
    }
}

/// Whether no reading lies within `km` of the point `at` nor in the first-level region
/// `region`: the place meant is none of them, but one the gazetteer lacks.
pub(crate) fn none_by(
    readings: &[Reading<'_>],
    at: [f64; 3],
    km: f64,
    region: Option<Entry<'_>>,
) -> bool {
    let region = region.map(|r| r.id());
    readings.iter().all(|o| {
        squared_chord(o.at, at) > squared_chord_of_km(km)
            && (o.admin1.is_none() || o.admin1 != region)
    })
}
