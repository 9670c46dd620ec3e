//! Staff side of interviews: making slots, inviting, recording assessments.
//! The use cases are in `flows::interviews`.
use axum::{
    Router,
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
    routing::post,
};
use chrono::NaiveTime;
use serde::Deserialize;

use super::{
    Staff,
    done::{self, Kind},
    intakes::status_label,
};
use crate::{
    domain::{
        application::Status,
        interview::{Assessment, Score, SlotFieldError, SlotPlan, SlotPlanError},
        local_time::parse_date,
    },
    flows::interviews::{
        assess::{self, Assessed},
        invite::{self, Invited, InvitedMany},
        slots::{self, Created, SlotRequest},
    },
    i18n::{AdminStrings, Lang, fill},
    web::{
        AppState,
        error::{AppError, AppResult},
        form::{Form, FormFields},
        notice::NoticePage,
        page::PageContext,
    },
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/intakes/{id}/slots", post(make_slots))
        .route("/admin/intakes/{id}/slots/{slot}/remove", post(remove_slot))
        .route("/admin/applications/{reference}/invite", post(invite_one))
        .route("/admin/applications/invite", post(invite_many))
        .route("/admin/applications/{reference}/assessment", post(assess))
}

/// The slot form of the intake page.
#[derive(Deserialize, Default)]
#[serde(default)]
struct SlotsForm {
    date: String,
    from: String,
    to: String,
    minutes: String,
    buffer_minutes: String,
    place: String,
    panel: Vec<String>,
}

impl SlotsForm {
    fn plan(&self) -> Result<SlotPlan, SlotFieldError> {
        let time = |text: &str| NaiveTime::parse_from_str(text.trim(), "%H:%M").ok();
        let date = parse_date(&self.date).ok_or(SlotFieldError::Date)?;
        let (from, to) = (time(&self.from), time(&self.to));
        let (Some(from), Some(to)) = (from, to) else { return Err(SlotFieldError::Time) };
        let length_minutes = self.minutes.trim().parse::<i64>().map_err(|_| SlotFieldError::Number)?;
        let buffer_minutes = match self.buffer_minutes.trim() {
            "" => 0,
            text => text.parse::<i64>().map_err(|_| SlotFieldError::Number)?,
        };
        Ok(SlotPlan { date, from, to, length_minutes, buffer_minutes })
    }

    fn request(self) -> SlotRequest {
        let panel = panel(&self.panel);
        SlotRequest { plan: self.plan(), place: self.place.trim().to_string(), panel }
    }
}

/// At most two panel members, by user id.
pub(super) fn panel(ids: &[String]) -> Vec<i64> {
    ids.iter().filter_map(|p| p.parse().ok()).take(2).collect()
}

fn slot_message(s: &'static AdminStrings, created: &Created) -> &'static str {
    match created {
        Created::BadFields(SlotFieldError::Date) | Created::BadPlan(SlotPlanError::NotAnInterviewDay) => {
            s.err_not_interview_day
        }
        Created::BadFields(SlotFieldError::Time) => s.err_time,
        Created::BadFields(SlotFieldError::Number) => s.err_number,
        Created::BadPlan(SlotPlanError::BadTimes) => s.err_slot_times,
        Created::BadPlan(SlotPlanError::NothingFits) | Created::Done(_) => s.err_nothing_fits,
    }
}

async fn make_slots(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    lang: Lang,
    fields: FormFields,
) -> AppResult<Response> {
    let Ok(form) = fields.decode::<SlotsForm>() else { return Ok(StatusCode::UNPROCESSABLE_ENTITY.into_response()) };
    match slots::create(&state, &staff.actor(), id, form.request()).await? {
        Created::Done(n) => {
            Ok(Redirect::to(&done::to(&format!("/admin/intakes/{id}"), Kind::Slots, n, "slots")).into_response())
        }
        problem => {
            let message = slot_message(lang.admin(), &problem);
            super::intakes::slot_error(&state, &staff, id, lang, &fields, message).await
        }
    }
}

async fn remove_slot(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, slot)): Path<(i64, i64)>,
    lang: Lang,
) -> AppResult<Response> {
    if slots::remove(&state, &staff.actor(), id, slot).await? {
        return Ok(
            Redirect::to(&done::to(&format!("/admin/intakes/{id}"), Kind::SlotRemoved, 1, "slots")).into_response()
        );
    }
    let s = lang.admin();
    let page = NoticePage::new(PageContext::new(lang, "/admin"), s.slot_held_title, vec![s.slot_held_text.into()])
        .link(format!("/admin/intakes/{id}#slots"), s.nav_intakes);
    Ok(page.respond(StatusCode::CONFLICT))
}

async fn invite_one(
    State(state): State<AppState>,
    staff: Staff,
    Path(reference): Path<String>,
    lang: Lang,
) -> AppResult<Response> {
    match invite::invite(&state, &staff.actor(), &reference).await? {
        Invited::Done => {
            let back = format!("/admin/applications/{reference}");
            Ok(Redirect::to(&done::to(&back, Kind::Invited, 1, "interview")).into_response())
        }
        Invited::NotFound => Err(AppError::NotFound),
        Invited::WrongStatus(status) => Ok(wrong_status(lang, &reference, status)),
    }
}

