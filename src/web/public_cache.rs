//! A per-instance cache of the rendered public pages (front page, intake
//! page, application form, info-meeting page), keyed by path and language,
//! and of the intakes a submit reads, keyed by slug.
//!
//! Correctness first; an entry is served only while all of these hold:
//! - this instance LISTENs on `storage::public_pages::CHANNEL` (triggers
//!   notify it at the commit of any change to what the pages show, from any
//!   instance); while the listener is down nothing is served from here;
//! - no notification (and no state-changing request on this instance, see
//!   `forget_after_writes`) came since the data behind it was read;
//! - the clock has not reached the next moment a page changes by time
//!   alone (an intake opening or closing, a meeting starting), and at most
//!   `MAX_AGE` has passed: a safety net, not the mechanism.
use std::{
    collections::HashMap,
    sync::{
        Arc, RwLock,
        atomic::{AtomicBool, Ordering},
    },
    time::Duration,
};

use axum::{
    body::Bytes,
    extract::{MatchedPath, Request, State},
    http::Method,
    middleware::Next,
    response::Response,
};
use chrono::{DateTime, Utc};
use sqlx::PgPool;
use tokio::sync::watch;

use super::{AppState, error::AppResult};
use crate::{domain::intake::Intake, i18n::Lang, storage};

const MAX_AGE: chrono::TimeDelta = chrono::TimeDelta::seconds(60);
/// Bounds memory whatever the number of intakes and meetings.
const MAX_ENTRIES: usize = 400;

#[derive(Default)]
pub struct PublicCache {
    listening: AtomicBool,
    inner: RwLock<Inner>,
}

#[derive(Default)]
struct Inner {
    generation: u64,
    /// Entries hold from `.0` until before `.1`; `None`: not yet known.
    window: Option<(DateTime<Utc>, DateTime<Utc>)>,
    pages: HashMap<Lang, HashMap<Box<str>, Bytes>>,
    /// Intakes by slug, as a submit reads one on every post.
    intakes: HashMap<Box<str>, Intake>,
}

impl Inner {
    fn holds_at(&self, now: DateTime<Utc>) -> bool {
        self.window.is_some_and(|(from, until)| from <= now && now < until)
    }

    fn entries(&self) -> usize {
        self.pages.values().map(HashMap::len).sum::<usize>() + self.intakes.len()
    }

    fn clear(&mut self) {
        self.pages.clear();
        self.intakes.clear();
    }
}

/// Taken before reading the data of a page; a fill under an older ticket is dropped.
#[derive(Clone, Copy)]
pub struct Ticket(u64);

impl PublicCache {
    pub fn get(&self, lang: Lang, path: &str, now: DateTime<Utc>) -> Option<Bytes> {
        if !self.listening.load(Ordering::Acquire) {
            return None;
        }
        let inner = self.inner.read().unwrap_or_else(|e| e.into_inner());
        if !inner.holds_at(now) {
            return None;
        }
        inner.pages.get(&lang)?.get(path).cloned()
    }

    /// The intake at `slug` as read last, on the same terms as the pages.
    pub fn intake(&self, slug: &str, now: DateTime<Utc>) -> Option<Intake> {
        if !self.listening.load(Ordering::Acquire) {
            return None;
        }
        let inner = self.inner.read().unwrap_or_else(|e| e.into_inner());
        if !inner.holds_at(now) {
            return None;
        }
        inner.intakes.get(slug).cloned()
    }

    pub fn ticket(&self) -> Ticket {
        Ticket(self.inner.read().unwrap_or_else(|e| e.into_inner()).generation)
    }

    /// Keeps `body` for `path` unless something changed since `ticket`.
    pub async fn put(&self, pool: &PgPool, ticket: Ticket, lang: Lang, path: &str, body: Bytes, now: DateTime<Utc>) {
        self.keep(pool, ticket, now, |inner| {
            inner.pages.entry(lang).or_default().insert(Box::from(path), body);
        })
        .await;
    }

    /// Keeps `intake` for `slug` unless something changed since `ticket`.
    pub async fn put_intake(&self, pool: &PgPool, ticket: Ticket, slug: &str, intake: Intake, now: DateTime<Utc>) {
        self.keep(pool, ticket, now, |inner| {
            inner.intakes.insert(Box::from(slug), intake);
        })
        .await;
    }

