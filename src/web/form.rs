//! A url-encoded form body: [`Form`] deserializes it into a handler's field
//! struct once at the edge; [`FormFields`] keeps the raw pairs for the few
//! places that need them (kept posts, the fuzz).
use axum::{
    body::Bytes,
    extract::{FromRequest, Request},
    http::{StatusCode, header},
};
use serde::de::DeserializeOwned;

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

impl FormFields {
    /// The pairs as `T`, by `serde_html_form` (repeated names fill a `Vec`,
    /// missing ones take the field's default when `T` says so). A name sent
    /// twice for a single-value field keeps its first value, as reading the
    /// form field by field always did; serde_html_form alone refuses it.
    pub fn decode<T: DeserializeOwned>(&self) -> Result<T, serde_html_form::de::Error> {
        let error = match from_pairs(&self.0) {
            Ok(value) => return Ok(value),
            Err(error) => error,
        };
        // Which repeated names does `T` take only once? Ask it, one name at a time.
        let mut repeated: Vec<&str> = Vec::new();
        for (i, (name, _)) in self.0.iter().enumerate() {
            if self.0[..i].iter().any(|(k, _)| k == name) && !repeated.contains(&name.as_str()) {
                repeated.push(name);
            }
        }
        let once: Vec<&str> = repeated
            .into_iter()
            .filter(|name| {
                let probe = [(name.to_string(), String::new()), (name.to_string(), String::new())];
                from_pairs::<T>(&probe).is_err()
            })
            .collect();
        if once.is_empty() {
            return Err(error);
        }
        let mut seen: Vec<&str> = Vec::new();
        let kept: Vec<(String, String)> = self
            .0
            .iter()
            .filter(|(k, _)| {
                let first = !seen.contains(&k.as_str());
                seen.push(k);
                first || !once.contains(&k.as_str())
            })
            .cloned()
            .collect();
        from_pairs(&kept)
    }
}

fn from_pairs<T: DeserializeOwned>(pairs: &[(String, String)]) -> Result<T, serde_html_form::de::Error> {
    let encoded = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish();
    serde_html_form::from_str(&encoded)
}

/// A form body deserialized into `T` after every name and value passed
/// `domain::text::normalise` ([`FormFields::parse`]). A body that is not a
/// form is 415; one that does not fit `T` is 422. Field structs keep text as
/// `String` with `#[serde(default)]`, and their `parse` turns it into domain
/// values, so a missing field reads as empty as a browser would send it.
pub struct Form<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Form<T> {
    type Rejection = StatusCode;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let fields = FormFields::from_request(request, state).await?;
        fields.decode().map(Form).map_err(|_| StatusCode::UNPROCESSABLE_ENTITY)
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

    #[derive(serde::Deserialize, Debug, PartialEq)]
    #[serde(default)]
    #[derive(Default)]
    struct Fields {
        note: String,
        treatment: Vec<String>,
        missing: String,
    }

    #[test]
    fn decode_fills_a_struct_after_normalising() {
        let f = FormFields::parse("note=a%00b%0D%0Ac&treatment=x&treatment=y%26z".as_bytes());
        let fields: Fields = f.decode().unwrap();
        assert_eq!(
            fields,
            Fields { note: "ab\nc".into(), treatment: vec!["x".into(), "y&z".into()], missing: String::new() }
        );
    }

    #[test]
    fn a_single_value_field_sent_twice_keeps_its_first_value_and_lists_stay_whole() {
        let f = FormFields::parse("note=first&treatment=x&note=second&treatment=y&missing=a&missing=b".as_bytes());
        let fields: Fields = f.decode().unwrap();
        assert_eq!(
            fields,
            Fields { note: "first".into(), treatment: vec!["x".into(), "y".into()], missing: "a".into() }
        );
    }

    #[test]
    fn repeated_names_and_encoded_text_survive() {
        let f = FormFields::parse("treatment=a&treatment=b&motivation=Hej+s%C3%B8ren%0D%0A&x=".as_bytes());
        assert_eq!(f.all("treatment"), ["a", "b"]);
        assert_eq!(f.get("motivation"), "Hej søren\n");
        assert_eq!(f.get("missing"), "");
    }
}
