//! The start page, in the GOV.UK manner: what the checker tells you, what you need, how long it
//! takes, and that nothing leaves the device.
//!
//! A plain function of the app's state, not a component: it keeps no state of its own, and each
//! component costs the wasm its own copy of Yew's lifecycle code (issue 6). The app focuses its
//! heading when the screen appears.
//!
//! What it says and in which order is `crate::start_view`, the description xtask also writes as the
//! prerendered page (issue 18): each kind of block is rendered here with the classes xtask writes.

use super::base::{t, title};
use crate::start_view::{Block, BLOCKS};
use phc::Lang;
use yew::prelude::*;

/// `link_error`: the message key of a share link that could not be read.
pub fn start_page(lang: Lang, link_error: Option<&'static str>, on_start: Callback<()>) -> Html {
    html! {
        <div class="phc-start">
            if let Some(k) = link_error {
                <div class="phc-error-summary" role="alert" part="error"><p>{ t(lang, k) }</p></div>
            }
            { for BLOCKS.iter().map(|b| block(lang, *b, &on_start)) }
        </div>
    }
}

fn block(lang: Lang, b: Block, on_start: &Callback<()>) -> Html {
    match b {
        Block::Title(k) => title(t(lang, k)),
        Block::Lead(k) => html! { <p class="phc-lead">{ t(lang, k) }</p> },
        Block::Para(k) => html! { <p>{ t(lang, k) }</p> },
        Block::List(keys) => html! { <ul class="phc-list">{ for keys.iter().map(|k| html! { <li>{ t(lang, k) }</li> }) }</ul> },
        Block::Privacy(k) => html! { <p class="phc-privacy">{ t(lang, k) }</p> },
        Block::Start(k) => {
            let on_start = on_start.clone();
            html! {
                <button type="button" class="phc-button phc-button-start" part="button" onclick={move |_| on_start.emit(())}>
                    { t(lang, k) }
                </button>
            }
        }
    }
}
