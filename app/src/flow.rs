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
/// legal grounds they would not name left out (they stay valid in a request and in old links), and
/// the options that stand for several answers at once (`expand`).
pub fn shown(q: &Question) -> &'static [&'static str] {
    match (q.id, q.kind) {
        (Field::Service, _) => &[ATTACH_SELF, ATTACH_CHILD, "attachment", "home_visit", "complaint"],
        (Field::LeavesUnit, _) => &["no", MOVED_AWAY_LONG, MOVED_AWAY_SHORT],
        (Field::Reason, _) => &["free_choice", "relocation", "temporary_absence", BABY_BORN, "first_attachment", "clinic_stopped_service", "voluntary_insurance", "campaign", ""],
        (_, Choice(codes) | Multi(codes)) => codes,
        _ => &[],
    }
}

/// "My baby was born" (issue 23): what happened in a parent's words, which settles three answers at
/// once: a parent applies, for a child never attached, on the ground of a first attachment.
pub const BABY_BORN: &str = "baby_born";

/// "Attach myself" and "attach my child" (issue 23): what to do and for whom in one answer, a screen
/// fewer on every attachment journey; the plain `attachment` is then "someone else", who is asked.
pub const ATTACH_SELF: &str = "attachment_self";
pub const ATTACH_CHILD: &str = "attachment_child";

/// Where did you move (issue 23): beyond the unit and for how long in one question, which a person
/// who has just moved reads right ("for more than a month?" alone was read as "will you be away").
pub const MOVED_AWAY_LONG: &str = "yes_over_a_month";
pub const MOVED_AWAY_SHORT: &str = "yes_a_month_or_less";

/// The answers one answer stands for: an option in a person's words that settles several fields
/// (`BABY_BORN`, `ATTACH_SELF`, `ATTACH_CHILD`), else the answer itself. Never stored as given: only
/// the answers it stands for are, so a request, a share link and "check your answers" see codes of
/// the contract only.
pub fn expand(id: Field, answer: &Answer) -> Vec<(Field, Answer)> {
    let attach = |applicant: &str| vec![(Field::Service, Answer::Code("attachment".into())), (Field::Applicant, Answer::Code(applicant.into()))];
    match (id, answer) {
        (Field::Service, Answer::Code(c)) if c == ATTACH_SELF => attach("self"),
        (Field::Service, Answer::Code(c)) if c == ATTACH_CHILD => attach("parent"),
        (Field::LeavesUnit, Answer::Code(c)) if c == MOVED_AWAY_LONG || c == MOVED_AWAY_SHORT => {
            vec![(Field::LeavesUnit, Answer::Flag(true)), (Field::AwayOverAMonth, Answer::Flag(c == MOVED_AWAY_LONG))]
        }
        (Field::LeavesUnit, Answer::Code(c)) if c == "no" => vec![(Field::LeavesUnit, Answer::Flag(false))],
        (Field::Reason, Answer::Code(c)) if c == BABY_BORN => vec![
            (Field::Reason, Answer::Code("first_attachment".into())),
            (Field::Applicant, Answer::Code("parent".into())),
            (Field::Attached, Answer::Flag(false)),
        ],
        _ => vec![(id, answer.clone())],
    }
}

/// The categories that can apply to a child: an adult's (pensioner, conscript…) are not offered.
const CHILD_CATEGORIES: &[&str] = &["disabled_child_representative", "guardian", "born_abroad_child", "institution_ward", "power_of_attorney", "voluntary_insurance"];

/// Whom a doctor is called for: me, my child, or someone else (issue 23); representation by power of
/// attorney is no question of a home visit.
const HOME_VISIT_APPLICANTS: &[&str] = &["self", "parent", "family_member"];

/// The options of `q` for these answers: a child is offered only a child's categories; a home visit
/// asks for whom in a caller's words.
pub fn options_for(q: &Question, answers: &Answers) -> Vec<&'static str> {
    let child = answers.is(Field::Applicant, "parent");
    if q.id == Field::Applicant && answers.service() == Some("home_visit") {
        return HOME_VISIT_APPLICANTS.to_vec();
    }
    shown(q).iter().copied().filter(|c| !(child && q.id == Field::Categories && !CHILD_CATEGORIES.contains(c))).collect()
}

/// The suffixes of a question's texts for these answers, the most specific first and "" last: a
/// home visit's caller (`_home_visit`), a child's parent (`_child`), someone applying for another
/// person (`_other`). A text a question does not have in a variant falls back to the next.
pub fn text_variants(id: Field, answers: &Answers) -> Vec<&'static str> {
    let mut v = Vec::with_capacity(3);
    if id == Field::Applicant && answers.service() == Some("home_visit") {
        v.push("_home_visit");
    }
    // "More than a month?" of someone going away reads "will you be away", not "is the move".
    if id == Field::AwayOverAMonth && answers.is(Field::Reason, "temporary_absence") {
        v.push("_away");
    }
    match answers.get(Field::Applicant) {
        Some(Answer::Code(a)) if a == "parent" => v.extend(["_child", "_other"]),
        Some(Answer::Code(a)) if a != "self" => v.push("_other"),
        _ => {}
    }
    v.push("");
    v
}

