//! Reading an index: [`Gazetteer`] checks the bytes once when it opens them, then answers
//! look-ups by reading records in place.

use super::format::{
    A_CODE_LEN, A_CODE_OFFSET, A_EXTENT, A_SHAPE_LEN, A_SHAPE_START, ABBREVIATION, AREA_LEN,
    CAPITAL, COMMON_WORD, DEMONYM, FormatError, HEADER_LEN, Header, KIND_BITS, MAIN_NAME, NONE,
    POSTING_SHIFT, R_ADMIN1, R_ADMIN2, R_COUNTRY, R_GEONAMEID, R_KIND, R_LAT, R_LON, R_NAME_LEN,
    R_NAME_OFFSET, R_POPULATION, RECORD_LEN, REGION_FORM, RENOWNED, i32_at, to_degrees, u16_at,
    u32_at,
};
use super::{Extent, Kind, Provenance};
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

/// The files of the bundled index, in loading order (under `public/gazetteer/`).
pub const PART_FILES: [&str; 2] = ["world.cmg", "world.more.cmg"];

/// An opened gazetteer index: its first part, and any later parts added with
/// [`Gazetteer::with_part`].
///
/// Opening checks the length, the checksum and every internal reference, so the look-ups that
/// follow never panic and never read out of bounds. Cloning is cheap (the bytes are shared).
#[derive(Clone)]
pub struct Gazetteer {
    parts: Vec<Part>,
}

/// One file of the index, checked and ready to read.
#[derive(Clone)]
struct Part {
    bytes: Arc<[u8]>,
    names: fst::Map<Section>,
    header: Header,
    postings: Range<usize>,
    records: Range<usize>,
    areas: Range<usize>,
    vertices: Range<usize>,
    strings: Range<usize>,
    /// Entry number of this part's first record.
    first: u32,
}

/// A byte range of the shared buffer, so that `fst` can read the index in place.
#[derive(Clone)]
struct Section {
    bytes: Arc<[u8]>,
    range: Range<usize>,
}

impl AsRef<[u8]> for Section {
    fn as_ref(&self) -> &[u8] {
        &self.bytes[self.range.clone()]
    }
}

/// What the gazetteer knows of one key (see [`Gazetteer::headword`]).
#[derive(Clone, Debug)]
pub struct Headword<'g> {
    /// The entries filed under the key.
    pub candidates: Vec<Candidate<'g>>,
    /// Whether the key is an ordinary English word.
    pub common: bool,
    /// Where the names that begin with the key and go on continue from, if any do.
    pub start: Option<NameStart>,
}

/// Where the walks of the name automata stand after a name's first words (see
/// [`Gazetteer::headword`]): for each part, the node reached and the output so far.
#[derive(Clone, Debug)]
pub struct NameStart {
    states: Vec<Option<(fst::raw::CompiledAddr, u64)>>,
}

/// One entry found for a name.
#[derive(Clone, Copy)]
pub struct Candidate<'g> {
    /// The entry.
    pub entry: Entry<'g>,
    /// Whether the name looked up is the entry's main name (an alias or old name is weaker
    /// evidence: "Pokrovsk" is the main name of the Ukrainian town, an old name of Engels).
    pub main_name: bool,
    /// Whether the name is a region's stem with a generic word ("Sumy region").
    pub region_form: bool,
    /// Whether the word is a demonym of the entry ("Russian" of Russia), not a name of it.
    pub demonym: bool,
    /// Whether the name is a written abbreviation of the entry ("Calif." of California): a
    /// name only with its full stop, beside a place it qualifies ("Fresno, Calif.").
    pub abbreviation: bool,
}

impl fmt::Debug for Candidate<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?}{}{}",
            self.entry,
            if self.main_name {
                " (main name)"
            } else {
                " (alias)"
            },
            if self.region_form {
                " (region form)"
            } else {
                ""
            }
        )
    }
}

/// A record of the index, read in place.
#[derive(Clone, Copy)]
pub struct Entry<'g> {
    gazetteer: &'g Gazetteer,
    part: &'g Part,
    index: u32,
}

