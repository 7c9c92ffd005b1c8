//! One question per page: a fieldset whose legend is the page heading, a hint, the choices, and an
//! error summary that is announced, focused and linked to the field when an answer is missing or
//! wrong. The current answer is shown when coming back, so no answer is lost.
//!
//! A plain function of the app's state, not a component (see `start`): what the citizen has entered
//! so far is the state's `draft`, changed by `Edit` actions, and the error shown is the state's too.

use super::{platform, t};
use crate::answers::{Answer, Answers};
use crate::flow::{check_answer, Kind, Question};
use phc::i18n::Messages;
use phc::Lang;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What a question page shows and does.
pub struct QuestionView<'a> {
    pub lang: Lang,
    pub question: &'static Question,
    pub answers: &'a Answers,
    pub at: Option<&'a str>,
    /// What the citizen has entered on this page so far.
    pub draft: &'a Draft,
    /// The message key of the error shown, if any.
    pub error: Option<&'static str>,
    /// How many screens came before (for "Question N").
    pub number: usize,
    /// The app's root element (a link of the error summary focuses a field inside it).
    pub root: NodeRef,
    pub on_edit: Callback<Edit>,
    pub on_error: Callback<&'static str>,
    pub on_answer: Callback<Answer>,
    pub on_back: Callback<()>,
}

/// What the citizen has entered on this page so far.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Draft {
    choice: Option<String>,
    many: Vec<String>,
    none: bool,
    day: String,
    month: String,
    year: String,
}

/// One change the citizen makes on a question page.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    Choice(String),
    /// A code of a multiple choice checked or unchecked.
    Many(String, bool),
    /// "None of these" checked or unchecked.
    NoneOfThese(bool),
    Day(String),
    Month(String),
    Year(String),
}

impl Draft {
    pub fn apply(&mut self, edit: Edit) {
        match edit {
            Edit::Choice(c) => self.choice = Some(c),
            Edit::Many(code, on) => {
                self.many.retain(|c| *c != code);
                if on {
                    self.many.push(code);
                    self.none = false;
                }
            }
            Edit::NoneOfThese(on) => {
                self.none = on;
                if on {
                    self.many.clear();
                }
            }
            Edit::Day(v) => self.day = v,
            Edit::Month(v) => self.month = v,
            Edit::Year(v) => self.year = v,
        }
    }
}

/// The draft of a page that shows `answer` (the one given before, if any).
pub fn draft_of(answer: Option<&Answer>) -> Draft {
    let mut d = Draft::default();
    match answer {
        Some(Answer::Code(c)) => d.choice = Some(c.clone()),
        Some(Answer::Skipped) => d.choice = Some(String::new()),
        Some(Answer::Flag(b)) => d.choice = Some(if *b { "yes" } else { "no" }.into()),
        Some(Answer::Count(n)) => d.choice = Some(n.to_string()),
        Some(Answer::Codes(cs)) => {
            d.many = cs.clone();
            d.none = cs.is_empty();
        }
        Some(Answer::Date(s)) => {
            let parts: Vec<&str> = s.split('-').collect();
            if let [y, m, dd] = parts[..] {
                d.year = y.into();
                d.month = m.trim_start_matches('0').into();
                d.day = dd.trim_start_matches('0').into();
            }
        }
        None => {}
    }
    d
}

/// Reads the draft as an answer, or the key of the error to show.
fn answer_of(kind: Kind, d: &Draft) -> Result<Answer, &'static str> {
    match kind {
        Kind::Choice(_) => match d.choice.as_deref() {
            None => Err("ui.error.choose"),
            Some("") => Ok(Answer::Skipped),
            Some(c) => Ok(Answer::Code(c.into())),
        },
        Kind::YesNo => match d.choice.as_deref() {
            Some("yes") => Ok(Answer::Flag(true)),
            Some("no") => Ok(Answer::Flag(false)),
            _ => Err("ui.error.choose"),
        },
        Kind::Count(_) => d.choice.as_deref().and_then(|c| c.parse().ok()).map(Answer::Count).ok_or("ui.error.choose"),
        Kind::Multi(_) => {
            if d.none || !d.many.is_empty() {
                Ok(Answer::Codes(if d.none { Vec::new() } else { d.many.clone() }))
            } else {
                Err("ui.error.choose_some")
            }
        }
        Kind::Date => date_of(d).map_err(|(key, _)| key),
    }
}

