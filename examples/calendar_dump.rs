//! The built-in working-day calendar as JSON, for `tests/calendar_audit.py` (the cross-check with
//! the `holidays` dataset): `cargo run --package phc --example calendar_dump [FILE]` writes to FILE,
//! or to standard output without one.
//!
//! Per year: whether the table is official, every weekday that is a day off and every Saturday or
//! Sunday that is a working day (all other days follow from the week); and the disagreements
//! `rules/calendar.toml` explains (`audit_explained`).

use phc::rules::model::{read, CalendarFile, DayKind};
use phc::Rules;
use serde_json::{json, Value};
use std::path::Path;

fn main() {
    let cal = &Rules::built_in().calendar;
    let file: CalendarFile = read(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/calendar.toml"))).unwrap_or_else(|e| panic!("{e}"));
    let fmt = |d: &chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    let kind = |k: DayKind| if k.is_off() { "day_off" } else { "working" };
    let mut years = serde_json::Map::new();
    for year in cal.first_year()..=cal.last_year() {
        let (off, worked) = cal.exceptions(year).expect("inside the horizon");
        years.insert(
            year.to_string(),
            json!({
                "official": cal.is_official(year),
                "weekday_days_off": off.iter().map(fmt).collect::<Vec<_>>(),
                "working_weekend_days": worked.iter().map(fmt).collect::<Vec<_>>(),
            }),
        );
    }
    let explained: Vec<Value> = file
        .audit_explained
        .iter()
        .map(|a| json!({ "date": fmt(&a.date), "dataset": kind(a.dataset), "ours": kind(a.ours), "why": &*a.why }))
        .collect();
    let dump = json!({
        "checked_on": fmt(&cal.checked_on()),
        "years": years,
        "audit_explained": explained,
    });
    let text = serde_json::to_string_pretty(&dump).expect("JSON") + "\n";
    match std::env::args().nth(1) {
        Some(path) => std::fs::write(&path, text).unwrap_or_else(|e| panic!("cannot write {path}: {e}")),
        None => print!("{text}"),
    }
}
