//! The few things the app asks of the browser: the language to start in, remembering the chosen one,
//! focus, and a readable message instead of a blank page if the app panics.

use super::base::t;
use phc::Lang;
use wasm_bindgen::{JsCast, JsValue};
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

/// Only the language is stored: never an answer. (On the standalone page the address follows the
/// page's language, `/ru/` → `/en/`: `static/page.js`.)
pub fn store_lang(lang: Lang) {
    if let Some(s) = storage() {
        let _ = s.set_item(LANG_KEY, lang.as_str());
    }
}

/// Opens the language's own page (`/ru/`), the fragment kept, with the language stored: what a
/// tab does when its build's texts of that language are gone after a new deployment.
pub fn open_language_page(lang: Lang) {
    store_lang(lang);
    if let Some(w) = web_sys::window() {
        let hash = w.location().hash().unwrap_or_default();
        let _ = w.location().replace(&format!("/{}/{hash}", lang.as_str()));
    }
}

/// The language of the prerendered start page inside `root` (xtask writes one page per language,
/// `tests/e2e/prerender.test.mjs`): the app takes the page over in it.
pub fn prerendered_lang(root: &web_sys::Element) -> Option<Lang> {
    root.query_selector(".phc[lang]").ok().flatten()?.get_attribute("lang").and_then(|l| lang_of(&l))
}

pub fn set_document_lang(lang: Lang) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang.as_str());
    }
}

/// Focuses the first element matching `selector` inside `root` (the app's own element: inside a
/// shadow root `document.getElementById` cannot see it). The app focuses a new screen's heading so a
/// screen reader announces the new page and the keyboard starts from it, the error summary when it
/// appears, and a field from the summary's link.
pub fn focus_selected(root: &NodeRef, selector: &str) {
    let found = root.cast::<web_sys::Element>().and_then(|n| n.query_selector(selector).ok().flatten());
    if let Some(el) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Replaces every mounted app with a message and a link to the portal if the app panics.
pub fn install_panic_message() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("phc: {info}").into());
        show_crash_message();
        crate::ui::platform::notify_crash();
    }));
}

/// The crash message in every mounted app: the page's own (`#phc-app`) and each widget's, inside
/// its open shadow root, where a search of the document cannot see. A widget's message is in the
/// widget's `lang` and links to its `portal-url`. Runs in the panic hook, before the wasm stops for
/// good, so it must not panic itself: every step that can fail is skipped instead. Built of nodes,
/// not HTML text, so that a host page enforcing Trusted Types shows it too (issue 25).
pub fn show_crash_message() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let message = |lang: Lang, portal: Option<String>| -> Option<web_sys::Element> {
        let lang = super::languages::shown(lang);
        let url = portal.unwrap_or_else(|| super::portal_url(lang, None));
        let div = doc.create_element("div").ok()?;
        div.set_class_name("phc-crash");
        div.set_attribute("role", "alert").ok()?;
        div.set_attribute("lang", lang.as_str()).ok()?;
        let said = doc.create_element("p").ok()?;
        said.set_text_content(Some(&t(lang, "ui.error.crashed")));
        let way = doc.create_element("p").ok()?;
        let link = doc.create_element("a").ok()?;
        link.set_attribute("href", &url).ok()?;
        link.set_text_content(Some(&t(lang, "ui.portal_link")));
        way.append_child(&link).ok()?;
        div.append_child(&said).ok()?;
        div.append_child(&way).ok()?;
        Some(div)
    };
    if let Ok(nodes) = doc.query_selector_all("[data-phc-ready]") {
        for i in 0..nodes.length() {
            if let (Some(el), Some(m)) = (nodes.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()), message(initial_lang(false), None)) {
                el.replace_children_with_node_1(&m);
            }
        }
    }
    if let Ok(widgets) = doc.query_selector_all("phc-eligibility") {
        for i in 0..widgets.length() {
            let Some(widget) = widgets.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
            let Some(app) = widget.shadow_root().and_then(|r| r.query_selector("[data-phc-ready]").ok().flatten()) else { continue };
            let lang = widget.get_attribute("lang").and_then(|l| lang_of(&l)).unwrap_or_else(|| initial_lang(true));
            let portal = widget.get_attribute("portal-url").filter(|u| super::base::is_portal_address(u));
            if let Some(m) = message(lang, portal) {
                app.replace_children_with_node_1(&m);
            }
        }
    }
}

/// Lets a host (the widget) learn that the app crashed.
pub fn notify_crash() {
    if let (Some(w), Ok(event)) = (web_sys::window(), web_sys::Event::new("phc-crash")) {
        let _ = w.dispatch_event(&event);
    }
}

