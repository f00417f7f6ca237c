//! Recognition: finding the spans of text that name places.
//!
//! Within each sentence, the longest run of one to five tokens whose normalised text is a
//! gazetteer name becomes a candidate *spot* (Cyrillic words are also tried in their
//! nominative forms). A spot is then kept or dropped on the evidence around it:
//!
//! - a capital letter is needed, and counts for less at the start of a sentence, in an
//!   all-capitals or title-case line, and for words that are also ordinary English words;
//! - a title before it ("President", "Mr."), a verb of speech next to it, or a capitalised
//!   word on either side that is not a place makes it part of a person's name; such names are
//!   remembered for the rest of the text;
//! - the head of an organisation's name after it ("Post", "Agency", "Fleet") makes it part
//!   of that name; "the" before a small place's name makes it a building ("the White House");
//! - months, days and short acronyms that only name small places are not places;
//! - a written abbreviation of a state or province ("Calif.", "B.C.") names it only with its
//!   full stop, beside the place it qualifies ("Fresno, Calif.", "Walker County (Ga.)") or,
//!   for initials, on its own.
//!
//! Spots also carry the cues that resolution uses: a locative before ("in", "near"), a
//! generic word after ("region", "city"), and links to the spot that contains them
//! ("X in Y", "X, Y", "X (Y)", "Y's X") or that they lie near ("near Y").

use super::inflect::{
    CYRILLIC_COUNTRIES, adjective_towns, is_cyrillic, nominatives, nominatives_in_name,
};
use super::vocabulary::{Name, Word, Words};
use super::words::{
    AREA_WORDS, DIRECTIONS, FACILITIES, FRONTS, PROXIMITY, SETTLEMENT_WORDS, ends_with_bearing, is,
    singular_area,
};
use crate::gazetteer::{Candidate, Entry, Gazetteer, Kind};
use crate::text::{Case, Token, normalize, sentences, tokens};
use rustc_hash::FxHashSet;
use std::borrow::Cow;
use std::ops::Range;

/// Longest name, in tokens, that the matcher tries.
pub const MAX_TOKENS: usize = 5;

/// A span of text that names a place, with its candidates and the cues around it.
#[derive(Clone, Debug)]
pub struct Spot {
    /// Byte span of the name in the text.
    pub span: Range<usize>,
    /// Index of its sentence in [`Spots::sentences`].
    pub sentence: usize,
    /// The name matched: an index into [`Spots::names`].
    pub name: usize,
    /// What the text around it says.
    pub cues: Cues,
}

/// Context of a spot that helps choose among its candidates.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cues {
    /// A locative ("in", "near", "у") comes before it.
    pub locative: bool,
    /// A generic word for an area follows ("region", "oblast").
    pub wants_area: bool,
    /// It names a stretch of a front ("the Lyman direction", "на Гуляйпільському напрямку"),
    /// which takes its name from a town of note.
    pub front: bool,
    /// A word for a settlement follows ("city", "town").
    pub wants_settlement: bool,
    /// The spot (index into the spots) that contains this one: "X in Y", "X, Y", "X (Y)",
    /// "Y's X"; the nearer of two, "X in W's Y".
    pub container: Option<usize>,
    /// Whether the text says so outright ("X in Y"), rather than by apposition ("X, Y"),
    /// which lists also use.
    pub container_explicit: bool,
    /// The spot is a written abbreviation qualifying the place before it ("Fresno, Calif."):
    /// a container said outright, though after a comma.
    pub qualifier: bool,
    /// The spot this one lies near: "X near Y".
    pub near: Option<usize>,
    /// The spot before it in a list ("Sumy, Kharkiv and Odesa"): listed together, places lie
    /// near each other and are of a kind.
    pub list: Option<usize>,
    /// The name was matched through an inflected form.
    pub inflected: bool,
    /// The name is written in Cyrillic.
    pub cyrillic: bool,
    /// Its sentence is Ukrainian: it has letters Russian lacks (і, ї, є, ґ).
    pub ukrainian: bool,
    /// It is written as English writes a river's name, and seldom a town's: after "the" ("the
    /// Dnipro") or with "river" ("Dnipro River").
    pub as_river: bool,
    /// The text shows later that the name is a person's ("Ingram expectations. Tom Ingram
    /// was…"), and nothing here says it is a place.
    pub person: bool,
    /// It is a dateline's place ("WASHINGTON —"), where a name standing alone is a city
    /// every reader knows.
    pub dateline: bool,
    /// The place is named as a side that acts, in the possessive before its forces or an
    /// institution ("Russia's Defense Ministry said", "Israel's military"): a mention, but no
    /// sign of where the story is.
    pub actor: bool,
    /// A demonym read only for what it says of the countries the text is about ("Greek
    /// firefighters … on Crete"), not pinned ([`Options::demonyms`] off).
    pub context_only: bool,
}

/// The result of recognition.
#[derive(Clone, Debug)]
pub struct Spots<'w, 'g> {
    /// Sentence spans of the text.
    pub sentences: Vec<Range<usize>>,
    /// Spots in text order.
    pub spots: Vec<Spot>,
    /// The names the spots match, each with its candidates (those of the whole text when it
    /// is read in pieces: they are met once).
    pub names: Cow<'w, [Name<'g>]>,
}

/// How strongly an entry stands for itself: 3 for countries, capitals and cities of a million,
/// 2 for regions, waters and cities of 100,000, 1 for the rest.
pub fn strength(c: &Candidate<'_>) -> u8 {
    entry_strength(&c.entry)
}

/// The [`strength`] of an entry.
pub fn entry_strength(e: &Entry<'_>) -> u8 {
    match e.kind() {
        Kind::Country => 3,
        Kind::Place if e.is_capital() || e.population() >= 1_000_000 => 3,
        Kind::Place if e.population() >= 100_000 => 2,
        Kind::Place => 1,
        Kind::Admin2 => 1,
        Kind::Admin1 | Kind::Sea | Kind::Lake | Kind::River | Kind::Region => 2,
    }
}

/// Choices about what counts as a mention of a place.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Whether demonyms ("Russian forces", "the Ukrainians") count as mentions of their
    /// country. Off by default: a reader of war news does not want a pin for every adjective.
    pub demonyms: bool,
}

/// Finds the place names in `text`.
pub fn spot<'g>(gazetteer: &'g Gazetteer, text: &str, options: Options) -> Spots<'g, 'g> {
    let mut words = Words::new(gazetteer);
    let Spots {
        sentences, spots, ..
    } = spot_with(text, options, &mut words);
    Spots {
        sentences,
        spots,
        names: Cow::Owned(words.into_names()),
    }
}

