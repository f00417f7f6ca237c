//! Reading one sentence for place names: each run of words the gazetteer knows becomes a
//! candidate spot, kept or dropped by the recognition rules ([`super::rules`]), with the cues
//! resolution reads.

use super::*;

impl<'t> Sentence<'_, 't, '_> {
    /// The place names of the sentence, with their cues; the candidates dropped go to
    /// `self.rejected` with the rule that dropped them.
    pub(super) fn spots(&mut self, out: &mut Vec<Spot>, tokens: &mut Vec<(usize, usize)>) {
        // The last token of the sentence's last place, if it followed a locative, so that
        // "near Nabatieh and Tyre" counts for both (but not "between Lagos Chamber of
        // Commerce and Industry", where another name comes between).
        let mut listed_locative: Option<usize> = None;
        let mut i = 0;
        while i < self.words.len() {
            if !self.capitalised(i) {
                i += 1;
                continue;
            }
            let Some((len, name, inflected)) = self.longest_match(i) else {
                i += 1;
                continue;
            };
            let (first, last) = (i, i + len - 1);
            i += len;
            let span = self.words[first].span.start..self.words[last].span.end;
            if let Some(rule) = self.word_rule(first, last, name, inflected) {
                self.rejected.push((span, rule));
                continue;
            }
            let name = match self.demonym_or_abbreviation(first, last, name) {
                Reading::Name(name) => name,
                Reading::Spot(name, cues) => {
                    // (A demonym read for context, or an abbreviation that qualifies.)
                    if cues.qualifier {
                        listed_locative = None;
                    }
                    out.push(Spot {
                        span,
                        sentence: self.index,
                        name,
                        cues,
                        rule: None,
                    });
                    tokens.push((first, last));
                    continue;
                }
                Reading::Dropped(rule) => {
                    self.rejected.push((span, rule));
                    continue;
                }
            };
            let listed = self.listed(first, last, listed_locative, tokens);
            let (place, rule) = self.is_place(first, last, name, listed);
            if !place {
                self.rejected.extend(rule.map(|rule| (span, rule)));
                continue;
            }
            let cues = self.cues(first, last, name, inflected, listed);
            listed_locative = cues.locative.then_some(last);
            out.push(Spot {
                span,
                sentence: self.index,
                name,
                cues,
                rule,
            });
            tokens.push((first, last));
        }
    }

    /// The rule that drops the run of words `first..=last`, matching `name`, before it is
    /// read as a name at all: a capitalised word, or a Cyrillic word the gazetteer knows only
    /// once declined or as another place's alias.
    fn word_rule(
        &mut self,
        first: usize,
        last: usize,
        name: usize,
        inflected: bool,
    ) -> Option<Recognition> {
        let span = self.words[first].span.start..self.words[last].span.end;
        let prev_locative = inflected
            && self
                .prev(first, false)
                .is_some_and(|w| w.is(Word::LOCATIVE));
        let candidates = &self.vocabulary.names()[name].candidates;
        let notable = || {
            candidates
                .iter()
                .filter(|c| CYRILLIC_COUNTRIES.contains(&c.entry.country()))
                .any(|c| strength(c) >= Strength::Notable)
        };
        let alias_only = || {
            !candidates.iter().any(|c| c.main_name || c.region_form)
                && is_cyrillic(&self.text[span.clone()])
        };
        let minor_abroad = || {
            is_cyrillic(&self.text[span.clone()])
                && candidates.iter().all(|c| {
                    strength(c) < Strength::Notable
                        && !CYRILLIC_COUNTRIES.contains(&c.entry.country())
                })
        };
        if first == 0 && (((inflected || alias_only()) && !notable()) || minor_abroad()) {
            return Some(Recognition::CyrillicFirstWord);
        }
        let own_name_or_notable = || {
            candidates.iter().any(|c| {
                strength(c) >= Strength::Notable
                    || ((c.main_name || c.region_form)
                        && CYRILLIC_COUNTRIES.contains(&c.entry.country()))
            })
        };
        let after_locative = || {
            prev_locative
                && candidates
                    .iter()
                    .any(|c| CYRILLIC_COUNTRIES.contains(&c.entry.country()))
        };
        if inflected && !own_name_or_notable() && !after_locative() {
            return Some(Recognition::DeclinedName);
        }
        (first == last
            && !self.vocabulary.names()[name].demonym
            && self.word(first).is(Word::COMMON_CAPITALISED))
        .then_some(Recognition::CapitalisedWord)
    }

