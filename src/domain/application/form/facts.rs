//! The facts part of a complete application: only the fields the
//! programme's form asks are read; every other fact stays `None`.
use chrono::{Datelike, NaiveDate};

use super::{ApplicationFields, Field, FormSpec, Problem, parse::Errors};
use crate::domain::{
    application::birth_date,
    eligibility::facts::{
        CaseworkerAgreement, EducationField, EducationLevel, Facts, IncomeSupport, PeerRole, Treatment,
    },
};

/// Contract ranges of the number fields (http-contract.md, Version 2).
pub const MAX_TASK_SHARE_PERCENT: u16 = 100;
pub const MAX_WEEKLY_HOURS: u16 = 60;
pub const MAX_ADMISSIONS: u16 = 99;

/// The earliest year a recovery can be said to have begun (a typo guard).
const EARLIEST_RECOVERY_YEAR: i32 = 1900;

impl ApplicationFields {
    /// The facts the form asks, in page order, with their problems added to `e`.
    pub(super) fn facts(&self, spec: &FormSpec, today: NaiveDate, e: &mut Errors) -> Facts {
        let mut f = Facts::default();
        let role = PeerRole::from_key(&self.peer_role);
        for &field in spec.facts() {
            let text = self.fact_text(field).unwrap_or("");
            match field {
                Field::LivedExperience => f.lived_experience = e.yes_no(field, text),
                Field::Treatment => f.treatment = Some(self.treatments(e)),
                Field::IncomeSupport => f.income_support = e.choice(field, text, IncomeSupport::from_key),
                Field::CaseworkerAgreement => {
                    f.caseworker_agreement = e.choice(field, text, CaseworkerAgreement::from_key);
                }
                Field::ActiveSubstanceAbuse => f.active_substance_abuse = e.yes_no(field, text),
                Field::Dementia => f.dementia = e.yes_no(field, text),
                Field::NeedsInterpreter => f.needs_interpreter = e.yes_no(field, text),
                Field::PeerRole => f.peer_role = e.choice(field, text, PeerRole::from_key),
                // A colleague's task share is not asked (nor kept); required of peers.
                Field::PeerTaskSharePercent if role != Some(PeerRole::Colleague) => {
                    let share = e.number(field, text, MAX_TASK_SHARE_PERCENT, role.is_some());
                    f.peer_task_share_percent = share.and_then(|n| u8::try_from(n).ok());
                }
                // A peer's team is not asked (nor kept); required of colleagues.
                Field::WorksInSameTeamAsPeer if role == Some(PeerRole::Colleague) || role.is_none() => {
                    f.works_in_same_team_as_peer =
                        if role.is_none() && text.is_empty() { None } else { e.yes_no(field, text) };
                }
                Field::EducationLevel => f.education_level = e.choice(field, text, EducationLevel::from_key),
                Field::EducationField => f.education_field = e.choice(field, text, EducationField::from_key),
                Field::WeeklyHoursAvailable => {
                    let hours = e.number(field, text, MAX_WEEKLY_HOURS, true);
                    f.weekly_hours_available = hours.and_then(|n| u8::try_from(n).ok());
                }
                Field::InRecoverySince => f.in_recovery_since = e.past_date(field, text, today),
                Field::RelatedToPeopleSupported => f.related_to_people_supported = e.yes_no(field, text),
                Field::PsychiatricDiagnosis => f.psychiatric_diagnosis = e.yes_no(field, text),
                Field::PsychiatricAdmissions => f.psychiatric_admissions = e.number(field, text, MAX_ADMISSIONS, true),
                Field::OutsideLabourMarket => f.outside_labour_market_due_to_illness = e.yes_no(field, text),
                Field::WillingToShare => f.willing_to_share = e.yes_no(field, text),
                _ => {}
            }
        }
        f
    }

    /// The ticked kinds of treatment, each once; none ticked is an answer too.
    fn treatments(&self, e: &mut Errors) -> Vec<Treatment> {
        let mut treatment = Vec::new();
        for key in &self.treatment {
            match Treatment::from_key(key) {
                Some(t) if !treatment.contains(&t) => treatment.push(t),
                Some(_) => {}
                None => e.add(Field::Treatment, Problem::Invalid),
            }
        }
        treatment
    }
}

impl Errors {
    /// A whole number in `0..=max`; empty is `Missing` only when `required`.
    pub(super) fn number(&mut self, field: Field, text: &str, max: u16, required: bool) -> Option<u16> {
        let text = text.trim().trim_end_matches('%').trim();
        if text.is_empty() {
            if required {
                self.add(field, Problem::Missing);
            }
            return None;
        }
        let is_integer = text.strip_prefix('-').unwrap_or(text).bytes().all(|b| b.is_ascii_digit());
        let value = if is_integer { text.parse::<i64>().ok() } else { None };
        match value {
            None if is_integer => self.add(field, Problem::OutOfRange { min: 0, max }),
            None => self.add(field, Problem::Invalid),
            Some(n) if !(0..=i64::from(max)).contains(&n) => self.add(field, Problem::OutOfRange { min: 0, max }),
            Some(n) => return u16::try_from(n).ok(),
        }
        None
    }

    /// A date with a four-digit year (`YYYY-MM-DD` or `DD-MM-YYYY`), today or before.
    pub(super) fn past_date(&mut self, field: Field, text: &str, today: NaiveDate) -> Option<NaiveDate> {
        let problem = match birth_date::read(text) {
            Some(date) if date > today => Problem::InTheFuture,
            Some(date) if date.year() < EARLIEST_RECOVERY_YEAR => Problem::Implausible,
            Some(date) => return Some(date),
            None if text.trim().is_empty() => Problem::Missing,
            None => Problem::Invalid,
        };
        self.add(field, problem);
        None
    }
}