/// Finds the place names in `text`, knowing the `words` and names met already (in other
/// pieces of the same text).
pub fn spot_with<'w, 't, 'g>(
    text: &'t str,
    options: Options,
    vocabulary: &'w mut Words<'t, 'g>,
) -> Spots<'w, 'g> {
    let sentence_spans = sentences(text);
    let mut all_tokens = tokens(text);
    // What each token's word is, once asked.
    let mut token_words: Vec<Option<Word>> = vec![None; all_tokens.len()];
    let mut spots: Vec<Spot> = Vec::new();
    // The first and last token of each spot of the sentence being read.
    let mut token_ranges = Vec::new();
    let mut scratch = Scratch::default();
    let mut persons: FxHashSet<String> = FxHashSet::default();
    let mut first_token = 0;
    for (s, sentence) in sentence_spans.iter().enumerate() {
        while first_token < all_tokens.len() && all_tokens[first_token].span.start < sentence.start
        {
            first_token += 1;
        }
        let mut end = first_token;
        while end < all_tokens.len() && all_tokens[end].span.end <= sentence.end {
            end += 1;
        }
        let uncased = uncased(&all_tokens[first_token..end]);
        if uncased {
            recase(text, &mut all_tokens[first_token..end], vocabulary);
        }
        let words = &all_tokens[first_token..end];
        let mut reading = Sentence {
            text,
            words,
            known: &mut token_words[first_token..end],
            index: s,
            headline: uncased || capitals_uninformative(words),
            vocabulary: &mut *vocabulary,
            persons: &mut persons,
            scratch: &mut scratch,
            options,
        };
        let base = spots.len();
        token_ranges.clear();
        reading.spots(&mut spots, &mut token_ranges);
        let names = vocabulary.names();
        let names_area = |spot: &Spot| names[spot.name].names_region_or_country();
        link(
            text,
            base,
            &mut spots[base..],
            &token_ranges,
            words,
            names_area,
        );
        areas_of_a_list(text, base, &mut spots[base..], vocabulary);
        first_token = end;
    }
    let names = vocabulary.names();
    // A name the text shows to be a person's, anywhere, is a person's before that too, unless
    // it names a notable place or follows a locative ("in Jackson").
    for s in &mut spots {
        let name = &names[s.name];
        s.cues.person = persons.contains(&name.key) && !s.cues.locative && name.strongest < 2;
    }
    Spots {
        sentences: sentence_spans,
        spots,
        names: Cow::Borrowed(names),
    }
}

/// Whether a sentence is written without capitals (a chat message, a careless paste): three
/// words or more, all lower case.
fn uncased(words: &[Token]) -> bool {
    let mut cased = 0;
    for t in words {
        match t.case {
            Case::Lower => cased += 1,
            Case::Title | Case::Upper => return false,
            Case::Other => {}
        }
    }
    cased >= 3
}

/// Capitalises, in a sentence written without capitals, the words of names that are no
/// ordinary words ("drones hit kharkiv and sumy": "kharkiv" and "sumy", not "hit"), and an
/// ordinary word that begins a name before one ("new york"), so that they are read as in a
/// headline.
fn recase<'t>(text: &'t str, words: &mut [Token], vocabulary: &mut Words<'t, '_>) {
    let mut begins_name = vec![false; words.len()];
    for (k, t) in words.iter_mut().enumerate() {
        let word = vocabulary.word(&text[t.span.clone()]);
        let gazetted = vocabulary.gazetted(word);
        begins_name[k] = vocabulary.name_start(word).is_some();
        if !gazetted.common && (gazetted.strength > 0 || begins_name[k]) {
            t.case = Case::Title;
        }
    }
    for k in (0..words.len().saturating_sub(1)).rev() {
        if begins_name[k] && words[k + 1].case == Case::Title {
            words[k].case = Case::Title;
        }
    }
}

/// Whether capitals tell nothing in this sentence: a headline or an all-capitals line. (A
/// dateline in capitals before ordinary text is no part of a headline: "LONDON/WASHINGTON,
/// Nov 25 (Reuters) - Britain and the United States agreed…")
fn capitals_uninformative(words: &[Token]) -> bool {
    let dateline = words
        .iter()
        .take_while(|t| matches!(t.case, Case::Upper | Case::Other))
        .count();
    let words = if dateline < words.len() && words[dateline].case == Case::Title {
        &words[dateline..]
    } else {
        words
    };
    let (mut cased, mut capitalised, mut upper, mut function_words) = (0, 0, 0, 0);
    for t in words {
        match t.case {
            Case::Other => continue,
            Case::Title => capitalised += 1,
            Case::Upper => {
                capitalised += 1;
                upper += 1;
            }
            // Short function words stay lower case in title-case headlines.
            Case::Lower if t.span.len() <= 3 => function_words += 1,
            Case::Lower => {}
        }
        cased += 1;
    }
    if cased < 6 {
        return upper == cased && cased >= 2;
    }
    capitalised * 10 >= (cased - function_words) * 8
}

/// Whether two neighbouring tokens may belong to one name: only spaces, a hyphen, the full
/// stop of a short abbreviation ("St. Petersburg"), a comma before initials, or a possessive
/// before a capitalised word between them.
fn joinable(text: &str, left: &Token, right: &Token) -> bool {
    let gap = &text[left.span.end..right.span.start];
    if left.possessive {
        // A possessive inside a name, before a capitalised word: "Democratic People's
        // Republic of Korea".
        let after = gap.trim_start_matches(['\'', '’']);
        let after = after.strip_prefix(['s', 'S']).unwrap_or(after);
        return matches!(right.case, Case::Title | Case::Upper)
            && !after.is_empty()
            && spaces_only(after);
    }
    if gap.chars().all(|c| c == ' ' || c == '\u{a0}') && !gap.is_empty() {
        return true;
    }
    if is_hyphen(gap) {
        return true;
    }
    let word = &text[left.span.clone()];
    let letter = |t: &Token| text[t.span.clone()].chars().count() == 1;
    // Initialisms: "U.S.", "U.K.", "B.C."; and before them a comma, where the gazetteer knows
    // the whole ("Washington, D.C.").
    let initial = |t: &Token| letter(t) && text[t.span.end..].starts_with('.');
    if (gap == "." && letter(left) && letter(right)) || (gap == ", " && initial(right)) {
        return true;
    }
    gap.starts_with('.') && gap[1..].chars().all(|c| c == ' ') && gap.len() > 1 && word.len() <= 3
}

/// Whether a word joins names in a list: "near Nabatieh and Tyre".
fn is_conjunction(word: &str) -> bool {
    matches!(word, "and" | "or" | "і" | "и" | "та")
}

/// Whether a lower-case word joins the parts of a person's name: "de Kock", "van Gogh".
fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "da"
            | "di"
            | "do"
            | "dos"
            | "das"
            | "del"
            | "della"
            | "du"
            | "van"
            | "von"
            | "der"
            | "den"
            | "ter"
            | "bin"
            | "ibn"
            | "al"
            | "el"
    )
}

/// Whether a gap between two words is nothing but spaces.
fn spaces_only(gap: &str) -> bool {
    gap.chars().all(|c| c == ' ' || c == '\u{a0}')
}

/// Room for the keys of the runs of words tried as names, kept from one run to the next.
#[derive(Default)]
struct Scratch {
    /// The keys of the words after the first, and where each ends.
    rest: String,
    ends: Vec<usize>,
    /// The key of a whole name.
    key: String,
}

