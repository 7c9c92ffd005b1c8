//! The widget's events, dispatched on its element: bubbling and `composed`, so they leave the shadow
//! root and reach the host page. Only `phc-result` carries the citizen's situation (the decision).

use phc::json::Value;
use wasm_bindgen::JsValue;

fn dispatch(host: &web_sys::Element, name: &str, detail: &JsValue) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

fn object(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap_or(JsValue::NULL)
}

/// `phc-step`: `{ step: "start" | "question:<field>" | "check" | "result" }`.
pub fn step(host: &web_sys::Element, step: &str) {
    dispatch(host, "phc-step", &object(&Value::object([("step", Value::from(step))]).to_string()));
}

/// `phc-result`: the decision of contract version 1.
pub fn result(host: &web_sys::Element, decision_json: &str) {
    dispatch(host, "phc-result", &object(decision_json));
}

/// `phc-print`: asks the element's module (`phc-widget.js`) to print the widget's result alone, not
/// the host page. Dispatched on the element itself (not bubbling): the module handles it.
pub fn print(host: &web_sys::Element) {
    if let Ok(event) = web_sys::Event::new("phc-print") {
        let _ = host.dispatch_event(&event);
    }
}

/// `phc-error`: `{ message }`, for an attribute that could not be used or an internal failure.
pub fn error(host: &web_sys::Element, message: &str) {
    dispatch(host, "phc-error", &object(&Value::object([("message", Value::from(message))]).to_string()));
}
