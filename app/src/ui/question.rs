//! One question per page: a fieldset whose legend is the page heading, a hint, the choices, and an
//! error summary that is announced, focused and linked to the field when an answer is missing or
//! wrong. The current answer is shown when coming back, so no answer is lost.
//!
//! A plain function of the app's state, not a component (see `start`): what the citizen has entered
//! so far is the state's `draft`, changed by `Edit` actions, and the error shown is the state's too;
//! "Continue" sends `Submit`, and the reducer reads the draft, checks it and answers or says why not.

use super::base::{question_hint, question_title, subtitle, t, title};
use super::platform;
use crate::answers::Answers;
use crate::draft::{date_of, Draft, Edit};
use crate::flow::{Kind, Question};
use phc::i18n::Messages;
use phc::Lang;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What a question page shows and does.
pub struct QuestionView<'a> {
    pub lang: Lang,
    pub question: &'static Question,
    pub answers: &'a Answers,
    /// What the citizen has entered on this page so far.
    pub draft: &'a Draft,
    /// The message key of the error shown, if any.
    pub error: Option<&'static str>,
    /// How many screens came before (for "Question N").
    pub number: usize,
    /// The app's root element (a link of the error summary focuses a field inside it).
    pub root: NodeRef,
    pub on_edit: Callback<Edit>,
    pub on_submit: Callback<()>,
    pub on_back: Callback<()>,
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
    let heading = question_title(lang, q.id, p.answers);
    let hint = question_hint(lang, q.id, p.answers);
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
        let on_submit = p.on_submit.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_submit.emit(());
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

    let labelled = |codes: Vec<&str>| -> Vec<(String, String)> {
        codes.into_iter().map(|c| (c.to_string(), t(lang, &crate::flow::option_key(q, c, p.answers, |k| Messages::get(lang).raw(k).is_some())))).collect()
    };
    let options: Vec<(String, String)> = match q.kind {
        Kind::Choice(_) | Kind::Multi(_) => labelled(crate::flow::options_for(q, p.answers)),
        // A yes or no offered in a person's words ("Where did you move?": `flow::shown`), else yes and no.
        Kind::YesNo => match crate::flow::options_for(q, p.answers) {
            words if words.is_empty() => vec![("yes".into(), t(lang, "ui.yes")), ("no".into(), t(lang, "ui.no"))],
            words => labelled(words),
        },
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
        <div class="phc-question" key={q.id.as_str()}>
            <button type="button" class="phc-back" onclick={move |_| on_back.emit(())}>{ t(lang, "ui.back") }</button>
            <form novalidate=true {onsubmit}>
                if let Some(k) = error {
                    <div class="phc-error-summary" part="error" role="alert" tabindex="-1" aria-labelledby="phc-error-title">
                        { subtitle(Some("phc-error-title"), t(lang, "ui.error.summary")) }
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
                            { title(heading) }
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
