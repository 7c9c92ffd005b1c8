//! The Yew UI: one `App` component over the reducer in `state`, one component per screen. Every
//! string comes from the message tables (`t`); the engine answers in the browser and nothing the
//! citizen types leaves it.

mod check;
mod effects;
mod events;
mod platform;
mod question;
mod result;
mod start;
mod state;
#[cfg(test)]
mod tests;

use phc::i18n::Messages;
use phc::time::KzMoment;
use phc::{Lang, Rules};
use state::{Action, Screen, State};
use yew::prelude::*;

/// The built-in rules (typed and checked at build time: nothing to load).
pub fn rules() -> &'static Rules {
    Rules::built_in()
}

/// Now, in Kazakhstan time, from the UTC clock (never the browser's time zone).
pub fn now() -> KzMoment {
    phc::time::from_unix_millis(js_sys::Date::now() as i64, &rules().zones).expect("the clock is within range")
}

/// A message without placeholders.
pub fn t(lang: Lang, key: &str) -> String {
    Messages::get(lang).text(key, &[])
}

/// Where "apply online" points: the service's page on the state portal in the chosen language
/// (attachment 3176, calling a doctor 3182: domain.md §9).
pub fn portal_url(lang: Lang, service: Option<&str>) -> String {
    let id = if service == Some("home_visit") { 3182 } else { 3176 };
    format!("https://www.gov.kz/services/{id}?lang={}", match lang {
        Lang::Kk => "kk",
        Lang::Ru => "ru",
        Lang::En => "en",
    })
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
}

#[function_component(App)]
pub fn app(config: &Config) -> Html {
    let state = use_reducer(|| {
        let lang = config.lang.unwrap_or_else(|| platform::initial_lang(config.embedded));
        match config.link.as_deref().filter(|l| !l.is_empty()) {
            Some(link) => State::from_link(lang, link),
            None => State::new(lang, config.at.clone(), config.service.clone()),
        }
    });
    let lang = state.lang;
    // The app's element, and what the last render watched (one hook for both: each hook type costs
    // the wasm its own code).
    let kept = use_mut_ref(|| (NodeRef::default(), None::<effects::Watched>));
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
        };
        let cx = effects::Context {
            dispatch: state.dispatcher(),
            host: config.host.clone(),
            root: root.clone(),
            embedded: config.embedded,
            answers: state.answers.clone(),
            at: state.at.clone(),
        };
        use_effect(move || {
            let before = kept.borrow_mut().1.replace(watched.clone());
            effects::after_render(before.as_ref(), &watched, &cx);
        });
    }
    let on_lang = {
        let dispatch = state.dispatcher();
        let embedded = config.embedded;
        Callback::from(move |l: Lang| {
            if !embedded {
                platform::store_lang(l);
            }
            dispatch.dispatch(Action::SetLang(l));
        })
    };
    let dispatch = state.dispatcher();
    let back = {
        let d = dispatch.clone();
        Callback::from(move |_| d.dispatch(Action::Back))
    };
    let portal = config.portal_url.clone().unwrap_or_else(|| portal_url(lang, state.answers.service()));
    let body = match state.screen {
        Screen::Start => start::start_page(lang, state.link_error, { let d = dispatch.clone(); Callback::from(move |_| d.dispatch(Action::Begin)) }),
        Screen::Ask(id) => {
            let draft = state.draft_for(id);
            question::question_page(question::QuestionView {
                lang,
                question: crate::flow::question(id).expect("screens name listed questions"),
                answers: &state.answers,
                at: state.at.as_deref(),
                draft: &draft,
                error: state.error,
                number: state.history.len(),
                root: root.clone(),
                on_edit: { let d = dispatch.clone(); Callback::from(move |e| d.dispatch(Action::Edit(e))) },
                on_error: { let d = dispatch.clone(); Callback::from(move |k| d.dispatch(Action::Invalid(k))) },
                on_answer: { let d = dispatch.clone(); Callback::from(move |a| d.dispatch(Action::Answer(id, a))) },
                on_back: back.clone(),
            })
        }
        Screen::Check => check::check_page(
            lang,
            &state.answers,
            &{ let d = dispatch.clone(); Callback::from(move |id| d.dispatch(Action::Change(id))) },
            { let d = dispatch.clone(); Callback::from(move |_| d.dispatch(Action::ShowResult)) },
            back.clone(),
        ),
        Screen::Result => result::result_page(result::ResultView {
            lang,
            answers: &state.answers,
            at: state.at.as_deref(),
            portal: &portal,
            embedded: config.embedded,
            share: &state.share,
            on_share: { let d = dispatch.clone(); Callback::from(move |link| d.dispatch(Action::Share(link))) },
            on_copied: { let d = dispatch.clone(); Callback::from(move |_| d.dispatch(Action::Copied)) },
            on_back: back.clone(),
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
                <p class="phc-brand">{ t(lang, "ui.title") }</p>
                { platform::lang_switch(lang, &on_lang) }
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

fn screen_name(s: Screen) -> String {
    match s {
        Screen::Start => "start".into(),
        Screen::Ask(id) => format!("question:{id}"),
        Screen::Check => "check".into(),
        Screen::Result => "result".into(),
    }
}

pub use platform::{install_panic_message, lang_of};

/// Reports attributes the widget could not use (they fall back to their defaults).
pub fn report_errors(config: &Config, errors: &[String]) {
    if let Some(host) = &config.host {
        for e in errors {
            events::error(host, e);
        }
    }
}

/// Mounts the app on `#phc-app` of the standalone page.
pub fn start() {
    platform::install_panic_message();
    if let Some(root) = platform::element_by_id("phc-app") {
        root.set_inner_html("");
        let _ = root.set_attribute("data-phc-ready", "");
        let link = Some(platform::fragment()).filter(|f| !f.is_empty());
        if link.is_some() {
            // Read once; the address keeps no answers unless the citizen makes a link again.
            platform::set_fragment("");
        }
        yew::Renderer::<App>::with_root_and_props(root, Config { link, ..Config::default() }).render();
        platform::register_service_worker();
    }
}
