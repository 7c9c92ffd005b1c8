//! Component tests in a real browser (headless Chromium through wasm-bindgen-test): the app mounts,
//! walks from the start page through questions to a result, shows and links its errors, goes back
//! without losing answers, and switches language.

use super::{App, Config};
use phc::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn doc() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn mount(config: Config) -> web_sys::Element {
    let root = doc().create_element("div").unwrap();
    doc().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root_and_props(root.clone(), config).render();
    yew::scheduler::flush().await;
    root
}

fn find(root: &web_sys::Element, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector} in {}", root.inner_html())).unchecked_into()
}

fn text(root: &web_sys::Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

fn screen(root: &web_sys::Element) -> String {
    find(root, ".phc").get_attribute("data-screen").unwrap()
}

async fn click(root: &web_sys::Element, selector: &str) {
    find(root, selector).click();
    yew::scheduler::flush().await;
}

/// Picks the option with this value and continues.
async fn answer(root: &web_sys::Element, value: &str) {
    click(root, &format!("input[value=\"{value}\"]")).await;
    click(root, "button[type=submit]").await;
}

/// Types a date into the day, month and year fields, as a person would (input events).
async fn fill_date(root: &web_sys::Element, parts: [&str; 3]) {
    for (i, v) in parts.iter().enumerate() {
        let input: web_sys::HtmlInputElement = find(root, &format!("#phc-field-{i}")).unchecked_into();
        input.set_value(v);
        input.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
        yew::scheduler::flush().await;
    }
}

fn focused() -> web_sys::Element {
    doc().active_element().expect("an element has the focus")
}

/// The new screen's heading has the focus (a screen reader announces the page from it).
fn heading_has_focus(root: &web_sys::Element) {
    assert_eq!(focused(), find(root, ".phc-title").unchecked_into::<web_sys::Element>(), "the heading of {} has the focus", screen(root));
}

fn config(lang: Lang) -> Config {
    Config { lang: Some(lang), at: Some("2026-03-10T10:00:00+05:00".into()), embedded: true, ..Config::default() }
}

#[wasm_bindgen_test]
async fn start_page_speaks_the_chosen_language() {
    let root = mount(config(Lang::En)).await;
    assert_eq!(screen(&root), "start");
    assert_eq!(text(&root, ".phc-title"), phc::i18n::Messages::get(Lang::En).text("ui.start.heading", &[]));
    assert_eq!(find(&root, ".phc").get_attribute("lang").as_deref(), Some("en"));
    click(&root, "button[lang=ru]").await;
    assert_eq!(find(&root, ".phc").get_attribute("lang").as_deref(), Some("ru"));
    assert_eq!(text(&root, ".phc-title"), phc::i18n::Messages::get(Lang::Ru).text("ui.start.heading", &[]));
}

#[wasm_bindgen_test]
async fn a_missing_answer_is_announced_and_linked_to_the_field() {
    let root = mount(config(Lang::En)).await;
    click(&root, ".phc-button-start").await;
    assert_eq!(screen(&root), "question:service");
    click(&root, "button[type=submit]").await;
    let summary = find(&root, ".phc-error-summary");
    assert_eq!(summary.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(find(&root, ".phc-error-summary a").get_attribute("href").as_deref(), Some("#phc-field-0"));
    assert!(find(&root, "fieldset").get_attribute("aria-describedby").unwrap().contains("phc-error"));
    assert_eq!(screen(&root), "question:service", "no answer, no progress");
    assert_eq!(focused().class_name(), "phc-error-summary", "the summary takes the focus");
    click(&root, ".phc-error-summary a").await;
    assert_eq!(focused().id(), "phc-field-0", "the summary's link leads to the field");
}

#[wasm_bindgen_test]
async fn a_home_visit_walk_through_ends_in_a_result_and_back_keeps_answers() {
    let root = mount(config(Lang::En)).await;
    click(&root, ".phc-button-start").await;
    heading_has_focus(&root);
    answer(&root, "home_visit").await;
    // For whom first (issue 23); how to call is asked only once the answer is known (and not at all
    // when refused).
    assert_eq!(screen(&root), "question:applicant");
    heading_has_focus(&root);
    answer(&root, "self").await;
    assert_eq!(screen(&root), "question:current_attachment.attached");
    heading_has_focus(&root);
    answer(&root, "yes").await;
    assert_eq!(screen(&root), "question:current_attachment.at_target_clinic");
    // Back: the previous answer is still selected.
    click(&root, ".phc-back").await;
    assert_eq!(screen(&root), "question:current_attachment.attached");
    heading_has_focus(&root);
    let yes: web_sys::HtmlInputElement = find(&root, "input[value=yes]").unchecked_into();
    assert!(yes.checked(), "going back keeps the answer");
    click(&root, "button[type=submit]").await;
    answer(&root, "no").await;
    // Another clinic: whether the person is away from home decides where to go (issue 24).
    assert_eq!(screen(&root), "question:away_from_home");
    answer(&root, "no").await;
    assert_eq!(screen(&root), "check");
    heading_has_focus(&root);
    click(&root, ".phc-check-page .phc-button").await;
    assert_eq!(screen(&root), "result");
    heading_has_focus(&root);
    assert_eq!(text(&root, ".phc-title"), phc::i18n::Messages::get(Lang::En).text("verdict.home_visit.not_eligible", &[]));
    // The first frame is the answer and what to do now; why and the sources follow once it is painted.
    assert!(root.query_selector(".phc-result-first").unwrap().is_some() && root.query_selector(".phc-reasons").unwrap().is_none());
    next_frames().await;
    assert!(root.query_selector(".phc-result-first").unwrap().is_none());
    assert!(find(&root, ".phc-result .phc-reasons").child_element_count() > 0, "why follows");
    assert!(root.query_selector("#phc-sources-list").unwrap().is_some(), "and the sources");
    heading_has_focus(&root);
}

/// Waits until two frames are painted (and the tasks queued after them have run).
async fn next_frames() {
    for _ in 0..2 {
        let frame = js_sys::Promise::new(&mut |resolve, _| {
            let _ = web_sys::window().unwrap().request_animation_frame(&resolve);
        });
        wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
        let task = js_sys::Promise::new(&mut |resolve, _| {
            let _ = web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        });
        wasm_bindgen_futures::JsFuture::from(task).await.unwrap();
    }
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn change_from_check_your_answers_returns_there() {
    let root = mount(config(Lang::Kk)).await;
    click(&root, ".phc-button-start").await;
    answer(&root, "complaint").await;
    assert_eq!(screen(&root), "question:refusal_received_on");
    fill_date(&root, ["1", "2", "2026"]).await;
    click(&root, "button[type=submit]").await;
    assert_eq!(screen(&root), "check");
    click(&root, ".phc-summary-row:first-child .phc-link").await;
    assert_eq!(screen(&root), "question:service");
    click(&root, "button[type=submit]").await;
    assert_eq!(screen(&root), "check", "an unchanged answer returns to the check page");
    click(&root, ".phc-check-page .phc-button").await;
    assert_eq!(screen(&root), "result");
    let dates = text(&root, ".phc-timeline");
    assert!(dates.contains("2026"), "{dates}");
}

#[wasm_bindgen_test]
async fn an_impossible_date_is_refused_on_its_page() {
    let root = mount(config(Lang::En)).await;
    click(&root, ".phc-button-start").await;
    answer(&root, "complaint").await;
    fill_date(&root, ["31", "2", "2026"]).await;
    click(&root, "button[type=submit]").await;
    assert_eq!(screen(&root), "question:refusal_received_on");
    let en = |k: &str| phc::i18n::Messages::get(Lang::En).text(k, &[]);
    assert_eq!(text(&root, ".phc-error-message"), en("ui.error.date_impossible"));
    let invalid = |i: usize| find(&root, &format!("#phc-field-{i}")).get_attribute("aria-invalid");
    assert_eq!((invalid(0).as_deref(), invalid(1), invalid(2)), (Some("true"), None, None), "only the day is marked");
    // A missing month: said, and only the month marked; the summary links to it.
    fill_date(&root, ["3", "", "2026"]).await;
    click(&root, "button[type=submit]").await;
    assert_eq!(text(&root, ".phc-error-message"), en("ui.error.date_missing_month"));
    assert_eq!((invalid(0), invalid(1).as_deref(), invalid(2)), (None, Some("true"), None));
    assert_eq!(find(&root, ".phc-error-summary a").get_attribute("href").as_deref(), Some("#phc-field-1"));
    // Letters where a number goes.
    fill_date(&root, ["3", "март", "2026"]).await;
    click(&root, "button[type=submit]").await;
    assert_eq!(text(&root, ".phc-error-message"), en("ui.error.date_not_number"));
}

/// A panic inside a widget shows the crash message in the widget's own shadow root (a search of the
/// document cannot see there), in the widget's language, linking to its `portal-url`.
#[wasm_bindgen_test]
async fn a_crash_shows_a_message_inside_each_widget() {
    let host = doc().create_element("phc-eligibility").unwrap();
    host.set_attribute("lang", "ru").unwrap();
    host.set_attribute("portal-url", "https://portal.example.kz/attach").unwrap();
    doc().body().unwrap().append_child(&host).unwrap();
    let shadow = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).unwrap();
    let app = doc().create_element("div").unwrap();
    app.set_attribute("data-phc-ready", "").unwrap();
    shadow.append_child(&app).unwrap();
    yew::Renderer::<App>::with_root_and_props(app.clone(), config(Lang::Ru)).render();
    yew::scheduler::flush().await;
    assert_eq!(screen(&app), "start");

    // The standalone page's own root, in the document.
    let page_root = doc().create_element("div").unwrap();
    page_root.set_attribute("data-phc-ready", "").unwrap();
    doc().body().unwrap().append_child(&page_root).unwrap();

    super::platform::show_crash_message();

    assert!(page_root.query_selector(".phc-crash[role=alert] a[href^=\"https://www.gov.kz/services/3176\"]").unwrap().is_some(), "{}", page_root.inner_html());
    page_root.remove();
    assert_eq!(text(&app, ".phc-crash p"), phc::i18n::Messages::get(Lang::Ru).text("ui.error.crashed", &[]));
    assert_eq!(find(&app, ".phc-crash a").get_attribute("href").as_deref(), Some("https://portal.example.kz/attach"));
    assert_eq!(find(&app, ".phc-crash").get_attribute("role").as_deref(), Some("alert"));
    host.remove();
}
