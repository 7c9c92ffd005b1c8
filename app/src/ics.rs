//! The result's dates as an iCalendar file (RFC 5545): all-day events (`VALUE=DATE`), each with a UID
//! and DTSTAMP, text escaped, lines folded at 75 octets and ended by CRLF, and a reminder before each
//! deadline. Written by hand: the format needed here is small, and a calendar crate would add parsing
//! and time-zone code to the wasm for nothing (see ARCHITECTURE.md, dependencies).

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use phc::decision::{DateText, Decision};

/// Dates whose day is a deadline: remind the day before. The others are "from" dates: remind on the day.
const DEADLINES: &[&str] = &["decision_due", "complaint_deadline", "campaign_submit_by", "campaign_closes", "attachment_ends"];
/// Dates worth a calendar entry (acceptance is the day the citizen acts; it needs no reminder).
const KEYS: &[&str] = &[
    "eligible_from", "decision_due", "care_starts", "next_free_change", "attachment_ends", "complaint_deadline",
    "complaint_decision_due", "campaign_opens", "campaign_submit_by", "campaign_closes",
];

/// `YYYYMMDD` (RFC 5545 DATE).
fn ymd(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// TEXT escaping (RFC 5545 §3.3.11).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets without splitting a UTF-8 character; CRLF after each part.
pub fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

/// FNV-1a, 64 bits: a short, stable digest (not a secret).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ *b as u64).wrapping_mul(0x0000_0100_0000_01b3))
}

