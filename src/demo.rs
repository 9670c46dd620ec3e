//! Demo data: the Randers programme with one open intake in the future.
use chrono::{DateTime, Utc};
use sqlx::PgPool;

use crate::{
    domain::{
        intake::IntakePattern,
        local_time::local_date,
        organisation::{Organisation, OrganisationFields},
        programme::ProgrammeFacts,
    },
    storage::{self, intakes::NewIntake},
};

pub const INFO_MEETING_PLACE: &str = "Psykiatriens Hus, Randers – lokale 10, indgang B, 1. sal";

#[derive(Debug)]
pub struct DemoData {
    pub intake_slug: String,
    pub intake_id: i64,
    pub info_meeting_id: i64,
    pub cohort_id: i64,
}

/// Loads (or finds again) the demo programme, intake, info meeting and cohort.
/// The intake follows the 2021 pattern in the first year whose deadline is
/// still ahead of `now`, and opens today.
pub async fn load(pool: &PgPool, now: DateTime<Utc>) -> sqlx::Result<DemoData> {
    let (year, pattern) = IntakePattern::next_randers(now);
    let opens_at = crate::domain::local_time::from_local(local_date(now).and_hms_opt(0, 0, 0).expect("midnight"));
    let mut tx = pool.begin().await?;
    let programme_id = storage::programmes::upsert(&mut tx, &ProgrammeFacts::randers()).await?;
    let slug = format!("randers-{year}");
    let name = format!("Hold {year}");
    let intake_id = storage::intakes::insert_if_missing(
        &mut tx,
        &NewIntake {
            programme_id,
            slug: &slug,
            name: &name,
            opens_at,
            deadline: pattern.deadline,
            start_date: pattern.start_date,
            interview_days: &pattern.interview_days,
        },
    )
    .await?;
    let (starts, ends) = pattern.info_meeting;
    let info_meeting_id =
        storage::info_meetings::insert_if_missing(&mut tx, intake_id, starts, ends, INFO_MEETING_PLACE, 30).await?;
    let cohort_id = storage::cohorts::insert_if_missing(&mut tx, intake_id, &name, pattern.start_date).await?;
    storage::organisation::save_if_missing(&mut *tx, &demo_school(), now).await?;
    tx.commit().await?;
    Ok(DemoData { intake_slug: slug, intake_id, info_meeting_id, cohort_id })
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
