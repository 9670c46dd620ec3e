//! The modular course (Region H, seed `001_`): modules added by the
//! coordinator, chosen by admitted participants from their own page
//! (mandatory ones fixed, a full module 409), attendance once a module has
//! started, and each participant's completion on the cohort page.
use chrono::Duration;
use optag::{
    domain::{
        programme::{ModularRules, ProgrammeFacts, Structure},
        staff::Role,
    },
    storage::{self, intakes::NewIntake},
};
use reqwest::StatusCode;

use crate::support::{TestApp, app::NowUtc, applicant::submit, staff::StaffClient};

const SLUG: &str = "peer-region-h-2027";

struct Setup {
    app: TestApp,
    staff: StaffClient,
    cohort: i64,
}

/// A modular programme (Region H's rules), an open intake and a cohort
/// starting Monday 4 January 2027; the clock on 23 November 2026.
async fn setup() -> Setup {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    app.load_demo().await;
    let now = app.clock.now_utc();
    let programme = ProgrammeFacts {
        slug: "peer-uddannelsen-region-h".into(),
        name: "Peer-uddannelsen".into(),
        organiser: "Region Hovedstaden".into(),
        place: "Skolen for Recovery, København".into(),
        practicum_weeks: 0,
        home_region: None,
        out_of_region_fee_dkk: None,
        profile: "region-h-peer-course".into(),
        structure: Structure::ModularCourse(ModularRules::region_h()),
        ..ProgrammeFacts::randers()
    };
    let mut conn = app.pool.acquire().await.unwrap();
    let programme_id = storage::programmes::upsert(&mut conn, &programme).await.unwrap();
    let new = NewIntake {
        programme_id,
        slug: SLUG,
        name: "Hold 2027",
        opens_at: now - Duration::days(1),
        deadline: now + Duration::days(20),
        start_date: "2027-01-04".parse().unwrap(),
        interview_days: &[],
    };
    let intake = storage::intakes::insert_if_missing(&mut conn, &new).await.unwrap();
    drop(conn);
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    let created = staff
        .post(&format!("/admin/intakes/{intake}/cohorts"), &[("name", "Hold 2027"), ("start_date", "2027-01-04")])
        .await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let location = created.headers()["location"].to_str().unwrap().to_string();
    let cohort = location.trim_start_matches("/admin/cohorts/").parse().unwrap();
    Setup { app, staff, cohort }
}

/// An application through the Region H form with this role (the role the
/// cohort page reads is the one the form stored); returns its reference and own-page path.
async fn apply(s: &Setup, email: &str, role: &str) -> (String, String) {
    let answers = [("peer_role", role), ("peer_task_share_percent", "80"), ("works_in_same_team_as_peer", "yes")];
    let reference = submit(&s.app, SLUG, email, &answers).await;
    let stored: Option<String> = sqlx::query_scalar("SELECT peer_role FROM applications WHERE reference = $1")
        .bind(&reference)
        .fetch_one(&s.app.pool)
        .await
        .unwrap();
    assert_eq!(stored.as_deref(), Some(role), "the form's role is kept for the modules");
    let receipt = &s.app.smtp.mails_to(email, 1).await[0];
    (reference, receipt.link_path("/my-application/"))
}

/// Offered a place and accepted it; returns the feed path from the welcome mail.
async fn admit(s: &Setup, email: &str, reference: &str) -> String {
    let offered =
        s.staff.post(&format!("/admin/applications/{reference}/offer"), &[("cohort", &s.cohort.to_string())]).await;
    assert_eq!(offered.status(), StatusCode::SEE_OTHER);
    let mails = s.app.smtp.mails_to(email, 2).await;
    let offer = mails.iter().find(|m| m.subject.starts_with("Tilbud om plads")).expect("an offer");
    let answer = s.app.post_form(&offer.link_path("/offers/"), &[("decision", "accept")]).await;
    assert_eq!(answer.status(), StatusCode::SEE_OTHER);
    let mails = s.app.smtp.mails_to(email, 3).await;
    let welcome = mails.iter().find(|m| m.subject == "Velkommen på holdet").expect("a welcome");
    assert!(welcome.link_path("/my-application/").ends_with("/modules"), "the welcome links to the modules");
    welcome.link_path("/feeds/")
}

