//! Calendar dates as the contract writes them (`YYYY-MM-DD`), read strictly, and month arithmetic.
//!
//! Month arithmetic is a stated decision (domain.md §10): a period of N months ends on the same day
//! number N months later; where that month is shorter, on its last day (31 Jan + 1 month = 28/29 Feb).

use chrono::{Datelike, NaiveDate};

const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
];

/// Reads `YYYY-MM-DD`, explaining what is wrong with an impossible date (31 Feb, year 0, month 13)
/// and what was expected. The caller names the field (a request's `InputError`, a rule file's line).
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let bad = |why: String| format!("{why}; expected a date as YYYY-MM-DD, got \"{}\"", clip(s));
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(bad("not a date".into()));
    }
    let (Some(year), Some(month), Some(day)) = (digits(&s[0..4]), digits(&s[5..7]), digits(&s[8..10])) else {
        return Err(bad("not a date".into()));
    };
    ymd(year as i32, month, day).map_err(|why| bad(why))
}

/// A date from its parts, or why it does not exist.
pub fn ymd(year: i32, month: u32, day: u32) -> Result<NaiveDate, String> {
    if year == 0 {
        return Err("year 0 does not exist".into());
    }
    if !(1..=12).contains(&month) {
        return Err(format!("there is no month {month}"));
    }
    let last = days_in_month(year, month);
    if day == 0 || day > last {
        return Err(format!("{} {year} has {last} days, so day {day} does not exist", MONTHS[month as usize - 1]));
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| format!("{year}-{month:02}-{day:02} is out of range"))
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(year) => 29,
        _ => 28,
    }
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// `date` plus `months` calendar months; on a shorter month, its last day.
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    let total = date.year() * 12 + date.month0() as i32 + months as i32;
    let (year, month) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
    let day = date.day().min(days_in_month(year, month));
    NaiveDate::from_ymd_opt(year, month, day).expect("day clamped to the month")
}

/// Reads a month-day of the rule files (`MM-DD`) in a given year.
pub fn month_day(md: &str, year: i32) -> Option<NaiveDate> {
    let (m, d) = md.split_once('-')?;
    NaiveDate::from_ymd_opt(year, digits(m)?, digits(d)?)
}

/// A number written in ASCII digits only, as the contract and the rule files write them (no sign, no
/// space); `None` for anything else, or beyond `u32`. Not `str::parse`: the engine and the rules
/// crate would each carry its own copy in the wasm.
pub(crate) fn digits(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    s.bytes().try_fold(0u32, |n, c| if c.is_ascii_digit() { n.checked_mul(10)?.checked_add((c - b'0') as u32) } else { None })
}

/// Keeps echoed input short: an error message must not repeat 10 MB of garbage.
pub fn clip(s: &str) -> String {
    const MAX: usize = 40;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let head: String = s.chars().take(MAX).collect();
        format!("{head}…")
    }
}

/// A date known to be valid, in a constant: the built-in rules, which `build.rs` writes.
pub const fn const_date(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(d) => d,
        None => panic!("build.rs writes only valid dates"),
    }
}

/// A time of day known to be valid, in a constant (see `const_date`).
pub const fn const_time(hour: u32, minute: u32, second: u32) -> chrono::NaiveTime {
    match chrono::NaiveTime::from_hms_opt(hour, minute, second) {
        Some(t) => t,
        None => panic!("build.rs writes only valid times"),
    }
}

/// The date as the contract writes it.
pub fn iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn impossible_dates_are_explained() {
        let e = parse_date("2026-02-31").unwrap_err();
        assert!(e.contains("February 2026 has 28 days"), "{e}");
        assert!(parse_date("0000-01-01").unwrap_err().contains("year 0"));
        assert!(parse_date("2026-13-01").unwrap_err().contains("no month 13"));
        assert!(parse_date("2026-1-01").is_err());
        assert!(parse_date("2026-01-01T00:00").is_err());
        assert!(parse_date("２０２６-01-01").is_err());
        assert_eq!(d("2024-02-29"), NaiveDate::from_ymd_opt(2024, 2, 29).unwrap());
        assert!(parse_date("2025-02-29").is_err());
    }

    #[test]
    fn months_end_on_the_same_day_or_the_last_day() {
        assert_eq!(add_months(d("2026-03-11"), 3), d("2026-06-11"));
        assert_eq!(add_months(d("2025-11-30"), 3), d("2026-02-28"));
        assert_eq!(add_months(d("2023-11-30"), 3), d("2024-02-29"));
        assert_eq!(add_months(d("2026-10-31"), 3), d("2027-01-31"));
        assert_eq!(add_months(d("2026-01-31"), 1), d("2026-02-28"));
    }

    #[test]
    fn long_input_is_clipped_in_messages() {
        let long = "9".repeat(10_000);
        let e = parse_date(&long).unwrap_err();
        assert!(e.len() < 200);
    }
}
