//! Name normalisation: the one function that turns a place name, as written anywhere, into the
//! key under which the gazetteer files it.
//!
//! The builder files every name under its key and the geoparser looks text up by the same key,
//! so the two can never disagree. The key is:
//!
//! - lower case, without diacritics (`Bílá` → `bila`; `ł`, `ø`, `ß`… spelled out);
//! - without apostrophes (`Pokrovs'k`, `Pokrovs’k` → `pokrovsk`);
//! - with hyphens, dots and every other non-letter, non-digit run reduced to one space;
//! - Cyrillic transliterated to Latin, Ukrainian-style (`Київ` → `kiiv`, `Харків` → `kharkiv`);
//! - with `y` folded into `i`, so the spellings of one transliteration meet:
//!   `Kostiantynivka`, `Kostyantynivka` and `Костянтинівка` all become `kostiantinivka`.
//!
//! Different *names* stay different (`Konstantinovka` is the Russian name, not a spelling of
//! the Ukrainian one): the gazetteer lists such names as aliases.
//!
//! # Example
//! ```
//! use conflict_mapper::gazetteer::normalize;
//! assert_eq!(normalize("Kostyantynivka"), normalize("Костянтинівка"));
//! assert_eq!(normalize("Nagorno-Karabakh"), "nagorno karabakh");
//! ```

use unicode_normalization::char::decompose_canonical;

/// The gazetteer key of `name` (see the module documentation).
pub fn normalize(name: &str) -> String {
    let mut key = Key {
        text: String::with_capacity(name.len()),
        gap: false,
    };
    for c in name.chars() {
        if c.is_ascii() {
            match c {
                'a'..='z' | '0'..='9' => key.push(fold_y(c)),
                'A'..='Z' => key.push(fold_y(c.to_ascii_lowercase())),
                '\'' | '`' => {}
                _ => key.gap = true,
            }
            continue;
        }
        if is_apostrophe(c) {
            continue;
        }
        if let Some(latin) = cyrillic(c) {
            key.push(latin);
            continue;
        }
        if let Some(latin) = special_latin(c) {
            key.push(latin);
            continue;
        }
        if c.is_alphanumeric() {
            // Strip diacritics: decompose, keep base letters, drop combining marks.
            let mut base = String::new();
            decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    base.extend(d.to_lowercase());
                }
            });
            let base: String = base
                .chars()
                .map(|b| if b == 'y' { 'i' } else { b })
                .collect();
            key.push(&base);
        } else if !is_combining_mark(c) {
            key.gap = true;
        }
    }
    key.text
}

/// A key being written: letters are appended, and runs of separators become one space.
struct Key {
    text: String,
    gap: bool,
}

impl Key {
    fn push(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        if self.gap && !self.text.is_empty() {
            self.text.push(' ');
        }
        self.gap = false;
        self.text.push_str(s);
    }
}

fn fold_y(c: char) -> &'static str {
    // A static one-character string for each ASCII letter or digit.
    const ASCII: &str = "0123456789abcdefghijklmnopqrstuvwxyz";
    match c {
        'y' => "i",
        '0'..='9' => &ASCII[(c as usize - '0' as usize)..=(c as usize - '0' as usize)],
        _ => {
            let i = 10 + (c as usize - 'a' as usize);
            &ASCII[i..=i]
        }
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\u{2019}'
            | '\u{2018}'
            | '\u{02BC}'
            | '\u{02BB}'
            | '\u{02B9}'
            | '\u{00B4}'
            | '\u{2032}'
            | '\u{201D}'
            | '\u{201C}'
    )
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Latin letters that do not decompose into a base letter and a mark.
fn special_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' | 'ẞ' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ø' | 'Ø' => "o",
        'ł' | 'Ł' => "l",
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'þ' | 'Þ' => "th",
        'ı' => "i",
        'ħ' | 'Ħ' => "h",
        'ŀ' | 'Ŀ' => "l",
        'ŧ' | 'Ŧ' => "t",
        'ƒ' => "f",
        _ => return None,
    })
}

/// Ukrainian-style romanisation of Russian, Ukrainian and Belarusian Cyrillic, with `y` already
/// folded into `i`; hard and soft signs vanish.
fn cyrillic(c: char) -> Option<&'static str> {
    let lower = if ('\u{0410}'..='\u{042F}').contains(&c) {
        char::from_u32(c as u32 + 0x20)?
    } else if ('\u{0400}'..='\u{040F}').contains(&c) {
        char::from_u32(c as u32 + 0x50)?
    } else {
        c
    };
    Some(match lower {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "h",
        'ґ' | 'Ґ' => "g",
        'д' => "d",
        'е' | 'ё' | 'э' => "e",
        'є' => "ie",
        'ж' => "zh",
        'з' => "z",
        'и' | 'і' | 'ї' | 'й' | 'ы' => "i",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ў' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ю' => "iu",
        'я' => "ia",
        'ђ' => "dj",
        'ј' => "j",
        'љ' => "lj",
        'њ' => "nj",
        'ћ' => "c",
        'џ' => "dz",
        'ѓ' => "g",
        'ќ' => "k",
        'ѕ' => "dz",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::normalize;

    macro_rules! same {
        ($name:ident, $($spelling:expr),+ => $key:expr) => {
            #[test]
            fn $name() {
                $( assert_eq!(normalize($spelling), $key, "spelling {:?}", $spelling); )+
            }
        };
    }

    same!(kyiv, "Kyiv", "KYIV", "Київ", "Kyïv", "Kiiv" => "kiiv");
    same!(kiev, "Kiev", "Киев", "Kíev" => "kiev");
    same!(kostiantynivka, "Kostiantynivka", "Kostyantynivka", "Костянтинівка", "kostiantynivka" => "kostiantinivka");
    same!(konstantinovka, "Konstantinovka", "Константиновка" => "konstantinovka");
    same!(pokrovsk, "Pokrovsk", "Pokrovs'k", "Pokrovs’k", "Pokrovsʼk", "Покровськ", "Покровск" => "pokrovsk");
    same!(kharkiv, "Kharkiv", "Харків" => "kharkiv");
    same!(zaporizhzhia, "Zaporizhzhia", "Запоріжжя", "ZAPORIZHZHIA" => "zaporizhzhia");
    same!(hyphens, "Nagorno-Karabakh", "Nagorno Karabakh", "Nagorno – Karabakh", "  nagorno   karabakh " => "nagorno karabakh");
    same!(diacritics, "Bílá Třemošná", "Bila Tremosna" => "bila tremosna");
    same!(special_letters, "Łódź", "Lodz" => "lodz");
    same!(german, "Straße", "Strasse" => "strasse");
    same!(dots, "St. Petersburg", "St Petersburg" => "st petersburg");
    same!(sumy, "Sumy", "Суми" => "sumi");
    same!(dnipropetrovsk, "Dnipropetrovsk", "Дніпропетровськ" => "dnipropetrovsk");

    #[test]
    fn empty_and_punctuation_only() {
        assert_eq!(normalize(""), "");
        assert_eq!(normalize(" - ' . "), "");
    }

    #[test]
    fn other_scripts_pass_through_lowercased() {
        assert_eq!(normalize("Αθήνα"), "αθηνα");
    }
}
