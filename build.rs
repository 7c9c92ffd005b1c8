//! Reads the rule files (`rules/*.toml`) and message tables (`messages/*.toml`), checks them, and
//! writes them into `OUT_DIR` as Rust code: the rules as values of the rules crate's types
//! (`phc_rules`, a build-dependency: it reads them straight into its typed model and loads and checks
//! them here as the tests do at run time), the messages as one sorted key string and one text string
//! per language. A typo in a rule file, or a
//! message missing from one language, fails the build here with the file and the key, not at run time
//! in a citizen's browser; and the wasm carries no parser for its own data (issue 6: size).

#[path = "build/typed_literal.rs"]
mod typed_literal;

use phc_rules::rules::{Files, Rules};
use typed_literal::Lit;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const LANGS: [&str; 3] = ["en", "ru", "kk"];

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    // The rules crate is a build-dependency: cargo reruns this script when it changes.
    println!("cargo:rerun-if-changed=rules");
    println!("cargo:rerun-if-changed=messages");
    println!("cargo:rerun-if-changed=build");

    // Read straight into the typed rules (a typo fails here with the file, line and column), then
    // checked as a whole by the rules crate (the code the tests run).
    let files = Files::read("rules").unwrap_or_else(|e| panic!("\n{e}\n"));
    let rules = Rules::load(files).unwrap_or_else(|e| panic!("\nrules/: {e}\n"));
    let code = format!("/// `rules/*.toml`, loaded and checked at build time.\npub static RULES: Rules = Rules({});\n", rules.lit());
    std::fs::write(out.join("rules.rs"), code).expect("write OUT_DIR");

    // The engine's messages and the app's (`messages/ui/`) form one table per language.
    let tables: Vec<(&str, BTreeMap<String, String>)> = LANGS
        .iter()
        .map(|l| {
            let mut t = read_messages(&format!("messages/{l}.toml"));
            for (k, v) in read_messages(&format!("messages/ui/{l}.toml")) {
                if t.insert(k.clone(), v).is_some() {
                    panic!("messages/ui/{l}.toml: `{k}` is also in messages/{l}.toml");
                }
            }
            (*l, t)
        })
        .collect();
    check_messages(&tables);
    let letters = letters(&tables);
    // The tables' identity: a hash of every key and text. The wasm built without its own tables
    // (`embedded-messages` off) loads a language's file and checks it carries the same identity.
    let mut id: u64 = 0xcbf29ce484222325;
    for (lang, table) in &tables {
        for b in lang.bytes().chain(table.iter().flat_map(|(k, v)| k.bytes().chain([0x1f]).chain(v.bytes()).chain([0x1e]))) {
            id ^= b as u64;
            id = id.wrapping_mul(0x100000001b3);
        }
    }
    let mut code = format!("pub const MESSAGES_ID: &str = \"{id:016x}\";\n");
    if std::env::var_os("CARGO_FEATURE_EMBEDDED_MESSAGES").is_some() {
        code.push_str(&format!("pub const LETTERS: &str = {letters:?};\n"));
        for (lang, table) in &tables {
            code.push_str(&message_table(lang, table, &letters));
        }
    }
    std::fs::write(out.join("messages.rs"), code).expect("write OUT_DIR");
}

/// The separator of keys and of texts in the generated strings; no message may contain it.
const SEP: char = '\u{1f}';

/// Every character beyond ASCII that the messages use, in order: in the texts as written into the
/// program, byte `0x80 + i` stands for the `i`-th of them. Kazakh and Russian letters take two bytes
/// each in UTF-8 and one this way, which saves 1.2 KB of the brotli-compressed wasm (issue 6);
/// `phc::i18n` decodes a language's texts once, when it is first used.
fn letters(tables: &[(&str, BTreeMap<String, String>)]) -> String {
    let set: BTreeSet<char> = tables.iter().flat_map(|(_, t)| t.values().flat_map(|v| v.chars())).filter(|c| !c.is_ascii()).collect();
    if set.len() > 128 {
        panic!("messages/: {} distinct characters beyond ASCII; the tables' one-byte encoding holds 128", set.len());
    }
    set.into_iter().collect()
}

/// A text in the one-byte encoding of `letters`, as a byte string literal.
fn encode(text: &str, letters: &str) -> String {
    let mut out = String::from("b\"");
    for c in text.chars() {
        let b = if c.is_ascii() { c as u8 } else { 0x80 + letters.chars().position(|l| l == c).expect("collected") as u8 };
        out.extend(std::ascii::escape_default(b).map(char::from));
    }
    out.push('"');
    out
}

/// One language's table as two constants, the keys (sorted, as the `BTreeMap` holds them; ASCII) and
/// the texts in the same order (encoded by `letters`), each joined by `SEP`: the most compact form to
/// ship, read by `phc::i18n` with a split and a binary search, and no parser.
fn message_table(lang: &str, table: &BTreeMap<String, String>, letters: &str) -> String {
    for (k, v) in table {
        if k.contains(SEP) || v.contains(SEP) {
            panic!("messages/{lang}: `{k}` contains the control character U+001F, which the tables reserve");
        }
    }
    if let Some(k) = table.keys().find(|k| !k.is_ascii()) {
        panic!("messages/{lang}: key `{k}` must be ASCII");
    }
    let keys: Vec<&str> = table.keys().map(String::as_str).collect();
    let texts: Vec<&str> = table.values().map(String::as_str).collect();
    let sep = SEP.to_string();
    let upper = lang.to_uppercase();
    format!(
        "pub const {upper}_KEYS: &str = {:?};\npub const {upper}_TEXTS: &[u8] = {};\n",
        keys.join(&sep),
        encode(&texts.join(&sep), letters)
    )
}

