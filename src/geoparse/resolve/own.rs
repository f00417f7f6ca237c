//! What a candidate is worth on its own words: its kind, population and fame (the prior), and
//! the cues of its own spot ("region" after it, a dateline, Cyrillic letters). These scores
//! depend only on a spot's name and five of its cues, so they are worked out once per text for
//! each such pair (see [`super::known::Known`]).

use super::reading::Reading;
use super::weights::WEIGHTS;
use crate::gazetteer::{Entry, Kind, Provenance};
use crate::geoparse::inflect::CYRILLIC_COUNTRIES;
use crate::geoparse::spot::Spot;

/// What an entry's population is worth (see [`Weights::population_per_tenfold`]).
///
/// [`Weights::population_per_tenfold`]: super::weights::Weights::population_per_tenfold
pub(crate) fn population_worth(e: &Entry<'_>) -> f64 {
    WEIGHTS.population_per_tenfold * (f64::from(e.population()) + WEIGHTS.population_floor).log10()
}

/// What an entry is worth before any context.
pub(crate) fn prior(o: &Reading<'_>) -> f64 {
    let e = &o.entry;
    let population = population_worth(e);
    let base = match e.kind() {
        Kind::Country => WEIGHTS.country,
        // A first-level region weighs like a city of its population.
        Kind::Admin1 => population.max(WEIGHTS.region_least),
        // A second-level region weighs like a place of a hundredth of its population:
        // counties and districts share names across a country, and context decides among
        // them; but an English county outweighs an American village of its name. One that is
        // its country's principal subdivision weighs like a first-level region: "Devon", "Kent"
        // or the Var are known as Ohio is, as no town of their names is.
        Kind::Admin2 if e.is_principal() => population.max(WEIGHTS.region_least),
        Kind::Admin2 => (population - WEIGHTS.district_discount).max(WEIGHTS.district_least),
        // Curated waters and regions are named for their fame: weigh them like countries.
        Kind::Sea | Kind::Lake | Kind::River | Kind::Region => WEIGHTS.curated_area,
        Kind::Place => population + if e.is_capital() { WEIGHTS.capital } else { 0.0 },
    };
    // A region with no place of the gazetteer in it is obscure, and its point only its
    // parent's ("Cork City", placed at the middle of Ireland): weigh it down.
    let obscure = if e.provenance() == Provenance::ParentPoint {
        WEIGHTS.obscure
    } else {
        0.0
    };
    base - obscure + if o.main_name { WEIGHTS.main_name } else { 0.0 }
}

