//! Who is asking, for the limits on mail to unproven addresses: the same
//! client address as every per-client limit (`client::ClientAddr`).
use axum::{extract::FromRequestParts, http::request::Parts};

use super::{AppState, client::ClientAddr};
use crate::mail::outbox::Requester;

impl FromRequestParts<AppState> for Requester {
    type Rejection = <ClientAddr as FromRequestParts<AppState>>::Rejection;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let ClientAddr(ip) = ClientAddr::from_request_parts(parts, state).await?;
        Ok(Requester(ip))
    }
}
