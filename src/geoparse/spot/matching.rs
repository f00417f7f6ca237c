//! Matching: the longest run of words at a token that the gazetteer knows as a name, in Latin
//! or Cyrillic letters (declined Ukrainian and Russian names are tried in their nominatives).

use super::*;

impl<'t> Sentence<'_, 't, '_> {
    /// The longest name starting at token `i`: its length in tokens, the name, and whether it
    /// was found through an inflected form.
    pub(super) fn longest_match(&mut self, i: usize) -> Option<(usize, usize, bool)> {
        self.longest_name(i)
            .or_else(|| self.area_of_a_list(i).map(|n| (1, n, false)))
            .or_else(|| self.hyphen_joined(i).map(|n| (2, n, false)))
    }

    /// The name two capitalised words hyphened at token `i` make written as one, where the
    /// gazetteer writes it so: "Petion-Ville" for Pétionville (not part of a longer
    /// compound: "Mar-a-Lago").
    pub(super) fn hyphen_joined(&mut self, i: usize) -> Option<usize> {
        let pair = i + 1 < self.words.len()
            && is_hyphen(self.gap_after(i))
            && !self.words[i].possessive
            && self.capitalised(i + 1)
            && !(i + 2 < self.words.len() && is_hyphen(self.gap_after(i + 1)))
            && !(i > 0 && is_hyphen(self.gap_after(i - 1)));
        if !pair {
            return None;
        }
        let (first, second) = (self.word(i), self.word(i + 1));
        if first.cyrillic != second.cyrillic {
            return None;
        }
        let key = format!(
            "{}{}",
            self.vocabulary.key(first),
            self.vocabulary.key(second)
        );
        self.vocabulary.name(&key)
    }

    /// The area a capitalised word names in a list that a plural word for areas ends, where
    /// the word alone names nothing: "the Darnytskyi and Dniprovskyi districts" (the
    /// gazetteer knows the Darnytskyi district, not a Darnytskyi).
    pub(super) fn area_of_a_list(&mut self, i: usize) -> Option<usize> {
        let first = self.word(i);
        if first.cyrillic || !self.capitalised(i) {
            return None;
        }
        let j = self.word_after_list(i, 8)?;
        let word = &self.text[self.words[j].span.clone()];
        // (Every English plural for areas ends in s.)
        let singular = word.ends_with('s').then(|| singular_area(word))??;
        let key = format!("{} {singular}", self.vocabulary.key(first));
        self.vocabulary.name(&key)
    }

    /// [`Sentence::longest_match`], of the names that begin with the word at token `i`.
    pub(super) fn longest_name(&mut self, i: usize) -> Option<(usize, usize, bool)> {
        let (text, words) = (self.text, self.words);
        let first = self.word(i);
        // Latin names: most words begin no longer name, and are names or not on their own.
        if !first.cyrillic && self.vocabulary.name_start(first).is_none() {
            return self.vocabulary.name_of(first).map(|n| (1, n, false));
        }
        // (A possessive first word owns what follows, "Ukraine's Kharkiv", unless the two are
        // a name the gazetteer knows: "Cox's Bazar".)
        if words[i].possessive && i + 1 < words.len() && joinable(text, &words[i], &words[i + 1]) {
            let next = self.word(i + 1);
            let key = format!(
                "{}s {}",
                self.vocabulary.key(first),
                self.vocabulary.key(next)
            );
            if let Some(n) = self.vocabulary.name(&key) {
                return Some((2, n, false));
            }
        }
        let mut max = 1;
        while max < MAX_TOKENS
            && i + max < words.len()
            && !words[i].possessive
            && joinable(text, &words[i + max - 1], &words[i + max])
        {
            max += 1;
        }
        if first.cyrillic {
            return self.longest_cyrillic_match(i, max);
        }
        if max == 1 {
            return self.vocabulary.name_of(first).map(|n| (1, n, false));
        }
        // Otherwise one walk of the name automaton along the words that follow, from where the
        // first word left it, finds the longest name at once (the key of each shorter run is
        // a prefix of the key of the whole, ending where a word ends).
        let (mut rest, mut ends) = (
            std::mem::take(&mut self.scratch.rest),
            std::mem::take(&mut self.scratch.ends),
        );
        rest.clear();
        ends.clear();
        for (k, token) in words.iter().enumerate().take(i + max).skip(i + 1) {
            let w = self.word(k);
            let part = self.vocabulary.key(w);
            if part.is_empty() {
                break;
            }
            if !rest.is_empty() {
                rest.push(' ');
            }
            rest.push_str(part);
            ends.push(rest.len());
            // A name may end at a possessive ("British Columbia's Expropriation Act") or go
            // on through it, its key keeping the s ("Democratic People's Republic of Korea":
            // "peoples").
            if token.possessive {
                rest.push('s');
            }
        }
        let gazetteer = self.vocabulary.gazetteer();
        let longer = self
            .vocabulary
            .name_start(first)
            .and_then(|start| gazetteer.longest_name(start, &rest, &ends));
        let found = match longer {
            None => self.vocabulary.name_of(first).map(|n| (1, n, false)),
            Some(end) => ends.iter().position(|&e| e == end).and_then(|k| {
                let mut key = std::mem::take(&mut self.scratch.key);
                key.clear();
                key.push_str(self.vocabulary.key(first));
                key.push(' ');
                key.push_str(&rest[..end]);
                let name = self.vocabulary.name(&key);
                self.scratch.key = key;
                name.map(|n| (k + 2, n, false))
            }),
        };
        (self.scratch.rest, self.scratch.ends) = (rest, ends);
        found
    }

