//! Strings of the interview invitation, booking page and their e-mails.
use super::catalogue::catalogue;

catalogue! {
    InterviewStrings, DA, EN,
    book_title { da: "Vælg en tid til din samtale", en: "Choose a time for your interview" }
    book_intro {
        da: "Du møder to fra skolen: en med egen erfaring og en fagperson. Du må gerne tage en støtteperson med.",
        en: "You meet two people from the school: one with lived experience and one professional. You are welcome to bring a support person."
    }
    book_legend { da: "Ledige tider", en: "Free times" }
    err_choose_slot { da: "Vælg en af de ledige tider herunder.", en: "Choose one of the free times below." }
    book_none { da: "Der er ingen ledige tider lige nu. Kontakt skolen, så finder vi en løsning.", en: "There are no free times right now. Contact the school and we will find a solution." }
    book_accommodations { da: "Er der noget, der gør samtalen lettere for dig? (valgfrit)", en: "Is there anything that makes the interview easier for you? (optional)" }
    book_accommodations_hint { da: "Fx et stille rum, en pause undervejs eller at have en med. Kun dem, du skal tale med, kan se det.", en: "For example a quiet room, a break, or bringing someone. Only the people you meet can see it." }
    book_button { da: "Book tiden", en: "Book this time" }
    change_button { da: "Skift til den valgte tid", en: "Change to the chosen time" }
    held_title { da: "Din samtale", en: "Your interview" }
    held_text { da: "Du har booket {}.", en: "You have booked {}." }
    held_place { da: "Sted: {}", en: "Place: {}" }
    change_title { da: "Vil du skifte tid?", en: "Want another time?" }
    cancel_title { da: "Kan du ikke komme?", en: "Cannot come?" }
    cancel_text { da: "Aflys tiden, så en anden kan få den. Du kan booke en ny tid bagefter.", en: "Cancel the time so someone else can have it. You can book a new time afterwards." }
    cancel_button { da: "Aflys min tid", en: "Cancel my time" }
    closed_text { da: "Der er mindre end {} timer til din samtale, så du kan ikke længere ændre tiden her. Kontakt skolen, hvis du ikke kan komme.", en: "It is less than {} hours to your interview, so it can no longer be changed here. Contact the school if you cannot come." }
    taken_title { da: "Tiden blev taget lige før dig", en: "The time was taken just before you" }
    taken_text { da: "En anden nåede at booke den tid. Vælg en af de andre ledige tider.", en: "Someone else booked that time first. Choose one of the other free times." }
    too_late_title { da: "Du kan ikke længere booke eller ændre tiden", en: "The time can no longer be booked or changed" }
    link_spent_title { da: "Linket virker ikke længere", en: "The link no longer works" }
    link_spent_text { da: "Måske har du fået et nyt link, eller også er samtaledagene overstået. Kontakt skolen, hvis du er i tvivl.", en: "Perhaps you got a newer link, or the interview days are over. Contact the school if in doubt." }
    not_bookable_title { da: "Der er ingen samtale at booke her", en: "The interview cannot be booked here" }
    not_bookable_text { da: "Din ansøgning er allerede nået videre, så du skal ikke booke en samtale. Kontakt skolen, hvis du har spørgsmål.", en: "Your application has moved on, so no interview is to be booked. Contact the school if you have questions." }
    booked_notice { da: "Tiden er booket. Vi har sendt en bekræftelse med en kalenderfil til din e-mail.", en: "The time is booked. We have sent a confirmation with a calendar file to your e-mail." }
    cancelled_notice { da: "Din tid er aflyst. Du kan vælge en ny tid herunder.", en: "Your time is cancelled. You can choose a new time below." }

    mail_invite_subject { da: "Invitation til samtale – reference {}", en: "Invitation to an interview – reference {}" }
    mail_invite_body { da: "Tak for din ansøgning. Vi vil gerne invitere dig til en samtale. Du vælger selv en tid via linket herunder.", en: "Thank you for your application. We would like to invite you to an interview. Choose a time yourself from the link below." }
    mail_invite_days { da: "Vi holder samtaler på disse dage:", en: "The interviews are held on these days:" }
    mail_invite_bring { da: "Du skal ikke forberede noget særligt. Vi tager udgangspunkt i dine svar fra ansøgningen. Du må gerne tage en støtteperson med.", en: "You need not prepare anything special. Your answers from the application are the starting point. You are welcome to bring a support person." }
    mail_invite_place { da: "Samtalerne foregår i {}.", en: "The interviews take place at {}." }
    mail_invite_link { da: "Vælg en tid", en: "Choose a time" }
    mail_booked_subject { da: "Din samtale {}", en: "Your interview {}" }
    mail_booked_body { da: "Du har booket en samtale {}. Sted: {}. Du kan lægge kalenderfilen fra denne e-mail ind i din kalender.", en: "You have booked an interview {}. Place: {}. The calendar file in this e-mail can go in your calendar." }
    mail_change_hint { da: "Du kan skifte eller aflyse tiden via linket herunder indtil {} timer før.", en: "You can change or cancel the time from the link below until {} hours before." }
    mail_cancelled_subject { da: "Din samtale er aflyst", en: "Your interview is cancelled" }
    mail_cancelled_body { da: "Din samtale {} er aflyst. Du kan booke en ny tid via linket herunder.", en: "Your interview {} is cancelled. You can book a new time from the link below." }
    mail_reminder_subject { da: "Påmindelse: samtale i morgen", en: "Reminder: interview tomorrow" }
    mail_reminder_body { da: "Vi glæder os til at se dig {}. Sted: {}.", en: "We look forward to seeing you {}. Place: {}." }
    calendar_title { da: "Samtale", en: "Interview" }
    calendar_description { da: "Samtale om din ansøgning, reference {}.", en: "Interview about your application, reference {}." }
    book_length { da: "Samtalen tager {} minutter.", en: "The interview takes {} minutes." }
    book_length_range { da: "Samtalen tager {} til {} minutter, alt efter hvilken tid du vælger.", en: "The interview takes {} to {} minutes, depending on the time." }
    mail_booking_link { da: "Se, skift eller aflys din tid", en: "See, change or cancel your time" }
    mail_rebook_link { da: "Book en ny tid", en: "Book a new time" }
    mail_nudge_subject { da: "Husk at vælge en tid til din samtale – reference {}", en: "Remember to choose a time for your interview – reference {}" }
    mail_nudge_body { da: "Vi har inviteret dig til en samtale, men du har ikke valgt en tid endnu. Du kan vælge en tid via linket herunder indtil {}.", en: "We have invited you to an interview, but you have not chosen a time yet. You can choose a time from the link below until {}." }
    mail_nudge_new_link { da: "Brug linket i denne e-mail. Det afløser linket i din invitation.", en: "Use the link in this e-mail. It replaces the link in your invitation." }
}
