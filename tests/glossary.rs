//! The glossary as a test (issue 15): no message of any language, and no text a decision can carry,
//! uses a term `messages/glossary.toml` marks as wrong, doubles a mark of punctuation (`..`, `,.`,
//! ` .`), or puts a full stop after a placeholder whose value already ends with one (a Russian date
//! once ended in «г.» and gave «с 1 сентября 2027 г..»).
//!
//! Three layers: every message as written (templates), every message filled with sample values of
//! every kind its placeholders take (each month in each grammatical case, ages from 0, plural forms),
//! and every text of the decisions for the golden requests, a few chosen edge cases and requests from
//! the property generator, in Kazakh, Russian and English.

mod common;

use chrono::NaiveDate;
use phc::decision::Param;
use phc::i18n::Messages;
use phc::{check_json, Lang, Rules};
use proptest::strategy::{Strategy, ValueTree};
use serde_json::Value;
use std::path::Path;

const LANGS: [(Lang, &str); 3] = [(Lang::Kk, "kk"), (Lang::Ru, "ru"), (Lang::En, "en")];

/// A term the glossary marks as wrong in one language, and the phrases inside which it is right.
struct Wrong {
    lang: String,
    term: String,
    words: Vec<String>,
    allow: Vec<Vec<String>>,
    sense: String,
    instead: String,
}

fn glossary() -> Vec<Wrong> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("messages/glossary.toml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let table: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("messages/glossary.toml: {e}"));
    let entries = table["wrong"].as_array().expect("messages/glossary.toml: [[wrong]] entries");
    entries
        .iter()
        .map(|e| {
            let s = |k: &str| e.get(k).and_then(toml::Value::as_str).unwrap_or_else(|| panic!("glossary.toml: an entry without `{k}`: {e}")).to_string();
            let term = s("term");
            let allow = e.get("allow").and_then(toml::Value::as_array).map(|a| a.iter().map(|p| phrase(p.as_str().expect("allow: text"))).collect()).unwrap_or_default();
            let w = Wrong { lang: s("lang"), words: phrase(&term), term, allow, sense: s("sense"), instead: s("use") };
            assert!(["kk", "ru", "en"].contains(&w.lang.as_str()), "glossary.toml: unknown language {:?}", w.lang);
            assert!(!w.words.is_empty(), "glossary.toml: `{}` has no word", w.term);
            w
        })
        .collect()
}

/// The words of a text with their byte spans, lower-cased: runs of letters and digits.
fn words(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i, text[s..i].to_lowercase()));
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn phrase(p: &str) -> Vec<String> {
    words(p).into_iter().map(|(_, _, w)| w).collect()
}

/// Where the phrase occurs: its words in a row, each the beginning of a word of the text.
fn spans(text_words: &[(usize, usize, String)], phrase: &[String]) -> Vec<(usize, usize)> {
    if phrase.is_empty() || text_words.len() < phrase.len() {
        return Vec::new();
    }
    (0..=text_words.len() - phrase.len())
        .filter(|&i| phrase.iter().enumerate().all(|(j, p)| text_words[i + j].2.starts_with(p.as_str())))
        .map(|i| (text_words[i].0, text_words[i + phrase.len() - 1].1))
        .collect()
}

/// The glossary's wrong terms in a text of `lang`.
fn wrong_terms(lang: &str, text: &str, glossary: &[Wrong]) -> Vec<String> {
    let ws = words(text);
    let mut found = Vec::new();
    for g in glossary.iter().filter(|g| g.lang == lang) {
        let allowed: Vec<(usize, usize)> = g.allow.iter().flat_map(|a| spans(&ws, a)).collect();
        for (s, e) in spans(&ws, &g.words) {
            if !allowed.iter().any(|&(a, b)| a <= s && e <= b) {
                found.push(format!("«{}» is wrong for {}: use {}", &text[s..e], g.sense, g.instead));
            }
        }
    }
    found
}

/// Doubled or misplaced punctuation.
const PUNCTUATION: [&str; 18] = ["..", ",.", ".,", ";.", ":.", "!.", "?.", ",,", ";;", "::", " .", " ,", " ;", " :", "  ", "( ", " )", ",;"];

