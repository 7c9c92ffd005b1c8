//! The Yew UI: one `App` component over the reducer in `state`; each screen is a plain function of
//! the state (`start`, `question`, `check`, `result`), not a component of its own, and what happens
//! after a render is in `effects`. Every string comes from the message tables (`t`); the engine
//! answers in the browser and nothing the citizen types leaves it.

mod base;
mod check;
pub mod download;
mod effects;
mod events;
pub mod languages;
mod platform;
mod question;
mod result;
mod start;
#[cfg(test)]
mod tests;

pub use base::{is_portal_address, now, portal_url, rules, screen_name, t, LEVEL};
use crate::state::{Action, Screen, State};
use phc::Lang;
use std::rc::Rc;
use yew::prelude::*;

/// Yew's side of the native reducer (`crate::state`): the action applied at the clock's "now".
impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action, now()))
    }
}

#[derive(Properties, Clone, PartialEq, Default)]
pub struct Config {
    /// A language forced by the host (the widget's `lang`); otherwise the stored or detected one.
    #[prop_or_default]
    pub lang: Option<Lang>,
    #[prop_or_default]
    pub at: Option<String>,
    #[prop_or_default]
    pub service: Option<String>,
    #[prop_or_default]
    pub portal_url: Option<String>,
    #[prop_or_default]
    pub compact: bool,
    /// Inside a host page: no `<main>` landmark of its own, no change to the page's `<html lang>`.
    #[prop_or_default]
    pub embedded: bool,
    /// The widget's element: `phc-step`, `phc-result` and `phc-error` are dispatched on it.
    #[prop_or_default]
    pub host: Option<web_sys::Element>,
    /// Changed by the widget's `reset()`: back to the start page.
    #[prop_or_default]
    pub reset: u32,
    /// The standalone page's fragment at start: a share link to restore.
    #[prop_or_default]
    pub link: Option<String>,
    /// The standalone page's journey kept in the tab (answers and place), restored on a reload.
    #[prop_or_default]
    pub journey: Option<String>,
    /// A widget's own key in the tab's storage, under which it keeps its journey, so a citizen who
    /// leaves the host page and comes back finds their place and answers (issue 23).
    #[prop_or_default]
    pub keep_as: Option<String>,
    /// The level of the screen titles (`heading-level`): none = 1 standalone, 2 inside a host page.
    #[prop_or_default]
    pub heading_level: Option<u8>,
    /// The host page has its own language switch (`lang-switch="off"`): the app shows none.
    #[prop_or_default]
    pub hide_lang_switch: bool,
}

