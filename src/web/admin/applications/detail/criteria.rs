//! The pre-check's breakdown with the coordinators' verdicts laid over it,
//! in words.
use serde_json::Value;

use crate::{
    domain::eligibility::verification::{Verdict, settle},
    flows::review::stored_outcomes,
    i18n::{AdminStrings, CoordinatorStrings, Lang, dates, fill},
    storage::verifications::Verification,
};

pub struct CriterionView {
    pub key: String,
    pub outcome: String,
    pub label: &'static str,
    pub outcome_label: &'static str,
    pub verify: Option<String>,
    /// Who closed it, when, and the note.
    pub verified: Option<(String, String)>,
    /// Still to verify: the form to close it is shown.
    pub open: bool,
    pub confirm_label: &'static str,
    /// The problem with a verdict just sent on this criterion.
    pub error: Option<&'static str>,
}

/// The stored breakdown with the coordinators' verdicts laid over it.
pub fn criteria(lang: Lang, snapshot: &Value, verifications: &[Verification]) -> Vec<CriterionView> {
    let results = snapshot.get("results").and_then(Value::as_array).cloned().unwrap_or_default();
    let stored = stored_outcomes(snapshot);
    let verdicts: Vec<(String, Verdict)> = verifications.iter().map(|v| (v.criterion.clone(), v.verdict)).collect();
    let settled = settle(&stored, &verdicts);
    results.iter().zip(settled.outcomes).map(|(r, (key, outcome))| view(lang, r, key, outcome, verifications)).collect()
}

fn view(lang: Lang, r: &Value, key: String, outcome: &str, verifications: &[Verification]) -> CriterionView {
    let (s, c) = (lang.admin(), lang.coordinator());
    let was_open = r.get("outcome").and_then(Value::as_str) == Some("to_verify");
    let closed_by = was_open.then(|| verifications.iter().rev().find(|v| v.criterion == key)).flatten();
    CriterionView {
        label: criterion_label(s, &key),
        outcome_label: match outcome {
            "met" => s.outcome_met,
            "not_met" => s.outcome_not_met,
            "to_verify" => s.outcome_to_verify,
            _ => s.outcome_for_interview,
        },
        verify: r.get("verify").filter(|v| !v.is_null()).map(|v| verify_text(s, v)),
        verified: closed_by.map(|v| verified_text(lang, c, &key, v)),
        open: outcome == "to_verify",
        confirm_label: if key == "residence" { c.verify_confirmed_residence } else { c.verify_confirmed },
        error: None,
        outcome: outcome.to_string(),
        key,
    }
}

/// "Checked ... Recorded by Lone Ravn, 3 December 2026 10:00", and the note.
fn verified_text(lang: Lang, c: &CoordinatorStrings, key: &str, v: &Verification) -> (String, String) {
    let text = match v.verdict {
        Verdict::Confirmed if key == "residence" => c.verified_residence,
        Verdict::Confirmed => c.verified_confirmed,
        Verdict::NotConfirmed => c.verified_not_confirmed,
    };
    let by = v.actor.clone().unwrap_or_else(|| c.verified_by_unknown.to_string());
    (fill(text, &[&by, &dates::long_moment(lang, v.at)]), v.note.clone())
}

fn verify_text(s: &AdminStrings, v: &Value) -> String {
    let municipality = v.get("municipality").and_then(Value::as_str).unwrap_or("");
    match v.get("kind").and_then(Value::as_str).unwrap_or("") {
        "municipality_must_approve" => match v.get("fee_dkk").and_then(Value::as_u64) {
            Some(fee) => fill(s.verify_municipality, &[&municipality, &crate::web::apply::thousands(fee as u32)]),
            None => fill(s.verify_municipality_no_fee, &[&municipality]),
        },
        "caseworker_must_agree" => s.verify_caseworker_must_agree.to_string(),
        "caseworker_expected" => s.verify_caseworker_expected.to_string(),
        "income_support_allows_attending" => s.verify_income_other.to_string(),
        _ => s.verify_not_answered.to_string(),
    }
}

pub fn criterion_label(s: &AdminStrings, key: &str) -> &'static str {
    match key {
        "min_age" => s.crit_min_age,
        "lived_experience" => s.crit_lived_experience,
        "treatment_history" => s.crit_treatment_history,
        "income_support" => s.crit_income_support,
        "residence" => s.crit_residence,
        "substance_abuse" => s.crit_substance_abuse,
        "dementia" => s.crit_dementia,
        "interpreter" => s.crit_interpreter,
        "peer_employment" => s.crit_peer_employment,
        "colleague_same_team" => s.crit_colleague_same_team,
        "education_level" => s.crit_education_level,
        "weekly_hours" => s.crit_weekly_hours,
        "recovery_duration" => s.crit_recovery_duration,
        "family_relation" => s.crit_family_relation,
        "psychiatric_diagnosis" => s.crit_psychiatric_diagnosis,
        "admissions" => s.crit_admissions,
        "relevant_education" => s.crit_relevant_education,
        "outside_labour_market" => s.crit_outside_labour_market,
        "motivation" => s.crit_motivation,
        "reflection" => s.crit_reflection,
        "distance" => s.crit_distance,
        "competence_building" => s.crit_competence_building,
        _ => s.crit_willing_to_share,
    }
}
