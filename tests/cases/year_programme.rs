//! The year programme (MB-forløbet): a year of practicum with teaching days,
//! at least three visits to the practicum site planned and recorded, warnings
//! on the cohort page, and the participant's calendar holding all of it.
use optag::domain::staff::Role;
use reqwest::StatusCode;

use crate::support::{
    TestApp,
    applicant::submit,
    ics,
    staff::StaffClient,
    structures::{self, MB_FIELDS, Made},
};

struct Setup {
    app: TestApp,
    staff: StaffClient,
    made: Made,
    reference: String,
}

/// MB-forløbet from Monday 3 January 2028 with one participant who accepted.
async fn admitted() -> Setup {
    let app = TestApp::spawn().await;
    app.clock.set("2027-11-01T12:00:00Z".parse().unwrap());
    let made = structures::create(&app, &structures::mb_forloebet(), "2028-01-03".parse().unwrap()).await;
    let reference = submit(&app, &made.slug, "mette@example.dk", &MB_FIELDS).await;
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let offered =
        staff.post(&format!("/admin/applications/{reference}/offer"), &[("cohort", &made.cohort_id.to_string())]).await;
    assert_eq!(offered.status(), StatusCode::SEE_OTHER);
    let mails = app.smtp.mails_to("mette@example.dk", 2).await;
    let offer = mails.iter().find(|m| m.subject.starts_with("Tilbud om plads")).expect("an offer");
    assert!(offer.text.contains("Praktik i 12 måneder fra"), "the offer says what the year holds:\n{}", offer.text);
    let link = offer.link_path("/offers/");
    assert!(app.get(&link).await.text().await.unwrap().contains("mindst 3 besøg på praktikstedet"));
    assert_eq!(app.post_form(&link, &[("decision", "accept")]).await.status(), StatusCode::SEE_OTHER);
    Setup { app, staff, made, reference }
}

impl Setup {
    async fn cohort_page(&self) -> String {
        self.staff.get(&format!("/admin/cohorts/{}", self.made.cohort_id)).await.text().await.unwrap()
    }

    /// The participant's `data-visits` state on the cohort page.
    async fn visit_state(&self) -> String {
        let page = self.cohort_page().await;
        let marker = format!("data-visits-of=\"{}\" data-visits=\"", self.reference);
        let at = page.find(&marker).unwrap_or_else(|| panic!("the participant's visits in {page}")) + marker.len();
        page[at..].split('"').next().unwrap().to_string()
    }

    async fn plan(&self, date: &str, from: &str, to: &str, note: &str) -> reqwest::Response {
        let form = [
            ("reference", self.reference.as_str()),
            ("date", date),
            ("from", from),
            ("to", to),
            ("with_supervisor", "yes"),
            ("note", note),
        ];
        self.staff.post(&format!("/admin/cohorts/{}/visits", self.made.cohort_id), &form).await
    }

    async fn visit_ids(&self) -> Vec<i64> {
        sqlx::query_scalar("SELECT id FROM site_visits ORDER BY day").fetch_all(&self.app.pool).await.unwrap()
    }

    async fn record_held(&self, visit: i64) -> StatusCode {
        let path = format!("/admin/cohorts/{}/visits/{visit}/held", self.made.cohort_id);
        self.staff.post(&path, &[]).await.status()
    }
}

