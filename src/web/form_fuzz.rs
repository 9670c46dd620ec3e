//! A bounded fuzz of the form decoding (run with every `cargo test`): raw
//! bodies of the application, info-meeting sign-up and booking forms go
//! through the same decoding and parsing as a request, and nothing panics.
use std::collections::HashSet;

use chrono::NaiveDate;
use proptest::prelude::*;

use super::form::FormFields;
use crate::domain::{
    application::{ApplicationFields, FormSpec},
    eligibility::Profile,
    info_meeting::SignupFields,
};

/// The sign-up and booking forms' fields, as their handlers decode them.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct OtherFields {
    name: String,
    email: String,
    note: String,
    slot: String,
}

/// The body again with each name once (its first value), `treatment` kept
/// whole: what a browser sends for these forms.
fn once_each(form: &FormFields) -> FormFields {
    let mut seen = HashSet::new();
    let firsts = form.pairs().iter().filter(|(k, _)| k == "treatment" || seen.insert(k.clone()));
    FormFields::parse(url::form_urlencoded::Serializer::new(String::new()).extend_pairs(firsts).finish().as_bytes())
}

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
    "peer_role",
    "peer_task_share_percent",
    "works_in_same_team_as_peer",
    "education_level",
    "education_field",
    "weekly_hours_available",
    "in_recovery_since",
    "related_to_people_supported",
    "psychiatric_diagnosis",
    "psychiatric_admissions",
    "outside_labour_market_due_to_illness",
    "willing_to_share",
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
        // Repeated names may be refused (422) but never panic.
        let _ = form.decode::<ApplicationFields>();
        let _ = form.decode::<OtherFields>();
        let form = once_each(&form);
        let fields: ApplicationFields = form.decode().expect("a form with each name once decodes");
        for profile in Profile::keys().iter().filter_map(|k| Profile::by_key(k)) {
            let spec = FormSpec::of(&profile);
            let _ = fields.restricted_to(&spec).parse(&spec, today);
        }
        let _ = fields.parse_draft();
        let _ = fields.partial_facts();
        let other: OtherFields = form.decode().expect("a form with each name once decodes");
        let signup = SignupFields { name: other.name, email: other.email, note: other.note };
        let _ = signup.parse();
        let _ = other.slot.parse::<i64>();
    }
}
