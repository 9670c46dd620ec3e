//! The programme form as the pages show it: fields grouped by structure, each
//! with its label, hint, value and the problem beside it.
use crate::{
    domain::{
        eligibility::Profile,
        municipality::Region,
        programme::{Problem, ProgrammeFacts, ProgrammeFields, Structure},
    },
    i18n::{Lang, ProgrammeStrings, fill},
};

/// One choice of a `<select>`.
pub struct Choice {
    pub value: &'static str,
    pub label: String,
    pub selected: bool,
}

/// One field: a text input, or a select when it has choices.
pub struct Input {
    pub name: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub value: String,
    pub error: Option<String>,
    pub choices: Vec<Choice>,
    /// `numeric` for whole numbers, empty otherwise.
    pub inputmode: &'static str,
    pub kind: &'static str,
}

/// A fieldset: the general facts, or the fields of one or two structures.
pub struct Group {
    pub legend: &'static str,
    pub note: &'static str,
    /// The structures (contract keys, space-separated) the fields belong to; empty: all.
    pub structures: &'static str,
    pub inputs: Vec<Input>,
}

/// The whole form: where it posts, its groups and the summary of problems.
pub struct FormView {
    pub action: String,
    pub button: &'static str,
    pub groups: Vec<Group>,
    /// (link to the field, message) for the summary at the top.
    pub errors: Vec<(String, String)>,
}

/// The name of a structure (contract key) in plain words, and what it means.
pub fn structure_words(t: &ProgrammeStrings, key: &str) -> (&'static str, &'static str) {
    match key {
        "modular_course" => (t.modular_course, t.modular_course_text),
        "year_programme" => (t.year_programme, t.year_programme_text),
        "recruitment" => (t.recruitment, t.recruitment_text),
        _ => (t.course_with_practicum, t.course_with_practicum_text),
    }
}

/// The name of an eligibility profile in plain words.
pub fn profile_words(t: &ProgrammeStrings, key: &str) -> &'static str {
    match key {
        "randers" => t.profile_randers,
        "viborg" => t.profile_viborg,
        "region-h-peer-course" => t.profile_region_h,
        "peer-support-worker" => t.profile_peer_support_worker,
        "recovery-mentor" => t.profile_recovery_mentor,
        _ => t.profile_mb,
    }
}

fn label(t: &ProgrammeStrings, name: &str) -> &'static str {
    match name {
        "slug" => t.slug,
        "name" => t.name,
        "profile" => t.profile,
        "structure" => t.structure,
        "organiser" => t.organiser,
        "place" => t.place,
        "capacity" => t.capacity,
        "home_region" => t.home_region,
        "out_of_region_fee_dkk" => t.fee,
        "contact_email" => t.contact_email,
        "contact_phone" => t.contact_phone,
        "teaching_weekdays" => t.teaching_weekdays,
        "session_starts" => t.session_starts,
        "session_ends" => t.session_ends,
        "session_count" => t.session_count,
        "practicum_weeks" => t.practicum_weeks,
        "practicum_hours_per_week" => t.practicum_hours_per_week,
        "follow_up_days" => t.follow_up_days,
        "supervisions" => t.supervisions,
        "intro_days_peer" => t.intro_days_peer,
        "intro_days_colleague" => t.intro_days_colleague,
        "module_hours" => t.module_hours,
        "min_attendance_percent" => t.min_attendance_percent,
        "complete_within_months" => t.complete_within_months,
        "months" => t.months,
        _ => t.site_visits,
    }
}