/// The date of the three fields, or what is wrong with it and which field (0 day, 1 month, 2 year)
/// shows it: empty, a part missing, not a number, a year not of four digits, or a day the month does
/// not have. Only that field is marked.
fn date_of(d: &Draft) -> Result<Answer, (&'static str, usize)> {
    let parts = [d.day.trim(), d.month.trim(), d.year.trim()];
    if parts.iter().all(|p| p.is_empty()) {
        return Err(("ui.error.date_empty", 0));
    }
    const MISSING: [&str; 3] = ["ui.error.date_missing_day", "ui.error.date_missing_month", "ui.error.date_missing_year"];
    let mut numbers = [0u32; 3];
    for (i, p) in parts.iter().enumerate() {
        if p.is_empty() {
            return Err((MISSING[i], i));
        }
        numbers[i] = p.parse().map_err(|_| ("ui.error.date_not_number", i))?;
    }
    let [day, month, year] = numbers;
    if !(1000..=9999).contains(&year) {
        return Err(("ui.error.date_year", 2));
    }
    if !(1..=12).contains(&month) {
        return Err(("ui.error.date_impossible", 1));
    }
    phc::dates::ymd(year as i32, month, day).map(|date| Answer::Date(phc::dates::iso(date))).map_err(|_| ("ui.error.date_impossible", 0))
}

fn input_value(e: &Event) -> (String, bool) {
    let input: web_sys::HtmlInputElement = e.target().expect("an input").unchecked_into();
    (input.value(), input.checked())
}

fn text_value(e: &InputEvent) -> String {
    let input: web_sys::HtmlInputElement = e.target().expect("an input").unchecked_into();
    input.value()
}

