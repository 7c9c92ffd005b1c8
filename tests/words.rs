//! Issue 24, item 8: the words of the answers in Russian and Kazakh (and English where it says the
//! same): a complaint is registered, an inclusive deadline is "no later than", a complaint after 18:00
//! on a working day is not "filed on a day off", a refusal that closes every way names the clinic and
//! why, a projected date in the headline says so, the portal line follows the sign-in, the edition is
//! its act in words, and "eGov" is spelled one way.

use phc::{check_json, Lang, Rules};
use serde_json::{json, Value};
use std::sync::OnceLock;

fn rules() -> &'static Rules {
    static R: OnceLock<Rules> = OnceLock::new();
    R.get_or_init(|| Rules::embedded().unwrap())
}

fn decide(req: &Value, lang: Lang) -> Value {
    serde_json::from_str(&check_json(&req.to_string(), rules(), Some(lang), None).unwrap()).unwrap()
}

fn reason_text<'a>(d: &'a Value, code: &str) -> &'a str {
    d["reasons"].as_array().unwrap().iter().find(|r| r["code"] == code).and_then(|r| r["text"].as_str()).unwrap_or_else(|| panic!("no {code} in {d}"))
}

fn date_text<'a>(d: &'a Value, key: &str) -> &'a str {
    d["text"]["dates"].as_array().unwrap().iter().find(|t| t["key"] == key).and_then(|t| t["text"].as_str()).unwrap_or_else(|| panic!("no date {key}"))
}

#[test]
fn a_complaint_is_registered_and_its_deadlines_are_no_later_than() {
    let req = json!({"service": "complaint", "at": "2026-03-16T10:00:00+05:00", "refusal_received_on": "2026-03-11"});
    let ru = decide(&req, Lang::Ru);
    assert!(reason_text(&ru, "complaint_review").contains("зарегистрирована"), "{}", reason_text(&ru, "complaint_review"));
    assert!(date_text(&ru, "complaint_registered_on").starts_with("Жалоба будет зарегистрирована"));
    assert_eq!(reason_text(&ru, "complaint_deadline"), "Жалобу можно подать не позднее 11 июня 2026 года (3 месяца с момента, когда вы узнали об отказе).");
    assert_eq!(date_text(&ru, "complaint_deadline"), "Подать жалобу — не позднее 11 июня 2026 года");
    let kk = decide(&req, Lang::Kk);
    assert!(reason_text(&kk, "complaint_review").contains("тіркеледі"));
    assert_eq!(date_text(&kk, "complaint_deadline"), "Шағымды 2026 жылғы 11 маусымнан кешіктірмей беру");
    for d in [&ru, &kk] {
        let mut texts = Vec::new();
        collect(d, &mut texts);
        for t in texts {
            assert!(!t.contains("заявк"), "a complaint is not a request: {t}");
            assert!(!t.contains(" дейін") || t.contains("18:00"), "an inclusive last day is not bare «дейін»: {t}");
            assert!(!regex_like_bare_do(&t), "an inclusive last day is not bare «до»: {t}");
        }
    }
    // The contract's own example: «не позднее 30 ноября 2026 года» / «2026 жылғы 30 қарашадан кешіктірмей».
    let req = json!({"service": "complaint", "at": "2026-09-01T10:00:00+05:00", "refusal_received_on": "2026-08-30"});
    assert!(reason_text(&decide(&req, Lang::Ru), "complaint_deadline").contains("не позднее 30 ноября 2026 года"));
    assert!(reason_text(&decide(&req, Lang::Kk), "complaint_deadline").contains("2026 жылғы 30 қарашадан кешіктірмей"));
}

/// « до 11 июня»: «до» before a day number (not «до 18:00»).
fn regex_like_bare_do(t: &str) -> bool {
    t.match_indices("до ").any(|(i, _)| {
        let before_ok = i == 0 || t[..i].ends_with(' ') || t[..i].ends_with('(');
        let rest = &t[i + "до ".len()..];
        let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
        before_ok && !digits.is_empty() && !rest[digits.len()..].starts_with(':') && !rest[digits.len()..].starts_with(" лет")
    })
}

fn collect(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                match (k.as_str(), x) {
                    ("text", Value::String(s)) => out.push(s.clone()),
                    _ => collect(x, out),
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| collect(x, out)),
        _ => {}
    }
}

#[test]
fn a_complaint_after_hours_is_not_filed_on_a_day_off() {
    let req = json!({"service": "complaint", "at": "2026-03-16T19:30:00+05:00", "refusal_received_on": "2026-03-11"});
    for (lang, day_off) in [(Lang::Ru, "выходной"), (Lang::Kk, "Демалыс"), (Lang::En, "day off")] {
        let t = reason_text(&decide(&req, lang), "complaint_review").to_string();
        assert!(!t.contains(day_off) && t.contains("18:00"), "{t}");
    }
}

