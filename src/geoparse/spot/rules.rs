//! The recognition rules: whether a candidate spot (a run of words the gazetteer knows) names
//! a place, on the evidence around it.
//!
//! Each rule is a variant of [`Recognition`], tried in [`Recognition::ORDER`]; the first that
//! gives a verdict decides, and a spot no rule speaks against is a place. A rule only reads
//! the sentence: it returns its [`Verdict`] ("a place", "no place", "a person's name, remember
//! it"), and [`Sentence::is_place`] records what the verdict implies, so that no rule changes
//! what a later one sees but through that record. The rules are an enum dispatched in one
//! place rather than a table of function pointers, so that the compiler sees every rule at
//! the one call and the cheap ones cost no call at all; their names and docs are what
//! `--explain` prints and `docs/rules.md` lists.

use super::*;
use std::cell::Cell;

/// What a rule says of a candidate spot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// It names a place.
    Place,
    /// It names no place.
    NotPlace,
    /// It is (part of) a person's name: no place, and the name (`name`) and the word at
    /// token `surname` are remembered as a person's for the rest of the text.
    Person { name: bool, surname: Option<usize> },
    /// No verdict, but the word at the token is a person's name: remembered, and the rules
    /// go on.
    Surname(usize),
}

/// A rule of recognition (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Recognition {
    CyrillicFirstWord,
    DeclinedName,
    CapitalisedWord,
    ArmedDemonym,
    LoneAbbreviation,
    CalendarWord,
    ShipAfterKind,
    QuotedUnit,
    ShortName,
    KnownPerson,
    PersonWithAge,
    Dateline,
    AfterTitle,
    OneMet,
    Acronym,
    AreaWordEndsName,
    WhoFollows,
    KindBeside,
    Speaker,
    OrganisationOrSaint,
    Ampersand,
    Building,
    GivenNameBeforeTitle,
    GivenName,
    Surname,
    MiddleInitial,
    OrdinaryWord,
}

impl Recognition {
    /// The rules that read a run of words before the rules of [`Recognition::ORDER`]
    /// ([`Sentence::word_rule`], [`Sentence::demonym_or_abbreviation`]).
    pub const WORDS: [Recognition; 5] = [
        Recognition::CyrillicFirstWord,
        Recognition::DeclinedName,
        Recognition::CapitalisedWord,
        Recognition::ArmedDemonym,
        Recognition::LoneAbbreviation,
    ];

    /// The rules, in the order they are tried.
    pub const ORDER: [Recognition; 22] = [
        Recognition::CalendarWord,
        Recognition::ShipAfterKind,
        Recognition::QuotedUnit,
        Recognition::ShortName,
        Recognition::KnownPerson,
        Recognition::PersonWithAge,
        Recognition::Dateline,
        Recognition::AfterTitle,
        Recognition::OneMet,
        Recognition::Acronym,
        Recognition::AreaWordEndsName,
        Recognition::WhoFollows,
        Recognition::KindBeside,
        Recognition::Speaker,
        Recognition::OrganisationOrSaint,
        Recognition::Ampersand,
        Recognition::Building,
        Recognition::GivenNameBeforeTitle,
        Recognition::GivenName,
        Recognition::Surname,
        Recognition::MiddleInitial,
        Recognition::OrdinaryWord,
    ];

