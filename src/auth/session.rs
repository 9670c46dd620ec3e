//! Staff sessions: a random id in an HttpOnly, SameSite=Strict cookie; the
//! database keeps its hash, when it began and when it was last used.
use axum::http::{HeaderMap, HeaderValue, header};
use chrono::{DateTime, Duration, Utc};

pub const IDLE_TIMEOUT: Duration = Duration::minutes(30);
pub const ABSOLUTE_TIMEOUT: Duration = Duration::hours(12);
/// `last_seen_at` is written at most this often, to spare the database.
pub const TOUCH_EVERY: Duration = Duration::seconds(60);

/// A session is usable while neither limit has passed.
pub fn is_live(created_at: DateTime<Utc>, last_seen_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now - last_seen_at < IDLE_TIMEOUT && now - created_at < ABSOLUTE_TIMEOUT
}

/// `__Host-` binds the cookie to our exact origin; browsers allow it only with `Secure`.
pub fn cookie_name(secure: bool) -> &'static str {
    if secure { "__Host-optag_session" } else { "optag_session" }
}

pub fn set_cookie(id: &str, secure: bool) -> HeaderValue {
    let value = format!(
        "{}={id}; Path=/; HttpOnly; SameSite=Strict{}",
        cookie_name(secure),
        if secure { "; Secure" } else { "" }
    );
    HeaderValue::from_str(&value).unwrap_or_else(|_| HeaderValue::from_static(""))
}

pub fn clear_cookie(secure: bool) -> HeaderValue {
    let value = format!(
        "{}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{}",
        cookie_name(secure),
        if secure { "; Secure" } else { "" }
    );
    HeaderValue::from_str(&value).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// A cookie of ours for the staff pages only, living `max_age_seconds` (0 clears it).
pub fn admin_cookie(name: &str, value: &str, secure: bool, max_age_seconds: i64) -> HeaderValue {
    let value = format!(
        "{name}={value}; Path=/admin; HttpOnly; SameSite=Lax; Max-Age={max_age_seconds}{}",
        if secure { "; Secure" } else { "" }
    );
    HeaderValue::from_str(&value).unwrap_or_else(|_| HeaderValue::from_static(""))
}

pub fn read_cookie(headers: &HeaderMap, secure: bool) -> Option<String> {
    read_named(headers, cookie_name(secure))
}

/// The value of cookie `name`, when it looks like one of our tokens.
pub fn read_named(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.to_string())
        .filter(|v| crate::tokens::is_well_formed(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(minutes: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap() + Duration::minutes(minutes)
    }

    #[test]
    fn idle_and_absolute_limits() {
        assert!(is_live(t(0), t(0), t(29)));
        assert!(!is_live(t(0), t(0), t(30)));
        assert!(is_live(t(0), t(700), t(719)));
        assert!(!is_live(t(0), t(719), t(720)), "12 hours is the end, however busy");
    }

    #[test]
    fn cookies_are_strict_http_only_and_host_bound_when_secure() {
        let plain = set_cookie("abc", false).to_str().unwrap().to_string();
        assert!(
            plain.starts_with("optag_session=abc;") && plain.contains("HttpOnly") && plain.contains("SameSite=Strict")
        );
        assert!(!plain.contains("Secure"));
        let secure = set_cookie("abc", true).to_str().unwrap().to_string();
        assert!(secure.starts_with("__Host-optag_session=abc;") && secure.contains("; Secure"));
        assert!(clear_cookie(false).to_str().unwrap().contains("Max-Age=0"));
    }
}
