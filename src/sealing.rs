//! Field encryption for special-category data (health facts, reflective answers,
//! drafts) and for the staff's TOTP secrets. XChaCha20-Poly1305 with a random 192-bit nonce per value; the key is
//! derived from `OPTAG_SECRET_KEY` with HKDF-SHA256 under its own label, so the
//! cookie/token uses of the secret never share a key with the data.
//!
//! A sealed value is `version (2 bytes, big-endian) || nonce (24) || ciphertext+tag`.
//! The associated data binds the table, the field, the row id and the key version:
//! a value copied to another row, another column or relabelled with another
//! version fails to open.
use chacha20poly1305::{
    XChaCha20Poly1305, XNonce,
    aead::{Aead, KeyInit, Payload},
};
use hkdf::Hkdf;
use sha2::Sha256;

use crate::config::SecretKey;

const NONCE_LEN: usize = 24;
const HEADER_LEN: usize = 2 + NONCE_LEN;

/// Where a sealed value lives; part of what it is bound to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    ApplicationFacts,
    ApplicationAnswers,
    ApplicationEligibility,
    DraftFields,
    /// A staff user's enrolled TOTP secret (row: the user id).
    StaffTotp,
    /// A TOTP secret shown during enrolment, not yet confirmed (row: the user id).
    PendingTotp,
    /// A staff note on an application (row: the note id).
    NoteBody,
    /// What helps the applicant at the interview (row: the booking id).
    BookingAccommodations,
    /// An interviewer's notes (row: the assessment id).
    AssessmentNotes,
    /// A mail waiting in the outbox: text, HTML and attachments (row: the outbox id).
    OutboxBody,
    /// A staff form sent after the session ended, kept for an hour (row: its id).
    KeptPost,
    /// A staff member's reason for a change of status (row: the history row id).
    StatusReason,
    /// What someone wrote when signing up for an info meeting (row: the sign-up id).
    SignupNote,
    /// A coordinator's verdict on a criterion to verify, with its note (row: the verification id).
    VerificationRecord,
    /// The enroller's message to the person they enrolled (row: the enrolment id).
    EnrolmentNote,
    /// A staff note on a visit to a practicum site (row: the visit id).
    VisitNote,
}

impl Field {
    fn label(self) -> &'static str {
        match self {
            Field::ApplicationFacts => "applications.facts",
            Field::ApplicationAnswers => "applications.answers",
            Field::ApplicationEligibility => "applications.eligibility",
            Field::DraftFields => "drafts.fields",
            Field::StaffTotp => "staff_users.totp_secret",
            Field::PendingTotp => "staff_sessions.pending_totp_secret",
            Field::NoteBody => "application_notes.body",
            Field::BookingAccommodations => "interview_bookings.accommodations",
            Field::AssessmentNotes => "interview_assessments.notes",
            Field::OutboxBody => "mail_outbox.body",
            Field::KeptPost => "kept_posts.fields",
            Field::StatusReason => "application_status_history.reason",
            Field::SignupNote => "info_meeting_signups.note",
            Field::VerificationRecord => "eligibility_verifications.record",
            Field::EnrolmentNote => "enrolments.note",
            Field::VisitNote => "site_visits.note",
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum OpenError {
    #[error("the value is too short to be sealed data")]
    Malformed,
    #[error("the value was sealed with key version {found}; this server holds version {ours}")]
    OtherKey { found: i16, ours: i16 },
    #[error("the value does not belong here or was altered")]
    Forged,
}

/// The data key of one version of the server secret.
#[derive(Clone)]
pub struct FieldKey {
    version: i16,
    cipher: XChaCha20Poly1305,
    fingerprint: [u8; 16],
    /// The version being replaced, for opening only (a key change in progress).
    previous: Option<Box<FieldKey>>,
}

impl std::fmt::Debug for FieldKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "FieldKey(version {})", self.version)
    }
}

