//! Kazakhstan local time from an RFC 3339 instant.
//!
//! The browser's time zone is never consulted: old time-zone data still puts Asia/Almaty at UTC+6.
//! An instant with an offset is converted to UTC and then to Kazakhstan time by the dated offsets of
//! `rules/services.toml` (UTC+6 before 00:00 on 1 March 2024, UTC+5 since). An instant without an
//! offset is already Kazakhstan local time.

use crate::dates::{clip, ymd};
use crate::codes::{ErrorKind, Field};
use crate::error::InputError;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

/// A moment in Kazakhstan local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct KzMoment {
    pub local: NaiveDateTime,
    /// The offset applied, in minutes east of UTC.
    pub utc_offset_minutes: i32,
}

impl KzMoment {
    pub fn date(&self) -> NaiveDate {
        self.local.date()
    }
}

/// One dated UTC offset: applies to instants at or after `from_utc` (UTC, naive).
#[derive(Debug, Clone)]
pub struct ZoneRule {
    pub from_utc: Option<NaiveDateTime>,
    pub offset_minutes: i32,
}

/// The offset in force at a UTC instant: the last rule that has started.
pub fn offset_at(rules: &[ZoneRule], utc: NaiveDateTime) -> i32 {
    rules
        .iter()
        .filter(|r| r.from_utc.map_or(true, |f| utc >= f))
        .last()
        .map_or(300, |r| r.offset_minutes)
}

/// Reads `YYYY-MM-DDTHH:MM[:SS[.fraction]][Z|±HH:MM]` (a space or `t` may stand for `T`).
pub fn parse_moment(s: &str, field: Field, zones: &[ZoneRule]) -> Result<KzMoment, InputError> {
    let expected = "expected a moment as RFC 3339, e.g. 2026-03-10T15:30:00+05:00 (without an offset: Kazakhstan time)";
    let bad = |why: &str| InputError::new(field, ErrorKind::BadDate, format!("{why}; {expected}, got \"{}\"", clip(s)));
    if !s.is_ascii() {
        return Err(bad("not a date and time"));
    }
    let b = s.as_bytes();
    if b.len() < 16 || !matches!(b[10], b'T' | b't' | b' ') {
        return Err(bad(if b.len() == 10 { "a date without a time" } else { "not a date and time" }));
    }
    let date = crate::dates::parse_date(&s[..10]).map_err(|e| InputError::new(field, ErrorKind::BadDate, e))?;
    let two = |i: usize| -> Option<u32> { crate::dates::digits(s.get(i..i + 2)?) };
    let (Some(hour), Some(minute)) = (two(11), two(14)) else { return Err(bad("not a time")) };
    if b[13] != b':' {
        return Err(bad("not a time"));
    }
    let mut i = 16;
    let mut second = 0;
    if b.get(i) == Some(&b':') {
        second = two(i + 1).ok_or_else(|| bad("not a time"))?;
        i += 3;
        if b.get(i) == Some(&b'.') {
            let digits = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if digits == 0 {
                return Err(bad("a fraction of a second without digits"));
            }
            i += 1 + digits;
        }
    }
    if hour > 23 || minute > 59 || second > 60 {
        return Err(bad(&format!("{hour:02}:{minute:02}:{second:02} is not a time of day")));
    }
    // A leap second is read as the last second of the minute.
    let time = NaiveTime::from_hms_opt(hour, minute, second.min(59)).expect("checked above");
    let written = NaiveDateTime::new(date, time);
    let offset = match &s[i..] {
        "" => None,
        "Z" | "z" => Some(0),
        rest => {
            let rb = rest.as_bytes();
            let sign = match rb[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return Err(bad("unexpected text after the time")),
            };
            let (Some(oh), Some(om)) = (two(i + 1), two(i + 4)) else { return Err(bad("not a UTC offset")) };
            if rb.len() != 6 || rb[3] != b':' || oh > 23 || om > 59 {
                return Err(bad("not a UTC offset"));
            }
            Some(sign * (oh as i32 * 60 + om as i32))
        }
    };
    match offset {
        None => {
            // Already Kazakhstan time; the offset recorded is the one in force then.
            let guess = written - TimeDelta::minutes(offset_at(zones, written) as i64);
            Ok(KzMoment { local: written, utc_offset_minutes: offset_at(zones, guess) })
        }
        Some(off) => {
            let utc = written - TimeDelta::minutes(off as i64);
            let kz = offset_at(zones, utc);
            Ok(KzMoment { local: utc + TimeDelta::minutes(kz as i64), utc_offset_minutes: kz })
        }
    }
}

