//! `explain`: the geoparser's own account of each run of words, on the bundled gazetteer. It
//! must say what the geoparser did (the same pins, at the same confidence) and why.

use conflict_mapper::Gazetteer;
use conflict_mapper::geoparse::{Explanation, explain, geoparse_text, why_here, why_here_at};
use std::sync::OnceLock;

fn world() -> &'static Gazetteer {
    static WORLD: OnceLock<Gazetteer> = OnceLock::new();
    WORLD.get_or_init(|| {
        Gazetteer::open_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/public/gazetteer"))
            .expect("the committed index opens")
    })
}

fn explained<'a>(all: &'a [Explanation], text: &str) -> &'a Explanation {
    all.iter()
        .find(|e| e.text == text)
        .unwrap_or_else(|| panic!("no explanation of {text:?}: {all:#?}"))
}

#[test]
fn a_pin_is_explained_by_its_evidence_against_its_rival() {
    let text = "Russian troops attacked near Pokrovsk and Kostiantynivka on Monday.";
    let all = explain(world(), text, Default::default());
    let pokrovsk = explained(&all, "Pokrovsk");
    assert_eq!(pokrovsk.outcome, "pinned");
    assert!(pokrovsk.cues.iter().any(|c| c == "after a locative"));
    let reading = pokrovsk.reading.as_ref().expect("a reading");
    assert!(
        reading.name.starts_with("Pokrovsk, Donetsk"),
        "{}",
        reading.name
    );
    assert_eq!(reading.evidence[0].0, "prior");
    let sum: f64 = reading.evidence.iter().map(|e| e.1).sum();
    assert!((sum - reading.score).abs() < 1e-9);
    let rival = pokrovsk.rival.as_ref().expect("Pokrovsk has namesakes");
    assert!(rival.score < reading.score, "{rival:?} against {reading:?}");
    let monday = explained(&all, "Monday");
    assert_eq!(monday.outcome, "no place");
    assert_eq!(
        monday.recognition.as_ref().map(|r| r.name),
        Some("calendar-word")
    );
}

#[test]
fn a_place_the_gazetteer_lacks_is_explained_by_the_rule_that_placed_it() {
    let text = "Shelling was reported in Kostiantynivka in Sumy region.";
    let all = explain(world(), text, Default::default());
    let village = explained(&all, "Kostiantynivka");
    assert_eq!(village.outcome, "placed at an area");
    assert_eq!(
        village.placement.as_ref().map(|r| r.name),
        Some("in-container")
    );
    assert!(
        village.cues.iter().any(|c| c == "put in Sumy region"),
        "{:?}",
        village.cues
    );
    let why = why_here(village).expect("a line for the popup");
    assert!(why.starts_with("why here: not in the gazetteer"), "{why}");
}

#[test]
fn a_person_s_name_is_explained_by_the_rule_that_dropped_it() {
    let all = explain(world(), "Shoigu met Kim in Pyongyang.", Default::default());
    let kim = explained(&all, "Kim");
    assert_eq!(kim.outcome, "no place");
    assert_eq!(kim.recognition.as_ref().map(|r| r.name), Some("one-met"));
    assert_eq!(why_here(kim), None);
}

#[test]
fn the_explanation_says_what_the_geoparser_did() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/public/examples/frontline.txt"
    ))
    .unwrap();
    let all = explain(world(), &text, Default::default());
    let found = geoparse_text(world(), &text, Default::default());
    let mentions = found.mentions();
    let pinned: Vec<&Explanation> = all
        .iter()
        .filter(|e| matches!(e.outcome, "pinned" | "placed at an area"))
        .collect();
    assert_eq!(pinned.len(), mentions.len(), "every mention is explained");
    for (e, (place, m)) in pinned.iter().zip(&mentions) {
        assert_eq!((e.start, e.end), (m.start, m.end));
        if let Some(confidence) = e.confidence {
            assert_eq!(confidence, m.confidence, "{}", e.text);
            let reading = e.reading.as_ref().unwrap();
            assert_eq!(reading.name, place.path.join(", "), "{}", e.text);
        }
    }
    let first = &mentions[0].1;
    let line = why_here_at(world(), &text, first.start, Default::default());
    assert!(line.is_some_and(|l| l.starts_with("why here: ")));
}
