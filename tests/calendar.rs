//! The working-day calendar: official tables, the holiday rules that must reproduce them, the edges
//! the issue names, and properties of the arithmetic.

use chrono::{Datelike, NaiveDate, Weekday};
use phc::calendar::Calendar;
use phc::rules::model::CalendarFile;
use phc::Rules;
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn rules() -> Rules {
    Rules::embedded().unwrap()
}

fn calendar_file() -> CalendarFile {
    phc::rules::embedded_data().1
}

/// Every weekday day off of 2024–2026 as `../shared/domain.md` §7 lists them (written out here, not
/// read from the rule files, so the two are checked against each other).
const DOMAIN_DAYS_OFF: &[&str] = &[
    // 2024: 1-2 Jan, 8 Mar, Nauryz 21-22 + 23 (Sat) moved to Mon 25, 1, 7 May, 8 May (transfer from
    // Sat 4 May), 9 May, 6 Jul (Sat) moved to 8 Jul, 30 Aug, 25 Oct, 16 Dec. Kurban Ait 16 Jun: Sunday.
    "2024-01-01", "2024-01-02", "2024-03-08", "2024-03-21", "2024-03-22", "2024-03-25", "2024-05-01",
    "2024-05-07", "2024-05-08", "2024-05-09", "2024-07-08", "2024-08-30", "2024-10-25", "2024-12-16",
    // 2025: 1-2 Jan, 3 Jan (transfer from Sun 5 Jan), 7 Jan, 8 Mar (Sat) -> 10 Mar, 21 Mar, 22-23 (Sat,
    // Sun) -> 24-25, 1, 7, 9 May, Kurban Ait 6 Jun, 6 Jul (Sun) -> 7 Jul, 30 Aug (Sat) -> 1 Sep,
    // 25 Oct (Sat) -> 27 Oct, 16 Dec.
    "2025-01-01", "2025-01-02", "2025-01-03", "2025-01-07", "2025-03-10", "2025-03-21", "2025-03-24",
    "2025-03-25", "2025-05-01", "2025-05-07", "2025-05-09", "2025-06-06", "2025-07-07", "2025-09-01",
    "2025-10-27", "2025-12-16",
    // 2026: 1-2 Jan, 7 Jan, 8 Mar (Sun) -> 9 Mar, 21-22 Mar (Sat, Sun) -> 24-25, 23 Mar, 1, 7 May,
    // 9 May (Sat) -> 11 May, Kurban Ait 27 May, 6 Jul, 30 Aug (Sun) -> 31 Aug, 25 Oct (Sun) -> 26 Oct,
    // 16 Dec.
    "2026-01-01", "2026-01-02", "2026-01-07", "2026-03-09", "2026-03-23", "2026-03-24", "2026-03-25",
    "2026-05-01", "2026-05-07", "2026-05-11", "2026-05-27", "2026-07-06", "2026-08-31", "2026-10-26",
    "2026-12-16",
];

#[test]
fn official_days_off_2024_2026_are_off_and_nothing_else_on_a_weekday() {
    let cal = rules().calendar;
    for year in 2024..=2026 {
        assert!(cal.is_official(year));
        let (off, _) = cal.exceptions(year).unwrap();
        let want: Vec<NaiveDate> = DOMAIN_DAYS_OFF.iter().map(|s| d(s)).filter(|x| x.year() == year).collect();
        assert_eq!(off, want, "weekday days off of {year}");
    }
}

#[test]
fn working_weekends_by_act() {
    let cal = rules().calendar;
    assert!(cal.is_working_day(d("2025-01-05")).unwrap(), "Sunday 5 Jan 2025 was worked");
    assert!(cal.is_working_day(d("2024-05-04")).unwrap(), "Saturday 4 May 2024 was worked");
    assert!(cal.is_working_day(d("2023-07-01")).unwrap(), "Saturday 1 Jul 2023 was worked");
    assert!(cal.is_day_off(d("2024-05-08")).unwrap());
    assert!(cal.is_day_off(d("2023-07-07")).unwrap());
    assert_eq!(cal.exceptions(2026).unwrap().1, Vec::<NaiveDate>::new(), "no transfers in 2026");
}

#[test]
fn days_that_never_move() {
    let cal = rules().calendar;
    // Kurban Ait on Sunday 16 June 2024: Monday 17 June is a working day.
    assert!(cal.is_working_day(d("2024-06-17")).unwrap());
    // 7 January on a Saturday (2023) and a Sunday (2024): the Monday after is a working day.
    assert!(cal.is_working_day(d("2023-01-09")).unwrap());
    assert!(cal.is_working_day(d("2024-01-08")).unwrap());
    // Nauryz 2026: 21-22 March (Sat-Sun) move to 24-25 March; 26 March is a working day.
    assert!(cal.is_day_off(d("2026-03-24")).unwrap());
    assert!(cal.is_day_off(d("2026-03-25")).unwrap());
    assert!(cal.is_working_day(d("2026-03-26")).unwrap());
}

