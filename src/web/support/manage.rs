//! The applicant's side (issue 19): from the own page
//! (`/my-application/{token}/support`) or a draft (`/drafts/{token}/support`),
//! see who has access and what they did, invite a helper, take access back.
use askama::Template;
use axum::{
    Router,
    extract::{Path, State},
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
    routing::post,
};
use serde::Deserialize;

use crate::web::support_lines::{Person, people, permission_text, use_lines};
use crate::{
    domain::{actor::Actor, link::LinkKind, support::InviteProblem},
    flows::support::{self as flow, InviteForm, Invited, OwnerLink},
    i18n::{ApplyStrings, Lang, SupportStrings},
    mail::outbox::Requester,
    storage::support::Owner,
    web::{AppState, error::AppResult, form::Form, links::LinkToken, notice::NoticePage, page::PageContext},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/my-application/{token}/support", axum::routing::get(own_page).post(own_invite))
        .route("/my-application/{token}/support/{grant}/revoke", post(own_revoke))
        .route("/drafts/{token}/support", axum::routing::get(draft_page).post(draft_invite))
        .route("/drafts/{token}/support/{grant}/revoke", post(draft_revoke))
}

/// Which applicant link the page hangs under.
#[derive(Clone, Copy)]
enum Base {
    Own,
    Draft,
}

impl Base {
    fn prefix(self) -> &'static str {
        match self {
            Base::Own => "/my-application",
            Base::Draft => "/drafts",
        }
    }
}

/// The owner and the applicant's address behind the link, or the refusal.
async fn owner(state: &AppState, lang: Lang, base: Base, hash: &[u8]) -> AppResult<Result<(Owner, String), Response>> {
    let (found, kind) = match base {
        Base::Own => (flow::by_own_link(state, hash).await?, LinkKind::OwnPage),
        Base::Draft => (flow::by_draft_link(state, hash).await?, LinkKind::Draft),
    };
    Ok(match found {
        OwnerLink::Open { owner, email } => Ok((owner, email)),
        OwnerLink::Unknown => Err(super::super::links::missing(state, lang, kind, hash).await?),
        OwnerLink::Expired => {
            let s = lang.privacy();
            Err(NoticePage::new(PageContext::new(lang, "/"), s.own_expired_title, vec![s.own_expired_text.into()])
                .respond(StatusCode::GONE))
        }
    })
}

#[derive(Template)]
#[template(path = "pages/support/manage.html")]
struct Manage {
    ctx: PageContext,
    s: &'static SupportStrings,
    a: &'static ApplyStrings,
    path: String,
    back: String,
    done: Option<&'static str>,
    people: Vec<Person>,
    uses: Vec<String>,
    errors: Vec<(String, String)>,
    name: String,
    email: String,
    name_error: Option<&'static str>,
    email_error: Option<&'static str>,
    permissions_error: Option<&'static str>,
    ticks: Vec<(&'static str, &'static str, bool)>,
}

/// What the form showed, for the page again after a problem.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Typed {
    name: String,
    email: String,
    permissions: Vec<String>,
}