/// The option a question shows as chosen when it is opened again: the one in a person's words that
/// the stored answers stand for, where there is one.
pub fn chosen_option(id: Field, answers: &Answers) -> Option<&'static str> {
    match id {
        Field::Service if answers.is(Field::Service, "attachment") && answers.is(Field::Applicant, "self") => Some(ATTACH_SELF),
        Field::Service if answers.is(Field::Service, "attachment") && answers.is(Field::Applicant, "parent") => Some(ATTACH_CHILD),
        Field::LeavesUnit => match (answers.get(Field::LeavesUnit), answers.get(Field::AwayOverAMonth)) {
            (Some(Answer::Flag(false)), _) => Some("no"),
            (Some(Answer::Flag(true)), Some(Answer::Flag(true))) => Some(MOVED_AWAY_LONG),
            (Some(Answer::Flag(true)), Some(Answer::Flag(false))) => Some(MOVED_AWAY_SHORT),
            _ => None,
        },
        _ => None,
    }
}

/// The message key of an option's label, for the person the question is about: the variant for a
/// home visit's caller, for a child (`_child`) or another person (`_other`) where the question has
/// one (`has` says whether a key exists), else the plain one.
pub fn option_key(q: &Question, code: &str, answers: &Answers, has: impl Fn(&str) -> bool) -> String {
    // Beside "attach myself" and "my child", the plain attachment is offered as "someone else".
    let code = match (q.id, code) {
        (Field::Service, "attachment") => "attachment_other",
        (_, "") => "not_sure",
        _ => code,
    };
    let base = format!("ui.q.{}.{code}", q.id);
    text_variants(q.id, answers).into_iter().map(|v| format!("{base}{v}")).find(|k| has(k)).unwrap_or(base)
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
/// "What happened?" comes first (issue 23): a person knows what happened to them before the legal
/// questions, and their answer may settle who applies ("My baby was born"). A home visit asks for
/// whom the doctor is called.
fn prelude(service: &str, answers: &Answers) -> &'static [Field] {
    match service {
        "attachment" if answers.is(Field::Applicant, "parent") => &[Field::Reason, Field::Applicant, Field::BirthDate],
        "attachment" => &[Field::Reason, Field::Applicant],
        "home_visit" => &[Field::Applicant],
        _ => &[],
    }
}