    async fn keep(&self, pool: &PgPool, ticket: Ticket, now: DateTime<Utc>, add: impl FnOnce(&mut Inner)) {
        if !self.listening.load(Ordering::Acquire) {
            return;
        }
        let known = self.inner.read().unwrap_or_else(|e| e.into_inner()).holds_at(now);
        let window = if known {
            None
        } else {
            match storage::public_pages::next_change(pool, now).await {
                Ok(next) => Some((now, next.map_or(now + MAX_AGE, |n| n.min(now + MAX_AGE)))),
                Err(err) => {
                    tracing::warn!(error = %err, "the public pages' next change could not be read");
                    return;
                }
            }
        };
        let mut inner = self.inner.write().unwrap_or_else(|e| e.into_inner());
        if inner.generation != ticket.0 {
            return;
        }
        if let Some(window) = window.filter(|_| !inner.holds_at(now)) {
            inner.clear();
            inner.window = Some(window);
        }
        if inner.holds_at(now) && inner.entries() < MAX_ENTRIES {
            add(&mut inner);
        }
    }

    /// Drops every page and intake; fills begun before this are dropped too.
    pub fn forget(&self) {
        let mut inner = self.inner.write().unwrap_or_else(|e| e.into_inner());
        inner.generation += 1;
        inner.window = None;
        inner.clear();
    }

    fn set_listening(&self, on: bool) {
        self.listening.store(on, Ordering::Release);
        self.forget();
    }
}

/// The page at `path` in `lang`: kept, or rendered by `render` (given the
/// clock's reading) and kept.
pub async fn cached(
    state: &AppState,
    lang: Lang,
    path: &str,
    render: impl AsyncFnOnce(DateTime<Utc>) -> AppResult<String>,
) -> AppResult<Bytes> {
    let cache = &state.public_cache;
    let now = state.clock.now();
    if let Some(body) = cache.get(lang, path, now) {
        return Ok(body);
    }
    let ticket = cache.ticket();
    let body = Bytes::from(render(now).await?);
    cache.put(&state.pool, ticket, lang, path, body.clone(), now).await;
    Ok(body)
}

/// The intake at `slug`: kept, or read and kept. A submit reads its intake
/// on every post; between changes it is the same.
pub async fn cached_intake(state: &AppState, slug: &str) -> AppResult<Intake> {
    let cache = &state.public_cache;
    let now = state.clock.now();
    if let Some(intake) = cache.intake(slug, now) {
        return Ok(intake);
    }
    let ticket = cache.ticket();
    let intake = crate::flows::apply::intake(state, slug).await?;
    cache.put_intake(&state.pool, ticket, slug, intake.clone(), now).await;
    Ok(intake)
}

/// Listens for changes until `shutdown`; reconnects after a lost connection
/// (notifications may have been missed then, so the cache starts empty).
pub async fn listen(cache: Arc<PublicCache>, pool: PgPool, mut shutdown: watch::Receiver<bool>) {
    loop {
        match storage::public_pages::listen(&pool).await {
            Ok(mut listener) => {
                cache.set_listening(true);
                loop {
                    tokio::select! {
                        message = listener.try_recv() => match message {
                            Ok(Some(_)) => cache.forget(),
                            Ok(None) | Err(_) => break,
                        },
                        _ = shutdown.wait_for(|stop| *stop) => return cache.set_listening(false),
                    }
                }
                cache.set_listening(false);
                tracing::warn!("lost the connection listening for public page changes; reconnecting");
            }
            Err(err) => tracing::warn!(error = %err, "could not listen for public page changes; retrying"),
        }
        tokio::select! {
            () = tokio::time::sleep(Duration::from_secs(1)) => {}
            _ = shutdown.wait_for(|stop| *stop) => return,
        }
    }
}

/// A state-changing request on this instance forgets the cache once it is
/// answered (its commit is done), so the next page here shows the change at
/// once, without waiting for the notification. Applications sent through
/// the form change nothing the public pages show, and come too often to
/// empty the cache every time.
pub async fn forget_after_writes(State(cache): State<Arc<PublicCache>>, request: Request, next: Next) -> Response {
    let safe = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS)
        || request.extensions().get::<MatchedPath>().is_some_and(|p| p.as_str() == "/intakes/{slug}/apply");
    let response = next.run(request).await;
    if !safe {
        cache.forget();
    }
    response
}
