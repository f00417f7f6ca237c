//! The recognition rules: whether a candidate spot names a place.

use super::*;

impl<'t> Sentence<'_, 't, '_> {
    /// Whether the spot of tokens `first..=last`, matching `name`, names a place, on the
    /// evidence around it (see the module docs).
    pub(super) fn is_place(
        &mut self,
        first: usize,
        last: usize,
        name: usize,
        listed_locative: bool,
    ) -> bool {
        let single = first == last;
        let token_case = self.words[first].case;
        let word = self.word(first);
        let n = &self.vocabulary.names()[name];
        let (name_common, best, best_main) = (n.common, n.strongest, n.strongest_main);
        let all_minor_places = n.minor_places_only;
        let prev = self.prev(first, true);
        let prev_is = |class| prev.is_some_and(|w: Word| w.is(class));

        if single && word.is(Word::CALENDAR | Word::DIRECTION | Word::TITLE) {
            return false;
        }
        // A ship's name after its kind: "the cruiser Moskva", "the tanker Kerch" (not across
        // a full stop: "…hit a ship. Odesa's governor said").
        if prev_is(Word::VESSEL) && self.prev(first, false).is_some() {
            return false;
        }
        // A name quoted after a unit's word is the unit's: "группировки войск «Восток»",
        // "бригада «Азов»".
        let quoted = self.text[self.words[last].span.end..].starts_with('»')
            && first > 0
            && self.gap_after(first - 1).ends_with('«');
        if quoted && (first.saturating_sub(2)..first).any(|k| self.word(k).is(Word::MILITARY_UNIT))
        {
            return false;
        }
        // A name of one or two letters ("Al", "Ål", "Ås") is a minor place only after a
        // locative: elsewhere it is an article or a given name ("Al-Qaeda", "Al Gore").
        if single && word.chars <= 2 && best_main < 2 && !prev_is(Word::LOCATIVE) {
            return false;
        }
        // A name the text has shown to be a person's, unless a locative puts a notable place
        // here ("Kazakhstan Arystan Kakikenov…", then "stay in Kazakhstan"); short of a
        // country or great city, only a locative of place, not one a person also takes
        // ("offered the job to Bolton").
        if self.persons.contains(&self.vocabulary.names()[name].key) {
            let of_place =
                prev.is_some_and(|w| self.vocabulary.lower(w) == "in") || prev_is(Word::PROXIMITY);
            if !((best >= 3 && prev_is(Word::LOCATIVE)) || (best >= 2 && of_place)) {
                return false;
            }
        }
        // A person's name with an age: the whole name, or its given name before a surname.
        if !prev_is(Word::LOCATIVE) {
            let surname = self
                .next_token(last)
                .filter(|&k| self.capitalised(k) && spaces_only(self.gap_after(last)));
            if self.aged(last) || surname.is_some_and(|k| self.aged(k)) {
                if let Some(k) = surname {
                    let word = self.word(k);
                    let key = self.vocabulary.key(word).to_string();
                    self.persons.insert(key);
                }
                self.remember_person(name);
                return false;
            }
        }
        // A notable place in a dateline, whatever follows it.
        if best >= 2 && self.dateline(first, last) {
            return true;
        }
        // "President Macron", "Mr. Kirby", "Gen. Kellogg", "his brother Alex"; and in
        // apposition, "Rozen's wife, Julia".
        let apposed_to_title = best < 3
            && first.checked_sub(1).is_some_and(|k| {
                self.words[k].case == Case::Lower
                    && self.gap_after(k) == ", "
                    && self.word(k).is(Word::TITLE)
            });
        if prev_is(Word::TITLE) || apposed_to_title {
            self.remember_person(name);
            return false;
        }
        // The one met, hosted or thanked is a person, short of a notable place: "Shoigu met
        // Kim in Pyongyang", "met with Kim" (but "met Macron in Paris", "hosted Ukraine").
        let met = prev_is(Word::MEETING)
            || (prev.is_some_and(|w| self.vocabulary.lower(w) == "with")
                && self
                    .prev(first - 1, false)
                    .is_some_and(|w| w.is(Word::MEETING)));
        if met && best < 3 && single && !self.words[last].possessive {
            self.remember_person(name);
            return false;
        }
        // Acronyms: "US", "UK" name countries; "NATO", "EU", "AP" only small places.
        if single && token_case == Case::Upper && !self.headline && word.chars <= 5 && best_main < 2
        {
            return false;
        }
        let next = self.next_token(last);
        // Part of an organisation's or building's name ("Washington Post", "Black Sea Fleet"),
        // unless the organisation is the place's public body ("London Police").
        let organisation = next.is_some_and(|k| {
            let head = self.word(k);
            (self.capitalised(k) && head.is(Word::ORGANISATION_HEAD) && !head.is(Word::PUBLIC_BODY))
                || (best < 3 && head.is(Word::MILITARY_UNIT))
                || (best < 2 && head.is(Word::ARMED_GROUP_MEMBER))
        });
        // A name that ends in a capitalised word for an area ("Orange County", "Sumy Oblast")
        // is a place's whole name, no part of a person's, unless an organisation's name goes
        // on ("Orange County Register").
        // (But a direction and an area word alone are a generic name, "the Southern District
        // of Ohio", "Seoul Central District Court", a place only after a locative.)
        if !single && self.capitalised(last) && self.word(last).is(Word::AREA) {
            let generic = (first..last).all(|k| self.word(k).is(Word::DIRECTION));
            return !organisation && (!generic || prev_is(Word::LOCATIVE));
        }
        // A verb of speech next to it: a speaker, unless a capital or country speaks for its
        // government ("Moscow said"). After the verb, only where the clause ends or goes on
        // with a preposition ("…, said Jackson on Monday"); a verb or a possessive that follows
        // makes it the subject of what was said ("Fodge said Missouri had much to offer",
        // "economists say Hawaii's growth lags").
        let reported_subject = self.words[last].possessive
            || next.is_some_and(|k| {
                self.words[k].case == Case::Lower && !self.word(k).is(Word::LOCATIVE)
            });
        let speaks = next.is_some_and(|k| self.word(k).is(Word::SPEECH))
            || (prev_is(Word::SPEECH) && !reported_subject);
        // "Barry, who…": a person; a place would take "which" or "where" (after a locative,
        // "who" speaks of someone named before: "a driver on the Sunshine Coast, who…").
        let after = &self.text[self.words[last].span.end..];
        if best < 3 && after.starts_with(", who ") && !self.after_locative(first) {
            self.remember_person(name);
            return false;
        }
        // What a comma puts beside it: its kind, a ship's ("The Moskva, the flagship of the
        // fleet", "the Kerch, a frigate"); where a firm or a body is based ("Samsung, based in
        // Suwon").
        if let Some(beside) = after.strip_prefix(", ") {
            let article = ["the ", "a ", "an "].iter().any(|p| beside.starts_with(p));
            if article
                && (last + 2..(last + 4).min(self.words.len()))
                    .any(|j| self.word(j).is(Word::VESSEL))
            {
                return false;
            }
            let based = ["based in ", "headquartered in ", "whose headquarters "]
                .iter()
                .any(|p| beside.starts_with(p));
            if best < 3 && based {
                return false;
            }
        }
        // ("Barry, who was from Dewsbury said": a locative puts the place before the verb, and
        // "of" what something is of, "the mayor of Raleigh said"; a notable name of two words
        // or more is a government's, "Tamil Nadu said", a minor one a firm's, "Rio Tinto
        // said".)
        let after_of = prev.is_some_and(|w| self.vocabulary.lower(w) == "of");
        // (Nor a place listed after a locative: "workers in Lansing and Flint said".)
        if speaks
            && best < 3
            && (single || best < 2)
            && !self.after_locative(first)
            && !after_of
            && !listed_locative
        {
            self.remember_person(name);
            return false;
        }
        // A saint's possessive before an organisation's or building's head is the saint it is
        // named for: "St. Paul's Hospital", "St Peter's Basilica" (but "Oregon's Guard").
        let saint = !single && matches!(self.vocabulary.lower(word), "st" | "saint");
        let named_for = saint
            && self.words[last].possessive
            && last + 1 < self.words.len()
            && self.capitalised(last + 1)
            && self.word(last + 1).is(Word::ORGANISATION_HEAD)
            && !self.word(last + 1).is(Word::PUBLIC_BODY);
        if organisation || named_for {
            return false;
        }
        // A firm's or a band's: "Johnson & Johnson", "St. Paul & the Broken Bones" (but not a
        // list of places, "Kharkiv & Izium").
        if best < 3
            && (self.ampersand_with(last, last + 1)
                || first
                    .checked_sub(1)
                    .is_some_and(|k| self.ampersand_with(first, k)))
        {
            return false;
        }
        // "the White House", "the Pentagon": a building, unless a notable place is named or
        // a word for an area follows ("the Riverdale area", "the Crown Heights neighborhood"),
        // or one for a stretch of a front, a facility or a public body named after the place
        // ("the Pokrovsk direction", "the Saky airfield", "the Cairns police", "Savannah's
        // port").
        // (After the possessive, the word it owns: "Savannah's port".)
        let owned =
            (self.words[last].possessive && last + 1 < self.words.len()).then_some(last + 1);
        let says_place = next.or(owned).is_some_and(|k| {
            let word = self.word(k);
            word.is(Word::AREA | Word::SETTLEMENT | Word::FRONT | Word::FACILITY)
                || (word.is(Word::PUBLIC_BODY) && self.words[k].case == Case::Lower)
        });
        // (So does such a word ending the list the name begins: "the Bilopillia, Krasnopillia
        // and Velyka Pysarivka hromadas"; and a word for an event there, "the Bucha
        // massacre", "the Runcorn and Helsby by-election".)
        if prev.is_some_and(|w| self.vocabulary.lower(w) == "the")
            && all_minor_places
            && best_main < 2
            && !says_place
            && self.list_end(last).is_none()
            && !self.event_follows(last)
        {
            return false;
        }
        // A given name, even a country's, where the name and a surname stand in apposition to
        // a title: "Chad Smith, a spokesman for the UN".
        if let Some(k) = next.filter(|&k| single && self.capitalised(k))
            && self.titled_after(k)
        {
            let surname = self.word(k);
            let key = self.vocabulary.key(surname).to_string();
            self.persons.insert(key);
            return false;
        }
        // First name: a capitalised word that is not a place follows ("Vladimir Putin",
        // "Donald Trump"). After a minor place any capitalised word counts; after a notable
        // one, only a word that is no ordinary word ("Kyiv Mayor" is a place and a title). An
        // acronym is no surname ("Nenagh MDC", a council).
        // (In Ukrainian and Russian a region or country declined after a place is where it
        // lies, no surname: "Шевченко Донецкой Народной Республики".)
        let region_after = |reading: &mut Self, k: usize| {
            word.cyrillic
                && reading.longest_match(k).is_some_and(|(_, n, _)| {
                    reading.vocabulary.names()[n].names_region_or_country()
                })
        };
        // (A title after a minor place is the place's office, no surname: "Kherson Governor
        // Oleksandr Prokudin". An ordinary word that speaks is a surname, even after a notable
        // place: "Jordan Smith said"; not after "the", "the Arizona Republican asked".)
        if let Some(k) = next.filter(|_| single) {
            let next_word = self.word(k);
            let the = prev.is_some_and(|w| self.vocabulary.lower(w) == "the");
            let surname_speaks = |this: &mut Self| {
                !the && this.words[k].case == Case::Title
                    && !next_word.is(Word::TITLE | Word::ORGANISATION_HEAD | Word::AREA)
                    && this
                        .next_token(k)
                        .is_some_and(|j| this.word(j).is(Word::SPEECH))
            };
            if self.capitalised(k)
                && !next_word.is(Word::PLACE_WORD)
                && !self.is_acronym(k, 2)
                && (self.is_name_word(k, first)
                    || (!self.headline && best < 2 && !next_word.is(Word::TITLE))
                    || surname_speaks(self))
                && (best < 2 || self.vocabulary.gazetted(next_word).strength < 2)
                && !region_after(self, k)
            {
                // (Unless the words lead to an institution's name: part of that name, and
                // no person's.)
                if self.leads_to_institution(k) {
                    return false;
                }
                // (The word after is a surname, unless it names a notable place: "Air
                // Zimbabwe" is an airline, and Zimbabwe no person.)
                if self.vocabulary.gazetted(next_word).strength < 3 {
                    let next_key = self.vocabulary.key(next_word).to_string();
                    self.persons.insert(next_key);
                }
                // After "of", a notable place is what a person's office is of ("President
                // of Ukraine Petro Poroshenko"), and the name that follows is the person's;
                // so is one declined in Ukrainian or Russian, whose case says "of"
                // ("президентом Франції Еммануелем Макроном").
                let genitive = word.cyrillic && self.vocabulary.names()[name].inflected;
                if !((after_of || genitive) && best >= 2) {
                    self.remember_person(name);
                    return false;
                }
            }
        }
        // Surname: a capitalised word that is not a place comes before ("Lloyd Austin"). A
        // country, capital or city of millions is not taken for a surname after an ordinary
        // capitalised word ("By Trend Iran's"), nor remembered as a person's name.
        // (A particle between them marks a person's name even where capitals tell little,
        // as in a list of names: "(Mike de Kock)".)
        // (In Ukrainian and Russian a region or country declined after a place is where the
        // place lies: "в Покровске Донецкой области".)
        let declined_area =
            word.cyrillic && self.vocabulary.names()[name].names_region_or_country();
        if let Some((k, particle)) = self.name_before(first, best).filter(|_| !declined_area)
            && ((particle && self.capitalised(k) && !self.is_function_word(k))
                || self.is_name_word(k, first))
            && !self.is_acronym(k, 3)
        {
            let prev_word = self.word(k);
            // (A word the text has shown to be a person's is a given name, whatever place it
            // also names: "Gov. Mary Fallin".)
            let given = self.persons.contains(self.vocabulary.key(prev_word));
            let prev_word = self.vocabulary.gazetted(prev_word);
            if (best < 3 || !prev_word.common) && (prev_word.strength < 2 || given) {
                if best < 3 {
                    self.remember_person(name);
                }
                return false;
            }
        }
        // After a given name and a middle initial: "Gino D. Bassett", "Harry S. Truman".
        if self.after_middle_initial(first) {
            if best < 3 {
                self.remember_person(name);
            }
            return false;
        }
        // Ordinary English words: "Nice", "Reading", "Bank", "Mobile", "Turkey".
        // (A name of ordinary words only, such as "White House" or "Far North", counts too.)
        let common = if single {
            name_common
        } else {
            (first..=last).all(|k| {
                let word = self.word(k);
                self.vocabulary.gazetted(word).common
            })
        };
        if common {
            if self.headline || first == 0 || token_case == Case::Upper {
                return best_main >= if single { 3 } else { 2 };
            }
            // (A sentence's first word is capitalised whatever it is: "In Japan, shares fell".)
            // (Nor is a function word: "Both China and Brazil".)
            let capitalised_neighbour =
                self.prev_token(first).is_some_and(|k| {
                    self.capitalised(k)
                        && (k > 0 || self.is_name_word(k, first))
                        && !self.is_function_word(k)
                }) || self.next_token(last).is_some_and(|k| self.capitalised(k));
            if capitalised_neighbour {
                return false;
            }
            // (A word for an area, a front, a facility or a public body after it says "place" as
            // a locative does: "the Crown Heights neighborhood", "the Saky airfield", "the
            // Cairns police".)
            // (So does one for a settlement before "of": "the port of Savannah".)
            let of_settlement = self.of_word(first, prev, |w, _| w.is(Word::SETTLEMENT));
            let locative = prev_is(Word::LOCATIVE)
                || of_settlement
                || listed_locative
                || self.after_bearing(first)
                || says_place
                || self.region_follows(last, name);
            return best_main >= if single { 3 } else { 2 } || (locative && best_main >= 1);
        }
        true
    }
}
