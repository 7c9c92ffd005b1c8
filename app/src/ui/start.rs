//! The start page, in the GOV.UK manner: what the checker tells you, what you need, how long it
//! takes, and that nothing leaves the device.
//!
//! A plain function of the app's state, not a component: it keeps no state of its own, and each
//! component costs the wasm its own copy of Yew's lifecycle code (issue 6). The app focuses its
//! heading when the screen appears.

use super::t;
use phc::Lang;
use yew::prelude::*;

/// `link_error`: the message key of a share link that could not be read.
pub fn start_page(lang: Lang, link_error: Option<&'static str>, on_start: Callback<()>) -> Html {
    html! {
        <div class="phc-start">
            if let Some(k) = link_error {
                <div class="phc-error-summary" role="alert" part="error"><p>{ t(lang, k) }</p></div>
            }
            { super::title(t(lang, "ui.start.heading")) }
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
            <button type="button" class="phc-button phc-button-start" part="button" onclick={move |_| on_start.emit(())}>
                { t(lang, "ui.start.start") }
            </button>
        </div>
    }
}