/// A new own-page link asked for at `/my-application`, as a participant
/// whose link has expired does; `sent` mails were there before.
async fn fresh_own(s: &Setup, email: &str, sent: usize) -> String {
    let asked = s.app.post_form("/my-application", &[("email", email)]).await;
    assert_eq!(asked.status(), StatusCode::SEE_OTHER);
    s.app.smtp.mails_to(email, sent + 1).await[sent].link_path("/my-application/")
}

async fn add_module(s: &Setup, title: &str, date: &str, roles: &[&str], capacity: &str) -> StatusCode {
    let mut form = vec![("title", title), ("date", date), ("from", "09:00"), ("to", "13:00"), ("capacity", capacity)];
    form.extend(roles.iter().map(|r| ("mandatory_for", *r)));
    s.staff.post(&format!("/admin/cohorts/{}/modules", s.cohort), &form).await.status()
}

async fn module_ids(s: &Setup) -> Vec<i64> {
    sqlx::query_scalar("SELECT id FROM cohort_modules WHERE cohort_id = $1 ORDER BY date, id")
        .bind(s.cohort)
        .fetch_all(&s.app.pool)
        .await
        .unwrap()
}

async fn signups(s: &Setup, reference: &str) -> Vec<i64> {
    sqlx::query_scalar(
        "SELECT s.module_id FROM module_signups s JOIN applications a ON a.id = s.application_id
         WHERE a.reference = $1 ORDER BY s.module_id",
    )
    .bind(reference)
    .fetch_all(&s.app.pool)
    .await
    .unwrap()
}

async fn choose(s: &Setup, own: &str, modules: &[i64]) -> reqwest::Response {
    let ids: Vec<String> = modules.iter().map(|m| m.to_string()).collect();
    let form: Vec<(&str, &str)> = ids.iter().map(|id| ("module", id.as_str())).collect();
    s.app.post_form(&format!("{own}/modules"), &form).await
}

async fn record(s: &Setup, module: i64, present: &[&str]) -> StatusCode {
    let form: Vec<(&str, &str)> = present.iter().map(|r| ("present", *r)).collect();
    let response = s.staff.post(&format!("/admin/cohorts/{}/modules/{module}/attendance", s.cohort), &form).await;
    if response.status() == StatusCode::SEE_OTHER {
        let location = response.headers()["location"].to_str().unwrap();
        assert!(location.starts_with(&format!("/admin/cohorts/{}?done=attendance", s.cohort)), "{location}");
    }
    response.status()
}

/// Moves the clock and signs a coordinator in again (sessions end while time passes).
async fn travel(s: &mut Setup, to: &str, email: &str) {
    s.app.clock.set(to.parse().unwrap());
    s.staff = StaffClient::signed_in(&s.app, email, Role::Coordinator).await;
}

/// Each participant's `data-completion` on the cohort page.
async fn completions(s: &Setup, references: &[&str]) -> Vec<String> {
    let page = s.staff.get(&format!("/admin/cohorts/{}", s.cohort)).await.text().await.unwrap();
    references
        .iter()
        .map(|r| {
            let marker = format!("data-participant=\"{r}\" data-completion=\"");
            let at = page.find(&marker).unwrap_or_else(|| panic!("{r} on the cohort page:\n{page}")) + marker.len();
            page[at..].split('"').next().unwrap().to_string()
        })
        .collect()
}

