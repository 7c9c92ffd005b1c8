//! The citizen's answers, keyed by the request field each one fills (`Field::Residency`), and the
//! contract request they make. Kept as data so that going back never loses an answer and the whole
//! set can be encoded in a share link.

use phc::codes::Field;
use phc::json::{Map, Value};

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

/// Sorted by field, each once: a dozen answers at most, so a sorted list (no map code in the wasm).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    list: Vec<(Field, Answer)>,
}

impl Answers {
    pub fn get(&self, id: Field) -> Option<&Answer> {
        self.list.iter().find(|(k, _)| *k == id).map(|(_, a)| a)
    }

    pub fn is_answered(&self, id: Field) -> bool {
        self.get(id).is_some()
    }

    /// Whether the field has this code as its answer.
    pub fn is(&self, id: Field, code: &str) -> bool {
        matches!(self.get(id), Some(Answer::Code(c)) if c == code)
    }

    pub fn set(&mut self, id: Field, answer: Answer) {
        match self.list.iter().position(|(k, _)| *k >= id) {
            Some(i) if self.list[i].0 == id => self.list[i].1 = answer,
            Some(i) => self.list.insert(i, (id, answer)),
            None => self.list.push((id, answer)),
        }
    }

    pub fn service(&self) -> Option<&str> {
        match self.get(Field::Service) {
            Some(Answer::Code(s)) => Some(s),
            _ => None,
        }
    }

    /// The request of contract version 1 these answers make; `at` fixed, or left out (then "now").
    pub fn to_request(&self, at: Option<&str>) -> Value {
        let mut root = Map::new();
        if let Some(at) = at {
            root.insert("at", Value::String(at.into()));
        }
        for (id, answer) in &self.list {
            let value = match answer {
                Answer::Code(c) => Value::String(c.clone()),
                Answer::Flag(b) => Value::Bool(*b),
                Answer::Date(d) => Value::String(d.clone()),
                Answer::Codes(cs) => Value::Array(cs.iter().cloned().map(Value::String).collect()),
                Answer::Count(n) => Value::from(*n),
                Answer::Skipped => continue,
            };
            insert_path(&mut root, id.as_str(), value);
        }
        Value::Object(root)
    }
}

fn insert_path(root: &mut Map, path: &str, value: Value) {
    match path.split_once('.') {
        None => root.insert(path, value),
        Some((head, rest)) => insert_path(root.object_mut(head), rest, value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_make_a_nested_request() {
        let mut a = Answers::default();
        a.set(Field::Service, Answer::Code("attachment".into()));
        a.set(Field::Residency, Answer::Code("citizen".into()));
        a.set(Field::Eds, Answer::Flag(true));
        a.set(Field::FreeChangesThisYear, Answer::Count(1));
        a.set(Field::Channel, Answer::Skipped);
        a.set(Field::Categories, Answer::Codes(vec!["pensioner".into()]));
        let r = a.to_request(Some("2026-03-10T10:00:00+05:00"));
        assert_eq!(
            r.to_string(),
            r#"{"at":"2026-03-10T10:00:00+05:00","service":"attachment","person":{"residency":"citizen","categories":["pensioner"],"eds":true},"current_attachment":{"free_changes_this_year":1}}"#
        );
    }
}
