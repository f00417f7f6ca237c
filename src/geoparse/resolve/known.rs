//! What resolution learns once for each name of a text, in whichever piece of it the name is
//! met, and keeps for the text's other pieces.

use super::own::{own_cues, softmax};
use super::reading::{Reading, readings};
use super::score::Nearness;
use crate::geoparse::spot::Spot;
use crate::geoparse::vocabulary::Name;
use rustc_hash::{FxHashMap, FxHashSet};

/// What resolution works out once for each name of a text, in whichever piece of it the name
/// is met (the names of [`Spots::names`], which a text's pieces share): the name's readings,
/// its number (names of one key share one), and the scores its own words give it.
#[derive(Default)]
pub struct Known<'g> {
    /// The readings of each name.
    pub(crate) readings: Vec<Vec<Reading<'g>>>,
    /// The number of each name's key.
    pub(crate) key_numbers: Vec<usize>,
    pub(crate) keys: FxHashMap<String, usize>,
    /// The own scores, and the probabilities they give, by name and the five cues they
    /// depend on.
    pub(crate) own: FxHashMap<(usize, [bool; 5]), usize>,
    pub(crate) worked_out: Vec<(Vec<f64>, Vec<f64>)>,
    /// The windows of anchors met (see [`Window::sorted`]), by number.
    pub(crate) windows: FxHashMap<Vec<(u32, usize)>, usize>,
    /// What the anchors of a window (by number) say of each reading of a name, once asked:
    /// whether it shares their region, and what nearness to them adds.
    pub(crate) nearness: FxHashMap<(usize, usize), Vec<Option<Nearness>>>,
    /// The entries spots have resolved to (their alternatives already given).
    pub(crate) chosen: FxHashSet<u32>,
}

impl<'g> Known<'g> {
    /// Learns the names not met before (names are only ever added).
    pub(crate) fn learn(&mut self, names: &[Name<'g>]) {
        for name in &names[self.readings.len()..] {
            self.readings.push(readings(name));
            let next = self.keys.len();
            let number = *self.keys.entry(name.key.clone()).or_insert(next);
            self.key_numbers.push(number);
        }
    }

    /// The place of a spot's own scores in `worked_out`, worked out the first time.
    pub(crate) fn own_scores(&mut self, spot: &Spot) -> usize {
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