    /// The rule's name, as `--explain` prints it.
    pub fn name(self) -> &'static str {
        use Recognition::*;
        match self {
            CyrillicFirstWord => "cyrillic-first-word",
            DeclinedName => "declined-name",
            CapitalisedWord => "capitalised-word",
            ArmedDemonym => "armed-demonym",
            LoneAbbreviation => "lone-abbreviation",
            CalendarWord => "calendar-word",
            ShipAfterKind => "ship-after-kind",
            QuotedUnit => "quoted-unit",
            ShortName => "short-name",
            KnownPerson => "known-person",
            PersonWithAge => "person-with-age",
            Dateline => "dateline",
            AfterTitle => "after-title",
            OneMet => "one-met",
            Acronym => "acronym",
            AreaWordEndsName => "area-word-ends-name",
            WhoFollows => "who-follows",
            KindBeside => "kind-beside",
            Speaker => "speaker",
            OrganisationOrSaint => "organisation-or-saint",
            Ampersand => "ampersand",
            Building => "building",
            GivenNameBeforeTitle => "given-name-before-title",
            GivenName => "given-name",
            Surname => "surname",
            MiddleInitial => "middle-initial",
            OrdinaryWord => "ordinary-word",
        }
    }

    /// What the rule says, with an example.
    pub fn doc(self) -> &'static str {
        use Recognition::*;
        match self {
            CyrillicFirstWord => {
                "A sentence's first word in Cyrillic that is a name only once a case ending is taken off, or only another place's alias, and then no notable place of a country that writes Cyrillic, is an ordinary word capitalised (\"Мирные жители\", civilians; \"Він\", he, is no alias of Vienna); so is one that spells only a minor place abroad (\"Завод\", no Závod in Slovakia)."
            }
            DeclinedName => {
                "A Cyrillic name found only once a case ending is taken off is a place only when it is a notable one, or goes by its own name in a country that writes Cyrillic, or stands after a locative: \"з Макроном\" (with Macron) is no Makronia, India; \"в Северодонецке\" is Sievierodonetsk."
            }
            CapitalisedWord => {
                "A word capitalised but no name (\"I've\", \"TV\") names nothing on its own."
            }
            ArmedDemonym => {
                "A demonym before forces or troops names a side in arms, no mention of its country: \"Russian forces attacked Pokrovsk\" is no story about Russia. (Other demonyms are read for the countries a text is about, and pinned only with `--demonyms`.)"
            }
            LoneAbbreviation => {
                "A written abbreviation of a state or province (\"Calif.\", \"B.C.\") names it only where it qualifies a place (\"Fresno, Calif.\"); elsewhere its name stands for whatever else it names, if anything."
            }
            CalendarWord => {
                "A month, a day, a direction or a title alone is no place (\"May\", \"North\", \"General\")."
            }
            ShipAfterKind => {
                "A ship's name after its kind is the ship's: \"the cruiser Moskva\", \"the tanker Kerch\" (not across a full stop)."
            }
            QuotedUnit => {
                "A name quoted after a unit's word is the unit's: \"группировки войск «Восток»\", \"бригада «Азов»\"."
            }
            ShortName => {
                "A name of one or two letters (\"Al\", \"Ås\") is a minor place only after a locative: elsewhere it is an article or a given name (\"Al-Qaeda\", \"Al Gore\")."
            }
            KnownPerson => {
                "A name the text has shown to be a person's is one, unless a locative puts a notable place here (\"stay in Kazakhstan\"); short of a country or great city, only a locative of place (not \"offered the job to Bolton\")."
            }
            PersonWithAge => {
                "A name given with an age is a person's, the whole name or its given name before a surname: \"Barry Smith, 80,\", \"Paul Block Jr., 49,\"."
            }
            Dateline => {
                "A notable place in a dateline is a place, whatever follows it: \"KYIV, Ukraine (AP) —\"."
            }
            AfterTitle => {
                "A name after a title is a person's: \"President Macron\", \"Mr. Kirby\", \"his brother Alex\"; so is one in apposition to a title, \"Rozen's wife, Julia\"."
            }
            OneMet => {
                "The one met, hosted or thanked is a person, short of a notable place: \"Shoigu met Kim in Pyongyang\" (but \"hosted Ukraine\")."
            }
            Acronym => {
                "An acronym that only names small places is none: \"NATO\", \"EU\", \"AP\" (\"US\" and \"UK\" name countries)."
            }
            AreaWordEndsName => {
                "A name ending in a capitalised word for an area is a place's whole name (\"Orange County\", \"Sumy Oblast\"), unless an organisation's name goes on (\"Orange County Register\"); a direction and an area word alone are a generic name, a place only after a locative (\"the Southern District of Ohio\")."
            }
            WhoFollows => {
                "A name before \", who\" is a person's (\"Barry, who…\"); a place takes \"which\" or \"where\" (after a locative, \"who\" speaks of someone named before)."
            }
            KindBeside => {
                "What a comma puts beside a name says what it is: a ship's kind (\"The Moskva, the flagship of the fleet\"), where a firm or a body is based (\"Samsung, based in Suwon\")."
            }
            Speaker => {
                "A name next to a verb of speech is a speaker's, unless a capital or country speaks for its government (\"Moscow said\") or a locative or \"of\" puts a place there (\"the mayor of Raleigh said\", \"workers in Lansing and Flint said\"); a notable name of two words is a government's (\"Tamil Nadu said\"), a minor one a firm's (\"Rio Tinto said\")."
            }
            OrganisationOrSaint => {
                "A name before an organisation's or a building's head is part of that name (\"Washington Post\", \"Black Sea Fleet\"), unless the organisation is the place's public body (\"London Police\"); a saint's possessive before one is its dedication (\"St. Paul's Hospital\")."
            }
            Ampersand => {
                "A name joined by an ampersand to a word that is no notable place is a firm's or a band's: \"Johnson & Johnson\" (not \"Kharkiv & Izium\")."
            }
            Building => {
                "\"The\" before a small place's name makes it a building (\"the White House\", \"the Pentagon\"), unless a word for an area, a settlement, a front, a facility, a public body or an event follows the name or its list (\"the Pokrovsk direction\", \"the Bucha massacre\")."
            }
            GivenNameBeforeTitle => {
                "A given name, even a country's, where the name and a surname stand in apposition to a title: \"Chad Smith, a spokesman for the UN\"."
            }
            GivenName => {
                "A name before a capitalised word that is no place is a given name (\"Vladimir Putin\"); after a notable place only before a word that is no ordinary word (\"Kyiv Mayor\" is a place and a title), never before an acronym, a title after a minor place (\"Kherson Governor\"), a region declined after it (\"Шевченко Донецкой области\") or words leading to an institution; after \"of\", a notable place is what an office is of (\"President of Ukraine Petro Poroshenko\")."
            }
            Surname => {
                "A name after a capitalised word that is no place is a surname (\"Lloyd Austin\"), or after a particle (\"Mike de Kock\"); a country, capital or city of millions is none after an ordinary capitalised word (\"By Trend Iran's\")."
            }
            MiddleInitial => {
                "A name after a given name and a middle initial is a surname: \"Gino D. Bassett\", \"Harry S. Truman\"."
            }
            OrdinaryWord => {
                "A name that is an ordinary English word (\"Nice\", \"Reading\", \"Mobile\", \"Turkey\") is a place only when it names a great one, or a notable one after a locative, a bearing, \"the port of\", before a word for an area or facility or its region (\"Mobile, Alabama\"); never beside a capitalised word."
            }
        }
    }

    /// What the rule says of the spot `c` of `sentence`, if anything.
    fn check(self, sentence: &mut Sentence<'_, '_, '_>, c: &Spotted) -> Option<Verdict> {
        use Recognition::*;
        match self {
            // (Read before these rules, by `Sentence::word_rule` and
            // `Sentence::demonym_or_abbreviation`.)
            CyrillicFirstWord | DeclinedName | CapitalisedWord | ArmedDemonym
            | LoneAbbreviation => None,
            CalendarWord => sentence.calendar_word(c),
            ShipAfterKind => sentence.ship_after_kind(c),
            QuotedUnit => sentence.quoted_unit(c),
            ShortName => sentence.short_name(c),
            KnownPerson => sentence.known_person(c),
            PersonWithAge => sentence.person_with_age(c),
            Dateline => (c.best >= Strength::Notable && sentence.dateline(c.first, c.last))
                .then_some(Verdict::Place),
            AfterTitle => sentence.after_title(c),
            OneMet => sentence.one_met(c),
            Acronym => sentence.acronym(c),
            AreaWordEndsName => sentence.area_word_ends_name(c),
            WhoFollows => sentence.who_follows(c),
            KindBeside => sentence.kind_beside(c),
            Speaker => sentence.speaker(c),
            OrganisationOrSaint => sentence.organisation_or_saint(c),
            Ampersand => sentence.ampersand(c),
            Building => sentence.building(c),
            GivenNameBeforeTitle => sentence.given_name_before_title(c),
            GivenName => sentence.given_name(c),
            Surname => sentence.surname(c),
            MiddleInitial => sentence
                .after_middle_initial(c.first)
                .then_some(Verdict::Person {
                    name: c.best < Strength::Major,
                    surname: None,
                }),
            OrdinaryWord => sentence.ordinary_word(c),
        }
    }
}