fn problem_text(s: &'static SupportStrings, p: InviteProblem) -> &'static str {
    match p {
        InviteProblem::NameMissing => s.err_name_missing,
        InviteProblem::NameTooLong => s.err_name_too_long,
        InviteProblem::EmailInvalid => s.err_email_invalid,
        InviteProblem::EmailIsApplicants => s.err_email_is_applicants,
        InviteProblem::NothingTicked => s.err_nothing_ticked,
    }
}

async fn render(
    state: &AppState,
    lang: Lang,
    path: &str,
    owner: Owner,
    typed: &Typed,
    problems: &[InviteProblem],
    done: Option<&'static str>,
) -> AppResult<Response> {
    let s = lang.support();
    let overview = flow::overview(state, owner).await?;
    let message = |p: InviteProblem| problem_text(s, p);
    let of = |field: &str| problems.iter().find(|p| p.field() == field).map(|p| message(*p));
    let ticks = crate::domain::support::Permission::ALL
        .into_iter()
        .map(|p| (p.key(), permission_text(s, p), typed.permissions.iter().any(|t| t == p.key())))
        .collect();
    let page = Manage {
        ctx: PageContext::new(lang, path),
        s,
        a: lang.apply(),
        path: path.to_string(),
        back: path.trim_end_matches("/support").to_string(),
        done,
        people: people(lang, &overview.grants),
        uses: use_lines(lang, &overview.uses),
        errors: problems.iter().map(|p| (format!("#f-{}", p.field()), message(*p).to_string())).collect(),
        name: typed.name.clone(),
        email: typed.email.clone(),
        name_error: of("name"),
        email_error: of("email"),
        permissions_error: of("permissions"),
        ticks,
    };
    let status = if problems.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok((status, Html(page.render()?)).into_response())
}

#[derive(Deserialize, Default)]
struct Done {
    done: Option<String>,
}

async fn show(state: &AppState, lang: Lang, base: Base, t: &LinkToken, path: &str, done: Done) -> AppResult<Response> {
    let (owner, _) = match owner(state, lang, base, &t.hash).await? {
        Ok(found) => found,
        Err(refused) => return Ok(refused),
    };
    let s = lang.support();
    let done = match done.done.as_deref() {
        Some("invited") => Some(s.invite_sent_done),
        Some("revoked") => Some(s.revoked_done),
        _ => None,
    };
    render(state, lang, path, owner, &Typed::default(), &[], done).await
}

async fn invite(
    state: &AppState,
    (lang, base, requester): (Lang, Base, Requester),
    t: &LinkToken,
    path: &str,
    typed: Typed,
) -> AppResult<Response> {
    let (owner, email) = match owner(state, lang, base, &t.hash).await? {
        Ok(found) => found,
        Err(refused) => return Ok(refused),
    };
    let form = InviteForm { name: &typed.name, email: &typed.email, ticked: &typed.permissions };
    match flow::invite(state, &Actor::Applicant, owner, &email, &form, lang, requester).await? {
        Invited::Sent => Ok(Redirect::to(&format!("{path}?done=invited")).into_response()),
        Invited::Invalid(problems) => render(state, lang, path, owner, &typed, &problems, None).await,
        Invited::TooMany => {
            let s = lang.support();
            Ok(NoticePage::new(PageContext::new(lang, path), s.invite_heading, vec![s.err_too_many.into()])
                .link(path.to_string(), s.manage_title)
                .respond(StatusCode::TOO_MANY_REQUESTS))
        }
    }
}

async fn revoke(state: &AppState, lang: Lang, base: Base, token: &str, grant: i64) -> AppResult<Response> {
    let hash = crate::web::links::hash_of(token)?;
    let (owner, _) = match owner(state, lang, base, &hash).await? {
        Ok(found) => found,
        Err(refused) => return Ok(refused),
    };
    flow::revoke(state, &Actor::Applicant, owner, grant).await?;
    Ok(Redirect::to(&format!("{}/{token}/support?done=revoked", base.prefix())).into_response())
}

type Q = axum::extract::Query<Done>;

async fn own_page(
    State(st): State<AppState>,
    t: LinkToken,
    lang: Lang,
    uri: axum::http::Uri,
    q: Q,
) -> AppResult<Response> {
    show(&st, lang, Base::Own, &t, uri.path(), q.0).await
}

async fn draft_page(
    State(st): State<AppState>,
    t: LinkToken,
    lang: Lang,
    uri: axum::http::Uri,
    q: Q,
) -> AppResult<Response> {
    show(&st, lang, Base::Draft, &t, uri.path(), q.0).await
}

async fn own_invite(
    State(st): State<AppState>,
    (t, lang, uri, requester): (LinkToken, Lang, axum::http::Uri, Requester),
    Form(typed): Form<Typed>,
) -> AppResult<Response> {
    invite(&st, (lang, Base::Own, requester), &t, uri.path(), typed).await
}

async fn draft_invite(
    State(st): State<AppState>,
    (t, lang, uri, requester): (LinkToken, Lang, axum::http::Uri, Requester),
    Form(typed): Form<Typed>,
) -> AppResult<Response> {
    invite(&st, (lang, Base::Draft, requester), &t, uri.path(), typed).await
}

async fn own_revoke(
    State(st): State<AppState>,
    lang: Lang,
    Path((token, grant)): Path<(String, i64)>,
) -> AppResult<Response> {
    revoke(&st, lang, Base::Own, &token, grant).await
}

async fn draft_revoke(
    State(st): State<AppState>,
    lang: Lang,
    Path((token, grant)): Path<(String, i64)>,
) -> AppResult<Response> {
    revoke(&st, lang, Base::Draft, &token, grant).await
}
