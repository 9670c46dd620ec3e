//! The programme form's small values: weekdays, clock times, the slug.
use chrono::{NaiveTime, Weekday};

use super::form::Problem;

const SLUG_MAX: usize = 60;
/// Monday first: the form writes the Danish abbreviations and reads those,
/// the full Danish names and the English abbreviations.
const WEEKDAY_KEYS: [&str; 7] = ["man", "tir", "ons", "tor", "fre", "lør", "søn"];
const WEEKDAY_NAMES: [&str; 7] = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"];
const WEEKDAY_ENGLISH: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// `HH:MM` (or `H:MM`), as an `<input type="time">` sends it.
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let text = text.trim();
    (text.len() <= 5).then(|| NaiveTime::parse_from_str(text, "%H:%M").ok()).flatten()
}

/// Weekdays like `man,ons`, `mandag onsdag` or `mon,wed` (commas or
/// spaces, any case), Monday first, each once; none is not weekdays.
pub fn parse_weekdays(text: &str) -> Option<Vec<Weekday>> {
    let mut days = text
        .split([',', ' '])
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| {
            let d = d.to_lowercase();
            [WEEKDAY_KEYS, WEEKDAY_NAMES, WEEKDAY_ENGLISH]
                .iter()
                .find_map(|names| names.iter().position(|k| *k == d))
                .and_then(|i| Weekday::try_from(i as u8).ok())
        })
        .collect::<Option<Vec<_>>>()?;
    days.sort_by_key(|d| d.num_days_from_monday());
    days.dedup();
    (!days.is_empty()).then_some(days)
}

/// The weekdays as the form writes them: `man,ons`.
pub fn weekday_keys(days: &[Weekday]) -> String {
    days.iter().map(|d| WEEKDAY_KEYS[d.num_days_from_monday() as usize]).collect::<Vec<_>>().join(",")
}

pub(super) fn slug(value: &str) -> Result<String, Problem> {
    let value = value.trim();
    let ok = value
        .split('-')
        .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
    match value.len() {
        0 => Err(Problem::Required),
        n if n > SLUG_MAX => Err(Problem::TooLong),
        _ if !ok => Err(Problem::BadSlug),
        _ => Ok(value.to_string()),
    }
}
