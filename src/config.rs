//! Typed settings from the environment, parsed once at start-up.
use crate::domain::retention::Periods;
use std::{net::SocketAddr, path::PathBuf, time::Duration};

use ipnet::IpNet;
use secrecy::{ExposeSecret, SecretBox};
use url::Url;

/// The server's secret key: at least 32 bytes, never printed.
pub struct SecretKey(SecretBox<Vec<u8>>);

impl SecretKey {
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Self, String> {
        if bytes.len() < 32 {
            return Err(format!("must be at least 32 bytes, got {}", bytes.len()));
        }
        Ok(Self(SecretBox::new(Box::new(bytes))))
    }

    /// Accepts hex or base64 (standard or URL-safe).
    pub fn parse(text: &str) -> Result<Self, String> {
        use base64::Engine as _;
        let text = text.trim();
        let bytes = hex::decode(text)
            .ok()
            .or_else(|| base64::engine::general_purpose::STANDARD.decode(text).ok())
            .or_else(|| base64::engine::general_purpose::URL_SAFE.decode(text).ok())
            .ok_or_else(|| "must be hex or base64".to_string())?;
        Self::from_bytes(bytes)
    }

    pub fn expose(&self) -> &[u8] {
        self.0.expose_secret()
    }
}

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(..)")
    }
}

#[derive(Debug, Clone)]
pub enum MailDelivery {
    Smtp(Url),
    /// `.eml` files in this folder, their links logged (development).
    Files(PathBuf),
}

/// How the outbox worker paces itself; tests shorten it.
#[derive(Debug, Clone)]
pub struct OutboxPacing {
    pub poll_every: Duration,
    pub first_retry_after: Duration,
    pub max_retry_after: Duration,
    pub max_attempts: i32,
}

impl Default for OutboxPacing {
    fn default() -> Self {
        Self {
            poll_every: Duration::from_secs(1),
            first_retry_after: Duration::from_secs(5),
            max_retry_after: Duration::from_secs(30 * 60),
            max_attempts: 25,
        }
    }
}

#[derive(Debug)]
pub struct Settings {
    /// `None`: start the private cluster under `var/postgres`.
    pub database_url: Option<String>,
    pub listen: SocketAddr,
    pub base_url: Url,
    pub mail: MailDelivery,
    pub mail_from: lettre::message::Mailbox,
    /// `None`: generated once and kept in `var/secret.key`.
    pub secret_key: Option<SecretKey>,
    /// During a key change without downtime: the key being replaced, still
    /// able to open what it sealed until `optag rotate-key` has re-sealed it.
    pub previous_secret_key: Option<SecretKey>,
    pub cookie_secure: bool,
    pub var_dir: PathBuf,
    pub outbox: OutboxPacing,
    /// How long personal data is kept; each period can be shortened or lengthened in days.
    pub retention: Periods,
    /// A connection whose request head (line and headers) has not arrived
    /// within this time is closed: a client trickling its headers would
    /// otherwise hold a connection for ever (slowloris).
    pub header_read_timeout: Duration,
    /// Reverse proxies whose `X-Forwarded-For` is believed; empty: the
    /// socket address is the client.
    pub trusted_proxies: Vec<IpNet>,
}

#[derive(Debug, thiserror::Error)]
#[error("{name}: {reason}")]
pub struct ConfigError {
    pub name: &'static str,
    pub reason: String,
}