fn punctuation(text: &str) -> Vec<String> {
    let mut found: Vec<String> = PUNCTUATION.iter().filter(|p| text.contains(*p)).map(|p| format!("«{p}»")).collect();
    if text.trim() != text {
        found.push("space at an end".into());
    }
    found
}

fn problems(lang: &str, text: &str, glossary: &[Wrong]) -> Vec<String> {
    let mut p = wrong_terms(lang, text, glossary);
    p.extend(punctuation(text));
    p
}

/// The placeholders of a template as (name, case, followed by a full stop).
fn placeholders(template: &str) -> Vec<(String, Option<String>, bool)> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        let after = &rest[i + 1..];
        let Some(j) = after.find('}') else { break };
        let inner = &after[..j];
        let (name, case) = match inner.split_once(':') {
            Some((n, c)) => (n.to_string(), Some(c.to_string())),
            None => (inner.to_string(), None),
        };
        rest = &after[j + 1..];
        out.push((name, case, rest.starts_with('.')));
    }
    out
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Every kind of value a placeholder of this name takes (the engine's `Param`s); a name not known
/// here may be any of them.
fn candidates(m: &Messages, name: &str) -> Vec<Param> {
    let dates = || (1..=12).flat_map(|mo| [day(2027, mo, 1), day(2026, mo, 28)]).map(Param::Date).collect::<Vec<_>>();
    let named = |prefix: &str, f: fn(&'static str) -> Param| m.keys().filter_map(|k| k.strip_prefix(prefix)).map(f).collect::<Vec<_>>();
    match name {
        "date" | "opens" | "closes" => dates(),
        "age" => [0, 1, 2, 4, 5, 11, 17].map(Param::Years).to_vec(),
        "left" => [0, 1, 2, 5].map(Param::Changes).to_vec(),
        "limit" | "used" => [0, 1, 2].map(Param::Count).to_vec(),
        // The number of a paragraph or an article in a citation («п. 25», «25-тармақ»).
        "n" => [1, 9, 25, 92].map(Param::Count).to_vec(),
        "months" => [1, 2, 3, 5, 12].map(Param::Months).to_vec(),
        "minutes" | "in_person" | "portal" => [1, 2, 5, 10, 21, 30].map(Param::Minutes).to_vec(),
        "count" => [1, 2, 3, 5, 11, 15, 20, 21, 22].map(Param::WorkingDays).into_iter().chain([1, 2, 5].map(Param::Count)).collect(),
        "reason" => named("ground_name.", Param::Ground),
        // A `field.*` message is a request field's: the vocabulary has it.
        "field" => m.keys().filter_map(|k| k.strip_prefix("field.")).map(|f| Param::Field(phc::codes::Field::parse(f).unwrap_or_else(|| panic!("field.{f} names no request field")))).collect(),
        _ => {
            let mut all = dates();
            all.extend([0, 1, 2, 5, 21].iter().flat_map(|&n| [Param::Count(n), Param::WorkingDays(n), Param::Months(n), Param::Minutes(n), Param::Years(n), Param::Changes(n)]));
            all
        }
    }
}

/// A value as a message writes it, in the case the placeholder names.
fn rendered(m: &Messages, p: &Param, case: Option<&str>) -> String {
    match p {
        Param::Date(d) => m.date_in_case(*d, case),
        other => m.param(other),
    }
}

/// Keys whose texts are parts of other texts, checked as values: dates, months, plural forms.
fn is_part(key: &str) -> bool {
    ["format.", "case.", "month.", "unit."].iter().any(|p| key.starts_with(p))
}

#[test]
fn every_message_uses_the_glossary_terms_and_clean_punctuation() {
    let g = glossary();
    let mut found = Vec::new();
    let mut filled = 0;
    for (lang, code) in LANGS {
        let m = Messages::get(lang);
        for key in m.keys() {
            let raw = m.raw(key).unwrap();
            let in_template = problems(code, raw, &g);
            for p in &in_template {
                found.push(format!("{code} `{key}`: {p}\n      {raw}"));
            }
            let ps = placeholders(raw);
            // A full stop after a placeholder whose value can end with one.
            for (name, case, stop) in &ps {
                if !stop {
                    continue;
                }
                if let Some(v) = candidates(m, name).iter().map(|p| rendered(m, p, case.as_deref())).find(|v| v.ends_with('.')) {
                    found.push(format!("{code} `{key}`: {{{name}}} is followed by «.» and its value «{v}» already ends with one\n      {raw}"));
                }
            }
            if is_part(key) || ps.is_empty() {
                continue;
            }
            // The message filled with every value its placeholders take: each new problem once, with
            // the first text that shows it.
            let mut reported = in_template;
            let lists: Vec<(&str, Vec<Param>)> = ps.iter().map(|(n, _, _)| (n.as_str(), candidates(m, n))).collect();
            let rounds = lists.iter().map(|(_, l)| l.len()).max().unwrap_or(0);
            for r in 0..rounds {
                let params: Vec<(&str, Param)> = lists.iter().map(|(n, l)| (*n, l[r % l.len()].clone())).collect();
                let text = m.text(key, &params);
                filled += 1;
                for p in problems(code, &text, &g) {
                    if !reported.contains(&p) {
                        found.push(format!("{code} `{key}` filled: {p}\n      {text}"));
                        reported.push(p);
                    }
                }
            }
        }
        // The values themselves: every date in every case, every plural form.
        for mo in 1..=12 {
            for case in [None, Some("abl"), Some("dat"), Some("loc")] {
                let d = m.date_in_case(day(2027, mo, 1), case);
                for p in problems(code, &d, &g) {
                    found.push(format!("{code} date {case:?}: {p}: {d}"));
                }
            }
        }
        for n in [0, 1, 2, 3, 5, 11, 21, 22, 25] {
            for p in [Param::Years(n), Param::Changes(n), Param::WorkingDays(n), Param::Months(n), Param::Minutes(n)] {
                let v = m.param(&p);
                for problem in problems(code, &v, &g) {
                    found.push(format!("{code} {p:?}: {problem}: {v}"));
                }
            }
        }
    }
    assert!(filled > 2000, "only {filled} filled messages checked");
    println!("{filled} filled messages checked");
    assert!(found.is_empty(), "{} problems in the message tables (see messages/glossary.md):\n  {}", found.len(), found.join("\n  "));
}

fn rules() -> &'static Rules {
    static R: std::sync::OnceLock<Rules> = std::sync::OnceLock::new();
    R.get_or_init(|| Rules::embedded().unwrap())
}

/// The golden requests, a few edge cases the issue names, and requests from the property generator.
fn requests() -> Vec<Value> {
    let mut out = Vec::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "json")).collect();
    files.sort();
    for f in files {
        let cases: Value = serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        out.extend(cases.as_array().unwrap().iter().map(|c| c["request"].clone()));
    }
    let person = r#""residency": "citizen", "consents_to_data_access": true, "eds": true"#;
    let attached = r#""current_attachment": {"attached": true, "at_target_clinic": false, "free_changes_this_year": 0}"#;
    for edge in [
        // A baby under one year: «ребёнку меньше года», not «0 лет».
        format!(r#"{{"service": "attachment", "at": "2026-04-14T10:00:00+05:00", "applicant": "parent", "person": {{{person}, "birth_date": "2025-12-01"}}, "reason": "first_attachment", "current_attachment": {{"attached": false}}, "target_unit": "same"}}"#),
        // Every change by free choice used: the next from 1 January, a date before the full stop.
        format!(r#"{{"service": "attachment", "at": "2026-04-14T10:00:00+05:00", "person": {{{person}}}, "reason": "free_choice", "current_attachment": {{"attached": true, "at_target_clinic": false, "free_changes_this_year": 2}}, "target_unit": "same"}}"#),
        // The campaign's last day is a Sunday: accepted after it closes.
        format!(r#"{{"service": "attachment", "at": "2026-11-01T10:00:00+05:00", "person": {{{person}}}, "reason": "campaign", {attached}, "target_unit": "same"}}"#),
        // Before the campaign opens: eligible later, from a date.
        format!(r#"{{"service": "attachment", "at": "2026-08-20T10:00:00+05:00", "person": {{{person}}}, "reason": "campaign", {attached}, "target_unit": "same"}}"#),
        // A temporary stay without insurance; a home visit; a complaint.
        format!(r#"{{"service": "attachment", "at": "2026-04-14T10:00:00+05:00", "person": {{"residency": "temporary_visitor", "consents_to_data_access": true, "eds": true, "insurance": "none"}}, "reason": "free_choice", {attached}, "target_unit": "same"}}"#),
        r#"{"service": "home_visit", "at": "2026-04-14T10:00:00+05:00", "person": {"residency": "citizen", "eds": true}, "current_attachment": {"attached": true, "at_target_clinic": true}}"#.to_string(),
        r#"{"service": "complaint", "at": "2026-04-14T10:00:00+05:00", "refusal_received_on": "2026-04-01"}"#.to_string(),
    ] {
        out.push(serde_json::from_str(&edge).unwrap_or_else(|e| panic!("{e}: {edge}")));
    }
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = common::request();
    for _ in 0..1500 {
        out.push(strategy.new_tree(&mut runner).unwrap().current());
    }
    out
}

#[test]
fn every_decision_text_in_every_language_passes_the_glossary() {
    let g = glossary();
    let (mut decided, mut checked, mut found) = (0, 0, Vec::new());
    let mut seen = std::collections::BTreeSet::new();
    for req in requests() {
        let text = req.to_string();
        for (lang, code) in LANGS {
            let Ok(out) = check_json(&text, rules(), Some(lang), None) else { continue };
            decided += 1;
            let d: Value = serde_json::from_str(&out).unwrap();
            let mut texts = Vec::new();
            common::texts(&d, &mut texts);
            for t in texts {
                // A missing message (`⟦key⟧`) is tests/engine.rs's to report; its key is no text.
                if t.contains('⟦') {
                    continue;
                }
                checked += 1;
                for p in problems(code, &t, &g) {
                    if seen.insert((code, p.clone(), t.clone())) {
                        found.push(format!("{code}: {p}\n      {t}\n      request: {text}"));
                    }
                }
                if code == "ru" && t.contains("меньше года") {
                    seen.insert(("ru", "under one".into(), String::new()));
                }
            }
        }
    }
    assert!(decided > 2500, "only {decided} decisions");
    assert!(checked > 20000, "only {checked} texts checked");
    assert!(seen.contains(&("ru", "under one".to_string(), String::new())), "no decision spoke of a baby under one year");
    println!("{decided} decisions in three languages, {checked} texts checked");
    found.truncate(40);
    assert!(found.is_empty(), "decision texts that break the glossary (first {}):\n  {}", found.len(), found.join("\n  "));
}

/// The codes a decision carries outside its texts that could leak into one: every string value
/// (outside `text`) with `_`, `-`, `.` or `:` in it that is not a date or an address: reason codes and
/// details, request fields, edition ids, source ids with their places.
fn codes(v: &Value, out: &mut std::collections::BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if !["text", "url", "verdict", "provisional"].contains(&k.as_str()) || !x.is_string() {
                    codes(x, out);
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| codes(x, out)),
        Value::String(s) => {
            let date = s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
            if !date && s.contains(['_', '-', '.', ':']) {
                out.insert(s.clone());
                if let Some((id, _)) = s.split_once(':') {
                    out.insert(id.to_string());
                }
            }
        }
        _ => {}
    }
}

/// Every human text of a decision: each `text` string, and every string of the decision's own `text`
/// object but its language (verdict, provisional, checked_on, each date's text). Unlike
/// `common::texts`, a `verdict` outside `text` is a code (a route's), not a text.
fn human_texts(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                match (k.as_str(), x) {
                    ("text", Value::String(s)) => out.push(s.clone()),
                    ("text", Value::Object(t)) => {
                        for (tk, tx) in t {
                            match (tk.as_str(), tx) {
                                ("lang", _) => {}
                                (_, Value::String(s)) => out.push(s.clone()),
                                (_, other) => human_texts(other, out),
                            }
                        }
                    }
                    _ => human_texts(x, out),
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| human_texts(x, out)),
        _ => {}
    }
}

/// Whether `code` occurs in `text` as a whole token (not inside a longer word or code).
fn has_token(text: &str, code: &str) -> bool {
    let part = |c: char| c.is_alphanumeric() || "_-.:/".contains(c);
    text.match_indices(code).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + code.len()..].chars().next();
        !before.is_some_and(part) && !after.is_some_and(|c| part(c) && c != '.' || c == '.' && text[i + code.len() + 1..].starts_with(|c: char| c.is_alphanumeric()))
    })
}