#[tokio::test]
async fn bad_module_fields_are_422_with_the_message_beside_the_field() {
    let s = setup().await;
    let path = format!("/admin/cohorts/{}/modules", s.cohort);
    let cases: [&[(&str, &str)]; 4] = [
        &[("title", ""), ("date", "2027-02-01"), ("from", "09:00"), ("to", "13:00"), ("capacity", "10")],
        &[("title", "Peer-rollen"), ("date", "2027-02-01"), ("from", "13:00"), ("to", "09:00"), ("capacity", "10")],
        &[("title", "Peer-rollen"), ("date", "1. feb"), ("from", "09:00"), ("to", "13:00"), ("capacity", "0")],
        &[
            ("title", "Peer-rollen"),
            ("date", "2027-02-01"),
            ("from", "09:00"),
            ("to", "13:00"),
            ("capacity", "10"),
            ("mandatory_for", "boss"),
        ],
    ];
    for form in cases {
        let response = s.staff.post(&path, form).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{form:?}");
        let page = response.text().await.unwrap();
        assert!(page.contains("error-summary") && page.contains("field-error"), "{page}");
    }
    assert!(module_ids(&s).await.is_empty());
    assert_eq!(add_module(&s, "Peer-rollen", "2027-02-01", &["paid_peer"], "10").await, StatusCode::SEE_OTHER);
    assert_eq!(module_ids(&s).await.len(), 1);
}

