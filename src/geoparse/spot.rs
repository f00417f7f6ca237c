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
//! - months, days and short acronyms that only name small places are not places.
//!
//! Spots also carry the cues that resolution uses: a locative before ("in", "near"), a
//! generic word after ("region", "city"), and links to the spot that contains them
//! ("X in Y", "X, Y", "X (Y)", "Y's X") or that they lie near ("near Y").

use super::inflect::{is_cyrillic, nominatives};
use super::words::{
    AREA_WORDS, CALENDAR, DIRECTIONS, LOCATIVES, ORGANISATION_HEADS, PROXIMITY, SETTLEMENT_WORDS,
    SPEECH, TITLES, is,
};
use crate::gazetteer::{Candidate, Gazetteer, Kind, Provenance};
use crate::text::{Case, Token, normalize, sentences, tokens};
use std::collections::HashSet;
use std::ops::Range;

/// Longest name, in tokens, that the matcher tries.
pub const MAX_TOKENS: usize = 5;

/// A span of text that names a place, with its candidates and the cues around it.
#[derive(Clone, Debug)]
pub struct Spot<'g> {
    /// Byte span of the name in the text.
    pub span: Range<usize>,
    /// Index of its sentence in [`Spots::sentences`].
    pub sentence: usize,
    /// The gazetteer key that matched.
    pub key: String,
    /// The entries the name may mean.
    pub candidates: Vec<Candidate<'g>>,
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
    /// A word for a settlement follows ("city", "town").
    pub wants_settlement: bool,
    /// The spot (index into the spots) that contains this one: "X in Y", "X, Y", "X (Y)",
    /// "Y's X".
    pub container: Option<usize>,
    /// Whether the text says so outright ("X in Y"), rather than by apposition ("X, Y"),
    /// which lists also use.
    pub container_explicit: bool,
    /// The spot this one lies near: "X near Y", "around Y and X".
    pub near: Option<usize>,
    /// The name was matched through an inflected form.
    pub inflected: bool,
    /// The name is written in Cyrillic.
    pub cyrillic: bool,
    /// The text shows later that the name is a person's ("Ingram expectations. Tom Ingram
    /// was…"), and nothing here says it is a place.
    pub person: bool,
}

/// The result of recognition.
#[derive(Clone, Debug)]
pub struct Spots<'g> {
    /// Sentence spans of the text.
    pub sentences: Vec<Range<usize>>,
    /// Spots in text order.
    pub spots: Vec<Spot<'g>>,
}

/// How strongly an entry stands for itself: 3 for countries, capitals and cities of a million,
/// 2 for regions, waters and cities of 100,000, 1 for the rest.
pub fn strength(c: &Candidate<'_>) -> u8 {
    let e = &c.entry;
    match e.kind() {
        Kind::Country => 3,
        Kind::Place if e.is_capital() || e.population() >= 1_000_000 => 3,
        Kind::Place if e.population() >= 100_000 => 2,
        Kind::Place => 1,
        Kind::Admin2 => 1,
        Kind::Admin1 | Kind::Sea | Kind::River | Kind::Region => 2,
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
pub fn spot<'g>(gazetteer: &'g Gazetteer, text: &str, options: Options) -> Spots<'g> {
    let sentence_spans = sentences(text);
    let all_tokens = tokens(text);
    let mut spots: Vec<Spot<'g>> = Vec::new();
    let mut persons: HashSet<String> = HashSet::new();
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
        let words = &all_tokens[first_token..end];
        let sentence_spots = spot_sentence(gazetteer, text, words, s, &mut persons, options);
        let linked = link(text, spots.len(), sentence_spots, words);
        spots.extend(linked);
        first_token = end;
    }
    // A name the text shows to be a person's, anywhere, is a person's before that too, unless
    // it names a notable place or follows a locative ("in Jackson").
    for s in &mut spots {
        s.cues.person = persons.contains(&s.key)
            && !s.cues.locative
            && s.candidates.iter().all(|c| strength(c) < 2);
    }
    Spots {
        sentences: sentence_spans,
        spots,
    }
}

