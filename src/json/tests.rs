//! This module against serde_json, the reference it replaced: the same texts are JSON for both, and
//! what we write is what serde_json writes.

use super::*;
use proptest::prelude::*;

/// serde_json's compact text of the same JSON (objects sorted by serde_json's map, so compare
/// through serde_json values).
fn reference(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("serde_json refuses {text:?}: {e}"))
}

fn round_trip(text: &str) {
    let ours = parse(text).unwrap_or_else(|e| panic!("refused {text:?}: {e}"));
    assert_eq!(reference(&ours.to_string()), reference(text), "compact, for {text:?}");
    assert_eq!(reference(&to_string_pretty(&ours)), reference(text), "pretty, for {text:?}");
}

#[test]
fn reads_what_serde_json_reads() {
    for text in [
        "null", "true", "false", "0", "-0", "12", "-12", "1.5", "-0.25e-3", "1E+2", "1e2", "\"\"", "[]", "{}", " [ 1 , 2 ] ",
        "\t\r\n{\"a\":{\"b\":[true,null,\"x\"]}}\n",
        r#""\"\\\/\b\f\n\r\t\u00e9\u0416\ud83d\ude00""#,
        "\"ключ қазақша\"",
        r#"{"service":"attachment","at":"2026-03-10T10:00:00+05:00","person":{"categories":[]}}"#,
        "18446744073709551615",
    ] {
        round_trip(text);
    }
}

#[test]
fn refuses_what_is_not_json() {
    for (text, says) in [
        ("", "EOF while parsing a value"),
        ("   ", "EOF while parsing a value"),
        ("nul", "EOF while parsing a value"),
        ("nulL", "expected value"),
        ("True", "expected value"),
        ("01", "trailing characters"),
        ("1.", "EOF while parsing a value"),
        ("1.e3", "invalid number"),
        ("+1", "expected value"),
        (".5", "expected value"),
        ("-", "EOF while parsing a value"),
        ("1e", "EOF while parsing a value"),
        ("NaN", "expected value"),
        ("[1,]", "trailing comma"),
        ("[1 2]", "expected `,` or `]`"),
        ("[1", "EOF while parsing a list"),
        ("{\"a\":1,}", "trailing comma"),
        ("{\"a\" 1}", "expected `:`"),
        ("{a:1}", "key must be a string"),
        ("{\"a\":1", "EOF while parsing an object"),
        ("{\"a\":1 \"b\":2}", "expected `,` or `}`"),
        ("\"abc", "EOF while parsing a string"),
        ("\"a\nb\"", "control character"),
        ("\"\\x\"", "invalid escape"),
        ("\"\\u12\"", "invalid escape"),
        ("\"\\ud800\"", "lone leading surrogate"),
        ("\"\\ud800\\u0041\"", "lone leading surrogate"),
        ("\"\\udc00\"", "lone trailing surrogate"),
        ("{} {}", "trailing characters"),
        ("{\"a\":1,\"a\":2}", "duplicate field `a`"),
    ] {
        let e = parse(text).expect_err(text);
        assert!(e.to_string().contains(says), "{text:?}: {e}");
        if !says.starts_with("duplicate") {
            assert!(serde_json::from_str::<serde_json::Value>(text).is_err(), "serde_json accepts {text:?}");
        }
    }
}

#[test]
fn says_where_and_whether_the_text_ended_early() {
    let e = parse("{\n  \"a\": [1,\n  2,, 3]\n}").unwrap_err();
    assert_eq!((e.line, e.column), (3, 5), "{e}");
    assert!(!e.is_eof());
    let e = parse("{\"ключ\": [1").unwrap_err();
    assert_eq!((e.line, e.column, e.is_eof()), (1, 12, true), "{e}");
    assert_eq!(e.to_string(), "EOF while parsing a list at line 1 column 12");
}

#[test]
fn nesting_stops_at_the_limit() {
    let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert!(parse(&ok).is_ok());
    let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
    assert!(parse(&deep).unwrap_err().to_string().contains("recursion limit exceeded"));
    let huge = "{\"a\":".repeat(50_000);
    assert!(parse(&huge).unwrap_err().to_string().contains("recursion limit exceeded"));
}

#[test]
fn whole_numbers_only_are_u64() {
    let n = |t: &str| parse(t).unwrap().as_u64();
    assert_eq!(n("1"), Some(1));
    assert_eq!(n("0"), Some(0));
    assert_eq!(n("18446744073709551615"), Some(u64::MAX));
    for t in ["18446744073709551616", "1.0", "1e0", "-1", "-0", "\"1\"", "true"] {
        assert_eq!(n(t), None, "{t}");
    }
    assert_eq!(parse("1E+2").unwrap().to_string(), "1E+2", "numbers keep their text");
}

