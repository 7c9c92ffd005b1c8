//! What the portal widget (`static/phc-widget.js`, the `<phc-eligibility>` custom element) calls:
//! `mount` one app per element, `check` a request with the engine alone, `version`. Errors are JS
//! `TypeError`s with the command line's message, never a panic.

use crate::ui::{self, Config};
use phc::json::Value;
use phc::Lang;
use wasm_bindgen::prelude::*;

/// One mounted widget. Dropping it (or `destroy`) frees the app.
///
/// Its container can outlive its element (issue 25): Yew adds its event listeners to the root it
/// renders into and never removes them (their closures hold the root, so neither is ever freed: 1.2
/// KiB of wasm memory, about ten nodes and three listeners per mount). So `phc-widget.js` parks a
/// removed element's container and handle (`park`: the app is gone, the container empty) and gives
/// them to the next element (`adopt`: a new app, from that element's attributes), and a portal that
/// mounts and removes widgets all day keeps as many roots as it ever showed at once.
#[wasm_bindgen]
pub struct WidgetHandle {
    app: Option<yew::AppHandle<Root>>,
    config: Config,
    /// Each element's app is a new component (its key): nothing of the last element's app is kept.
    generation: u32,
    parked: bool,
}

/// What a widget's root renders: the app, or nothing while parked.
#[derive(yew::Properties, Clone, PartialEq)]
pub struct Mounted {
    config: Config,
    generation: u32,
    parked: bool,
}

#[yew::function_component(Root)]
fn root(m: &Mounted) -> yew::Html {
    if m.parked {
        return yew::Html::default();
    }
    yew::virtual_dom::VChild::<ui::App>::new(m.config.clone(), Some(m.generation.into())).into()
}

