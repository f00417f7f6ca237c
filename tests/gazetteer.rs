//! The bundled world gazetteer (`public/gazetteer/world.cmg` and `world.more.cmg`), opened as
//! the site opens it, answering the look-ups news text needs.

use conflict_mapper::gazetteer::{Candidate, FormatError, Gazetteer, Kind};
use std::sync::OnceLock;

fn world() -> &'static Gazetteer {
    static WORLD: OnceLock<Gazetteer> = OnceLock::new();
    WORLD.get_or_init(|| {
        Gazetteer::open_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/public/gazetteer"))
            .expect("the committed index opens")
    })
}

fn with_id<'g>(found: &[Candidate<'g>], geonameid: u32) -> Option<Candidate<'g>> {
    found
        .iter()
        .find(|c| c.entry.geonameid() == Some(geonameid))
        .copied()
}

#[test]
fn sumy_is_the_city_and_the_oblast() {
    let found = world().find("Sumy");
    let city = with_id(&found, 692194).expect("Sumy city");
    assert!(city.main_name);
    assert_eq!(city.entry.kind(), Kind::Place);
    assert_eq!(city.entry.country(), "UA");
    assert_eq!(city.entry.admin1().map(|a| a.code()), Some("UA.21"));
    let region = world().find("Sumy Oblast");
    assert!(
        region
            .iter()
            .any(|c| c.entry.kind() == Kind::Admin1 && c.entry.code() == "UA.21")
    );
    let region = world().find("Sumy region");
    let oblast = region
        .iter()
        .find(|c| c.entry.code() == "UA.21")
        .expect("Sumy region");
    assert!(oblast.region_form);
}

#[test]
fn kyiv_by_every_spelling() {
    for spelling in ["Kyiv", "Kiev", "Київ", "Киев", "KYIV", "Kyïv"] {
        let found = world().find(spelling);
        assert!(
            with_id(&found, 703448).is_some(),
            "{spelling} should find Kyiv, found {found:?}"
        );
    }
}

#[test]
fn pokrovsk_is_the_ukrainian_town_by_main_name_and_engels_only_by_alias() {
    let found = world().find("Pokrovsk");
    let ukraine = with_id(&found, 704422).expect("Pokrovsk, Donetsk Oblast");
    assert!(ukraine.main_name);
    assert_eq!(ukraine.entry.admin1().map(|a| a.code()), Some("UA.05"));
    let engels = with_id(&found, 563464).expect("Engels, whose old name is Pokrovsk");
    assert!(!engels.main_name);
    assert!(engels.entry.population() > ukraine.entry.population());
    for spelling in ["Pokrovs'k", "Pokrovs’k", "Покровськ", "Krasnoarmiisk"] {
        assert!(
            with_id(&world().find(spelling), 704422).is_some(),
            "{spelling}"
        );
    }
}

#[test]
fn kostiantynivka_has_candidates_in_several_oblasts() {
    let found = world().find("Kostiantynivka");
    let oblasts: std::collections::BTreeSet<&str> = found
        .iter()
        .filter(|c| c.entry.kind() == Kind::Place)
        .filter_map(|c| c.entry.admin1().map(|a| a.code()))
        .collect();
    assert!(oblasts.len() >= 3, "{oblasts:?}");
    assert!(oblasts.contains("UA.05"), "{oblasts:?}");
    for spelling in [
        "Kostyantynivka",
        "Konstantinovka",
        "Костянтинівка",
        "Константиновка",
    ] {
        assert!(
            with_id(&world().find(spelling), 705104).is_some(),
            "{spelling}"
        );
    }
}

#[test]
fn dnipropetrovsk_region_is_the_oblast_and_dnipropetrovsk_also_dnipro() {
    let found = world().find("Dnipropetrovsk region");
    assert!(
        found
            .iter()
            .any(|c| c.entry.kind() == Kind::Admin1 && c.entry.code() == "UA.04"),
        "{found:?}"
    );
    assert!(
        found.iter().all(|c| c.entry.kind() != Kind::Place),
        "{found:?}"
    );
    let dnipro = with_id(&world().find("Dnipropetrovsk"), 709930).expect("Dnipro by its old name");
    assert!(!dnipro.main_name);
    assert!(with_id(&world().find("Dnipro"), 709930).unwrap().main_name);
}

#[test]
fn georgia_is_a_country_and_a_us_state() {
    let found = world().find("Georgia");
    assert!(
        found
            .iter()
            .any(|c| c.entry.kind() == Kind::Country && c.entry.country() == "GE")
    );
    assert!(
        found
            .iter()
            .any(|c| c.entry.kind() == Kind::Admin1 && c.entry.code() == "US.GA")
    );
}

#[test]
fn cyrillic_names() {
    assert!(with_id(&world().find("Покровськ"), 704422).is_some());
    assert!(with_id(&world().find("Харків"), 706483).is_some());
    assert!(with_id(&world().find("Харьков"), 706483).is_some());
    assert!(with_id(&world().find("Київ"), 703448).is_some());
}

#[test]
fn krasnodar_region_answers_krasnodarskiy_kray() {
    let found = world().find("Krasnodar region");
    assert!(
        found
            .iter()
            .any(|c| c.entry.kind() == Kind::Admin1 && c.entry.code() == "RU.38"),
        "{found:?}"
    );
}

