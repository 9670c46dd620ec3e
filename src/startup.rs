//! Builds the running application: database, migrations, state, router, workers.
use std::{net::SocketAddr, path::Path, sync::Arc, time::Duration};

use anyhow::Context;
use sqlx::{PgPool, postgres::PgPoolOptions};
use tokio::{
    net::TcpListener,
    sync::{Notify, watch},
    task::JoinHandle,
};

use crate::{
    clock::Clock,
    config::{SecretKey, Settings},
    embedded_pg::{Durability, EmbeddedPg},
    mail::{transport::Transport, worker::Worker},
    sealing::FieldKey,
    storage,
    web::{self, AppState},
};

/// Small on purpose: 2 cores serve best with few busy connections, and several
/// instances share one server's `max_connections`.
pub fn pool_options() -> PgPoolOptions {
    PgPoolOptions::new().max_connections(12).min_connections(1).acquire_timeout(Duration::from_secs(5))
}

/// The database the app uses, and the private cluster behind it if any.
pub struct Database {
    pub pool: PgPool,
    pub embedded: Option<EmbeddedPg>,
}

impl Database {
    pub async fn connect(settings: &Settings) -> anyhow::Result<Self> {
        match &settings.database_url {
            Some(url) => {
                let pool = pool_options().connect(url).await.context("connecting to DATABASE_URL")?;
                Ok(Self { pool, embedded: None })
            }
            None => {
                let dir = settings.var_dir.join("postgres");
                // A school's data: fsync on (a crash with it off can corrupt the cluster).
                let pg = tokio::task::spawn_blocking(move || EmbeddedPg::start(&dir, Durability::Durable)).await??;
                let admin = pool_options().max_connections(1).connect_with(pg.connect_options()).await?;
                let exists: bool =
                    sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'optag')")
                        .fetch_one(&admin)
                        .await?;
                if !exists {
                    sqlx::query("CREATE DATABASE optag").execute(&admin).await?;
                }
                admin.close().await;
                let pool = pool_options().connect_with(pg.connect_options().database("optag")).await?;
                // A cluster joined rather than started keeps the settings it was started with.
                let fsync: String = sqlx::query_scalar("SHOW fsync").fetch_one(&pool).await?;
                if fsync != "on" {
                    tracing::warn!("the private PostgreSQL cluster runs with fsync off; stop it and start optag again");
                }
                Ok(Self { pool, embedded: Some(pg) })
            }
        }
    }

    pub async fn close(self) {
        self.pool.close().await;
        if let Some(pg) = self.embedded {
            let _ = tokio::task::spawn_blocking(move || pg.stop()).await;
        }
    }
}

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

/// A serving application: its address, and a way to stop it.
pub struct RunningApp {
    pub address: SocketAddr,
    pub state: AppState,
    shutdown: watch::Sender<bool>,
    server: JoinHandle<std::io::Result<()>>,
    worker: JoinHandle<()>,
    jobs: JoinHandle<()>,
}

impl RunningApp {
    /// Starts the HTTP server on `listener` and the outbox worker.
    pub fn start(
        settings: Settings,
        pool: PgPool,
        key: FieldKey,
        clock: Arc<dyn Clock>,
        listener: TcpListener,
    ) -> anyhow::Result<Self> {
        let address = listener.local_addr()?;
        let settings = Arc::new(settings);
        let mail_wake = Arc::new(Notify::new());
        let flows = crate::flows::Context {
            pool: pool.clone(),
            settings: settings.clone(),
            clock,
            mail_wake: mail_wake.clone(),
            key: Arc::new(key),
            consent_ids: Arc::default(),
            mail_reach: Arc::new(crate::mail::reach::MailReach::new(settings.mail.clone())),
            organisation: Arc::default(),
        };
        let state = AppState { flows, public_cache: Arc::default() };
        let (shutdown, watch_shutdown) = watch::channel(false);
        let worker = Worker {
            pool,
            key: state.key.clone(),
            transport: Transport::new(&settings.mail)?,
            from: settings.mail_from.clone(),
            footer: crate::mail::message::Footer {
                text: crate::i18n::Lang::MAIL.privacy().mail_footer.to_string(),
                url: settings.absolute("/privacy"),
                contact_label: crate::i18n::Lang::MAIL.privacy().mail_contact.to_string(),
            },
            organisation: state.organisation.clone(),
            pacing: settings.outbox.clone(),
            wake: mail_wake,
        };
        let worker = tokio::spawn(worker.run(watch_shutdown.clone()));
        let jobs = crate::jobs::Jobs {
            pool: state.pool.clone(),
            key: state.key.clone(),
            settings: settings.clone(),
            clock: state.clock.clone(),
            mail_wake: state.mail_wake.clone(),
            every: Duration::from_secs(60),
        };
        let jobs = tokio::spawn(jobs.run(watch_shutdown.clone()));
        tokio::spawn(web::public_cache::listen(state.public_cache.clone(), state.pool.clone(), watch_shutdown.clone()));
        let app = web::router(state.clone());
        let mut server_shutdown = watch_shutdown;
        let stopped = async move {
            let _ = server_shutdown.wait_for(|stop| *stop).await;
        };
        let server = tokio::spawn(web::serve::serve(listener, app, settings.header_read_timeout, stopped));
        Ok(Self { address, state, shutdown, server, worker, jobs })
    }

    /// Stops taking requests, lets running ones finish, stops the worker.
    pub async fn stop(self) {
        let _ = self.shutdown.send(true);
        let _ = self.server.await;
        let _ = self.worker.await;
        let _ = self.jobs.await;
    }

    /// Serves until `signal` fires (then stops gracefully) or the server fails.
    pub async fn run_until(mut self, signal: impl std::future::Future<Output = ()>) -> anyhow::Result<()> {
        tokio::select! {
            () = signal => {
                tracing::info!("shutting down");
                self.stop().await;
                Ok(())
            }
            result = &mut self.server => {
                let _ = self.shutdown.send(true);
                let _ = self.worker.await;
                let _ = self.jobs.await;
                result?.context("the HTTP server stopped")
            }
        }
    }
}

/// Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}

pub async fn migrate(pool: &PgPool) -> anyhow::Result<()> {
    storage::migrate(pool).await.context("running migrations")?;
    publish_consent_texts(pool).await
}

/// Stores the consent texts the form shows, so a wording changed without a
/// new version stops the deploy here instead of an applicant's submit.
async fn publish_consent_texts(pool: &PgPool) -> anyhow::Result<()> {
    let mut conn = pool.acquire().await?;
    for lang in [crate::i18n::Lang::Da, crate::i18n::Lang::En] {
        let (application, keep) = crate::flows::apply::consent_texts(lang);
        for text in [application, keep] {
            storage::consent::id_of(&mut conn, &text, chrono::Utc::now()).await.context("consent texts")?;
        }
    }
    Ok(())
}
