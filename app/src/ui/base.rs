//! What every screen uses, and nothing of the screens: the texts (`t`), the rules, the clock, the
//! portal's address and the headings at the page's level. A leaf: it imports no other module of
//! `ui`, so the screens depend on it and not on each other or on the component (issue 16).

use phc::codes::Field;
use phc::i18n::Messages;
use phc::time::KzMoment;
use phc::{Lang, Rules};
use yew::prelude::*;

/// The built-in rules (typed and checked at build time: nothing to load).
pub fn rules() -> &'static Rules {
    Rules::built_in()
}

/// Now, in Kazakhstan time, from the UTC clock (never the browser's time zone).
pub fn now() -> KzMoment {
    phc::time::from_unix_millis(js_sys::Date::now() as i64, &rules().zones).expect("the clock is within range")
}

thread_local! {
    /// The level of the screen's title in the app being rendered: set by `App` before it renders a
    /// screen (rendering is synchronous, so each widget on a page renders with its own).
    pub static LEVEL: std::cell::Cell<u8> = const { std::cell::Cell::new(1) };
}

pub fn tag(level: u8) -> &'static str {
    ["h1", "h2", "h3", "h4", "h5", "h6"][usize::from(level.clamp(1, 6) - 1)]
}

/// The screen's title: `h1` on the standalone page; inside a host page at the host's level
/// (`heading-level`, 2 by default), so the widget adds no second `h1` to the portal's page. The app
/// focuses it when the citizen moves to a new screen.
pub fn title(content: String) -> Html {
    html! { <@{tag(LEVEL.get())} class="phc-title" tabindex="-1">{ content }</@> }
}

/// A section's heading, one level below the screen's title.
pub fn subtitle(id: Option<&'static str>, content: String) -> Html {
    html! { <@{tag(LEVEL.get() + 1)} id={id}>{ content }</@> }
}

/// A question's title, for the person it is about: "you", or, when someone applies for a child or
/// another person, the words for them (`title_other`, where the question has them).
/// Someone applying for their child reads "your child" (`title_child`) where the question has it; a
/// home visit's caller, the caller's words (`title_home_visit`).
pub fn question_title(lang: Lang, id: Field, answers: &crate::answers::Answers) -> String {
    question_text(lang, id, answers, "title")
}

/// The question's hint, in the same voice as its title.
pub fn question_hint(lang: Lang, id: Field, answers: &crate::answers::Answers) -> String {
    question_text(lang, id, answers, "hint")
}

fn question_text(lang: Lang, id: Field, answers: &crate::answers::Answers, what: &str) -> String {
    let m = Messages::get(lang);
    let key = crate::flow::text_variants(id, answers).into_iter().map(|v| format!("ui.q.{id}.{what}{v}")).find(|k| m.raw(k).is_some());
    m.text(&key.unwrap_or_else(|| format!("ui.q.{id}.{what}")), &[])
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

/// A screen's name as the widget tells its host and the tests read it (`data-screen`).
pub fn screen_name(s: crate::state::Screen) -> String {
    use crate::state::Screen;
    match s {
        Screen::Start => "start".into(),
        Screen::Ask(id) => format!("question:{id}"),
        Screen::Check => "check".into(),
        Screen::Result => "result".into(),
    }
}

/// A `portal-url` the widget links to: an http(s) or site-relative address, never `javascript:`,
/// nor one a browser would read as another host (`//host`, `/\host`: browsers read `\` as `/`
/// in http(s) addresses, and drop tabs and line breaks, so `/<tab>/host` is `//host`: issue 25), so
/// an address with a control character or a space is refused whatever it starts with. Here, in the
/// leaf, so the platform's fallback and the widget share it without importing each other.
pub fn is_portal_address(u: &str) -> bool {
    if u.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return false;
    }
    u.starts_with("https://") || u.starts_with("http://") || (u.starts_with('/') && !u[1..].starts_with(['/', '\\']))
}
