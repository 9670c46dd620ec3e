//! Strings of the programme-specific parts of applying: the questions of the
//! other profiles (contract, Version 2), what an intake page says about who
//! can apply, what it costs, the steps and how to reach the school.
use super::catalogue::catalogue;

catalogue! {
    ProfileStrings, DA, EN,
    // The questions of the other profiles.
    peer_role { da: "Hvad er din rolle på din arbejdsplads?", en: "What is your role at your workplace?" }
    peer_role_paid_peer { da: "Lønnet peermedarbejder", en: "Paid peer-support worker" }
    peer_role_volunteer_peer { da: "Frivillig peermedarbejder", en: "Volunteer peer-support worker" }
    peer_role_colleague { da: "Kollega til en peermedarbejder (fx sygeplejerske, pædagog eller socialrådgiver)", en: "Colleague of a peer-support worker (for example a nurse, educator or social worker)" }
    peer_task_share_percent { da: "Hvor stor en del af dine opgaver er peer-opgaver? (kun for peermedarbejdere)", en: "How large a share of your tasks are peer-support tasks? (peer-support workers only)" }
    peer_task_share_percent_hint { da: "I procent, et helt tal fra 0 til 100, fx 70. Er du kollega, så lad feltet stå tomt.", en: "In percent, a whole number from 0 to 100, for example 70. If you are a colleague, leave it empty." }
    works_in_same_team_as_peer { da: "Arbejder du i samme team som en peermedarbejder? (kun for kolleger)", en: "Do you work in the same team as a peer-support worker? (colleagues only)" }
    works_in_same_team_as_peer_hint { da: "Er du selv peermedarbejder, så spring spørgsmålet over.", en: "If you are a peer-support worker yourself, skip this question." }
    education_level { da: "Hvad er din højeste afsluttede skolegang?", en: "What is the highest schooling you have completed?" }
    education_below_ninth_grade { da: "Mindre end 9. klasse", en: "Less than 9th grade" }
    education_ninth_grade { da: "9. klasses afgangsprøve", en: "9th-grade exam" }
    education_youth_education { da: "Gymnasium eller erhvervsuddannelse", en: "Upper secondary or vocational education" }
    education_higher_education { da: "En videregående uddannelse", en: "Higher education" }
    education_field { da: "Hvilken uddannelse har du?", en: "Which education do you have?" }
    education_field_hint { da: "Vælg den, der passer bedst. Har du flere, så vælg den, du bruger mest.", en: "Choose the one that fits best. If you have several, choose the one you use most." }
    field_social { da: "En social uddannelse, fx socialrådgiver eller socialpædagog", en: "A social education, for example social worker" }
    field_health { da: "En sundhedsuddannelse, fx social- og sundhedsassistent eller sygeplejerske", en: "A health education, for example healthcare assistant or nurse" }
    field_pedagogical { da: "En pædagogisk uddannelse, fx pædagog", en: "A pedagogical education, for example educator" }
    field_other { da: "En anden uddannelse", en: "Another education" }
    field_none { da: "Ingen uddannelse efter skolen", en: "No education after school" }
    weekly_hours_available { da: "Hvor mange timer om ugen kan du arbejde?", en: "How many hours a week can you work?" }
    weekly_hours_available_hint { da: "Et helt tal fra 0 til 60, fx 20.", en: "A whole number from 0 to 60, for example 20." }
    in_recovery_since { da: "Hvornår begyndte din recovery – sådan cirka?", en: "When did your recovery begin – roughly?" }
    in_recovery_since_hint { da: "Dag, måned og år, fx 01-03-2024. Et cirka-tidspunkt er fint.", en: "Day, month and year, for example 01-03-2024. A rough date is fine." }
    related_to_people_supported { da: "Er du i familie med nogen af dem, du skal støtte i jobbet?", en: "Are you related to anyone you would support in the job?" }
    psychiatric_diagnosis { da: "Har du en psykiatrisk diagnose?", en: "Do you have a psychiatric diagnosis?" }
    psychiatric_admissions { da: "Hvor mange gange har du været indlagt i psykiatrien?", en: "How many times have you been admitted to psychiatric care?" }
    psychiatric_admissions_hint { da: "Et helt tal fra 0 til 99. Et cirka-tal er fint.", en: "A whole number from 0 to 99. A rough number is fine." }
    outside_labour_market { da: "Står du uden for arbejdsmarkedet på grund af psykisk sygdom?", en: "Are you outside the labour market because of mental illness?" }
    willing_to_share { da: "Vil du gerne dele dine egne erfaringer med andre?", en: "Would you like to share your own experience with others?" }
    err_number_missing { da: "Skriv et tal.", en: "Enter a number." }
    err_number_invalid { da: "Skriv et helt tal med cifre, fx 20.", en: "Enter a whole number in digits, for example 20." }
    err_out_of_range { da: "Skriv et tal fra {} til {}.", en: "Enter a number from {} to {}." }
    err_date_missing { da: "Skriv en dato – et cirka-tidspunkt er fint.", en: "Enter a date – a rough one is fine." }
    err_date_invalid { da: "Skriv datoen som dag-måned-år, fx 01-03-2024.", en: "Enter the date as day-month-year, for example 01-03-2024." }
    err_date_future { da: "Datoen må ikke ligge efter i dag.", en: "The date cannot be after today." }
    err_date_implausible { da: "Tjek årstallet – det ser ikke rigtigt ud.", en: "Check the year – it does not look right." }

    // The pre-check on the review page, for the other profiles.
    crit_peer_employment { da: "Uddannelsen er for peermedarbejdere, hvor mindst {} % af opgaverne er peer-opgaver, og for deres kolleger.", en: "The course is for peer-support workers with at least {} % peer-support tasks, and their colleagues." }
    crit_colleague_same_team { da: "Som kollega skal du arbejde i samme team som en peermedarbejder.", en: "As a colleague you need to work in the same team as a peer-support worker." }
    crit_education_level { da: "Jobbet kræver mindst {}.", en: "The job requires at least a {}." }
    crit_weekly_hours { da: "Jobbet kræver, at du kan arbejde mindst {} timer om ugen.", en: "The job requires that you can work at least {} hours a week." }
    crit_recovery_duration { da: "Du skal have været i recovery i mindst {} måneder.", en: "You need to have been in recovery for at least {} months." }
    crit_family_relation { da: "Du må ikke være i familie med dem, du skal støtte.", en: "You must not be related to the people you support." }
    crit_psychiatric_diagnosis { da: "Jobbet er for personer med en psykiatrisk diagnose.", en: "The job is for people with a psychiatric diagnosis." }
    crit_admissions { da: "Jobbet er for personer, der har været indlagt i psykiatrien mindst {} gange.", en: "The job is for people who have been admitted to psychiatric care at least {} times." }
    crit_admissions_one { da: "Jobbet er for personer, der har været indlagt i psykiatrien mindst én gang.", en: "The job is for people who have been admitted to psychiatric care at least once." }
    crit_relevant_education { da: "Forløbet er for personer med en social-, sundheds- eller pædagogisk uddannelse.", en: "The programme is for people with a social, health or pedagogical education." }
    crit_outside_labour_market { da: "Forløbet er for personer, der står uden for arbejdsmarkedet på grund af psykisk sygdom.", en: "The programme is for people outside the labour market because of mental illness." }
    crit_willing_to_share { da: "Forløbet er for personer, der gerne vil dele deres egne erfaringer.", en: "The programme is for people who would like to share their own experience." }

    // The intake page: who can apply.
    who_heading { da: "Hvem kan søge?", en: "Who can apply?" }
    who_intro { da: "Du kan søge, hvis det her passer på dig:", en: "You can apply if this fits you:" }
    who_doubt { da: "Er du i tvivl om noget af det? Søg alligevel, eller skriv til os – vi ser på hver ansøgning.", en: "In doubt about any of it? Apply anyway, or write to us – we look at every application." }
    who_judged { da: "Til samtalen taler vi om din motivation og dine erfaringer.", en: "At the interview we talk about your motivation and your experience." }
    who_min_age { da: "Du er fyldt {} år ved første undervisningsdag.", en: "You are {} or older on the first day of teaching." }
    who_lived_experience { da: "Du har selv erfaring med psykisk sårbarhed og recovery.", en: "You have your own experience of mental vulnerability and recovery." }
    who_treatment_history { da: "Du har været indlagt, har været i ambulant psykiatrisk behandling eller har fået social støtte fra kommunen.", en: "You have been admitted, in outpatient psychiatric treatment, or have had social support from the municipality." }
    who_income_support { da: "Din forsørgelse passer med uddannelsen. Får du fx dagpenge eller kontanthjælp, aftaler du det med din sagsbehandler – vi hjælper gerne.", en: "Your income support fits with the programme. If you receive, say, unemployment or cash benefit, you agree it with your caseworker – we are happy to help." }
    who_residence { da: "Du bor i {}. Bor du et andet sted, kan du stadig søge – så skal din kommune sige ja.", en: "You live in {}. If you live elsewhere you can still apply – your municipality then needs to agree." }
    who_substance_abuse { da: "Du har ikke et aktivt misbrug af stoffer eller alkohol.", en: "You do not have an active drug or alcohol abuse." }
    who_dementia { da: "Du har ikke en demenssygdom.", en: "You do not have dementia." }
    who_interpreter { da: "Du kan følge undervisning på dansk uden tolk.", en: "You can follow teaching in Danish without an interpreter." }
    who_peer_employment { da: "Du arbejder som peermedarbejder (lønnet eller frivillig), og mindst {} % af dine opgaver er peer-opgaver.", en: "You work as a peer-support worker (paid or volunteer), and at least {} % of your tasks are peer-support tasks." }
    who_colleague_same_team { da: "Eller du er kollega og arbejder i samme team som en peermedarbejder.", en: "Or you are a colleague working in the same team as a peer-support worker." }
    who_education_level { da: "Du har mindst {}.", en: "You have at least a {}." }
    who_weekly_hours { da: "Du kan arbejde mindst {} timer om ugen.", en: "You can work at least {} hours a week." }
    who_recovery_duration { da: "Du har været i recovery i mindst {} måneder.", en: "You have been in recovery for at least {} months." }
    who_family_relation { da: "Du er ikke i familie med nogen af dem, du skal støtte.", en: "You are not related to anyone you would support." }
    who_psychiatric_diagnosis { da: "Du har en psykiatrisk diagnose.", en: "You have a psychiatric diagnosis." }
    who_admissions { da: "Du har været indlagt i psykiatrien mindst {} gange.", en: "You have been admitted to psychiatric care at least {} times." }
    who_admissions_one { da: "Du har været indlagt i psykiatrien mindst én gang.", en: "You have been admitted to psychiatric care at least once." }
    who_relevant_education { da: "Du har en social-, sundheds- eller pædagogisk uddannelse.", en: "You have a social, health or pedagogical education." }
    who_outside_labour_market { da: "Du står uden for arbejdsmarkedet på grund af psykisk sygdom.", en: "You are outside the labour market because of mental illness." }
    who_willing_to_share { da: "Du vil gerne dele dine egne erfaringer med andre.", en: "You would like to share your own experience with others." }

    // The intake page: what it costs, the steps, how to reach the school.
    cost_heading { da: "Hvad koster det?", en: "What does it cost?" }
    cost_free_to_apply { da: "Det koster ikke noget at søge.", en: "It costs nothing to apply." }
    cost_out_of_region { da: "Bor du uden for {}, skal din kommune sige ja og betale {} kr. for din plads.", en: "If you live outside {}, your municipality needs to agree and pay DKK {} for your place." }
    cost_out_of_region_no_fee { da: "Bor du uden for {}, skal din kommune sige ja, men det koster ikke noget.", en: "If you live outside {}, your municipality needs to agree, but it costs nothing." }
    steps_heading { da: "Sådan foregår det", en: "How it works" }
    step_deadline { da: "Send din ansøgning senest {}.", en: "Send your application by {}." }
    step_info_meetings { da: "Kom til et informationsmøde, hvis du vil vide mere: {}.", en: "Come to an info meeting if you want to know more: {}." }
    step_interviews { da: "Vi holder samtaler {}.", en: "We hold interviews on {}." }
    step_answer { da: "Du får svar, når alle samtaler er holdt – efter {}.", en: "You get an answer when all the interviews are held – after {}." }
    step_answer_no_interviews { da: "Du får svar, når fristen er gået.", en: "You get an answer after the deadline." }
    step_start { da: "Vi begynder {}.", en: "We start on {}." }
    reach_heading { da: "Kontakt", en: "Contact" }
    reach_school { da: "Skolen", en: "The school" }
    reach_programme { da: "Uddannelsen", en: "The programme" }
    list_and { da: "og", en: "and" }
}