/// Whether capitals tell nothing in this sentence: a headline or an all-capitals line.
fn capitals_uninformative(text: &str, words: &[Token]) -> bool {
    let cased: Vec<&Token> = words.iter().filter(|t| t.case != Case::Other).collect();
    if cased.len() < 6 {
        return cased.iter().all(|t| t.case == Case::Upper) && cased.len() >= 2;
    }
    let capitalised = cased
        .iter()
        .filter(|t| matches!(t.case, Case::Title | Case::Upper))
        .count();
    // Short function words stay lower case in title-case headlines.
    let function_words = cased
        .iter()
        .filter(|t| t.case == Case::Lower && text[t.span.clone()].len() <= 3)
        .count();
    capitalised * 10 >= (cased.len() - function_words) * 8
}

/// Whether two neighbouring tokens may belong to one name: only spaces, a hyphen, or the full
/// stop of a short abbreviation ("St. Petersburg") between them.
fn joinable(text: &str, left: &Token, right: &Token) -> bool {
    let gap = &text[left.span.end..right.span.start];
    if left.possessive {
        return false;
    }
    if gap.chars().all(|c| c == ' ' || c == '\u{a0}') && !gap.is_empty() {
        return true;
    }
    if matches!(gap, "-" | "‐" | "‑") {
        return true;
    }
    let word = &text[left.span.clone()];
    let letter = |t: &Token| text[t.span.clone()].chars().count() == 1;
    // Initialisms: "U.S.", "U.K.", "B.C.".
    if gap == "." && letter(left) && letter(right) {
        return true;
    }
    gap.starts_with('.') && gap[1..].chars().all(|c| c == ' ') && gap.len() > 1 && word.len() <= 3
}

/// The lower-case word of a token.
fn lower(text: &str, t: &Token) -> String {
    text[t.span.clone()].to_lowercase()
}

fn spot_sentence<'g>(
    gazetteer: &'g Gazetteer,
    text: &str,
    words: &[Token],
    sentence: usize,
    persons: &mut HashSet<String>,
    options: Options,
) -> Vec<(Spot<'g>, usize, usize)> {
    let headline = capitals_uninformative(text, words);
    let mut out = Vec::new();
    // Whether the last place of the sentence followed a locative, so that "near Nabatieh and
    // Tyre" counts for both.
    let mut listed_locative = false;
    let mut i = 0;
    while i < words.len() {
        let t = &words[i];
        if !matches!(t.case, Case::Title | Case::Upper) {
            i += 1;
            continue;
        }
        let Some((len, key, mut candidates, inflected)) = longest_match(gazetteer, text, words, i)
        else {
            i += 1;
            continue;
        };
        // A demonym ("Russian") stands for its country only when asked for.
        if candidates.iter().any(|c| c.demonym) {
            if !options.demonyms {
                i += len;
                continue;
            }
            candidates.retain(|c| c.demonym);
        }
        let span = words[i].span.start..words[i + len - 1].span.end;
        let context = Context {
            text,
            words,
            first: i,
            last: i + len - 1,
            headline,
        };
        let listed = listed_locative
            && matches!(
                context.prev_word(false).as_deref(),
                Some("and" | "or" | "і" | "и" | "та")
            );
        if context.is_place(gazetteer, &key, &candidates, persons, listed) {
            let next = context.next_word();
            let prev = context.prev_word(true);
            let cues = Cues {
                locative: prev.as_deref().is_some_and(|w| is(LOCATIVES, w))
                    || (listed_locative
                        && matches!(prev.as_deref(), Some("and" | "or" | "і" | "и" | "та"))),
                wants_area: next.as_deref().is_some_and(|w| is(AREA_WORDS, w)),
                wants_settlement: next.as_deref().is_some_and(|w| is(SETTLEMENT_WORDS, w))
                    || (prev.as_deref() == Some("of")
                        && i >= 2
                        && is(SETTLEMENT_WORDS, &lower(text, &words[i - 2]))),
                inflected,
                cyrillic: is_cyrillic(&text[span.clone()]),
                ..Cues::default()
            };
            listed_locative = cues.locative;
            out.push((
                Spot {
                    span,
                    sentence,
                    key,
                    candidates,
                    cues,
                },
                i,
                i + len - 1,
            ));
        }
        i += len;
    }
    out
}

