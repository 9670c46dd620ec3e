//! The consent texts as the form shows them, and their stored ids.
use sqlx::PgConnection;

use crate::{
    domain::consent::{self, ConsentText, Purpose},
    flows::Context,
    i18n::Lang,
    storage,
};

/// The consent texts exactly as the form shows them in `lang`: (the
/// required one, the optional keep-for-later one).
pub fn consent_texts(lang: Lang) -> (ConsentText, ConsentText) {
    let a = lang.apply();
    let text = |purpose, body: String| ConsentText { purpose, version: consent::VERSION, language: lang.code(), body };
    (
        text(Purpose::Application, format!("{}\n\n{}", a.privacy_text, a.consent)),
        text(Purpose::KeepForLater, a.keep_for_later.to_string()),
    )
}

/// The id of `text`, from `ctx.consent_ids` when known to be committed, else
/// stored (or found) inside the caller's transaction.
pub(super) async fn consent_id(
    tx: &mut PgConnection,
    ctx: &Context,
    text: &ConsentText,
    now: chrono::DateTime<chrono::Utc>,
) -> sqlx::Result<i64> {
    let key = (text.purpose.key(), text.language);
    let known = ctx.consent_ids.0.read().ok().and_then(|ids| ids.get(&key).copied());
    if let Some(id) = known {
        return Ok(id);
    }
    let stored = storage::consent::id_of(tx, text, now).await?;
    if !stored.inserted_now
        && let Ok(mut ids) = ctx.consent_ids.0.write()
    {
        ids.insert(key, stored.id);
    }
    Ok(stored.id)
}
