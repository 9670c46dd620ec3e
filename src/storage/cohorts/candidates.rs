//! Interviewed applicants of a cohort's intake with their panel's scores, so
//! a place can be offered from the cohort page.
use sqlx::PgPool;

/// One interviewed applicant; each score is the panel's mean (1-4), none
/// while nobody has scored.
#[derive(Debug, sqlx::FromRow)]
pub struct Candidate {
    pub reference: String,
    pub full_name: String,
    pub motivation: Option<f64>,
    pub reflection: Option<f64>,
    pub distance: Option<f64>,
    pub competence_building: Option<f64>,
    pub total: Option<f64>,
}

/// The intake's interviewed applicants, highest total first (unscored last).
pub async fn candidates(pool: &PgPool, intake_id: i64) -> sqlx::Result<Vec<Candidate>> {
    sqlx::query_as(
        "SELECT a.reference, a.full_name,
                avg(s.motivation)::float8 AS motivation, avg(s.reflection)::float8 AS reflection,
                avg(s.distance)::float8 AS distance, avg(s.competence_building)::float8 AS competence_building,
                (avg(s.motivation) + avg(s.reflection) + avg(s.distance) + avg(s.competence_building))::float8 AS total
         FROM applications a LEFT JOIN interview_assessments s ON s.application_id = a.id AND NOT s.no_show
         WHERE a.intake_id = $1 AND a.status = 'interviewed'
         GROUP BY a.id ORDER BY total DESC NULLS LAST, a.reference",
    )
    .bind(intake_id)
    .fetch_all(pool)
    .await
}
