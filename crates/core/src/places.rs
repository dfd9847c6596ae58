//! What the places of a dataset are (countries, cities, ports, airports, border crossings),
//! so that the map's words count them as what they are: "305 airports", never "countries".

use crate::i18n::Noun;
use crate::model::Location;
use serde::{Deserialize, Serialize};

/// What a location is; a location without one is a country when its id is a country's code
/// on the map, else a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlaceKind {
    /// A country (or territory) with its outline on the map.
    Country,
    /// A city or town.
    City,
    /// A sea or river port.
    Port,
    /// An airport.
    Airport,
    /// A border crossing.
    BorderCrossing,
    /// Any other place.
    Place,
}

/// The ids of the countries and territories the map has outlines for (Natural Earth's
/// `ADM0_A3`, as in `world/index.txt`; `XKX` is Kosovo).
const COUNTRY_IDS: &str = "ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATC ATF ATG AUS AUT \
AZE BDI BEL BEN BFA BGD BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BWA CAF CAN CHE CHL \
CHN CIV CMR COD COG COK COL COM CPV CRI CUB CUW CYM CYN CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY \
ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIN GMB GNB GNQ GRC GRD GRL GTM \
GUM GUY HKG HMD HND HRV HTI HUN IDN IMN IND IOA IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAS \
KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA \
MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MUS MWI MYS NAM NCL NER NFK NGA NIC NIU \
NLD NOR NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT ROU RUS RWA \
SAU SDN SEN SGP SGS SHN SLB SLE SLV SMR SOL SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR \
TCA TCD TGO THA TJK TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR URY USA UZB VAT VCT VEN VGB VIR \
VNM VUT WLF WSM XKX YEM ZAF ZMB ZWE";

/// True when `id` is the code of a country or territory the map has an outline for.
///
/// # Examples
/// ```
/// use flowmap_core::places::is_country_id;
/// assert!(is_country_id("SRB") && is_country_id("XKX"));
/// assert!(!is_country_id("JFK") && !is_country_id("SR"));
/// ```
pub fn is_country_id(id: &str) -> bool {
    id.len() == 3 && COUNTRY_IDS.split(' ').any(|c| c == id)
}

/// Every country id of [`is_country_id`], for checks against the geometry.
pub fn country_ids() -> impl Iterator<Item = &'static str> {
    COUNTRY_IDS.split(' ')
}

impl PlaceKind {
    /// What `location` is: its `kind`, else a country when its id is a country's code.
    pub fn of(location: &Location) -> PlaceKind {
        location.kind.unwrap_or(if is_country_id(&location.id) {
            PlaceKind::Country
        } else {
            PlaceKind::Place
        })
    }

    /// The noun that counts places of this kind.
    pub fn noun(self) -> Noun {
        match self {
            PlaceKind::Country => Noun::Country,
            PlaceKind::City => Noun::City,
            PlaceKind::Port => Noun::Port,
            PlaceKind::Airport => Noun::Airport,
            PlaceKind::BorderCrossing => Noun::BorderCrossing,
            PlaceKind::Place => Noun::Place,
        }
    }
}

/// The noun that counts `places` together: their kind when they share one, else "places".
///
/// # Examples
/// ```
/// use flowmap_core::i18n::Noun;
/// use flowmap_core::places::{noun_for, PlaceKind};
/// assert_eq!(noun_for([PlaceKind::Airport, PlaceKind::Airport]), Noun::Airport);
/// assert_eq!(noun_for([PlaceKind::Country, PlaceKind::City]), Noun::Place);
/// assert_eq!(noun_for([]), Noun::Place);
/// ```
pub fn noun_for(places: impl IntoIterator<Item = PlaceKind>) -> Noun {
    let mut places = places.into_iter();
    let Some(first) = places.next() else {
        return Noun::Place;
    };
    if places.all(|k| k == first) {
        first.noun()
    } else {
        Noun::Place
    }
}
