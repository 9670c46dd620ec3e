//! Enrolment by an employer (Region H's peer course) or a caseworker
//! (MB-forløbet), end to end through the contract: the enroller proves their
//! address before the person hears anything; the person decides; the enroller
//! learns only accepted / declined / sent; staff see the enroller.
use chrono::Duration;
use optag::{domain::staff::Role, sealing::Field};
use reqwest::{Response, StatusCode};

use crate::support::{
    TestApp, applicant,
    programmes::{mb_forloebet, open_intake, region_h},
    smtp_sink::Mail,
    staff::StaffClient,
};

const ENROLLER: &str = "leder@lyngly.dk";
const PERSON: &str = "peter@example.dk";
const NOTE: &str = "Peter starter som peer hos os i august. NOTE-7Q";

fn employer_form<'a>(participant_name: &'a str, participant_email: &'a str, role: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("enroller_kind", "employer"),
        ("organisation", "Bostedet Lyngly"),
        ("enroller_name", "Lone Leder"),
        ("enroller_email", ENROLLER),
        ("participant_name", participant_name),
        ("participant_email", participant_email),
        ("peer_role", role),
        ("note", NOTE),
    ]
}

fn caseworker_form() -> Vec<(&'static str, &'static str)> {
    vec![
        ("enroller_kind", "caseworker"),
        ("organisation", "Jobcenter Aarhus"),
        ("enroller_name", "Sara Sagsbehandler"),
        ("enroller_email", "sara@aarhus.dk"),
        ("participant_name", "Bo Borger"),
        ("participant_email", "bo@example.dk"),
        ("note", "Vi har talt om forløbet. NOTE-MB"),
    ]
}

fn location(r: &Response) -> String {
    r.headers()["location"].to_str().unwrap().to_string()
}

fn no_store(r: &Response) {
    assert_eq!(r.headers()["cache-control"], "no-store", "{}", r.url());
}

/// How many mails were ever queued to `address` (sent or not).
async fn queued_to(app: &TestApp, address: &str) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM mail_outbox WHERE recipient = $1")
        .bind(address)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

/// The confirmation links mailed to `enroller` so far, oldest first.
async fn confirm_links(app: &TestApp, enroller: &str) -> Vec<String> {
    let mails = app.smtp.mails().await;
    let mine = mails.iter().filter(|m| m.to.iter().any(|t| t == enroller));
    mine.filter(|m| m.link("/enrolments/confirm/").is_some()).map(|m| m.link_path("/enrolments/confirm/")).collect()
}

