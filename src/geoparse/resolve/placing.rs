//! Placing a place the gazetteer lacks: the rules that put a mention at an area (a region, a
//! country, a city) instead of at a namesake elsewhere.
//!
//! War reporting names villages and districts that no gazetteer holds; a name shared with a
//! village hundreds of kilometres away is then a wrong pin, and the honest answer is the area
//! the text ties the name to, marked approximate. Each rule below is one such tie, tried in
//! [`Placement::ORDER`] once a spot's likeliest reading is chosen; the first that fires places
//! the mention. The rules are an enum dispatched in one place, as the tie each reads is a
//! different part of the text, and a name per rule is what `--explain` and the popup show.

use super::Resolution;
use super::context::{Scene, last_listed, sentence_spots};
use super::reading::{Reading, inside, none_by, unit};
use super::score::{Ties, containers};
use super::weights::WEIGHTS;
use crate::gazetteer::{Entry, Kind};
use crate::geoparse::spot::{Spot, Strength, entry_strength};

/// A rule that places a mention at the area the text ties it to (see the module docs and
/// [`Placement::doc`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Placement {
    InContainer,
    ListInRegion,
    NearPlace,
    OnFront,
    AfterRegion,
    PartOfCity,
    AmongNeighbours,
}

impl Placement {
    /// The rules, in the order they are tried.
    pub const ORDER: [Placement; 7] = [
        Placement::InContainer,
        Placement::ListInRegion,
        Placement::NearPlace,
        Placement::OnFront,
        Placement::AfterRegion,
        Placement::PartOfCity,
        Placement::AmongNeighbours,
    ];

    /// The rule's name, as `--explain` prints it.
    pub fn name(self) -> &'static str {
        match self {
            Placement::InContainer => "in-container",
            Placement::ListInRegion => "list-in-region",
            Placement::NearPlace => "near-place",
            Placement::OnFront => "on-front",
            Placement::AfterRegion => "after-region",
            Placement::PartOfCity => "part-of-city",
            Placement::AmongNeighbours => "among-neighbours",
        }
    }

    /// What the rule does, with an example.
    pub fn doc(self) -> &'static str {
        match self {
            Placement::InContainer => {
                "A name the text puts in a region or country (\"Kostiantynivka in Sumy\"), or a minor place put in one by apposition off that area's bounds (\"Nasir, South Sudan\"; not a list, nor \"Kodok, Sudan\" within its bounds), with no reading there, is placed at that area; a part of a city the gazetteer lacks, named by the city's possessive, a word for an area or a settlement, or in Cyrillic the city's genitive, at the city (\"Kherson's Dniprovskyi district\", \"London's Heathrow\", \"у Київському районі Харкова\")."
            }
            Placement::ListInRegion => {
                "A village listed before one said to lie in a region, none of its readings there, lies there too: \"near Kozinka and Demidovka in Belgorod Oblast\" is no Kozinka in Rivne oblast."
            }
            Placement::NearPlace => {
                "A minor place said outright to lie near another (\"X near Y\", \"X, a village northeast of Y\", \"X and Z (both east of Y)\"), no reading of its name within 100 km of that place nor in its region, is placed in that place's region: \"Pripyat near Chernobyl\"."
            }
            Placement::OnFront => {
                "A minor place named after a front in its sentence, no place said to hold it, none of its readings within 100 km of the front's town nor in its region, is a village on that front, placed at the town's region: \"На Покровському напрямку … біля Новоукраїнки\"."
            }
            Placement::AfterRegion => {
                "A village after a first-level region its sentence names, no place said to hold it or lie by it, none of its readings in or near that region, in a country the text names neither itself nor by a notable place, is in that region: \"Russia's Kursk region … near the villages of Plekhovo and Martynovka\" (but \"Punjab province … near Pahalgam\" is Pahalgam)."
            }
            Placement::PartOfCity => {
                "A part of a city named as an area (\"district\", \"raion\"), no place said to hold it, none of its readings within 30 km of the city its sentence put the reader in, is a part of that city: \"У Харкові … в Салтівському та Київському районах\"."
            }
            Placement::AmongNeighbours => {
                "A village listed with a minor place surely placed, none of its readings within 250 km of it nor in its region, far from every listed mate and from every reading of the place listed next, is a village named among its neighbours, placed at their region: \"near Uspenivka, Poltavka and Zatyshshia\" (but \"Svatove, Robotyne, Krynky\" runs along a front)."
            }
        }
    }

    /// What the rule says, in a line a reader of the map understands.
    pub fn says(self) -> &'static str {
        match self {
            Placement::InContainer => {
                "not in the gazetteer; placed at the area the text puts it in"
            }
            Placement::ListInRegion => {
                "not in the gazetteer; placed at the region its list lies in"
            }
            Placement::NearPlace => {
                "not in the gazetteer; placed at the region of the place it is near"
            }
            Placement::OnFront => {
                "not in the gazetteer; placed at the region of the front its sentence names"
            }
            Placement::AfterRegion => {
                "not in the gazetteer; placed at the region its sentence names"
            }
            Placement::PartOfCity => "not in the gazetteer; placed at the city its sentence is in",
            Placement::AmongNeighbours => {
                "not in the gazetteer; placed at the region of the places listed with it"
            }
        }
    }

    /// The area the rule places spot `case.i` at, if it fires.
    pub(crate) fn check<'g>(self, case: &Case<'_, '_, 'g>) -> Option<Entry<'g>> {
        match self {
            Placement::InContainer => case.in_container(),
            Placement::ListInRegion => case.list_in_region(),
            Placement::NearPlace => case.scene.stray(case.i, &case.chosen),
            Placement::OnFront => case.on_front(),
            Placement::AfterRegion => case.after_region(),
            Placement::PartOfCity => case.part_of_city(),
            Placement::AmongNeighbours => case.among_neighbours(),
        }
    }
}

