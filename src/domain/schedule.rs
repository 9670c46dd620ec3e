//! A cohort's teaching sessions and practicum, from its start date, skipping
//! Danish public holidays and the school's own holidays.
use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};

/// Easter Sunday (Gregorian, the anonymous algorithm).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("Easter is a real date")
}

/// The Danish public holidays (helligdage) of a year. Great Prayer Day
/// (store bededag) was abolished from 2024.
pub fn public_holidays(year: i32) -> Vec<NaiveDate> {
    let easter = easter_sunday(year);
    let d = |m, day| NaiveDate::from_ymd_opt(year, m, day).expect("a real date");
    let mut days = vec![
        d(1, 1),
        easter - Duration::days(3),
        easter - Duration::days(2),
        easter,
        easter + Duration::days(1),
        easter + Duration::days(39),
        easter + Duration::days(49),
        easter + Duration::days(50),
        d(12, 25),
        d(12, 26),
    ];
    if year < 2024 {
        days.push(easter + Duration::days(26));
    }
    days.sort_unstable();
    days
}

pub fn is_public_holiday(date: NaiveDate) -> bool {
    public_holidays(date.year()).contains(&date)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Session {
    pub number: u32,
    pub date: NaiveDate,
    pub starts: NaiveTime,
    pub ends: NaiveTime,
}

/// The teaching plan: `count` sessions on `weekdays` from `start`, a skipped
/// day (public or school holiday) made up at the end, so the count holds.
pub fn teaching_sessions(
    start: NaiveDate,
    weekdays: &[Weekday],
    count: u32,
    (starts, ends): (NaiveTime, NaiveTime),
    school_holidays: &[NaiveDate],
) -> Vec<Session> {
    if weekdays.is_empty() {
        return Vec::new();
    }
    let mut sessions = Vec::with_capacity(count as usize);
    let mut day = start;
    while sessions.len() < count as usize {
        if weekdays.contains(&day.weekday()) && !is_public_holiday(day) && !school_holidays.contains(&day) {
            sessions.push(Session { number: sessions.len() as u32 + 1, date: day, starts, ends });
        }
        day += Duration::days(1);
    }
    sessions
}

/// The practicum after the teaching: its period, and the follow-up teaching
/// days and supervisions spread evenly over it (the programme's counts; two
/// and two for Randers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Practicum {
    pub starts: NaiveDate,
    /// Its last day, always a working day.
    pub ends: NaiveDate,
    pub hours_per_week: u32,
    pub follow_up_days: Vec<NaiveDate>,
    pub supervisions: Vec<NaiveDate>,
}

/// A programme's practicum: weeks, hours a week, and how many follow-up days
/// and supervisions it has (contract: `practicum_weeks`, `practicum_hours_per_week`,
/// `follow_up_days`, `supervisions`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PracticumPattern {
    pub weeks: u32,
    pub hours_per_week: u32,
    pub follow_up_days: u32,
    pub supervisions: u32,
}

/// Whether a practicum may not start on `day`: 20 December to 1 January,
/// when workplaces are closed or half-staffed (http-contract.md, Version 2).
pub fn in_christmas_break(day: NaiveDate) -> bool {
    (day.month() == 12 && day.day() >= 20) || (day.month() == 1 && day.day() == 1)
}

/// The practicum's first and last day when it may start at `earliest`: a start
/// in the Christmas break moves to the first working Monday after it; the
/// last day of its `weeks` weeks (the Friday, for a Monday start) that falls on
/// a weekend or holiday moves to the next working day.
pub fn practicum_period(earliest: NaiveDate, weeks: u32) -> (NaiveDate, NaiveDate) {
    let mut starts = earliest;
    if in_christmas_break(starts) {
        let year = if starts.month() == 12 { starts.year() + 1 } else { starts.year() };
        starts = NaiveDate::from_ymd_opt(year, 1, 2).expect("2 January");
        while starts.weekday() != Weekday::Mon || is_public_holiday(starts) {
            starts += Duration::days(1);
        }
    }
    let last = starts + Duration::weeks(i64::from(weeks.max(1))) - Duration::days(3);
    (starts, next_working_day(last))
}

