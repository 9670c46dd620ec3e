//! Each programme's criteria, as data.
use super::{criteria::Criterion, facts::EducationLevel};
use crate::domain::{municipality::Region, programme::ProgrammeFacts};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub key: &'static str,
    pub criteria: Vec<Criterion>,
}

const JUDGED: [Criterion; 4] =
    [Criterion::Motivation, Criterion::Reflection, Criterion::Distance, Criterion::CompetenceBuilding];

impl Profile {
    pub fn by_key(key: &str) -> Option<Profile> {
        Some(match key {
            "randers" => Self::recovery_school("randers"),
            "viborg" => Self::recovery_school("viborg"),
            "region-h-peer-course" => Profile {
                key: "region-h-peer-course",
                criteria: vec![
                    Criterion::PeerEmployment { min_share_percent: 67 },
                    Criterion::ColleagueInSameTeam,
                    Criterion::Motivation,
                ],
            },
            "peer-support-worker" => Profile {
                key: "peer-support-worker",
                criteria: vec![
                    Criterion::LivedExperience,
                    Criterion::MinEducation { level: EducationLevel::NinthGrade },
                    Criterion::MinWeeklyHours { hours: 15 },
                    Criterion::RecoveryForAtLeast { months: 12 },
                    Criterion::NoFamilyRelationToPeopleSupported,
                    Criterion::Motivation,
                    Criterion::Reflection,
                ],
            },
            "recovery-mentor" => Profile {
                key: "recovery-mentor",
                criteria: vec![
                    Criterion::PsychiatricDiagnosis,
                    Criterion::MinAdmissions { count: 1 },
                    Criterion::LivedExperience,
                    Criterion::Motivation,
                ],
            },
            "mb-forloebet" => Profile {
                key: "mb-forloebet",
                criteria: vec![
                    Criterion::RelevantEducation,
                    Criterion::OutsideLabourMarketDueToIllness,
                    Criterion::LivedExperience,
                    Criterion::WillingToShare,
                    Criterion::Motivation,
                ],
            },
            _ => return None,
        })
    }

    /// The profile a programme names, with its Residence rule taken from the
    /// programme's `home_region` and `out_of_region_fee_dkk`; a programme open
    /// to every region has no Residence rule. `None` for an unknown profile.
    pub fn for_programme(p: &ProgrammeFacts) -> Option<Profile> {
        let mut profile = Self::by_key(&p.profile)?;
        profile.criteria.retain_mut(|c| match (c, p.home_region) {
            (Criterion::Residence { region, fee_dkk }, Some(home)) => {
                (*region, *fee_dkk) = (home, p.out_of_region_fee_dkk);
                true
            }
            (Criterion::Residence { .. }, None) => false,
            _ => true,
        });
        Some(profile)
    }

    pub fn keys() -> [&'static str; 6] {
        ["randers", "viborg", "region-h-peer-course", "peer-support-worker", "recovery-mentor", "mb-forloebet"]
    }

    /// Randers and Viborg (Region Midt): the twelve criteria of the contract.
    fn recovery_school(key: &'static str) -> Profile {
        let mut criteria = vec![
            Criterion::MinAge { years: 18 },
            Criterion::LivedExperience,
            Criterion::TreatmentHistory,
            Criterion::IncomeSupport,
            Criterion::Residence { region: Region::Midtjylland, fee_dkk: Some(14_000) },
            Criterion::NoActiveSubstanceAbuse,
            Criterion::NoDementia,
            Criterion::NoInterpreterNeeded,
        ];
        criteria.extend(JUDGED);
        Profile { key, criteria }
    }
}
