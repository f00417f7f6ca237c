//! Sentence segmentation with byte spans.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets) followed by
//! white space and a capital letter, digit or opening quote, unless the word before the full
//! stop is an abbreviation (`U.S.`, `Gen.`, `Mr.`, `Jan.`, an initial). A line break always
//! ends a sentence: pasted articles put headlines, datelines and paragraphs on lines of their own.

use std::ops::Range;

/// Words that end with a full stop without ending the sentence (compared in lower case).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm",
    "cmdr", "gov", "sen", "rep", "pres", "amb", "rev", "st", "mt", "ft", "jr", "sr", "no", "vs",
    "etc", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "approx", "est", "dept", "univ", "ave", "blvd", "gen", "brig",
    "pvt", "г", "гг", "ул", "им", "т", "д", "с", "ст",
];

/// The bytes that every sentence end starts with (0xE2 starts `…` and the paragraph
/// separator, and is never inside a character), as a table to read the text quickly.
const ENDS: [bool; 256] = {
    let mut table = [false; 256];
    let mut k = 0;
    let bytes = [b'\n', b'\r', b'.', b'!', b'?', 0xE2];
    while k < bytes.len() {
        table[bytes[k] as usize] = true;
        k += 1;
    }
    table
};

/// The sentences of `text`, as byte ranges without surrounding white space.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Every sentence end starts with one of the ENDS: the rest are passed over unread.
        match bytes[i..].iter().position(|&b| ENDS[usize::from(b)]) {
            Some(skip) => i += skip,
            None => break,
        }
        let c = text[i..].chars().next().unwrap_or_default();
        let end = i + c.len_utf8();
        let mut next_i = end;
        let boundary = match c {
            '\n' | '\r' | '\u{2029}' => Some(i),
            '.' | '!' | '?' | '…' => {
                // Take closing quotes and brackets into the sentence.
                let mut close = end;
                for d in text[end..].chars() {
                    if matches!(d, '"' | '\'' | '”' | '’' | '»' | ')' | ']') {
                        close += d.len_utf8();
                    } else {
                        break;
                    }
                }
                next_i = close;
                let after = &text[close..];
                let next = after.trim_start_matches([' ', '\t', '\u{a0}']);
                let spaced = next.len() < after.len();
                let starts_sentence = next.chars().next().is_some_and(|n| {
                    n.is_uppercase()
                        || n.is_ascii_digit()
                        || matches!(n, '"' | '“' | '«' | '\'' | '‘' | '(')
                });
                if spaced && starts_sentence && !(c == '.' && abbreviation_before(text, i)) {
                    Some(close)
                } else {
                    None
                }
            }
            _ => None,
        };
        i = next_i;
        if let Some(stop) = boundary {
            push_trimmed(text, start, stop, &mut out);
            start = if bytes.get(stop).is_some_and(|b| *b == b'\n' || *b == b'\r') {
                stop + 1
            } else {
                stop
            };
        }
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    if start >= end {
        return;
    }
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(start + lead..end - trail);
    }
}

/// Whether the word ending just before the full stop at `dot` is an abbreviation.
fn abbreviation_before(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic() && c != '.')
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // U.S., U.N., e.g.: letters separated by dots.
    if word.contains('.') {
        return true;
    }
    let letters = word.chars().count();
    // An initial: "Cleve R. Wootson".
    if letters == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    if word.is_ascii() {
        return ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word));
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::sentences;

    #[test]
    fn sentences_end_at_full_stops_not_abbreviations() {
        let text = "Gen. Syrskyi visited the U.S. base. Then he flew to Kyiv.\nNext line";
        let found: Vec<&str> = sentences(text).into_iter().map(|s| &text[s]).collect();
        assert_eq!(
            found,
            [
                "Gen. Syrskyi visited the U.S. base.",
                "Then he flew to Kyiv.",
                "Next line"
            ]
        );
    }

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|s| &text[s]).collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            split(
                "Mr. Kirby said Lt. Gen. Smith met U.S. and U.K. officials on Jan. 5. It rained."
            ),
            [
                "Mr. Kirby said Lt. Gen. Smith met U.S. and U.K. officials on Jan. 5.",
                "It rained."
            ]
        );
    }

    #[test]
    fn questions_quotes_and_lines() {
        assert_eq!(
            split("“Where is Sumy?” he asked. She said: “In Ukraine.” \n\nKYIV (AP) — Drones hit."),
            [
                "“Where is Sumy?” he asked.",
                "She said: “In Ukraine.”",
                "KYIV (AP) — Drones hit."
            ]
        );
    }

    #[test]
    fn decimals_and_lowercase_continuations_stay() {
        assert_eq!(
            split("It grew 2.5 percent. e.g. this one"),
            ["It grew 2.5 percent. e.g. this one"]
        );
    }

    #[test]
    fn cyrillic_sentences() {
        assert_eq!(
            split("Взрывы прогремели в Харькове. Украинские войска держат оборону."),
            [
                "Взрывы прогремели в Харькове.",
                "Украинские войска держат оборону."
            ]
        );
    }

    #[test]
    fn empty_and_blank() {
        assert!(sentences("").is_empty());
        assert!(sentences(" \n\n ").is_empty());
    }
}
