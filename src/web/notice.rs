//! A short page that says what happened and what to do: for conflicts (409),
//! spent links (410) and confirmations.
use askama::Template;
use axum::{
    http::StatusCode,
    response::{Html, IntoResponse, Response},
};

use super::{error::AppError, page::PageContext};

#[derive(Template)]
#[template(path = "pages/notice.html")]
pub struct NoticePage {
    pub ctx: PageContext,
    pub title: String,
    pub paragraphs: Vec<String>,
    /// Read-only copies of what the person wrote, so nothing is lost.
    pub kept_text: Vec<(String, String)>,
    pub kept_hint: String,
    pub link: Option<(String, String)>,
}

impl NoticePage {
    pub fn new(ctx: PageContext, title: &str, paragraphs: Vec<String>) -> Self {
        Self { ctx, title: title.to_string(), paragraphs, kept_text: Vec::new(), kept_hint: String::new(), link: None }
    }

    pub fn link(mut self, href: String, label: &str) -> Self {
        self.link = Some((href, label.to_string()));
        self
    }

    pub fn respond(self, status: StatusCode) -> Response {
        match self.render() {
            Ok(html) => (status, Html(html)).into_response(),
            Err(err) => AppError::from(err).into_response(),
        }
    }
}
