//! Writing an index: [`IndexBuilder`] collects entries and their names, then lays out the bytes
//! that [`format`](super::format) describes.

use super::format::{
    ABBREVIATION, CAPITAL, COMMON_WORD, DEMONYM, HEADER_LEN, Header, MAIN_NAME, MAX_NAME, NONE,
    POSTING_SHIFT, RECORD_LEN, REGION_FORM, RENOWNED, to_units, u32_at,
};
use super::{Extent, Kind, Provenance};
use crate::text::normalize;
use std::collections::BTreeMap;

/// An entry to add to an index. Build one with [`NewEntry::new`], then set what is known.
#[derive(Clone, Debug, PartialEq)]
pub struct NewEntry {
    /// What sort of feature it is.
    pub kind: Kind,
    /// Its name as shown to readers.
    pub name: String,
    /// ISO 3166-1 alpha-2 country code, or "" when it has none (seas, rivers).
    pub country: String,
    /// Representative point, `(lon, lat)` in degrees.
    pub point: (f64, f64),
    /// GeoNames id, 0 when it has none.
    pub geonameid: u32,
    /// Population (for regions: of their member places), 0 when unknown.
    pub population: u32,
    /// The first-level region containing it (a handle from [`IndexBuilder::add`]).
    pub admin1: Option<u32>,
    /// The second-level region containing it.
    pub admin2: Option<u32>,
    /// How the point and extent were made.
    pub provenance: Provenance,
    /// For areas: the bounding rectangle.
    pub extent: Option<Extent>,
    /// For areas: an outline as `(lon, lat)` vertices, if one is kept.
    pub hull: Vec<(f64, f64)>,
    /// For areas: a code, e.g. GeoNames' `UA.05` for Donetsk Oblast.
    pub code: String,
    /// Whether it is a national capital (a place) or a principal subdivision (a second-level
    /// region; see [`crate::gazetteer::Entry::is_principal`]).
    pub capital: bool,
    /// Whether it is known far beyond its size (see [`crate::gazetteer::Entry::is_renowned`]).
    pub renowned: bool,
}

impl NewEntry {
    /// An entry with the required fields; the others start empty.
    pub fn new(kind: Kind, name: &str, country: &str, point: (f64, f64)) -> NewEntry {
        NewEntry {
            kind,
            name: name.to_string(),
            country: country.to_string(),
            point,
            geonameid: 0,
            population: 0,
            admin1: None,
            admin2: None,
            provenance: if kind == Kind::Place {
                Provenance::GeoNamesPoint
            } else {
                Provenance::Curated
            },
            extent: None,
            hull: Vec::new(),
            code: String::new(),
            capital: false,
            renowned: false,
        }
    }
}

/// Collects entries and names, then writes an index with [`IndexBuilder::build`].
///
/// Handles returned by [`add`](IndexBuilder::add) are only for wiring entries together
/// (`admin1`, `admin2`) and naming them; the index orders records its own way.
#[derive(Default)]
pub struct IndexBuilder {
    entries: Vec<NewEntry>,
    names: BTreeMap<String, Vec<(u32, u32)>>,
    common: std::collections::BTreeSet<String>,
}

impl IndexBuilder {
    /// An empty builder.
    pub fn new() -> IndexBuilder {
        IndexBuilder::default()
    }

    /// Adds an entry and returns its handle.
    pub fn add(&mut self, entry: NewEntry) -> u32 {
        self.entries.push(entry);
        (self.entries.len() - 1) as u32
    }

    /// The entry behind a handle.
    ///
    /// # Panics
    /// If the handle did not come from this builder.
    pub fn entry(&self, handle: u32) -> &NewEntry {
        &self.entries[handle as usize]
    }

    /// Number of entries added.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no entry was added.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Files `name` (normalised) under the entry; `main` marks its main name.
    /// Names that normalise to nothing are ignored.
    pub fn name(&mut self, handle: u32, name: &str, main: bool) {
        self.file(handle, name, if main { MAIN_NAME } else { 0 });
    }

    /// Files a region's stem plus a generic word ("Sumy region"), flagged as such.
    pub fn region_form(&mut self, handle: u32, name: &str) {
        self.file(handle, name, REGION_FORM);
    }

    /// Files a demonym of the entry ("Russian", "Russians" for Russia).
    pub fn demonym(&mut self, handle: u32, word: &str) {
        self.file(handle, word, DEMONYM);
    }

