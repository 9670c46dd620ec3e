//! The application under test: a real server on a local port, its own
//! database, an SMTP sink, and a hand-set clock.
use std::{sync::Arc, time::Duration};

use chrono::Utc;
use reqwest::{Client, Response, redirect::Policy};
use sqlx::{PgPool, postgres::PgConnectOptions};
use tokio::net::TcpListener;

use optag::{
    clock::ManualClock,
    config::{OutboxPacing, Settings},
    startup::RunningApp,
};

use super::{database, smtp_sink::SmtpSink};

pub struct TestApp {
    pub base_url: String,
    pub pool: PgPool,
    pub db_options: PgConnectOptions,
    pub clock: ManualClock,
    pub smtp: SmtpSink,
    pub client: Client,
    /// Serves until the test's runtime ends.
    running: RunningApp,
}

/// Quick retries, so tests of an SMTP outage take seconds.
pub fn quick_pacing() -> OutboxPacing {
    OutboxPacing {
        poll_every: Duration::from_millis(100),
        first_retry_after: Duration::from_millis(300),
        max_retry_after: Duration::from_secs(1),
        max_attempts: 50,
    }
}

impl TestApp {
    pub async fn spawn() -> Self {
        let smtp = SmtpSink::start().await;
        let smtp_url = smtp.url();
        Self::spawn_with(smtp, &smtp_url).await
    }

    /// With mail going to `smtp_url`, which need not answer yet.
    pub async fn spawn_with(smtp: SmtpSink, smtp_url: &str) -> Self {
        Self::spawn_inner(smtp, smtp_url, &[], |_| {}).await
    }

    /// With the test settings changed by `tweak` (e.g. an https base URL).
    pub async fn spawn_configured(tweak: impl FnOnce(&mut Settings)) -> Self {
        let smtp = SmtpSink::start().await;
        let smtp_url = smtp.url();
        Self::spawn_inner(smtp, &smtp_url, &[], tweak).await
    }

    /// With some environment variables set, e.g. `OPTAG_TRUSTED_PROXIES`.
    pub async fn spawn_with_env(vars: &[(&str, &str)]) -> Self {
        let smtp = SmtpSink::start().await;
        let smtp_url = smtp.url();
        Self::spawn_inner(smtp, &smtp_url, vars, |_| {}).await
    }

    async fn spawn_inner(
        smtp: SmtpSink,
        smtp_url: &str,
        vars: &[(&str, &str)],
        tweak: impl FnOnce(&mut Settings),
    ) -> Self {
        let (pool, db_options) = database::fresh_database().await;
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let base_url = format!("http://{}", listener.local_addr().expect("address"));
        let mut settings = settings_with(&base_url, smtp_url, vars);
        tweak(&mut settings);
        let clock = ManualClock::at(Utc::now());
        let key = optag::startup::field_key(&settings, &pool).await.expect("the key registers");
        let running =
            RunningApp::start(settings, pool.clone(), key, Arc::new(clock.clone()), listener).expect("app starts");
        let client = Client::builder().redirect(Policy::none()).cookie_store(true).build().expect("client");
        Self { base_url, pool, db_options, clock, smtp, client, running }
    }

    pub async fn load_demo(&self) -> optag::demo::DemoData {
        optag::demo::load(&self.pool, self.clock.now_utc()).await.expect("demo loads")
    }

    /// The server's field key, for tests that write or read sealed rows directly.
    pub async fn key(&self) -> optag::sealing::FieldKey {
        optag::startup::field_key(&settings(&self.base_url, &self.smtp.url()), &self.pool).await.unwrap()
    }

    /// The sealed health part of an application, opened with the server's key.
    pub async fn health(&self, reference: &str) -> Option<optag::storage::review::Health> {
        let key = optag::startup::field_key(&settings(&self.base_url, &self.smtp.url()), &self.pool).await.unwrap();
        let id: i64 = sqlx::query_scalar("SELECT id FROM applications WHERE reference = $1")
            .bind(reference)
            .fetch_one(&self.pool)
            .await
            .unwrap();
        optag::storage::review::health(&self.pool, &key, id).await.unwrap()
    }

    /// The running server's state, for serving a router of a test's own.
    pub fn state(&self) -> &optag::web::AppState {
        &self.running.state
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client.get(self.url(path)).send().await.expect("GET")
    }

    /// A same-origin form POST, as a browser sends it.
    pub async fn post_form(&self, path: &str, form: &[(&str, &str)]) -> Response {
        self.client
            .post(self.url(path))
            .header("origin", &self.base_url)
            .header("sec-fetch-site", "same-origin")
            .form(form)
            .send()
            .await
            .expect("POST")
    }
}

pub fn settings(base_url: &str, smtp_url: &str) -> Settings {
    settings_with(base_url, smtp_url, &[])
}

/// The test settings with `vars` set on top.
pub fn settings_with(base_url: &str, smtp_url: &str, vars: &[(&str, &str)]) -> Settings {
    let mut settings = Settings::from_lookup(|name| match name {
        _ if vars.iter().any(|(k, _)| *k == name) => vars.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string()),
        "OPTAG_BASE_URL" => Some(base_url.to_string()),
        "OPTAG_SMTP_URL" => Some(smtp_url.to_string()),
        "OPTAG_MAIL_FROM" => Some("optag <noreply@optag.test>".to_string()),
        "OPTAG_SECRET_KEY" => Some("ab".repeat(32)),
        _ => None,
    })
    .expect("test settings");
    settings.outbox = quick_pacing();
    settings
}

/// The clock's reading, for code that wants a `DateTime<Utc>`.
pub trait NowUtc {
    fn now_utc(&self) -> chrono::DateTime<Utc>;
}

impl NowUtc for ManualClock {
    fn now_utc(&self) -> chrono::DateTime<Utc> {
        use optag::clock::Clock;
        self.now()
    }
}

impl TestApp {
    /// Another server on the same database and SMTP sink, as a second instance
    /// behind a load balancer would be.
    pub async fn spawn_second_instance(first: &TestApp) -> RunningApp {
        Self::spawn_instance_mailing_to(first, &first.smtp.url()).await
    }

    /// Another server on the same database whose mail goes to `smtp_url`.
    pub async fn spawn_instance_mailing_to(first: &TestApp, smtp_url: &str) -> RunningApp {
        let pool = sqlx::postgres::PgPoolOptions::new()
            .max_connections(8)
            .connect_with(first.db_options.clone())
            .await
            .expect("connect");
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let base_url = format!("http://{}", listener.local_addr().expect("address"));
        let settings = settings(&base_url, smtp_url);
        let key = optag::startup::field_key(&settings, &pool).await.expect("the key registers");
        RunningApp::start(settings, pool, key, Arc::new(first.clock.clone()), listener).expect("second instance starts")
    }
}