impl Part {
    /// Checks and opens one file; `base` is the first part, for a later one.
    fn open(bytes: Arc<[u8]>, base: Option<&Part>) -> Result<Part, FormatError> {
        let header = Header::read(&bytes)?;
        match base {
            None if header.base_crc != 0 => return Err(FormatError::WrongBase),
            Some(b) if header.base_crc != b.header.crc || header.base_areas != b.header.areas => {
                return Err(FormatError::WrongBase);
            }
            _ => {}
        }
        let mut at = HEADER_LEN;
        let mut take = |len: usize| -> Result<Range<usize>, FormatError> {
            let end = at
                .checked_add(len)
                .filter(|&end| end <= bytes.len())
                .ok_or(FormatError::Corrupt("sections overrun the file"))?;
            let range = at..end;
            at = end;
            Ok(range)
        };
        let fst_range = take(header.fst_len as usize)?;
        let postings = take(header.postings as usize * 4)?;
        let records = take(header.records as usize * RECORD_LEN)?;
        let areas = take(header.areas as usize * AREA_LEN)?;
        let vertices = take(header.vertices as usize * 8)?;
        let strings = take(header.strings_len as usize)?;
        if at != bytes.len()
            || header.areas > header.records
            || (base.is_some() && header.areas > 0)
        {
            return Err(FormatError::Corrupt("section lengths do not add up"));
        }
        let names = fst::Map::new(Section {
            bytes: bytes.clone(),
            range: fst_range,
        })
        .map_err(|_| FormatError::Corrupt("the name map is not a valid FST"))?;
        let first = base.map_or(0, |b| b.first + b.header.records);
        let part = Part {
            bytes,
            names,
            header,
            postings,
            records,
            areas,
            vertices,
            strings,
            first,
        };
        part.validate(base.map_or(header.areas, |b| b.header.areas))?;
        Ok(part)
    }

    /// Checks every reference once, so that readers can trust them.
    fn validate(&self, regions: u32) -> Result<(), FormatError> {
        use fst::Streamer;
        let total = self.header.postings as usize;
        let mut stream = self.names.stream();
        while let Some((_, value)) = stream.next() {
            let filed = postings(value);
            if (filed.is_empty() && value & COMMON_WORD == 0) || filed.end > total {
                return Err(FormatError::Corrupt("a name points past the postings"));
            }
        }
        let records = self.header.records;
        for i in 0..self.header.postings as usize {
            if u32_at(&self.bytes, self.postings.start + 4 * i) >> POSTING_SHIFT >= records {
                return Err(FormatError::Corrupt("a posting points past the records"));
            }
        }
        let b = &self.bytes;
        for i in 0..records as usize {
            let r = self.records.start + i * RECORD_LEN;
            let refs_ok = [R_ADMIN1, R_ADMIN2].iter().all(|&f| {
                let v = u16_at(b, r + f);
                v == NONE || u32::from(v) < regions
            });
            let code = b[r + R_KIND];
            if !refs_ok
                || usize::from(code & KIND_BITS) >= Kind::ALL.len()
                || usize::from((code >> 4) & 0x07) >= Provenance::ALL.len()
                || self
                    .str(u32_at(b, r + R_NAME_OFFSET), u32::from(b[r + R_NAME_LEN]))
                    .is_none()
            {
                return Err(FormatError::Corrupt("a record is out of range"));
            }
        }
        for i in 0..self.header.areas as usize {
            let a = self.areas.start + i * AREA_LEN;
            let shape_end =
                u64::from(u32_at(b, a + A_SHAPE_START)) + u64::from(u32_at(b, a + A_SHAPE_LEN));
            if shape_end > u64::from(self.header.vertices)
                || self
                    .str(u32_at(b, a + A_CODE_OFFSET), u32_at(b, a + A_CODE_LEN))
                    .is_none()
            {
                return Err(FormatError::Corrupt("an area is out of range"));
            }
        }
        Ok(())
    }

    /// The UTF-8 string at `offset..offset + len` of the strings section, if it is one.
    fn str(&self, offset: u32, len: u32) -> Option<&str> {
        let start = self.strings.start.checked_add(offset as usize)?;
        let end = start.checked_add(len as usize)?;
        if end > self.strings.end {
            return None;
        }
        std::str::from_utf8(&self.bytes[start..end]).ok()
    }
}

