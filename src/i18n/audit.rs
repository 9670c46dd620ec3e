//! The audit log in plain words: one sentence for each action the code
//! writes, so staff read what happened instead of codes. `{who}` is the person
//! (or the applicant, or the system), `{app}` the application.
use super::Lang;

/// One kind of audited event: its code, its name in the filter, its sentence.
struct Kind {
    code: &'static str,
    da_name: &'static str,
    en_name: &'static str,
    da: &'static str,
    en: &'static str,
}

macro_rules! kinds {
    ($($code:literal => $da_name:literal / $en_name:literal : $da:literal / $en:literal;)*) => {
        const KINDS: &[Kind] = &[$(Kind { code: $code, da_name: $da_name, en_name: $en_name, da: $da, en: $en },)*];
    };
}

kinds! {
    "applicant_applied" => "Ansøgning sendt" / "Application sent" : "{who} sendte {app}" / "{who} sent {app}";
    "applicant_booked" => "Samtale booket" / "Interview booked" : "{who} bookede en samtaletid til {app}" / "{who} booked an interview time for {app}";
    "applicant_cancelled_booking" => "Samtale aflyst af ansøgeren" / "Interview cancelled by the applicant" : "{who} aflyste sin samtaletid til {app}" / "{who} cancelled their interview time for {app}";
    "applicant_accepted" => "Ja tak til en plads" / "Place accepted" : "{who} takkede ja til pladsen for {app}" / "{who} accepted the place for {app}";
    "applicant_declined" => "Nej tak til en plads" / "Place declined" : "{who} takkede nej til pladsen for {app}" / "{who} declined the place for {app}";
    "applicant_withdrew" => "Ansøgning trukket tilbage" / "Application withdrawn" : "{who} trak {app} tilbage" / "{who} withdrew {app}";
    "applicant_withdrew_keep_consent" => "Ikke længere gemt til et senere hold" / "Keeping for later withdrawn" : "{who} bad om, at {app} ikke bliver gemt til et senere hold" / "{who} asked that {app} is not kept for a later intake";
    "applicant_erased" => "Ansøgning slettet af ansøgeren" / "Application erased by the applicant" : "{who} slettede alt om {app}" / "{who} erased everything about {app}";
    "applicant_downloaded" => "Oplysninger hentet af ansøgeren" / "Data downloaded by the applicant" : "{who} hentede sine oplysninger fra {app}" / "{who} downloaded their data from {app}";
    "application_viewed" => "Ansøgning åbnet" / "Application opened" : "{who} åbnede {app}" / "{who} opened {app}";
    "applications_exported" => "Ansøgninger hentet som fil" / "Applications exported" : "{who} hentede en liste over ansøgninger som fil" / "{who} exported a list of applications";
    "note_added" => "Note skrevet" / "Note added" : "{who} skrev en note på {app}" / "{who} added a note to {app}";
    "status_changed" => "Status ændret" / "Status changed" : "{who} ændrede status for {app}" / "{who} changed the status of {app}";
    "eligibility_verified" => "Krav tjekket" / "Requirement checked" : "{who} skrev, at et krav på {app} er tjekket" / "{who} recorded a check of a requirement on {app}";
    "booking_reminded" => "Påmindet om at booke" / "Reminded to book" : "{who} mindede ansøgeren om at vælge en samtaletid til {app}" / "{who} reminded the applicant to choose an interview time for {app}";
    "invited" => "Inviteret til samtale" / "Invited to interview" : "{who} inviterede til samtale om {app}" / "{who} sent an interview invitation for {app}";
    "assessment_recorded" => "Samtale vurderet" / "Interview assessed" : "{who} skrev en vurdering af samtalen om {app}" / "{who} recorded the interview assessment for {app}";
    "offered" => "Plads tilbudt" / "Place offered" : "{who} tilbød en plads til {app}" / "{who} offered a place to {app}";
    "offered_automatically" => "Plads tilbudt fra ventelisten" / "Place offered from the waiting list" : "{who} tilbød en ledig plads til {app} fra ventelisten" / "{who} offered a free place to {app} from the waiting list";
    "waitlisted" => "Sat på venteliste" / "Put on the waiting list" : "{who} satte {app} på ventelisten" / "{who} put {app} on the waiting list";
    "decisions_released" => "Afslag sendt" / "Rejections sent" : "{who} sendte afslagene for et optag" / "{who} sent the rejection letters of an intake";
    "placement_saved" => "Praktiksted gemt" / "Placement saved" : "{who} gemte praktikstedet for {app}" / "{who} saved the placement for {app}";
    "visit_planned" => "Besøg planlagt" / "Visit planned" : "{who} planlagde et besøg på praktikstedet for {app}" / "{who} planned a visit to the practicum site of {app}";
    "visit_held" => "Besøg holdt" / "Visit held" : "{who} registrerede et besøg på praktikstedet for {app} som holdt" / "{who} recorded a visit to the practicum site of {app} as held";
    "cohort_created" => "Hold oprettet" / "Cohort created" : "{who} oprettede et hold" / "{who} created a cohort";
    "cohort_changed" => "Hold ændret" / "Cohort changed" : "{who} ændrede et hold" / "{who} changed a cohort";
    "session_added" => "Undervisningsdag tilføjet" / "Teaching day added" : "{who} tilføjede en undervisningsdag" / "{who} added a teaching day";
    "session_changed" => "Undervisningsdag ændret" / "Teaching day changed" : "{who} ændrede en undervisningsdag" / "{who} changed a teaching day";
    "attendance_recorded" => "Fremmøde noteret" / "Attendance recorded" : "{who} noterede fremmøde" / "{who} recorded attendance";
    "module_added" => "Modul tilføjet" / "Module added" : "{who} tilføjede et modul" / "{who} added a module";
    "module_attendance_recorded" => "Fremmøde på modul noteret" / "Module attendance recorded" : "{who} noterede fremmøde på et modul" / "{who} recorded attendance at a module";
    "applicant_chose_modules" => "Moduler valgt" / "Modules chosen" : "{who} valgte moduler til {app}" / "{who} chose modules for {app}";
    "intake_created" => "Optag oprettet" / "Intake created" : "{who} oprettede et optag" / "{who} created an intake";
    "intake_changed" => "Optag ændret" / "Intake changed" : "{who} ændrede et optag" / "{who} changed an intake";
    "slots_created" => "Samtaletider oprettet" / "Interview times added" : "{who} oprettede samtaletider" / "{who} added interview times";
    "slot_changed" => "Samtaletid ændret" / "Interview time changed" : "{who} ændrede en samtaletid" / "{who} changed an interview time";
    "slot_removed" => "Samtaletid fjernet" / "Interview time removed" : "{who} fjernede en samtaletid" / "{who} removed an interview time";
    "info_meeting_created" => "Informationsmøde oprettet" / "Info meeting created" : "{who} oprettede et informationsmøde" / "{who} created an info meeting";
    "info_meeting_changed" => "Informationsmøde ændret" / "Info meeting changed" : "{who} ændrede et informationsmøde" / "{who} changed an info meeting";
    "info_meeting_cancelled" => "Informationsmøde aflyst" / "Info meeting cancelled" : "{who} aflyste et informationsmøde" / "{who} cancelled an info meeting";
    "info_meeting_exported" => "Deltagerliste hentet" / "Attendee list exported" : "{who} hentede deltagerlisten til et informationsmøde" / "{who} exported the attendee list of an info meeting";
    "info_meeting_message" => "Besked til deltagere" / "Message to attendees" : "{who} skrev til deltagerne i et informationsmøde" / "{who} wrote to the attendees of an info meeting";
    "info_meeting_invitations" => "Invitationer til informationsmøde" / "Info meeting invitations" : "{who} inviterede interesserede til et informationsmøde" / "{who} invited interested people to an info meeting";
    "programme_created" => "Program oprettet" / "Programme created" : "{who} oprettede et program" / "{who} created a programme";
    "programme_changed" => "Program ændret" / "Programme changed" : "{who} ændrede et program" / "{who} changed a programme";
    "organisation_saved" => "Skolens oplysninger gemt" / "School details saved" : "{who} gemte skolens oplysninger" / "{who} saved the school's details";
    "user_added" => "Medarbejder tilføjet" / "Staff member added" : "{who} tilføjede en medarbejder" / "{who} added a staff member";
    "user_disabled" => "Medarbejder spærret" / "Staff member disabled" : "{who} spærrede en medarbejders adgang" / "{who} disabled a staff member's access";
    "user_enabled" => "Medarbejder genåbnet" / "Staff member enabled" : "{who} gav en medarbejder adgang igen" / "{who} gave a staff member access again";
    "password_changed" => "Adgangskode skiftet" / "Password changed" : "{who} skiftede sin adgangskode" / "{who} changed their password";
    "login_password" => "Adgangskode godkendt" / "Password accepted" : "{who} skrev sin adgangskode rigtigt" / "{who} entered their password";
    "login" => "Logget ind" / "Signed in" : "{who} loggede ind" / "{who} signed in";
    "logout" => "Logget ud" / "Signed out" : "{who} loggede ud" / "{who} signed out";
    "login_failed" => "Forkert adgangskode" / "Wrong password" : "{who} prøvede at logge ind med en forkert e-mailadresse eller adgangskode" / "{who} tried to sign in with a wrong e-mail address or password";
    "login_throttled" => "For mange forsøg på at logge ind" / "Too many sign-in attempts" : "{who} blev stoppet efter for mange forsøg på at logge ind" / "{who} was stopped after too many sign-in attempts";
    "mfa_enrolled" => "Totrinsbekræftelse slået til" / "Two-step verification turned on" : "{who} slog totrinsbekræftelse til" / "{who} turned on two-step verification";
    "mfa_failed" => "Forkert kode" / "Wrong code" : "{who} skrev en forkert kode ved totrinsbekræftelsen" / "{who} entered a wrong two-step verification code";
    "forbidden" => "Side uden adgang" / "Refused request" : "{who} prøvede at åbne en side uden at have adgang til den" / "{who} was refused on a page without access";
    "retention_purge" => "Gamle oplysninger slettet" / "Old data purged" : "{who} slettede oplysninger, der ikke længere må gemmes" / "{who} erased data that may no longer be kept";
    "enroller_enrolled" => "Tilmelding fra arbejdsgiver eller sagsbehandler" / "Enrolment by an employer or caseworker" : "{who} tilmeldte en person til et optag" / "{who} enrolled a person for an intake";
    "enroller_confirmed" => "Tilmelding bekræftet" / "Enrolment confirmed" : "{who} bekræftede sin e-mailadresse, og personen fik besked" / "{who} confirmed their e-mail address, and the person was told";
    "applicant_enrolment_accepted" => "Ja til en tilmelding" / "Enrolment accepted" : "{who} sagde ja til en tilmelding og fik et udfyldt skema" / "{who} said yes to an enrolment and got a prefilled form";
    "applicant_enrolment_declined" => "Nej tak til en tilmelding" / "Enrolment declined" : "{who} sagde nej tak til en tilmelding" / "{who} said no thanks to an enrolment";
    "applicant_enrolment_submitted" => "Tilmeldt ansøger sendte ansøgning" / "Enrolled person applied" : "{who} sendte {app} efter en tilmelding" / "{who} sent {app} after an enrolment";
    "applicant_invited_support" => "Støtteperson inviteret" / "Support person invited" : "{who} inviterede en støtteperson til {app}" / "{who} invited a support person to {app}";
    "applicant_revoked_support" => "Støtteperson fjernet" / "Support person removed" : "{who} tog en støttepersons adgang til {app} tilbage" / "{who} took back a support person's access to {app}";
    "support_confirmed" => "Støtteperson bekræftet" / "Support person confirmed" : "{who} bekræftede sin e-mailadresse for {app}" / "{who} confirmed their e-mail address for {app}";
    "support_read" => "Læst af støtteperson" / "Read by a support person" : "{who} læste {app}" / "{who} read {app}";
    "support_opened_draft" => "Kladde åbnet af støtteperson" / "Draft opened by a support person" : "{who} åbnede kladden til {app}" / "{who} opened the draft of {app}";
    "support_edited_draft" => "Kladde rettet af støtteperson" / "Draft edited by a support person" : "{who} rettede i kladden til {app}" / "{who} edited the draft of {app}";
    "field_key_rotated" => "Krypteringsnøgle skiftet" / "Encryption key changed" : "{who} skiftede krypteringsnøglen" / "{who} changed the encryption key";
}

