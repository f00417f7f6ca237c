//! The rules of recognition and placing, each with its own cases, on a small world built here
//! with `IndexBuilder`: rebuilding the world's data moves none of them. One harness runs every
//! case and reports every failure, not the first (the names of the rules are those of
//! `docs/rules.md`). The full index is tested by `tests/geoparse.rs`.

use conflict_mapper::gazetteer::{Extent, Gazetteer, IndexBuilder, Kind, NewEntry, Provenance};
use conflict_mapper::geoparse::{explain, geoparse};
use std::sync::OnceLock;

/// A text and the places it pins, in text order: "Pokrovsk (UA)" for a place pinned, by its
/// gazetteer name and country, "Kostiantynivka~Sumska oblast" for one the gazetteer lacks,
/// placed at an area it lies in.
struct Case {
    name: &'static str,
    /// The rule the case is about, as `geoparse --explain` names it.
    rule: &'static str,
    text: &'static str,
    pins: &'static [&'static str],
}

macro_rules! t {
    ($name:ident, $rule:expr, $text:expr, [$($pin:expr),* $(,)?]) => {
        Case { name: stringify!($name), rule: $rule, text: $text, pins: &[$($pin),*] }
    };
}

/// The recognition rules.
const RECOGNITION: &[Case] = &[
    t!(
        calendar_word_alone,
        "calendar-word",
        "Talks resume in May.",
        []
    ),
    t!(
        calendar_word_as_a_place,
        "not calendar-word",
        "Shelling hit Sumy on Monday.",
        ["Sumy (UA)"]
    ),
    t!(
        short_name_is_an_article,
        "short-name",
        "Al Smith spoke.",
        []
    ),
    t!(
        short_name_after_a_locative,
        "not short-name",
        "Troops were seen in Al.",
        ["Al (US)"]
    ),
    t!(
        person_with_age,
        "person-with-age",
        "Warren Sumy, 54, was hurt.",
        []
    ),
    t!(
        after_title,
        "after-title",
        "President Warren met officials.",
        []
    ),
    t!(one_met, "one-met", "The minister met Warren on Friday.", []),
    t!(acronym, "acronym", "The ACE report was late.", []),
    t!(
        area_word_ends_name,
        "area-word-ends-name",
        "Drones hit Sumy Oblast overnight.",
        ["Sumska oblast (UA)"]
    ),
    t!(
        who_follows,
        "who-follows",
        "They saw Warren, who was calm.",
        []
    ),
    t!(speaker, "speaker", "Warren said the talks would go on.", []),
    t!(
        capital_speaks_for_its_government,
        "not speaker",
        "Warsaw said the talks would go on.",
        ["Warsaw (PL)"]
    ),
    t!(
        organisation,
        "organisation-or-saint",
        "The Sumy Post reported it.",
        []
    ),
    t!(building, "building", "He stood outside the Pentagon.", []),
    t!(given_name, "given-name", "Warren Buffett invested.", []),
    t!(surname, "surname", "Ted Warren voted.", []),
    t!(
        ordinary_word_alone,
        "ordinary-word",
        "Nice weather returned.",
        []
    ),
    t!(
        cyrillic_first_word,
        "cyrillic-first-word",
        "Він сказав, що бої тривають.",
        []
    ),
    t!(
        declined_name,
        "declined-name",
        "Зеленський зустрівся з Макроном.",
        []
    ),
    t!(
        capitalised_word,
        "capitalised-word",
        "He said Ok to the plan.",
        []
    ),
    t!(
        armed_demonym,
        "armed-demonym",
        "Ukrainian forces attacked Pokrovsk.",
        ["Pokrovsk (UA)"]
    ),
    t!(
        abbreviation_that_qualifies,
        "not lone-abbreviation",
        "Police in Fresno, Calif. said so.",
        ["Fresno (US)", "California (US)"]
    ),
    t!(
        lone_abbreviation,
        "lone-abbreviation",
        "The Calif. team won.",
        []
    ),
    t!(
        ship_after_kind,
        "ship-after-kind",
        "The cruiser Sumy sank.",
        []
    ),
    t!(
        quoted_unit,
        "quoted-unit",
        "Бійці бригади «Суми» відбили атаку.",
        []
    ),
    t!(
        known_person,
        "known-person",
        "Warren Buffett spoke. Later, Warren left.",
        []
    ),
    t!(
        dateline,
        "dateline",
        "SUMY — Shelling went on overnight.",
        ["Sumy (UA)"]
    ),
    t!(
        kind_beside,
        "kind-beside",
        "The Kharkiv, a frigate, sank.",
        []
    ),
    t!(ampersand, "ampersand", "Warren & Sons sold it.", []),
    t!(
        given_name_before_title,
        "given-name-before-title",
        "Warren Smith, a spokesman, said so.",
        []
    ),
    t!(middle_initial, "middle-initial", "Ted K. Warren voted.", []),
    t!(
        ordinary_word_after_a_locative,
        "ordinary-word",
        "The summit was held in Nice.",
        ["Nice (US)"]
    ),
    t!(
        given_name_that_is_an_ordinary_word,
        "given-name",
        "Nice Smith ran.",
        []
    ),
];

