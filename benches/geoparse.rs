//! Geoparser speed: prints figures, asserts nothing. Run with `scripts/bench`.
//!
//! Builds a text of at least 1 MB from the example articles in `public/examples/`, writes it
//! to `$BENCH_TEXT` (for the Python peers that `scripts/bench` runs on the same file), and
//! times `geoparse` over it in process, the gazetteer already open: as the command-line tool
//! reads it (32 KB pieces, on every core), then as one piece on one core, stage by stage.

use conflict_mapper::gazetteer::Gazetteer;
use conflict_mapper::geoparse::{Geoparse, Options, geoparse, geoparse_text};
use conflict_mapper::internals::{resolve, spot};
use std::time::Instant;

fn main() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut articles: Vec<String> = std::fs::read_dir(format!("{root}/public/examples"))
        .expect("public/examples")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    articles.sort();
    let mut text = String::new();
    while text.len() < 1_000_000 {
        for a in &articles {
            text.push_str(a);
            text.push_str("\n\n");
        }
    }
    if let Ok(path) = std::env::var("BENCH_TEXT") {
        std::fs::write(&path, &text).expect("writing BENCH_TEXT");
    }
    let words = text.split_whitespace().count();

    let started = Instant::now();
    let gazetteer = Gazetteer::open_dir(format!("{root}/public/gazetteer")).unwrap();
    let open = started.elapsed();

    // One warm-up run, then the best of ten.
    let best_of_ten = |f: &dyn Fn() -> usize| {
        let mut mentions = f();
        let mut best = f64::INFINITY;
        for _ in 0..10 {
            let started = Instant::now();
            mentions = f();
            best = best.min(started.elapsed().as_secs_f64());
        }
        (best, mentions)
    };
    let options = Options::default();
    // (Mentions are counted place by place: the text-order view is not part of the parse.)
    let count = |found: Geoparse| -> usize { found.places.iter().map(|p| p.mentions.len()).sum() };
    let (best, mentions) = best_of_ten(&|| count(geoparse_text(&gazetteer, &text, options)));
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "geoparse (Rust, native, 32 KB pieces on {cores} cores as the CLI reads): {} bytes, {words} words, {mentions} mentions in {:.3} s = {:.0} words/s (gazetteer opened in {:.0} ms)",
        text.len(),
        best,
        words as f64 / best,
        open.as_secs_f64() * 1e3
    );
    let (best, mentions) = best_of_ten(&|| count(geoparse(&gazetteer, &text)));
    println!(
        "  one piece on one core: {mentions} mentions in {:.3} s, {:.0} words a second",
        best,
        words as f64 / best,
    );

    // Where the time goes: the stages on their own, best of ten each.
    let (spotting, _) = best_of_ten(&|| spot(&gazetteer, &text, options).spots.len());
    let spots = spot(&gazetteer, &text, options);
    let (resolving, _) = best_of_ten(&|| resolve(&spots).len());
    println!(
        "  stages: recognition {:.1} ms, resolution {:.1} ms, assembling the rest {:.1} ms",
        spotting * 1e3,
        resolving * 1e3,
        (best - spotting - resolving) * 1e3
    );
}
