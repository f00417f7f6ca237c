//! The probe suite: short texts in the classes where a reader catches a geoparser out (world
//! cities with distracting context, explicit containers, the towns of a front told from the
//! other side, Ukrainian and Russian, headlines and chat), kept as data in `tests/probes/*.tsv`
//! (text, then the places it must pin in text order, as "name as written=ISO country"). Every
//! probe must be right but the open ones (a text after "!": a known failure, counted and
//! printed, fixed by a general rule, never by editing the probe); the figures of each file are
//! printed.

use conflict_mapper::{Gazetteer, geoparse};
use std::sync::OnceLock;

fn world() -> &'static Gazetteer {
    static WORLD: OnceLock<Gazetteer> = OnceLock::new();
    WORLD.get_or_init(|| {
        Gazetteer::open_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/public/gazetteer"))
            .expect("the committed index opens")
    })
}

/// What `text` pins, as the probes write it.
fn pinned(text: &str) -> Vec<String> {
    geoparse(world(), text)
        .mentions()
        .into_iter()
        .map(|(place, m)| format!("{}={}", m.text(), place.country))
        .collect()
}

#[test]
fn every_probe_is_right() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/probes");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/probes")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    let mut failed = Vec::new();
    let mut total = 0;
    for file in &files {
        let (mut right, mut all) = (0, 0);
        for line in std::fs::read_to_string(file).unwrap().lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (text, expected) = line
                .split_once('\t')
                .unwrap_or_else(|| panic!("{}: no tab in {line:?}", file.display()));
            let expected: Vec<String> = expected
                .split(';')
                .map(|e| e.trim().to_string())
                .filter(|e| !e.is_empty())
                .collect();
            let (open, text) = match text.strip_prefix('!') {
                Some(text) => (true, text),
                None => (false, text),
            };
            let got = pinned(text);
            all += 1;
            if got == expected {
                right += 1;
            } else if open {
                println!("  open: {text:?}: {got:?}");
            } else {
                failed.push(format!(
                    "{text:?}\n    expected {expected:?}\n    got      {got:?}"
                ));
            }
        }
        total += all;
        println!("probes {}: {right} of {all} right", file.display());
    }
    assert!(total > 0, "no probes");
    assert!(
        failed.is_empty(),
        "{} probes failed:\n{}",
        failed.len(),
        failed.join("\n")
    );
}
