//! Strings of links that no longer work (410): what happened and what to do.
use super::catalogue::catalogue;

catalogue! {
    LinkStrings, DA, EN,
    superseded_title { da: "Du har fået et nyere link", en: "You have a newer link" }
    used_title { da: "Linket er allerede brugt", en: "This link has already been used" }
    expired_title { da: "Linket er udløbet", en: "This link has expired" }
    over_title { da: "Du skal ikke bruge linket mere", en: "This link is no longer needed" }
    superseded_text {
        da: "Vi har sendt dig en nyere e-mail med et nyt link, og derfor virker det gamle link ikke længere. Brug linket i den nyeste e-mail fra os.",
        en: "We have sent you a newer e-mail with a new link, so the old link no longer works. Use the link in the newest e-mail from us."
    }
    expired_text {
        da: "Linket virkede kun i en periode, og den er gået. Der er ikke sket noget galt.",
        en: "The link only worked for a while, and that time has passed. Nothing has gone wrong."
    }
    meeting_cancelled_text {
        da: "Du har meldt fra til mødet. Hvis du gerne vil med alligevel, kan du tilmelde dig igen på forsiden.",
        en: "You have cancelled your place at the meeting. If you would like to come after all, you can sign up again from the front page."
    }
    meeting_cancel_used_text {
        da: "Du har allerede meldt fra til mødet. Du behøver ikke gøre mere.",
        en: "You have already cancelled your place at the meeting. You do not need to do anything else."
    }
    invitation_used_text {
        da: "Du har allerede brugt invitationen og er tilmeldt. Bekræftelsen ligger i din e-mail, og derfra kan du også melde fra.",
        en: "You have already used the invitation and are signed up. The confirmation is in your e-mail, and you can cancel from there."
    }
    interest_used_text {
        da: "Du er allerede tilmeldt. Vi skriver til dig, når der er nyt om hold og informationsmøder.",
        en: "You are already signed up. We will write to you when there is news about courses and info meetings."
    }
    unsubscribe_used_text {
        da: "Du er allerede afmeldt og får ikke flere e-mails fra os om nye hold.",
        en: "You have already unsubscribed and will get no more e-mails from us about new courses."
    }
    draft_over_text {
        da: "Du har allerede sendt din ansøgning, så du skal ikke bruge kladden mere. Du kan se ansøgningen på din egen side.",
        en: "Your application has already been sent, so the draft is no longer used. You can see the application on your own page."
    }
    draft_expired_text {
        da: "Vi har slettet kladden, fordi den ikke blev sendt i tide. Du er velkommen til at begynde forfra.",
        en: "The draft was not sent in time and has been deleted. You are welcome to start again."
    }
    erased_text {
        da: "Ansøgningen er slettet, så der er ikke mere at se her.",
        en: "The application has been deleted, so there is nothing more to see here."
    }
    booking_over_text {
        da: "Din ansøgning er allerede nået videre, så du skal ikke booke en samtale her. Du kan se, hvor langt den er, på din egen side.",
        en: "Your application has already moved on, so there is no interview to book here. You can see where your application stands on your own page."
    }
    offer_used_text {
        da: "Du har allerede svaret på tilbuddet. Du kan se dit svar på din egen side.",
        en: "You have already answered the offer. You can see your answer on your own page."
    }
    offer_over_text {
        da: "Tilbuddet gælder ikke længere, fordi du har trukket din ansøgning tilbage.",
        en: "The offer no longer applies because you have withdrawn your application."
    }
    feed_over_text {
        da: "Du har trukket dig fra holdet, så kalenderen er lukket. Du kan fjerne den fra din kalender.",
        en: "You have withdrawn from the course, so the calendar is closed. You can remove it from your calendar."
    }
    other_text {
        da: "Kontakt skolen, hvis du er i tvivl om noget.",
        en: "Contact the school if you are unsure about anything."
    }
    own_page_link { da: "Få et link til din egen side", en: "Get a link to your own page" }
    front_page_link { da: "Til forsiden", en: "To the front page" }
    sign_in_link { da: "Til log ind", en: "To sign in" }
    enrolment_confirm_over_text {
        da: "Tilmeldingen er ikke længere aktiv: personen har allerede svaret, eller tilmeldingen er erstattet af en nyere. Vi skriver til dig, når der er nyt.",
        en: "The enrolment is no longer active: the person has already answered, or a newer enrolment replaced it. We will write to you when there is news."
    }
    enrolment_over_text {
        da: "Du har allerede svaret på tilmeldingen. Har du takket ja, ligger linket til din ansøgning i din e-mail.",
        en: "You have already answered the enrolment. If you said yes, the link to your application is in your e-mail."
    }
}
