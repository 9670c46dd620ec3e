//! Strings of the organisation settings (admins only).
use super::catalogue::catalogue;

catalogue! {
    SettingsStrings, DA, EN,
    nav { da: "Skolens oplysninger", en: "School details" }
    title { da: "Skolens oplysninger", en: "School details" }
    intro {
        da: "Det, du skriver her, står nederst på alle sider, i alle e-mails og på siden om persondata, hvor skolen står som dataansvarlig. Så ved ansøgerne, hvem de kan kontakte.",
        en: "What you write here is shown at the bottom of every page, in every e-mail, and on the privacy page, where the school is named as data controller. Then applicants know whom to contact."
    }
    saved { da: "Skolens oplysninger er gemt. De vises nu på siderne og i e-mails.", en: "The school details are saved. They now show on the pages and in e-mails." }
    name { da: "Skolens navn", en: "Name of the school" }
    address { da: "Adresse", en: "Address" }
    address_hint { da: "Gade, nummer, postnummer og by.", en: "Street, number, postcode and town." }
    contact_email { da: "E-mail til ansøgerne", en: "E-mail for applicants" }
    contact_phone { da: "Telefon til ansøgerne", en: "Phone for applicants" }
    contact_hint { da: "Udfyld mindst én af e-mail og telefon.", en: "Fill in at least one of e-mail and phone." }
    dpo_email { da: "E-mail til databeskyttelsesrådgiveren (DPO)", en: "E-mail of the data protection officer (DPO)" }
    dpo_hint { da: "Kan være tom, hvis I ikke har en.", en: "May be empty if you do not have one." }
    save { da: "Gem oplysningerne", en: "Save the details" }
    errors_title { da: "Der er noget, du skal rette", en: "There is something to fix" }
    err_name_required { da: "Skriv skolens navn", en: "Enter the school's name" }
    err_address_required { da: "Skriv skolens adresse", en: "Enter the school's address" }
    err_too_long { da: "Teksten er for lang – gør den kortere", en: "The text is too long – make it shorter" }
    err_email { da: "Skriv en e-mailadresse som fx kontakt@skolen.dk", en: "Enter an e-mail address like kontakt@skolen.dk" }
    err_phone { da: "Skriv et telefonnummer med 8 cifre", en: "Enter a phone number of 8 digits" }
    err_no_way_to_reach { da: "Skriv en e-mailadresse eller et telefonnummer, så ansøgerne kan kontakte skolen", en: "Enter an e-mail address or a phone number, so applicants can contact the school" }
}
