//! The paper's form over the page (issue 27): a modal `<dialog>` beside the app (inside a widget's
//! shadow root, so the host page's document is left alone), with the paper's language (Kazakh or
//! Russian), the fields `paper::Form::fields` asks, each with its label, and Print, Download and
//! Close. An IIN is checked as it is typed and what is wrong is said on its field; Print and Download
//! with a wrong one show the errors in a summary that takes the focus. Print prints the paper alone,
//! from a hidden frame; Download gives it as a page or as text.
//!
//! Privacy (issue 27, item 4): what is typed lives in this form's state only. No `<form>` is ever
//! submitted, the fields ask the browser not to remember them (`autocomplete="off"`), nothing is
//! stored, put in an address or told to the host, and nothing is fetched with it. Closing the form
//! (its button, Escape, the browser's Back) destroys it and what was typed with it.

use crate::answers::Answers;
use crate::offer::PaperKind;
use crate::paper::{Form, PaperField, PaperLang};
use chrono::NaiveDate;
use phc::decision::Decision;
use phc::i18n::{Messages, Part};
use phc::{Lang, Rules};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// The form that is open, if any: one at a time on a page.
struct Opened {
    app: yew::AppHandle<PaperForm>,
    dialog: web_sys::HtmlDialogElement,
    opener: web_sys::Element,
    on_close: Closure<dyn FnMut()>,
}

thread_local! {
    static OPEN: RefCell<Option<Opened>> = const { RefCell::new(None) };
    /// A form is being opened (its texts and stylesheet on their way): a second press is let go, and
    /// that one form comes.
    static OPENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Marks a form as being opened, until dropped (whichever way `open` ends).
struct Opening;

impl Opening {
    fn begin() -> Option<Opening> {
        (!OPENING.replace(true)).then_some(Opening)
    }
}

impl Drop for Opening {
    fn drop(&mut self) {
        OPENING.set(false);
    }
}

/// Where the module is, and so the app's other files: its JavaScript tells it as it starts (xtask
/// appends the call; a widget's files are on the widget's server, whatever page hosts it).
#[wasm_bindgen]
pub fn set_base(base: String) {
    crate::languages::set_base(base);
}

/// Loads the texts of these languages, every file asked for at once (on a slow network each round
/// trip counts: one after another, the nine files took a second more), and installed as they are
/// listed, each language's paper part first (`phc::i18n::install` joins it to the screens' only if it
/// is in by then).
async fn load_texts(langs: &[Lang]) -> Result<(), String> {
    let mut asked = Vec::new();
    for &lang in langs {
        for part in [Part::Paper, Part::Screens, Part::Result] {
            asked.push((lang, crate::languages::request(lang, part)?));
        }
    }
    for (lang, request) in asked {
        crate::languages::receive(lang, Ok(request)).await?;
    }
    Ok(())
}

/// Opens the paper's form for the result the app showed, over the page; `opener` (the button
/// pressed) gets the focus back when it closes. Resolves once the form is shown; rejects, saying why,
/// if it cannot be (its texts or stylesheet could not be loaded, the detail is not the app's).
#[wasm_bindgen]
pub async fn open(opener: web_sys::Element, detail: String) -> Result<(), JsValue> {
    // A second press (a double click) while the first is opening the form: that one form.
    let Some(_opening) = Opening::begin() else { return Ok(()) };
    close();
    let d = crate::offer::read_detail(&detail)?;
    let decision = crate::flow::decide(&d.answers, Rules::built_in(), d.moment, d.at.as_deref()).map_err(|e| JsValue::from_str(&e.to_string()))?;
    let kind = crate::offer::offered(&decision).ok_or("paper: this result offers no paper")?;

    let fail = |what: &str| JsValue::from_str(&format!("paper: {what}"));
    let doc = opener.owner_document().ok_or_else(|| fail("no document"))?;
    let dialog: web_sys::HtmlDialogElement = doc.create_element("dialog")?.unchecked_into();
    dialog.set_class_name("phc phc-paper-dialog");
    dialog.set_attribute("lang", d.lang.as_str())?;
    dialog.set_attribute("aria-labelledby", "phc-paper-title")?;
    let link = doc.create_element("link")?;
    link.set_attribute("rel", "stylesheet")?;
    link.set_attribute("href", &crate::languages::address("paper-form.css"))?;
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        let _ = link.add_event_listener_with_callback("load", &resolve);
        let _ = link.add_event_listener_with_callback("error", &reject);
    });
    dialog.append_child(&link)?;
    let mount = doc.create_element("div")?;
    dialog.append_child(&mount)?;
    // Inside a widget, its shadow root (its stylesheet applies there; the host's document is left
    // alone); on the app's page, the page's body.
    match opener.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
        Ok(shadow) => shadow.append_child(&dialog)?,
        Err(_) => doc.body().ok_or_else(|| fail("no body"))?.append_child(&dialog)?,
    };
    // Its texts while the stylesheet comes: the page's language for the form, both official
    // languages for the paper. The dialog is not shown before both are in.
    let mut langs = vec![d.lang];
    langs.extend([Lang::Kk, Lang::Ru].into_iter().filter(|l| *l != d.lang));
    if let Err(e) = load_texts(&langs).await {
        dialog.remove();
        return Err(e.into());
    }
    if JsFuture::from(loaded).await.is_err() {
        dialog.remove();
        return Err(fail("the form's stylesheet could not be loaded"));
    }

    let props = PaperProps { lang: d.lang, kind, decision: Rc::new(decision), answers: Rc::new(d.answers), today: d.moment.date(), dialog: dialog.clone() };
    let app = yew::Renderer::<PaperForm>::with_root_and_props(mount, props).render();
    // Escape, Close and the browser's Back all end in the dialog's `close`: the form goes.
    let on_close = Closure::<dyn FnMut()>::new(close);
    dialog.add_event_listener_with_callback("close", on_close.as_ref().unchecked_ref())?;
    if let Some(w) = web_sys::window() {
        w.add_event_listener_with_callback("popstate", on_close.as_ref().unchecked_ref())?;
    }
    OPEN.with(|o| *o.borrow_mut() = Some(Opened { app, dialog: dialog.clone(), opener, on_close }));
    // The form's first render focuses its title (`PaperForm`).
    dialog.show_modal()?;
    Ok(())
}