/// The practicum beginning the Monday after the last teaching session (or
/// later, see [`practicum_period`]).
pub fn practicum(last_teaching_day: NaiveDate, pattern: PracticumPattern) -> Practicum {
    let days_to_monday = 7 - i64::from(last_teaching_day.weekday().num_days_from_monday());
    let (starts, ends) = practicum_period(last_teaching_day + Duration::days(days_to_monday), pattern.weeks);
    let spread = |count: u32, offset: i64| -> Vec<NaiveDate> {
        let mut days: Vec<NaiveDate> = Vec::with_capacity(count as usize);
        let mut week = 0;
        for i in 1..=count {
            week = (pattern.weeks * i / (count + 1)).max(week + 1);
            let day =
                next_working_day(next_working_day(starts + Duration::weeks(i64::from(week))) + Duration::days(offset));
            days.push(day.min(ends));
        }
        days
    };
    Practicum {
        starts,
        ends,
        hours_per_week: pattern.hours_per_week,
        follow_up_days: spread(pattern.follow_up_days, 0),
        supervisions: spread(pattern.supervisions, 2),
    }
}

fn next_working_day(mut day: NaiveDate) -> NaiveDate {
    while matches!(day.weekday(), Weekday::Sat | Weekday::Sun) || is_public_holiday(day) {
        day += Duration::days(1);
    }
    day
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn randers(start: &str, holidays: &[NaiveDate]) -> Vec<Session> {
        let t = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
        teaching_sessions(d(start), &[Weekday::Mon, Weekday::Wed], 26, (t(9), t(12)), holidays)
    }

    #[test]
    fn easter_in_known_years() {
        assert_eq!(easter_sunday(2021), d("2021-04-04"));
        assert_eq!(easter_sunday(2027), d("2027-03-28"));
        assert_eq!(easter_sunday(2028), d("2028-04-16"));
        assert_eq!(easter_sunday(2038), d("2038-04-25"));
    }

    #[test]
    fn holidays_include_whitsun_and_prayer_day_only_before_2024() {
        let h2023 = public_holidays(2023);
        assert!(h2023.contains(&d("2023-05-05")), "store bededag 2023");
        assert!(!public_holidays(2024).contains(&d("2024-04-26")), "store bededag is gone from 2024");
        assert!(public_holidays(2028).contains(&d("2028-06-05")), "Whit Monday 2028");
        assert!(public_holidays(2028).contains(&d("2028-05-25")), "Ascension 2028");
        assert_eq!(public_holidays(2027).len(), 10);
    }

    #[test]
    fn a_start_on_20_september_2027_ends_on_wednesday_15_december_with_26_sessions() {
        let s = randers("2027-09-20", &[]);
        assert_eq!(s.len(), 26);
        assert_eq!(s[0].date, d("2027-09-20"));
        assert_eq!(s[25].date, d("2027-12-15"));
        assert_eq!(s.iter().map(|x| (x.ends - x.starts).num_hours()).sum::<i64>(), 78);
    }

    #[test]
    fn an_easter_monday_start_skips_it_and_still_has_26() {
        let s = randers("2028-04-17", &[]);
        assert_eq!(s.len(), 26);
        assert_eq!(s[0].date, d("2028-04-19"));
        assert!(!s.iter().any(|x| is_public_holiday(x.date)));
        assert!(!s.iter().any(|x| x.date == d("2028-06-05")), "Whit Monday in the middle is skipped");
    }

    #[test]
    fn school_holidays_move_sessions_to_the_end() {
        let autumn: Vec<NaiveDate> = (18..=22).map(|day| d(&format!("2027-10-{day}"))).collect();
        let s = randers("2027-09-20", &autumn);
        assert_eq!(s.len(), 26);
        assert_eq!(s[25].date, d("2027-12-22"));
        assert!(!s.iter().any(|x| autumn.contains(&x.date)));
    }

    fn pattern(weeks: u32, follow_ups: u32, supervisions: u32) -> PracticumPattern {
        PracticumPattern { weeks, hours_per_week: 6, follow_up_days: follow_ups, supervisions }
    }

    #[test]
    fn the_practicum_starts_the_monday_after_and_lasts_its_weeks() {
        let p = practicum(d("2027-11-24"), pattern(13, 2, 2));
        assert_eq!(p.starts, d("2027-11-29"));
        assert_eq!(p.ends, d("2028-02-25"), "the Friday of the 13th week");
        assert!(p.follow_up_days[0] < p.follow_up_days[1] && p.follow_up_days[1] < p.ends);
        assert!(!p.follow_up_days.iter().any(|x| is_public_holiday(*x) || x.weekday() == Weekday::Sat));
        let viborg = practicum(d("2027-11-24"), pattern(16, 2, 2));
        assert_eq!(viborg.ends, d("2028-03-17"));
    }

    #[test]
    fn a_practicum_due_in_christmas_2027_starts_on_the_first_working_monday_of_2028() {
        // Randers from 20 September 2027: the last session is Wednesday 15 December.
        let p = practicum(d("2027-12-15"), pattern(13, 2, 2));
        assert_eq!(p.starts, d("2028-01-03"), "not Monday 20 or 27 December");
        assert_eq!(p.ends, d("2028-03-31"));
        let viborg = practicum(d("2027-12-15"), pattern(16, 2, 2));
        assert_eq!((viborg.starts, viborg.ends), (d("2028-01-03"), d("2028-04-21")));
        // The break runs from 20 December to 1 January, both included.
        assert!(in_christmas_break(d("2027-12-20")) && in_christmas_break(d("2028-01-01")));
        assert!(!in_christmas_break(d("2027-12-19")) && !in_christmas_break(d("2028-01-02")));
        assert_eq!(practicum_period(d("2027-12-13"), 13).0, d("2027-12-13"), "a start before the break stays");
        // 1 January 2029 is a Monday and a holiday: the next Monday.
        assert_eq!(practicum_period(d("2028-12-25"), 13).0, d("2029-01-08"));
    }

    #[test]
    fn an_end_on_a_weekend_or_a_holiday_moves_to_the_next_working_day() {
        // A Wednesday start: the 13th week's nominal last day is a Sunday.
        let (starts, ends) = practicum_period(d("2027-09-01"), 13);
        assert_eq!(starts, d("2027-09-01"));
        assert_eq!((d("2027-11-28").weekday(), ends), (Weekday::Sun, d("2027-11-29")));
        // A Monday start whose last Friday is Good Friday 2028 (14 April): the
        // Tuesday after Easter Monday.
        let (_, ends) = practicum_period(d("2028-01-17"), 13);
        assert_eq!(ends, d("2028-04-18"));
        assert_eq!(ends.weekday(), Weekday::Tue);
    }

    #[test]
    fn follow_up_days_and_supervisions_follow_the_programme_counts() {
        let p = practicum(d("2027-11-24"), pattern(16, 3, 1));
        assert_eq!(p.follow_up_days.len(), 3);
        assert_eq!(p.supervisions.len(), 1);
        assert!(p.follow_up_days.windows(2).all(|w| w[0] < w[1]));
        for day in p.follow_up_days.iter().chain(&p.supervisions) {
            assert!(*day > p.starts && *day <= p.ends);
            assert!(!matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !is_public_holiday(*day));
        }
        let none = practicum(d("2027-11-24"), pattern(13, 0, 0));
        assert!(none.follow_up_days.is_empty() && none.supervisions.is_empty());
        let crowded = practicum(d("2027-11-24"), pattern(2, 5, 5));
        assert_eq!(crowded.follow_up_days.len(), 5, "more days than weeks stay within the period");
        assert!(crowded.follow_up_days.iter().all(|x| *x <= crowded.ends));
    }
}

