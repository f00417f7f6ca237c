//! The curated supplement's rows (`gazetteer/supplement.tsv`).

use super::*;

/// A row of `supplement.tsv`.
pub(super) struct SupplementRow {
    /// `None` for an alias, demonym or abbreviation row (more names, demonyms or written
    /// abbreviations for an entry).
    pub(super) kind: Option<Kind>,
    /// A demonym row.
    pub(super) demonym: bool,
    /// An abbreviation row.
    pub(super) abbreviation: bool,
    /// A row marking its entry as renowned (known far beyond its size).
    pub(super) renowned: bool,
    pub(super) name: String,
    pub(super) aliases: Vec<String>,
    pub(super) country: String,
    pub(super) admin1: String,
    pub(super) point: (f64, f64),
    pub(super) extent: Option<Extent>,
}

impl SupplementRow {
    pub(super) fn parse(line: &str) -> Result<SupplementRow, String> {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 9 {
            return Err(format!(
                "expected 9 tab-separated fields, found {}",
                f.len()
            ));
        }
        if f[8].trim().is_empty() {
            return Err("every row must state its source".into());
        }
        let kind = match f[0] {
            "sea" => Some(Kind::Sea),
            "river" => Some(Kind::River),
            "lake" => Some(Kind::Lake),
            "region" => Some(Kind::Region),
            "place" => Some(Kind::Place),
            "alias" | "demonym" | "abbreviation" | "renowned" => None,
            other => return Err(format!("unknown kind {other:?}")),
        };
        let number = |s: &str| {
            s.trim()
                .parse::<f64>()
                .map_err(|_| format!("not a number: {s:?}"))
        };
        if kind.is_none() {
            if f[3].len() != 2 && !f[3].starts_with('@') {
                return Err(
                    "an alias, demonym or abbreviation row names its entry by ISO code or @name"
                        .into(),
                );
            }
            return Ok(SupplementRow {
                demonym: f[0] == "demonym",
                abbreviation: f[0] == "abbreviation",
                renowned: f[0] == "renowned",
                ..SupplementRow::names(kind, &f)
            });
        }
        let (lat, lon) = (number(f[5])?, number(f[6])?);
        let extent = if f[7].trim().is_empty() {
            None
        } else {
            let v: Vec<f64> = f[7]
                .split_whitespace()
                .map(number)
                .collect::<Result<_, _>>()?;
            let [west, south, east, north] = v[..] else {
                return Err("extent needs west south east north".into());
            };
            if !(west < east && south < north) {
                return Err("extent must have west < east and south < north".into());
            }
            Some(Extent {
                west,
                south,
                east,
                north,
            })
        };
        // (A lake's is its Natural Earth outline's, where the row gives none.)
        if !matches!(kind, Some(Kind::Place | Kind::Lake)) && extent.is_none() {
            return Err("an area needs an extent".into());
        }
        Ok(SupplementRow {
            admin1: f[4].to_string(),
            point: (lon, lat),
            extent,
            ..SupplementRow::names(kind, &f)
        })
    }

    /// A row with its kind and names read, and nothing else yet.
    fn names(kind: Option<Kind>, f: &[&str]) -> SupplementRow {
        SupplementRow {
            kind,
            demonym: false,
            abbreviation: false,
            renowned: false,
            name: f[1].to_string(),
            aliases: f[2]
                .split('|')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            country: f[3].to_string(),
            admin1: String::new(),
            point: (0.0, 0.0),
            extent: None,
        }
    }
}
