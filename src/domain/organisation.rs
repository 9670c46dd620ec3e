//! The school behind the site: the data controller of GDPR Art. 13, named on
//! `/privacy`, in every page's footer and in every e-mail.
use super::{application::values::PhoneNumber, email_address::EmailAddress};

/// The settings form as sent: text fields, parsed once by [`Organisation::parse`].
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct OrganisationFields {
    pub organisation_name: String,
    pub organisation_address: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub dpo_email: String,
}

/// What is wrong with one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    Required,
    TooLong,
    NotAnEmail,
    NotAPhone,
    /// Neither an e-mail address nor a phone number: no one could reach the school.
    NoWayToReach,
}

/// A valid organisation: a name and address, and at least one way to reach it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    name: String,
    address: String,
    contact_email: Option<EmailAddress>,
    contact_phone: Option<PhoneNumber>,
    dpo_email: Option<EmailAddress>,
}

const NAME_MAX: usize = 200;
const ADDRESS_MAX: usize = 300;

fn text(value: &str, max: usize) -> Result<String, Problem> {
    let value = value.trim();
    match value.chars().count() {
        0 => Err(Problem::Required),
        n if n > max => Err(Problem::TooLong),
        _ => Ok(value.to_string()),
    }
}

fn optional_email(value: &str) -> Result<Option<EmailAddress>, Problem> {
    if value.trim().is_empty() {
        return Ok(None);
    }
    EmailAddress::parse(value).map(Some).map_err(|_| Problem::NotAnEmail)
}

impl Organisation {
    /// Every field's problem, in the form's order, or the organisation.
    pub fn parse(f: &OrganisationFields) -> Result<Self, Vec<(&'static str, Problem)>> {
        let name = text(&f.organisation_name, NAME_MAX);
        let address = text(&f.organisation_address, ADDRESS_MAX);
        let email = optional_email(&f.contact_email);
        let phone = match f.contact_phone.trim() {
            "" => Ok(None),
            p => PhoneNumber::parse(p).map(Some).ok_or(Problem::NotAPhone),
        };
        let dpo = optional_email(&f.dpo_email);
        let email = match (&email, &phone) {
            (Ok(None), Ok(None)) => Err(Problem::NoWayToReach),
            _ => email,
        };
        match (name, address, email, phone, dpo) {
            (Ok(name), Ok(address), Ok(contact_email), Ok(contact_phone), Ok(dpo_email)) => {
                Ok(Self { name, address, contact_email, contact_phone, dpo_email })
            }
            (name, address, email, phone, dpo) => Err([
                ("organisation_name", name.err()),
                ("organisation_address", address.err()),
                ("contact_email", email.err()),
                ("contact_phone", phone.err()),
                ("dpo_email", dpo.err()),
            ]
            .into_iter()
            .filter_map(|(field, problem)| problem.map(|p| (field, p)))
            .collect()),
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn address(&self) -> &str {
        &self.address
    }

    pub fn contact_email(&self) -> Option<&EmailAddress> {
        self.contact_email.as_ref()
    }

    pub fn contact_phone(&self) -> Option<&PhoneNumber> {
        self.contact_phone.as_ref()
    }

    pub fn dpo_email(&self) -> Option<&EmailAddress> {
        self.dpo_email.as_ref()
    }

    /// The form filled with these settings, for editing.
    pub fn fields(&self) -> OrganisationFields {
        OrganisationFields {
            organisation_name: self.name.clone(),
            organisation_address: self.address.clone(),
            contact_email: self.contact_email.as_ref().map(|e| e.as_str().to_string()).unwrap_or_default(),
            contact_phone: self.contact_phone.as_ref().map(ToString::to_string).unwrap_or_default(),
            dpo_email: self.dpo_email.as_ref().map(|e| e.as_str().to_string()).unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(name: &str, address: &str, email: &str, phone: &str, dpo: &str) -> OrganisationFields {
        OrganisationFields {
            organisation_name: name.into(),
            organisation_address: address.into(),
            contact_email: email.into(),
            contact_phone: phone.into(),
            dpo_email: dpo.into(),
        }
    }

    #[test]
    fn a_full_form_parses_and_round_trips() {
        let f = fields(
            " Recoveryskolen ",
            "Vestergade 1, 8900 Randers",
            "skolen@randers.dk",
            "89 15 00 00",
            "dpo@randers.dk",
        );
        let org = Organisation::parse(&f).unwrap();
        assert_eq!(org.name(), "Recoveryskolen");
        assert_eq!(org.contact_phone().unwrap().as_str(), "+4589150000");
        assert_eq!(Organisation::parse(&org.fields()).unwrap(), org);
    }

    #[test]
    fn one_way_to_reach_the_school_is_enough_but_none_is_not() {
        assert!(Organisation::parse(&fields("S", "A", "", "89150000", "")).is_ok());
        assert!(Organisation::parse(&fields("S", "A", "s@x.dk", "", "")).is_ok());
        let problems = Organisation::parse(&fields("S", "A", "", "", "")).unwrap_err();
        assert_eq!(problems, vec![("contact_email", Problem::NoWayToReach)]);
    }

    #[test]
    fn every_bad_field_is_named_in_the_form_order() {
        let long = "x".repeat(301);
        let problems = Organisation::parse(&fields("", &long, "not-mail", "12", "dpo@")).unwrap_err();
        assert_eq!(
            problems,
            vec![
                ("organisation_name", Problem::Required),
                ("organisation_address", Problem::TooLong),
                ("contact_email", Problem::NotAnEmail),
                ("contact_phone", Problem::NotAPhone),
                ("dpo_email", Problem::NotAnEmail),
            ]
        );
    }
}
