//! The app's state and its one reducer (Yew's `function_todomvc` pattern): every change of screen or
//! answer is an `Action`, so going back, changing an answer from "check your answers" and starting
//! again are each one rule here. Native and natively tested: the reducer is a pure function of the
//! state, the action and "now" (the UI passes the clock; issue 16). The decision is computed once,
//! when the result is entered, and kept: the result page, the widget's `phc-result` event and the
//! calendar file all show that one decision, made at one moment.

use crate::answers::{Answer, Answers};
use crate::draft::{answer_of, draft_of, Draft, Edit};
use crate::flow::{self, Step};
use phc::codes::{ErrorKind, Field};
use phc::time::KzMoment;
use phc::{Decision, InputError, Lang, Rules};
use std::rc::Rc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Start,
    Ask(Field),
    Check,
    Result,
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub lang: Lang,
    pub screen: Screen,
    pub answers: Answers,
    /// Screens to go back to.
    pub history: Vec<Screen>,
    /// Screens left by going back, the nearest last: the browser's Forward returns to them while no
    /// new answer has taken another way (issue 23).
    pub ahead: Vec<Screen>,
    /// Set when a question was opened from "check your answers": answering returns there.
    pub returning: bool,
    /// A fixed "now" (the widget's `at` attribute, or a demo link); otherwise the clock.
    pub at: Option<String>,
    /// A share link that could not be read: the message key to show on the start page.
    pub link_error: Option<&'static str>,
    /// What the citizen has entered on the question shown, once they change anything (until then
    /// the page shows the answer given before). Forgotten when the screen changes.
    pub draft: Option<Draft>,
    /// The message key of the error the question shows. Forgotten when the screen changes.
    pub error: Option<&'static str>,
    /// The share link made on the result page (forgotten when the screen changes).
    pub share: Share,
    /// The result's decision, made when the result was entered (none on other screens).
    pub decided: Option<Decided>,
    /// The result shows all of itself: its first frame shows the answer and what to do now (the
    /// answer, the next step, the documents, the dates), the rest follows once that is painted, so
    /// the last answer's click is answered within one frame on a slow phone (issue 18).
    pub complete: bool,
}

/// The decision of the result page, its texts in the page's language, and the moment it was made
/// (the calendar file's time stamp). Shared, not copied, between the states the reducer makes; equal
/// only to itself.
#[derive(Debug, Clone)]
pub struct Decided(Rc<Made>);

#[derive(Debug)]
struct Made {
    decision: Result<Decision<'static>, InputError>,
    at: KzMoment,
    lang: Lang,
}

impl Decided {
    /// The decision, its texts written in `lang`.
    fn new(mut decision: Result<Decision<'static>, InputError>, at: KzMoment, lang: Lang) -> Decided {
        if let Ok(d) = &mut decision {
            phc::i18n::annotate(d, lang);
        }
        Decided(Rc::new(Made { decision, at, lang }))
    }

    pub fn decision(&self) -> &Result<Decision<'static>, InputError> {
        &self.0.decision
    }

    pub fn at(&self) -> KzMoment {
        self.0.at
    }
}

