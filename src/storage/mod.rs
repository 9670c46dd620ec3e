//! Every SQL query of optag. Functions take a pool, connection or transaction
//! and return domain types; rows are mapped here and only here.
pub mod applications;
pub mod audit;
pub mod cohorts;
pub mod consent;
pub mod drafts;
pub mod enrolments;
pub mod health;
pub mod info_meetings;
pub mod intakes;
pub mod interest;
pub mod interviews;
pub mod kept_posts;
pub mod mail_quota;
pub mod modules;
pub mod organisation;
pub mod outbox;
pub mod overview;
pub mod own_page;
pub mod programmes;
pub mod public_pages;
pub mod retention;
pub mod retired_tokens;
pub mod review;
pub mod sealed;
pub mod sessions;
pub mod staff;
pub mod submissions;
pub mod support;
pub mod throttle;
mod types;
pub mod verifications;

pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Runs pending migrations; safe to call from several instances at once
/// (sqlx takes an advisory lock).
pub async fn migrate(pool: &sqlx::PgPool) -> Result<(), sqlx::migrate::MigrateError> {
    MIGRATOR.run(pool).await
}

/// `text` as a literal inside a LIKE pattern: PostgreSQL's default escape
/// character (backslash) before `\`, `%` and `_`, so a search for
/// `mette_holm+optag@example.org` finds exactly that.
pub fn like_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '%' | '_') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The name of the constraint a database error violated, if any.
pub fn violated_constraint(err: &sqlx::Error) -> Option<&str> {
    err.as_database_error().and_then(|e| e.constraint())
}
