//! Share links: the answers encoded in the URL fragment (never the query string, so no server log
//! sees them), compactly and with a version, e.g. `#1.a0.b0.c1.d0.e1.hn.k0.r-.sy`.
//!
//! Version 1: entries separated by `.`; each is a question letter (its place in `flow::QUESTIONS`,
//! `a` = service … `s` = consent) and a value: choice and count — the option's place (base 36);
//! yes/no — `y`/`n`; a date — `YYYYMMDD`; several codes — their places (base 36), or `-` for none.
//! A later version must keep reading version 1 (`decode` dispatches on the version), or say that it
//! cannot.

use crate::answers::{Answer, Answers};
use crate::flow::{Kind, QUESTIONS};

pub const VERSION: u32 = 1;
/// Longer fragments are refused unread: version 1 never needs more than a few dozen characters.
const MAX_LEN: usize = 400;

/// Why a link could not be read; the app says so and starts afresh.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// Made by a newer version of the checker than this one.
    NewerVersion(u32),
    /// Damaged, truncated or not a link of this checker.
    Damaged(String),
}

fn letter(i: usize) -> char {
    (b'a' + i as u8) as char
}

fn digit(i: usize) -> char {
    std::char::from_digit(i as u32, 36).expect("fewer than 36 options")
}

pub fn encode(answers: &Answers) -> String {
    let mut parts = vec![VERSION.to_string()];
    for (i, q) in QUESTIONS.iter().enumerate() {
        let Some(a) = answers.get(q.id) else { continue };
        let value = match (q.kind, a) {
            (Kind::Choice(opts), Answer::Code(c)) => opts.iter().position(|o| o == c).map(|p| digit(p).to_string()),
            (Kind::Choice(opts), Answer::Skipped) => opts.iter().position(|o| o.is_empty()).map(|p| digit(p).to_string()),
            (Kind::YesNo, Answer::Flag(b)) => Some(if *b { "y" } else { "n" }.to_string()),
            (Kind::Count(values), Answer::Count(n)) => values.iter().position(|v| v == n).map(|p| digit(p).to_string()),
            (Kind::Date, Answer::Date(d)) => Some(d.replace('-', "")),
            (Kind::Multi(_), Answer::Codes(cs)) if cs.is_empty() => Some("-".into()),
            (Kind::Multi(opts), Answer::Codes(cs)) => cs.iter().map(|c| opts.iter().position(|o| o == c).map(digit)).collect::<Option<String>>(),
            _ => None,
        };
        if let Some(v) = value {
            parts.push(format!("{}{v}", letter(i)));
        }
    }
    parts.join(".")
}

pub fn decode(fragment: &str) -> Result<Answers, LinkError> {
    let fragment = fragment.trim_start_matches('#');
    if fragment.len() > MAX_LEN {
        return Err(LinkError::Damaged(format!("longer than {MAX_LEN} characters")));
    }
    let mut parts = fragment.split('.');
    let version: u32 = parts.next().and_then(|v| v.parse().ok()).ok_or_else(|| LinkError::Damaged("no version".into()))?;
    match version {
        1 => decode_v1(parts),
        v if v > VERSION => Err(LinkError::NewerVersion(v)),
        v => Err(LinkError::Damaged(format!("unknown version {v}"))),
    }
}

