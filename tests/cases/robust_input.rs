//! Issue 13: every form field and query parameter of the product, public and
//! staff, gets hostile values (control characters, overlong text, numbers and
//! dates far out of range) and must answer with a page (422, 409, 303, …),
//! never a 500 or a dropped connection. The forms are read from the pages
//! themselves, so a new form is walked without a change here.
use optag::domain::staff::Role;
use reqwest::StatusCode;
use scraper::{Html, Selector};

use crate::support::{
    TestApp,
    applicant::{form, post, with},
    staff::StaffClient,
};

const HOSTILE: &[&str] = &[
    "a\u{0}b",
    "\u{1b}[31mrød\u{7f}\u{85}",
    "9000000000000000000",
    "-9000000000000000000",
    "99999-12-31",
    "0001-01-01",
    "275760-09-13T00:00",
    "2027-02-30",
    "25:61",
    "1e309",
    "%00",
];

/// A form as the page offers it: where it goes and the values it would send.
#[derive(Debug, Clone)]
struct PageForm {
    method: String,
    action: String,
    fields: Vec<(String, String)>,
}

fn forms_on(page: &str, path: &str) -> Vec<PageForm> {
    let html = Html::parse_document(page);
    let form_sel = Selector::parse("form").unwrap();
    let field_sel = Selector::parse("input[name], textarea[name], select[name]").unwrap();
    let option_sel = Selector::parse("option").unwrap();
    let mut out = Vec::new();
    for f in html.select(&form_sel) {
        let action = f.value().attr("action").unwrap_or(path).to_string();
        let method = f.value().attr("method").unwrap_or("get").to_lowercase();
        let mut fields = Vec::new();
        for input in f.select(&field_sel) {
            let v = input.value();
            let name = v.attr("name").unwrap().to_string();
            let value = match v.name() {
                "select" => input
                    .select(&option_sel)
                    .filter_map(|o| o.value().attr("value"))
                    .find(|o| !o.is_empty())
                    .unwrap_or("")
                    .to_string(),
                "textarea" => input.text().collect(),
                _ => match v.attr("type").unwrap_or("text") {
                    "checkbox" | "radio" if v.attr("checked").is_none() => continue,
                    "submit" if v.attr("value").is_none() => continue,
                    _ => v.attr("value").unwrap_or("").to_string(),
                },
            };
            fields.push((name, value));
        }
        out.push(PageForm { method, action, fields });
    }
    out
}

/// Forms whose baseline would end the walk itself.
fn skipped(action: &str) -> bool {
    ["/admin/logout", "/disable", "/erase", "/withdraw", "/lang/"].iter().any(|s| action.contains(s))
}

async fn walk(
    label: &str,
    pages: &[String],
    get: impl AsyncFn(&str) -> reqwest::Response,
    send: impl AsyncFn(&PageForm) -> reqwest::Response,
) -> usize {
    let mut tried = 0;
    for path in pages {
        let page = get(path).await;
        assert!(page.status() < StatusCode::INTERNAL_SERVER_ERROR, "{label} GET {path}");
        let page = page.text().await.unwrap();
        for f in forms_on(&page, path).into_iter().filter(|f| !skipped(&f.action)) {
            for i in 0..f.fields.len() {
                if f.fields[i].0 == "csrf_token" {
                    continue;
                }
                // Overlong: far past every limit, but within what a URL may hold for GET forms.
                let long = if f.method == "post" { 20_000 } else { 1_500 };
                for bad in HOSTILE.iter().map(|s| s.to_string()).chain([format!("{}\u{0}", "æ".repeat(long))]) {
                    let mut hostile = f.clone();
                    hostile.fields[i].1 = bad.clone();
                    let answer = send(&hostile).await;
                    let field = &f.fields[i].0;
                    assert!(
                        answer.status() < StatusCode::INTERNAL_SERVER_ERROR,
                        "{label} {} {} field {field} = {:?}: {}",
                        f.method,
                        f.action,
                        bad.chars().take(30).collect::<String>(),
                        answer.status()
                    );
                    tried += 1;
                }
            }
        }
    }
    tried
}

fn query_of(fields: &[(String, String)]) -> String {
    url::form_urlencoded::Serializer::new(String::new()).extend_pairs(fields).finish()
}

