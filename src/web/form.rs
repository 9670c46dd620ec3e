//! A url-encoded form body as name/value pairs, repeated names kept
//! (checkbox groups), for handlers to map into their field structs.
use axum::{
    body::Bytes,
    extract::{FromRequest, Request},
    http::{StatusCode, header},
};

pub struct FormFields(Vec<(String, String)>);

impl FormFields {
    /// The first value of `name`, or empty.
    pub fn get(&self, name: &str) -> String {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default()
    }

    /// Every name and value, in the order sent.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.0
    }

    pub fn all(&self, name: &str) -> Vec<String> {
        self.0.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone()).collect()
    }

    /// Every name and value passes `domain::text::normalise`: the one place
    /// where a form's text is made acceptable (line breaks as LF, no control
    /// characters), so no handler sees a NUL or counts a CRLF twice.
    pub fn parse(body: &[u8]) -> Self {
        use crate::domain::text::normalise;
        Self(url::form_urlencoded::parse(body).map(|(k, v)| (normalise(&k), normalise(&v))).collect())
    }
}

impl<S: Send + Sync> FromRequest<S> for FormFields {
    type Rejection = StatusCode;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_form = request
            .headers()
            .get(header::CONTENT_TYPE)
            .is_some_and(|v| v.as_bytes().starts_with(b"application/x-www-form-urlencoded"));
        if !is_form {
            return Err(StatusCode::UNSUPPORTED_MEDIA_TYPE);
        }
        let body = Bytes::from_request(request, state).await.map_err(|e| e.status())?;
        Ok(Self::parse(&body))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_go_and_line_breaks_become_lf() {
        let f = FormFields::parse("note=a%00b%0D%0Ac%1B".as_bytes());
        assert_eq!(f.get("note"), "ab\nc");
    }

    #[test]
    fn repeated_names_and_encoded_text_survive() {
        let f = FormFields::parse("treatment=a&treatment=b&motivation=Hej+s%C3%B8ren%0D%0A&x=".as_bytes());
        assert_eq!(f.all("treatment"), ["a", "b"]);
        assert_eq!(f.get("motivation"), "Hej søren\n");
        assert_eq!(f.get("missing"), "");
    }
}
