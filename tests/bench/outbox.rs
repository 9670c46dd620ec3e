//! Benchmark: how fast the outbox drains. Queues `MAILS` receipts (text,
//! HTML and a calendar file, sealed as in production) in one commit, then
//! times the running server's delivery worker until every row is `sent`
//! to a local SMTP server (the tests' sink, which parses every message).
//! Run: `cargo bench --bench outbox` (prints mails/s; no pass/fail).
//! Budget (issue 14): >= 200 mails/s on 2 cores with the server otherwise idle.
#[path = "../support/mod.rs"]
#[expect(dead_code, reason = "the bench uses a part of the test helpers")]
mod support;

use std::time::{Duration, Instant};

use optag::{
    domain::email_address::EmailAddress,
    mail::{Attachment, OutgoingEmail, outbox},
};
use support::TestApp;

const MAILS: usize = 5_000;

fn receipt(i: usize) -> OutgoingEmail {
    OutgoingEmail {
        to: EmailAddress::parse(&format!("bench{i}@example.dk")).unwrap(),
        subject: format!("Kvittering for ansøgning RAN-{i:05}"),
        text: format!("Hej\n\nTak for din ansøgning.\n\nSe den her: https://optag.test/my-application/{i:032}\n"),
        html: format!(
            "<div><p>Hej</p><p>Tak for din ansøgning.</p><p><a href=\"https://optag.test/my-application/{i:032}\">Se den</a></p></div>"
        ),
        attachments: vec![Attachment::calendar(
            "samtale.ics",
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//optag//bench//DA\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n"
                .into(),
        )],
    }
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let app = TestApp::spawn().await;
    let key = app.key().await;
    let mut tx = app.pool.begin().await.unwrap();
    for i in 0..MAILS {
        outbox::queue(&mut tx, &key, &receipt(i), "optag.test").await.unwrap();
    }
    tx.commit().await.unwrap();
    app.state().mail_wake.notify_one();
    let started = Instant::now();
    let deadline = started + Duration::from_secs(600);
    loop {
        let sent: i64 = sqlx::query_scalar("SELECT count(*) FROM mail_outbox WHERE status = 'sent'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
        if sent as usize >= MAILS {
            break;
        }
        assert!(Instant::now() < deadline, "only {sent} of {MAILS} sent after 10 minutes");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let wall = started.elapsed();
    let arrived = app.smtp.mails().await.len();
    assert_eq!(arrived, MAILS, "the SMTP server received each mail once");
    println!(
        "outbox: {MAILS} mails drained to a local SMTP server in {:.2} s: {:.0} mails/s",
        wall.as_secs_f64(),
        MAILS as f64 / wall.as_secs_f64()
    );
}
