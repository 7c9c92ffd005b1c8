//! Editions are data: a new one (here the January 2026 draft of a year-round attachment with no
//! campaign, which is NOT law) is added by a rule file alone, which states only what it changes, and
//! the engine follows it by date. The dated format itself is checked on load.

use phc::rules::model::{read, Editions, Files};
use phc::{check_json, Rules};
use serde_json::Value;
use std::path::Path;

fn files() -> Files {
    Files::read(concat!(env!("CARGO_MANIFEST_DIR"), "/rules")).unwrap()
}

fn rules_with_draft() -> Rules {
    let mut files = files();
    // Read exactly as build.rs reads the files in force.
    let draft: Editions = read(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/drafts/year-round-2026-draft.toml"))).unwrap();
    files.editions.extend(draft);
    Rules::load(files).unwrap()
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
    // A free choice under the draft: two a year, all year, on the draft's own source.
    let d = decide(&rules, serde_json::json!({
        "service": "attachment", "at": "2027-03-02T10:00:00+05:00", "person": {"residency": "citizen"},
        "reason": "free_choice", "current_attachment": {"attached": true, "free_changes_this_year": 1}, "target_unit": "same"
    }));
    assert_eq!(d["verdict"], "eligible");
    assert_eq!(d["dates"]["free_changes_left"], 0);
    let limit = d["reasons"].as_array().unwrap().iter().find(|r| r["code"] == "free_change_limit").unwrap();
    assert_eq!(limit["sources"], serde_json::json!(["moh-draft-2026-01"]));
    // What the draft does not state carries over from the edition before it: an EAEU worker still
    // needs an insurance contract and applies in writing to the head.
    let d = decide(&rules, serde_json::json!({
        "service": "attachment", "at": "2027-03-02T10:00:00+05:00", "person": {"residency": "eaeu_worker"},
        "reason": "free_choice", "target_unit": "same"
    }));
    assert!(d["reasons"].as_array().unwrap().iter().any(|r| r["code"] == "residency" && r["detail"] == "insured"), "{d}");
}

#[test]
fn the_product_does_not_load_the_draft() {
    let rules = Rules::embedded().unwrap();
    assert!(rules.editions.iter().all(|e| !e.id.starts_with("draft")));
    let d = decide(&rules, campaign_request("2027-09-15T10:00:00+05:00"));
    assert_eq!(d["edition"]["id"], "order-194-2020-amended-2025");
    assert_eq!(d["verdict"], "eligible");
}

/// Each change is stated once: the values of a provision differ from one to the next (in their
/// value or in what they rest on), so no edition repeats the one before it.
#[test]
fn a_value_is_stated_again_only_when_it_changes() {
    let e = files().editions;
    fn no_repeats<T: PartialEq + std::fmt::Debug>(what: &str, list: &[phc::rules::Provision<T>], same_key: impl Fn(&T, &T) -> bool) {
        for (i, p) in list.iter().enumerate() {
            let before = list[..i].iter().filter(|q| same_key(&q.value, &p.value) && q.from < p.from).max_by_key(|q| q.from);
            if let Some(q) = before {
                let same = q.value == p.value && q.sources == p.sources && q.interpretation == p.interpretation && q.single_source == p.single_source;
                assert!(!same, "{what}: the value from {:?} repeats the one from {:?}", p.from, q.from);
            }
        }
    }
    no_repeats("campaign", &e.campaign, |_, _| true);
    no_repeats("free_changes", &e.free_changes, |_, _| true);
    no_repeats("processing", &e.processing, |_, _| true);
    no_repeats("portal_sign_in", &e.portal_sign_in, |_, _| true);
    no_repeats("territory", &e.territory, |_, _| true);
    no_repeats("family", &e.family, |_, _| true);
    no_repeats("ground", &e.ground, |a, b| a.reason == b.reason);
    no_repeats("residency", &e.residency, |a, b| a.codes == b.codes);
    no_repeats("written_application", &e.written_application, |a, b| a.category == b.category);
}

/// What loading refuses in the dated format, each with where it is.
#[test]
fn the_dated_format_is_checked() {
    let refused = |change: &dyn Fn(&mut Editions), want: &str| {
        let mut f = files();
        change(&mut f.editions);
        let e = Rules::load(f).expect_err(want);
        assert!(e.contains(want), "{e:?} does not mention {want:?}");
    };
    // Every value of the attachment rules says from which day.
    refused(&|e| e.territory.to_mut()[1].from = None, "territory: no `from`");
    // Only a ground (or a written application) can be repealed; a limit changes instead.
    refused(&|e| e.free_changes.to_mut()[2].repealed = true, "free_changes from 2025-05-23: repealed");
    // A provision must have a value on the first edition's day.
    refused(&|e| e.family.to_mut()[0].from = Some(chrono::NaiveDate::from_ymd_opt(2016, 1, 1).unwrap()), "no family in force on 2015-04-28");
    // Every residency code has a rule on every day.
    refused(&|e| e.residency.to_mut().retain(|r| !r.codes.contains(&phc::codes::Residency::TemporaryVisitor)), "no residency rule for temporary_visitor");
    // While the campaign is a ground, it has a window.
    refused(&|e| e.campaign.to_mut()[0].from = Some(chrono::NaiveDate::from_ymd_opt(2016, 1, 1).unwrap()), "the campaign is a ground on 2015-04-28, but no campaign window");
    // Typos fail where the file is read, with the key, the line and the column, and the codes the
    // file may use.
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/editions.toml")).unwrap();
    for (from, to, want) in [
        ("per_year = 2\ninterpretation = true", "per_year = 2\ninterpretaton = true", "unknown field `interpretaton`"),
        ("reason = \"privatization\"", "reason = \"privatisation\"", "unknown variant `privatisation`, expected one of `relocation`"),
        ("opens = \"09-01\"", "opens = \"09-31\"", "bad month-day 09-31"),
        ("from = \"2023-08-14\"", "from = \"2023-02-29\"", "February 2023 has 28 days"),
        ("portal = \"same_day\"", "portal = \"sameday\"", "unknown variant `sameday`"),
    ] {
        assert!(text.contains(from), "{from}");
        let e = toml::from_str::<Editions>(&text.replacen(from, to, 1)).unwrap_err().to_string();
        assert!(e.contains(want) && e.contains("line"), "{to}: {e}");
    }
    toml::from_str::<Editions>(&text).unwrap();
}