impl Settings {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
    }

    /// Builds settings from any variable source; every bad value names its variable.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let bad = |name: &'static str, reason: String| ConfigError { name, reason };

        let database_url = get("DATABASE_URL");
        if let Some(url) = &database_url
            && !(url.starts_with("postgres://") || url.starts_with("postgresql://"))
        {
            return Err(bad("DATABASE_URL", "must start with postgres://".into()));
        }
        let listen: SocketAddr = get("OPTAG_LISTEN")
            .unwrap_or_else(|| "127.0.0.1:3000".into())
            .parse()
            .map_err(|e| bad("OPTAG_LISTEN", format!("not an address like 127.0.0.1:3000 ({e})")))?;
        let base_url = match get("OPTAG_BASE_URL") {
            Some(text) => Url::parse(&text).map_err(|e| bad("OPTAG_BASE_URL", e.to_string()))?,
            None => Url::parse(&format!("http://{listen}")).map_err(|e| bad("OPTAG_LISTEN", e.to_string()))?,
        };
        if !matches!(base_url.scheme(), "http" | "https") || base_url.host().is_none() {
            return Err(bad("OPTAG_BASE_URL", "must be an http or https URL".into()));
        }
        let mail = match get("OPTAG_SMTP_URL") {
            Some(text) => {
                let url = Url::parse(&text).map_err(|e| bad("OPTAG_SMTP_URL", e.to_string()))?;
                if !matches!(url.scheme(), "smtp" | "smtps") {
                    return Err(bad("OPTAG_SMTP_URL", "must start with smtp:// or smtps://".into()));
                }
                lettre::AsyncSmtpTransport::<lettre::Tokio1Executor>::from_url(&text)
                    .map_err(|e| bad("OPTAG_SMTP_URL", e.to_string()))?;
                MailDelivery::Smtp(url)
            }
            None => MailDelivery::Files(PathBuf::from("var/mail")),
        };
        let mail_from = get("OPTAG_MAIL_FROM")
            .unwrap_or_else(|| "optag <noreply@localhost>".into())
            .parse()
            .map_err(|e| bad("OPTAG_MAIL_FROM", format!("not a mailbox like 'optag <noreply@example.dk>' ({e})")))?;
        let secret_key = get("OPTAG_SECRET_KEY")
            .map(|text| SecretKey::parse(&text).map_err(|reason| bad("OPTAG_SECRET_KEY", reason)))
            .transpose()?;
        let previous_secret_key = get("OPTAG_PREVIOUS_SECRET_KEY")
            .map(|text| SecretKey::parse(&text).map_err(|reason| bad("OPTAG_PREVIOUS_SECRET_KEY", reason)))
            .transpose()?;
        let cookie_secure = match get("OPTAG_COOKIE_SECURE").as_deref() {
            None => base_url.scheme() == "https",
            Some("true" | "1" | "yes") => true,
            Some("false" | "0" | "no") => false,
            Some(other) => {
                return Err(bad("OPTAG_COOKIE_SECURE", format!("must be true or false, not {other:?}")));
            }
        };
        let mut retention = Periods::default();
        for (name, period) in [
            ("OPTAG_RETAIN_NOT_ADMITTED_DAYS", &mut retention.not_admitted),
            ("OPTAG_RETAIN_KEPT_FOR_LATER_DAYS", &mut retention.kept_for_later),
            ("OPTAG_RETAIN_PARTICIPANT_DAYS", &mut retention.participant),
            ("OPTAG_RETAIN_DRAFT_DAYS", &mut retention.draft),
            ("OPTAG_RETAIN_MEETING_SIGNUP_DAYS", &mut retention.meeting_signup),
            ("OPTAG_RETAIN_MAIL_DAYS", &mut retention.delivered_mail),
        ] {
            if let Some(text) = get(name) {
                let days: i64 = text
                    .parse()
                    .ok()
                    .filter(|d| (1..=3650).contains(d))
                    .ok_or_else(|| bad(name, format!("must be a number of days from 1 to 3650, not {text:?}")))?;
                *period = chrono::Duration::days(days);
            }
        }
        let trusted_proxies = match get("OPTAG_TRUSTED_PROXIES") {
            Some(text) => parse_networks(&text).map_err(|reason| bad("OPTAG_TRUSTED_PROXIES", reason))?,
            None => Vec::new(),
        };
        Ok(Self {
            database_url,
            listen,
            base_url,
            mail,
            mail_from,
            secret_key,
            previous_secret_key,
            cookie_secure,
            var_dir: PathBuf::from("var"),
            outbox: OutboxPacing::default(),
            retention,
            header_read_timeout: Duration::from_secs(30),
            trusted_proxies,
        })
    }

    /// The origin browsers send in `Origin`, e.g. `http://127.0.0.1:3000`.
    pub fn origin(&self) -> String {
        self.base_url.origin().ascii_serialization()
    }

    /// An absolute link for e-mails: `path` starts with `/`.
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{}", self.origin(), path)
    }
}

