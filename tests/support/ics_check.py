#!/usr/bin/env python3
"""Reads one calendar file with two parsers optag did not write, Python's
`icalendar` and `vobject` (the strict one: a bare CR or a broken line fails
the whole file), checks the rules of RFC 5545 and RFC 5546 that calendar
clients trip over, and prints what both parsers saw as JSON.

Usage: ics_check.py FILE  (exit 0 and JSON on stdout; exit 1 and the
problems on stderr). Run by tests/support/ics.rs.
"""
import json
import re
import sys

import icalendar
import vobject


def fail(problems):
    sys.stderr.write("\n".join(problems) + "\n")
    sys.exit(1)


def raw_rules(raw):
    problems = []
    # Content lines end in CRLF; no other control character except HTAB.
    for i, b in enumerate(raw):
        if b == 0x0D and raw[i + 1 : i + 2] != b"\n":
            problems.append(f"bare CR at byte {i}")
        elif b == 0x0A and (i == 0 or raw[i - 1] != 0x0D):
            problems.append(f"bare LF at byte {i}")
        elif (b < 0x20 and b not in (0x09, 0x0A, 0x0D)) or b == 0x7F:
            problems.append(f"control character {b:#04x} at byte {i}")
    for n, line in enumerate(raw.split(b"\r\n")):
        if len(line) > 75:
            problems.append(f"line {n + 1} longer than 75 octets")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as e:
        problems.append(f"not UTF-8: {e}")
    return problems


def utc_or_zoned(prop, zones):
    """A DATE-TIME in UTC, or with a TZID that a VTIMEZONE of the file defines."""
    value = prop.to_ical().decode()
    tzid = prop.params.get("TZID")
    if tzid:
        return tzid in zones
    return value.endswith("Z") or re.fullmatch(r"\d{8}", value) is not None


def mailto(value):
    return str(value).lower().startswith("mailto:")


def check(raw):
    problems = raw_rules(raw)
    try:
        cal = icalendar.Calendar.from_ical(raw)
    except Exception as e:  # noqa: BLE001 - any refusal is the finding
        fail(problems + [f"icalendar refused the file: {e}"])
    try:
        vcal = vobject.readOne(raw.decode("utf-8", "replace"), validate=True)
    except Exception as e:  # noqa: BLE001
        fail(problems + [f"vobject refused the file: {e}"])

    method = str(cal.get("METHOD")) if cal.get("METHOD") is not None else None
    vmethod = vcal.method.value if hasattr(vcal, "method") else None
    if method != vmethod:
        problems.append(f"parsers disagree on METHOD: {method} / {vmethod}")
    for required in ("VERSION", "PRODID"):
        if cal.get(required) is None:
            problems.append(f"no {required}")
    zones = {str(z.get("TZID")) for z in cal.walk("VTIMEZONE")}

    v_events = {e.uid.value: e for e in vcal.contents.get("vevent", [])}
    events = []
    for e in cal.walk("VEVENT"):
        uid = str(e.get("UID", ""))
        ev = {
            "uid": uid,
            "sequence": int(e.get("SEQUENCE", -1)),
            "summary": str(e.get("SUMMARY", "")),
            "location": str(e.get("LOCATION", "")),
            "description": str(e.get("DESCRIPTION", "")),
            "status": str(e.get("STATUS", "")),
            "dtstart": e.decoded("DTSTART").isoformat() if e.get("DTSTART") else None,
            "dtend": e.decoded("DTEND").isoformat() if e.get("DTEND") else None,
            "organizer": str(e.get("ORGANIZER")) if e.get("ORGANIZER") is not None else None,
            "attendees": [],
        }
        attendees = e.get("ATTENDEE")
        if attendees is not None and not isinstance(attendees, list):
            attendees = [attendees]
        for a in attendees or []:
            ev["attendees"].append(
                {"address": str(a), "partstat": a.params.get("PARTSTAT"), "rsvp": a.params.get("RSVP")}
            )
        if not uid:
            problems.append("a VEVENT without UID")
        if e.get("DTSTAMP") is None:
            problems.append(f"{uid}: no DTSTAMP")
        for p in ("DTSTART", "DTEND", "DTSTAMP"):
            if e.get(p) is not None and not utc_or_zoned(e[p], zones):
                problems.append(f"{uid}: {p} neither in UTC nor with a VTIMEZONE")
        if e.get("DTSTART") and e.get("DTEND") and e.decoded("DTEND") <= e.decoded("DTSTART"):
            problems.append(f"{uid}: ends before it starts")
        v = v_events.get(uid)
        if v is None:
            problems.append(f"{uid}: vobject did not see this event")
        else:
            if v.dtstart.value != e.decoded("DTSTART"):
                problems.append(f"{uid}: parsers disagree on DTSTART")
            vseq = int(v.sequence.value) if hasattr(v, "sequence") else -1
            if vseq != ev["sequence"]:
                problems.append(f"{uid}: parsers disagree on SEQUENCE")
            vdesc = v.description.value if hasattr(v, "description") else ""
            if vdesc != ev["description"]:
                problems.append(f"{uid}: parsers disagree on DESCRIPTION")
        # RFC 5546: REQUEST and CANCEL need ORGANIZER and ATTENDEE; a plain
        # file or a PUBLISH has no ATTENDEE.
        if method in ("REQUEST", "CANCEL"):
            if not ev["organizer"] or not mailto(ev["organizer"]):
                problems.append(f"{uid}: {method} without a mailto: ORGANIZER")
            if not ev["attendees"] or not all(mailto(a["address"]) for a in ev["attendees"]):
                problems.append(f"{uid}: {method} without a mailto: ATTENDEE")
            if ev["sequence"] < 0:
                problems.append(f"{uid}: {method} without SEQUENCE")
        elif ev["attendees"]:
            problems.append(f"{uid}: ATTENDEE in a calendar that is no invitation")
        if method == "CANCEL" and ev["status"] != "CANCELLED":
            problems.append(f"{uid}: CANCEL whose STATUS is not CANCELLED")
        for text in (ev["summary"], ev["location"], ev["description"]):
            if any(ord(c) < 0x20 and c not in "\t\n" for c in text):
                problems.append(f"{uid}: control character in a text value")
        events.append(ev)
    if problems:
        fail(problems)
    return {"method": method, "events": events}


if __name__ == "__main__":
    with open(sys.argv[1], "rb") as f:
        print(json.dumps(check(f.read())))