/// One sentence being read for place names.
struct Sentence<'a, 't, 'g> {
    text: &'t str,
    words: &'a [Token],
    /// What the word of each token is, once asked.
    known: &'a mut [Option<Word>],
    index: usize,
    /// Whether capitals tell nothing here (see [`capitals_uninformative`]).
    headline: bool,
    vocabulary: &'a mut Words<'t, 'g>,
    /// Names the text has shown to be persons' so far.
    persons: &'a mut FxHashSet<String>,
    scratch: &'a mut Scratch,
    options: Options,
}

impl<'t> Sentence<'_, 't, '_> {
    /// What the word of token `k` is.
    fn word(&mut self, k: usize) -> Word {
        if let Some(word) = self.known[k] {
            return word;
        }
        let word = self.vocabulary.word(&self.text[self.words[k].span.clone()]);
        self.known[k] = Some(word);
        word
    }

    /// What ends the list that token `k` begins or is in, when it is a front's word ("на
    /// Лиманському, Куп'янському і Сіверському напрямках"), a plural word for areas ("над
    /// Белгородской, Курской и Брянской областями") or a region's government ("Харківської
    /// ОВА"), right after it or after more capitalised words of the list.
    fn list_end(&mut self, k: usize) -> Option<ListEnd> {
        for j in k + 1..(k + 12).min(self.words.len()) {
            let word = self.word(j);
            let lower = self.vocabulary.lower(word);
            if word.is(Word::FRONT) {
                return Some(ListEnd::Front);
            }
            if word.is(Word::AREAS_END) {
                // (Districts, "районах", or else regions, "областями", "ОВА".)
                let district = lower.starts_with("район");
                return Some(ListEnd::Areas(if district {
                    "район"
                } else {
                    "область"
                }));
            }
            if !self.capitalised(j) && !is_conjunction(lower) {
                return None;
            }
        }
        None
    }

    /// Whether a word for an event ends the name or list of names that ends at token `k`
    /// (the last part of a hyphened word: "by-election").
    fn event_follows(&mut self, k: usize) -> bool {
        let Some(mut last) = self.word_after_list(k, 12) else {
            return false;
        };
        while last + 1 < self.words.len() && is_hyphen(self.gap_after(last)) {
            last += 1;
        }
        self.word(last).is(Word::EVENT)
    }

    /// The first token within `reach` after token `k` that is neither capitalised nor a
    /// conjunction: the word after the name or list of names that ends at `k`. (Read off the
    /// text: the words after a capitalised word are seldom looked up.)
    fn word_after_list(&self, k: usize, reach: usize) -> Option<usize> {
        (k + 1..(k + reach).min(self.words.len())).find(|&j| {
            !self.capitalised(j) && !is_conjunction(&self.text[self.words[j].span.clone()])
        })
    }

    /// Whether the sentence is Ukrainian: it has letters Russian lacks.
    fn ukrainian(&self) -> bool {
        let (Some(first), Some(last)) = (self.words.first(), self.words.last()) else {
            return false;
        };
        self.text[first.span.start..last.span.end]
            .contains(['і', 'ї', 'є', 'ґ', 'І', 'Ї', 'Є', 'Ґ'])
    }

