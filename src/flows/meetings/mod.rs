//! Info meetings: the public's sign-up and its links ([`signup`], [`links`]),
//! and what staff do to a meeting ([`staff`]). Each use case is one
//! transaction with its e-mails; the meeting row is locked while seats are counted.
pub mod links;
pub mod signup;
pub mod staff;

use crate::{
    domain::email_address::EmailAddress,
    flows::{Error, FlowResult},
    mail::messages::meetings::To,
    storage::info_meetings::SignupRow,
};

/// What a confirmation or an invitation came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Done,
    /// Confirming again, or an invitation already used: nothing changes, nothing is sent.
    AlreadyDone,
    Full,
    /// The meeting has started or is cancelled.
    Closed,
    /// The confirmation link is past its window (or the sign-up was cancelled).
    Expired,
}

/// An [`Outcome`] and the meeting it concerns (the pages link back to it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answer {
    pub outcome: Outcome,
    pub meeting_id: i64,
}

/// The mail recipient of a stored sign-up; its address must parse.
fn to(row: &SignupRow) -> FlowResult<To<'_>> {
    let address = EmailAddress::parse(&row.email).map_err(|_| Error::stored("address"))?;
    Ok(To { address, name: &row.name, signup_id: row.id })
}
