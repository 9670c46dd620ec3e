//! Calendar files read by parsers optag did not write: Python's `icalendar`
//! and the stricter `vobject`, through `ics_check.py` beside this file, which
//! also checks the RFC 5545 / 5546 rules clients trip over (CRLF only, no
//! control characters, UTC or VTIMEZONE, ORGANIZER and ATTENDEE in REQUEST
//! and CANCEL, none in a plain calendar). `.ci/run` installs both packages.
use std::{io::Write, process::Command};

use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct Checked {
    pub method: Option<String>,
    pub events: Vec<Event>,
}

#[derive(Debug, Deserialize)]
pub struct Event {
    pub uid: String,
    pub sequence: i64,
    pub summary: String,
    pub location: String,
    pub description: String,
    pub status: String,
    pub dtstart: Option<String>,
    pub dtend: Option<String>,
    pub organizer: Option<String>,
    pub attendees: Vec<Attendee>,
}

#[derive(Debug, Deserialize)]
pub struct Attendee {
    pub address: String,
    pub partstat: Option<String>,
    pub rsvp: Option<String>,
}

fn python_missing() -> bool {
    Command::new("python3").arg("--version").output().is_err()
}

/// Both parsers' reading of `ics`, after every generic rule held (panics
/// with the problems otherwise). `None`, with a note on stderr, only where
/// python3 itself is missing.
pub fn check(ics: &str) -> Option<Checked> {
    if python_missing() {
        eprintln!("SKIPPED: python3 is missing, so the calendar files were not read by icalendar and vobject");
        return None;
    }
    let mut file = tempfile();
    file.1.write_all(ics.as_bytes()).expect("write the calendar file");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/support/ics_check.py");
    let out = Command::new("python3").arg(script).arg(&file.0).output().expect("run ics_check.py");
    let _ = std::fs::remove_file(&file.0);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("ModuleNotFoundError"),
        "the Python packages are missing: `python3 -m pip install --user icalendar vobject` (.ci/run does it)\n{stderr}"
    );
    assert!(out.status.success(), "calendar file refused:\n{stderr}\n--- file ---\n{ics}");
    Some(serde_json::from_slice(&out.stdout).expect("ics_check.py prints JSON"))
}

fn tempfile() -> (std::path::PathBuf, std::fs::File) {
    let path = std::env::temp_dir().join(format!("optag-{}.ics", uuid::Uuid::new_v4()));
    let file = std::fs::File::create(&path).expect("create a temporary file");
    (path, file)
}

impl Checked {
    /// The rules of an iTIP message to one person: `method`, one event with
    /// the organizer `organizer` and the single attendee `attendee`, who
    /// need not answer.
    pub fn assert_itip(&self, method: &str, organizer: &str, attendee: &str) -> &Event {
        assert_eq!(self.method.as_deref(), Some(method));
        assert_eq!(self.events.len(), 1, "{self:?}");
        let e = &self.events[0];
        assert_eq!(e.organizer.as_deref().map(str::to_lowercase), Some(format!("mailto:{organizer}")));
        assert_eq!(e.attendees.len(), 1, "{e:?}");
        let a = &e.attendees[0];
        assert_eq!(a.address.to_lowercase(), format!("mailto:{attendee}"));
        assert_eq!(a.rsvp.as_deref(), Some("FALSE"));
        assert!(a.partstat.is_some(), "{a:?}");
        assert!(e.sequence >= 0);
        if method == "CANCEL" {
            assert_eq!(e.status, "CANCELLED");
        }
        e
    }

    /// A schedule or feed: no iTIP method (or PUBLISH), nobody invited.
    pub fn assert_plain(&self) {
        assert!(matches!(self.method.as_deref(), None | Some("PUBLISH")), "{:?}", self.method);
        assert!(self.events.iter().all(|e| e.attendees.is_empty() && e.sequence >= 0 && !e.uid.is_empty()));
    }
}
