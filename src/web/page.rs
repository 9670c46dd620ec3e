//! What every page's frame (`base.html`) needs.
use crate::i18n::{Catalogue, Lang};

pub struct PageContext {
    pub lang: Lang,
    pub t: &'static Catalogue,
    /// Link of the language switch: back to this page in the other language.
    pub switch_href: String,
    pub css_href: &'static str,
}

impl PageContext {
    pub fn new(lang: Lang, current_path: &str) -> Self {
        let next: String = url::form_urlencoded::byte_serialize(current_path.as_bytes()).collect();
        Self {
            lang,
            t: lang.strings(),
            switch_href: format!("/lang/{}?next={next}", lang.other().code()),
            css_href: super::assets::css_href(),
        }
    }

    pub fn other_lang_code(&self) -> &'static str {
        self.lang.other().code()
    }
}