/// Closes the form, if one is open: what was typed is gone with it; the focus goes back to the button
/// that opened it.
#[wasm_bindgen]
pub fn close() {
    let Some(o) = OPEN.with(|o| o.borrow_mut().take()) else { return };
    let _ = o.dialog.remove_event_listener_with_callback("close", o.on_close.as_ref().unchecked_ref());
    if let Some(w) = web_sys::window() {
        let _ = w.remove_event_listener_with_callback("popstate", o.on_close.as_ref().unchecked_ref());
    }
    o.app.destroy();
    o.dialog.close();
    o.dialog.remove();
    if o.opener.is_connected() {
        let _ = o.opener.unchecked_ref::<web_sys::HtmlElement>().focus();
    }
    // The closure may be the one running: it is dropped once this task is over.
    let keep = o.on_close;
    wasm_bindgen_futures::spawn_local(async move { drop(keep) });
}

fn t(lang: Lang, key: &str) -> String {
    Messages::get(lang).text(key, &[])
}

#[derive(Properties)]
pub struct PaperProps {
    lang: Lang,
    kind: PaperKind,
    decision: Rc<Decision<'static>>,
    answers: Rc<Answers>,
    /// The day the result was decided: the paper's date.
    today: NaiveDate,
    dialog: web_sys::HtmlDialogElement,
}

impl PartialEq for PaperProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.decision, &other.decision)
    }
}

/// What is typed and whether Print or Download was pressed (after which every wrong IIN is said).
#[derive(Clone, PartialEq)]
struct Typed {
    form: Form,
    /// Print or Download presses: the error summary takes the focus after each that finds one.
    tries: u32,
}

enum Edit {
    Value(PaperField, String),
    Lang(PaperLang),
    Tried,
}

impl Reducible for Typed {
    type Action = Edit;
    fn reduce(self: Rc<Self>, action: Edit) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Edit::Value(f, v) => s.form.set(f, v),
            Edit::Lang(l) => s.form.lang = l,
            Edit::Tried => s.tries += 1,
        }
        Rc::new(s)
    }
}

