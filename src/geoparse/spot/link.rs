//! Linking a sentence's spots: which spot contains another ("X in Y", "X, Y", "Y's X"),
//! which one a spot lies near, and which spots make a list.

use super::*;

/// Makes every place of a list followed by a plural word for areas such an area, under its
/// name and the singular ("the Bryansk, Kursk and Belgorod regions": the Bryansk region…),
/// where the gazetteer knows that name; `out` are a sentence's spots, linked, offset by `base`.
pub(super) fn areas_of_a_list(
    text: &str,
    base: usize,
    out: &mut [Spot],
    vocabulary: &mut Words<'_, '_>,
) {
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
pub(super) fn without_commas(gap: &str) -> &str {
    let mut rest = gap;
    while let Some(after) = rest.strip_prefix(", ") {
        rest = after;
    }
    rest
}

/// Whether a gap is a hyphen alone, joining two words into one.
pub(super) fn is_hyphen(gap: &str) -> bool {
    matches!(gap, "-" | "‐" | "‑")
}

/// Whether a name begins or ends with the word "river" ("River Jordan", "Dnipro River").
pub(super) fn says_river(name: &str) -> bool {
    let b = name.as_bytes();
    b.len() > 6
        && (b[..6].eq_ignore_ascii_case(b"river ")
            || b[b.len() - 6..].eq_ignore_ascii_case(b" river"))
}

/// Whether a gap describes the first place as lying in the second: ", the capital of",
/// ", a town in", ", a village in the".
pub(super) fn is_description(gap: &str) -> bool {
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
pub(super) fn is_facility_in(gap: &str) -> bool {
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
pub(super) const GAP_TAIL: usize = 48;

/// The last `at_most` bytes of `gap`, or a little more, to start on a character.
pub(super) fn tail(gap: &str, at_most: usize) -> &str {
    let mut start = gap.len().saturating_sub(at_most);
    while !gap.is_char_boundary(start) {
        start -= 1;
    }
    &gap[start..]
}

/// A word that ends a list of Ukrainian or Russian names (see [`Sentence::list_end`]).
#[derive(Clone, Copy, PartialEq)]
pub(super) enum ListEnd {
    /// A front's word: the names are adjectives of its towns.
    Front,
    /// A plural word for areas, or a region's government ("ОВА"): the names are those
    /// areas', of the kind given in the singular ("область", "район").
    Areas(&'static str),
}

/// How two neighbouring spots of a sentence are joined.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Join {
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
pub(super) fn goes_on_as_list(joins: &[Join], then_name: impl Fn(usize) -> bool) -> bool {
    let commas = joins.iter().take_while(|&&j| j == Join::Comma).count();
    joins.get(commas) == Some(&Join::Conjunction) || then_name(commas)
}

/// Whether a conjunction and a capitalised word follow the text before `at`: ", and Vorone",
/// " or Kupiansk".
pub(super) fn conjunction_and_name_follow(text: &str, at: usize) -> bool {
    let rest = text[at..].trim_start_matches([',', ' ']);
    let Some((conjunction, after)) = rest.split_once(' ') else {
        return false;
    };
    is_conjunction(conjunction) && after.starts_with(|c: char| c.is_uppercase())
}

/// Links each spot of a sentence (with the indexes of its first and last token) to the spot
/// that contains it or that it lies near; links are spot indexes, offset by `base`.
/// (`names_area` says whether a spot's name is a region's or a country's.)
pub(super) fn link(
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
