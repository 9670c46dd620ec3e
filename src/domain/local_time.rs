//! Danish local time (Europe/Copenhagen): every moment is shown and entered in it.
use chrono::{DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc, Weekday};
use chrono_tz::Europe::Copenhagen;

pub type LocalDateTime = DateTime<chrono_tz::Tz>;

pub fn to_local(moment: DateTime<Utc>) -> LocalDateTime {
    moment.with_timezone(&Copenhagen)
}

/// The moment a Danish wall-clock time denotes. A time skipped when clocks go
/// forward is read as the same time an hour later; a time that occurs twice
/// when clocks go back is read as its first occurrence.
pub fn from_local(wall: NaiveDateTime) -> DateTime<Utc> {
    match Copenhagen.from_local_datetime(&wall) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(first, _) => first.with_timezone(&Utc),
        LocalResult::None => from_local(wall + Duration::hours(1)),
    }
}

/// The years a date typed into optag may fall in: wide enough for any birth
/// date or plan, narrow enough that every page and calendar can show it
/// (PostgreSQL, chrono and RFC 5545 all agree on these).
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

/// A `YYYY-MM-DD` date (an `<input type="date">`), within `PLAUSIBLE_YEARS`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok().filter(|d| PLAUSIBLE_YEARS.contains(&d.year()))
}

/// A list of `parse_date` dates separated by commas, spaces or lines; sorted,
/// each once. `None` when any item is not such a date.
pub fn parse_date_list(text: &str) -> Option<Vec<NaiveDate>> {
    let mut days = text
        .split([',', ' ', '\n'])
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(parse_date)
        .collect::<Option<Vec<_>>>()?;
    days.sort_unstable();
    days.dedup();
    Some(days)
}

/// The Danish calendar date of a moment.
pub fn local_date(moment: DateTime<Utc>) -> NaiveDate {
    to_local(moment).date_naive()
}

/// The `n`th (1-based) given weekday of a month, e.g. the third Monday of September.
pub fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u8) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, n)
}

/// Whole years between `birth` and `on`; someone born on 29 February turns a
/// year older on 1 March in common years (Danish practice).
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> i32 {
    let mut years = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    years
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wall(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
    }

    #[test]
    fn summer_and_winter_offsets() {
        assert_eq!(from_local(wall("2027-08-17T10:00")).to_rfc3339(), "2027-08-17T08:00:00+00:00");
        assert_eq!(from_local(wall("2027-01-12T10:00")).to_rfc3339(), "2027-01-12T09:00:00+00:00");
    }

    #[test]
    fn skipped_and_repeated_hours() {
        // 28 March 2027: 02:00 -> 03:00. 31 October 2027: 03:00 -> 02:00.
        assert_eq!(from_local(wall("2027-03-28T02:30")).to_rfc3339(), "2027-03-28T01:30:00+00:00");
        assert_eq!(from_local(wall("2027-10-31T02:30")).to_rfc3339(), "2027-10-31T00:30:00+00:00");
    }

    #[test]
    fn local_date_crosses_midnight_before_utc_does() {
        let late = from_local(wall("2027-08-17T00:30"));
        assert_eq!(local_date(late), NaiveDate::from_ymd_opt(2027, 8, 17).unwrap());
        assert_eq!(late.date_naive(), NaiveDate::from_ymd_opt(2027, 8, 16).unwrap());
    }

    #[test]
    fn ages_count_whole_years_including_leap_day_births() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(age_on(d(2009, 9, 20), d(2027, 9, 20)), 18);
        assert_eq!(age_on(d(2009, 9, 21), d(2027, 9, 20)), 17);
        assert_eq!(age_on(d(2008, 2, 29), d(2026, 2, 28)), 17);
        assert_eq!(age_on(d(2008, 2, 29), d(2026, 3, 1)), 18);
        assert_eq!(age_on(d(2008, 2, 29), d(2028, 2, 29)), 20);
    }

    #[test]
    fn nth_weekday_finds_the_2021_pattern() {
        assert_eq!(nth_weekday(2021, 8, Weekday::Tue, 3), NaiveDate::from_ymd_opt(2021, 8, 17));
        assert_eq!(nth_weekday(2021, 9, Weekday::Mon, 3), NaiveDate::from_ymd_opt(2021, 9, 20));
    }
}
