//! The start page, in the GOV.UK manner: what the checker tells you, what you need, how long it
//! takes, and that nothing leaves the device.

use super::t;
use phc::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StartProps {
    pub lang: Lang,
    /// A share link that could not be read.
    #[prop_or_default]
    pub link_error: Option<&'static str>,
    pub on_start: Callback<()>,
}

#[function_component(Start)]
pub fn start(p: &StartProps) -> Html {
    let lang = p.lang;
    let heading = super::platform::use_focused_heading();
    let on_start = p.on_start.clone();
    html! {
        <div class="phc-start">
            if let Some(k) = p.link_error {
                <div class="phc-error-summary" role="alert" part="error"><p>{ t(lang, k) }</p></div>
            }
            <h1 tabindex="-1" ref={heading}>{ t(lang, "ui.start.heading") }</h1>
            <p class="phc-lead">{ t(lang, "ui.start.lead") }</p>
            <p>{ t(lang, "ui.start.you_get") }</p>
            <ul class="phc-list">
                <li>{ t(lang, "ui.start.get_verdict") }</li>
                <li>{ t(lang, "ui.start.get_documents") }</li>
                <li>{ t(lang, "ui.start.get_channel") }</li>
                <li>{ t(lang, "ui.start.get_dates") }</li>
            </ul>
            <p>{ t(lang, "ui.start.need") }</p>
            <p>{ t(lang, "ui.start.time") }</p>
            <p class="phc-privacy">{ t(lang, "ui.start.privacy") }</p>
            <button type="button" class="phc-button phc-button-start" part="button" onclick={Callback::from(move |_| on_start.emit(()))}>
                { t(lang, "ui.start.start") }
            </button>
        </div>
    }
}