/// Flattens nested tables into dotted keys: `[verdict] eligible = "…"` is `verdict.eligible`.
fn read_messages(path: &str) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let value: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("\n{path}: {e}\n"));
    let mut flat = BTreeMap::new();
    flatten("", &value, path, &mut flat);
    flat
}

fn flatten(prefix: &str, table: &toml::Table, path: &str, flat: &mut BTreeMap<String, String>) {
    for (k, v) in table {
        let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
        match v {
            toml::Value::String(s) => {
                flat.insert(key, s.clone());
            }
            toml::Value::Table(t) => flatten(&key, t, path, flat),
            other => panic!("{path}: `{key}` must be text or a table, found {}", other.type_str()),
        }
    }
}

/// The plural categories (CLDR) each language must give for a counted message.
fn plural_forms(lang: &str) -> &'static [&'static str] {
    match lang {
        "ru" => &["one", "few", "many"],
        _ => &["one", "other"],
    }
}

const PLURAL_SUFFIXES: [&str; 4] = [".one", ".few", ".many", ".other"];

fn check_messages(tables: &[(&str, BTreeMap<String, String>)]) {
    // Counted messages live under `unit.` only, so an option code such as `other` is never taken
    // for a plural form.
    let base_of = |k: &str| {
        if !k.starts_with("unit.") {
            return None;
        }
        PLURAL_SUFFIXES.iter().find_map(|s| k.strip_suffix(s)).map(str::to_string)
    };
    let mut problems = Vec::new();
    // Every message (plain or counted) of every language must exist in every other language.
    let mut plain: BTreeSet<String> = BTreeSet::new();
    let mut counted: BTreeSet<String> = BTreeSet::new();
    for (_, t) in tables {
        // `case.*` (inflected month names) belongs to the languages that inflect dates: checked below.
        for k in t.keys().filter(|k| !k.starts_with("case.")) {
            match base_of(k) {
                Some(b) => counted.insert(b),
                None => plain.insert(k.clone()),
            };
        }
    }
    for (lang, t) in tables {
        for k in &plain {
            if !t.contains_key(k) {
                problems.push(format!("messages/{lang}.toml: missing `{k}`"));
            }
        }
        for b in &counted {
            for form in plural_forms(lang) {
                if !t.contains_key(&format!("{b}.{form}")) {
                    problems.push(format!("messages/{lang}.toml: missing plural form `{b}.{form}`"));
                }
            }
        }
    }
    // The same placeholders in every language, so no value is lost in translation.
    let (_, en) = &tables[0];
    for (lang, t) in &tables[1..] {
        for (k, v) in t {
            let en_key = match base_of(k) {
                Some(b) => en.get(&format!("{b}.other")).or_else(|| en.get(&format!("{b}.one"))),
                None => en.get(k),
            };
            if let Some(en_v) = en_key {
                let want = placeholders(en_v);
                let got = placeholders(v);
                if want != got {
                    problems.push(format!("messages/{lang}.toml: `{k}` has placeholders {got:?}, English has {want:?}"));
                }
            }
        }
    }
    // A date placeholder in a case (`{date:abl}`) needs the twelve inflected months of that case.
    for (lang, t) in tables {
        let cases: BTreeSet<String> = t.values().flat_map(|v| placeholder_cases(v)).collect();
        for case in cases {
            for month in 1..=12 {
                if !t.contains_key(&format!("case.{case}.{month}")) {
                    problems.push(format!("messages/{lang}.toml: a message uses the case `{case}` but `case.{case}.{month}` is missing"));
                }
            }
        }
    }
    if !problems.is_empty() {
        panic!("\nmessage tables are incomplete:\n  {}\n", problems.join("\n  "));
    }
}

/// The grammatical cases named in a message's placeholders: `{date:abl}` → `abl`.
fn placeholder_cases(s: &str) -> Vec<String> {
    raw_placeholders(s).into_iter().filter_map(|p| p.split_once(':').map(|(_, c)| c.to_string())).collect()
}

/// The parameters a message uses, by name: `{date:abl}` is the parameter `date` (in a case).
fn placeholders(s: &str) -> BTreeSet<String> {
    raw_placeholders(s).into_iter().map(|p| p.split(':').next().unwrap_or_default().to_string()).collect()
}

fn raw_placeholders(s: &str) -> BTreeSet<String> {
    let mut set = BTreeSet::new();
    let mut rest = s;
    while let Some(i) = rest.find('{') {
        let after = &rest[i + 1..];
        match after.find('}') {
            Some(j) => {
                set.insert(after[..j].to_string());
                rest = &after[j + 1..];
            }
            None => break,
        }
    }
    set
}
