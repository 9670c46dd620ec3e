//! Birth dates as Danes write them: `31-05-1990`, `31.5.1990`, `31/05/1990`,
//! `31051990`, `1990-05-31`, and with a two-digit year (`31-05-90`,
//! `310590`) where only one century gives a plausible age.
use chrono::{Datelike, NaiveDate};

/// Ages a birth date may give: anyone older is surely a typo.
pub const PLAUSIBLE_AGE: std::ops::RangeInclusive<i32> = 0..=110;

/// Ages that decide the century of a two-digit year (`90` is 1990, `05` 2005).
const LIKELY_AGE: std::ops::RangeInclusive<i32> = 14..=99;

/// A date written with a four-digit year, without judging it (a draft's
/// pre-check reads what it can).
pub fn read(text: &str) -> Option<NaiveDate> {
    match parts(text.trim())? {
        (day, month, year, false) => NaiveDate::from_ymd_opt(year, month, day),
        _ => None,
    }
}

/// Why a birth date was not accepted; each is worded on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BirthDateError {
    Missing,
    /// Not day, month and year in any form we read.
    Unreadable,
    /// Written right but no such day (31-02-1990, 29-02-1991).
    NoSuchDate,
    /// A year no living applicant was born in (1850).
    Implausible,
    /// Today or later.
    NotInThePast,
}

/// Day, month and year as written, before checking the calendar.
fn parts(text: &str) -> Option<(u32, u32, i32, bool)> {
    let numbers: Vec<&str> = text.split(['-', '.', '/', ' ']).filter(|p| !p.is_empty()).collect();
    if !numbers.iter().all(|n| n.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let num = |s: &str| s.parse::<i64>().ok();
    let (d, m, y) = match numbers.as_slice() {
        [y, m, d] if y.len() == 4 => (*d, *m, *y),
        [d, m, y] if y.len() == 4 || y.len() == 2 => (*d, *m, *y),
        [all] if all.len() == 8 => (&all[0..2], &all[2..4], &all[4..8]),
        [all] if all.len() == 6 => (&all[0..2], &all[2..4], &all[4..6]),
        _ => return None,
    };
    if d.len() > 2 || m.len() > 2 {
        return None;
    }
    let (d, m, year) = (num(d)?, num(m)?, num(y)?);
    Some((u32::try_from(d).ok()?, u32::try_from(m).ok()?, i32::try_from(year).ok()?, y.len() == 2))
}

/// Parses a birth date relative to `today` (Europe/Copenhagen).
pub fn parse(text: &str, today: NaiveDate) -> Result<NaiveDate, BirthDateError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(BirthDateError::Missing);
    }
    let (day, month, year, two_digit) = parts(text).ok_or(BirthDateError::Unreadable)?;
    let plausible = |y: i32| PLAUSIBLE_AGE.contains(&(today.year() - y));
    let year = if two_digit {
        let likely = |y: &i32| LIKELY_AGE.contains(&(today.year() - y));
        let candidates: Vec<i32> = [1900 + year, 2000 + year].into_iter().filter(likely).collect();
        match candidates.as_slice() {
            [only] => *only,
            _ => return Err(BirthDateError::Unreadable),
        }
    } else {
        year
    };
    let date = NaiveDate::from_ymd_opt(year, month, day).ok_or(BirthDateError::NoSuchDate)?;
    if date >= today {
        return Err(BirthDateError::NotInThePast);
    }
    if !plausible(year) {
        return Err(BirthDateError::Implausible);
    }
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_ways_danes_write_a_birth_date() {
        for text in
            ["31-05-1990", "31.5.1990", "31/05/1990", "31 05 1990", "1990-05-31", "31051990", "31-05-90", "310590"]
        {
            assert_eq!(parse(text, today()), Ok(d(1990, 5, 31)), "{text}");
        }
        assert_eq!(parse("01-02-05", today()), Ok(d(2005, 2, 1)), "only 2005 gives a living applicant");
    }

    #[test]
    fn each_wrong_date_says_what_is_wrong() {
        assert_eq!(parse("", today()), Err(BirthDateError::Missing));
        assert_eq!(parse("31-02-1990", today()), Err(BirthDateError::NoSuchDate));
        assert_eq!(parse("29-02-1991", today()), Err(BirthDateError::NoSuchDate));
        assert_eq!(parse("29-02-1992", today()), Ok(d(1992, 2, 29)));
        assert_eq!(parse("1850-01-01", today()), Err(BirthDateError::Implausible));
        assert_eq!(parse("01-01-2030", today()), Err(BirthDateError::NotInThePast));
        assert_eq!(parse("30-11-2026", today()), Err(BirthDateError::NotInThePast));
        for text in ["maj 1990", "31-05", "1990", "31-05-1990-1", "123-05-1990", "99999999999999999999"] {
            assert_eq!(parse(text, today()), Err(BirthDateError::Unreadable), "{text}");
        }
    }
}
