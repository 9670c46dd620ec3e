//! Support persons (issue 19): grants, their links, their uses. Rules live in
//! `domain::support`; this only stores and reads. Only link hashes are kept.
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};

use crate::{
    domain::{
        application::{ApplicationFields, Status},
        link::{LinkKind, Retired},
        support::{Grant, Subject},
    },
    sealing::{Field, FieldKey},
};

/// What a grant belongs to: a draft until it is sent, then the application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    Application(i64),
    Draft(i64),
}

impl Owner {
    fn ids(self) -> (Option<i64>, Option<i64>) {
        match self {
            Owner::Application(id) => (Some(id), None),
            Owner::Draft(id) => (None, Some(id)),
        }
    }
}

/// A new grant, before its address is proven.
pub struct NewGrant<'a> {
    pub owner: Owner,
    pub name: &'a str,
    pub email: &'a str,
    pub grant: Grant,
    pub consent_text_id: i64,
    pub confirm_hash: &'a [u8],
    pub now: DateTime<Utc>,
    pub confirm_expires_at: DateTime<Utc>,
}

/// Stores an invitation; returns the grant's id.
pub async fn insert(conn: &mut PgConnection, g: &NewGrant<'_>) -> sqlx::Result<i64> {
    let (application_id, draft_id) = g.owner.ids();
    sqlx::query_scalar(
        "INSERT INTO support_grants (application_id, draft_id, name, email, may_read, may_edit_draft,
             may_mail_copies, may_attend, consent_text_id, token_hash, created_at, confirm_expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
    )
    .bind(application_id)
    .bind(draft_id)
    .bind(g.name)
    .bind(g.email)
    .bind(g.grant.read)
    .bind(g.grant.edit_draft)
    .bind(g.grant.mail_copies)
    .bind(g.grant.attend_interview)
    .bind(g.consent_text_id)
    .bind(g.confirm_hash)
    .bind(g.now)
    .bind(g.confirm_expires_at)
    .fetch_one(conn)
    .await
}

/// A grant as stored, with what it belongs to.
#[derive(Debug, sqlx::FromRow)]
pub struct GrantRow {
    pub id: i64,
    pub application_id: Option<i64>,
    pub draft_id: Option<i64>,
    pub name: String,
    pub email: String,
    pub may_read: bool,
    pub may_edit_draft: bool,
    pub may_mail_copies: bool,
    pub may_attend: bool,
    pub created_at: DateTime<Utc>,
    pub confirm_expires_at: DateTime<Utc>,
    pub confirmed_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    /// The application's, while it has one.
    pub status: Option<Status>,
    pub reference: Option<String>,
    /// When it last became admitted, rejected or declined.
    pub decided_at: Option<DateTime<Utc>>,
}

impl GrantRow {
    pub fn grant(&self) -> Grant {
        Grant {
            read: self.may_read,
            edit_draft: self.may_edit_draft,
            mail_copies: self.may_mail_copies,
            attend_interview: self.may_attend,
        }
    }

    pub fn owner(&self) -> Owner {
        match self.application_id {
            Some(id) => Owner::Application(id),
            None => Owner::Draft(self.draft_id.unwrap_or_default()),
        }
    }

    pub fn subject(&self) -> Subject {
        match self.status {
            Some(status) => Subject::Application { status, decided_at: self.decided_at },
            None => Subject::Draft,
        }
    }
}

const SELECT: &str = "SELECT g.id, g.application_id, g.draft_id, g.name, g.email, g.may_read, g.may_edit_draft,
        g.may_mail_copies, g.may_attend, g.created_at, g.confirm_expires_at, g.confirmed_at, g.revoked_at,
        a.status, a.reference,
        (SELECT max(h.at) FROM application_status_history h WHERE h.application_id = a.id
            AND h.to_status IN ('admitted', 'rejected', 'declined')) AS decided_at
     FROM support_grants g LEFT JOIN applications a ON a.id = g.application_id";

/// The grant behind a link's hash (confirmation or own link), whatever its state.
pub async fn by_token(pool: &PgPool, token_hash: &[u8]) -> sqlx::Result<Option<GrantRow>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE g.token_hash = $1")))
        .bind(token_hash)
        .fetch_optional(pool)
        .await
}

/// The grants of a draft or an application, oldest first (revoked ones too).
pub async fn of_owner(pool: &PgPool, owner: Owner) -> sqlx::Result<Vec<GrantRow>> {
    let (application_id, draft_id) = owner.ids();
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE g.application_id = $1 OR g.draft_id = $2 ORDER BY g.created_at, g.id"
    )))
    .bind(application_id)
    .bind(draft_id)
    .fetch_all(pool)
    .await
}

