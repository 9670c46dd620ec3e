//! A recruitment (recovery-mentor): application, decision, and an offer that
//! is a job offer in every page and mail – no teaching dates, no "hold" – with
//! as many seats as there are positions, which the database holds to.
use optag::domain::staff::Role;
use reqwest::StatusCode;

use crate::support::{
    TestApp,
    applicant::submit,
    smtp_sink::Mail,
    staff::StaffClient,
    structures::{self, Made, RECOVERY_MENTOR_FIELDS},
};

struct Setup {
    app: TestApp,
    staff: StaffClient,
    made: Made,
    refs: Vec<String>,
}

/// Two positions as recovery-mentor from 1 February 2028, and `n` applicants.
async fn setup(n: usize) -> Setup {
    let app = TestApp::spawn().await;
    app.clock.set("2027-11-01T12:00:00Z".parse().unwrap());
    let made = structures::create(&app, &structures::recovery_mentor(2), "2028-02-01".parse().unwrap()).await;
    let mut refs = Vec::new();
    for i in 0..n {
        refs.push(submit(&app, &made.slug, &format!("m{i}@example.dk"), &RECOVERY_MENTOR_FIELDS).await);
    }
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Coordinator).await;
    Setup { app, staff, made, refs }
}

impl Setup {
    async fn offer(&self, reference: &str) -> reqwest::Response {
        let cohort = self.made.cohort_id.to_string();
        self.staff.post(&format!("/admin/applications/{reference}/offer"), &[("cohort", &cohort)]).await
    }

    async fn offer_mail(&self, i: usize) -> Mail {
        let mails = self.app.smtp.mails_to(&format!("m{i}@example.dk"), 2).await;
        mails.into_iter().find(|m| m.subject.starts_with("Tilbud om ansættelse")).expect("a job offer")
    }
}

/// Words of a course that a job offer never uses.
fn assert_no_course_words(text: &str) {
    let lower = text.to_lowercase();
    for word in ["undervisning", " holdet", " hold ", "hold –", "praktik", "plads", "kalender"] {
        assert!(!lower.contains(word), "{word:?} in a job offer:\n{text}");
    }
}

#[tokio::test]
async fn the_offer_is_a_job_offer_in_its_mail_and_pages_without_teaching_dates() {
    let s = setup(1).await;
    let intake = s.app.get(&format!("/intakes/{}", s.made.slug)).await.text().await.unwrap();
    assert!(intake.contains("Ansættelse som recovery-mentor") && intake.contains("2 stillinger."), "{intake}");
    assert!(!intake.contains("Undervisning") && !intake.contains("Praktik"), "no teaching on the intake page");
    assert_eq!(s.offer(&s.refs[0]).await.status(), StatusCode::SEE_OTHER);
    let mail = s.offer_mail(0).await;
    assert!(
        mail.text.contains("tilbyde dig ansættelse som recovery-mentor hos Region Hovedstadens Psykiatri")
            && mail.text.contains("1. februar 2028"),
        "{}",
        mail.text
    );
    assert_no_course_words(&mail.text);
    assert_no_course_words(&mail.subject);

    let link = mail.link_path("/offers/");
    let page = s.app.get(&link).await.text().await.unwrap();
    assert!(page.contains("Tilbud om ansættelse") && page.contains("jeg tager imod stillingen"), "{page}");
    assert_no_course_words(&page);
    let decline = s.app.get(&format!("{link}/decline")).await.text().await.unwrap();
    assert!(decline.contains("nej tak til stillingen"));
    assert_no_course_words(&decline);

    let receipt = s.app.smtp.mails_to("m0@example.dk", 1).await.remove(0);
    let own = s.app.get(&receipt.link_path("/my-application/")).await.text().await.unwrap();
    assert!(own.contains("Du har fået et tilbud om ansættelse"), "{own}");

    let accepted = s.app.post_form(&link, &[("decision", "accept")]).await;
    assert_eq!(accepted.status(), StatusCode::SEE_OTHER);
    let done = accepted.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(done, "/done/job-accepted");
    let done = s.app.get(&done).await.text().await.unwrap();
    assert!(done.contains("Du har sagt ja til stillingen"));
    assert_no_course_words(&done);

    let mails = s.app.smtp.mails_to("m0@example.dk", 3).await;
    let welcome = mails.iter().find(|m| m.subject == "Velkommen som recovery-mentor").expect("a welcome");
    assert!(welcome.text.contains("første arbejdsdag er tirsdag den 1. februar 2028"), "{}", welcome.text);
    assert!(welcome.link("/feeds/").is_none(), "a job has no schedule to subscribe to");
    assert_no_course_words(&welcome.text);

    let cohort = s.staff.get(&format!("/admin/cohorts/{}", s.made.cohort_id)).await.text().await.unwrap();
    assert!(cohort.contains("1 af 2 stillinger er ledige."), "{cohort}");
    assert!(!cohort.contains("id=\"teaching\"") && !cohort.contains("schedule.ics"), "no teaching plan");
}

