//! Secrets for links and forms: 256 random bits, sent once, stored only as a hash.
use base64::Engine as _;
use sha2::{Digest, Sha256};

/// A fresh token as it goes into a link: 43 URL-safe characters.
pub fn generate() -> String {
    let bytes: [u8; 32] = rand::random();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// What the database keeps; a stolen table yields no usable links.
pub fn hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// A digest of `content` salted with `secret` (a token that is never stored),
/// so the stored digest cannot be used to test guesses of the content.
pub fn digest(secret: &str, content: &[u8]) -> Vec<u8> {
    let mut h = Sha256::new();
    h.update(secret.as_bytes());
    h.update([0]);
    h.update(content);
    h.finalize().to_vec()
}

/// A token we could have made: the right length and alphabet. Cheap to check
/// before a database look-up.
pub fn is_well_formed(token: &str) -> bool {
    token.len() == 43 && token.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_hashed() {
        let (a, b) = (generate(), generate());
        assert_ne!(a, b);
        assert!(is_well_formed(&a));
        assert_eq!(hash(&a).len(), 32);
        assert_ne!(hash(&a), hash(&b));
        assert!(!is_well_formed("short"));
        assert!(!is_well_formed(&format!("{}/", &a[..42])));
    }
}