    /// The text between token `k` and the next (which must exist).
    fn gap_after(&self, k: usize) -> &'t str {
        &self.text[self.words[k].span.end..self.words[k + 1].span.start]
    }

    /// The word right before token `first`, if only spaces (or, with `loose`, any
    /// non-sentence punctuation such as a full stop after "Mr") separate them.
    fn prev(&mut self, first: usize, loose: bool) -> Option<Word> {
        let k = first.checked_sub(1)?;
        let gap = self.gap_after(k);
        let tight = spaces_only(gap) && !self.words[k].possessive;
        let dotted = loose && (gap == ". " || gap == ".\u{a0}");
        // (A word hyphened to the one before it is part of a compound, no word of its own:
        // "Power-On Time" has no locative.)
        ((tight || dotted) && !self.hyphened(k)).then(|| self.word(k))
    }

    /// Whether token `k` is hyphened to the one before it ("Power-On", "Russian-occupied").
    fn hyphened(&self, k: usize) -> bool {
        k > 0 && is_hyphen(self.gap_after(k - 1))
    }

    /// The token right before token `first`, if only spaces separate them.
    fn prev_token(&self, first: usize) -> Option<usize> {
        let k = first.checked_sub(1)?;
        (spaces_only(self.gap_after(k)) && !self.words[k].possessive).then_some(k)
    }

    /// The token right after token `last`, if only spaces separate them.
    fn next_token(&self, last: usize) -> Option<usize> {
        self.words.get(last + 1)?;
        (spaces_only(self.gap_after(last)) && !self.words[last].possessive).then_some(last + 1)
    }

    fn next(&mut self, last: usize) -> Option<Word> {
        self.next_token(last).map(|k| self.word(k))
    }

    fn capitalised(&self, k: usize) -> bool {
        matches!(self.words[k].case, Case::Title | Case::Upper)
    }

    /// Whether tokens `first..=last` stand in a list right after a place found (`tokens` are
    /// the found places' first and last tokens) and before a capitalised word: "Nabatieh,
    /// Tyre and Bint Jbeil".
    fn amid_places(&mut self, first: usize, last: usize, tokens: &[(usize, usize)]) -> bool {
        let after_place = tokens
            .last()
            .is_some_and(|&(_, l)| l + 1 == first && self.gap_after(l) == ", ");
        let capitalised = |k: usize| k < self.words.len() && self.capitalised(k);
        if !after_place || !capitalised(last + 1) && !capitalised(last + 2) {
            return false;
        }
        if self.gap_after(last) == ", " {
            return capitalised(last + 1);
        }
        self.next_token(last).is_some_and(|k| {
            let word = self.word(k);
            is_conjunction(self.vocabulary.lower(word))
                && self.next_token(k).is_some_and(|n| self.capitalised(n))
        })
    }

    /// Whether "of" stands right before token `first` (`prev`, its word as
    /// [`Sentence::prev`] reads it), after a word that `what` (given the word and its lower
    /// case) is true of: "the port of Savannah", "the governor of Georgia".
    fn of_word(
        &mut self,
        first: usize,
        prev: Option<Word>,
        what: impl Fn(Word, &str) -> bool,
    ) -> bool {
        let of = prev.is_some_and(|w| self.vocabulary.lower(w) == "of");
        if !of || first < 2 {
            return false;
        }
        let word = self.word(first - 2);
        what(word, self.vocabulary.lower(word))
    }

    /// Whether the words before token `first` say "and" or "or".
    fn conjunction_before(&mut self, first: usize) -> bool {
        self.prev(first, false)
            .is_some_and(|w| is_conjunction(self.vocabulary.lower(w)))
    }

    /// The place names of the sentence, with their cues.
    fn spots(&mut self, out: &mut Vec<Spot>, tokens: &mut Vec<(usize, usize)>) {
        // The last token of the sentence's last place, if it followed a locative, so that
        // "near Nabatieh and Tyre" counts for both (but not "between Lagos Chamber of
        // Commerce and Industry", where another name comes between).
        let mut listed_locative: Option<usize> = None;
        let mut i = 0;
        while i < self.words.len() {
            if !self.capitalised(i) {
                i += 1;
                continue;
            }
            let Some((len, mut name, inflected)) = self.longest_match(i) else {
                i += 1;
                continue;
            };
            let (first, last) = (i, i + len - 1);
            let span = self.words[first].span.start..self.words[last].span.end;
            // A sentence's first word, a name only once a case ending is taken off, or only
            // another place's alias in Cyrillic letters, and then no notable place of a
            // country that writes Cyrillic, is more likely an ordinary word capitalised
            // ("Мирные жители", civilians; "Сили оборони", the defence forces; "Він", he, is
            // no alias of Vienna).
            let prev_locative = inflected
                && self
                    .prev(first, false)
                    .is_some_and(|w| w.is(Word::LOCATIVE));
            let candidates = &self.vocabulary.names()[name].candidates;
            let notable = || {
                candidates
                    .iter()
                    .filter(|c| CYRILLIC_COUNTRIES.contains(&c.entry.country()))
                    .any(|c| strength(c) >= 2)
            };
            let alias_only = || {
                !candidates.iter().any(|c| c.main_name || c.region_form)
                    && is_cyrillic(&self.text[span.clone()])
            };
            // (Nor is one that spells only a minor place abroad: "Завод «Азот»…", a plant, is
            // no Závod in Slovakia.)
            let minor_abroad = || {
                is_cyrillic(&self.text[span.clone()])
                    && candidates.iter().all(|c| {
                        strength(c) < 2 && !CYRILLIC_COUNTRIES.contains(&c.entry.country())
                    })
            };
            if first == 0 && (((inflected || alias_only()) && !notable()) || minor_abroad()) {
                i += len;
                continue;
            }
            // Anywhere, a name only once a case ending is taken off must be a notable place or
            // go by its own name in a country that writes Cyrillic: "з Макроном" (with Macron)
            // is no Makronia, India, nor "з Єрмаком" Aksu, Kazakhstan, once called Yermak.
            let own_name_or_notable = || {
                candidates.iter().any(|c| {
                    strength(c) >= 2
                        || ((c.main_name || c.region_form)
                            && CYRILLIC_COUNTRIES.contains(&c.entry.country()))
                })
            };
            // (Or stand after a locative, where a place is meant: "в Северодонецке", by an
            // alias of the town GeoNames calls Siverskodonetsk.)
            let after_locative = || {
                prev_locative
                    && candidates
                        .iter()
                        .any(|c| CYRILLIC_COUNTRIES.contains(&c.entry.country()))
            };
            if inflected && !own_name_or_notable() && !after_locative() {
                i += len;
                continue;
            }
            // A word capitalised but no name ("I've") is none on its own.
            if len == 1
                && !self.vocabulary.names()[name].demonym
                && self.word(first).is(Word::COMMON_CAPITALISED)
            {
                i += 1;
                continue;
            }
            // A demonym ("Russian") stands for its country only when asked for.
            let names = self.vocabulary.names();
            if names[name].demonym {
                name = self.only(name, '\u{1}', |c| c.demonym).unwrap_or(name);
                if !self.options.demonyms {
                    // (Unless it names a side in arms: "Russian forces attacked Pokrovsk" is
                    // no story about Russia.)
                    let armed = self
                        .next_token(last)
                        .is_some_and(|k| self.word(k).is(Word::ARMED));
                    if armed {
                        i += len;
                        continue;
                    }
                    out.push(Spot {
                        span,
                        sentence: self.index,
                        name,
                        cues: Cues {
                            context_only: true,
                            ..Cues::default()
                        },
                    });
                    tokens.push((first, last));
                    i += len;
                    continue;
                }
            }
            // An abbreviation ("Calif.") names its region where it qualifies a place; elsewhere
            // the name stands for whatever else it names, if anything.
            let names = self.vocabulary.names();
            if names[name].abbreviation {
                if self.qualifies(first, last) {
                    let name = self.only(name, '\u{3}', |c| c.abbreviation).unwrap_or(name);
                    out.push(Spot {
                        span,
                        sentence: self.index,
                        name,
                        cues: Cues {
                            qualifier: true,
                            ..Cues::default()
                        },
                    });
                    tokens.push((first, last));
                    listed_locative = None;
                    i += len;
                    continue;
                }
                match self.only(name, '\u{4}', |c| !c.abbreviation) {
                    Some(other) => name = other,
                    None => {
                        i += len;
                        continue;
                    }
                }
            }
            let listed = listed_locative.is_some_and(|l| {
                // (The word before the conjunction, if it is a capitalised word right before
                // it, must be that place's.)
                let before = first.checked_sub(1).and_then(|c| self.prev_token(c));
                before.is_none_or(|b| b == l || !self.capitalised(b))
            }) && self.conjunction_before(first);
            // (Or inside a list of places, between one found and a capitalised word: "struck
            // Nabatieh, Tyre and Bint Jbeil".)
            let listed = listed || self.amid_places(first, last, tokens);
            if self.is_place(first, last, name, listed) {
                let next = self.next(last);
                let prev = self.prev(first, true);
                let of_settlement = self.of_word(first, prev, |w, _| w.is(Word::SETTLEMENT));
                // (A governor is a region's: "the governor of Georgia" is the state's.)
                let of_governor =
                    self.of_word(first, prev, |_, lower| matches!(lower, "governor" | "gov"));
                let prev_is = |class| prev.is_some_and(|w| w.is(class));
                let locative = prev_is(Word::LOCATIVE) || listed || self.after_bearing(first);
                let dateline = self.dateline(first, last);
                let owned = (last + 1 < self.words.len()).then_some(last + 1);
                let cyrillic = is_cyrillic(&self.text[span.clone()]);
                // (A country's name before its forces, in the possessive or as their
                // attribute, says who acts: "Russia's Defense Ministry", "US warships".)
                let actor = if self.words[last].possessive {
                    owned.is_some_and(|k| {
                        self.word(k).is(Word::ARMED | Word::REPRESENTATIVE)
                            || self.leads_to_institution(k)
                    })
                } else {
                    // (Ukrainian and Russian put the country after them: "армія Росії".)
                    let armed = |w: Option<Word>| w.is_some_and(|w| w.is(Word::ARMED));
                    let speaks = next.is_some_and(|w| w.is(Word::REPRESENTATIVE));
                    (armed(next) || speaks || (cyrillic && armed(prev)))
                        && self.vocabulary.names()[name]
                            .candidates
                            .iter()
                            .any(|c| c.entry.kind() == Kind::Country)
                };
                // (A front's word after it, or after the list it begins: "the Lyman
                // direction", "the Kupiansk, Borova and Lyman directions".)
                let listed_on = (last + 1 < self.words.len() && self.gap_after(last) == ", ")
                    || next.is_some_and(|w| is_conjunction(self.vocabulary.lower(w)));
                let front = next.is_some_and(|w| w.is(Word::FRONT))
                    || (listed_on && self.list_end(last) == Some(ListEnd::Front));
                // (An office's title after it says which: "Texas Gov.", "Kyiv Mayor".)
                let office = |class| next.is_some_and(|w| w.is(class));
                let cues = Cues {
                    locative,
                    wants_area: next.is_some_and(|w| w.is(Word::AREA))
                        || office(Word::AREA_OFFICE)
                        || of_governor,
                    wants_settlement: next.is_some_and(|w| w.is(Word::SETTLEMENT))
                        || of_settlement
                        || office(Word::TOWN_OFFICE)
                        || dateline,
                    front,
                    dateline,
                    inflected,
                    cyrillic,
                    ukrainian: cyrillic && self.ukrainian(),
                    as_river: prev.is_some_and(|w| self.vocabulary.lower(w) == "the")
                        || says_river(&self.text[span.clone()]),
                    actor,
                    ..Cues::default()
                };
                listed_locative = cues.locative.then_some(last);
                out.push(Spot {
                    span,
                    sentence: self.index,
                    name,
                    cues,
                });
                tokens.push((first, last));
            }
            i += len;
        }
    }

    /// The name `name` restricted to the candidates that `keep` keeps, filed under `tag` and
    /// its key; `None` if none are kept.
    fn only(
        &mut self,
        name: usize,
        tag: char,
        keep: impl Fn(&Candidate<'_>) -> bool,
    ) -> Option<usize> {
        let n = &self.vocabulary.names()[name];
        let filing = format!("{tag}{}", n.key);
        if let Some(found) = self.vocabulary.filed(&filing) {
            return Some(found);
        }
        let kept: Vec<Candidate<'_>> = n.candidates.iter().filter(|c| keep(c)).copied().collect();
        if kept.is_empty() {
            return None;
        }
        let only = Name::new(n.key.clone(), kept, n.common, n.inflected);
        Some(self.vocabulary.file(filing, only))
    }

    /// Whether the abbreviation in tokens `first..=last` is written as one, with its full
    /// stop, where it qualifies a place: after the place and a comma ("Fresno, Calif."), in
    /// brackets after it ("Walker County (Ga.)"), or, for initials ("N.J.", "B.C."), on their
    /// own but not after a number ("500 B.C.") nor before a name ("N.C. Wyeth").
    fn qualifies(&mut self, first: usize, last: usize) -> bool {
        let (text, words) = (self.text, self.words);
        if !text[words[last].span.end..].starts_with('.') {
            return false;
        }
        let after_place = first.checked_sub(1).is_some_and(|k| {
            self.capitalised(k) && matches!(self.gap_after(k), ", " | ",\u{a0}" | " (" | "\u{a0}(")
        });
        if after_place {
            return true;
        }
        let initials = first < last;
        let after_number = text[..words[first].span.start]
            .trim_end()
            .ends_with(|c: char| c.is_ascii_digit());
        let before_name = words.get(last + 1).is_some_and(|next| {
            spaces_only(&text[words[last].span.end + 1..next.span.start])
                && matches!(next.case, Case::Title | Case::Upper)
        });
        initials && !after_number && !before_name
    }

    /// The longest name starting at token `i`: its length in tokens, the name, and whether it
    /// was found through an inflected form.
    fn longest_match(&mut self, i: usize) -> Option<(usize, usize, bool)> {
        self.longest_name(i)
            .or_else(|| self.area_of_a_list(i).map(|n| (1, n, false)))
            .or_else(|| self.hyphen_joined(i).map(|n| (2, n, false)))
    }

    /// The name two capitalised words hyphened at token `i` make written as one, where the
    /// gazetteer writes it so: "Petion-Ville" for Pétionville (not part of a longer
    /// compound: "Mar-a-Lago").
    fn hyphen_joined(&mut self, i: usize) -> Option<usize> {
        let pair = i + 1 < self.words.len()
            && is_hyphen(self.gap_after(i))
            && !self.words[i].possessive
            && self.capitalised(i + 1)
            && !(i + 2 < self.words.len() && is_hyphen(self.gap_after(i + 1)))
            && !(i > 0 && is_hyphen(self.gap_after(i - 1)));
        if !pair {
            return None;
        }
        let (first, second) = (self.word(i), self.word(i + 1));
        if first.cyrillic != second.cyrillic {
            return None;
        }
        let key = format!(
            "{}{}",
            self.vocabulary.key(first),
            self.vocabulary.key(second)
        );
        self.vocabulary.name(&key)
    }

    /// The area a capitalised word names in a list that a plural word for areas ends, where
    /// the word alone names nothing: "the Darnytskyi and Dniprovskyi districts" (the
    /// gazetteer knows the Darnytskyi district, not a Darnytskyi).
    fn area_of_a_list(&mut self, i: usize) -> Option<usize> {
        let first = self.word(i);
        if first.cyrillic || !self.capitalised(i) {
            return None;
        }
        let j = self.word_after_list(i, 8)?;
        let word = &self.text[self.words[j].span.clone()];
        // (Every English plural for areas ends in s.)
        let singular = word.ends_with('s').then(|| singular_area(word))??;
        let key = format!("{} {singular}", self.vocabulary.key(first));
        self.vocabulary.name(&key)
    }

    /// [`Sentence::longest_match`], of the names that begin with the word at token `i`.
    fn longest_name(&mut self, i: usize) -> Option<(usize, usize, bool)> {
        let (text, words) = (self.text, self.words);
        let first = self.word(i);
        // Latin names: most words begin no longer name, and are names or not on their own.
        if !first.cyrillic && self.vocabulary.name_start(first).is_none() {
            return self.vocabulary.name_of(first).map(|n| (1, n, false));
        }
        // (A possessive first word owns what follows, "Ukraine's Kharkiv", unless the two are
        // a name the gazetteer knows: "Cox's Bazar".)
        if words[i].possessive && i + 1 < words.len() && joinable(text, &words[i], &words[i + 1]) {
            let next = self.word(i + 1);
            let key = format!(
                "{}s {}",
                self.vocabulary.key(first),
                self.vocabulary.key(next)
            );
            if let Some(n) = self.vocabulary.name(&key) {
                return Some((2, n, false));
            }
        }
        let mut max = 1;
        while max < MAX_TOKENS
            && i + max < words.len()
            && !words[i].possessive
            && joinable(text, &words[i + max - 1], &words[i + max])
        {
            max += 1;
        }
        if first.cyrillic {
            return self.longest_cyrillic_match(i, max);
        }
        if max == 1 {
            return self.vocabulary.name_of(first).map(|n| (1, n, false));
        }
        // Otherwise one walk of the name automaton along the words that follow, from where the
        // first word left it, finds the longest name at once (the key of each shorter run is
        // a prefix of the key of the whole, ending where a word ends).
        let (mut rest, mut ends) = (
            std::mem::take(&mut self.scratch.rest),
            std::mem::take(&mut self.scratch.ends),
        );
        rest.clear();
        ends.clear();
        for (k, token) in words.iter().enumerate().take(i + max).skip(i + 1) {
            let w = self.word(k);
            let part = self.vocabulary.key(w);
            if part.is_empty() {
                break;
            }
            if !rest.is_empty() {
                rest.push(' ');
            }
            rest.push_str(part);
            ends.push(rest.len());
            // A name may end at a possessive ("British Columbia's Expropriation Act") or go
            // on through it, its key keeping the s ("Democratic People's Republic of Korea":
            // "peoples").
            if token.possessive {
                rest.push('s');
            }
        }
        let gazetteer = self.vocabulary.gazetteer();
        let longer = self
            .vocabulary
            .name_start(first)
            .and_then(|start| gazetteer.longest_name(start, &rest, &ends));
        let found = match longer {
            None => self.vocabulary.name_of(first).map(|n| (1, n, false)),
            Some(end) => ends.iter().position(|&e| e == end).and_then(|k| {
                let mut key = std::mem::take(&mut self.scratch.key);
                key.clear();
                key.push_str(self.vocabulary.key(first));
                key.push(' ');
                key.push_str(&rest[..end]);
                let name = self.vocabulary.name(&key);
                self.scratch.key = key;
                name.map(|n| (k + 2, n, false))
            }),
        };
        (self.scratch.rest, self.scratch.ends) = (rest, ends);
        found
    }

    /// The longest name starting at the Cyrillic token `i` and at most `max` tokens long.
    fn longest_cyrillic_match(&mut self, i: usize, max: usize) -> Option<(usize, usize, bool)> {
        let (text, words) = (self.text, self.words);
        for len in (1..=max).rev() {
            let span = words[i].span.start..words[i + len - 1].span.end;
            let key = normalize(&text[span.clone()]);
            if len > 2 {
                if let Some(n) = self.vocabulary.name(&key) {
                    return Some((len, n, false));
                }
                // A town "on" its river declines its first word only: "в Ростове-на-Дону",
                // "в Славянске-на-Кубани".
                if len == 3
                    && is_hyphen(self.gap_after(i))
                    && is_hyphen(self.gap_after(i + 1))
                    && &text[words[i + 1].span.clone()] == "на"
                {
                    let (first, rest) = (
                        &text[words[i].span.clone()],
                        &text[words[i].span.end..span.end],
                    );
                    let name = nominatives(first)
                        .iter()
                        .find_map(|n| self.vocabulary.name(&normalize(&format!("{n}{rest}"))));
                    if let Some(n) = name {
                        return Some((len, n, true));
                    }
                }
                continue;
            }
            // Declined Ukrainian and Russian names, for names of one or two words: the form as
            // written and each guessed nominative ("Покровська" is an alias of a hamlet as
            // written; "Покровськ" names Pokrovsk).
            // (An adjective before a front's word is the town the front is named after:
            // "на Костянтинівському напрямку"; one before a plural word for areas names an
            // area: "над Белгородской, Курской и Брянской областями". Each is filed apart,
            // for the same word elsewhere is neither.)
            let end = if len == 1 { self.list_end(i) } else { None };
            let front = end == Some(ListEnd::Front);
            let area = match end {
                Some(ListEnd::Areas(area)) => Some(area),
                _ => None,
            };
            let marker = match end {
                Some(ListEnd::Front) => '\u{3}',
                Some(ListEnd::Areas("район")) => '\u{5}',
                Some(ListEnd::Areas(_)) => '\u{4}',
                None => '\u{2}',
            };
            let filing = format!("{marker}{}", &text[span]);
            if let Some(n) = self.vocabulary.filed(&filing) {
                return Some((len, n, self.vocabulary.names()[n].inflected));
            }
            let forms: Vec<Vec<String>> = (i..i + len)
                .map(|k| {
                    let word = &text[words[k].span.clone()];
                    let mut forms = vec![word.to_string()];
                    forms.extend(if len == 1 {
                        nominatives(word)
                    } else {
                        nominatives_in_name(word)
                    });
                    if front {
                        forms.extend(adjective_towns(word));
                    }
                    if let Some(area) = area {
                        let areas: Vec<String> =
                            forms.iter().map(|n| format!("{n} {area}")).collect();
                        forms.extend(areas);
                    }
                    forms
                })
                .collect();
            let combinations: Vec<String> = if len == 1 {
                forms[0].clone()
            } else {
                forms[0]
                    .iter()
                    .flat_map(|a| forms[1].iter().map(move |b| format!("{a} {b}")))
                    .collect()
            };
            let gazetteer = self.vocabulary.gazetteer();
            let mut found: Vec<(String, Vec<Candidate<'_>>, bool)> = Vec::new();
            for (n, form) in combinations.iter().enumerate() {
                // (A city's district is tried as a district only when its adjective names
                // nothing alone: GeoNames places most of Kyiv's districts, "Оболонь", by their
                // own points, and their raions at the city's.)
                if area == Some("район") && form.ends_with(" район") && !found.is_empty()
                {
                    break;
                }
                let key = normalize(form);
                let candidates = gazetteer.lookup(&key);
                if !candidates.is_empty() {
                    found.push((key, candidates, n > 0));
                }
            }
            // Every form the gazetteer knows offers its entries; resolution weighs them.
            let weight = |c: &[Candidate<'_>]| {
                c.iter()
                    .map(|c| (strength(c), c.entry.population()))
                    .max()
                    .unwrap_or_default()
            };
            if let Some((key, _, inflected)) = found.iter().max_by_key(|(_, c, _)| weight(c)) {
                let candidates = found
                    .iter()
                    .flat_map(|(_, c, _)| c.iter().copied())
                    .collect();
                let common = gazetteer.is_common_word(key);
                let name = Name::new(key.clone(), candidates, common, *inflected);
                return Some((len, self.vocabulary.file(filing, name), *inflected));
            }
        }
        None
    }

    /// Remembers `name` as a person's for the rest of the text.
    fn remember_person(&mut self, name: usize) {
        self.persons
            .insert(self.vocabulary.names()[name].key.clone());
    }

    /// Whether a capitalised neighbour, token `k`, is an ordinary word or a title rather than
    /// part of a name (the first word of a sentence is capitalised whatever it is). `first` is
    /// the spot's first token.
    fn is_name_word(&mut self, k: usize, first: usize) -> bool {
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
    fn is_function_word(&mut self, k: usize) -> bool {
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
    fn ampersand_with(&mut self, near: usize, far: usize) -> bool {
        let (a, b) = (near.min(far), near.max(far));
        if b >= self.words.len() {
            return false;
        }
        if self.gap_after(a) != " & " {
            return false;
        }
        let word = self.word(far);
        !(self.capitalised(far) && self.vocabulary.gazetted(word).strength >= 2)
    }

    /// Whether the capitalised words from token `k` on lead to the head of an organisation's
    /// or an area's name ("Nenagh Municipal District", "Hawaii Pacific Health Centre").
    fn leads_to_institution(&mut self, k: usize) -> bool {
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
    fn is_acronym(&self, k: usize, letters: usize) -> bool {
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
    fn dateline(&self, first: usize, last: usize) -> bool {
        self.words[first].case == Case::Upper
            && !self.headline
            && (first == 0 || self.gap_after(first - 1) == "/")
            && self.words[..=last].iter().all(|t| t.case == Case::Upper)
    }

    /// Whether a bearing and "of" come right before token `first`: "south of Cairns".
    fn after_bearing(&mut self, first: usize) -> bool {
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
    fn region_follows(&mut self, last: usize, name: usize) -> bool {
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
    fn titled_after(&mut self, k: usize) -> bool {
        let word = self.word(k);
        k + 1 < self.words.len()
            && self.gap_after(k) == ", "
            && !word.is(Word::CALENDAR
                | Word::TITLE
                | Word::DIRECTION
                | Word::PLACE_WORD
                | Word::ORGANISATION_HEAD)
            && self.vocabulary.gazetted(word).strength < 2
            && (k + 1..(k + 4).min(self.words.len())).any(|j| self.word(j).is(Word::TITLE))
    }

    /// Whether a locative comes before token `first`, right before it or across "the" and
    /// words in lower case that describe the place ("in the Sunshine Coast", "in occupied
    /// Melitopol", "in Russian-occupied Melitopol").
    fn after_locative(&mut self, first: usize) -> bool {
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
    fn name_before(&mut self, first: usize, best: u8) -> Option<(usize, bool)> {
        let k = first.checked_sub(1)?;
        if let Some(k) = self.prev_token(first) {
            if best < 3 && self.words[k].case == Case::Lower {
                let particle = self.word(k);
                if is_particle(self.vocabulary.lower(particle)) {
                    return self.prev_token(k).map(|given| (given, true));
                }
            }
            return Some((k, false));
        }
        (best < 3 && self.gap_after(k) == "-" && !self.words[k].possessive).then_some((k, false))
    }

    /// Whether token `k` ends a name given with an age, as news gives people's: "Barry
    /// Smith, 80, and Beryl", "Ariel Leal, 22;", "Paul Block Jr., 49,".
    fn aged(&self, k: usize) -> bool {
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
    fn after_middle_initial(&self, first: usize) -> bool {
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

    /// Whether the spot of tokens `first..=last`, matching `name`, names a place, on the
    /// evidence around it (see the module docs).
    fn is_place(&mut self, first: usize, last: usize, name: usize, listed_locative: bool) -> bool {
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

/// Makes every place of a list followed by a plural word for areas such an area, under its
/// name and the singular ("the Bryansk, Kursk and Belgorod regions": the Bryansk region…),
/// where the gazetteer knows that name; `out` are a sentence's spots, linked, offset by `base`.
fn areas_of_a_list(text: &str, base: usize, out: &mut [Spot], vocabulary: &mut Words<'_, '_>) {
    for last in 0..out.len() {
        if out[last].cues.list.is_none() {
            continue;
        }
        // (The plural follows the list, or, declined, ends its last name: "Белгородской
        // областями"; "the United States" is a name of its own.)
        let own_last_word = out[last]
            .cues
            .cyrillic
            .then(|| text[out[last].span.clone()].rsplit(' ').next())
            .flatten();
        let singular = text[out[last].span.end..]
            .split_whitespace()
            .next()
            .into_iter()
            .chain(own_last_word)
            .map(|w| w.trim_end_matches(|c: char| !c.is_alphabetic()))
            .find_map(singular_area);
        let Some(singular) = singular else {
            continue;
        };
        let mut k = Some(last);
        while let Some(member) = k {
            // (A declined name is tried in each nominative it may come from: "Тульской" is
            // "Тульская", the region's, as well as "Тульский".)
            let key = &vocabulary.names()[out[member].name].key;
            let keys: Vec<String> = std::iter::once(key.clone())
                .chain(
                    nominatives(&text[out[member].span.clone()])
                        .iter()
                        .map(|n| normalize(n)),
                )
                .collect();
            if let Some(area) = keys
                .iter()
                .find_map(|key| vocabulary.name(&format!("{key} {singular}")))
            {
                out[member].name = area;
                out[member].cues.wants_area = true;
            }
            k = out[member].cues.list.map(|l| l - base);
        }
    }
}

/// A gap without the commas that begin it (", and" is "and"), taken off by comparison: a
/// pattern searcher would cost more than the gap.
fn without_commas(gap: &str) -> &str {
    let mut rest = gap;
    while let Some(after) = rest.strip_prefix(", ") {
        rest = after;
    }
    rest
}

/// Whether a gap is a hyphen alone, joining two words into one.
fn is_hyphen(gap: &str) -> bool {
    matches!(gap, "-" | "‐" | "‑")
}

/// Whether a name begins or ends with the word "river" ("River Jordan", "Dnipro River").
fn says_river(name: &str) -> bool {
    let b = name.as_bytes();
    b.len() > 6
        && (b[..6].eq_ignore_ascii_case(b"river ")
            || b[b.len() - 6..].eq_ignore_ascii_case(b" river"))
}

/// Whether a gap describes the first place as lying in the second: ", the capital of",
/// ", a town in", ", a village in the".
fn is_description(gap: &str) -> bool {
    let Some(rest) = gap.strip_prefix(',') else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    let words = match words.first() {
        Some(&("the" | "a" | "an")) => &words[1..],
        _ => &words[..],
    };
    match words {
        [noun, preposition, rest @ ..] => {
            (is(SETTLEMENT_WORDS, noun) || is(AREA_WORDS, noun))
                && matches!(*preposition, "of" | "in")
                && rest.len() <= 1
        }
        _ => false,
    }
}

/// Whether a gap is a facility named after the place before it, then "in": the place is
/// in the region or country that follows ("the Belaya air base in Irkutsk region", "the Saky
/// airfield in Crimea"; but a firm's "Shell refinery in Pernis" is no town's).
fn is_facility_in(gap: &str) -> bool {
    // (The longest is three words: " oil depot in".)
    gap.len() <= 24
        && gap.strip_suffix(" in").is_some_and(|facility| {
            let words: Vec<&str> = facility.split(' ').collect();
            words.len() <= 3 && words.iter().all(|w| is(FACILITIES, w))
        })
}

/// The longest gap between two spots that can join them other than by its end (", the
/// capital of", "in the"), in bytes; a longer gap is read by its last this many bytes (a
/// bearing or a word of nearness: "… some 30 km north-east of").
const GAP_TAIL: usize = 48;

/// The last `at_most` bytes of `gap`, or a little more, to start on a character.
fn tail(gap: &str, at_most: usize) -> &str {
    let mut start = gap.len().saturating_sub(at_most);
    while !gap.is_char_boundary(start) {
        start -= 1;
    }
    &gap[start..]
}

/// A word that ends a list of Ukrainian or Russian names (see [`Sentence::list_end`]).
#[derive(Clone, Copy, PartialEq)]
enum ListEnd {
    /// A front's word: the names are adjectives of its towns.
    Front,
    /// A plural word for areas, or a region's government ("ОВА"): the names are those
    /// areas', of the kind given in the singular ("область", "район").
    Areas(&'static str),
}

/// How two neighbouring spots of a sentence are joined.
#[derive(Clone, Copy, PartialEq)]
enum Join {
    /// "Ukraine's Kharkiv".
    Possessive,
    /// "Izium in the Kharkiv region", "Nenagh, a town in".
    In,
    /// "Kyiv, Ukraine", or a list: "Sumy, Kharkiv and Odesa".
    Comma,
    /// "Selydove near Pokrovsk"; for every place of a list before it when it says so
    /// ("Ternove and Berezove (both east of Novopavlivka)").
    Near { whole_list: bool },
    /// "Nabatieh and Tyre".
    Conjunction,
    /// Anything else.
    Other,
}

/// Whether the spots from a join onwards may go on as a list: more commas, then a
/// conjunction ("Washington, New York and Boston").
/// (`then_name` says whether the last spot is followed by a conjunction and a capitalised
/// word the gazetteer lacks: "near Andriivka, Sosnivka and Vorone".)
fn goes_on_as_list(joins: &[Join], then_name: impl Fn(usize) -> bool) -> bool {
    let commas = joins.iter().take_while(|&&j| j == Join::Comma).count();
    joins.get(commas) == Some(&Join::Conjunction) || then_name(commas)
}

/// Whether a conjunction and a capitalised word follow the text before `at`: ", and Vorone",
/// " or Kupiansk".
fn conjunction_and_name_follow(text: &str, at: usize) -> bool {
    let rest = text[at..].trim_start_matches([',', ' ']);
    let Some((conjunction, after)) = rest.split_once(' ') else {
        return false;
    };
    is_conjunction(conjunction) && after.starts_with(|c: char| c.is_uppercase())
}

/// Links each spot of a sentence (with the indexes of its first and last token) to the spot
/// that contains it or that it lies near; links are spot indexes, offset by `base`.
/// (`names_area` says whether a spot's name is a region's or a country's.)
fn link(
    text: &str,
    base: usize,
    out: &mut [Spot],
    token_range: &[(usize, usize)],
    words: &[Token],
    names_area: impl Fn(&Spot) -> bool,
) {
    let joins: Vec<Join> = (1..out.len())
        .map(|b| {
            let a = b - 1;
            // (A demonym read for context joins nothing.)
            if out[a].cues.context_only || out[b].cues.context_only {
                return Join::Other;
            }
            let gap = &text[out[a].span.end..out[b].span.start];
            // Every join is told by the gap's last few words: a long gap is read by its tail.
            // (But nearness is the first's only across a short gap that joins nothing else:
            // not in "Muridke early on Wednesday, after gunmen killed tourists near Pahalgam",
            // nor "the Natanz site and targets around Tehran".)
            // ("As well as" joins as a conjunction does: "Volchansk, as well as near Krasny
            // Liman".)
            let short = gap.len() <= GAP_TAIL
                && !gap.split(' ').any(is_conjunction)
                && !gap.contains(" well as ");
            // (A front named after the first is no place by the second: in "the Orikhiv
            // direction near Stepove" the fighting is near Stepove, not Orikhiv.)
            let names_a_front = gap
                .split_whitespace()
                .next()
                .is_some_and(|w| is(FRONTS, &w.to_lowercase()));
            let gap = tail(gap, GAP_TAIL);
            // (Most gaps are lower case already.)
            let lower = if gap.chars().any(char::is_uppercase) {
                Cow::Owned(gap.to_lowercase())
            } else {
                Cow::Borrowed(gap)
            };
            let mut gap = &*lower;
            // (Whether "the" ends the gap: a comma and "the" begin no apposition, "Sirte, the
            // US said".)
            let mut the = false;
            while let Some(before) = gap.strip_suffix("the ") {
                gap = before;
                the = true;
            }
            // (A direction before the second names part of it: "Banjska, in northern Kosovo";
            // only a short gap can be a join.)
            let gap = match gap.trim_end().rsplit_once(' ') {
                Some((before, last)) if gap.len() <= 24 && is(DIRECTIONS, last) => before,
                _ => gap,
            };
            let trimmed = gap.trim();
            let (a_last, b_first) = (token_range[a].1, token_range[b].0);
            if words[a_last].possessive && b_first == a_last + 1 {
                Join::Possessive
            } else if matches!(trimmed, "in" | ", in" | "in the" | ", in the" | "у" | "в")
                || is_description(trimmed)
                || (is_facility_in(trimmed) && names_area(&out[b]))
                // (Ukrainian and Russian put a place's region after it, in the genitive:
                // "Новоивановка Днепропетровской области".)
                || (trimmed.is_empty()
                    && out[a].cues.cyrillic
                    && out[b].cues.cyrillic
                    && names_area(&out[b]))
            {
                Join::In
            } else if matches!(trimmed, "," | "(") && !the {
                Join::Comma
            } else if short
                && !names_a_front
                && (ends_with_bearing(trimmed)
                    || PROXIMITY.iter().any(|p| {
                        trimmed
                            .strip_suffix(p)
                            .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
                    }))
            {
                Join::Near {
                    whole_list: trimmed
                        .split([' ', '(', ','])
                        .any(|w| w == "both" || w == "all"),
                }
            } else if is_conjunction(without_commas(trimmed)) {
                Join::Conjunction
            } else {
                Join::Other
            }
        })
        .collect();
    for (a, &join) in joins.iter().enumerate() {
        let b = a + 1;
        // A container named with its own ("Palma in Mozambique's Cabo Delgado province"):
        // the nearer one holds it.
        let holder = match joins.get(b) {
            Some(Join::Possessive) => b + 1,
            _ => b,
        };
        match join {
            // The first contains the second.
            Join::Possessive => {
                out[b].cues.container = Some(base + a);
                out[b].cues.container_explicit = true;
            }
            Join::In => {
                out[a].cues.container = Some(base + holder);
                out[a].cues.container_explicit = true;
            }
            // "Kyiv, Ukraine"; but "Washington, New York and Boston" may be a list, which
            // resolution tells by the names' readings ("Lebanon, Tennessee and Nashville").
            Join::Comma => {
                out[a].cues.container = Some(base + holder);
                out[a].cues.container_explicit = out[b].cues.qualifier;
                let then_name = |k: usize| conjunction_and_name_follow(text, out[b + k].span.end);
                if !out[b].cues.qualifier && goes_on_as_list(&joins[b..], then_name) {
                    out[b].cues.list = Some(base + a);
                }
            }
            Join::Near { whole_list } => {
                out[a].cues.near = Some(base + b);
                let mut member = a;
                while let Some(before) = out[member].cues.list.filter(|_| whole_list) {
                    member = before - base;
                    out[member].cues.near = Some(base + b);
                }
            }
            Join::Conjunction => out[b].cues.list = Some(base + a),
            Join::Other => {}
        }
    }
}
