//! Which question comes next. The engine decides: after a short prelude (what, for whom, how), each
//! question is the first answer the engine's `needs` names, so only answers that matter to the verdict
//! are asked; then the few answers that change only the documents or the channel; then "check your
//! answers".

use crate::answers::{Answer, Answers};
use phc::codes::Field;
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
    /// The request field it fills; its wire name is also the key of its texts (`ui.q.<id>.*`).
    pub id: Field,
    pub kind: Kind,
}

use Kind::*;

pub const QUESTIONS: &[Question] = &[
    Question { id: Field::Service, kind: Choice(&["attachment", "home_visit", "complaint"]) },
    Question { id: Field::Applicant, kind: Choice(&["self", "parent", "representative", "family_member"]) },
    Question { id: Field::Channel, kind: Choice(&["portal", "in_person", ""]) },
    Question { id: Field::Residency, kind: Choice(&["citizen", "kandas", "refugee", "residence_permit", "eaeu_worker", "eaeu_worker_family", "temporary_visitor"]) },
    // The codes keep their places (share links of version 1 write an option's place); `shown` says
    // which a person is offered, in what order, and "" is "something else / I don't know".
    Question { id: Field::Reason, kind: Choice(&["relocation", "free_choice", "campaign", "first_attachment", "voluntary_insurance", "commission_disagreement", "clinic_stopped_service", "clinic_capacity", "new_facility", "privatization", "", "temporary_absence"]) },
    Question { id: Field::Attached, kind: YesNo },
    Question { id: Field::AtTargetClinic, kind: YesNo },
    Question { id: Field::FreeChangesThisYear, kind: Count(&[0, 1, 2]) },
    Question { id: Field::MovedOn, kind: Date },
    Question { id: Field::LeavesUnit, kind: YesNo },
    Question { id: Field::TargetUnit, kind: Choice(&["same", "neighbouring", "other"]) },
    Question { id: Field::BorderTerritory, kind: YesNo },
    Question { id: Field::Insurance, kind: Choice(&["none", "voluntary", "imputed", ""]) },
    Question { id: Field::InsuranceUntil, kind: Date },
    Question { id: Field::Eds, kind: YesNo },
    Question { id: Field::PhoneOnPortal, kind: YesNo },
    Question { id: Field::RefusalReceivedOn, kind: Date },
    Question { id: Field::Categories, kind: Multi(&["pensioner", "disability", "disabled_child_representative", "guardian", "convict", "student", "madrasah_student", "conscript", "born_abroad_child", "institution_ward", "power_of_attorney", "voluntary_insurance"]) },
    Question { id: Field::ConsentsToDataAccess, kind: YesNo },
    // Added after share links version 1 was fixed: new questions go last, so old links keep their letters.
    Question { id: Field::AttachedInCampaign, kind: YesNo },
    Question { id: Field::AwayOverAMonth, kind: YesNo },
    Question { id: Field::InstitutionRequest, kind: YesNo },
    Question { id: Field::BirthDate, kind: Date },
    // Issue 24: a home visit asked while away from home (never in `needs`: an integrator's answer).
    Question { id: Field::AwayFromHome, kind: YesNo },
];

/// The options a person is offered, in the order offered: what happened to them in plain words, the
/// legal grounds they would not name left out (they stay valid in a request and in old links).
pub fn shown(q: &Question) -> &'static [&'static str] {
    match (q.id, q.kind) {
        (Field::Reason, _) => &["free_choice", "relocation", "first_attachment", "clinic_stopped_service", "voluntary_insurance", "campaign", ""],
        (_, Choice(codes) | Multi(codes)) => codes,
        _ => &[],
    }
}

/// The categories that can apply to a child: an adult's (pensioner, conscript…) are not offered.
const CHILD_CATEGORIES: &[&str] = &["disabled_child_representative", "guardian", "born_abroad_child", "institution_ward", "power_of_attorney", "voluntary_insurance"];

/// The options of `q` for these answers: a child is offered only a child's categories.
pub fn options_for(q: &Question, answers: &Answers) -> Vec<&'static str> {
    let child = answers.is(Field::Applicant, "parent");
    shown(q).iter().copied().filter(|c| !(child && q.id == Field::Categories && !CHILD_CATEGORIES.contains(c))).collect()
}

