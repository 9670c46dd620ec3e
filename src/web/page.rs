//! What every page's frame (`base.html`) needs.
use std::sync::Arc;

use axum::{
    extract::{Request, State},
    middleware::Next,
    response::Response,
};

use super::AppState;
use crate::{
    domain::organisation::Organisation,
    i18n::{Catalogue, Lang},
};

tokio::task_local! {
    /// The school's settings for the request being served. Request context like
    /// the language, set once by [`with_organisation`] from the `AppState` copy,
    /// so every page (error pages too) can name the school without each of the
    /// many page builders taking the state.
    static ORGANISATION: Option<Arc<Organisation>>;
}

/// Makes the school's settings known to the pages rendered for this request.
pub async fn with_organisation(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let org = state.organisation.get(&state.pool).await;
    ORGANISATION.scope(org, next.run(request)).await
}

/// The settings of the request being served, if saved.
pub fn organisation() -> Option<Arc<Organisation>> {
    ORGANISATION.try_with(Clone::clone).ok().flatten()
}

/// How to reach the school, as pages show it.
pub struct ContactView {
    pub name: String,
    pub email: Option<String>,
    /// (`tel:` target, the number as read)
    pub phone: Option<(String, String)>,
}

impl ContactView {
    pub fn of(org: &Organisation) -> Self {
        Self {
            name: org.name().to_string(),
            email: org.contact_email().map(|e| e.as_str().to_string()),
            phone: org.contact_phone().map(|p| (p.as_str().to_string(), p.to_string())),
        }
    }
}

pub struct PageContext {
    pub lang: Lang,
    pub t: &'static Catalogue,
    /// Link of the language switch: back to this page in the other language.
    pub switch_href: String,
    pub css_href: &'static str,
    /// The school's contact; `None` until an admin has saved the settings.
    pub contact: Option<ContactView>,
}

impl PageContext {
    pub fn new(lang: Lang, current_path: &str) -> Self {
        let next: String = url::form_urlencoded::byte_serialize(current_path.as_bytes()).collect();
        Self {
            lang,
            t: lang.strings(),
            switch_href: format!("/lang/{}?next={next}", lang.other().code()),
            css_href: super::assets::css_href(),
            contact: organisation().map(|o| ContactView::of(&o)),
        }
    }

    pub fn other_lang_code(&self) -> &'static str {
        self.lang.other().code()
    }
}
