//! Time-based one-time codes (RFC 6238: SHA-1, 6 digits, 30 s), with the QR
//! code for enrolment drawn as inline SVG (no image request, CSP-clean).
use chrono::{DateTime, Utc};
use totp_rs::{Algorithm, Builder, Secret, Totp};

pub const ISSUER: &str = "optag";

/// 160 random bits, as RFC 4226 recommends.
pub fn new_secret() -> Vec<u8> {
    let bytes: [u8; 20] = rand::random();
    bytes.to_vec()
}

fn totp(secret: &[u8], account: &str) -> Option<Totp> {
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(30)
        .with_secret(secret.to_vec())
        .with_issuer(Some(ISSUER))
        .with_account_name(account.replace(':', ""))
        .build()
        .ok()
}

pub fn base32(secret: &[u8]) -> String {
    Secret::from(secret.to_vec()).to_base32()
}

/// The step a code belongs to, when it is right at `now` (one step of clock
/// drift either way is allowed). The caller refuses steps already used.
pub fn check(secret: &[u8], code: &str, now: DateTime<Utc>) -> Option<i64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let time = u64::try_from(now.timestamp()).ok()?;
    let step = totp(secret, "")?.check(&code, time)?;
    i64::try_from(step).ok()
}

/// The code for `now` (used by tests and nowhere else in the app).
pub fn code_at(secret: &[u8], now: DateTime<Utc>) -> String {
    totp(secret, "").map(|t| t.generate(now.timestamp().max(0) as u64).to_string()).unwrap_or_default()
}

/// The secret behind a base32 key as an app shows it (for tests and tools).
pub fn decode_base32(text: &str) -> Option<Vec<u8>> {
    Secret::try_from_base32(text.trim()).ok().map(|s| s.as_ref().to_vec())
}

/// The `otpauth://` URI authenticator apps read from the QR code.
pub fn otpauth_url(secret: &[u8], account: &str) -> String {
    totp(secret, account).and_then(|t| t.to_url().ok()).unwrap_or_default()
}

/// The URI as an SVG QR code: dark modules as one path, a quiet zone around.
pub fn qr_svg(text: &str) -> String {
    use qrcodegen::{QrCode, QrCodeEcc};
    let Ok(qr) = QrCode::encode_text(text, QrCodeEcc::Medium) else {
        return String::new();
    };
    let border = 4;
    let size = qr.size() + border * 2;
    let mut path = String::new();
    for y in 0..qr.size() {
        for x in 0..qr.size() {
            if qr.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + border, y + border));
            }
        }
    }
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" width=\"220\" height=\"220\" role=\"img\" aria-label=\"QR-kode\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rfc_6238_test_vector_holds() {
        // RFC 6238 appendix B, SHA-1: secret "12345678901234567890", T = 59 -> 94287082 (8 digits); 6 digits: 287082.
        let secret = b"12345678901234567890";
        let at = DateTime::from_timestamp(59, 0).unwrap();
        assert_eq!(code_at(secret, at), "287082");
        assert_eq!(check(secret, "287082", at), Some(1));
        assert_eq!(check(secret, "287 082", at), Some(1));
    }

    #[test]
    fn wrong_and_malformed_codes_fail_and_drift_is_one_step() {
        let secret = new_secret();
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let code = code_at(&secret, now);
        assert!(check(&secret, &code, now + chrono::Duration::seconds(30)).is_some());
        assert!(check(&secret, &code, now + chrono::Duration::seconds(90)).is_none());
        assert!(check(&secret, "abcdef", now).is_none());
        assert!(check(&secret, "12345", now).is_none());
    }

    #[test]
    fn enrolment_material_is_readable() {
        let secret = new_secret();
        assert_eq!(base32(&secret).len(), 32);
        let url = otpauth_url(&secret, "lone@example.dk");
        assert!(url.starts_with("otpauth://totp/optag:lone"), "{url}");
        assert!(qr_svg(&url).starts_with("<svg"));
    }
}