#[function_component(App)]
pub fn app(config: &Config) -> Html {
    let state = use_reducer(|| {
        let lang = config.lang.unwrap_or_else(|| platform::initial_lang(config.embedded));
        match (config.link.as_deref().filter(|l| !l.is_empty()), config.journey.as_deref()) {
            (Some(link), _) => State::from_link(lang, link, now()),
            (None, Some(j)) => State::from_journey(lang, config.at.clone(), j, now()).unwrap_or_else(|| State::new(lang, config.at.clone(), config.service.clone())),
            (None, None) => State::new(lang, config.at.clone(), config.service.clone()),
        }
    });
    let lang = state.lang;
    // The app's element, what the last render watched and what the standalone page's effects last
    // acted on (one hook for the three: each hook type costs the wasm its own code).
    let kept = use_mut_ref(|| (NodeRef::default(), None::<effects::Watched>, None::<effects::Watched>));
    let root = kept.borrow().0.clone();
    {
        let watched = effects::Watched {
            screen: state.screen,
            error: state.error,
            lang,
            host_lang: config.lang,
            host_at: config.at.clone(),
            host_service: config.service.clone(),
            reset: config.reset,
            depth: state.history.len(),
            complete: state.complete,
        };
        let cx = effects::Context {
            dispatch: state.dispatcher(),
            host: config.host.clone(),
            root: root.clone(),
            embedded: config.embedded,
            answers: state.answers.clone(),
            decided: state.decided.clone(),
            journey: (!config.embedded).then(|| state.journey()),
            widget_journey: config.keep_as.clone().map(|key| (key, state.journey())),
        };
        use_effect(move || {
            // Not borrowed while the effects run: they dispatch.
            let (before, mut page_seen) = {
                let mut kept = kept.borrow_mut();
                (kept.1.replace(watched.clone()), kept.2.take())
            };
            effects::after_render(before.as_ref(), &watched, &cx, &mut page_seen);
            kept.borrow_mut().2 = page_seen;
        });
    }
    let on_lang = {
        let dispatch = state.dispatcher();
        let embedded = config.embedded;
        let host = config.host.clone();
        Callback::from(move |l: Lang| {
            let apply = {
                let dispatch = dispatch.clone();
                move || {
                    if !embedded {
                        platform::store_lang(l);
                    }
                    dispatch.dispatch(Action::SetLang(l));
                }
            };
            if phc::i18n::is_available(l) {
                apply();
            } else {
                // Another language's texts come as a file (from the offline copy once installed).
                // When it cannot be loaded (this tab's build is no longer deployed and its file is
                // gone, issue 25), the standalone page opens that language's page of the build now
                // deployed, at the same place (the journey is kept in the tab); a widget tells its host.
                let host = host.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    match languages::ensure(l).await {
                        Ok(()) => apply(),
                        Err(e) => {
                            web_sys::console::error_1(&format!("phc: {e}").into());
                            match &host {
                                Some(host) => events::error(host, &format!("{e}; reload the page to switch the language")),
                                None => platform::open_language_page(l),
                            }
                        }
                    }
                });
            }
        })
    };
    let dispatch = state.dispatcher();
    let back = {
        let d = dispatch.clone();
        // On the standalone page every screen is a browser history entry: the app's Back goes back
        // in the browser's history too (its `popstate` then finds the app already there).
        let embedded = config.embedded;
        Callback::from(move |_| {
            d.dispatch(Action::Back);
            if !embedded {
                platform::history_back();
            }
        })
    };
    let portal = config.portal_url.clone().unwrap_or_else(|| portal_url(lang, state.answers.service()));
    LEVEL.set(config.heading_level.unwrap_or(if config.embedded { 2 } else { 1 }));
    let body = match state.screen {
        Screen::Start => start::start_page(lang, state.link_error, {
            let d = dispatch.clone();
            // The result's texts come while the questions are answered (issue 26).
            Callback::from(move |_| {
                languages::prefetch(lang);
                d.dispatch(Action::Begin)
            })
        }),
        Screen::Ask(id) => {
            let draft = state.draft_for(id);
            question::question_page(question::QuestionView {
                lang,
                question: crate::flow::question(id).expect("screens name listed questions"),
                answers: &state.answers,
                draft: &draft,
                error: state.error,
                number: state.history.len(),
                root: root.clone(),
                on_edit: { let d = dispatch.clone(); Callback::from(move |e| d.dispatch(Action::Edit(e))) },
                on_submit: { let d = dispatch.clone(); Callback::from(move |_| d.dispatch(Action::Submit)) },
                on_back: back.clone(),
            })
        }
        Screen::Check => check::check_page(
            lang,
            &state.answers,
            state.error,
            &{ let d = dispatch.clone(); Callback::from(move |id| d.dispatch(Action::Change(id))) },
            { let d = dispatch.clone(); Callback::from(move |_| show_result(lang, d.clone())) },
            back.clone(),
        ),
        Screen::Result => result::result_page(result::ResultView {
            lang,
            answers: &state.answers,
            decided: state.decided.as_ref().expect("the result's decision is made on entering it"),
            complete: state.complete,
            portal: &portal,
            embedded: config.embedded,
            host: config.host.clone(),
            share: &state.share,
            on_share: { let d = dispatch.clone(); Callback::from(move |link| d.dispatch(Action::Share(link))) },
            on_copied: { let d = dispatch.clone(); Callback::from(move |_| d.dispatch(Action::Copied)) },
            on_back: back.clone(),
            at: state.at.as_deref(),
            root: root.clone(),
            on_restart: {
                let d = dispatch.clone();
                let embedded = config.embedded;
                // Starting again also forgets a share link in the address.
                Callback::from(move |_| { if !embedded { platform::set_fragment(""); } d.dispatch(Action::Restart) })
            },
        }),
    };
    let content = html! {
        <>
            <header class="phc-header" part="header">
                <p class="phc-brand">{ t(lang, if state.answers.service() == Some("home_visit") { "ui.title_home_visit" } else { "ui.title" }) }</p>
                if !config.hide_lang_switch {
                    { platform::lang_switch(lang, &on_lang) }
                }
            </header>
            if config.embedded {
                <section class="phc-main" part="main" aria-label={t(lang, "ui.title")}>{ body }</section>
            } else {
                <main class="phc-main" id="phc-main">{ body }</main>
            }
        </>
    };
    // Class names as literals only: a computed `class` goes through Yew's `Classes` (a hashed set),
    // 1 KB of wasm for this alone (issue 6). States are attributes (`data-verdict`, `aria-invalid`).
    let (lang_code, screen) = (lang.as_str(), screen_name(state.screen));
    if config.compact {
        html! { <div class="phc phc-compact" lang={lang_code} data-screen={screen} ref={root}>{ content }</div> }
    } else {
        html! { <div class="phc" lang={lang_code} data-screen={screen} ref={root}>{ content }</div> }
    }
}