#[test]
fn holiday_rules_reproduce_every_official_table() {
    let file = calendar_file();
    let official = rules().calendar;
    for o in file.official_year.iter() {
        let computed = Calendar::computed_only(&file, o.year).unwrap();
        assert_eq!(computed.exceptions(o.year).unwrap(), official.exceptions(o.year).unwrap(), "rules vs official table {}", o.year);
    }
}

#[test]
fn computed_years_follow_the_rules_and_are_provisional() {
    let cal = rules().calendar;
    assert!(!cal.is_official(2027));
    // 2027: 1 May on a Saturday -> Monday 3 May off; 9 May on a Sunday -> Monday 10 May off.
    assert!(cal.is_day_off(d("2027-05-03")).unwrap());
    assert!(cal.is_day_off(d("2027-05-10")).unwrap());
    // 2 January 2027 is a Saturday -> Monday 4 January off; 7 January (Thursday) off.
    assert!(cal.is_day_off(d("2027-01-04")).unwrap());
    assert!(cal.is_day_off(d("2027-01-07")).unwrap());
    // Before 2022: 1 December (First President Day) and 16-17 December.
    assert!(cal.is_day_off(d("2020-12-01")).unwrap());
    assert!(cal.is_day_off(d("2020-12-17")).unwrap());
    assert!(cal.is_working_day(d("2020-10-26")).unwrap(), "25 Oct became a holiday only in 2022");
    assert!(cal.is_day_off(d("2035-12-17")).unwrap(), "16 Dec 2035 is a Sunday -> Monday 17 off");
    assert!(cal.is_day_off(d("2036-12-16")).is_ok());
    assert!(cal.is_day_off(d("2037-01-01")).is_err(), "beyond the horizon: refused, not extrapolated");
    assert!(cal.is_day_off(d("2014-12-31")).is_err());
}

#[test]
fn working_day_arithmetic_at_the_edges() {
    let cal = rules().calendar;
    // Friday -> Monday.
    assert_eq!(cal.next_working_day_after(d("2026-03-06")).unwrap(), d("2026-03-10"), "Mon 9 Mar 2026 is off (8 Mar moved)");
    assert_eq!(cal.next_working_day_after(d("2026-03-20")).unwrap(), d("2026-03-26"));
    assert_eq!(cal.next_working_day_after(d("2025-01-04")).unwrap(), d("2025-01-05"));
    assert_eq!(cal.next_working_day_after(d("2024-05-03")).unwrap(), d("2024-05-04"));
    assert_eq!(cal.next_working_day_after(d("2024-05-07")).unwrap(), d("2024-05-10"));
    assert_eq!(cal.next_working_day_after(d("2024-02-29")).unwrap(), d("2024-03-01"));
    assert_eq!(cal.add_working_days(d("2026-03-10"), 20).unwrap(), d("2026-04-10"));
    assert_eq!(cal.add_working_days(d("2026-03-10"), 0).unwrap(), d("2026-03-10"));
}

/// The longest run of days off (New Year with a weekend, 7 January…) is far below this.
const MAX_GAP_DAYS: i64 = 10;

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (0i64..(365 * 20)).prop_map(|n| d("2015-01-01") + chrono::TimeDelta::days(n))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn a_due_date_is_a_working_day_after_the_submission_within_a_bound(day in any_date()) {
        let cal = rules_cached();
        let due = cal.next_working_day_after(day).unwrap();
        prop_assert!(cal.is_working_day(due).unwrap());
        prop_assert!(due > day);
        prop_assert!((due - day).num_days() <= MAX_GAP_DAYS);
        // Nothing between the day and its due date is a working day.
        let mut x = day.succ_opt().unwrap();
        while x < due {
            prop_assert!(cal.is_day_off(x).unwrap());
            x = x.succ_opt().unwrap();
        }
    }

    #[test]
    fn adding_working_days_is_monotonic(day in any_date(), n in 0u32..60, m in 0u32..60) {
        let cal = rules_cached();
        let (lo, hi) = (n.min(m), n.max(m));
        let a = cal.add_working_days(day, lo).unwrap();
        let b = cal.add_working_days(day, hi).unwrap();
        prop_assert!(a <= b);
        if hi > lo { prop_assert!(a < b); }
        // Composition: n then m equals n + m.
        let c = cal.add_working_days(cal.add_working_days(day, n).unwrap(), m).unwrap();
        prop_assert_eq!(c, cal.add_working_days(day, n + m).unwrap());
        // A later start never gives an earlier end.
        let next = day.succ_opt().unwrap();
        prop_assert!(cal.add_working_days(next, n).unwrap() >= cal.add_working_days(day, n).unwrap());
    }

    #[test]
    fn weekends_are_off_unless_worked_by_act(day in any_date()) {
        let cal = rules_cached();
        if matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            let worked = ["2023-07-01", "2024-05-04", "2025-01-05"].contains(&day.format("%Y-%m-%d").to_string().as_str());
            prop_assert_eq!(cal.is_day_off(day).unwrap(), !worked);
        }
    }
}

fn rules_cached() -> &'static Calendar {
    static CAL: std::sync::OnceLock<Calendar> = std::sync::OnceLock::new();
    CAL.get_or_init(|| rules().calendar)
}
