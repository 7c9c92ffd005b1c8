//! Structured requests: the fuzz bytes choose codes, dates and moments from the contract's
//! vocabularies (and sometimes wrong ones), so the engine itself is exercised, not only the JSON
//! parser. Every outcome must be a decision whose dates are consistent, or a named error.
#![no_main]
use libfuzzer_sys::fuzz_target;
use phc::{check_json, Lang, Rules};
use serde_json::{json, Map, Value};
use std::sync::OnceLock;

fn rules() -> &'static Rules {
    static R: OnceLock<Rules> = OnceLock::new();
    R.get_or_init(|| Rules::embedded().expect("built-in rules"))
}

struct Bytes<'a>(&'a [u8]);
impl Bytes<'_> {
    fn byte(&mut self) -> u8 {
        match self.0.split_first() {
            Some((b, rest)) => {
                self.0 = rest;
                *b
            }
            None => 0,
        }
    }
    fn pick<'s>(&mut self, options: &[&'s str]) -> Option<&'s str> {
        let b = self.byte() as usize;
        // One in four: absent.
        if b % 4 == 0 { None } else { Some(options[b / 4 % options.len()]) }
    }
    fn flag(&mut self) -> Option<bool> {
        match self.byte() % 3 {
            0 => None,
            1 => Some(true),
            _ => Some(false),
        }
    }
    fn date(&mut self) -> Option<String> {
        if self.byte() % 4 == 0 {
            return None;
        }
        let (y, m, d) = (2010 + (self.byte() % 30) as i32, 1 + self.byte() % 13, 1 + self.byte() % 32);
        Some(format!("{y:04}-{m:02}-{d:02}"))
    }
    fn moment(&mut self) -> String {
        let (y, m, d, h, mi) = (2013 + (self.byte() % 26) as i32, 1 + self.byte() % 12, 1 + self.byte() % 31, self.byte() % 24, self.byte() % 60);
        let offsets = ["", "Z", "+05:00", "+06:00", "-11:00", "+14:00"];
        format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:00{}", offsets[self.byte() as usize % offsets.len()])
    }
}

fn put(m: &mut Map<String, Value>, k: &str, v: Option<Value>) {
    if let Some(v) = v {
        m.insert(k.into(), v);
    }
}

fuzz_target!(|data: &[u8]| {
    let mut b = Bytes(data);
    let mut person = Map::new();
    put(&mut person, "residency", b.pick(&["citizen", "kandas", "refugee", "residence_permit", "eaeu_worker", "eaeu_worker_family", "temporary_visitor", "martian"]).map(Value::from));
    put(&mut person, "birth_date", b.date().map(Value::from));
    let cats: Vec<&str> = (0..b.byte() % 4).filter_map(|_| b.pick(&["pensioner", "disability", "guardian", "convict", "student", "conscript", "born_abroad_child", "institution_ward", "power_of_attorney", "voluntary_insurance", "madrasah_student", "disabled_child_representative"])).collect();
    person.insert("categories".into(), json!(cats));
    put(&mut person, "insurance", b.pick(&["none", "voluntary", "imputed"]).map(Value::from));
    put(&mut person, "insurance_until", b.date().map(Value::from));
    put(&mut person, "eds", b.flag().map(Value::from));
    put(&mut person, "phone_on_portal", b.flag().map(Value::from));
    put(&mut person, "consents_to_data_access", b.flag().map(Value::from));
    let mut current = Map::new();
    put(&mut current, "attached", b.flag().map(Value::from));
    put(&mut current, "at_target_clinic", b.flag().map(Value::from));
    if b.byte() % 2 == 0 {
        current.insert("free_changes_this_year".into(), json!(b.byte() % 5));
    }
    let mut relocation = Map::new();
    put(&mut relocation, "moved_on", b.date().map(Value::from));
    put(&mut relocation, "leaves_unit", b.flag().map(Value::from));
    let mut req = Map::new();
    req.insert("service".into(), json!(["attachment", "home_visit", "complaint"][b.byte() as usize % 3]));
    req.insert("at".into(), json!(b.moment()));
    put(&mut req, "channel", b.pick(&["portal", "in_person"]).map(Value::from));
    put(&mut req, "applicant", b.pick(&["self", "parent", "representative", "family_member"]).map(Value::from));
    put(&mut req, "reason", b.pick(&["relocation", "free_choice", "campaign", "voluntary_insurance", "commission_disagreement", "clinic_stopped_service", "clinic_capacity", "new_facility", "privatization", "first_attachment", "temporary_absence"]).map(Value::from));
    put(&mut req, "target_unit", b.pick(&["same", "neighbouring", "other"]).map(Value::from));
    put(&mut req, "border_territory", b.flag().map(Value::from));
    put(&mut req, "refusal_received_on", b.date().map(Value::from));
    put(&mut req, "away_from_home", b.flag().map(Value::from));
    req.insert("person".into(), Value::Object(person));
    req.insert("current_attachment".into(), Value::Object(current));
    req.insert("relocation".into(), Value::Object(relocation));
    let text = Value::Object(req).to_string();
    let lang = [None, Some(Lang::Kk), Some(Lang::Ru), Some(Lang::En)][b.byte() as usize % 4];
    match check_json(&text, rules(), lang, None) {
        Err(e) => assert!(!e.path().is_empty() && !e.message.is_empty(), "{e:?}"),
        Ok(out) => {
            let d: serde_json::Value = serde_json::from_str(&out).unwrap();
            let verdict = d["verdict"].as_str().unwrap();
            assert_eq!(verdict == "eligible_later", !d["eligible_from"].is_null(), "{out}");
            assert_eq!(verdict == "needs_information", !d["needs"].as_array().unwrap().is_empty(), "{out}");
            let cal = &rules().calendar;
            for key in ["accepted_on", "decision_due", "complaint_decision_due", "complaint_deadline"] {
                if let Some(s) = d["dates"][key].as_str() {
                    let day = chrono_day(s);
                    assert!(cal.is_working_day(day).unwrap(), "{key} {s} is not a working day: {out}");
                }
            }
            if lang.is_some() {
                assert!(!out.contains('⟦'), "a missing message: {out}");
            }
        }
    }
});

fn chrono_day(s: &str) -> chrono::NaiveDate {
    phc::dates::parse_date(s).expect("the engine writes valid dates")
}
