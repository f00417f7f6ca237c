//! The weights and thresholds of resolution, in one place.
//!
//! A candidate's score is a sum of evidence, each piece a named weight below, in points of a
//! log-odds scale: a softmax over a spot's candidates turns the scores into probabilities, so
//! a lead of one point is a factor of e (2.7) in odds, and of 2.3 points a factor of ten. The
//! weights were set by hand, one rule at a time, against the project's own probe texts and the
//! evaluation corpora (`scripts/eval`), each where it first told two readings apart that a
//! reader tells apart; the tests in `tests/geoparse.rs` hold the cases that set them.
//!
//! Distances are kilometres along the Earth; probabilities are 0 to 1.

/// The scoring weights and thresholds of resolution (see the module docs).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Weights {
    // What a candidate is worth on its own ([`super::own`]).
    /// Worth of a tenfold population: a city ten times the size of a namesake outweighs it by
    /// this much before any context.
    pub population_per_tenfold: f64,
    /// Added to a population before its logarithm, so that an entry of no known population
    /// weighs as a hamlet, not as minus infinity.
    pub population_floor: f64,
    /// Worth of being a country: a country's name means the country before any town of it.
    pub country: f64,
    /// Least worth of a first-level region (and of a second-level one that is its country's
    /// principal subdivision, "Kent", "the Var"): known as its country's parts are, whatever
    /// its population.
    pub region_least: f64,
    /// How much a second-level region weighs less than a place of its population: counties
    /// and districts share names across a country, and context decides among them.
    pub district_discount: f64,
    /// Least worth of a second-level region.
    pub district_least: f64,
    /// Worth of a curated water or region ("the Red Sea", "the Donbas"): named for its fame.
    pub curated_area: f64,
    /// Worth of being a national capital, beside its population.
    pub capital: f64,
    /// Loss of a region the gazetteer can only place at its parent's point ("Cork City"):
    /// obscure, and its point no point of its own.
    pub obscure: f64,
    /// Worth of a text using an entry's main name rather than an alias.
    pub main_name: f64,
    /// The same, when the text is Cyrillic: GeoNames' main names are Latin, so a Cyrillic
    /// name meets one only through transliteration.
    pub cyrillic_main_name: f64,

    // What the spot's own words say ([`super::own`]).
    /// Worth, for an area, of its region's form ("Donetsk region", "Донецька область").
    pub region_form: f64,
    /// Worth, for a region, of a word for an area after the name ("Kherson oblast").
    pub wants_area: f64,
    /// Worth, for a settlement, of a word for one after the name ("the city of", "town").
    pub wants_settlement: f64,
    /// Worth of being a city every reader knows, for a dateline's place ("WASHINGTON —").
    pub dateline_city: f64,
    /// The population of a city of millions, known everywhere (datelines, "New York").
    pub world_city: u32,
    /// The population from which a capital is known in a dateline.
    pub dateline_capital: u32,
    /// Worth of lying in a country that writes Cyrillic, for a name written so.
    pub cyrillic_country: f64,
    /// Worth of lying in Ukraine, for a name in a Ukrainian sentence.
    pub ukrainian_country: f64,
    /// Loss of a reading that another reading of the same name outranks by kind unless the
    /// text asks for it: a region named after a water, a country or a city; a river named
    /// without "the" or "river".
    pub namesake_kind: f64,

    // What the text around a spot says ([`super::context`], [`super::score`]).
    /// The probability from which a first reading is nearly certain: an anchor of the context,
    /// a list-mate or capital beside that speaks for the kind of its neighbours.
    pub sure: f64,
    /// How much louder a country named outright speaks for itself than a place of it.
    pub country_anchor: f64,
    /// The share of its probability that a spot's readings, none nearly certain, must have in
    /// one country to speak for it ("New Milford", "Litchfield": American whichever).
    pub one_country_mass: f64,
    /// The least weight of the anchors for a country to count as one the text is about.
    pub context_least: f64,
    /// Worth of lying in a country the text is about ...
    pub country_context: f64,
    /// ... and how much more for each unit of the anchors' weight for it ...
    pub country_context_per_weight: f64,
    /// ... up to this weight.
    pub country_context_cap: f64,
    /// The weight of anchors in a country from which a text is about it, not merely naming it:
    /// only then do its countries speak for a minor place against a renowned namesake abroad
    /// (two states named once, "Texas and Ohio", weigh 2; a local story's towns, more). Set
    /// where the evaluation corpora's local stories (Plymouth, Massachusetts; Newport and
    /// Virginia in Ireland) kept their towns.
    pub about_country: f64,
    /// How near an anchor must lie for a minor place's text to be plainly local to it (a
    /// county, a neighbouring town), against a renowned namesake abroad.
    pub local_km: f64,
    /// Worth of each anchor (two at most) in the candidate's first-level region.
    pub region_anchor: f64,
    /// Worth of lying at an anchor's point; it falls by e every [`Weights::anchor_km`].
    pub anchor_near: f64,
    /// See [`Weights::anchor_near`].
    pub anchor_km: f64,
    /// Worth of lying at the point of another place of the sentence; it falls by e every
    /// [`Weights::sentence_km`].
    pub sentence_near: f64,
    /// See [`Weights::sentence_near`].
    pub sentence_km: f64,
    /// Worth of lying at the place a spot is said to be near or listed with; it falls by e
    /// every [`Weights::neighbour_km`].
    pub neighbour_near: f64,
    /// See [`Weights::neighbour_near`].
    pub neighbour_km: f64,
    /// Beyond this distance nearness adds nothing worth the reckoning.
    pub nearness_reach_km: f64,
    /// Worth of lying in the place the text puts it in ("X in Y", "X, Y", "Y's X").
    pub contained: f64,
    /// Worth, for a container, of holding a reading of the place put in it.
    pub holds: f64,
    /// Worth of being of the kind of the places listed with it.
    pub list_kind: f64,
    /// Worth of being a capital listed with capitals: a list of capitals speaks for their
    /// governments, whichever country the text is about.
    pub list_capitals: f64,
    /// The most that context adds to a candidate's score, with room to spare: a candidate
    /// further than this behind the leader on its own cannot win and is not weighed again.
    pub max_context: f64,

    // Where a place the gazetteer lacks is put ([`super::placing`]), and doubt.
    /// The confidence of a place the gazetteer lacks, placed at the area holding it.
    pub approximate_confidence: f64,
    /// How sure the placing of a list-mate or a front's town must be for it to say where a
    /// village beside it lies.
    pub mate_sure: f64,
    /// How far from Y a place "near Y" may lie.
    pub near_km: f64,
    /// How far from a city's point its parts may lie.
    pub city_km: f64,
    /// How far apart two minor places listed together may lie: "Uspenivka, Poltavka and
    /// Zatyshshia" are neighbours.
    pub list_km: f64,
    /// How close two entries of a name lie when they are one place for a reader (GeoNames'
    /// near-duplicates), so that neither is the other's rival.
    pub same_place_km: f64,
    /// The population from which a place listed far from its list's places, or before one in
    /// a region it is not in, is itself, no namesake of a village the gazetteer lacks.
    pub list_town: u32,
    /// The longest gap, in bytes, between a place and the place it is said to be near
    /// outright (", a village northeast of ", " (both northeast of ").
    pub near_gap: usize,
    /// The least share of the anchors' weight that other names must have for a text to be
    /// about elsewhere than a bare name's country.
    pub elsewhere_least: f64,
}

