//! Strings of the application form, the review page, the receipt and their e-mails.
use super::catalogue::catalogue;

catalogue! {
    ApplyStrings, DA, EN,
    title { da: "Ansøgning", en: "Application" }
    intro {
        da: "Tag den tid, du har brug for. Du kan gemme en kladde og fortsætte senere fra et link, vi sender dig på e-mail. Du skal udfylde alle felter uden „(valgfrit)“, før du sender.",
        en: "Take the time you need. You can save a draft and continue later from a link we e-mail to you. Fields not marked \"(optional)\" must be filled in before you send."
    }
    deadline_note { da: "Fristen er {}.", en: "The deadline is {}." }
    optional { da: "(valgfrit)", en: "(optional)" }
    error_summary_title { da: "Der er noget, du skal rette", en: "There is something to fix" }
    error_summary_hint { da: "Du kan også gemme en kladde og svare på resten en anden dag.", en: "You can also save a draft and answer the rest another day." }
    error_prefix { da: "Fejl:", en: "Error:" }
    yes { da: "Ja", en: "Yes" }
    no { da: "Nej", en: "No" }

    section_about { da: "Om dig", en: "About you" }
    full_name { da: "Fulde navn", en: "Full name" }
    email { da: "E-mailadresse", en: "E-mail address" }
    email_hint { da: "Vi sender kvittering og links hertil.", en: "We send your receipt and links here." }
    phone { da: "Telefonnummer (valgfrit)", en: "Phone number (optional)" }
    phone_hint { da: "8 cifre, fx 12 34 56 78.", en: "8 digits, for example 12 34 56 78." }
    birth_date { da: "Fødselsdato", en: "Date of birth" }
    birth_date_hint { da: "Dag, måned og år, fx 31-05-1990.", en: "Day, month and year, for example 31-05-1990." }
    municipality { da: "Hvilken kommune bor du i?", en: "Which municipality do you live in?" }
    municipality_choose { da: "Vælg kommune", en: "Choose municipality" }

    section_situation { da: "Din situation", en: "Your situation" }
    situation_intro {
        da: "Vi spørger, fordi uddannelsen har nogle krav. Der er ingen forkerte svar, og dine svar afgør ikke alene, om du får en plads – det gør samtalen også.",
        en: "We ask because the programme has some requirements. There are no wrong answers, and your answers alone do not decide whether you are admitted – a conversation does."
    }
    lived_experience { da: "Har du selv erfaring med psykisk sårbarhed og recovery?", en: "Do you have your own experience of mental vulnerability and recovery?" }
    treatment { da: "Hvilken behandling eller støtte har du fået?", en: "Which treatment or support have you received?" }
    treatment_hint { da: "Sæt gerne flere kryds. Har du ikke fået noget af det, så lad felterne stå tomme.", en: "Tick all that apply. If none apply, leave them empty." }
    treatment_psychiatric_admission { da: "Været indlagt på et psykiatrisk afsnit", en: "Admitted to a psychiatric ward" }
    treatment_psychiatric_outpatient { da: "Ambulant behandling i psykiatrien (distrikts- eller lokalpsykiatri)", en: "Outpatient psychiatric treatment (district or local psychiatry)" }
    treatment_municipal_support { da: "Social støtte fra kommunen, fx bostøtte, botilbud eller dagtilbud", en: "Social support from the municipality, such as housing support or day services" }
    income_support { da: "Hvad lever du af nu?", en: "What do you live on now?" }
    income_employed { da: "Arbejde (løn)", en: "Work (salary)" }
    income_unemployment_benefit { da: "Dagpenge", en: "Unemployment benefit" }
    income_cash_benefit { da: "Kontanthjælp eller uddannelseshjælp", en: "Cash benefit" }
    income_sickness_benefit { da: "Sygedagpenge", en: "Sickness benefit" }
    income_resource_process { da: "Ressourceforløb", en: "Resource process (ressourceforløb)" }
    income_flex_job { da: "Fleksjob eller ledighedsydelse", en: "Flex job" }
    income_disability_pension { da: "Førtidspension", en: "Disability pension" }
    income_education_grant { da: "SU", en: "Education grant (SU)" }
    income_other { da: "Andet", en: "Other" }
    income_none { da: "Ingen indtægt", en: "No income" }
    caseworker_agreement { da: "Har du aftalt med din sagsbehandler, at du går på uddannelsen?", en: "Have you agreed with your caseworker that you attend the programme?" }
    caseworker_hint { da: "Så undgår du, at din forsørgelse kommer i vejen senere.", en: "This avoids your income support getting in the way later." }
    caseworker_yes { da: "Ja", en: "Yes" }
    caseworker_no { da: "Nej, ikke endnu", en: "No, not yet" }
    caseworker_none { da: "Jeg har ingen sagsbehandler", en: "I have no caseworker" }
    active_substance_abuse { da: "Har du et aktivt misbrug af stoffer eller alkohol?", en: "Do you have an active drug or alcohol abuse?" }
    dementia { da: "Har du en demenssygdom?", en: "Do you have dementia?" }
    needs_interpreter { da: "Har du brug for tolk?", en: "Do you need an interpreter?" }

    section_reflection { da: "Dine tanker", en: "Your thoughts" }
    reflection_intro {
        da: "Skriv med dine egne ord – der er ingen rigtige svar. Et kort afsnit er nok; du må højst skrive 5.000 tegn i hvert felt. Hvis vi inviterer dig til en samtale, tager vi udgangspunkt i dine svar.",
        en: "Write in your own words – there are no right answers. A short paragraph is enough; each field takes at most 5,000 characters. Your answers are the starting point of the interview, if you are invited."
    }
    motivation { da: "Hvorfor vil du gerne være peermedarbejder?", en: "Why would you like to be a peer-support worker?" }
    motivation_hint { da: "Hvad håber du at kunne give andre?", en: "What do you hope to give others?" }
    experience { da: "Fortæl lidt om dine egne erfaringer med psykisk sårbarhed og recovery", en: "Tell us a little about your own experience of mental vulnerability and recovery" }
    experience_hint { da: "Du bestemmer selv, hvor meget du fortæller.", en: "You decide how much you share." }
    distance { da: "Hvordan ser du i dag på dine erfaringer med behandling og støtte?", en: "How do you look today at your experiences of treatment and support?" }
    distance_hint { da: "Fx hvad du har lært, og hvordan din historie kan være anderledes end andres.", en: "For example what you have learnt, and how your story may differ from others'." }
    strengths_limits { da: "Hvad er dine styrker, og hvor går dine grænser?", en: "What are your strengths, and where are your limits?" }
    strengths_limits_hint { da: "Hvad vil du gerne blive bedre til?", en: "What would you like to get better at?" }
    expectations { da: "Hvad forventer du af uddannelsen? (valgfrit)", en: "What do you expect from the programme? (optional)" }
    characters_left { da: "Højst 5.000 tegn.", en: "At most 5,000 characters." }

    section_consent { da: "Samtykke", en: "Consent" }
    privacy_text {
        da: "Dine svar om behandling, misbrug og helbred er følsomme personoplysninger. Vi bruger dem kun til at behandle din ansøgning. Kun de medarbejdere, der arbejder med optagelsen, kan se dem, og vi sletter dem, når optagelsen er slut, hvis du ikke bliver optaget. Du kan altid trække dit samtykke tilbage.",
        en: "Your answers about treatment, abuse and health are sensitive personal data. We use them only to process your application. Only the staff who work on admissions can see them, and we delete them when admissions are over if you are not admitted. You can withdraw your consent at any time."
    }
    consent { da: "Jeg giver samtykke til, at skolen behandler mine oplysninger, også om mit helbred, for at behandle min ansøgning.", en: "I consent to the school processing my information, including about my health, to process my application." }

    keep_for_later { da: "Jeg vil også gerne komme i betragtning til et senere hold. I må gemme min ansøgning til det.", en: "I would also like to be considered for a later cohort, and you may keep my application for that." }
    keep_for_later_hint { da: "Valgfrit. Så gemmer vi ansøgningen længere end ellers – hvor længe, kan du læse på siden om dine oplysninger. Du kan fortryde det på din egen side.", en: "Optional. We then keep the application longer than otherwise; how long is on the page about your data. You can withdraw it on your own page." }
    privacy_link { da: "Læs om dine oplysninger og dine rettigheder", en: "Read about your data and your rights" }
    review_consent_not_given { da: "Nej", en: "No" }

    button_review { da: "Se dine svar, før du sender", en: "Check your answers before sending" }
    button_save_draft { da: "Gem kladde", en: "Save draft" }
    button_submit { da: "Send ansøgning", en: "Send application" }
    button_edit { da: "Ret dine svar", en: "Change your answers" }
    draft_resumed { da: "Du fortsætter fra din gemte kladde.", en: "You are continuing from your saved draft." }

    review_title { da: "Tjek dine svar", en: "Check your answers" }
    review_intro { da: "Læs dine svar igennem. Du kan rette dem, eller sende ansøgningen, som den er.", en: "Read through your answers. You can change them, or send the application as it is." }
    precheck_title { da: "Ud fra dine svar", en: "Based on your answers" }
    precheck_all_fine { da: "Ud fra dine svar ser det ud til, at du opfylder kravene. Resten taler vi om til samtalen.", en: "Based on your answers, you appear to meet the requirements. We will talk about the rest at the interview." }
    precheck_not_met_intro {
        da: "Ud fra dine svar opfylder du måske ikke alle krav. Du kan stadig godt søge – vi ser på hver ansøgning. Du er også velkommen til at kontakte os først.",
        en: "Based on your answers, you may not meet every requirement. You can still apply – we look at every application. You are also welcome to contact us first."
    }
    precheck_verify_intro { da: "Det skal vi tjekke sammen med dig:", en: "We will check this together with you:" }
    review_none { da: "Ikke udfyldt", en: "Not filled in" }
    review_treatment_none { da: "Ingen af dem", en: "None of these" }
    review_consent_given { da: "Givet", en: "Given" }

    crit_min_age { da: "Du skal være fyldt 18 år, når undervisningen begynder.", en: "You must be 18 when the teaching begins." }
    crit_lived_experience { da: "Du skal selv have erfaring med psykisk sårbarhed og recovery.", en: "You need your own experience of mental vulnerability and recovery." }
    crit_treatment_history { da: "Du skal have været indlagt, have været i ambulant psykiatrisk behandling eller have fået social støtte fra kommunen.", en: "You need to have been admitted, in outpatient psychiatric treatment, or to have received municipal social support." }
    crit_substance_abuse { da: "Uddannelsen kræver, at du ikke har et aktivt misbrug af stoffer eller alkohol.", en: "You must not have an active abuse." }
    crit_dementia { da: "Uddannelsen er ikke for personer med en demenssygdom.", en: "The programme is not for people with dementia." }
    crit_interpreter { da: "Undervisningen foregår på dansk uden tolk.", en: "Teaching is in Danish without an interpreter." }
    verify_municipality { da: "Du bor i {} Kommune, som ligger uden for {}. Din kommune skal sige ja og betale {} kr.", en: "You live in {} municipality, outside {}. Your municipality must agree and pay DKK {}." }
    verify_municipality_no_fee { da: "Du bor i {} Kommune, som ligger uden for {}. Din kommune skal sige ja.", en: "You live in {} municipality, outside {}. Your municipality must agree." }
    verify_caseworker_must_agree { da: "Din sagsbehandler skal være med på, at du går på uddannelsen.", en: "Your caseworker needs to agree to you attending." }
    verify_caseworker_expected { da: "Din forsørgelse har normalt en sagsbehandler tilknyttet. Vi hjælper dig med at finde ud af det.", en: "Your income support usually comes with a caseworker. We will help you work it out." }
    verify_income_other { da: "Om din forsørgelse passer med uddannelsen.", en: "Whether your income support fits with the programme." }
    verify_not_answered { da: "Et spørgsmål, du ikke har svaret på.", en: "A question you have not answered." }

    closed_title { da: "Ansøgningsfristen er gået", en: "The application deadline has passed" }
    closed_text {
        da: "Fristen var {}, så vi kan ikke længere tage imod ansøgninger til dette hold. Dine svar er ikke gemt. Kontakt skolen, hvis du har spørgsmål – og hold øje med forsiden for næste hold.",
        en: "The deadline was {}, so we can no longer accept applications for this group. Your answers were not saved. Contact the school if you have questions – and watch the front page for the next group."
    }
    not_open_title { da: "Du kan ikke søge endnu", en: "Applications are not open yet" }
    closed_copy_hint { da: "Her er det, du skrev, så du kan gemme det selv:", en: "Here is what you wrote, so you can keep it yourself:" }

    received_title { da: "Tak for din ansøgning", en: "Thank you for your application" }
    received_reference { da: "Dit referencenummer er", en: "Your reference number is" }
    received_mail { da: "Vi har sendt en kvittering til din e-mail. I den er der et link til din egen side, hvor du kan følge ansøgningen og se, hvad vi har gemt om dig.", en: "We have sent a receipt to your e-mail. It has a link to your own page, where you can follow the application and see what we keep about you." }
    next_title { da: "Hvad sker der nu?", en: "What happens next?" }
    next_text {
        da: "Vi læser alle ansøgninger, når fristen er gået. Hvis vi inviterer dig til en samtale, får du en e-mail med et link, hvor du selv vælger en tid.",
        en: "We read every application after the deadline. If we invite you to an interview, you get an e-mail with a link where you choose a time yourself."
    }
    next_interview_days { da: "Vi holder samtaler på disse dage – hold dem gerne fri:", en: "Interviews are held on these days – please keep them free:" }

    saved_title { da: "Din kladde er gemt", en: "Your draft is saved" }
    saved_sent { da: "Vi har sendt et link til den e-mailadresse, du skrev. Brug linket, når du vil fortsætte. Linket virker i 30 dage.", en: "We have sent a link to the e-mail address you gave. Use it when you want to continue. The link works for 30 days." }
    saved_again { da: "Dine ændringer er gemt. Du kan fortsætte fra det samme link som før.", en: "Your changes are saved. You can continue from the same link as before." }
    saved_deadline { da: "Husk at sende ansøgningen senest {}.", en: "Remember to send the application by {}." }

    check_email_title { da: "Tjek din e-mail", en: "Check your e-mail" }
    check_email_text {
        da: "Vi har sendt en e-mail til den adresse, du skrev. Der står, hvad der sker med din ansøgning nu. Dine svar er gemt.",
        en: "We have sent an e-mail to the address you gave about what happens with your application. Your answers are saved."
    }

    draft_expired_title { da: "Linket til din kladde er udløbet", en: "The link to your draft has expired" }
    draft_expired_text {
        da: "Vi gemmer kladder i 30 dage. Du kan begynde forfra – og du er velkommen til at kontakte skolen, hvis du har brug for hjælp.",
        en: "Drafts are kept for 30 days. You can start again – and you are welcome to contact the school if you need help."
    }
    start_again { da: "Begynd på en ny ansøgning", en: "Start a new application" }
    kept_first_title { da: "Vi har allerede din ansøgning", en: "We already have your application" }
    kept_first_text {
        da: "Denne ansøgning blev sendt med en anden e-mailadresse, så vi har beholdt den første udgave. Vil du ændre noget, så brug linket til din egen side i kvitteringsmailen – eller kontakt skolen.",
        en: "This form was already sent with another e-mail address, so we kept the first version. If you want to change something, use the link in the receipt e-mail to your own page – or contact the school."
    }
    in_progress_title { da: "Vi er i gang med din ansøgning", en: "Your application is already being processed" }
    in_progress_text {
        da: "Vi læser den allerede, så du kan ikke længere ændre den her. Kontakt skolen, hvis du vil tilføje noget.",
        en: "We have started on your application, so it can no longer be changed here. Contact the school if you want to add something."
    }

    mail_receipt_subject { da: "Vi har fået din ansøgning – reference {}", en: "We have received your application – reference {}" }
    mail_updated_subject { da: "Vi har fået dine nye svar – reference {}", en: "Your application is updated – reference {}" }
    mail_hello { da: "Hej {}", en: "Hello {}" }
    mail_hello_unnamed { da: "Hej", en: "Hello" }
    mail_receipt_body { da: "Tak for din ansøgning til {}. Vi har fået den, og dit referencenummer er {}.", en: "Thank you for your application to {}. We have received it, and your reference number is {}." }
    mail_updated_body { da: "Vi har erstattet din ansøgning til {} med dine nye svar. Dit referencenummer er stadig {}.", en: "We have replaced your application to {} with your new answers. Your reference number is still {}." }
    mail_draft_subject { da: "Dit link til at fortsætte ansøgningen", en: "Your link to continue the application" }
    mail_draft_body { da: "Du har gemt en kladde til en ansøgning til {}. Brug linket herunder, når du vil fortsætte. Linket virker i 30 dage, og du kan bruge det flere gange.", en: "You saved a draft application to {}. Use the link below when you want to continue. The link works for 30 days, and you can use it more than once." }
    mail_draft_link { da: "Fortsæt din ansøgning", en: "Continue your application" }
    mail_duplicate_subject { da: "Om din ansøgning – reference {}", en: "About your application – reference {}" }
    mail_duplicate_body {
        da: "Vi har allerede en ansøgning fra denne e-mailadresse til {} med referencenummer {}. Den gælder stadig. Vi har lige fået nye svar fra samme adresse (kvitteringsnummer {}) og gemt dem som en kladde. Er det dig, der har sendt dem, og vil du bruge dem i stedet, så åbn kladden, og send den – så erstatter den din første ansøgning. Ellers skal du ikke gøre noget.",
        en: "We already have an application from this e-mail address to {} with reference number {}. It still stands. New answers were just sent from the address (receipt number {}); we saved them as a draft. If you sent them and want to use them instead, open the draft and send it – it will then replace your first application. If not, you need not do anything."
    }
    mail_not_you { da: "Har du ikke selv gjort dette, kan du se bort fra e-mailen.", en: "If this was not you, you can ignore this e-mail." }
    mail_no_reply { da: "Du kan ikke svare på denne e-mail. Kontakt skolen, hvis du har spørgsmål.", en: "You cannot reply to this e-mail. Contact the school if you have questions." }

    err_full_name { da: "Skriv dit fulde navn.", en: "Enter your full name." }
    err_too_long { da: "Du kan højst skrive {} tegn her. Du har skrevet {}.", en: "At most {} characters. You have written {}." }
    err_email_missing { da: "Skriv din e-mailadresse.", en: "Enter your e-mail address." }
    err_email_unreachable { da: "Vi kan desværre ikke sende e-mails til en adresse med æ, ø, å eller andre særlige tegn før @. Skriv en anden e-mailadresse.", en: "Sorry, we cannot send mail to an address with æ, ø, å or other special characters before the @. Enter another e-mail address." }
    err_email_invalid { da: "Skriv e-mailadressen som fx navn@eksempel.dk.", en: "Enter the e-mail address like name@example.dk." }
    err_phone { da: "Skriv et dansk telefonnummer med 8 cifre, fx 12 34 56 78 eller +45 12 34 56 78 – eller lad feltet stå tomt.", en: "Enter a Danish phone number with 8 digits, like 12 34 56 78 or +45 12 34 56 78 – or leave it empty." }
    err_birth_date_missing { da: "Skriv din fødselsdato.", en: "Enter your date of birth." }
    err_birth_date_invalid { da: "Skriv fødselsdatoen som dag-måned-år, fx 31-05-1990.", en: "Enter the date of birth as day-month-year, like 31-05-1990." }
    err_birth_date_no_such { da: "Den dato findes ikke i kalenderen. Tjek dag og måned.", en: "That date does not exist in the calendar. Check the day and the month." }
    err_birth_date_implausible { da: "Tjek årstallet – det ligner ikke et fødselsår.", en: "Check the year – it does not look like a year of birth." }
    err_birth_date_future { da: "Fødselsdatoen skal være før i dag.", en: "The date of birth must be before today." }
    err_municipality { da: "Vælg den kommune, du bor i.", en: "Choose the municipality you live in." }
    err_yes_no { da: "Vælg ja eller nej.", en: "Choose yes or no." }
    err_choice { da: "Vælg et af svarene.", en: "Choose one of the answers." }
    err_answer_missing { da: "Skriv et svar – et par linjer er nok.", en: "Write an answer – a few lines are enough." }
    err_consent { da: "Sæt kryds, hvis du giver samtykke. Uden det kan vi ikke behandle din ansøgning.", en: "Tick the box if you consent. Without it we cannot process your application." }
}
