//! Strings of the modular course: modules, sign-ups, attendance and completion.
use super::catalogue::catalogue;

catalogue! {
    ModuleStrings, DA, EN,
    modules_title { da: "Moduler", en: "Modules" }
    modules_none { da: "Der er ingen moduler endnu.", en: "There are no modules yet." }
    module_places { da: "{} af {} pladser taget", en: "{} of {} places taken" }
    module_mandatory_for { da: "Obligatorisk for: {}", en: "Mandatory for: {}" }
    module_optional { da: "Valgfrit for alle", en: "Optional for everyone" }
    role_paid_peer { da: "lønnet peer", en: "paid peer" }
    role_volunteer_peer { da: "frivillig peer", en: "volunteer peer" }
    role_colleague { da: "kollega", en: "colleague" }
    role_unknown { da: "rolle ikke oplyst", en: "role not given" }
    signups_none { da: "Ingen har meldt sig til endnu.", en: "Nobody has signed up yet." }
    signups_title { da: "Tilmeldte", en: "Signed up" }
    present_label { da: "Til stede", en: "Present" }
    attendance_save { da: "Gem fremmøde", en: "Save attendance" }
    attendance_later { da: "Du kan registrere fremmøde, når modulet er begyndt.", en: "Attendance can be recorded once the module has started." }
    rule_text {
        da: "For at gennemføre skal alle obligatoriske moduler være gennemført senest {}, og deltageren skal have været til stede mindst {} % af tiden på de moduler, deltageren har meldt sig til. Introduktionen er {} dage for peers og {} dage for kolleger.",
        en: "To complete, every mandatory module must be done by {}, and the participant must have been present at least {} % of the time of the modules they signed up for. The intro is {} days for peers and {} days for colleagues."
    }
    completion_title { da: "Gennemførelse", en: "Completion" }
    col_role { da: "Rolle og introduktion", en: "Role and intro" }
    intro_days { da: "{} (introduktion {} dage)", en: "{} (intro {} days)" }
    hours_attended { da: "{} af {} timer", en: "{} of {} hours" }
    state_on_track { da: "Følger planen", en: "On track" }
    state_at_risk { da: "Er ved at komme bagud", en: "At risk" }
    state_completed { da: "Gennemført", en: "Completed" }
    state_not_completed { da: "Kan ikke gennemføre til tiden", en: "Cannot complete in time" }
    warning_at_risk {
        da: "Tidlig advarsel: {} kan stadig nå det, men fremmødet er under {} %, eller et obligatorisk modul mangler eller ligger efter fristen.",
        en: "Early warning: {} can still make it, but attendance is below {} %, or a mandatory module is missing or after the deadline."
    }
    warning_not_completed { da: "Advarsel: {} kan ikke længere gennemføre inden {}.", en: "Warning: {} can no longer complete by {}." }
    add_title { da: "Tilføj modul", en: "Add a module" }
    field_title { da: "Modulets titel", en: "Title of the module" }
    field_date { da: "Dato", en: "Date" }
    field_from { da: "Fra", en: "From" }
    field_to { da: "Til", en: "To" }
    field_mandatory { da: "Obligatorisk for", en: "Mandatory for" }
    field_capacity { da: "Antal pladser", en: "Number of places" }
    add_button { da: "Tilføj modul", en: "Add module" }
    err_title { da: "Skriv modulets titel (højst 200 tegn).", en: "Enter the module's title (at most 200 characters)." }
    err_date { da: "Vælg en dato, fx 4. oktober 2027.", en: "Choose a date, like 4 October 2027." }
    err_times { da: "Skriv tidspunkterne som TT:MM, fx 09:00 og 13:00, og lad modulet slutte efter det begynder.", en: "Enter the times as HH:MM, like 09:00 and 13:00, with the end after the start." }
    err_capacity { da: "Skriv antal pladser som et helt tal fra 1 til 500.", en: "Enter the number of places as a whole number from 1 to 500." }
    err_role { da: "Vælg kun blandt rollerne på listen.", en: "Choose only among the roles listed." }
    not_started_title { da: "Modulet er ikke begyndt", en: "The module has not started" }
    not_started_text { da: "Du kan først registrere fremmøde, når modulet er begyndt. Prøv igen på dagen.", en: "Attendance is recorded once the module has started. Try again on the day." }
    back_to_cohort { da: "Tilbage til holdet", en: "Back to the group" }
    own_link { da: "Vælg dine moduler", en: "Choose your modules" }
    own_link_text { da: "Du er optaget på et forløb med moduler. Du vælger selv, hvilke moduler du tager.", en: "You are admitted to a course with modules. You choose which modules you take." }
    own_title { da: "Dine moduler", en: "Your modules" }
    own_intro {
        da: "Du tilrettelægger selv dit forløb. Vælg de moduler, du vil deltage i. Vi har valgt de moduler, der er obligatoriske for dig, på forhånd. Dem kan du ikke fravælge.",
        en: "You plan your own course. Choose the modules you want to take. Modules that are mandatory for you are chosen already and cannot be removed."
    }
    own_role { da: "Du deltager som {}. Din introduktion er {} dage.", en: "You take part as {}. Your intro is {} days." }
    own_rule {
        da: "For at gennemføre skal du have taget alle obligatoriske moduler senest {} og have været til stede mindst {} % af tiden på de moduler, du har meldt dig til.",
        en: "To complete, you take every mandatory module by {} and are present at least {} % of the time of the modules you signed up for."
    }
    own_role_unknown {
        da: "Vi kender ikke din rolle (lønnet peer, frivillig peer eller kollega) endnu. Kontakt skolen, så de obligatoriske moduler passer til dig.",
        en: "We do not know your role (paid peer, volunteer peer or colleague) yet. Contact the school, so the mandatory modules fit you."
    }
    own_state { da: "Sådan står det til: {}", en: "Where you stand: {}" }
    own_fixed { da: "obligatorisk for dig", en: "mandatory for you" }
    own_started { da: "begyndt, kan ikke ændres", en: "started, cannot be changed" }
    own_full { da: "fuldt", en: "full" }
    own_places_left { da: "{} ledige pladser", en: "{} places left" }
    own_places_left_one { da: "1 ledig plads", en: "1 place left" }
    own_save { da: "Gem mine moduler", en: "Save my modules" }
    own_saved { da: "Dine moduler er gemt.", en: "Your modules are saved." }
    own_none { da: "Der er ingen moduler endnu. Når skolen har lagt dem ind, kan du vælge her.", en: "There are no modules yet. The school adds them, and then you can choose here." }
    own_back { da: "Tilbage til din side", en: "Back to your page" }
    full_title { da: "Modulet er fuldt", en: "The module is full" }
    full_text {
        da: "Der er ikke flere ledige pladser på modulet „{}“. Dine moduler er ikke ændret. Vælg et andet modul, eller kontakt skolen.",
        en: "There are no places left on the module \"{}\". Your modules have not been changed. Choose another module, or contact the school."
    }
    mail_choose {
        da: "Forløbet består af moduler, som du selv vælger. Vælg dine moduler her (obligatoriske moduler for din rolle er valgt på forhånd): {}",
        en: "The course consists of modules you choose yourself. Choose your modules here (the mandatory ones for your role are chosen already): {}"
    }
    calendar_module { da: "Modul: {}", en: "Module: {}" }
}
