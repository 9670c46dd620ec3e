//! Whether our relay can carry mail to an address: a local part beyond
//! ASCII (`søren@example.dk`) needs SMTPUTF8, which the relay announces in
//! its EHLO answer. Forms ask here and refuse such an address beside the
//! field when the relay lacks it, rather than accept mail we cannot deliver.
use tokio::sync::OnceCell;

use super::transport;
use crate::{config::MailDelivery, domain::email_address::EmailAddress};

pub struct MailReach {
    delivery: MailDelivery,
    /// The relay's answer, once it gave one (it does not change while we run).
    smtputf8: OnceCell<bool>,
}

impl MailReach {
    pub fn new(delivery: MailDelivery) -> Self {
        Self { delivery, smtputf8: OnceCell::new() }
    }

    pub async fn reaches(&self, address: &EmailAddress) -> bool {
        if !address.needs_smtputf8() {
            return true;
        }
        let offered = match self.smtputf8.get() {
            Some(known) => *known,
            // A relay that cannot be asked now counts as without: the person
            // can use another address, where a mail that never leaves helps nobody.
            None => match transport::offers_smtputf8(&self.delivery).await {
                Some(answer) => *self.smtputf8.get_or_init(|| async { answer }).await,
                None => false,
            },
        };
        address.reachable(offered)
    }
}
