//! Interviews: staff make slots and invite; the applicant books, changes or
//! cancels through a personal link; the panel records assessments. Each
//! change is one transaction with its e-mails.
pub mod assess;
pub mod booking;
pub mod days;
pub mod invite;
pub mod remind;
pub mod slots;

use crate::{mail::messages::interviews::Who, storage::interviews::Invitation};

/// The mail recipient behind a booking link.
fn who(inv: &Invitation) -> Who<'_> {
    Who { to: inv.email.clone(), name: &inv.full_name, reference: &inv.reference, application_id: inv.application_id }
}
