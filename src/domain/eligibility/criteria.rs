//! The catalogue of criteria every programme picks from, and how each one
//! turns facts into an outcome.
use chrono::NaiveDate;

use super::{
    Outcome, Verify,
    facts::{CaseworkerAgreement, EducationField, EducationLevel, Facts, IncomeSupport, PeerRole},
};
use crate::domain::{local_time::age_on, municipality::Region};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Criterion {
    /// At least this old on the first teaching day.
    MinAge {
        years: u8,
    },
    LivedExperience,
    /// Admitted, in outpatient psychiatric treatment, or municipal social support: one at least.
    TreatmentHistory,
    /// On income support compatible with attending, agreed with a caseworker where there is one.
    IncomeSupport,
    /// Lives in the region; otherwise the home municipality must approve (and pay the fee, if any).
    Residence {
        region: Region,
        fee_dkk: Option<u32>,
    },
    NoActiveSubstanceAbuse,
    NoDementia,
    NoInterpreterNeeded,
    /// Works as a peer with at least this share (percent, rounded up) of peer-support tasks.
    PeerEmployment {
        min_share_percent: u8,
    },
    /// A colleague taking part works in the same team as a peer.
    ColleagueInSameTeam,
    MinEducation {
        level: EducationLevel,
    },
    MinWeeklyHours {
        hours: u8,
    },
    RecoveryForAtLeast {
        months: u16,
    },
    NoFamilyRelationToPeopleSupported,
    PsychiatricDiagnosis,
    MinAdmissions {
        count: u16,
    },
    /// A social, health or pedagogical education.
    RelevantEducation,
    OutsideLabourMarketDueToIllness,
    // Judged by people, from the reflective answers and the interview.
    Motivation,
    Reflection,
    Distance,
    CompetenceBuilding,
    /// Willing to share one's own experience: asked on the form (`willing_to_share`).
    WillingToShare,
}

/// What evaluation needs besides the facts.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    pub first_teaching_day: NaiveDate,
    /// The day the application is assessed (for durations such as time in recovery).
    pub today: NaiveDate,
}

