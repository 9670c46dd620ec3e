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
        da: "Uddannelsens koordinatorer og de medarbejdere, der holder samtale med dig. Hver gang en medarbejder åbner din ansøgning, skriver vi det ned. Vi deler ikke dine oplysninger med andre, og vi skriver aldrig dine svar i en e-mail. Dine svar om helbred og det, du skriver, gemmer vi krypteret.",
        en: "The programme's coordinators and the staff who interview you. Every time a member of staff opens your application, it is recorded. We do not share your information with anyone else, and we never put your answers in an e-mail. Your answers about health and what you write are stored encrypted."
    }
    when_title { da: "Hvornår vi sletter", en: "When we delete it" }
    when_not_admitted {
        da: "Bliver du ikke optaget, sletter vi din ansøgning {} måneder efter, at uddannelsen er begyndt. Tilbage er kun en anonym optælling.",
        en: "If you are not admitted, we delete your application {} months after the programme has started. Only an anonymous count remains."
    }
    when_draft { da: "En kladde, du aldrig sender, sletter vi efter {} dage.", en: "A draft you never send is deleted after {} days." }
    when_meeting { da: "Din tilmelding til et informationsmøde sletter vi {} uger efter mødet.", en: "Your sign-up for an info meeting is deleted {} weeks after the meeting." }
    when_mail { da: "De e-mails, vi har sendt dig, sletter vi fra vores system efter {} dage.", en: "The e-mails we have sent you are deleted from our system after {} days." }
    rights_title { da: "Dine rettigheder", en: "Your rights" }
    rights_text {
        da: "Du kan altid se din ansøgning og alt, hvad vi har gemt om dig, på din egen side. Der kan du også hente det hele, trække ansøgningen tilbage eller få den slettet. Linket til siden står i den e-mail, du fik, da du sendte ansøgningen. Vil du have det rettet, så skriv til skolen. Er du utilfreds med, hvordan vi behandler dine oplysninger, kan du klage til Datatilsynet.",
        en: "You can always see your application and everything we keep about you on your own page. There you can also download it all, withdraw the application or have it deleted. The link to the page is in the e-mail you got when you sent the application. To have something corrected, write to the school. If you are unhappy with how we handle your information, you can complain to the Danish Data Protection Agency (Datatilsynet)."
    }
    rights_link { da: "Find din egen side", en: "Find your own page" }
    when_kept { da: "Har du bedt om at komme i betragtning til et senere hold, gemmer vi ansøgningen i {} måneder efter, at uddannelsen er begyndt.", en: "If you asked to be considered for a later cohort, we keep the application for {} months after the programme has started." }
    when_participant { da: "Bliver du optaget, sletter vi dine oplysninger {} måneder efter, at dit holds praktik er slut.", en: "If you are admitted, we delete your information {} months after your cohort's practicum ends." }
    mail_footer { da: "Sådan passer vi på dine oplysninger:", en: "How we look after your information:" }
    mail_contact { da: "Skriv eller ring til os:", en: "Write to us or call:" }
    controller_title { da: "Hvem har ansvaret for dine oplysninger", en: "Who is responsible for your information" }
    controller_text { da: "{} er dataansvarlig. Det betyder, at vi har ansvaret for at behandle dine oplysninger rigtigt. Vores adresse er {}.", en: "{} is the data controller. This means we are responsible for handling your information properly. Our address is {}." }
    controller_unknown { da: "Skolen, der står for uddannelsen, er dataansvarlig. Det betyder, at skolen har ansvaret for at behandle dine oplysninger rigtigt.", en: "The school that runs the programme is the data controller. This means the school is responsible for handling your information properly." }
    controller_contact { da: "Du kan skrive eller ringe til os:", en: "You can write to us or call:" }
    controller_dpo { da: "Har du spørgsmål om, hvordan vi bruger dine oplysninger, kan du også skrive til vores databeskyttelsesrådgiver:", en: "If you have questions about how we use your information, you can also write to our data protection officer:" }

    // The applicant's own page.
    own_title { da: "Din ansøgning", en: "Your application" }
    own_intro { da: "Her kan du se din ansøgning, hvor langt den er nået, og alt, hvad vi har gemt om dig.", en: "Here you can see your application, how far it has come, and everything we keep about you." }
    own_status_title { da: "Hvor langt er din ansøgning?", en: "Where is your application?" }
    own_status_submitted { da: "Vi har fået din ansøgning og læser den. Du hører fra os.", en: "We have your application and are reading it. You will hear from us." }
    own_status_invited { da: "Du er inviteret til en samtale.", en: "You are invited to an interview." }
    own_status_interviewed { da: "Du har været til samtale. Du hører fra os, når vi har besluttet, hvem der kommer med.", en: "You have had your interview. You will hear from us when we have decided who joins." }
    own_status_offered { da: "Du har fået tilbudt en plads. Se e-mailen med tilbuddet.", en: "You have been offered a place. See the e-mail with the offer." }
    own_status_admitted { da: "Du er optaget. Velkommen!", en: "You are admitted. Welcome!" }
    own_status_offered_job { da: "Du har fået et tilbud om ansættelse. Se e-mailen med tilbuddet.", en: "You have been offered employment. See the e-mail with the offer." }
    own_status_admitted_job { da: "Du har sagt ja til stillingen. Velkommen!", en: "You have accepted the position. Welcome!" }
    own_year_title { da: "Din praktik og undervisning", en: "Your practicum and teaching" }
    own_visits_title { da: "Besøg på dit praktiksted", en: "Visits to your practicum site" }
    own_visits_none { da: "Vi har ikke planlagt nogen besøg endnu. Vi skriver dem her, når de er aftalt.", en: "No visits are planned yet. We write them here once they are agreed." }
    own_status_waitlisted { da: "Du står på ventelisten. Vi skriver, hvis der bliver en plads.", en: "You are on the waiting list. We will write if a place opens." }
    own_status_declined { da: "Du har sagt nej tak til pladsen.", en: "You declined the place." }
    own_status_rejected { da: "Du fik ikke en plads på dette hold.", en: "You did not get a place on this cohort." }
    own_status_withdrawn { da: "Du har trukket ansøgningen tilbage.", en: "You have withdrawn the application." }
    own_interview { da: "Din samtale: {}, {}", en: "Your interview: {}, {}" }
    own_stored_title { da: "Det har vi gemt om dig", en: "What we keep about you" }
    own_answers_title { da: "Dine svar", en: "Your answers" }
    own_health_erased { da: "Vi slettede dine svar om helbred og dine skrevne svar {}.", en: "Your answers about health and your written answers were deleted on {}." }
    own_consent { da: "Du gav samtykke (version {}) {}.", en: "You gave consent (version {}) on {}." }
    own_kept { da: "Du har bedt om at komme i betragtning til et senere hold.", en: "You asked to be considered for a later cohort." }
    own_views_title { da: "Hvem hos os har set din ansøgning", en: "Who on our staff has seen your application" }
    own_views_none { da: "Ingen medarbejdere har åbnet din ansøgning endnu.", en: "No member of staff has opened your application yet." }
    own_view_opened { da: "åbnede ansøgningen", en: "opened the application" }
    own_view_worked { da: "arbejdede med ansøgningen", en: "worked on the application" }
    own_view_exported { da: "hentede en liste, som din ansøgning var med i", en: "downloaded a list that included your application" }
    role_coordinator { da: "koordinator", en: "coordinator" }
    role_interviewer { da: "samtalepanel", en: "interviewer" }
    role_admin { da: "administrator", en: "administrator" }
    own_deletion_title { da: "Hvornår sletter vi?", en: "When do we delete it?" }
    own_deletion { da: "Bliver du ikke optaget, sletter vi din ansøgning automatisk {}.", en: "If you are not admitted, we delete your application automatically on {}." }
    own_deletion_admitted { da: "Du er optaget, så vi gemmer oplysningerne, så længe uddannelsen varer, og sletter dem {} måneder efter, at praktikken er slut.", en: "You are admitted, so we keep the details for as long as the programme lasts and delete them {} months after the practicum ends." }
    own_download_title { da: "Hent dine oplysninger", en: "Download your information" }
    own_download_text { da: "Du kan hente alt, hvad vi har gemt om dig, som en fil. Vil du have det på papir, kan du udskrive denne side.", en: "You can download everything we keep about you as a file. For a paper copy, print this page." }
    own_download_json { da: "Hent som fil (JSON)", en: "Download as a file (JSON)" }
    own_withdraw_title { da: "Træk din ansøgning tilbage", en: "Withdraw the application" }
    own_withdraw_text { da: "Har du fortrudt, kan du trække ansøgningen tilbage. Så sletter vi straks dine svar om helbred og dine skrevne svar, vi aflyser en eventuel samtale, og en plads, du har fået tilbudt, går videre til en anden. Dit navn og din e-mail gemmer vi, til ansøgningen bliver slettet.", en: "If you have changed your mind, you can withdraw the application. We then delete your answers about health and your written answers at once, any interview is cancelled, and a place you were offered goes to someone else. We keep your name and e-mail until the application is deleted." }
    own_withdraw_button { da: "Træk ansøgningen tilbage", en: "Withdraw the application" }
    own_withdraw_confirm { da: "Vil du trække ansøgningen tilbage? Du kan ikke fortryde det, men du kan altid søge igen.", en: "Do you want to withdraw the application? It cannot be undone, but you can always apply again." }
    own_withdrawn_done { da: "Ansøgningen er trukket tilbage, og dine svar er slettet. Vi har givet koordinatoren besked.", en: "The application is withdrawn and your answers are deleted. We have told the coordinator." }
    own_stop_keeping_text { da: "Vil du alligevel ikke komme i betragtning til et senere hold? Så gemmer vi ansøgningen kun så længe som andre.", en: "Would you rather not be considered for a later cohort after all? Then we keep the application only as long as the others." }
    own_stop_keeping_button { da: "Gem den ikke til senere", en: "Do not keep it for later" }
    own_not_kept_done { da: "Vi gemmer ikke længere ansøgningen til et senere hold.", en: "We no longer keep the application for a later cohort." }
    own_erase_title { da: "Slet alt om dig", en: "Delete everything about you" }
    own_erase_text { da: "Du kan også få slettet hele ansøgningen og alt, hvad der hører til, med det samme. Tilbage er kun en anonym optælling.", en: "You can also have the whole application and everything that belongs to it deleted at once. Only an anonymous count remains." }
    own_erase_button { da: "Slet min ansøgning", en: "Delete my application" }
    own_erase_confirm { da: "Vil du slette hele ansøgningen nu? Du kan ikke fortryde det, men du kan altid søge igen.", en: "Do you want to delete the whole application now? It cannot be undone. You can always apply again." }
    own_erased_title { da: "Din ansøgning er slettet", en: "Your application is deleted" }
    own_erased_text { da: "Alt, hvad der hørte til ansøgningen, er også slettet, og vi har givet koordinatoren besked. Du er altid velkommen til at søge igen.", en: "We have deleted your application and everything that belonged to it. We have told the coordinator. You are always welcome to apply again." }
    own_back { da: "Nej, gå tilbage", en: "No, go back" }
    own_expired_title { da: "Linket er udløbet", en: "The link has expired" }
    own_expired_text { da: "For at passe på dine oplysninger virker linket kun en tid. Du kan få et nyt link sendt til din e-mail.", en: "To protect your information, the link only works for a while. You can get a new link sent to your e-mail." }
    own_link_valid { da: "Linket til denne side virker til {}.", en: "The link to this page works until {}." }

    // "Send me my link again".
    request_title { da: "Få et link til din ansøgning", en: "Get a link to your application" }
    request_text { da: "Skriv den e-mailadresse, du søgte med. Så sender vi et link til din egen side.", en: "Enter the e-mail address you applied with. We will send a link to your own page." }
    request_email { da: "Din e-mailadresse", en: "Your e-mail address" }
    request_button { da: "Send mig et link", en: "Send me a link" }
    request_err_email { da: "Skriv en e-mailadresse, fx navn@eksempel.dk.", en: "Enter an e-mail address, e.g. name@example.com." }
    request_sent_title { da: "Tjek din e-mail", en: "Check your e-mail" }
    request_sent_text { da: "Hvis vi har en ansøgning fra den adresse, har vi sendt et link til den. Det kan tage et par minutter. Kig også i uønsket post.", en: "If we have an application from that address, we have sent a link to it. It can take a few minutes. Check your spam folder too." }

    // Mails.
    mail_link_subject { da: "Link til din ansøgning {}", en: "Link to your application {}" }
    mail_link_body { da: "Her er linket til din egen side, hvor du kan se din ansøgning {}, hente dine oplysninger eller trække ansøgningen tilbage. Linket virker til {}.", en: "Here is the link to your own page, where you can see your application {}, download your information or withdraw the application. The link works until {}." }
    mail_receipt_own_page { da: "På din egen side kan du følge ansøgningen, se alt, hvad vi har gemt om dig, og trække ansøgningen tilbage, hvis du fortryder. Linket virker i {} dage. Bagefter kan du få et nyt på vores hjemmeside.", en: "On your own page you can follow the application, see everything we keep about you, and withdraw the application if you change your mind. The link works for {} days; after that you can get a new one on our website." }
    mail_link_button { da: "Se din ansøgning", en: "See your application" }
    mail_not_you { da: "Har du ikke bedt om linket, kan du se bort fra denne e-mail.", en: "If you did not ask for the link, you can ignore this e-mail." }
    mail_withdrawn_subject { da: "Ansøgning {} er trukket tilbage", en: "Application {} was withdrawn" }
    mail_withdrawn_body { da: "Ansøgeren har trukket ansøgning {} tilbage på sin egen side. Svarene om helbred og de skrevne svar er slettet, og en eventuel samtale er aflyst.", en: "The applicant withdrew application {} on their own page. The health answers and written answers are deleted, and any interview is cancelled." }
    mail_erased_subject { da: "En ansøgning er slettet efter ønske", en: "An application was deleted on request" }
    mail_erased_body { da: "Ansøgeren bag ansøgning {} har bedt om at få den slettet, og den er nu slettet helt. Har I noter eller papirer om ansøgningen uden for optag, så slet dem også.", en: "The applicant behind application {} asked for it to be deleted, and it is now deleted completely. If you have notes or papers about it outside optag, delete those too." }
    mail_admin_link { da: "Åbn ansøgningen", en: "Open the application" }
}
