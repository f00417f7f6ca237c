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
///
/// # Example
/// ```
/// use conflict_mapper::geoparse::events::{EventCue, event_cue};
/// assert_eq!(event_cue("A guided bomb hit a school in Kramatorsk."), Some(EventCue::Strike));
/// assert_eq!(event_cue("The weather in Doha was hot."), None);
/// assert_eq!(event_cue("Negotiators held talks in Doha."), Some(EventCue::Diplomacy));
/// ```
pub fn event_cue(sentence: &str) -> Option<EventCue> {
    // The cue words are lower case: a sentence with no capitals beyond ASCII (most, even with
    // curly quotes and dashes) is compared as it is, ignoring ASCII case.
    let lower =
        if sentence.is_ascii() || !sentence.chars().any(|c| !c.is_ascii() && c.is_uppercase()) {
            std::borrow::Cow::Borrowed(sentence)
        } else {
            std::borrow::Cow::Owned(sentence.to_lowercase())
        };
    let by_first_byte = lexicon_by_first_byte();
    let mut seen = [false; EventCue::ALL.len()];
    // A cue word counts where a word starts: at the start, or after a space.
    let starts = std::iter::once(0).chain(lower.match_indices(' ').map(|(at, _)| at + 1));
    for at in starts {
        let rest = &lower[at..];
        let rest = rest.as_bytes();
        let Some(first) = rest.first().map(u8::to_ascii_lowercase) else {
            continue;
        };
        let (words, seconds) = &by_first_byte[usize::from(first)];
        let second = rest.get(1).map_or(0, u8::to_ascii_lowercase);
        if seconds[usize::from(second / 64)] & (1 << (second % 64)) == 0 {
            continue;
        }
        for &(cue, word) in words {
            let word = word.as_bytes();
            if !seen[cue]
                && word[1] == second
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

/// The words of the [`LEXICON`] that begin with one byte, each with the index of its cue in
/// [`EventCue::ALL`], and the set of their second bytes (a bit for each).
type Lexicon = (Vec<(usize, &'static str)>, [u64; 4]);

/// The [`LEXICON`]'s words by their first byte: a word start is compared only with the words
/// that begin with its first two bytes. (Every cue word is longer than one byte.)
fn lexicon_by_first_byte() -> &'static [Lexicon] {
    static TABLE: std::sync::OnceLock<Vec<Lexicon>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = vec![(Vec::new(), [0; 4]); 256];
        for (cue, words) in LEXICON {
            let index = EventCue::ALL.iter().position(|c| c == cue).unwrap_or(0);
            for word in *words {
                if let &[first, second, ..] = word.as_bytes() {
                    let (words, seconds) = &mut table[usize::from(first)];
                    words.push((index, *word));
                    seconds[usize::from(second / 64)] |= 1 << (second % 64);
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
