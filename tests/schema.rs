//! The JSON Schemas in `schema/` describe exactly the codes the Rust types accept and produce, so the
//! machine-readable contract cannot drift from the engine.

mod common;

use phc::codes::*;
use serde_json::Value;

fn enum_of(schema: &Value, pointer: &str) -> Vec<String> {
    let v = schema.pointer(pointer).unwrap_or_else(|| panic!("no {pointer}"));
    v.as_array().unwrap().iter().filter_map(|x| x.as_str().map(str::to_string)).collect()
}

fn names<T: Copy>(all: &[T], f: fn(T) -> &'static str) -> Vec<String> {
    all.iter().map(|x| f(*x).to_string()).collect()
}

#[test]
fn request_schema_matches_the_codes() {
    let s = common::schema("request");
    assert_eq!(enum_of(&s, "/properties/service/enum"), names(Service::ALL, Service::as_str));
    assert_eq!(enum_of(&s, "/properties/channel/enum"), names(Channel::ALL, Channel::as_str));
    assert_eq!(enum_of(&s, "/properties/applicant/enum"), names(Applicant::ALL, Applicant::as_str));
    assert_eq!(enum_of(&s, "/properties/person/properties/residency/enum"), names(Residency::ALL, Residency::as_str));
    assert_eq!(enum_of(&s, "/properties/person/properties/categories/items/enum"), names(Category::ALL, Category::as_str));
    assert_eq!(enum_of(&s, "/properties/person/properties/insurance/enum"), names(Insurance::ALL, Insurance::as_str));
    assert_eq!(enum_of(&s, "/properties/reason/enum"), names(Reason::ALL, Reason::as_str));
    assert_eq!(enum_of(&s, "/properties/target_unit/enum"), names(TargetUnit::ALL, TargetUnit::as_str));
}

/// The schema's fields are exactly the parser's, at every level, and it refuses others as the parser
/// does: a field added to one and not the other fails here.
#[test]
fn request_schema_has_exactly_the_parsers_fields() {
    let s = common::schema("request");
    let props = |pointer: &str| -> Vec<String> {
        let mut v: Vec<String> = s.pointer(pointer).and_then(Value::as_object).unwrap_or_else(|| panic!("{pointer}")).keys().cloned().collect();
        v.sort();
        v
    };
    let sorted = |fields: &[&str]| {
        let mut v: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
        v.sort();
        v
    };
    // The parser accepts at each level exactly the members the `Field` vocabulary gives it.
    use phc::codes::Field;
    for (pointer, parent) in [("", Field::Request), ("/properties/person", Field::Person), ("/properties/current_attachment", Field::CurrentAttachment), ("/properties/relocation", Field::Relocation)] {
        let fields: Vec<&str> = parent.members().map(Field::name).collect();
        assert_eq!(props(&format!("{pointer}/properties")), sorted(&fields), "fields at {pointer:?}");
        assert_eq!(s.pointer(&format!("{pointer}/additionalProperties")), Some(&Value::Bool(false)), "{pointer:?} refuses other fields");
    }
}

