//! Looks names up in the bundled gazetteer and prints their candidates and what a search for
//! them finds:
//! `cargo run --release --example lookup -- Pokrovsk "Sumy region" Київ`.

use conflict_mapper::gazetteer::Gazetteer;
fn main() {
    let g = Gazetteer::open_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/public/gazetteer")).unwrap();
    for name in std::env::args().skip(1) {
        let f = g.find(&name);
        println!(
            "{name} common={} -> {} {:?}",
            g.is_common_word(&conflict_mapper::text::normalize(&name)),
            f.len(),
            f.iter().take(6).collect::<Vec<_>>()
        );
        println!("  search: {:?}", g.search(&name, 8));
    }
}