/// The placement rules, and the choice of a country over its towns.
const PLACING: &[Case] = &[
    t!(
        in_container_lacking_the_place,
        "in-container",
        "Shelling hit Kostiantynivka in Sumy region.",
        ["Kostiantynivka~Sumska oblast", "Sumska oblast (UA)"]
    ),
    t!(
        in_container_holding_the_place,
        "contained",
        "Shelling hit Kostiantynivka in Donetsk region.",
        ["Kostiantynivka (UA)", "Donetska oblast (UA)"]
    ),
    t!(
        near_place,
        "near-place",
        "Fighting went on in Ternove near Pokrovsk.",
        ["Ternove~Donetska oblast", "Pokrovsk (UA)"]
    ),
    t!(
        country_over_town,
        "country-over-town",
        "Police in Warren and Poland said no.",
        ["Warren (US)", "Poland (PL)"]
    ),
    t!(
        country_town_in_its_region,
        "not country-over-town",
        "Police in Poland, Ohio, said so.",
        ["Poland (US)", "Ohio (US)"]
    ),
    t!(
        list_in_region,
        "list-in-region",
        "Shelling hit Kozinka and Demidovka in Belgorod Oblast.",
        [
            "Kozinka~Belgorodskaya oblast",
            "Demidovka (RU)",
            "Belgorodskaya oblast (RU)"
        ]
    ),
    t!(
        on_front,
        "on-front",
        "In the Pokrovsk direction, fighting went on near Novoukrainka.",
        ["Pokrovsk (UA)", "Novoukrainka~Donetska oblast"]
    ),
    t!(
        after_region,
        "after-region",
        "Fighting in Kursk region went on near the village of Plekhovo.",
        ["Kurskaya oblast (RU)", "Plekhovo~Kurskaya oblast"]
    ),
    t!(
        part_of_city,
        "part-of-city",
        "In Kharkiv, blasts hit Kyivskyi district overnight.",
        ["Kharkiv (UA)", "Kyivskyi district~Kharkiv"]
    ),
    t!(
        among_neighbours,
        "among-neighbours",
        "Troops advanced near Uspenivka, Poltavka and Zatyshshia.",
        [
            "Uspenivka (UA)",
            "Poltavka (UA)",
            "Zatyshshia~Donetska oblast"
        ]
    ),
];

