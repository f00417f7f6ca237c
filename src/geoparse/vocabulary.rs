//! The vocabulary of one text: what the gazetteer and the word classes say about each word and
//! each name the text uses, asked once however often the text repeats it.
//!
//! News repeats itself: an article names its towns again and again, and its capitalised words
//! are a few hundred distinct ones. Recognition asks about a word each time it meets it (is it
//! a place, an ordinary word, a title?) and about a name each time it matches it (its
//! candidates); the vocabulary ([`Words`]) answers from what it has already asked, for every
//! piece of a long text.

use super::inflect::is_cyrillic;
use super::spot::{Strength, strength};
use super::words::{
    AREA_OFFICES, AREA_WORDS, ARMED, ARMED_GROUP_MEMBERS, BEARINGS, CALENDAR, DIRECTIONS,
    DISTRICTS, EVENTS, FACILITIES, FRONTS, LOCATIVES, MEETING, MILITARY_UNITS, ORGANISATION_HEADS,
    PLURAL_AREA_WORDS, PROXIMITY, PUBLIC_BODIES, REGIONAL_GOVERNMENTS, REPRESENTATIVES,
    SETTLEMENT_WORDS, SPEECH, TITLES, TOWN_OFFICES, VESSELS,
};
use crate::gazetteer::{Candidate, Gazetteer, Headword, Kind, NameStart, Provenance};
use crate::text::normalize;
use rustc_hash::FxHashMap;

/// What one word is, as written (the same letters in the same case).
#[derive(Clone, Copy, Debug)]
pub struct Word {
    /// Its word classes: [`Word::TITLE`], [`Word::SPEECH`]…
    classes: u32,
    /// Whether it is written in Cyrillic.
    pub cyrillic: bool,
    /// Its length in characters.
    pub chars: usize,
    /// Index of its lower-case form and key in the vocabulary.
    index: usize,
}

impl Word {
    /// A title before a person's name ([`TITLES`]).
    pub const TITLE: u32 = 1;
    /// A verb of speech ([`SPEECH`]).
    pub const SPEECH: u32 = 1 << 1;
    /// A direction ([`DIRECTIONS`]).
    pub const DIRECTION: u32 = 1 << 2;
    /// A month or a day ([`CALENDAR`]).
    pub const CALENDAR: u32 = 1 << 3;
    /// The head of an organisation's name ([`ORGANISATION_HEADS`]).
    pub const ORGANISATION_HEAD: u32 = 1 << 4;
    /// A generic word for an area ([`AREA_WORDS`]).
    pub const AREA: u32 = 1 << 5;
    /// A word for a settlement ([`SETTLEMENT_WORDS`]).
    pub const SETTLEMENT: u32 = 1 << 6;
    /// A locative ([`LOCATIVES`]).
    pub const LOCATIVE: u32 = 1 << 7;
    /// Capitalised but not a name ("I", "TV"): see [`COMMON_CAPITALISED`].
    pub const COMMON_CAPITALISED: u32 = 1 << 8;
    /// Its key is a generic word that may follow a place name ("oblast", "city", "north").
    pub const PLACE_WORD: u32 = 1 << 9;
    /// The head of the name of a place's public body ([`PUBLIC_BODIES`]).
    pub const PUBLIC_BODY: u32 = 1 << 10;
    /// A word for armed forces ([`ARMED`]).
    pub const ARMED: u32 = 1 << 11;
    /// A word for a stretch of a front ([`FRONTS`]).
    pub const FRONT: u32 = 1 << 12;
    /// A word for a facility named after its place ([`FACILITIES`]).
    pub const FACILITY: u32 = 1 << 13;
    /// A kind of ship ([`VESSELS`]).
    pub const VESSEL: u32 = 1 << 14;
    /// A word for a military unit ([`MILITARY_UNITS`]).
    pub const MILITARY_UNIT: u32 = 1 << 15;
    /// A word for members of an armed group ([`ARMED_GROUP_MEMBERS`]).
    pub const ARMED_GROUP_MEMBER: u32 = 1 << 16;
    /// A preposition of nearness ([`PROXIMITY`]).
    pub const PROXIMITY: u32 = 1 << 17;
    /// A compass bearing ([`BEARINGS`]).
    pub const BEARING: u32 = 1 << 18;
    /// An office of an area ([`AREA_OFFICES`]).
    pub const AREA_OFFICE: u32 = 1 << 19;
    /// An office of a town ([`TOWN_OFFICES`]).
    pub const TOWN_OFFICE: u32 = 1 << 20;
    /// A word for a state's representatives ([`REPRESENTATIVES`]).
    pub const REPRESENTATIVE: u32 = 1 << 21;
    /// A verb whose object is a person ([`MEETING`]).
    pub const MEETING: u32 = 1 << 22;
    /// A word that ends a list of areas: a plural word for areas or a region's government
    /// ([`PLURAL_AREA_WORDS`], [`DISTRICTS`], [`REGIONAL_GOVERNMENTS`]).
    pub const AREAS_END: u32 = 1 << 23;
    /// A word for an event named after its place ([`EVENTS`]).
    pub const EVENT: u32 = 1 << 24;

