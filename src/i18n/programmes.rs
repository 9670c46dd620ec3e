//! Strings of the programmes pages (admins only, `/admin/programmes`).
use super::catalogue::catalogue;

catalogue! {
    ProgrammeStrings, DA, EN,
    nav { da: "Programmer", en: "Programmes" }
    list_title { da: "Programmer", en: "Programmes" }
    list_intro {
        da: "Et program er en uddannelse eller et job, som man kan søge. Optag (med frister og datoer) opretter du under Optag, når programmet findes her.",
        en: "A programme is a course or a job people can apply for. Intakes (with deadlines and dates) are created under Intakes once the programme exists here."
    }
    none_yet { da: "Der er ingen programmer endnu.", en: "There are no programmes yet." }
    col_name { da: "Navn", en: "Name" }
    col_structure { da: "Opbygning", en: "Structure" }
    col_profile { da: "Optagelseskrav", en: "Admission criteria" }
    col_capacity { da: "Pladser", en: "Places" }
    col_intakes { da: "Optag", en: "Intakes" }
    new_title { da: "Opret et program", en: "Create a programme" }
    create { da: "Opret programmet", en: "Create the programme" }
    edit_title { da: "Ret programmet", en: "Edit the programme" }
    edit_note {
        da: "Optag og hold, der allerede er oprettet, beholder deres datoer. Du kan ikke ændre adressen (slug).",
        en: "Intakes and cohorts already created keep their dates. The address (slug) cannot be changed."
    }
    save { da: "Gem ændringerne", en: "Save the changes" }
    saved { da: "Programmet er gemt.", en: "The programme is saved." }
    created { da: "Programmet er oprettet. Nu kan du oprette et optag til det under Optag.", en: "The programme is created. You can now create an intake for it under Intakes." }
    back_to_list { da: "Alle programmer", en: "All programmes" }
    facts_title { da: "Sådan er programmet", en: "The programme" }
    general_legend { da: "Programmet", en: "The programme" }
    teaching_legend { da: "Undervisningsdage (forløb med praktik og årsforløb)", en: "Teaching days (course with practicum and year programme)" }
    course_legend { da: "Forløb med praktik", en: "Course with practicum" }
    modular_legend { da: "Modulopbygget uddannelse", en: "Modular course" }
    year_legend { da: "Årsforløb", en: "Year programme" }
    recruitment_legend { da: "Rekruttering", en: "Recruitment" }
    structure_fields_note {
        da: "Udfyld felterne for den opbygning, du har valgt. Felterne for de andre opbygninger bliver ikke brugt.",
        en: "Fill in the fields of the structure you chose. The fields of the other structures are not used."
    }
    recruitment_note { da: "Rekruttering har ingen felter ud over dem ovenfor.", en: "Recruitment has no fields beyond those above." }
    slug { da: "Adresse (slug)", en: "Address (slug)" }
    slug_hint { da: "Små bogstaver a-z, tal og bindestreger, fx peeruddannelsen-viborg.", en: "Lower-case letters a-z, digits and hyphens, e.g. peeruddannelsen-viborg." }
    name { da: "Navn", en: "Name" }
    profile { da: "Optagelseskrav (profil)", en: "Admission criteria (profile)" }
    structure { da: "Opbygning", en: "Structure" }
    organiser { da: "Arrangør", en: "Organiser" }
    place { da: "Sted", en: "Place" }
    capacity { da: "Pladser", en: "Places" }
    capacity_hint { da: "Pladser på et hold, eller antal stillinger ved rekruttering (1 til 100).", en: "Places in a cohort, or positions for a recruitment (1 to 100)." }
    home_region { da: "Hjemregion", en: "Home region" }
    no_region { da: "Ingen – åben for alle regioner", en: "None – open to every region" }
    fee { da: "Pris for deltagere fra andre regioner (kr.)", en: "Fee for participants from other regions (DKK)" }
    fee_hint { da: "Et helt tal, eller tomt, hvis der ikke er en pris.", en: "A whole number, or empty for no fee." }
    contact_email { da: "Programmets egen e-mail", en: "The programme's own e-mail" }
    contact_phone { da: "Programmets eget telefonnummer", en: "The programme's own phone" }
    contact_hint { da: "Kan være tomt. Står ved siden af skolens oplysninger.", en: "May be empty. Shown beside the school's details." }
    teaching_weekdays { da: "Undervisningsdage", en: "Teaching days" }
    weekdays_hint { da: "Ugedage adskilt af komma: man, tir, ons, tor, fre, lør, søn – fx man,ons.", en: "Weekdays separated by commas, in Danish or English: man or mon, tir or tue, ons or wed, tor or thu, fre or fri – e.g. man,ons." }
    session_starts { da: "Undervisningen begynder", en: "Teaching starts" }
    session_ends { da: "Undervisningen slutter", en: "Teaching ends" }
    time_hint { da: "Klokkeslæt som 09:00.", en: "A time like 09:00." }
    session_count { da: "Antal undervisningsgange", en: "Number of sessions" }
    practicum_weeks { da: "Praktik (uger)", en: "Practicum (weeks)" }
    practicum_hours_per_week { da: "Praktik (timer om ugen)", en: "Practicum (hours a week)" }
    follow_up_days { da: "Opfølgningsdage i praktikken", en: "Follow-up days during the practicum" }
    supervisions { da: "Supervisioner i praktikken", en: "Supervisions during the practicum" }
    intro_days_peer { da: "Introduktion for peers (dage)", en: "Introduction for peers (days)" }
    intro_days_colleague { da: "Introduktion for kolleger (dage)", en: "Introduction for colleagues (days)" }
    module_hours { da: "Timer pr. modul", en: "Hours per module" }
    min_attendance_percent { da: "Fremmøde mindst (procent af de valgte modulers timer)", en: "Attendance at least (percent of the chosen modules' hours)" }
    complete_within_months { da: "Obligatoriske moduler gennemført inden for (måneder fra start)", en: "Mandatory modules completed within (months from the start)" }
    months { da: "Varighed (måneder)", en: "Length (months)" }
    site_visits { da: "Besøg på praktikstedet (mindst)", en: "Visits to the practicum site (at least)" }
    course_with_practicum { da: "Forløb med praktik", en: "Course with practicum" }
    course_with_practicum_text { da: "Undervisning på faste ugedage og derefter praktik med opfølgningsdage og supervision (fx Randers, Viborg).", en: "Teaching on fixed weekdays, then a practicum with follow-up days and supervision (e.g. Randers, Viborg)." }
    modular_course { da: "Modulopbygget uddannelse", en: "Modular course" }
    modular_course_text { da: "Introduktion og derefter moduler, som hver deltager selv melder sig til (fx Region Hovedstaden).", en: "An introduction, then modules each participant signs up for (e.g. Region Hovedstaden)." }
    year_programme { da: "Årsforløb", en: "Year programme" }
    year_programme_text { da: "Et år med praktik og undervisningsdage og besøg på praktikstedet (fx MB-forløbet).", en: "A year of practicum with teaching days and visits to the practicum site (e.g. MB-forløbet)." }
    recruitment { da: "Rekruttering", en: "Recruitment" }
    recruitment_text { da: "Ansøgning, samtale og afgørelse – ingen undervisning (fx peer-støttemedarbejder, recovery-mentor).", en: "Application, interview and decision – no teaching (e.g. peer-support worker, recovery mentor)." }
    profile_randers { da: "Peeruddannelsen i Randers", en: "Peer education in Randers" }
    profile_viborg { da: "Peer-uddannelsen i Viborg", en: "Peer education in Viborg" }
    profile_region_h { da: "Peer-uddannelsen i Region Hovedstaden", en: "Peer course in Region Hovedstaden" }
    profile_peer_support_worker { da: "Peer-støttemedarbejder", en: "Peer-support worker" }
    profile_recovery_mentor { da: "Recovery-mentor", en: "Recovery mentor" }
    profile_mb { da: "MB-forløbet", en: "MB-forløbet" }
    errors_title { da: "Der er noget, du skal rette", en: "There is something to fix" }
    err_required { da: "Udfyld „{}“", en: "Fill in “{}”" }
    err_too_long { da: "Teksten i „{}“ er for lang – gør den kortere", en: "The text in “{}” is too long – make it shorter" }
    err_slug { da: "Brug kun små bogstaver a-z, tal og enkelte bindestreger i adressen, fx peeruddannelsen-viborg", en: "Use only lower-case letters a-z, digits and single hyphens in the address, e.g. peeruddannelsen-viborg" }
    err_slug_taken { da: "Et andet program har allerede den adresse – vælg en anden", en: "Another programme already has that address – choose another" }
    err_profile { da: "Vælg et af optagelseskravene på listen", en: "Choose one of the admission criteria in the list" }
    err_structure { da: "Vælg en af opbygningerne på listen", en: "Choose one of the structures in the list" }
    err_region { da: "Vælg en region på listen, eller ingen", en: "Choose a region in the list, or none" }
    err_range { da: "Skriv et helt tal fra {} til {} i „{}“", en: "Enter a whole number from {} to {} in “{}”" }
    err_weekdays { da: "Skriv ugedage som man,ons (man, tir, ons, tor, fre, lør, søn)", en: "Enter weekdays like man,ons or mon,wed" }
    err_time { da: "Skriv et klokkeslæt som 09:00 i „{}“", en: "Enter a time like 09:00 in “{}”" }
    err_ends_before { da: "Undervisningen skal slutte efter, den begynder", en: "Teaching must end after it starts" }
    err_email { da: "Skriv en e-mailadresse som fx kontakt@skolen.dk", en: "Enter an e-mail address like kontakt@skolen.dk" }
    err_phone { da: "Skriv et telefonnummer med 8 cifre", en: "Enter a phone number of 8 digits" }
}
