//! Citations a citizen can follow (issue 15): every source the rules cite is in `rules/sources.toml`
//! (the build fails otherwise; here, that the loader refuses what it must), every source the program
//! carries has a short title in each language, and a decision's `citations` are exactly the sources it
//! cites, each with its address and, in a language, its title.

use phc::i18n::Messages;
use phc::rules::model::{Editions, Files, SourcesFile};
use phc::rules::{SourceKind, PLACES};
use phc::{check_json, Lang, Rules};
use serde_json::{json, Value};

const LANGS: [Lang; 3] = [Lang::Kk, Lang::Ru, Lang::En];

fn rules() -> &'static Rules {
    Rules::built_in()
}

/// The rule files read natively, changed, and loaded as `build.rs` loads them.
fn load_with(change: impl FnOnce(&mut Editions, &mut SourcesFile)) -> Result<Rules, String> {
    let mut files = Files::read(concat!(env!("CARGO_MANIFEST_DIR"), "/rules")).unwrap();
    change(&mut files.editions, &mut files.sources);
    Rules::load(files)
}

#[test]
fn every_source_the_program_carries_has_a_title_in_every_language() {
    let carried = &rules().sources;
    assert!(carried.iter().any(|s| s.id == "order-194-2020"), "the attachment rules are carried");
    assert!(carried.iter().any(|s| s.id == "gov-kz-3176" && s.kind == SourceKind::Page), "the official pages are carried");
    // Acts the app lists with their dates even when only the calendar cites them.
    assert!(carried.iter().any(|s| s.id == "decree-days-off-2016"));
    // Press reports behind the calendar's tables stay in the file, for a lawyer.
    assert!(!carried.iter().any(|s| s.id == "kt-kz-2021-07"));
    for lang in LANGS {
        let m = Messages::get(lang);
        for s in carried.iter() {
            let title = m.raw(&format!("source.{}", s.id)).unwrap_or_else(|| panic!("{lang:?}: no title `source.{}` in messages/", s.id));
            assert!(!title.trim().is_empty() && !title.contains(".txt"), "{lang:?}: source.{}: {title}", s.id);
        }
        for place in PLACES {
            let t = m.raw(&format!("place.{place}")).unwrap_or_else(|| panic!("{lang:?}: no `place.{place}`"));
            assert!(t.contains("{n}"), "{lang:?}: place.{place} shows the number: {t}");
        }
        // No title for a source the program does not carry (a typo, or a source removed).
        for key in m.keys().filter_map(|k| k.strip_prefix("source.")) {
            assert!(carried.iter().any(|s| s.id == key), "{lang:?}: `source.{key}` names no source the program carries");
        }
    }
}

#[test]
fn titles_and_addresses_speak_the_readers_language() {
    let kk = Messages::get(Lang::Kk);
    let ru = Messages::get(Lang::Ru);
    let en = Messages::get(Lang::En);
    assert_eq!(phc::citation::title(ru, "order-194-2020:p25"), "Приказ МЗ РК № ҚР ДСМ-194/2020, п. 25");
    assert_eq!(phc::citation::title(kk, "order-194-2020:p25"), "ҚР Денсаулық сақтау министрінің № ҚР ДСМ-194/2020 бұйрығы, 25-тармақ");
    assert_eq!(phc::citation::title(en, "appk:art92"), "Administrative Procedural Code of the Republic of Kazakhstan, art. 92");
    let order = rules().source("order-194-2020:ground3").unwrap();
    assert_eq!(order.url_in(Lang::Kk).as_deref(), Some("https://adilet.zan.kz/kaz/docs/V2000021642"));
    assert_eq!(order.url_in(Lang::Ru).as_deref(), Some("https://adilet.zan.kz/rus/docs/V2000021642"));
    let page = rules().source("gov-kz-3176").unwrap();
    assert_eq!(page.url_in(Lang::Kk).as_deref(), Some("https://www.gov.kz/services/3176?lang=kk"));
    assert_eq!(rules().source("egov-494pass").unwrap().url_in(Lang::En).as_deref(), Some("https://egov.kz/cms/en/services/health_care/494pass_mz"));
    assert!(rules().source("no-such-source").is_none());
    for s in rules().sources.iter() {
        for lang in LANGS {
            if let Some(u) = s.url_in(lang) {
                assert!(u.starts_with("https://") && !u.contains('{'), "{}: {u}", s.id);
            }
        }
        for a in s.amended_by.iter() {
            assert!(rules().source(a).is_some_and(|a| a.kind == SourceKind::Act), "{}: amended by {a}", s.id);
        }
    }
}