pub fn question(id: Field) -> Option<&'static Question> {
    QUESTIONS.iter().find(|q| q.id == id)
}

#[derive(Debug, PartialEq, Eq)]
pub enum Step {
    Ask(&'static Question),
    Check,
}

/// Asked before the engine is consulted: they shape what the engine needs. For a child, the birth
/// date (children under five attach by where they actually live).
fn prelude(service: &str, answers: &Answers) -> &'static [Field] {
    match service {
        "attachment" if answers.is(Field::Applicant, "parent") => &[Field::Applicant, Field::BirthDate],
        "attachment" => &[Field::Applicant],
        _ => &[],
    }
}

/// Asked after the verdict is settled: they change the documents, not the verdict, and only when an
/// answer calls for them. How to apply is not asked (issue 9: "if at all"): the result gives every
/// way open, the portal with what it needs to sign in; the data-access consent is not asked either:
/// the result lists it among what can refuse an application. Either can still come in a request
/// (an integrator's, or a share link), and the engine uses it.
fn extras(service: &str) -> &'static [Field] {
    // A student is not asked whether the institution sent a request (few know): the result lists
    // the rector's request "only if your institution sent one".
    match service {
        "attachment" => &[Field::Categories],
        _ => &[],
    }
}

/// Every question that may be an extra of a service, whatever the answers (for the order of "check your answers").
const EXTRA_IDS: &[Field] = &[Field::Channel, Field::Eds, Field::PhoneOnPortal, Field::Categories, Field::InstitutionRequest, Field::ConsentsToDataAccess];

/// Runs the engine on the answers.
pub fn decide<'r>(answers: &Answers, rules: &'r Rules, now: KzMoment, at: Option<&str>) -> Result<Decision<'r>, InputError> {
    let request = phc::request_from_value(&answers.to_request(at), Some(now), &rules.zones)?;
    phc::decide(&request, rules)
}

/// The next step for these answers.
pub fn next_step(answers: &Answers, rules: &Rules, now: KzMoment, at: Option<&str>) -> Step {
    let Some(service) = answers.service() else { return Step::Ask(question(Field::Service).expect("listed")) };
    let service = service.to_string();
    for &id in prelude(&service, answers) {
        if !answers.is_answered(id) {
            return Step::Ask(question(id).expect("listed"));
        }
    }
    if let Ok(decision) = decide(answers, rules, now, at) {
        // A need the person said they do not know is not asked again: the result says what it decides.
        if let Some(q) = decision.needs.iter().filter(|n| !answers.is_answered(**n)).find_map(|n| question(*n)) {
            return Step::Ask(q);
        }
        // Not knowing the legal ground is fine: the routes open to the situation are the answer, so
        // what they still need is asked (a free change needs the count of this year's changes).
        if answers.get(Field::Reason) == Some(&Answer::Skipped) {
            let route_needs = decision.routes.iter().flat_map(|r| r.needs.iter());
            if let Some(q) = route_needs.filter(|n| !answers.is_answered(**n)).find_map(|n| question(*n)) {
                return Step::Ask(q);
            }
        }
    }
    for &id in extras(&service) {
        if !answers.is_answered(id) {
            return Step::Ask(question(id).expect("listed"));
        }
    }
    Step::Check
}

