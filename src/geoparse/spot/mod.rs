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
use super::vocabulary::{Filing, Name, Word, Words};
use super::words::{
    AREA_WORDS, DIRECTIONS, FACILITIES, FRONTS, PROXIMITY, SETTLEMENT_WORDS, ends_with_bearing, is,
    singular_area,
};
use crate::gazetteer::{Candidate, Entry, Gazetteer, Kind};
use crate::text::{Case, Token, normalize, sentences, tokens};
use rustc_hash::FxHashSet;
use std::borrow::Cow;
use std::ops::Range;

mod evidence;
mod link;
mod matching;
mod rules;

pub(crate) use rules::Recognition;
mod sentence;

use link::*;

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
    /// The recognition rule that found it a place, if one spoke (most spots are places
    /// because no rule speaks against them).
    pub(crate) rule: Option<Recognition>,
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
    /// The runs of words the gazetteer knows that were found no place, with the rule that
    /// said so.
    pub(crate) rejected: Vec<(Range<usize>, Recognition)>,
}

/// How strongly an entry stands for itself: how likely a reader takes its name for it, and
/// so how much evidence a rule needs before reading the name as something else (a person's, a
/// firm's, an ordinary word).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Names no place.
    #[default]
    Nothing,
    /// A village, a town, a district.
    Minor,
    /// A first-level region, a water, a curated area, a city of 100,000.
    Notable,
    /// A country, a national capital, a city of a million.
    Major,
}

/// The [`Strength`] of a candidate's entry.
pub fn strength(c: &Candidate<'_>) -> Strength {
    entry_strength(&c.entry)
}

/// The [`Strength`] of an entry.
pub fn entry_strength(e: &Entry<'_>) -> Strength {
    match e.kind() {
        Kind::Country => Strength::Major,
        Kind::Place if e.is_capital() || e.population() >= 1_000_000 => Strength::Major,
        Kind::Place if e.population() >= 100_000 => Strength::Notable,
        Kind::Place => Strength::Minor,
        Kind::Admin2 => Strength::Minor,
        Kind::Admin1 | Kind::Sea | Kind::Lake | Kind::River | Kind::Region => Strength::Notable,
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
        sentences,
        spots,
        rejected,
        ..
    } = spot_with(text, options, &mut words);
    Spots {
        sentences,
        spots,
        names: Cow::Owned(words.into_names()),
        rejected,
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
    let mut rejected = Vec::new();
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
            rejected: &mut rejected,
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
        s.cues.person =
            persons.contains(&name.key) && !s.cues.locative && name.strongest < Strength::Notable;
    }
    Spots {
        sentences: sentence_spans,
        spots,
        names: Cow::Borrowed(names),
        rejected,
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
        if !gazetted.common && (gazetted.strength > Strength::Nothing || begins_name[k]) {
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
    /// The candidates found no place, with the rule that said so.
    rejected: &'a mut Vec<(Range<usize>, Recognition)>,
    scratch: &'a mut Scratch,
    options: Options,
}

impl<'t> Sentence<'_, 't, '_> {
    /// What the word of token `k` is.
    pub(super) fn word(&mut self, k: usize) -> Word {
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
    pub(super) fn list_end(&mut self, k: usize) -> Option<ListEnd> {
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
    pub(super) fn event_follows(&mut self, k: usize) -> bool {
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
    pub(super) fn word_after_list(&self, k: usize, reach: usize) -> Option<usize> {
        (k + 1..(k + reach).min(self.words.len())).find(|&j| {
            !self.capitalised(j) && !is_conjunction(&self.text[self.words[j].span.clone()])
        })
    }

    /// Whether the sentence is Ukrainian: it has letters Russian lacks.
    pub(super) fn ukrainian(&self) -> bool {
        let (Some(first), Some(last)) = (self.words.first(), self.words.last()) else {
            return false;
        };
        self.text[first.span.start..last.span.end]
            .contains(['і', 'ї', 'є', 'ґ', 'І', 'Ї', 'Є', 'Ґ'])
    }

    /// The text between token `k` and the next (which must exist).
    pub(super) fn gap_after(&self, k: usize) -> &'t str {
        &self.text[self.words[k].span.end..self.words[k + 1].span.start]
    }

    /// The word right before token `first`, if only spaces (or, with `loose`, any
    /// non-sentence punctuation such as a full stop after "Mr") separate them.
    pub(super) fn prev(&mut self, first: usize, loose: bool) -> Option<Word> {
        let k = first.checked_sub(1)?;
        let gap = self.gap_after(k);
        let tight = spaces_only(gap) && !self.words[k].possessive;
        let dotted = loose && (gap == ". " || gap == ".\u{a0}");
        // (A word hyphened to the one before it is part of a compound, no word of its own:
        // "Power-On Time" has no locative.)
        ((tight || dotted) && !self.hyphened(k)).then(|| self.word(k))
    }

    /// Whether token `k` is hyphened to the one before it ("Power-On", "Russian-occupied").
    pub(super) fn hyphened(&self, k: usize) -> bool {
        k > 0 && is_hyphen(self.gap_after(k - 1))
    }

    /// The token right before token `first`, if only spaces separate them.
    pub(super) fn prev_token(&self, first: usize) -> Option<usize> {
        let k = first.checked_sub(1)?;
        (spaces_only(self.gap_after(k)) && !self.words[k].possessive).then_some(k)
    }

    /// The token right after token `last`, if only spaces separate them.
    pub(super) fn next_token(&self, last: usize) -> Option<usize> {
        self.words.get(last + 1)?;
        (spaces_only(self.gap_after(last)) && !self.words[last].possessive).then_some(last + 1)
    }

    pub(super) fn next(&mut self, last: usize) -> Option<Word> {
        self.next_token(last).map(|k| self.word(k))
    }

    pub(super) fn capitalised(&self, k: usize) -> bool {
        matches!(self.words[k].case, Case::Title | Case::Upper)
    }

    /// Whether tokens `first..=last` stand in a list right after a place found (`tokens` are
    /// the found places' first and last tokens) and before a capitalised word: "Nabatieh,
    /// Tyre and Bint Jbeil".
    pub(super) fn amid_places(
        &mut self,
        first: usize,
        last: usize,
        tokens: &[(usize, usize)],
    ) -> bool {
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
    pub(super) fn of_word(
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
    pub(super) fn conjunction_before(&mut self, first: usize) -> bool {
        self.prev(first, false)
            .is_some_and(|w| is_conjunction(self.vocabulary.lower(w)))
    }
}
