//! A participant's practicum site and supervisor; confirming it mails the
//! supervisor the practicum's dates.
use askama::Template;
use axum::{
    Router,
    extract::{Path, State},
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
    routing::get,
};
use serde_json::json;

use super::{AdminContext, Staff};
use crate::{
    domain::{email_address::EmailAddress, staff::Permission},
    i18n::{Lang, dates, fill},
    mail::{body::MailBody, outbox},
    storage::{self, cohorts::Placement},
    web::{
        AppState,
        error::{AppError, AppResult},
        form::FormFields,
        page::PageContext,
    },
};

pub fn router() -> Router<AppState> {
    Router::new().route("/admin/cohorts/{id}/placements/{reference}", get(form).post(save))
}

#[derive(Template)]
#[template(path = "admin/placement.html")]
struct PlacementPage {
    ctx: PageContext,
    a: AdminContext,
    title: String,
    action: String,
    back: String,
    p: Placement,
    error: Option<&'static str>,
}

/// The participant (accepted in this cohort) behind a reference: (id, name).
async fn participant(state: &AppState, id: i64, reference: &str) -> AppResult<(i64, String)> {
    storage::cohorts::participants(&state.pool, id)
        .await?
        .into_iter()
        .find(|(_, r, _)| r == reference)
        .map(|(app, _, name)| (app, name))
        .ok_or(AppError::NotFound)
}

fn page(
    lang: Lang,
    staff: &Staff,
    id: i64,
    reference: &str,
    name: &str,
    p: Placement,
    error: Option<&'static str>,
) -> AppResult<String> {
    let (ctx, a) = AdminContext::frame(lang, &format!("/admin/cohorts/{id}/placements/{reference}"), staff, "intakes");
    let page = PlacementPage {
        ctx,
        a,
        title: fill(lang.cohort().placement_title, &[&name]),
        action: format!("/admin/cohorts/{id}/placements/{reference}"),
        back: format!("/admin/cohorts/{id}#participants"),
        p,
        error,
    };
    Ok(page.render()?)
}

async fn form(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, reference)): Path<(i64, String)>,
    lang: Lang,
) -> AppResult<Html<String>> {
    staff.require(Permission::ManageIntakes)?;
    let (app, name) = participant(&state, id, &reference).await?;
    let p = storage::cohorts::placement(&state.pool, id, app).await?.unwrap_or_default();
    Ok(Html(page(lang, &staff, id, &reference, &name, p, None)?))
}

async fn save(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, reference)): Path<(i64, String)>,
    lang: Lang,
    form: FormFields,
) -> AppResult<Response> {
    staff.require(Permission::ManageIntakes)?;
    let (app, name) = participant(&state, id, &reference).await?;
    let text = |n: &str| form.get(n).trim().chars().take(300).collect::<String>();
    let optional = |n: &str| Some(text(n)).filter(|v| !v.is_empty());
    let confirm = form.get("confirm") == "yes";
    let now = state.clock.now();
    let p = Placement {
        site_name: text("site_name"),
        site_kind: text("site_kind"),
        address: text("address"),
        contact: optional("contact"),
        supervisor_name: text("supervisor_name"),
        supervisor_email: text("supervisor_email"),
        supervisor_phone: optional("supervisor_phone"),
        confirmed_at: confirm.then_some(now),
    };
    let supervisor = EmailAddress::parse(&p.supervisor_email);
    let complete = !p.site_name.is_empty()
        && matches!(p.site_kind.as_str(), "regional" | "municipal")
        && !p.address.is_empty()
        && !p.supervisor_name.is_empty();
    let Ok(supervisor) = supervisor.map_err(|_| ()).and_then(|s| if complete { Ok(s) } else { Err(()) }) else {
        let html = page(lang, &staff, id, &reference, &name, p, Some(lang.cohort().err_placement))?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response());
    };
    let mut tx = state.pool.begin().await?;
    storage::cohorts::save_placement(&mut tx, id, app, &p).await?;
    if confirm {
        let cohort = storage::cohorts::get(&state.pool, id).await?.ok_or(AppError::NotFound)?;
        if let (_, Some(plan)) = cohort.plan() {
            let (l, t) = (Lang::MAIL, Lang::MAIL.cohort());
            let mail = MailBody {
                greeting: fill(l.apply().mail_hello, &[&p.supervisor_name]),
                paragraphs: vec![fill(
                    t.mail_supervisor_body,
                    &[
                        &name,
                        &dates::long_date(l, plan.starts),
                        &p.site_name,
                        &dates::long_date(l, plan.ends),
                        &plan.hours_per_week,
                    ],
                )],
                list_title: t.mail_supervisor_days.into(),
                list: plan
                    .follow_up_days
                    .iter()
                    .chain(plan.supervisions.iter())
                    .map(|d| dates::long_date(l, *d))
                    .collect(),
                closing: vec![l.apply().mail_no_reply.into()],
                ..MailBody::default()
            }
            .into_email(supervisor, fill(t.mail_supervisor_subject, &[&name]), Vec::new())?;
            outbox::queue(&mut tx, &state.key, &mail, state.settings.base_url.host_str().unwrap_or("localhost"))
                .await?;
        }
    }
    tx.commit().await?;
    state.mail_wake.notify_one();
    staff.audit(&state, "placement_saved", Some(app), json!({ "cohort_id": id, "confirmed": confirm })).await?;
    Ok(Redirect::to(&format!("/admin/cohorts/{id}#participants")).into_response())
}
