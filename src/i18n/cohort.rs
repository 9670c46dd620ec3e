//! Strings of cohorts: offers, the waiting list, the schedule.
use super::catalogue::catalogue;

catalogue! {
    CohortStrings, DA, EN,
    offer_title { da: "Der er en plads til dig", en: "You are offered a place" }
    offer_text { da: "Vi vil gerne tilbyde dig en plads på {}. Undervisningen begynder {}.", en: "We would like to offer you a place on {}. Teaching begins {}." }
    offer_answer_by { da: "Svar senest {}.", en: "Please answer by {}." }
    offer_accept { da: "Ja tak, jeg tager pladsen", en: "Yes please, I take the place" }
    offer_decline { da: "Nej tak", en: "No thank you" }
    decline_title { da: "Vil du sige nej tak til pladsen?", en: "Do you want to decline the place?" }
    decline_text {
        da: "Hvis du siger nej tak, giver vi pladsen til en anden, og du kan ikke fortryde det bagefter. Du er altid velkommen til at søge igen senere.",
        en: "If you decline, we give the place to someone else, and it cannot be undone afterwards. You are always welcome to apply again later."
    }
    decline_confirm { da: "Ja, jeg siger nej tak til pladsen", en: "Yes, I decline the place" }
    decline_back { da: "Nej, gå tilbage til tilbuddet", en: "No, go back to the offer" }
    offer_accepted_title { da: "Velkommen på holdet", en: "Welcome to the group" }
    offer_accepted_text { da: "Du har sagt ja til pladsen. Vi sender en e-mail med datoerne.", en: "You have accepted the place. We are sending an e-mail with the dates." }
    offer_declined_title { da: "Tak for dit svar", en: "Thank you for your answer" }
    offer_declined_text { da: "Du har sagt nej tak til pladsen. Du er altid velkommen til at søge igen.", en: "You have declined the place. You are always welcome to apply again." }
    offer_answered_title { da: "Du har allerede svaret", en: "You have already answered" }
    offer_answered_text { da: "Vi har fået dit svar på tilbuddet. Har du fortrudt, så kontakt skolen.", en: "The offer has already been answered. Contact the school if you have changed your mind." }
    offer_lapsed_title { da: "Fristen for at svare er gået", en: "The answer-by date has passed" }
    offer_lapsed_text { da: "Vi har givet pladsen videre. Kontakt skolen, hvis du stadig gerne vil med.", en: "The place has been passed on. Contact the school if you would still like to join." }
    full_title { da: "Holdet er fuldt", en: "The group is full" }
    full_text { da: "Alle pladser på holdet er tilbudt eller taget. Sæt ansøgeren på ventelisten, så kan du tilbyde pladsen, hvis nogen siger nej.", en: "Every place in the group is offered or taken. Put the applicant on the waiting list; the place can be offered when someone declines." }
    wrong_status_title { da: "Du kan ikke tilbyde en plads her", en: "A place cannot be offered" }
    wrong_status_text { da: "Ansøgningen har status „{}“. Du kan tilbyde en plads, når status er Modtaget, Inviteret, Har været til samtale eller Venteliste.", en: "The application has status \"{}\". Places can be offered from Submitted, Invited, Interviewed and Waiting list." }
    no_interview_warning { da: "Der er ikke registreret nogen samtale endnu.", en: "No interview has been recorded yet." }
    offer_button { da: "Tilbyd en plads på det valgte hold", en: "Offer a place in the chosen group" }
    offer_cohort_label { da: "Hold", en: "Group" }
    waitlist_button { da: "Sæt på venteliste", en: "Put on the waiting list" }
    cohort_new_title { da: "Nyt hold", en: "New group" }
    cohort_name { da: "Holdets navn", en: "Name of the group" }
    cohort_start { da: "Første undervisningsdag", en: "First teaching day" }
    cohort_create_button { da: "Opret hold", en: "Create group" }
    cohorts_title { da: "Hold", en: "Groups" }
    err_cohort { da: "Skriv et navn, og vælg en startdato, fx 20. september 2027.", en: "Enter a name and choose a start date, like 20 September 2027." }
    err_cohort_taken { da: "Optaget har allerede et hold med det navn.", en: "The intake already has a group of that name." }
    seats_title { da: "Pladser", en: "Places" }
    seats_left { da: "{} af {} pladser er ledige.", en: "{} of {} places are free." }
    seat_accepted { da: "Har sagt ja", en: "Accepted" }
    seat_offered { da: "Tilbudt – svar senest {}", en: "Offered – answer by {}" }
    waiting_title { da: "Venteliste", en: "Waiting list" }
    waiting_none { da: "Ingen på ventelisten.", en: "Nobody on the waiting list." }
    move_up { da: "Op", en: "Up" }
    move_down { da: "Ned", en: "Down" }
    offer_next { da: "Tilbyd pladsen", en: "Offer the place" }
    teaching_title { da: "Undervisning", en: "Teaching" }
    teaching_total { da: "{} gange, {} timer i alt.", en: "{} sessions, {} hours in all." }
    practicum_title { da: "Praktik", en: "Practicum" }
    practicum_period { da: "{} til {}, {} timer om ugen.", en: "{} to {}, {} hours a week." }
    follow_up_days { da: "Opfølgende undervisningsdage", en: "Follow-up teaching days" }
    supervisions { da: "Supervision", en: "Supervision" }
    calendar_link { da: "Hent skemaet som kalenderfil", en: "Download the schedule as a calendar file" }
    print_hint { da: "Udskriv siden for at få skemaet på papir.", en: "Print the page to have the schedule on paper." }
    calendar_teaching { da: "Undervisning {}", en: "Teaching {}" }
    calendar_practicum { da: "Praktik", en: "Practicum" }
    calendar_follow_up { da: "Opfølgende undervisning", en: "Follow-up teaching" }
    calendar_supervision { da: "Supervision", en: "Supervision" }

    edit_title { da: "Ret holdet", en: "Edit the group" }
    school_holidays { da: "Skolens egne fridage", en: "The school's own days off" }
    school_holidays_hint { da: "Datoer adskilt af komma, fx 2027-10-18, 2027-10-20. Undervisning på de dage flytter vi til slutningen.", en: "Dates separated by commas, like 2027-10-18, 2027-10-20. Teaching on those days moves to the end." }
    attendance_title { da: "Fremmøde", en: "Attendance" }
    attendance_session { da: "Fremmøde {}. gang, {}", en: "Attendance, session {}, {}" }
    attendance_present { da: "Til stede", en: "Present" }
    attendance_save { da: "Gem fremmøde", en: "Save attendance" }
    attendance_share { da: "{} af {} gange ({} %)", en: "{} of {} sessions ({} %)" }
    attendance_none { da: "Endnu ingen registreret", en: "None recorded yet" }
    attendance_low { da: "Under kravet på {} %", en: "Below the required {} %" }
    participants_title { da: "Deltagere", en: "Participants" }
    mail_feed_link { da: "Dit skema i din kalender", en: "Your schedule in your calendar" }
    mail_feed_text { da: "Linket herunder er dit personlige skema. Tilføj det i din kalender-app som et abonnement, så kommer ændringer automatisk med. Del det ikke med andre.", en: "The link below is your personal schedule. Add it to your calendar app as a subscription and changes follow. Do not share it." }
    mail_rejected_subject { da: "Svar på din ansøgning – reference {}", en: "Answer to your application – reference {}" }
    mail_rejected_body { da: "Tak for din ansøgning og for den tid, du har brugt på den. Vi har desværre ikke plads til dig på holdet denne gang. Det er ikke en vurdering af dig som menneske – der er mange gode ansøgere til få pladser.", en: "Thank you for your application and the time you spent on it. Unfortunately we do not have a place for you in the group this time. It is not a judgement of you as a person – there are many good applicants for few places." }
    mail_rejected_support { da: "Har du brug for at tale med nogen, er du velkommen til at kontakte skolen, din egen behandler eller en rådgivningslinje. Du er også velkommen til at søge igen – på vores side kan du bede om besked, når næste hold åbner.", en: "If you need someone to talk to, you are welcome to contact the school, your own practitioner or a counselling line. You are also welcome to apply again – on our site you can ask to hear when the next group opens." }
    mail_rejected_link { da: "Se kommende hold", en: "See coming groups" }
    release_title { da: "Send svar til dem, der ikke er optaget", en: "Send answers to those not admitted" }
    release_text { da: "Vi sender først afslagene, når I trykker her. {} afslag venter.", en: "Rejection letters go out only when you press here. {} are waiting." }
    release_button { da: "Send afslagene nu", en: "Send the letters now" }
    placement_title { da: "Praktiksted for {}", en: "Practicum site for {}" }
    placement_add { da: "Tilføj praktiksted", en: "Add practicum site" }
    placement_site { da: "Praktikstedets navn", en: "Name of the site" }
    placement_kind { da: "Hvilken slags tilbud?", en: "What kind of service?" }
    placement_regional { da: "Regionalt", en: "Regional" }
    placement_municipal { da: "Kommunalt", en: "Municipal" }
    placement_address { da: "Adresse", en: "Address" }
    placement_contact { da: "Kontaktperson på stedet (valgfrit)", en: "Contact at the site (optional)" }
    placement_supervisor { da: "Praktikvejlederens navn", en: "Supervisor's name" }
    placement_supervisor_email { da: "Praktikvejlederens e-mail", en: "Supervisor's e-mail" }
    placement_supervisor_phone { da: "Praktikvejlederens telefon (valgfrit)", en: "Supervisor's phone (optional)" }
    placement_confirm { da: "Praktikken er aftalt – send datoerne til praktikvejlederen", en: "The practicum is agreed – send the dates to the supervisor" }
    placement_save { da: "Gem praktiksted", en: "Save practicum site" }
    placement_confirmed { da: "aftalt", en: "agreed" }
    err_placement { da: "Udfyld sted, slags tilbud, adresse, praktikvejleder og en gyldig e-mail.", en: "Fill in site, kind of service, address, supervisor and a valid e-mail." }
    mail_supervisor_subject { da: "Praktik: datoer for {}", en: "Practicum: dates for {}" }
    mail_supervisor_body { da: "Tak fordi I tager imod {} i praktik fra {} hos {}. Praktikken varer til {} med {} timer om ugen.", en: "Thank you for welcoming {} for a practicum from {} at {}. It lasts until {} with {} hours a week." }
    mail_supervisor_days { da: "Deltageren har opfølgende undervisning og supervision på disse dage:", en: "The participant has follow-up teaching and supervision on these days:" }
    session_change_title { da: "Flyt eller aflys denne gang", en: "Move or cancel this session" }
    session_move { da: "Flyt", en: "Move" }
    session_cancel { da: "Aflys denne gang", en: "Cancel this session" }
    session_add_title { da: "Tilføj en undervisningsgang", en: "Add a session" }
    session_add { da: "Tilføj", en: "Add" }
    two_days_hint { da: "{} datoer adskilt af komma, eller tomt for forslaget (jævnt fordelt over praktikken).", en: "{} dates separated by a comma, or empty for the suggestion (spread evenly over the practicum)." }
    err_two_days { da: "Skriv præcis {} datoer, eller lad feltet stå tomt.", en: "Enter exactly {} dates, or leave the field empty." }
    offer_place { da: "Undervisningen foregår i {}.", en: "Teaching takes place at {}." }
    mail_offer_subject { da: "Tilbud om plads – reference {}", en: "Offer of a place – reference {}" }
    mail_offer_link { da: "Svar på tilbuddet", en: "Answer the offer" }
    mail_staff_accepted_subject { da: "Ja tak til pladsen – ansøgning {}", en: "Place accepted – application {}" }
    mail_staff_accepted_body { da: "Ansøgeren bag ansøgning {} har sagt ja tak til sin plads.", en: "The applicant behind application {} has accepted their place." }
    mail_staff_declined_subject { da: "Nej tak til pladsen – ansøgning {}", en: "Place declined – application {}" }
    mail_staff_declined_body { da: "Ansøgeren bag ansøgning {} har sagt nej tak til sin plads. Har optaget automatisk tilbud fra ventelisten slået til, får den næste på ventelisten pladsen tilbudt. Ellers kan du tilbyde den fra holdets side.", en: "The applicant behind application {} has declined their place. If the intake offers freed places from the waiting list automatically, the next one on the list is offered the place. Otherwise you can offer it from the cohort page." }
    mail_accepted_subject { da: "Velkommen på holdet", en: "Welcome to the group" }
    mail_accepted_body { da: "Tak fordi du sagde ja. Undervisningen begynder {} kl. {} i {}. Vi glæder os til at se dig.", en: "Thank you for accepting. Teaching begins {} at {} in {}. We look forward to seeing you." }
    mail_waitlisted_subject { da: "Du er på ventelisten – reference {}", en: "You are on the waiting list – reference {}" }
    mail_waitlisted_body { da: "Du står nu som nummer {} på ventelisten. Vi skriver til dig, så snart vi kan tilbyde dig en plads.", en: "You are now number {} on the waiting list. We will write to you as soon as we can offer you a place." }
    commit_title { da: "Det siger du ja til", en: "What you say yes to" }
    commit_teaching { da: "{} undervisningsgange, {} kl. {}-{}, fra {} til {}.", en: "{} teaching sessions, {} at {}-{}, from {} to {}." }
    commit_teaching_varied { da: "{} undervisningsgange, {}, fra {} til {}. Tidspunkterne er ikke ens hver gang.", en: "{} teaching sessions, {}, from {} to {}. The times differ from session to session." }
    commit_practicum { da: "Derefter {} ugers praktik med {} timer om ugen, fra {} til {}.", en: "Then {} weeks of practicum with {} hours a week, from {} to {}." }
    commit_follow_up { da: "Opfølgningsdage i praktikken: {}.", en: "Follow-up days during the practicum: {}." }
    welcome_dates_title { da: "Dine datoer", en: "Your dates" }
    welcome_session { da: "Undervisning {}: {}", en: "Session {}: {}" }
    welcome_practicum { da: "Praktik: fra {} til {}", en: "Practicum: from {} to {}" }
    welcome_follow_up { da: "Opfølgningsdag: {}", en: "Follow-up day: {}" }
    welcome_supervision { da: "Supervision: {}", en: "Supervision: {}" }
    col_date { da: "Dato", en: "Date" }
    col_time { da: "Tidspunkt", en: "Time" }
    seats_none { da: "Ingen har fået tilbudt en plads endnu.", en: "No places have been offered yet." }
    participants_none { da: "Ingen har sagt ja til en plads endnu.", en: "Nobody has accepted a place yet." }
    sessions_none { da: "Der er ingen undervisningsgange i planen endnu.", en: "There are no sessions in the plan yet." }
    candidates_title { da: "Har været til samtale", en: "Interviewed" }
    candidates_intro { da: "Pointene er panelets gennemsnit, fra 1 (ikke vist) til 4 (tydeligt vist).", en: "The scores are the panel's average, from 1 (not shown) to 4 (clearly shown)." }
    candidates_none { da: "Ingen, der har været til samtale, venter på et svar.", en: "Nobody who has been interviewed is waiting for an answer." }
    candidates_full { da: "Alle pladser er tilbudt. Du kan sætte en ansøger på ventelisten fra ansøgningen.", en: "All places are offered. You can put an applicant on the waiting list from the application." }
    score_motivation { da: "Motivation", en: "Motivation" }
    score_reflection { da: "Refleksion", en: "Reflection" }
    score_distance { da: "Afstand", en: "Distance" }
    score_competence { da: "Vil lære", en: "Wants to learn" }
    score_total { da: "I alt (højst 16)", en: "Total (at most 16)" }
    score_missing { da: "ikke vurderet", en: "not scored" }

    commit_year { da: "Praktik i {} måneder fra {} til {}, med mindst {} besøg på praktikstedet, som regel sammen med din praktikvejleder.", en: "A practicum of {} months from {} to {}, with at least {} visits to the practicum site, usually with your supervisor." }
    year_period { da: "Praktik i {} måneder fra {} til {}. Mindst {} besøg på praktikstedet, som regel sammen med praktikvejlederen.", en: "A practicum of {} months from {} to {}. At least {} visits to the practicum site, usually with the supervisor." }
    visits_title { da: "Besøg på praktikstederne", en: "Visits to the practicum sites" }
    visits_count { da: "{} af {} besøg holdt, {} planlagt", en: "{} of {} visits held, {} planned" }
    visits_done { da: "Alle besøg er holdt.", en: "Every visit is held." }
    visits_on_course { da: "Der er planlagt besøg nok.", en: "Enough visits are planned." }
    visits_too_few { da: "Planlæg {} besøg mere.", en: "Plan {} more visits." }
    visits_unrecorded { da: "{} besøg er ikke registreret som holdt.", en: "{} visits are not recorded as held." }
    visits_ended_short { da: "Praktikken er slut, og der mangler {} besøg.", en: "The practicum is over and {} visits are missing." }
    visits_none { da: "Ingen besøg endnu.", en: "No visits yet." }
    visit_planned { da: "Planlagt", en: "Planned" }
    visit_held { da: "Holdt – registreret {} af {}", en: "Held – recorded {} by {}" }
    visit_without_supervisor { da: "uden praktikvejleder", en: "without the supervisor" }
    visit_with_supervisor { da: "Praktikvejlederen er med", en: "The supervisor takes part" }
    visit_note { da: "Note (valgfrit)", en: "Note (optional)" }
    visit_note_hint { da: "Fx mødested. Skriv ikke om helbred.", en: "For example where to meet. Do not write about health." }
    visit_plan_title { da: "Planlæg et besøg hos {}", en: "Plan a visit to {}" }
    visit_plan_button { da: "Planlæg besøget", en: "Plan the visit" }
    visit_held_button { da: "Registrér som holdt", en: "Record as held" }
    err_visit_outside { da: "Vælg en dag i praktikperioden, {} til {}.", en: "Choose a day in the practicum period, {} to {}." }
    err_visit_date { da: "Skriv besøgets dato, fx 2028-03-01.", en: "Enter the visit's date, like 2028-03-01." }
    err_visit_times { da: "Skriv en dato og et tidsrum, hvor slut er efter start, fx 10:00 til 11:00.", en: "Enter a date and a time span that ends after it starts, like 10:00 to 11:00." }
    err_visit_not_yet { da: "Du kan først registrere et besøg som holdt på selve dagen eller bagefter.", en: "A visit can be recorded as held on its day or later." }
    err_visit_note { da: "Noten må højst være 500 tegn.", en: "The note can be at most 500 characters." }
    mail_year_supervisor_body { da: "Tak fordi I tager imod {} i praktik hos {} fra {} til {}. Vores konsulent kommer på besøg på praktikstedet mindst {} gange i praktiktiden, som regel sammen med dig som praktikvejleder. Vi aftaler datoerne med dig.", en: "Thank you for welcoming {} for a practicum at {} from {} to {}. Our consultant visits the practicum site at least {} times during the practicum, usually together with you as the supervisor. We agree the dates with you." }
    calendar_visit { da: "Besøg på praktikstedet", en: "Visit to the practicum site" }
    job_offer_title { da: "Tilbud om ansættelse", en: "Offer of employment" }
    job_offer_text { da: "Vi vil gerne tilbyde dig ansættelse som {} hos {}. Din første arbejdsdag er {}.", en: "We would like to offer you employment as {} at {}. Your first working day is {}." }
    job_offer_place { da: "Arbejdsstedet er {}.", en: "The workplace is {}." }
    job_offer_accept { da: "Ja tak, jeg tager imod stillingen", en: "Yes please, I accept the position" }
    job_decline_title { da: "Vil du sige nej tak til stillingen?", en: "Do you want to decline the position?" }
    job_decline_text { da: "Hvis du siger nej tak, tilbyder vi stillingen til en anden, og du kan ikke fortryde det bagefter. Du er altid velkommen til at søge igen senere.", en: "If you decline, we offer the position to someone else, and it cannot be undone afterwards. You are always welcome to apply again later." }
    job_decline_confirm { da: "Ja, jeg siger nej tak til stillingen", en: "Yes, I decline the position" }
    job_accepted_title { da: "Tak for dit ja", en: "Thank you for accepting" }
    job_accepted_text { da: "Du har sagt ja til stillingen. Vi sender en e-mail om, hvad der sker nu.", en: "You have accepted the position. We are sending an e-mail about what happens next." }
    job_declined_text { da: "Du har sagt nej tak til stillingen. Du er altid velkommen til at søge igen.", en: "You have declined the position. You are always welcome to apply again." }
    mail_job_offer_subject { da: "Tilbud om ansættelse – reference {}", en: "Offer of employment – reference {}" }
    mail_job_accepted_subject { da: "Velkommen som {}", en: "Welcome as {}" }
    mail_job_accepted_body { da: "Tak fordi du sagde ja til ansættelsen som {} hos {}. Din første arbejdsdag er {}. Vi kontakter dig om det praktiske inden da.", en: "Thank you for accepting the employment as {} at {}. Your first working day is {}. We will contact you about the practical details before then." }
    err_positions_exist { da: "Optaget har allerede sine stillinger. Der er lige så mange stillinger, som programmet har pladser.", en: "The intake has its positions already. The number of positions is the programme's capacity." }
    positions_name { da: "Navn på stillingerne", en: "Name of the positions" }
    positions_start { da: "Første arbejdsdag", en: "First working day" }
    positions_create_button { da: "Opret stillingerne", en: "Create the positions" }
    mail_job_waitlisted_body { da: "Du står nu som nummer {} på ventelisten til stillingen. Vi skriver til dig, hvis en stilling bliver ledig.", en: "You are now number {} on the waiting list for the position. We will write to you if a position becomes free." }
    mail_job_rejected_body { da: "Tak for din ansøgning og for den tid, du har brugt på den. Vi har desværre valgt en anden til stillingen denne gang. Det er ikke en vurdering af dig som menneske – der er mange gode ansøgere til få stillinger. Du er velkommen til at søge igen.", en: "Thank you for your application and the time you spent on it. Unfortunately we have chosen someone else for the position this time. It is not a judgement of you as a person – there are many good applicants for few positions. You are welcome to apply again." }
    mail_job_rejected_link { da: "Se, hvad du kan søge nu", en: "See what is open for applications" }
    positions_title { da: "Stillinger", en: "Positions" }
    positions_left { da: "{} af {} stillinger er ledige.", en: "{} of {} positions are free." }
    job_full_title { da: "Der er ingen ledige stillinger", en: "Every position is filled" }
    job_full_text { da: "Alle stillinger er tilbudt eller besat. Sæt ansøgeren på ventelisten, så kan du tilbyde stillingen, hvis nogen siger nej.", en: "Every position is offered or filled. Put the applicant on the waiting list; the position can be offered when someone declines." }
}