/// A coordinator's change to one planned session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionChange {
    Moved { number: u32, date: NaiveDate, starts: NaiveTime, ends: NaiveTime },
    Cancelled { number: u32 },
}

/// The plan after the coordinator's changes: moved sessions keep their
/// number, cancelled ones drop out, added ones come after; in time order.
pub fn with_changes(mut sessions: Vec<Session>, changes: &[SessionChange], added: &[Session]) -> Vec<Session> {
    for change in changes {
        match *change {
            SessionChange::Moved { number, date, starts, ends } => {
                if let Some(s) = sessions.iter_mut().find(|s| s.number == number) {
                    *s = Session { number, date, starts, ends };
                }
            }
            SessionChange::Cancelled { number } => sessions.retain(|s| s.number != number),
        }
    }
    sessions.extend_from_slice(added);
    sessions.sort_by_key(|s| (s.date, s.starts, s.number));
    sessions
}

#[cfg(test)]
mod change_tests {
    use super::*;

    #[test]
    fn moved_cancelled_and_added_sessions_and_the_hours_they_make() {
        let t = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let plan = teaching_sessions(d("2027-09-20"), &[Weekday::Mon, Weekday::Wed], 26, (t(9), t(12)), &[]);
        let changes = [
            SessionChange::Moved { number: 1, date: d("2027-09-21"), starts: t(10), ends: t(13) },
            SessionChange::Cancelled { number: 2 },
        ];
        let added = [Session { number: 27, date: d("2027-12-17"), starts: t(9), ends: t(12) }];
        let after = with_changes(plan, &changes, &added);
        assert_eq!(after.len(), 26);
        assert_eq!((after[0].number, after[0].date, after[0].starts), (1, d("2027-09-21"), t(10)));
        assert!(!after.iter().any(|s| s.number == 2));
        assert_eq!(after.last().unwrap().number, 27);
        assert_eq!(after.iter().map(|s| (s.ends - s.starts).num_hours()).sum::<i64>(), 78);
    }
}
