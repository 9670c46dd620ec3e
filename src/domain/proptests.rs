//! Property tests over the parsers at the edge: whatever a person types,
//! parsing never panics, and what is accepted parses again to itself.
use chrono::NaiveDate;
use proptest::prelude::*;

use super::{
    application::{
        birth_date,
        values::{Answer, PersonName, PhoneNumber},
    },
    email_address::EmailAddress,
    local_time, text,
};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

/// Text as people produce it: any Unicode, with a bias to the characters
/// that trip parsers (line breaks, controls, spaces of every kind, digits, dashes).
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[ \\t\\r\\n\\x00-\\x1f\\u{a0}\\u{202f}0-9+().\\-/@æøåÆØÅa-z]{0,40}",]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn normalised_text_has_no_control_characters_and_is_stable(t in typed()) {
        let once = text::normalise(&t);
        prop_assert!(!text::has_forbidden_control(&once) && !once.contains('\r'));
        prop_assert_eq!(text::normalise(&once), once);
    }

    #[test]
    fn names_round_trip(t in typed()) {
        if let Some(name) = PersonName::parse(&t) {
            prop_assert_eq!(PersonName::parse(name.as_str()), Some(name.clone()));
        }
    }

    #[test]
    fn addresses_round_trip(t in typed()) {
        if let Ok(address) = EmailAddress::parse(&t) {
            prop_assert_eq!(EmailAddress::parse(address.as_str()).ok(), Some(address.clone()));
        }
    }

    #[test]
    fn phone_numbers_round_trip_through_their_printed_form(t in typed()) {
        if let Some(phone) = PhoneNumber::parse(&t) {
            prop_assert_eq!(PhoneNumber::parse(&phone.to_string()), Some(phone.clone()));
            prop_assert_eq!(PhoneNumber::parse(phone.as_str()), Some(phone.clone()));
        }
    }

    // Danish subscriber numbers begin with 2-9 (the numbering plan); one
    // beginning 0045 could not be told from the country code.
    #[test]
    fn any_danish_number_written_any_way_is_read(d in "[2-9][0-9]{7}", prefix in prop_oneof![Just(""), Just("+45 "), Just("0045"), Just("(+45) ")], sep in prop_oneof![Just(" "), Just("\u{a0}"), Just("-"), Just(".")]) {
        let written = format!("{prefix}{}{sep}{}{sep}{}{sep}{}", &d[0..2], &d[2..4], &d[4..6], &d[6..8]);
        let expected = format!("+45{d}");
        prop_assert_eq!(PhoneNumber::parse(&written).map(|p| p.as_str().to_string()), Some(expected));
    }

    #[test]
    fn birth_dates_round_trip_through_iso(t in typed()) {
        if let Ok(date) = birth_date::parse(&t, today()) {
            prop_assert!(date < today());
            prop_assert_eq!(birth_date::parse(&date.format("%Y-%m-%d").to_string(), today()), Ok(date));
            prop_assert_eq!(birth_date::parse(&date.format("%d-%m-%Y").to_string(), today()), Ok(date));
        }
    }

    #[test]
    fn answers_are_counted_as_stored(t in typed()) {
        if let Some(answer) = Answer::parse(&t) {
            prop_assert!(answer.as_str().chars().count() <= Answer::MAX);
            prop_assert_eq!(Answer::parse(answer.as_str()), Some(answer.clone()));
        }
    }

    #[test]
    fn dates_and_date_lists_stay_in_the_plausible_years(t in typed()) {
        if let Some(d) = local_time::parse_date(&t) {
            prop_assert!(local_time::PLAUSIBLE_YEARS.contains(&chrono::Datelike::year(&d)));
        }
        if let Some(days) = local_time::parse_date_list(&t) {
            prop_assert!(days.windows(2).all(|w| w[0] < w[1]));
        }
    }
}