#[test]
fn decision_schema_matches_the_codes() {
    let s = common::schema("decision");
    assert_eq!(enum_of(&s, "/properties/verdict/enum"), names(Verdict::ALL, Verdict::as_str));
    assert_eq!(enum_of(&s, "/properties/reasons/items/properties/code/enum"), names(ReasonCode::ALL, ReasonCode::as_str));
    assert_eq!(enum_of(&s, "/properties/reasons/items/properties/outcome/enum"), names(Outcome::ALL, Outcome::as_str));
    assert_eq!(enum_of(&s, "/properties/documents/items/properties/code/enum"), names(DocumentCode::ALL, DocumentCode::as_str));
    assert_eq!(enum_of(&s, "/properties/alternatives/items/properties/code/enum"), names(Alternative::ALL, Alternative::as_str));
    assert_eq!(enum_of(&s, "/properties/channels/items/properties/channel/enum"), names(Channel::ALL, Channel::as_str));
    assert_eq!(enum_of(&s, "/properties/text/properties/lang/enum"), names(Lang::ALL, Lang::as_str));
    // A route (issue 14): its ground, its channels and documents as the decision's; never not_eligible.
    let route = "/properties/routes/items/properties";
    assert_eq!(enum_of(&s, &format!("{route}/reason/enum")), names(Reason::ALL, Reason::as_str));
    assert_eq!(s.pointer(&format!("{route}/channels")), s.pointer("/properties/channels"));
    assert_eq!(s.pointer(&format!("{route}/documents")), s.pointer("/properties/documents"));
    let verdicts: Vec<String> = names(Verdict::ALL, Verdict::as_str).into_iter().filter(|v| v != "not_eligible").collect();
    assert_eq!(enum_of(&s, &format!("{route}/verdict/enum")), verdicts);
}

#[test]
fn the_contract_example_fits_both_schemas() {
    let request = serde_json::json!({
        "service": "attachment", "at": "2026-03-10T15:30:00+05:00", "channel": "portal",
        "person": { "residency": "citizen", "birth_date": "1958-04-02", "categories": ["pensioner"], "insurance": "none",
            "insurance_until": "2026-12-31", "eds": true, "phone_on_portal": false, "consents_to_data_access": true },
        "reason": "free_choice",
        "current_attachment": { "attached": true, "at_target_clinic": false, "free_changes_this_year": 0 },
        "relocation": { "moved_on": "2026-02-01", "leaves_unit": true },
        "target_unit": "same", "border_territory": false, "refusal_received_on": "2026-03-11"
    });
    assert_eq!(common::validate(&common::schema("request"), &request), Vec::<String>::new());
    let rules = phc::Rules::embedded().unwrap();
    let out = phc::check_json(&request.to_string(), &rules, Some(Lang::Ru), None).unwrap();
    let decision: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(common::validate(&common::schema("decision"), &decision), Vec::<String>::new());
    // The example's own figures.
    assert_eq!(decision["verdict"], "eligible");
    assert_eq!(decision["edition"]["id"], "order-194-2020-amended-2025");
    assert_eq!(decision["dates"]["accepted_on"], "2026-03-10");
    assert_eq!(decision["dates"]["decision_due"], "2026-03-11");
    assert_eq!(decision["dates"]["care_starts"], "2026-03-11");
    assert_eq!(decision["dates"]["campaign"]["opens"], "2026-09-01");
    assert_eq!(decision["dates"]["campaign"]["closes"], "2026-11-01");
    assert_eq!(decision["dates"]["campaign"]["care_starts"], "2027-01-01");
    // On the portal nothing is handed in (the example lists the identity document alone); the pension
    // certificate of the written application in person is listed beside it, `only_if: in_person`
    // (issue 24: where two ways are open, the list says which papers each needs).
    assert_eq!(
        common::without_text(&decision["documents"]),
        serde_json::json!([{"code": "identity_document"}, {"code": "pension_certificate", "only_if": "in_person"}])
    );
    // In person, a pensioner applies in writing to the head (004): the sources win over the example's `false`.
    assert_eq!(decision["channels"][1]["written_application_to_head"], true);
}

#[test]
fn the_validator_rejects_what_the_schema_forbids() {
    let s = common::schema("request");
    assert!(!common::validate(&s, &serde_json::json!({"service": "attachment", "colour": 1})).is_empty());
    assert!(!common::validate(&s, &serde_json::json!({"service": "teleport"})).is_empty());
    assert!(!common::validate(&s, &serde_json::json!({"at": "2026-03-10T10:00:00Z"})).is_empty());
    assert!(!common::validate(&s, &serde_json::json!({"service": "attachment", "person": {"birth_date": "1.2.1990"}})).is_empty());
}