impl Criterion {
    /// The stable key shown to staff as `data-criterion`.
    pub fn key(self) -> &'static str {
        match self {
            Criterion::MinAge { .. } => "min_age",
            Criterion::LivedExperience => "lived_experience",
            Criterion::TreatmentHistory => "treatment_history",
            Criterion::IncomeSupport => "income_support",
            Criterion::Residence { .. } => "residence",
            Criterion::NoActiveSubstanceAbuse => "substance_abuse",
            Criterion::NoDementia => "dementia",
            Criterion::NoInterpreterNeeded => "interpreter",
            Criterion::PeerEmployment { .. } => "peer_employment",
            Criterion::ColleagueInSameTeam => "colleague_same_team",
            Criterion::MinEducation { .. } => "education_level",
            Criterion::MinWeeklyHours { .. } => "weekly_hours",
            Criterion::RecoveryForAtLeast { .. } => "recovery_duration",
            Criterion::NoFamilyRelationToPeopleSupported => "family_relation",
            Criterion::PsychiatricDiagnosis => "psychiatric_diagnosis",
            Criterion::MinAdmissions { .. } => "admissions",
            Criterion::RelevantEducation => "relevant_education",
            Criterion::OutsideLabourMarketDueToIllness => "outside_labour_market",
            Criterion::Motivation => "motivation",
            Criterion::Reflection => "reflection",
            Criterion::Distance => "distance",
            Criterion::CompetenceBuilding => "competence_building",
            Criterion::WillingToShare => "willing_to_share",
        }
    }

    /// Whether people judge it (from the answers and the interview) rather than the facts.
    pub fn is_judged(self) -> bool {
        matches!(
            self,
            Criterion::Motivation | Criterion::Reflection | Criterion::Distance | Criterion::CompetenceBuilding
        )
    }

    pub fn evaluate(self, facts: &Facts, ctx: Context) -> Outcome {
        use Outcome::{ForInterview, Met, NotMet};
        let unanswered = Outcome::ToVerify(Verify::NotAnswered);
        let yes_is_met = |fact: Option<bool>| fact.map_or(unanswered, |v| if v { Met } else { NotMet });
        let no_is_met = |fact: Option<bool>| fact.map_or(unanswered, |v| if v { NotMet } else { Met });
        match self {
            Criterion::MinAge { years } => facts.birth_date.map_or(unanswered, |born| {
                if age_on(born, ctx.first_teaching_day) >= i32::from(years) { Met } else { NotMet }
            }),
            Criterion::LivedExperience => yes_is_met(facts.lived_experience),
            Criterion::TreatmentHistory => {
                facts.treatment.as_ref().map_or(unanswered, |t| if t.is_empty() { NotMet } else { Met })
            }
            Criterion::IncomeSupport => income_support(facts.income_support, facts.caseworker_agreement),
            Criterion::Residence { region, fee_dkk } => facts.municipality.map_or(unanswered, |m| {
                if m.region == region {
                    Met
                } else {
                    Outcome::ToVerify(Verify::MunicipalityMustApprove { municipality: m.name, fee_dkk })
                }
            }),
            Criterion::NoActiveSubstanceAbuse => no_is_met(facts.active_substance_abuse),
            Criterion::NoDementia => no_is_met(facts.dementia),
            Criterion::NoInterpreterNeeded => no_is_met(facts.needs_interpreter),
            Criterion::PeerEmployment { min_share_percent } => match facts.peer_role {
                None => unanswered,
                // Colleagues qualify through their team, not their own tasks.
                Some(PeerRole::Colleague) => Met,
                Some(_) => facts
                    .peer_task_share_percent
                    .map_or(unanswered, |share| if share >= min_share_percent { Met } else { NotMet }),
            },
            Criterion::ColleagueInSameTeam => match facts.peer_role {
                None => unanswered,
                Some(PeerRole::Colleague) => yes_is_met(facts.works_in_same_team_as_peer),
                Some(_) => Met,
            },
            Criterion::MinEducation { level } => {
                facts.education_level.map_or(unanswered, |have| if have >= level { Met } else { NotMet })
            }
            Criterion::MinWeeklyHours { hours } => {
                facts.weekly_hours_available.map_or(unanswered, |have| if have >= hours { Met } else { NotMet })
            }
            Criterion::RecoveryForAtLeast { months } => facts.in_recovery_since.map_or(unanswered, |since| {
                if since > ctx.today {
                    return unanswered;
                }
                let needed = since.checked_add_months(chrono::Months::new(u32::from(months)));
                if needed.is_some_and(|d| d <= ctx.today) { Met } else { NotMet }
            }),
            Criterion::NoFamilyRelationToPeopleSupported => no_is_met(facts.related_to_people_supported),
            Criterion::PsychiatricDiagnosis => yes_is_met(facts.psychiatric_diagnosis),
            Criterion::MinAdmissions { count } => {
                facts.psychiatric_admissions.map_or(unanswered, |n| if n >= count { Met } else { NotMet })
            }
            Criterion::RelevantEducation => facts.education_field.map_or(unanswered, |field| match field {
                EducationField::Social | EducationField::Health | EducationField::Pedagogical => Met,
                EducationField::Other | EducationField::None => NotMet,
            }),
            Criterion::OutsideLabourMarketDueToIllness => yes_is_met(facts.outside_labour_market_due_to_illness),
            Criterion::WillingToShare => yes_is_met(facts.willing_to_share),
            Criterion::Motivation | Criterion::Reflection | Criterion::Distance | Criterion::CompetenceBuilding => {
                ForInterview
            }
        }
    }
}

/// Never "not met": income support can nearly always be arranged, but the
/// coordinator should check it before the start to avoid a drop-out.
fn income_support(support: Option<IncomeSupport>, agreement: Option<CaseworkerAgreement>) -> Outcome {
    let (Some(support), Some(agreement)) = (support, agreement) else {
        return Outcome::ToVerify(Verify::NotAnswered);
    };
    match (agreement, support) {
        (CaseworkerAgreement::Yes, _) => Outcome::Met,
        (CaseworkerAgreement::No, _) => Outcome::ToVerify(Verify::CaseworkerMustAgree),
        (CaseworkerAgreement::NoCaseworker, s) if s.comes_with_caseworker() => {
            Outcome::ToVerify(Verify::CaseworkerExpected)
        }
        (CaseworkerAgreement::NoCaseworker, IncomeSupport::Other) => {
            Outcome::ToVerify(Verify::IncomeSupportAllowsAttending)
        }
        (CaseworkerAgreement::NoCaseworker, _) => Outcome::Met,
    }
}
