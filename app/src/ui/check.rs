//! "Check your answers": every answer with a Change link that returns to its question and then back.
//! A plain function of the app's state, not a component (see `start`).

use super::base::{question_title, t, title};
use crate::answers::{Answer, Answers};
use crate::flow::{answered_in_order, Kind};
use phc::codes::Field;
use phc::Lang;
use yew::prelude::*;

/// The answer as the citizen chose it, in words.
pub fn answer_text(lang: Lang, id: Field, kind: Kind, answer: &Answer) -> String {
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
            phc::dates::parse_date(d).map(|d| phc::i18n::Messages::get(lang).date(d)).unwrap_or_else(|_| d.clone())
        }
    }
}

/// `error`: the message key of what went wrong on the way to the result (its texts could not be loaded).
pub fn check_page(lang: Lang, answers: &Answers, error: Option<&'static str>, on_change: &Callback<Field>, on_submit: Callback<()>, on_back: Callback<()>) -> Html {
    // A move's reach and length are one answer when given as one ("Where did you move?").
    let moved_away = crate::flow::chosen_option(Field::LeavesUnit, answers).is_some_and(|o| o != "no");
    let rows = answered_in_order(answers).into_iter().filter(|q| !(moved_away && q.id == Field::AwayOverAMonth)).map(|q| {
        let title = question_title(lang, q.id, answers);
        // The option chosen in a person's words, where it stands for the stored answers.
        let value = match crate::flow::chosen_option(q.id, answers) {
            Some(option) => t(lang, &format!("ui.q.{}.{option}", q.id)),
            None => answer_text(lang, q.id, q.kind, answers.get(q.id).expect("answered")),
        };
        let on_change = on_change.clone();
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
    html! {
        <div class="phc-check-page">
            <button type="button" class="phc-back" onclick={move |_| on_back.emit(())}>{ t(lang, "ui.back") }</button>
            { title(t(lang, "ui.check.heading")) }
            <p>{ t(lang, "ui.check.lead") }</p>
            <dl class="phc-summary">{ for rows }</dl>
            if let Some(k) = error {
                <div class="phc-error-summary" part="error" role="alert"><p>{ t(lang, k) }</p></div>
            }
            <button type="button" class="phc-button" part="button" onclick={move |_| on_submit.emit(())}>{ t(lang, "ui.check.submit") }</button>
        </div>
    }
}
