//! An application's reference: the year and a number counted per year, `2027-0001`.
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reference {
    pub year: i32,
    pub number: i32,
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:04}", self.year, self.number)
    }
}

impl std::str::FromStr for Reference {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (year, number) = s.split_once('-').ok_or(())?;
        if year.len() != 4 || number.len() < 4 || !number.bytes().all(|b| b.is_ascii_digit()) {
            return Err(());
        }
        Ok(Self { year: year.parse().map_err(|_| ())?, number: number.parse().map_err(|_| ())? })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_print_with_four_digits_at_least_and_parse_back() {
        assert_eq!(Reference { year: 2027, number: 1 }.to_string(), "2027-0001");
        assert_eq!(Reference { year: 2027, number: 12345 }.to_string(), "2027-12345");
        assert_eq!("2027-0042".parse(), Ok(Reference { year: 2027, number: 42 }));
        for bad in ["2027", "27-0001", "2027-01", "2027-00x1", "abcd-0001"] {
            assert!(bad.parse::<Reference>().is_err(), "{bad}");
        }
    }
}
