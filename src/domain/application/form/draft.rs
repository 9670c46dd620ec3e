//! What a draft needs checked, and the facts a partly filled form already tells.
use super::{
    ApplicationFields, Field, FieldError, Problem,
    parse::{Errors, email_problem},
    spec::FACT_FIELDS,
};
use crate::domain::{
    application::values::PersonName,
    eligibility::facts::{
        CaseworkerAgreement, EducationField, EducationLevel, Facts, IncomeSupport, PeerRole, Treatment,
    },
    email_address::EmailAddress,
    municipality::Municipality,
};

impl ApplicationFields {
    /// What a draft needs: an e-mail address to send the link to, and no
    /// field longer than allowed. Nothing else is checked.
    pub fn parse_draft(&self) -> Result<EmailAddress, Vec<FieldError>> {
        let mut e = Errors(Vec::new());
        let email = EmailAddress::parse(&self.email).map_err(|err| e.add(Field::Email, email_problem(err))).ok();
        let got = self.full_name.trim().chars().count();
        if got > PersonName::MAX {
            e.add(Field::FullName, Problem::TooLong { max: PersonName::MAX, got });
        }
        for (field, text) in self.answers() {
            e.answer(field, text, false);
        }
        for (field, text) in self.short_fields() {
            if text.chars().count() > 100 {
                e.add(field, Problem::Invalid);
            }
        }
        match (email, e.0.is_empty()) {
            (Some(email), true) => Ok(email),
            _ => Err(e.0),
        }
    }

    /// The facts that can be read from whatever is filled in (for a draft's pre-check).
    pub fn partial_facts(&self) -> Facts {
        let yes_no = |t: &str| match t {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        };
        Facts {
            birth_date: crate::domain::application::birth_date::read(&self.birth_date),
            lived_experience: yes_no(&self.lived_experience),
            treatment: Some(self.treatment.iter().filter_map(|k| Treatment::from_key(k)).collect()),
            income_support: IncomeSupport::from_key(&self.income_support),
            caseworker_agreement: CaseworkerAgreement::from_key(&self.caseworker_agreement),
            municipality: Municipality::from_code(&self.municipality).ok(),
            active_substance_abuse: yes_no(&self.active_substance_abuse),
            dementia: yes_no(&self.dementia),
            needs_interpreter: yes_no(&self.needs_interpreter),
            peer_role: PeerRole::from_key(&self.peer_role),
            peer_task_share_percent: self.peer_task_share_percent.trim().parse().ok().filter(|n| *n <= 100),
            works_in_same_team_as_peer: yes_no(&self.works_in_same_team_as_peer),
            education_level: EducationLevel::from_key(&self.education_level),
            education_field: EducationField::from_key(&self.education_field),
            weekly_hours_available: self.weekly_hours_available.trim().parse().ok().filter(|n| *n <= 60),
            in_recovery_since: crate::domain::application::birth_date::read(&self.in_recovery_since),
            related_to_people_supported: yes_no(&self.related_to_people_supported),
            psychiatric_diagnosis: yes_no(&self.psychiatric_diagnosis),
            psychiatric_admissions: self.psychiatric_admissions.trim().parse().ok().filter(|n| *n <= 99),
            outside_labour_market_due_to_illness: yes_no(&self.outside_labour_market_due_to_illness),
            willing_to_share: yes_no(&self.willing_to_share),
        }
    }

    fn answers(&self) -> [(Field, &str); 5] {
        [
            (Field::Motivation, self.motivation.as_str()),
            (Field::Experience, self.experience.as_str()),
            (Field::Distance, self.distance.as_str()),
            (Field::StrengthsLimits, self.strengths_limits.as_str()),
            (Field::Expectations, self.expectations.as_str()),
        ]
    }

    /// The one-line fields: who the person is, and every single-valued fact.
    fn short_fields(&self) -> Vec<(Field, &str)> {
        let mut fields = vec![
            (Field::Phone, self.phone.as_str()),
            (Field::BirthDate, self.birth_date.as_str()),
            (Field::Municipality, self.municipality.as_str()),
        ];
        fields.extend(FACT_FIELDS.iter().filter_map(|f| self.fact_text(*f).map(|text| (*f, text))));
        fields
    }
}
