//! Password rules, and argon2id hashing off the async runtime (`argon`:
//! a bounded number at once).
use secrecy::{ExposeSecret, SecretString};

use super::argon::{self, with_turn};
pub use super::argon::{Busy, WAIT};

#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    #[error("the password is one of the most common ones; choose another")]
    Common,
    #[error("the password must have at least {min} characters")]
    TooShort { min: usize },
    #[error("the password may have at most {max} characters")]
    TooLong { max: usize },
    #[error("the password is built on the e-mail address, the name or the word optag; choose another")]
    Personal,
    #[error("hashing failed")]
    Hashing,
    #[error(transparent)]
    Busy(#[from] Busy),
}

pub const MIN_LEN: usize = 8;
pub const MAX_LEN: usize = 128;

/// Passwords found at the top of public breach lists, refused outright.
const COMMON: &str = include_str!("common_passwords.txt");

/// Checks the length rules and refuses common passwords and passwords
/// built on `context` (no composition rules, per NIST 800-63B, which asks
/// for context-specific words to be refused too).
pub fn check_rules(password: &SecretString, context: &Context<'_>) -> Result<(), PasswordError> {
    let text = password.expose_secret();
    let len = text.chars().count();
    if len < MIN_LEN {
        return Err(PasswordError::TooShort { min: MIN_LEN });
    }
    if len > MAX_LEN {
        return Err(PasswordError::TooLong { max: MAX_LEN });
    }
    let lower = text.trim().to_lowercase();
    if COMMON.lines().any(|common| common == lower) {
        return Err(PasswordError::Common);
    }
    if context.remainder(&lower).chars().count() < MIN_LEN {
        return Err(PasswordError::Personal);
    }
    Ok(())
}

/// Whose password it is: their address and name, which a guesser tries first.
pub struct Context<'a> {
    pub email: &'a str,
    pub name: &'a str,
}

impl Context<'_> {
    /// The words to refuse: the address, its local part and the parts of
    /// that, the name and its parts (of three letters or more), and the
    /// service's own name. Longest first, so a whole goes before its parts.
    fn words(&self) -> Vec<String> {
        let email = self.email.trim().to_lowercase();
        let local = email.split('@').next().unwrap_or_default().to_string();
        let name = self.name.trim().to_lowercase();
        let mut words: Vec<String> = [email.clone(), local.clone(), name.clone(), "optag".to_string()]
            .into_iter()
            .chain(local.split(['.', '_', '-', '+']).map(str::to_string))
            .chain(name.split_whitespace().map(str::to_string))
            .filter(|w| w.chars().count() >= 3)
            .collect();
        words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        words.dedup();
        words
    }

    /// What is left of `lower` without the context words: a password is
    /// refused when too little of it is anything else.
    fn remainder(&self, lower: &str) -> String {
        self.words().iter().fold(lower.to_string(), |rest, word| rest.replace(word.as_str(), ""))
    }
}

/// Hashes in a blocking thread: argon2 takes tens of milliseconds of CPU.
pub async fn hash(password: SecretString) -> Result<String, PasswordError> {
    with_turn(move |memory| {
        argon::hash(password.expose_secret().as_bytes(), memory).map_err(|_| PasswordError::Hashing)
    })
    .await?
}

/// Verifies in a blocking thread; a malformed hash never matches.
pub async fn verify(password: SecretString, phc: String) -> Result<bool, Busy> {
    with_turn(move |memory| argon::verify(password.expose_secret().as_bytes(), &phc, memory)).await
}

/// A hash of a password nobody has, verified when the e-mail address is
/// unknown so that both failures take the same time (and the same turn).
pub async fn verify_dummy(password: SecretString) -> Result<(), Busy> {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    with_turn(move |memory| {
        let phc = DUMMY.get_or_init(|| argon::hash(b"no user has this password", memory).unwrap_or_default());
        argon::verify(password.expose_secret().as_bytes(), phc, memory);
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let phc = hash(SecretString::from("korrekt hest batteri")).await.unwrap();
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify(SecretString::from("korrekt hest batteri"), phc.clone()).await.unwrap());
        assert!(!verify(SecretString::from("forkert"), phc).await.unwrap());
        assert!(!verify(SecretString::from("x"), "not a hash".into()).await.unwrap());
    }

    const LONE: Context<'static> = Context { email: "lone.ravn@example.dk", name: "Lone Ravn" };

    fn check(password: &str) -> Result<(), PasswordError> {
        check_rules(&SecretString::from(password), &LONE)
    }

    #[test]
    fn length_rules() {
        assert!(matches!(check("1234567"), Err(PasswordError::TooShort { .. })));
        assert!(check("rød hest").is_ok());
        assert!(check(&"å".repeat(128)).is_ok());
        assert!(matches!(check(&"a".repeat(129)), Err(PasswordError::TooLong { .. })));
    }

    #[test]
    fn common_passwords_are_refused_whatever_their_case() {
        for common in ["password1", "Adgangskode123", "12345678", "QWERTYUIOP"] {
            assert!(matches!(check(common), Err(PasswordError::Common)), "{common}");
        }
    }

    #[test]
    fn passwords_built_on_the_address_the_name_or_optag_are_refused() {
        for personal in [
            "lone.ravn@example.dk",
            "LONE.RAVN@EXAMPLE.DK",
            "lone.ravn",
            "lone.ravn123",
            "Lone Ravn 2026",
            "ravnravnravn",
            "optag2026",
            "OptagOptag",
            "lone.ravn@example.dk!",
        ] {
            assert!(matches!(check(personal), Err(PasswordError::Personal)), "{personal}");
        }
        for fine in ["en lang og sikker adgangskode", "ravnen flyver over optag-kontoret", "lon ravnsborg"] {
            assert!(check(fine).is_ok(), "{fine}");
        }
    }
}
