//! The pages of enrolment: the enrol form (with its problems beside the
//! fields) and the person's page with one button for each answer.
use askama::Template;
use axum::{
    http::StatusCode,
    response::{Html, IntoResponse, Response},
};

use crate::{
    domain::{
        enrolment::{EnrollerKind, EnrolmentFields, Field, FieldError, PeerRole, Problem},
        intake::Intake,
    },
    i18n::{EnrolmentStrings, Lang, fill},
    storage::enrolments::EnrolmentRow,
    web::{error::AppResult, page::PageContext},
};

pub struct Input {
    pub name: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub value: String,
    pub error: Option<&'static str>,
    pub kind: &'static str,
    pub autocomplete: &'static str,
}

#[derive(Template)]
#[template(path = "pages/enrolments/form.html")]
struct FormPage {
    ctx: PageContext,
    t: &'static EnrolmentStrings,
    heading: &'static str,
    programme: String,
    action: String,
    kind: &'static str,
    errors: Vec<(String, &'static str)>,
    groups: Vec<(&'static str, Vec<Input>)>,
    /// (value, label, checked); empty for a caseworker.
    roles: Vec<(&'static str, &'static str, bool)>,
    role_error: Option<&'static str>,
    note: Vec<Input>,
}

/// The message for `problem` in `field`.
fn message(lang: Lang, field: Field, problem: Problem) -> &'static str {
    use Field as F;
    let t = lang.enrolment();
    match (field, problem) {
        (_, Problem::Unreachable) => lang.apply().err_email_unreachable,
        (F::EnrollerKind, _) => t.err_kind,
        (F::Organisation, Problem::TooLong) => t.err_organisation_long,
        (F::Organisation, _) => t.err_organisation_missing,
        (F::EnrollerName | F::ParticipantName, Problem::Missing) => t.err_name_missing,
        (F::EnrollerName | F::ParticipantName, _) => t.err_name_invalid,
        (F::EnrollerEmail | F::ParticipantEmail, Problem::Missing) => t.err_email_missing,
        (F::EnrollerEmail | F::ParticipantEmail, Problem::SameAddress) => t.err_same_address,
        (F::EnrollerEmail | F::ParticipantEmail, _) => t.err_email_invalid,
        (F::PeerRole, _) => t.err_role,
        (F::Note, _) => t.err_note_long,
    }
}

/// The enrol form for `intake` (which takes `kind`), with `f` as typed;
/// 422 when `errors` has any, else 200.
pub fn form_page(
    lang: Lang,
    intake: &Intake,
    kind: EnrollerKind,
    f: &EnrolmentFields,
    errors: &[FieldError],
) -> AppResult<Response> {
    let t = lang.enrolment();
    let err = |field: Field| errors.iter().find(|e| e.field == field).map(|e| message(lang, e.field, e.problem));
    let input = |field: Field, label, hint, value: &str, kind, autocomplete| Input {
        name: field.key(),
        label,
        hint,
        value: value.to_string(),
        error: err(field),
        kind,
        autocomplete,
    };
    let organisation = match kind {
        EnrollerKind::Employer => t.organisation_employer,
        EnrollerKind::Caseworker => t.organisation_caseworker,
    };
    let you = vec![
        input(Field::Organisation, organisation, "", &f.organisation, "text", "organization"),
        input(Field::EnrollerName, t.enroller_name, "", &f.enroller_name, "text", "name"),
        input(Field::EnrollerEmail, t.enroller_email, t.enroller_email_hint, &f.enroller_email, "email", "email"),
    ];
    let them = vec![
        input(Field::ParticipantName, t.participant_name, "", &f.participant_name, "text", "off"),
        input(
            Field::ParticipantEmail,
            t.participant_email,
            t.participant_email_hint,
            &f.participant_email,
            "email",
            "off",
        ),
    ];
    let roles = match kind {
        EnrollerKind::Employer => PeerRole::ALL
            .iter()
            .map(|r| (r.key(), super::role_label(lang, *r), f.peer_role.trim() == r.key()))
            .collect(),
        EnrollerKind::Caseworker => Vec::new(),
    };
    let page = FormPage {
        ctx: PageContext::new(lang, &format!("/intakes/{}/enrol", intake.slug)),
        t,
        heading: if kind == EnrollerKind::Employer { t.title_employer } else { t.title_caseworker },
        programme: format!("{} – {}", intake.programme.name, intake.name),
        action: format!("/intakes/{}/enrol", intake.slug),
        kind: kind.key(),
        errors: errors.iter().map(|e| (format!("#f-{}", e.field.key()), message(lang, e.field, e.problem))).collect(),
        groups: vec![(t.about_you, you), (t.about_participant, them)],
        roles,
        role_error: err(Field::PeerRole),
        note: vec![input(Field::Note, t.note, t.note_hint, &f.note, "textarea", "off")],
    };
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok((status, Html(page.render()?)).into_response())
}

#[derive(Template)]
#[template(path = "pages/enrolments/answer.html")]
struct AnswerPage {
    ctx: PageContext,
    t: &'static EnrolmentStrings,
    title: String,
    enroller: String,
    organisation: String,
    note: Option<String>,
    action: String,
    error: Option<&'static str>,
}

/// The person's page: who enrolled them and the note, one button each; 422
/// with `error` after an answer we could not read.
pub fn answer_page(
    lang: Lang,
    token: &str,
    row: &EnrolmentRow,
    intake: &Intake,
    error: Option<&'static str>,
) -> AppResult<Response> {
    let t = lang.enrolment();
    let page = AnswerPage {
        ctx: PageContext::new(lang, "/"),
        t,
        title: fill(t.answer_title, &[&format!("{} – {}", intake.programme.name, intake.name)]),
        enroller: row.enroller_name.clone(),
        organisation: row.organisation.clone(),
        note: row.note.clone(),
        action: format!("/enrolments/{token}"),
        error,
    };
    let status = if error.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    Ok((status, Html(page.render()?)).into_response())
}
