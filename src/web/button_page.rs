//! A page with one button that posts back: every mailed link that changes
//! something opens this first, because mail scanners follow links (GET never
//! changes anything).
use askama::Template;
use axum::response::{Html, IntoResponse, Response};

use super::{error::AppResult, page::PageContext};
use crate::i18n::Lang;

#[derive(Template)]
#[template(path = "pages/button.html")]
struct ButtonPage {
    ctx: PageContext,
    title: &'static str,
    text: String,
    action: String,
    button: &'static str,
}

/// A page with one button that posts back (GET never changes anything).
pub fn button_page(
    lang: Lang,
    title: &'static str,
    text: String,
    action: String,
    button: &'static str,
) -> AppResult<Response> {
    let page = ButtonPage { ctx: PageContext::new(lang, "/"), title, text, action, button };
    Ok(Html(page.render()?).into_response())
}
