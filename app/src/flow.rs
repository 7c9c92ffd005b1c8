//! Which question comes next. The engine decides: after a short prelude (what, for whom, how), each
//! question is the first answer the engine's `needs` names, so only answers that matter to the verdict
//! are asked; then the few answers that change only the documents or the channel; then "check your
//! answers".

use crate::answers::{Answer, Answers};
use phc::time::KzMoment;
use phc::{Decision, InputError, Rules};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One of these codes (radio buttons). A code `""` means "not sure" and records `Skipped`.
    Choice(&'static [&'static str]),
    YesNo,
    Date,
    /// Any of these codes (check boxes), or none.
    Multi(&'static [&'static str]),
    /// A small count: these values, the last meaning "this many or more".
    Count(&'static [u32]),
}

#[derive(Debug, PartialEq, Eq)]
pub struct Question {
    /// The request field it fills, dotted; also the key of its texts (`ui.q.<id>.*`).
    pub id: &'static str,
    pub kind: Kind,
}

use Kind::*;

pub const QUESTIONS: &[Question] = &[
    Question { id: "service", kind: Choice(&["attachment", "home_visit", "complaint"]) },
    Question { id: "applicant", kind: Choice(&["self", "parent", "representative", "family_member"]) },
    Question { id: "channel", kind: Choice(&["portal", "in_person", ""]) },
    Question { id: "person.residency", kind: Choice(&["citizen", "kandas", "refugee", "residence_permit", "eaeu_worker", "eaeu_worker_family", "temporary_visitor"]) },
    Question { id: "reason", kind: Choice(&["relocation", "free_choice", "campaign", "first_attachment", "voluntary_insurance", "commission_disagreement", "clinic_stopped_service", "clinic_capacity", "new_facility", "privatization"]) },
    Question { id: "current_attachment.attached", kind: YesNo },
    Question { id: "current_attachment.at_target_clinic", kind: YesNo },
    Question { id: "current_attachment.free_changes_this_year", kind: Count(&[0, 1, 2]) },
    Question { id: "relocation.moved_on", kind: Date },
    Question { id: "relocation.leaves_unit", kind: YesNo },
    Question { id: "target_unit", kind: Choice(&["same", "neighbouring", "other"]) },
    Question { id: "border_territory", kind: YesNo },
    Question { id: "person.insurance", kind: Choice(&["none", "voluntary", "imputed"]) },
    Question { id: "person.insurance_until", kind: Date },
    Question { id: "person.eds", kind: YesNo },
    Question { id: "person.phone_on_portal", kind: YesNo },
    Question { id: "refusal_received_on", kind: Date },
    Question { id: "person.categories", kind: Multi(&["pensioner", "disability", "disabled_child_representative", "guardian", "convict", "student", "madrasah_student", "conscript", "born_abroad_child", "institution_ward", "power_of_attorney", "voluntary_insurance"]) },
    Question { id: "person.consents_to_data_access", kind: YesNo },
    // Added after share links version 1 was fixed: new questions go last, so old links keep their letters.
    Question { id: "current_attachment.attached_in_campaign", kind: YesNo },
    Question { id: "relocation.away_over_a_month", kind: YesNo },
    Question { id: "person.institution_request", kind: YesNo },
];

pub fn question(id: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|q| q.id == id)
}

#[derive(Debug, PartialEq, Eq)]
pub enum Step {
    Ask(&'static Question),
    Check,
}

/// Asked before the engine is consulted: they shape what the engine needs.
fn prelude(service: &str) -> &'static [&'static str] {
    match service {
        "attachment" => &["applicant", "channel"],
        "home_visit" => &["channel"],
        _ => &[],
    }
}

/// Asked after the verdict is settled: they change the documents and the channel, not the verdict
/// (a missing signature closes the portal, never the answer). Some only when an answer calls for them.
fn extras(service: &str, answers: &Answers, refused: bool) -> Vec<&'static str> {
    let is = |id: &str, a: Answer| answers.get(id) == Some(&a);
    let portal = is("channel", Answer::Code("portal".into()));
    let mut out = Vec::new();
    // How to sign in to the portal matters only to someone who can apply.
    if portal && !refused && matches!(service, "attachment" | "home_visit") {
        out.push("person.eds");
        if service == "attachment" && is("person.eds", Answer::Flag(false)) {
            out.push("person.phone_on_portal");
        }
    }
    if service == "attachment" {
        out.push("person.categories");
        let student = matches!(answers.get("person.categories"), Some(Answer::Codes(cs)) if cs.iter().any(|c| c == "student" || c == "madrasah_student"));
        if student {
            out.push("person.institution_request");
        }
        out.push("person.consents_to_data_access");
    }
    out
}

