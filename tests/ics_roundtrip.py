"""Parses the .ics files the app writes with an independent parser (Python's icalendar) and checks
the events: all-day dates, a UID and DTSTAMP each, a reminder each, the texts intact.
Run by `cargo xtask test` after the Rust tests wrote target/ics-samples/."""
import datetime
import pathlib
import sys

import icalendar

samples = sorted(pathlib.Path(sys.argv[1]).glob("*.ics"))
assert len(samples) >= 6, f"expected the samples, found {samples}"
checked = 0
for path in samples:
    raw = path.read_bytes()
    assert b"\n" not in raw.replace(b"\r\n", b""), f"{path.name}: bare LF"
    cal = icalendar.Calendar.from_ical(raw)
    assert cal["VERSION"] == "2.0"
    events = cal.walk("VEVENT")
    assert events, f"{path.name}: no event"
    uids = set()
    for ev in events:
        start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")
        assert type(start) is datetime.date and type(end) is datetime.date, f"{path.name}: not all-day"
        assert end - start == datetime.timedelta(days=1)
        assert ev["UID"] not in uids
        uids.add(str(ev["UID"]))
        assert isinstance(ev.decoded("DTSTAMP"), datetime.datetime)
        summary = str(ev["SUMMARY"])
        assert summary and "\\" not in summary, summary
        alarms = ev.walk("VALARM")
        assert len(alarms) == 1 and str(alarms[0]["ACTION"]) == "DISPLAY"
        checked += 1
complaint = icalendar.Calendar.from_ical((pathlib.Path(sys.argv[1]) / "complaint-en.ics").read_bytes())
summaries = {str(e["SUMMARY"]): e.decoded("DTSTART") for e in complaint.walk("VEVENT")}
assert summaries.get("Complain no later than 4 May 2026") == datetime.date(2026, 5, 4), summaries
print(f"{checked} passed, 0 failed")