/// The message for `problem` in field `name`, in plain words.
pub fn message(t: &ProgrammeStrings, name: &str, problem: Problem) -> String {
    let l = label(t, name);
    match problem {
        Problem::Required => fill(t.err_required, &[&l]),
        Problem::TooLong => fill(t.err_too_long, &[&l]),
        Problem::BadSlug => t.err_slug.into(),
        Problem::SlugTaken => t.err_slug_taken.into(),
        Problem::UnknownProfile => t.err_profile.into(),
        Problem::UnknownStructure => t.err_structure.into(),
        Problem::UnknownRegion => t.err_region.into(),
        Problem::OutOfRange { min, max } => fill(t.err_range, &[&min, &max, &l]),
        Problem::BadWeekdays => t.err_weekdays.into(),
        Problem::BadTime => fill(t.err_time, &[&l]),
        Problem::EndsBeforeStarts => t.err_ends_before.into(),
        Problem::NotAnEmail => t.err_email.into(),
        Problem::NotAPhone => t.err_phone.into(),
    }
}

/// The fields of a new programme: empty facts, each structure's fields filled
/// with the seeds' values (Randers, Region H, MB-forløbet) as a start.
pub fn new_fields() -> ProgrammeFields {
    let (course, modular, year) = (
        ProgrammeFacts::randers().fields(),
        ProgrammeFacts::region_h_peer_course().fields(),
        ProgrammeFacts::mb_forloebet().fields(),
    );
    ProgrammeFields {
        intro_days_peer: modular.intro_days_peer,
        intro_days_colleague: modular.intro_days_colleague,
        module_hours: modular.module_hours,
        min_attendance_percent: modular.min_attendance_percent,
        complete_within_months: modular.complete_within_months,
        months: year.months,
        site_visits: year.site_visits,
        teaching_weekdays: course.teaching_weekdays,
        session_starts: course.session_starts,
        session_ends: course.session_ends,
        session_count: course.session_count,
        practicum_weeks: course.practicum_weeks,
        practicum_hours_per_week: course.practicum_hours_per_week,
        follow_up_days: course.follow_up_days,
        supervisions: course.supervisions,
        capacity: course.capacity,
        ..ProgrammeFields::default()
    }
}

/// The form's value of field `name`.
fn value_of<'f>(f: &'f ProgrammeFields, name: &str) -> &'f String {
    match name {
        "slug" => &f.slug,
        "name" => &f.name,
        "organiser" => &f.organiser,
        "place" => &f.place,
        "capacity" => &f.capacity,
        "out_of_region_fee_dkk" => &f.out_of_region_fee_dkk,
        "contact_email" => &f.contact_email,
        "contact_phone" => &f.contact_phone,
        "teaching_weekdays" => &f.teaching_weekdays,
        "session_starts" => &f.session_starts,
        "session_ends" => &f.session_ends,
        "session_count" => &f.session_count,
        "practicum_weeks" => &f.practicum_weeks,
        "practicum_hours_per_week" => &f.practicum_hours_per_week,
        "follow_up_days" => &f.follow_up_days,
        "supervisions" => &f.supervisions,
        "intro_days_peer" => &f.intro_days_peer,
        "intro_days_colleague" => &f.intro_days_colleague,
        "module_hours" => &f.module_hours,
        "min_attendance_percent" => &f.min_attendance_percent,
        "complete_within_months" => &f.complete_within_months,
        "months" => &f.months,
        _ => &f.site_visits,
    }
}

/// Builds the inputs of one form from its values and problems.
struct Builder<'a> {
    t: &'static ProgrammeStrings,
    f: &'a ProgrammeFields,
    problems: &'a [(&'static str, Problem)],
}

impl Builder<'_> {
    fn input(&self, name: &'static str, hint: &'static str, numeric: bool) -> Input {
        let value = value_of(self.f, name);
        let kind = match name {
            "contact_email" => "email",
            "contact_phone" => "tel",
            _ => "text",
        };
        Input {
            name,
            label: label(self.t, name),
            hint,
            value: value.clone(),
            error: self.problems.iter().find(|(n, _)| *n == name).map(|(n, p)| message(self.t, n, *p)),
            choices: Vec::new(),
            inputmode: if numeric { "numeric" } else { "" },
            kind,
        }
    }

    /// A select; with "–" first when no choice is selected yet.
    fn select(&self, name: &'static str, value: &str, choices: Vec<(&'static str, String)>) -> Input {
        let mut choices: Vec<Choice> =
            choices.into_iter().map(|(v, label)| Choice { value: v, label, selected: v == value }).collect();
        if !choices.iter().any(|c| c.selected) {
            choices.insert(0, Choice { value: "", label: "–".into(), selected: true });
        }
        Input { choices, ..self.input(name, "", false) }
    }
}