/// Resolution among readings.
const RESOLUTION: &[Case] = &[
    t!(
        a_renowned_city_over_a_named_state_s_namesake,
        "prior",
        "Officials from Ohio and Texas joined the talks in Warsaw.",
        ["Ohio (US)", "Texas (US)", "Warsaw (PL)"]
    ),
    t!(
        a_namesake_put_in_its_state,
        "contained",
        "Police in Warsaw, Ohio, said so.",
        ["Warsaw (US)", "Ohio (US)"]
    ),
    t!(
        region_named_beside_a_town,
        "contained",
        "Troops entered Kostiantynivka, Donetsk region.",
        ["Kostiantynivka (UA)", "Donetska oblast (UA)"]
    ),
    t!(
        a_town_near_the_other_places,
        "sentence_near",
        "Strikes hit Pokrovsk and Kostiantynivka.",
        ["Pokrovsk (UA)", "Kostiantynivka (UA)"]
    ),
    t!(
        a_city_of_millions_alone,
        "prior",
        "Flights to Warsaw resumed.",
        ["Warsaw (PL)"]
    ),
];

/// A small world: three countries, their regions, and towns with namesakes, each with the
/// facts that the rules read (kind, population, region, capital, point).
fn world() -> &'static Gazetteer {
    static WORLD: OnceLock<Gazetteer> = OnceLock::new();
    WORLD.get_or_init(|| {
        let mut b = IndexBuilder::new();
        let area = |kind, name: &str, country: &str, point: (f64, f64), code: &str| {
            let mut e = NewEntry::new(kind, name, country, point);
            e.code = code.to_string();
            e.provenance = Provenance::MemberHull;
            e.extent = Some(Extent {
                west: point.0 - 1.5,
                south: point.1 - 1.0,
                east: point.0 + 1.5,
                north: point.1 + 1.0,
            });
            e
        };
        let add = |b: &mut IndexBuilder, e: NewEntry, names: &[&str], forms: &[&str]| {
            let name = e.name.clone();
            let h = b.add(e);
            b.name(h, &name, true);
            for n in names {
                b.name(h, n, false);
            }
            for f in forms {
                b.region_form(h, f);
            }
            h
        };
        let country =
            |b: &mut IndexBuilder, name: &str, code: &str, point: (f64, f64), population: u32| {
                let mut e = area(Kind::Country, name, code, point, code);
                e.population = population;
                e.provenance = Provenance::NaturalEarthOutline;
                e.extent = Some(Extent {
                    west: point.0 - 8.0,
                    south: point.1 - 5.0,
                    east: point.0 + 8.0,
                    north: point.1 + 5.0,
                });
                add(b, e, &[], &[])
            };
        let ukraine = country(&mut b, "Ukraine", "UA", (31.4, 49.0), 41_000_000);
        b.demonym(ukraine, "Ukrainian");
        country(&mut b, "Poland", "PL", (19.4, 52.1), 38_000_000);
        country(&mut b, "United States", "US", (-98.5, 39.8), 330_000_000);
        country(&mut b, "Russia", "RU", (90.0, 60.0), 144_000_000);
        let region = |b: &mut IndexBuilder,
                      name: &str,
                      country: &str,
                      point: (f64, f64),
                      code: &str,
                      population: u32,
                      forms: &[&str]| {
            let mut e = area(Kind::Admin1, name, country, point, code);
            e.population = population;
            add(b, e, &[], forms)
        };
        let donetsk = region(
            &mut b,
            "Donetska oblast",
            "UA",
            (37.8, 48.0),
            "UA.05",
            4_100_000,
            &["Donetsk region", "Donetsk oblast"],
        );
        let sumy_oblast = region(
            &mut b,
            "Sumska oblast",
            "UA",
            (34.5, 51.0),
            "UA.21",
            1_000_000,
            &["Sumy region", "Sumy oblast"],
        );
        let kharkiv_oblast = region(
            &mut b,
            "Kharkivska oblast",
            "UA",
            (36.5, 49.5),
            "UA.07",
            2_600_000,
            &["Kharkiv region"],
        );
        let poltava = region(
            &mut b,
            "Poltavska oblast",
            "UA",
            (34.0, 49.6),
            "UA.18",
            1_400_000,
            &[],
        );
        let belgorod = region(
            &mut b,
            "Belgorodskaya oblast",
            "RU",
            (37.2, 50.7),
            "RU.09",
            1_500_000,
            &["Belgorod Oblast", "Belgorod region"],
        );
        region(
            &mut b,
            "Kurskaya oblast",
            "RU",
            (36.2, 51.7),
            "RU.41",
            1_100_000,
            &["Kursk region", "Kursk Oblast"],
        );
        let mazovia = region(
            &mut b,
            "Mazowieckie",
            "PL",
            (21.0, 52.3),
            "PL.78",
            5_400_000,
            &[],
        );
        let california = region(
            &mut b,
            "California",
            "US",
            (-119.4, 36.8),
            "US.CA",
            39_000_000,
            &[],
        );
        b.abbreviation(california, "Calif.");
        region(
            &mut b,
            "Texas",
            "US",
            (-99.0, 31.0),
            "US.TX",
            29_000_000,
            &[],
        );
        let ohio = region(
            &mut b,
            "Ohio",
            "US",
            (-82.8, 40.2),
            "US.OH",
            11_800_000,
            &[],
        );
        let place = |b: &mut IndexBuilder,
                     name: &str,
                     country: &str,
                     point: (f64, f64),
                     population: u32,
                     admin1: u32,
                     capital: bool| {
            let mut e = NewEntry::new(Kind::Place, name, country, point);
            e.population = population;
            e.admin1 = Some(admin1);
            e.capital = capital;
            add(b, e, &[], &[])
        };
        place(
            &mut b,
            "Pokrovsk",
            "UA",
            (37.18, 48.28),
            60_000,
            donetsk,
            false,
        );
        place(
            &mut b,
            "Kostiantynivka",
            "UA",
            (37.71, 48.53),
            67_000,
            donetsk,
            false,
        );
        place(
            &mut b,
            "Ternove",
            "UA",
            (30.0, 46.9),
            900,
            sumy_oblast,
            false,
        );
        place(
            &mut b,
            "Sumy",
            "UA",
            (34.80, 50.91),
            256_000,
            sumy_oblast,
            false,
        );
        let warsaw = place(
            &mut b,
            "Warsaw",
            "PL",
            (21.01, 52.23),
            1_700_000,
            mazovia,
            true,
        );
        place(
            &mut b,
            "Kharkiv",
            "UA",
            (36.25, 50.0),
            1_400_000,
            kharkiv_oblast,
            false,
        );
        place(
            &mut b,
            "Kyivskyi district",
            "UA",
            (34.55, 49.59),
            2_000,
            poltava,
            false,
        );
        place(&mut b, "Kozinka", "UA", (26.2, 50.6), 300, poltava, false);
        place(
            &mut b,
            "Demidovka",
            "RU",
            (36.9, 50.8),
            400,
            belgorod,
            false,
        );
        place(
            &mut b,
            "Novoukrainka",
            "UA",
            (31.5, 48.3),
            17_000,
            poltava,
            false,
        );
        place(&mut b, "Plekhovo", "UA", (33.0, 49.0), 200, poltava, false);
        place(&mut b, "Uspenivka", "UA", (37.6, 47.9), 600, donetsk, false);
        place(&mut b, "Poltavka", "UA", (37.7, 47.95), 500, donetsk, false);
        place(
            &mut b,
            "Zatyshshia",
            "UA",
            (33.5, 50.5),
            300,
            sumy_oblast,
            false,
        );
        place(&mut b, "Warren", "US", (-80.82, 41.24), 39_000, ohio, false);
        place(&mut b, "Poland", "US", (-80.61, 41.02), 2_800, ohio, false);
        place(&mut b, "Nice", "US", (-81.0, 40.0), 2_000, ohio, false);
        place(&mut b, "Al", "US", (-81.2, 40.4), 300, ohio, false);
        place(&mut b, "May", "US", (-81.3, 40.5), 400, ohio, false);
        place(&mut b, "Elizabeth", "US", (-81.4, 40.6), 500, ohio, false);
        place(&mut b, "Pentagon", "US", (-81.5, 40.7), 100, ohio, false);
        place(&mut b, "Ace", "US", (-81.6, 40.8), 100, ohio, false);
        b.name(warsaw, "Він", false);
        b.renown(warsaw);
        place(&mut b, "Warsaw", "US", (-81.9, 40.3), 1_500, ohio, false);
        let makronia = place(&mut b, "Makronia", "IN", (78.0, 20.0), 3_000, ohio, false);
        b.name(makronia, "Макрон", false);
        place(&mut b, "Ok", "US", (-81.7, 40.9), 100, ohio, false);
        place(
            &mut b,
            "Fresno",
            "US",
            (-119.79, 36.74),
            540_000,
            california,
            false,
        );
        for word in ["nice", "may", "ace", "pentagon"] {
            b.common_word(word);
        }
        Gazetteer::new(b.build().expect("the small world builds")).expect("and opens")
    })
}