/// A candidate spot, tokens `first..=last` matching name `name`, with what the rules ask of it
/// again and again.
pub(super) struct Spotted {
    first: usize,
    last: usize,
    name: usize,
    /// Whether it stands in a list after a locative ("near Nabatieh and Tyre").
    listed_locative: bool,
    single: bool,
    token_case: Case,
    word: Word,
    name_common: bool,
    best: Strength,
    best_main: Strength,
    all_minor_places: bool,
    /// The word before it (across the full stop of "Mr."), and the token after it.
    prev: Option<Word>,
    next: Option<usize>,
    /// Whether an organisation's name goes on after it, once asked.
    organisation: Cell<Option<bool>>,
    /// Whether a word after it says "place", once asked.
    says_place: Cell<Option<bool>>,
}

impl Spotted {
    fn prev_is(&self, class: u32) -> bool {
        self.prev.is_some_and(|w| w.is(class))
    }
}

impl<'t> Sentence<'_, 't, '_> {
    /// Whether the spot of tokens `first..=last`, matching `name`, names a place, on the
    /// evidence around it (see the module docs), with the rule that decided, if any.
    pub(super) fn is_place(
        &mut self,
        first: usize,
        last: usize,
        name: usize,
        listed_locative: bool,
    ) -> (bool, Option<Recognition>) {
        let n = &self.vocabulary.names()[name];
        let (name_common, best, best_main) = (n.common, n.strongest, n.strongest_main);
        let all_minor_places = n.minor_places_only;
        let c = Spotted {
            first,
            last,
            name,
            listed_locative,
            single: first == last,
            token_case: self.words[first].case,
            word: self.word(first),
            name_common,
            best,
            best_main,
            all_minor_places,
            prev: self.prev(first, true),
            next: self.next_token(last),
            organisation: Cell::new(None),
            says_place: Cell::new(None),
        };
        for rule in Recognition::ORDER {
            match rule.check(self, &c) {
                None => {}
                Some(Verdict::Surname(k)) => self.remember_word(k),
                Some(Verdict::Place) => return (true, Some(rule)),
                Some(Verdict::NotPlace) => return (false, Some(rule)),
                Some(Verdict::Person {
                    name: whole,
                    surname,
                }) => {
                    if let Some(k) = surname {
                        self.remember_word(k);
                    }
                    if whole {
                        self.remember_person(name);
                    }
                    return (false, Some(rule));
                }
            }
        }
        (true, None)
    }