/// Issue 15: no text of any decision, in any language, names a seed file, an internal code (a reason
/// code, a request field, an edition or source id) or doubles a full stop; nothing is a missing message.
#[test]
fn no_decision_text_names_a_file_an_internal_code_or_a_double_stop() {
    let (mut decided, mut checked, mut found) = (0, 0, std::collections::BTreeSet::new());
    for req in requests() {
        let text = req.to_string();
        let Ok(plain) = check_json(&text, rules(), None, None) else { continue };
        let mut internal = std::collections::BTreeSet::new();
        codes(&serde_json::from_str(&plain).unwrap(), &mut internal);
        for (lang, code) in LANGS {
            let d: Value = serde_json::from_str(&check_json(&text, rules(), Some(lang), None).unwrap()).unwrap();
            decided += 1;
            let mut texts = Vec::new();
            human_texts(&d, &mut texts);
            for t in texts {
                checked += 1;
                let mut bad: Vec<String> = Vec::new();
                for mark in [".txt", "..", "_", "⟦", "{", "}"] {
                    if t.contains(mark) {
                        bad.push(format!("«{mark}»"));
                    }
                }
                bad.extend(internal.iter().filter(|c| has_token(&t, c)).map(|c| format!("the code «{c}»")));
                for b in bad {
                    if found.len() < 40 {
                        found.insert(format!("{code}: {b}\n      {t}\n      request: {text}"));
                    }
                }
            }
        }
    }
    assert!(decided > 2500, "only {decided} decisions");
    assert!(checked > 20000, "only {checked} texts checked");
    assert!(found.is_empty(), "decision texts naming a file or a code (first {}):\n  {}", found.len(), found.into_iter().collect::<Vec<_>>().join("\n  "));
    // The check finds what it is for.
    assert!(has_token("Source: 004_76e5c45e8ea13521.txt", "004_76e5c45e8ea13521.txt"));
    assert!(has_token("Answer person.eds first.", "person.eds"));
    assert!(has_token("rules: order-194-2020-amended-2025.", "order-194-2020-amended-2025"));
    assert!(!has_token("rules: order-194-2020-amended-2025.", "order-194-2020"));
    assert!(!has_token("See gov.kz: the service", "gov"));
}