/// The address is proven: the confirmation link is spent and the grant's
/// own link takes its place. False when it was confirmed or revoked meanwhile.
pub async fn confirm(
    conn: &mut PgConnection,
    id: i64,
    old_hash: &[u8],
    new_hash: &[u8],
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE support_grants SET token_hash = $3, confirmed_at = $4
         WHERE id = $1 AND token_hash = $2 AND confirmed_at IS NULL AND revoked_at IS NULL",
    )
    .bind(id)
    .bind(old_hash)
    .bind(new_hash)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 1 {
        super::retired_tokens::retire(conn, old_hash, LinkKind::SupportConfirm, Retired::Used, now).await?;
    }
    Ok(done.rows_affected() == 1)
}

/// Who a revoked grant was for, to tell them.
#[derive(Debug, sqlx::FromRow)]
pub struct Revoked {
    pub name: String,
    pub email: String,
    pub confirmed: bool,
}

/// Ends grant `id` of `owner` now; None when it is not theirs or already ended.
pub async fn revoke(
    conn: &mut PgConnection,
    owner: Owner,
    id: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<Revoked>> {
    let (application_id, draft_id) = owner.ids();
    sqlx::query_as(
        "UPDATE support_grants SET revoked_at = $4
         WHERE id = $1 AND (application_id = $2 OR draft_id = $3) AND revoked_at IS NULL
         RETURNING name, email, confirmed_at IS NOT NULL AS confirmed",
    )
    .bind(id)
    .bind(application_id)
    .bind(draft_id)
    .bind(now)
    .fetch_optional(conn)
    .await
}

/// One use of a helper's link: `read`, `opened_draft`, `edited_draft` or `mail_copy`.
pub async fn record_use(
    conn: &mut PgConnection,
    grant_id: i64,
    application_id: Option<i64>,
    action: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO support_uses (grant_id, application_id, action, at) VALUES ($1, $2, $3, $4)")
        .bind(grant_id)
        .bind(application_id)
        .bind(action)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// A use, as the applicant's page lists it.
#[derive(Debug, sqlx::FromRow)]
pub struct Use {
    pub name: String,
    pub action: String,
    pub at: DateTime<Utc>,
}

/// The latest 200 uses of the owner's grants, newest first.
pub async fn uses_of(pool: &PgPool, owner: Owner) -> sqlx::Result<Vec<Use>> {
    let (application_id, draft_id) = owner.ids();
    sqlx::query_as(
        "SELECT g.name, u.action, u.at FROM support_uses u JOIN support_grants g ON g.id = u.grant_id
         WHERE g.application_id = $1 OR g.draft_id = $2 ORDER BY u.at DESC, u.id DESC LIMIT 200",
    )
    .bind(application_id)
    .bind(draft_id)
    .fetch_all(pool)
    .await
}

/// The draft was sent as application `application_id`: its grants and their
/// uses now belong to the application (inside the sending transaction).
pub async fn move_to_application(conn: &mut PgConnection, draft_id: i64, application_id: i64) -> sqlx::Result<()> {
    sqlx::query(
        "WITH moved AS (UPDATE support_grants SET draft_id = NULL, application_id = $2 WHERE draft_id = $1 RETURNING id)
         UPDATE support_uses SET application_id = $2 WHERE grant_id IN (SELECT id FROM moved)",
    )
    .bind(draft_id)
    .bind(application_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Where copies of the interview and offer mails go: proven, unrevoked
/// grants with `mail_copies`, as (grant id, name, address).
pub async fn copy_recipients(conn: &mut PgConnection, application_id: i64) -> sqlx::Result<Vec<(i64, String, String)>> {
    sqlx::query_as(
        "SELECT id, name, email FROM support_grants WHERE application_id = $1 AND may_mail_copies
           AND confirmed_at IS NOT NULL AND revoked_at IS NULL ORDER BY id",
    )
    .bind(application_id)
    .fetch_all(conn)
    .await
}

/// A draft's form, for a helper who may edit it.
pub struct DraftForm {
    pub fields: ApplicationFields,
    pub intake_slug: String,
    pub expires_at: DateTime<Utc>,
}

/// The draft's fields, opened; None once it is gone.
pub async fn draft_form(pool: &PgPool, key: &FieldKey, draft_id: i64) -> sqlx::Result<Option<DraftForm>> {
    let row: Option<(Vec<u8>, String, DateTime<Utc>)> = sqlx::query_as(
        "SELECT d.fields_sealed, i.slug, d.expires_at FROM drafts d JOIN intakes i ON i.id = d.intake_id WHERE d.id = $1",
    )
    .bind(draft_id)
    .fetch_optional(pool)
    .await?;
    let Some((sealed, intake_slug, expires_at)) = row else { return Ok(None) };
    let fields = key.open_json(Field::DraftFields, draft_id, &sealed).map_err(super::sealed::unreadable)?;
    Ok(Some(DraftForm { fields, intake_slug, expires_at }))
}