impl FieldKey {
    /// The key derived from `secret`, known in the database as `version`.
    pub fn derive(secret: &SecretKey, version: i16) -> Self {
        let hk = Hkdf::<Sha256>::new(Some(b"optag"), secret.expose());
        let mut key = [0u8; 32];
        hk.expand(b"field encryption v1", &mut key).expect("32 bytes is a valid HKDF length");
        let mut fingerprint = [0u8; 16];
        hk.expand(b"field key fingerprint v1", &mut fingerprint).expect("16 bytes is a valid HKDF length");
        Self { version, cipher: XChaCha20Poly1305::new(&key.into()), fingerprint, previous: None }
    }

    /// Also opens (never seals) what `previous` sealed.
    pub fn with_previous(mut self, previous: FieldKey) -> Self {
        self.previous = Some(Box::new(FieldKey { previous: None, ..previous }));
        self
    }

    /// Identifies the secret without revealing it: how the database recognises
    /// which version a server was started with.
    pub fn fingerprint_of(secret: &SecretKey) -> [u8; 16] {
        Self::derive(secret, 0).fingerprint
    }

    pub fn version(&self) -> i16 {
        self.version
    }

    /// The version being replaced, while a key change is in progress.
    pub fn previous_version(&self) -> Option<i16> {
        self.previous.as_ref().map(|p| p.version)
    }

    pub fn seal(&self, field: Field, row: i64, plaintext: &[u8]) -> Vec<u8> {
        let nonce: [u8; NONCE_LEN] = rand::random();
        let aad = associated_data(field, row, self.version);
        let ciphertext = self
            .cipher
            .encrypt(XNonce::from_slice(&nonce), Payload { msg: plaintext, aad: &aad })
            .expect("XChaCha20-Poly1305 encrypts any message that fits in memory");
        let mut out = Vec::with_capacity(HEADER_LEN + ciphertext.len());
        out.extend_from_slice(&self.version.to_be_bytes());
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&ciphertext);
        out
    }

    pub fn open(&self, field: Field, row: i64, sealed: &[u8]) -> Result<Vec<u8>, OpenError> {
        let found = version_of(sealed).ok_or(OpenError::Malformed)?;
        if found != self.version {
            return match &self.previous {
                Some(previous) if previous.version == found => previous.open(field, row, sealed),
                _ => Err(OpenError::OtherKey { found, ours: self.version }),
            };
        }
        let aad = associated_data(field, row, found);
        self.cipher
            .decrypt(XNonce::from_slice(&sealed[2..HEADER_LEN]), Payload { msg: &sealed[HEADER_LEN..], aad: &aad })
            .map_err(|_| OpenError::Forged)
    }

    /// Seals an optional text; `None` stays `None`.
    pub fn seal_text(&self, field: Field, row: i64, text: Option<&str>) -> Option<Vec<u8>> {
        text.map(|t| self.seal(field, row, t.as_bytes()))
    }

    /// Opens what `seal_text` sealed.
    pub fn open_text(&self, field: Field, row: i64, sealed: Option<&[u8]>) -> Result<Option<String>, OpenError> {
        sealed
            .map(|s| self.open(field, row, s).and_then(|b| String::from_utf8(b).map_err(|_| OpenError::Forged)))
            .transpose()
    }

    pub fn seal_json<T: serde::Serialize + ?Sized>(&self, field: Field, row: i64, value: &T) -> Vec<u8> {
        let bytes = serde_json::to_vec(value).expect("our own types serialise to JSON");
        self.seal(field, row, &bytes)
    }

    pub fn open_json<T: serde::de::DeserializeOwned>(
        &self,
        field: Field,
        row: i64,
        sealed: &[u8],
    ) -> Result<T, OpenError> {
        let bytes = self.open(field, row, sealed)?;
        serde_json::from_slice(&bytes).map_err(|_| OpenError::Forged)
    }
}

/// The key version a sealed value names, if it is long enough to be one.
pub fn version_of(sealed: &[u8]) -> Option<i16> {
    (sealed.len() >= HEADER_LEN + 16).then(|| i16::from_be_bytes([sealed[0], sealed[1]]))
}

