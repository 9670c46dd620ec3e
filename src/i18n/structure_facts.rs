//! The facts an intake page lists (label, text) for the structures whose
//! shape is not a course with practicum: the modular course (Region H, seed
//! `001_...`: intro 3/4 days, 4-hour modules, 80 %, one year), the year
//! programme (MB-forløbet) and a recruitment. `None` for a course with
//! practicum, whose facts stay as the page has them.
//! Texts of the seeds: `003_...` ("Et MB-forløb varer et år og kombinerer
//! praktik med undervisning", "minimum tre gange i praktiktiden") and the
//! recruitment's "application, interview, decision; no teaching".
use chrono::NaiveDate;

use super::{Lang, catalogue::catalogue, dates, fill};
use crate::domain::programme::{ProgrammeFacts, Structure};

catalogue! {
    StructureFactsStrings, DA, EN,
    year_label { da: "Forløbet", en: "The programme" }
    year_text { da: "Et forløb på {} måneder: praktik tæt på, hvor du bor, og undervisning {} kl. {}-{}. Vi kommer på besøg på dit praktiksted mindst {} gange, som regel sammen med din praktikvejleder.", en: "A programme of {} months: a practicum near where you live, and teaching {} at {}-{}. We visit your practicum site at least {} times, usually together with your supervisor." }
    first_day_label { da: "Første dag", en: "First day" }
    seats_label { da: "Pladser", en: "Places" }
    seats_text { da: "Højst {} deltagere.", en: "At most {} participants." }
    job_label { da: "Stillingen", en: "The position" }
    job_text { da: "Ansættelse som {} hos {}. Der er ingen undervisning: du søger, kommer til samtale og får svar.", en: "Employment as {} at {}. There is no teaching: you apply, come to an interview and get an answer." }
    job_start_label { da: "Første arbejdsdag", en: "First working day" }
    workplace_label { da: "Arbejdssted", en: "Workplace" }
    positions_label { da: "Stillinger", en: "Positions" }
    positions_text { da: "{} stillinger.", en: "{} positions." }
    positions_text_one { da: "1 stilling.", en: "1 position." }
    place_label { da: "Sted", en: "Place" }
    modular_label { da: "Uddannelsen", en: "The course" }
    modular_text { da: "Først en introduktion: {} dage for peers, {} dage for kolleger. Derefter moduler på {} timer, som du selv melder dig til. Nogle moduler skal alle i din rolle tage. Du har gennemført, når du har taget de moduler, der skal tages, inden for {} måneder fra start, og har været med i mindst {} % af timerne på de moduler, du har meldt dig til.", en: "First an introduction: {} days for peers, {} days for colleagues. Then modules of {} hours that you sign up for yourself. Some modules are required for everyone in your role. You have completed the course when you have taken the required modules within {} months of the start and attended at least {} % of the hours of the modules you signed up for." }
    together_label { da: "Sammen med en kollega", en: "Together with a colleague" }
    together_text { da: "Peers og kolleger fra samme arbejdsplads er velkomne til at tage uddannelsen sammen. Din arbejdsplads kan tilmelde dig.", en: "Peers and colleagues from one workplace are welcome to take the course together. Your workplace can enrol you." }
}