    /// How a demonym ("Russian") or a written abbreviation ("Calif.") is read: a demonym
    /// stands for its country only when asked for (else it is read for context only, unless
    /// it names a side in arms); an abbreviation names its region where it qualifies a place,
    /// and elsewhere the name stands for whatever else it names, if anything.
    fn demonym_or_abbreviation(&mut self, first: usize, last: usize, name: usize) -> Reading {
        let mut name = name;
        if self.vocabulary.names()[name].demonym {
            name = self
                .only(name, Filing::Demonym, |c| c.demonym)
                .unwrap_or(name);
            if !self.options.demonyms {
                // ("Russian forces attacked Pokrovsk" is no story about Russia.)
                let armed = self
                    .next_token(last)
                    .is_some_and(|k| self.word(k).is(Word::ARMED));
                if armed {
                    return Reading::Dropped(Recognition::ArmedDemonym);
                }
                let cues = Cues {
                    context_only: true,
                    ..Cues::default()
                };
                return Reading::Spot(name, cues);
            }
        }
        if self.vocabulary.names()[name].abbreviation {
            if self.qualifies(first, last) {
                let name = self
                    .only(name, Filing::Abbreviation, |c| c.abbreviation)
                    .unwrap_or(name);
                let cues = Cues {
                    qualifier: true,
                    ..Cues::default()
                };
                return Reading::Spot(name, cues);
            }
            return match self.only(name, Filing::NotAbbreviation, |c| !c.abbreviation) {
                Some(other) => Reading::Name(other),
                None => Reading::Dropped(Recognition::LoneAbbreviation),
            };
        }
        Reading::Name(name)
    }

    /// Whether tokens `first..=last` stand in a list after a place that followed a locative
    /// (its last token `listed_locative`: "near Nabatieh and Tyre"), or inside a list of
    /// places, between one found and a capitalised word ("struck Nabatieh, Tyre and Bint
    /// Jbeil").
    fn listed(
        &mut self,
        first: usize,
        last: usize,
        listed_locative: Option<usize>,
        tokens: &[(usize, usize)],
    ) -> bool {
        let listed = listed_locative.is_some_and(|l| {
            // (The word before the conjunction, if it is a capitalised word right before
            // it, must be that place's.)
            let before = first.checked_sub(1).and_then(|c| self.prev_token(c));
            before.is_none_or(|b| b == l || !self.capitalised(b))
        }) && self.conjunction_before(first);
        listed || self.amid_places(first, last, tokens)
    }

