//! Invariants over the whole input space: every syntactically valid request gets a decision or a
//! clear error, never a panic; the dates of a decision are consistent; the same request always gets
//! the same decision; the language changes nothing but the texts; every decision fits the schema.

mod common;

use chrono::NaiveDate;
use phc::{check_json, Lang, Rules};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::sync::OnceLock;

fn rules() -> &'static Rules {
    static R: OnceLock<Rules> = OnceLock::new();
    R.get_or_init(|| Rules::embedded().unwrap())
}

fn date(v: &Value) -> Option<NaiveDate> {
    v.as_str().map(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap())
}

fn working(d: NaiveDate) -> bool {
    rules().calendar.is_working_day(d).unwrap()
}

fn check_consistency(req: &Value, dec: &Value) -> Result<(), String> {
    let dates = &dec["dates"];
    let verdict = dec["verdict"].as_str().unwrap();
    let accepted = date(&dates["accepted_on"]);
    if let Some(a) = accepted {
        if !working(a) {
            return Err(format!("accepted_on {a} is not a working day"));
        }
    }
    if let Some(due) = date(&dates["decision_due"]) {
        if !working(due) {
            return Err(format!("decision_due {due} is not a working day"));
        }
        let a = accepted.ok_or("decision_due without accepted_on")?;
        if due < a {
            return Err(format!("decision_due {due} before accepted_on {a}"));
        }
    }
    if let Some(c) = dates.get("campaign").filter(|c| !c.is_null()) {
        let (o, cl, care, by) = (date(&c["opens"]).unwrap(), date(&c["closes"]).unwrap(), date(&c["care_starts"]).unwrap(), date(&c["submit_by"]).unwrap());
        if !(o < cl && cl < care && o <= by && by <= cl) {
            return Err(format!("campaign dates out of order: {c}"));
        }
    }
    if verdict == "eligible" {
        if let (Some(care), Some(a)) = (date(&dates["care_starts"]), accepted) {
            if care < a {
                return Err(format!("care starts {care} before acceptance {a}"));
            }
        }
    }
    if verdict == "eligible_later" && dec["eligible_from"].is_null() {
        return Err("eligible_later without eligible_from".into());
    }
    if verdict != "eligible_later" && !dec["eligible_from"].is_null() {
        return Err("eligible_from without eligible_later".into());
    }
    if (verdict == "needs_information") != !dec["needs"].as_array().unwrap().is_empty() {
        return Err("needs must be listed exactly when the verdict is needs_information".into());
    }
    if let (Some(deadline), Some(refusal)) = (date(&dates["complaint_deadline"]), date(&req["refusal_received_on"])) {
        if deadline <= refusal || !working(deadline) {
            return Err(format!("complaint deadline {deadline} vs refusal {refusal}"));
        }
    }
    if let Some(due) = date(&dates["complaint_decision_due"]) {
        if !working(due) {
            return Err(format!("complaint decision due {due} not a working day"));
        }
    }
    for r in dec["reasons"].as_array().unwrap() {
        if r["sources"].as_array().unwrap().is_empty() {
            return Err(format!("reason without sources: {r}"));
        }
    }
    Ok(())
}

