//! Strings of the privacy page: what we keep about applicants, why, who sees it, and for how long.
use super::catalogue::catalogue;

catalogue! {
    PrivacyStrings, DA, EN,
    title { da: "Sådan passer vi på dine oplysninger", en: "How we look after your information" }
    intro {
        da: "Når du søger om at komme på en peeruddannelse, fortæller du os om dig selv – også om svære ting som sygdom og behandling. Her kan du læse, hvad vi gemmer, hvorfor, hvem der kan se det, og hvornår vi sletter det.",
        en: "When you apply for a peer-education programme, you tell us about yourself – including difficult things like illness and treatment. Here you can read what we keep, why, who can see it, and when we delete it."
    }
    what_title { da: "Hvad vi gemmer", en: "What we keep" }
    what_text {
        da: "Dit navn, din e-mailadresse, dit telefonnummer, din fødselsdato og din kommune. Dine svar om erfaring med psykisk sygdom, behandling og forsørgelse, og det, du skriver om din motivation og dine erfaringer. Kommer du til samtale, gemmer vi tidspunktet og samtalens vurdering.",
        en: "Your name, e-mail address, phone number, date of birth and municipality. Your answers about experience of mental illness, treatment and income, and what you write about your motivation and experience. If you come to an interview, we keep the time and the interview's assessment."
    }
    why_title { da: "Hvorfor", en: "Why" }
    why_text {
        da: "Vi bruger kun oplysningerne til at vurdere din ansøgning, aftale en samtale med dig og planlægge uddannelsen. Oplysninger om helbred er særligt følsomme. Vi behandler dem kun, fordi du har givet samtykke til det, da du sendte ansøgningen.",
        en: "We use the information only to assess your application, arrange an interview with you and plan the programme. Health information is especially sensitive. We process it only because you consented to it when you sent your application."
    }
    who_title { da: "Hvem kan se dem", en: "Who can see it" }
    who_text {
        da: "Uddannelsens koordinatorer og de medarbejdere, der holder samtale med dig. Hver gang en medarbejder åbner din ansøgning, bliver det skrevet ned. Vi deler ikke dine oplysninger med andre, og vi skriver aldrig dine svar i en e-mail.",
        en: "The programme's coordinators and the staff who interview you. Every time a member of staff opens your application, it is recorded. We do not share your information with anyone else, and we never put your answers in an e-mail."
    }
    when_title { da: "Hvornår vi sletter", en: "When we delete it" }
    when_not_admitted {
        da: "Bliver du ikke optaget, sletter vi din ansøgning {} måneder efter, at uddannelsen er begyndt. Tilbage er kun en anonym optælling.",
        en: "If you are not admitted, we delete your application {} months after the programme has started. Only an anonymous count remains."
    }
    when_draft { da: "En kladde, du aldrig sender, slettes efter {} dage.", en: "A draft you never send is deleted after {} days." }
    when_meeting { da: "Din tilmelding til et informationsmøde slettes {} uger efter mødet.", en: "Your sign-up for an info meeting is deleted {} weeks after the meeting." }
    when_mail { da: "De e-mails, vi har sendt dig, slettes fra vores system efter {} dage.", en: "The e-mails we have sent you are deleted from our system after {} days." }
    rights_title { da: "Dine rettigheder", en: "Your rights" }
    rights_text {
        da: "Du kan altid trække din ansøgning tilbage, få at vide, hvad vi har gemt om dig, og bede om at få det rettet eller slettet. Skriv til skolen, så hjælper vi dig. Er du utilfreds med, hvordan vi behandler dine oplysninger, kan du klage til Datatilsynet.",
        en: "You can always withdraw your application, find out what we keep about you, and ask for it to be corrected or deleted. Write to the school and we will help you. If you are unhappy with how we handle your information, you can complain to the Danish Data Protection Agency (Datatilsynet)."
    }
}
