//! What a submit finds before it stores anything, read in one statement:
//! three lookups and the new rows' two ids cost one round trip instead of
//! five (`cargo bench --bench submit`).
use sqlx::{AssertSqlSafe, PgConnection};

use crate::domain::application::Status;

/// This intake's application from the same address (its receipt's facts).
#[derive(Debug)]
pub struct Receipt {
    pub id: i64,
    pub reference: String,
    pub intake_id: i64,
    pub status: Status,
}

/// The application a submission key was used for, with the address and the
/// digest of what was sent, to tell a resent form with changes from a double click.
#[derive(Debug)]
pub struct Sent {
    pub id: i64,
    pub reference: String,
    pub status: Status,
    pub email_normalised: String,
    pub submission_digest: Option<Vec<u8>>,
}

/// A held submission found again by its submission key (a resent form).
#[derive(Debug)]
pub struct HeldSent {
    pub id: i64,
    pub email: String,
    pub held_submission_digest: Option<Vec<u8>>,
}

/// What is already stored for one sent form, as one snapshot saw it (a
/// twin request that commits later loses the unique constraint instead,
/// and the submit is tried again).
#[derive(Debug)]
pub struct Found {
    /// This intake's application from the same address.
    pub existing: Option<Receipt>,
    /// The application sent with this submission key: the form sent again.
    pub sent: Option<Sent>,
    /// The held submission sent with this key, when no application was.
    pub held: Option<HeldSent>,
    /// The id a new application gets, taken from the sequence now because
    /// its sealed fields are bound to it; a gap when the form turns out not
    /// to be a new application.
    pub new_id: i64,
    /// The id of the receipt mail in the outbox (`outbox::insert_as`), on
    /// the same terms.
    pub receipt_id: i64,
}

#[derive(sqlx::FromRow)]
struct Row {
    e_id: Option<i64>,
    e_reference: Option<String>,
    e_intake_id: Option<i64>,
    e_status: Option<Status>,
    s_id: Option<i64>,
    s_reference: Option<String>,
    s_status: Option<Status>,
    s_email_normalised: Option<String>,
    s_digest: Option<Vec<u8>>,
    h_id: Option<i64>,
    h_email: Option<String>,
    h_digest: Option<Vec<u8>>,
    new_id: i64,
    receipt_id: i64,
}

/// The application from `email_normalised` in `intake_id`, the application
/// or held submission sent under `key_hash`, and fresh application and
/// receipt ids. Each lookup is on a unique key, so the statement gives
/// one row.
pub async fn before_storing(
    conn: &mut PgConnection,
    intake_id: i64,
    email_normalised: &str,
    key_hash: &[u8],
) -> sqlx::Result<Found> {
    let r: Row = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT e.id AS e_id, e.reference AS e_reference, e.intake_id AS e_intake_id, e.status AS e_status,
                s.id AS s_id, s.reference AS s_reference, s.status AS s_status,
                s.email_normalised AS s_email_normalised, s.submission_digest AS s_digest,
                h.id AS h_id, h.email AS h_email, h.held_submission_digest AS h_digest,
                nextval(pg_get_serial_sequence('applications', 'id')) AS new_id, {} AS receipt_id
         FROM (SELECT) AS one
         LEFT JOIN applications e ON e.intake_id = $1 AND e.email_normalised = $2
         LEFT JOIN applications s ON s.submission_key_hash = $3
         LEFT JOIN drafts h ON h.held_submission_key_hash = $3 AND s.id IS NULL",
        super::outbox::NEXT_ID
    )))
    .bind(intake_id)
    .bind(email_normalised)
    .bind(key_hash)
    .fetch_one(conn)
    .await?;
    let existing = match (r.e_id, r.e_reference, r.e_intake_id, r.e_status) {
        (Some(id), Some(reference), Some(intake_id), Some(status)) => {
            Some(Receipt { id, reference, intake_id, status })
        }
        _ => None,
    };
    let sent = match (r.s_id, r.s_reference, r.s_status, r.s_email_normalised) {
        (Some(id), Some(reference), Some(status), Some(email_normalised)) => {
            Some(Sent { id, reference, status, email_normalised, submission_digest: r.s_digest })
        }
        _ => None,
    };
    let held = match (r.h_id, r.h_email) {
        (Some(id), Some(email)) => Some(HeldSent { id, email, held_submission_digest: r.h_digest }),
        _ => None,
    };
    Ok(Found { existing, sent, held, new_id: r.new_id, receipt_id: r.receipt_id })
}
