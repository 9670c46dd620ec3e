//! A try at a secret, reserved before the secret is checked: the request
//! either holds a `Reservation` or must wait (429).
use crate::{domain::login_throttle::Policy, storage, tokens, web::AppState};

use super::super::error::AppResult;

/// One reserved try for one key. Dropping it leaves the try counted (a
/// failure); `clear` and `refund` are for a right secret or an unused try.
#[must_use = "a reservation is cleared, refunded or left to count as a failure"]
pub struct Reservation {
    key: Vec<u8>,
    policy: &'static Policy,
}

/// The key is hashed: the table holds no addresses.
fn key(kind: &str, value: &str) -> Vec<u8> {
    tokens::hash(&format!("{kind}:{value}"))
}

/// Reserves a try for `kind:value`; `None` when the key must wait.
pub async fn reserve(
    state: &AppState,
    policy: &'static Policy,
    kind: &str,
    value: &str,
) -> AppResult<Option<Reservation>> {
    let key = key(kind, value);
    let allowed = storage::throttle::reserve(&state.pool, &key, policy, state.clock.now()).await?;
    Ok(allowed.then_some(Reservation { key, policy }))
}

impl Reservation {
    /// The secret was right: the key's earlier failures are forgotten too.
    pub async fn clear(self, state: &AppState) -> AppResult<()> {
        Ok(storage::throttle::clear(&state.pool, &self.key).await?)
    }

    /// The try was not spent (the secret was right for a shared key such as
    /// a client address, or it was never checked).
    pub async fn refund(self, state: &AppState) -> AppResult<()> {
        Ok(storage::throttle::refund(&state.pool, &self.key, self.policy, state.clock.now()).await?)
    }
}
