//! A bounded fuzz of the form decoding (run with every `cargo test`): raw
//! bodies of the application, info-meeting sign-up and booking forms go
//! through the same decoding and parsing as a request, and nothing panics.
use chrono::NaiveDate;
use proptest::prelude::*;

use super::{apply::fields_of, form::FormFields};
use crate::domain::info_meeting::SignupFields;

const NAMES: &[&str] = &[
    "full_name",
    "email",
    "phone",
    "birth_date",
    "municipality",
    "lived_experience",
    "treatment",
    "income_support",
    "caseworker_agreement",
    "active_substance_abuse",
    "dementia",
    "needs_interpreter",
    "motivation",
    "experience",
    "distance",
    "strengths_limits",
    "expectations",
    "consent",
    "keep_for_later",
    "name",
    "note",
    "slot",
];

/// A url-encoded body: known names with arbitrary (percent-encoded) values,
/// plus raw bytes that need not be valid encoding at all.
fn body() -> impl Strategy<Value = Vec<u8>> {
    let pair = (proptest::sample::select(NAMES), any::<String>())
        .prop_map(|(k, v)| format!("{k}={}", url::form_urlencoded::byte_serialize(v.as_bytes()).collect::<String>()));
    prop_oneof![
        proptest::collection::vec(pair, 0..30).prop_map(|pairs| pairs.join("&").into_bytes()),
        proptest::collection::vec(any::<u8>(), 0..400),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn decoding_and_parsing_any_form_body_never_panics(raw in body()) {
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let form = FormFields::parse(&raw);
        let fields = fields_of(&form);
        let _ = fields.parse(today);
        let _ = fields.parse_draft();
        let _ = fields.partial_facts();
        let signup = SignupFields { name: form.get("name"), email: form.get("email"), note: form.get("note") };
        let _ = signup.parse();
        let _ = form.get("slot").parse::<i64>();
    }
}
