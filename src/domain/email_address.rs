//! A syntactically plausible e-mail address, trimmed; compared case-insensitively.
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailAddress(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EmailAddressError {
    #[error("empty")]
    Empty,
    #[error("too long")]
    TooLong,
    #[error("not an e-mail address")]
    Invalid,
}

impl EmailAddress {
    pub const MAX_LEN: usize = 254;

    pub fn parse(text: &str) -> Result<Self, EmailAddressError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(EmailAddressError::Empty);
        }
        if text.chars().count() > Self::MAX_LEN {
            return Err(EmailAddressError::TooLong);
        }
        let (local, domain) = text.rsplit_once('@').ok_or(EmailAddressError::Invalid)?;
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.contains(['@', ' ', '<', '>', '(', ')', ',', ';', ':', '"', '\\', '[', ']']);
        let domain_ok = domain.contains('.')
            && !domain.starts_with(['.', '-'])
            && !domain.ends_with(['.', '-'])
            && !domain.contains("..")
            && domain.chars().all(|c| c.is_alphanumeric() || c == '.' || c == '-');
        if !local_ok || !domain_ok || text.chars().any(char::is_control) {
            return Err(EmailAddressError::Invalid);
        }
        Ok(Self(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The form used for look-ups and uniqueness.
    pub fn normalised(&self) -> String {
        self.0.to_lowercase()
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ordinary_addresses_and_trims_them() {
        for ok in ["a@b.dk", "  Mette.Hansen+optag@rm.dk ", "søren@æøå.dk", "x_y-z@sub.example.co.uk"] {
            assert!(EmailAddress::parse(ok).is_ok(), "{ok}");
        }
        assert_eq!(EmailAddress::parse(" a@b.dk ").unwrap().as_str(), "a@b.dk");
        assert_eq!(EmailAddress::parse("A@B.dk").unwrap().normalised(), "a@b.dk");
    }

    #[test]
    fn refuses_what_is_not_an_address() {
        assert_eq!(EmailAddress::parse("  "), Err(EmailAddressError::Empty));
        for bad in ["a", "a@", "@b.dk", "a@b", "a b@c.dk", "a@b..dk", "a@.b.dk", "a@b.dk.", "<a@b.dk>", "a@b\n.dk"] {
            assert_eq!(EmailAddress::parse(bad), Err(EmailAddressError::Invalid), "{bad:?}");
        }
        let long = format!("{}@b.dk", "a".repeat(260));
        assert_eq!(EmailAddress::parse(&long), Err(EmailAddressError::TooLong));
    }
}
