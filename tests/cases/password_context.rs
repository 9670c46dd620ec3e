//! A new password may not be the user's own address, its local part, their
//! name or the name of the service, wherever a password is set.
use optag::domain::staff::Role;
use reqwest::{Client, StatusCode, redirect::Policy};

use crate::support::{TestApp, staff::StaffClient};

fn bare() -> Client {
    Client::builder().redirect(Policy::none()).build().unwrap()
}

#[tokio::test]
async fn the_activation_link_refuses_the_users_address_name_and_the_service_name() {
    let app = TestApp::spawn().await;
    let admin = StaffClient::signed_in(&app, "admin@example.dk", Role::Admin).await;
    let added = admin
        .post(
            "/admin/users",
            &[("name", "Birthe Kjærsgaard"), ("email", "birthe.kjaersgaard@example.dk"), ("role", "coordinator")],
        )
        .await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    let mail = &app.smtp.mails_to("birthe.kjaersgaard@example.dk", 1).await[0];
    let path = mail.link_path("/admin/activate/");
    for refused in [
        "birthe.kjaersgaard@example.dk",
        "Birthe.Kjaersgaard",
        "birthe.kjaersgaard!",
        "Birthe Kjærsgaard",
        "kjærsgaard2026",
        "optag-2026!",
        "OptagOptag",
    ] {
        let r = bare().post(app.url(&path)).header("origin", &app.base_url).form(&[("password", refused)]).send();
        let r = r.await.unwrap();
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
        assert!(r.text().await.unwrap().contains("navn"), "the page says why: {refused}");
    }
    // A word of the name inside a longer passphrase is fine.
    let ok = bare()
        .post(app.url(&path))
        .header("origin", &app.base_url)
        .form(&[("password", "birthe bager brød om morgenen")]);
    assert_eq!(ok.send().await.unwrap().status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn changing_ones_password_to_ones_own_address_is_refused() {
    let app = TestApp::spawn().await;
    let me = StaffClient::signed_in(&app, "lone.ravn@example.dk", Role::Coordinator).await;
    for refused in ["lone.ravn@example.dk", "LONE.RAVN@EXAMPLE.DK", "Lone Ravn 2026", "optag123456"] {
        let r =
            me.post("/admin/password", &[("current", crate::support::staff::PASSWORD), ("password", refused)]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    }
    let ok = me
        .post("/admin/password", &[("current", crate::support::staff::PASSWORD), ("password", "et helt nyt kodeord")])
        .await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
}
