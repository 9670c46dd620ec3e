//! Builds the running application: database, migrations, state, router, workers.
use std::{net::SocketAddr, sync::Arc, time::Duration};

use anyhow::Context;
use sqlx::{PgPool, postgres::PgPoolOptions};
use tokio::{
    net::TcpListener,
    sync::{Notify, watch},
    task::JoinHandle,
};

mod keys;

pub use keys::{Rotation, field_key, finish_key_change, rotate_key, secret_key};

use crate::{
    clock::Clock,
    config::Settings,
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