impl Gazetteer {
    /// Opens index bytes (a `Vec<u8>`, a fetched buffer, a file read whole): a whole index or
    /// the first part of one.
    ///
    /// # Errors
    /// A [`FormatError`] saying what is wrong: not an index, another version, truncated,
    /// damaged (checksum), a later part given first, or inconsistent.
    pub fn new(bytes: impl Into<Arc<[u8]>>) -> Result<Gazetteer, FormatError> {
        Ok(Gazetteer {
            parts: vec![Part::open(bytes.into(), None)?],
        })
    }

    /// This gazetteer with a later part added (the places the first part leaves out).
    ///
    /// # Errors
    /// As for [`Gazetteer::new`], and [`FormatError::WrongBase`] when the part was built with
    /// another first part.
    pub fn with_part(&self, bytes: impl Into<Arc<[u8]>>) -> Result<Gazetteer, FormatError> {
        let part = Part::open(bytes.into(), Some(&self.parts[0]))?;
        let mut parts = vec![self.parts[0].clone()];
        parts.extend(self.parts[1..].iter().cloned());
        let first = parts.last().map_or(0, |p| p.first + p.header.records);
        parts.push(Part { first, ..part });
        Ok(Gazetteer { parts })
    }

    /// Opens the bundled index from a folder holding its parts ([`PART_FILES`]), as the
    /// native tools do (the browser fetches the same files).
    ///
    /// # Errors
    /// An I/O error naming the file, or [`std::io::ErrorKind::InvalidData`] with the
    /// [`FormatError`]'s message.
    pub fn open_dir(dir: impl AsRef<std::path::Path>) -> std::io::Result<Gazetteer> {
        let read = |name: &str| {
            let path = dir.as_ref().join(name);
            std::fs::read(&path)
                .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", path.display())))
        };
        let invalid = |e: FormatError| std::io::Error::new(std::io::ErrorKind::InvalidData, e);
        let mut gazetteer = Gazetteer::new(read(PART_FILES[0])?).map_err(invalid)?;
        for name in &PART_FILES[1..] {
            gazetteer = gazetteer.with_part(read(name)?).map_err(invalid)?;
        }
        Ok(gazetteer)
    }

    /// Number of parts opened.
    pub fn parts(&self) -> usize {
        self.parts.len()
    }

