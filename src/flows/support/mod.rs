//! A support person at the applicant's side (issue 19): the applicant invites
//! and revokes (here); the helper confirms and uses their link (`helper`);
//! mail copies go out beside the interview and offer mails (`copies`).
//! Rules: `domain::support`.
pub mod copies;
pub mod helper;

use crate::{
    domain::{
        actor::Actor,
        consent::{ConsentText, Purpose},
        email_address::EmailAddress,
        support::{self as rules, InviteProblem},
    },
    flows::{Context, Error, FlowResult},
    i18n::Lang,
    mail::{
        messages::support as mails,
        outbox::{self, Requester},
    },
    storage::{
        self,
        support::{GrantRow, NewGrant, Owner, Use},
    },
    tokens,
};

/// The invitation form as typed: name, address, the ticked permission keys.
pub struct InviteForm<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub ticked: &'a [String],
}

/// What inviting did.
pub enum Invited {
    /// The helper was mailed a link to prove their address.
    Sent,
    Invalid(Vec<InviteProblem>),
    /// The address or this client had too many mails from us this hour.
    TooMany,
}

/// The consent text the applicant agrees to by inviting, in `lang`.
pub fn consent_text(lang: Lang) -> ConsentText {
    ConsentText {
        purpose: Purpose::SupportPerson,
        version: rules::CONSENT_VERSION,
        language: lang.code(),
        body: lang.support().consent.to_string(),
    }
}

/// Invites a helper for `owner` (whose address is `applicants_email`): the
/// grant is stored with the consent text agreed to, and its confirmation link
/// mailed within the limits for unproven addresses. Only the applicant invites.
pub async fn invite(
    ctx: &Context,
    actor: &Actor,
    owner: Owner,
    applicants_email: &str,
    form: &InviteForm<'_>,
    lang: Lang,
    requester: Requester,
) -> FlowResult<Invited> {
    if *actor != Actor::Applicant {
        return Err(Error::Forbidden);
    }
    let invitation = match rules::parse_invitation(form.name, form.email, form.ticked, applicants_email) {
        Ok(i) => i,
        Err(problems) => return Ok(Invited::Invalid(problems)),
    };
    if !ctx.mail_reach.reaches(&invitation.email).await {
        return Ok(Invited::Invalid(vec![InviteProblem::EmailInvalid]));
    }
    let now = ctx.now();
    let token = tokens::generate();
    let mut tx = ctx.pool.begin().await?;
    let consent = storage::consent::id_of(&mut tx, &consent_text(lang), now).await?;
    let grant = NewGrant {
        owner,
        name: &invitation.name,
        email: invitation.email.as_str(),
        grant: invitation.grant,
        consent_text_id: consent.id,
        confirm_hash: &tokens::hash(&token),
        now,
        confirm_expires_at: now + rules::CONFIRM_LIFETIME,
    };
    storage::support::insert(&mut tx, &grant).await?;
    let mail = mails::invitation(&ctx.settings, invitation.email.clone(), &token)?;
    if !outbox::queue_unproven(&mut tx, &ctx.key, &mail, ctx.mail_domain(), requester, now).await? {
        return Ok(Invited::TooMany);
    }
    let application_id = match owner {
        Owner::Application(id) => Some(id),
        Owner::Draft(_) => None,
    };
    crate::flows::audit_applicant(&mut tx, "applicant_invited_support", application_id, now).await?;
    tx.commit().await?;
    ctx.wake_mail();
    Ok(Invited::Sent)
}

/// Who has (had) access and what each did, for the applicant.
pub struct Overview {
    pub grants: Vec<GrantRow>,
    pub uses: Vec<Use>,
}

/// The grants of `owner` and their uses.
pub async fn overview(ctx: &Context, owner: Owner) -> FlowResult<Overview> {
    let grants = storage::support::of_owner(&ctx.pool, owner).await?;
    let uses = storage::support::uses_of(&ctx.pool, owner).await?;
    Ok(Overview { grants, uses })
}

/// Ends grant `grant_id` of `owner` at once; a helper who had proven their
/// address is told. False when it was not theirs or had ended already.
pub async fn revoke(ctx: &Context, actor: &Actor, owner: Owner, grant_id: i64) -> FlowResult<bool> {
    if *actor != Actor::Applicant {
        return Err(Error::Forbidden);
    }
    let now = ctx.now();
    let mut tx = ctx.pool.begin().await?;
    let Some(revoked) = storage::support::revoke(&mut tx, owner, grant_id, now).await? else {
        return Ok(false);
    };
    if revoked.confirmed
        && let Ok(to) = EmailAddress::parse(&revoked.email)
    {
        outbox::queue(&mut tx, &ctx.key, &mails::revoked(to)?, ctx.mail_domain()).await?;
    }
    let application_id = match owner {
        Owner::Application(id) => Some(id),
        Owner::Draft(_) => None,
    };
    crate::flows::audit_applicant(&mut tx, "applicant_revoked_support", application_id, now).await?;
    tx.commit().await?;
    ctx.wake_mail();
    Ok(true)
}

/// The applicant's link a support page was opened from.
pub enum OwnerLink {
    /// Never issued or retired (the caller asks `retired_tokens`).
    Unknown,
    Expired,
    /// `email` is the applicant's, which a helper's may not be.
    Open {
        owner: Owner,
        email: String,
    },
}

/// The application behind an own-page link's hash.
pub async fn by_own_link(ctx: &Context, hash: &[u8]) -> FlowResult<OwnerLink> {
    let Some(link) = storage::own_page::link(&ctx.pool, hash).await? else { return Ok(OwnerLink::Unknown) };
    if link.expires_at <= ctx.now() {
        return Ok(OwnerLink::Expired);
    }
    let detail = storage::review::detail(&ctx.pool, &link.reference).await?.ok_or(Error::NotFound)?;
    Ok(OwnerLink::Open { owner: Owner::Application(link.application_id), email: detail.email })
}

/// The draft behind a draft link's hash.
pub async fn by_draft_link(ctx: &Context, hash: &[u8]) -> FlowResult<OwnerLink> {
    Ok(match storage::drafts::by_token(&ctx.pool, &ctx.key, hash).await? {
        None => OwnerLink::Unknown,
        Some(d) if d.expires_at <= ctx.now() => OwnerLink::Expired,
        Some(d) => OwnerLink::Open { owner: Owner::Draft(d.id), email: d.email },
    })
}

/// What staff see of a helper: their name and what they may do; the address
/// only when the applicant allowed copies (issue 19).
pub struct StaffView {
    pub name: String,
    pub grant: rules::Grant,
    pub email: Option<String>,
}

/// The proven, lasting grants of application `application_id`, for a staff
/// member who may already see the application (the caller checked).
pub async fn for_staff(ctx: &Context, actor: &Actor, application_id: i64) -> FlowResult<Vec<StaffView>> {
    if actor.user_id().is_none() {
        return Err(Error::Forbidden);
    }
    let now = ctx.now();
    let grants = storage::support::of_owner(&ctx.pool, Owner::Application(application_id)).await?;
    Ok(grants
        .into_iter()
        .filter(|g| g.confirmed_at.is_some() && rules::ended(g.revoked_at, g.subject(), now).is_none())
        .map(|g| StaffView { email: g.may_mail_copies.then(|| g.email.clone()), grant: g.grant(), name: g.name })
        .collect())
}
