//! The page of one application for staff, and its re-renders with a problem
//! in one of its forms.
mod about;
mod actions;
mod criteria;

use askama::Template;
use axum::{
    extract::{Path, State},
    http::StatusCode,
    response::{Html, IntoResponse, Response},
};

use super::super::{AdminContext, Staff, done::Done};
use crate::{
    flows,
    i18n::{CoordinatorStrings, Lang},
    storage::review::Detail,
    web::{AppState, error::AppResult, page::PageContext},
};

#[derive(Template)]
#[template(path = "admin/application.html")]
pub(super) struct DetailPage {
    ctx: PageContext,
    a: AdminContext,
    co: &'static CoordinatorStrings,
    reference: String,
    may_decide: bool,
    /// What the application says and what became of it.
    app: about::About,
    /// What staff may do with it, and the problems of forms just sent.
    act: actions::Actions,
    /// Who enrolled the applicant (empty when they applied directly).
    enroller: Vec<(&'static str, String)>,
    /// Support persons and what they may do (issue 19).
    support: Vec<String>,
}

impl DetailPage {
    /// The page as a 422, after a form on it was refused.
    pub(super) fn refused(&self) -> AppResult<Response> {
        Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(self.render()?)).into_response())
    }

    pub(super) fn with_note_error(mut self, error: &'static str) -> Self {
        self.act.note_error = Some(error);
        self
    }

    pub(super) fn with_status_error(mut self, error: &'static str) -> Self {
        self.act.status_error = Some(error);
        self
    }

    /// The summary of the problems of the forms just sent: (`#field`, message),
    /// each field also saying its message beside itself.
    fn errors(&self) -> Vec<(String, &'static str)> {
        let verdicts = self.app.criteria.iter().filter_map(|c| Some((format!("#v-{}", c.key), c.error?)));
        let act = &self.act;
        let forms =
            [("#f-status", act.status_error), ("#as-scores", act.assessment_error), ("#f-body", act.note_error)];
        verdicts.chain(forms.into_iter().filter_map(|(href, e)| Some((href.to_string(), e?)))).collect()
    }

    /// With a problem in the verdict on `criterion`.
    pub(super) fn with_verdict_error(mut self, criterion: &str, error: &'static str) -> Self {
        for c in self.app.criteria.iter_mut().filter(|c| c.key == criterion) {
            c.error = Some(error);
        }
        self
    }
}

/// The page data of `d` as `staff` sees it, without problems.
pub(super) async fn page(state: &AppState, lang: Lang, staff: &Staff, d: &Detail) -> AppResult<DetailPage> {
    let review = flows::review::gather(state, &staff.actor(), d).await?;
    let enroller = flows::enrolments::enroller_of(state, d.id).await?;
    let support = crate::web::support_lines::staff_lines(state, lang, &staff.actor(), d.id).await?;
    let (ctx, a) = AdminContext::frame(lang, &format!("/admin/applications/{}", d.reference), staff, "applications");
    Ok(DetailPage {
        ctx,
        a,
        co: lang.coordinator(),
        reference: d.reference.clone(),
        may_decide: staff.role.may(crate::domain::staff::Permission::DecideApplications),
        app: about::about(lang, &state.settings.retention, d, &review),
        act: actions::actions(lang, staff, d, review),
        enroller: enroller.map(|e| about::enroller(lang, &e)).unwrap_or_default(),
        support,
    })
}

/// The page again, with a problem in the assessment form.
pub async fn assessment_error(
    state: &AppState,
    staff: &Staff,
    d: &Detail,
    lang: Lang,
    error: &'static str,
) -> AppResult<Response> {
    let mut page = page(state, lang, staff, d).await?;
    page.act.assessment_error = Some(error);
    page.refused()
}

pub async fn show(
    State(state): State<AppState>,
    staff: Staff,
    Path(reference): Path<String>,
    lang: Lang,
    done: Done,
) -> AppResult<Html<String>> {
    let detail = flows::review::show(&state, &staff.actor(), &reference).await?;
    let mut page = page(&state, lang, &staff, &detail).await?;
    page.a.done = done.line(lang);
    Ok(Html(page.render()?))
}
