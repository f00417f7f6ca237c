//! The gazetteer: every place, region, country and body of water the geoparser can resolve a
//! name to, in a compact binary index that the browser opens straight from the fetched bytes.
//!
//! - [`Gazetteer`] opens an index and answers look-ups: a normalised name (see
//!   [`normalize()`]) to its [`Candidate`]s, each an [`Entry`] with its kind, country,
//!   point, population and the regions that contain it.
//! - [`IndexBuilder`] writes an index (used by `gazetteer/`'s builder and by tests).
//! - [`mod@format`] documents the bytes.
//!
//! # Example
//! ```
//! use conflict_mapper::gazetteer::{Gazetteer, IndexBuilder, Kind, NewEntry};
//!
//! let mut builder = IndexBuilder::new();
//! let ua = builder.add(NewEntry::new(Kind::Country, "Ukraine", "UA", (31.4, 49.0)));
//! let mut sumy = NewEntry::new(Kind::Place, "Sumy", "UA", (34.79906, 50.91741));
//! sumy.geonameid = 692194;
//! sumy.population = 256_474;
//! let sumy = builder.add(sumy);
//! builder.name(sumy, "Sumy", true);
//! builder.name(sumy, "Soumy", false); // the French name: an alias
//! builder.name(ua, "Ukraine", true);
//! let gazetteer = Gazetteer::new(builder.build().unwrap()).unwrap();
//!
//! // Cyrillic and Latin spellings of one name meet under one key.
//! let found = gazetteer.find("Суми");
//! assert_eq!(found.len(), 1);
//! assert_eq!(found[0].entry.name(), "Sumy");
//! assert_eq!(found[0].entry.geonameid(), Some(692194));
//! assert!(found[0].main_name);
//! assert!(!gazetteer.find("Soumy")[0].main_name);
//! ```

pub mod format;
mod index;
mod write;

/// The normalisation that makes a name its key in the index (see [`Gazetteer::lookup`]).
pub use crate::text::normalize;
pub use format::FormatError;
pub use index::{Candidate, Entry, Gazetteer, Headword, NameStart, PART_FILES};
pub use write::{IndexBuilder, NewEntry};

/// What sort of feature an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A sovereign state or dependent territory (ISO 3166-1).
    Country,
    /// A first-level administrative division: oblast, state, province, governorate.
    Admin1,
    /// A second-level administrative division: raion, county, district.
    Admin2,
    /// A sea, gulf, bay or strait.
    Sea,
    /// A river.
    River,
    /// A region that is not an administrative unit, or whose status is disputed: Donbas,
    /// Crimea, the Gaza Strip, the Sahel.
    Region,
    /// A populated place: city, town, village.
    Place,
    /// A lake or reservoir.
    Lake,
}

impl Kind {
    pub(crate) const ALL: [Kind; 8] = [
        Kind::Country,
        Kind::Admin1,
        Kind::Admin2,
        Kind::Sea,
        Kind::River,
        Kind::Region,
        Kind::Place,
        Kind::Lake,
    ];

    /// The GeoNames feature class: `A` (countries, divisions), `H` (waters), `L` (areas),
    /// `P` (populated places).
    pub fn feature_class(self) -> char {
        match self {
            Kind::Country | Kind::Admin1 | Kind::Admin2 => 'A',
            Kind::Sea | Kind::River | Kind::Lake => 'H',
            Kind::Region => 'L',
            Kind::Place => 'P',
        }
    }

    /// Whether entries of this kind cover an area (and so have an extent).
    pub fn is_area(self) -> bool {
        self != Kind::Place
    }

    /// A short English word for the kind, as the app and the CLI show it.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Country => "country",
            Kind::Admin1 => "admin1",
            Kind::Admin2 => "admin2",
            Kind::Sea => "sea",
            Kind::River => "river",
            Kind::Region => "region",
            Kind::Place => "place",
            Kind::Lake => "lake",
        }
    }
}

/// How an entry's point and extent were made; kept in the index so users can be told.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Provenance {
    /// The GeoNames coordinates of a populated place.
    GeoNamesPoint,
    /// A country: a point inside its largest Natural Earth polygon, extent of its outline.
    NaturalEarthOutline,
    /// A region: centroid of the convex hull of its member places, extent of those places.
    MemberHull,
    /// A region with one member place: that place's point.
    SingleMember,
    /// A region with no member places in the gazetteer: the point of the region containing it.
    ParentPoint,
    /// From the curated supplement (`gazetteer/supplement.tsv`), which states each source.
    Curated,
}

impl Provenance {
    pub(crate) const ALL: [Provenance; 6] = [
        Provenance::GeoNamesPoint,
        Provenance::NaturalEarthOutline,
        Provenance::MemberHull,
        Provenance::SingleMember,
        Provenance::ParentPoint,
        Provenance::Curated,
    ];