/// A field's `id` (and the name its error message's `id` is made from).
fn field_id(f: PaperField) -> &'static str {
    match f {
        PaperField::FullName => "phc-paper-full-name",
        PaperField::Iin => "phc-paper-iin",
        PaperField::Address => "phc-paper-address",
        PaperField::Phone => "phc-paper-phone",
        PaperField::Clinic => "phc-paper-clinic",
        PaperField::OtherName => "phc-paper-other-name",
        PaperField::OtherIin => "phc-paper-other-iin",
        PaperField::RefusalSaid => "phc-paper-refusal-said",
        PaperField::LateReason => "phc-paper-late-reason",
    }
}

/// What the buttons do with the paper.
#[derive(Clone, Copy)]
enum Take {
    Print,
    Html,
    Text,
}

#[function_component]
fn PaperForm(p: &PaperProps) -> Html {
    let lang = p.lang;
    let typed = use_reducer(|| Typed { form: Form::new(p.kind, PaperLang::default_for(p.lang)), tries: 0 });
    let form = &typed.form;
    let decision = &*p.decision;
    let answers = &*p.answers;
    let fields = form.fields(decision, answers);
    let for_whom = form.for_whom(answers);
    // After Print or Download every wrong IIN is said; before, as typed (`Form::iin_error`).
    let tried = typed.tries > 0;
    let problems: Vec<(PaperField, &'static str)> = fields.iter().filter_map(|f| form.iin_error(*f, answers, tried).map(|e| (*f, e.key()))).collect();
    let summary = use_node_ref();
    let title = use_node_ref();
    {
        // The title first, as every screen of the app: a screen reader says what this is.
        let title = title.clone();
        use_effect_with((), move |_| {
            if let Some(t) = title.cast::<web_sys::HtmlElement>() {
                let _ = t.focus();
            }
        });
    }
    {
        // Each press that finds a problem: the summary takes the focus (it is `role="alert"` too).
        let summary = summary.clone();
        use_effect_with(typed.tries, move |_| {
            if let Some(s) = summary.cast::<web_sys::HtmlElement>() {
                let _ = s.focus();
            }
        });
    }
    let heading = t(lang, if p.kind == PaperKind::Complaint { "ui.take.paper_complaint" } else { "ui.take.paper_application" });

    let take = |what: Take| {
        let (typed, decision, answers, today, dialog) = (typed.clone(), p.decision.clone(), p.answers.clone(), p.today, p.dialog.clone());
        Callback::from(move |_: MouseEvent| {
            let form = &typed.form;
            let wrong = !form.problems(&decision, &answers).is_empty();
            typed.dispatch(Edit::Tried);
            if wrong {
                return;
            }
            let Some(paper) = form.paper(&decision, &answers, today) else { return };
            match what {
                Take::Print => print(&dialog, &paper.to_print_html(&absolute(&crate::languages::address("paper.css")))),
                Take::Html => crate::download::download(&paper.file_name(today, "html"), "text/html;charset=utf-8", &paper.to_html()),
                Take::Text => crate::download::download(&paper.file_name(today, "txt"), "text/plain;charset=utf-8", &paper.to_text()),
            }
        })
    };

    let languages = [PaperLang::Kk, PaperLang::Ru].into_iter().map(|pl| {
        let code = pl.lang().as_str();
        let id = format!("phc-paper-lang-{code}");
        let name = crate::start_view::LANGS.iter().find(|(l, _)| *l == pl.lang()).map_or("", |(_, n)| *n);
        let onchange = {
            let typed = typed.clone();
            Callback::from(move |_: Event| typed.dispatch(Edit::Lang(pl)))
        };
        html! {
            <div class="phc-radio">
                <input type="radio" id={id.clone()} name="phc-paper-lang" value={code} checked={form.lang == pl} {onchange} />
                <label for={id} lang={code}>{ name }</label>
            </div>
        }
    });

    let inputs = fields.iter().map(|&f| {
        let id = field_id(f);
        let error = problems.iter().find(|(g, _)| *g == f).map(|(_, k)| *k);
        let error_id = format!("{id}-error");
        let is_iin = matches!(f, PaperField::Iin | PaperField::OtherIin);
        let oninput = {
            let typed = typed.clone();
            Callback::from(move |e: InputEvent| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                typed.dispatch(Edit::Value(f, input.value()));
            })
        };
        html! {
            <div class="phc-group phc-paper-field" data-error={error.map(|_| "")}>
                <label for={id}>{ t(lang, f.label_key(form.kind, &for_whom)) }</label>
                if let Some(k) = error {
                    <p class="phc-error-message" id={error_id.clone()}>{ t(lang, k) }</p>
                }
                <input id={id} class="phc-input phc-input-wide" type="text" autocomplete="off" spellcheck="false"
                    inputmode={is_iin.then_some("numeric")}
                    aria-invalid={error.map(|_| "true")}
                    aria-describedby={error.map(|_| error_id.clone())}
                    value={form.value(f).to_string()} {oninput} />
            </div>
        }
    });

    let on_close = {
        let dialog = p.dialog.clone();
        // The dialog's `close` event ends the form (`open`), after this press is handled.
        Callback::from(move |_: MouseEvent| dialog.close())
    };
    html! {
        <div class="phc-paper">
            <div class="phc-paper-top">
                <button type="button" class="phc-link phc-paper-close" onclick={on_close}>{ t(lang, "ui.paper.close") }</button>
            </div>
            <h2 id="phc-paper-title" class="phc-title" tabindex="-1" ref={title}>{ heading }</h2>
            if tried && !problems.is_empty() {
                <div class="phc-error-summary" role="alert" tabindex="-1" aria-labelledby="phc-paper-error-title" ref={summary}>
                    <h3 id="phc-paper-error-title">{ t(lang, "ui.error.summary") }</h3>
                    <ul>
                        { for problems.iter().map(|(f, k)| {
                            let target = field_id(*f);
                            let dialog = p.dialog.clone();
                            let onclick = Callback::from(move |e: MouseEvent| {
                                e.prevent_default();
                                if let Ok(Some(el)) = dialog.query_selector(&format!("#{target}")) {
                                    let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
                                }
                            });
                            html! { <li><a href={format!("#{target}")} {onclick}>{ t(lang, k) }</a></li> }
                        }) }
                    </ul>
                </div>
            }
            <p>{ t(lang, "ui.paper.lead") }</p>
            <p class="phc-privacy">{ t(lang, "ui.paper.privacy") }</p>
            <fieldset class="phc-fieldset phc-paper-lang">
                <legend class="phc-legend">{ t(lang, "ui.paper.language") }</legend>
                <div class="phc-radios">{ for languages }</div>
            </fieldset>
            { for inputs }
            <ul class="phc-actions phc-paper-actions">
                <li><button type="button" class="phc-button phc-paper-print" onclick={take(Take::Print)}>{ t(lang, "ui.paper.print") }</button></li>
                <li><button type="button" class="phc-link phc-paper-download" onclick={take(Take::Html)}>{ t(lang, "ui.paper.download") }</button></li>
                <li><button type="button" class="phc-link phc-paper-download-text" onclick={take(Take::Text)}>{ t(lang, "ui.paper.download_text") }</button></li>
            </ul>
        </div>
    }
}

