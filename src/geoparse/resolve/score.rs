//! The second pass of resolution: what the text around a spot says of each of its readings.
//!
//! A candidate gains for lying in a country the text is about, in a region its anchors lie
//! in, near its anchors (the nearly certain spots within [`CONTEXT`] spots of it), near the
//! other places of its sentence, inside the place the text puts it in and around the places
//! put in it, near the place it is said to be near or listed with, and for being of the kind
//! of its list-mates. Every weight is in [`WEIGHTS`].
//!
//! What the anchors say depends only on a spot's own scores and the window of anchors around
//! it, so it is worked out once for each while the window stays (a text names the same few
//! places again and again).

use super::Resolution;
use super::context::{Scene, sentence_spots};
use super::own::softmax;
use super::reading::{Reading, chord_km, inside, reach, squared_chord, squared_chord_of_km, unit};
use super::weights::WEIGHTS;
use crate::gazetteer::Kind;
use crate::geoparse::spot::{Strength, entry_strength};
use rustc_hash::FxHashMap;

/// How many spots on either side make a spot's context: the places of the same story, even
/// when one text holds many stories.
const CONTEXT: usize = 40;

/// What the text says of where a spot lies, worked out once for its scoring and its placing.
pub(crate) struct Ties<'a, 'g> {
    /// The likeliest readings of the spot holding this one ("X in Y"), if any.
    pub holders: Vec<&'a Reading<'g>>,
    /// Whether the spot holding it is listed after it ("X, Y and Z").
    pub listed_with_holder: bool,
}

impl<'a, 'g> Ties<'a, 'g> {
    /// The ties of spot `i`.
    pub fn of(scene: &Scene<'a, 'g>, i: usize) -> Ties<'a, 'g> {
        let cues = &scene.spots[i].cues;
        Ties {
            holders: cues
                .container
                .map(|c| containers(scene.readings[c], scene.first(c)))
                .unwrap_or_default(),
            listed_with_holder: cues
                .container
                .is_some_and(|c| scene.spots[c].cues.list == Some(i)),
        }
    }
}