#[test]
fn hierarchy_walks_place_region_country() {
    let found = world().find("Pokrovsk");
    let pokrovsk = with_id(&found, 704422).unwrap();
    let chain: Vec<(Kind, &str)> = pokrovsk
        .entry
        .hierarchy()
        .iter()
        .map(|e| (e.kind(), e.country()))
        .collect();
    assert_eq!(chain.last(), Some(&(Kind::Country, "UA")));
    assert!(chain.iter().any(|(k, _)| *k == Kind::Admin1));
}

#[test]
fn regions_have_extents_that_hold_their_places() {
    let donetsk = world()
        .find("Donetsk Oblast")
        .into_iter()
        .find(|c| c.entry.code() == "UA.05")
        .expect("Donetsk Oblast");
    let extent = donetsk.entry.extent().expect("an area has an extent");
    let pokrovsk = with_id(&world().find("Pokrovsk"), 704422).unwrap();
    assert!(extent.contains(pokrovsk.entry.point()));
    assert!(extent.contains(donetsk.entry.point()));
    assert!(donetsk.entry.outline().len() >= 3);
    assert!(donetsk.entry.population() > 1_000_000);
}

#[test]
fn curated_waters_and_regions() {
    for (name, kind) in [
        ("Black Sea", Kind::Sea),
        ("Sea of Azov", Kind::Sea),
        ("Red Sea", Kind::Sea),
        ("Gaza Strip", Kind::Region),
        ("West Bank", Kind::Region),
        ("Donbas", Kind::Region),
        ("Dnieper", Kind::River),
        ("Robotyne", Kind::Place),
    ] {
        let found = world().find(name);
        assert!(
            found.iter().any(|c| c.entry.kind() == kind),
            "{name}: {found:?}"
        );
    }
}

#[test]
fn junk_names_are_not_filed() {
    for junk in ["UMY", "DOK", "Ko", "su mei"] {
        let found = world().find(junk);
        assert!(
            found
                .iter()
                .all(|c| ![692194, 709717, 703448].contains(&c.entry.geonameid().unwrap_or(0))),
            "{junk}: {found:?}"
        );
    }
}

#[test]
fn damaged_indexes_fail_cleanly() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/public/gazetteer/");
    let bytes = std::fs::read(format!("{dir}world.cmg")).unwrap();
    let truncated = bytes[..bytes.len() / 2].to_vec();
    assert!(matches!(
        Gazetteer::new(truncated),
        Err(FormatError::Truncated { .. })
    ));
    let mut flipped = bytes.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x40;
    assert!(matches!(
        Gazetteer::new(flipped),
        Err(FormatError::Checksum { .. })
    ));
    assert!(matches!(
        Gazetteer::new(b"<html>404</html>".repeat(10)),
        Err(FormatError::NotAnIndex)
    ));
    assert!(matches!(
        Gazetteer::new(Vec::new()),
        Err(FormatError::TooShort { .. })
    ));
    let more = std::fs::read(format!("{dir}world.more.cmg")).unwrap();
    assert_eq!(Gazetteer::new(more).unwrap_err(), FormatError::WrongBase);
}

#[test]
fn ordinary_words_and_capitals_are_marked() {
    for word in ["considering", "the", "interest"] {
        assert!(world().is_common_word(word), "{word}");
        assert!(world().find(word).is_empty(), "{word} names nothing");
    }
    for word in ["nice", "bank", "reading", "march", "mobile"] {
        assert!(!world().find(word).is_empty(), "{word} names a place");
        assert!(world().is_common_word(word), "{word}");
    }
    for name in ["kiiv", "pokrovsk", "kharkiv", "ukraine"] {
        assert!(!world().is_common_word(name), "{name}");
    }
    assert!(
        with_id(&world().find("Kyiv"), 703448)
            .unwrap()
            .entry
            .is_capital()
    );
    assert!(
        !with_id(&world().find("Kharkiv"), 706483)
            .unwrap()
            .entry
            .is_capital()
    );
}

#[test]
fn search_finds_places_by_the_start_of_their_name_best_first() {
    let found: Vec<String> = world()
        .search("Pokrov", 8)
        .iter()
        .map(|e| format!("{} {}", e.name(), e.country()))
        .collect();
    assert_eq!(found.len(), 8);
    // Exact names first, then longer names: places before districts, main names before
    // aliases (Engels was once Pokrovsk).
    assert_eq!(found[..2], ["Pokrov UA", "Pokrov RU"], "{found:?}");
    let at = |name: &str| found.iter().position(|f| f == name);
    // (Pokrovsk, the town in Donetsk Oblast, is the most populous of the longer names.)
    assert_eq!(at("Pokrovsk UA"), Some(2), "{found:?}");
    assert_eq!(at("Pokrovsk Raion UA"), None, "{found:?}");
    assert_eq!(at("Engels RU"), None, "{found:?}");
    // Sumy the city (main name) before the oblast (which the name also means).
    let sumy: Vec<&str> = world().search("Sumy", 2).iter().map(|e| e.name()).collect();
    assert_eq!(sumy, ["Sumy", "Sumska oblast"]);
    assert!(world().search("", 5).is_empty());
    assert!(world().search("zzzzqx", 5).is_empty());
    // Cyrillic finds the same places.
    assert_eq!(world().search("Суми", 1)[0].country(), "UA");
}