/// The intake page's facts for a year programme or a recruitment starting on `start`.
pub fn intake_facts(lang: Lang, p: &ProgrammeFacts, start: NaiveDate) -> Option<Vec<(&'static str, String)>> {
    let t = if lang == Lang::En { &EN } else { &DA };
    let first = dates::long_date(lang, start);
    Some(match p.structure {
        Structure::YearProgramme(y) => {
            let (days, from, to) = (
                dates::weekdays(lang, &p.teaching_weekdays),
                dates::clock(lang, p.session_starts),
                dates::clock(lang, p.session_ends),
            );
            vec![
                (t.year_label, fill(t.year_text, &[&y.months, &days, &from, &to, &y.site_visits])),
                (t.first_day_label, first),
                (t.place_label, p.place.clone()),
                (t.seats_label, fill(t.seats_text, &[&p.capacity])),
            ]
        }
        Structure::Recruitment => vec![
            (t.job_label, fill(t.job_text, &[&p.name, &p.organiser])),
            (t.job_start_label, first),
            (t.workplace_label, p.place.clone()),
            (
                t.positions_label,
                if p.capacity == 1 { t.positions_text_one.to_string() } else { fill(t.positions_text, &[&p.capacity]) },
            ),
        ],
        Structure::ModularCourse(m) => vec![
            (
                t.modular_label,
                fill(
                    t.modular_text,
                    &[
                        &m.intro_days_peer,
                        &m.intro_days_colleague,
                        &m.module_hours,
                        &m.complete_within_months,
                        &m.min_attendance_percent,
                    ],
                ),
            ),
            (t.together_label, t.together_text.to_string()),
            (t.first_day_label, first),
            (t.place_label, p.place.clone()),
            (t.seats_label, fill(t.seats_text, &[&p.capacity])),
        ],
        Structure::CourseWithPracticum => return None,
    })
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveTime, Weekday};

    use super::*;
    use crate::domain::programme::YearRules;

    fn day() -> NaiveDate {
        "2028-01-03".parse().unwrap()
    }

    #[test]
    fn a_modular_course_states_its_intro_modules_and_completion_rule() {
        let p = ProgrammeFacts {
            structure: Structure::ModularCourse(crate::domain::programme::ModularRules::region_h()),
            ..ProgrammeFacts::randers()
        };
        let facts = intake_facts(Lang::Da, &p, day()).unwrap();
        let text = &facts[0].1;
        assert!(text.contains("3 dage for peers, 4 dage for kolleger"), "{text}");
        assert!(text.contains("moduler på 4 timer") && text.contains("12 måneder") && text.contains("80 %"), "{text}");
        assert!(!facts.iter().any(|(label, _)| label.contains("undervisning")));
    }

    #[test]
    fn a_year_programme_says_a_year_of_practicum_with_teaching_and_visits() {
        let p = ProgrammeFacts {
            structure: Structure::YearProgramme(YearRules::mb_forloebet()),
            teaching_weekdays: vec![Weekday::Thu],
            session_ends: NaiveTime::from_hms_opt(15, 0, 0).unwrap(),
            ..ProgrammeFacts::randers()
        };
        let facts = intake_facts(Lang::Da, &p, day()).unwrap();
        let text = &facts[0].1;
        assert!(text.starts_with("Et forløb på 12 måneder") && text.contains("mindst 3 gange"), "{text}");
        assert!(text.contains("torsdag"), "{text}");
        assert_eq!(facts[1], ("Første dag", "mandag den 3. januar 2028".to_string()));
    }

    #[test]
    fn a_recruitment_names_the_job_and_its_positions_and_no_teaching_dates() {
        let p = ProgrammeFacts {
            name: "recovery-mentor".into(),
            organiser: "Region Hovedstadens Psykiatri".into(),
            structure: Structure::Recruitment,
            capacity: 2,
            ..ProgrammeFacts::randers()
        };
        let facts = intake_facts(Lang::Da, &p, day()).unwrap();
        assert!(facts[0].1.starts_with("Ansættelse som recovery-mentor hos Region Hovedstadens Psykiatri"));
        assert_eq!(facts[1].0, "Første arbejdsdag");
        assert_eq!(facts[3].1, "2 stillinger.");
        assert!(!facts.iter().any(|(_, text)| text.contains("uger") || text.contains("kl.")));
        assert!(intake_facts(Lang::Da, &ProgrammeFacts::randers(), day()).is_none(), "a course keeps its own facts");
    }

    #[test]
    fn danish_and_english_fill_the_same_blanks_here_and_in_the_cohort_and_privacy_texts() {
        let pairs = [
            (DA.entries(), EN.entries()),
            (Lang::Da.cohort().entries(), Lang::En.cohort().entries()),
            (Lang::Da.privacy().entries(), Lang::En.privacy().entries()),
        ];
        for (da, en) in pairs {
            assert_eq!(da.len(), en.len());
            for ((key, d), (_, e)) in da.iter().zip(en.iter()) {
                assert_eq!(d.matches("{}").count(), e.matches("{}").count(), "{key}");
            }
        }
    }
}
