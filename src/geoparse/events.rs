//! The conflict lens: what a sentence says happened where, from a small lexicon of event
//! words. Each mention takes the cue of its sentence, so a reader can colour and filter the
//! map by strikes, fighting, advances, evacuations and talks.

use serde::{Deserialize, Serialize};

/// What a sentence reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventCue {
    /// Strikes, shelling, bombing, missiles, drones hitting.
    Strike,
    /// Fighting, assaults, attacks, clashes.
    Fighting,
    /// Capture, advance, retreat, control changing hands.
    Advance,
    /// Evacuation, displacement, refugees, civilians fleeing.
    Evacuation,
    /// Talks, negotiations, diplomacy, ceasefires, visits.
    Diplomacy,
}

impl EventCue {
    /// Every cue, in the order the app lists them.
    pub const ALL: [EventCue; 5] = [
        EventCue::Strike,
        EventCue::Fighting,
        EventCue::Advance,
        EventCue::Evacuation,
        EventCue::Diplomacy,
    ];

    /// A short label.
    pub fn label(self) -> &'static str {
        match self {
            EventCue::Strike => "strike or shelling",
            EventCue::Fighting => "fighting or assault",
            EventCue::Advance => "capture or advance",
            EventCue::Evacuation => "evacuation",
            EventCue::Diplomacy => "talks or diplomacy",
        }
    }

    /// The identifier used in data and CSS (`strike`, `fighting`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            EventCue::Strike => "strike",
            EventCue::Fighting => "fighting",
            EventCue::Advance => "advance",
            EventCue::Evacuation => "evacuation",
            EventCue::Diplomacy => "diplomacy",
        }
    }
}

/// Word beginnings that signal each cue (English, Ukrainian, Russian), matched against the
/// lower-cased words of a sentence.
const LEXICON: &[(EventCue, &[&str])] = &[
    (
        EventCue::Strike,
        &[
            "strike",
            "struck",
            "shell",
            "bomb",
            "missile",
            "drone",
            "airstrike",
            "air strike",
            "rocket",
            "artillery",
            "explosion",
            "blast",
            "hit ",
            "hits ",
            "glide bomb",
            "обстріл",
            "удар",
            "вибух",
            "ракет",
            "дрон",
            "обстрел",
            "взрыв",
            "бомб",
        ],
    ),
    (
        EventCue::Fighting,
        &[
            "fighting",
            "fight",
            "assault",
            "attack",
            "clash",
            "battle",
            "offensive",
            "combat",
            "бої",
            "бій",
            "штурм",
            "атак",
            "бои",
            "бой",
            "наступ",
        ],
    ),
    (
        EventCue::Advance,
        &[
            "captur",
            "seiz",
            "advanc",
            "took control",
            "taken control",
            "retreat",
            "withdr",
            "pushed into",
            "crossed into",
            "encircl",
            "liberat",
            "occup",
            "retook",
            "retaken",
            "захоп",
            "звільн",
            "оточ",
            "захват",
            "освобод",
            "окруж",
            "отступ",
        ],
    ),
    (
        EventCue::Evacuation,
        &[
            "evacuat",
            "displac",
            "refugee",
            "fled",
            "flee",
            "civilians left",
            "евакуац",
            "біженц",
            "эвакуац",
            "беженц",
        ],
    ),
    (
        EventCue::Diplomacy,
        &[
            "talks",
            "negotiat",
            "diplomat",
            "ceasefire",
            "cease-fire",
            "truce",
            "summit",
            "peace",
            "met with",
            "visited",
            "agreement",
            "sanction",
            "переговор",
            "перемир",
        ],
    ),
];