/// An address as the document resolves it: the print frame's document is `about:srcdoc`.
fn absolute(url: &str) -> String {
    let base = web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    web_sys::Url::new_with_base(url, &base).map(|u| u.href()).unwrap_or_else(|_| url.to_string())
}

/// Prints `html` (a paper: `Paper::to_print_html`) alone, not the page: a hidden frame inside the
/// dialog whose `srcdoc` is the paper, printed once loaded (its stylesheet with it), removed after.
/// The frame's document inherits the page's policy: the paper has no script and no inline style.
fn print(dialog: &web_sys::HtmlDialogElement, html: &str) {
    let Some(doc) = dialog.owner_document() else { return };
    if let Ok(Some(old)) = dialog.query_selector(".phc-paper-frame") {
        old.remove();
    }
    let Ok(frame) = doc.create_element("iframe") else { return };
    let frame: web_sys::HtmlIFrameElement = frame.unchecked_into();
    frame.set_class_name("phc-paper-frame");
    let _ = frame.set_attribute("aria-hidden", "true");
    let _ = frame.set_attribute("tabindex", "-1");
    frame.set_title("print");
    frame.set_srcdoc(html);
    let printed = frame.clone();
    let on_load = Closure::once_into_js(move || {
        if let Some(w) = printed.content_window() {
            // Returns once the print dialog is closed.
            let _ = w.print();
        }
        let remove = Closure::once_into_js(move || printed.remove());
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(remove.unchecked_ref(), 1000);
        }
    });
    let _ = frame.add_event_listener_with_callback("load", on_load.unchecked_ref());
    let _ = dialog.append_child(&frame);
}
