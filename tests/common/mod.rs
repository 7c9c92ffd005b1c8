//! Shared by the integration tests: JSON Schema validation of requests and decisions against the
//! contract's schemas, and a generator of requests over the whole input space.
#![allow(dead_code)]

use proptest::prelude::*;
use serde_json::{json, Map, Value};
use std::cell::RefCell;

/// Validates `v` against `schema` (JSON Schema draft 2020-12, by the `boon` crate); returns every
/// violation, with its place in `v` and the keyword that failed (none: `v` is valid). Each schema is
/// compiled once per thread: the property tests validate thousands of decisions.
pub fn validate(schema: &Value, v: &Value) -> Vec<String> {
    thread_local! {
        static COMPILED: RefCell<(boon::Schemas, Vec<(Value, boon::SchemaIndex)>)> = RefCell::new((boon::Schemas::new(), Vec::new()));
    }
    COMPILED.with_borrow_mut(|(schemas, compiled)| {
        let index = match compiled.iter().find(|(s, _)| s == schema) {
            Some((_, index)) => *index,
            None => {
                let url = format!("file:///phc-tests/schema-{}.json", compiled.len());
                let mut compiler = boon::Compiler::new();
                compiler.add_resource(&url, schema.clone()).expect("a schema is JSON");
                let index = compiler.compile(&url, schemas).unwrap_or_else(|e| panic!("the schema does not compile: {e:#}"));
                compiled.push((schema.clone(), index));
                index
            }
        };
        match schemas.validate(v, index) {
            Ok(()) => Vec::new(),
            Err(e) => vec![format!("{e:#}")],
        }
    })
}

pub fn schema(name: &str) -> Value {
    let path = format!("{}/schema/{name}.schema.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn maybe<T: std::fmt::Debug + Clone + 'static>(s: impl Strategy<Value = T> + 'static) -> BoxedStrategy<Option<T>> {
    prop_oneof![1 => Just(None), 3 => s.prop_map(Some)].boxed()
}

fn one_of(values: &'static [&'static str]) -> BoxedStrategy<String> {
    proptest::sample::select(values).prop_map(str::to_string).boxed()
}

/// A date from 2014 to 2037 (some outside the rules and the calendar on purpose).
pub fn date() -> BoxedStrategy<String> {
    (2014i32..=2037, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")).boxed()
}

/// A moment, with or without an offset, across the 2024 time-zone change and the 18:00 cut-off.
pub fn moment() -> BoxedStrategy<String> {
    let offsets = proptest::sample::select(vec!["", "Z", "+05:00", "+06:00", "-03:00", "+14:00"]);
    (2015i32..=2036, 1u32..=12, 1u32..=28, 0u32..24, 0u32..60, offsets)
        .prop_map(|(y, m, d, h, mi, o)| format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:00{o}"))
        .boxed()
}

const RESIDENCY: &[&str] = &["citizen", "kandas", "refugee", "residence_permit", "eaeu_worker", "eaeu_worker_family", "temporary_visitor"];
const CATEGORIES: &[&str] = &["pensioner", "disability", "disabled_child_representative", "guardian", "convict", "student", "madrasah_student", "conscript", "born_abroad_child", "institution_ward", "power_of_attorney", "voluntary_insurance"];
const REASONS: &[&str] = &["relocation", "free_choice", "campaign", "voluntary_insurance", "commission_disagreement", "clinic_stopped_service", "clinic_capacity", "new_facility", "privatization", "first_attachment", "temporary_absence"];

fn insert<T: Into<Value>>(m: &mut Map<String, Value>, k: &str, v: Option<T>) {
    if let Some(v) = v {
        m.insert(k.to_string(), v.into());
    }
}

/// Any syntactically valid request of contract version 1.
pub fn request() -> impl Strategy<Value = Value> {
    let person = (
        maybe(one_of(RESIDENCY)),
        maybe((1930i32..=2014, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))),
        proptest::collection::vec(proptest::sample::select(CATEGORIES), 0..3),
        maybe(one_of(&["none", "voluntary", "imputed"])),
        maybe(date()),
        (maybe(any::<bool>()), maybe(any::<bool>()), maybe(any::<bool>()), maybe(any::<bool>())),
    );
    let rest = (
        maybe(one_of(REASONS)),
        (maybe(any::<bool>()), maybe(any::<bool>()), maybe(0u32..4), maybe(any::<bool>())),
        (maybe(date()), maybe(any::<bool>()), maybe(any::<bool>())),
        maybe(one_of(&["same", "neighbouring", "other"])),
        maybe(any::<bool>()),
        maybe(date()),
        maybe(one_of(&["portal", "in_person"])),
        maybe(one_of(&["self", "parent", "representative", "family_member"])),
        maybe(any::<bool>()),
    );
    (one_of(&["attachment", "attachment", "home_visit", "complaint"]), moment(), person, rest).prop_map(
        |(service, at, (res, birth, cats, ins, until, (eds, phone, consent, request)), (reason, (att, here, changes, in_campaign), (moved, leaves, away), unit, border, refusal, channel, applicant, away_home))| {
            let mut p = Map::new();
            insert(&mut p, "residency", res);
            insert(&mut p, "birth_date", birth);
            if !cats.is_empty() {
                p.insert("categories".into(), json!(cats));
            }
            insert(&mut p, "insurance", ins);
            insert(&mut p, "insurance_until", until);
            insert(&mut p, "eds", eds);
            insert(&mut p, "phone_on_portal", phone);
            insert(&mut p, "consents_to_data_access", consent);
            insert(&mut p, "institution_request", request);
            let mut c = Map::new();
            insert(&mut c, "attached", att);
            insert(&mut c, "at_target_clinic", here);
            insert(&mut c, "free_changes_this_year", changes);
            insert(&mut c, "attached_in_campaign", in_campaign);
            let mut r = Map::new();
            insert(&mut r, "moved_on", moved);
            insert(&mut r, "leaves_unit", leaves);
            insert(&mut r, "away_over_a_month", away);
            let mut m = Map::new();
            m.insert("service".into(), json!(service));
            m.insert("at".into(), json!(at));
            m.insert("person".into(), Value::Object(p));
            m.insert("current_attachment".into(), Value::Object(c));
            m.insert("relocation".into(), Value::Object(r));
            insert(&mut m, "reason", reason);
            insert(&mut m, "target_unit", unit);
            insert(&mut m, "border_territory", border);
            insert(&mut m, "refusal_received_on", refusal);
            insert(&mut m, "channel", channel);
            insert(&mut m, "applicant", applicant);
            insert(&mut m, "away_from_home", away_home);
            Value::Object(m)
        },
    )
}

/// Removes every `text` field, to compare decisions across languages.
pub fn without_text(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(m.iter().filter(|(k, _)| k.as_str() != "text").map(|(k, v)| (k.clone(), without_text(v))).collect()),
        Value::Array(a) => Value::Array(a.iter().map(without_text).collect()),
        other => other.clone(),
    }
}

/// Every string under a `text` key.
pub fn texts(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                match (k.as_str(), x) {
                    ("text" | "verdict" | "provisional", Value::String(s)) => out.push(s.clone()),
                    _ => texts(x, out),
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| texts(x, out)),
        _ => {}
    }
}