/// The routes of a decision (issue 14): at least one, or a reason why none; sorted by when care can
/// start, the request's own ground first among equals; the request's own route is its verdict.
fn check_routes(req: &Value, dec: &Value) -> Result<(), String> {
    let routes = dec["routes"].as_array().ok_or("no routes")?;
    if dec["service"] != "attachment" {
        return if routes.is_empty() { Ok(()) } else { Err("routes for a service other than attachment".into()) };
    }
    let reasons = dec["reasons"].as_array().unwrap();
    if routes.is_empty() && !(dec["verdict"] == "not_eligible" && reasons.iter().any(|r| r["outcome"] == "not_met")) {
        return Err("no route, and no reason why none".into());
    }
    let mut seen = Vec::new();
    for (i, r) in routes.iter().enumerate() {
        let verdict = r["verdict"].as_str().unwrap();
        if verdict == "not_eligible" {
            return Err(format!("a closed ground is a route: {r}"));
        }
        if seen.contains(&&r["reason"]) {
            return Err(format!("ground {} twice", r["reason"]));
        }
        seen.push(&r["reason"]);
        if (verdict == "eligible_later") == r["eligible_from"].is_null() {
            return Err(format!("eligible_from does not match the verdict: {r}"));
        }
        if (verdict == "needs_information") == r["needs"].as_array().unwrap().is_empty() {
            return Err(format!("needs must be listed exactly when the route needs information: {r}"));
        }
        if r["projected"] == true && !reasons.iter().any(|x| x["code"] == "rules_projection") {
            return Err(format!("a projected route without a rules_projection reason: {r}"));
        }
        // Sorted: care starts never go back; a route that needs answers comes after every other.
        if let Some(prev) = i.checked_sub(1).map(|j| &routes[j]) {
            if prev["verdict"] == "needs_information" && verdict != "needs_information" {
                return Err(format!("a route that needs answers before an open one: {prev} then {r}"));
            }
        }
        if let Some(care) = date(&r["care_starts"]) {
            if let Some(earlier) = routes[..i].iter().filter_map(|p| date(&p["care_starts"])).find(|&d| d > care) {
                return Err(format!("routes not sorted: care from {earlier} before care from {care}"));
            }
            // The request's own ground first among equals.
            if r["reason"] == req["reason"] && routes[..i].iter().any(|p| date(&p["care_starts"]) == Some(care)) {
                return Err(format!("the request's own ground {} after another with the same care start", r["reason"]));
            }
        }
    }
    // The request's own ground, when open, is the decision itself.
    match routes.iter().find(|r| r["reason"] == req["reason"]) {
        Some(own) => {
            let same = own["verdict"] == dec["verdict"] && own["eligible_from"] == dec["eligible_from"] && own["care_starts"] == dec["dates"]["care_starts"] && own["documents"] == dec["documents"] && own["channels"] == dec["channels"] && own["provisional"] == dec["provisional"];
            if !same {
                return Err(format!("the request's own route {own} is not its decision"));
            }
        }
        None if !req["reason"].is_null() && dec["verdict"] != "not_eligible" => return Err("the request's own open ground is no route".into()),
        None => {}
    }
    Ok(())
}

/// The verdict of each route by its ground: what the channel must not change.
fn route_verdicts(dec: &Value) -> std::collections::BTreeMap<String, (Value, Value)> {
    dec["routes"].as_array().unwrap().iter().map(|r| (r["reason"].to_string(), (r["verdict"].clone(), r["eligible_from"].clone()))).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn every_valid_request_gets_a_consistent_decision_or_a_clear_error(req in common::request()) {
        let text = serde_json::to_string(&req).unwrap();
        match check_json(&text, rules(), None, None) {
            Err(e) => {
                prop_assert!(!e.path().is_empty() && !e.message.is_empty());
                prop_assert!(e.message.contains("expected") || e.message.contains("after") || e.message.contains("before") || e.message.contains("outside"), "unclear: {e}");
            }
            Ok(out) => {
                let dec: Value = serde_json::from_str(&out).unwrap();
                if let Err(e) = check_consistency(&req, &dec).and_then(|()| check_routes(&req, &dec)) {
                    return Err(TestCaseError::fail(format!("{e}\nrequest: {req}\ndecision: {dec}")));
                }
                // Deterministic.
                prop_assert_eq!(&out, &check_json(&text, rules(), None, None).unwrap());
                // The channel (and with it a missing signature) never changes the verdict (contract).
                for channel in [json!("portal"), json!("in_person"), Value::Null] {
                    let mut other = req.clone();
                    other["channel"] = channel;
                    let o: Value = serde_json::from_str(&check_json(&other.to_string(), rules(), None, None).unwrap()).unwrap();
                    prop_assert_eq!(&o["verdict"], &dec["verdict"], "channel {} changed the verdict", other["channel"]);
                    prop_assert_eq!(&o["eligible_from"], &dec["eligible_from"]);
                    // Nor any route's (issue 14).
                    prop_assert_eq!(route_verdicts(&o), route_verdicts(&dec), "channel {} changed a route", other["channel"]);
                }
                // Fits the schema.
                let errors = common::validate(&schema_decision(), &dec);
                prop_assert!(errors.is_empty(), "{:?}", errors);
                // The language adds text and changes nothing else; every text exists.
                for lang in [Lang::Kk, Lang::Ru, Lang::En] {
                    let with: Value = serde_json::from_str(&check_json(&text, rules(), Some(lang), None).unwrap()).unwrap();
                    prop_assert_eq!(common::without_text(&with), dec.clone());
                    let mut texts = Vec::new();
                    common::texts(&with, &mut texts);
                    prop_assert!(texts.len() > 3);
                    for t in texts {
                        prop_assert!(!t.contains('⟦') && !t.contains('{'), "missing message in {lang}: {t}");
                    }
                    prop_assert!(common::validate(&schema_decision(), &with).is_empty());
                }
            }
        }
    }
}

