//! The message tables of the browser build. The wasm carries no texts (issue 18: a first visit
//! transfers one language, not three): the page's language is loaded as a file before the app first
//! renders in it, another one when the citizen or the host switches to it. The files are part of the
//! build (their names carry the tables' identity) and the offline cache keeps all three.

use phc::Lang;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// Where the files are: the widget module's folder (its URL); none on the standalone pages, whose
    /// files are all at the site's root (`/`, and the prerendered `/kk/`, `/ru/`, `/en/`).
    static BASE: RefCell<String> = const { RefCell::new(String::new()) };
}

/// The folder the widget's module was loaded from: its message files are there too, whatever page
/// hosts it.
pub fn set_base(base: String) {
    BASE.with(|b| *b.borrow_mut() = base);
}

/// Loads a language's texts unless they are already in. The error says which file failed and how.
pub async fn ensure(lang: Lang) -> Result<(), String> {
    if phc::i18n::is_available(lang) {
        return Ok(());
    }
    let url = BASE.with(|b| {
        let b = b.borrow();
        format!("{}{}", if b.is_empty() { "/" } else { b.as_str() }, phc::i18n::file_name(lang))
    });
    let failed = |what: &str| format!("the {lang} texts ({url}) could not be loaded: {what}");
    let window = web_sys::window().ok_or_else(|| failed("no window"))?;
    let response = JsFuture::from(window.fetch_with_str(&url)).await.map_err(|_| failed("no network, and not in the offline copy"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| failed("not a response"))?;
    if !response.ok() {
        return Err(failed(&format!("HTTP {}", response.status())));
    }
    let text = response.text().map_err(|_| failed("unreadable"))?;
    let text = JsFuture::from(text).await.map_err(|_| failed("unreadable"))?.as_string().ok_or_else(|| failed("not text"))?;
    phc::i18n::install(&text).map(|_| ()).map_err(|e| failed(&e))
}

/// A language whose texts are in: `lang` if it is, else any that is (a message must never be a
/// row of key names, not even the crash message).
pub fn shown(lang: Lang) -> Lang {
    if phc::i18n::is_available(lang) {
        return lang;
    }
    [Lang::Kk, Lang::Ru, Lang::En].into_iter().find(|l| phc::i18n::is_available(*l)).unwrap_or(lang)
}