    /// The longest name starting at the Cyrillic token `i` and at most `max` tokens long.
    pub(super) fn longest_cyrillic_match(
        &mut self,
        i: usize,
        max: usize,
    ) -> Option<(usize, usize, bool)> {
        let (text, words) = (self.text, self.words);
        for len in (1..=max).rev() {
            let span = words[i].span.start..words[i + len - 1].span.end;
            let key = normalize(&text[span.clone()]);
            if len > 2 {
                if let Some(n) = self.vocabulary.name(&key) {
                    return Some((len, n, false));
                }
                // A town "on" its river declines its first word only: "в Ростове-на-Дону",
                // "в Славянске-на-Кубани".
                if len == 3
                    && is_hyphen(self.gap_after(i))
                    && is_hyphen(self.gap_after(i + 1))
                    && &text[words[i + 1].span.clone()] == "на"
                {
                    let (first, rest) = (
                        &text[words[i].span.clone()],
                        &text[words[i].span.end..span.end],
                    );
                    let name = nominatives(first)
                        .iter()
                        .find_map(|n| self.vocabulary.name(&normalize(&format!("{n}{rest}"))));
                    if let Some(n) = name {
                        return Some((len, n, true));
                    }
                }
                continue;
            }
            // Declined Ukrainian and Russian names, for names of one or two words: the form as
            // written and each guessed nominative ("Покровська" is an alias of a hamlet as
            // written; "Покровськ" names Pokrovsk).
            // (An adjective before a front's word is the town the front is named after:
            // "на Костянтинівському напрямку"; one before a plural word for areas names an
            // area: "над Белгородской, Курской и Брянской областями". Each is filed apart,
            // for the same word elsewhere is neither.)
            let end = if len == 1 { self.list_end(i) } else { None };
            let front = end == Some(ListEnd::Front);
            let area = match end {
                Some(ListEnd::Areas(area)) => Some(area),
                _ => None,
            };
            let filing = match end {
                Some(ListEnd::Front) => Filing::FrontTown,
                Some(ListEnd::Areas("район")) => Filing::ListedDistrict,
                Some(ListEnd::Areas(_)) => Filing::ListedRegion,
                None => Filing::Declined,
            }
            .of(&text[span]);
            if let Some(n) = self.vocabulary.filed(&filing) {
                return Some((len, n, self.vocabulary.names()[n].inflected));
            }
            let forms: Vec<Vec<String>> = (i..i + len)
                .map(|k| {
                    let word = &text[words[k].span.clone()];
                    let mut forms = vec![word.to_string()];
                    forms.extend(if len == 1 {
                        nominatives(word)
                    } else {
                        nominatives_in_name(word)
                    });
                    if front {
                        forms.extend(adjective_towns(word));
                    }
                    if let Some(area) = area {
                        let areas: Vec<String> =
                            forms.iter().map(|n| format!("{n} {area}")).collect();
                        forms.extend(areas);
                    }
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
            let gazetteer = self.vocabulary.gazetteer();
            let mut found: Vec<(String, Vec<Candidate<'_>>, bool)> = Vec::new();
            for (n, form) in combinations.iter().enumerate() {
                // (A city's district is tried as a district only when its adjective names
                // nothing alone: GeoNames places most of Kyiv's districts, "Оболонь", by their
                // own points, and their raions at the city's.)
                if area == Some("район") && form.ends_with(" район") && !found.is_empty()
                {
                    break;
                }
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
                let candidates = found
                    .iter()
                    .flat_map(|(_, c, _)| c.iter().copied())
                    .collect();
                let common = gazetteer.is_common_word(key);
                let name = Name::new(key.clone(), candidates, common, *inflected);
                return Some((len, self.vocabulary.file(filing, name), *inflected));
            }
        }
        None
    }
}