    /// A sentence saying how the point was made.
    pub fn describe(self) -> &'static str {
        match self {
            Provenance::GeoNamesPoint => "GeoNames coordinates",
            Provenance::NaturalEarthOutline => "inside the Natural Earth outline",
            Provenance::MemberHull => "centre of the places it contains",
            Provenance::SingleMember => "the one place it contains",
            Provenance::ParentPoint => "the point of the region containing it",
            Provenance::Curated => "curated by hand (see gazetteer/supplement.tsv)",
        }
    }
}

/// A rectangle in degrees: west, south, east, north. East may exceed 180 for areas that cross
/// the antimeridian.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Extent {
    /// Western edge, degrees longitude.
    pub west: f64,
    /// Southern edge, degrees latitude.
    pub south: f64,
    /// Eastern edge, degrees longitude.
    pub east: f64,
    /// Northern edge, degrees latitude.
    pub north: f64,
}

impl Extent {
    /// Whether `(lon, lat)` lies inside (edges included).
    pub fn contains(&self, (lon, lat): (f64, f64)) -> bool {
        lat >= self.south && lat <= self.north && lon >= self.west && lon <= self.east
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_part_index(village_population: u32) -> Vec<Vec<u8>> {
        let mut b = IndexBuilder::new();
        let ua = b.add(NewEntry::new(Kind::Country, "Ukraine", "UA", (31.4, 49.0)));
        b.name(ua, "Ukraine", true);
        let mut oblast = NewEntry::new(Kind::Admin1, "Donetsk Oblast", "UA", (37.8, 48.0));
        oblast.code = "UA.05".into();
        oblast.extent = Some(Extent {
            west: 36.5,
            south: 46.9,
            east: 39.0,
            north: 49.3,
        });
        let oblast = b.add(oblast);
        b.name(oblast, "Donetsk Oblast", true);
        b.region_form(oblast, "Donetsk region");
        let mut town = NewEntry::new(Kind::Place, "Kostiantynivka", "UA", (37.706, 48.527));
        town.population = 67_350;
        town.admin1 = Some(oblast);
        let town = b.add(town);
        b.name(town, "Kostiantynivka", true);
        let mut village = NewEntry::new(Kind::Place, "Kostiantynivka", "UA", (33.87, 46.83));
        village.population = village_population;
        let village = b.add(village);
        b.name(village, "Kostiantynivka", true);
        b.build_parts(|e| e.population >= 5_000).unwrap()
    }

    #[test]
    fn later_parts_add_places_that_point_into_the_first() {
        let parts = two_part_index(1_455);
        let first = Gazetteer::new(parts[0].clone()).unwrap();
        assert_eq!(first.find("Kostiantynivka").len(), 1);
        let whole = first.with_part(parts[1].clone()).unwrap();
        assert_eq!(whole.parts(), 2);
        let found = whole.find("Kostyantynivka");
        assert_eq!(found.len(), 2);
        let ids: Vec<u32> = found.iter().map(|c| c.entry.id()).collect();
        assert_ne!(ids[0], ids[1]);
        for c in &found {
            assert_eq!(whole.entry(c.entry.id()).unwrap().point(), c.entry.point());
        }
        let town = found
            .iter()
            .find(|c| c.entry.population() == 67_350)
            .unwrap();
        assert_eq!(town.entry.admin1().unwrap().code(), "UA.05");
        assert_eq!(town.entry.hierarchy().last().unwrap().name(), "Ukraine");
        let region = whole.find("Donetsk region");
        assert!(region[0].region_form && !region[0].main_name);
        assert!(whole.has_longer_name("donetsk"));
        assert!(!whole.has_longer_name("kostiantinivka"));
    }

    #[test]
    fn a_part_from_another_build_is_refused() {
        let a = two_part_index(1_455);
        let first = Gazetteer::new(a[0].clone()).unwrap();
        assert!(first.with_part(a[1].clone()).is_ok());
        let mut changed = IndexBuilder::new();
        let x = changed.add(NewEntry::new(Kind::Country, "France", "FR", (2.0, 46.0)));
        changed.name(x, "France", true);
        let mut place = NewEntry::new(Kind::Place, "Kostiantynivka", "UA", (33.87, 46.83));
        place.population = 10;
        let place = changed.add(place);
        changed.name(place, "Kostiantynivka", true);
        let changed = changed.build_parts(|e| e.population >= 5_000).unwrap();
        assert_eq!(
            first.with_part(changed[1].clone()).unwrap_err(),
            FormatError::WrongBase
        );
        assert_eq!(
            Gazetteer::new(a[1].clone()).unwrap_err(),
            FormatError::WrongBase
        );
    }

    #[test]
    fn every_truncation_and_bit_flip_is_an_error_not_a_panic() {
        let bytes = two_part_index(1_455).swap_remove(0);
        for len in 0..bytes.len() {
            assert!(
                Gazetteer::new(bytes[..len].to_vec()).is_err(),
                "length {len}"
            );
        }
        for i in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[i] ^= 0x10;
            // The length field catches some flips; the checksum catches the rest.
            assert!(Gazetteer::new(damaged).is_err(), "flip at {i}");
        }
    }
}
