//! A syntactically plausible e-mail address, trimmed; compared case-insensitively.
//!
//! International addresses: the domain may be written in any script
//! (`anna@æblegård.dk`); it goes on the wire in IDNA (punycode,
//! `xn--blegrd-luad.dk`), which every relay and DNS server understands. A
//! local part beyond ASCII (`søren@example.dk`) can only travel through a
//! relay that offers SMTPUTF8 (RFC 6531); where ours does not, the form
//! refuses it (`reachable`) rather than accept an address we cannot reach.
use std::fmt;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

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
        if !local_ok || !domain_ok || text.chars().any(char::is_control) || to_ascii(domain).is_none() {
            return Err(EmailAddressError::Invalid);
        }
        Ok(Self(text.to_string()))
    }

    fn parts(&self) -> (&str, &str) {
        self.0.rsplit_once('@').unwrap_or((&self.0, ""))
    }

    /// The domain as relays and DNS know it: IDNA (punycode), lower case.
    pub fn ascii_domain(&self) -> String {
        let domain = self.parts().1;
        to_ascii(domain).unwrap_or_else(|| domain.to_ascii_lowercase())
    }

    /// Whether the part before `@` goes beyond ASCII, which only a relay
    /// with SMTPUTF8 can carry (it has no ASCII form, unlike a domain).
    pub fn needs_smtputf8(&self) -> bool {
        !self.parts().0.is_ascii()
    }

    /// Whether a mail can reach this address through a relay that does, or
    /// does not, offer SMTPUTF8.
    pub fn reachable(&self, relay_has_smtputf8: bool) -> bool {
        relay_has_smtputf8 || !self.needs_smtputf8()
    }

    /// The address for the envelope and the `To:` header: the domain in
    /// IDNA, the local part as written.
    pub fn for_transport(&self) -> String {
        format!("{}@{}", self.parts().0, self.ascii_domain())
    }

    /// A `mailto:` URI (RFC 6068): domain in IDNA, a local part beyond ASCII
    /// percent-encoded as UTF-8, so the URI itself is ASCII.
    pub fn mailto(&self) -> String {
        const LOCAL: &AsciiSet = &NON_ALPHANUMERIC
            .remove(b'.')
            .remove(b'-')
            .remove(b'_')
            .remove(b'+')
            .remove(b'!')
            .remove(b'$')
            .remove(b'\'')
            .remove(b'*')
            .remove(b'~');
        format!("mailto:{}@{}", utf8_percent_encode(self.parts().0, LOCAL), self.ascii_domain())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The form used for look-ups and uniqueness.
    pub fn normalised(&self) -> String {
        self.0.to_lowercase()
    }
}

/// UTS 46 processing as browsers do it; `None` when the domain has no IDNA
/// form (a label over 63 octets, a disallowed character).
fn to_ascii(domain: &str) -> Option<String> {
    let ascii = idna::domain_to_ascii_strict(domain).ok()?;
    (!ascii.is_empty() && ascii.len() <= 253).then_some(ascii)
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
    fn international_domains_go_out_in_idna_and_local_parts_need_smtputf8() {
        let anna = EmailAddress::parse("Anna@Æblegård.dk").unwrap();
        assert_eq!(anna.ascii_domain(), "xn--blegrd-luad.dk");
        assert_eq!(anna.for_transport(), "Anna@xn--blegrd-luad.dk");
        assert_eq!(anna.mailto(), "mailto:Anna@xn--blegrd-luad.dk");
        assert!(!anna.needs_smtputf8() && anna.reachable(false));
        let plain = EmailAddress::parse("mette.hansen+optag@rm.dk").unwrap();
        assert_eq!(plain.for_transport(), "mette.hansen+optag@rm.dk");
        assert_eq!(plain.mailto(), "mailto:mette.hansen+optag@rm.dk");
        let soren = EmailAddress::parse("søren@example.dk").unwrap();
        assert!(soren.needs_smtputf8() && !soren.reachable(false) && soren.reachable(true));
        assert_eq!(soren.mailto(), "mailto:s%C3%B8ren@example.dk");
        assert_eq!(EmailAddress::parse("a@xn--blegrd-luad.dk").unwrap().ascii_domain(), "xn--blegrd-luad.dk");
        let label = format!("a@{}.dk", "ø".repeat(70));
        assert_eq!(EmailAddress::parse(&label), Err(EmailAddressError::Invalid), "no IDNA form");
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
