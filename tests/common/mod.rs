//! Shared by the integration tests: a JSON Schema validator for the subset of draft 2020-12 the
//! contract's schemas use, and a generator of requests over the whole input space.
#![allow(dead_code)]

use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// Validates `v` against `schema`; returns the path and reason of every violation.
pub fn validate(schema: &Value, v: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    check(schema, v, "$", &mut errors);
    errors
}

fn type_ok(t: &str, v: &Value) -> bool {
    match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "boolean" => v.is_boolean(),
        "integer" => v.is_u64() || v.is_i64(),
        "number" => v.is_number(),
        "null" => v.is_null(),
        other => panic!("schema uses unsupported type {other}"),
    }
}

fn check(s: &Value, v: &Value, path: &str, errors: &mut Vec<String>) {
    let s = s.as_object().expect("a schema is an object");
    for key in s.keys() {
        assert!(
            ["$schema", "$id", "title", "description", "type", "properties", "required", "additionalProperties", "enum", "const", "items", "anyOf", "pattern", "minimum", "maximum", "minItems"].contains(&key.as_str()),
            "schema keyword {key} not supported by this validator"
        );
    }
    if let Some(t) = s.get("type") {
        let ok = match t {
            Value::String(t) => type_ok(t, v),
            Value::Array(ts) => ts.iter().any(|t| type_ok(t.as_str().unwrap(), v)),
            _ => panic!("bad type"),
        };
        if !ok {
            errors.push(format!("{path}: expected type {t}, got {v}"));
            return;
        }
    }
    if let Some(e) = s.get("enum") {
        if !e.as_array().unwrap().contains(v) {
            errors.push(format!("{path}: {v} not in enum"));
        }
    }
    if let Some(c) = s.get("const") {
        if c != v {
            errors.push(format!("{path}: expected {c}"));
        }
    }
    if let (Some(p), Some(st)) = (s.get("pattern"), v.as_str()) {
        // The only pattern used is a date: YYYY-MM-DD.
        assert_eq!(p, "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
        let b = st.as_bytes();
        let ok = b.len() == 10 && b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() });
        if !ok {
            errors.push(format!("{path}: {st} is not YYYY-MM-DD"));
        }
    }
    if let Some(n) = v.as_f64() {
        if s.get("minimum").and_then(Value::as_f64).is_some_and(|m| n < m) || s.get("maximum").and_then(Value::as_f64).is_some_and(|m| n > m) {
            errors.push(format!("{path}: {n} out of range"));
        }
    }
    if let Some(any) = s.get("anyOf") {
        let alternatives = any.as_array().unwrap();
        if !alternatives.iter().any(|a| validate(a, v).is_empty()) {
            errors.push(format!("{path}: matches none of anyOf"));
        }
    }
    if let Some(obj) = v.as_object() {
        let props = s.get("properties").and_then(Value::as_object);
        if let Some(req) = s.get("required") {
            for r in req.as_array().unwrap() {
                if !obj.contains_key(r.as_str().unwrap()) {
                    errors.push(format!("{path}: missing required {r}"));
                }
            }
        }
        for (k, val) in obj {
            match props.and_then(|p| p.get(k)) {
                Some(ps) => check(ps, val, &format!("{path}.{k}"), errors),
                None if s.get("additionalProperties") == Some(&Value::Bool(false)) => errors.push(format!("{path}: unexpected field {k}")),
                None => {}
            }
        }
    }
    if let Some(items) = v.as_array() {
        if let Some(m) = s.get("minItems").and_then(Value::as_u64) {
            if (items.len() as u64) < m {
                errors.push(format!("{path}: fewer than {m} items"));
            }
        }
        if let Some(is) = s.get("items") {
            for (i, item) in items.iter().enumerate() {
                check(is, item, &format!("{path}[{i}]"), errors);
            }
        }
    }
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
const REASONS: &[&str] = &["relocation", "free_choice", "campaign", "voluntary_insurance", "commission_disagreement", "clinic_stopped_service", "clinic_capacity", "new_facility", "privatization", "first_attachment"];

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
    );
    (one_of(&["attachment", "attachment", "home_visit", "complaint"]), moment(), person, rest).prop_map(
        |(service, at, (res, birth, cats, ins, until, (eds, phone, consent, request)), (reason, (att, here, changes, in_campaign), (moved, leaves, away), unit, border, refusal, channel, applicant))| {
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
