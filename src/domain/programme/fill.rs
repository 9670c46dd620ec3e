//! A programme as its form: what the edit page starts from.
use chrono::NaiveTime;

use super::{ProgrammeFacts, ProgrammeFields, Structure, text::weekday_keys};
use crate::domain::municipality::Region;

impl ProgrammeFacts {
    /// The form filled with this programme, for editing; the fields of other
    /// structures are empty.
    pub fn fields(&self) -> ProgrammeFields {
        let n = |v: u32| v.to_string();
        let time = |t: NaiveTime| t.format("%H:%M").to_string();
        let mut f = ProgrammeFields {
            slug: self.slug.clone(),
            name: self.name.clone(),
            profile: self.profile.clone(),
            structure: self.structure.key().to_string(),
            organiser: self.organiser.clone(),
            place: self.place.clone(),
            capacity: n(self.capacity),
            home_region: self.home_region.map(Region::key).unwrap_or_default().to_string(),
            out_of_region_fee_dkk: self.out_of_region_fee_dkk.map(n).unwrap_or_default(),
            contact_email: self.contact_email.clone().unwrap_or_default(),
            contact_phone: self.contact_phone.clone().unwrap_or_default(),
            ..ProgrammeFields::default()
        };
        let teaching = |f: &mut ProgrammeFields| {
            f.teaching_weekdays = weekday_keys(&self.teaching_weekdays);
            f.session_starts = time(self.session_starts);
            f.session_ends = time(self.session_ends);
        };
        match self.structure {
            Structure::CourseWithPracticum => {
                teaching(&mut f);
                f.session_count = n(self.session_count);
                f.practicum_weeks = n(self.practicum_weeks);
                f.practicum_hours_per_week = n(self.practicum_hours_per_week);
                f.follow_up_days = n(self.follow_up_days);
                f.supervisions = n(self.supervisions);
            }
            Structure::ModularCourse(m) => {
                f.intro_days_peer = n(m.intro_days_peer);
                f.intro_days_colleague = n(m.intro_days_colleague);
                f.module_hours = n(m.module_hours);
                f.min_attendance_percent = n(m.min_attendance_percent);
                f.complete_within_months = n(m.complete_within_months);
            }
            Structure::YearProgramme(y) => {
                teaching(&mut f);
                f.months = n(y.months);
                f.site_visits = n(y.site_visits);
            }
            Structure::Recruitment => {}
        }
        f
    }
}