fn associated_data(field: Field, row: i64, version: i16) -> Vec<u8> {
    format!("optag|{}|{row}|v{version}", field.label()).into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(byte: u8, version: i16) -> FieldKey {
        FieldKey::derive(&SecretKey::from_bytes(vec![byte; 32]).unwrap(), version)
    }

    #[test]
    fn a_sealed_value_opens_in_its_own_place() {
        let k = key(1, 1);
        let sealed = k.seal(Field::ApplicationAnswers, 7, b"I was admitted in 2019");
        assert_eq!(k.open(Field::ApplicationAnswers, 7, &sealed).unwrap(), b"I was admitted in 2019");
        assert!(!sealed.windows(8).any(|w| w == b"admitted"));
    }

    #[test]
    fn sealing_twice_gives_different_ciphertexts() {
        let k = key(1, 1);
        assert_ne!(k.seal(Field::ApplicationFacts, 1, b"x"), k.seal(Field::ApplicationFacts, 1, b"x"));
    }

    #[test]
    fn a_value_moved_to_another_row_or_field_fails() {
        let k = key(1, 1);
        let sealed = k.seal(Field::ApplicationFacts, 7, b"{}");
        assert_eq!(k.open(Field::ApplicationFacts, 8, &sealed), Err(OpenError::Forged));
        assert_eq!(k.open(Field::ApplicationAnswers, 7, &sealed), Err(OpenError::Forged));
        assert_eq!(k.open(Field::DraftFields, 7, &sealed), Err(OpenError::Forged));
    }

    #[test]
    fn a_changed_byte_or_a_relabelled_version_fails() {
        let k = key(1, 1);
        let mut sealed = k.seal(Field::ApplicationFacts, 7, b"{}");
        let last = sealed.len() - 1;
        sealed[last] ^= 1;
        assert_eq!(k.open(Field::ApplicationFacts, 7, &sealed), Err(OpenError::Forged));

        let other = key(1, 2);
        let mut relabelled = other.seal(Field::ApplicationFacts, 7, b"{}");
        relabelled[..2].copy_from_slice(&1i16.to_be_bytes());
        assert_eq!(k.open(Field::ApplicationFacts, 7, &relabelled), Err(OpenError::Forged));
    }

    #[test]
    fn another_secret_cannot_open_and_says_which_version_it_needs() {
        let sealed = key(1, 1).seal(Field::ApplicationFacts, 7, b"{}");
        assert_eq!(key(2, 1).open(Field::ApplicationFacts, 7, &sealed), Err(OpenError::Forged));
        assert_eq!(key(1, 2).open(Field::ApplicationFacts, 7, &sealed), Err(OpenError::OtherKey { found: 1, ours: 2 }));
        assert_eq!(key(1, 1).open(Field::ApplicationFacts, 7, b"short"), Err(OpenError::Malformed));
    }

    #[test]
    fn during_a_key_change_both_versions_open_and_only_the_new_one_seals() {
        let old = key(1, 1);
        let by_old = old.seal(Field::ApplicationFacts, 7, b"old");
        let new = key(2, 2).with_previous(old.clone());
        let by_new = new.seal(Field::ApplicationFacts, 7, b"new");
        assert_eq!(new.open(Field::ApplicationFacts, 7, &by_old).unwrap(), b"old");
        assert_eq!(new.open(Field::ApplicationFacts, 7, &by_new).unwrap(), b"new");
        assert_eq!(version_of(&by_new), Some(2));
        assert_eq!(old.open(Field::ApplicationFacts, 7, &by_new), Err(OpenError::OtherKey { found: 2, ours: 1 }));
        assert_eq!(new.open(Field::ApplicationFacts, 8, &by_old), Err(OpenError::Forged));
    }

    #[test]
    fn fingerprints_tell_secrets_apart_without_being_the_key() {
        let a = SecretKey::from_bytes(vec![1; 32]).unwrap();
        let b = SecretKey::from_bytes(vec![2; 32]).unwrap();
        assert_eq!(FieldKey::fingerprint_of(&a), FieldKey::fingerprint_of(&a));
        assert_ne!(FieldKey::fingerprint_of(&a), FieldKey::fingerprint_of(&b));
        assert!(!format!("{:?}", key(1, 1)).contains("cipher"));
    }
}
