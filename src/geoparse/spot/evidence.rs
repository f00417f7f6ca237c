//! What the words around a spot say: the small tests the recognition rules are made of (a
//! locative before it, an age after it, an institution's head, a dateline).

use super::*;

impl<'t> Sentence<'_, 't, '_> {
    /// Remembers `name` as a person's for the rest of the text.
    pub(super) fn remember_person(&mut self, name: usize) {
        self.persons
            .insert(self.vocabulary.names()[name].key.clone());
    }

    /// Whether a capitalised neighbour, token `k`, is an ordinary word or a title rather than
    /// part of a name (the first word of a sentence is capitalised whatever it is). `first` is
    /// the spot's first token.
    pub(super) fn is_name_word(&mut self, k: usize, first: usize) -> bool {
        if !self.capitalised(k) {
            return false;
        }
        let word = self.word(k);
        // No word list for Cyrillic: a sentence's capitalised first word tells nothing there.
        if k == 0 && word.cyrillic {
            return false;
        }
        // A function word is none, even capitalised in a title run into the text ("season The
        // Atlantic hurricane season").
        if self.is_function_word(k) {
            return false;
        }
        // A capital inside a sentence, just before the place, marks a name even when the word
        // is also an ordinary one ("John Kelly", "Bill Burns").
        let inside_before =
            k > 0 && k < first && !self.headline && self.words[k].case == Case::Title;
        let ordinary = !inside_before
            && (word.is(Word::COMMON_CAPITALISED) || self.vocabulary.gazetted(word).common);
        !(word.is(Word::DIRECTION
            | Word::TITLE
            | Word::CALENDAR
            | Word::SPEECH
            | Word::AREA
            | Word::SETTLEMENT
            | Word::ORGANISATION_HEAD)
            || ordinary
            || word.chars <= 1
            || self.text[self.words[k].span.clone()]
                .bytes()
                .any(|b| b.is_ascii_digit()))
    }

    /// Whether token `k` is a function word: a preposition, an article, a conjunction.
    pub(super) fn is_function_word(&mut self, k: usize) -> bool {
        let word = self.word(k);
        let lower = self.vocabulary.lower(word);
        word.is(Word::LOCATIVE)
            || is_conjunction(lower)
            || matches!(
                lower,
                "the" | "a" | "an" | "of" | "for" | "but" | "both" | "either" | "neither"
            )
    }

    /// Whether an ampersand joins the place's edge token `near` to token `far`, and `far` is
    /// no notable place: a firm's or a band's name ("Johnson & Johnson"), not a list of places
    /// ("Kharkiv & Izium").
    pub(super) fn ampersand_with(&mut self, near: usize, far: usize) -> bool {
        let (a, b) = (near.min(far), near.max(far));
        if b >= self.words.len() {
            return false;
        }
        if self.gap_after(a) != " & " {
            return false;
        }
        let word = self.word(far);
        !(self.capitalised(far) && self.vocabulary.gazetted(word).strength >= Strength::Notable)
    }

    /// Whether the capitalised words from token `k` on lead to the head of an organisation's
    /// or an area's name ("Nenagh Municipal District", "Hawaii Pacific Health Centre").
    pub(super) fn leads_to_institution(&mut self, k: usize) -> bool {
        let mut k = k;
        for _ in 0..3 {
            if !self.capitalised(k) {
                return false;
            }
            if self
                .word(k)
                .is(Word::ORGANISATION_HEAD | Word::AREA | Word::SETTLEMENT)
            {
                return true;
            }
            match self.next_token(k) {
                Some(next) => k = next,
                None => return false,
            }
        }
        false
    }

    /// Whether token `k` is an acronym of at least `letters` capitals in a sentence that is
    /// not all capitals: no given name or surname, but a broadcaster ("CBC Toronto") or a
    /// body ("Nenagh MDC"). (Given names can be two capitals: "JD Vance".)
    pub(super) fn is_acronym(&self, k: usize, letters: usize) -> bool {
        let word = &self.text[self.words[k].span.clone()];
        !self.headline
            && self.words[k].case == Case::Upper
            && word.chars().filter(|c| c.is_uppercase()).count() >= letters
    }

    /// Whether a locative comes before token `first`, with or without "the" ("on the
    /// Sunshine Coast").
    /// Whether tokens `first..=last` are a dateline's place: in capitals at the start of a
    /// line of ordinary text ("KYIV, Ukraine (AP) —", "(NEW YORK) —", "WASHINGTON Barack
    /// Obama…"), or after another's slash ("LONDON/WASHINGTON, Nov 25 (Reuters) -").
    /// Datelines name towns.
    pub(super) fn dateline(&self, first: usize, last: usize) -> bool {
        self.words[first].case == Case::Upper
            && !self.headline
            && (first == 0 || self.gap_after(first - 1) == "/")
            && self.words[..=last].iter().all(|t| t.case == Case::Upper)
    }

    /// Whether a bearing and "of" come right before token `first`: "south of Cairns".
    pub(super) fn after_bearing(&mut self, first: usize) -> bool {
        let Some(of) = self.prev(first, false) else {
            return false;
        };
        if self.vocabulary.lower(of) != "of" || first < 2 || !spaces_only(self.gap_after(first - 2))
        {
            return false;
        }
        self.word(first - 2).is(Word::BEARING)
    }

