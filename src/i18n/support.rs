//! Strings of the support person (issue 19): the applicant's invitation and
//! overview, the helper's pages, their mails, the staff's line.
use super::catalogue::catalogue;

catalogue! {
    SupportStrings, DA, EN,
    // The consent recorded with each grant (version domain::support::CONSENT_VERSION).
    consent { da: "Jeg giver den støtteperson, jeg nævner, lov til netop det, jeg har sat kryds ved. Jeg kan altid trække det tilbage. Støttepersonen kan aldrig trække min ansøgning tilbage, slette den eller sige ja eller nej til en plads, og ser aldrig medarbejdernes noter eller vurderinger.", en: "I allow the support person I name to do exactly what I have ticked. I can always take it back. The support person can never withdraw or erase my application or accept or decline a place, and never sees the staff's notes or assessments." }
    // The applicant's page.
    manage_title { da: "Støtteperson", en: "Support person" }
    manage_intro { da: "Har du en, der hjælper dig – fx en pårørende, en ven eller en bostøttemedarbejder? Du bestemmer selv, hvad støttepersonen må, og du kan altid tage adgangen tilbage.", en: "Do you have someone who helps you – for example a relative, a friend or a housing-support worker? You decide what they may do, and you can always take the access back." }
    section_heading { da: "Støttepersoner", en: "Support persons" }
    manage_link { da: "Inviter en støtteperson eller se, hvem der har adgang", en: "Invite a support person or see who has access" }
    invite_heading { da: "Inviter en støtteperson", en: "Invite a support person" }
    name_label { da: "Støttepersonens navn", en: "The support person's name" }
    email_label { da: "Støttepersonens e-mailadresse", en: "The support person's e-mail address" }
    email_hint { da: "Vi sender et link, så støttepersonen kan bekræfte adressen. E-mailen nævner ikke dit navn eller uddannelsen.", en: "We send a link so they can confirm the address. The mail does not mention your name or the programme." }
    permissions_legend { da: "Hvad må støttepersonen?", en: "What may the support person do?" }
    permissions_hint { da: "Sæt kryds ved mindst én ting.", en: "Tick at least one thing." }
    perm_read { da: "Læse ansøgningen og se, hvor langt den er", en: "Read the application and see its status" }
    perm_edit_draft { da: "Hjælpe med at skrive ansøgningen, før den sendes", en: "Help write the application before it is sent" }
    perm_mail_copies { da: "Få en kopi af e-mails om samtalen og om en plads", en: "Get a copy of mails about the interview and a place" }
    perm_attend { da: "Komme med til samtalen", en: "Come to the interview" }
    never_text { da: "En støtteperson kan aldrig trække ansøgningen tilbage, slette den eller sige ja eller nej til en plads.", en: "A support person can never withdraw or erase the application or accept or decline a place." }
    consent_summary { da: "Det siger du ja til, når du inviterer", en: "What you agree to when you invite" }
    back_to_page { da: "Tilbage", en: "Back" }
    invite_button { da: "Send invitation", en: "Send invitation" }
    invite_sent_done { da: "Invitationen er sendt. Støttepersonen får adgang, så snart e-mailadressen er bekræftet.", en: "The invitation is sent. Once the support person has confirmed their e-mail address, they have access." }
    revoke_button { da: "Tag adgangen tilbage", en: "Take the access back" }
    revoked_done { da: "Adgangen er taget tilbage. Støttepersonens link virker ikke længere.", en: "The access has been taken back. The support person's link no longer works." }
    who_heading { da: "Hvem har adgang", en: "Who has access" }
    nobody { da: "Ingen støttepersoner har adgang.", en: "No support person has access." }
    state_waiting { da: "venter på at bekræfte sin e-mailadresse", en: "waiting to confirm their e-mail address" }
    state_active { da: "har adgang", en: "has access" }
    state_revoked { da: "du tog adgangen tilbage {}", en: "access was taken back on {}" }
    may_prefix { da: "Må:", en: "May:" }
    uses_heading { da: "Hvad støttepersoner har gjort", en: "What support persons have done" }
    use_read { da: "{} læste din ansøgning {}", en: "{} read your application on {}" }
    use_opened_draft { da: "{} åbnede din kladde {}", en: "{} opened your draft on {}" }
    use_edited_draft { da: "{} rettede i din kladde {}", en: "{} edited your draft on {}" }
    use_mail_copy { da: "{} fik en kopi af en e-mail {}", en: "{} got a copy of a mail on {}" }
    err_name_missing { da: "Skriv støttepersonens navn.", en: "Enter the support person's name." }
    err_name_too_long { da: "Skriv højst 200 tegn.", en: "Enter at most 200 characters." }
    err_email_invalid { da: "Skriv en e-mailadresse, vi kan sende til, fx navn@eksempel.dk.", en: "Enter an e-mail address we can send to, for example name@example.dk." }
    err_email_is_applicants { da: "Det er din egen adresse. Skriv støttepersonens.", en: "That is your own address. Enter the support person's." }
    err_nothing_ticked { da: "Sæt kryds ved mindst én ting, støttepersonen må.", en: "Tick at least one thing the support person may do." }
    err_too_many { da: "Vi har sendt mange e-mails på kort tid. Prøv igen om en time.", en: "We have sent many mails in a short time. Please try again in an hour." }
    // The helper's pages.
    confirm_title { da: "Bekræft, at du er støtteperson", en: "Confirm that you are a support person" }
    confirm_text { da: "Nogen har bedt om at få dig som støtteperson. Tryk på knappen for at bekræfte din e-mailadresse og få dit eget link.", en: "Someone has asked for you as their support person. Press the button to confirm your e-mail address and get your own link." }
    confirm_button { da: "Bekræft", en: "Confirm" }
    confirm_expired_title { da: "Linket er for gammelt", en: "The link is too old" }
    confirm_expired_text { da: "Linket til at bekræfte virker i 7 dage. Bed den, der inviterede dig, om at sende en ny invitation.", en: "The confirmation link works for 7 days. Ask the person who invited you to send a new invitation." }
    home_title { da: "Du er støtteperson", en: "You are a support person" }
    home_intro { da: "{} har givet dig lov til:", en: "{} has allowed you to:" }
    home_keep { da: "Gem denne side som bogmærke. Linket er kun til dig – del det ikke.", en: "Bookmark this page. The link is for you only – do not share it." }
    read_link { da: "Læs ansøgningen", en: "Read the application" }
    draft_link { da: "Hjælp med at skrive ansøgningen", en: "Help write the application" }
    copies_note { da: "Du får en kopi, når vi sender e-mails om samtalen eller om en plads.", en: "You get a copy when mails come about the interview or a place." }
    attend_note { da: "Du må komme med til samtalen. Skolen kan se, at du kommer.", en: "You may come to the interview. The school can see that you are coming." }
    draft_not_sent { da: "Ansøgningen er ikke sendt endnu.", en: "The application has not been sent yet." }
    read_title { da: "Ansøgningen", en: "The application" }
    draft_title { da: "Hjælp med ansøgningen", en: "Help with the application" }
    draft_note { da: "Du kan skrive og gemme. Det er ansøgeren selv, der sender ansøgningen og giver samtykke.", en: "You can write and save. The applicant sends the application and gives consent." }
    draft_save_button { da: "Gem", en: "Save" }
    draft_saved_done { da: "Gemt. Ansøgeren ser det, næste gang han eller hun åbner kladden.", en: "Saved. The applicant sees it the next time they open their draft." }
    back_link { da: "Tilbage til din side som støtteperson", en: "Back to your support-person page" }
    sent_title { da: "Ansøgningen er sendt", en: "The application has been sent" }
    sent_text { da: "Nu kan du ikke længere rette i den.", en: "The application has been sent, so it can no longer be changed." }
    not_granted_title { da: "Det har du ikke fået lov til", en: "You have not been allowed this" }
    not_granted_text { da: "Ansøgeren har ikke givet dig lov til dette. Spørg ansøgeren, hvis du skal hjælpe med det.", en: "The applicant has not allowed you this. Ask them if you are to help with it." }
    ended_title { da: "Din adgang er slut", en: "The access has ended" }
    ended_revoked_text { da: "Ansøgeren har taget adgangen tilbage. Det er helt i orden – tal med ansøgeren, hvis du har spørgsmål.", en: "The applicant has taken the access back. That is quite all right – talk to them if you have questions." }
    ended_over_text { da: "Ansøgningen er afsluttet, så din adgang som støtteperson er slut. Tak for din hjælp.", en: "The application is over, so your access as a support person has ended. Thank you for your help." }
    // Mails.
    mail_invite_subject { da: "Du er inviteret som støtteperson", en: "You are invited as a support person" }
    mail_invite_body { da: "Nogen har bedt om at få dig som støtteperson i en ansøgning hos os. Den, der inviterede dig, har sikkert fortalt dig om det.", en: "Someone has asked for you as the support person in an application with us. The person who invited you has probably told you about it." }
    mail_invite_what { da: "Bekræft din e-mailadresse med linket. Så får du dit eget link, som viser præcis det, du har fået lov til. Linket virker i 7 dage.", en: "Confirm your e-mail address with the link. You then get your own link, showing exactly what you have been allowed. The link works for 7 days." }
    mail_invite_button { da: "Bekræft min e-mailadresse", en: "Confirm my e-mail address" }
    mail_invite_not_you { da: "Kender du ikke til det, så skal du ikke gøre noget. Så sker der ikke mere.", en: "If you do not know about this, do nothing. Nothing more will happen." }
    mail_revoked_subject { da: "Din adgang som støtteperson er slut", en: "Your access as a support person has ended" }
    mail_revoked_body { da: "Ansøgeren har taget din adgang som støtteperson tilbage. Dit link virker ikke længere. Tal med ansøgeren, hvis du har spørgsmål.", en: "The applicant has taken back your access as a support person. Your link no longer works. Talk to the applicant if you have questions." }
    mail_copy_subject { da: "Kopi til dig som støtteperson", en: "A copy for you as a support person" }
    mail_copy_intro { da: "Du får denne kopi, fordi ansøgeren har givet dig lov.", en: "You get this copy because the applicant has allowed it." }
    mail_copy_no_action { da: "Du skal ikke gøre noget. Det er ansøgeren selv, der svarer.", en: "You do not need to do anything. The applicant answers themselves." }
    copy_invited { da: "Vi har inviteret ansøgeren til en samtale. Ansøgeren vælger selv en tid.", en: "The applicant has been invited to an interview and chooses a time." }
    copy_booked { da: "Ansøgeren har fået en tid til samtale: {}, {}.", en: "The applicant has an interview time: {}, {}." }
    copy_offered { da: "Ansøgeren har fået tilbudt en plads.", en: "The applicant has been offered a place." }
    // Staff.
    staff_heading { da: "Støtteperson", en: "Support person" }
    staff_line { da: "{} – må: {}", en: "{} – may: {}" }
    staff_address { da: "Adresse (ansøgeren har givet lov til kopier): {}", en: "Address (the applicant allowed copies): {}" }
    staff_attends { da: "Kommer med til samtalen: {}", en: "Comes to the interview: {}" }
}