    /// Marks the entry as known far beyond its size (see
    /// [`crate::gazetteer::Entry::is_renowned`]).
    pub fn renown(&mut self, handle: u32) {
        self.entries[handle as usize].renowned = true;
    }

    /// Files a written abbreviation of the entry ("Calif." for California, "D.C." for the
    /// District of Columbia).
    pub fn abbreviation(&mut self, handle: u32, name: &str) {
        self.file(handle, name, ABBREVIATION);
    }

    fn file(&mut self, handle: u32, name: &str, flags: u32) {
        let key = normalize(name);
        if key.is_empty() {
            return;
        }
        let postings = self.names.entry(key).or_default();
        match postings.iter_mut().find(|(h, _)| *h == handle) {
            Some((_, f)) => *f |= flags,
            None => postings.push((handle, flags)),
        }
    }

    /// Files an ordinary (dictionary) word, normalised: names that are also ordinary words
    /// are marked so, and words that name nothing are kept without entries.
    pub fn common_word(&mut self, word: &str) {
        self.common.insert(normalize(word));
    }

    /// Number of distinct normalised names filed so far.
    pub fn name_count(&self) -> usize {
        self.names.len()
    }

    /// Lays out the index as one part.
    ///
    /// # Errors
    /// When there are more areas than the format can reference (65,535).
    pub fn build(self) -> Result<Vec<u8>, String> {
        let mut parts = self.build_parts(|_| true)?;
        Ok(parts.swap_remove(0))
    }

    /// Lays out the index as two parts: the first holds every area and the places for which
    /// `in_first` is true, the second the other places (it may be empty of records).
    ///
    /// # Errors
    /// When there are more areas than the format can reference (65,535).
    pub fn build_parts(self, in_first: impl Fn(&NewEntry) -> bool) -> Result<Vec<Vec<u8>>, String> {
        // Part and record number of each handle: areas first, then places, in the order added.
        let part_of = |e: &NewEntry| usize::from(!(e.kind.is_area() || in_first(e)));
        let mut order: Vec<u32> = (0..self.entries.len() as u32).collect();
        order.sort_by_key(|&h| {
            let e = &self.entries[h as usize];
            (part_of(e), !e.kind.is_area())
        });
        let mut location = vec![(0usize, 0u32); self.entries.len()];
        let mut counts = [0u32; 2];
        for &handle in &order {
            let part = part_of(&self.entries[handle as usize]);
            location[handle as usize] = (part, counts[part]);
            counts[part] += 1;
        }
        let areas = self.entries.iter().filter(|e| e.kind.is_area()).count();
        if areas >= usize::from(NONE) {
            return Err(format!(
                "{areas} areas: the format references at most 65,534"
            ));
        }
        let mut names: [BTreeMap<&str, Vec<u32>>; 2] = [BTreeMap::new(), BTreeMap::new()];
        for (key, list) in &self.names {
            for &(handle, flags) in list {
                let (part, record) = location[handle as usize];
                names[part]
                    .entry(key.as_str())
                    .or_default()
                    .push((record << POSTING_SHIFT) | flags);
            }
        }
        // Ordinary words that name nothing are filed too, with no postings, in the first part,
        // so that the matcher can tell "Considering" from a name.
        for word in &self.common {
            names[0].entry(word.as_str()).or_default();
        }
        let mut parts = Vec::new();
        let mut base_crc = 0;
        for (part, part_names) in names.iter_mut().enumerate() {
            let handles: Vec<u32> = order
                .iter()
                .copied()
                .filter(|&h| location[h as usize].0 == part)
                .collect();
            let bytes = self.layout(&handles, part_names, &location, base_crc, areas);
            if part == 0 {
                base_crc = u32_at(&bytes, 8);
            }
            parts.push(bytes);
        }
        Ok(parts)
    }