/// Three buttons, each labelled in its own language. A plain function, not a component (see `start`).
/// The names and the label are `crate::start_view`'s, which the prerendered pages write too.
pub fn lang_switch(lang: Lang, on_change: &Callback<Lang>) -> Html {
    use crate::start_view::{LANGS, LANG_LABEL};
    html! {
        <nav class="phc-lang" aria-label={t(lang, LANG_LABEL)}>
            <ul>
            { for LANGS.iter().map(|(l, name)| {
                let l = *l;
                let on_change = on_change.clone();
                let current = l == lang;
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

pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Before the standalone page prints (its button or the browser's menu), the collapsed "why"
/// opens: a printed answer carries its reasons.
pub fn open_details_when_printing() {
    let Some(window) = web_sys::window() else { return };
    let listener = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        if let Ok(all) = doc.query_selector_all(".phc details") {
            for i in 0..all.length() {
                if let Some(el) = all.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                    let _ = el.set_attribute("open", "");
                }
            }
        }
    });
    let _ = window.add_event_listener_with_callback("beforeprint", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// The page's fragment, without `#`.
pub fn fragment() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default().trim_start_matches('#').to_string()
}

/// Replaces the fragment without a new history entry (empty: removes it).
pub fn set_fragment(fragment: &str) {
    let Some(w) = web_sys::window() else { return };
    let Ok(history) = w.history() else { return };
    let path = w.location().pathname().unwrap_or_else(|_| "/".into());
    let url = if fragment.is_empty() { path } else { format!("{path}#{fragment}") };
    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
}

/// This page's address with a fragment, for a share link.
pub fn link_with_fragment(fragment: &str) -> String {
    let Some(w) = web_sys::window() else { return String::new() };
    let l = w.location();
    format!("{}{}#{fragment}", l.origin().unwrap_or_default(), l.pathname().unwrap_or_default())
}

pub fn copy_to_clipboard(text: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

/// The standalone app works offline after one visit; the widget never registers a service worker on
/// its host's origin.
pub fn register_service_worker() {
    let Some(w) = web_sys::window() else { return };
    let navigator = w.navigator();
    if js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        let _ = navigator.service_worker().register("/sw.js");
    }
}

/// Where the standalone app keeps the journey (answers and place), so a reload or a pull-to-refresh
/// does not lose it: the tab's own storage, gone with the tab; nothing leaves the device.
const JOURNEY_KEY: &str = "phc.journey";

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

pub fn save_journey(journey: &str) {
    save_journey_as(JOURNEY_KEY, journey);
}

pub fn saved_journey() -> Option<String> {
    saved_journey_as(JOURNEY_KEY)
}

/// A journey under its own key: a widget's (`widget_key`).
pub fn save_journey_as(key: &str, journey: &str) {
    if let Some(s) = session() {
        let _ = s.set_item(key, journey);
    }
}

pub fn saved_journey_as(key: &str) -> Option<String> {
    session()?.get_item(key).ok().flatten()
}

/// A widget's key in the tab's storage: the page's path and the element's `id`, or its place among
/// the page's widgets, so two widgets never share a journey and a page's widget finds its own when
/// the citizen comes back to the page.
pub fn widget_key(host: &web_sys::Element) -> String {
    let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default();
    let id = host.id();
    let place = if id.is_empty() {
        let all = host.owner_document().and_then(|d| d.query_selector_all(&host.tag_name()).ok());
        let index = all.and_then(|all| (0..all.length()).find(|i| all.item(*i).is_some_and(|n| n.is_same_node(Some(host)))));
        format!("#{}", index.unwrap_or(0))
    } else {
        id
    };
    format!("phc.widget:{path}:{place}")
}

/// Records the app's screen depth in the browser's history: a new entry for each screen the citizen
/// moves forward to (`push`), so the browser's Back goes to the previous question.
pub fn history_entry(depth: usize, push: bool) {
    // Forward: the browser is at that entry already (its own Forward, met by `BackTo`); a new entry
    // would drop the ones still ahead.
    if push && BROWSER_DEPTH.get() == Some(depth) {
        return;
    }
    BROWSER_DEPTH.set(Some(depth));
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else { return };
    let state = JsValue::from_f64(depth as f64);
    let _ = if push { history.push_state_with_url(&state, "", None) } else { history.replace_state_with_url(&state, "", None) };
}

/// The browser's Back (the app's own Back button on the standalone page goes through it, so the two
/// never disagree).
pub fn history_back() {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.back();
    }
}

thread_local! {
    static ON_POP: std::cell::RefCell<Option<Callback<usize>>> = const { std::cell::RefCell::new(None) };
    /// The depth of the browser's history entry the page is at, as last written or popped to.
    static BROWSER_DEPTH: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
}

/// Calls `on_pop` with the depth of the history entry the browser went back (or forward) to. The
/// listener is added once; a later call replaces the callback.
pub fn on_history_pop(on_pop: Callback<usize>) {
    let first = ON_POP.with(|c| c.borrow_mut().replace(on_pop).is_none());
    if !first {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::PopStateEvent)>::new(|e: web_sys::PopStateEvent| {
        let depth = e.state().as_f64().map_or(0, |d| d as usize);
        BROWSER_DEPTH.set(Some(depth));
        ON_POP.with(|c| {
            if let Some(cb) = c.borrow().as_ref() {
                cb.emit(depth);
            }
        });
    });
    let _ = window.add_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// The page's title: the screen's, so a screen reader and the tab say where the citizen is.
pub fn set_title(title: &str) {
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        d.set_title(title);
    }
}
