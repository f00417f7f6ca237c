//! Any UTF-8 input returns from the geoparser without panic, and every span it reports lies
//! on character boundaries of the input and inside it.
#![no_main]

use conflict_mapper::gazetteer::Gazetteer;
use conflict_mapper::geoparse::{Options, geoparse_with};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn world() -> &'static Gazetteer {
    static WORLD: OnceLock<Gazetteer> = OnceLock::new();
    WORLD.get_or_init(|| {
        Gazetteer::open_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../public/gazetteer")).unwrap()
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for demonyms in [false, true] {
        let found = geoparse_with(world(), text, Options { demonyms });
        for (_, m) in found.mentions() {
            assert!(m.start < m.end && m.end <= text.len());
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            assert!(m.sentence_start <= m.start && m.end <= m.sentence_end);
            assert!(text.is_char_boundary(m.sentence_start) && text.is_char_boundary(m.sentence_end));
        }
    }
});
