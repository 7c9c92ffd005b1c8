//! Our JSON parser against serde_json on any text: never a panic, the same texts accepted, and what
//! we write back is the value serde_json read. Two differences are by design (src/json/mod.rs): a
//! field named twice is refused, and a number beyond f64's range is kept as written.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let ours = phc::json::parse(text);
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    match (ours, theirs) {
        (Ok(v), Ok(reference)) => {
            let back: serde_json::Value = serde_json::from_str(&v.to_string()).expect("we write JSON");
            let pretty: serde_json::Value = serde_json::from_str(&phc::json::to_string_pretty(&v)).expect("we write JSON");
            assert_eq!(back, reference, "compact, for {text:?}");
            assert_eq!(pretty, reference, "pretty, for {text:?}");
        }
        (Err(_), Err(_)) => {}
        (Err(e), Ok(_)) => assert!(e.message.starts_with("duplicate field"), "{text:?}: we refuse: {e}"),
        (Ok(_), Err(e)) => assert!(e.to_string().contains("number out of range"), "{text:?}: serde_json refuses: {e}"),
    }
});