/// The readings a container spot may stand for: its three likeliest.
pub(crate) fn containers<'r, 'g>(
    readings: &'r [Reading<'g>],
    probabilities: &[f64],
) -> Vec<&'r Reading<'g>> {
    let mut ranked: Vec<(f64, &Reading<'g>)> = readings
        .iter()
        .zip(probabilities)
        .map(|(o, p)| (*p, o))
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    ranked.truncate(3);
    ranked.into_iter().map(|(_, e)| e).collect()
}

/// The scorer of a piece's spots, in text order: the window of anchors slid along, and what
/// it has worked out for the window as it stands.
pub(crate) struct Scorer<'k, 'g> {
    /// The windows of anchors met, by number (see [`Window::sorted`]), in every piece.
    windows: &'k mut FxHashMap<Vec<(u32, usize)>, usize>,
    /// What the anchors of a window (by number) say of each reading of a name.
    nearness: &'k mut FxHashMap<(usize, usize), Vec<Option<Nearness>>>,
    window: Window<'g>,
    around: Around,
    /// The scores with the window's context, by own scores and whether the spot is put in a
    /// place (see [`window_terms`]), for the window as it stands.
    with_window: FxHashMap<(usize, bool), Vec<f64>>,
    changes_seen: usize,
    window_number: usize,
    /// The next anchor to enter the window, and the next to leave it.
    next_in: usize,
    next_out: usize,
    /// (Buffers for each spot's scores and the places of its sentence.)
    scores: Vec<f64>,
    in_sentence: Vec<usize>,
}

impl<'k, 'g> Scorer<'k, 'g> {
    /// A scorer that keeps what windows say in `windows` and `nearness`, for every piece.
    pub fn new(
        windows: &'k mut FxHashMap<Vec<(u32, usize)>, usize>,
        nearness: &'k mut FxHashMap<(usize, usize), Vec<Option<Nearness>>>,
    ) -> Scorer<'k, 'g> {
        Scorer {
            windows,
            nearness,
            window: Window::default(),
            around: Around::default(),
            with_window: FxHashMap::default(),
            changes_seen: 0,
            window_number: 0,
            next_in: 0,
            next_out: 0,
            scores: Vec::new(),
            in_sentence: Vec::new(),
        }
    }

    /// The probabilities of spot `i`'s readings in context, the spots before it resolved as
    /// `out` says.
    pub fn probabilities(
        &mut self,
        scene: &Scene<'_, 'g>,
        i: usize,
        ties: &Ties<'_, 'g>,
        out: &[Option<Resolution<'g>>],
    ) -> &[f64] {
        self.slide(scene, i);
        // Context can lift a candidate by about 15 points at most; those further behind the
        // leader cannot win and are not weighed again.
        let lead = scene
            .own_scores(i)
            .iter()
            .copied()
            .fold(f64::NEG_INFINITY, f64::max);
        let weighed = |k: &usize| scene.own_scores(i)[*k] >= lead - WEIGHTS.max_context;
        self.window_scores(scene, i, weighed);
        self.sentence_scores(scene, i, ties, out, weighed);
        softmax(&mut self.scores);
        &self.scores
    }

    /// Slides the window to the anchors within [`CONTEXT`] spots of spot `i`.
    fn slide(&mut self, scene: &Scene<'_, 'g>, i: usize) {
        let (anchors, provisional, name) = (&scene.anchors, &scene.provisional, &scene.name);
        let span = i.saturating_sub(CONTEXT)..(i + CONTEXT + 1).min(scene.spots.len());
        while self.next_in < anchors.len() && anchors[self.next_in] < span.end {
            let a = anchors[self.next_in];
            self.window.add(provisional[a], name[a]);
            self.next_in += 1;
        }
        while self.next_out < self.next_in && anchors[self.next_out] < span.start {
            let a = anchors[self.next_out];
            self.window.remove(&provisional[a], name[a]);
            self.next_out += 1;
        }
        if self.window.changes != self.changes_seen {
            self.changes_seen = self.window.changes;
            self.with_window.clear();
            let next = self.windows.len();
            self.window_number = match self.windows.get(&self.window.sorted) {
                Some(&n) => n,
                None => *self
                    .windows
                    .entry(self.window.sorted.clone())
                    .or_insert(next),
            };
        }
    }

    /// Sets the scores of spot `i` to its own and what the countries, regions and places
    /// around it say. That depends only on its own scores (its name and cues) and on the
    /// window: worked out once while both stay.
    fn window_scores(&mut self, scene: &Scene<'_, 'g>, i: usize, weighed: impl Fn(&usize) -> bool) {
        let own = scene.readings[i];
        let spot = &scene.spots[i];
        let Scorer {
            nearness,
            window,
            around,
            with_window,
            window_number,
            scores,
            ..
        } = self;
        scores.clear();
        let tied = spot.cues.container.is_some();
        scores.extend_from_slice(
            with_window
                .entry((scene.own_index(i), tied))
                .or_insert_with(|| {
                    // (What the anchors say of a reading holds in every piece with the same window.)
                    let said = nearness
                        .entry((*window_number, spot.name))
                        .or_insert_with(|| vec![None; own.len()]);
                    let mut gathered = false;
                    let mut scores = scene.own_scores(i).to_vec();
                    for k in (0..own.len()).filter(&weighed) {
                        let o = &own[k];
                        // Regions the text is about, and nearness to its other places.
                        let said = *said[k].get_or_insert_with(|| {
                            if !gathered {
                                window.around(scene.name[i], around);
                                gathered = true;
                            }
                            let nearest = around.nearest(o, window);
                            Nearness {
                                shares_region: around.shares_region(o),
                                near: nearest.is_finite().then(|| {
                                    WEIGHTS.anchor_near
                                        * (-chord_km(nearest.sqrt()) / WEIGHTS.anchor_km).exp()
                                }),
                                // (Asked only where `window_terms` may read it.)
                                local: o.kind == Kind::Place
                                    && !o.renowned
                                    && around.local(o, window),
                            }
                        });
                        window_terms(scene, i, o, said, &mut |_, points| scores[k] += points);
                    }
                    scores
                }),
        );
    }

    /// Adds to the scores of spot `i` what its sentence says (see [`sentence_terms`]).
    fn sentence_scores(
        &mut self,
        scene: &Scene<'_, 'g>,
        i: usize,
        ties: &Ties<'_, 'g>,
        out: &[Option<Resolution<'g>>],
        weighed: impl Fn(&usize) -> bool,
    ) {
        let view = SentenceView::of(scene, i, out, &mut self.in_sentence);
        let scores = &mut self.scores;
        for k in (0..scene.readings[i].len()).filter(weighed) {
            sentence_terms(scene, &view, ties, k, &mut |_, points| scores[k] += points);
        }
    }

    /// Calls `emit` with the name and points of each piece of evidence the context gives
    /// reading `k` of spot `i`, as [`Scorer::probabilities`] has just weighed it.
    pub fn explain(
        &mut self,
        scene: &Scene<'_, 'g>,
        i: usize,
        ties: &Ties<'_, 'g>,
        out: &[Option<Resolution<'g>>],
        k: usize,
        emit: &mut impl FnMut(&'static str, f64),
    ) {
        let said = self
            .nearness
            .get(&(self.window_number, scene.spots[i].name))
            .and_then(|said| said[k]);
        if let Some(said) = said {
            window_terms(scene, i, &scene.readings[i][k], said, emit);
        }
        let view = SentenceView::of(scene, i, out, &mut self.in_sentence);
        sentence_terms(scene, &view, ties, k, emit);
    }
}

/// Calls `emit` with the name and points of what the window of anchors says of reading `o` of
/// spot `i` (`said`: what its anchors say of it): the country the text is about, the
/// anchors in its region, the nearest anchor.
///
/// The text's countries and anchors speak among readings of comparable renown: a minor place
/// known no further than its size, or a place by an old name or alias ("Pokrovsk", Engels'
/// old name), gets nothing from them but its region's against a renowned namesake in another
/// country ("Officials from Texas and Ohio joined the talks in Warsaw" is Poland's capital,
/// not Warsaw, Ohio), unless the text puts it in a place ("PARIS, Mo.", "Warsaw, Ind.": the
/// sentence then decides), is plainly local to it (two anchors in its region, or a town or
/// district within [`Weights::local_km`]: "a collision in Paris … Brant OPP", in Ontario) or
/// is about its country (anchors of [`Weights::about_country`] there).
///
/// [`Weights::about_country`]: super::weights::Weights::about_country
/// [`Weights::local_km`]: super::weights::Weights::local_km
fn window_terms(
    scene: &Scene<'_, '_>,
    i: usize,
    o: &Reading<'_>,
    said: Nearness,
    emit: &mut impl FnMut(&'static str, f64),
) {
    let weight = scene.context_weight(i, o.country);
    let outranked = o.kind == Kind::Place
        && scene.spots[i].cues.container.is_none()
        && !o.renowned
        && (entry_strength(&o.entry) < Strength::Notable || !o.main_name)
        && said.shares_region < 2
        && weight < WEIGHTS.about_country
        && !said.local
        && scene.readings[i].iter().any(|r| {
            r.renowned && r.kind == Kind::Place && r.slot != o.slot && (r.main_name || !o.main_name)
        });
    if outranked {
        emit(
            "region_anchor",
            WEIGHTS.region_anchor * f64::from(said.shares_region),
        );
        return;
    }
    if weight > WEIGHTS.context_least && !o.country.is_empty() {
        emit(
            "country_context",
            WEIGHTS.country_context
                + WEIGHTS.country_context_per_weight * weight.min(WEIGHTS.country_context_cap),
        );
    }
    emit(
        "region_anchor",
        WEIGHTS.region_anchor * f64::from(said.shares_region),
    );
    if let Some(near) = said.near {
        emit("anchor_near", near);
    }
}

/// What a spot's sentence holds for the scoring of its readings, gathered once a spot.
struct SentenceView<'s> {
    i: usize,
    /// The other places of its sentence (spot indexes).
    in_sentence: &'s [usize],
    /// Another capital of its sentence, nearly certain: capitals named together speak for
    /// their governments ("accused London and Paris …; the leaders were in Washington").
    capital_beside: bool,
    /// Its neighbours in a list.
    siblings: [Option<usize>; 2],
    /// Where the place it is near or listed with lies: as resolved, when it came before (its
    /// own context placed it), else as read on its own.
    neighbour_at: Option<[f64; 3]>,
}

impl<'s> SentenceView<'s> {
    fn of<'g>(
        scene: &Scene<'_, 'g>,
        i: usize,
        out: &[Option<Resolution<'g>>],
        buffer: &'s mut Vec<usize>,
    ) -> SentenceView<'s> {
        let (spots, provisional, name) = (scene.spots, &scene.provisional, &scene.name);
        let spot = &spots[i];
        buffer.clear();
        buffer.extend(sentence_spots(spots, i).filter(|&j| {
            j != i && name[j] != name[i] && provisional[j].kind != Kind::Country && !scene.strays[j]
        }));
        let capital_beside = scene.readings[i].iter().any(|o| o.capital)
            && sentence_spots(spots, i).any(|j| {
                j != i
                    && name[j] != name[i]
                    && scene.sureness(j) >= WEIGHTS.sure
                    && provisional[j].capital
            });
        let siblings = [
            spot.cues.list,
            (i + 1 < spots.len() && spots[i + 1].cues.list == Some(i)).then_some(i + 1),
        ];
        let neighbour_at = spot
            .cues
            .near
            .or(spot.cues.list)
            .map(|n| match &out.get(n) {
                Some(Some(r)) if n < i && !r.approximate => unit(r.entry.point()),
                _ => provisional[n].at,
            });
        SentenceView {
            i,
            in_sentence: buffer,
            capital_beside,
            siblings,
            neighbour_at,
        }
    }
}

/// Calls `emit` with the name and points of each piece of evidence its sentence gives reading
/// `k` of a spot: the other places of the sentence, the place holding it and those it holds,
/// the place it is near or listed with, and the kind of its list-mates.
fn sentence_terms(
    scene: &Scene<'_, '_>,
    view: &SentenceView<'_>,
    ties: &Ties<'_, '_>,
    k: usize,
    emit: &mut impl FnMut(&'static str, f64),
) {
    let (i, provisional) = (view.i, &scene.provisional);
    let spot = &scene.spots[i];
    let o = &scene.readings[i][k];
    let reach_km = squared_chord_of_km(WEIGHTS.nearness_reach_km);
    let nearest_in_sentence = view
        .in_sentence
        .iter()
        .map(|&j| reach(o, &provisional[j]))
        .fold(f64::INFINITY, f64::min);
    // (Beyond a thousand kilometres it adds nothing worth the reckoning.)
    let sentence_near = if nearest_in_sentence < reach_km {
        WEIGHTS.sentence_near * (-chord_km(nearest_in_sentence.sqrt()) / WEIGHTS.sentence_km).exp()
    } else {
        0.0
    };
    emit("sentence_near", sentence_near);
    // "X in Y", "X, Y", "Y's X" (of a list, "X, Y and Z", only by X's main name).
    if ties.holders.iter().any(|y| inside(o, y)) && (o.main_name || !ties.listed_with_holder) {
        emit("contained", WEIGHTS.contained);
    }
    // The other side of "X in Y": Y is likelier what holds a reading of X.
    for &j in &scene.held[i] {
        let listed = spot.cues.list == Some(j);
        if scene.readings[j]
            .iter()
            .any(|x| inside(x, o) && (x.main_name || !listed))
        {
            emit("holds", WEIGHTS.holds);
        }
    }
    // "near Y", "around Y and X". (What the same neighbour already gave as a place of the
    // sentence is not given twice.)
    if let Some(at) = view.neighbour_at {
        let squared = squared_chord(o.at, at);
        if squared < reach_km {
            let near =
                WEIGHTS.neighbour_near * (-chord_km(squared.sqrt()) / WEIGHTS.neighbour_km).exp();
            emit("neighbour_near", (near - sentence_near).max(0.0));
        }
    }
    // A list names places of a kind: cities with cities, states with states, and capitals
    // with capitals ("Washington and London", not the English town).
    let listed_with = |same: &dyn Fn(&Reading<'_>) -> bool| {
        view.siblings
            .iter()
            .flatten()
            .any(|&j| scene.sureness(j) >= WEIGHTS.sure && same(&provisional[j]))
    };
    if listed_with(&|r| r.kind == o.kind) {
        emit("list_kind", WEIGHTS.list_kind);
    }
    if o.capital && (view.capital_beside || listed_with(&|r| r.capital)) {
        emit("list_capitals", WEIGHTS.list_capitals);
    }
}

/// What the anchors around a spot say of one of its readings.
#[derive(Clone, Copy)]
pub(crate) struct Nearness {
    /// How many anchors (two at most) lie in its first-level region or are that region.
    shares_region: u8,
    /// The score its distance to the nearest anchor adds, if any anchor counts.
    near: Option<f64>,
    /// Whether an anchor that is a settlement or a district lies within
    /// [`Weights::local_km`](super::weights::Weights::local_km): the text is local to it
    /// (worked out only for a place that is not renowned, the only one it matters for).
    local: bool,
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
    /// Whether an anchor of `window` that is a settlement or a district lies within
    /// [`Weights::local_km`](super::weights::Weights::local_km) of a candidate (a region's
    /// point says nothing of where in it a place lies).
    fn local(&self, o: &Reading<'_>, window: &Window<'_>) -> bool {
        self.others.iter().any(|&k| {
            let anchor = &window.distinct[k].0;
            matches!(anchor.kind, Kind::Place | Kind::Admin2)
                && squared_chord(o.at, anchor.at) < squared_chord_of_km(WEIGHTS.local_km)
        })
    }

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