/// The weights resolution uses.
pub(crate) const WEIGHTS: Weights = Weights {
    population_per_tenfold: 0.9,
    population_floor: 10.0,
    country: 7.0,
    region_least: 3.0,
    district_discount: 2.0,
    district_least: 1.5,
    curated_area: 7.0,
    capital: 1.5,
    obscure: 2.0,
    main_name: 2.5,
    cyrillic_main_name: 1.0,

    region_form: 4.0,
    wants_area: 4.0,
    wants_settlement: 3.0,
    dateline_city: 6.0,
    world_city: 1_000_000,
    dateline_capital: 250_000,
    cyrillic_country: 2.0,
    ukrainian_country: 1.0,
    namesake_kind: 3.0,

    sure: 0.5,
    country_anchor: 2.0,
    one_country_mass: 0.9,
    context_least: 0.01,
    country_context: 1.5,
    country_context_per_weight: 0.5,
    country_context_cap: 3.0,
    about_country: 3.0,
    local_km: 30.0,
    region_anchor: 1.0,
    anchor_near: 3.5,
    anchor_km: 250.0,
    sentence_near: 2.5,
    sentence_km: 100.0,
    neighbour_near: 4.0,
    neighbour_km: 60.0,
    nearness_reach_km: 1000.0,
    contained: 6.0,
    holds: 3.0,
    list_kind: 2.0,
    list_capitals: 4.0,
    max_context: 25.0,

    approximate_confidence: 0.5,
    mate_sure: 0.8,
    near_km: 100.0,
    city_km: 30.0,
    list_km: 250.0,
    same_place_km: 10.0,
    list_town: 10_000,
    near_gap: 26,
    elsewhere_least: 0.5,
};