/// A spot whose likeliest reading is chosen, with what the placement rules read.
pub(crate) struct Case<'s, 'a, 'g> {
    pub scene: &'s Scene<'a, 'g>,
    /// The spot.
    pub i: usize,
    /// Its likeliest reading.
    pub chosen: Reading<'g>,
    pub ties: &'s Ties<'a, 'g>,
    /// The spots before it, resolved.
    pub out: &'s [Option<Resolution<'g>>],
    /// The last front named before it in its sentence.
    pub front_before: Option<usize>,
}

impl<'g> Case<'_, '_, 'g> {
    fn spot(&self) -> &Spot {
        &self.scene.spots[self.i]
    }

    fn own(&self) -> &[Reading<'g>] {
        self.scene.readings[self.i]
    }

    /// A village, not a town of its own size: the rules of lists may place it among its
    /// mates ("an airfield at Yeysk and the Morozovsk air base in Rostov region" is the port
    /// town).
    fn minor_village(&self) -> bool {
        let chosen = &self.chosen;
        chosen.kind == Kind::Place
            && entry_strength(&chosen.entry) < Strength::Notable
            && chosen.entry.population() < WEIGHTS.list_town
    }

    /// See [`Placement::InContainer`]. (Not a list, nor "Sirte, the US said"; "Kodok, Sudan",
    /// written before South Sudan was, and "Sevastopol, Russia", in Moscow's words, are those
    /// towns, within the area's bounds; "Kharkiv, Sumy region" is a list.)
    fn in_container(&self) -> Option<Entry<'g>> {
        let (spots, i, spot, chosen) = (self.scene.spots, self.i, self.spot(), &self.chosen);
        let holders = &self.ties.holders;
        let apposed = spot.cues.container.is_some_and(|c| {
            c > i
                && !spot.cues.container_explicit
                && entry_strength(&chosen.entry) < Strength::Notable
                && !self.ties.listed_with_holder
                && !self.scene.names[spots[c].name].demonym
                && holders.first().is_some_and(|y| {
                    matches!(y.kind, Kind::Country | Kind::Admin1)
                        && y.entry
                            .extent()
                            .is_some_and(|x| !x.contains(chosen.entry.point()))
                })
        });
        if !(spot.cues.container_explicit || apposed) {
            return None;
        }
        let any_inside = self
            .own()
            .iter()
            .any(|o| holders.iter().any(|y| inside(o, y)));
        // (A part of a city the gazetteer lacks, none of its namesakes near the city, is
        // placed at the city: "Kherson's Dniprovskyi district" is no district of Kyiv,
        // "London's Heathrow" no Heathrow, Florida. Only a part the text calls one, by the
        // city's possessive or a word for an area or a settlement ("Cairo's Abbasiya
        // neighbourhood"; "Hamas in Doha" is no place), by the holder's likeliest reading,
        // and in Cyrillic only by the city's genitive, for "в" is also "to": "у Київському
        // районі Харкова", not "из Волчанска в Харьков".)
        let part_of_city = spot.cues.container.is_some_and(|c| c < i)
            || spot.cues.wants_area
            || spot.cues.wants_settlement;
        let genitive = spot
            .cues
            .container
            .is_some_and(|c| c == i + 1 && spots[c].span.start <= spot.span.end + 1);
        let city = holders.first().filter(|y| {
            y.kind == Kind::Place
                && spot.cues.container_explicit
                && (genitive || (part_of_city && !spot.cues.cyrillic))
        });
        let region = city.or_else(|| {
            holders
                .iter()
                .find(|y| y.kind.is_area() && (y.kind != Kind::Country || apposed))
        });
        region
            .filter(|_| !any_inside && !chosen.kind.is_area())
            .map(|r| r.entry)
    }

    /// See [`Placement::ListInRegion`].
    fn list_in_region(&self) -> Option<Entry<'g>> {
        let scene = self.scene;
        let region_of_list = list_container(scene.spots, self.i)
            .and_then(|c| {
                containers(scene.readings[c], scene.first(c))
                    .into_iter()
                    .next()
            })
            .filter(|y| matches!(y.kind, Kind::Admin1 | Kind::Admin2));
        region_of_list
            .filter(|y| self.minor_village() && !self.own().iter().any(|o| inside(o, y)))
            .map(|y| y.entry)
    }

    /// See [`Placement::OnFront`]. (The nearest front before it, named after a town surely
    /// placed: "in the Velykomykhailivka direction near Sosnivka, and in the Orikhiv
    /// direction near Stepove".)
    fn on_front(&self) -> Option<Entry<'g>> {
        let spot = self.spot();
        let on_front = || {
            let town = self.out[self.front_before?]
                .as_ref()
                .filter(|r| !r.approximate && r.confidence >= WEIGHTS.mate_sure)?
                .entry;
            let region = town.admin1()?;
            none_by(
                self.own(),
                unit(town.point()),
                WEIGHTS.near_km,
                Some(region),
            )
            .then_some(region)
        };
        if self.front_before.is_some()
            && !spot.cues.front
            && spot.cues.container.is_none()
            && minor_place(&self.chosen.entry)
            && list_container(self.scene.spots, self.i).is_none()
            && let Some(region) = on_front()
        {
            return Some(region);
        }
        None
    }

    /// See [`Placement::AfterRegion`]. ("Punjab province … near Pahalgam", where India
    /// struck, is Pahalgam.)
    fn after_region(&self) -> Option<Entry<'g>> {
        let (scene, spot) = (self.scene, self.spot());
        if !scene.named_countries[self.chosen.slot]
            && spot.cues.container.is_none()
            && spot.cues.near.is_none()
            && self.minor_village()
            && list_container(scene.spots, self.i).is_none()
            && let Some(region) = placed_before(scene.spots, self.out, self.i, |_, e| {
                e.kind() == Kind::Admin1
            })
            && none_by(
                self.own(),
                unit(region.point()),
                WEIGHTS.near_km,
                Some(region),
            )
        {
            return Some(region);
        }
        None
    }

    /// See [`Placement::PartOfCity`].
    fn part_of_city(&self) -> Option<Entry<'g>> {
        let (scene, spot) = (self.scene, self.spot());
        let spots = scene.spots;
        let named_as_area = || {
            let key = &scene.names[spot.name].key;
            spot.cues.wants_area || key.ends_with(" raion") || key.ends_with(" district")
        };
        let city_before = || {
            placed_before(spots, self.out, self.i, |j, e| {
                spots[j].cues.locative
                    && e.kind() == Kind::Place
                    && entry_strength(e) >= Strength::Notable
            })
        };
        if self.chosen.kind == Kind::Place
            && spot.cues.container.is_none()
            && named_as_area()
            && list_container(spots, self.i).is_none()
            && let Some(city) = city_before()
            && none_by(self.own(), unit(city.point()), WEIGHTS.city_km, None)
        {
            return Some(city);
        }
        None
    }

    /// See [`Placement::AmongNeighbours`]. (The place before as resolved, past any placed at
    /// their region, "Uspenivka, Poltavka, Zatyshshia and Rivnopillia"; the one after as read
    /// on its own.)
    fn among_neighbours(&self) -> Option<Entry<'g>> {
        let (scene, i, out) = (self.scene, self.i, self.out);
        let spots = scene.spots;
        let own = self.own();
        let mut listed_before = spots[i].cues.list;
        while let Some(j) =
            listed_before.filter(|&j| out[j].as_ref().is_some_and(|r| r.approximate))
        {
            listed_before = spots[j].cues.list;
        }
        let before = listed_before.and_then(|j| {
            let placed = out[j].as_ref()?;
            (placed.confidence >= WEIGHTS.mate_sure && minor_place(&placed.entry))
                .then_some(placed.entry)
        });
        // (The one after read alone, unless a region it is said to lie in decides it.)
        let next = (i + 1 < spots.len() && spots[i + 1].cues.list == Some(i)).then_some(i + 1);
        let after = next.and_then(|j| {
            (scene.sureness(j) >= WEIGHTS.mate_sure
                && !scene.strays[j]
                && !spots[j].cues.container_explicit
                && minor_place(&scene.provisional[j].entry))
            .then_some(scene.provisional[j].entry)
        });
        // (A reading in the same region is the place, however far: "Nasir and Renk", in
        // South Sudan's Upper Nile.)
        let far_from = |mate: &Entry<'g>| {
            let region = mate.admin1();
            region.filter(|_| none_by(own, unit(mate.point()), WEIGHTS.list_km, region))
        };
        // (It must lie far from each mate: a list that runs along a front, "Svatove,
        // Robotyne, Krynky", is no list of neighbours; nor near any reading of the place
        // listed next, sure or not.)
        let near_next = || {
            next.is_some_and(|j| {
                scene.readings[j]
                    .iter()
                    .any(|o| !none_by(own, o.at, WEIGHTS.list_km, None))
            })
        };
        if (before.is_some() || after.is_some()) && self.minor_village() && !near_next() {
            let regions: Vec<Option<Entry<'g>>> =
                before.iter().chain(&after).map(far_from).collect();
            if let Some(&Some(region)) = regions
                .first()
                .filter(|_| regions.iter().all(Option::is_some))
            {
                return Some(region);
            }
        }
        None
    }
}

/// Whether an entry is a minor place: a settlement short of a notable one.
fn minor_place(e: &Entry<'_>) -> bool {
    e.kind() == Kind::Place && entry_strength(e) < Strength::Notable
}

/// The entry of the nearest spot before spot `i` in its sentence, placed (not approximately),
/// that `fits` (given the spot's index and the entry).
fn placed_before<'g>(
    spots: &[Spot],
    out: &[Option<Resolution<'g>>],
    i: usize,
    fits: impl Fn(usize, &Entry<'g>) -> bool,
) -> Option<Entry<'g>> {
    (sentence_spots(spots, i).start..i).rev().find_map(|j| {
        let placed = out[j].as_ref().filter(|r| !r.approximate)?;
        fits(j, &placed.entry).then_some(placed.entry)
    })
}

/// The spot holding the list that spot `i` is in but does not end, if the list's last place
/// is said to lie in it: "Kozinka and Demidovka in Belgorod Oblast".
fn list_container(spots: &[Spot], i: usize) -> Option<usize> {
    let last = last_listed(spots, i);
    let held = &spots[last].cues;
    (last > i && held.container_explicit)
        .then_some(held.container)
        .flatten()
        .filter(|&c| c > last)
}