/// Enrols by `form` on `slug` and returns the enroller's confirmation link path.
async fn enrol(app: &TestApp, slug: &str, form: &[(&str, &str)]) -> String {
    let enroller = form.iter().find(|(k, _)| *k == "enroller_email").unwrap().1;
    let before = confirm_links(app, enroller).await.len();
    let r = app.post_form(&format!("/intakes/{slug}/enrol"), form).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&r), format!("/intakes/{slug}/enrol/check-email"));
    for _ in 0..150 {
        if let Some(link) = confirm_links(app, enroller).await.get(before) {
            return link.clone();
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("no confirmation link mailed to {enroller}");
}

/// Nothing the enroller typed about anyone is in a mail to an unproven address.
fn names_no_one(m: &Mail, typed: &[&str]) {
    for t in typed {
        assert!(!m.text.contains(t) && !m.html.contains(t) && !m.subject.contains(t), "{t:?} in {:?}", m.subject);
    }
}

/// Confirms the enrolment at `confirm` and returns the person's link path.
async fn confirm(app: &TestApp, confirm: &str, person: &str) -> String {
    let page = app.get(confirm).await;
    assert_eq!(page.status(), StatusCode::OK);
    no_store(&page);
    assert!(page.text().await.unwrap().contains(&format!("action=\"{confirm}\"")), "one button posting back");
    assert_eq!(queued_to(app, person).await, 0, "looking at the link sends nothing");
    let r = app.post_form(confirm, &[]).await;
    assert_eq!((r.status(), location(&r)), (StatusCode::SEE_OTHER, confirm.to_string()));
    let again = app.post_form(confirm, &[]).await;
    assert_eq!(again.status(), StatusCode::SEE_OTHER, "confirming twice is fine");
    let mails = app.smtp.mails_to(person, 1).await;
    assert_eq!(queued_to(app, person).await, 1, "confirming again sends no second mail");
    mails[0].link_path("/enrolments/")
}

#[tokio::test]
async fn an_employer_enrols_a_peer_who_accepts_applies_and_the_employer_hears_only_accepted_and_sent() {
    let app = TestApp::spawn().await;
    open_intake(&app, &region_h(), "region-h-2027").await;
    let intake_page = app.get("/intakes/region-h-2027").await.text().await.unwrap();
    assert!(intake_page.contains("href=\"/intakes/region-h-2027/enrol\""), "the intake page links to the form");
    assert!(intake_page.contains("Tilmeld en medarbejder"));
    let form = app.get("/intakes/region-h-2027/enrol").await;
    assert_eq!(form.status(), StatusCode::OK);
    let form = form.text().await.unwrap();
    assert!(form.contains("name=\"peer_role\"") && form.contains("value=\"colleague\""));

    let confirm_path = enrol(&app, "region-h-2027", &employer_form("Peter Peer", PERSON, "paid_peer")).await;
    let first = &app.smtp.mails_to(ENROLLER, 1).await[0];
    names_no_one(first, &["Peter", "Lone", "Lyngly", "NOTE-7Q"]);
    assert_eq!(queued_to(&app, PERSON).await, 0, "the person hears nothing before the enroller confirms");

    let person_path = confirm(&app, &confirm_path, PERSON).await;
    let invitation = &app.smtp.mails_to(PERSON, 1).await[0];
    names_no_one(invitation, &["Peter", "Lone", "Lyngly", "NOTE-7Q"]);
    let confirmed = app.get(&confirm_path).await;
    assert_eq!(confirmed.status(), StatusCode::OK);
    assert!(!confirmed.text().await.unwrap().contains("Peter"), "the enroller's page shows nothing of the person");

    let page = app.get(&person_path).await;
    assert_eq!(page.status(), StatusCode::OK);
    no_store(&page);
    let page = page.text().await.unwrap();
    for shown in ["Lone Leder", "Bostedet Lyngly", NOTE, "value=\"accept\"", "value=\"decline\""] {
        assert!(page.contains(shown), "{shown} on the person's page");
    }

    let accepted = app.post_form(&person_path, &[("decision", "accept")]).await;
    assert_eq!(accepted.status(), StatusCode::SEE_OTHER);
    let draft_path = location(&accepted);
    assert!(draft_path.starts_with("/drafts/"), "{draft_path}");
    let draft = app.get(&draft_path).await;
    no_store(&draft);
    let draft = draft.text().await.unwrap();
    assert!(draft.contains("value=\"Peter Peer\"") && draft.contains(&format!("value=\"{PERSON}\"")));
    let checked: Vec<&str> =
        draft.match_indices(" checked").map(|(i, _)| &draft[draft[..i].rfind('<').unwrap()..i]).collect();
    assert!(
        checked.len() == 1 && checked[0].contains("name=\"peer_role\"") && checked[0].contains("value=\"paid_peer\""),
        "only the role the employer gave is filled in, no other fact: {checked:?}"
    );
    assert_eq!(app.get(&person_path).await.status(), StatusCode::GONE, "answered: the link is used");
    let (draft_id, sealed): (i64, Vec<u8>) =
        sqlx::query_as("SELECT id, fields_sealed FROM drafts").fetch_one(&app.pool).await.unwrap();
    let prefilled: serde_json::Value = app.key().await.open_json(Field::DraftFields, draft_id, &sealed).unwrap();
    assert_eq!(prefilled["peer_role"], "paid_peer", "the role travels with the draft for the form that asks it");
    let note: Vec<u8> = sqlx::query_scalar("SELECT note_sealed FROM enrolments").fetch_one(&app.pool).await.unwrap();
    assert!(!note.windows(7).any(|w| w == b"NOTE-7Q"), "the note is sealed");

    let news = app.smtp.mails_to(ENROLLER, 2).await;
    assert!(news[1].subject.contains("sagt ja") && news[1].text.contains("Peter Peer"), "{}", news[1].text);
    let draft_token = draft_path.trim_start_matches("/drafts/").to_string();
    let mut fields = applicant::form(PERSON, "submit");
    fields = applicant::with(fields, "full_name", "Peter Peer");
    fields.push(("draft_token", draft_token.clone()));
    fields.push(("peer_role", "paid_peer".into()));
    fields.push(("peer_task_share_percent", "80".into()));
    assert_eq!(applicant::post(&app, "region-h-2027", &fields).await.status(), StatusCode::SEE_OTHER);
    let news = app.smtp.mails_to(ENROLLER, 3).await;
    assert!(news[2].subject.contains("sendt"), "{}", news[2].subject);
    names_no_one(&news[2], &["HEMMELIG-MOTIVATION", "730", "1990"]);
    assert_eq!(news.len(), 3, "accepted and sent, nothing more");

    let reference: String =
        sqlx::query_scalar("SELECT reference FROM applications").fetch_one(&app.pool).await.unwrap();
    let staff = StaffClient::signed_in(&app, "koordinator@example.dk", Role::Coordinator).await;
    let detail = staff.get(&format!("/admin/applications/{reference}")).await.text().await.unwrap();
    assert!(detail.contains("data-enroller"));
    for shown in ["Arbejdsgiver", "Bostedet Lyngly", "Lone Leder", ENROLLER, "Lønnet peermedarbejder"] {
        assert!(detail.contains(shown), "{shown} on the application page");
    }

    let actions: Vec<String> = sqlx::query_scalar(
        "SELECT action FROM audit_log WHERE action LIKE '%enrol%' AND action <> 'mfa_enrolled' ORDER BY id",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    let expected =
        ["enroller_enrolled", "enroller_confirmed", "applicant_enrolment_accepted", "applicant_enrolment_submitted"];
    assert_eq!(actions, expected);

    // The person's own export holds the enrolment, note opened, no link secrets.
    let receipt = app.smtp.mails_to(PERSON, 3).await;
    let own = receipt.iter().find_map(|m| m.link("/my-application/")).expect("own page link");
    let own = url::Url::parse(&own).unwrap().path().to_string();
    let export = app.get(&format!("{own}/export.json")).await.text().await.unwrap();
    let export: serde_json::Value = serde_json::from_str(&export).unwrap();
    let enrolment = &export["enrolments"][0];
    assert_eq!(enrolment["enroller_name"], "Lone Leder");
    assert_eq!(enrolment["note_sealed"], NOTE, "the note, readable");
    assert!(enrolment.get("confirm_token_hash").is_none() && enrolment.get("participant_token_hash").is_none());

    // The enroller's link opens nothing but its own page.
    let token = confirm_path.trim_start_matches("/enrolments/confirm/");
    for path in [format!("/enrolments/{token}"), format!("/drafts/{token}"), format!("/my-application/{token}")] {
        assert_eq!(app.get(&path).await.status(), StatusCode::NOT_FOUND, "{path}");
    }
    assert_eq!(app.get(&confirm_path).await.status(), StatusCode::GONE, "the person answered: nothing more to see");
}

#[tokio::test]
async fn a_caseworker_enrols_a_citizen_who_declines_and_the_caseworker_is_told_without_a_reason() {
    let app = TestApp::spawn().await;
    open_intake(&app, &mb_forloebet(), "mb-2027").await;
    let form = app.get("/intakes/mb-2027/enrol").await.text().await.unwrap();
    assert!(form.contains("Tilmeld en borger") && !form.contains("name=\"peer_role\""));
    let wrong_kind = app.post_form("/intakes/mb-2027/enrol", &employer_form("Bo", "bo@example.dk", "paid_peer")).await;
    assert_eq!(wrong_kind.status(), StatusCode::UNPROCESSABLE_ENTITY, "MB-forløbet takes caseworkers only");

    let confirm_path = enrol(&app, "mb-2027", &caseworker_form()).await;
    let person_path = confirm(&app, &confirm_path, "bo@example.dk").await;
    let page = app.get(&person_path).await.text().await.unwrap();
    assert!(page.contains("Sara Sagsbehandler") && page.contains("Jobcenter Aarhus") && page.contains("NOTE-MB"));

    let unreadable = app.post_form(&person_path, &[("decision", "maybe")]).await;
    assert_eq!(unreadable.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unreadable.text().await.unwrap().contains("error-summary"));
    let declined = app.post_form(&person_path, &[("decision", "decline")]).await;
    assert_eq!(declined.status(), StatusCode::SEE_OTHER);
    let done = app.get(&location(&declined)).await;
    assert_eq!(done.status(), StatusCode::OK);
    assert!(done.text().await.unwrap().contains("nej tak"));

    let news = app.smtp.mails_to("sara@aarhus.dk", 2).await;
    assert!(news[1].subject.contains("nej tak"), "{}", news[1].subject);
    assert_eq!(queued_to(&app, "bo@example.dk").await, 1, "the person gets no draft");
    let left: i64 = sqlx::query_scalar("SELECT count(*) FROM enrolments").fetch_one(&app.pool).await.unwrap();
    assert_eq!(left, 0, "nothing of a declined enrolment is kept");
    assert_eq!(app.get(&person_path).await.status(), StatusCode::GONE);
    assert_eq!(app.post_form(&person_path, &[("decision", "accept")]).await.status(), StatusCode::GONE);
    assert_eq!(app.get(&confirm_path).await.status(), StatusCode::GONE);
}

#[tokio::test]
async fn an_enroller_who_never_confirms_sends_nothing_to_the_person_and_the_enrolment_expires() {
    let app = TestApp::spawn().await;
    open_intake(&app, &region_h(), "region-h-2027").await;
    let confirm_path = enrol(&app, "region-h-2027", &employer_form("Peter Peer", PERSON, "colleague")).await;
    app.clock.advance(Duration::days(31));
    assert_eq!(app.get(&confirm_path).await.status(), StatusCode::GONE, "too late to confirm");
    assert_eq!(app.post_form(&confirm_path, &[]).await.status(), StatusCode::GONE);
    let now = crate::support::app::NowUtc::now_utc(&app.clock);
    let purged = optag::jobs::purge(&app.pool, &Default::default(), now).await.unwrap();
    assert_eq!(purged.enrolments, 1);
    assert_eq!(queued_to(&app, PERSON).await, 0, "nothing was ever sent to the person");
    let left: i64 = sqlx::query_scalar("SELECT count(*) FROM enrolments").fetch_one(&app.pool).await.unwrap();
    assert_eq!(left, 0);
    assert_eq!(app.get(&confirm_path).await.status(), StatusCode::GONE, "an erased enrolment's link is 410");
}

#[tokio::test]
async fn links_never_issued_are_404_and_replaced_ones_410_and_programmes_without_enrolment_have_no_form() {
    let app = TestApp::spawn().await;
    let randers = app.load_demo().await.intake_slug;
    assert_eq!(app.get(&format!("/intakes/{randers}/enrol")).await.status(), StatusCode::NOT_FOUND);
    assert!(!app.get(&format!("/intakes/{randers}")).await.text().await.unwrap().contains("/enrol\""));
    let unknown = "A".repeat(43);
    assert_eq!(app.get(&format!("/enrolments/{unknown}")).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.get(&format!("/enrolments/confirm/{unknown}")).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.get("/enrolments/short").await.status(), StatusCode::NOT_FOUND);

    open_intake(&app, &region_h(), "region-h-2027").await;
    let first = enrol(&app, "region-h-2027", &employer_form("Peter Peer", PERSON, "paid_peer")).await;
    let second = enrol(&app, "region-h-2027", &employer_form("Peter Peer", PERSON, "volunteer_peer")).await;
    let replaced = app.get(&first).await;
    assert_eq!(replaced.status(), StatusCode::GONE, "a newer enrolment of the person replaces the first");
    no_store(&replaced);
    assert_eq!(app.get(&second).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_enrol_form_names_each_problem_beside_its_field() {
    let app = TestApp::spawn().await;
    open_intake(&app, &region_h(), "region-h-2027").await;
    let form = [("enroller_kind", "employer"), ("enroller_email", "nej"), ("participant_email", ENROLLER)];
    let r = app.post_form("/intakes/region-h-2027/enrol", &form).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text().await.unwrap();
    assert!(page.contains("error-summary"));
    for field in ["organisation", "enroller_name", "enroller_email", "participant_name", "peer_role"] {
        assert!(page.contains(&format!("href=\"#f-{field}\"")), "{field} in the summary");
        assert!(page.contains(&format!("id=\"f-{field}-error\"")), "{field}'s message beside it");
    }
    let same = employer_form("Peter Peer", ENROLLER, "paid_peer");
    let r = app.post_form("/intakes/region-h-2027/enrol", &same).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("id=\"f-participant_email-error\""));
    assert_eq!(queued_to(&app, ENROLLER).await, 0);
}

#[tokio::test]
async fn past_three_enrolments_an_hour_the_enroller_gets_no_more_mail_and_the_page_looks_the_same() {
    let app = TestApp::spawn().await;
    open_intake(&app, &region_h(), "region-h-2027").await;
    for i in 0..5 {
        let person = format!("p{i}@example.dk");
        let r = app.post_form("/intakes/region-h-2027/enrol", &employer_form("Peter Peer", &person, "paid_peer")).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "enrolment {i}");
        assert_eq!(location(&r), "/intakes/region-h-2027/enrol/check-email");
    }
    assert_eq!(queued_to(&app, ENROLLER).await, 3, "3 an hour per address");
}

#[tokio::test]
async fn a_peer_and_a_colleague_of_one_workplace_show_as_a_pair_on_the_cohort_page() {
    let app = TestApp::spawn().await;
    let intake = open_intake(&app, &region_h(), "region-h-2027").await;
    let mut references = Vec::new();
    for (name, email, role) in
        [("Peter Peer", "peter@example.dk", "paid_peer"), ("Kim Kollega", "kim@example.dk", "colleague")]
    {
        let confirm_path = enrol(&app, "region-h-2027", &employer_form(name, email, role)).await;
        let person_path = confirm(&app, &confirm_path, email).await;
        let accepted = app.post_form(&person_path, &[("decision", "accept")]).await;
        let draft_token = location(&accepted).trim_start_matches("/drafts/").to_string();
        let mut fields = applicant::with(applicant::form(email, "submit"), "full_name", name);
        fields.push(("draft_token", draft_token));
        fields.push(("peer_role", role.to_string()));
        fields.push(("peer_task_share_percent", "80".to_string()));
        fields.push(("works_in_same_team_as_peer", "yes".to_string()));
        assert_eq!(applicant::post(&app, "region-h-2027", &fields).await.status(), StatusCode::SEE_OTHER);
        references.push(
            sqlx::query_scalar::<_, String>("SELECT reference FROM applications WHERE email_normalised = $1")
                .bind(email)
                .fetch_one(&app.pool)
                .await
                .unwrap(),
        );
    }
    let staff = StaffClient::signed_in(&app, "koordinator@example.dk", Role::Coordinator).await;
    let created = staff
        .post(&format!("/admin/intakes/{intake}/cohorts"), &[("name", "Hold 1"), ("start_date", "2027-09-20")])
        .await;
    let cohort = location(&created);
    for r in &references {
        let offered = staff
            .post(
                &format!("/admin/applications/{r}/offer"),
                &[("cohort", cohort.trim_start_matches("/admin/cohorts/"))],
            )
            .await;
        assert_eq!(offered.status(), StatusCode::SEE_OTHER);
    }
    let page = staff.get(&cohort).await.text().await.unwrap();
    assert!(page.contains(&format!("data-pair=\"{} {}\"", references[0], references[1])), "the pair is shown");
}

#[tokio::test]
async fn the_same_person_enrolled_many_times_at_once_keeps_one_live_enrolment_and_no_error() {
    let app = TestApp::spawn().await;
    open_intake(&app, &region_h(), "region-h-2027").await;
    let mut tasks = tokio::task::JoinSet::new();
    for n in 0..6 {
        let (client, url, origin) = (app.client.clone(), app.url("/intakes/region-h-2027/enrol"), app.base_url.clone());
        let enroller = format!("leder{n}@lyngly.dk");
        let mut body: Vec<(&str, String)> =
            employer_form("Peter Peer", PERSON, "paid_peer").into_iter().map(|(k, v)| (k, v.to_string())).collect();
        body.retain(|(k, _)| *k != "enroller_email");
        body.push(("enroller_email", enroller));
        tasks
            .spawn(async move { client.post(url).header("origin", origin).form(&body).send().await.unwrap().status() });
    }
    assert!(tasks.join_all().await.iter().all(|s| *s == StatusCode::SEE_OTHER), "never a 500");
    let live: i64 = sqlx::query_scalar("SELECT count(*) FROM enrolments").fetch_one(&app.pool).await.unwrap();
    assert_eq!(live, 1, "each newer enrolment replaced the one before");
}