    /// The cues of a place found at tokens `first..=last`, matching `name`.
    fn cues(
        &mut self,
        first: usize,
        last: usize,
        name: usize,
        inflected: bool,
        listed: bool,
    ) -> Cues {
        let span = self.words[first].span.start..self.words[last].span.end;
        let next = self.next(last);
        let prev = self.prev(first, true);
        let of_settlement = self.of_word(first, prev, |w, _| w.is(Word::SETTLEMENT));
        // (A governor is a region's: "the governor of Georgia" is the state's.)
        let of_governor = self.of_word(first, prev, |_, lower| matches!(lower, "governor" | "gov"));
        let prev_is = |class| prev.is_some_and(|w| w.is(class));
        let locative = prev_is(Word::LOCATIVE) || listed || self.after_bearing(first);
        let dateline = self.dateline(first, last);
        let owned = (last + 1 < self.words.len()).then_some(last + 1);
        let cyrillic = is_cyrillic(&self.text[span.clone()]);
        // (A country's name before its forces, in the possessive or as their
        // attribute, says who acts: "Russia's Defense Ministry", "US warships".)
        let actor = if self.words[last].possessive {
            owned.is_some_and(|k| {
                self.word(k).is(Word::ARMED | Word::REPRESENTATIVE) || self.leads_to_institution(k)
            })
        } else {
            // (Ukrainian and Russian put the country after them: "армія Росії".)
            let armed = |w: Option<Word>| w.is_some_and(|w| w.is(Word::ARMED));
            let speaks = next.is_some_and(|w| w.is(Word::REPRESENTATIVE));
            (armed(next) || speaks || (cyrillic && armed(prev)))
                && self.vocabulary.names()[name]
                    .candidates
                    .iter()
                    .any(|c| c.entry.kind() == Kind::Country)
        };
        // (A front's word after it, or after the list it begins: "the Lyman
        // direction", "the Kupiansk, Borova and Lyman directions".)
        let listed_on = (last + 1 < self.words.len() && self.gap_after(last) == ", ")
            || next.is_some_and(|w| is_conjunction(self.vocabulary.lower(w)));
        let front = next.is_some_and(|w| w.is(Word::FRONT))
            || (listed_on && self.list_end(last) == Some(ListEnd::Front));
        // (An office's title after it, or after its possessive, says which: "Texas Gov.",
        // "Kyiv Mayor", "Georgia's governor".)
        let owned_word = owned
            .filter(|_| self.words[last].possessive)
            .map(|k| self.word(k));
        let office = |class| next.or(owned_word).is_some_and(|w| w.is(class));
        Cues {
            locative,
            wants_area: next.is_some_and(|w| w.is(Word::AREA))
                || office(Word::AREA_OFFICE)
                || of_governor,
            wants_settlement: next.is_some_and(|w| w.is(Word::SETTLEMENT))
                || of_settlement
                || office(Word::TOWN_OFFICE)
                || dateline,
            front,
            dateline,
            inflected,
            cyrillic,
            ukrainian: cyrillic && self.ukrainian(),
            as_river: prev.is_some_and(|w| self.vocabulary.lower(w) == "the")
                || says_river(&self.text[span.clone()]),
            actor,
            ..Cues::default()
        }
    }

    /// The name `name` restricted to the candidates that `keep` keeps, filed apart from it
    /// (see [`Filing`]); `None` if none are kept.
    pub(super) fn only(
        &mut self,
        name: usize,
        filing: Filing,
        keep: impl Fn(&Candidate<'_>) -> bool,
    ) -> Option<usize> {
        let n = &self.vocabulary.names()[name];
        let filing = filing.of(&n.key);
        if let Some(found) = self.vocabulary.filed(&filing) {
            return Some(found);
        }
        let kept: Vec<Candidate<'_>> = n.candidates.iter().filter(|c| keep(c)).copied().collect();
        if kept.is_empty() {
            return None;
        }
        let only = Name::new(n.key.clone(), kept, n.common, n.inflected);
        Some(self.vocabulary.file(filing, only))
    }

    /// Whether the abbreviation in tokens `first..=last` is written as one, with its full
    /// stop, where it qualifies a place: after the place and a comma ("Fresno, Calif."), in
    /// brackets after it ("Walker County (Ga.)"), or, for initials ("N.J.", "B.C."), on their
    /// own but not after a number ("500 B.C.") nor before a name ("N.C. Wyeth").
    pub(super) fn qualifies(&mut self, first: usize, last: usize) -> bool {
        let (text, words) = (self.text, self.words);
        if !text[words[last].span.end..].starts_with('.') {
            return false;
        }
        let after_place = first.checked_sub(1).is_some_and(|k| {
            self.capitalised(k) && matches!(self.gap_after(k), ", " | ",\u{a0}" | " (" | "\u{a0}(")
        });
        if after_place {
            return true;
        }
        let initials = first < last;
        let after_number = text[..words[first].span.start]
            .trim_end()
            .ends_with(|c: char| c.is_ascii_digit());
        let before_name = words.get(last + 1).is_some_and(|next| {
            spaces_only(&text[words[last].span.end + 1..next.span.start])
                && matches!(next.case, Case::Title | Case::Upper)
        });
        initials && !after_number && !before_name
    }
}

/// How a demonym or an abbreviation is read (see [`Sentence::demonym_or_abbreviation`]).
enum Reading {
    /// As a name, this one.
    Name(usize),
    /// As a spot of its own, of this name, with these cues.
    Spot(usize, Cues),
    /// As no place, by this rule.
    Dropped(Recognition),
}
