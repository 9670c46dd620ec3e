//! Strings of the line that confirms what a staff action did, and of the
//! check before inviting more people than there are free interview times.
use super::catalogue::catalogue;

catalogue! {
    DoneStrings, DA, EN,
    invited_one { da: "1 invitation sendt.", en: "1 invitation sent." }
    invited_many { da: "{} invitationer sendt.", en: "{} invitations sent." }
    invited_none { da: "Ingen invitationer sendt: ingen af de valgte kunne inviteres.", en: "No invitations sent: none of those chosen could be invited." }
    offered { da: "Pladsen er tilbudt, og tilbuddet er sendt.", en: "The place is offered, and the offer is sent." }
    waitlisted { da: "Ansøgeren er sat på ventelisten og har fået besked.", en: "The applicant is on the waiting list and has been told." }
    status { da: "Status er ændret.", en: "The status is changed." }
    note { da: "Noten er gemt.", en: "The note is saved." }
    verified { da: "Dit tjek er gemt.", en: "The check is saved." }
    slots_one { da: "1 samtaletid oprettet.", en: "1 interview time created." }
    slots_many { da: "{} samtaletider oprettet.", en: "{} interview times created." }
    released_one { da: "1 afslag sendt.", en: "1 rejection sent." }
    released_many { da: "{} afslag sendt.", en: "{} rejections sent." }
    assessed { da: "Vurderingen er gemt.", en: "The assessment is saved." }
    slots_short_title { da: "Der er for få ledige samtaletider", en: "There are too few free interview times" }
    slots_short_text_one { da: "Du er ved at invitere 1 person, men der er ingen ledige samtaletider. Personen kan ikke booke en tid, før du opretter flere.", en: "You are about to invite 1 person, but there are no free interview times. The person cannot book a time until you create more." }
    slots_short_text { da: "Du er ved at invitere {} personer, men der er kun {} ledige samtaletider. Nogle vil ikke kunne booke en tid, før du opretter flere.", en: "You are about to invite {} people, but there are only {} free interview times. Some will not be able to book a time until you create more." }
    slots_short_go_on { da: "Inviter alligevel", en: "Invite anyway" }
    slots_short_back { da: "Tilbage til listen", en: "Back to the list" }
    select_all { da: "Inviter alle {} på listen, der kan inviteres", en: "Invite all {} on the list who can be invited" }
    attendance { da: "Fremmødet er gemt.", en: "The attendance is saved." }
    session { da: "Undervisningsplanen er ændret.", en: "The teaching plan is changed." }
    cohort_saved { da: "Holdet er gemt.", en: "The group is saved." }
    slot_removed { da: "Samtaletiden er fjernet.", en: "The interview time is removed." }
    slot_changed { da: "Samtaletiden er ændret.", en: "The interview time is changed." }
    placement { da: "Praktikstedet er gemt.", en: "The placement is saved." }
    reminded_one { da: "1 påmindelse sendt.", en: "1 reminder sent." }
    reminded_many { da: "{} påmindelser sendt.", en: "{} reminders sent." }
    reminded_none { da: "Ingen påmindelser sendt. Alle, der mangler at vælge en tid, har fået en påmindelse inden for det seneste døgn.", en: "No reminders sent. Everyone who has not chosen a time was reminded within the last day." }
    intake_saved { da: "Optaget er gemt.", en: "The intake is saved." }
    visit_planned { da: "Besøget er planlagt.", en: "The visit is planned." }
    visit_held { da: "Besøget er registreret som holdt.", en: "The visit is recorded as held." }
}
