//! Dates and moments from any text: a value or an error that names the field, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use phc::Rules;
use std::sync::OnceLock;

fn rules() -> &'static Rules {
    static R: OnceLock<Rules> = OnceLock::new();
    R.get_or_init(|| Rules::embedded().expect("built-in rules"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    if let Err(e) = phc::dates::parse_date(s) {
        assert!(e.len() < 400, "messages are clipped: {}", e.len());
    }
    match phc::time::parse_moment(s, phc::codes::Field::At, &rules().zones) {
        Ok(m) => assert!(m.utc_offset_minutes == 300 || m.utc_offset_minutes == 360),
        Err(e) => assert!(e.message.contains("expected") && e.message.len() < 400),
    }
});
