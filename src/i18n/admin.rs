//! Strings of the staff pages under /admin.
use super::catalogue::catalogue;

catalogue! {
    AdminStrings, DA, EN,
    area_name { da: "Administration", en: "Administration" }
    nav_applications { da: "Ansøgninger", en: "Applications" }
    nav_intakes { da: "Optag", en: "Intakes" }
    nav_audit { da: "Revisionslog", en: "Audit log" }
    nav_signed_in_as { da: "Logget ind som {}", en: "Signed in as {}" }
    logout { da: "Log ud", en: "Sign out" }

    login_title { da: "Log ind", en: "Sign in" }
    login_email { da: "E-mailadresse", en: "E-mail address" }
    login_password { da: "Adgangskode", en: "Password" }
    login_button { da: "Log ind", en: "Sign in" }
    login_failed { da: "E-mailadressen eller adgangskoden er forkert.", en: "The e-mail address or the password is wrong." }
    login_throttled { da: "Der har været for mange forsøg. Vent et kvarter, og prøv igen.", en: "There have been too many attempts. Wait a quarter of an hour and try again." }
    login_busy { da: "Mange logger ind lige nu. Prøv igen om et øjeblik.", en: "Many people are signing in right now. Try again in a moment." }
    login_signed_out { da: "Du er logget ud.", en: "You are signed out." }
    login_expired { da: "Vi har logget dig ud, fordi du ikke har brugt siden i et stykke tid.", en: "You were signed out after a while without activity." }

    mfa_setup_title { da: "Slå totrinsbekræftelse til", en: "Turn on two-step verification" }
    mfa_setup_intro { da: "Skan QR-koden med en godkendelses-app (fx Microsoft Authenticator eller Google Authenticator), eller skriv koden nedenfor ind i appen. Skriv derefter den sekscifrede kode fra appen.", en: "Scan the QR code with an authenticator app, or type the key below into the app. Then enter the six-digit code from the app." }
    mfa_secret_label { da: "Nøgle til appen", en: "Key for the app" }
    mfa_recovery_title { da: "Reservekoder", en: "Recovery codes" }
    mfa_recovery_intro { da: "Gem disse koder et sikkert sted. Mister du din telefon, kan du bruge hver kode én gang. Du ser dem kun her.", en: "Keep these codes somewhere safe. Each works once if you lose your phone. They are shown only here." }
    mfa_title { da: "Totrinsbekræftelse", en: "Two-step verification" }
    mfa_intro { da: "Skriv den sekscifrede kode fra din godkendelses-app – eller en af dine reservekoder.", en: "Enter the six-digit code from your authenticator app – or one of your recovery codes." }
    mfa_code { da: "Kode", en: "Code" }
    mfa_button { da: "Bekræft", en: "Confirm" }
    mfa_wrong { da: "Koden passer ikke, eller den er brugt. Vent på den næste kode i appen, og prøv igen.", en: "The code is wrong or already used. Wait for the next code in the app and try again." }

    intakes_title { da: "Optag", en: "Intakes" }
    intakes_none { da: "Der er ingen optag endnu.", en: "There are no intakes yet." }
    intake_new_title { da: "Opret et optag", en: "Create an intake" }
    intake_programme { da: "Uddannelse", en: "Programme" }
    intake_slug { da: "Kort navn til adressen", en: "Short name for the address" }
    intake_slug_hint { da: "Små bogstaver, tal og bindestreger, fx randers-2028.", en: "Lower-case letters, digits and hyphens, like randers-2028." }
    intake_name { da: "Navn", en: "Name" }
    intake_opens_at { da: "Åbner for ansøgninger", en: "Opens for applications" }
    intake_deadline { da: "Ansøgningsfrist", en: "Application deadline" }
    intake_start_date { da: "Første undervisningsdag", en: "First teaching day" }
    intake_interview_days { da: "Samtaledage", en: "Interview days" }
    intake_interview_days_hint { da: "Datoer adskilt af komma, fx 2028-08-25, 2028-08-28.", en: "Dates separated by commas, like 2028-08-25, 2028-08-28." }
    intake_moment_hint { da: "Dansk tid, fx 15. august 2028 kl. 10.00.", en: "Danish time, like 15 August 2028 at 10:00." }
    intake_create_button { da: "Opret optag", en: "Create intake" }
    intake_created { da: "Optaget er oprettet.", en: "The intake is created." }
    err_required { da: "Udfyld feltet.", en: "Fill in the field." }
    err_slug { da: "Brug kun små bogstaver, tal og bindestreger.", en: "Use only lower-case letters, digits and hyphens." }
    err_slug_taken { da: "Det korte navn er allerede brugt. Vælg et andet.", en: "The short name is taken. Choose another." }
    err_moment { da: "Skriv både dato og klokkeslæt, fx 15. august 2028 kl. 10.00.", en: "Enter both date and time, like 15 August 2028 at 10:00." }
    err_date { da: "Vælg en dato, fx 18. september 2028.", en: "Choose a date, like 18 September 2028." }
    err_dates { da: "Skriv datoerne som 2028-08-25, adskilt af komma.", en: "Enter the dates like 2028-08-25, separated by commas." }
    err_deadline_order { da: "Fristen skal ligge efter åbningen.", en: "The deadline must be after the opening." }
    err_programme { da: "Vælg en uddannelse.", en: "Choose a programme." }

    col_reference { da: "Reference", en: "Reference" }
    col_name { da: "Navn", en: "Name" }
    col_intake { da: "Optag", en: "Intake" }
    col_status { da: "Status", en: "Status" }
    col_eligibility { da: "Krav", en: "Requirements" }
    col_submitted { da: "Sendt", en: "Sent" }
    col_count { da: "Antal", en: "Count" }
    filter_title { da: "Filtrér", en: "Filter" }
    filter_all { da: "Alle", en: "All" }
    filter_q { da: "Søg i navn, e-mail eller reference", en: "Search name, e-mail or reference" }
    filter_button { da: "Vis", en: "Show" }
    sort_label { da: "Sortér efter", en: "Sort by" }
    sort_newest { da: "Nyeste først", en: "Newest first" }
    sort_oldest { da: "Ældste først", en: "Oldest first" }
    sort_name { da: "Navn", en: "Name" }
    sort_reference { da: "Reference", en: "Reference" }
    list_count { da: "{} ansøgninger", en: "{} applications" }
    list_count_one { da: "1 ansøgning", en: "1 application" }
    list_none { da: "Ingen ansøgninger passer til filteret.", en: "No applications match the filter." }
    page_prev { da: "Forrige side", en: "Previous page" }
    page_next { da: "Næste side", en: "Next page" }
    page_of { da: "Side {} af {}", en: "Page {} of {}" }
    export_csv { da: "Hent som CSV (uden helbredsoplysninger)", en: "Download as CSV (no health data)" }

    status_submitted { da: "Modtaget", en: "Submitted" }
    status_invited { da: "Inviteret", en: "Invited" }
    status_interviewed { da: "Har været til samtale", en: "Interviewed" }
    status_offered { da: "Tilbudt plads", en: "Offered" }
    status_admitted { da: "Optaget", en: "Admitted" }
    status_waitlisted { da: "Venteliste", en: "Waiting list" }
    status_declined { da: "Takket nej", en: "Declined" }
    status_rejected { da: "Afslået", en: "Rejected" }
    status_withdrawn { da: "Trukket tilbage", en: "Withdrawn" }
    summary_no_concerns { da: "Ingen bemærkninger", en: "No concerns" }
    summary_to_verify { da: "Skal tjekkes", en: "To verify" }
    summary_may_not_meet { da: "Opfylder måske ikke", en: "May not meet" }
    outcome_met { da: "Opfyldt", en: "Met" }
    outcome_not_met { da: "Ikke opfyldt", en: "Not met" }
    outcome_to_verify { da: "Skal tjekkes", en: "To verify" }
    outcome_for_interview { da: "Til samtalen", en: "For the interview" }

    detail_personal { da: "Personlige oplysninger", en: "Personal details" }
    detail_phone { da: "Telefon", en: "Phone" }
    detail_email { da: "E-mail", en: "E-mail" }
    detail_birth_date { da: "Fødselsdato", en: "Date of birth" }
    detail_age_at_start { da: "Alder ved start", en: "Age at start" }
    detail_municipality { da: "Kommune", en: "Municipality" }
    detail_eligibility { da: "Krav til optagelse", en: "Admission requirements" }
    detail_eligibility_note { da: "Vurderingen er en hjælp, ikke en afgørelse. Det er jer, der beslutter.", en: "The assessment is an aid, not a decision. You decide." }
    detail_answers { da: "Ansøgerens svar", en: "The applicant's answers" }
    detail_consent { da: "Samtykke (version {}) givet {}", en: "Consent (version {}) given {}" }
    detail_retention { da: "Hvis ansøgeren ikke bliver optaget, slettes ansøgningen automatisk {}. Kun en anonym optælling bliver tilbage.", en: "If the applicant is not admitted, the application is deleted automatically on {}. Only an anonymous count remains." }
    detail_retention_admitted { da: "Ansøgeren er optaget. Oplysningerne gemmes, så længe forløbet varer, og slettes automatisk {} måneder efter, at holdets praktik er slut.", en: "The applicant is admitted; the details are kept for as long as the programme lasts and deleted automatically {} months after the cohort's practicum ends." }
    detail_health_erased { da: "Ansøgeren trak ansøgningen tilbage {}. Helbredsoplysningerne og de skrevne svar er slettet.", en: "The applicant withdrew the application on {}. The health details and written answers have been deleted." }
    detail_consent_title { da: "Samtykke og sletning", en: "Consent and deletion" }
    detail_kept_for_later { da: "Ansøgeren vil gerne komme i betragtning til et senere hold og har givet samtykke til, at ansøgningen gemmes længere.", en: "The applicant would like to be considered for a later cohort and agreed to the application being kept longer." }
    detail_not_kept_for_later { da: "Ansøgeren har ikke bedt om at komme i betragtning til et senere hold.", en: "The applicant has not asked to be considered for a later cohort." }
    detail_notes { da: "Noter", en: "Notes" }
    detail_notes_none { da: "Ingen noter endnu.", en: "No notes yet." }
    detail_note_label { da: "Ny note", en: "New note" }
    detail_note_hint { da: "Kun medarbejdere kan se noterne, og ingen kan ændre dem bagefter.", en: "Notes are internal and cannot be changed afterwards." }
    detail_note_button { da: "Gem note", en: "Save note" }
    detail_history { da: "Historik", en: "History" }
    detail_history_submitted { da: "Ansøgningen blev sendt", en: "The application was sent" }
    detail_actions_title { da: "Det kan du gøre nu", en: "What you can do now" }
    detail_open_checks_one { da: "1 krav skal stadig tjekkes – se kravene", en: "1 requirement is still to be checked – see the requirements" }
    detail_open_checks_many { da: "{} krav skal stadig tjekkes – se kravene", en: "{} requirements are still to be checked – see the requirements" }
    detail_status_title { da: "Skift status", en: "Change status" }
    detail_status_new { da: "Ny status", en: "New status" }
    detail_status_reason { da: "Begrundelse (intern)", en: "Reason (internal)" }
    detail_status_reason_hint { da: "Skriv en begrundelse, hvis du giver afslag. Ansøgeren ser den ikke.", en: "Required for a rejection. It is not sent to the applicant." }
    detail_status_button { da: "Skift status", en: "Change status" }
    detail_status_none { da: "Ansøgningen kan ikke skifte status herfra.", en: "The application cannot change status from here." }
    err_note_empty { da: "Skriv noten.", en: "Write the note." }
    err_reason_required { da: "Skriv en begrundelse for afslaget.", en: "Write a reason for the rejection." }
    err_status { da: "Vælg en ny status.", en: "Choose a new status." }
    conflict_status_title { da: "Vi kunne ikke skifte status", en: "The status could not be changed" }
    conflict_status_text { da: "Ansøgningen har status „{}“, og derfra kan den ikke blive „{}“. Måske har en kollega lige ændret den. Se ansøgningen igen.", en: "The application has status \"{}\", and cannot become \"{}\" from there. Perhaps a colleague just changed it. Look at the application again." }
    back_to_application { da: "Tilbage til ansøgningen", en: "Back to the application" }

    audit_title { da: "Revisionslog", en: "Audit log" }
    nav_mail { da: "Mails", en: "Mail" }
    mail_failed_title { da: "Mails, der ikke kunne leveres", en: "Mail that could not be delivered" }
    mail_failed_intro { da: "Mails, som mailserveren har afvist for altid, eller som vi har opgivet at sende efter mange forsøg. Kontakt modtageren på en anden måde. Antal:", en: "Mail the mail server refused for good, or that was given up after many attempts. Reach the recipient another way. Count:" }
    mail_failed_none { da: "Alle mails er leveret eller på vej.", en: "Every mail has been delivered or is on its way." }
    mail_failed_ref { da: "Nr.", en: "No." }
    mail_failed_to { da: "Modtager", en: "Recipient" }
    mail_failed_subject { da: "Emne", en: "Subject" }
    mail_failed_error { da: "Mailserverens svar", en: "The mail server's answer" }
    audit_action { da: "Handling", en: "Action" }
    audit_actor { da: "Medarbejder", en: "Staff member" }
    audit_when { da: "Tidspunkt", en: "Time" }
    audit_application { da: "Ansøgning", en: "Application" }
    audit_request { da: "Forespørgsel", en: "Request" }
    audit_none { da: "Ingen hændelser passer til filteret.", en: "No events match the filter." }

    crit_min_age { da: "Mindst 18 år ved første undervisningsdag", en: "At least 18 on the first teaching day" }
    crit_lived_experience { da: "Egen erfaring med psykisk sårbarhed og recovery", en: "Own experience of mental vulnerability and recovery" }
    crit_treatment_history { da: "Indlagt, ambulant behandling eller kommunal støtte", en: "Admitted, outpatient treatment or municipal support" }
    crit_income_support { da: "Forsørgelse forenelig med uddannelsen", en: "Income support compatible with attending" }
    crit_residence { da: "Bor i regionen", en: "Lives in the region" }
    crit_substance_abuse { da: "Intet aktivt misbrug", en: "No active substance abuse" }
    crit_dementia { da: "Ingen demens", en: "No dementia" }
    crit_interpreter { da: "Kan kommunikere uden tolk", en: "Can communicate without an interpreter" }
    crit_peer_employment { da: "Peer-ansat med mindst 2/3 peer-opgaver", en: "Employed as a peer with at least 2/3 peer tasks" }
    crit_colleague_same_team { da: "Kollega i samme team som en peer", en: "Colleague in the same team as a peer" }
    crit_education_level { da: "Mindst 9. klasses afgangsprøve", en: "At least 9th-grade exam" }
    crit_weekly_hours { da: "Kan arbejde mindst 15 timer om ugen", en: "Can work at least 15 hours a week" }
    crit_recovery_duration { da: "I recovery i mindst et år", en: "In recovery for at least a year" }
    crit_family_relation { da: "Ikke i familie med dem, der får støtte", en: "Not related to those supported" }
    crit_psychiatric_diagnosis { da: "Psykiatrisk diagnose", en: "Psychiatric diagnosis" }
    crit_admissions { da: "Mindst én psykiatrisk indlæggelse", en: "At least one psychiatric admission" }
    crit_relevant_education { da: "Social-, sundheds- eller pædagogisk uddannelse", en: "Social, health or pedagogical education" }
    crit_outside_labour_market { da: "Uden for arbejdsmarkedet pga. psykisk sygdom", en: "Outside the labour market due to mental illness" }
    crit_motivation { da: "Vil bruge egne erfaringer til at støtte andre", en: "Wants to use own experience to support others" }
    crit_reflection { da: "Kan reflektere over egne erfaringer", en: "Can reflect on own experiences" }
    crit_distance { da: "Har afstand til egne erfaringer med behandling", en: "Has distance to own experiences of treatment" }
    crit_competence_building { da: "Vil opbygge viden og selvindsigt", en: "Wants to build knowledge and self-knowledge" }
    crit_willing_to_share { da: "Villig til at dele sine erfaringer", en: "Willing to share own experiences" }
    verify_not_answered { da: "Ikke besvaret", en: "Not answered" }
    verify_municipality { da: "Bor i {} Kommune: kommunen skal godkende og betale {} kr.", en: "Lives in {} municipality: it must approve and pay DKK {}." }
    verify_municipality_no_fee { da: "Bor i {} Kommune: kommunen skal godkende.", en: "Lives in {} municipality: it must approve." }
    verify_caseworker_must_agree { da: "Sagsbehandleren har ikke givet sit ja endnu.", en: "The caseworker has not agreed yet." }
    verify_caseworker_expected { da: "Forsørgelsen har normalt en sagsbehandler, men ansøgeren angiver ingen.", en: "The income support usually has a caseworker, but the applicant gives none." }
    verify_income_other { da: "Anden forsørgelse: tjek, at den passer med uddannelsen.", en: "Other income support: check it fits with attending." }
    facts_title { da: "Ansøgerens oplysninger om sin situation", en: "The applicant's situation" }

    nav_users { da: "Brugere", en: "Users" }
    users_title { da: "Brugere", en: "Users" }
    users_role { da: "Rolle", en: "Role" }
    users_state { da: "Tilstand", en: "State" }
    users_active { da: "Aktiv", en: "Active" }
    users_disabled { da: "Spærret", en: "Disabled" }
    users_not_activated { da: "Venter på aktivering", en: "Awaiting activation" }
    users_no_totp { da: "uden totrinsbekræftelse endnu", en: "no two-step verification yet" }
    users_disable { da: "Spær", en: "Disable" }
    users_enable { da: "Genåbn", en: "Re-enable" }
    users_new_title { da: "Tilføj en bruger", en: "Add a user" }
    users_new_hint { da: "Den nye bruger får en e-mail med et link til at vælge sin adgangskode. Linket virker i 7 dage.", en: "The new user gets an e-mail with a link to choose a password. The link works for 7 days." }
    users_add_button { da: "Tilføj og send link", en: "Add and send link" }
    role_admin { da: "Administrator", en: "Administrator" }
    role_coordinator { da: "Koordinator", en: "Coordinator" }
    role_interviewer { da: "Samtalepanel", en: "Interviewer" }
    err_email_taken { da: "Der er allerede en bruger med den e-mailadresse.", en: "A user with that e-mail address exists already." }
    err_email { da: "Skriv en gyldig e-mailadresse.", en: "Enter a valid e-mail address." }
    err_name { da: "Skriv navnet.", en: "Enter the name." }
    err_role { da: "Vælg en rolle.", en: "Choose a role." }
    err_self_disable { da: "Du kan ikke spærre dig selv.", en: "You cannot disable yourself." }
    activate_title { da: "Vælg din adgangskode", en: "Choose your password" }
    activate_intro { da: "Brug mindst 8 tegn. En sætning, du kan huske, er god. Du skal også slå totrinsbekræftelse til, første gang du logger ind.", en: "Use at least 8 characters. A sentence you can remember is good. You will also turn on two-step verification the first time you sign in." }
    activate_password { da: "Ny adgangskode", en: "New password" }
    activate_button { da: "Gem adgangskode", en: "Save password" }
    activate_done { da: "Din adgangskode er gemt. Log ind nu.", en: "Your password is saved. Sign in now." }
    activate_spent_title { da: "Linket er brugt eller udløbet", en: "The link is used or expired" }
    activate_spent_text { da: "Bed en administrator om et nyt link.", en: "Ask an administrator for a new link." }
    err_password_short { da: "Adgangskoden skal have mindst 8 tegn.", en: "The password needs at least 8 characters." }
    err_password_personal { da: "Adgangskoden må ikke bygge på din e-mailadresse, dit navn eller ordet „optag“. Vælg en anden.", en: "The password must not be built on your e-mail address, your name or the word optag. Choose another." }
    err_password_long { da: "Adgangskoden må højst have 128 tegn.", en: "The password may have at most 128 characters." }
    err_password_common { da: "Den adgangskode er meget almindelig og let at gætte. Vælg en anden.", en: "That password is very common and easy to guess. Choose another." }
    mail_activation_subject { da: "Din adgang til optag", en: "Your access to optag" }
    mail_activation_body { da: "Vi har oprettet dig som bruger i optag. Vælg din adgangskode via linket. Linket virker i 7 dage, og du kan bruge det én gang.", en: "You have been added as a user of optag. Choose your password from the link. It works for 7 days, once." }
    mail_activation_link { da: "Vælg adgangskode", en: "Choose password" }
    intake_edit_title { da: "Ret optaget", en: "Edit the intake" }
    intake_save_button { da: "Gem ændringer", en: "Save changes" }
    nav_password { da: "Skift adgangskode", en: "Change password" }
    password_title { da: "Skift adgangskode", en: "Change password" }
    kept_title { da: "Det, du skrev, er ikke sendt endnu", en: "What you wrote has not been sent yet" }
    kept_intro {
        da: "Vi loggede dig ud, fordi du ikke havde brugt siden i et stykke tid. Men vi har gemt det, du skrev. Se det igennem, og tryk på knappen for at sende det nu.",
        en: "You were signed out because the page had not been used for a while. We kept what you wrote. Look it over and press the button to send it now."
    }
    kept_send { da: "Send det nu", en: "Send it now" }
    kept_written { da: "Det, du skrev", en: "What you wrote" }
    kept_discard { da: "Send det ikke – gå til forsiden", en: "Do not send it – go to the overview" }
    password_intro { da: "Når du skifter adgangskode, bliver du logget ud alle andre steder.", en: "When you change your password, you are signed out everywhere else." }
    password_current { da: "Nuværende adgangskode", en: "Current password" }
    password_button { da: "Skift adgangskode", en: "Change password" }
    password_changed { da: "Din adgangskode er skiftet.", en: "Your password is changed." }
    err_password_current { da: "Den nuværende adgangskode er forkert.", en: "The current password is wrong." }
    slots_title { da: "Samtaletider", en: "Interview slots" }
    slots_none { da: "Der er ingen samtaletider endnu.", en: "There are no interview slots yet." }
    slots_new_title { da: "Lav samtaletider", en: "Make interview slots" }
    slots_date { da: "Dag", en: "Day" }
    slots_from { da: "Fra kl.", en: "From" }
    slots_to { da: "Til kl.", en: "To" }
    slots_minutes { da: "Minutter pr. samtale", en: "Minutes per interview" }
    slots_buffer { da: "Pause mellem samtaler (minutter)", en: "Break between interviews (minutes)" }
    slots_place { da: "Sted", en: "Place" }
    slots_panel { da: "Panel", en: "Panel" }
    slots_panel_hint { da: "Vælg en eller to: en peer-underviser og en fagperson.", en: "Choose one or two: a peer teacher and a professional." }
    slots_button { da: "Lav tiderne", en: "Make the slots" }
    slots_free { da: "Ledig", en: "Free" }
    slots_remove { da: "Fjern", en: "Remove" }
    slots_accommodations { da: "Ønsker", en: "Wishes" }
    err_not_interview_day { da: "Vælg en af optagets samtaledage.", en: "Choose one of the intake's interview days." }
    err_slot_times { da: "Tjek tiderne: „Fra kl.“ skal ligge før „Til kl.“, og „Minutter pr. samtale“ skal være mere end 0.", en: "Check the times: from before to, and a length above zero." }
    err_nothing_fits { da: "Der er ikke plads til en eneste samtale i det tidsrum.", en: "Not a single interview fits in that time." }
    err_time { da: "Skriv klokkeslættet som 09:00.", en: "Enter the time like 09:00." }
    err_number { da: "Skriv et helt tal.", en: "Enter a whole number." }
    slot_held_title { da: "Tiden er booket", en: "The slot is booked" }
    slot_held_text { da: "En ansøger har booket tiden, så du kan ikke fjerne den. Bed ansøgeren om at skifte tid først.", en: "An applicant holds the slot, so it cannot be removed. Ask the applicant to change first." }
    invite_button { da: "Inviter til samtale", en: "Invite to interview" }
    reinvite_button { da: "Send et nyt bookinglink", en: "Send a new booking link" }
    invite_selected { da: "Inviter de valgte til samtale", en: "Invite the selected to interview" }
    select_label { da: "Vælg {}", en: "Select {}" }
    invite_wrong_status_title { da: "Du kan ikke invitere ansøgeren", en: "Cannot be invited" }
    invite_wrong_status_text { da: "Det kræver, at ansøgningen har status Modtaget eller Inviteret. Denne har status „{}“.", en: "Only applications with status Submitted or Invited can be invited. This one has status \"{}\"." }
    interview_title { da: "Samtale", en: "Interview" }
    interview_none { da: "Ingen samtale booket.", en: "No interview booked." }
    assessment_title { da: "Vurdering efter samtalen", en: "Assessment after the interview" }
    assessment_intro { da: "Hver i panelet vurderer for sig. 1 = ikke vist, 4 = tydeligt vist.", en: "Each panel member assesses alone. 1 = not shown, 4 = clearly shown." }
    assessment_no_show { da: "Ansøgeren kom ikke", en: "The applicant did not come" }
    assessment_notes { da: "Noter fra samtalen", en: "Notes from the interview" }
    assessment_button { da: "Gem vurdering", en: "Save assessment" }
    assessment_none { da: "Ingen vurderinger endnu.", en: "No assessments yet." }
    assessment_by { da: "Vurderet af", en: "Assessed by" }
    follow_up_no_show { da: "Opfølgning: ansøgeren kom ikke til samtalen. Kontakt ansøgeren.", en: "Follow-up: the applicant did not come to the interview. Contact the applicant." }
    err_score { da: "Giv hvert punkt en score fra 1 til 4, eller sæt kryds ved at ansøgeren ikke kom.", en: "Score each item from 1 to 4, or tick that the applicant did not come." }
    mail_panel_subject { da: "Dine samtaler i morgen", en: "Your interviews tomorrow" }
    mail_panel_body { da: "Her er dine samtaler {}. Se dagsplanen med navne og ønsker via linket (du skal logge ind).", en: "Here are your interviews {}. See the day plan with names and wishes from the link (sign-in needed)." }
    mail_panel_link { da: "Se dagsplanen", en: "See the day plan" }
    day_plan_title { da: "Dagsplan {}", en: "Day plan {}" }
    day_plan_print { da: "Udskriv siden for at få planen på papir.", en: "Print the page to have the plan on paper." }
    day_plan_calendar { da: "Hent dagen som kalenderfil", en: "Download the day as a calendar file" }
    intake_cutoff { da: "Ansøgerne kan booke og ændre en samtaletid indtil (timer før)", en: "Interview times can be booked until (hours before)" }
    intake_cutoff_hint { da: "Lader du feltet stå tomt, er det 24 timer.", en: "Empty means 24 hours." }
    intake_auto_offer { da: "Tilbyd automatisk en ledig plads til den første på ventelisten", en: "Offer a freed place to the first on the waiting list automatically" }
    audit_kind { da: "Slags hændelse", en: "Kind of event" }
    audit_event { da: "Hvad skete der", en: "What happened" }
    audit_reference { da: "Ansøgningsnummer", en: "Application number" }
    audit_reference_hint { da: "fx 2027-0012", en: "e.g. 2027-0012" }
    intake_public_link { da: "Se ansøgningssiden, som ansøgerne ser den", en: "See the application page as applicants see it" }
    meeting_public_link { da: "Se mødesiden, som deltagerne ser den", en: "See the meeting page as attendees see it" }
    list_count_more_than { da: "Mere end {} ansøgninger", en: "More than {} applications" }
    page_of_at_least { da: "Side {} af mindst {}", en: "Page {} of at least {}" }
}
