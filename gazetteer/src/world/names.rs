//! Names on the way in: which aliases are kept, which count as another spelling of the main
//! name, Arabic articles, Ukraine's national spelling, and the forms a region's name takes
//! with its generic word ("Donetsk region", "Donetska oblast").

use super::*;

pub(super) fn clamp(population: u64) -> u32 {
    population.min(u64::from(u32::MAX)) as u32
}

/// A Ukrainian place name spelt as Ukraine's national romanisation spells it, where that
/// differs from GeoNames' (BGN/PCGN) spelling: `ї` after a vowel is "i" there, not "yi"
/// ("Avdiyivka" is "Avdiivka", as Ukrainian sources and most news write it).
pub(super) fn national_spelling(name: &str) -> Option<String> {
    name.contains("iyi").then(|| name.replace("iyi", "ii"))
}

/// Countries whose place names are Arabic (the Arab League's members).
pub(super) const ARABIC_SPEAKING: &[&str] = &[
    "AE", "BH", "DZ", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA", "SA", "SD",
    "SY", "TN", "YE",
];

/// Whether a word is the Arabic article in one of its romanisations, assimilated to the
/// letter after it or not ("al", "el", "ar", "ez", …), in any case.
pub(super) fn is_article(word: &str) -> bool {
    const ARTICLES: &[&str] = &[
        "al", "el", "ad", "ar", "as", "az", "at", "an", "ash", "adh", "ath", "ed", "er", "es",
        "ez", "et", "en",
    ];
    ARTICLES.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// An Arabic place name without its article, as English news often writes it ("Hodeidah" for
/// GeoNames' "El-Hodeidah", "Qamishli" for "Al Qāmishlī"): the article in any of its
/// romanisations, assimilated or not ("Ar Raqqah"), then a word of five letters or more.
pub(super) fn without_article(name: &str) -> Option<&str> {
    let (article, rest) = name.split_once([' ', '-'])?;
    (is_article(article) && rest.chars().take_while(|c| c.is_alphabetic()).count() >= 5)
        .then_some(rest)
}

/// An Arabic place name with its articles spelt the other common ways: "al" and "el", which
/// English news uses unassimilated ("Deir al-Balah" for GeoNames' "Deir el-Balah", "Deir
/// al-Zor" for "Deir ez-Zor"). Only an article between words counts, a name's first word
/// included; none for a name without one.
pub(super) fn article_spellings(name: &str) -> Vec<String> {
    // The name cut into words, each with the separator that follows it.
    let mut words: Vec<(&str, &str)> = Vec::new();
    let mut rest = name;
    while let Some(at) = rest.find([' ', '-']) {
        words.push((&rest[..at], &rest[at..at + 1]));
        rest = &rest[at + 1..];
    }
    words.push((rest, ""));
    let article_at = |(k, (word, sep)): (usize, &(&str, &str))| {
        k + 1 < words.len() && !sep.is_empty() && is_article(word)
    };
    if !words.iter().enumerate().any(article_at) {
        return Vec::new();
    }
    ["al", "el"]
        .into_iter()
        .map(|article| {
            let mut spelt = String::with_capacity(name.len());
            for (k, entry) in words.iter().enumerate() {
                let (word, sep) = *entry;
                if article_at((k, entry)) {
                    let capital = word.starts_with(char::is_uppercase);
                    spelt.push_str(match (capital, article) {
                        (true, "al") => "Al",
                        (true, _) => "El",
                        (false, a) => a,
                    });
                } else {
                    spelt.push_str(word);
                }
                spelt.push_str(sep);
            }
            spelt
        })
        .filter(|spelt| spelt != name)
        .collect()
}

/// Whether an alternate name is the main name written another way: the same once normalised,
/// with a generic word spelt out or abbreviated ("St. Petersburg" for Saint Petersburg,
/// "Mt. Vernon" for Mount Vernon).
pub(super) fn same_name(alias: &str, main: &str) -> bool {
    fn spelt_out(name: &str) -> String {
        normalize(name)
            .split(' ')
            .map(|word| match word {
                "st" => "saint",
                "ste" => "sainte",
                "mt" => "mount",
                "ft" => "fort",
                other => other,
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
    // A romanisation of the same word: the same first letter and the same consonants, once
    // vowels and Arabic articles are set aside ("Deir al-Zor" for "Deir ez-Zor", "Nabatieh"
    // for "An Nabaţīyah", "Kharkov" for "Kharkiv"), at least three of them ("Hamas" is no
    // spelling of "Hamm", "Charleston" none of "Charlestown", "Emmanuel" none of
    // "‘Immanu‘el").
    // (Letters that romanise one sound, or one letter, of Arabic and Hebrew: "Kiryat" and
    // "Qiryat", "Zalingei" and "Zalinjay"; and the feminine ending, written or not: "Quneitra"
    // for "Al Qunayţirah".)
    fn skeleton(name: &str, ending: bool) -> (Option<char>, String) {
        let key = normalize(name);
        let mut words = key
            .split(' ')
            .filter(|word| !is_article(word))
            .map(|word| if ending { without_ending(word) } else { word })
            .peekable();
        let sound = |c: char| match c {
            'q' => 'k',
            'j' => 'g',
            c => c,
        };
        let initial = words.peek().and_then(|word| word.chars().next()).map(sound);
        let mut consonants = String::new();
        for c in words.flat_map(str::chars).filter(|c| !"aeiou".contains(*c)) {
            if !consonants.ends_with(sound(c)) {
                consonants.push(sound(c));
            }
        }
        (initial, consonants)
    }
    fn without_ending(word: &str) -> &str {
        match word.strip_suffix('h') {
            Some(stem) if stem.ends_with(|c| "aeiou".contains(c)) => stem,
            _ => word,
        }
    }
    // A short name is the same only letter for letter, each run of a vowel as one ("Daraa"
    // and "Dar‘ā"; but "Odesa" is no spelling of Odessa, Texas), articles aside, and with the
    // Arabic feminine ending ("h" after a vowel at a word's end) written or not ("Hama" for
    // "Ḩamāh", "Raqqa" for "Ar Raqqah").
    fn letters(name: &str) -> String {
        let key = normalize(name);
        let mut out = String::new();
        for word in key.split(' ').filter(|word| !is_article(word)) {
            for c in without_ending(word).chars() {
                if !(out.ends_with(c) && "aeiou".contains(c)) {
                    out.push(c);
                }
            }
        }
        out
    }
    let same_sounds = |ending| {
        let (initial, consonants) = skeleton(alias, ending);
        consonants.chars().count() >= 3 && (initial, consonants) == skeleton(main, ending)
    };
    // "Gaza City" for "Gaza".
    let city = alias
        .strip_suffix(" City")
        .is_some_and(|name| spelt_out(name) == spelt_out(main));
    let same_letters = letters(alias);
    city || spelt_out(alias) == spelt_out(main)
        || (same_letters.len() >= 4 && same_letters == letters(main))
        || same_sounds(false)
        || same_sounds(true)
}

/// Whether an alternate name is worth filing. Drops what would match ordinary text or
/// nothing at all: names of one or two letters, all-capital codes of up to five letters
/// (airport codes: "UMY" for Sumy), all-lower-case Latin strings (GeoNames' romanisations of
/// Chinese, Japanese, Korean and Arabic names: "su mei"), names with digits, and scripts other
/// than Latin and Cyrillic.
pub fn keep_alias(alias: &str) -> bool {
    let letters: Vec<char> = alias.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 3 || alias.chars().any(|c| c.is_ascii_digit()) || alias.contains('(') {
        return false;
    }
    let latin = letters.iter().all(|&c| is_latin(c));
    let cyrillic = letters
        .iter()
        .all(|&c| ('\u{0400}'..='\u{052F}').contains(&c));
    if !latin && !cyrillic {
        return false;
    }
    if latin {
        if !letters.iter().any(|c| c.is_uppercase()) {
            return false;
        }
        if letters.len() <= 5 && letters.iter().all(|c| c.is_ascii_uppercase()) {
            return false;
        }
    }
    true
}

pub(super) fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || ('\u{00C0}'..='\u{024F}').contains(&c) && c != '×' && c != '÷'
        || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

/// The population from which a city that shares its name with its first-level region is
/// taken for the region's namesake (see [`stems_and_generics`]).
pub(super) const NAMESAKE_POPULATION: u64 = 100_000;

/// The stems ("Sumy") and the generic words ("oblast", "region") of a region's forms.
pub(super) fn stems_and_generics(forms: &[String]) -> (HashSet<String>, Vec<String>) {
    let mut stems = HashSet::new();
    let mut generics: Vec<String> = Vec::new();
    for form in forms {
        if let Some((stem, generic)) = form.rsplit_once(' ') {
            stems.insert(normalize(stem));
            if !generics.iter().any(|g| g == generic) {
                generics.push(generic.to_string());
            }
        }
    }
    (stems, generics)
}

/// Generic words for regions, in groups of words that mean the same thing.
pub(super) const LEVEL1_GENERICS: &[&[&str]] = &[
    &["oblast", "region", "province"],
    &["krai", "kray", "territory"],
    &["governorate", "province"],
    &["state"],
    &["republic"],
];
pub(super) const LEVEL2_GENERICS: &[&[&str]] = &[
    &["raion", "rayon", "district"],
    &["county"],
    &["municipality"],
];

/// "Stem + generic word" forms under which a region can be named: for "Sumska oblast" with
/// alias "Sumy", "Sumy region" and "Sumy oblast"; for "Krasnodarskiy kray", "Krasnodar region"
/// and "Krasnodar krai". Stems come from the name and the Latin aliases, with the generic word
/// and adjectival endings ("-ska", "-skiy", "-skaya") taken off.
pub fn region_forms(name: &str, aliases: &[String], kind_word: &str, level: u8) -> Vec<String> {
    let groups = if level == 1 {
        LEVEL1_GENERICS
    } else {
        LEVEL2_GENERICS
    };
    let all_generics: Vec<&str> = groups.iter().flat_map(|g| g.iter().copied()).collect();
    let mut generics: Vec<&str> = if level == 1 {
        vec!["region", "oblast", "province"]
    } else {
        Vec::new()
    };
    let kind = kind_word.to_lowercase();
    let mut stems: Vec<String> = Vec::new();
    for candidate in std::iter::once(name).chain(aliases.iter().map(String::as_str)) {
        if !candidate.chars().all(|c| !c.is_alphabetic() || is_latin(c)) {
            continue;
        }
        let words: Vec<&str> = candidate.split_whitespace().collect();
        let (last, rest) = match words.split_last() {
            Some((last, rest)) if !rest.is_empty() => (last.to_lowercase(), rest.join(" ")),
            _ => {
                // A bare stem ("Sumy"): it takes generic words too.
                stems.push(candidate.to_string());
                continue;
            }
        };
        let last = last.trim_end_matches(['\'', '’', 'ʹ']).to_string();
        let Some(group) = groups.iter().find(|g| g.contains(&last.as_str())) else {
            continue;
        };
        generics.extend(group.iter().copied());
        stems.push(rest.clone());
        for (ending, replacement) in [
            ("skaya", "sk"),
            ("skiy", "sk"),
            ("skii", "sk"),
            ("skyi", "sk"),
            ("sky", "sk"),
            ("ska", "sk"),
            ("ka", "k"),
        ] {
            if let Some(base) = rest.strip_suffix(ending) {
                stems.push(format!("{base}{replacement}"));
                if replacement == "sk" {
                    stems.push(base.to_string());
                }
                break;
            }
        }
    }
    for group in groups {
        if group.iter().any(|g| kind.contains(g)) {
            generics.extend(group.iter().copied());
        }
    }
    generics.retain(|g| all_generics.contains(g));
    generics.sort_unstable();
    generics.dedup();
    let mut forms: Vec<String> = Vec::new();
    for stem in &stems {
        if stem.chars().filter(|c| c.is_alphabetic()).count() < 3 {
            continue;
        }
        for generic in &generics {
            forms.push(format!("{stem} {generic}"));
        }
    }
    forms.sort();
    forms.dedup();
    forms
}

/// How many distinct names GeoNames must give a place for it to be renowned: known far beyond
/// its size. A world city is written in every language (Warsaw has 68 names, Lisbon 54, Milan
/// 42), its American namesakes in a few (Warsaw, Ohio, 1 to 8; the largest, Toledo, Ohio, 28);
/// the towns of a front the news names every day reach it too (Kupiansk 45, Myrnohrad 43,
/// Lyman 30), and the curated supplement marks those that do not.
pub(super) const RENOWNED_NAMES: usize = 30;

/// Whether GeoNames knows `city` by [`RENOWNED_NAMES`] distinct names or more.
pub(super) fn renowned(city: &City) -> bool {
    let names: HashSet<String> = city
        .alternatenames
        .iter()
        .map(|n| n.to_lowercase())
        .collect();
    names.len() >= RENOWNED_NAMES
}
