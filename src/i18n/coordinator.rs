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

    // The overview at /admin.
    overview_remind { da: "Send en påmindelse til dem, der ikke har valgt en tid", en: "Send a reminder to those who have not chosen a time" }
    overview_remind_hint { da: "Hver får et nyt link til at vælge en tid. Ingen får mere end én påmindelse i døgnet.", en: "Each gets a new link to choose a time. Nobody gets more than one reminder a day." }
    overview_nav { da: "Overblik", en: "Overview" }
    overview_title { da: "Det venter på dig", en: "What is waiting for you" }
    overview_intro { da: "Tallene viser, hvor mange der venter på noget fra skolen. Klik for at se, hvem det er.", en: "The numbers show how many are waiting for something from the school. Click to see who." }
    todo_new_applications { da: "Nye ansøgninger, som ingen har åbnet", en: "New applications no one has opened" }
    todo_to_verify { da: "Ansøgninger med noget, der skal tjekkes", en: "Applications with something to check" }
    todo_invited_not_booked { da: "Inviteret til samtale, men har ikke booket en tid", en: "Invited to an interview but not booked" }
    todo_offers_awaiting_answer { da: "Tilbud om plads, der venter på svar", en: "Offers of a place awaiting an answer" }
    todo_answers_since_last_visit { da: "Ja og nej tak til pladser, siden du sidst var her", en: "Places accepted or declined since your last visit" }
    todo_waiting_list { da: "På ventelisten", en: "On the waiting list" }
    todo_placements_missing { da: "Optagne uden praktiksted", en: "Admitted without a practicum place" }
}
