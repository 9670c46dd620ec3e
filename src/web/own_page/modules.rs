//! The participant's modules (`/my-application/{token}/modules`, contract
//! "Modules of a modular course"): choose modules; mandatory ones for the
//! role are fixed; a full module is 409; a confirmation after saving.
use askama::Template;
use axum::{
    extract::{Path, Query, State},
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
};
use serde::Deserialize;

use super::{Access, AppState, Done, Form, NoticePage, PageContext, access};
use crate::{
    flows::modules::{self as flow, Chosen, Own},
    i18n::{Lang, ModuleStrings, dates, fill},
    web::{
        admin::cohorts::module_lines::{completion_name, role_name, when},
        error::{AppError, AppResult},
    },
};

#[derive(Template)]
#[template(path = "pages/own/modules.html")]
struct ModulesPage {
    ctx: PageContext,
    ms: &'static ModuleStrings,
    token: String,
    role: String,
    rule: String,
    state: String,
    completion: &'static str,
    saved: bool,
    modules: Vec<Choice>,
}

/// One module as the participant sees it.
struct Choice {
    id: i64,
    title: String,
    when: String,
    chosen: bool,
    /// Mandatory for the role: chosen and cannot be dropped.
    fixed: bool,
    /// Started: the sign-up stays as it is.
    started: bool,
    /// No place left and not theirs.
    full: bool,
    places_left: String,
}

fn page(lang: Lang, token: &str, own: &Own, saved: bool) -> AppResult<String> {
    let (t, m) = (lang.modules(), &own.modular);
    let modules = m.modules.iter().map(|x| {
        let chosen = own.signed_up.contains(&x.id) || own.fixed.contains(&x.id);
        let left = (x.capacity as usize).saturating_sub(m.taken(x.id));
        Choice {
            id: x.id,
            title: x.title.clone(),
            when: when(lang, x),
            chosen,
            fixed: own.fixed.contains(&x.id),
            started: x.has_started(m.now),
            full: left == 0 && !own.signed_up.contains(&x.id),
            places_left: if left == 1 { t.own_places_left_one.to_string() } else { fill(t.own_places_left, &[&left]) },
        }
    });
    let page = ModulesPage {
        ctx: PageContext::new(lang, &format!("/my-application/{token}/modules")),
        ms: t,
        token: token.to_string(),
        role: own
            .role
            .map_or(t.own_role_unknown.into(), |r| fill(t.own_role, &[&role_name(lang, Some(r)), &own.intro_days()])),
        rule: fill(t.own_rule, &[&dates::long_date(lang, own.deadline()), &m.rules.min_attendance_percent]),
        state: fill(t.own_state, &[&completion_name(lang, own.completion)]),
        completion: own.completion.key(),
        saved,
        modules: modules.collect(),
    };
    Ok(page.render()?)
}

pub(super) async fn show(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Query(done): Query<Done>,
    lang: Lang,
) -> AppResult<Response> {
    let link = match access(&state, &token, lang).await? {
        Access::Open(link) => link,
        closed => return Ok(closed.refusal(lang)),
    };
    let own = flow::own(&state, &link).await?.ok_or(AppError::NotFound)?;
    let saved = done.done.as_deref() == Some("saved");
    Ok(Html(page(lang, &token, &own, saved)?).into_response())
}

/// The chosen modules (`module` repeated ids); ids that do not parse are ignored.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct ChoiceForm {
    module: Vec<String>,
}

pub(super) async fn save(
    State(state): State<AppState>,
    Path(token): Path<String>,
    lang: Lang,
    Form(form): Form<ChoiceForm>,
) -> AppResult<Response> {
    let link = match access(&state, &token, lang).await? {
        Access::Open(link) => link,
        closed => return Ok(closed.refusal(lang)),
    };
    let chosen: Vec<i64> = form.module.iter().filter_map(|m| m.trim().parse().ok()).collect();
    let back = format!("/my-application/{token}/modules");
    match flow::choose(&state, &link, &chosen).await? {
        Chosen::Saved => Ok(Redirect::to(&format!("{back}?done=saved")).into_response()),
        Chosen::NotFound => Err(AppError::NotFound),
        Chosen::Full(title) => {
            let t = lang.modules();
            let page = NoticePage::new(PageContext::new(lang, &back), t.full_title, vec![fill(t.full_text, &[&title])]);
            Ok(page.link(back, t.own_title).respond(StatusCode::CONFLICT))
        }
    }
}
