//! Strings of the accessibility statement (lov om tilgængelighed af offentlige organers websteder).
use super::catalogue::catalogue;

catalogue! {
    AccessibilityStrings, DA, EN,
    title { da: "Tilgængelighedserklæring", en: "Accessibility statement" }
    intro {
        da: "Alle skal kunne bruge denne side – også hvis du bruger skærmlæser, forstørrer skærmen, kun bruger tastaturet eller er træt og har svært ved at overskue meget tekst. Her kan du læse, hvor godt siden lever op til det, og hvad du kan gøre, hvis noget ikke virker for dig.",
        en: "Everyone should be able to use this site – also if you use a screen reader, enlarge the screen, only use a keyboard, or are tired and find a lot of text hard to take in. Here you can read how well the site lives up to this, and what you can do if something does not work for you."
    }
    target_title { da: "Det krav, siden skal leve op til", en: "The standard the site aims for" }
    target_text {
        da: "Siden skal leve op til WCAG 2.1 på niveau AA. Det er det krav, loven om tilgængelighed af offentlige organers websteder stiller. Vi tjekker siderne automatisk med værktøjerne axe-core og Nu Html Checker, og vi prøver dem på små skærme og kun med tastatur.",
        en: "The site aims to meet WCAG 2.1 at level AA. This is what the Danish act on the accessibility of public bodies' websites requires. We check the pages automatically with the tools axe-core and the Nu Html Checker, and we try them on small screens and with a keyboard only."
    }
    status_text {
        da: "Siden lever delvist op til kravet. Det, vi ved ikke virker godt nok endnu, står herunder. Vi arbejder på at rette det.",
        en: "The site partly meets the standard. What we know does not work well enough yet is listed below. We are working on fixing it."
    }
    gaps_title { da: "Det, der ikke virker godt nok endnu", en: "What does not work well enough yet" }
    gap_narrow { da: "På meget smalle skærme kan nogle lange overskrifter gå ud over kanten.", en: "On very narrow screens, some long headings can run over the edge." }
    gap_error_focus { da: "Når du klikker på en fejl i oversigten over fejl, kan feltets overskrift ende uden for skærmen.", en: "When you click an error in the list of errors, the field's label can end up outside the screen." }
    gap_wcag22 { da: "Vi har endnu ikke tjekket siden mod de nyere krav i WCAG 2.2, fx hvor store knapper og links skal være.", en: "We have not yet checked the site against the newer requirements of WCAG 2.2, for example how large buttons and links must be." }
    gap_mail_language { da: "Vores e-mails er kun på dansk.", en: "Our e-mails are in Danish only." }
    report_title { da: "Sig til, hvis noget ikke virker for dig", en: "Tell us if something does not work for you" }
    report_text {
        da: "Kan du ikke bruge en side, eller kan du ikke læse noget, så skriv eller ring til os. Fortæl gerne, hvilken side det drejer sig om. Vi hjælper dig videre – også med din ansøgning, hvis det er den, du ikke kan komme igennem.",
        en: "If you cannot use a page or cannot read something, write to us or call. Please tell us which page it is. We will help you on – also with your application, if that is what you cannot get through."
    }
    report_unknown { da: "Kontakt skolen, der står for uddannelsen.", en: "Contact the school that runs the programme." }
    complaint_title { da: "Hvis du vil klage", en: "If you want to complain" }
    complaint_text {
        da: "Er du ikke tilfreds med vores svar, kan du klage til Digitaliseringsstyrelsen. Den holder øje med, at offentlige hjemmesider er tilgængelige.",
        en: "If you are not satisfied with our answer, you can complain to the Danish Agency for Digital Government (Digitaliseringsstyrelsen). It oversees the accessibility of public websites."
    }
}
