//! Dates and times as people read them: "tirsdag den 17. august 2027 kl. 10.00".
use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Timelike, Utc};

use super::Lang;
use crate::domain::local_time::to_local;

const DA_DAYS: [&str; 7] = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"];
const EN_DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const DA_MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];
const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "tirsdag den 17. august 2027" / "Tuesday 17 August 2027".
pub fn long_date(lang: Lang, date: NaiveDate) -> String {
    let weekday = date.weekday().num_days_from_monday() as usize;
    let month = date.month0() as usize;
    match lang {
        Lang::Da => format!("{} den {}. {} {}", DA_DAYS[weekday], date.day(), DA_MONTHS[month], date.year()),
        Lang::En => format!("{} {} {} {}", EN_DAYS[weekday], date.day(), EN_MONTHS[month], date.year()),
    }
}

/// "10.00" / "10:00".
pub fn clock(lang: Lang, time: NaiveTime) -> String {
    match lang {
        Lang::Da => format!("{:02}.{:02}", time.hour(), time.minute()),
        Lang::En => format!("{:02}:{:02}", time.hour(), time.minute()),
    }
}

/// "tirsdag den 17. august 2027 kl. 10.00", in Danish time.
pub fn long_moment(lang: Lang, moment: DateTime<Utc>) -> String {
    let local = to_local(moment);
    let (date, time) = (local.date_naive(), local.time());
    match lang {
        Lang::Da => format!("{} kl. {}", long_date(lang, date), clock(lang, time)),
        Lang::En => format!("{} at {}", long_date(lang, date), clock(lang, time)),
    }
}

/// The end of an offer's last answer day: "søndag den 13. december 2026 kl. 23.59".
pub fn answer_by(lang: Lang, answer_by: DateTime<Utc>) -> String {
    let day = long_date(lang, crate::domain::cohort::last_answer_day(answer_by));
    match lang {
        Lang::Da => format!("{day} kl. 23.59"),
        Lang::En => format!("{day} at 23:59"),
    }
}

/// "tirsdag den 10. august 2027 kl. 16.30-18.00", in Danish time.
pub fn long_span(lang: Lang, starts: DateTime<Utc>, ends: DateTime<Utc>) -> String {
    let (s, e) = (to_local(starts), to_local(ends));
    if s.date_naive() != e.date_naive() {
        return format!("{} - {}", long_moment(lang, starts), long_moment(lang, ends));
    }
    let times = format!("{}-{}", clock(lang, s.time()), clock(lang, e.time()));
    match lang {
        Lang::Da => format!("{} kl. {}", long_date(lang, s.date_naive()), times),
        Lang::En => format!("{}, {}", long_date(lang, s.date_naive()), times),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::local_time::from_local;
    use chrono::NaiveDateTime;

    fn at(s: &str) -> DateTime<Utc> {
        from_local(NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap())
    }

    #[test]
    fn danish_moments_read_like_the_design_system_asks() {
        assert_eq!(long_moment(Lang::Da, at("2027-08-17T10:00")), "tirsdag den 17. august 2027 kl. 10.00");
        assert_eq!(long_moment(Lang::En, at("2027-08-17T10:00")), "Tuesday 17 August 2027 at 10:00");
        assert_eq!(long_moment(Lang::Da, at("2027-01-04T09:05")), "mandag den 4. januar 2027 kl. 09.05");
    }

    #[test]
    fn an_answer_by_moment_reads_as_the_end_of_its_day() {
        let by = crate::domain::cohort::answer_by(at("2026-12-06T03:57"));
        assert_eq!(answer_by(Lang::Da, by), "søndag den 13. december 2026 kl. 23.59");
        assert_eq!(answer_by(Lang::En, by), "Sunday 13 December 2026 at 23:59");
    }

    #[test]
    fn spans_on_one_day_name_the_day_once() {
        assert_eq!(
            long_span(Lang::Da, at("2027-08-10T16:30"), at("2027-08-10T18:00")),
            "tirsdag den 10. august 2027 kl. 16.30-18.00"
        );
    }
}

/// Recurring days: "mandage og onsdage" / "Mondays and Wednesdays".
/// "a, b og c": items joined as a sentence does.
pub fn list(lang: Lang, items: &[String]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {} {}", rest.join(", "), lang.strings().and_word, last),
    }
}

pub fn weekdays(lang: Lang, days: &[chrono::Weekday]) -> String {
    let names: Vec<String> = days
        .iter()
        .map(|d| {
            let i = d.num_days_from_monday() as usize;
            match lang {
                Lang::Da => format!("{}e", DA_DAYS[i]),
                Lang::En => format!("{}s", EN_DAYS[i]),
            }
        })
        .collect();
    list(lang, &names)
}

#[cfg(test)]
mod weekday_tests {
    use super::*;
    use chrono::Weekday;

    #[test]
    fn weekday_lists_read_naturally() {
        assert_eq!(weekdays(Lang::Da, &[Weekday::Mon, Weekday::Wed]), "mandage og onsdage");
        assert_eq!(weekdays(Lang::En, &[Weekday::Mon, Weekday::Wed]), "Mondays and Wednesdays");
        assert_eq!(weekdays(Lang::Da, &[Weekday::Fri]), "fredage");
    }
}

/// What a place commits to, one sentence a line: the teaching, the practicum
/// and its follow-up days.
pub fn commitment(lang: Lang, c: &crate::domain::cohort::Commitment) -> Vec<String> {
    let t = lang.cohort();
    let (first, last) = (long_date(lang, c.first), long_date(lang, c.last));
    let days = weekdays(lang, &c.weekdays);
    let mut lines = vec![match c.times {
        Some((starts, ends)) => super::fill(
            t.commit_teaching,
            &[&c.sessions, &days, &clock(lang, starts), &clock(lang, ends), &first, &last],
        ),
        None => super::fill(t.commit_teaching_varied, &[&c.sessions, &days, &first, &last]),
    }];
    if let Some(p) = &c.practicum {
        let (starts, ends) = (long_date(lang, p.starts), long_date(lang, p.ends));
        lines.push(super::fill(t.commit_practicum, &[&c.practicum_weeks, &p.hours_per_week, &starts, &ends]));
        if !p.follow_up_days.is_empty() {
            let days: Vec<String> = p.follow_up_days.iter().map(|d| long_date(lang, *d)).collect();
            lines.push(super::fill(t.commit_follow_up, &[&list(lang, &days)]));
        }
    }
    if let Some(y) = &c.year {
        let (starts, ends) = (long_date(lang, y.starts), long_date(lang, y.ends));
        lines.push(super::fill(t.commit_year, &[&y.months, &starts, &ends, &y.site_visits]));
    }
    lines
}

/// "Samtalen tager 45 minutter." from the interviews' real lengths.
pub fn interview_length(lang: Lang, minutes: Option<(i64, i64)>) -> Option<String> {
    let t = lang.interview();
    minutes.map(|(lo, hi)| match lo == hi {
        true => super::fill(t.book_length, &[&lo]),
        false => super::fill(t.book_length_range, &[&lo, &hi]),
    })
}
