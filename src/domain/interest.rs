//! "Let me know about the next intake": where a subscription stands.
use std::str::FromStr;

/// A subscriber's state: awaiting the confirmation link, subscribed, or gone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubscriberStatus {
    Pending,
    Subscribed,
    Unsubscribed,
}

impl SubscriberStatus {
    /// The stored text.
    pub fn key(self) -> &'static str {
        match self {
            SubscriberStatus::Pending => "pending",
            SubscriberStatus::Subscribed => "subscribed",
            SubscriberStatus::Unsubscribed => "unsubscribed",
        }
    }
}

/// Any text but the three keys.
#[derive(Debug, thiserror::Error)]
#[error("unknown subscriber status")]
pub struct UnknownSubscriberStatus;

impl FromStr for SubscriberStatus {
    type Err = UnknownSubscriberStatus;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "pending" => Ok(SubscriberStatus::Pending),
            "subscribed" => Ok(SubscriberStatus::Subscribed),
            "unsubscribed" => Ok(SubscriberStatus::Unsubscribed),
            _ => Err(UnknownSubscriberStatus),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_back() {
        for s in [SubscriberStatus::Pending, SubscriberStatus::Subscribed, SubscriberStatus::Unsubscribed] {
            assert_eq!(s.key().parse::<SubscriberStatus>().unwrap(), s);
        }
        assert!("x".parse::<SubscriberStatus>().is_err());
    }
}