/// Reads the element's attributes; an invalid one is left out and reported as `field: message`.
fn config_from(attrs: &JsValue, host: web_sys::Element, reset: u32) -> (Config, Vec<String>) {
    let get = |k: &str| js_sys::Reflect::get(attrs, &JsValue::from_str(k)).ok().and_then(|v| v.as_string()).filter(|s| !s.trim().is_empty());
    let mut errors = Vec::new();
    let lang = get("lang").and_then(|l| match crate::ui::lang_of(&l) {
        Some(lang) => Some(lang),
        None => {
            errors.push(format!("lang: unknown language \"{l}\"; expected one of {}", Lang::expected()));
            None
        }
    });
    let rules = ui::rules();
    let at = get("at").and_then(|a| match phc::time::parse_moment(&a, phc::codes::Field::At, &rules.zones) {
        Ok(m) if rules.covers(m.date()) => Some(a),
        Ok(_) => {
            errors.push(format!("at: {a} is outside the years this checker covers"));
            None
        }
        Err(e) => {
            errors.push(e.to_string());
            None
        }
    });
    let service = get("service").and_then(|s| match phc::codes::Service::parse(&s) {
        Some(_) => Some(s),
        None => {
            errors.push(format!("service: unknown value \"{s}\"; expected one of {}", phc::codes::Service::expected()));
            None
        }
    });
    let portal_url = get("portal-url").and_then(|u| {
        if ui::is_portal_address(&u) {
            Some(u)
        } else {
            errors.push(format!("portal-url: \"{u}\" is not an http(s) or site-relative address"));
            None
        }
    });
    let compact = js_sys::Reflect::get(attrs, &JsValue::from_str("compact")).map(|v| v.is_truthy()).unwrap_or(false);
    let heading_level = get("heading-level").and_then(|h| match h.trim().parse::<u8>() {
        Ok(n @ 1..=6) => Some(n),
        _ => {
            errors.push(format!("heading-level: \"{h}\" is not a heading level; expected 1 to 6"));
            None
        }
    });
    let hide_lang_switch = match get("lang-switch").as_deref() {
        None | Some("on") => false,
        Some("off") => true,
        Some(other) => {
            errors.push(format!("lang-switch: unknown value \"{other}\"; expected on or off"));
            false
        }
    };
    let keep_as = Some(ui::widget_key(&host));
    let config = Config { lang, at, service, portal_url, compact, embedded: true, host: Some(host), reset, link: None, journey: None, keep_as, heading_level, hide_lang_switch };
    (config, errors)
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Applies new attributes (the element's `attributeChangedCallback`).
    pub fn update(&mut self, attrs: JsValue) {
        let Some(host) = self.config.host.clone().filter(|_| !self.parked) else { return };
        let (mut config, errors) = config_from(&attrs, host, self.config.reset);
        // The journey restored at mount is the mount's alone.
        config.journey = self.config.journey.clone();
        ui::report_errors(&config, &errors);
        if config != self.config {
            self.config = config;
            self.render();
        }
    }

    /// Back to the start page, all answers forgotten.
    pub fn reset(&mut self) {
        if self.parked {
            return;
        }
        self.config.reset += 1;
        self.render();
    }

    /// The element is gone: its app goes, and the container waits, empty, for another element.
    pub fn park(&mut self) {
        self.parked = true;
        self.config.host = None;
        self.render();
    }

    /// Another element takes the parked container: a new app, as `mount` makes one.
    pub fn adopt(&mut self, host: web_sys::Element, attrs: JsValue) {
        let (config, errors) = config_from(&attrs, host, 0);
        (self.config, self.parked) = (with_kept_journey(config), false);
        self.generation = self.generation.wrapping_add(1);
        self.render();
        ui::report_errors(&self.config, &errors);
    }

    fn render(&mut self) {
        let mounted = Mounted { config: self.config.clone(), generation: self.generation, parked: self.parked };
        if let Some(app) = self.app.as_mut() {
            app.update(mounted);
        }
    }

    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// Back on the host page in the same tab: the place and answers this widget left (issue 23), kept
/// under its own key.
fn with_kept_journey(mut config: Config) -> Config {
    config.journey = config.keep_as.as_deref().and_then(ui::saved_journey_as);
    config
}

/// Mounts an app into `container` (inside the element's shadow root); events go to `host`.
#[wasm_bindgen]
pub fn mount(container: web_sys::Element, host: web_sys::Element, attrs: JsValue) -> WidgetHandle {
    ui::install_panic_message();
    let (config, errors) = config_from(&attrs, host, 0);
    let config = with_kept_journey(config);
    let _ = container.set_attribute("data-phc-ready", "");
    let mounted = Mounted { config: config.clone(), generation: 0, parked: false };
    let app = yew::Renderer::<Root>::with_root_and_props(container, mounted).render();
    ui::report_errors(&config, &errors);
    WidgetHandle { app: Some(app), config, generation: 0, parked: false }
}

/// The engine alone: a request's JSON text in, the decision object out. Without `at`, now. `lang`
/// adds the human text. `phc-widget.js` checks the arguments before they reach the wasm (issue 25:
/// an object becomes JSON text there, of at most 64 KiB, and `lang` a short string or none), so
/// what is left here is the contract's own checking, with the command line's messages.
#[wasm_bindgen]
pub fn check(request: String, lang: Option<String>) -> Result<JsValue, JsValue> {
    let type_error = |m: String| JsValue::from(js_sys::TypeError::new(&m));
    let lang = match lang.as_deref() {
        None | Some("") => None,
        Some(l) => Some(Lang::parse(l).ok_or_else(|| type_error(format!("lang: unknown language \"{l}\"; expected one of {}", Lang::expected())))?),
    };
    let rules = ui::rules();
    let json = phc::check_json(&request, rules, lang, Some(ui::now())).map_err(|e| type_error(e.to_string()))?;
    js_sys::JSON::parse(&json).map_err(|_| type_error("internal: the decision is not JSON".into()))
}

/// The language a widget with these attributes shows: its `lang`, else the host page's or the
/// browser's (as the app itself decides), so the element can load its texts before mounting.
#[wasm_bindgen]
pub fn widget_lang(attrs: JsValue) -> String {
    let attr = js_sys::Reflect::get(&attrs, &JsValue::from_str("lang")).ok().and_then(|v| v.as_string());
    attr.and_then(|l| ui::lang_of(&l)).unwrap_or_else(|| ui::initial_lang(true)).as_str().into()
}

/// Whether a language's texts are in (then a change of attributes applies at once).
#[wasm_bindgen]
pub fn language_ready(lang: String) -> bool {
    Lang::parse(&lang).is_none_or(phc::i18n::is_available)
}

/// Loads a language's texts (a file beside the module); an unknown code is left to `check` to refuse.
#[wasm_bindgen]
pub async fn ensure_language(lang: String) -> Result<(), JsValue> {
    let Some(lang) = Lang::parse(&lang) else { return Ok(()) };
    ui::languages::ensure(lang).await.map_err(|e| JsValue::from(js_sys::Error::new(&e)))
}

/// The folder of the widget's module, where its message files are.
#[wasm_bindgen]
pub fn set_asset_base(base: String) {
    ui::languages::set_base(base);
}

/// The app's version and the editions of the rules it knows.
#[wasm_bindgen]
pub fn version() -> JsValue {
    let editions: Vec<&str> = ui::rules().editions.iter().map(|e| &*e.id).collect();
    let json = Value::object([
        ("app", Value::from(env!("CARGO_PKG_VERSION"))),
        ("current_edition", Value::from(editions.last().copied())),
        ("editions", Value::from(editions)),
    ]);
    js_sys::JSON::parse(&json.to_string()).unwrap_or(JsValue::NULL)
}