/// The cue of a sentence: the first cue (in [`EventCue::ALL`] order) one of whose words it
/// contains, or none.
pub fn event_cue(sentence: &str) -> Option<EventCue> {
    let lexicon = lexicon();
    let bytes = sentence.as_bytes();
    let mut seen = [false; EventCue::ALL.len()];
    // A word in another script, its first letters in lower case (cue words are lower case;
    // ASCII is compared ignoring case).
    let mut lowered = String::new();
    // A cue word counts where a word starts: at the start, or after a space.
    let starts = std::iter::once(0).chain(
        bytes
            .iter()
            .enumerate()
            .filter(|&(_, &b)| b == b' ')
            .map(|(at, _)| at + 1),
    );
    for at in starts {
        let rest = match bytes.get(at) {
            Some(b) if !b.is_ascii() => {
                lowered.clear();
                lowered.extend(
                    sentence[at..]
                        .chars()
                        .take(lexicon.longest)
                        .flat_map(char::to_lowercase),
                );
                lowered.as_bytes()
            }
            _ => &bytes[at..],
        };
        let &[first, second, ..] = rest else {
            continue;
        };
        let pair =
            usize::from(first.to_ascii_lowercase()) << 8 | usize::from(second.to_ascii_lowercase());
        if lexicon.pairs[pair / 64] & (1 << (pair % 64)) == 0 {
            continue;
        }
        for &(cue, word) in &lexicon.by_first_byte[pair >> 8] {
            let word = word.as_bytes();
            if !seen[cue]
                && rest.len() >= word.len()
                && rest[..word.len()].eq_ignore_ascii_case(word)
            {
                seen[cue] = true;
            }
        }
        // (The first cue outranks the rest: once seen, nothing else can change the answer.)
        if seen[0] {
            break;
        }
    }
    EventCue::ALL
        .into_iter()
        .zip(seen)
        .find_map(|(cue, seen)| seen.then_some(cue))
}

/// The [`LEXICON`] arranged for scanning: its words by their first byte, each with the index
/// of its cue in [`EventCue::ALL`], and the set of the first two bytes of every word (a bit
/// for each pair), so that a word start is compared only with words that begin as it does.
/// (Every cue word is longer than one byte.)
struct Lexicon {
    by_first_byte: Vec<Vec<(usize, &'static str)>>,
    pairs: Vec<u64>,
    /// The length of the longest word, in characters.
    longest: usize,
}

fn lexicon() -> &'static Lexicon {
    static TABLE: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Lexicon {
            by_first_byte: vec![Vec::new(); 256],
            pairs: vec![0; 256 * 256 / 64],
            longest: 0,
        };
        for (cue, words) in LEXICON {
            let index = EventCue::ALL.iter().position(|c| c == cue).unwrap_or(0);
            for word in *words {
                if let &[first, second, ..] = word.as_bytes() {
                    table.by_first_byte[usize::from(first)].push((index, *word));
                    let pair = usize::from(first) << 8 | usize::from(second);
                    table.pairs[pair / 64] |= 1 << (pair % 64);
                    table.longest = table.longest.max(word.chars().count());
                }
            }
        }
        table
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_cue_is_read_off_a_sentence() {
        assert_eq!(
            event_cue("A guided bomb hit a school in Kramatorsk."),
            Some(EventCue::Strike)
        );
        assert_eq!(event_cue("The weather in Doha was hot."), None);
        assert_eq!(
            event_cue("Negotiators held talks in Doha."),
            Some(EventCue::Diplomacy)
        );
    }

    #[test]
    fn cues_of_war_reporting() {
        for (sentence, cue) in [
            (
                "Russian drones struck an oil depot in Bryansk.",
                Some(EventCue::Strike),
            ),
            ("Shelling continued in Kherson.", Some(EventCue::Strike)),
            (
                "Heavy fighting continued around Vovchansk.",
                Some(EventCue::Fighting),
            ),
            (
                "Troops captured the village of Robotyne.",
                Some(EventCue::Advance),
            ),
            (
                "Russian forces pushed into the Dnipropetrovsk region.",
                Some(EventCue::Advance),
            ),
            (
                "Volunteers evacuate residents to Sloviansk.",
                Some(EventCue::Evacuation),
            ),
            (
                "The ceasefire talks in Cairo stalled.",
                Some(EventCue::Diplomacy),
            ),
            ("Обстріл Херсона триває.", Some(EventCue::Strike)),
            ("The weather in Odesa was mild.", None),
        ] {
            assert_eq!(event_cue(sentence), cue, "{sentence}");
        }
    }

    #[test]
    fn words_match_at_their_start_only() {
        // "hospital" holds no "hit "; "peaceful" is about peace.
        assert_eq!(event_cue("The hospital in Lviv reopened."), None);
    }
}
