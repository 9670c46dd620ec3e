//! Demo data: one open intake in the future of each structure, so a newcomer
//! sees them all on the front page: Randers (with an info meeting) and Viborg
//! (courses with practicum), Region Hovedstaden's modular peer course,
//! MB-forløbet (a year programme) and a recovery-mentor recruitment.
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};

use crate::{
    domain::{
        intake::IntakePattern,
        local_time::local_date,
        organisation::{Organisation, OrganisationFields},
        programme::{ProgrammeFacts, Structure},
    },
    storage::{self, intakes::NewIntake},
};

pub const INFO_MEETING_PLACE: &str = "Psykiatriens Hus, Randers – lokale 10, indgang B, 1. sal";

#[derive(Debug)]
pub struct DemoData {
    /// Randers' intake, its info meeting and cohort.
    pub intake_slug: String,
    pub intake_id: i64,
    pub info_meeting_id: i64,
    pub cohort_id: i64,
    /// Every intake the demo made, Randers first.
    pub intakes: Vec<DemoIntake>,
}

/// One intake of the demo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoIntake {
    pub slug: String,
    /// The programme's and the intake's name, as the front page shows them.
    pub name: String,
    /// The programme's structure (contract key).
    pub structure: &'static str,
    pub intake_id: i64,
    /// None for a recruitment (no cohort schedule).
    pub cohort_id: Option<i64>,
}

impl DemoIntake {
    /// The public page of the intake.
    pub fn path(&self) -> String {
        format!("/intakes/{}", self.slug)
    }
}

/// Loads (or finds again) the demo programmes, their intakes, Randers' info
/// meeting and a cohort for each programme with a schedule. Every intake
/// follows the Randers 2021 pattern in the first year whose deadline is still
/// ahead of `now`, and opens today. Idempotent.
pub async fn load(pool: &PgPool, now: DateTime<Utc>) -> sqlx::Result<DemoData> {
    let (year, pattern) = IntakePattern::next_randers(now);
    let mut tx = pool.begin().await?;
    let mut intakes = Vec::new();
    for (programme, slug) in [
        (ProgrammeFacts::randers(), format!("randers-{year}")),
        (ProgrammeFacts::viborg(), format!("viborg-{year}")),
        (ProgrammeFacts::region_h_peer_course(), format!("region-h-{year}")),
        (ProgrammeFacts::mb_forloebet(), format!("mb-forloebet-{year}")),
        (ProgrammeFacts::recovery_mentor(), format!("recovery-mentor-{year}")),
    ] {
        intakes.push(intake(&mut tx, &programme, &slug, year, &pattern, now).await?);
    }
    let randers = intakes[0].clone();
    let (starts, ends) = pattern.info_meeting;
    let info_meeting_id =
        storage::info_meetings::insert_if_missing(&mut tx, randers.intake_id, starts, ends, INFO_MEETING_PLACE, 30)
            .await?;
    storage::organisation::save_if_missing(&mut *tx, &demo_school(), now).await?;
    tx.commit().await?;
    Ok(DemoData {
        intake_slug: randers.slug,
        intake_id: randers.intake_id,
        info_meeting_id,
        cohort_id: randers.cohort_id.expect("Randers has a cohort"),
        intakes,
    })
}

/// The programme, its intake `slug` and (unless a recruitment) a cohort.
async fn intake(
    conn: &mut PgConnection,
    programme: &ProgrammeFacts,
    slug: &str,
    year: i32,
    pattern: &IntakePattern,
    now: DateTime<Utc>,
) -> sqlx::Result<DemoIntake> {
    let opens_at = crate::domain::local_time::from_local(local_date(now).and_hms_opt(0, 0, 0).expect("midnight"));
    let programme_id = storage::programmes::upsert(conn, programme).await?;
    let name = format!("Hold {year}");
    let new = NewIntake {
        programme_id,
        slug,
        name: &name,
        opens_at,
        deadline: pattern.deadline,
        start_date: pattern.start_date,
        interview_days: &pattern.interview_days,
    };
    let intake_id = storage::intakes::insert_if_missing(conn, &new).await?;
    let cohort_id = match programme.structure.has_schedule() {
        true => Some(storage::cohorts::insert_if_missing(conn, intake_id, &name, pattern.start_date).await?),
        false => None,
    };
    if let (Some(cohort_id), Structure::ModularCourse(_)) = (cohort_id, programme.structure) {
        storage::modules::add_demo_modules(conn, cohort_id, pattern.start_date).await?;
    }
    Ok(DemoIntake {
        slug: slug.to_string(),
        name: format!("{} – {name}", programme.name),
        structure: programme.structure.key(),
        intake_id,
        cohort_id,
    })
}

/// The demo's school, so its footers, mails and privacy page name someone to
/// contact; settings an admin has saved are left alone.
fn demo_school() -> Organisation {
    Organisation::parse(&OrganisationFields {
        organisation_name: "Recoveryskolen Randers".into(),
        organisation_address: "Psykiatriens Hus, Jens Otto Krags Plads 1, 8900 Randers C".into(),
        contact_email: "recoveryskolen@randers.dk".into(),
        contact_phone: "89 15 15 15".into(),
        dpo_email: "databeskyttelse@randers.dk".into(),
    })
    .expect("the demo school's details are valid")
}