    /// The entries filed under an already normalised name (see [`normalize()`](crate::gazetteer::normalize()));
    /// empty when there are none.
    pub fn lookup(&self, key: &str) -> Vec<Candidate<'_>> {
        let mut found = Vec::new();
        for part in &self.parts {
            if let Some(value) = part.names.get(key) {
                found.extend(self.candidates(part, value));
            }
        }
        found
    }

    /// The candidates filed in `part` under a name whose value in the name map is `value`.
    fn candidates<'g>(
        &'g self,
        part: &'g Part,
        value: u64,
    ) -> impl Iterator<Item = Candidate<'g>> + 'g {
        postings(value).map(move |i| {
            let posting = u32_at(&part.bytes, part.postings.start + 4 * i);
            Candidate {
                entry: Entry {
                    gazetteer: self,
                    part,
                    index: posting >> POSTING_SHIFT,
                },
                main_name: posting & MAIN_NAME != 0,
                region_form: posting & REGION_FORM != 0,
                demonym: posting & DEMONYM != 0,
                abbreviation: posting & ABBREVIATION != 0,
            }
        })
    }

    /// Everything the gazetteer knows of an already normalised `key`, from one walk of each
    /// part's name automaton: the entries filed under it ([`Gazetteer::lookup`]), whether it is
    /// an ordinary word ([`Gazetteer::is_common_word`]), and where the walks stand after it
    /// and a space, for the names that begin with it and go on ("new" of "new york"): a
    /// word's start serves every walk from that word ([`Gazetteer::longest_name`]).
    ///
    /// # Example
    /// ```
    /// use conflict_mapper::gazetteer::{Gazetteer, IndexBuilder, Kind, NewEntry};
    /// let mut builder = IndexBuilder::new();
    /// let gaza = builder.add(NewEntry::new(Kind::Region, "Gaza Strip", "PS", (34.4, 31.4)));
    /// builder.name(gaza, "Gaza Strip", true);
    /// builder.name(gaza, "Gaza", false);
    /// let gazetteer = Gazetteer::new(builder.build().unwrap()).unwrap();
    /// let gaza = gazetteer.headword("gaza");
    /// assert_eq!(gaza.candidates.len(), 1);
    /// assert!(gaza.start.is_some());
    /// let strip = gazetteer.headword("gaza strip");
    /// assert!(strip.start.is_none() && !strip.common);
    /// assert!(gazetteer.headword("gaz").candidates.is_empty());
    /// ```
    pub fn headword(&self, key: &str) -> Headword<'_> {
        use fst::raw::Output;
        let mut headword = Headword {
            candidates: Vec::new(),
            common: false,
            start: None,
        };
        let mut states = Vec::with_capacity(self.parts.len());
        for part in &self.parts {
            let fst = part.names.as_fst();
            let walked = key.as_bytes().iter().try_fold(
                (fst.root(), Output::zero()),
                |(node, out), &byte| {
                    let t = node.transition(node.find_input(byte)?);
                    Some((fst.node(t.addr), out.cat(t.out)))
                },
            );
            let state = walked.and_then(|(node, out)| {
                if node.is_final() {
                    let value = out.cat(node.final_output()).value();
                    headword.common |= value & COMMON_WORD != 0;
                    headword.candidates.extend(self.candidates(part, value));
                }
                let t = node.transition(node.find_input(b' ')?);
                Some((t.addr, out.cat(t.out).value()))
            });
            states.push(state);
        }
        if states.iter().any(Option::is_some) {
            headword.start = Some(NameStart { states });
        }
        headword
    }

    /// The longest name under which the gazetteer files entries that goes on from `start`
    /// with a prefix of the already normalised `rest` ending at one of `ends` (byte offsets
    /// into `rest`, such as the ends of its words): that prefix's end. One walk of each part's
    /// name automaton, instead of a look-up per prefix.
    ///
    /// # Example
    /// ```
    /// use conflict_mapper::gazetteer::{Gazetteer, IndexBuilder, Kind, NewEntry};
    /// let mut builder = IndexBuilder::new();
    /// let gaza = builder.add(NewEntry::new(Kind::Region, "Gaza Strip", "PS", (34.4, 31.4)));
    /// builder.name(gaza, "Gaza Strip", true);
    /// let gazetteer = Gazetteer::new(builder.build().unwrap()).unwrap();
    /// let start = gazetteer.headword("gaza").start.unwrap();
    /// assert_eq!(gazetteer.longest_name(&start, "strip border", &[5, 12]), Some(5));
    /// assert_eq!(gazetteer.longest_name(&start, "strip border", &[12]), None);
    /// ```
    pub fn longest_name(&self, start: &NameStart, rest: &str, ends: &[usize]) -> Option<usize> {
        use fst::raw::Output;
        let bytes = rest.as_bytes();
        let mut longest = None;
        for (part, state) in self.parts.iter().zip(&start.states) {
            let Some((addr, value)) = *state else {
                continue;
            };
            let fst = part.names.as_fst();
            let mut node = fst.node(addr);
            let mut out = Output::new(value);
            let mut ends = ends.iter().peekable();
            for at in 0..=bytes.len() {
                while ends.next_if(|&&e| e < at).is_some() {}
                if ends.peek() == Some(&&at) && node.is_final() && longest < Some(at) {
                    let value = out.cat(node.final_output()).value();
                    if !postings(value).is_empty() {
                        longest = Some(at);
                    }
                }
                let Some(&byte) = bytes.get(at) else { break };
                let Some(i) = node.find_input(byte) else {
                    break;
                };
                let t = node.transition(i);
                out = out.cat(t.out);
                node = fst.node(t.addr);
            }
        }
        longest
    }

    /// Whether a normalised word is an ordinary English word ("nice", "bank", "considering"),
    /// whether or not it also names a place: then a capital letter alone is weak evidence of a
    /// name.
    pub fn is_common_word(&self, key: &str) -> bool {
        self.parts
            .iter()
            .any(|p| p.names.get(key).is_some_and(|v| v & COMMON_WORD != 0))
    }

    /// The entries filed under `name`, normalising it first ([`Gazetteer::lookup`] takes a key
    /// that is normalised already).
    pub fn find(&self, name: &str) -> Vec<Candidate<'_>> {
        self.lookup(&crate::text::normalize(name))
    }

    /// Whether any name starts with `prefix` followed by a space: lets a matcher know that a
    /// longer name may follow ("Gaza" → "Gaza Strip").
    pub fn has_longer_name(&self, prefix: &str) -> bool {
        use fst::{IntoStreamer, Streamer};
        let from = format!("{prefix} ");
        let to = format!("{prefix}!"); // '!' is the byte after ' '
        self.parts.iter().any(|part| {
            part.names
                .range()
                .ge(from.as_bytes())
                .lt(to.as_bytes())
                .into_stream()
                .next()
                .is_some()
        })
    }

    /// Up to `limit` entries with a name that starts with `query` (normalised here), for a
    /// reader choosing a place by hand: names equal to the query first, main names before
    /// aliases, then countries, regions and waters before settlements before districts, then
    /// the most populous. Demonyms are not names and are skipped.
    ///
    /// # Example
    /// ```
    /// use conflict_mapper::gazetteer::{Gazetteer, IndexBuilder, Kind, NewEntry};
    /// let mut builder = IndexBuilder::new();
    /// for (name, population) in [("Kostiantynivka", 67_000), ("Kostopil", 31_000)] {
    ///     let mut e = NewEntry::new(Kind::Place, name, "UA", (37.7, 48.5));
    ///     e.population = population;
    ///     let id = builder.add(e);
    ///     builder.name(id, name, true);
    /// }
    /// let gazetteer = Gazetteer::new(builder.build().unwrap()).unwrap();
    /// let names: Vec<_> = gazetteer.search("Kost", 10).iter().map(|e| e.name()).collect();
    /// assert_eq!(names, ["Kostiantynivka", "Kostopil"]);
    /// assert_eq!(gazetteer.search("Kostopil", 10)[0].name(), "Kostopil");
    /// ```
    pub fn search(&self, query: &str, limit: usize) -> Vec<Entry<'_>> {
        use fst::{IntoStreamer, Streamer};
        /// Keys read per part at most: a short prefix must not walk the whole index.
        const SCAN: usize = 4_000;
        let key = crate::text::normalize(query);
        if key.is_empty() || limit == 0 {
            return Vec::new();
        }
        let mut found: Vec<(bool, bool, Entry<'_>)> = Vec::new();
        for part in &self.parts {
            let mut stream = part.names.range().ge(key.as_bytes()).into_stream();
            let mut scanned = 0;
            while let Some((name, value)) = stream.next() {
                if !name.starts_with(key.as_bytes()) || scanned == SCAN {
                    break;
                }
                scanned += 1;
                let exact = name == key.as_bytes();
                found.extend(
                    self.candidates(part, value)
                        .filter(|c| !c.demonym)
                        .map(|c| (exact, c.main_name, c.entry)),
                );
            }
        }
        found.sort_by_key(|(exact, main_name, e)| {
            (
                !exact,
                !main_name,
                match e.kind() {
                    Kind::Place => 1,
                    Kind::Admin2 => 2,
                    _ => 0,
                },
                std::cmp::Reverse(e.population()),
                e.id(),
            )
        });
        let mut entries: Vec<Entry<'_>> = Vec::with_capacity(limit);
        for (_, _, e) in found {
            if entries.len() == limit {
                break;
            }
            if !entries.iter().any(|x| x.id() == e.id()) {
                entries.push(e);
            }
        }
        entries
    }

    /// The entry with a number from [`Entry::id`], if there is one.
    pub fn entry(&self, id: u32) -> Option<Entry<'_>> {
        let part = self
            .parts
            .iter()
            .find(|p| id >= p.first && id - p.first < p.header.records)?;
        Some(Entry {
            gazetteer: self,
            part,
            index: id - part.first,
        })
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.parts.iter().map(|p| p.header.records as usize).sum()
    }

    /// Whether the index holds no entry.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of distinct names, counted per part.
    pub fn name_count(&self) -> usize {
        self.parts.iter().map(|p| p.names.len()).sum()
    }

    /// The areas (countries, regions, waters), which all sit at the start of the first part.
    pub fn areas(&self) -> impl Iterator<Item = Entry<'_>> {
        let part = &self.parts[0];
        (0..part.header.areas).map(move |index| Entry {
            gazetteer: self,
            part,
            index,
        })
    }

    /// Every entry, areas first.
    pub fn entries(&self) -> impl Iterator<Item = Entry<'_>> {
        self.parts.iter().flat_map(move |part| {
            (0..part.header.records).map(move |index| Entry {
                gazetteer: self,
                part,
                index,
            })
        })
    }

    /// The region at an area index of the first part.
    fn region(&self, index: u16) -> Option<Entry<'_>> {
        let part = &self.parts[0];
        (index != NONE && u32::from(index) < part.header.areas).then_some(Entry {
            gazetteer: self,
            part,
            index: u32::from(index),
        })
    }
}

