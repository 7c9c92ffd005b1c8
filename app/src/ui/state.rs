//! The app's state and its one reducer (Yew's `function_todomvc` pattern): every change of screen or
//! answer is an `Action`, so going back, changing an answer from "check your answers" and starting
//! again are each one rule here.

use crate::answers::{Answer, Answers};
use crate::flow::{self, Step};
use super::question::{draft_of, Draft, Edit};
use phc::Lang;
use std::rc::Rc;
use yew::Reducible;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Start,
    Ask(&'static str),
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
}

#[derive(Debug, Clone, PartialEq, Default)]
pub enum Share {
    #[default]
    None,
    Made(String),
    /// Made and copied to the clipboard (the page says so).
    Copied(String),
}

pub enum Action {
    SetLang(Lang),
    /// Leaves the start page (optionally with the service already chosen).
    Begin,
    Answer(&'static str, Answer),
    Back,
    /// The browser went back to the entry of this depth (the screens before it stay).
    BackTo(usize),
    Change(&'static str),
    ShowResult,
    Restart,
    /// A new fixed "now" or preset service from the host page.
    Configure { at: Option<String>, service: Option<String> },
    /// A change on the question page.
    Edit(Edit),
    /// The question's answer is missing or wrong: the message key to show.
    Invalid(&'static str),
    /// The result page made a share link.
    Share(String),
    /// … and copied it to the clipboard.
    Copied,
}

impl State {
    pub fn new(lang: Lang, at: Option<String>, service: Option<String>) -> State {
        let mut answers = Answers::default();
        if let Some(s) = service {
            answers.set("service", Answer::Code(s));
        }
        State { lang, screen: Screen::Start, answers, history: Vec::new(), returning: false, at, link_error: None, draft: None, error: None, share: Share::None }
    }

    /// The state a share link restores: its answers and their result, or the start page with a
    /// message saying why the link could not be read.
    pub fn from_link(lang: Lang, link: &str) -> State {
        let mut s = State::new(lang, None, None);
        match crate::share::decode(link) {
            Ok(answers) => {
                s.answers = answers;
                s.history = vec![Screen::Start, Screen::Check];
                s.screen = match s.next_screen() {
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
        s
    }

    /// The journey as the standalone page keeps it for a reload: the answers (as a share link
    /// writes them), the screen and the screens to go back to.
    pub fn journey(&self) -> String {
        let screens: Vec<String> = self.history.iter().chain([&self.screen]).map(|s| screen_code(*s)).collect();
        format!("{}|{}", crate::share::encode(&self.answers), screens.join(","))
    }

    /// The state a kept journey restores; `None` if it cannot be read (then the app starts afresh).
    pub fn from_journey(lang: Lang, at: Option<String>, journey: &str) -> Option<State> {
        let (answers, screens) = journey.split_once('|')?;
        let mut screens = screens.split(',').map(screen_of).collect::<Option<Vec<Screen>>>()?;
        let screen = screens.pop()?;
        let mut s = State::new(lang, at, None);
        s.answers = crate::share::decode(answers).ok()?;
        s.history = screens;
        s.screen = screen;
        Some(s)
    }

    /// What the question `id` shows as entered: the draft once the citizen changed anything, else
    /// the answer given before.
    pub fn draft_for(&self, id: &str) -> Draft {
        self.draft.clone().unwrap_or_else(|| draft_of(self.answers.get(id)))
    }

    fn next_screen(&self) -> Screen {
        match flow::next_step(&self.answers, super::rules(), super::now(), self.at.as_deref()) {
            Step::Ask(q) => Screen::Ask(q.id),
            Step::Check => Screen::Check,
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::SetLang(lang) => s.lang = lang,
            Action::Begin => {
                s.link_error = None;
                s.history.push(s.screen);
                s.screen = s.next_screen();
            }
            Action::Answer(id, answer) => {
                // A different service makes the other answers meaningless.
                if id == "service" && s.answers.get("service") != Some(&answer) {
                    s.answers = Answers::default();
                    s.history.retain(|h| matches!(h, Screen::Start));
                }
                s.answers.set(id, answer);
                let next = s.next_screen();
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
                    s.screen = prev;
                    if prev == Screen::Check {
                        s.returning = false;
                    }
                }
            }
            Action::Back => {
                if let Some(prev) = s.history.pop() {
                    s.screen = prev;
                    if prev == Screen::Check {
                        s.returning = false;
                    }
                }
            }
            Action::Change(id) => {
                s.history.push(s.screen);
                s.screen = Screen::Ask(id);
                s.returning = true;
            }
            Action::ShowResult => {
                s.history.push(s.screen);
                s.screen = Screen::Result;
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
            Action::Invalid(key) => s.error = Some(key),
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
        }
        Rc::new(s)
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