    /// Remembers the word at token `k` as a person's name for the rest of the text.
    fn remember_word(&mut self, k: usize) {
        let word = self.word(k);
        let key = self.vocabulary.key(word).to_string();
        self.persons.insert(key);
    }

    fn calendar_word(&mut self, c: &Spotted) -> Option<Verdict> {
        (c.single && c.word.is(Word::CALENDAR | Word::DIRECTION | Word::TITLE))
            .then_some(Verdict::NotPlace)
    }

    fn ship_after_kind(&mut self, c: &Spotted) -> Option<Verdict> {
        (c.prev_is(Word::VESSEL) && self.prev(c.first, false).is_some())
            .then_some(Verdict::NotPlace)
    }

    fn quoted_unit(&mut self, c: &Spotted) -> Option<Verdict> {
        let (first, last) = (c.first, c.last);
        let quoted = self.text[self.words[last].span.end..].starts_with('»')
            && first > 0
            && self.gap_after(first - 1).ends_with('«');
        (quoted && (first.saturating_sub(2)..first).any(|k| self.word(k).is(Word::MILITARY_UNIT)))
            .then_some(Verdict::NotPlace)
    }

    fn short_name(&mut self, c: &Spotted) -> Option<Verdict> {
        (c.single
            && c.word.chars <= 2
            && c.best_main < Strength::Notable
            && !c.prev_is(Word::LOCATIVE))
        .then_some(Verdict::NotPlace)
    }

    fn known_person(&mut self, c: &Spotted) -> Option<Verdict> {
        if !self.persons.contains(&self.vocabulary.names()[c.name].key) {
            return None;
        }
        let of_place =
            c.prev.is_some_and(|w| self.vocabulary.lower(w) == "in") || c.prev_is(Word::PROXIMITY);
        let placed = (c.best >= Strength::Major && c.prev_is(Word::LOCATIVE))
            || (c.best >= Strength::Notable && of_place);
        (!placed).then_some(Verdict::NotPlace)
    }

