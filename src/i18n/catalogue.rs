//! The string catalogue: each entry in Danish, then English.
//! Plain, warm language; short sentences; no blame on the reader.

/// Declares a struct of strings and its Danish and English instances.
macro_rules! catalogue {
    ($name:ident, $da_name:ident, $en_name:ident, $($key:ident { da: $da:literal, en: $en:literal })*) => {
        pub struct $name {
            $(pub $key: &'static str,)*
        }

        pub(crate) static $da_name: $name = $name { $($key: $da,)* };
        pub(crate) static $en_name: $name = $name { $($key: $en,)* };

        impl $name {
            /// Every entry as (key, text), for checks over the whole catalogue.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($key), self.$key),)*]
            }
        }
    };
}

pub(crate) use catalogue;

catalogue! {
    Catalogue, DA, EN,
    // The frame of every page.
    site_name { da: "optag", en: "optag" }
    site_tagline { da: "Optagelse på peeruddannelser", en: "Admissions to peer-education programmes" }
    skip_link { da: "Gå til indholdet", en: "Skip to content" }
    switch_language { da: "English", en: "Dansk" }
    switch_language_label { da: "Read this page in English", en: "Læs siden på dansk" }
    footer_text {
        da: "Har du spørgsmål, eller går noget galt? Kontakt skolen – vi hjælper gerne.",
        en: "Questions, or something not working? Contact the school – we are happy to help."
    }
    home_link { da: "Forside", en: "Front page" }
    footer_accessibility { da: "Tilgængelighed", en: "Accessibility" }
    contact_lead { da: "Du kan skrive eller ringe til skolen:", en: "You can write to or call the school:" }

    // Front page.
    home_title { da: "Bliv peermedarbejder", en: "Become a peer-support worker" }
    home_intro {
        da: "Har du selv erfaring med psykisk sårbarhed og recovery? På en peeruddannelse lærer du at bruge dine erfaringer til at støtte andre. Her kan du læse om uddannelserne, melde dig til et informationsmøde og søge om at komme ind.",
        en: "Do you have your own experience of mental vulnerability and recovery? A peer-education programme teaches you to use that experience to support others. Here you can read about the programmes, sign up for an info meeting and apply."
    }
    home_open_intakes { da: "Du kan søge nu", en: "Open for applications" }
    home_no_open_intakes {
        da: "Der er ingen hold, du kan søge lige nu. Kig forbi igen senere.",
        en: "No programme is open for applications right now. Please look again later."
    }
    home_info_meetings { da: "Kommende informationsmøder", en: "Upcoming info meetings" }
    home_no_info_meetings { da: "Der er ingen informationsmøder planlagt lige nu.", en: "No info meetings are planned right now." }
    deadline_label { da: "Ansøgningsfrist", en: "Application deadline" }
    read_more_about { da: "Læs mere om {}", en: "Read more about {}" }

    // Intake page.
    intake_facts_heading { da: "Sådan er uddannelsen", en: "About the programme" }
    intake_teaching { da: "Undervisning", en: "Teaching" }
    intake_teaching_text {
        da: "{} uger, {} kl. {}. I alt {} timer.",
        en: "{} weeks, {} at {}. {} hours in all."
    }
    intake_practicum { da: "Praktik", en: "Practicum" }
    intake_practicum_text {
        da: "Efter undervisningen: {} ugers praktik, {} timer om ugen, på et psykiatrisk tilbud i region eller kommune.",
        en: "After the teaching: a {}-week practicum, {} hours a week, at a regional or municipal psychiatric service."
    }
    intake_place { da: "Sted", en: "Place" }
    intake_seats { da: "Pladser", en: "Places" }
    intake_seats_text { da: "Højst {} deltagere på holdet.", en: "At most {} participants in the group." }
    intake_start { da: "Første undervisningsdag", en: "First day of teaching" }
    intake_interview_days { da: "Samtaledage", en: "Interview days" }
    intake_deadline_text { da: "Send din ansøgning senest {}.", en: "Send your application by {}." }
    intake_apply { da: "Søg om optagelse", en: "Apply" }
    intake_closed {
        da: "Fristen er gået, så du kan ikke længere søge til dette hold. Kig på forsiden efter det næste.",
        en: "The deadline has passed, so you can no longer apply for this group. Look on the front page for the next one."
    }
    intake_not_open_yet { da: "Du kan søge fra {}.", en: "You can apply from {}." }
    intake_info_meetings { da: "Informationsmøder", en: "Info meetings" }
    intake_info_meeting_link { da: "Se mødet og tilmeld dig", en: "See the meeting and sign up" }
    and_word { da: "og", en: "and" }

    // Error pages.
    error_back_home { da: "Gå til forsiden", en: "Go to the front page" }
    error_404_title { da: "Vi kan ikke finde siden", en: "We cannot find that page" }
    error_404_text {
        da: "Siden findes ikke, eller adressen er skrevet lidt forkert. Hvis du kom hertil fra et link i en e-mail, så prøv at kopiere hele linket.",
        en: "The page does not exist, or the address is slightly wrong. If you came from a link in an e-mail, try copying the whole link."
    }
    error_500_title { da: "Der skete en fejl hos os", en: "Something went wrong on our side" }
    error_500_text {
        da: "Det er ikke din skyld. Prøv igen om lidt. Bliver det ved, så kontakt skolen.",
        en: "It is not your fault. Please try again in a little while. If it keeps happening, contact the school."
    }
    error_413_title { da: "Det, du sendte, fylder for meget", en: "What you sent is too large" }
    error_413_text {
        da: "Vi kunne ikke tage imod det. Gå tilbage, gør de længste svar lidt kortere, og prøv så igen.",
        en: "We could not accept it. Go back, shorten the longest answers a little, and try again."
    }
    error_429_title { da: "Mange forsøg på kort tid", en: "Many attempts in a short time" }
    error_429_text {
        da: "Vent et par minutter, og prøv så igen.",
        en: "Please wait a few minutes, then try again."
    }
    error_403_title { da: "Det kan vi ikke lade dig gøre her", en: "That is not allowed here" }
    error_403_text {
        da: "Vi kunne ikke gøre det, du bad om. Kom du hertil fra en anden hjemmeside, så gå til forsiden, og prøv igen derfra.",
        en: "The action was refused. If you came from another site, go to the front page and try again from there."
    }
    error_408_title { da: "Det tog for lang tid", en: "That took too long" }
    error_408_text { da: "Prøv igen om lidt.", en: "Please try again in a little while." }
    error_405_title { da: "Det kan man ikke på denne side", en: "That cannot be done on this page" }
    error_405_text { da: "Gå til forsiden, og prøv igen derfra.", en: "Go to the front page and try again from there." }
    error_other_title { da: "Noget gik galt", en: "Something went wrong" }
    error_other_text { da: "Prøv igen, eller gå til forsiden.", en: "Please try again, or go to the front page." }
    error_403_role {
        da: "Denne side kræver rollen {}. Spørg en administrator, hvis du har brug for adgang.",
        en: "This page needs the role {}. Ask an administrator if you need access."
    }
    error_back_admin { da: "Gå til administrationens forside", en: "Go to the staff front page" }
    role_name_admin { da: "administrator", en: "administrator" }
    role_name_coordinator { da: "koordinator", en: "coordinator" }
    role_name_interviewer { da: "samtalepanel", en: "interviewer" }
}