/// Who did it, as the sentence names them.
pub enum Who<'a> {
    Staff(&'a str),
    Applicant,
    /// A support person the applicant let in (issue 19).
    SupportPerson,
    System,
    /// An employer or caseworker enrolling someone (`enroller_*` codes).
    Enroller,
    Unknown,
}

/// The actions only optag itself writes (a purge, a key change, a seat passed on).
const BY_THE_SYSTEM: &[&str] = &["retention_purge", "field_key_rotated", "offered_automatically"];

/// Who a row names: the staff member, else the applicant, else optag, else someone unknown.
pub fn who<'a>(code: &str, staff: Option<&'a str>, by_applicant: bool) -> Who<'a> {
    match staff {
        Some(name) => Who::Staff(name),
        None if by_applicant || code.starts_with("applicant_") => Who::Applicant,
        None if code.starts_with("enroller_") => Who::Enroller,
        None if code.starts_with("support_") => Who::SupportPerson,
        None if BY_THE_SYSTEM.contains(&code) => Who::System,
        None => Who::Unknown,
    }
}

/// The codes the code writes, in the order of the filter.
pub fn codes() -> impl Iterator<Item = &'static str> {
    KINDS.iter().map(|k| k.code)
}

/// The name of kind `code` in the filter; the code itself for an unknown one.
pub fn kind_name(lang: Lang, code: &str) -> String {
    match KINDS.iter().find(|k| k.code == code) {
        Some(k) => (if lang == Lang::Da { k.da_name } else { k.en_name }).to_string(),
        None => code.replace('_', " "),
    }
}