    fn person_with_age(&mut self, c: &Spotted) -> Option<Verdict> {
        if c.prev_is(Word::LOCATIVE) {
            return None;
        }
        let last = c.last;
        let surname = self
            .next_token(last)
            .filter(|&k| self.capitalised(k) && spaces_only(self.gap_after(last)));
        (self.aged(last) || surname.is_some_and(|k| self.aged(k))).then_some(Verdict::Person {
            name: true,
            surname,
        })
    }

    fn after_title(&mut self, c: &Spotted) -> Option<Verdict> {
        let apposed_to_title = c.best < Strength::Major
            && c.first.checked_sub(1).is_some_and(|k| {
                self.words[k].case == Case::Lower
                    && self.gap_after(k) == ", "
                    && self.word(k).is(Word::TITLE)
            });
        (c.prev_is(Word::TITLE) || apposed_to_title).then_some(Verdict::Person {
            name: true,
            surname: None,
        })
    }

    fn one_met(&mut self, c: &Spotted) -> Option<Verdict> {
        let met = c.prev_is(Word::MEETING)
            || (c.prev.is_some_and(|w| self.vocabulary.lower(w) == "with")
                && self
                    .prev(c.first - 1, false)
                    .is_some_and(|w| w.is(Word::MEETING)));
        (met && c.best < Strength::Major && c.single && !self.words[c.last].possessive).then_some(
            Verdict::Person {
                name: true,
                surname: None,
            },
        )
    }

    fn acronym(&mut self, c: &Spotted) -> Option<Verdict> {
        (c.single
            && c.token_case == Case::Upper
            && !self.headline
            && c.word.chars <= 5
            && c.best_main < Strength::Notable)
            .then_some(Verdict::NotPlace)
    }

    /// Whether an organisation's or building's name goes on after the spot ("Washington
    /// Post", "Black Sea Fleet"), unless the organisation is the place's public body ("London
    /// Police").
    fn organisation(&mut self, c: &Spotted) -> bool {
        if let Some(known) = c.organisation.get() {
            return known;
        }
        let organisation = c.next.is_some_and(|k| {
            let head = self.word(k);
            (self.capitalised(k) && head.is(Word::ORGANISATION_HEAD) && !head.is(Word::PUBLIC_BODY))
                || (c.best < Strength::Major && head.is(Word::MILITARY_UNIT))
                || (c.best < Strength::Notable && head.is(Word::ARMED_GROUP_MEMBER))
        });
        c.organisation.set(Some(organisation));
        organisation
    }

    fn area_word_ends_name(&mut self, c: &Spotted) -> Option<Verdict> {
        let organisation = self.organisation(c);
        let (first, last) = (c.first, c.last);
        if c.single || !self.capitalised(last) || !self.word(last).is(Word::AREA) {
            return None;
        }
        let generic = (first..last).all(|k| self.word(k).is(Word::DIRECTION));
        Some(
            if !organisation && (!generic || c.prev_is(Word::LOCATIVE)) {
                Verdict::Place
            } else {
                Verdict::NotPlace
            },
        )
    }

    fn who_follows(&mut self, c: &Spotted) -> Option<Verdict> {
        let after = &self.text[self.words[c.last].span.end..];
        (c.best < Strength::Major && after.starts_with(", who ") && !self.after_locative(c.first))
            .then_some(Verdict::Person {
                name: true,
                surname: None,
            })
    }

    fn kind_beside(&mut self, c: &Spotted) -> Option<Verdict> {
        let last = c.last;
        let beside = self.text[self.words[last].span.end..].strip_prefix(", ")?;
        let article = ["the ", "a ", "an "].iter().any(|p| beside.starts_with(p));
        if article
            && (last + 2..(last + 4).min(self.words.len())).any(|j| self.word(j).is(Word::VESSEL))
        {
            return Some(Verdict::NotPlace);
        }
        let based = ["based in ", "headquartered in ", "whose headquarters "]
            .iter()
            .any(|p| beside.starts_with(p));
        (c.best < Strength::Major && based).then_some(Verdict::NotPlace)
    }

