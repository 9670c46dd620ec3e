//! The one answer for link tokens that do not open: a token never issued is
//! 404; one that was issued and no longer works is 410 with a page saying
//! what happened and what to do. Handlers answer from a live row's state with
//! [`gone`], and on a miss ask [`missing`], which reads `retired_tokens`.
use axum::{
    Router,
    extract::{Path, State},
    http::StatusCode,
    response::Response,
    routing::get,
};

use super::{
    AppState,
    error::{AppError, AppResult},
    notice::NoticePage,
    page::PageContext,
};
use crate::{
    domain::{
        link::{LinkKind, Retired},
        offer_kind::OfferKind,
    },
    i18n::Lang,
    storage, tokens,
};

/// Pages that a POST on a link redirects to once the link is spent, so the
/// redirect does not land on its own 410.
pub fn router() -> Router<AppState> {
    Router::new().route("/done/{what}", get(done))
}

/// The `{token}` of a link's path, checked and hashed: a token we could not
/// have made is 404 before any lookup. Rows are found by the hash only.
pub struct LinkToken {
    pub hash: Vec<u8>,
}

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for LinkToken {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Path(params) = Path::<std::collections::HashMap<String, String>>::from_request_parts(parts, state)
            .await
            .map_err(|_| AppError::NotFound)?;
        let token = params.get("token").ok_or(AppError::NotFound)?;
        Ok(LinkToken { hash: hash_of(token)? })
    }
}

/// The hash to look up; a token we could not have made is unknown.
pub fn hash_of(token: &str) -> AppResult<Vec<u8>> {
    if tokens::is_well_formed(token) { Ok(tokens::hash(token)) } else { Err(AppError::NotFound) }
}

/// 410 for a retired token of `kind`, 404 for anything else.
pub async fn missing(state: &AppState, lang: Lang, kind: LinkKind, hash: &[u8]) -> AppResult<Response> {
    let mut conn = state.pool.acquire().await?;
    match storage::retired_tokens::find(&mut conn, hash, kind).await? {
        Some(_) if matches!(kind, LinkKind::Support | LinkKind::SupportConfirm) => {
            Ok(super::support::ended(lang, lang.support().ended_over_text))
        }
        Some(reason) => Ok(gone(lang, kind, reason)),
        None => Err(AppError::NotFound),
    }
}

fn title_of(t: &crate::i18n::LinkStrings, reason: Retired) -> &'static str {
    match reason {
        Retired::Superseded => t.superseded_title,
        Retired::Used => t.used_title,
        Retired::Expired => t.expired_title,
        Retired::Over => t.over_title,
    }
}

/// The kind 410 page for a link of `kind` that stopped working for `reason`.
pub fn gone(lang: Lang, kind: LinkKind, reason: Retired) -> Response {
    let t = lang.links();
    let title = title_of(t, reason);
    use LinkKind as K;
    let text = match (reason, kind) {
        (Retired::Superseded, _) => t.superseded_text,
        (Retired::Expired, K::Draft) => t.draft_expired_text,
        (Retired::Expired, _) => t.expired_text,
        (_, K::MeetingConfirm) => t.meeting_cancelled_text,
        (_, K::MeetingCancel) => t.meeting_cancel_used_text,
        (_, K::MeetingInvitation) => t.invitation_used_text,
        (_, K::InterestConfirm) => t.interest_used_text,
        (_, K::Unsubscribe) => t.unsubscribe_used_text,
        (_, K::Draft) => t.draft_over_text,
        (_, K::Receipt | K::OwnPage) => t.erased_text,
        (_, K::InterviewBooking) => t.booking_over_text,
        (Retired::Used, K::Offer) => t.offer_used_text,
        (_, K::Offer) => t.offer_over_text,
        (_, K::Feed) => t.feed_over_text,
        (_, K::StaffActivation) => lang.admin().activate_spent_text,
        (_, K::EnrolmentConfirm) => t.enrolment_confirm_over_text,
        (_, K::Enrolment) => t.enrolment_over_text,
        (_, K::Support | K::SupportConfirm) => lang.support().ended_over_text,
    };
    let link = match (reason, kind) {
        (_, K::StaffActivation) => ("/admin/login", t.sign_in_link),
        (Retired::Over, K::Receipt | K::OwnPage) => ("/", t.front_page_link),
        (Retired::Used | Retired::Over, K::Draft | K::InterviewBooking | K::Offer) => {
            ("/my-application", t.own_page_link)
        }
        _ => ("/", t.front_page_link),
    };
    NoticePage::new(PageContext::new(lang, "/"), title, vec![text.into(), t.other_text.into()])
        .link(link.0.into(), link.1)
        .respond(StatusCode::GONE)
}

async fn done(State(_): State<AppState>, Path(what): Path<String>, lang: Lang) -> AppResult<Response> {
    let (c, m) = (lang.cohort(), lang.meeting());
    let (place, job) = (c.offer_words(OfferKind::Place), c.offer_words(OfferKind::Job));
    let (title, text) = match what.as_str() {
        "offer-accepted" => (place.accepted_title, place.accepted_text),
        "offer-declined" => (c.offer_declined_title, place.declined_text),
        "job-accepted" => (job.accepted_title, job.accepted_text),
        "job-declined" => (c.offer_declined_title, job.declined_text),
        "meeting-cancelled" => (m.cancelled_title, m.cancelled_text),
        "enrolment-declined" => (lang.enrolment().declined_title, lang.enrolment().declined_text),
        _ => return Err(AppError::NotFound),
    };
    Ok(NoticePage::new(PageContext::new(lang, "/"), title, vec![text.into()])
        .link("/".into(), lang.links().front_page_link)
        .respond(StatusCode::OK))
}
