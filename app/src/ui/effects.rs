//! What the app does after a render, for what changed since the one before: apply the host page's
//! new attributes, tell the host which step is shown (and the decision on the result), move the
//! focus, set the page's language.
//!
//! One effect that compares with the last render, rather than a Yew effect per watched value: each
//! `use_effect_with` costs the wasm its own copy of the hook's code (issue 6).

use super::base::{question_title, t};
use super::base::screen_name;
use super::{events, platform};
use crate::answers::Answers;
use crate::state::{Action, Decided, Screen, State};
use phc::Lang;
use yew::prelude::*;

/// The values effects follow, as of one render.
#[derive(Clone, PartialEq)]
pub struct Watched {
    pub screen: Screen,
    /// The message key of the error a question shows.
    pub error: Option<&'static str>,
    pub lang: Lang,
    /// From the host page: its `lang`, `at` and `service` attributes, and how often it called `reset()`.
    pub host_lang: Option<Lang>,
    pub host_at: Option<String>,
    pub host_service: Option<String>,
    pub reset: u32,
    /// How many screens there are to go back to.
    pub depth: usize,
    /// The result shows all of itself (`State::complete`).
    pub complete: bool,
}

/// What the effects act on.
pub struct Context {
    pub dispatch: UseReducerDispatcher<State>,
    /// The widget's element (events are dispatched on it); none on the standalone page.
    pub host: Option<web_sys::Element>,
    /// The app's own element (focus stays inside it, also in a shadow root).
    pub root: NodeRef,
    pub embedded: bool,
    pub answers: Answers,
    /// The result's decision (the one its page shows).
    pub decided: Option<Decided>,
    /// The journey to keep in the tab (the standalone page only).
    pub journey: Option<String>,
    /// A widget's journey and its own key in the tab's storage.
    pub widget_journey: Option<(String, String)>,
}

/// Runs after a render: `before` is what the previous render watched (none after the first);
/// `page_seen`, what the standalone page's own effects last acted on.
pub fn after_render(before: Option<&Watched>, now: &Watched, cx: &Context, page_seen: &mut Option<Watched>) {
    // The result's first frame: the answer and what to do now (the rest once it is painted).
    let first_frame = now.screen == Screen::Result && !now.complete;
    let host_changed = before.is_some_and(|b| (&b.host_at, &b.host_service, b.reset) != (&now.host_at, &now.host_service, now.reset));
    if let Some(b) = before {
        // The host changed an attribute: apply it. (The first render already started from them, and
        // maybe from a restored link, which this would undo.)
        if (&b.host_at, &b.host_service) != (&now.host_at, &now.host_service) {
            cx.dispatch.dispatch(Action::Configure { at: now.host_at.clone(), service: now.host_service.clone() });
        }
        if b.host_lang != now.host_lang {
            if let Some(lang) = now.host_lang {
                cx.dispatch.dispatch(Action::SetLang(lang));
            }
        }
        if b.reset != now.reset {
            cx.dispatch.dispatch(Action::Restart);
        }
    }
    if before.map(|b| b.screen) != Some(now.screen) {
        // A new screen's heading takes the focus, so a screen reader announces the new page and the
        // keyboard starts from it; only when the citizen moved (focusing scrolls): not when the page
        // or the host page loads, nor when the host resets or reconfigures the widget.
        if before.is_some() && !host_changed {
            platform::focus_selected(&cx.root, ".phc-title");
        }
        // Tell the host which step is shown (never an answer), and the decision on the result.
        if let Some(host) = &cx.host {
            events::step(host, &screen_name(now.screen));
            match cx.decided.as_ref().map(Decided::decision) {
                Some(Ok(d)) => events::result(host, &phc::json::to_string(d).unwrap_or_else(|e| panic!("a decision serializes: {e}"))),
                Some(Err(e)) => events::error(host, &e.to_string()),
                None => {}
            }
        }
    }
    // Entering it: once it is painted, the rest.
    if first_frame && before.is_none_or(|b| b.screen != Screen::Result || b.complete) {
        let dispatch = cx.dispatch.clone();
        after_paint(move || dispatch.dispatch(Action::Complete));
    }
    // A question's error summary takes the focus when it appears (GOV.UK's pattern).
    if before.map(|b| b.error) != Some(now.error) && now.error.is_some() {
        platform::focus_selected(&cx.root, ".phc-error-summary");
    }
    if before.map(|b| b.lang) != Some(now.lang) && !cx.embedded {
        platform::set_document_lang(now.lang);
    }
    if let Some((key, journey)) = &cx.widget_journey {
        platform::save_journey_as(key, journey);
    }
    if let Some(journey) = &cx.journey {
        // The result's first frame is painted before the page's own bookkeeping (its title, the
        // history entry, the journey kept in the tab): each costs the frame milliseconds on a slow
        // phone, and none shows in it. They follow with the rest of the result.
        if !first_frame {
            let seen = page_seen.replace(now.clone());
            standalone_page(seen.as_ref(), now, cx, journey);
        }
    }
}

/// The standalone page's own: its title says the screen (with "Error:" while the form shows one),
/// each screen is a browser history entry, and the journey is kept in the tab for a reload.
fn standalone_page(before: Option<&Watched>, now: &Watched, cx: &Context, journey: &str) {
    let lang = now.lang;
    if before.map(|b| (b.screen, b.error, b.lang)) != Some((now.screen, now.error, now.lang)) {
        let heading = match now.screen {
            Screen::Start => t(lang, "ui.start.heading"),
            Screen::Ask(id) => question_title(lang, id, &cx.answers),
            Screen::Check => t(lang, "ui.check.heading"),
            Screen::Result => t(lang, "ui.result.page_title"),
        };
        let title = format!("{heading} – {}", t(lang, "ui.title"));
        platform::set_title(&if now.error.is_some() { format!("{}: {title}", t(lang, "ui.error.title_prefix")) } else { title });
    }
    match before {
        None => {
            platform::history_entry(now.depth, false);
            let dispatch = cx.dispatch.clone();
            platform::on_history_pop(Callback::from(move |depth| dispatch.dispatch(Action::BackTo(depth))));
        }
        // Forward: a new entry. Back (the browser's, or the app's, which also goes back in the
        // browser's history) needs none; an entry ahead of the app is met by `BackTo` as a no-op.
        Some(b) if now.depth > b.depth => platform::history_entry(now.depth, true),
        Some(_) => {}
    }
    platform::save_journey(journey);
}

/// Runs `f` once the next frame is painted: a task queued from the frame's animation callback runs
/// after its paint. A page that is not shown paints no frames (a background tab, a hidden host
/// element): then after a quarter of a second, so the result is whole when it is printed or shown.
fn after_paint(f: impl FnOnce() + 'static) {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else { return f() };
    let once = Rc::new(Cell::new(Some(f)));
    let run = move || {
        if let Some(f) = once.take() {
            f();
        }
    };
    let (task, fallback) = (Closure::once_into_js(run.clone()), Closure::once_into_js(run));
    let frame = Closure::once_into_js(move || {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), 0);
        }
    });
    let _ = window.request_animation_frame(frame.unchecked_ref());
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(fallback.unchecked_ref(), 250);
}
