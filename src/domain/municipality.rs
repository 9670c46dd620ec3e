//! The 98 Danish municipalities with their official code (kommunekode) and region.
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Region {
    Hovedstaden,
    Sjaelland,
    Syddanmark,
    Midtjylland,
    Nordjylland,
}

impl Region {
    pub fn key(self) -> &'static str {
        match self {
            Region::Hovedstaden => "hovedstaden",
            Region::Sjaelland => "sjaelland",
            Region::Syddanmark => "syddanmark",
            Region::Midtjylland => "midtjylland",
            Region::Nordjylland => "nordjylland",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        [Self::Hovedstaden, Self::Sjaelland, Self::Syddanmark, Self::Midtjylland, Self::Nordjylland]
            .into_iter()
            .find(|r| r.key() == key)
    }

    /// The official Danish name, e.g. "Region Midtjylland".
    pub fn name(self) -> &'static str {
        match self {
            Region::Hovedstaden => "Region Hovedstaden",
            Region::Sjaelland => "Region Sjælland",
            Region::Syddanmark => "Region Syddanmark",
            Region::Midtjylland => "Region Midtjylland",
            Region::Nordjylland => "Region Nordjylland",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Municipality {
    pub code: u16,
    pub name: &'static str,
    pub region: Region,
}

impl Municipality {
    pub fn all() -> &'static [Municipality] {
        MUNICIPALITIES
    }

    /// Parses an official 3-digit code such as `730` (Randers).
    pub fn from_code(code: &str) -> Result<&'static Municipality, UnknownMunicipality> {
        let code = code.trim();
        let number: u16 = code.parse().ok().filter(|_| code.len() == 3).ok_or(UnknownMunicipality)?;
        MUNICIPALITIES.iter().find(|m| m.code == number).ok_or(UnknownMunicipality)
    }
}

impl fmt::Display for Municipality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a Danish municipality code")]
pub struct UnknownMunicipality;

macro_rules! municipalities {
    ($($region:ident: [$(($code:literal, $name:literal)),* $(,)?]),* $(,)?) => {
        const MUNICIPALITIES: &[Municipality] = &[
            $($(Municipality { code: $code, name: $name, region: Region::$region },)*)*
        ];
    };
}

municipalities! {
    Hovedstaden: [
        (101, "København"), (147, "Frederiksberg"), (151, "Ballerup"), (153, "Brøndby"),
        (155, "Dragør"), (157, "Gentofte"), (159, "Gladsaxe"), (161, "Glostrup"),
        (163, "Herlev"), (165, "Albertslund"), (167, "Hvidovre"), (169, "Høje-Taastrup"),
        (173, "Lyngby-Taarbæk"), (175, "Rødovre"), (183, "Ishøj"), (185, "Tårnby"),
        (187, "Vallensbæk"), (190, "Furesø"), (201, "Allerød"), (210, "Fredensborg"),
        (217, "Helsingør"), (219, "Hillerød"), (223, "Hørsholm"), (230, "Rudersdal"),
        (240, "Egedal"), (250, "Frederikssund"), (260, "Halsnæs"), (270, "Gribskov"),
        (400, "Bornholm"),
    ],
    Sjaelland: [
        (253, "Greve"), (259, "Køge"), (265, "Roskilde"), (269, "Solrød"),
        (306, "Odsherred"), (316, "Holbæk"), (320, "Faxe"), (326, "Kalundborg"),
        (329, "Ringsted"), (330, "Slagelse"), (336, "Stevns"), (340, "Sorø"),
        (350, "Lejre"), (360, "Lolland"), (370, "Næstved"), (376, "Guldborgsund"),
        (390, "Vordingborg"),
    ],
    Syddanmark: [
        (410, "Middelfart"), (420, "Assens"), (430, "Faaborg-Midtfyn"), (440, "Kerteminde"),
        (450, "Nyborg"), (461, "Odense"), (479, "Svendborg"), (480, "Nordfyns"),
        (482, "Langeland"), (492, "Ærø"), (510, "Haderslev"), (530, "Billund"),
        (540, "Sønderborg"), (550, "Tønder"), (561, "Esbjerg"), (563, "Fanø"),
        (573, "Varde"), (575, "Vejen"), (580, "Aabenraa"), (607, "Fredericia"),
        (621, "Kolding"), (630, "Vejle"),
    ],
    Midtjylland: [
        (615, "Horsens"), (657, "Herning"), (661, "Holstebro"), (665, "Lemvig"),
        (671, "Struer"), (706, "Syddjurs"), (707, "Norddjurs"), (710, "Favrskov"),
        (727, "Odder"), (730, "Randers"), (740, "Silkeborg"), (741, "Samsø"),
        (746, "Skanderborg"), (751, "Aarhus"), (756, "Ikast-Brande"), (760, "Ringkøbing-Skjern"),
        (766, "Hedensted"), (779, "Skive"), (791, "Viborg"),
    ],
    Nordjylland: [
        (773, "Morsø"), (787, "Thisted"), (810, "Brønderslev"), (813, "Frederikshavn"),
        (820, "Vesthimmerlands"), (825, "Læsø"), (840, "Rebild"), (846, "Mariagerfjord"),
        (849, "Jammerbugt"), (851, "Aalborg"), (860, "Hjørring"),
    ],
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region_of(code: &str) -> Region {
        Municipality::from_code(code).unwrap().region
    }

    #[test]
    fn known_municipalities_sit_in_their_regions() {
        assert_eq!(Municipality::from_code("730").unwrap().name, "Randers");
        assert_eq!(region_of("730"), Region::Midtjylland);
        assert_eq!(region_of("751"), Region::Midtjylland);
        assert_eq!(region_of("101"), Region::Hovedstaden);
        assert_eq!(region_of("461"), Region::Syddanmark);
        assert_eq!(region_of("851"), Region::Nordjylland);
        assert_eq!(region_of("265"), Region::Sjaelland);
    }

    #[test]
    fn there_are_98_municipalities_with_unique_codes_and_the_official_region_sizes() {
        let all = Municipality::all();
        assert_eq!(all.len(), 98);
        let mut codes: Vec<u16> = all.iter().map(|m| m.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 98);
        let count = |r| all.iter().filter(|m| m.region == r).count();
        assert_eq!(count(Region::Hovedstaden), 29);
        assert_eq!(count(Region::Sjaelland), 17);
        assert_eq!(count(Region::Syddanmark), 22);
        assert_eq!(count(Region::Midtjylland), 19);
        assert_eq!(count(Region::Nordjylland), 11);
    }

    #[test]
    fn codes_must_be_three_known_digits() {
        for bad in ["", "73", "0730", "999", "abc", "411"] {
            assert_eq!(Municipality::from_code(bad), Err(UnknownMunicipality), "{bad:?}");
        }
        assert!(Municipality::from_code(" 730 ").is_ok());
    }

    #[test]
    fn region_keys_round_trip() {
        for m in Municipality::all() {
            assert_eq!(Region::from_key(m.region.key()), Some(m.region));
        }
    }
}