#[tokio::test]
async fn more_offers_than_positions_are_refused_and_the_database_refuses_a_seat_above_them() {
    let s = setup(3).await;
    for r in &s.refs[..2] {
        assert_eq!(s.offer(r).await.status(), StatusCode::SEE_OTHER);
    }
    let full = s.offer(&s.refs[2]).await;
    assert_eq!(full.status(), StatusCode::CONFLICT);
    assert!(full.text().await.unwrap().contains("Alle stillinger er tilbudt eller besat"));
    let waitlisted = s.staff.post(&format!("/admin/applications/{}/waitlist", s.refs[2]), &[]).await;
    assert_eq!(waitlisted.status(), StatusCode::SEE_OTHER);
    let mails = s.app.smtp.mails_to("m2@example.dk", 2).await;
    let line = mails.iter().find(|m| m.subject.starts_with("Du er på ventelisten")).expect("a waiting-list mail");
    assert!(line.text.contains("nummer 1 på ventelisten til stillingen"), "{}", line.text);
    assert_no_course_words(&line.text);
    for i in 0..2 {
        let link = s.offer_mail(i).await.link_path("/offers/");
        assert_eq!(s.app.post_form(&link, &[("decision", "accept")]).await.status(), StatusCode::SEE_OTHER);
    }

    // Past the application code, straight at the table: a third live seat.
    let id: i64 = sqlx::query_scalar("SELECT id FROM applications WHERE reference = $1")
        .bind(&s.refs[2])
        .fetch_one(&s.app.pool)
        .await
        .unwrap();
    let insert = |seat: i32| {
        sqlx::query(
            "INSERT INTO cohort_offers (cohort_id, application_id, seat, status, token_hash, offered_at, answer_by)
             VALUES ($1, $2, $3, 'accepted', $4, now(), now() + interval '7 days')",
        )
        .bind(s.made.cohort_id)
        .bind(id)
        .bind(seat)
        .bind(format!("hash-{seat}").into_bytes())
        .execute(&s.app.pool)
    };
    let above = insert(3).await.expect_err("a seat above the positions");
    assert!(above.to_string().contains("above the capacity"), "{above}");
    let taken = insert(2).await.expect_err("a seat held already");
    assert!(taken.to_string().contains("cohort_offers_live_seat"), "{taken}");
    let admitted: i64 = sqlx::query_scalar("SELECT count(*) FROM cohort_offers WHERE status = 'accepted'")
        .fetch_one(&s.app.pool)
        .await
        .unwrap();
    assert_eq!(admitted, 2, "as many as there are positions");
}

#[tokio::test]
async fn a_recruitment_has_one_set_of_positions_and_a_second_is_refused() {
    let s = setup(0).await;
    let path = format!("/admin/intakes/{}/cohorts", s.made.intake_id);
    let second = s.staff.post(&path, &[("name", "Flere stillinger"), ("start_date", "2028-03-01")]).await;
    assert_eq!(second.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(second.text().await.unwrap().contains("allerede sine stillinger"));
    let cohorts: i64 = sqlx::query_scalar("SELECT count(*) FROM cohorts WHERE intake_id = $1")
        .bind(s.made.intake_id)
        .fetch_one(&s.app.pool)
        .await
        .unwrap();
    assert_eq!(cohorts, 1);
    let intake = s.staff.get(&format!("/admin/intakes/{}", s.made.intake_id)).await.text().await.unwrap();
    assert!(intake.contains("Stillinger") && !intake.contains(&format!("action=\"{path}\"")), "no second set offered");
    // Loading the same cohort again (as the demo does) is no second one.
    let mut conn = s.app.pool.acquire().await.unwrap();
    let again = optag::storage::cohorts::insert_if_missing(
        &mut conn,
        s.made.intake_id,
        "Start 2028",
        "2028-02-01".parse().unwrap(),
    );
    assert_eq!(again.await.unwrap(), s.made.cohort_id);
}

#[tokio::test]
async fn a_rejection_for_the_position_speaks_of_the_position() {
    let s = setup(1).await;
    let path = format!("/admin/applications/{}/status", s.refs[0]);
    let rejected = s.staff.post(&path, &[("status", "rejected"), ("reason", "Intern grund")]).await;
    assert_eq!(rejected.status(), StatusCode::SEE_OTHER);
    let released = s.staff.post(&format!("/admin/intakes/{}/release", s.made.intake_id), &[]).await;
    assert_eq!(released.status(), StatusCode::SEE_OTHER);
    let mails = s.app.smtp.mails_to("m0@example.dk", 2).await;
    let letter = mails.iter().find(|m| m.subject.starts_with("Svar på din ansøgning")).expect("the letter");
    assert!(letter.text.contains("valgt en anden til stillingen"), "{}", letter.text);
    assert!(!letter.text.contains("Intern grund"), "the reason stays with the staff");
    assert_no_course_words(&letter.text);
}
