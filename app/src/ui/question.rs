//! One question per page: a fieldset whose legend is the page heading, a hint, the choices, and an
//! error summary that is announced, focused and linked to the field when an answer is missing or
//! wrong. The current answer is shown when coming back, so no answer is lost.

use super::{platform, t};
use crate::answers::{Answer, Answers};
use crate::flow::{check_answer, Kind, Question};
use phc::i18n::Messages;
use phc::Lang;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    pub lang: Lang,
    pub question: &'static Question,
    pub answers: Answers,
    pub at: Option<String>,
    /// How many screens came before (for "Question N").
    pub number: usize,
    pub on_answer: Callback<Answer>,
    pub on_back: Callback<()>,
}

/// What the citizen has entered on this page so far.
#[derive(Clone, PartialEq, Default)]
struct Draft {
    choice: Option<String>,
    many: Vec<String>,
    none: bool,
    day: String,
    month: String,
    year: String,
}

fn draft_of(answer: Option<&Answer>) -> Draft {
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
        Kind::Date => {
            let num = |s: &str| s.trim().parse::<u32>().ok();
            let (Some(day), Some(month), Some(year)) = (num(&d.day), num(&d.month), num(&d.year)) else { return Err("ui.error.date_format") };
            if !(1000..=9999).contains(&year) {
                return Err("ui.error.date_format");
            }
            phc::dates::ymd(year as i32, month, day).map(|date| Answer::Date(phc::dates::iso(date))).map_err(|_| "ui.error.date_format")
        }
    }
}

fn input_value(e: &Event) -> (String, bool) {
    let input: web_sys::HtmlInputElement = e.target().expect("an input").unchecked_into();
    (input.value(), input.checked())
}

fn text_value(e: &InputEvent) -> String {
    let input: web_sys::HtmlInputElement = e.target().expect("an input").unchecked_into();
    input.value()
}

#[function_component(QuestionPage)]
pub fn question_page(p: &QuestionProps) -> Html {
    let lang = p.lang;
    let q = p.question;
    let draft = use_state(|| draft_of(p.answers.get(q.id)));
    let error = use_state(|| None::<&'static str>);
    let heading = use_node_ref();
    let summary = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with(q.id, move |_| platform::focus(&heading));
    }
    {
        let summary = summary.clone();
        use_effect_with(*error, move |e| {
            if e.is_some() {
                platform::focus(&summary);
            }
        });
    }
    let key = |suffix: &str| format!("ui.q.{}.{suffix}", q.id);
    let title = t(lang, &key("title"));
    let hint = t(lang, &key("hint"));
    let field_id = "phc-field";
    let first_input = format!("{field_id}-0");

    let onsubmit = {
        let (draft, error, on_answer) = (draft.clone(), error.clone(), p.on_answer.clone());
        let (answers, at) = (p.answers.clone(), p.at.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match answer_of(q.kind, &draft) {
                Err(k) => error.set(Some(k)),
                Ok(answer) => {
                    if let Some(err) = check_answer(&answers, q.id, &answer, super::rules(), super::now(), at.as_deref()) {
                        let msg = if err.message.contains(" is after ") { "ui.error.date_after_check" } else { "ui.error.date_rejected" };
                        error.set(Some(msg));
                    } else {
                        error.set(None);
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
        Kind::Choice(codes) => codes
            .iter()
            .map(|c| (c.to_string(), t(lang, &key(if c.is_empty() { "not_sure" } else { c }))))
            .collect(),
        Kind::YesNo => vec![("yes".into(), t(lang, "ui.yes")), ("no".into(), t(lang, "ui.no"))],
        Kind::Count(values) => values.iter().map(|v| (v.to_string(), t(lang, &key(&v.to_string())))).collect(),
        Kind::Multi(codes) => codes.iter().map(|c| (c.to_string(), t(lang, &key(c)))).collect(),
        Kind::Date => Vec::new(),
    };

    let body = match q.kind {
        Kind::Date => {
            let field = |label: &str, id: &str, value: &str, width: &str, set: fn(&mut Draft, String)| {
                let draft = draft.clone();
                let oninput = Callback::from(move |e: InputEvent| {
                    let mut d = (*draft).clone();
                    set(&mut d, text_value(&e));
                    draft.set(d);
                });
                html! {
                    <div class="phc-date-item">
                        <label for={id.to_string()}>{ label.to_string() }</label>
                        <input id={id.to_string()} class={classes!("phc-input", width.to_string(), error.is_some().then_some("phc-input-error"))}
                            type="text" inputmode="numeric" autocomplete="off" value={value.to_string()} {oninput} />
                    </div>
                }
            };
            html! {
                <div class="phc-date">
                    { field(&t(lang, "ui.date.day"), &first_input, &draft.day, "phc-w2", |d, v| d.day = v) }
                    { field(&t(lang, "ui.date.month"), &format!("{field_id}-1"), &draft.month, "phc-w2", |d, v| d.month = v) }
                    { field(&t(lang, "ui.date.year"), &format!("{field_id}-2"), &draft.year, "phc-w4", |d, v| d.year = v) }
                </div>
            }
        }
        Kind::Multi(_) => {
            let items = options.iter().enumerate().map(|(i, (code, label))| {
                let id = format!("{field_id}-{i}");
                let checked = !draft.none && draft.many.contains(code);
                let onchange = {
                    let (draft, code) = (draft.clone(), code.clone());
                    Callback::from(move |e: Event| {
                        let (_, on) = input_value(&e);
                        let mut d = (*draft).clone();
                        d.many.retain(|c| *c != code);
                        if on {
                            d.many.push(code.clone());
                            d.none = false;
                        }
                        draft.set(d);
                    })
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
                let draft = draft.clone();
                Callback::from(move |e: Event| {
                    let (_, on) = input_value(&e);
                    let mut d = (*draft).clone();
                    d.none = on;
                    if on {
                        d.many.clear();
                    }
                    draft.set(d);
                })
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
                    let draft = draft.clone();
                    Callback::from(move |e: Event| {
                        let (v, _) = input_value(&e);
                        let mut d = (*draft).clone();
                        d.choice = Some(v);
                        draft.set(d);
                    })
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
    html! {
        <div class="phc-question">
            <button type="button" class="phc-back" onclick={Callback::from(move |_| on_back.emit(()))}>{ t(lang, "ui.back") }</button>
            <form novalidate=true {onsubmit}>
                if let Some(k) = *error {
                    <div class="phc-error-summary" part="error" role="alert" tabindex="-1" ref={summary} aria-labelledby="phc-error-title">
                        <h2 id="phc-error-title">{ t(lang, "ui.error.summary") }</h2>
                        <ul>
                            <li><a href={format!("#{first_input}")} onclick={
                                let root = heading.clone();
                                let target = first_input.clone();
                                Callback::from(move |e: MouseEvent| { e.prevent_default(); platform::focus_within(&root, ".phc-question", &target); })
                            }>{ t(lang, k) }</a></li>
                        </ul>
                    </div>
                }
                <div class={classes!("phc-group", error.is_some().then_some("phc-group-error"))}>
                    <fieldset class="phc-fieldset" aria-describedby={(!described.is_empty()).then_some(described)}>
                        <legend class="phc-legend">
                            <span class="phc-caption">{ step }</span>
                            <h1 tabindex="-1" ref={heading.clone()}>{ title }</h1>
                        </legend>
                        if !hint.is_empty() {
                            <p class="phc-hint" id="phc-hint">{ hint }</p>
                        }
                        if let Some(k) = *error {
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

