//! Dictionary forms of inflected Ukrainian and Russian place names.
//!
//! News in Ukrainian and Russian declines place names: `у Харкові` (in Kharkiv), `оборону
//! Покровська` (the defence of Pokrovsk), `в Белгородской области` (in Belgorod Oblast). The
//! gazetteer files names in the nominative. [`nominatives`] guesses the nominatives a word
//! may come from by swapping its case ending for nominative endings, including the Ukrainian
//! `о`/`е` → `і` and `є` → `ї` alternations of closed syllables (`Харкова` ← `Харків`,
//! `Миколаєві` ← `Миколаїв`) and the softening of к, г, х before `і` (`Костянтинівці` ←
//! `Костянтинівка`); the matcher keeps the guesses the gazetteer knows.

/// Case endings, longest first; a word ending in one of them may be an inflected form.
const ENDINGS: &[&str] = &[
    "ами", "ями", "ого", "ому", "ьому", "ої", "ій", "ой", "ою", "ей", "ею", "ом", "ем", "єм", "ах",
    "ях", "ам", "ям", "ов", "ев", "ів", "ї", "ы", "и", "і", "а", "я", "у", "ю", "е", "є", "й",
];

/// Nominative endings to try on a stem.
const NOMINATIVE: &[&str] = &[
    "", "а", "я", "ь", "й", "и", "ы", "і", "е", "о", "ая", "ий", "ый", "ое", "ька", "ська",
];

/// Countries whose official script is Cyrillic.
pub const CYRILLIC_COUNTRIES: &[&str] = &[
    "UA", "RU", "BY", "BG", "RS", "MK", "ME", "KZ", "KG", "TJ", "MN",
];

