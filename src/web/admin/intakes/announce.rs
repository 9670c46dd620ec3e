//! The mail to everyone on the "let me know" list when an intake is created.
use crate::{
    i18n::{Lang, dates},
    storage,
    web::{
        AppState,
        error::{AppError, AppResult},
    },
};

/// Tells everyone on the "let me know" list about a new intake still ahead.
pub(super) async fn announce_intake(state: &AppState, id: i64) -> AppResult<()> {
    let intake = storage::intakes::by_id(&state.pool, id).await?.ok_or(AppError::NotFound)?;
    if intake.deadline <= state.clock.now() {
        return Ok(());
    }
    let (lang, t) = (Lang::MAIL, Lang::MAIL.meeting());
    let name = format!("{} – {}", intake.programme.name, intake.name);
    let text = crate::i18n::fill(
        t.mail_intake_news_body,
        &[&name, &dates::long_moment(lang, intake.opens_at), &dates::long_moment(lang, intake.deadline)],
    );
    let link = crate::mail::body::MailLink {
        label: t.mail_intake_news_link.into(),
        url: state.settings.absolute(&format!("/intakes/{}", intake.slug)),
    };
    let mut tx = state.pool.begin().await?;
    crate::web::notify::announce(&mut tx, state, t.mail_intake_news_subject, text, link).await?;
    tx.commit().await?;
    state.mail_wake.notify_one();
    Ok(())
}
