//! The helper's pages, rendered from a grant and what it may see.
use askama::Template;
use axum::response::{Html, IntoResponse, Response};

use crate::{
    flows::{apply as apply_flow, support::helper::Reading},
    i18n::{Lang, SupportStrings, dates, fill},
    storage::support::{DraftForm, GrantRow},
    web::{
        AppState,
        apply::form_page::{FormPage, FormState, HelperMode},
        error::AppResult,
        own_page::view,
        page::PageContext,
    },
};

#[derive(Template)]
#[template(path = "pages/support/home.html")]
struct Home {
    ctx: PageContext,
    s: &'static SupportStrings,
    allowed: Vec<&'static str>,
    path: String,
    read: bool,
    draft: bool,
    copies: bool,
    attend: bool,
}

/// What the helper was allowed, with a way to each thing.
pub(super) fn home(lang: Lang, path: &str, g: &GrantRow) -> AppResult<Response> {
    let s = lang.support();
    let grant = g.grant();
    let page = Home {
        ctx: PageContext::new(lang, path),
        s,
        allowed: grant.permissions().into_iter().map(|p| crate::web::support_lines::permission_text(s, p)).collect(),
        path: path.to_string(),
        read: grant.read,
        draft: grant.edit_draft && g.application_id.is_none(),
        copies: grant.mail_copies,
        attend: grant.attend_interview,
    };
    Ok(Html(page.render()?).into_response())
}

#[derive(Template)]
#[template(path = "pages/support/read.html")]
struct Read {
    ctx: PageContext,
    s: &'static SupportStrings,
    home: String,
    reference: String,
    intake: String,
    status: &'static str,
    interview: Option<String>,
    personal: Vec<(&'static str, String)>,
    facts: Vec<(&'static str, String)>,
    answers: Vec<(&'static str, String)>,
}

/// The application as the applicant sees it: no staff notes, no assessments.
pub(super) fn read(lang: Lang, home: &str, _g: &GrantRow, r: &Reading) -> AppResult<Response> {
    let p = lang.privacy();
    let d = &r.detail;
    let page = Read {
        ctx: PageContext::new(lang, home),
        s: lang.support(),
        home: home.to_string(),
        reference: d.reference.clone(),
        intake: d.intake_name.clone(),
        status: view::status_text(p, d.status),
        interview: r
            .booking
            .as_ref()
            .map(|b| fill(p.own_interview, &[&dates::long_span(lang, b.starts_at, b.ends_at), &b.place])),
        personal: view::personal(lang, d),
        facts: r.health.as_ref().map(|h| crate::web::apply::labels::stored_facts(lang, &h.facts)).unwrap_or_default(),
        answers: r.health.as_ref().map(|h| view::answers(lang, h)).unwrap_or_default(),
    };
    Ok(Html(page.render()?).into_response())
}

/// The draft's form, posting back to the helper's link; no consent, no sending.
pub(super) async fn draft_form(
    state: &AppState,
    lang: Lang,
    path: &str,
    form: &DraftForm,
    saved: bool,
) -> AppResult<Response> {
    let intake = apply_flow::intake(state, &form.intake_slug).await?;
    let spec = apply_flow::form_spec(&intake)?;
    let key = crate::tokens::generate();
    let fs = FormState { intake: &intake, spec: &spec, submission_key: &key, draft_token: "" };
    let mut page = FormPage::new(lang, &fs, &form.fields, &[]);
    let s = lang.support();
    page.ctx = PageContext::new(lang, path);
    page.action = path.to_string();
    page.helper =
        Some(HelperMode { note: s.draft_note, button: s.draft_save_button, done: saved.then_some(s.draft_saved_done) });
    page.heading = format!("{} – {}", s.draft_title, intake.programme.name);
    Ok(Html(page.render()?).into_response())
}