/// Whether the word is written in Cyrillic.
pub fn is_cyrillic(word: &str) -> bool {
    word.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

/// Possible nominative forms of a Cyrillic word, the word itself excluded; empty for other
/// scripts. Stems keep at least three letters.
pub fn nominatives(word: &str) -> Vec<String> {
    guesses(word, 3)
}

/// As [`nominatives`], for a word of a name of two words, where the other word narrows the
/// guesses enough for stems of two letters ("Часового Яру" ← "Часів Яр").
pub fn nominatives_in_name(word: &str) -> Vec<String> {
    guesses(word, 2)
}

/// The nominatives `word` may come from, each stem keeping `shortest_stem` letters at least.
fn guesses(word: &str, shortest_stem: usize) -> Vec<String> {
    if !is_cyrillic(word) {
        return Vec::new();
    }
    let chars: Vec<char> = word.chars().collect();
    let mut out: Vec<String> = Vec::new();
    let mut add = |s: String| {
        if s != word && !out.contains(&s) {
            out.push(s);
        }
    };
    for ending in ENDINGS {
        let e: Vec<char> = ending.chars().collect();
        if chars.len() < e.len() + shortest_stem || !lower_ends_with(&chars, &e) {
            continue;
        }
        let stem: Vec<char> = chars[..chars.len() - e.len()].to_vec();
        for nominative in NOMINATIVE {
            let base: String = stem.iter().collect();
            add(format!("{base}{nominative}"));
            // Closed-syllable alternation: Харков- → Харків, Миколаєв- → Миколаїв.
            if nominative.is_empty() && stem.len() >= shortest_stem.max(3) {
                let vowel = stem.len() - 2;
                let closed = match stem[vowel] {
                    'о' | 'е' => Some('і'),
                    'є' => Some('ї'),
                    _ => None,
                };
                if let Some(closed) = closed {
                    let mut alternated = stem.clone();
                    alternated[vowel] = closed;
                    add(alternated.into_iter().collect());
                }
            }
        }
        // Ukrainian softens к, г, х before the і of the dative and locative: Каховці ←
        // Каховка, Костянтинівці ← Костянтинівка, Празі ← Прага.
        if *ending == "і" {
            let hard = match stem.last() {
                Some('ц') => Some('к'),
                Some('з') => Some('г'),
                Some('с') => Some('х'),
                _ => None,
            };
            if let (Some(hard), Some((_, rest))) = (hard, stem.split_last()) {
                add(rest.iter().chain([&hard, &'а']).collect());
            }
        }
    }
    out
}

/// Adjective endings, longest first ("Костянтинівському", "Покровское").
const ADJECTIVE_ENDINGS: &[&str] = &[
    "ому", "ого", "ими", "ий", "ій", "ім", "ої", "ою", "ая", "ое", "ой", "ом", "ых", "их", "ый",
    "а", "е", "у",
];

/// The towns a Ukrainian or Russian adjective may be made from, as the fronts of a war are
/// named ("Костянтинівському напрямку" from Костянтинівка, "Лиманському" from Лиман,
/// "Сумському" from Суми): the adjective's stem without its suffix (-ськ-, -цьк-, -ск-), bare
/// or with a town's ending, undoing the changes the suffix made.
pub fn adjective_towns(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let Some(ending) = ADJECTIVE_ENDINGS.iter().find(|e| {
        let e: Vec<char> = e.chars().collect();
        lower_ends_with(&chars, &e)
    }) else {
        return Vec::new();
    };
    let stem: String = chars[..chars.len() - ending.chars().count()]
        .iter()
        .collect();
    let Some((base, suffix)) = ["ськ", "цьк", "зьк", "ск", "цк"]
        .iter()
        .find_map(|suffix| Some((stem.strip_suffix(suffix)?, *suffix)))
        .filter(|(base, _)| base.chars().count() >= 3)
    else {
        return Vec::new();
    };
    let mut towns: Vec<String> = ["", "ка", "и", "е", "я", "ье"]
        .iter()
        .map(|town| format!("{base}{town}"))
        .collect();
    // Ukrainian nouns in a doubled consonant and я lose both before the suffix:
    // "Добропільський" from Добропілля, "Запорізький" from Запоріжжя (з for жж).
    let open = base.strip_suffix('ь').unwrap_or(base);
    if let Some(last) = open.chars().last().filter(|_| open.len() < base.len()) {
        towns.push(format!("{open}{last}я"));
    }
    if suffix == "зьк" {
        towns.push(format!("{base}жжя"));
    }
    // And the і of a closed syllable is the о or е of the noun's open one: "Курахівський"
    // from Курахове, "Гуляйпільський" from Гуляйполе.
    let letters: Vec<char> = open.chars().collect();
    if let [.., 'і', c] = letters[..] {
        let stem: String = letters[..letters.len() - 2].iter().collect();
        for vowel in ['о', 'е'] {
            towns.push(format!("{stem}{vowel}{c}е"));
        }
    }
    towns
}

fn lower_ends_with(word: &[char], ending: &[char]) -> bool {
    word.len() >= ending.len()
        && word[word.len() - ending.len()..]
            .iter()
            .zip(ending)
            .all(|(a, b)| a.to_lowercase().eq(b.to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_s_last_word_keeps_a_short_stem() {
        assert!(nominatives_in_name("Яру").contains(&"Яр".to_string()));
        assert!(!nominatives("Яру").contains(&"Яр".to_string()));
    }

    #[test]
    fn a_declined_name_has_its_nominatives() {
        assert!(nominatives("Харкові").contains(&"Харків".to_string()));
        assert!(nominatives("Покровська").contains(&"Покровськ".to_string()));
        assert!(nominatives("Костянтинівки").contains(&"Костянтинівка".to_string()));
        assert!(nominatives("Белгородской").contains(&"Белгородская".to_string()));
    }

    #[test]
    fn a_front_s_adjective_names_its_town() {
        assert!(adjective_towns("Костянтинівському").contains(&"Костянтинівка".to_string()));
        assert!(adjective_towns("Лиманському").contains(&"Лиман".to_string()));
        assert!(adjective_towns("Гуляйпільському").contains(&"Гуляйполе".to_string()));
        assert!(adjective_towns("Добропільському").contains(&"Добропілля".to_string()));
        assert!(adjective_towns("Запорізькому").contains(&"Запоріжжя".to_string()));
        assert!(adjective_towns("Запорожском").contains(&"Запорожье".to_string()));
        assert!(adjective_towns("Курахівському").contains(&"Курахове".to_string()));
    }

    #[test]
    fn cases_of_the_issue() {
        for (inflected, nominative) in [
            ("Покровська", "Покровськ"),
            ("Костянтинівки", "Костянтинівка"),
            ("Костянтинівці", "Костянтинівка"),
            ("Празі", "Прага"),
            ("Харкові", "Харків"),
            ("Миколаєві", "Миколаїв"),
            ("Одессе", "Одесса"),
            ("Николаеву", "Николаев"),
            ("Белгородской", "Белгородская"),
            ("области", "область"),
            ("Сумах", "Суми"),
            ("Запорізькій", "Запорізька"),
            ("області", "область"),
        ] {
            let found = nominatives(inflected);
            assert!(
                found.contains(&nominative.to_string()),
                "{inflected} → {found:?}"
            );
        }
    }

    #[test]
    fn latin_words_have_none() {
        assert!(nominatives("Kharkiv").is_empty());
        assert!(nominatives("Ки").is_empty());
    }
}