/// The longest name starting at token `i`: its length in tokens, key, candidates, and whether
/// it was found through an inflected form.
fn longest_match<'g>(
    gazetteer: &'g Gazetteer,
    text: &str,
    words: &[Token],
    i: usize,
) -> Option<(usize, String, Vec<Candidate<'g>>, bool)> {
    let mut max = 1;
    while max < MAX_TOKENS
        && i + max < words.len()
        && joinable(text, &words[i + max - 1], &words[i + max])
    {
        max += 1;
    }
    // Latin names: one walk of the name automaton along the whole run of words finds the
    // longest name at once (the key of each shorter run is a prefix of the key of the whole,
    // ending where a word ends).
    if !is_cyrillic(&text[words[i].span.clone()]) {
        let key = normalize(&text[words[i].span.start..words[i + max - 1].span.end]);
        let mut ends: Vec<usize> = key.match_indices(' ').map(|(at, _)| at).collect();
        ends.push(key.len());
        if ends.len() == max {
            let end = gazetteer.longest_name(&key, &ends)?;
            let len = ends.iter().position(|&e| e == end)? + 1;
            let key = key[..end].to_string();
            let found = gazetteer.lookup(&key);
            return Some((len, key, found, false));
        }
    }
    for len in (1..=max).rev() {
        let span = words[i].span.start..words[i + len - 1].span.end;
        let key = normalize(&text[span]);
        let found = gazetteer.lookup(&key);
        let cyrillic = len <= 2 && is_cyrillic(&text[words[i].span.clone()]);
        if !found.is_empty() && !cyrillic {
            return Some((len, key, found, false));
        }
        // Declined Ukrainian and Russian names, for names of one or two words: the form as
        // written and each guessed nominative ("Покровська" is an alias of a hamlet as
        // written; "Покровськ" names Pokrovsk).
        if cyrillic {
            let forms: Vec<Vec<String>> = (i..i + len)
                .map(|k| {
                    let word = &text[words[k].span.clone()];
                    let mut forms = vec![word.to_string()];
                    forms.extend(nominatives(word));
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
            let mut found: Vec<(String, Vec<Candidate<'g>>, bool)> = Vec::new();
            for (n, form) in combinations.iter().enumerate() {
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
                let candidates: Vec<Candidate<'g>> = found
                    .iter()
                    .flat_map(|(_, c, _)| c.iter().copied())
                    .collect();
                return Some((len, key.clone(), candidates, *inflected));
            }
        }
    }
    None
}

/// The tokens around a candidate spot.
struct Context<'a> {
    text: &'a str,
    words: &'a [Token],
    first: usize,
    last: usize,
    headline: bool,
}

impl Context<'_> {
    /// The word right before the spot, if only spaces (or, with `loose`, any non-sentence
    /// punctuation such as a full stop after "Mr") separate them.
    fn prev_word(&self, loose: bool) -> Option<String> {
        let prev = self.words.get(self.first.checked_sub(1)?)?;
        let gap = &self.text[prev.span.end..self.words[self.first].span.start];
        let tight = gap.chars().all(|c| c == ' ' || c == '\u{a0}') && !prev.possessive;
        let dotted = loose && (gap == ". " || gap == ".\u{a0}");
        (tight || dotted).then(|| lower(self.text, prev))
    }

    fn prev_token(&self) -> Option<&Token> {
        let prev = self.words.get(self.first.checked_sub(1)?)?;
        let gap = &self.text[prev.span.end..self.words[self.first].span.start];
        (gap.chars().all(|c| c == ' ' || c == '\u{a0}') && !prev.possessive).then_some(prev)
    }

    fn next_token(&self) -> Option<&Token> {
        let next = self.words.get(self.last + 1)?;
        let gap = &self.text[self.words[self.last].span.end..next.span.start];
        (gap.chars().all(|c| c == ' ' || c == '\u{a0}') && !self.words[self.last].possessive)
            .then_some(next)
    }

    fn next_word(&self) -> Option<String> {
        self.next_token().map(|t| lower(self.text, t))
    }

    fn sentence_initial(&self) -> bool {
        self.first == 0
    }

    /// Whether a capitalised neighbour is an ordinary word or a title rather than part of a
    /// name (the first word of a sentence is capitalised whatever it is).
    fn is_name_word(&self, gazetteer: &Gazetteer, t: &Token, index: usize) -> bool {
        if !matches!(t.case, Case::Title | Case::Upper) {
            return false;
        }
        let word = lower(self.text, t);
        // No word list for Cyrillic: a sentence's capitalised first word tells nothing there.
        if index == 0 && is_cyrillic(&word) {
            return false;
        }
        // A capital inside a sentence, just before the place, marks a name even when the word
        // is also an ordinary one ("John Kelly", "Bill Burns").
        let inside_before =
            index > 0 && index < self.first && !self.headline && t.case == Case::Title;
        let key = normalize(&word);
        let ordinary = !inside_before
            && (gazetteer.is_common_word(&key) || COMMON_CAPITALISED.contains(&word.as_str()));
        !(is(DIRECTIONS, &word)
            || is(TITLES, &word)
            || is(CALENDAR, &word)
            || is(SPEECH, &word)
            || is(AREA_WORDS, &word)
            || is(SETTLEMENT_WORDS, &word)
            || is(ORGANISATION_HEADS, &word)
            || ordinary
            || word.chars().count() <= 1)
    }

    /// Whether the spot names a place, on the evidence around it (see the module docs).
    fn is_place(
        &self,
        gazetteer: &Gazetteer,
        key: &str,
        candidates: &[Candidate<'_>],
        persons: &mut HashSet<String>,
        listed_locative: bool,
    ) -> bool {
        let single = self.first == self.last;
        let token = &self.words[self.first];
        let word = lower(self.text, token);
        let best = candidates.iter().map(strength).max().unwrap_or(1);
        let best_main = candidates
            .iter()
            .filter(|c| c.main_name)
            .map(strength)
            .max()
            .unwrap_or(0);
        let prev = self.prev_word(true);

        if single && (is(CALENDAR, &word) || is(DIRECTIONS, &word) || is(TITLES, &word)) {
            return false;
        }
        if persons.contains(key) {
            return false;
        }
        // "President Macron", "Mr. Kirby", "Gen. Kellogg".
        if prev.as_deref().is_some_and(|w| is(TITLES, w)) {
            persons.insert(key.to_string());
            return false;
        }
        // Acronyms: "US", "UK" name countries; "NATO", "EU", "AP" only small places.
        if single
            && token.case == Case::Upper
            && !self.headline
            && word.chars().count() <= 5
            && best_main < 2
        {
            return false;
        }
        // A verb of speech next to it: a speaker, unless a capital or country speaks for its
        // government ("Moscow said").
        let speaks = self.next_word().is_some_and(|w| is(SPEECH, &w))
            || prev.as_deref().is_some_and(|w| is(SPEECH, w));
        if speaks && best < 3 {
            persons.insert(key.to_string());
            return false;
        }
        // Part of an organisation's or building's name: "Washington Post", "Black Sea Fleet".
        if let Some(next) = self.next_token() {
            let next_word = lower(self.text, next);
            if matches!(next.case, Case::Title | Case::Upper) && is(ORGANISATION_HEADS, &next_word)
            {
                return false;
            }
        }
        // "the White House", "the Pentagon": a building, unless a notable place is named.
        if prev.as_deref() == Some("the")
            && candidates.iter().all(|c| {
                c.entry.kind() == Kind::Place && c.entry.provenance() != Provenance::Curated
            })
            && best_main < 2
        {
            return false;
        }
        // First name: a capitalised word that is not a place follows ("Vladimir Putin",
        // "Donald Trump"). After a minor place any capitalised word counts; after a notable
        // one, only a word that is no ordinary word ("Kyiv Mayor" is a place and a title).
        if let Some(next) = self.next_token() {
            let next_key = normalize(&lower(self.text, next));
            let next_candidates = gazetteer.lookup(&next_key);
            let next_is_place = !next_candidates.is_empty();
            let next_strength = next_candidates.iter().map(strength).max().unwrap_or(0);
            let capitalised = matches!(next.case, Case::Title | Case::Upper);
            if capitalised
                && !ordinary_place_word(&next_key)
                && (self.is_name_word(gazetteer, next, self.last + 1)
                    || (!self.headline && best < 2))
                && (!next_is_place || best < 2 || next_strength < 2)
            {
                persons.insert(next_key);
                persons.insert(key.to_string());
                return false;
            }
        }
        // Surname: a capitalised word that is not a place comes before ("Lloyd Austin"). A
        // country, capital or city of millions is not taken for a surname after an ordinary
        // capitalised word ("By Trend Iran's"), nor remembered as a person's name.
        if let Some(prev_token) = self.prev_token()
            && self.is_name_word(gazetteer, prev_token, self.first - 1)
            && (best < 3 || !gazetteer.is_common_word(&normalize(&lower(self.text, prev_token))))
            && gazetteer
                .lookup(&normalize(&lower(self.text, prev_token)))
                .iter()
                .all(|c| strength(c) < 2)
        {
            if best < 3 {
                persons.insert(key.to_string());
            }
            return false;
        }
        // Ordinary English words: "Nice", "Reading", "Bank", "Mobile", "Turkey".
        // (A name of ordinary words only, such as "White House" or "Far North", counts too.)
        let common = if single {
            gazetteer.is_common_word(key)
        } else {
            (self.first..=self.last)
                .all(|k| gazetteer.is_common_word(&normalize(&lower(self.text, &self.words[k]))))
        };
        if common {
            if self.headline || self.sentence_initial() || token.case == Case::Upper {
                return best_main >= if single { 3 } else { 2 };
            }
            let capitalised_neighbour = self
                .prev_token()
                .is_some_and(|t| matches!(t.case, Case::Title | Case::Upper))
                || self
                    .next_token()
                    .is_some_and(|t| matches!(t.case, Case::Title | Case::Upper));
            if capitalised_neighbour {
                return false;
            }
            let locative = prev.as_deref().is_some_and(|w| is(LOCATIVES, w)) || listed_locative;
            return best_main >= if single { 3 } else { 2 } || (locative && best_main >= 1);
        }
        true
    }
}

/// Capitalised words that are not names but that the word list only has capitalised (or not
/// at all): they may stand next to a place name without making it a person's.
const COMMON_CAPITALISED: &[&str] = &[
    "i",
    "i'm",
    "i've",
    "ok",
    "tv",
    "mps",
    "ukrainian",
    "russian",
];

/// Words that may follow a place name as part of a longer description ("Sumy Oblast").
fn ordinary_place_word(key: &str) -> bool {
    is(AREA_WORDS, key) || is(SETTLEMENT_WORDS, key) || is(DIRECTIONS, key)
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

/// Links each spot of a sentence (with the indexes of its first and last token) to the spot
/// that contains it or that it lies near; links are spot indexes, offset by `base`.
fn link<'g>(
    text: &str,
    base: usize,
    spots: Vec<(Spot<'g>, usize, usize)>,
    words: &[Token],
) -> Vec<Spot<'g>> {
    let token_range: Vec<(usize, usize)> = spots.iter().map(|&(_, f, l)| (f, l)).collect();
    let mut out: Vec<Spot<'g>> = spots.into_iter().map(|(spot, _, _)| spot).collect();
    for a in 0..out.len() {
        let Some(b) = (a + 1 < out.len()).then_some(a + 1) else {
            continue;
        };
        let gap = text[out[a].span.end..out[b].span.start].to_lowercase();
        let gap = gap.trim_end_matches("the ").to_string();
        let (a_last, b_first) = (token_range[a].1, token_range[b].0);
        if words[a_last].possessive && b_first == a_last + 1 {
            // "Ukraine's Kharkiv": the first contains the second.
            out[b].cues.container = Some(base + a);
        } else if matches!(
            gap.trim(),
            "in" | ", in" | "in the" | ", in the" | "у" | "в"
        ) || is_description(gap.trim())
        {
            out[a].cues.container = Some(base + b);
            out[a].cues.container_explicit = true;
        } else if matches!(gap.trim(), "," | "(") {
            out[a].cues.container = Some(base + b);
        } else if PROXIMITY.iter().any(|p| {
            gap.trim()
                .strip_suffix(p)
                .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
        }) {
            out[a].cues.near = Some(base + b);
        } else if matches!(gap.trim(), "and" | "," | "or") {
            // "around Pokrovsk and Kostiantynivka": listed together, near each other.
            out[b].cues.near = Some(base + a);
        }
    }
    out
}