/// The general fields; without the slug when editing.
fn general(b: &Builder, editing: bool) -> Vec<Input> {
    let (t, f) = (b.t, b.f);
    let structures = Structure::KEYS.iter().map(|k| (*k, structure_words(t, k).0.to_string())).collect();
    let profiles = Profile::keys().into_iter().map(|k| (k, profile_words(t, k).to_string())).collect();
    let mut regions = vec![("", t.no_region.to_string())];
    regions.extend(REGIONS.map(|r| (r.key(), r.name().to_string())));
    let slug = (!editing).then(|| b.input("slug", t.slug_hint, false));
    slug.into_iter()
        .chain([
            b.input("name", "", false),
            b.select("profile", &f.profile, profiles),
            b.select("structure", &f.structure, structures),
            b.input("organiser", "", false),
            b.input("place", "", false),
            b.input("capacity", t.capacity_hint, true),
            b.select("home_region", &f.home_region, regions),
            b.input("out_of_region_fee_dkk", t.fee_hint, true),
            b.input("contact_email", t.contact_hint, false),
            b.input("contact_phone", t.contact_hint, false),
        ])
        .collect()
}

/// The fieldsets of the structures (contract keys in `structures`).
fn structure_groups(b: &Builder) -> Vec<Group> {
    let t = b.t;
    let group = |legend, structures, names: &[&'static str]| Group {
        legend,
        note: "",
        structures,
        inputs: names.iter().map(|n| b.input(n, "", true)).collect(),
    };
    let teaching = [
        b.input("teaching_weekdays", t.weekdays_hint, false),
        b.input("session_starts", t.time_hint, false),
        b.input("session_ends", t.time_hint, false),
    ];
    let course = ["session_count", "practicum_weeks", "practicum_hours_per_week", "follow_up_days", "supervisions"];
    let modular =
        ["intro_days_peer", "intro_days_colleague", "module_hours", "min_attendance_percent", "complete_within_months"];
    vec![
        Group { inputs: teaching.into(), ..group(t.teaching_legend, "course_with_practicum year_programme", &[]) },
        group(t.course_legend, "course_with_practicum", &course),
        group(t.modular_legend, "modular_course", &modular),
        group(t.year_legend, "year_programme", &["months", "site_visits"]),
        Group { note: t.recruitment_note, ..group(t.recruitment_legend, "recruitment", &[]) },
    ]
}

/// The form for `f` with its problems; without the slug field when editing
/// (the slug is the programme's address and stays).
pub fn form(lang: Lang, f: &ProgrammeFields, problems: &[(&'static str, Problem)], editing: Option<&str>) -> FormView {
    let t = lang.programmes();
    let b = Builder { t, f, problems };
    let mut groups =
        vec![Group { legend: t.general_legend, note: "", structures: "", inputs: general(&b, editing.is_some()) }];
    groups.extend(structure_groups(&b));
    let errors = problems.iter().map(|(n, p)| (format!("#f-{n}"), message(t, n, *p))).collect();
    let (action, button) = match editing {
        Some(slug) => (format!("/admin/programmes/{slug}"), t.save),
        None => ("/admin/programmes".to_string(), t.create),
    };
    FormView { action, button, groups, errors }
}

const REGIONS: [Region; 5] =
    [Region::Hovedstaden, Region::Sjaelland, Region::Syddanmark, Region::Midtjylland, Region::Nordjylland];