/// Every question that may be an extra of a service, whatever the answers (for the order of "check your answers").
const EXTRA_IDS: &[&str] = &["person.eds", "person.phone_on_portal", "person.categories", "person.institution_request", "person.consents_to_data_access"];

/// Runs the engine on the answers.
pub fn decide<'r>(answers: &Answers, rules: &'r Rules, now: KzMoment, at: Option<&str>) -> Result<Decision<'r>, InputError> {
    let request = phc::request_from_value(&answers.to_request(at), Some(now), &rules.zones)?;
    phc::decide(&request, rules)
}

/// The next step for these answers.
pub fn next_step(answers: &Answers, rules: &Rules, now: KzMoment, at: Option<&str>) -> Step {
    let Some(service) = answers.service() else { return Step::Ask(question("service").expect("listed")) };
    let service = service.to_string();
    for id in prelude(&service) {
        if !answers.is_answered(id) {
            return Step::Ask(question(id).expect("listed"));
        }
    }
    let mut refused = false;
    if let Ok(decision) = decide(answers, rules, now, at) {
        if let Some(q) = decision.needs.iter().find_map(|n| question(n)) {
            return Step::Ask(q);
        }
        refused = decision.verdict == phc::codes::Verdict::NotEligible;
    }
    for id in extras(&service, answers, refused) {
        if !answers.is_answered(id) {
            return Step::Ask(question(id).expect("listed"));
        }
    }
    Step::Check
}

/// Checks one new answer against the engine: an error that names this question's field.
pub fn check_answer(answers: &Answers, id: &'static str, answer: &Answer, rules: &Rules, now: KzMoment, at: Option<&str>) -> Option<InputError> {
    let mut trial = answers.clone();
    trial.set(id, answer.clone());
    match decide(&trial, rules, now, at) {
        Err(e) if e.field == id => Some(e),
        _ => None,
    }
}

