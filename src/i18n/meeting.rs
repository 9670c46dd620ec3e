//! Strings of info meetings: the public page, sign-up, confirmation, their e-mails, the staff list.
use super::catalogue::catalogue;

catalogue! {
    MeetingStrings, DA, EN,
    title { da: "Informationsmøde", en: "Info meeting" }
    about { da: "Kom og hør om {}, mød underviserne, og stil alle de spørgsmål, du har. Det er gratis og uforpligtende.", en: "Come and hear about {}, meet the teachers and ask all your questions. It is free and without obligation." }
    when { da: "Tid", en: "Time" }
    place { da: "Sted", en: "Place" }
    directions { da: "Sådan finder du vej", en: "Finding the way" }
    seats_left { da: "{} ledige pladser", en: "{} places left" }
    seats_left_one { da: "1 ledig plads", en: "1 place left" }
    full { da: "Mødet er fuldt.", en: "The meeting is full." }
    cancelled { da: "Mødet er aflyst.", en: "The meeting is cancelled." }
    past { da: "Mødet er slut.", en: "The meeting has taken place." }
    signup_title { da: "Tilmeld dig", en: "Sign up" }
    signup_intro { da: "Vi sender en e-mail med et link, du skal trykke på for at bekræfte din plads.", en: "We send an e-mail with a link you press to confirm your place." }
    name { da: "Navn", en: "Name" }
    email { da: "E-mailadresse", en: "E-mail address" }
    note { da: "Er der noget, vi skal vide? (valgfrit)", en: "Anything we should know? (optional)" }
    note_hint { da: "Fx om adgang med kørestol eller andet, der gør det lettere for dig at komme.", en: "For example wheelchair access or anything else that makes it easier for you to come." }
    signup_button { da: "Tilmeld mig", en: "Sign me up" }
    err_name { da: "Skriv dit navn.", en: "Enter your name." }
    err_email { da: "Skriv din e-mailadresse, fx navn@eksempel.dk.", en: "Enter your e-mail address, like name@example.dk." }
    err_note { da: "Højst 1.000 tegn.", en: "At most 1,000 characters." }
    check_email_title { da: "Tjek din e-mail", en: "Check your e-mail" }
    check_email_text { da: "Vi har sendt en e-mail til den adresse, du skrev. Tryk på linket i den for at bekræfte din plads. Linket virker i 48 timer.", en: "We have sent an e-mail to the address you gave. Press the link in it to confirm your place. The link works for 48 hours." }
    confirm_title { da: "Bekræft din plads", en: "Confirm your place" }
    confirm_text { da: "Tryk på knappen for at bekræfte din plads til informationsmødet {}.", en: "Press the button to confirm your place at the info meeting {}." }
    confirm_button { da: "Bekræft min plads", en: "Confirm my place" }
    confirmed_title { da: "Din plads er bekræftet", en: "Your place is confirmed" }
    confirmed_text { da: "Vi har sendt en e-mail med tid, sted og en kalenderfil. Vi glæder os til at se dig.", en: "We have sent an e-mail with time, place and a calendar file. We look forward to seeing you." }
    expired_title { da: "Linket er udløbet", en: "The link has expired" }
    expired_text { da: "Linket til at bekræfte virker i 48 timer. Tilmeld dig igen, så får du et nyt.", en: "The confirmation link works for 48 hours. Sign up again to get a new one." }
    full_title { da: "Mødet er desværre fuldt", en: "Sorry, the meeting is full" }
    full_text { da: "Alle pladser er taget. Se, om der er andre møder, eller kontakt skolen. Du er også velkommen til at søge uden at have været til et møde.", en: "All places are taken. Look for other meetings or contact the school – you are welcome to apply without having been to a meeting." }
    closed_title { da: "Der er lukket for tilmelding", en: "Sign-up is closed" }
    closed_text { da: "Mødet er aflyst eller allerede slut.", en: "The meeting is cancelled or has already taken place." }
    cancel_title { da: "Afmeld dig", en: "Cancel your place" }
    cancel_text { da: "Tryk på knappen, hvis du ikke kan komme til mødet {}. Så kan en anden få pladsen.", en: "Press the button if you cannot come to the meeting {}. Then someone else can have the place." }
    cancel_button { da: "Afmeld mig", en: "Cancel my place" }
    cancelled_title { da: "Du er afmeldt", en: "You have cancelled" }
    cancelled_text { da: "Tak fordi du gav besked. Du er velkommen til at tilmelde dig igen.", en: "Thank you for letting us know. You are welcome to sign up again." }
    back_to_meeting { da: "Til mødet", en: "To the meeting" }

    mail_confirm_subject { da: "Bekræft din tilmelding", en: "Confirm your sign-up" }
    mail_confirm_body { da: "Tak for din tilmelding til informationsmødet {}. Tryk på linket for at bekræfte din plads. Linket virker i 48 timer.", en: "Thank you for signing up for the info meeting {}. Press the link to confirm your place. The link works for 48 hours." }
    mail_confirm_link { da: "Bekræft min plads", en: "Confirm my place" }
    mail_confirmed_subject { da: "Din plads er bekræftet – {}", en: "Your place is confirmed – {}" }
    mail_confirmed_body { da: "Din plads til informationsmødet {} er bekræftet. Sted: {}.", en: "Your place at the info meeting {} is confirmed. Place: {}." }
    mail_cancel_link { da: "Afmeld mig", en: "Cancel my place" }
    mail_already_subject { da: "Du er allerede tilmeldt", en: "You are already signed up" }
    mail_already_body { da: "Du er allerede tilmeldt informationsmødet {}. Du skal ikke gøre noget. Kan du ikke komme, kan du afmelde dig her.", en: "You are already signed up for the info meeting {}. You need not do anything. If you cannot come, you can cancel here." }
    mail_cancelled_subject { da: "Du er afmeldt", en: "You have cancelled" }
    mail_cancelled_body { da: "Du er afmeldt informationsmødet {}.", en: "You have cancelled your place at the info meeting {}." }
    mail_reminder_subject { da: "Påmindelse: informationsmøde i morgen", en: "Reminder: info meeting tomorrow" }
    mail_reminder_body { da: "Vi glæder os til at se dig {}. Sted: {}.", en: "We look forward to seeing you {}. Place: {}." }
    mail_meeting_cancelled_subject { da: "Informationsmødet er aflyst", en: "The info meeting is cancelled" }
    mail_meeting_cancelled_body { da: "Vi må desværre aflyse informationsmødet {}. Det er vi kede af. Se andre møder på vores side, eller kontakt os.", en: "Unfortunately we must cancel the info meeting {}. We are sorry. See other meetings on our site, or contact us." }
    mail_changed_subject { da: "Informationsmødet er ændret", en: "The info meeting has changed" }
    mail_changed_body { da: "Vi har flyttet informationsmødet. Det er nu {}. Sted: {}. Åbn kalenderfilen, så bliver mødet rettet i din kalender.", en: "The info meeting has moved. It is now {}. Place: {}. The calendar file updates it in your calendar." }
    admin_edit_title { da: "Ret mødet", en: "Edit the meeting" }
    admin_save_button { da: "Gem ændringer", en: "Save changes" }
    invited_title { da: "Du er inviteret", en: "You are invited" }
    invited_text { da: "Skriv dit navn, så har du en plads til informationsmødet {}. Du skal ikke bekræfte bagefter.", en: "Enter your name and you have a place at the info meeting {}. No further confirmation is needed." }
    invited_used { da: "Du har allerede brugt linket, så du er tilmeldt.", en: "The link has been used. You are signed up." }
    admin_invite_title { da: "Inviter via e-mail", en: "Invite by e-mail" }
    admin_invite_hint { da: "Skriv e-mailadresserne, én pr. linje eller adskilt af komma. Hver får et personligt link til at tilmelde sig.", en: "Enter the e-mail addresses, one per line or separated by commas. Each gets a personal sign-up link." }
    admin_invite_button { da: "Send invitationer", en: "Send invitations" }
    admin_invited { da: "{} invitationer sendt.", en: "{} invitations were sent." }
    admin_invited_one { da: "1 invitation sendt.", en: "1 invitation was sent." }
    mail_invited_subject { da: "Invitation til informationsmøde", en: "Invitation to an info meeting" }
    mail_invited_body { da: "Vi vil gerne invitere dig til informationsmødet om {} {}. Sted: {}. Tilmeld dig via linket – du skal ikke bekræfte bagefter.", en: "We would like to invite you to the info meeting about {} {}. Place: {}. Sign up from the link – no further confirmation needed." }
    mail_invited_link { da: "Tilmeld mig", en: "Sign me up" }
    notify_title { da: "Få besked om næste hold", en: "Hear about the next group" }
    notify_intro { da: "Skriv din e-mailadresse, så giver vi dig besked, når du kan søge, og når vi holder informationsmøder. Du kan altid framelde dig igen.", en: "Enter your e-mail address and we will tell you when applications open or info meetings are held. You can always unsubscribe." }
    notify_button { da: "Giv mig besked", en: "Let me know" }
    notify_check_text { da: "Vi har sendt en e-mail. Tryk på linket i den for at bekræfte, at du vil have besked.", en: "We have sent an e-mail. Press the link in it to confirm you want to hear from us." }
    notify_confirm_title { da: "Bekræft, at du vil have besked", en: "Confirm you want to hear from us" }
    notify_confirm_button { da: "Ja, giv mig besked", en: "Yes, let me know" }
    notify_done_title { da: "Tak – vi giver dig besked", en: "Thank you – we will let you know" }
    notify_done_text { da: "Du får en e-mail, når der er nyt. Hver e-mail har et link til at framelde dig.", en: "You get an e-mail when there is news. Each e-mail has a link to unsubscribe." }
    notify_unsubscribe_title { da: "Frameld besked om nye hold", en: "Unsubscribe from news about new groups" }
    notify_unsubscribe_button { da: "Frameld mig", en: "Unsubscribe me" }
    notify_unsubscribed_title { da: "Du er frameldt", en: "You are unsubscribed" }
    notify_unsubscribed_text { da: "Du får ikke flere e-mails om nye hold.", en: "You will get no more e-mails about new groups." }
    mail_notify_confirm_subject { da: "Bekræft, at du vil have besked", en: "Confirm you want to hear from us" }
    mail_notify_confirm_body { da: "Du har bedt om at få besked om nye hold og informationsmøder. Tryk på linket for at bekræfte. Linket virker i 48 timer.", en: "You asked to hear about new groups and info meetings. Press the link to confirm. The link works for 48 hours." }
    mail_notify_link { da: "Bekræft", en: "Confirm" }
    mail_unsubscribe { da: "Frameld dig her", en: "Unsubscribe here" }
    mail_meeting_news_subject { da: "Nyt informationsmøde", en: "New info meeting" }
    mail_meeting_news_body { da: "Vi holder informationsmøde om {} {}. Sted: {}.", en: "An info meeting about {} is held {}. Place: {}." }
    mail_meeting_news_link { da: "Se mødet og tilmeld dig", en: "See the meeting and sign up" }
    mail_intake_news_subject { da: "Nyt hold på peeruddannelsen", en: "A new group on the peer programme" }
    mail_intake_news_body { da: "Der er et nyt hold: {}. Du kan søge fra {}, og fristen er {}.", en: "There is a new group: {}. You can apply from {}, and the deadline is {}." }
    mail_intake_news_link { da: "Læs om holdet", en: "Read about the group" }
    calendar_title { da: "Informationsmøde", en: "Info meeting" }

    admin_new_title { da: "Nyt informationsmøde", en: "New info meeting" }
    admin_starts { da: "Starter", en: "Starts" }
    admin_ends { da: "Slutter", en: "Ends" }
    admin_capacity { da: "Pladser", en: "Places" }
    admin_create_button { da: "Opret møde", en: "Create meeting" }
    admin_confirmed { da: "Bekræftet", en: "Confirmed" }
    admin_pending { da: "Venter på bekræftelse", en: "Awaiting confirmation" }
    admin_cancelled { da: "Afmeldt", en: "Cancelled" }
    admin_checked_in { da: "Mødt", en: "Checked in" }
    admin_check_in { da: "Mødt op", en: "Check in" }
    admin_undo_check_in { da: "Fortryd", en: "Undo" }
    admin_export { da: "Hent deltagerlisten som CSV", en: "Download the list as CSV" }
    admin_message_title { da: "Skriv til alle, der har bekræftet", en: "Write to everyone confirmed" }
    admin_message_subject { da: "Emne", en: "Subject" }
    admin_message_body { da: "Besked", en: "Message" }
    admin_message_button { da: "Send beskeden", en: "Send the message" }
    admin_message_sent { da: "Beskeden er sendt til {} deltagere.", en: "The message was sent to {} participants." }
    admin_message_sent_one { da: "Beskeden er sendt til 1 deltager.", en: "The message was sent to 1 participant." }
    admin_cancel_title { da: "Aflys mødet", en: "Cancel the meeting" }
    admin_cancel_text { da: "Alle, der har bekræftet, får en e-mail om, at mødet er aflyst.", en: "Everyone confirmed gets an e-mail saying the meeting is cancelled." }
    admin_cancel_button { da: "Aflys mødet", en: "Cancel the meeting" }
    admin_meetings { da: "Informationsmøder", en: "Info meetings" }
    err_meeting { da: "Tjek tid, sted og antal pladser.", en: "Check time, place and number of places." }
    err_message { da: "Skriv både emne og besked.", en: "Write both subject and message." }
}
