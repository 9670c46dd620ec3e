//! A burst of sign-ins does not take the server's memory with it: argon2id
//! needs 19 MiB a computation, so only a few may run at once.
use std::{
    process::{Child, Command, Stdio},
    time::Duration,
};

use optag::{
    auth::password,
    domain::{
        email_address::EmailAddress,
        staff::{Role, StaffName},
    },
    storage,
};
use secrecy::SecretString;

use crate::support::{TestApp, database::url_of, staff::PASSWORD};

/// The server as its own process, so its memory is its own.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn peak_rss_mib(pid: u32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse::<f64>().unwrap() / 1024.0
}

#[tokio::test]
async fn forty_simultaneous_sign_ins_keep_the_server_under_100_mb() {
    let app = TestApp::spawn().await;
    let hash = password::hash(SecretString::from(PASSWORD)).await.unwrap();
    for i in 0..40 {
        let email = EmailAddress::parse(&format!("staff{i}@example.dk")).unwrap();
        let name = StaffName::parse("Lone Ravn").unwrap();
        storage::staff::insert(&app.pool, &email, &name, Role::Coordinator, &hash).await.unwrap();
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = Server(
        Command::new(env!("CARGO_BIN_EXE_optag"))
            .arg("serve")
            .env("DATABASE_URL", url_of(&app.db_options))
            .env("OPTAG_LISTEN", format!("127.0.0.1:{port}"))
            .env("OPTAG_SMTP_URL", app.smtp.url())
            .env("OPTAG_SECRET_KEY", "ab".repeat(32))
            // Each sign-in comes from its own client, as staff behind one proxy would.
            .env("OPTAG_TRUSTED_PROXIES", "127.0.0.1")
            .env("RUST_LOG", "error")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the optag binary runs"),
    );
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    for attempt in 0.. {
        if client.get(format!("{base}/healthz")).send().await.is_ok_and(|r| r.status() == 200) {
            break;
        }
        assert!(server.0.try_wait().unwrap().is_none(), "the server stopped before it served");
        assert!(attempt < 400, "the server did not answer within 20 s");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..40 {
        let (client, base) = (client.clone(), base.clone());
        tasks.spawn(async move {
            let form = [("email", format!("staff{i}@example.dk")), ("password", PASSWORD.to_string())];
            let request = client.post(format!("{base}/admin/login")).header("origin", &base);
            let request = request.header("x-forwarded-for", format!("203.0.113.{}", i + 1)).form(&form);
            request.send().await.unwrap().status().as_u16()
        });
    }
    let statuses = tasks.join_all().await;
    assert!(statuses.iter().all(|s| *s == 303), "every sign-in went through: {statuses:?}");
    let peak = peak_rss_mib(server.0.id());
    assert!(peak < 100.0, "peak resident memory {peak:.0} MiB");
}