    /// Whether the word belongs to any of `classes`.
    pub fn is(&self, classes: u32) -> bool {
        self.classes & classes != 0
    }
}

/// What the gazetteer says of a word's key (asked only of the words where it matters: most
/// words are read only for their classes and keys).
#[derive(Clone, Copy, Debug)]
pub struct Gazetted {
    /// The strongest place its key names on its own ([`strength`]).
    pub strength: Strength,
    /// Whether its key is an ordinary English word.
    pub common: bool,
}

/// Capitalised words that are not names but that the word list only has capitalised (or not
/// at all): they may stand next to a place name without making it a person's.
const COMMON_CAPITALISED: &[&str] = &[
    "i",
    "i'm",
    "i've",
    "i'd",
    "i'll",
    "ok",
    "tv",
    "mps",
    "ukrainian",
    "russian",
];

/// Where a name is filed beside its gazetteer key: the same key read another way is another
/// name (a demonym's candidates alone, a Cyrillic form as written), filed apart so that each
/// reading is worked out once per text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Filing {
    /// A demonym's candidates alone ("Russian": Russia, not a place called Russian).
    Demonym,
    /// An abbreviation's candidates alone, where it qualifies a place ("Fresno, Calif.").
    Abbreviation,
    /// The other candidates of an abbreviation's key, where it qualifies nothing.
    NotAbbreviation,
    /// A Cyrillic form as written, with the nominatives it may come from.
    Declined,
    /// A Cyrillic adjective before a front's word: the town the front is named after.
    FrontTown,
    /// A Cyrillic adjective in a list ended by a plural word for regions.
    ListedRegion,
    /// A Cyrillic adjective in a list ended by a plural word for districts.
    ListedDistrict,
}

impl Filing {
    /// The filing of `key` under this reading: the key behind a mark of its own, which no
    /// key begins with.
    pub(crate) fn of(self, key: &str) -> String {
        let mark = match self {
            Filing::Demonym => '\u{1}',
            Filing::Declined => '\u{2}',
            Filing::Abbreviation => '\u{3}',
            Filing::NotAbbreviation => '\u{4}',
            Filing::ListedDistrict => '\u{5}',
            Filing::FrontTown => '\u{6}',
            Filing::ListedRegion => '\u{7}',
        };
        format!("{mark}{key}")
    }
}

/// A name the text uses, with the entries it may mean.
#[derive(Clone, Debug)]
pub struct Name<'g> {
    /// The gazetteer key.
    pub key: String,
    /// The entries the name may mean.
    pub candidates: Vec<Candidate<'g>>,
    /// Whether the key is an ordinary English word.
    pub common: bool,
    /// Whether the name was found through an inflected form of the text's words.
    pub inflected: bool,
    /// The [`strength`] of its strongest entry ([`Strength::Minor`] for none).
    pub strongest: Strength,
    /// The [`strength`] of its strongest entry that has it as main name, or as its region's
    /// name and a generic word ("Red Sea state").
    pub strongest_main: Strength,
    /// Whether all its entries are GeoNames places (no region, water or curated place).
    pub minor_places_only: bool,
    /// Whether it is a demonym of some of its entries ("Russian").
    pub demonym: bool,
    /// Whether it is a written abbreviation of some of its entries ("Calif.").
    pub abbreviation: bool,
}

