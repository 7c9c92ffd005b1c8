//! The working-day calendar: official tables, the holiday rules that must reproduce them, the edges
//! the issue names, and properties of the arithmetic.

use chrono::{Datelike, NaiveDate, Weekday};
use phc::calendar::Calendar;
use phc::rules::model::{AuditExplainedData, CalendarFile, DayKind, MonthDay};
use phc::Rules;
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn calendar() -> Calendar {
    Rules::built_in().calendar.clone()
}

/// `rules/calendar.toml`, read natively into its typed model (as `build.rs` reads it).
fn calendar_file() -> CalendarFile {
    static FILE: std::sync::OnceLock<CalendarFile> = std::sync::OnceLock::new();
    FILE.get_or_init(|| phc::rules::model::read(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/calendar.toml"))).unwrap()).clone()
}

const fn md(month: u32, day: u32) -> MonthDay {
    MonthDay { month, day }
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
    // 9 May (Sat) -> 11 May, Kurban Ait 27 May, 6 Jul, 25 Oct (Sun) -> 26 Oct, 16 Dec. No Constitution
    // Day: 30 August stopped being one on 1 July 2026 and 15 March is first kept in 2027, so Monday
    // 31 August (a moved day off in the table published in January) is a working day.
    "2026-01-01", "2026-01-02", "2026-01-07", "2026-03-09", "2026-03-23", "2026-03-24", "2026-03-25",
    "2026-05-01", "2026-05-07", "2026-05-11", "2026-05-27", "2026-07-06", "2026-10-26", "2026-12-16",
];

#[test]
fn official_days_off_2024_2026_are_off_and_nothing_else_on_a_weekday() {
    let cal = calendar();
    for year in 2024..=2026 {
        assert!(cal.is_official(year));
        let (off, _) = cal.exceptions(year).unwrap();
        let want: Vec<NaiveDate> = DOMAIN_DAYS_OFF.iter().map(|s| d(s)).filter(|x| x.year() == year).collect();
        assert_eq!(off, want, "weekday days off of {year}");
    }
}

/// Constitution Day moved by the Constitution of 15 March 2026 (in force 1 July 2026): 30 August up
/// to 2025, none in 2026, 15 March from 2027 (domain.md §7).
#[test]
fn constitution_day_moves_from_30_august_to_15_march() {
    let cal = calendar();
    // 2025: 30 August a Saturday -> Monday 1 September off, under the old rule.
    assert!(cal.is_day_off(d("2025-09-01")).unwrap());
    // 2026: Sunday 30 August is an ordinary Sunday; Friday 28 and Monday 31 August are working days,
    // so a request on Friday after hours is answered on Monday 31 August.
    assert!(cal.is_working_day(d("2026-08-28")).unwrap());
    assert!(cal.is_working_day(d("2026-08-31")).unwrap(), "31 Aug 2026 is a working day (corrected)");
    assert_eq!(cal.next_working_day_after(d("2026-08-28")).unwrap(), d("2026-08-31"));
    // 15 March 2026 (a Sunday, before the Constitution was in force) gave no day off.
    assert!(cal.is_working_day(d("2026-03-16")).unwrap());
    // 2027: Monday 15 March is off; Monday 30 August works.
    assert_eq!(d("2027-03-15").weekday(), Weekday::Mon);
    assert!(cal.is_day_off(d("2027-03-15")).unwrap());
    assert!(cal.is_working_day(d("2027-08-30")).unwrap());
    assert_eq!(cal.next_working_day_after(d("2027-03-12")).unwrap(), d("2027-03-16"));
    // 2031: 15 March a Saturday -> Monday 17 March off; Tuesday 18 works.
    assert_eq!(d("2031-03-15").weekday(), Weekday::Sat);
    assert!(cal.is_day_off(d("2031-03-17")).unwrap());
    assert!(cal.is_working_day(d("2031-03-18")).unwrap());
    for year in 2027..=2036 {
        assert!(cal.is_working_day(d(&format!("{year}-08-30"))).unwrap() || matches!(d(&format!("{year}-08-30")).weekday(), Weekday::Sat | Weekday::Sun));
    }
}

/// The 2026 table says why it differs from the calendar published in January.
#[test]
fn the_2026_correction_is_data() {
    let file = calendar_file();
    let y2026 = file.official_year.iter().find(|o| o.year == 2026).unwrap();
    assert!(!y2026.weekday_days_off.iter().any(|x| *x == d("2026-08-31")));
    let c = y2026.corrections.iter().find(|c| c.date == d("2026-08-31")).expect("a correction for 31 Aug 2026");
    assert_eq!((c.was, c.now), (DayKind::DayOff, DayKind::Working));
    assert!(c.sources.iter().any(|s| s == "constitution-2026:art94"), "the Constitution is cited: {:?}", c.sources);
}

#[test]
fn the_calendar_says_when_it_was_checked() {
    assert_eq!(calendar().checked_on(), d("2026-12-01"));
}

/// Every holiday is dated and sourced; a holiday counts only on days inside its validity.
#[test]
fn holidays_are_dated_data() {
    let file = calendar_file();
    for h in file.holiday.iter() {
        assert!(!h.sources.is_empty(), "holiday {} names no source", h.name);
    }
    // A holiday valid from a day counts from that day: moving the 2026 Constitution Day's start to
    // 1 March 2026 makes Sunday 15 March 2026 one, hence Monday 16 March off.
    let mut early = file.clone();
    let h = early.holiday.to_mut().iter_mut().find(|h| h.name == "constitution_day" && h.days.contains(&md(3, 15))).unwrap();
    h.valid_from = Some(d("2026-03-01"));
    assert!(Calendar::computed_only(&early, 2026).unwrap().is_day_off(d("2026-03-16")).unwrap());
    assert!(Calendar::computed_only(&file, 2026).unwrap().is_working_day(d("2026-03-16")).unwrap());
    // The old rule without its end would keep 30 August: Monday 31 August 2026 off.
    let mut old = file.clone();
    for h in old.holiday.to_mut().iter_mut().filter(|h| h.name == "constitution_day") {
        if h.days.contains(&md(8, 30)) {
            h.valid_until = None;
        }
    }
    assert!(Calendar::computed_only(&old, 2026).unwrap().is_day_off(d("2026-08-31")).unwrap());
}

/// What the loader refuses in `rules/calendar.toml`, each with the value that is wrong.
#[test]
fn the_calendar_file_is_checked() {
    let file = calendar_file();
    let refused = |f: &CalendarFile, want: &str| {
        let e = Calendar::from_data(f).expect_err(want);
        assert!(e.contains(want), "{e:?} does not mention {want:?}");
    };
    let mut f = file.clone();
    let h = f.holiday.to_mut().iter_mut().find(|h| h.name == "republic_day").unwrap();
    h.valid_until = Some(d("2020-01-01"));
    refused(&f, "valid_from 2022-09-29 is after valid_until 2020-01-01");

    let mut f = file.clone();
    f.holiday.to_mut()[0].sources = Vec::new().into();
    refused(&f, "no sources");

    let mut f = file.clone();
    f.kurban_ait.to_mut()[0].sources = Vec::new().into();
    refused(&f, "official but names no source");

    // A correction the table does not hold.
    let mut f = file.clone();
    let y = f.official_year.to_mut().iter_mut().find(|o| o.year == 2026).unwrap();
    y.weekday_days_off.to_mut().push(d("2026-08-31"));
    refused(&f, "the table does not give working");

    // An explanation of a disagreement must state what our calendar says.
    let mut f = file.clone();
    f.audit_explained = vec![AuditExplainedData {
        date: d("2026-08-31"),
        dataset: DayKind::Working,
        ours: DayKind::DayOff,
        why: "test".into(),
    }]
    .into();
    refused(&f, "but the calendar has a working day");

    // The fields of the former model are unknown now: a stale file fails to load, never half-read.
    let text = std::fs::read_to_string("rules/calendar.toml").unwrap();
    let stale = text.replacen("name = \"new_year\"", "name = \"new_year\"\nfrom_year = 2015", 1);
    let e = toml::from_str::<CalendarFile>(&stale).unwrap_err().to_string();
    assert!(e.contains("from_year"), "{e}");
    toml::from_str::<CalendarFile>(&text).unwrap();
}

#[test]
fn working_weekends_by_act() {
    let cal = calendar();
    assert!(cal.is_working_day(d("2025-01-05")).unwrap(), "Sunday 5 Jan 2025 was worked");
    assert!(cal.is_working_day(d("2024-05-04")).unwrap(), "Saturday 4 May 2024 was worked");
    assert!(cal.is_working_day(d("2023-07-01")).unwrap(), "Saturday 1 Jul 2023 was worked");
    assert!(cal.is_day_off(d("2024-05-08")).unwrap());
    assert!(cal.is_day_off(d("2023-07-07")).unwrap());
    assert_eq!(cal.exceptions(2026).unwrap().1, Vec::<NaiveDate>::new(), "no transfers in 2026");
    // 2016-2022, from the decrees the `holidays` dataset cites: 2018 had five working Saturdays;
    // in 2020 the day off of Victory Day (Saturday 9 May, moved by law to Monday 11 May) was moved
    // again to Friday 8 May, and Monday 11 May was worked.
    assert_eq!(cal.exceptions(2018).unwrap().1.len(), 5);
    assert!(cal.is_day_off(d("2020-05-08")).unwrap());
    assert!(cal.is_working_day(d("2020-05-11")).unwrap());
    assert!(cal.is_working_day(d("2022-10-22")).unwrap());
    assert!(cal.is_day_off(d("2022-10-24")).unwrap());
}

/// Which years are official: 2016-2026 (decrees and published calendars); 2015 and 2027 on are
/// computed, hence provisional.
#[test]
fn official_years() {
    let cal = calendar();
    let official: Vec<i32> = (cal.first_year()..=cal.last_year()).filter(|y| cal.is_official(*y)).collect();
    assert_eq!(official, (2016..=2026).collect::<Vec<_>>());
}

#[test]
fn days_that_never_move() {
    let cal = calendar();
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
    let official = calendar();
    for o in file.official_year.iter() {
        let computed = Calendar::computed_only(&file, o.year).unwrap();
        assert_eq!(computed.exceptions(o.year).unwrap(), official.exceptions(o.year).unwrap(), "rules vs official table {}", o.year);
    }
}

#[test]
fn computed_years_follow_the_rules_and_are_provisional() {
    let cal = calendar();
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
    let cal = calendar();
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
            let worked = calendar_file().official_year.iter().any(|o| o.working_weekend_days.contains(&day));
            prop_assert_eq!(cal.is_day_off(day).unwrap(), !worked);
        }
    }

    /// A holiday in force on a weekday is a day off, whatever the year; outside its validity it
    /// gives nothing (checked on the computed calendar, so official tables cannot hide a rule).
    #[test]
    fn a_holiday_counts_exactly_inside_its_validity(year in 2015i32..=2036) {
        let file = calendar_file();
        let cal = Calendar::computed_only(&file, year).unwrap();
        for h in file.holiday.iter() {
            for md in h.days.iter() {
                let day = md.in_year(year).unwrap();
                let from_ok = h.valid_from.map_or(true, |f| day >= f);
                let until_ok = h.valid_until.map_or(true, |u| day <= u);
                if from_ok && until_ok {
                    prop_assert!(cal.is_day_off(day).unwrap(), "{} on {day}", h.name);
                }
            }
        }
        // 30 August after 2025 and 15 March before 2027 are days off only as weekends.
        for md in ["08-30", "03-15"] {
            let day = d(&format!("{year}-{md}"));
            let in_force = if md == "08-30" { year <= 2025 } else { year >= 2027 };
            if !in_force && !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
                prop_assert!(cal.is_working_day(day).unwrap() || file.kurban_ait.iter().any(|k| k.date == day), "{day}");
            }
        }
    }
}

fn rules_cached() -> &'static Calendar {
    static CAL: std::sync::OnceLock<Calendar> = std::sync::OnceLock::new();
    CAL.get_or_init(|| calendar())
}
