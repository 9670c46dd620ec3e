//! How many mails may go to an address that has not proven itself (sign-ups,
//! drafts, link requests, "let me know"), so that optag cannot be used to
//! flood a stranger's inbox. Source: http-contract.md, "Version 2 additions".
use chrono::Duration;

/// A number of mails per fixed window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quota {
    pub mails: i32,
    pub window: Duration,
}

/// Per recipient address: 3 an hour.
pub const PER_ADDRESS: Quota = Quota { mails: 3, window: Duration::hours(1) };
/// Per client (the visitor's network address): 100 an hour.
pub const PER_CLIENT: Quota = Quota { mails: 100, window: Duration::hours(1) };

impl Quota {
    /// Whether the `used`-th mail of a window (counting this one) may go.
    pub fn allows(&self, used: i32) -> bool {
        used <= self.mails
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fourth_mail_to_an_address_within_an_hour_is_held_back() {
        assert!((1..=3).all(|n| PER_ADDRESS.allows(n)));
        assert!(!PER_ADDRESS.allows(4));
        assert!(PER_CLIENT.allows(100) && !PER_CLIENT.allows(101));
    }
}
