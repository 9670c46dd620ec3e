//! The field key: where the secret comes from, its registered version, and
//! moving the sealed data to a new key.
use std::path::Path;

use sqlx::PgPool;

use crate::{
    config::{SecretKey, Settings},
    sealing::FieldKey,
    storage,
};

/// `OPTAG_SECRET_KEY`, or the key kept in `var/secret.key` (made on first use).
pub fn secret_key(settings: &Settings) -> anyhow::Result<SecretKey> {
    if let Some(key) = &settings.secret_key {
        return SecretKey::from_bytes(key.expose().to_vec()).map_err(anyhow::Error::msg);
    }
    let path = settings.var_dir.join("secret.key");
    if let Ok(text) = std::fs::read_to_string(&path) {
        return SecretKey::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()));
    }
    let bytes: [u8; 32] = rand::random();
    write_private(&path, &hex::encode(bytes))?;
    SecretKey::from_bytes(bytes.to_vec()).map_err(anyhow::Error::msg)
}

/// The data key for this server's secret, registered in the database, after
/// sealing any rows stored before field encryption. Refuses a secret that cannot
/// open the data already sealed.
pub async fn field_key(settings: &Settings, pool: &PgPool) -> anyhow::Result<FieldKey> {
    let secret = secret_key(settings)?;
    let fingerprint = FieldKey::fingerprint_of(&secret);
    let previous = match &settings.previous_secret_key {
        Some(previous) => storage::sealed::registered_version(pool, &FieldKey::fingerprint_of(previous))
            .await?
            .map(|version| FieldKey::derive(previous, version)),
        None => None,
    };
    let key = match previous {
        // A key change without downtime: the previous key proves access, so the
        // new secret may become the next version; both open, the new one seals.
        Some(previous) => {
            let version = storage::sealed::register_next(pool, &fingerprint).await?;
            let key = FieldKey::derive(&secret, version);
            if version == previous.version() { key } else { key.with_previous(previous) }
        }
        None => {
            if settings.previous_secret_key.is_some() {
                tracing::warn!("OPTAG_PREVIOUS_SECRET_KEY is no longer used by any data; remove it");
            }
            FieldKey::derive(&secret, storage::sealed::version_for(pool, &fingerprint).await?)
        }
    };
    let sealed = storage::sealed::reseal_all(pool, None, &key).await?;
    if sealed != storage::sealed::Resealed::default() {
        tracing::info!(
            applications = sealed.applications,
            drafts = sealed.drafts,
            staff_totp = sealed.staff_totp,
            free_text = sealed.free_text,
            "sealed rows stored before field encryption"
        );
    }
    Ok(key)
}

/// What `optag rotate-key` did.
#[derive(Debug)]
pub struct Rotation {
    pub version: i16,
    pub resealed: storage::sealed::Resealed,
}

/// Finishes a key change without downtime: with `OPTAG_SECRET_KEY` the new key
/// and `OPTAG_PREVIOUS_SECRET_KEY` the old one (as the servers already run),
/// re-seals what the old one sealed and forgets it.
pub async fn finish_key_change(settings: &Settings, pool: &PgPool) -> anyhow::Result<Rotation> {
    let key = field_key(settings, pool).await?;
    let from = key.previous_version().ok_or_else(|| {
        anyhow::anyhow!("OPTAG_PREVIOUS_SECRET_KEY is not a key this database still uses; nothing to re-seal")
    })?;
    let resealed = storage::sealed::reseal_all(pool, Some(&key), &key).await?;
    storage::sealed::retire_all_but(pool, key.version()).await?;
    audit_rotation(pool, from, key.version(), resealed).await?;
    Ok(Rotation { version: key.version(), resealed })
}

async fn audit_rotation(pool: &PgPool, from: i16, to: i16, resealed: storage::sealed::Resealed) -> sqlx::Result<()> {
    let event = storage::audit::Event {
        at: chrono::Utc::now(),
        actor_id: None,
        action: "field_key_rotated",
        application_id: None,
        detail: serde_json::json!({
            "from_version": from, "to_version": to,
            "applications": resealed.applications, "drafts": resealed.drafts, "staff_totp": resealed.staff_totp,
            "free_text": resealed.free_text,
        }),
        request_id: None,
    };
    storage::audit::record_now(pool, &event).await
}

/// Re-seals everything under `new_secret`, then forgets the old version. The
/// old secret is the server's own; with no `OPTAG_SECRET_KEY`, the new secret
/// replaces `var/secret.key`. Servers must be stopped while it runs: they hold
/// the old key (or see `finish_key_change` for a change without downtime).
pub async fn rotate_key(settings: &Settings, pool: &PgPool, new_secret: SecretKey) -> anyhow::Result<Rotation> {
    let old = field_key(settings, pool).await?;
    let version = storage::sealed::register_next(pool, &FieldKey::fingerprint_of(&new_secret)).await?;
    anyhow::ensure!(version != old.version(), "the new key is the key in use; give a different one");
    let new = FieldKey::derive(&new_secret, version);
    let resealed = storage::sealed::reseal_all(pool, Some(&old), &new).await?;
    storage::sealed::retire_all_but(pool, version).await?;
    audit_rotation(pool, old.version(), version, resealed).await?;
    if settings.secret_key.is_none() {
        replace_private(&settings.var_dir.join("secret.key"), &hex::encode(new_secret.expose()))?;
    }
    Ok(Rotation { version, resealed })
}

/// Writes `text` beside `path` and renames it over, so a crash leaves one whole key.
fn replace_private(path: &Path, text: &str) -> anyhow::Result<()> {
    let fresh = path.with_extension("new");
    let _ = std::fs::remove_file(&fresh);
    write_private(&fresh, text)?;
    std::fs::rename(&fresh, path)?;
    Ok(())
}

fn write_private(path: &Path, text: &str) -> anyhow::Result<()> {
    use std::{io::Write, os::unix::fs::OpenOptionsExt};
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path)?;
    file.write_all(text.as_bytes())?;
    Ok(())
}
