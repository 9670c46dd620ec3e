//! The "let me know" list hears about a new meeting.
use crate::{
    i18n::{Lang, dates, fill},
    storage,
    web::{
        AppState,
        error::{AppError, AppResult},
    },
};

/// Tells everyone on the "let me know" list about meeting `id`, in one
/// transaction. It stays at the web edge while `web::notify::announce` does:
/// it moves to a flow with the subscriptions' use cases.
pub async fn announce_meeting(state: &AppState, id: i64) -> AppResult<()> {
    let m = storage::info_meetings::page(&state.pool, id).await?.ok_or(AppError::NotFound)?;
    let t = Lang::MAIL.meeting();
    let text = fill(
        t.mail_meeting_news_body,
        &[&m.programme_name, &dates::long_span(Lang::MAIL, m.starts_at, m.ends_at), &m.place],
    );
    let link = crate::mail::body::MailLink {
        label: t.mail_meeting_news_link.into(),
        url: state.settings.absolute(&format!("/info-meetings/{id}")),
    };
    let mut tx = state.pool.begin().await?;
    crate::web::notify::announce(&mut tx, state, t.mail_meeting_news_subject, text, link).await?;
    tx.commit().await?;
    state.mail_wake.notify_one();
    Ok(())
}
