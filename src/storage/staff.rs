use sqlx::PgPool;

use crate::domain::{
    email_address::EmailAddress,
    staff::{Role, StaffName},
};

#[derive(Debug, thiserror::Error)]
pub enum AddUserError {
    #[error("a staff user with that e-mail address exists already")]
    EmailTaken,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

pub async fn insert(
    pool: &PgPool,
    email: &EmailAddress,
    name: &StaffName,
    role: Role,
    password_hash: &str,
) -> Result<i64, AddUserError> {
    sqlx::query_scalar("INSERT INTO staff_users (email, name, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING id")
        .bind(email.as_str())
        .bind(name.as_str())
        .bind(role.as_str())
        .bind(password_hash)
        .fetch_one(pool)
        .await
        .map_err(|err| match super::violated_constraint(&err) {
            Some("staff_users_email_key") => AddUserError::EmailTaken,
            _ => AddUserError::Database(err),
        })
}

pub async fn count(pool: &PgPool) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT count(*) FROM staff_users")
        .fetch_one(pool)
        .await
}