#[tokio::test]
async fn the_cohort_page_shows_a_year_of_teaching_days_and_warns_until_three_visits_are_planned_and_held() {
    let mut s = admitted().await;
    let intake = s.app.get(&format!("/intakes/{}", s.made.slug)).await.text().await.unwrap();
    assert!(intake.contains("Et forløb på 12 måneder") && intake.contains("mindst 3 gange"), "{intake}");
    let page = s.cohort_page().await;
    assert!(
        page.contains("Praktik i 12 måneder fra mandag den 3. januar 2028 til tirsdag den 2. januar 2029"),
        "{page}"
    );
    assert!(page.contains("50 gange, 300 timer i alt."), "every Thursday of the year but two holidays");
    assert_eq!(s.visit_state().await, "too_few_planned");
    assert!(page.contains("Planlæg 3 besøg mere."));

    assert_eq!(s.plan("2028-03-02", "10:00", "11:00", "Mødes i receptionen").await.status(), StatusCode::SEE_OTHER);
    assert_eq!(s.plan("2028-07-06", "10:00", "11:00", "").await.status(), StatusCode::SEE_OTHER);
    assert_eq!(s.visit_state().await, "too_few_planned", "2 planned of 3");
    let page = s.cohort_page().await;
    assert!(page.contains("0 af 3 besøg holdt, 2 planlagt") && page.contains("Planlæg 1 besøg mere."), "{page}");
    assert!(page.contains("Mødes i receptionen"), "staff read the note");

    let outside = s.plan("2029-01-03", "10:00", "11:00", "").await;
    assert_eq!(outside.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = outside.text().await.unwrap();
    assert!(body.contains("Vælg en dag i praktikperioden") && body.contains("error-summary"), "{body}");
    let wrong = s.plan("2. marts", "11:00", "10:00", "").await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = wrong.text().await.unwrap();
    assert!(body.contains("href=\"#v-date\"") && body.contains("href=\"#v-from\"") && body.contains("2. marts"));
    assert_eq!(s.visit_ids().await.len(), 2, "nothing refused was stored");

    assert_eq!(s.plan("2028-11-02", "13:00", "14:30", "").await.status(), StatusCode::SEE_OTHER);
    assert_eq!(s.visit_state().await, "on_course");
    let visits = s.visit_ids().await;
    assert_eq!(s.record_held(visits[0]).await, StatusCode::CONFLICT, "not before its day");

    s.app.clock.set("2028-11-03T09:00:00Z".parse().unwrap());
    // A year on, the morning's session is long over: sign in again.
    s.staff = StaffClient::signed_in(&s.app, "anne@example.dk", Role::Coordinator).await;
    assert_eq!(s.visit_state().await, "unrecorded", "three days passed, none recorded");
    for v in &visits[..2] {
        assert_eq!(s.record_held(*v).await, StatusCode::SEE_OTHER);
    }
    assert!(s.cohort_page().await.contains("2 af 3 besøg holdt, 1 planlagt"));
    assert_eq!(s.record_held(visits[2]).await, StatusCode::SEE_OTHER);
    assert_eq!(s.visit_state().await, "done");
    assert!(s.cohort_page().await.contains("registreret"), "who recorded it, and when");
}

#[tokio::test]
async fn the_participants_calendar_holds_the_teaching_days_the_practicum_and_their_planned_visits() {
    let s = admitted().await;
    s.plan("2028-03-02", "10:00", "11:00", "HEMMELIG-NOTE").await;
    s.plan("2028-07-06", "10:00", "11:30", "").await;
    let welcome = s.app.smtp.mails_to("mette@example.dk", 3).await;
    let welcome = welcome.iter().find(|m| m.subject == "Velkommen på holdet").expect("a welcome");
    assert!(welcome.text.contains("Praktik i 12 måneder fra mandag den 3. januar 2028"), "{}", welcome.text);
    let receipt = s.app.smtp.mails_to("mette@example.dk", 1).await.remove(0);
    let own = s.app.get(&receipt.link_path("/my-application/")).await.text().await.unwrap();
    assert!(own.contains("Din praktik og undervisning") && own.contains("mindst 3 besøg"), "{own}");
    let listed = own.split("data-own-visits").nth(1).expect("the planned visits on the own page");
    assert!(listed.contains("2. marts 2028") && listed.contains("6. juli 2028"), "{listed}");
    assert!(!own.contains("HEMMELIG-NOTE"));
    let feed = s.app.get(&welcome.link_path("/feeds/")).await;
    assert_eq!(feed.status(), StatusCode::OK);
    let feed = feed.text().await.unwrap();
    assert!(!feed.contains("HEMMELIG-NOTE"), "the staff's note stays with the staff");
    let Some(read) = ics::check(&feed) else { return };
    read.assert_plain();
    let named = |summary: &str| read.events.iter().filter(|e| e.summary == summary).collect::<Vec<_>>();
    let practicum = named("Praktik");
    assert_eq!(practicum.len(), 1, "{read:?}");
    // Midnight in Copenhagen (UTC+1) at both ends: 3 January 2028 to the end of 2 January 2029.
    assert!(practicum[0].dtstart.as_deref().unwrap().starts_with("2028-01-02T23:00"), "{:?}", practicum[0]);
    assert!(practicum[0].dtend.as_deref().unwrap().starts_with("2029-01-02T23:00"), "{:?}", practicum[0]);
    let teaching = read.events.iter().filter(|e| e.summary.starts_with("Undervisning")).count();
    assert_eq!(teaching, 50);
    let visits = named("Besøg på praktikstedet");
    assert_eq!(visits.len(), 2);
    // 10.00 on 6 July 2028 is 08.00 UTC (summer time).
    assert!(visits.iter().any(|v| v.dtstart.as_deref().unwrap().starts_with("2028-07-06T08:00")), "{visits:?}");
    let sealed: Vec<u8> = sqlx::query_scalar("SELECT note_sealed FROM site_visits WHERE note_sealed IS NOT NULL")
        .fetch_one(&s.app.pool)
        .await
        .unwrap();
    assert!(!String::from_utf8_lossy(&sealed).contains("HEMMELIG"), "the note is sealed at rest");
}

#[tokio::test]
async fn an_interviewer_cannot_plan_visits_and_an_unknown_participant_is_404() {
    let s = admitted().await;
    let interviewer = StaffClient::signed_in(&s.app, "ida@example.dk", Role::Interviewer).await;
    let form = [("reference", s.reference.as_str()), ("date", "2028-03-02"), ("from", "10:00"), ("to", "11:00")];
    let path = format!("/admin/cohorts/{}/visits", s.made.cohort_id);
    assert_eq!(interviewer.post(&path, &form).await.status(), StatusCode::FORBIDDEN);
    let stranger = [("reference", "AAAA-BBBB"), ("date", "2028-03-02"), ("from", "10:00"), ("to", "11:00")];
    assert_eq!(s.staff.post(&path, &stranger).await.status(), StatusCode::NOT_FOUND);
    // A teaching day added after the year's 50 gets the next number, not one already planned.
    let added = [("date", "2028-12-29"), ("from", "09:00"), ("to", "15:00")];
    let sessions = format!("/admin/cohorts/{}/sessions", s.made.cohort_id);
    assert_eq!(s.staff.post(&sessions, &added).await.status(), StatusCode::SEE_OTHER);
    assert!(s.cohort_page().await.contains("51 gange, 306 timer i alt."));
    let register = s.staff.get(&format!("{sessions}/51")).await.text().await.unwrap();
    assert!(register.contains("29. december 2028"), "{register}");
    let page = s.staff.get(&format!("/admin/cohorts/{}/participants/{}/visits", s.made.cohort_id, s.reference)).await;
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains("0 af 3 besøg holdt, 0 planlagt"));
}

#[tokio::test]
async fn confirming_the_practicum_site_tells_the_supervisor_the_year_and_the_visits_to_expect() {
    let s = admitted().await;
    let path = format!("/admin/cohorts/{}/placements/{}", s.made.cohort_id, s.reference);
    let form = [
        ("site_name", "Værested Lyngby"),
        ("site_kind", "municipal"),
        ("address", "Lyngby Hovedgade 1, 2800 Lyngby"),
        ("supervisor_name", "Karen Vejleder"),
        ("supervisor_email", "karen@example.dk"),
        ("confirm", "yes"),
    ];
    assert_eq!(s.staff.post(&path, &form).await.status(), StatusCode::SEE_OTHER);
    let mail = &s.app.smtp.mails_to("karen@example.dk", 1).await[0];
    assert!(
        mail.text.contains("fra mandag den 3. januar 2028 til tirsdag den 2. januar 2029")
            && mail.text.contains("mindst 3 gange"),
        "{}",
        mail.text
    );
    assert!(s.cohort_page().await.contains("Værested Lyngby"), "the site beside the visits");
}