/// The result, once its texts are in: at once when they are (the press is answered in its own
/// frame), else when they come; if they cannot come, the check page says so and its button tries again.
fn show_result(lang: Lang, dispatch: UseReducerDispatcher<State>) {
    if phc::i18n::is_available(lang) {
        dispatch.dispatch(Action::ShowResult);
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        match languages::ensure(lang).await {
            Ok(()) => dispatch.dispatch(Action::ShowResult),
            Err(e) => {
                web_sys::console::error_1(&format!("phc: {e}").into());
                dispatch.dispatch(Action::ResultUnavailable);
            }
        }
    });
}

pub use platform::{initial_lang, install_panic_message, lang_of, saved_journey_as, widget_key};

/// Reports attributes the widget could not use (they fall back to their defaults).
pub fn report_errors(config: &Config, errors: &[String]) {
    if let Some(host) = &config.host {
        for e in errors {
            events::error(host, e);
        }
    }
}

/// Mounts the app on `#phc-app` of the standalone page, once its language's texts are in.
///
/// The page comes prerendered (issue 18): xtask writes the start page into it, one page per language,
/// from `crate::start_view`, the description `start.rs` renders too. The app starts in that page's
/// language and replaces the page, in one task (no paint between), with its own first render: the
/// same elements in the same places, so nothing moves. What the citizen did meanwhile is handed over
/// by `static/page.js` once this render is in: a press on Start (the app goes on to the first
/// question) or the focus (it stays on the same element).
pub fn start() {
    platform::install_panic_message();
    let Some(root) = platform::element_by_id("phc-app") else { return };
    let lang = platform::prerendered_lang(&root).unwrap_or_else(|| platform::initial_lang(false));
    // A share link or a journey kept in the tab may open on the result: then all of the language's
    // texts before the first render; else the screens' texts, and the result's once Start is pressed.
    let link = Some(platform::fragment()).filter(|f| !f.is_empty());
    let journey = platform::saved_journey();
    wasm_bindgen_futures::spawn_local(async move {
        let texts = if link.is_some() || journey.is_some() { languages::ensure(lang).await } else { languages::ensure_screens(lang).await };
        if let Err(e) = texts {
            // Said at once by static/page.js, with the portal's link, as when the wasm cannot load.
            web_sys::console::error_1(&format!("phc: {e}").into());
            let _ = root.set_attribute("data-phc-failed", "");
            if let Some(w) = web_sys::window() {
                let _ = web_sys::Event::new("phc-boot-failed").map(|ev| w.dispatch_event(&ev));
            }
            return;
        }
        // Ready first: the focus leaving the prerendered page as it goes is not the citizen's doing.
        let _ = root.set_attribute("data-phc-ready", "");
        root.set_inner_html("");
        if link.is_some() {
            // Read once; the address keeps no answers unless the citizen makes a link again.
            platform::set_fragment("");
        }
        yew::Renderer::<App>::with_root_and_props(root, Config { lang: Some(lang), link, journey, ..Config::default() }).render();
        platform::register_service_worker();
        platform::open_details_when_printing();
    });
}