/// The calendar for an annotated decision (`phc::i18n::annotate` first). `stamp` is now, in UTC.
pub fn calendar(decision: &Decision<'_>, stamp: NaiveDateTime) -> String {
    let text = decision.text.as_ref().expect("an annotated decision");
    let description = {
        let mut d = vec![text.verdict.clone()];
        if let Some(p) = &text.provisional {
            d.push(p.clone());
        }
        if let Some(e) = &decision.edition.text {
            d.push(e.clone());
        }
        d.join("\n")
    };
    let stamp = format!("{}T{:02}{:02}{:02}Z", ymd(stamp.date()), stamp.hour(), stamp.minute(), stamp.second());
    // A UID must be globally unique (RFC 5545 §3.8.4.7): a parent who adds the files of two children
    // must get both sets of reminders, not one set replacing the other. The token names this check
    // (its moment and everything it says), so importing the same file twice still updates in place.
    let token = {
        let mut all = [stamp.as_str(), "\n", &description].concat();
        for d in &text.dates {
            let day = d.date.map(|x| ymd(x.0)).unwrap_or_default();
            all.extend(["\n", d.key, ":", &day, ":", &d.text]);
        }
        format!("{:016x}", fnv1a(all.as_bytes()))
    };
    let mut out = String::new();
    let mut line = |parts: &[&str]| fold(&parts.concat(), &mut out);
    line(&["BEGIN:VCALENDAR"]);
    line(&["VERSION:2.0"]);
    line(&["PRODID:-//PHC checker//phc-app//EN"]);
    line(&["CALSCALE:GREGORIAN"]);
    line(&["METHOD:PUBLISH"]);
    for DateText { key, date, text: summary } in text.dates.iter().filter(|d| KEYS.contains(&d.key)) {
        let Some(day) = date else { continue };
        let day = day.0;
        let next = day.succ_opt().expect("inside the calendar's years");
        let (summary, description) = (escape(summary), escape(&description));
        line(&["BEGIN:VEVENT"]);
        line(&["UID:", decision.service.as_str(), "-", &key.replace('_', "-"), "-", &ymd(day), "-", &token, "@phc-checker"]);
        line(&["DTSTAMP:", &stamp]);
        line(&["DTSTART;VALUE=DATE:", &ymd(day)]);
        line(&["DTEND;VALUE=DATE:", &ymd(next)]);
        line(&["SUMMARY:", &summary]);
        line(&["DESCRIPTION:", &description]);
        line(&["TRANSP:TRANSPARENT"]);
        line(&["BEGIN:VALARM"]);
        line(&["ACTION:DISPLAY"]);
        // All-day events start at midnight: the day before at 09:00 is -PT15H; on the day at 09:00, PT9H.
        line(&["TRIGGER:", if DEADLINES.contains(key) { "-PT15H" } else { "PT9H" }]);
        line(&["DESCRIPTION:", &summary]);
        line(&["END:VALARM"]);
        line(&["END:VEVENT"]);
    }
    line(&["END:VCALENDAR"]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use phc::{Lang, Rules};

    fn annotated<'r>(rules: &'r Rules, request: &str, lang: Lang) -> Decision<'r> {
        let req = phc::parse_request(request, None, &rules.zones).unwrap();
        let mut d = phc::decide(&req, rules).unwrap();
        phc::i18n::annotate(&mut d, lang);
        d
    }

    fn stamp() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 3, 10).unwrap().and_hms_opt(5, 0, 0).unwrap()
    }

    const CAMPAIGN: &str = r#"{"service":"attachment","at":"2026-08-20T10:00:00+05:00","person":{"residency":"citizen","consents_to_data_access":true},"reason":"campaign","target_unit":"same"}"#;
    const COMPLAINT: &str = r#"{"service":"complaint","at":"2026-03-10T10:00:00+05:00","refusal_received_on":"2026-02-02"}"#;

    #[test]
    fn follows_the_rfc_rules() {
        let rules = Rules::embedded().unwrap();
        for lang in [Lang::Kk, Lang::Ru, Lang::En] {
            for req in [CAMPAIGN, COMPLAINT] {
                let ics = calendar(&annotated(&rules, req, lang), stamp());
                assert!(ics.ends_with("END:VCALENDAR\r\n"));
                assert!(!ics.replace("\r\n", "").contains('\n'), "every line ends with CRLF");
                for l in ics.split("\r\n") {
                    assert!(l.len() <= 75, "{} octets: {l}", l.len());
                }
                let unfolded = ics.replace("\r\n ", "");
                assert_eq!(unfolded.matches("BEGIN:VEVENT").count(), unfolded.matches("END:VEVENT").count());
                assert_eq!(unfolded.matches("BEGIN:VEVENT").count(), unfolded.matches("UID:").count());
                assert_eq!(unfolded.matches("BEGIN:VEVENT").count(), unfolded.matches("BEGIN:VALARM").count());
                assert!(unfolded.contains("DTSTAMP:20260310T050000Z"));
            }
        }
        let ics = calendar(&annotated(&rules, COMPLAINT, Lang::En), stamp()).replace("\r\n ", "");
        assert!(ics.contains("DTSTART;VALUE=DATE:20260504\r\nDTEND;VALUE=DATE:20260505\r\n"), "deadline 4 May 2026: {ics}");
        assert!(ics.contains("SUMMARY:Complain no later than 4 May 2026"));
        assert!(ics.contains("TRIGGER:-PT15H"));
        let ics = calendar(&annotated(&rules, CAMPAIGN, Lang::En), stamp()).replace("\r\n ", "");
        assert!(ics.contains("UID:attachment-campaign-opens-20260901-"), "{ics}");
        for uid in uids(&ics) {
            let token = uid.strip_suffix("@phc-checker").and_then(|u| u.rsplit('-').next()).unwrap();
            assert!(token.len() == 16 && token.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()), "{uid}");
        }
        assert!(ics.contains("DTSTART;VALUE=DATE:20270101"), "care starts 1 January 2027");
    }

    fn uids(ics: &str) -> Vec<String> {
        ics.replace("\r\n ", "").lines().filter_map(|l| l.strip_prefix("UID:")).map(str::to_string).collect()
    }

    /// UIDs are unique inside a file and across checks (two children's files both stay in a
    /// calendar), and stable for the same check (importing a file twice updates, not duplicates).
    #[test]
    fn uids_are_unique_across_checks_and_stable_for_one() {
        let rules = Rules::embedded().unwrap();
        let a = uids(&calendar(&annotated(&rules, CAMPAIGN, Lang::En), stamp()));
        let mut sorted = a.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), a.len(), "unique inside a file: {a:?}");
        assert_eq!(a, uids(&calendar(&annotated(&rules, CAMPAIGN, Lang::En), stamp())), "the same check, the same UIDs");
        let later = stamp() + chrono::TimeDelta::seconds(1);
        let b = uids(&calendar(&annotated(&rules, CAMPAIGN, Lang::En), later));
        assert!(a.iter().all(|u| !b.contains(u)), "another check, other UIDs: {a:?} {b:?}");
        let c = uids(&calendar(&annotated(&rules, COMPLAINT, Lang::En), stamp()));
        assert!(a.iter().all(|u| !c.contains(u)));
    }

    #[test]
    fn escapes_and_folds_without_breaking_characters() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "Жүктелуде, ".repeat(12));
        fold(&long, &mut out);
        for l in out.split("\r\n") {
            assert!(l.len() <= 75);
        }
        assert_eq!(out.replace("\r\n ", ""), format!("{long}\r\n"), "unfolding gives the line back");
        assert!(out.split("\r\n").count() > 2, "it was folded");
    }

    /// Writes sample files for the independent round-trip parse (tests/ics_roundtrip.py).
    #[test]
    fn writes_samples_for_an_independent_parser() {
        let rules = Rules::embedded().unwrap();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/ics-samples");
        std::fs::create_dir_all(&dir).unwrap();
        for (name, req) in [("campaign", CAMPAIGN), ("complaint", COMPLAINT)] {
            for lang in [Lang::Kk, Lang::Ru, Lang::En] {
                let ics = calendar(&annotated(&rules, req, lang), stamp());
                std::fs::write(dir.join(format!("{name}-{lang}.ics")), ics).unwrap();
            }
        }
    }
}
