//! A staff note on an application.
use axum::{
    extract::{Path, State},
    response::{IntoResponse, Redirect, Response},
};

use super::{
    super::{
        Staff,
        done::{self, Kind},
    },
    detail,
};
use crate::{
    domain::staff::Permission,
    flows,
    i18n::Lang,
    web::{AppState, error::AppResult, form::Form},
};

const BODY_MAX: usize = 5000;

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct NoteForm {
    body: String,
}

impl NoteForm {
    /// The note, trimmed; `None` when empty or longer than 5000 characters.
    fn parse(&self) -> Option<&str> {
        Some(self.body.trim()).filter(|b| !b.is_empty() && b.chars().count() <= BODY_MAX)
    }
}

pub async fn add_note(
    State(state): State<AppState>,
    staff: Staff,
    Path(reference): Path<String>,
    lang: Lang,
    Form(form): Form<NoteForm>,
) -> AppResult<Response> {
    staff.require(Permission::DecideApplications)?;
    let actor = staff.actor();
    let detail = flows::review::load(&state, &actor, &reference).await?;
    let Some(body) = form.parse() else {
        let page = detail::page(&state, lang, &staff, &detail).await?;
        return page.with_note_error(lang.admin().err_note_empty).refused();
    };
    flows::review::add_note(&state, &actor, detail.id, body).await?;
    let back = format!("/admin/applications/{reference}");
    Ok(Redirect::to(&done::to(&back, Kind::Note, 1, "notes")).into_response())
}
