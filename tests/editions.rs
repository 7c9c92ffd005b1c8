//! Editions are data: a new one (here the January 2026 draft of a year-round attachment with no
//! campaign, which is NOT law) is added by a rule file alone, and the engine follows it by date.

use phc::rules::model::EditionsFile;
use phc::{check_json, Rules};
use serde_json::Value;

fn rules_with_draft() -> Rules {
    let (mut editions, calendar, services, sources) = phc::rules::embedded_data();
    let draft_toml = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/drafts/year-round-2026-draft.toml")).unwrap();
    // Read exactly as build.rs reads the files in force.
    let draft: EditionsFile = toml::from_str(&draft_toml).unwrap();
    editions.edition.to_mut().extend(draft.edition.iter().cloned());
    Rules::from_data(editions, calendar, services, sources).unwrap()
}

fn decide(rules: &Rules, request: Value) -> Value {
    serde_json::from_str(&check_json(&request.to_string(), rules, None, None).unwrap()).unwrap()
}

fn campaign_request(at: &str) -> Value {
    serde_json::json!({
        "service": "attachment", "at": at, "person": {"residency": "citizen", "consents_to_data_access": true},
        "reason": "campaign", "target_unit": "same"
    })
}

#[test]
fn a_draft_edition_with_no_campaign_is_only_data() {
    let rules = rules_with_draft();
    // Before the draft's date: the 2025 edition and its campaign.
    let d = decide(&rules, campaign_request("2026-09-15T10:00:00+05:00"));
    assert_eq!(d["edition"]["id"], "order-194-2020-amended-2025");
    assert_eq!(d["verdict"], "eligible");
    assert_eq!(d["dates"]["campaign"]["opens"], "2026-09-01");
    // Under the draft: no campaign, so the campaign ground is refused with free choice instead.
    let d = decide(&rules, campaign_request("2027-09-15T10:00:00+05:00"));
    assert_eq!(d["edition"]["id"], "draft-year-round-2026");
    assert_eq!(d["verdict"], "not_eligible");
    assert!(d["dates"]["campaign"].is_null());
    let reasons = d["reasons"].as_array().unwrap();
    assert!(reasons.iter().any(|r| r["code"] == "ground" && r["detail"] == "not_in_edition"), "{reasons:?}");
    assert!(d["alternatives"].as_array().unwrap().iter().any(|a| a["code"] == "use_free_choice"));
    // Late 2026, after the campaign closed: next year's campaign would be under the draft, so none.
    let d = decide(&rules, campaign_request("2026-12-01T10:00:00+05:00"));
    assert_eq!(d["verdict"], "not_eligible", "{d}");
    // A free choice under the draft: two a year, all year.
    let d = decide(&rules, serde_json::json!({
        "service": "attachment", "at": "2027-03-02T10:00:00+05:00", "person": {"residency": "citizen"},
        "reason": "free_choice", "current_attachment": {"attached": true, "free_changes_this_year": 1}, "target_unit": "same"
    }));
    assert_eq!(d["verdict"], "eligible");
    assert_eq!(d["dates"]["free_changes_left"], 0);
}

#[test]
fn the_product_does_not_load_the_draft() {
    let rules = Rules::embedded().unwrap();
    assert!(rules.editions.iter().all(|e| !e.id.starts_with("draft")));
    let d = decide(&rules, campaign_request("2027-09-15T10:00:00+05:00"));
    assert_eq!(d["edition"]["id"], "order-194-2020-amended-2025");
    assert_eq!(d["verdict"], "eligible");
}
