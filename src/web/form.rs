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

    pub fn all(&self, name: &str) -> Vec<String> {
        self.0.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone()).collect()
    }

    pub fn parse(body: &[u8]) -> Self {
        Self(url::form_urlencoded::parse(body).into_owned().collect())
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
    fn repeated_names_and_encoded_text_survive() {
        let f = FormFields::parse("treatment=a&treatment=b&motivation=Hej+s%C3%B8ren%0D%0A&x=".as_bytes());
        assert_eq!(f.all("treatment"), ["a", "b"]);
        assert_eq!(f.get("motivation"), "Hej søren\r\n");
        assert_eq!(f.get("missing"), "");
    }
}
