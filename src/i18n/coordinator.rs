//! Strings of the coordinator's overview and of closing what must be verified.
use super::catalogue::catalogue;

catalogue! {
    CoordinatorStrings, DA, EN,
    // Closing a criterion to verify.
    verify_legend { da: "Har du tjekket det?", en: "Have you checked it?" }
    verify_confirmed { da: "Ja, det passer", en: "Yes, it is confirmed" }
    verify_confirmed_residence { da: "Ja, kommunen har sagt ja og betaler", en: "Yes, the municipality has approved and pays" }
    verify_not_confirmed { da: "Nej, det passer ikke", en: "No, it is not confirmed" }
    verify_note { da: "Note (fx hvem du har talt med)", en: "Note (for example whom you spoke to)" }
    verify_button { da: "Gem svaret", en: "Save the answer" }
    verified_confirmed { da: "Tjekket og i orden. Skrevet af {}, {}.", en: "Checked and confirmed. Recorded by {}, {}." }
    verified_not_confirmed { da: "Tjekket – passer ikke. Skrevet af {}, {}.", en: "Checked – not confirmed. Recorded by {}, {}." }
    verified_residence { da: "Hjemkommunen har sagt ja og betaler. Skrevet af {}, {}.", en: "The home municipality has approved and pays. Recorded by {}, {}." }
    verified_by_unknown { da: "en tidligere medarbejder", en: "a former member of staff" }
    err_verify_outcome { da: "Vælg, om det passer eller ej", en: "Choose whether it is confirmed or not" }
    err_verify_note { da: "Noten er for lang – skriv højst 2000 tegn", en: "The note is too long – write at most 2000 characters" }
    verify_conflict_title { da: "Punktet er allerede tjekket", en: "This item is already checked" }
    verify_conflict_text { da: "Punktet står ikke længere som noget, der skal tjekkes. Måske har en kollega lige gjort det. Se ansøgningen igen.", en: "The item is no longer waiting to be checked. Perhaps a colleague has just done it. Look at the application again." }
}
