//! Strings of enrolment by an employer or a caseworker: the enrol form, the
//! enroller's and the person's links, their mails and the staff lines.
use super::catalogue::catalogue;

catalogue! {
    EnrolmentStrings, DA, EN,
    // The intake page's link.
    link_employer { da: "Tilmeld en medarbejder", en: "Enrol an employee" }
    link_caseworker { da: "Tilmeld en borger", en: "Enrol a citizen" }
    link_lead_employer { da: "Man kommer på dette hold gennem sin arbejdsplads. Er du leder eller kollega, kan du tilmelde en medarbejder.", en: "People join this course through their workplace. If you are a manager or colleague, you can enrol an employee." }
    link_lead_caseworker { da: "Man kommer på dette forløb gennem sin sagsbehandler i kommunen. Er du sagsbehandler, kan du tilmelde en borger.", en: "People join this programme through their municipal caseworker. If you are a caseworker, you can enrol a citizen." }
    // The enrol form.
    title_employer { da: "Tilmeld en medarbejder", en: "Enrol an employee" }
    title_caseworker { da: "Tilmeld en borger", en: "Enrol a citizen" }
    intro {
        da: "Skriv, hvem du er, og hvem du vil tilmelde. Først får du en e-mail, så du kan bekræfte din e-mailadresse. Derefter får personen en e-mail og vælger selv, om han eller hun vil søge. Ansøgningen skriver personen selv – du ser den ikke.",
        en: "Tell us who you are and whom you want to enrol. First you get an e-mail so you can confirm your address. Then the person gets an e-mail and decides whether to apply. The person writes the application themselves – you do not see it."
    }
    about_you { da: "Om dig", en: "About you" }
    about_participant { da: "Om personen, du tilmelder", en: "About the person you enrol" }
    organisation_employer { da: "Arbejdsplads", en: "Workplace" }
    organisation_caseworker { da: "Kommune eller jobcenter", en: "Municipality or job centre" }
    enroller_name { da: "Dit navn", en: "Your name" }
    enroller_email { da: "Din e-mailadresse", en: "Your e-mail address" }
    enroller_email_hint { da: "Vi sender et link hertil, som du skal åbne for at bekræfte tilmeldingen.", en: "We send a link here that you open to confirm the enrolment." }
    participant_name { da: "Personens navn", en: "The person's name" }
    participant_email { da: "Personens e-mailadresse", en: "The person's e-mail address" }
    participant_email_hint { da: "Personen får først en e-mail, når du har bekræftet din egen adresse.", en: "The person gets an e-mail only after you have confirmed your own address." }
    peer_role { da: "Personens rolle", en: "The person's role" }
    peer_role_hint { da: "En peermedarbejder og en kollega fra samme arbejdsplads kan tage uddannelsen sammen: tilmeld dem hver for sig med samme arbejdsplads.", en: "A peer worker and a colleague from the same workplace can take the course together: enrol each of them with the same workplace." }
    role_paid_peer { da: "Lønnet peermedarbejder", en: "Paid peer worker" }
    role_volunteer_peer { da: "Frivillig peermedarbejder", en: "Volunteer peer worker" }
    role_colleague { da: "Kollega til en peermedarbejder", en: "Colleague of a peer worker" }
    note { da: "Besked til personen (valgfri)", en: "Message to the person (optional)" }
    note_hint { da: "Personen ser beskeden sammen med linket. Skriv ikke om helbred.", en: "The person sees the message when they open the link. Do not write about health." }
    submit { da: "Send tilmeldingen", en: "Send the enrolment" }
    err_kind { da: "Dette hold tager ikke imod den slags tilmelding. Brug formularen på holdets side.", en: "This intake does not take this kind of enrolment. Use the form on the intake's page." }
    err_organisation_missing { da: "Skriv navnet på arbejdspladsen eller kommunen.", en: "Enter the name of the workplace or municipality." }
    err_organisation_long { da: "Skriv navnet med højst 200 tegn.", en: "Enter the name in at most 200 characters." }
    err_name_missing { da: "Skriv et navn.", en: "Enter a name." }
    err_name_invalid { da: "Skriv navnet med højst 200 tegn.", en: "Enter the name in at most 200 characters." }
    err_email_missing { da: "Skriv en e-mailadresse.", en: "Enter an e-mail address." }
    err_email_invalid { da: "Skriv en e-mailadresse som navn@eksempel.dk.", en: "Enter an e-mail address like name@example.com." }
    err_same_address { da: "Personen skal have sin egen e-mailadresse – ikke din.", en: "The person needs their own e-mail address – not yours." }
    err_role { da: "Vælg personens rolle.", en: "Choose the person's role." }
    err_note_long { da: "Skriv beskeden med højst 1000 tegn.", en: "Write the message in at most 1000 characters." }
    closed_title { da: "Holdet tager ikke imod tilmeldinger nu", en: "This intake takes no enrolments now" }
    closed_text { da: "Ansøgningsfristen er gået, eller holdet er ikke åbnet endnu. Kig på forsiden efter andre hold.", en: "The deadline has passed, or the intake has not opened yet. Look on the front page for other intakes." }
    check_title { da: "Tjek din e-mail", en: "Check your e-mail" }
    check_text { da: "Vi har sendt en e-mail til den adresse, du skrev. Åbn linket i den for at bekræfte tilmeldingen. Først derefter får personen besked.", en: "We have sent an e-mail to the address you entered. Open the link in it to confirm the enrolment. Only then is the person told." }
    // The enroller's link.
    confirm_title { da: "Bekræft tilmeldingen", en: "Confirm the enrolment" }
    confirm_text { da: "Når du trykker på knappen, får personen, du tilmeldte til {}, en e-mail med et link. Personen vælger selv, om han eller hun vil søge.", en: "When you press the button, the person you enrolled for {} gets an e-mail with a link. The person decides whether to apply." }
    confirm_button { da: "Bekræft og giv personen besked", en: "Confirm and tell the person" }
    confirmed_title { da: "Tak – tilmeldingen er bekræftet", en: "Thank you – the enrolment is confirmed" }
    confirmed_text { da: "Personen har fået en e-mail. Vi skriver til dig, når personen har svaret, og når en ansøgning er sendt. Om selve ansøgningen hører du ikke mere.", en: "The person has been sent an e-mail. We will write to you when the person has answered and when an application is sent. You will hear nothing more about the application itself." }
    expired_title { da: "Tilmeldingen er udløbet", en: "The enrolment has expired" }
    expired_text { da: "Du bekræftede ikke tilmeldingen i tide, så personen har ikke fået besked. Du kan tilmelde personen igen fra holdets side.", en: "The enrolment was not confirmed in time, and the person was not told. You can enrol the person again from the intake's page." }
    // The person's link.
    answer_title { da: "Du er tilmeldt {}", en: "You have been enrolled for {}" }
    enrolled_by { da: "Tilmeldt af", en: "Enrolled by" }
    organisation { da: "Arbejdsplads eller kommune", en: "Workplace or municipality" }
    message { da: "Besked til dig", en: "Message for you" }
    answer_text {
        da: "Du bestemmer selv, om du vil søge. Siger du ja, åbner ansøgningsskemaet med dit navn og din e-mailadresse udfyldt. Resten skriver du selv, og den, der tilmeldte dig, ser ikke dine svar. Siger du nej tak, får den, der tilmeldte dig, besked – uden begrundelse.",
        en: "You decide whether to apply. If you say yes, the application form opens with your name and e-mail address filled in; you write the rest yourself, and the person who enrolled you does not see your answers. If you say no thanks, the person who enrolled you is told – without a reason."
    }
    accept_button { da: "Ja, jeg vil søge", en: "Yes, I want to apply" }
    decline_button { da: "Nej tak", en: "No thanks" }
    err_decision { da: "Vælg ja eller nej tak.", en: "Choose yes or no thanks." }
    declined_title { da: "Du har sagt nej tak", en: "You said no thanks" }
    declined_text { da: "Vi har givet den, der tilmeldte dig, besked. Vi har ikke skrevet hvorfor. Du kan altid selv søge senere.", en: "We have told the person who enrolled you. We did not say why. You can always apply yourself later." }
    // Mails.
    mail_confirm_subject { da: "Bekræft din tilmelding", en: "Confirm your enrolment" }
    mail_confirm_body { da: "Du har tilmeldt en person til {}. Åbn linket for at bekræfte din e-mailadresse. Først derefter får personen en e-mail. Linket virker i 30 dage.", en: "You have enrolled a person for {}. Open the link to confirm your e-mail address; only then does the person get an e-mail. The link works for 30 days." }
    mail_confirm_link { da: "Bekræft tilmeldingen", en: "Confirm the enrolment" }
    mail_invite_subject { da: "Du er tilmeldt en uddannelse – vil du søge?", en: "You have been enrolled for a programme" }
    mail_invite_body { da: "Din arbejdsplads eller kommune har tilmeldt dig til {}. Åbn linket for at se, hvem der tilmeldte dig, og for at svare ja eller nej tak. Du bestemmer selv.", en: "Your workplace or municipality has enrolled you for {}. Open the link to see who enrolled you and to answer yes or no thanks. It is your decision." }
    mail_invite_link { da: "Se tilmeldingen og svar", en: "See the enrolment and answer" }
    mail_accepted_subject { da: "Personen har sagt ja", en: "The person said yes" }
    mail_accepted_body { da: "{} har sagt ja til tilmeldingen til {} og skriver nu sin ansøgning. Vi skriver igen, når ansøgningen er sendt.", en: "{} said yes to the enrolment for {} and is now writing the application. We will write again when it is sent." }
    mail_declined_subject { da: "Personen har sagt nej tak", en: "The person said no thanks" }
    mail_declined_body { da: "{} har sagt nej tak til tilmeldingen til {}.", en: "{} said no thanks to the enrolment for {}." }
    mail_submitted_subject { da: "Ansøgningen er sendt", en: "The application is sent" }
    mail_submitted_body { da: "{} har sendt sin ansøgning til {}. Skolen behandler den og svarer personen direkte.", en: "{} has sent their application for {}. The school handles it and answers the person directly." }
    privacy_when { da: "Har din arbejdsplads eller kommune tilmeldt dig, sletter vi tilmeldingen, hvis du siger nej tak, og ellers {} dage efter, hvis ingen ansøgning bliver sendt. Sender du en ansøgning, sletter vi tilmeldingen sammen med den.", en: "If your workplace or municipality enrolled you, we delete the enrolment when you say no thanks, and otherwise after {} days if no application is sent. If you send an application, the enrolment is deleted with it." }
    // Staff pages.
    staff_enroller { da: "Tilmeldt af", en: "Enrolled by" }
    staff_kind { da: "Hvem", en: "Who" }
    staff_employer { da: "Arbejdsgiver", en: "Employer" }
    staff_caseworker { da: "Sagsbehandler", en: "Caseworker" }
    staff_organisation { da: "Arbejdsplads eller kommune", en: "Workplace or municipality" }
    staff_name { da: "Navn", en: "Name" }
    staff_email { da: "E-mail", en: "E-mail" }
    staff_role { da: "Rolle", en: "Role" }
    pairs_title { da: "Par fra samme arbejdsplads", en: "Pairs from one workplace" }
    pairs_intro { da: "En peermedarbejder og en kollega, som deres arbejdsplads har tilmeldt sammen.", en: "A peer worker and a colleague enrolled together by their workplace." }
}