    fn speaker(&mut self, c: &Spotted) -> Option<Verdict> {
        // (After the verb, only where the clause ends or goes on with a preposition: "…, said
        // Jackson on Monday"; a verb or a possessive that follows makes it the subject of
        // what was said, "Fodge said Missouri had much to offer".)
        let reported_subject = self.words[c.last].possessive
            || c.next.is_some_and(|k| {
                self.words[k].case == Case::Lower && !self.word(k).is(Word::LOCATIVE)
            });
        let speaks = c.next.is_some_and(|k| self.word(k).is(Word::SPEECH))
            || (c.prev_is(Word::SPEECH) && !reported_subject);
        let after_of = c.prev.is_some_and(|w| self.vocabulary.lower(w) == "of");
        (speaks
            && c.best < Strength::Major
            && (c.single || c.best < Strength::Notable)
            && !self.after_locative(c.first)
            && !after_of
            && !c.listed_locative)
            .then_some(Verdict::Person {
                name: true,
                surname: None,
            })
    }

    fn organisation_or_saint(&mut self, c: &Spotted) -> Option<Verdict> {
        let last = c.last;
        let saint = !c.single && matches!(self.vocabulary.lower(c.word), "st" | "saint");
        let named_for = saint
            && self.words[last].possessive
            && last + 1 < self.words.len()
            && self.capitalised(last + 1)
            && self.word(last + 1).is(Word::ORGANISATION_HEAD)
            && !self.word(last + 1).is(Word::PUBLIC_BODY);
        (self.organisation(c) || named_for).then_some(Verdict::NotPlace)
    }

    fn ampersand(&mut self, c: &Spotted) -> Option<Verdict> {
        let (first, last) = (c.first, c.last);
        (c.best < Strength::Major
            && (self.ampersand_with(last, last + 1)
                || first
                    .checked_sub(1)
                    .is_some_and(|k| self.ampersand_with(first, k))))
        .then_some(Verdict::NotPlace)
    }

    /// Whether a word after the spot, or after its possessive, says "place": one for an area,
    /// a settlement, a stretch of a front, a facility, or a public body in lower case ("the
    /// Riverdale area", "the Pokrovsk direction", "the Saky airfield", "the Cairns police",
    /// "Savannah's port").
    fn says_place(&mut self, c: &Spotted) -> bool {
        if let Some(known) = c.says_place.get() {
            return known;
        }
        let last = c.last;
        let owned =
            (self.words[last].possessive && last + 1 < self.words.len()).then_some(last + 1);
        let says_place = c.next.or(owned).is_some_and(|k| {
            let word = self.word(k);
            word.is(Word::AREA | Word::SETTLEMENT | Word::FRONT | Word::FACILITY)
                || (word.is(Word::PUBLIC_BODY) && self.words[k].case == Case::Lower)
        });
        c.says_place.set(Some(says_place));
        says_place
    }

    fn building(&mut self, c: &Spotted) -> Option<Verdict> {
        let says_place = self.says_place(c);
        (c.prev.is_some_and(|w| self.vocabulary.lower(w) == "the")
            && c.all_minor_places
            && c.best_main < Strength::Notable
            && !says_place
            && self.list_end(c.last).is_none()
            && !self.event_follows(c.last))
        .then_some(Verdict::NotPlace)
    }

    fn given_name_before_title(&mut self, c: &Spotted) -> Option<Verdict> {
        let k = c.next.filter(|&k| c.single && self.capitalised(k))?;
        self.titled_after(k).then_some(Verdict::Person {
            name: false,
            surname: Some(k),
        })
    }