/// The checks themselves find what they are for, so the tests above cannot pass vacuously.
#[test]
fn the_checks_find_the_old_mistakes() {
    let g = glossary();
    let bad = |lang: &str, t: &str| !problems(lang, t, &g).is_empty();
    assert!(bad("kk", "Тіркеу науқаны кезінде кез келген адам емхана таңдай алады."));
    assert!(bad("kk", "Сіз осы емханаға тіркеле аласыз."));
    assert!(bad("kk", "Медициналық сақтандыру шарты жоқ уақытша келушілер емханаға бекітіле алмайды."));
    assert!(bad("kk", "Шын күнді енгізіңіз, мысалы 31 3 2026."));
    assert!(bad("kk", "Алғашқы медициналық-санитариялық көмек"));
    assert!(!bad("kk", "Порталда тіркелген телефонға жіберілетін бір реттік құпиясөзбен өтініш бере аласыз."));
    assert!(!bad("kk", "Ұялы телефон нөміріңіз eGov порталында тіркелген бе?"));
    assert!(bad("kk", "Емханада: құжаттарды тіркеу бөліміне әкеліңіз."), "the front desk is «регистратура»");
    assert!(bad("ru", "Вы сможете прикрепиться к этой поликлинике с 1 сентября 2027 г.."));
    assert!(bad("ru", "Следующая бесплатная смена — с 1 января"));
    assert!(bad("ru", "Наше прочтение правил"));
    assert!(bad("ru", "Дальше"));
    assert!(bad("ru", "Человеку 0 лет: за него обращается родитель."));
    assert!(bad("ru", "Заявка принята 2 ноября"));
    assert!(!bad("ru", "Заявка будет принята 2 ноября 2026 года"));
    assert!(bad("en", "You have used all 2 free changes"));
    assert!(bad("en", "Ask again , please"));
    assert!(!bad("en", "Changes by free choice this calendar year: 1 of 2 used."));
    // The placeholder check: a value ending in a full stop before one.
    assert_eq!(placeholders("с {date}."), vec![("date".to_string(), None, true)]);
    assert_eq!(placeholders("{date:abl} бастап"), vec![("date".to_string(), Some("abl".to_string()), false)]);
}
