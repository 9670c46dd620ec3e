//! Staff accounts: an admin adds a user (who gets an activation link by
//! mail), disables or re-enables one; a new user sets their password from
//! the link.
use chrono::Duration;
use secrecy::SecretString;
use serde_json::json;

use crate::{
    auth::password::{self, PasswordError},
    domain::{
        actor::Actor,
        email_address::EmailAddress,
        staff::{Permission, Role, StaffName},
    },
    flows::{Context, Error, FlowResult, audit, require},
    mail::{messages::users as mails, outbox},
    storage::{
        self,
        staff::{ActivationLink, AddUserError},
    },
    tokens,
};

const ACTIVATION_LIFETIME: Duration = Duration::days(7);

/// A new staff user as an admin entered them, already parsed.
pub struct NewUser {
    pub email: EmailAddress,
    pub name: StaffName,
    pub role: Role,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    Done,
    /// A staff user with that address exists already; nothing was stored.
    EmailTaken,
}

/// Stores `user` without a password, with an activation link valid for 7
/// days, and queues the link's mail, in one transaction; audits
/// `user_added` after the commit. `Forbidden` without `ManageUsers`.
pub async fn add(ctx: &Context, actor: &Actor, user: NewUser) -> FlowResult<Added> {
    require(actor, Permission::ManageUsers)?;
    let token = tokens::generate();
    let now = ctx.now();
    let mut tx = ctx.pool.begin().await?;
    let id = match storage::staff::insert_unactivated(&mut tx, &user.email, &user.name, user.role).await {
        Ok(id) => id,
        Err(AddUserError::EmailTaken) => return Ok(Added::EmailTaken),
        Err(AddUserError::Database(e)) => return Err(e.into()),
    };
    storage::staff::add_activation(&mut tx, id, &tokens::hash(&token), now + ACTIVATION_LIFETIME).await?;
    let mail = mails::activation(&ctx.settings, user.email, &token)?;
    outbox::queue(&mut tx, &ctx.key, &mail, ctx.mail_domain()).await?;
    tx.commit().await?;
    ctx.wake_mail();
    audit(ctx, actor, "user_added", None, json!({ "user_id": id, "role": user.role.as_str() })).await?;
    Ok(Added::Done)
}

/// Disables (ending their sessions) or re-enables user `id`; audits
/// `user_disabled` / `user_enabled`. `Forbidden` without `ManageUsers` or
/// for disabling oneself; `NotFound` for an unknown id.
pub async fn set_disabled(ctx: &Context, actor: &Actor, id: i64, disabled: bool) -> FlowResult<()> {
    require(actor, Permission::ManageUsers)?;
    if disabled && actor.user_id() == Some(id) {
        return Err(Error::Forbidden);
    }
    if !storage::staff::set_disabled(&ctx.pool, id, disabled, ctx.now()).await? {
        return Err(Error::NotFound);
    }
    let action = if disabled { "user_disabled" } else { "user_enabled" };
    audit(ctx, actor, action, None, json!({ "user_id": id })).await
}

/// What an activation link is good for now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    Valid,
    /// Used or expired.
    Spent,
}

/// The state of the activation link with `hash`; `NotFound` if never issued.
pub async fn link(ctx: &Context, hash: &[u8]) -> FlowResult<Link> {
    match storage::staff::activation(&ctx.pool, hash, ctx.now()).await? {
        ActivationLink::Unknown => Err(Error::NotFound),
        ActivationLink::Spent => Ok(Link::Spent),
        ActivationLink::Valid { .. } => Ok(Link::Valid),
    }
}

#[derive(Debug)]
pub enum Activated {
    Done,
    /// Used or expired, before or while the password was set.
    Spent,
    /// The password breaks a rule (`auth::password::check_rules`).
    Refused(PasswordError),
}

/// Sets the new user's password from the link with `hash`, spending it and
/// ending the user's sessions. `NotFound` if the link or the user was never there;
/// `Busy` when argon2 stayed taken.
pub async fn activate(ctx: &Context, hash: &[u8], new_password: SecretString) -> FlowResult<Activated> {
    let now = ctx.now();
    let user_id = match storage::staff::activation(&ctx.pool, hash, now).await? {
        ActivationLink::Unknown => return Err(Error::NotFound),
        ActivationLink::Spent => return Ok(Activated::Spent),
        ActivationLink::Valid { user_id } => user_id,
    };
    let named = storage::staff::email_and_name(&ctx.pool, user_id).await?.ok_or(Error::NotFound)?;
    let rules = password::Context { email: &named.email, name: &named.name };
    if let Err(err) = password::check_rules(&new_password, &rules) {
        return Ok(Activated::Refused(err));
    }
    let phc = password::hash(new_password).await?;
    if !storage::staff::activate(&ctx.pool, hash, user_id, &phc, now).await? {
        return Ok(Activated::Spent);
    }
    Ok(Activated::Done)
}

/// Sets the actor's own password to `phc` (already checked and hashed),
/// ending their sessions but the one whose id hashes to `keep`; audits
/// `password_changed`. `Forbidden` for anyone but staff.
pub async fn set_password(ctx: &Context, actor: &Actor, phc: &str, keep: &[u8]) -> FlowResult<()> {
    let user = actor.user_id().ok_or(Error::Forbidden)?;
    storage::staff::change_password(&ctx.pool, user, phc, keep, ctx.now()).await?;
    audit(ctx, actor, "password_changed", None, json!({})).await
}