fn decode_v1<'a>(parts: impl Iterator<Item = &'a str>) -> Result<Answers, LinkError> {
    let damaged = |why: String| LinkError::Damaged(why);
    let mut answers = Answers::default();
    for part in parts {
        let mut chars = part.chars();
        let l = chars.next().ok_or_else(|| damaged("an empty entry".into()))?;
        let index = (l as usize).checked_sub('a' as usize).filter(|i| *i < QUESTIONS.len()).ok_or_else(|| damaged(format!("unknown entry {l}")))?;
        let q = &QUESTIONS[index];
        let v = chars.as_str();
        let option = |n: usize| -> Result<usize, LinkError> {
            let mut cs = v.chars();
            match (cs.next().and_then(|c| c.to_digit(36)), cs.next()) {
                (Some(p), None) if (p as usize) < n => Ok(p as usize),
                _ => Err(damaged(format!("bad value for {}", q.id))),
            }
        };
        let answer = match q.kind {
            Kind::Choice(opts) => {
                let o = opts[option(opts.len())?];
                if o.is_empty() { Answer::Skipped } else { Answer::Code(o.into()) }
            }
            Kind::Count(values) => Answer::Count(values[option(values.len())?]),
            Kind::YesNo => match v {
                "y" => Answer::Flag(true),
                "n" => Answer::Flag(false),
                _ => return Err(damaged(format!("bad value for {}", q.id))),
            },
            Kind::Date => {
                if v.len() != 8 || !v.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(damaged(format!("bad date for {}", q.id)));
                }
                let iso = format!("{}-{}-{}", &v[..4], &v[4..6], &v[6..]);
                phc::dates::parse_date(&iso).map_err(damaged)?;
                Answer::Date(iso)
            }
            Kind::Multi(opts) => {
                if v == "-" {
                    Answer::Codes(Vec::new())
                } else {
                    let mut codes = Vec::new();
                    for c in v.chars() {
                        let p = c.to_digit(36).map(|p| p as usize).filter(|p| *p < opts.len()).ok_or_else(|| damaged(format!("bad value for {}", q.id)))?;
                        if !codes.contains(&opts[p].to_string()) {
                            codes.push(opts[p].to_string());
                        }
                    }
                    if codes.is_empty() {
                        return Err(damaged(format!("bad value for {}", q.id)));
                    }
                    Answer::Codes(codes)
                }
            }
        };
        if answers.is_answered(q.id) {
            return Err(damaged(format!("{} given twice", q.id)));
        }
        answers.set(q.id, answer);
    }
    if answers.service().is_none() {
        return Err(damaged("no service".into()));
    }
    Ok(answers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use phc::codes::Field;

    fn sample() -> Answers {
        let mut a = Answers::default();
        a.set(Field::Service, Answer::Code("attachment".into()));
        a.set(Field::Applicant, Answer::Code("self".into()));
        a.set(Field::Channel, Answer::Skipped);
        a.set(Field::Residency, Answer::Code("eaeu_worker".into()));
        a.set(Field::Reason, Answer::Code("privatization".into()));
        a.set(Field::FreeChangesThisYear, Answer::Count(2));
        a.set(Field::MovedOn, Answer::Date("2026-02-28".into()));
        a.set(Field::Eds, Answer::Flag(false));
        a.set(Field::Categories, Answer::Codes(vec!["pensioner".into(), "voluntary_insurance".into()]));
        a.set(Field::ConsentsToDataAccess, Answer::Flag(true));
        a
    }

    #[test]
    fn round_trip_and_compact() {
        let a = sample();
        let link = encode(&a);
        assert_eq!(link, "1.a0.b0.c2.d4.e9.h2.i20260228.on.r0b.sy");
        assert_eq!(decode(&format!("#{link}")).unwrap(), a);
        let mut none = Answers::default();
        none.set(Field::Service, Answer::Code("complaint".into()));
        none.set(Field::Categories, Answer::Codes(vec![]));
        assert_eq!(decode(&encode(&none)).unwrap(), none);
    }

    #[test]
    fn damaged_and_foreign_links_are_refused_with_a_reason() {
        assert_eq!(decode("#2.a0"), Err(LinkError::NewerVersion(2)));
        for bad in ["", "#", "#x", "#1", "#1.", "#1.a9", "#1.z0", "#1.a0.a0", "#1.a0.sq", "#1.a0.q20260231", "#1.a0.q2026", "#1.a0.rz",
            "#1.a0.r", "#0.a0", "#1.A0", "#1.a0..b0", "#1.aé"] {
            assert!(matches!(decode(bad), Err(LinkError::Damaged(_))), "{bad}: {:?}", decode(bad));
        }
        let long = format!("#1.a0{}", ".sy".repeat(1000));
        assert!(matches!(decode(&long), Err(LinkError::Damaged(_))));
    }

    #[test]
    fn every_question_letter_is_stable() {
        // Version 1 fixes these places: a new question goes at the end, or the version changes.
        let ids: Vec<Field> = QUESTIONS.iter().map(|q| q.id).collect();
        assert_eq!(ids[0], Field::Service);
        assert_eq!(ids[17], Field::Categories);
        assert_eq!(ids[18], Field::ConsentsToDataAccess);
        // Added later, at the end: version 1 links made before them still read the same.
        assert_eq!(ids[19..], [Field::AttachedInCampaign, Field::AwayOverAMonth, Field::InstitutionRequest, Field::BirthDate, Field::AwayFromHome]);
        assert_eq!(ids.len(), 24);
    }
}