    /// Whether a comma or "in" and the name of a first-level region or a country that holds a
    /// place of the name `name` follow token `last`, as they follow a town's name: "Oxford,
    /// North Carolina", "Mobile, Alabama", "Saky in Crimea" (but not "the Gulf, Qatar").
    pub(super) fn region_follows(&mut self, last: usize, name: usize) -> bool {
        let mut next = last + 1;
        if next >= self.words.len() {
            return false;
        }
        match self.gap_after(last) {
            ", " => {}
            " " if {
                let word = self.word(next);
                self.vocabulary.lower(word) == "in"
            } =>
            {
                next += 1;
                if next >= self.words.len() || self.gap_after(next - 1) != " " {
                    return false;
                }
            }
            _ => return false,
        }
        if !self.capitalised(next) {
            return false;
        }
        let Some((_, region, _)) = self.longest_match(next) else {
            return false;
        };
        let names = self.vocabulary.names();
        names[region].candidates.iter().any(|r| {
            names[name].candidates.iter().any(|c| match r.entry.kind() {
                Kind::Country => c.entry.country() == r.entry.country(),
                Kind::Admin1 => c.entry.admin1().is_some_and(|a| a.id() == r.entry.id()),
                _ => false,
            })
        })
    }

    /// Whether token `k` may be a surname in apposition to a title: a comma and a title follow
    /// it within the next three words ("Smith, a spokesman", "Smith, the agency's director"),
    /// and it is no word of time, title or place ("Kyiv Thursday, a spokesman said").
    pub(super) fn titled_after(&mut self, k: usize) -> bool {
        let word = self.word(k);
        k + 1 < self.words.len()
            && self.gap_after(k) == ", "
            && !word.is(Word::CALENDAR
                | Word::TITLE
                | Word::DIRECTION
                | Word::PLACE_WORD
                | Word::ORGANISATION_HEAD)
            && self.vocabulary.gazetted(word).strength < Strength::Notable
            && (k + 1..(k + 4).min(self.words.len())).any(|j| self.word(j).is(Word::TITLE))
    }

    /// Whether a locative comes before token `first`, right before it or across "the" and
    /// words in lower case that describe the place ("in the Sunshine Coast", "in occupied
    /// Melitopol", "in Russian-occupied Melitopol").
    pub(super) fn after_locative(&mut self, first: usize) -> bool {
        let mut k = first;
        for _ in 0..3 {
            let Some(j) = self.prev_token(k) else {
                return false;
            };
            let word = self.word(j);
            if word.is(Word::LOCATIVE) {
                return true;
            }
            let describes = self.vocabulary.lower(word) == "the"
                || (self.words[j].case == Case::Lower && !self.is_function_word(j));
            if !describes {
                return false;
            }
            // (A compound describes as one word: "Russian-occupied".)
            k = j;
            while self.hyphened(k) {
                k -= 1;
            }
        }
        false
    }

    /// The token before token `first` that may begin a person's name with it, and whether a
    /// particle joins them: the one right before, with only spaces between; or, for a place
    /// short of notable, with a hyphen between ("Phillips-Spencer") or a lower-case particle
    /// ("Mike de Kock", "Lula da Silva").
    pub(super) fn name_before(&mut self, first: usize, best: Strength) -> Option<(usize, bool)> {
        let k = first.checked_sub(1)?;
        if let Some(k) = self.prev_token(first) {
            if best < Strength::Major && self.words[k].case == Case::Lower {
                let particle = self.word(k);
                if is_particle(self.vocabulary.lower(particle)) {
                    return self.prev_token(k).map(|given| (given, true));
                }
            }
            return Some((k, false));
        }
        (best < Strength::Major && self.gap_after(k) == "-" && !self.words[k].possessive)
            .then_some((k, false))
    }

    /// Whether token `k` ends a name given with an age, as news gives people's: "Barry
    /// Smith, 80, and Beryl", "Ariel Leal, 22;", "Paul Block Jr., 49,".
    pub(super) fn aged(&self, k: usize) -> bool {
        let rest = &self.text[self.words[k].span.end..];
        // (After a generation's suffix: "Paul Block Jr., 49,".)
        let rest = [" Jr.", " Sr.", " Jr", " Sr", " III", " II"]
            .iter()
            .find_map(|suffix| rest.strip_prefix(suffix))
            .unwrap_or(rest);
        let Some(rest) = rest.strip_prefix(", ") else {
            return false;
        };
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        (1..=3).contains(&digits) && matches!(rest.as_bytes().get(digits), Some(b',' | b';' | b')'))
    }

    /// Whether token `first` follows a capitalised word and a middle initial ("Gino D.").
    pub(super) fn after_middle_initial(&self, first: usize) -> bool {
        let (text, words) = (self.text, self.words);
        let (Some(initial), Some(given)) = (first.checked_sub(1), first.checked_sub(2)) else {
            return false;
        };
        let letter = &text[words[initial].span.clone()];
        letter.len() == 1
            && letter.bytes().all(|b| b.is_ascii_uppercase())
            && self.gap_after(initial) == ". "
            && spaces_only(self.gap_after(given))
            && self.words[given].case == Case::Title
    }
}
