//! # phc — may I attach to this clinic?
//!
//! A pure rules engine for Kazakhstan's primary health care (PHC) services: attachment to a clinic,
//! calling a doctor at home, and complaining about a refusal. One request in (contract version 1,
//! `../shared/contract.md`), one decision out, with the reasons, documents, channels and dates
//! (counted in Kazakhstan working days) and the sources each rests on.
//!
//! The engine has no web in it: it compiles natively (the `phc-check` command line) and to wasm32
//! (the app and the portal widget), never reads the clock, and takes the rule data as an argument.

pub mod citation;
pub mod decision;
pub mod engine;
pub mod i18n;
pub mod json;
pub mod request;
pub mod rules;
pub mod small_sort;

// The vocabulary, dates, time and calendar come from the rules crate, which `build.rs` runs too.
pub use phc_rules::{calendar, codes, dates, error, time};

pub use codes::Lang;
pub use decision::Decision;
pub use engine::decide;
pub use error::InputError;
pub use request::{parse_request, request_from_value, Request};
pub use rules::Rules;

/// Checks one request given as JSON text and returns the decision as JSON text: the whole contract
/// in one call, for the command line and the widget. With a language, every reason, document,
/// channel and date carries its human text.
pub fn check_json(text: &str, rules: &Rules, lang: Option<Lang>, now: Option<time::KzMoment>) -> Result<String, InputError> {
    let request = parse_request(text, now, &rules.zones)?;
    let mut decision = decide(&request, rules)?;
    if let Some(lang) = lang {
        i18n::annotate(&mut decision, lang);
    }
    // `unwrap_or_else` with Display, not `expect`: `expect` formats the error with Debug, whose string
    // escaping costs the wasm about a kilobyte (issue 6).
    Ok(json::to_string(&decision).unwrap_or_else(|e| panic!("a decision always serializes: {e}")))
}