#[test]
fn the_loader_refuses_a_source_that_is_not_in_the_table() {
    // A seed file name, as the rule files used to cite them.
    let e = load_with(|e, _| e.ground.to_mut()[0].sources = vec!["002_8dae716582370e91.txt".into()].into()).unwrap_err();
    assert!(e.contains("002_8dae716582370e91.txt") && e.contains("not in rules/sources.toml") && e.contains("ground relocation from 2015-04-28"), "{e}");
    // A place of an unknown kind, or without its number.
    for bad in ["order-194-2020:para25", "order-194-2020:p", "order-194-2020:25"] {
        let e = load_with(|e, _| e.processing.to_mut()[1].sources = vec![bad.into()].into()).unwrap_err();
        assert!(e.contains("a place is"), "{bad}: {e}");
    }
    // The same source twice in one list.
    let e = load_with(|e, _| e.processing.to_mut()[1].sources = vec!["order-194-2020".into(), "order-194-2020".into()].into()).unwrap_err();
    assert!(e.contains("cited twice"), "{e}");
    // An entry no rule cites.
    let e = load_with(|_, src| {
        let mut extra = src.source[0].clone();
        extra.id = "unused-page".into();
        src.source.to_mut().push(extra);
    })
    .unwrap_err();
    assert!(e.contains("unused-page") && e.contains("cited by no rule"), "{e}");
    // An address that is not https, or has a placeholder of its own.
    for url in ["http://www.gov.kz/services/3176", "https://www.gov.kz/services/3176?lang={language}"] {
        let e = load_with(|_, src| src.source.to_mut()[0].url = Some(url.to_string().into())).unwrap_err();
        assert!(e.contains("url"), "{url}: {e}");
    }
    // "Only one official page says this" must be true: one source.
    let e = load_with(|e, _| {
        let last = e.free_changes.to_mut().last_mut().unwrap();
        last.single_source = true;
        last.sources = vec!["gov-kz-3176".into(), "egov-polyclinic-2024".into()].into();
    })
    .unwrap_err();
    assert!(e.contains("single_source"), "{e}");
    // The built-in files load.
    assert!(load_with(|_, _| {}).is_ok());
}

/// The golden requests and a few of each service.
fn requests() -> Vec<Value> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut out = Vec::new();
    for f in std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "json")) {
        let cases: Value = serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        out.extend(cases.as_array().unwrap().iter().map(|c| c["request"].clone()));
    }
    out
}

#[test]
fn a_decision_cites_each_of_its_sources_once_with_its_address_and_title() {
    let mut seen_places = false;
    let mut checked = 0;
    for req in requests() {
        let Ok(plain) = check_json(&req.to_string(), rules(), None, None) else { continue };
        let d: Value = serde_json::from_str(&plain).unwrap();
        // What the decision cites, in order, once.
        let mut want: Vec<&str> = Vec::new();
        let lists = std::iter::once(&d["edition"]["sources"]).chain(d["reasons"].as_array().unwrap().iter().flat_map(|r| [&r["sources"], &r["sources_disagree"]]));
        for list in lists {
            for s in list.as_array().map(Vec::as_slice).unwrap_or_default() {
                let s = s.as_str().unwrap();
                if !want.contains(&s) {
                    want.push(s);
                }
            }
        }
        let got: Vec<&str> = d["citations"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
        assert_eq!(got, want, "request: {req}");
        for c in d["citations"].as_array().unwrap() {
            let id = c["id"].as_str().unwrap();
            seen_places |= id.contains(':');
            let source = rules().source(id).unwrap_or_else(|| panic!("{id} is in the table"));
            assert_eq!(c["url"].as_str().map(str::to_string), source.url_in(Lang::Ru), "{id}");
            assert!(c.get("text").is_none(), "no text without a language");
        }
        for lang in LANGS {
            let with: Value = serde_json::from_str(&check_json(&req.to_string(), rules(), Some(lang), None).unwrap()).unwrap();
            for c in with["citations"].as_array().unwrap() {
                let text = c["text"].as_str().unwrap();
                assert_eq!(text, phc::citation::title(Messages::get(lang), c["id"].as_str().unwrap()));
                assert!(!text.contains('⟦'), "{lang:?}: {text}");
            }
            checked += 1;
        }
    }
    assert!(checked > 500, "only {checked} decisions");
    assert!(seen_places, "some decision cites a paragraph or an article");
}

#[test]
fn the_contract_example_cites_the_rules_in_force() {
    let req = json!({
        "service": "attachment", "at": "2026-03-10T15:30:00+05:00", "channel": "portal",
        "person": { "residency": "citizen", "birth_date": "1958-04-02", "categories": ["pensioner"], "eds": true, "consents_to_data_access": true },
        "reason": "free_choice", "current_attachment": { "attached": true, "at_target_clinic": false, "free_changes_this_year": 0 },
        "target_unit": "same"
    });
    let d: Value = serde_json::from_str(&check_json(&req.to_string(), rules(), Some(Lang::Ru), None).unwrap()).unwrap();
    let cite = |id: &str| d["citations"].as_array().unwrap().iter().find(|c| c["id"] == id).cloned().unwrap_or_else(|| panic!("{id} cited: {}", d["citations"]));
    assert_eq!(cite("order-194-2020:p25")["text"], "Приказ МЗ РК № ҚР ДСМ-194/2020, п. 25");
    assert_eq!(cite("order-194-2020:p25")["url"], "https://adilet.zan.kz/rus/docs/V2000021642");
    assert_eq!(cite("gov-kz-3176")["url"], "https://www.gov.kz/services/3176?lang=ru");
    assert_eq!(cite("egov-494pass")["text"], "eGov: паспорт услуги «Прикрепление к медицинской организации, оказывающей ПМСП»");
}
