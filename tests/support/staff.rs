//! Staff members for the tests: created in the database, signed in through
//! the real pages with a TOTP code computed from the enrolment page.
use optag::{
    auth::{password, totp},
    domain::{
        email_address::EmailAddress,
        staff::{Role, StaffName},
    },
    storage,
};
use reqwest::{Client, Response, redirect::Policy};
use secrecy::SecretString;

use super::{TestApp, app::NowUtc};

pub const PASSWORD: &str = "en lang og sikker adgangskode";

pub struct StaffClient {
    pub client: Client,
    pub base_url: String,
    pub totp_secret: Vec<u8>,
}

pub fn new_client() -> Client {
    Client::builder().redirect(Policy::none()).cookie_store(true).build().expect("client")
}

/// Creates a user with `PASSWORD`.
pub async fn create_user(app: &TestApp, email: &str, role: Role) -> i64 {
    let hash = password::hash(SecretString::from(PASSWORD)).await.unwrap();
    storage::staff::insert(
        &app.pool,
        &EmailAddress::parse(email).unwrap(),
        &StaffName::parse("Lone Ravn").unwrap(),
        role,
        &hash,
    )
    .await
    .unwrap()
}

pub fn secret_on(page: &str) -> Vec<u8> {
    let base32 = page
        .split("<code id=\"totp-secret\">")
        .nth(1)
        .and_then(|r| r.split('<').next())
        .expect("the secret on the page");
    totp::decode_base32(base32).expect("base32 secret")
}

impl StaffClient {
    /// A new user of `role`, signed in with password and a freshly enrolled TOTP.
    pub async fn signed_in(app: &TestApp, email: &str, role: Role) -> Self {
        create_user(app, email, role).await;
        Self::signed_in_existing(app, email).await
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client.get(format!("{}{path}", self.base_url)).send().await.expect("GET")
    }

    pub async fn post(&self, path: &str, form: &[(&str, &str)]) -> Response {
        self.client
            .post(format!("{}{path}", self.base_url))
            .header("origin", &self.base_url)
            .form(form)
            .send()
            .await
            .expect("POST")
    }
}

impl StaffClient {
    /// Signs in a user made with `create_user` (enrolling TOTP on the way).
    pub async fn signed_in_existing(app: &TestApp, email: &str) -> Self {
        let mut me = Self { client: new_client(), base_url: app.base_url.clone(), totp_secret: Vec::new() };
        let login = me.post("/admin/login", &[("email", email), ("password", PASSWORD)]).await;
        assert_eq!(login.headers()["location"], "/admin/mfa/setup");
        let setup = me.get("/admin/mfa/setup").await.text().await.unwrap();
        me.totp_secret = secret_on(&setup);
        let code = totp::code_at(&me.totp_secret, app.clock.now_utc());
        let done = me.post("/admin/mfa/setup", &[("code", &code)]).await;
        assert_eq!(done.status(), 303, "enrolment");
        assert_eq!(done.headers()["location"], "/admin");
        me
    }
}
