//! Staff review of applications: the list and its export, one application
//! (who may see it and what its page shows), notes, status changes and the
//! coordinators' eligibility verdicts. Each change is one transaction,
//! audited after its commit.
mod list;
mod notes;
mod status;
mod verify;
mod view;

pub use list::{Listing, export, list};
pub use notes::add_note;
pub use status::{StatusChanged, change_status};
pub use verify::{Problem, Verdict, Verified, stored_outcomes, verify};
pub use view::{Review, gather, load, show};