/// One line of the log: `reference` is the application's, when it still exists.
pub fn sentence(lang: Lang, code: &str, who: Who<'_>, reference: Option<&str>) -> String {
    let da = lang == Lang::Da;
    let who = match who {
        Who::Staff(name) => name.to_string(),
        Who::Applicant => (if da { "Ansøgeren" } else { "The applicant" }).to_string(),
        Who::SupportPerson => (if da { "En støtteperson" } else { "A support person" }).to_string(),
        Who::System => (if da { "Systemet" } else { "The system" }).to_string(),
        Who::Enroller => {
            (if da { "En arbejdsgiver eller sagsbehandler" } else { "An employer or caseworker" }).to_string()
        }
        Who::Unknown => (if da { "Nogen" } else { "Someone" }).to_string(),
    };
    let app = match (reference, da) {
        (Some(r), true) => format!("ansøgning {r}"),
        (Some(r), false) => format!("application {r}"),
        (None, true) => "en ansøgning".to_string(),
        (None, false) => "an application".to_string(),
    };
    let text = match KINDS.iter().find(|k| k.code == code) {
        Some(k) => if da { k.da } else { k.en }.to_string(),
        // A kind written by newer code than this list: still a sentence.
        None if da => format!("{{who}} gjorde noget, der hedder „{}“", code.replace('_', " ")),
        None => format!("{{who}} did something called “{}”", code.replace('_', " ")),
    };
    text.replace("{who}", &who).replace("{app}", &app)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::{fs, path::Path};

    /// Every string literal handed to an audit call (`audit(…)`, `record(…)`,
    /// `action: …`, `let action = …`) anywhere under `src/`.
    fn written_actions() -> std::collections::BTreeSet<String> {
        fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
            for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push(path);
                }
            }
        }
        let mut files = Vec::new();
        walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
        let mut found = std::collections::BTreeSet::new();
        for file in files.iter().filter(|f| !f.ends_with("i18n/audit.rs")) {
            let text = fs::read_to_string(file).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            for start in ["audit(", "record(", "action: \"", "let action ="] {
                for (i, _) in code.match_indices(start) {
                    let rest = &code[i + start.len() - usize::from(start.ends_with('"'))..];
                    let end = rest.find([';', '{']).map_or(rest.len(), |e| e);
                    let end = if start == "let action =" { rest.find(';').unwrap_or(rest.len()) } else { end };
                    let window = &rest[..end];
                    let window = window.split("json").next().unwrap_or_default();
                    for (n, literal) in window.split('"').enumerate() {
                        if n % 2 == 1
                            && !literal.is_empty()
                            && literal.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                        {
                            found.insert(literal.to_string());
                        }
                    }
                }
            }
        }
        found
    }

    #[test]
    fn every_action_the_code_writes_has_a_sentence_and_a_name() {
        let written = written_actions();
        assert!(written.contains("application_viewed") && written.contains("user_disabled"), "{written:?}");
        let known: Vec<&str> = codes().collect();
        let missing: Vec<&String> = written.iter().filter(|a| !known.contains(&a.as_str())).collect();
        assert!(missing.is_empty(), "audit actions without a sentence in i18n/audit.rs: {missing:?}");
    }

    #[test]
    fn sentences_name_the_person_and_the_application() {
        let s = sentence(Lang::Da, "application_viewed", Who::Staff("Lone Ravn"), Some("2027-0012"));
        assert_eq!(s, "Lone Ravn åbnede ansøgning 2027-0012");
        let s = sentence(Lang::Da, "applicant_withdrew", Who::Applicant, Some("2027-0012"));
        assert_eq!(s, "Ansøgeren trak ansøgning 2027-0012 tilbage");
        let s = sentence(Lang::En, "applicant_accepted", Who::Applicant, Some("2027-0012"));
        assert_eq!(s, "The applicant accepted the place for application 2027-0012");
    }

    #[test]
    fn an_unknown_action_still_reads_as_a_sentence() {
        let s = sentence(Lang::Da, "something_new", Who::System, None);
        assert_eq!(s, "Systemet gjorde noget, der hedder „something new“");
    }

    #[test]
    fn every_kind_is_written_in_both_languages_without_a_code() {
        for k in KINDS {
            for text in [k.da_name, k.en_name, k.da, k.en] {
                assert!(!text.trim().is_empty() && !text.contains('_'), "{}", k.code);
            }
            assert!(k.da.starts_with("{who}") && k.en.starts_with("{who}"), "{}", k.code);
        }
        let mut codes: Vec<&str> = codes().collect();
        codes.sort_unstable();
        let n = codes.len();
        codes.dedup();
        assert_eq!(codes.len(), n, "a kind is listed twice");
    }
}