#[tokio::test]
async fn participants_choose_modules_attend_and_the_cohort_page_shows_where_each_stands() {
    let mut s = setup().await;
    let (a, a_own) = apply(&s, "anna@example.dk", "paid_peer").await;
    let (b, b_own) = apply(&s, "bo@example.dk", "colleague").await;
    let (c, c_own) = apply(&s, "cille@example.dk", "volunteer_peer").await;
    let (d, _) = apply(&s, "dan@example.dk", "paid_peer").await;
    let (_, e_own) = apply(&s, "eva@example.dk", "paid_peer").await;
    let a_feed = admit(&s, "anna@example.dk", &a).await;
    for (email, r) in [("bo@example.dk", &b), ("cille@example.dk", &c), ("dan@example.dk", &d)] {
        admit(&s, email, r).await;
    }
    assert_eq!(add_module(&s, "Peer-rollen", "2027-02-01", &["paid_peer", "volunteer_peer"], "10").await, 303);
    assert_eq!(add_module(&s, "Samarbejde med peers", "2027-02-08", &["colleague"], "10").await, 303);
    assert_eq!(add_module(&s, "Gruppeforløb", "2027-02-15", &[], "1").await, 303);
    assert_eq!(add_module(&s, "Egen trivsel", "2027-02-22", &[], "10").await, 303);
    let [m1, m2, m3, m4] = module_ids(&s).await[..] else { panic!("four modules") };

    // The own page links to the modules; the mandatory module is fixed.
    let own = s.app.get(&a_own).await.text().await.unwrap();
    assert!(own.contains(&format!("href=\"{a_own}/modules\"")), "{own}");
    let page = s.app.get(&format!("{a_own}/modules")).await.text().await.unwrap();
    assert!(page.contains(&format!("data-module=\"{m1}\" data-fixed")), "{page}");
    assert!(page.contains("lønnet peer") && page.contains("3 dage"), "intro days per role");
    assert!(page.contains("4. januar 2028") && page.contains("80 %"), "the rule, 12 months from the start: {page}");
    let page = s.app.get(&format!("{b_own}/modules")).await.text().await.unwrap();
    assert!(page.contains(&format!("data-module=\"{m2}\" data-fixed")) && page.contains("4 dage"));
    assert_eq!(s.app.get(&format!("{e_own}/modules")).await.status(), StatusCode::NOT_FOUND, "not admitted");

    // Choosing without the mandatory module keeps it; a full module is 409 and changes nothing.
    let saved = choose(&s, &a_own, &[m3]).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let confirmation = s.app.get(saved.headers()["location"].to_str().unwrap()).await.text().await.unwrap();
    assert!(confirmation.contains("Dine moduler er gemt"));
    assert_eq!(signups(&s, &a).await, [m1, m3]);
    let full = choose(&s, &b_own, &[m3, m4]).await;
    assert_eq!(full.status(), StatusCode::CONFLICT);
    assert!(full.text().await.unwrap().contains("Gruppeforløb"));
    assert!(signups(&s, &b).await.is_empty(), "nothing saved when a module is full");
    assert_eq!(choose(&s, &b_own, &[m4]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(signups(&s, &b).await, [m2, m4]);
    assert_eq!(choose(&s, &c_own, &[]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(signups(&s, &c).await, [m1]);

    // Before anything has taken place; Dan has not signed up for his mandatory module.
    assert_eq!(completions(&s, &[&a, &b, &c, &d]).await, ["on_track", "on_track", "on_track", "at_risk"]);
    let cohort_page = s.staff.get(&format!("/admin/cohorts/{}", s.cohort)).await.text().await.unwrap();
    assert!(cohort_page.contains("Tidlig advarsel"), "an early warning");
    assert!(cohort_page.contains(&format!("data-module=\"{m1}\"")));
    assert_eq!(record(&s, m1, &[&a]).await, StatusCode::CONFLICT, "not started yet");

    // The participant's feed carries their modules.
    let feed = s.app.get(&a_feed).await.text().await.unwrap();
    assert!(feed.contains("Modul: Peer-rollen") && !feed.contains("Samarbejde"), "{feed}");
    if let Some(read) = crate::support::ics::check(&feed) {
        read.assert_plain();
        assert!(read.events.iter().any(|e| e.uid.contains(&format!("module-{m1}"))));
    }

    // 1 February 2027, 10:00 Danish time: the first module has started.
    travel(&mut s, "2027-02-01T09:00:00Z", "karen@example.dk").await;
    assert_eq!(record(&s, m1, &[&a]).await, StatusCode::SEE_OTHER);
    assert_eq!(s.app.get(&c_own).await.status(), StatusCode::GONE, "the receipt's link has expired");
    let c_own = fresh_own(&s, "cille@example.dk", 3).await;
    assert_eq!(choose(&s, &c_own, &[m4]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(signups(&s, &c).await, [m1, m4], "a started module stays");

    // After the last module.
    travel(&mut s, "2027-02-23T12:00:00Z", "lars@example.dk").await;
    assert_eq!(record(&s, m2, &[&b]).await, StatusCode::SEE_OTHER);
    assert_eq!(record(&s, m3, &[&a]).await, StatusCode::SEE_OTHER);
    assert_eq!(record(&s, m4, &[&c]).await, StatusCode::SEE_OTHER);
    // Anna: both modules attended. Bo: 4 of 8 hours. Cille and Dan missed
    // their mandatory module with no later occurrence.
    assert_eq!(
        completions(&s, &[&a, &b, &c, &d]).await,
        ["completed", "not_completed", "not_completed", "not_completed"]
    );
    let a_own = fresh_own(&s, "anna@example.dk", 3).await;
    let own = s.app.get(&format!("{a_own}/modules")).await.text().await.unwrap();
    assert!(own.contains("data-completion=\"completed\""), "{own}");
}

#[tokio::test]
async fn the_last_place_of_a_module_goes_once_across_two_instances() {
    let s = setup().await;
    assert_eq!(add_module(&s, "Gruppeforløb", "2027-02-15", &[], "1").await, StatusCode::SEE_OTHER);
    let module = module_ids(&s).await[0];
    let mut owns = Vec::new();
    for i in 0..6 {
        let email = format!("p{i}@example.dk");
        let (reference, own) = apply(&s, &email, "volunteer_peer").await;
        admit(&s, &email, &reference).await;
        owns.push(own);
    }
    let second = TestApp::spawn_second_instance(&s.app).await;
    let second_url = format!("http://{}", second.address);
    let mut tasks = tokio::task::JoinSet::new();
    for (i, own) in owns.iter().enumerate() {
        let base = if i % 2 == 0 { s.app.base_url.clone() } else { second_url.clone() };
        let (url, origin, client) = (format!("{base}{own}/modules"), base.clone(), s.app.client.clone());
        tasks.spawn(async move {
            let form = [("module", module.to_string())];
            client.post(url).header("origin", origin).form(&form).send().await.unwrap().status()
        });
    }
    let statuses = tasks.join_all().await;
    assert_eq!(statuses.iter().filter(|st| **st == StatusCode::SEE_OTHER).count(), 1, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|st| **st == StatusCode::CONFLICT).count(), 5, "{statuses:?}");
    let taken: i64 = sqlx::query_scalar("SELECT count(*) FROM module_signups WHERE module_id = $1")
        .bind(module)
        .fetch_one(&s.app.pool)
        .await
        .unwrap();
    assert_eq!(taken, 1);
}

#[tokio::test]
async fn demo_modules_are_added_once_and_show_on_the_cohort_page() {
    let s = setup().await;
    let mut conn = s.app.pool.acquire().await.unwrap();
    let start = "2027-01-04".parse().unwrap();
    storage::modules::add_demo_modules(&mut conn, s.cohort, start).await.unwrap();
    storage::modules::add_demo_modules(&mut conn, s.cohort, start).await.unwrap();
    drop(conn);
    let ids = module_ids(&s).await;
    assert_eq!(ids.len(), 6, "added once");
    let page = s.staff.get(&format!("/admin/cohorts/{}", s.cohort)).await.text().await.unwrap();
    for id in ids {
        assert!(page.contains(&format!("data-module=\"{id}\"")));
    }
    assert!(page.contains("Obligatorisk for: kollega"), "{page}");
}

#[tokio::test]
async fn a_coordinator_adds_a_module_and_a_participant_chooses_at_phone_and_desktop_width() {
    use crate::support::{
        browser::run_journey,
        staff::{PASSWORD, create_user},
    };
    let mut s = setup().await;
    let intake: i64 = sqlx::query_scalar("SELECT intake_id FROM cohorts WHERE id = $1")
        .bind(s.cohort)
        .fetch_one(&s.app.pool)
        .await
        .unwrap();
    let mut runs = serde_json::Map::new();
    for who in ["phone", "desktop"] {
        if who == "desktop" {
            let created = s
                .staff
                .post(&format!("/admin/intakes/{intake}/cohorts"), &[("name", "Hold B"), ("start_date", "2027-01-04")])
                .await;
            s.cohort =
                created.headers()["location"].to_str().unwrap().trim_start_matches("/admin/cohorts/").parse().unwrap();
        }
        create_user(&s.app, &format!("{who}@example.dk"), Role::Coordinator).await;
        assert_eq!(add_module(&s, "Peer-rollen", "2027-02-01", &["paid_peer"], "10").await, StatusCode::SEE_OTHER);
        assert_eq!(add_module(&s, "Egen trivsel", "2027-02-22", &[], "10").await, StatusCode::SEE_OTHER);
        let email = format!("deltager-{who}@example.dk");
        let (reference, _) = apply(&s, &email, "paid_peer").await;
        admit(&s, &email, &reference).await;
        let mails = s.app.smtp.mails_to(&email, 3).await;
        let welcome = mails.iter().find(|m| m.subject == "Velkommen på holdet").unwrap();
        runs.insert(
            who.into(),
            serde_json::json!({
                "coordinator": format!("{who}@example.dk"), "password": PASSWORD, "cohortId": s.cohort,
                "reference": reference, "modulesPath": welcome.link_path("/my-application/"),
            }),
        );
    }
    let data = serde_json::json!({ "runs": runs, "clockEpoch": s.app.clock.now_utc().timestamp() });
    run_journey(&s.app, "modules", data).await;
}

#[tokio::test]
async fn a_participant_who_withdraws_gives_back_their_places_on_modules_to_come() {
    let s = setup().await;
    assert_eq!(add_module(&s, "Gruppeforløb", "2027-02-15", &[], "1").await, StatusCode::SEE_OTHER);
    let module = module_ids(&s).await[0];
    let (a, a_own) = apply(&s, "anna@example.dk", "paid_peer").await;
    let (b, b_own) = apply(&s, "bo@example.dk", "colleague").await;
    admit(&s, "anna@example.dk", &a).await;
    admit(&s, "bo@example.dk", &b).await;
    assert_eq!(choose(&s, &a_own, &[module]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(choose(&s, &b_own, &[module]).await.status(), StatusCode::CONFLICT);
    assert_eq!(s.app.post_form(&format!("{a_own}/withdraw"), &[]).await.status(), StatusCode::SEE_OTHER);
    assert!(signups(&s, &a).await.is_empty());
    assert_eq!(choose(&s, &b_own, &[module]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(signups(&s, &b).await, [module]);
}