/// Comma-separated addresses (`10.0.0.5`, `::1`) or networks (`10.0.0.0/8`).
fn parse_networks(text: &str) -> Result<Vec<IpNet>, String> {
    text.split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| {
            item.parse::<IpNet>()
                .or_else(|_| item.parse::<std::net::IpAddr>().map(IpNet::from))
                .map(|net| net.trunc())
                .map_err(|_| format!("{item:?} is not an address or a network like 10.0.0.0/8"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(vars: &[(&str, &str)]) -> Result<Settings, ConfigError> {
        let vars: Vec<(String, String)> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Settings::from_lookup(|name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()))
    }

    #[test]
    fn defaults_match_the_contract() {
        let s = settings(&[]).unwrap();
        assert_eq!(s.listen.to_string(), "127.0.0.1:3000");
        assert_eq!(s.origin(), "http://127.0.0.1:3000");
        assert!(!s.cookie_secure);
        assert!(s.database_url.is_none());
        assert!(matches!(s.mail, MailDelivery::Files(_)));
        assert_eq!(s.mail_from.email.to_string(), "noreply@localhost");
        assert_eq!(s.header_read_timeout, Duration::from_secs(30), "the contract: headers within 30 s");
    }

    #[test]
    fn retention_periods_default_to_the_rules_and_can_be_set_in_days() {
        assert_eq!(settings(&[]).unwrap().retention, Periods::default());
        let s =
            settings(&[("OPTAG_RETAIN_NOT_ADMITTED_DAYS", "90"), ("OPTAG_RETAIN_MEETING_SIGNUP_DAYS", "7")]).unwrap();
        assert_eq!(s.retention.not_admitted, chrono::Duration::days(90));
        assert_eq!(s.retention.meeting_signup, chrono::Duration::days(7));
        assert_eq!(s.retention.draft, Periods::default().draft);
    }

    #[test]
    fn trusted_proxies_are_addresses_or_networks() {
        assert!(settings(&[]).unwrap().trusted_proxies.is_empty());
        let s = settings(&[("OPTAG_TRUSTED_PROXIES", " 10.0.0.5 ,192.168.0.0/16,::1, fd00::/8,")]).unwrap();
        let nets: Vec<String> = s.trusted_proxies.iter().map(ToString::to_string).collect();
        assert_eq!(nets, ["10.0.0.5/32", "192.168.0.0/16", "::1/128", "fd00::/8"]);
    }

    #[test]
    fn https_base_url_makes_cookies_secure() {
        let s = settings(&[("OPTAG_BASE_URL", "https://optag.example.dk")]).unwrap();
        assert!(s.cookie_secure);
        assert_eq!(s.absolute("/x"), "https://optag.example.dk/x");
    }

    #[test]
    fn a_bad_value_names_its_variable() {
        for (name, value) in [
            ("OPTAG_LISTEN", "nowhere"),
            ("OPTAG_BASE_URL", "ftp://x"),
            ("OPTAG_SMTP_URL", "http://x"),
            ("OPTAG_MAIL_FROM", "not a mailbox"),
            ("OPTAG_SECRET_KEY", "abcd"),
            ("OPTAG_COOKIE_SECURE", "maybe"),
            ("OPTAG_RETAIN_NOT_ADMITTED_DAYS", "0"),
            ("OPTAG_RETAIN_DRAFT_DAYS", "30d"),
            ("OPTAG_RETAIN_MAIL_DAYS", "99999"),
            ("DATABASE_URL", "mysql://x"),
            ("OPTAG_TRUSTED_PROXIES", "10.0.0.1, proxy.internal"),
            ("OPTAG_TRUSTED_PROXIES", "10.0.0.0/33"),
        ] {
            let err = settings(&[(name, value)]).unwrap_err();
            assert_eq!(err.name, name, "{value}");
        }
    }

    #[test]
    fn secret_key_accepts_hex_and_base64_and_hides_itself() {
        let hex_key = "ab".repeat(32);
        assert_eq!(SecretKey::parse(&hex_key).unwrap().expose().len(), 32);
        let b64 = "q".repeat(44);
        assert!(SecretKey::parse(&b64).is_ok());
        assert_eq!(format!("{:?}", SecretKey::parse(&hex_key).unwrap()), "SecretKey(..)");
    }
}
