//! The question asked before inviting more people than there are free
//! interview times: both numbers, and the choice to go on or go back.
use askama::Template;
use axum::response::{Html, IntoResponse, Response};

use super::{AdminContext, Staff};
use crate::{
    i18n::{DoneStrings, Lang, fill},
    web::error::AppResult,
};

#[derive(Template)]
#[template(path = "admin/invite_check.html")]
struct CheckPage {
    ctx: crate::web::page::PageContext,
    a: AdminContext,
    t: &'static DoneStrings,
    text: String,
    references: Vec<String>,
}

pub fn page(lang: Lang, staff: &Staff, references: Vec<String>, need: usize, free: usize) -> AppResult<Response> {
    let (ctx, a) = AdminContext::frame(lang, "/admin/applications", staff, "applications");
    let t = lang.done();
    let text = if need == 1 { t.slots_short_text_one.to_string() } else { fill(t.slots_short_text, &[&need, &free]) };
    Ok(Html(CheckPage { ctx, a, t, text, references }.render()?).into_response())
}