impl PartialEq for Decided {
    fn eq(&self, other: &Decided) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub enum Share {
    #[default]
    None,
    Made(String),
    /// Made and copied to the clipboard (the page says so).
    Copied(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    SetLang(Lang),
    /// Leaves the start page (optionally with the service already chosen).
    Begin,
    /// The question page's "Continue": its draft read as an answer and checked against the rules,
    /// then answered, or the error shown.
    Submit,
    Answer(Field, Answer),
    Back,
    /// The browser went back to the entry of this depth (the screens before it stay).
    BackTo(usize),
    Change(Field),
    ShowResult,
    /// The result's texts could not be loaded: the check page says so, and its button tries again.
    ResultUnavailable,
    Restart,
    /// A new fixed "now" or preset service from the host page.
    Configure { at: Option<String>, service: Option<String> },
    /// A change on the question page.
    Edit(Edit),
    /// The result's first frame is painted: show the rest.
    Complete,
    /// The result page made a share link.
    Share(String),
    /// … and copied it to the clipboard.
    Copied,
}

impl State {
    pub fn new(lang: Lang, at: Option<String>, service: Option<String>) -> State {
        let mut answers = Answers::default();
        if let Some(s) = service {
            answers.set(Field::Service, Answer::Code(s));
        }
        State { lang, screen: Screen::Start, answers, history: Vec::new(), ahead: Vec::new(), returning: false, at, link_error: None, draft: None, error: None, share: Share::None, decided: None, complete: false }
    }

    /// The state a share link restores: its answers and their result, or the start page with a
    /// message saying why the link could not be read.
    pub fn from_link(lang: Lang, link: &str, now: KzMoment) -> State {
        let mut s = State::new(lang, None, None);
        match crate::share::decode(link) {
            Ok(answers) => {
                s.answers = answers;
                s.history = vec![Screen::Start, Screen::Check];
                s.screen = match s.next_screen(now) {
                    // Every answer the result needs is there.
                    Screen::Check => Screen::Result,
                    other => {
                        s.history = vec![Screen::Start];
                        other
                    }
                };
            }
            Err(crate::share::LinkError::NewerVersion(_)) => s.link_error = Some("ui.link.newer"),
            Err(crate::share::LinkError::Damaged(_)) => s.link_error = Some("ui.link.damaged"),
        }
        s.decide_if_result(now);
        s
    }

    /// The journey as the standalone page keeps it for a reload: the answers (as a share link
    /// writes them), the screen and the screens to go back to.
    pub fn journey(&self) -> String {
        let screens: Vec<String> = self.history.iter().chain([&self.screen]).map(|s| screen_code(*s)).collect();
        format!("{}|{}", crate::share::encode(&self.answers), screens.join(","))
    }

    /// The state a kept journey restores; `None` if it cannot be read (then the app starts afresh).
    pub fn from_journey(lang: Lang, at: Option<String>, journey: &str, now: KzMoment) -> Option<State> {
        let (answers, screens) = journey.split_once('|')?;
        let mut screens = screens.split(',').map(screen_of).collect::<Option<Vec<Screen>>>()?;
        let screen = screens.pop()?;
        let mut s = State::new(lang, at, None);
        s.answers = crate::share::decode(answers).ok()?;
        s.history = screens;
        s.screen = screen;
        s.decide_if_result(now);
        Some(s)
    }

    /// What the question `id` shows as entered: the draft once the citizen changed anything, else
    /// the answer given before.
    pub fn draft_for(&self, id: Field) -> Draft {
        self.draft.clone().unwrap_or_else(|| match flow::chosen_option(id, &self.answers) {
            Some(option) => draft_of(Some(&Answer::Code(option.into()))),
            None => draft_of(self.answers.get(id)),
        })
    }

    fn next_screen(&self, now: KzMoment) -> Screen {
        match flow::next_step(&self.answers, Rules::built_in(), now, self.at.as_deref()) {
            Step::Ask(q) => Screen::Ask(q.id),
            Step::Check => Screen::Check,
        }
    }

    /// On the result: its decision, made now if not made yet, its texts in the page's language;
    /// elsewhere none. A change of language writes the same decision's texts again (same moment).
    fn decide_if_result(&mut self, now: KzMoment) {
        let lang = self.lang;
        self.decided = match (self.screen, self.decided.take()) {
            (Screen::Result, Some(d)) if d.0.lang == lang => Some(d),
            (Screen::Result, Some(d)) => Some(Decided::new(d.0.decision.clone(), d.0.at, lang)),
            (Screen::Result, None) => Some(Decided::new(flow::decide(&self.answers, Rules::built_in(), now, self.at.as_deref()), now, lang)),
            _ => None,
        };
    }

    /// The state after `action`, "now" being `now` (the reducer reads no clock).
    pub fn apply(&self, action: Action, now: KzMoment) -> State {
        let mut s = self.clone();
        match action {
            Action::SetLang(lang) => s.lang = lang,
            Action::Begin => {
                s.link_error = None;
                s.history.push(s.screen);
                s.screen = s.next_screen(now);
            }
            Action::Submit => {
                let Screen::Ask(id) = s.screen else { return s };
                let Some(q) = flow::question(id) else { return s };
                let answer = answer_of(q.kind, &s.draft_for(id)).and_then(|answer| {
                    match flow::check_answer(&s.answers, id, &answer, Rules::built_in(), now, s.at.as_deref()) {
                        // A date the rules refuse: after the date of the check, or otherwise.
                        Some(e) if e.kind == ErrorKind::AfterCheck => Err("ui.error.date_after_check"),
                        Some(_) => Err("ui.error.date_rejected"),
                        None => Ok(answer),
                    }
                });
                match answer {
                    Ok(answer) => return s.apply(Action::Answer(id, answer), now),
                    Err(key) => s.error = Some(key),
                }
            }
            Action::Answer(id, answer) => {
                // A new answer takes its own way: the screens ahead of it are the browser's no more
                // (it pushes a new entry, which drops its forward entries too).
                s.ahead.clear();
                let answers = flow::expand(id, &answer);
                // A different service makes the other answers meaningless.
                let service = answers.iter().find(|(f, _)| *f == Field::Service).map(|(_, a)| a);
                if service.is_some() && s.answers.get(Field::Service) != service {
                    s.answers = Answers::default();
                    s.history.retain(|h| matches!(h, Screen::Start));
                }
                for (f, a) in answers {
                    s.answers.set(f, a);
                }
                let next = s.next_screen(now);
                if s.returning {
                    // Back to "check your answers", unless the change raised a new question.
                    let new_question = matches!(next, Screen::Ask(q) if !s.answers.is_answered(q));
                    if new_question {
                        s.history.push(s.screen);
                        s.screen = next;
                    } else {
                        s.returning = false;
                        s.history.retain(|h| *h != Screen::Check);
                        s.screen = Screen::Check;
                    }
                } else {
                    s.history.push(s.screen);
                    s.screen = next;
                }
            }
            Action::BackTo(depth) => {
                while s.history.len() > depth {
                    let Some(prev) = s.history.pop() else { break };
                    s.ahead.push(s.screen);
                    s.screen = prev;
                    if prev == Screen::Check {
                        s.returning = false;
                    }
                }
                // The browser's Forward: the screens left by going back, while they are there.
                while s.history.len() < depth {
                    let Some(next) = s.ahead.pop() else { break };
                    s.history.push(s.screen);
                    s.screen = next;
                }
            }
            Action::Back => {
                if let Some(prev) = s.history.pop() {
                    s.ahead.push(s.screen);
                    s.screen = prev;
                    if prev == Screen::Check {
                        s.returning = false;
                    }
                }
            }
            Action::Change(id) => {
                s.ahead.clear();
                s.history.push(s.screen);
                s.screen = Screen::Ask(id);
                s.returning = true;
            }
            Action::ShowResult => {
                s.ahead.clear();
                s.history.push(s.screen);
                s.screen = Screen::Result;
            }
            Action::ResultUnavailable => {
                if s.screen == Screen::Check {
                    s.error = Some("ui.error.result_unavailable");
                }
            }
            Action::Restart => {
                s = State::new(s.lang, s.at.clone(), None);
            }
            Action::Configure { at, service } => {
                let lang = s.lang;
                s = State::new(lang, at, service);
            }
            Action::Edit(edit) => {
                if let Screen::Ask(id) = s.screen {
                    let mut draft = s.draft_for(id);
                    draft.apply(edit);
                    s.draft = Some(draft);
                }
            }
            Action::Complete => s.complete = s.screen == Screen::Result,
            Action::Share(link) => s.share = Share::Made(link),
            Action::Copied => {
                if let Share::Made(l) = std::mem::take(&mut s.share) {
                    s.share = Share::Copied(l);
                }
            }
        }
        if s.screen != self.screen {
            s.draft = None;
            s.error = None;
            s.share = Share::None;
            s.complete = false;
        }
        s.decide_if_result(now);
        s
    }
}

/// A screen in a kept journey: `s`tart, `c`heck, `r`esult, or the question's place in the flow.
fn screen_code(s: Screen) -> String {
    match s {
        Screen::Start => "s".into(),
        Screen::Check => "c".into(),
        Screen::Result => "r".into(),
        Screen::Ask(id) => flow::QUESTIONS.iter().position(|q| q.id == id).map_or("s".into(), |i| i.to_string()),
    }
}

fn screen_of(code: &str) -> Option<Screen> {
    Some(match code {
        "s" => Screen::Start,
        "c" => Screen::Check,
        "r" => Screen::Result,
        n => Screen::Ask(flow::QUESTIONS.get(n.parse::<usize>().ok()?)?.id),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use phc::codes::Verdict;

    fn at(s: &str) -> KzMoment {
        phc::time::parse_moment(s, Field::At, &Rules::built_in().zones).unwrap()
    }

    /// Chooses `code` on the question shown and continues.
    fn choose(s: &State, code: &str, now: KzMoment) -> State {
        s.apply(Action::Edit(Edit::Choice(code.into())), now).apply(Action::Submit, now)
    }

    fn asked(s: &State) -> Field {
        match s.screen {
            Screen::Ask(f) => f,
            other => panic!("expected a question, got {other:?}"),
        }
    }

    /// The pensioner who wants to leave a rude clinic, walked through the reducer alone.
    fn to_check(now: KzMoment) -> State {
        let mut s = State::new(Lang::En, None, None).apply(Action::Begin, now);
        for (field, code) in [(Field::Service, crate::flow::ATTACH_SELF), (Field::Reason, "free_choice"), (Field::Residency, "citizen"), (Field::FreeChangesThisYear, "0"), (Field::TargetUnit, "same")] {
            assert_eq!(asked(&s), field);
            s = choose(&s, code, now);
        }
        assert_eq!(asked(&s), Field::Categories);
        s = s.apply(Action::Edit(Edit::Many("pensioner".into(), true)), now).apply(Action::Submit, now);
        assert_eq!(s.screen, Screen::Check);
        assert!(s.decided.is_none(), "no decision before the result");
        s
    }

    #[test]
    fn the_decision_is_made_once_on_entering_the_result() {
        let before_six = at("2026-03-10T17:59:00+05:00");
        let s = to_check(before_six).apply(Action::ShowResult, before_six);
        let decided = s.decided.clone().expect("made on entering the result");
        assert_eq!(decided.at(), before_six);
        let Ok(d) = decided.decision() else { panic!("a decision") };
        assert_eq!(d.verdict, Verdict::Eligible);
        assert!(d.text.is_some(), "its texts are written in the page's language");
        // Later actions on the result page (after 18:00, even the next day) keep that one decision:
        // the page, the widget's event and the calendar file cannot disagree.
        let next_day = at("2026-03-11T09:00:00+05:00");
        let later = s.apply(Action::Share("https://example.test/#1".into()), next_day).apply(Action::Copied, next_day);
        assert_eq!(later.decided, Some(decided.clone()));
        // Another language: the same decision (same moment), its texts in that language.
        let in_ru = later.apply(Action::SetLang(Lang::Ru), next_day);
        let ru_decided = in_ru.decided.clone().unwrap();
        assert_eq!(ru_decided.at(), before_six);
        assert_ne!(ru_decided, decided);
        let (Ok(en), Ok(ru)) = (decided.decision(), ru_decided.decision()) else { panic!() };
        assert_ne!(en.text.as_ref().unwrap().verdict, ru.text.as_ref().unwrap().verdict);
        // Its first frame is the answer and what to do now; the rest once that is painted, and it stays.
        assert!(!s.complete);
        let complete = s.apply(Action::Complete, before_six);
        assert!(complete.complete && complete.apply(Action::SetLang(Lang::Kk), next_day).complete);
        assert!(!to_check(before_six).apply(Action::Complete, before_six).complete, "only a result completes");
        // Leaving the result forgets it; coming back decides again, at the new moment.
        let back = in_ru.apply(Action::Back, next_day);
        assert_eq!((back.screen, back.decided.is_none()), (Screen::Check, true));
        assert_eq!(back.apply(Action::ShowResult, next_day).decided.unwrap().at(), next_day);
    }

    /// "My baby was born" (issue 23) is three answers in a parent's words: a parent applies, for a
    /// child never attached, on the ground of a first attachment; the birth date is asked next.
    #[test]
    fn my_baby_was_born_settles_who_applies_and_the_ground() {
        let now = at("2026-03-10T10:00:00+05:00");
        let s = choose(&State::new(Lang::Ru, None, None).apply(Action::Begin, now), "attachment", now);
        assert_eq!(asked(&s), Field::Reason);
        let s = choose(&s, crate::flow::BABY_BORN, now);
        assert_eq!(s.error, None);
        assert_eq!(asked(&s), Field::BirthDate);
        assert!(s.answers.is(Field::Reason, "first_attachment") && s.answers.is(Field::Applicant, "parent"));
        assert_eq!(s.answers.get(Field::Attached), Some(&Answer::Flag(false)));
        // The alias is never stored: a share link carries codes of the contract only.
        assert!(!crate::share::encode(&s.answers).is_empty());
        assert_eq!(crate::share::decode(&crate::share::encode(&s.answers)).unwrap(), s.answers);
    }

    /// "Where did you move?" settles the reach and the length of a move in one answer, and is shown
    /// as that one option when opened again (issue 23: a move took two screens for these).
    #[test]
    fn where_did_you_move_is_one_question() {
        let now = at("2026-03-10T10:00:00+05:00");
        let mut s = State::new(Lang::Kk, None, None).apply(Action::Begin, now);
        for code in [crate::flow::ATTACH_SELF, "relocation", "citizen"] {
            s = choose(&s, code, now);
        }
        assert_eq!(asked(&s), Field::MovedOn);
        s = s.apply(Action::Answer(Field::MovedOn, Answer::Date("2026-02-15".into())), now);
        assert_eq!(asked(&s), Field::LeavesUnit);
        let long = choose(&s, crate::flow::MOVED_AWAY_LONG, now);
        assert_eq!((long.answers.get(Field::LeavesUnit), long.answers.get(Field::AwayOverAMonth)), (Some(&Answer::Flag(true)), Some(&Answer::Flag(true))));
        assert_eq!(asked(&long), Field::TargetUnit, "the length is not asked again");
        assert_eq!(long.apply(Action::Back, now).draft_for(Field::LeavesUnit).choice.as_deref(), Some(crate::flow::MOVED_AWAY_LONG));
        let within = choose(&s, "no", now);
        assert_eq!((within.answers.get(Field::LeavesUnit), within.answers.get(Field::AwayOverAMonth)), (Some(&Answer::Flag(false)), None));
        let short = choose(&s, crate::flow::MOVED_AWAY_SHORT, now);
        assert_eq!(short.answers.get(Field::AwayOverAMonth), Some(&Answer::Flag(false)));
    }

    /// The browser's Forward after Back returns to the screen left, the answers kept; a new answer
    /// takes its own way and leaves nothing ahead (issue 23).
    #[test]
    fn forward_after_back_returns_to_the_question_left() {
        let now = at("2026-03-10T10:00:00+05:00");
        let check = to_check(now);
        let depth = check.history.len();
        let back = check.apply(Action::BackTo(depth - 2), now);
        assert_eq!(asked(&back), Field::TargetUnit);
        let forward = back.apply(Action::BackTo(depth - 1), now);
        assert_eq!(asked(&forward), Field::Categories);
        let forward = forward.apply(Action::BackTo(depth), now);
        assert_eq!((forward.screen, forward.history.len()), (Screen::Check, depth));
        assert_eq!(forward.answers, check.answers);
        // The app's own Back, then Forward, likewise.
        assert_eq!(check.apply(Action::Back, now).apply(Action::BackTo(depth), now).screen, Screen::Check);
        // Going back and answering anew: nothing ahead, Forward stays.
        let anew = choose(&back, "same", now);
        assert!(anew.ahead.is_empty());
        assert_eq!(anew.apply(Action::BackTo(depth + 3), now).screen, anew.screen);
    }

    #[test]
    fn continue_reads_the_draft_and_says_what_is_wrong() {
        let now = at("2026-03-10T10:00:00+05:00");
        let s = choose(&State::new(Lang::En, None, None).apply(Action::Begin, now), "complaint", now);
        assert_eq!(asked(&s), Field::RefusalReceivedOn);
        // Nothing entered.
        assert_eq!(s.apply(Action::Submit, now).error, Some("ui.error.date_empty"));
        let date = |d: &str, m: &str, y: &str| {
            s.apply(Action::Edit(Edit::Day(d.into())), now).apply(Action::Edit(Edit::Month(m.into())), now).apply(Action::Edit(Edit::Year(y.into())), now).apply(Action::Submit, now)
        };
        assert_eq!(date("31", "2", "2026").error, Some("ui.error.date_impossible"));
        // After the date of the check: the engine's error kind, not its English, decides the words.
        let after = date("1", "4", "2026");
        assert_eq!((after.screen, after.error), (Screen::Ask(Field::RefusalReceivedOn), Some("ui.error.date_after_check")));
        let fine = date("2", "2", "2026");
        assert_eq!((fine.error, fine.answers.get(Field::RefusalReceivedOn)), (None, Some(&Answer::Date("2026-02-02".into()))));
    }

    /// Issue 25: "moved on 10 3 2062" (one key from 2026) is refused on its question, never taken as
    /// an answer that ends in "the checker stopped working": the engine names the field it came from.
    #[test]
    fn a_year_typed_wrong_is_refused_on_its_question() {
        let now = at("2026-03-10T10:00:00+05:00");
        let mut s = State::new(Lang::En, None, None).apply(Action::Begin, now);
        for (field, code) in [(Field::Service, "attachment"), (Field::Reason, "relocation"), (Field::Applicant, "self"), (Field::Residency, "citizen")] {
            assert_eq!(asked(&s), field);
            s = choose(&s, code, now);
        }
        assert_eq!(asked(&s), Field::MovedOn);
        let typed = |y: &str| s.apply(Action::Edit(Edit::Day("10".into())), now).apply(Action::Edit(Edit::Month("3".into())), now).apply(Action::Edit(Edit::Year(y.into())), now).apply(Action::Submit, now);
        for year in ["2062", "2036", "9999"] {
            let slip = typed(year);
            assert_eq!((slip.screen, slip.error), (Screen::Ask(Field::MovedOn), Some("ui.error.date_rejected")), "moved in {year}");
            assert_eq!(slip.answers.get(Field::MovedOn), None);
        }
        let fine = typed("2026");
        assert_eq!((fine.error, fine.answers.get(Field::MovedOn)), (None, Some(&Answer::Date("2026-03-10".into()))));
    }

    #[test]
    fn a_restored_result_is_decided_when_restored() {
        let now = at("2026-03-10T10:00:00+05:00");
        let s = to_check(now).apply(Action::ShowResult, now);
        let restored = State::from_journey(Lang::Kk, None, &s.journey(), now).unwrap();
        assert_eq!(restored.screen, Screen::Result);
        assert!(matches!(restored.decided.as_ref().map(Decided::decision), Some(Ok(_))));
        let linked = State::from_link(Lang::En, &crate::share::encode(&s.answers), now);
        assert_eq!(linked.screen, Screen::Result);
        assert!(linked.decided.is_some());
    }
}
