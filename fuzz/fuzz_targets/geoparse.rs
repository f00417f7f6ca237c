//! Any UTF-8 input returns from the geoparser without panic, read whole or in pieces, and
//! every span it reports lies on character boundaries of the input and inside it.
#![no_main]

use conflict_mapper::gazetteer::Gazetteer;
use conflict_mapper::geoparse::{Geoparse, Options, Reader, geoparse_with, pieces};
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
    let check = |found: Geoparse| {
        for (_, m) in found.mentions() {
            assert!(m.start < m.end && m.end <= text.len());
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            assert!(m.sentence_start <= m.start && m.end <= m.sentence_end);
            assert!(
                text.is_char_boundary(m.sentence_start) && text.is_char_boundary(m.sentence_end)
            );
        }
    };
    for demonyms in [false, true] {
        let options = Options { demonyms };
        check(geoparse_with(world(), text, options));
        // In small pieces that share what they learn, as a long text is read.
        let mut reader = Reader::new(world(), text, options);
        for piece in pieces(text, 512) {
            reader.read(piece);
        }
        check(reader.finish());
    }
});