/// Scores from the spot's own words: each reading's [`prior`] and its [`own_terms`].
pub(crate) fn own_cues(spot: &Spot, readings: &[Reading<'_>]) -> Vec<f64> {
    let holders = namesake_holders(readings);
    readings
        .iter()
        .map(|o| {
            let mut score = prior(o);
            own_terms(spot, readings, &holders, o, &mut |_, points| {
                score += points
            });
            score
        })
        .collect()
}

/// The regions holding a place of a name: (region, whether the place is named by its main
/// name, whether it is a city of millions, which counts even when the text uses its alias, as
/// in "New York").
pub(crate) fn namesake_holders(readings: &[Reading<'_>]) -> Vec<(u32, bool, bool)> {
    readings
        .iter()
        .filter(|p| p.entry.kind() == Kind::Place)
        .flat_map(|p| {
            let big = p.entry.population() >= WEIGHTS.world_city;
            [p.entry.admin1(), p.entry.admin2()]
                .into_iter()
                .flatten()
                .map(move |r| (r.id(), p.main_name, big))
        })
        .collect()
}

/// Calls `emit` with the name and points of each piece of evidence its spot's own words give
/// reading `o` of `readings`, beyond its prior, in the order they add up.
pub(crate) fn own_terms(
    spot: &Spot,
    readings: &[Reading<'_>],
    namesake_holders: &[(u32, bool, bool)],
    o: &Reading<'_>,
    emit: &mut impl FnMut(&'static str, f64),
) {
    let kind = o.entry.kind();
    // GeoNames' main names are Latin, so a Cyrillic name meets a main name only through
    // transliteration: weaker evidence than the same name in Latin letters.
    if o.main_name && spot.cues.cyrillic {
        emit(
            "cyrillic_main_name",
            -(WEIGHTS.main_name - WEIGHTS.cyrillic_main_name),
        );
    }
    if o.region_form && kind.is_area() {
        emit("region_form", WEIGHTS.region_form);
    }
    if spot.cues.wants_area && kind.is_area() && kind != Kind::Country {
        emit("wants_area", WEIGHTS.wants_area);
    }
    if spot.cues.wants_settlement && kind == Kind::Place {
        emit("wants_settlement", WEIGHTS.wants_settlement);
    }
    // A front is named after the town of note among its namesakes: its population
    // weighs twice ("на Гуляйпільському напрямку" is Huliaipole, not the village of
    // that name, however near the text's other places).
    if spot.cues.front && kind == Kind::Place {
        emit("front_town", population_worth(&o.entry));
    }
    // A dateline names its city alone, by its name, only when every reader knows it:
    // a capital of some size or a city of millions ("WASHINGTON —" is no town in
    // England; "VICTORIA —" may be the one in Canada, not the Seychelles' small
    // capital, nor Hong Kong's old name).
    let population = o.entry.population();
    if spot.cues.dateline
        && kind == Kind::Place
        && o.main_name
        && (population >= WEIGHTS.world_city
            || (o.entry.is_capital() && population >= WEIGHTS.dateline_capital))
    {
        emit("dateline_city", WEIGHTS.dateline_city);
    }
    // A name written in Cyrillic is most likely in a country that writes it so; in
    // Ukrainian, in Ukraine ("біля Лимана" is Lyman, Donetsk, not Liman, Astrakhan).
    if spot.cues.cyrillic && CYRILLIC_COUNTRIES.contains(&o.entry.country()) {
        emit("cyrillic_country", WEIGHTS.cyrillic_country);
    }
    if spot.cues.ukrainian && o.entry.country() == "UA" {
        emit("ukrainian_country", WEIGHTS.ukrainian_country);
    }
    // A sea, lake or river and the region named after it: the water, unless the text
    // asks for the region ("the Red Sea", not Sudan's Red Sea State).
    if matches!(kind, Kind::Admin1 | Kind::Admin2)
        && !o.region_form
        && !spot.cues.wants_area
        && readings
            .iter()
            .any(|w| matches!(w.kind, Kind::Sea | Kind::Lake | Kind::River))
    {
        emit("water_over_region", -WEIGHTS.namesake_kind);
    }
    // A river is "the" river, in English: "Drones hit Dnipro" is the city, "crossed
    // the Dnipro" the river (as is "the Dnipro River", by its name).
    if kind == Kind::River && !spot.cues.as_river && !spot.cues.cyrillic {
        emit("river_without_the", -WEIGHTS.namesake_kind);
    }
    // A country and its region of the same name: the country, unless the text asks
    // for the region ("Taiwan", not Taiwan Province; "Mexico", not the State of
    // Mexico).
    if kind == Kind::Admin1
        && !o.region_form
        && !spot.cues.wants_area
        && readings
            .iter()
            .any(|c| c.kind == Kind::Country && c.country == o.country)
    {
        emit("country_over_region", -WEIGHTS.namesake_kind);
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
            emit("city_over_region", -WEIGHTS.namesake_kind);
        }
    }
}

/// Turns scores into probabilities, in place.
pub(crate) fn softmax(scores: &mut [f64]) {
    let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    for s in scores.iter_mut() {
        *s = (*s - max).exp();
    }
    let sum: f64 = scores.iter().sum();
    for s in scores.iter_mut() {
        *s /= sum;
    }
}

pub(crate) fn best(probabilities: &[f64]) -> usize {
    probabilities
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map_or(0, |(i, _)| i)
}