#[test]
fn a_refusal_of_every_way_names_the_clinic_and_why() {
    let req = json!({"service": "attachment", "at": "2026-03-10T10:00:00+05:00", "person": {"residency": "temporary_visitor"}, "reason": "free_choice"});
    let en = decide(&req, Lang::En);
    assert!(en["routes"].as_array().unwrap().is_empty());
    let v = en["text"]["verdict"].as_str().unwrap();
    assert!(v.starts_with("You cannot attach to this clinic. People staying in Kazakhstan temporarily"), "{v}");
    assert!(!v.contains("on this ground"));
    assert!(decide(&req, Lang::Ru)["text"]["verdict"].as_str().unwrap().starts_with("К этой поликлинике прикрепиться нельзя. "));
    assert!(decide(&req, Lang::Kk)["text"]["verdict"].as_str().unwrap().starts_with("Бұл емханаға бекітілу мүмкін емес. "));
}

#[test]
fn a_projected_date_in_the_headline_says_so() {
    let req = json!({"service": "attachment", "at": "2026-12-10T10:00:00+05:00", "person": {"residency": "citizen", "consents_to_data_access": true},
        "reason": "campaign", "current_attachment": {"attached": true, "at_target_clinic": false}, "target_unit": "same"});
    let ru = decide(&req, Lang::Ru);
    assert_eq!(ru["verdict"], "eligible_later");
    assert!(ru["text"]["verdict"].as_str().unwrap().contains("дата расчётная"), "{}", ru["text"]["verdict"]);
    assert!(decide(&req, Lang::En)["text"]["verdict"].as_str().unwrap().contains("projected"));
    assert!(decide(&req, Lang::Kk)["text"]["verdict"].as_str().unwrap().contains("есептік күн"));
    // The next free change on 1 January is no projection, though the next campaign beside it is.
    let req = json!({"service": "attachment", "at": "2026-12-10T10:00:00+05:00", "person": {"residency": "citizen", "consents_to_data_access": true},
        "reason": "free_choice", "current_attachment": {"attached": true, "at_target_clinic": false, "free_changes_this_year": 2}, "target_unit": "same"});
    let en = decide(&req, Lang::En);
    assert_eq!((en["verdict"].as_str(), en["eligible_from"].as_str()), (Some("eligible_later"), Some("2027-01-01")));
    assert!(!en["text"]["verdict"].as_str().unwrap().contains("projected"), "{}", en["text"]["verdict"]);
}

#[test]
fn the_portal_line_follows_the_answers() {
    let req = |person: Value| json!({"service": "attachment", "at": "2026-03-10T10:00:00+05:00", "person": person, "reason": "free_choice",
        "current_attachment": {"attached": true, "at_target_clinic": false, "free_changes_this_year": 0}, "target_unit": "same"});
    let portal = |d: &Value| d["channels"][0]["text"].as_str().unwrap().to_string();
    assert_eq!(portal(&decide(&req(json!({"residency": "citizen", "eds": true})), Lang::Ru)), "Онлайн на портале eGov, с подписанием ЭЦП.");
    let otp = portal(&decide(&req(json!({"residency": "citizen", "eds": false, "phone_on_portal": true})), Lang::Ru));
    assert!(otp.contains("одноразовым паролем") && otp.contains("зарегистрированный на портале"), "{otp}");
    let unknown = portal(&decide(&req(json!({"residency": "citizen"})), Lang::En));
    assert!(unknown.contains("digital signature or a one-time password"), "{unknown}");
}

#[test]
fn the_edition_is_its_act_in_words() {
    let req = json!({"service": "complaint", "at": "2026-03-16T10:00:00+05:00", "refusal_received_on": "2026-03-11"});
    let ru = decide(&req, Lang::Ru);
    assert_eq!(ru["edition"]["id"], "order-194-2020-amended-2025", "the contract's code is unchanged");
    assert!(ru["edition"]["text"].as_str().unwrap().contains("Приказ МЗ РК № ҚР ДСМ-194/2020 (с изменениями 2025 года)"), "{}", ru["edition"]["text"]);
    assert!(decide(&req, Lang::Kk)["edition"]["text"].as_str().unwrap().contains("№ ҚР ДСМ-194/2020 бұйрығы (2025 жылғы өзгерістерімен)"));
}

#[test]
fn egov_is_spelled_one_way_in_every_message() {
    for file in ["en", "ru", "kk", "ui/en", "ui/ru", "ui/kk"] {
        let text = std::fs::read_to_string(format!("{}/messages/{file}.toml", env!("CARGO_MANIFEST_DIR"))).unwrap();
        assert!(!text.contains("e-Gov"), "messages/{file}.toml spells e-Gov");
    }
}