impl<'g> Name<'g> {
    /// The name `key` of these candidates.
    pub fn new(
        key: String,
        candidates: Vec<Candidate<'g>>,
        common: bool,
        inflected: bool,
    ) -> Name<'g> {
        let strongest_main = candidates
            .iter()
            .filter(|c| c.main_name || c.region_form)
            .map(strength)
            .max()
            .unwrap_or(Strength::Nothing);
        // (An alias of three letters or fewer is too often a given name to make its name
        // notable: "Ben" is one of Bern's.)
        let strongest = if key.chars().count() <= 3 {
            strongest_main.max(Strength::Minor)
        } else {
            candidates
                .iter()
                .map(strength)
                .max()
                .unwrap_or(Strength::Minor)
        };
        let minor_places_only = candidates
            .iter()
            .all(|c| c.entry.kind() == Kind::Place && c.entry.provenance() != Provenance::Curated);
        let demonym = candidates.iter().any(|c| c.demonym);
        let abbreviation = candidates.iter().any(|c| c.abbreviation);
        Name {
            key,
            candidates,
            common,
            inflected,
            strongest,
            strongest_main,
            minor_places_only,
            demonym,
            abbreviation,
        }
    }

    /// Whether it names a first-level region or a country.
    pub fn names_region_or_country(&self) -> bool {
        self.candidates
            .iter()
            .any(|c| matches!(c.entry.kind(), Kind::Admin1 | Kind::Country))
    }
}

/// The words and names of a text as one gazetteer sees them, each worked out the first time
/// it is met. It serves every piece of one text (see [`super::geoparse_text`]).
pub struct Words<'t, 'g> {
    gazetteer: &'g Gazetteer,
    known: FxHashMap<&'t str, Word>,
    lower: Vec<String>,
    keys: Vec<String>,
    /// What the gazetteer knows of each word's key ([`Gazetteer::headword`]), once asked,
    /// with the [`strength`] of its strongest entry.
    headwords: Vec<Option<(Headword<'g>, Strength)>>,
    /// The name each word makes on its own ([`Words::name_of`]), once asked.
    own_names: Vec<Option<Option<usize>>>,
    /// Names by how they were found: a key, or a key with a marker for a variant.
    filed: FxHashMap<String, usize>,
    /// The names, in the order first met.
    names: Vec<Name<'g>>,
}

impl<'t, 'g> Words<'t, 'g> {
    /// No words yet, as `gazetteer` sees them.
    pub fn new(gazetteer: &'g Gazetteer) -> Words<'t, 'g> {
        Words {
            gazetteer,
            known: FxHashMap::default(),
            lower: Vec::new(),
            keys: Vec::new(),
            headwords: Vec::new(),
            own_names: Vec::new(),
            filed: FxHashMap::default(),
            names: Vec::new(),
        }
    }

    /// The gazetteer it asks.
    pub fn gazetteer(&self) -> &'g Gazetteer {
        self.gazetteer
    }

    /// The names met so far, in the order first met.
    pub fn names(&self) -> &[Name<'g>] {
        &self.names
    }

