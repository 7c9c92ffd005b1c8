//! The citizen's answers, keyed by the request field each one fills (`person.residency`), and the
//! contract request they make. Kept as data so that going back never loses an answer and the whole
//! set can be encoded in a share link.

use serde_json::{Map, Value};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// One code of a fixed list.
    Code(String),
    Flag(bool),
    /// `YYYY-MM-DD`, already checked.
    Date(String),
    /// Several codes (may be empty: "none of these").
    Codes(Vec<String>),
    Count(u32),
    /// Asked, and the citizen chose "not sure": the field stays out of the request.
    Skipped,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    map: BTreeMap<&'static str, Answer>,
}

impl Answers {
    pub fn get(&self, id: &str) -> Option<&Answer> {
        self.map.get(id)
    }

    pub fn is_answered(&self, id: &str) -> bool {
        self.map.contains_key(id)
    }

    pub fn set(&mut self, id: &'static str, answer: Answer) {
        self.map.insert(id, answer);
    }

    pub fn service(&self) -> Option<&str> {
        match self.get("service") {
            Some(Answer::Code(s)) => Some(s),
            _ => None,
        }
    }

    /// The request of contract version 1 these answers make; `at` fixed, or left out (then "now").
    pub fn to_request(&self, at: Option<&str>) -> Value {
        let mut root = Map::new();
        if let Some(at) = at {
            root.insert("at".into(), Value::String(at.into()));
        }
        for (id, answer) in &self.map {
            let value = match answer {
                Answer::Code(c) => Value::String(c.clone()),
                Answer::Flag(b) => Value::Bool(*b),
                Answer::Date(d) => Value::String(d.clone()),
                Answer::Codes(cs) => Value::Array(cs.iter().cloned().map(Value::String).collect()),
                Answer::Count(n) => Value::from(*n),
                Answer::Skipped => continue,
            };
            insert_path(&mut root, id, value);
        }
        Value::Object(root)
    }
}

fn insert_path(root: &mut Map<String, Value>, path: &str, value: Value) {
    match path.split_once('.') {
        None => {
            root.insert(path.to_string(), value);
        }
        Some((head, rest)) => {
            let child = root.entry(head.to_string()).or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(m) = child {
                insert_path(m, rest, value);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_make_a_nested_request() {
        let mut a = Answers::default();
        a.set("service", Answer::Code("attachment".into()));
        a.set("person.residency", Answer::Code("citizen".into()));
        a.set("person.eds", Answer::Flag(true));
        a.set("current_attachment.free_changes_this_year", Answer::Count(1));
        a.set("channel", Answer::Skipped);
        a.set("person.categories", Answer::Codes(vec!["pensioner".into()]));
        let r = a.to_request(Some("2026-03-10T10:00:00+05:00"));
        assert_eq!(
            r,
            serde_json::json!({
                "at": "2026-03-10T10:00:00+05:00", "service": "attachment",
                "person": {"residency": "citizen", "eds": true, "categories": ["pensioner"]},
                "current_attachment": {"free_changes_this_year": 1}
            })
        );
    }
}