/// Asked after the verdict is settled: they change the documents, not the verdict, and only when an
/// answer calls for them. How to apply is not asked (issue 9: "if at all"): the result gives every
/// way open, the portal with what it needs to sign in; the data-access consent is not asked either:
/// the result lists it among what can refuse an application. Either can still come in a request
/// (an integrator's, or a share link), and the engine uses it.
fn extras(service: &str, answers: &Answers) -> &'static [Field] {
    // A student is not asked whether the institution sent a request (few know): the result lists
    // the rector's request "only if your institution sent one".
    match service {
        "attachment" => &[Field::Categories],
        // Asking another clinic for a doctor: a traveller is told where to go there, not to call
        // their own clinic (issue 24) — asked only then, where it changes the answer.
        "home_visit" if answers.get(Field::AtTargetClinic) == Some(&Answer::Flag(false)) => &[Field::AwayFromHome],
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
    let decided = decide(answers, rules, now, at);
    if let Ok(decision) = &decided {
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
    // Nothing to change (going away for a while): no papers, so no question about them.
    let nothing_to_apply = decided.as_ref().is_ok_and(|d| d.routes.is_empty() && d.reasons.iter().any(|r| r.code == phc::codes::ReasonCode::NoChangeNeeded) && d.verdict == phc::codes::Verdict::NotEligible);
    for &id in extras(&service, answers).iter().filter(|_| !nothing_to_apply) {
        if !answers.is_answered(id) {
            return Step::Ask(question(id).expect("listed"));
        }
    }
    Step::Check
}

/// Checks one new answer against the engine: an error that names this question's field.
pub fn check_answer(answers: &Answers, id: Field, answer: &Answer, rules: &Rules, now: KzMoment, at: Option<&str>) -> Option<InputError> {
    let mut trial = answers.clone();
    for (f, a) in expand(id, answer) {
        trial.set(f, a);
    }
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
                // A yes/no offered in a person's words stands for flags (`expand`).
                for o in shown(q) {
                    assert!(expand(q.id, &Answer::Code((*o).into())).iter().all(|(_, a)| matches!(a, Answer::Flag(_))), "{} offers {o}", q.id);
                }
                continue;
            };
            let codes = q.id.codes().unwrap_or_else(|| panic!("{} offers codes the contract does not give it", q.id));
            let mut given: Vec<&str> = opts.iter().copied().filter(|o| !o.is_empty()).collect();
            given.sort();
            let mut expected = codes.to_vec();
            expected.sort();
            assert_eq!(given, expected, "the options of {}", q.id);
            // An option in a person's words stands for codes of the vocabulary (`expand`).
            let stands_for_codes = |o: &str| {
                let expanded = expand(q.id, &Answer::Code(o.into()));
                expanded.len() > 1 && expanded.iter().all(|(f, a)| *f != q.id || matches!(a, Answer::Code(c) if opts.contains(&c.as_str())))
            };
            assert!(shown(q).iter().all(|o| opts.contains(o) || stands_for_codes(o)), "{} shows an option it does not have", q.id);
        }
    }

    #[test]
    fn a_walk_through_asks_only_what_matters() {
        let rules = Rules::embedded().unwrap();
        let mut a = Answers::default();
        let mut asked = Vec::new();
        let script: &[(Field, Answer)] = &[
            (Field::Service, code("attachment")),
            (Field::Reason, code("free_choice")),
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
        a.set(Field::Reason, code("free_choice"));
        a.set(Field::Applicant, code("self"));
        let mut order = Vec::new();
        // The pensioner who wants to leave a rude clinic: seven questions, then "check your answers".
        let replies: &[(Field, Answer)] = &[
            (Field::Residency, code("citizen")),
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
        // A home visit asks for whom first, in the caller's words; someone refused is asked nothing more.
        let mut b = Answers::default();
        b.set(Field::Service, code("home_visit"));
        assert_eq!(next_step(&b, &rules, now(), None), Step::Ask(question(Field::Applicant).unwrap()));
        assert_eq!(options_for(question(Field::Applicant).unwrap(), &b), ["self", "parent", "family_member"]);
        b.set(Field::Applicant, code("family_member"));
        b.set(Field::Attached, Answer::Flag(false));
        assert_eq!(next_step(&b, &rules, now(), None), Step::Check);
        assert_eq!(decide(&b, &rules, now(), None).unwrap().verdict, phc::codes::Verdict::NotEligible);
    }

    #[test]
    fn i_dont_know_is_not_asked_again_and_a_child_is_asked_a_childs_questions() {
        let rules = Rules::embedded().unwrap();
        let mut a = Answers::default();
        a.set(Field::Service, code("attachment"));
        // What happened comes first; then, for a child, the birth date, and only a child's categories.
        assert_eq!(next_step(&a, &rules, now(), None), Step::Ask(question(Field::Reason).unwrap()));
        a.set(Field::Reason, Answer::Skipped);
        assert_eq!(next_step(&a, &rules, now(), None), Step::Ask(question(Field::Applicant).unwrap()));
        a.set(Field::Applicant, code("parent"));
        assert_eq!(next_step(&a, &rules, now(), None), Step::Ask(question(Field::BirthDate).unwrap()));
        a.set(Field::BirthDate, Answer::Date("2023-05-01".into()));
        a.set(Field::Residency, code("citizen"));
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
        assert!(reasons.contains(&BABY_BORN), "what happened, in a parent's words");
        assert!(!reasons.contains(&"privatization"));
        let d = decide(&a, &rules, now(), None).unwrap();
        assert!(!d.routes.is_empty(), "the routes say what is open without a reason");
        assert!(d.reasons.iter().any(|r| r.code == phc::codes::ReasonCode::ActualResidenceUnderFive), "the under-5 rule appears");
    }

    /// Each question speaks to one person: the caller of a home visit, a parent ("your child"), or
    /// someone applying for another; a text a question lacks falls back to the plain one.
    #[test]
    fn texts_speak_to_the_person_the_question_is_about() {
        let mut a = Answers::default();
        a.set(Field::Service, code("home_visit"));
        let applicant = question(Field::Applicant).unwrap();
        let has = |k: &str| k.ends_with("_home_visit") || k.ends_with("_child");
        assert_eq!(option_key(applicant, "self", &a, has), "ui.q.applicant.self_home_visit");
        assert_eq!(text_variants(Field::Applicant, &a), ["_home_visit", ""]);
        a.set(Field::Applicant, code("parent"));
        assert_eq!(text_variants(Field::Attached, &a), ["_child", "_other", ""]);
        assert_eq!(option_key(question(Field::TargetUnit).unwrap(), "same", &a, |_| false), "ui.q.target_unit.same");
        a.set(Field::Applicant, code("self"));
        assert_eq!(text_variants(Field::Attached, &a), [""]);
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
