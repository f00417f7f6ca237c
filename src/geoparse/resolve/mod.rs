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

mod context;
mod known;
mod own;
mod placing;
mod reading;
mod score;
pub(crate) mod weights;

pub use known::Known;
pub(crate) use placing::Placement;
pub use reading::distance_km;

use crate::gazetteer::{Entry, Kind, Provenance};
use crate::geoparse::spot::{Spots, Strength, entry_strength};
use context::Scene;
use own::best;
use placing::Case;
use reading::{Reading, inside, squared_chord, squared_chord_of_km};
use score::{Scorer, Ties};
use std::collections::HashMap;
use weights::WEIGHTS;

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
    resolve_traced(found, known, None)
}

/// What resolution did with one spot and why (see [`resolve_traced`]).
pub(crate) struct Trace<'g> {
    /// The spot.
    pub spot: usize,
    pub outcome: Outcome,
    /// The likeliest reading (the country, where a country's name set its towns aside), with
    /// the evidence for it: each piece's name and points, in the order they add up.
    pub chosen: Option<(Entry<'g>, Vec<(&'static str, f64)>)>,
    /// Its strongest rival, with the evidence for it.
    pub rival: Option<(Entry<'g>, Vec<(&'static str, f64)>)>,
    /// Whether the reading is a country whose name set its towns aside (see
    /// [`country_or_town`]), whatever their scores.
    pub country_over_town: bool,
}

/// What became of a spot.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Outcome {
    /// Pinned at its reading, with this confidence.
    Pinned(f64),
    /// Placed at an area by this rule: the gazetteer lacks the place.
    Placed(Placement),
    /// Left unpinned as too doubtful.
    Doubtful,
    /// A name the text shows to be a person's.
    Person,
    /// A demonym, read only for the countries the text is about.
    ContextOnly,
}

/// [`resolve_with`], and, with `trace`, what it did with each spot and why.
pub(crate) fn resolve_traced<'g>(
    found: &Spots<'_, 'g>,
    known: &mut Known<'g>,
    mut trace: Option<&mut Vec<Trace<'g>>>,
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
    let scene = Scene::new(
        spots,
        &found.names,
        readings,
        key_numbers,
        keys.len(),
        worked_out,
        own_index,
    );
    let mut scorer = Scorer::new(windows, nearness);
    // Names the text has put in a region ("Lebanon, Tennessee"), with the entry so chosen.
    let mut qualified: HashMap<&str, u32> = HashMap::new();
    let mut out: Vec<Option<Resolution<'g>>> = Vec::with_capacity(spots.len());
    // The last front named before the spot, if in its sentence.
    let mut front: Option<usize> = None;
    for (i, spot) in spots.iter().enumerate() {
        let front_before = front.filter(|&j| spots[j].sentence == spot.sentence);
        if spot.cues.front {
            front = Some(i);
        }
        if spot.cues.person || spot.cues.context_only {
            if let Some(trace) = trace.as_deref_mut() {
                let outcome = if spot.cues.person {
                    Outcome::Person
                } else {
                    Outcome::ContextOnly
                };
                trace.push(Trace {
                    spot: i,
                    outcome,
                    chosen: None,
                    rival: None,
                    country_over_town: false,
                });
            }
            out.push(None);
            continue;
        }
        let ties = Ties::of(&scene, i);
        let probabilities = scorer.probabilities(&scene, i, &ties, &out);
        let (top, towns_set_aside) = country_or_town(&scene, i, probabilities, &ties, &qualified);
        let chosen = scene.readings[i][top];
        if ties.holders.iter().any(|y| inside(&chosen, y)) {
            qualified.insert(found.names[spot.name].key.as_str(), chosen.id);
        }
        let case = Case {
            scene: &scene,
            i,
            chosen,
            ties: &ties,
            out: &out,
            front_before,
        };
        let placed = Placement::ORDER
            .iter()
            .find_map(|rule| Some((*rule, rule.check(&case)?)));
        let rival = trace
            .is_some()
            .then(|| runner_up(probabilities, top))
            .flatten();
        let resolution = match placed.map(|(_, area)| area) {
            // A place the gazetteer lacks, placed at the area holding it (or near it), with
            // every reading of its name as an alternative.
            Some(area) => Some(Resolution {
                entry: area,
                approximate: true,
                confidence: WEIGHTS.approximate_confidence,
                alternatives: alternatives(scene.readings[i], probabilities, usize::MAX),
            }),
            None if doubtful(&scene, i, &chosen) => None,
            None => Some(Resolution {
                entry: chosen.entry,
                approximate: false,
                confidence: confidence(scene.readings[i], probabilities, top, towns_set_aside),
                alternatives: if chosen_before.insert(chosen.id) {
                    alternatives(scene.readings[i], probabilities, top)
                } else {
                    Vec::new()
                },
            }),
        };
        if let Some(trace) = trace.as_deref_mut() {
            let outcome = match (placed, &resolution) {
                (Some((rule, _)), _) => Outcome::Placed(rule),
                (None, Some(r)) => Outcome::Pinned(r.confidence),
                (None, None) => Outcome::Doubtful,
            };
            let holders = own::namesake_holders(scene.readings[i]);
            let mut evidence = |k: usize| {
                let o = &scene.readings[i][k];
                let mut terms = vec![("prior", own::prior(o))];
                own::own_terms(spot, scene.readings[i], &holders, o, &mut |n, w| {
                    terms.push((n, w))
                });
                scorer.explain(&scene, i, &ties, &out, k, &mut |n, w| terms.push((n, w)));
                terms.retain(|&(_, w)| w.abs() >= 0.005);
                (o.entry, terms)
            };
            let chosen = Some(evidence(top));
            let rival = rival.map(&mut evidence);
            trace.push(Trace {
                spot: i,
                outcome,
                chosen,
                rival,
                country_over_town: towns_set_aside,
            });
        }
        out.push(resolution);
    }
    out
}

