//! Times reading a long text a piece at a time, as the web app does (`geoparse_piece` per
//! 32 KB piece, then `Geoparse::merge`): `cargo run --release --example pieces < big.txt`.

use conflict_mapper::gazetteer::Gazetteer;
use conflict_mapper::geoparse::{Geoparse, geoparse_piece, pieces};
use std::io::Read;
use std::time::Instant;

fn main() {
    let g = Gazetteer::open_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/public/gazetteer")).unwrap();
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).unwrap();
    let (mut parse, mut merge) = (0.0, 0.0);
    let mut found = Geoparse::default();
    for range in pieces(&text, 32 * 1024) {
        let t = Instant::now();
        let piece = geoparse_piece(&g, &text, range, Default::default());
        parse += t.elapsed().as_secs_f64();
        let t = Instant::now();
        found.merge(piece);
        merge += t.elapsed().as_secs_f64();
    }
    let mentions: usize = found.places.iter().map(|p| p.mentions.len()).sum();
    println!(
        "{} bytes: {} places, {mentions} mentions; parse {parse:.2} s, merge {merge:.2} s",
        text.len(),
        found.places.len()
    );
}
