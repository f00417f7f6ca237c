//! The catalogue of the geoparser's rules, made from the rules' own names and docs: what
//! `docs/rules.md` holds (a test checks that it is current) and `geoparse --rules` prints.

use super::resolve::Placement;
use super::spot::Recognition;
use std::fmt::Write;

/// The rules of recognition and of placing, in the order they are tried, as Markdown.
pub fn rules_markdown() -> String {
    let mut out = String::from(
        "# The geoparser's rules\n\n\
         Made by `geoparse --rules` from the rules' own docs (`src/geoparse/spot/rules.rs`,\n\
         `src/geoparse/resolve/placing.rs`); a test fails when this file is not current. The\n\
         weights that score the readings of a name are in `src/geoparse/resolve/weights.rs`.\n\n\
         ## Recognition: does a run of words name a place?\n\n\
         First, how the run of words itself is read:\n\n",
    );
    for rule in Recognition::WORDS {
        let _ = writeln!(out, "- **{}**: {}", rule.name(), rule.doc());
    }
    out.push_str(
        "\nThen these rules, in this order; the first that gives a verdict decides, and a run\n\
         that no rule speaks against names a place.\n\n",
    );
    for (n, rule) in Recognition::ORDER.into_iter().enumerate() {
        let _ = writeln!(out, "{}. **{}**: {}", n + 1, rule.name(), rule.doc());
    }
    out.push_str(
        "\n## Placing: where does a place the gazetteer lacks go?\n\n\
         Tried in this order once a mention's likeliest reading is chosen; the first that fires\n\
         places the mention at an area, marked approximate.\n\n",
    );
    for (n, rule) in Placement::ORDER.into_iter().enumerate() {
        let _ = writeln!(out, "{}. **{}**: {}", n + 1, rule.name(), rule.doc());
    }
    out
}