/// Checks one new answer against the engine: an error that names this question's field.
pub fn check_answer(answers: &Answers, id: Field, answer: &Answer, rules: &Rules, now: KzMoment, at: Option<&str>) -> Option<InputError> {
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
    let mut order: Vec<Field> = vec![Field::Service];
    let prelude = prelude(service, answers);
    order.extend(prelude);
    order.extend(QUESTIONS.iter().map(|q| q.id).filter(|id| *id != Field::Service && !prelude.contains(id) && !EXTRA_IDS.contains(id)));
    order.extend(EXTRA_IDS);
    order.into_iter().filter(|id| answers.is_answered(*id)).filter_map(question).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> KzMoment {
        let rules = Rules::embedded().unwrap();
        phc::time::parse_moment("2026-03-10T10:00:00+05:00", Field::At, &rules.zones).unwrap()
    }

    fn code(s: &str) -> Answer {
        Answer::Code(s.into())
    }

    /// What the engine can need is a field of the request: every field a citizen can answer (all but
    /// `version`, `at` and the objects that hold the others) has a question.
    #[test]
    fn every_field_a_citizen_can_answer_has_a_question() {
        let objects = [Field::Request, Field::Person, Field::CurrentAttachment, Field::Relocation];
        for f in Field::ALL.iter().copied().filter(|f| !objects.contains(f) && ![Field::Version, Field::At].contains(f)) {
            assert!(question(f).is_some(), "the engine may need {f}, but no question asks it");
        }
        assert_eq!(QUESTIONS.len(), Field::ALL.len() - objects.len() - 2, "one question per field");
    }

    /// A question's options are the field's codes, each once (a new code of the vocabulary cannot be
    /// forgotten); `""` is "not sure". What a person is offered (`shown`) is among them.
    #[test]
    fn options_are_the_vocabularys_codes() {
        for q in QUESTIONS {
            let (Choice(opts) | Multi(opts)) = q.kind else {
                assert!(q.id.codes().is_none(), "{} has codes but no choice", q.id);
                continue;
            };
            let codes = q.id.codes().unwrap_or_else(|| panic!("{} offers codes the contract does not give it", q.id));
            let mut given: Vec<&str> = opts.iter().copied().filter(|o| !o.is_empty()).collect();
            given.sort();
            let mut expected = codes.to_vec();
            expected.sort();
            assert_eq!(given, expected, "the options of {}", q.id);
            assert!(shown(q).iter().all(|o| opts.contains(o)), "{} shows an option it does not have", q.id);
        }
    }

    #[test]
    fn a_walk_through_asks_only_what_matters() {
        let rules = Rules::embedded().unwrap();
        let mut a = Answers::default();
        let mut asked = Vec::new();
        let script: &[(Field, Answer)] = &[
            (Field::Service, code("attachment")),
            (Field::Applicant, code("self")),
            (Field::Residency, code("temporary_visitor")),
        ];
        for (id, ans) in script {
            match next_step(&a, &rules, now(), None) {
                Step::Ask(q) => {
                    assert_eq!(q.id, *id);
                    asked.push(q.id);
                }
                Step::Check => panic!("too early"),
            }
            a.set(*id, ans.clone());
        }
        // A temporary visitor is not eligible whatever else: no reason, no territory, no way to
        // apply asked; only the extras that change documents.
        assert_eq!(next_step(&a, &rules, now(), None), Step::Ask(question(Field::Categories).unwrap()));
        a.set(Field::Categories, Answer::Codes(vec![]));
        a.set(Field::ConsentsToDataAccess, Answer::Flag(true));
        assert_eq!(next_step(&a, &rules, now(), None), Step::Check);
    }

    #[test]
    fn a_citizen_changing_clinic_is_asked_the_needed_answers_in_order() {
        let rules = Rules::embedded().unwrap();
        let mut a = Answers::default();
        a.set(Field::Service, code("attachment"));
        a.set(Field::Applicant, code("self"));
        let mut order = Vec::new();
        // The pensioner who wants to leave a rude clinic: seven questions, then "check your answers".
        let replies: &[(Field, Answer)] = &[
            (Field::Residency, code("citizen")),
            (Field::Reason, code("free_choice")),
            (Field::FreeChangesThisYear, Answer::Count(0)),
            (Field::TargetUnit, code("same")),
            (Field::Categories, Answer::Codes(vec!["pensioner".into()])),
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
    fn the_way_to_apply_is_not_asked_nor_a_students_institution_request() {
        let rules = Rules::embedded().unwrap();
        let mut a = Answers::default();
        for (id, v) in [(Field::Service, "attachment"), (Field::Applicant, "self"), (Field::Residency, "citizen"), (Field::Reason, "free_choice"), (Field::TargetUnit, "same")] {
            a.set(question(id).unwrap().id, code(v));
        }
        a.set(Field::FreeChangesThisYear, Answer::Count(0));
        assert_eq!(decide(&a, &rules, now(), None).unwrap().verdict, phc::codes::Verdict::Eligible);
        // No channel, no signature, no consent question: the result gives every way and the risks.
        assert_eq!(next_step(&a, &rules, now(), None), Step::Ask(question(Field::Categories).unwrap()));
        a.set(Field::Categories, Answer::Codes(vec!["student".into()]));
        assert_eq!(next_step(&a, &rules, now(), None), Step::Check);
        let d = decide(&a, &rules, now(), None).unwrap();
        assert!(d.documents.iter().any(|doc| doc.only_if == Some("institution_request")), "the rector's request only if one was sent");
        let d = decide(&a, &rules, now(), None).unwrap();
        assert!(d.refusal_risks.contains(&"no_data_access_consent"), "the consent is said as a risk");
        // A share link or an integrator may still give the channel: then a missing signature closes
        // the portal, never the answer.
        a.set(Field::Channel, code("portal"));
        a.set(Field::Eds, Answer::Flag(false));
        a.set(Field::PhoneOnPortal, Answer::Flag(false));
        assert_eq!(decide(&a, &rules, now(), None).unwrap().verdict, phc::codes::Verdict::Eligible);
        // Someone refused is asked nothing more than the documents' question.
        let mut b = Answers::default();
        b.set(Field::Service, code("home_visit"));
        b.set(Field::Attached, Answer::Flag(false));
        assert_eq!(next_step(&b, &rules, now(), None), Step::Check);
    }

    #[test]
    fn i_dont_know_is_not_asked_again_and_a_child_is_asked_a_childs_questions() {
        let rules = Rules::embedded().unwrap();
        let mut a = Answers::default();
        a.set(Field::Service, code("attachment"));
        a.set(Field::Applicant, code("parent"));
        // A child: the birth date first, then only a child's categories are offered.
        assert_eq!(next_step(&a, &rules, now(), None), Step::Ask(question(Field::BirthDate).unwrap()));
        a.set(Field::BirthDate, Answer::Date("2023-05-01".into()));
        a.set(Field::Residency, code("citizen"));
        assert_eq!(next_step(&a, &rules, now(), None), Step::Ask(question(Field::Reason).unwrap()));
        a.set(Field::Reason, Answer::Skipped);
        // "Something else / I don't know": the reason is not asked again; the routes answer, and what
        // they need is asked (a free change needs this year's count).
        let next = next_step(&a, &rules, now(), None);
        assert_ne!(next, Step::Ask(question(Field::Reason).unwrap()));
        a.set(Field::TargetUnit, code("same"));
        assert_eq!(next_step(&a, &rules, now(), None), Step::Ask(question(Field::FreeChangesThisYear).unwrap()));
        let categories = options_for(question(Field::Categories).unwrap(), &a);
        assert!(categories.contains(&"born_abroad_child") && !categories.contains(&"pensioner") && !categories.contains(&"conscript"));
        // The reason's options: plain words first, rare legal grounds left out, "I don't know" last.
        let reasons = options_for(question(Field::Reason).unwrap(), &a);
        assert_eq!((reasons[0], *reasons.last().unwrap()), ("free_choice", ""));
        assert!(!reasons.contains(&"privatization"));
        let d = decide(&a, &rules, now(), None).unwrap();
        assert!(!d.routes.is_empty(), "the routes say what is open without a reason");
        assert!(d.reasons.iter().any(|r| r.code == phc::codes::ReasonCode::ActualResidenceUnderFive), "the under-5 rule appears");
    }

    #[test]
    fn an_impossible_date_is_caught_on_its_own_question() {
        let rules = Rules::embedded().unwrap();
        let mut a = Answers::default();
        a.set(Field::Service, code("complaint"));
        let e = check_answer(&a, Field::RefusalReceivedOn, &Answer::Date("2026-04-01".into()), &rules, now(), None).unwrap();
        assert!(e.message.contains("after the date of the complaint"));
        assert!(check_answer(&a, Field::RefusalReceivedOn, &Answer::Date("2026-03-01".into()), &rules, now(), None).is_none());
    }
}
