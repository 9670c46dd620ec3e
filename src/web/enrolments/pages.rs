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

/// The form's text inputs: the enroller's group, the person's group, and the note.
struct Inputs<'a> {
    lang: Lang,
    f: &'a EnrolmentFields,
    errors: &'a [FieldError],
}

impl Inputs<'_> {
    fn error(&self, field: Field) -> Option<&'static str> {
        self.errors.iter().find(|e| e.field == field).map(|e| message(self.lang, e.field, e.problem))
    }

    fn input(&self, field: Field, label: &'static str, hint: &'static str, kind: &'static str) -> Input {
        let f = self.f;
        let (value, autocomplete) = match field {
            Field::Organisation => (&f.organisation, "organization"),
            Field::EnrollerName => (&f.enroller_name, "name"),
            Field::EnrollerEmail => (&f.enroller_email, "email"),
            Field::ParticipantName => (&f.participant_name, "off"),
            Field::ParticipantEmail => (&f.participant_email, "off"),
            Field::PeerRole | Field::EnrollerKind => (&f.peer_role, "off"),
            Field::Note => (&f.note, "off"),
        };
        Input { name: field.key(), label, hint, value: value.clone(), error: self.error(field), kind, autocomplete }
    }

    fn groups(&self, kind: EnrollerKind) -> Vec<(&'static str, Vec<Input>)> {
        let t = self.lang.enrolment();
        let organisation = match kind {
            EnrollerKind::Employer => t.organisation_employer,
            EnrollerKind::Caseworker => t.organisation_caseworker,
        };
        let you = vec![
            self.input(Field::Organisation, organisation, "", "text"),
            self.input(Field::EnrollerName, t.enroller_name, "", "text"),
            self.input(Field::EnrollerEmail, t.enroller_email, t.enroller_email_hint, "email"),
        ];
        let them = vec![
            self.input(Field::ParticipantName, t.participant_name, "", "text"),
            self.input(Field::ParticipantEmail, t.participant_email, t.participant_email_hint, "email"),
        ];
        vec![(t.about_you, you), (t.about_participant, them)]
    }

    /// (value, label, checked) of each role; none for a caseworker.
    fn roles(&self, kind: EnrollerKind) -> Vec<(&'static str, &'static str, bool)> {
        match kind {
            EnrollerKind::Employer => PeerRole::ALL
                .iter()
                .map(|r| (r.key(), super::role_label(self.lang, *r), self.f.peer_role.trim() == r.key()))
                .collect(),
            EnrollerKind::Caseworker => Vec::new(),
        }
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
    let inputs = Inputs { lang, f, errors };
    let page = FormPage {
        ctx: PageContext::new(lang, &format!("/intakes/{}/enrol", intake.slug)),
        t,
        heading: if kind == EnrollerKind::Employer { t.title_employer } else { t.title_caseworker },
        programme: format!("{} – {}", intake.programme.name, intake.name),
        action: format!("/intakes/{}/enrol", intake.slug),
        kind: kind.key(),
        errors: errors.iter().map(|e| (format!("#f-{}", e.field.key()), message(lang, e.field, e.problem))).collect(),
        groups: inputs.groups(kind),
        roles: inputs.roles(kind),
        role_error: inputs.error(Field::PeerRole),
        note: vec![inputs.input(Field::Note, t.note, t.note_hint, "textarea")],
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
