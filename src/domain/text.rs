//! What a text field accepts: the one rule every form value and query
//! parameter passes through at the edge (http-contract.md, "Version 2
//! additions": control characters other than tab, CR and LF are refused or
//! removed; lengths are counted after CRLF becomes LF).

/// `text` with line breaks made `\n` (CRLF and lone CR alike, as browsers and
/// pasted text send them) and every other control character removed (U+0000,
/// which PostgreSQL refuses, escapes, DEL, C1 controls), tabs kept.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Whether `text` holds a control character that `normalise` would remove;
/// for values that cannot be changed silently (query parameters, paths).
pub fn has_forbidden_control(text: &str) -> bool {
    text.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_become_lf_and_other_controls_go() {
        assert_eq!(normalise("a\r\nb\rc\nd"), "a\nb\nc\nd");
        assert_eq!(normalise("a\u{0}b\u{1b}[31m\u{7f}\u{85}c\td"), "ab[31mc\td");
        assert_eq!(normalise("æøå – “ok” 😊"), "æøå – “ok” 😊");
        assert!(has_forbidden_control("a\u{0}") && !has_forbidden_control("a\r\n\tb"));
    }

    #[test]
    fn a_hundred_lines_of_49_characters_typed_in_a_browser_count_4999() {
        let typed = vec!["x".repeat(49); 100].join("\r\n");
        assert_eq!(normalise(&typed).chars().count(), 4999);
    }
}
