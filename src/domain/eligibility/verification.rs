//! Closing what the pre-check left `to verify`: a coordinator's verdict turns
//! the criterion into `met` or `not met`, with who and when kept beside it.
use std::str::FromStr;

use super::Summary;

/// A coordinator's answer to "is this confirmed?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// For `residence`: the home municipality approved, and pays any fee.
    Confirmed,
    NotConfirmed,
}

impl Verdict {
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Confirmed => "confirmed",
            Verdict::NotConfirmed => "not_confirmed",
        }
    }

    /// The criterion's outcome once this verdict is given.
    pub fn outcome_key(self) -> &'static str {
        match self {
            Verdict::Confirmed => "met",
            Verdict::NotConfirmed => "not_met",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the outcome must be confirmed or not_confirmed")]
pub struct UnknownVerdict;

impl FromStr for Verdict {
    type Err = UnknownVerdict;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "confirmed" => Ok(Verdict::Confirmed),
            "not_confirmed" => Ok(Verdict::NotConfirmed),
            _ => Err(UnknownVerdict),
        }
    }
}

/// Only a criterion still `to verify` can be closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the criterion is not to verify")]
pub struct NotToVerify;

/// The breakdown after the verdicts: outcomes by criterion, the summary and
/// how many criteria are still to verify.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settled {
    pub outcomes: Vec<(String, &'static str)>,
    pub summary: Summary,
    pub open: usize,
}

fn outcome_key(key: &str) -> &'static str {
    match key {
        "met" => "met",
        "not_met" => "not_met",
        "to_verify" => "to_verify",
        _ => "for_interview",
    }
}

/// Applies `verdicts` (criterion, verdict; the latest last) to the stored
/// outcomes (criterion, outcome key). A verdict only changes a criterion the
/// pre-check left to verify.
pub fn settle(outcomes: &[(String, String)], verdicts: &[(String, Verdict)]) -> Settled {
    let outcomes: Vec<(String, &'static str)> = outcomes
        .iter()
        .map(|(criterion, outcome)| {
            let verdict = verdicts.iter().rev().find(|(c, _)| c == criterion).map(|(_, v)| *v);
            let settled = match (outcome_key(outcome), verdict) {
                ("to_verify", Some(v)) => v.outcome_key(),
                (other, _) => other,
            };
            (criterion.clone(), settled)
        })
        .collect();
    let summary = outcomes
        .iter()
        .map(|(_, o)| match *o {
            "not_met" => Summary::MayNotMeet,
            "to_verify" => Summary::ToVerify,
            _ => Summary::NoConcerns,
        })
        .max()
        .unwrap_or(Summary::NoConcerns);
    let open = outcomes.iter().filter(|(_, o)| *o == "to_verify").count();
    Settled { outcomes, summary, open }
}

impl Settled {
    /// Whether `criterion` may be closed now.
    pub fn may_close(&self, criterion: &str) -> Result<(), NotToVerify> {
        match self.outcomes.iter().find(|(c, _)| c == criterion) {
            Some((_, "to_verify")) => Ok(()),
            _ => Err(NotToVerify),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored() -> Vec<(String, String)> {
        [
            ("min_age", "met"),
            ("residence", "to_verify"),
            ("income_support", "to_verify"),
            ("motivation", "for_interview"),
        ]
        .iter()
        .map(|(c, o)| (c.to_string(), o.to_string()))
        .collect()
    }

    #[test]
    fn without_verdicts_the_open_criteria_are_counted() {
        let s = settle(&stored(), &[]);
        assert_eq!((s.summary, s.open), (Summary::ToVerify, 2));
        assert!(s.may_close("residence").is_ok());
        assert_eq!(s.may_close("min_age"), Err(NotToVerify));
        assert_eq!(s.may_close("no_such_criterion"), Err(NotToVerify));
    }

    #[test]
    fn a_confirmation_meets_the_criterion_and_a_refusal_does_not() {
        let s = settle(&stored(), &[("residence".into(), Verdict::Confirmed)]);
        assert_eq!(s.outcomes[1], ("residence".to_string(), "met"));
        assert_eq!((s.summary, s.open), (Summary::ToVerify, 1));
        assert_eq!(s.may_close("residence"), Err(NotToVerify));

        let s = settle(
            &stored(),
            &[("residence".into(), Verdict::Confirmed), ("income_support".into(), Verdict::NotConfirmed)],
        );
        assert_eq!((s.summary, s.open), (Summary::MayNotMeet, 0));
        let all = settle(
            &stored(),
            &[("residence".into(), Verdict::Confirmed), ("income_support".into(), Verdict::Confirmed)],
        );
        assert_eq!((all.summary, all.open), (Summary::NoConcerns, 0));
    }

    #[test]
    fn a_verdict_never_changes_what_the_pre_check_decided() {
        let s = settle(&stored(), &[("min_age".into(), Verdict::NotConfirmed)]);
        assert_eq!(s.outcomes[0], ("min_age".to_string(), "met"));
        assert_eq!("confirmed".parse(), Ok(Verdict::Confirmed));
        assert_eq!("yes".parse::<Verdict>(), Err(UnknownVerdict));
    }
}
