//! What links the text, the map and the list: the place the reader points at (hovered or
//! focused in any of them) and the place they chose (clicked or pressed), shared through
//! Leptos context.

use crate::geoparse::Place;
use leptos::prelude::*;

/// Which place, in every view: its gazetteer entry, and for a place the text names but the
/// gazetteer lacks (placed approximately at its region) also its name as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Key(u32, Option<String>);

impl Key {
    /// The key of `place`.
    pub fn of(place: &Place) -> Key {
        Key(
            place.id,
            place
                .approximate
                .then(|| crate::text::normalize(&place.name)),
        )
    }

    /// The key as an attribute value (`data-key`) that is safe inside a CSS attribute selector:
    /// digits, and for an approximate place a dash and its normalised name (letters, digits,
    /// spaces).
    pub fn attr(&self) -> String {
        match &self.1 {
            None => self.0.to_string(),
            Some(name) => format!("{}-{name}", self.0),
        }
    }
}

/// Where a choice was made: a pin chosen on the map opens there already.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChosenOn {
    /// The map.
    Map,
    /// The text or the list.
    Elsewhere,
}

/// The reader's pointer and choice, shared by the views.
#[derive(Clone, Copy)]
pub struct Links {
    /// The place pointed at (hover or keyboard focus), if any.
    pub pointed: RwSignal<Option<Key>>,
    /// The place last chosen. Choosing the same place again notifies again.
    pub chosen: RwSignal<Option<(Key, ChosenOn)>>,
}

impl Links {
    /// New links, provided to every view below the caller.
    pub fn provide() -> Links {
        let links = Links {
            pointed: RwSignal::new(None),
            chosen: RwSignal::new(None),
        };
        provide_context(links);
        links
    }

    /// The links provided by the app.
    pub fn get() -> Links {
        expect_context::<Links>()
    }

    /// Points at `place`'s key (or at nothing).
    pub fn point(&self, key: Option<Key>) {
        if self.pointed.with_untracked(|p| *p != key) {
            self.pointed.set(key);
        }
    }

    /// Chooses a place.
    pub fn choose(&self, key: Key, from: ChosenOn) {
        self.chosen.set(Some((key, from)));
    }

    /// Whether `key` is pointed at (tracked).
    pub fn is_pointed(&self, key: &Key) -> bool {
        self.pointed.with(|p| p.as_ref() == Some(key))
    }
}