#[tokio::test]
async fn every_form_field_and_query_parameter_answers_hostile_values_with_a_page_never_a_500() {
    let app = TestApp::spawn().await;
    app.clock.set("2026-11-23T12:00:00Z".parse().unwrap());
    let demo = app.load_demo().await;
    let staff = StaffClient::signed_in(&app, "lone@example.dk", Role::Admin).await;
    let intake = demo.intake_id;
    staff
        .post(
            &format!("/admin/intakes/{intake}/slots"),
            &[("date", "2027-08-27"), ("from", "09:00"), ("to", "12:00"), ("minutes", "45"), ("buffer_minutes", "15")],
        )
        .await;
    post(&app, &demo.intake_slug, &with(form("eva@example.org", "submit"), "full_name", "Eva Lund")).await;
    let reference: String =
        sqlx::query_scalar("SELECT reference FROM applications").fetch_one(&app.pool).await.unwrap();
    staff.post(&format!("/admin/applications/{reference}/invite"), &[]).await;
    let mails = app.smtp.mails_to("eva@example.org", 2).await;
    let path_of = |prefix: &str| {
        let link = mails.iter().find_map(|m| m.link(prefix)).expect(prefix);
        url::Url::parse(&link).unwrap().path().to_string()
    };
    let (booking, own) = (path_of("/interviews/book/"), path_of("/my-application/"));
    let meeting: i64 = demo.info_meeting_id;

    let mut public_pages: Vec<String> = vec![
        "/".into(),
        format!("/info-meetings/{meeting}"),
        "/my-application".into(),
        booking.clone(),
        own.clone(),
        format!("{own}/support"),
    ];
    // Every programme's intake: its page, its own form, and the enrol form where it has one.
    for i in &demo.intakes {
        for page in ["", "/apply", "/enrol"] {
            public_pages.push(format!("/intakes/{}{page}", i.slug));
        }
    }
    let client = &app;
    let public = walk(
        "public",
        &public_pages,
        async |p: &str| client.get(p).await,
        async |f: &PageForm| {
            let pairs: Vec<(&str, &str)> = f.fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            match f.method.as_str() {
                "post" => client.post_form(&f.action, &pairs).await,
                _ => client.get(&format!("{}?{}", f.action, query_of(&f.fields))).await,
            }
        },
    )
    .await;

    let mut staff_pages: Vec<String> = vec![
        "/admin".into(),
        "/admin/applications".into(),
        format!("/admin/applications/{reference}"),
        "/admin/intakes".into(),
        format!("/admin/intakes/{intake}"),
        format!("/admin/info-meetings/{meeting}"),
        "/admin/users".into(),
        "/admin/password".into(),
        "/admin/audit".into(),
        "/admin/settings".into(),
        "/admin/programmes".into(),
    ];
    // Every structure's programme and cohort pages (modules, visits, positions).
    let programmes: Vec<String> =
        sqlx::query_scalar("SELECT slug FROM programmes ORDER BY id").fetch_all(&app.pool).await.unwrap();
    staff_pages.extend(programmes.iter().map(|slug| format!("/admin/programmes/{slug}")));
    staff_pages.extend(demo.intakes.iter().map(|i| format!("/admin/intakes/{}", i.intake_id)));
    staff_pages.extend(demo.intakes.iter().filter_map(|i| i.cohort_id).map(|c| format!("/admin/cohorts/{c}")));
    let s = &staff;
    let admin = walk(
        "staff",
        &staff_pages,
        async |p: &str| s.get(p).await,
        async |f: &PageForm| {
            let pairs: Vec<(&str, &str)> = f.fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            match f.method.as_str() {
                "post" => s.post(&f.action, &pairs).await,
                _ => s.get(&format!("{}?{}", f.action, query_of(&f.fields))).await,
            }
        },
    )
    .await;
    assert!(public > 100 && admin > 300, "walked {public} public and {admin} staff values");

    // Query parameters no form names, and paths.
    for bad in HOSTILE {
        let q = url::form_urlencoded::byte_serialize(bad.as_bytes()).collect::<String>();
        for path in [
            format!("/admin/applications?q={q}&status={q}&intake={q}&sort={q}&page={q}&todo={q}&since={q}"),
            format!("/admin/applications?todo=answered&since={q}"),
            format!("/admin/audit?application={q}&page={q}"),
            format!("/admin/login?next={q}"),
            format!("/lang/da?back={q}"),
            format!("/intakes/{q}"),
            format!("/drafts/{q}"),
            format!("/info-meetings/{q}"),
        ] {
            assert!(s.get(&path).await.status() < StatusCode::INTERNAL_SERVER_ERROR, "{path}");
        }
    }
}
