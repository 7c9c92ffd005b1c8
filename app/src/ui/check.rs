//! "Check your answers": every answer with a Change link that returns to its question and then back.

use super::{platform, t};
use crate::answers::{Answer, Answers};
use crate::flow::{answered_in_order, Kind};
use phc::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CheckProps {
    pub lang: Lang,
    pub answers: Answers,
    pub on_change: Callback<&'static str>,
    pub on_submit: Callback<()>,
    pub on_back: Callback<()>,
}

/// The answer as the citizen chose it, in words.
pub fn answer_text(lang: Lang, id: &str, kind: Kind, answer: &Answer) -> String {
    let opt = |code: &str| t(lang, &format!("ui.q.{id}.{code}"));
    match answer {
        Answer::Code(c) => opt(c),
        Answer::Skipped => opt("not_sure"),
        Answer::Flag(b) => t(lang, if *b { "ui.yes" } else { "ui.no" }),
        Answer::Count(n) => opt(&n.to_string()),
        Answer::Codes(cs) if cs.is_empty() => t(lang, "ui.none_of_these"),
        Answer::Codes(cs) => cs.iter().map(|c| opt(c)).collect::<Vec<_>>().join(", "),
        Answer::Date(d) => {
            let _ = kind;
            phc::dates::parse_date(d, id).map(|d| phc::i18n::Messages::get(lang).date(d)).unwrap_or_else(|_| d.clone())
        }
    }
}

#[function_component(CheckAnswers)]
pub fn check_answers(p: &CheckProps) -> Html {
    let lang = p.lang;
    let heading = platform::use_focused_heading();
    let rows = answered_in_order(&p.answers).into_iter().map(|q| {
        let title = t(lang, &format!("ui.q.{}.title", q.id));
        let value = answer_text(lang, q.id, q.kind, p.answers.get(q.id).expect("answered"));
        let on_change = p.on_change.clone();
        let id = q.id;
        html! {
            <div class="phc-summary-row">
                <dt>{ title.clone() }</dt>
                <dd>{ value }</dd>
                <dd class="phc-summary-action">
                    <button type="button" class="phc-link" onclick={Callback::from(move |_| on_change.emit(id))}>
                        { t(lang, "ui.change") }<span class="phc-visually-hidden">{ format!(": {title}") }</span>
                    </button>
                </dd>
            </div>
        }
    });
    let (on_back, on_submit) = (p.on_back.clone(), p.on_submit.clone());
    html! {
        <div class="phc-check-page">
            <button type="button" class="phc-back" onclick={Callback::from(move |_| on_back.emit(()))}>{ t(lang, "ui.back") }</button>
            <h1 tabindex="-1" ref={heading}>{ t(lang, "ui.check.heading") }</h1>
            <p>{ t(lang, "ui.check.lead") }</p>
            <dl class="phc-summary">{ for rows }</dl>
            <button type="button" class="phc-button" part="button" onclick={Callback::from(move |_| on_submit.emit(()))}>{ t(lang, "ui.check.submit") }</button>
        </div>
    }
}
