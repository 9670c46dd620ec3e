//! Slots, panels, invitations, bookings and assessments: the SQL of
//! interviews, returning named rows with domain types.
mod assessments;
mod bookings;
mod days;
mod room;
mod slots;
mod unbooked;

pub use assessments::{AssessmentRow, add_follow_up, assessments, is_on_panel, open_follow_ups, record_assessment};
pub use bookings::{
    BookError, Booking, Invitation, active_booking, book, cancel_booking, invitation, next_sequence, set_invitation,
    set_reminder,
};
pub use days::{DayEntry, PanelInterview, PanelReminder, claim_panel_reminders, day_plan};
pub use room::{Room, room_for};
pub use slots::{
    PanelCandidate, Slot, SlotEdit, SlotView, create_slots, free_slots, move_free_slot, panel_candidates,
    remove_free_slot, restaff_slot, slot_for_edit, slot_of_intake, slots_of_intake,
};

pub use unbooked::{Unbooked, renew_for_reminder, unbooked_invitations};

use crate::sealing::{Field, FieldKey};

/// What helps at the interview, opened from its sealed column (or as written
/// before sealing, until start-up seals it).
pub(super) fn opened(
    key: &FieldKey,
    booking_id: Option<i64>,
    plain: Option<String>,
    sealed: Option<Vec<u8>>,
) -> sqlx::Result<Option<String>> {
    match (booking_id, sealed) {
        (Some(id), Some(sealed)) => {
            key.open_text(Field::BookingAccommodations, id, Some(&sealed)).map_err(crate::storage::sealed::unreadable)
        }
        _ => Ok(plain),
    }
}