    /// See [`Recognition::GivenName`]. (In Ukrainian and Russian a region or country declined
    /// after a place is where it lies, no surname; an ordinary word that speaks is a surname,
    /// even after a notable place, "Jordan Smith said", but not after "the", "the Arizona
    /// Republican asked".)
    fn given_name(&mut self, c: &Spotted) -> Option<Verdict> {
        let k = c.next.filter(|_| c.single)?;
        let (word, best) = (c.word, c.best);
        let region_after = |reading: &mut Self, k: usize| {
            word.cyrillic
                && reading.longest_match(k).is_some_and(|(_, n, _)| {
                    reading.vocabulary.names()[n].names_region_or_country()
                })
        };
        let next_word = self.word(k);
        let the = c.prev.is_some_and(|w| self.vocabulary.lower(w) == "the");
        let surname_speaks = |this: &mut Self| {
            !the && this.words[k].case == Case::Title
                && !next_word.is(Word::TITLE | Word::ORGANISATION_HEAD | Word::AREA)
                && this
                    .next_token(k)
                    .is_some_and(|j| this.word(j).is(Word::SPEECH))
        };
        let given = self.capitalised(k)
            && !next_word.is(Word::PLACE_WORD)
            && !self.is_acronym(k, 2)
            && (self.is_name_word(k, c.first)
                || (!self.headline && best < Strength::Notable && !next_word.is(Word::TITLE))
                || surname_speaks(self))
            && (best < Strength::Notable
                || self.vocabulary.gazetted(next_word).strength < Strength::Notable)
            && !region_after(self, k);
        if !given {
            return None;
        }
        // (Unless the words lead to an institution's name: part of that name, and no
        // person's.)
        if self.leads_to_institution(k) {
            return Some(Verdict::NotPlace);
        }
        // (The word after is a surname, unless it names a notable place: "Air Zimbabwe" is an
        // airline, and Zimbabwe no person.)
        let surname = (self.vocabulary.gazetted(next_word).strength < Strength::Major).then_some(k);
        // After "of", a notable place is what a person's office is of, and the name that
        // follows is the person's; so is one declined in Ukrainian or Russian, whose case says
        // "of" ("президентом Франції Еммануелем Макроном").
        let after_of = c.prev.is_some_and(|w| self.vocabulary.lower(w) == "of");
        let genitive = word.cyrillic && self.vocabulary.names()[c.name].inflected;
        if (after_of || genitive) && best >= Strength::Notable {
            return surname.map(Verdict::Surname);
        }
        Some(Verdict::Person {
            name: true,
            surname,
        })
    }

    /// See [`Recognition::Surname`]. (In Ukrainian and Russian a region or country declined
    /// after a place is where the place lies: "в Покровске Донецкой области". A word the text
    /// has shown to be a person's is a given name, whatever place it also names: "Gov. Mary
    /// Fallin".)
    fn surname(&mut self, c: &Spotted) -> Option<Verdict> {
        let (first, best) = (c.first, c.best);
        let declined_area =
            c.word.cyrillic && self.vocabulary.names()[c.name].names_region_or_country();
        if let Some((k, particle)) = self.name_before(first, best).filter(|_| !declined_area)
            && ((particle && self.capitalised(k) && !self.is_function_word(k))
                || self.is_name_word(k, first))
            && !self.is_acronym(k, 3)
        {
            let prev_word = self.word(k);
            let given = self.persons.contains(self.vocabulary.key(prev_word));
            let prev_word = self.vocabulary.gazetted(prev_word);
            if (best < Strength::Major || !prev_word.common)
                && (prev_word.strength < Strength::Notable || given)
            {
                return Some(Verdict::Person {
                    name: best < Strength::Major,
                    surname: None,
                });
            }
        }
        None
    }

    /// See [`Recognition::OrdinaryWord`]. (A name of ordinary words only, such as "White
    /// House" or "Far North", counts too; a sentence's first word is capitalised whatever it
    /// is, "In Japan, shares fell", and so is a function word, "Both China and Brazil".)
    fn ordinary_word(&mut self, c: &Spotted) -> Option<Verdict> {
        let (first, last, single) = (c.first, c.last, c.single);
        let common = if single {
            c.name_common
        } else {
            (first..=last).all(|k| {
                let word = self.word(k);
                self.vocabulary.gazetted(word).common
            })
        };
        if !common {
            return None;
        }
        let needed = if single {
            Strength::Major
        } else {
            Strength::Notable
        };
        let verdict = |place: bool| {
            Some(if place {
                Verdict::Place
            } else {
                Verdict::NotPlace
            })
        };
        if self.headline || first == 0 || c.token_case == Case::Upper {
            return verdict(c.best_main >= needed);
        }
        let capitalised_neighbour =
            self.prev_token(first).is_some_and(|k| {
                self.capitalised(k)
                    && (k > 0 || self.is_name_word(k, first))
                    && !self.is_function_word(k)
            }) || self.next_token(last).is_some_and(|k| self.capitalised(k));
        if capitalised_neighbour {
            return verdict(false);
        }
        // (A word for an area, a front, a facility or a public body after it says "place" as
        // a locative does; so does one for a settlement before "of", "the port of Savannah".)
        let of_settlement = self.of_word(first, c.prev, |w, _| w.is(Word::SETTLEMENT));
        let locative = c.prev_is(Word::LOCATIVE)
            || of_settlement
            || c.listed_locative
            || self.after_bearing(first)
            || self.says_place(c)
            || self.region_follows(last, c.name);
        verdict(c.best_main >= needed || (locative && c.best_main >= Strength::Minor))
    }
}