fn schema_decision() -> Value {
    static S: OnceLock<Value> = OnceLock::new();
    S.get_or_init(|| common::schema("decision")).clone()
}

/// Guards the property test above against passing vacuously: most generated requests must be
/// decided (not refused), and every verdict must occur.
#[test]
fn the_generator_reaches_every_verdict() {
    use proptest::strategy::{Strategy, ValueTree};
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = common::request();
    let (mut decided, mut verdicts) = (0, std::collections::BTreeSet::new());
    for _ in 0..2000 {
        let req = strategy.new_tree(&mut runner).unwrap().current();
        if let Ok(out) = check_json(&req.to_string(), rules(), None, None) {
            decided += 1;
            let d: Value = serde_json::from_str(&out).unwrap();
            verdicts.insert(format!("{}/{}", d["service"].as_str().unwrap(), d["verdict"].as_str().unwrap()));
        }
    }
    assert!(decided > 1200, "only {decided} of 2000 generated requests were decided");
    // A complaint is never refused: a missed deadline can be restored (APPK art. 92).
    let expected = [
        "attachment/eligible", "attachment/eligible_later", "attachment/not_eligible", "attachment/needs_information",
        "home_visit/eligible", "home_visit/eligible_later", "home_visit/not_eligible", "home_visit/needs_information",
        "complaint/eligible", "complaint/needs_information",
    ];
    let seen: Vec<&str> = verdicts.iter().map(String::as_str).collect();
    assert_eq!(seen, expected.iter().copied().collect::<std::collections::BTreeSet<_>>().into_iter().collect::<Vec<_>>());
}

/// Guards the route checks against passing vacuously: the generator reaches several routes in one
/// decision, a route of every kind, every candidate ground, and attachments with no route at all.
#[test]
fn the_generator_reaches_every_kind_of_route() {
    use proptest::strategy::{Strategy, ValueTree};
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = common::request();
    let (mut several, mut none, mut kinds) = (0, 0, std::collections::BTreeSet::new());
    for _ in 0..2000 {
        let req = strategy.new_tree(&mut runner).unwrap().current();
        let Ok(out) = check_json(&req.to_string(), rules(), None, None) else { continue };
        let d: Value = serde_json::from_str(&out).unwrap();
        let routes = d["routes"].as_array().unwrap();
        if d["service"] != "attachment" {
            continue;
        }
        several += usize::from(routes.len() >= 3);
        none += usize::from(routes.is_empty());
        for r in routes {
            kinds.insert(r["verdict"].as_str().unwrap().to_string());
            kinds.insert(r["reason"].as_str().unwrap().to_string());
            if r["projected"] == true {
                kinds.insert("projected".into());
            }
        }
    }
    assert!(several > 100 && none > 100, "{several} decisions with three routes or more, {none} without a route");
    for kind in ["eligible", "eligible_later", "needs_information", "free_choice", "campaign", "relocation", "first_attachment", "voluntary_insurance", "clinic_stopped_service", "projected"] {
        assert!(kinds.contains(kind), "no route of kind {kind}: {kinds:?}");
    }
}