/// The postings of a name, from its value in the name map (see [`super::format`]).
fn postings(value: u64) -> Range<usize> {
    let start = (value >> 32) as usize;
    start..start + (value & (COMMON_WORD - 1)) as usize
}

impl fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Gazetteer")
            .field("parts", &self.parts.len())
            .field("entries", &self.len())
            .field("names", &self.name_count())
            .finish()
    }
}

impl<'g> Entry<'g> {
    fn at(&self, field: usize) -> usize {
        self.part.records.start + self.index as usize * RECORD_LEN + field
    }

    fn u32(&self, field: usize) -> u32 {
        u32_at(&self.part.bytes, self.at(field))
    }

    fn area(&self, field: usize) -> Option<usize> {
        (self.index < self.part.header.areas)
            .then(|| self.part.areas.start + self.index as usize * AREA_LEN + field)
    }

    /// The entry's number: stable for one build of the index, a key for maps and sets, and the
    /// argument of [`Gazetteer::entry`].
    pub fn id(&self) -> u32 {
        self.part.first + self.index
    }

    /// The GeoNames id, if the entry has one.
    pub fn geonameid(&self) -> Option<u32> {
        Some(self.u32(R_GEONAMEID)).filter(|&id| id != 0)
    }

    /// The name to show.
    pub fn name(&self) -> &'g str {
        let b = &self.part.bytes;
        self.part
            .str(self.u32(R_NAME_OFFSET), u32::from(b[self.at(R_NAME_LEN)]))
            .unwrap_or_default()
    }

    /// What sort of feature it is.
    pub fn kind(&self) -> Kind {
        Kind::ALL[usize::from(self.part.bytes[self.at(R_KIND)] & KIND_BITS) % Kind::ALL.len()]
    }

    /// The GeoNames feature class (`A`, `H`, `L` or `P`).
    pub fn feature_class(&self) -> char {
        self.kind().feature_class()
    }

    /// How the point and extent were made.
    pub fn provenance(&self) -> Provenance {
        Provenance::ALL
            [usize::from((self.part.bytes[self.at(R_KIND)] >> 4) & 0x07) % Provenance::ALL.len()]
    }

    /// Whether it is a national capital.
    pub fn is_capital(&self) -> bool {
        self.kind() == Kind::Place && self.part.bytes[self.at(R_KIND)] & CAPITAL != 0
    }

    /// Whether it is a place known far beyond its size: one GeoNames knows by many names (a
    /// world city is written in every language, its small namesakes in one or two), or one
    /// the curated supplement marks as named every day in the news it covers (the towns of a
    /// front). The text's countries and regions do not carry a namesake over it.
    pub fn is_renowned(&self) -> bool {
        self.part.bytes[self.at(R_KIND)] & RENOWNED != 0
    }

    /// Whether it is a second-level region that ISO 3166-2 lists as a country's principal
    /// subdivision (England's counties, France's departments, Italy's provinces), known to
    /// readers as other countries' first-level regions are.
    pub fn is_principal(&self) -> bool {
        self.kind() == Kind::Admin2 && self.part.bytes[self.at(R_KIND)] & CAPITAL != 0
    }

    /// ISO 3166-1 alpha-2 code of the country, `""` for none (international waters).
    pub fn country(&self) -> &'g str {
        let at = self.at(R_COUNTRY);
        let code = &self.part.bytes[at..at + 2];
        let len = code.iter().take_while(|&&b| b != 0).count();
        std::str::from_utf8(&code[..len]).unwrap_or_default()
    }

    /// The representative point, `(lon, lat)` in degrees.
    pub fn point(&self) -> (f64, f64) {
        let b = &self.part.bytes;
        (
            to_degrees(i32_at(b, self.at(R_LON))),
            to_degrees(i32_at(b, self.at(R_LAT))),
        )
    }

    /// Population (for regions, of their member places in the gazetteer); 0 when unknown.
    pub fn population(&self) -> u32 {
        self.u32(R_POPULATION)
    }

    /// The first-level region containing it.
    pub fn admin1(&self) -> Option<Entry<'g>> {
        self.gazetteer
            .region(u16_at(&self.part.bytes, self.at(R_ADMIN1)))
    }

    /// The second-level region containing it.
    pub fn admin2(&self) -> Option<Entry<'g>> {
        self.gazetteer
            .region(u16_at(&self.part.bytes, self.at(R_ADMIN2)))
    }

    /// The country entry (by ISO code), if the index has it.
    pub fn country_entry(&self) -> Option<Entry<'g>> {
        let code = self.country();
        if self.kind() == Kind::Country || code.is_empty() {
            return None;
        }
        // Countries are the first areas; stop at the first non-country.
        self.gazetteer
            .areas()
            .take_while(|e| e.kind() == Kind::Country)
            .find(|e| e.country() == code)
    }

    /// The chain of containing entries, nearest first: place → admin2 → admin1 → country.
    pub fn hierarchy(&self) -> Vec<Entry<'g>> {
        let mut chain = Vec::new();
        chain.extend(self.admin2());
        chain.extend(self.admin1());
        chain.extend(self.country_entry());
        chain
    }

    /// The code of an area (GeoNames' `UA.05` for Donetsk Oblast), `""` for none.
    pub fn code(&self) -> &'g str {
        let Some(at) = self.area(A_CODE_OFFSET) else {
            return "";
        };
        let b = &self.part.bytes;
        self.part
            .str(u32_at(b, at), u32_at(b, at - A_CODE_OFFSET + A_CODE_LEN))
            .unwrap_or_default()
    }

    /// The bounding rectangle of an area; `None` for a place.
    pub fn extent(&self) -> Option<Extent> {
        let at = self.area(A_EXTENT)?;
        let b = &self.part.bytes;
        let v = |i: usize| to_degrees(i32_at(b, at + 4 * i));
        Some(Extent {
            west: v(0),
            south: v(1),
            east: v(2),
            north: v(3),
        })
    }

    /// The outline of an area, `(lon, lat)` vertices (a convex hull of its member places, for
    /// first-level regions); empty when none is kept.
    pub fn outline(&self) -> Vec<(f64, f64)> {
        let Some(at) = self.area(A_SHAPE_START) else {
            return Vec::new();
        };
        let b = &self.part.bytes;
        let start = u32_at(b, at) as usize;
        let len = u32_at(b, at - A_SHAPE_START + A_SHAPE_LEN) as usize;
        (start..start + len)
            .map(|i| {
                let v = self.part.vertices.start + 8 * i;
                (to_degrees(i32_at(b, v)), to_degrees(i32_at(b, v + 4)))
            })
            .collect()
    }
}

impl fmt::Debug for Entry<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (lon, lat) = self.point();
        write!(
            f,
            "{} ({}, {}{}, {lat:.3}, {lon:.3}",
            self.name(),
            self.kind().as_str(),
            self.country(),
            self.admin1()
                .map(|a| format!(", {}", a.name()))
                .unwrap_or_default(),
        )?;
        if let Some(id) = self.geonameid() {
            write!(f, ", geonames {id}")?;
        }
        write!(f, ")")
    }
}
