//! Programmes made the way an admin makes them: POST `/admin/programmes`
//! with the contract's field names (http-contract.md, Version 2).
use reqwest::Response;

use super::staff::StaffClient;

/// Valid fields of a programme of `profile` and `structure` (a contract key),
/// slug `{profile}-{structure}` with `_` as `-`; each structure's own fields
/// as the seeds have them (Randers, Region H, MB-forløbet), recruitment none.
pub fn programme_fields(profile: &str, structure: &str) -> Vec<(&'static str, String)> {
    let mut fields: Vec<(&'static str, String)> = vec![
        ("slug", format!("{profile}-{}", structure.replace('_', "-"))),
        ("name", format!("Program {profile}")),
        ("profile", profile.into()),
        ("structure", structure.into()),
        ("organiser", "Recoveryskolen".into()),
        ("place", "Skolevej 1, 8900 Randers".into()),
        ("capacity", "8".into()),
        ("home_region", String::new()),
        ("out_of_region_fee_dkk", String::new()),
        ("contact_email", "program@skolen.dk".into()),
        ("contact_phone", String::new()),
    ];
    let extra: &[(&'static str, &str)] = match structure {
        "course_with_practicum" => &[
            ("teaching_weekdays", "mon,wed"),
            ("session_starts", "09:00"),
            ("session_ends", "12:00"),
            ("session_count", "26"),
            ("practicum_weeks", "13"),
            ("practicum_hours_per_week", "6"),
            ("follow_up_days", "2"),
            ("supervisions", "2"),
        ],
        "modular_course" => &[
            ("intro_days_peer", "3"),
            ("intro_days_colleague", "4"),
            ("module_hours", "4"),
            ("min_attendance_percent", "80"),
            ("complete_within_months", "12"),
        ],
        "year_programme" => &[
            ("months", "12"),
            ("teaching_weekdays", "tue"),
            ("session_starts", "10:00"),
            ("session_ends", "14:00"),
            ("site_visits", "3"),
        ],
        _ => &[],
    };
    fields.extend(extra.iter().map(|(k, v)| (*k, v.to_string())));
    fields
}

/// `fields` with `name` set to `value` (added when missing).
pub fn with(mut fields: Vec<(&'static str, String)>, name: &'static str, value: &str) -> Vec<(&'static str, String)> {
    match fields.iter_mut().find(|(k, _)| *k == name) {
        Some(field) => field.1 = value.to_string(),
        None => fields.push((name, value.to_string())),
    }
    fields
}

/// POSTs the programme form as `staff` (an admin, for it to work); the raw
/// response (303 to `/admin/programmes/{slug}` when created).
pub async fn create_programme(staff: &StaffClient, fields: &[(&'static str, String)]) -> Response {
    let form: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    staff.post("/admin/programmes", &form).await
}

/// Creates the programme and returns its slug; panics unless it was created.
pub async fn create_programme_ok(staff: &StaffClient, fields: &[(&'static str, String)]) -> String {
    let response = create_programme(staff, fields).await;
    let status = response.status();
    let location = response.headers().get("location").map(|l| l.to_str().unwrap().to_string());
    assert_eq!(status, 303, "created: {}", response.text().await.unwrap_or_default());
    let slug = &fields.iter().find(|(k, _)| *k == "slug").expect("a slug").1;
    assert_eq!(location.as_deref(), Some(format!("/admin/programmes/{slug}").as_str()));
    slug.clone()
}
