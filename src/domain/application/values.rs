//! Small values of an application, each valid by construction.
use std::fmt;

/// A person's full name: 1-200 characters after trimming, no control characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName(String);

impl PersonName {
    pub const MAX: usize = 200;

    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let len = text.chars().count();
        (len > 0 && len <= Self::MAX && !text.chars().any(char::is_control)).then(|| Self(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A Danish phone number: 8 digits, optionally after `+45` or `0045` (also in
/// parentheses); spaces of any kind (no-break and thin ones come with text
/// copied from web pages), dashes of any kind, dots and slashes are ignored.
/// Kept as `+45` and the 8 digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneNumber(String);

impl PhoneNumber {
    pub fn parse(text: &str) -> Option<Self> {
        let separator = |c: char| {
            c.is_whitespace()
                || matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{2060}' | '\u{feff}' | '.' | '/')
                || matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe63}' | '\u{ff0d}')
        };
        let compact: String = text.chars().filter(|c| !separator(*c)).collect();
        let compact = compact.replacen("(+45)", "+45", 1).replacen("(0045)", "0045", 1).replacen("(45)", "+45", 1);
        let digits = compact.strip_prefix("+45").or_else(|| compact.strip_prefix("0045")).unwrap_or(&compact);
        (digits.len() == 8 && digits.bytes().all(|b| b.is_ascii_digit())).then(|| Self(format!("+45{digits}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = &self.0[3..];
        write!(f, "+45 {} {} {} {}", &d[0..2], &d[2..4], &d[4..6], &d[6..8])
    }
}

/// A reflective answer: at most 5000 characters, trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer(String);

impl Answer {
    pub const MAX: usize = 5000;

    /// `None` when too long; empty text gives an empty answer.
    pub fn parse(text: &str) -> Option<Self> {
        // Counted as stored: a browser's CRLF is one line break, not two characters.
        let text = crate::domain::text::normalise(text).trim().to_string();
        (text.chars().count() <= Self::MAX).then_some(Self(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(PersonName::parse("  Mette Frederiksen ").unwrap().as_str(), "Mette Frederiksen");
        assert!(PersonName::parse("   ").is_none());
        assert!(PersonName::parse(&"ø".repeat(200)).is_some());
        assert!(PersonName::parse(&"ø".repeat(201)).is_none());
        assert!(PersonName::parse("a\u{0}b").is_none());
    }

    #[test]
    fn danish_phone_numbers_in_the_ways_people_write_them() {
        for ok in [
            "12345678",
            "12 34 56 78",
            "+45 12 34 56 78",
            "+45\u{a0}12\u{a0}34\u{a0}56\u{a0}78",
            "12\u{202f}34\u{2009}56 78",
            "004512345678",
            "+4512-34-56-78",
            "12\u{2013}34\u{2013}56\u{2013}78",
            "12.34.56.78",
            "(+45) 12 34 56 78",
            "(0045) 12345678",
            "+45 1234 5678",
        ] {
            assert_eq!(PhoneNumber::parse(ok).unwrap().as_str(), "+4512345678", "{ok}");
        }
        for bad in ["1234567", "123456789", "+46 12345678", "abcdefgh", "+45", "(+45 12345678", "12345678 ext 2"] {
            assert!(PhoneNumber::parse(bad).is_none(), "{bad}");
        }
        assert_eq!(PhoneNumber::parse("12345678").unwrap().to_string(), "+45 12 34 56 78");
    }

    #[test]
    fn answers_allow_5000_characters_counted_as_characters_not_bytes() {
        assert!(Answer::parse(&"æ".repeat(5000)).is_some());
        assert!(Answer::parse(&"æ".repeat(5001)).is_none());
        assert!(Answer::parse("  ").unwrap().is_empty());
    }
}