#[test]
fn maps_keep_document_order_and_set_in_place() {
    let mut m = Map::new();
    m.insert("b", Value::from(1u32));
    m.insert("a", Value::from("x"));
    m.insert("b", Value::from(true));
    m.object_mut("c").insert("d", Value::Null);
    m.object_mut("c").insert("e", Value::from(vec!["f"]));
    assert_eq!(Value::Object(m).to_string(), r#"{"b":true,"a":"x","c":{"d":null,"e":["f"]}}"#);
    assert_eq!(Value::object([("n", Value::from(-5i64)), ("o", Value::from(None::<u32>))]).to_string(), r#"{"n":-5,"o":null}"#);
}

#[test]
fn pretty_is_serde_json_pretty() {
    let text = r#"{"a":[],"b":{},"c":[1,{"d":"e"}],"f":{"g":null}}"#;
    let ours = to_string_pretty(&parse(text).unwrap());
    let theirs = serde_json::to_string_pretty(&serde_json::from_str::<serde_json::Value>(text).unwrap()).unwrap();
    // serde_json sorts keys; this text is already sorted.
    assert_eq!(ours, theirs);
}

#[derive(serde::Serialize)]
enum Shape {
    Unit,
    Newtype(u8),
    Tuple(i32, String),
    Struct { x: i64, y: Option<bool> },
}

#[derive(serde::Serialize)]
struct Everything {
    b: bool,
    small: i8,
    big: u64,
    negative: i64,
    c: char,
    s: String,
    none: Option<u32>,
    unit: (),
    list: Vec<Shape>,
    tuple: (u16, &'static str),
    map: std::collections::BTreeMap<String, u32>,
    bytes: &'static [u8],
}

#[test]
fn serializes_as_serde_json_does() {
    let v = Everything {
        b: true,
        small: -128,
        big: u64::MAX,
        negative: i64::MIN,
        c: '\u{1}',
        s: "\"\\\u{8}\u{c}\n\r\t\u{1f}\u{7f}é𝄞".into(),
        none: None,
        unit: (),
        list: vec![Shape::Unit, Shape::Newtype(7), Shape::Tuple(-1, "t".into()), Shape::Struct { x: 0, y: Some(false) }],
        tuple: (65535, "x"),
        map: [("k".to_string(), 1), ("é".to_string(), 2)].into_iter().collect(),
        bytes: b"\x00\xff",
    };
    assert_eq!(to_string(&v).unwrap(), serde_json::to_string(&v).unwrap());
    let mut non_string_keys = std::collections::BTreeMap::new();
    non_string_keys.insert(1u8, 2u8);
    assert!(to_string(&non_string_keys).unwrap_err().to_string().contains("key must be a string"));
}

/// Any JSON serde_json can make (no fractions: the contract has none).
fn any_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<u64>().prop_map(serde_json::Value::from),
        any::<String>().prop_map(serde_json::Value::from),
        "[\\u{0}-\\u{40}\"\\\\é\u{d7ff}\u{e000}\u{10ffff}]{0,8}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..6).prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// What serde_json writes, compact or pretty, we read to the same value and write back byte
    /// for byte (serde_json's maps are sorted, and we keep document order, so the order agrees).
    #[test]
    fn agrees_with_serde_json(v in any_json()) {
        for text in [serde_json::to_string(&v).unwrap(), serde_json::to_string_pretty(&v).unwrap()] {
            let ours = parse(&text).map_err(|e| TestCaseError::fail(format!("{text:?}: {e}")))?;
            prop_assert_eq!(ours.to_string(), serde_json::to_string(&v).unwrap());
            prop_assert_eq!(to_string_pretty(&ours), serde_json::to_string_pretty(&v).unwrap());
        }
    }

    /// Any text at all: we never panic, and we accept exactly what serde_json accepts (but for a
    /// field named twice, which we refuse and serde_json lets the last one win).
    #[test]
    fn accepts_exactly_json(text in "[\\[\\]{}\":,0-9eE+.\\-tnulrsaf\\\\ \n]{0,24}") {
        let ours = parse(&text);
        let theirs = serde_json::from_str::<serde_json::Value>(&text);
        match (&ours, &theirs) {
            (Ok(_), Ok(_)) | (Err(_), Err(_)) => {}
            (Err(e), Ok(_)) => prop_assert!(e.message.starts_with("duplicate field"), "{:?}: {}", text, e),
            (Ok(_), Err(e)) => prop_assert!(false, "{:?}: we accept, serde_json says {}", text, e),
        }
    }
}