/// Stale data: past the last official calendar (2026) a check is answered, marked provisional with a
/// warning the citizen sees; past the horizon it is refused with a message, never extrapolated.
#[test]
fn stale_data_is_provisional_then_refused() {
    let request = |at: &str| format!(r#"{{"service":"complaint","at":"{at}","refusal_received_on":"2026-12-01"}}"#);
    // 2026, with every period inside 2026: official.
    let d: Value = serde_json::from_str(&check_json(&request("2026-06-10T10:00:00+05:00").replace("2026-12-01", "2026-06-01"), rules(), Some(Lang::En), None).unwrap()).unwrap();
    assert_eq!(d["provisional"], false);
    assert!(d["text"]["provisional"].is_null());
    // 2027: computed from the holiday rules, provisional, said in the reasons and in the text.
    let d: Value = serde_json::from_str(&check_json(&request("2027-01-20T10:00:00+05:00"), rules(), Some(Lang::En), None).unwrap()).unwrap();
    assert_eq!(d["provisional"], true);
    assert!(d["reasons"].as_array().unwrap().iter().any(|r| r["code"] == "provisional_calendar"));
    assert!(d["text"]["provisional"].as_str().unwrap().starts_with("Provisional"));
    // A period that runs from an official year into a computed one is provisional too.
    let d: Value = serde_json::from_str(&check_json(&request("2026-12-20T10:00:00+05:00"), rules(), None, None).unwrap()).unwrap();
    assert_eq!(d["provisional"], true, "the 20 working days run into 2027");
    // 2035: the last year answered.
    assert!(check_json(&request("2035-12-31T10:00:00+05:00").replace("2026-12-01", "2035-12-01"), rules(), None, None).is_ok());
    // 2036 and later: refused, with the reason.
    let e = check_json(&request("2036-01-02T10:00:00+05:00"), rules(), None, None).unwrap_err();
    assert_eq!((e.field, e.kind), (phc::codes::Field::At, phc::codes::ErrorKind::BeyondCalendar));
    assert!(e.message.contains("the last year this checker's calendar covers"), "{e}");
}

/// Issue 25: every error names the field its value came from. Each date a citizen types, with any
/// year (one key off, long ago, far ahead), in every service and on every ground, at the start and at
/// the end of the calendar, gets a decision or an error at that date's own field, never at `at`: the
/// app refuses the date on its question only when the error names the question's field.
#[test]
fn a_date_typed_wrong_is_refused_at_its_own_field() {
    let fields = [("person", "birth_date"), ("person", "insurance_until"), ("relocation", "moved_on"), ("", "refusal_received_on")];
    let values = ["0001-01-01", "1062-03-10", "1900-01-01", "2014-12-31", "2020-01-01", "2035-12-31", "2036-01-01", "2062-03-10", "9999-12-31"];
    let reasons = [None, Some("relocation"), Some("free_choice"), Some("campaign"), Some("voluntary_insurance"), Some("first_attachment"), Some("clinic_stopped_service")];
    let mut checked = 0;
    for at in ["2026-03-10T10:00:00+05:00", "2026-12-31T19:00:00+05:00", "2035-12-31T17:00:00+05:00", "2020-01-01T09:00:00+06:00"] {
        for service in ["attachment", "home_visit", "complaint"] {
            for reason in reasons {
                for (object, name) in fields {
                    for value in values {
                        let mut req = json!({
                            "service": service, "at": at,
                            "person": {"residency": "citizen", "consents_to_data_access": true, "insurance": "voluntary"},
                            "current_attachment": {"attached": true, "at_target_clinic": false, "free_changes_this_year": 0},
                            "relocation": {"leaves_unit": false}, "target_unit": "same",
                        });
                        if let Some(r) = reason {
                            req["reason"] = json!(r);
                        }
                        let path = if object.is_empty() { name.to_string() } else { format!("{object}.{name}") };
                        if object.is_empty() {
                            req[name] = json!(value);
                        } else {
                            req[object][name] = json!(value);
                        }
                        checked += 1;
                        if let Err(e) = check_json(&req.to_string(), rules(), Some(Lang::En), None) {
                            assert_eq!(e.path(), path, "{value} at {path} ({service}, {reason:?}, at {at}): {e}");
                        }
                    }
                }
            }
        }
    }
    assert!(checked > 3000);
}
