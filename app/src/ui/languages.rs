//! The message tables of the browser build. The wasm carries no texts (issue 18: a first visit
//! transfers one language, not three): the page's language is loaded as a file before the app first
//! renders in it, another one when the citizen or the host switches to it. Each language's file is in
//! two parts (issue 26): the screens' texts, loaded before the app starts, and the result's, loaded
//! once the citizen presses Start, so a first visit carries only the first. The files are part of the
//! build (their names carry the tables' identity) and the offline cache keeps all three.

use phc::i18n::Part;
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

/// The address of a file of the build: beside the widget's module, or at the site's root.
pub fn address(name: &str) -> String {
    BASE.with(|b| {
        let b = b.borrow();
        format!("{}{name}", if b.is_empty() { "/" } else { b.as_str() })
    })
}

/// Loads all of a language's texts (both parts of its file) unless they are already in. The error
/// says which file failed and how.
pub async fn ensure(lang: Lang) -> Result<(), String> {
    load(lang, Part::Screens).await?;
    load(lang, Part::Result).await
}

/// Loads the texts of the screens before the result (issue 26): what the app needs to start.
pub async fn ensure_screens(lang: Lang) -> Result<(), String> {
    load(lang, Part::Screens).await
}

/// Begins loading the result's texts (the citizen has begun): they come while the questions are
/// answered. Nothing waits for it here; the result waits for `ensure`.
pub fn prefetch(lang: Lang) {
    if !phc::i18n::is_available(lang) {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = ensure(lang).await;
        });
    }
}

/// A part of a language's texts, fetched unless it is in. Two calls while it is on its way fetch it
/// twice (the second is kept as the first): rare, as Start begins it long before the result needs
/// it, and cheaper in the wasm than sharing the load.
///
/// The asking and the installing are apart for one who asks for several at once (the paper's module,
/// issue 27): `request`, then `receive`. This is one of each, and no future of its own (a second one
/// cost the app's wasm 0.3 KB).
pub fn load(lang: Lang, part: Part) -> impl std::future::Future<Output = Result<(), String>> {
    receive(lang, request(lang, part))
}

/// A part of a language's texts asked for, unless it is in: its address and its response on the way.
pub fn request(lang: Lang, part: Part) -> Result<Option<(String, js_sys::Promise)>, String> {
    if phc::i18n::has_part(lang, part) {
        return Ok(None);
    }
    let url = address(&phc::i18n::part_file_name(lang, part));
    let window = web_sys::window().ok_or_else(|| format!("the {lang} texts ({url}) could not be loaded: no window"))?;
    let response = window.fetch_with_str(&url);
    Ok(Some((url, response)))
}

/// Installs the part of a language's texts that `request` asked for (nothing if it was in), once its
/// response is in. The error says which file failed and how.
pub async fn receive(lang: Lang, asked: Result<Option<(String, js_sys::Promise)>, String>) -> Result<(), String> {
    let Some((url, response)) = asked? else { return Ok(()) };
    let failed = |what: &str| format!("the {lang} texts ({url}) could not be loaded: {what}");
    let response = JsFuture::from(response).await.map_err(|_| failed("no network, and not in the offline copy"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| failed("not a response"))?;
    if !response.ok() {
        return Err(failed(&format!("HTTP {}", response.status())));
    }
    let text = response.text().map_err(|_| failed("unreadable"))?;
    let text = JsFuture::from(text).await.map_err(|_| failed("unreadable"))?.as_string().ok_or_else(|| failed("not text"))?;
    phc::i18n::install(&text).map(|_| ()).map_err(|e| failed(&e))
}

/// A language whose screens' texts are in: `lang` if they are, else any that is (a message must never
/// be a row of key names, not even the crash message).
pub fn shown(lang: Lang) -> Lang {
    let ready = |l: Lang| phc::i18n::has_part(l, Part::Screens);
    if ready(lang) {
        return lang;
    }
    [Lang::Kk, Lang::Ru, Lang::En].into_iter().find(|l| ready(*l)).unwrap_or(lang)
}
