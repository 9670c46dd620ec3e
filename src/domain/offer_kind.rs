//! What an offer is, decided once from the programme's structure: a place on
//! a course, or a job (recruitment: "application, interview, decision; no
//! teaching", `product.md` "Added 2026-11-30"). Every page and mail about an
//! offer takes its wording from this.
use super::programme::Structure;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfferKind {
    /// A seat in a cohort with teaching dates.
    Place,
    /// Employment as the programme names it ("tilbud om ansættelse som …"):
    /// no teaching dates, no cohort ("hold"); the positions are the capacity.
    Job,
}

impl OfferKind {
    pub fn of(structure: Structure) -> Self {
        match structure {
            Structure::Recruitment => OfferKind::Job,
            Structure::CourseWithPracticum | Structure::ModularCourse(_) | Structure::YearProgramme(_) => {
                OfferKind::Place
            }
        }
    }

    pub fn is_job(self) -> bool {
        self == OfferKind::Job
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::programme::{ModularRules, YearRules};

    #[test]
    fn only_recruitment_offers_a_job() {
        assert_eq!(OfferKind::of(Structure::Recruitment), OfferKind::Job);
        assert_eq!(OfferKind::of(Structure::CourseWithPracticum), OfferKind::Place);
        assert_eq!(OfferKind::of(Structure::ModularCourse(ModularRules::region_h())), OfferKind::Place);
        assert_eq!(OfferKind::of(Structure::YearProgramme(YearRules::mb_forloebet())), OfferKind::Place);
    }
}