/// The texts about an offer of one kind (`domain::offer_kind`): a place on a
/// course, or a job, which never speaks of teaching or a cohort ("hold").
pub struct OfferWords {
    pub title: &'static str,
    pub accept: &'static str,
    pub decline_title: &'static str,
    pub decline_text: &'static str,
    pub decline_confirm: &'static str,
    pub accepted_title: &'static str,
    pub accepted_text: &'static str,
    pub declined_text: &'static str,
    pub mail_subject: &'static str,
}

impl CohortStrings {
    pub fn offer_words(&self, kind: crate::domain::offer_kind::OfferKind) -> OfferWords {
        match kind {
            crate::domain::offer_kind::OfferKind::Place => OfferWords {
                title: self.offer_title,
                accept: self.offer_accept,
                decline_title: self.decline_title,
                decline_text: self.decline_text,
                decline_confirm: self.decline_confirm,
                accepted_title: self.offer_accepted_title,
                accepted_text: self.offer_accepted_text,
                declined_text: self.offer_declined_text,
                mail_subject: self.mail_offer_subject,
            },
            crate::domain::offer_kind::OfferKind::Job => OfferWords {
                title: self.job_offer_title,
                accept: self.job_offer_accept,
                decline_title: self.job_decline_title,
                decline_text: self.job_decline_text,
                decline_confirm: self.job_decline_confirm,
                accepted_title: self.job_accepted_title,
                accepted_text: self.job_accepted_text,
                declined_text: self.job_declined_text,
                mail_subject: self.mail_job_offer_subject,
            },
        }
    }
}
