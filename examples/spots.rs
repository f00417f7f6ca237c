//! Prints the spots the recognizer finds in a text and what each resolves to (a debugging aid):
//! `echo "text" | cargo run --release --example spots`.
use conflict_mapper::gazetteer::Gazetteer;
use conflict_mapper::geoparse::{resolve, spot};
use std::io::Read;
fn main() {
    let g = Gazetteer::open_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/public/gazetteer")).unwrap();
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).unwrap();
    let spots = spot::spot(&g, &text, spot::Options::default());
    let resolved = resolve::resolve(&spots);
    for (s, r) in spots.spots.iter().zip(&resolved) {
        println!(
            "{:?} {:?} -> {:?}",
            &text[s.span.clone()],
            s.cues,
            r.as_ref().map(|r| (r.entry, r.confidence))
        );
    }
}