pub fn question_page(p: QuestionView) -> Html {
    let lang = p.lang;
    let q = p.question;
    let draft = p.draft;
    let error = p.error;
    let key = |suffix: &str| format!("ui.q.{}.{suffix}", q.id);
    let title = super::question_title(lang, q.id, p.answers);
    let hint = t(lang, &key("hint"));
    let field_id = "phc-field";
    let first_input = format!("{field_id}-0");
    // A date's error names the one field that is wrong, and only it is marked; an error of the whole
    // date (after the check, or refused by the rules) marks all three.
    let wrong_field = match (q.kind, error) {
        (Kind::Date, Some(_)) => date_of(draft).err().map(|(_, i)| i),
        _ => None,
    };
    let first_input_link = format!("#{field_id}-{}", wrong_field.unwrap_or(0));

    let onsubmit = {
        let (draft, on_error, on_answer) = (draft.clone(), p.on_error.clone(), p.on_answer.clone());
        let (answers, at) = (p.answers.clone(), p.at.map(str::to_string));
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match answer_of(q.kind, &draft) {
                Err(k) => on_error.emit(k),
                Ok(answer) => {
                    if let Some(err) = check_answer(&answers, q.id, &answer, super::rules(), super::now(), at.as_deref()) {
                        // (A byte search, not `contains`: see `phc::i18n::fill_with`.)
                        let after_check = err.message.as_bytes().windows(10).any(|w| w == b" is after ");
                        on_error.emit(if after_check { "ui.error.date_after_check" } else { "ui.error.date_rejected" });
                    } else {
                        on_answer.emit(answer);
                    }
                }
            }
        })
    };

    let described = {
        let mut ids = Vec::new();
        if !hint.is_empty() {
            ids.push("phc-hint");
        }
        if error.is_some() {
            ids.push("phc-error");
        }
        ids.join(" ")
    };

    let options: Vec<(String, String)> = match q.kind {
        Kind::Choice(_) | Kind::Multi(_) => crate::flow::options_for(q, p.answers)
            .into_iter()
            .map(|c| (c.to_string(), t(lang, &key(if c.is_empty() { "not_sure" } else { c }))))
            .collect(),
        Kind::YesNo => vec![("yes".into(), t(lang, "ui.yes")), ("no".into(), t(lang, "ui.no"))],
        Kind::Count(values) => values.iter().map(|v| (v.to_string(), t(lang, &key(&v.to_string())))).collect(),
        Kind::Date => Vec::new(),
    };

    let body = match q.kind {
        Kind::Date => {
            let field = |label: &str, id: &str, value: &str, edit: fn(String) -> Edit| {
                let on_edit = p.on_edit.clone();
                let oninput = Callback::from(move |e: InputEvent| on_edit.emit(edit(text_value(&e))));
                let index = id.bytes().last().map_or(0, |b| usize::from(b - b'0'));
                let invalid = error.is_some() && wrong_field.is_none_or(|w| w == index);
                html! {
                    <div class="phc-date-item">
                        <label for={id.to_string()}>{ label.to_string() }</label>
                        <input id={id.to_string()} class="phc-input" aria-invalid={invalid.then_some("true")}
                            type="text" inputmode="numeric" autocomplete="off" value={value.to_string()} {oninput} />
                    </div>
                }
            };
            html! {
                <div class="phc-date">
                    { field(&t(lang, "ui.date.day"), &first_input, &draft.day, Edit::Day) }
                    { field(&t(lang, "ui.date.month"), &format!("{field_id}-1"), &draft.month, Edit::Month) }
                    { field(&t(lang, "ui.date.year"), &format!("{field_id}-2"), &draft.year, Edit::Year) }
                </div>
            }
        }
        Kind::Multi(_) => {
            let items = options.iter().enumerate().map(|(i, (code, label))| {
                let id = format!("{field_id}-{i}");
                let checked = !draft.none && draft.many.contains(code);
                let onchange = {
                    let (on_edit, code) = (p.on_edit.clone(), code.clone());
                    Callback::from(move |e: Event| on_edit.emit(Edit::Many(code.clone(), input_value(&e).1)))
                };
                html! {
                    <div class="phc-check">
                        <input type="checkbox" id={id.clone()} name="phc-choice" value={code.clone()} {checked} {onchange} />
                        <label for={id}>{ label.clone() }</label>
                    </div>
                }
            });
            let none_id = format!("{field_id}-{}", options.len());
            let on_none = {
                let on_edit = p.on_edit.clone();
                Callback::from(move |e: Event| on_edit.emit(Edit::NoneOfThese(input_value(&e).1)))
            };
            html! {
                <div class="phc-checks">
                    { for items }
                    <p class="phc-or">{ "—" }</p>
                    <div class="phc-check">
                        <input type="checkbox" id={none_id.clone()} name="phc-choice" value="none" checked={draft.none} onchange={on_none} />
                        <label for={none_id}>{ t(lang, "ui.none_of_these") }</label>
                    </div>
                </div>
            }
        }
        _ => {
            let items = options.iter().enumerate().map(|(i, (code, label))| {
                let id = format!("{field_id}-{i}");
                let checked = draft.choice.as_deref() == Some(code.as_str());
                let onchange = {
                    let on_edit = p.on_edit.clone();
                    Callback::from(move |e: Event| on_edit.emit(Edit::Choice(input_value(&e).0)))
                };
                html! {
                    <div class="phc-radio">
                        <input type="radio" id={id.clone()} name="phc-choice" value={code.clone()} {checked} {onchange} />
                        <label for={id}>{ label.clone() }</label>
                    </div>
                }
            });
            html! { <div class="phc-radios">{ for items }</div> }
        }
    };

    let on_back = p.on_back.clone();
    let step = Messages::get(lang).text("ui.step", &[("count", phc::decision::Param::Count(p.number as u32))]);
    // Keyed by the question, so each question is a new page: no input of one is reused for the next.
    html! {
        <div class="phc-question" key={q.id}>
            <button type="button" class="phc-back" onclick={move |_| on_back.emit(())}>{ t(lang, "ui.back") }</button>
            <form novalidate=true {onsubmit}>
                if let Some(k) = error {
                    <div class="phc-error-summary" part="error" role="alert" tabindex="-1" aria-labelledby="phc-error-title">
                        { super::subtitle(Some("phc-error-title"), t(lang, "ui.error.summary")) }
                        <ul>
                            <li><a href={first_input_link.clone()} onclick={
                                let (root, target) = (p.root.clone(), first_input_link.clone());
                                Callback::from(move |e: MouseEvent| { e.prevent_default(); platform::focus_selected(&root, &target); })
                            }>{ t(lang, k) }</a></li>
                        </ul>
                    </div>
                }
                <div class="phc-group" data-error={error.is_some().then_some("")}>
                    <fieldset class="phc-fieldset" aria-describedby={(!described.is_empty()).then_some(described)}>
                        <legend class="phc-legend">
                            <span class="phc-caption">{ step }</span>
                            { super::title(title) }
                        </legend>
                        if !hint.is_empty() {
                            <p class="phc-hint" id="phc-hint">{ hint }</p>
                        }
                        if let Some(k) = error {
                            <p class="phc-error-message" id="phc-error">{ t(lang, k) }</p>
                        }
                        { body }
                    </fieldset>
                </div>
                <button type="submit" class="phc-button" part="button">{ t(lang, "ui.continue") }</button>
            </form>
        </div>
    }
}
