//! What an applicant tells us about themselves, as typed values. Every fact
//! is optional: a draft may lack it, and another programme may not ask it.
use chrono::NaiveDate;

use crate::domain::municipality::Municipality;

macro_rules! keyed_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $key:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The form value and storage key.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key),* }
            }

            pub fn from_key(key: &str) -> Option<Self> {
                match key { $($key => Some($name::$variant),)* _ => None }
            }
        }
    };
}

keyed_enum!(
    /// What the applicant lives on now (contract field `income_support`).
    IncomeSupport {
        Employed = "employed",
        UnemploymentBenefit = "unemployment_benefit",
        CashBenefit = "cash_benefit",
        SicknessBenefit = "sickness_benefit",
        ResourceProcess = "resource_process",
        FlexJob = "flex_job",
        DisabilityPension = "disability_pension",
        EducationGrant = "education_grant",
        Other = "other",
        None = "none",
    }
);

impl IncomeSupport {
    /// Benefits paid through a job centre, where a caseworker must agree to
    /// the time spent on the programme.
    pub fn comes_with_caseworker(self) -> bool {
        matches!(
            self,
            Self::UnemploymentBenefit
                | Self::CashBenefit
                | Self::SicknessBenefit
                | Self::ResourceProcess
                | Self::FlexJob
        )
    }
}

keyed_enum!(
    /// Whether a caseworker agreed to the applicant attending (`caseworker_agreement`).
    CaseworkerAgreement {
        Yes = "yes",
        No = "no",
        NoCaseworker = "no_caseworker",
    }
);

keyed_enum!(
    /// Kinds of treatment or support received (`treatment`, any number).
    Treatment {
        PsychiatricAdmission = "psychiatric_admission",
        PsychiatricOutpatient = "psychiatric_outpatient",
        MunicipalSupport = "municipal_support",
    }
);

keyed_enum!(
    /// Highest completed schooling, in increasing order.
    EducationLevel {
        BelowNinthGrade = "below_ninth_grade",
        NinthGrade = "ninth_grade",
        YouthEducation = "youth_education",
        HigherEducation = "higher_education",
    }
);

keyed_enum!(
    /// The field of a vocational education.
    EducationField {
        Social = "social",
        Health = "health",
        Pedagogical = "pedagogical",
        Other = "other",
        None = "none",
    }
);

keyed_enum!(
    /// The applicant's role where they work with peer support.
    PeerRole {
        PaidPeer = "paid_peer",
        VolunteerPeer = "volunteer_peer",
        Colleague = "colleague",
    }
);

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    pub birth_date: Option<NaiveDate>,
    pub lived_experience: Option<bool>,
    /// `None`: not answered; `Some(empty)`: answered "none of these".
    pub treatment: Option<Vec<Treatment>>,
    pub income_support: Option<IncomeSupport>,
    pub caseworker_agreement: Option<CaseworkerAgreement>,
    pub municipality: Option<&'static Municipality>,
    pub active_substance_abuse: Option<bool>,
    pub dementia: Option<bool>,
    pub needs_interpreter: Option<bool>,
    // Asked by programmes other than Randers.
    pub peer_role: Option<PeerRole>,
    /// Share of the applicant's tasks that are peer-support tasks, in percent.
    pub peer_task_share_percent: Option<u8>,
    pub works_in_same_team_as_peer: Option<bool>,
    pub education_level: Option<EducationLevel>,
    pub education_field: Option<EducationField>,
    pub weekly_hours_available: Option<u8>,
    pub in_recovery_since: Option<NaiveDate>,
    pub related_to_people_supported: Option<bool>,
    pub psychiatric_diagnosis: Option<bool>,
    pub psychiatric_admissions: Option<u16>,
    pub outside_labour_market_due_to_illness: Option<bool>,
    /// Willing to share one's own experience with others (MB-forløbet, seed `003_...`).
    pub willing_to_share: Option<bool>,
}

impl Facts {
    /// The facts by contract field name, as stored and shown back; a fact
    /// that is `None` (not asked by the programme's form) is left out.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::{Value, json};
        let all = json!({
            "lived_experience": self.lived_experience,
            "treatment": self.treatment.as_ref().map(|t| t.iter().map(|x| x.key()).collect::<Vec<_>>()),
            "income_support": self.income_support.map(IncomeSupport::key),
            "caseworker_agreement": self.caseworker_agreement.map(CaseworkerAgreement::key),
            "active_substance_abuse": self.active_substance_abuse,
            "dementia": self.dementia,
            "needs_interpreter": self.needs_interpreter,
            "peer_role": self.peer_role.map(PeerRole::key),
            "peer_task_share_percent": self.peer_task_share_percent,
            "works_in_same_team_as_peer": self.works_in_same_team_as_peer,
            "education_level": self.education_level.map(EducationLevel::key),
            "education_field": self.education_field.map(EducationField::key),
            "weekly_hours_available": self.weekly_hours_available,
            "in_recovery_since": self.in_recovery_since.map(|d| d.format("%Y-%m-%d").to_string()),
            "related_to_people_supported": self.related_to_people_supported,
            "psychiatric_diagnosis": self.psychiatric_diagnosis,
            "psychiatric_admissions": self.psychiatric_admissions,
            "outside_labour_market_due_to_illness": self.outside_labour_market_due_to_illness,
            "willing_to_share": self.willing_to_share,
        });
        match all {
            Value::Object(map) => Value::Object(map.into_iter().filter(|(_, v)| !v.is_null()).collect()),
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_round_trips_and_contract_keys_are_exact() {
        for v in IncomeSupport::ALL {
            assert_eq!(IncomeSupport::from_key(v.key()), Some(*v));
        }
        let keys: Vec<&str> = IncomeSupport::ALL.iter().map(|v| v.key()).collect();
        assert_eq!(
            keys,
            [
                "employed",
                "unemployment_benefit",
                "cash_benefit",
                "sickness_benefit",
                "resource_process",
                "flex_job",
                "disability_pension",
                "education_grant",
                "other",
                "none"
            ]
        );
        let treatments: Vec<&str> = Treatment::ALL.iter().map(|v| v.key()).collect();
        assert_eq!(treatments, ["psychiatric_admission", "psychiatric_outpatient", "municipal_support"]);
        assert_eq!(CaseworkerAgreement::from_key("no_caseworker"), Some(CaseworkerAgreement::NoCaseworker));
        assert_eq!(IncomeSupport::from_key("lottery"), None);
    }

    #[test]
    fn education_levels_are_ordered() {
        assert!(EducationLevel::BelowNinthGrade < EducationLevel::NinthGrade);
        assert!(EducationLevel::NinthGrade < EducationLevel::HigherEducation);
    }
}
