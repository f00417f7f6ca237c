//! Gazetteer benchmark: prints figures, asserts nothing. Run with `scripts/bench`
//! (or `cargo bench --bench gazetteer`).
//!
//! Measures the committed index: opening (checking) each part natively, and look-ups per
//! second over a mix of names news text contains, normalisation included.

use conflict_mapper::gazetteer::Gazetteer;
use conflict_mapper::gazetteer::normalize;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Repeats `f` until a second has passed; returns the mean time of one call.
fn time<T>(mut f: impl FnMut() -> T) -> Duration {
    let started = Instant::now();
    let mut runs = 0u32;
    while started.elapsed() < Duration::from_secs(1) || runs < 3 {
        black_box(f());
        runs += 1;
    }
    started.elapsed() / runs
}

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/public/gazetteer/");
    let first = std::fs::read(format!("{dir}world.cmg")).expect("world.cmg");
    let more = std::fs::read(format!("{dir}world.more.cmg")).expect("world.more.cmg");

    let open_first = time(|| Gazetteer::new(first.clone()).unwrap());
    let base = Gazetteer::new(first.clone()).unwrap();
    let open_more = time(|| base.with_part(more.clone()).unwrap());
    let world = base.with_part(more.clone()).unwrap();
    println!(
        "native open: first part {:.1} ms, second part {:.1} ms ({} entries, {} names)",
        open_first.as_secs_f64() * 1e3,
        open_more.as_secs_f64() * 1e3,
        world.len(),
        world.name_count()
    );

    let names = [
        "Sumy",
        "Pokrovsk",
        "Donetsk",
        "Kostiantynivka",
        "Dnipropetrovsk region",
        "Kyiv",
        "Київ",
        "Харків",
        "Trump",
        "Putin",
        "Macron",
        "Iowa",
        "Iran",
        "Israel",
        "Pentagon",
        "the",
        "said",
        "Russian",
        "forces",
        "Gaza Strip",
        "Black Sea",
        "Bakhmut",
        "Odesa",
        "Kherson",
        "Moscow",
        "Washington",
        "Beirut",
        "Damascus",
        "Khartoum",
        "Tuesday",
    ];
    let per_round = time(|| {
        let mut found = 0;
        for name in names {
            found += world.find(name).len();
        }
        found
    });
    let lookups = names.len() as f64 / per_round.as_secs_f64();
    println!(
        "native look-ups (normalise + find, {} names mixed with ordinary words): {:.0} per second",
        names.len(),
        lookups
    );
    let keys: Vec<String> = names.iter().map(|n| normalize(n)).collect();
    let per_round = time(|| keys.iter().map(|k| world.lookup(k).len()).sum::<usize>());
    println!(
        "native look-ups of normalised keys: {:.0} per second",
        keys.len() as f64 / per_round.as_secs_f64()
    );
}
