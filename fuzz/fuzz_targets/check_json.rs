//! Any bytes as a request: a decision or an `InputError` naming a field, never a panic or a hang.
#![no_main]
use libfuzzer_sys::fuzz_target;
use phc::{check_json, Lang, Rules};
use std::sync::OnceLock;

fn rules() -> &'static Rules {
    static R: OnceLock<Rules> = OnceLock::new();
    R.get_or_init(|| Rules::embedded().expect("built-in rules"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for lang in [None, Some(Lang::Kk), Some(Lang::Ru), Some(Lang::En)] {
        match check_json(text, rules(), lang, None) {
            Ok(out) => {
                let v: serde_json::Value = serde_json::from_str(&out).expect("a decision is JSON");
                assert!(v["verdict"].is_string());
            }
            Err(e) => assert!(!e.path().is_empty() && !e.message.is_empty()),
        }
    }
});
