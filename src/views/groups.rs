//! The places grouped as a reader scans a list of them: by country, then by first-level
//! region ("Ukraine › Donetsk Oblast › Pokrovsk"). Places outside any country (seas, rivers,
//! wider regions) form a group of their own.

use crate::geoparse::Place;

/// The places of one country (or of none), by region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CountryGroup {
    /// The country's name, `None` for places outside any country.
    pub country: Option<String>,
    /// Places in no region of the country (the country itself, its capital region…), as
    /// indexes into the places.
    pub places: Vec<usize>,
    /// The country's regions that hold places, in the order given.
    pub regions: Vec<RegionGroup>,
}

/// The places of one first-level region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegionGroup {
    /// The region's name.
    pub region: String,
    /// The region itself and the places in it, as indexes into the places.
    pub places: Vec<usize>,
}

/// The country and first-level region a place belongs to, from its path.
fn country_and_region(place: &Place) -> (Option<&str>, Option<&str>) {
    let path = &place.path;
    match place.kind.as_str() {
        "country" => (Some(place.name.as_str()), None),
        _ if place.country.is_empty() => (None, None),
        "admin1" => (
            path.last().map(String::as_str),
            path.first().map(String::as_str),
        ),
        _ if path.len() >= 3 => (
            path.last().map(String::as_str),
            Some(path[path.len() - 2].as_str()),
        ),
        _ => (
            path.last().filter(|_| path.len() >= 2).map(String::as_str),
            None,
        ),
    }
}

/// Groups the places at `order` (indexes into `places`: the order the reader chose) by
/// country and region. Groups come in the order of their first place; places keep `order`
/// within their group.
///
/// # Example
/// ```
/// use conflict_mapper::views::groups::by_country_and_region;
/// assert!(by_country_and_region(&[], &[]).is_empty());
/// ```
pub fn by_country_and_region(places: &[Place], order: &[usize]) -> Vec<CountryGroup> {
    let mut groups: Vec<CountryGroup> = Vec::new();
    for &i in order {
        let Some(place) = places.get(i) else { continue };
        let (country, region) = country_and_region(place);
        let at = match groups.iter().position(|g| g.country.as_deref() == country) {
            Some(at) => at,
            None => {
                groups.push(CountryGroup {
                    country: country.map(str::to_string),
                    places: Vec::new(),
                    regions: Vec::new(),
                });
                groups.len() - 1
            }
        };
        let group = &mut groups[at];
        match region {
            None => group.places.push(i),
            Some(region) => match group.regions.iter_mut().find(|r| r.region == region) {
                Some(r) => r.places.push(i),
                None => group.regions.push(RegionGroup {
                    region: region.to_string(),
                    places: vec![i],
                }),
            },
        }
    }
    groups
}
