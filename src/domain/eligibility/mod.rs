//! Eligibility: per criterion, whether an applicant's facts meet a programme's
//! rules. It never rejects anyone (GDPR Art. 22): it says `met`, `not met`,
//! `to verify` (and what) or `for interview`, and a coordinator decides.
pub mod criteria;
pub mod facts;
pub mod profiles;
pub mod verification;

#[cfg(test)]
mod tests;

pub use criteria::{Context, Criterion};
pub use facts::Facts;
pub use profiles::Profile;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Met,
    NotMet,
    ToVerify(Verify),
    ForInterview,
}

impl Outcome {
    /// The value shown to staff as `data-outcome`.
    pub fn key(self) -> &'static str {
        match self {
            Outcome::Met => "met",
            Outcome::NotMet => "not_met",
            Outcome::ToVerify(_) => "to_verify",
            Outcome::ForInterview => "for_interview",
        }
    }
}

/// What a coordinator must check before the outcome is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verify {
    NotAnswered,
    /// Lives outside the programme's region: the home municipality must
    /// approve, and pay the fee if there is one.
    MunicipalityMustApprove {
        municipality: &'static str,
        fee_dkk: Option<u32>,
    },
    CaseworkerMustAgree,
    /// The benefit normally comes with a caseworker, but the applicant says there is none.
    CaseworkerExpected,
    IncomeSupportAllowsAttending,
}

impl Verify {
    pub fn key(self) -> &'static str {
        match self {
            Verify::NotAnswered => "not_answered",
            Verify::MunicipalityMustApprove { .. } => "municipality_must_approve",
            Verify::CaseworkerMustAgree => "caseworker_must_agree",
            Verify::CaseworkerExpected => "caseworker_expected",
            Verify::IncomeSupportAllowsAttending => "income_support_allows_attending",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CriterionResult {
    pub criterion: Criterion,
    pub outcome: Outcome,
}

/// The overall picture, leaving aside what the interview will judge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Summary {
    /// Every fact-based criterion is met.
    NoConcerns,
    /// Something must be checked, nothing is unmet.
    ToVerify,
    /// At least one criterion looks unmet; a coordinator decides.
    MayNotMeet,
}

impl Summary {
    pub fn key(self) -> &'static str {
        match self {
            Summary::NoConcerns => "no_concerns",
            Summary::ToVerify => "to_verify",
            Summary::MayNotMeet => "may_not_meet",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub results: Vec<CriterionResult>,
    pub summary: Summary,
}

impl Assessment {
    pub fn not_met(&self) -> impl Iterator<Item = &CriterionResult> {
        self.results.iter().filter(|r| r.outcome == Outcome::NotMet)
    }

    pub fn to_verify(&self) -> impl Iterator<Item = &CriterionResult> {
        self.results.iter().filter(|r| matches!(r.outcome, Outcome::ToVerify(_)))
    }

    pub fn outcome_of(&self, key: &str) -> Option<Outcome> {
        self.results.iter().find(|r| r.criterion.key() == key).map(|r| r.outcome)
    }
}

/// Evaluates every criterion of the profile, in the profile's order.
pub fn assess(profile: &Profile, facts: &Facts, ctx: Context) -> Assessment {
    let results: Vec<CriterionResult> = profile
        .criteria
        .iter()
        .map(|&criterion| CriterionResult { criterion, outcome: criterion.evaluate(facts, ctx) })
        .collect();
    let summary = results
        .iter()
        .map(|r| match r.outcome {
            Outcome::NotMet => Summary::MayNotMeet,
            Outcome::ToVerify(_) => Summary::ToVerify,
            Outcome::Met | Outcome::ForInterview => Summary::NoConcerns,
        })
        .max()
        .unwrap_or(Summary::NoConcerns);
    Assessment { results, summary }
}