    /// The names, taken out.
    pub fn into_names(self) -> Vec<Name<'g>> {
        self.names
    }

    /// What the word `written` is.
    pub fn word(&mut self, written: &'t str) -> Word {
        if let Some(&w) = self.known.get(written) {
            return w;
        }
        let lower = written.to_lowercase();
        let key = normalize(written);
        let classes = word_classes(&lower);
        let place_word = word_classes(&key) & (Word::AREA | Word::SETTLEMENT | Word::DIRECTION);
        let word = Word {
            classes: classes | if place_word != 0 { Word::PLACE_WORD } else { 0 },
            cyrillic: is_cyrillic(&lower),
            chars: lower.chars().count(),
            index: self.keys.len(),
        };
        self.lower.push(lower);
        self.keys.push(key);
        self.headwords.push(None);
        self.own_names.push(None);
        self.known.insert(written, word);
        word
    }

    /// The word in lower case.
    pub fn lower(&self, word: Word) -> &str {
        &self.lower[word.index]
    }

    /// The word's gazetteer key.
    pub fn key(&self, word: Word) -> &str {
        &self.keys[word.index]
    }

    /// What the gazetteer knows of the word's key, asked the first time.
    fn headword(&mut self, word: Word) -> &(Headword<'g>, Strength) {
        let (keys, gazetteer) = (&self.keys, self.gazetteer);
        self.headwords[word.index].get_or_insert_with(|| {
            let headword = gazetteer.headword(&keys[word.index]);
            // An abbreviation ("La.") names its region only where it qualifies a place.
            let strongest = headword
                .candidates
                .iter()
                .filter(|c| !c.abbreviation)
                .map(strength)
                .max()
                .unwrap_or(Strength::Nothing);
            (headword, strongest)
        })
    }

    /// What the gazetteer says of the word's key.
    pub fn gazetted(&mut self, word: Word) -> Gazetted {
        let (headword, strength) = self.headword(word);
        Gazetted {
            strength: *strength,
            common: headword.common,
        }
    }

    /// Where the names that begin with the word go on from, if any do.
    pub fn name_start(&mut self, word: Word) -> Option<&NameStart> {
        self.headword(word).0.start.as_ref()
    }

    /// The name filed under `key` (normalised), looked up the first time: its index in
    /// [`Words::names`], `None` when the gazetteer has no entry of that name.
    pub fn name(&mut self, key: &str) -> Option<usize> {
        match self.filed.get(key) {
            Some(&n) => (!self.names[n].candidates.is_empty()).then_some(n),
            None => {
                let headword = self.gazetteer.headword(key);
                self.file_key(key.to_string(), headword.candidates, headword.common)
            }
        }
    }

    /// The name a word makes on its own, as [`Words::name`], worked out once for each word
    /// (its key copied, and the gazetteer asked, only the first time).
    pub fn name_of(&mut self, word: Word) -> Option<usize> {
        if let Some(name) = self.own_names[word.index] {
            return name;
        }
        let name = match self.filed.get(&self.keys[word.index]) {
            Some(&n) => (!self.names[n].candidates.is_empty()).then_some(n),
            None => {
                let key = self.keys[word.index].clone();
                let (headword, _) = self.headword(word);
                let (candidates, common) = (headword.candidates.clone(), headword.common);
                self.file_key(key, candidates, common)
            }
        };
        self.own_names[word.index] = Some(name);
        name
    }

    /// Files the name `key` with its entries: its index, `None` when the gazetteer has no entry
    /// of that name (it is filed all the same, not to be asked again).
    fn file_key(
        &mut self,
        key: String,
        candidates: Vec<Candidate<'g>>,
        common: bool,
    ) -> Option<usize> {
        let found = !candidates.is_empty();
        let name = Name::new(key.clone(), candidates, common, false);
        let n = self.file(key, name);
        found.then_some(n)
    }

    /// Files `name` under `filing` (its key, or its key marked as a variant), unless a name is
    /// filed there already: its index.
    pub fn file(&mut self, filing: String, name: Name<'g>) -> usize {
        if let Some(&n) = self.filed.get(&filing) {
            return n;
        }
        self.names.push(name);
        self.filed.insert(filing, self.names.len() - 1);
        self.names.len() - 1
    }

    /// The index of a name filed under `filing`, if any.
    pub fn filed(&self, filing: &str) -> Option<usize> {
        self.filed.get(filing).copied()
    }
}

/// The classes of a lower-case word ([`Word::TITLE`]…), from one table of every class's words.
fn word_classes(lower: &str) -> u32 {
    static TABLE: std::sync::OnceLock<FxHashMap<&'static str, u32>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let lists: [(&[&str], u32); 25] = [
            (TITLES, Word::TITLE),
            (SPEECH, Word::SPEECH),
            (DIRECTIONS, Word::DIRECTION),
            (CALENDAR, Word::CALENDAR),
            (ORGANISATION_HEADS, Word::ORGANISATION_HEAD),
            (PUBLIC_BODIES, Word::PUBLIC_BODY),
            (AREA_WORDS, Word::AREA),
            (SETTLEMENT_WORDS, Word::SETTLEMENT),
            (LOCATIVES, Word::LOCATIVE),
            (COMMON_CAPITALISED, Word::COMMON_CAPITALISED),
            (ARMED, Word::ARMED),
            (FRONTS, Word::FRONT),
            (FACILITIES, Word::FACILITY),
            (VESSELS, Word::VESSEL),
            (MILITARY_UNITS, Word::MILITARY_UNIT),
            (ARMED_GROUP_MEMBERS, Word::ARMED_GROUP_MEMBER),
            (PROXIMITY, Word::PROXIMITY),
            (BEARINGS, Word::BEARING),
            (AREA_OFFICES, Word::AREA_OFFICE),
            (TOWN_OFFICES, Word::TOWN_OFFICE),
            (REPRESENTATIVES, Word::REPRESENTATIVE),
            (MEETING, Word::MEETING),
            (REGIONAL_GOVERNMENTS, Word::AREAS_END),
            (DISTRICTS, Word::AREAS_END),
            (EVENTS, Word::EVENT),
        ];
        let mut table: FxHashMap<&'static str, u32> = FxHashMap::default();
        for (list, class) in lists {
            for word in list {
                *table.entry(*word).or_default() |= class;
            }
        }
        for (plural, _) in PLURAL_AREA_WORDS {
            *table.entry(*plural).or_default() |= Word::AREAS_END;
        }
        table
    });
    table.get(lower).copied().unwrap_or(0)
}
