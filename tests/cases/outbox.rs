//! The transactional outbox: mail leaves only with a commit, arrives once,
//! survives an SMTP outage, and gives up visibly on permanent failures.
use std::time::Duration;

use optag::{
    domain::email_address::EmailAddress,
    mail::{Attachment, OutgoingEmail, outbox},
};

use crate::support::{TestApp, smtp_sink::SmtpSink};

fn email(to: &str, subject: &str) -> OutgoingEmail {
    OutgoingEmail {
        to: EmailAddress::parse(to).unwrap(),
        subject: subject.to_string(),
        text: format!("Hej Søren\n\nSe mere her: https://optag.test/x/{subject}\n"),
        html: format!("<p>Hej Søren</p><p><a href=\"https://optag.test/x/{subject}\">Se mere</a></p>"),
        attachments: vec![Attachment::calendar(
            "moede.ics",
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//optag//test//DA\r\nEND:VCALENDAR\r\n".into(),
        )],
    }
}

async fn queue(app: &TestApp, mail: &OutgoingEmail) -> i64 {
    let mut tx = app.pool.begin().await.unwrap();
    let id = outbox::queue(&mut tx, &app.key().await, mail, "optag.test").await.unwrap();
    tx.commit().await.unwrap();
    id
}

async fn status_of(app: &TestApp, id: i64) -> (String, i32, Option<String>) {
    sqlx::query_as("SELECT status, attempts, last_error FROM mail_outbox WHERE id = $1")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_queued_mail_arrives_with_text_html_and_calendar_parts() {
    let app = TestApp::spawn().await;
    let id = queue(&app, &email("mette@example.dk", "Kvittering")).await;
    let mails = app.smtp.wait_for(1).await;
    let mail = &mails[0];
    assert_eq!(mail.to, vec!["mette@example.dk"]);
    assert_eq!(mail.subject, "Kvittering");
    assert!(mail.text.contains("Hej Søren"), "{}", mail.text);
    assert!(mail.html.contains("<p>Hej Søren</p>"));
    assert!(mail.raw.contains("multipart/alternative"));
    assert!(mail.raw.contains("From: optag <noreply@optag.test>"));
    assert_eq!(mail.attachments.len(), 1);
    assert_eq!(mail.attachments[0].0, "moede.ics");
    assert_eq!(mail.attachments[0].1, "text/calendar");
    assert!(mail.attachments[0].2.starts_with("BEGIN:VCALENDAR"));
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(status_of(&app, id).await.0, "sent");
}

#[tokio::test]
async fn a_rolled_back_change_sends_nothing() {
    let app = TestApp::spawn().await;
    let key = app.key().await;
    let mut tx = app.pool.begin().await.unwrap();
    outbox::queue(&mut tx, &key, &email("mette@example.dk", "Fortrudt"), "optag.test").await.unwrap();
    tx.rollback().await.unwrap();
    queue(&app, &email("mette@example.dk", "Sendt")).await;
    let mails = app.smtp.wait_for(1).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(app.smtp.mails().await.len(), 1);
    assert_eq!(mails[0].subject, "Sendt");
}

#[tokio::test]
async fn mail_queued_while_the_smtp_server_is_down_arrives_once_when_it_comes_up() {
    let port_holder = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = port_holder.local_addr().unwrap();
    drop(port_holder);
    let unused_sink = SmtpSink::start().await;
    let app = TestApp::spawn_with(unused_sink, &format!("smtp://{address}")).await;

    let id = queue(&app, &email("mette@example.dk", "Mens serveren sov")).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let (status, attempts, error) = status_of(&app, id).await;
    assert_eq!(status, "pending");
    assert!(attempts >= 1 && error.is_some(), "attempts {attempts}, error {error:?}");

    let sink = SmtpSink::start_on(tokio::net::TcpListener::bind(address).await.unwrap()).await;
    sink.wait_for(1).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(sink.mails().await.len(), 1, "delivered exactly once");
    assert_eq!(status_of(&app, id).await.0, "sent");
}

#[tokio::test]
async fn a_permanent_refusal_is_not_retried_and_shows_as_failed() {
    let app = TestApp::spawn().await;
    let id = queue(&app, &email("unknown-mailbox@example.dk", "Afvist")).await;
    queue(&app, &email("mette@example.dk", "Efter")).await;
    app.smtp.wait_for(1).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    let (status, attempts, error) = status_of(&app, id).await;
    assert_eq!((status.as_str(), attempts), ("failed", 1));
    assert!(error.unwrap().contains("550"));
}

#[tokio::test]
async fn two_instances_on_one_database_send_every_mail_exactly_once() {
    let app = TestApp::spawn().await;
    let second = TestApp::spawn_second_instance(&app).await;
    for n in 0..30 {
        queue(&app, &email(&format!("person{n}@example.dk"), &format!("Nr {n}"))).await;
    }
    app.smtp.wait_for(30).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let mails = app.smtp.mails().await;
    let mut subjects: Vec<&str> = mails.iter().map(|m| m.subject.as_str()).collect();
    subjects.sort_unstable();
    subjects.dedup();
    assert_eq!((mails.len(), subjects.len()), (30, 30));
    second.stop().await;
}