/// A Kazakhstan moment from the current UTC time, for callers that have a clock (the app, the CLI's
/// callers never: the engine itself never reads the clock).
pub fn from_unix_millis(millis: i64, zones: &[ZoneRule]) -> Option<KzMoment> {
    let epoch = ymd(1970, 1, 1).ok()?.and_hms_opt(0, 0, 0)?;
    let utc = epoch.checked_add_signed(TimeDelta::try_milliseconds(millis)?)?;
    let kz = offset_at(zones, utc);
    Some(KzMoment { local: utc + TimeDelta::minutes(kz as i64), utc_offset_minutes: kz })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zones() -> Vec<ZoneRule> {
        vec![
            ZoneRule { from_utc: None, offset_minutes: 360 },
            ZoneRule {
                from_utc: Some(ymd(2024, 2, 29).unwrap().and_hms_opt(18, 0, 0).unwrap()),
                offset_minutes: 300,
            },
        ]
    }

    fn local(s: &str) -> String {
        parse_moment(s, Field::At, &zones()).unwrap().local.to_string()
    }

    #[test]
    fn converts_to_kazakhstan_time_by_date() {
        assert_eq!(local("2026-03-10T15:30:00+05:00"), "2026-03-10 15:30:00");
        assert_eq!(local("2026-03-10T12:59:00Z"), "2026-03-10 17:59:00");
        assert_eq!(local("2026-03-10T13:00:00Z"), "2026-03-10 18:00:00");
        // Before 1 March 2024: UTC+6.
        assert_eq!(local("2024-02-29T11:59:00Z"), "2024-02-29 17:59:00");
        assert_eq!(local("2024-02-29T12:00:00Z"), "2024-02-29 18:00:00");
        // The change itself: 17:59 UTC is 23:59 on 29 Feb; 18:00 UTC is 23:00 on 29 Feb (+05).
        assert_eq!(local("2024-02-29T17:59:00Z"), "2024-02-29 23:59:00");
        assert_eq!(local("2024-02-29T18:00:00Z"), "2024-02-29 23:00:00");
        assert_eq!(local("2024-02-29T19:00:00Z"), "2024-03-01 00:00:00");
        // A browser in another zone.
        assert_eq!(local("2026-11-01T23:30:00-05:00"), "2026-11-02 09:30:00");
        assert_eq!(local("2026-03-10T15:30"), "2026-03-10 15:30:00");
        assert_eq!(local("2026-03-10 15:30:59.123456+05:00"), "2026-03-10 15:30:59");
    }

    #[test]
    fn rejects_what_is_not_a_moment() {
        for bad in ["2026-03-10", "2026-03-10T25:00:00Z", "2026-02-30T10:00:00Z", "2026-03-10T10:00:00+5",
            "2026-03-10T10:00:00 UTC", "", "now", "2026-03-10T10:60Z", "2026-03-10T10:00:00.Z"] {
            let e = parse_moment(bad, Field::At, &zones()).unwrap_err();
            assert_eq!((e.field, e.kind), (Field::At, ErrorKind::BadDate));
            assert!(e.message.contains("expected") || e.message.contains("days"), "{bad}: {}", e.message);
        }
    }
}