/// What `text` pins, in the form of [`Case::pins`].
fn pins(text: &str) -> Vec<String> {
    let found = geoparse(world(), text);
    found
        .mentions()
        .into_iter()
        .map(|(place, m)| {
            if place.approximate {
                format!("{}~{}", m.text(), place.within.as_deref().unwrap_or("?"))
            } else {
                format!("{} ({})", place.name, place.country)
            }
        })
        .collect()
}

/// Runs every case of every table and fails with all that failed.
#[test]
fn every_rule_keeps_its_cases() {
    let mut failed = Vec::new();
    for case in RECOGNITION.iter().chain(PLACING).chain(RESOLUTION) {
        let got = pins(case.text);
        // (The case's rule fires, or, as "not …", does not: as a rule that decided, or as a
        // weight in the evidence of a reading.)
        let (wanted, rule) = match case.rule.strip_prefix("not ") {
            Some(rule) => (false, rule),
            None => (true, case.rule),
        };
        let fired = explain(world(), case.text, Default::default())
            .into_iter()
            .any(|e| {
                e.recognition.is_some_and(|r| r.name == rule)
                    || e.placement.is_some_and(|r| r.name == rule)
                    || e.reading
                        .is_some_and(|r| r.evidence.iter().any(|&(name, _)| name == rule))
            });
        if got != case.pins || fired != wanted {
            let why: Vec<String> = explain(world(), case.text, Default::default())
                .into_iter()
                .map(|e| {
                    let rule = e.recognition.map_or("", |r| r.name);
                    let placed = e.placement.map_or("", |r| r.name);
                    format!("{:?}: {} {rule} {placed}", e.text, e.outcome)
                })
                .collect();
            failed.push(format!(
                "{} ({}, {}): {:?}\n    expected {:?}\n    got      {:?}\n    why      {}",
                case.name,
                case.rule,
                if fired { "fired" } else { "did not fire" },
                case.text,
                case.pins,
                got,
                why.join("; ")
            ));
        }
    }
    assert!(
        failed.is_empty(),
        "{} cases failed:\n{}",
        failed.len(),
        failed.join("\n")
    );
}

/// Each case's rule is one `docs/rules.md` names, or a weight of `resolve/weights.rs`.
#[test]
fn every_case_names_a_rule_there_is() {
    let catalogue = conflict_mapper::geoparse::rules_markdown();
    let weights = include_str!("../src/geoparse/resolve/weights.rs");
    for case in RECOGNITION.iter().chain(PLACING).chain(RESOLUTION) {
        let rule = case.rule.strip_prefix("not ").unwrap_or(case.rule);
        let known = catalogue.contains(&format!("**{rule}**"))
            || weights.contains(&format!("pub {rule}:"))
            || matches!(rule, "prior" | "country-over-town");
        assert!(known, "{}: no rule or weight {:?}", case.name, case.rule);
    }
}