/// Questions answered so far, in the order they are asked, for "check your answers".
pub fn answered_in_order(answers: &Answers) -> Vec<&'static Question> {
    let service = answers.service().unwrap_or("");
    let mut order: Vec<&'static str> = vec!["service"];
    order.extend(prelude(service));
    order.extend(QUESTIONS.iter().map(|q| q.id).filter(|id| *id != "service" && !prelude(service).contains(id) && !EXTRA_IDS.contains(id)));
    order.extend(EXTRA_IDS);
    order.into_iter().filter(|id| answers.is_answered(id)).filter_map(question).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> KzMoment {
        let rules = Rules::embedded().unwrap();
        phc::time::parse_moment("2026-03-10T10:00:00+05:00", "at", &rules.zones).unwrap()
    }

    fn code(s: &str) -> Answer {
        Answer::Code(s.into())
    }

    #[test]
    fn every_field_the_engine_can_need_has_a_question() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../src/engine");
        let mut found = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let src = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            // Every `missing(ReasonCode::X, "field", …)`; the one call with a variable is checked below.
            for part in src.split("missing(ReasonCode::").skip(1) {
                let (_, args) = part.split_once(", ").unwrap();
                if let Some(literal) = args.strip_prefix('"') {
                    let field = &literal[..literal.find('"').unwrap()];
                    found += 1;
                    assert!(question(field).is_some(), "the engine may need {field}, but no question asks it");
                }
            }
        }
        assert!(found > 10, "parsed {found} needs from the engine");
        for f in ["person.eds", "person.phone_on_portal"] {
            assert!(question(f).is_some());
        }
    }

    #[test]
    fn a_walk_through_asks_only_what_matters() {
        let rules = Rules::embedded().unwrap();
        let mut a = Answers::default();
        let mut asked = Vec::new();
        let script: &[(&str, Answer)] = &[
            ("service", code("attachment")),
            ("applicant", code("self")),
            ("channel", code("in_person")),
            ("person.residency", code("temporary_visitor")),
        ];
        for (id, ans) in script {
            match next_step(&a, &rules, now(), None) {
                Step::Ask(q) => {
                    assert_eq!(q.id, *id);
                    asked.push(q.id);
                }
                Step::Check => panic!("too early"),
            }
            a.set(id, ans.clone());
        }
        // A temporary visitor is not eligible whatever else: no reason, no territory asked; only
        // the extras that change documents.
        assert_eq!(next_step(&a, &rules, now(), None), Step::Ask(question("person.categories").unwrap()));
        a.set("person.categories", Answer::Codes(vec![]));
        a.set("person.consents_to_data_access", Answer::Flag(true));
        assert_eq!(next_step(&a, &rules, now(), None), Step::Check);
    }

    #[test]
    fn a_citizen_changing_clinic_is_asked_the_needed_answers_in_order() {
        let rules = Rules::embedded().unwrap();
        let mut a = Answers::default();
        a.set("service", code("attachment"));
        a.set("applicant", code("self"));
        a.set("channel", code("portal"));
        let mut order = Vec::new();
        let replies: &[(&str, Answer)] = &[
            ("person.residency", code("citizen")),
            ("reason", code("free_choice")),
            ("current_attachment.free_changes_this_year", Answer::Count(0)),
            ("target_unit", code("same")),
            ("person.eds", Answer::Flag(false)),
            ("person.phone_on_portal", Answer::Flag(true)),
            ("person.categories", Answer::Codes(vec![])),
            ("person.consents_to_data_access", Answer::Flag(true)),
        ];
        for (id, ans) in replies {
            let Step::Ask(q) = next_step(&a, &rules, now(), None) else { panic!("expected a question for {id}") };
            order.push(q.id);
            a.set(q.id, ans.clone());
        }
        assert_eq!(order, replies.iter().map(|(id, _)| *id).collect::<Vec<_>>());
        assert_eq!(next_step(&a, &rules, now(), None), Step::Check);
        let d = decide(&a, &rules, now(), None).unwrap();
        assert_eq!(d.verdict, phc::codes::Verdict::Eligible);
    }

    #[test]
    fn the_way_to_apply_is_asked_after_the_verdict_and_only_when_it_can_matter() {
        let rules = Rules::embedded().unwrap();
        let mut a = Answers::default();
        for (id, v) in [("service", "attachment"), ("applicant", "self"), ("channel", "portal"), ("person.residency", "citizen"), ("reason", "free_choice"), ("target_unit", "same")] {
            a.set(question(id).unwrap().id, code(v));
        }
        a.set("current_attachment.free_changes_this_year", Answer::Count(0));
        // The verdict is settled without the signature: asked now, as a way to apply.
        assert_eq!(decide(&a, &rules, now(), None).unwrap().verdict, phc::codes::Verdict::Eligible);
        assert_eq!(next_step(&a, &rules, now(), None), Step::Ask(question("person.eds").unwrap()));
        a.set("person.eds", Answer::Flag(false));
        assert_eq!(next_step(&a, &rules, now(), None), Step::Ask(question("person.phone_on_portal").unwrap()));
        a.set("person.phone_on_portal", Answer::Flag(false));
        // A student is asked whether the institution sent a request, and only a student.
        assert_eq!(next_step(&a, &rules, now(), None), Step::Ask(question("person.categories").unwrap()));
        a.set("person.categories", Answer::Codes(vec!["student".into()]));
        assert_eq!(next_step(&a, &rules, now(), None), Step::Ask(question("person.institution_request").unwrap()));
        a.set("person.institution_request", Answer::Flag(false));
        a.set("person.consents_to_data_access", Answer::Flag(true));
        assert_eq!(next_step(&a, &rules, now(), None), Step::Check);
        assert_eq!(decide(&a, &rules, now(), None).unwrap().verdict, phc::codes::Verdict::Eligible, "no signature never changes the answer");
        // Someone refused is not asked how to sign in.
        let mut b = Answers::default();
        for (id, v) in [("service", "home_visit"), ("channel", "portal")] {
            b.set(question(id).unwrap().id, code(v));
        }
        b.set("current_attachment.attached", Answer::Flag(false));
        assert_eq!(next_step(&b, &rules, now(), None), Step::Check);
    }

    #[test]
    fn an_impossible_date_is_caught_on_its_own_question() {
        let rules = Rules::embedded().unwrap();
        let mut a = Answers::default();
        a.set("service", code("complaint"));
        let e = check_answer(&a, "refusal_received_on", &Answer::Date("2026-04-01".into()), &rules, now(), None).unwrap();
        assert!(e.message.contains("after the date of the complaint"));
        assert!(check_answer(&a, "refusal_received_on", &Answer::Date("2026-03-01".into()), &rules, now(), None).is_none());
    }
}
