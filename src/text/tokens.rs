//! Word tokens with byte spans, for Latin and Cyrillic text.
//!
//! A token is a run of letters and digits. Apostrophes inside a word stay in it (`Pokrovs'k`,
//! `Мар'їнка`), but a possessive ending does not (`Moscow's`, `Ukraine’s` give `Moscow`,
//! `Ukraine`). Hyphens, dashes and all other punctuation separate tokens; what lies between two
//! tokens is their *gap*, which the matcher inspects.

use std::ops::Range;

/// How a token is written, which is evidence for or against a proper name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    /// All lower case: `forces`.
    Lower,
    /// An upper-case first letter and not all upper case: `Kyiv`, `McAllen`.
    Title,
    /// All upper case, two letters or more: `KYIV`, `NATO`.
    Upper,
    /// No cased letter first: digits, or scripts without case.
    Other,
}

/// A word of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the text.
    pub span: Range<usize>,
    /// How it is written.
    pub case: Case,
    /// Whether a possessive `'s` followed it (and was left out of the span).
    pub possessive: bool,
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || matches!(c, '\u{0300}'..='\u{036F}')
}

/// The character starting at byte `i` of `text`, and its length; quick for ASCII.
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    let c = text[i..].chars().next()?;
    Some((c, c.len_utf8()))
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// The words of `text`, in order.
// (Kept out of its callers: inlined, its loop's code shifted with every change to theirs.)
#[inline(never)]
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 8);
    let mut at = 0;
    while let Some((c, len)) = char_at(text, at) {
        if !is_word_char(c) {
            at += len;
            continue;
        }
        let start = at;
        let mut end = at + len;
        // The length of the apostrophe of a possessive `'s` after the word.
        let mut possessive = None;
        while let Some((c, len)) = char_at(text, end) {
            if is_word_char(c) {
                end += len;
            } else if is_apostrophe(c) {
                // Keep the apostrophe only when a letter follows; "'s" at a word's end is a
                // possessive, not part of the name.
                let mut after = text[end + len..].chars();
                match (after.next(), after.next()) {
                    (Some('s'), next) if !next.is_some_and(is_word_char) => {
                        possessive = Some(len);
                        break;
                    }
                    (Some(n), _) if is_word_char(n) => end += len,
                    _ => break,
                }
            } else {
                break;
            }
        }
        out.push(Token {
            span: start..end,
            case: case_of(&text[start..end]),
            possessive: possessive.is_some(),
        });
        // Past the word, and the apostrophe and the s of a possessive.
        at = end + possessive.map_or(0, |apostrophe| apostrophe + 1);
    }
    out
}

fn case_of(word: &str) -> Case {
    if word.is_ascii() {
        let mut letters = word.bytes().filter(u8::is_ascii_alphabetic);
        return match letters.next() {
            None => Case::Other,
            Some(first) if first.is_ascii_lowercase() => Case::Lower,
            Some(_) => match letters.next() {
                None => Case::Title,
                Some(second) if second.is_ascii_lowercase() => Case::Title,
                Some(_) if letters.all(|c| c.is_ascii_uppercase()) => Case::Upper,
                Some(_) => Case::Title,
            },
        };
    }
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return Case::Other;
    };
    if !first.is_uppercase() {
        return if first.is_lowercase() {
            Case::Lower
        } else {
            Case::Other
        };
    }
    let mut rest = letters.peekable();
    if rest.peek().is_none() {
        return Case::Title;
    }
    if rest.all(|c| !c.is_lowercase()) {
        Case::Upper
    } else {
        Case::Title
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_words_and_their_possessives_go() {
        let text = "Moscow's drones hit Pokrovs'k.";
        let words: Vec<&str> = tokens(text).iter().map(|t| &text[t.span.clone()]).collect();
        assert_eq!(words, ["Moscow", "drones", "hit", "Pokrovs'k"]);
    }

    fn words(text: &str) -> Vec<(&str, Case, bool)> {
        tokens(text)
            .into_iter()
            .map(|t| (&text[t.span], t.case, t.possessive))
            .collect()
    }

    #[test]
    fn possessives_and_apostrophes() {
        assert_eq!(
            words("Ukraine’s army, Moscow's Mar'yinka"),
            [
                ("Ukraine", Case::Title, true),
                ("army", Case::Lower, false),
                ("Moscow", Case::Title, true),
                ("Mar'yinka", Case::Title, false)
            ]
        );
    }

    #[test]
    fn hyphens_and_dashes_split() {
        let w: Vec<&str> = words("Nagorno-Karabakh — KYIV, Ukraine (AP)")
            .iter()
            .map(|w| w.0)
            .collect();
        assert_eq!(w, ["Nagorno", "Karabakh", "KYIV", "Ukraine", "AP"]);
        assert_eq!(words("KYIV")[0].1, Case::Upper);
    }

    #[test]
    fn cyrillic() {
        assert_eq!(
            words("Взрывы в Харькове и Мар'їнці"),
            [
                ("Взрывы", Case::Title, false),
                ("в", Case::Lower, false),
                ("Харькове", Case::Title, false),
                ("и", Case::Lower, false),
                ("Мар'їнці", Case::Title, false)
            ]
        );
    }

    #[test]
    fn spans_lie_on_char_boundaries() {
        let text = "Ünïcödé… «Київ» 2024";
        for t in tokens(text) {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        }
        assert_eq!(words("2024")[0].1, Case::Other);
    }
}