    /// Writes one part: the records of `handles` (already in record order) and `names`.
    fn layout(
        &self,
        handles: &[u32],
        names: &mut BTreeMap<&str, Vec<u32>>,
        location: &[(usize, u32)],
        base_crc: u32,
        all_areas: usize,
    ) -> Vec<u8> {
        let first = base_crc == 0;
        let mut strings: Vec<u8> = Vec::new();
        let mut push_string = |s: &str| -> (u32, u32) {
            let offset = strings.len() as u32;
            strings.extend_from_slice(s.as_bytes());
            (offset, s.len() as u32)
        };
        let mut records = Vec::with_capacity(handles.len() * RECORD_LEN);
        let mut area_bytes = Vec::new();
        let mut vertices: Vec<u8> = Vec::new();
        // Regions always live in the first part, where area records come first.
        let region = |h: Option<u32>| h.map_or(NONE, |h| location[h as usize].1 as u16);
        let mut areas = 0u32;
        for &handle in handles {
            let e = &self.entries[handle as usize];
            let mut name = e.name.as_str();
            if name.len() > MAX_NAME {
                let mut end = MAX_NAME;
                while !name.is_char_boundary(end) {
                    end -= 1;
                }
                name = &name[..end];
            }
            let (name_offset, name_len) = push_string(name);
            let country = e.country.as_bytes();
            records.extend_from_slice(&e.geonameid.to_le_bytes());
            records.extend_from_slice(&to_units(e.point.1).to_le_bytes());
            records.extend_from_slice(&to_units(e.point.0).to_le_bytes());
            records.extend_from_slice(&e.population.to_le_bytes());
            records.extend_from_slice(&name_offset.to_le_bytes());
            records.push(name_len as u8);
            let capital = if e.capital { CAPITAL } else { 0 };
            let renowned = if e.renowned { RENOWNED } else { 0 };
            records.push(
                kind_code(e.kind) | renowned | (provenance_code(e.provenance) << 4) | capital,
            );
            records.push(country.first().copied().unwrap_or(0));
            records.push(country.get(1).copied().unwrap_or(0));
            records.extend_from_slice(&region(e.admin1).to_le_bytes());
            records.extend_from_slice(&region(e.admin2).to_le_bytes());

            if e.kind.is_area() {
                areas += 1;
                let extent = e.extent.unwrap_or(Extent {
                    west: e.point.0,
                    south: e.point.1,
                    east: e.point.0,
                    north: e.point.1,
                });
                for v in [extent.west, extent.south, extent.east, extent.north] {
                    area_bytes.extend_from_slice(&to_units(v).to_le_bytes());
                }
                let shape_start = (vertices.len() / 8) as u32;
                for &(lon, lat) in &e.hull {
                    vertices.extend_from_slice(&to_units(lon).to_le_bytes());
                    vertices.extend_from_slice(&to_units(lat).to_le_bytes());
                }
                area_bytes.extend_from_slice(&shape_start.to_le_bytes());
                area_bytes.extend_from_slice(&(e.hull.len() as u32).to_le_bytes());
                let (code_offset, code_len) = push_string(&e.code);
                area_bytes.extend_from_slice(&code_offset.to_le_bytes());
                area_bytes.extend_from_slice(&code_len.to_le_bytes());
            }
        }

        let mut postings: Vec<u8> = Vec::new();
        let mut map = fst::MapBuilder::memory();
        let mut count = 0u64;
        for (key, list) in names.iter_mut() {
            list.sort_unstable();
            let common = if self.common.contains(*key) {
                COMMON_WORD
            } else {
                0
            };
            let value = (count << 32) | common | list.len() as u64;
            // Keys come from a BTreeMap, so they are sorted and distinct: insert cannot fail.
            map.insert(key.as_bytes(), value)
                .expect("sorted, distinct keys");
            for posting in list.iter() {
                postings.extend_from_slice(&posting.to_le_bytes());
                count += 1;
            }
        }
        let fst_bytes = map.into_inner().expect("writing to memory cannot fail");

        let mut out = vec![0u8; HEADER_LEN];
        for section in [
            &fst_bytes,
            &postings,
            &records,
            &area_bytes,
            &vertices,
            &strings,
        ] {
            out.extend_from_slice(section);
        }
        let mut header = Header {
            crc: 0,
            file_len: out.len() as u32,
            records: handles.len() as u32,
            areas,
            fst_len: fst_bytes.len() as u32,
            postings: count as u32,
            vertices: (vertices.len() / 8) as u32,
            strings_len: strings.len() as u32,
            base_crc,
            base_areas: if first { 0 } else { all_areas as u32 },
        };
        header.write(&mut out[..HEADER_LEN]);
        header.crc = crc32fast::hash(&out[16..]);
        header.write(&mut out[..HEADER_LEN]);
        out
    }
}

pub(crate) fn kind_code(kind: Kind) -> u8 {
    Kind::ALL.iter().position(|&k| k == kind).unwrap_or(0) as u8
}

pub(crate) fn provenance_code(p: Provenance) -> u8 {
    Provenance::ALL.iter().position(|&q| q == p).unwrap_or(0) as u8
}
