//! The few things the app asks of the browser: the language to start in, remembering the chosen one,
//! focus, and a readable message instead of a blank page if the app panics.

use super::t;
use phc::Lang;
use wasm_bindgen::JsCast;
use yew::prelude::*;

const LANG_KEY: &str = "phc.lang";

pub fn element_by_id(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The stored choice, else (inside a host page) the host page's language, else the browser's, else
/// Kazakh, the state language. The standalone page's own `<html lang>` is not the visitor's choice.
pub fn initial_lang(embedded: bool) -> Lang {
    let stored = if embedded { None } else { storage().and_then(|s| s.get_item(LANG_KEY).ok().flatten()) };
    let page = if embedded {
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()).and_then(|e| e.get_attribute("lang"))
    } else {
        None
    };
    let browser = web_sys::window().and_then(|w| w.navigator().language());
    [stored, page, browser].into_iter().flatten().find_map(|l| lang_of(&l)).unwrap_or(Lang::Kk)
}

/// `ru-RU` → Russian, `kk` → Kazakh, `en-GB` → English.
pub fn lang_of(tag: &str) -> Option<Lang> {
    Lang::parse(&tag.get(..2)?.to_ascii_lowercase())
}

/// Only the language is stored: never an answer.
pub fn store_lang(lang: Lang) {
    if let Some(s) = storage() {
        let _ = s.set_item(LANG_KEY, lang.as_str());
    }
}

pub fn set_document_lang(lang: Lang) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang.as_str());
    }
}

pub fn focus(node: &NodeRef) {
    if let Some(el) = node.cast::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

/// Focuses the element with `id` inside the closest `container` of `node` (inside a shadow root
/// `document.getElementById` cannot see it).
pub fn focus_within(node: &NodeRef, container: &str, id: &str) {
    let found = node
        .cast::<web_sys::Element>()
        .and_then(|n| n.closest(container).ok().flatten())
        .and_then(|c| c.query_selector(&format!("#{id}")).ok().flatten());
    if let Some(el) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Replaces every mounted app with a message and a link to the portal if the app panics.
pub fn install_panic_message() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("phc: {info}").into());
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        let lang = initial_lang(false);
        let text = t(lang, "ui.error.crashed");
        let link = t(lang, "ui.portal_link");
        let url = super::portal_url(lang, None);
        let html = format!(r#"<div class="phc-crash" role="alert"><p>{}</p><p><a href="{url}">{}</a></p></div>"#, escape(&text), escape(&link));
        if let Ok(nodes) = doc.query_selector_all("[data-phc-ready]") {
            for i in 0..nodes.length() {
                if let Some(el) = nodes.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                    el.set_inner_html(&html);
                }
            }
        }
        crate::ui::platform::notify_crash();
    }));
}

/// Lets a host (the widget) learn that the app crashed.
pub fn notify_crash() {
    if let Some(w) = web_sys::window() {
        let _ = w.dispatch_event(&web_sys::Event::new("phc-crash").expect("a plain event"));
    }
}

pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    pub lang: Lang,
    pub on_change: Callback<Lang>,
}

/// Three buttons, each labelled in its own language.
#[function_component(LangSwitch)]
pub fn lang_switch(p: &LangSwitchProps) -> Html {
    let names = [(Lang::Kk, "Қазақша"), (Lang::Ru, "Русский"), (Lang::En, "English")];
    html! {
        <nav class="phc-lang" aria-label={t(p.lang, "ui.lang_label")}>
            <ul>
            { for names.iter().map(|(l, name)| {
                let l = *l;
                let on_change = p.on_change.clone();
                let current = l == p.lang;
                html! {
                    <li>
                        <button type="button" lang={l.as_str()} aria-pressed={if current { "true" } else { "false" }}
                            onclick={Callback::from(move |_| on_change.emit(l))}>{ *name }</button>
                    </li>
                }
            }) }
            </ul>
        </nav>
    }
}