/// The likeliest reading of a spot but `top`, if any.
fn runner_up(probabilities: &[f64], top: usize) -> Option<usize> {
    (0..probabilities.len())
        .filter(|&k| k != top)
        .max_by(|&a, &b| probabilities[a].total_cmp(&probabilities[b]))
}

/// The reading chosen for spot `i`, and whether the towns of a country's name were set aside
/// for the country. A country's name means the country unless the text says otherwise: a
/// town or district of that name wins only when the text puts it in its region ("Lebanon,
/// Tennessee"), at this mention or an earlier one of the same name (`qualified`). (A city's
/// name gets no such rule: local news names its own London unqualified.)
fn country_or_town(
    scene: &Scene<'_, '_>,
    i: usize,
    probabilities: &[f64],
    ties: &Ties<'_, '_>,
    qualified: &HashMap<&str, u32>,
) -> (usize, bool) {
    let (spot, own) = (&scene.spots[i], scene.readings[i]);
    let top = best(probabilities);
    if let Some(country) = country_named(own) {
        let c = &own[top];
        // ("Mexico, the US and Canada" is a list of countries, not Mexico in the US.)
        let qualified = ties
            .holders
            .iter()
            .any(|y| inside(c, y) && (spot.cues.container_explicit || y.kind != Kind::Country))
            || qualified.get(scene.names[spot.name].key.as_str()) == Some(&c.id);
        if matches!(c.kind, Kind::Place | Kind::Admin2) && !qualified {
            return (country, true);
        }
    }
    (top, false)
}

/// Whether spot `i`, read as `chosen`, is too doubtful to pin: an alias of a place short of a
/// great city in a country the text is not about, with nothing around it that says "place"
/// ("Hamas gunmen" are not in Hamm, Germany); or its main name, a minor place's, bare of any
/// tie to another place, where the text is about elsewhere ("the academic Ben Cousins" is no
/// Iranian town in a story about Spain, nor "Angus cattle" a Scottish county in one about
/// Missouri). A text that names nothing else keeps it ("Shelling of Kostiantynivka
/// continues").
fn doubtful(scene: &Scene<'_, '_>, i: usize, chosen: &Reading<'_>) -> bool {
    let spot = &scene.spots[i];
    let in_context = scene.context_weight(i, chosen.entry.country()) > WEIGHTS.context_least;
    let own_name_weight: f64 = scene.name_country_weight[scene.name[i]]
        .iter()
        .map(|&(_, w)| w)
        .sum();
    let elsewhere =
        scene.places_weight - own_name_weight >= own_name_weight.max(WEIGHTS.elsewhere_least);
    let bare = elsewhere
        && matches!(chosen.kind, Kind::Place | Kind::Admin2)
        && !chosen.region_form
        && chosen.entry.provenance() != Provenance::Curated
        && spot.cues.container.is_none()
        && scene.held[i].is_empty()
        && !spot.cues.wants_area
        && spot.cues.near.is_none()
        && spot.cues.list.is_none();
    let strength = entry_strength(&chosen.entry);
    // (A first-level region's other names are its names, from ISO 3166 and the CLDR, no
    // other place's alias: "Chechnya", "Tatarstan", "Kherson Governor".)
    let outright = scene.named_outright(i, chosen) || chosen.kind == Kind::Admin1;
    // (A renowned place is no stranger anywhere: "Russia's defence ministry said its troops
    // had taken Kupiansk".)
    let doubtful = if outright {
        bare && strength < Strength::Notable && !chosen.renowned
    } else {
        strength < Strength::Major
    };
    // (A locative vouches for an alias only where it stands before it, not across a list:
    // "talks between Israel and Hamas".)
    let locative = spot.cues.locative && (outright || spot.cues.list.is_none());
    doubtful && !in_context && !locative
}

/// The confidence in reading `top` of a spot (see [`against_runner_up`]). Its rivals: not the
/// towns of a country's name that the text did not put in their region (the country is
/// measured against its other readings), nor the entries for the same place (GeoNames'
/// near-duplicates, a city's district of its name: "Geneina" is both "El Geneina Fort" and
/// "Al-Junaynah", "Goma" a city and its territory).
fn confidence(
    own: &[Reading<'_>],
    probabilities: &[f64],
    top: usize,
    towns_set_aside: bool,
) -> f64 {
    let chosen = &own[top];
    against_runner_up(probabilities, top, |k| {
        let o = &own[k];
        let town = matches!(o.kind, Kind::Place | Kind::Admin2);
        let same_place = town
            && matches!(chosen.kind, Kind::Place | Kind::Admin2)
            && squared_chord(o.at, chosen.at) < squared_chord_of_km(WEIGHTS.same_place_km);
        !(same_place || (towns_set_aside && town))
    })
}

/// The reading of a name that is a country's main name, if any.
fn country_named(readings: &[Reading<'_>]) -> Option<usize> {
    readings
        .iter()
        .position(|o| o.main_name && o.kind == Kind::Country)
}

/// The likeliest other readings of a spot resolved to reading `chosen`, best first, each with
/// its probability against the chosen one (see [`against_runner_up`]).
fn alternatives<'g>(
    readings: &[Reading<'g>],
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
            top.insert(at, (readings[i].entry, p));
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
