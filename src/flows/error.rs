//! The one error of the use cases; the web layer maps it to a status page.
use crate::domain::actor::Actor;
use crate::domain::staff::Permission;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// What was asked for does not exist (or is not the caller's to see): 404.
    #[error("not found")]
    NotFound,
    /// The actor lacks the permission: 403.
    #[error("forbidden")]
    Forbidden,
    /// The actor lacks this permission: 403, naming the role that has it.
    #[error("forbidden: needs {0:?}")]
    Refused(Permission),
    /// Every turn at argon2 stayed taken (`auth::password::WAIT`): 429.
    #[error(transparent)]
    Busy(#[from] crate::auth::password::Busy),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    /// A mail could not be rendered.
    #[error(transparent)]
    Mail(#[from] crate::mail::RenderError),
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

pub type FlowResult<T> = Result<T, Error>;

impl Error {
    /// A stored value that storage could not read back: a fault, never the user's.
    pub fn stored(what: &str) -> Self {
        Error::Other(anyhow::anyhow!("stored {what} unreadable"))
    }
}

/// `Forbidden` unless `actor` holds `permission`.
pub fn require(actor: &Actor, permission: Permission) -> FlowResult<()> {
    if actor.may(permission) { Ok(()) } else { Err(Error::Refused(permission)) }
}

impl From<crate::auth::password::PasswordError> for Error {
    fn from(err: crate::auth::password::PasswordError) -> Self {
        match err {
            crate::auth::password::PasswordError::Busy(busy) => Error::Busy(busy),
            other => Error::Other(other.into()),
        }
    }
}
