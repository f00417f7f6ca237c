//! `geoparse`: the geoparser on the command line.
//!
//! ```text
//! geoparse [--gazetteer DIR] [FILE]           text in, GeoJSON out (one Feature per place)
//! geoparse [--gazetteer DIR] --jsonl [FILE]   {"id","text"} lines in, prediction lines out
//! ```
//!
//! `--demonyms` also counts demonyms ("Russian forces") as mentions of their country.
//! `--explain` prints, for every run of words the gazetteer knows, the rule that decided
//! whether it names a place, its cues, and the evidence that chose its reading against its
//! strongest rival. `--rules` prints the catalogue of the geoparser's rules (`docs/rules.md`).
//!
//! Reads FILE, or standard input when FILE is absent or `-`. A text longer than 32 KB is read
//! as the web app reads it, a piece at a time (`geoparse_text`), on every core. `--jsonl` writes the
//! predictions format that `shared/eval/score.py` scores. The gazetteer is read from DIR
//! (default: the crate's `public/gazetteer`).

use conflict_mapper::gazetteer::Gazetteer;
use conflict_mapper::geoparse::{Explanation, Geoparse, Options, geoparse_text};
use conflict_mapper::views::export;
use serde_json::{Value, json};
use std::io::{BufRead, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str =
    "usage: geoparse [--gazetteer DIR] [--jsonl] [--demonyms] [FILE]\n       geoparse --rules";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("geoparse: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> std::io::Result<()> {
    let (mut jsonl, mut explain) = (false, false);
    let mut options = Options::default();
    let mut dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/public/gazetteer"));
    let mut file: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--jsonl" => jsonl = true,
            "--explain" => explain = true,
            "--demonyms" => options.demonyms = true,
            "--gazetteer" => {
                dir = args
                    .next()
                    .map(PathBuf::from)
                    .ok_or_else(|| invalid(USAGE))?;
            }
            "--rules" => {
                print!("{}", conflict_mapper::geoparse::rules_markdown());
                return Ok(());
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            _ if arg.starts_with("--") => {
                return Err(invalid(&format!("unknown option {arg}\n{USAGE}")));
            }
            _ => file = Some(arg),
        }
    }
    let gazetteer = Gazetteer::open_dir(&dir)?;
    let input: Box<dyn BufRead> = match file.as_deref() {
        None | Some("-") => Box::new(std::io::stdin().lock()),
        Some(path) => Box::new(std::io::BufReader::new(
            std::fs::File::open(path)
                .map_err(|e| std::io::Error::new(e.kind(), format!("{path}: {e}")))?,
        )),
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if explain {
        let mut text = String::new();
        let mut input = input;
        input.read_to_string(&mut text)?;
        for e in conflict_mapper::geoparse::explain(&gazetteer, &text, options) {
            write_explanation(&mut out, &e)?;
        }
    } else if jsonl {
        for (n, line) in input.lines().enumerate() {
            let line = line?;
            if line.trim().is_empty() {
                continue;
            }
            let doc: Value = serde_json::from_str(&line)
                .map_err(|e| invalid(&format!("line {}: not JSON: {e}", n + 1)))?;
            let text = doc["text"]
                .as_str()
                .ok_or_else(|| invalid(&format!("line {}: no \"text\" string", n + 1)))?;
            let found = geoparse_text(&gazetteer, text, options);
            serde_json::to_writer(&mut out, &prediction(&doc["id"], &found))?;
            writeln!(out)?;
        }
    } else {
        let mut text = String::new();
        let mut input = input;
        input.read_to_string(&mut text)?;
        let found = geoparse_text(&gazetteer, &text, options);
        serde_json::to_writer_pretty(&mut out, &export::geojson(&found))?;
        writeln!(out)?;
    }
    out.flush()
}

fn invalid(message: &str) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidInput, message.to_string())
}

/// One line of the evaluation's predictions format.
fn prediction(id: &Value, found: &Geoparse) -> Value {
    let mentions: Vec<Value> = found
        .mentions()
        .into_iter()
        .map(|(p, m)| {
            json!({
                "start": m.start, "end": m.end, "name": p.name, "kind": p.kind,
                "geonameid": p.geonameid, "country": p.country, "admin1": p.admin1,
                "lat": p.lat, "lon": p.lon, "confidence": m.confidence,
            })
        })
        .collect();
    json!({"id": id, "mentions": mentions})
}

/// One explanation, as `--explain` prints it.
fn write_explanation(out: &mut impl Write, e: &Explanation) -> std::io::Result<()> {
    let rule = |r: &Option<conflict_mapper::geoparse::Rule>| {
        r.as_ref()
            .map_or(String::new(), |r| format!(" [{}: {}]", r.name, r.says))
    };
    write!(out, "{:?} {}..{}: {}", e.text, e.start, e.end, e.outcome)?;
    if let Some(c) = e.confidence {
        write!(out, " (confidence {c:.3})")?;
    }
    writeln!(out, "{}", rule(&e.recognition))?;
    if !e.cues.is_empty() {
        writeln!(out, "  cues: {}", e.cues.join("; "))?;
    }
    if let Some(placement) = &e.placement {
        writeln!(out, "  placed by {}: {}", placement.name, placement.says)?;
    }
    for (label, weighed) in [("reading", &e.reading), ("rival", &e.rival)] {
        if let Some(w) = weighed {
            let evidence: Vec<String> = w
                .evidence
                .iter()
                .map(|(name, points)| format!("{name} {points:+.2}"))
                .collect();
            writeln!(
                out,
                "  {label}: {} = {:.2}: {}",
                w.name,
                w.score,
                evidence.join(", ")
            )?;
        }
    }
    Ok(())
}
