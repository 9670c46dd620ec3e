//! A modular course's modules (contract "Modules of a modular course"):
//! adding a module (422 with the form and its messages on bad input) and
//! recording attendance; the page's lines are in `module_lines`.
use askama::Template;
use axum::{
    extract::{Path, State},
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
};
use chrono::{NaiveDate, NaiveTime};
use serde::Deserialize;

use super::{
    super::{AdminContext, Staff, done},
    module_lines::role_name,
    notice,
};
use crate::{
    domain::{eligibility::facts::PeerRole, local_time::parse_date, staff::Permission},
    flows::modules::{self as flow, Recorded},
    i18n::{Lang, ModuleStrings},
    storage::modules::NewModule,
    web::{
        AppState,
        error::{AppError, AppResult},
        form::Form,
        page::PageContext,
    },
};

/// The add-module form as typed (contract: `title`, `date`, `from`, `to`,
/// `mandatory_for` repeated, `capacity`).
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub(super) struct ModuleForm {
    title: String,
    date: String,
    from: String,
    to: String,
    mandatory_for: Vec<String>,
    capacity: String,
}

/// A module once every field parses.
struct Parsed {
    title: String,
    date: NaiveDate,
    starts: NaiveTime,
    ends: NaiveTime,
    roles: Vec<PeerRole>,
    capacity: u32,
}

fn time(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").ok()
}

impl ModuleForm {
    /// The module, or each field's error as (field id, message).
    fn parse(&self, t: &ModuleStrings) -> Result<Parsed, Vec<(&'static str, &'static str)>> {
        let title = self.title.trim();
        let title_ok = !title.is_empty() && title.chars().count() <= 200;
        let date = parse_date(&self.date);
        let times = time(&self.from).zip(time(&self.to)).filter(|(s, e)| e > s);
        let roles: Option<Vec<PeerRole>> = self.mandatory_for.iter().map(|k| PeerRole::from_key(k.trim())).collect();
        let capacity = self.capacity.trim().parse::<u32>().ok().filter(|c| (1..=500).contains(c));
        let mut errors = Vec::new();
        let checks = [
            (title_ok, "mo-title", t.err_title),
            (date.is_some(), "mo-date", t.err_date),
            (times.is_some(), "mo-from", t.err_times),
            (roles.is_some(), "mo-role-paid_peer", t.err_role),
            (capacity.is_some(), "mo-capacity", t.err_capacity),
        ];
        for (ok, field, message) in checks {
            if !ok {
                errors.push((field, message));
            }
        }
        match (date, times, roles, capacity) {
            (Some(date), Some((starts, ends)), Some(roles), Some(capacity)) if errors.is_empty() => {
                Ok(Parsed { title: title.to_string(), date, starts, ends, roles, capacity })
            }
            _ => Err(errors),
        }
    }
}

/// The add-module form on the page: values typed and errors beside the fields.
pub(super) struct FormView {
    pub title: String,
    pub date: String,
    pub from: String,
    pub to: String,
    /// (key, label, checked)
    pub roles: Vec<(&'static str, &'static str, bool)>,
    pub capacity: String,
    pub errors: Vec<(String, &'static str)>,
}

impl FormView {
    fn new(lang: Lang, form: &ModuleForm, errors: &[(&'static str, &'static str)]) -> Self {
        let roles = PeerRole::ALL
            .iter()
            .map(|r| (r.key(), role_name(lang, Some(*r)), form.mandatory_for.iter().any(|k| k == r.key())));
        FormView {
            title: form.title.clone(),
            date: form.date.clone(),
            from: form.from.clone(),
            to: form.to.clone(),
            roles: roles.collect(),
            capacity: form.capacity.clone(),
            errors: errors.iter().map(|(field, message)| (format!("#{field}"), *message)).collect(),
        }
    }

    /// A fresh form: 09:00-13:00 (Region H's 4-hour module), 20 places.
    pub fn blank(lang: Lang) -> Self {
        let form = ModuleForm { from: "09:00".into(), to: "13:00".into(), capacity: "20".into(), ..Default::default() };
        Self::new(lang, &form, &[])
    }

    /// The message for the field, if it has one.
    pub fn error(&self, field: &str) -> Option<&'static str> {
        self.errors.iter().find(|(href, _)| href.trim_start_matches('#') == field).map(|(_, m)| *m)
    }
}

#[derive(Template)]
#[template(path = "admin/module_new.html")]
struct NewModulePage {
    ctx: PageContext,
    a: AdminContext,
    ms: &'static ModuleStrings,
    id: i64,
    mf: FormView,
}

/// POST `/admin/cohorts/{id}/modules`: 303 back to the cohort, 422 with the form.
pub(super) async fn add(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    lang: Lang,
    Form(form): Form<ModuleForm>,
) -> AppResult<Response> {
    staff.require(Permission::ManageIntakes)?;
    let p = match form.parse(lang.modules()) {
        Ok(p) => p,
        Err(errors) => {
            let (ctx, a) = AdminContext::frame(lang, &format!("/admin/cohorts/{id}"), &staff, "intakes");
            let mf = FormView::new(lang, &form, &errors);
            let page = NewModulePage { ctx, a, ms: lang.modules(), id, mf };
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response());
        }
    };
    let new = NewModule {
        title: &p.title,
        date: p.date,
        starts: p.starts,
        ends: p.ends,
        mandatory_for: &p.roles,
        capacity: p.capacity,
    };
    if !flow::add(&state, &staff.actor(), id, &new).await? {
        return Err(AppError::NotFound);
    }
    let to = done::to(&format!("/admin/cohorts/{id}"), done::Kind::CohortSaved, 1, "modules");
    Ok(Redirect::to(&to).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct PresentForm {
    /// References of those present; anyone else signed up is absent.
    present: Vec<String>,
}

/// POST `/admin/cohorts/{id}/modules/{module}/attendance`: 303; 409 before the module starts.
pub(super) async fn attendance(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, module)): Path<(i64, i64)>,
    lang: Lang,
    Form(form): Form<PresentForm>,
) -> AppResult<Response> {
    staff.require(Permission::ManageIntakes)?;
    let t = lang.modules();
    match flow::record(&state, &staff.actor(), id, module, &form.present).await? {
        Recorded::Done => {
            let to = done::to(&format!("/admin/cohorts/{id}"), done::Kind::Attendance, 1, &format!("module-{module}"));
            Ok(Redirect::to(&to).into_response())
        }
        Recorded::NotFound => Err(AppError::NotFound),
        Recorded::NotStarted => {
            let back = format!("/admin/cohorts/{id}#module-{module}");
            Ok(notice(lang, t.not_started_title, t.not_started_text.into(), back, StatusCode::CONFLICT))
        }
    }
}