fn wrong_status(lang: Lang, reference: &str, status: Status) -> Response {
    let s = lang.admin();
    let text = fill(s.invite_wrong_status_text, &[&status_label(s, status)]);
    NoticePage::new(PageContext::new(lang, "/admin"), s.invite_wrong_status_title, vec![text])
        .link(format!("/admin/applications/{reference}"), s.back_to_application)
        .respond(StatusCode::CONFLICT)
}

/// The chosen applications of the list page: the ticked ones, or with
/// `scope=all` every invitable row the filter showed (`all`).
#[derive(Deserialize, Default)]
#[serde(default)]
struct InviteForm {
    reference: Vec<String>,
    all: Vec<String>,
    scope: String,
    /// `yes`: invite even with fewer free interview times than people.
    anyway: String,
}

impl InviteForm {
    fn chosen(self) -> Vec<String> {
        let mut chosen = if self.scope == "all" { self.all } else { self.reference };
        let mut seen = std::collections::HashSet::new();
        chosen.retain(|r| seen.insert(r.clone()));
        chosen
    }
}

/// Invites every chosen application that can be invited; the others are left as they are.
async fn invite_many(
    State(state): State<AppState>,
    staff: Staff,
    lang: Lang,
    Form(form): Form<InviteForm>,
) -> AppResult<Response> {
    let anyway = form.anyway == "yes";
    let chosen = form.chosen();
    match invite::invite_all(&state, &staff.actor(), &chosen, anyway).await? {
        InvitedMany::Done(n) => {
            Ok(Redirect::to(&done::to("/admin/applications?status=invited", Kind::Invited, n, "")).into_response())
        }
        InvitedMany::TooFewSlots { need, free } => super::invite_check::page(lang, &staff, chosen, need, free),
    }
}

/// One panel member's assessment form.
#[derive(Deserialize, Default)]
#[serde(default)]
struct AssessForm {
    no_show: String,
    motivation: String,
    reflection: String,
    distance: String,
    competence_building: String,
    notes: String,
}

impl AssessForm {
    fn parse(&self) -> Assessment {
        let score = |text: &str| text.parse::<i16>().ok().and_then(Score::from_value);
        let scores = [&self.motivation, &self.reflection, &self.distance, &self.competence_building].map(|s| score(s));
        Assessment { no_show: self.no_show == "yes", scores, notes: self.notes.trim().to_string() }
    }
}

async fn assess(
    State(state): State<AppState>,
    staff: Staff,
    Path(reference): Path<String>,
    lang: Lang,
    Form(form): Form<AssessForm>,
) -> AppResult<Response> {
    match assess::assess(&state, &staff.actor(), &reference, &form.parse()).await? {
        Assessed::Done => {
            let back = format!("/admin/applications/{reference}");
            Ok(Redirect::to(&done::to(&back, Kind::Assessed, 1, "assessment")).into_response())
        }
        Assessed::Incomplete(detail) => {
            super::applications::assessment_error(&state, &staff, &detail, lang, lang.admin().err_score).await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slots(body: &str) -> SlotsForm {
        FormFields::parse(body.as_bytes()).decode().unwrap()
    }

    #[test]
    fn the_slot_form_reports_the_first_field_that_does_not_read() {
        assert_eq!(slots("date=x&from=09:00&to=12:00&minutes=45").plan(), Err(SlotFieldError::Date));
        assert_eq!(slots("date=2027-08-27&from=9&to=12:00&minutes=45").plan(), Err(SlotFieldError::Time));
        assert_eq!(slots("date=2027-08-27&from=09:00&to=12:00&minutes=x").plan(), Err(SlotFieldError::Number));
        assert_eq!(
            slots("date=2027-08-27&from=09:00&to=12:00&minutes=45&buffer_minutes=x").plan(),
            Err(SlotFieldError::Number)
        );
        let plan = slots("date=2027-08-27&from=+09:00&to=12:00&minutes=45&buffer_minutes=").plan().unwrap();
        assert_eq!((plan.length_minutes, plan.buffer_minutes), (45, 0));
    }

    #[test]
    fn at_most_two_panel_members_are_taken() {
        let request = slots("panel=1&panel=x&panel=2&panel=3&place=+Aula+").request();
        assert_eq!(request.panel, [1, 2]);
        assert_eq!(request.place, "Aula");
    }

    #[test]
    fn scores_out_of_range_are_missing_and_a_no_show_needs_none() {
        let form: AssessForm =
            FormFields::parse(b"motivation=4&reflection=5&distance=1&competence_building=2&notes=+ok+")
                .decode()
                .unwrap();
        let a = form.parse();
        assert_eq!(a.scores[1], None);
        assert!(!a.is_complete());
        assert_eq!(a.notes, "ok");
        let no_show: AssessForm = FormFields::parse(b"no_show=yes&motivation=4").decode().unwrap();
        assert!(no_show.parse().is_complete());
        assert_eq!(no_show.parse().stored_scores(), [None; 4]);
    }
}
