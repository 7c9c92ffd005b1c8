//! The JSON of the contract: a small value type, a strict parser and a writer, shared by the command
//! line and the web app so that both read and write the contract byte for byte alike.
//!
//! Why not serde_json: in the wasm it cost about 9 KB brotli of the 120 KB first-visit budget
//! (issue 6) — a float parser and its power-of-ten tables, a `BTreeMap` for objects, a float
//! formatter — none of which the contract needs. What stays the same: decisions still `derive`
//! serde's `Serialize`; only the serializer is ours ([`to_string`]). The tests check this module
//! against serde_json (a dev-dependency) on generated values.
//!
//! Decisions of this module, stated:
//! - numbers keep the text they were written with; [`Value::as_u64`] reads whole numbers only, so
//!   `1.0` and `1e0` are not the version `1` (as with serde_json);
//! - objects keep their fields in document order; a field named twice is an error, never "the last
//!   one wins" silently;
//! - nesting deeper than [`MAX_DEPTH`] is refused (serde_json's limit), so no input can exhaust the
//!   stack.

mod parse;
mod write;

pub use parse::{parse, Error, MAX_DEPTH};
pub use write::{to_string, to_string_pretty, Error as WriteError};

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// The number as written (already checked against JSON's number grammar).
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A JSON number, kept as its text: the contract has only whole numbers, so no float code ships.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number(String);

impl Number {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A JSON object: its fields in order, each name once.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    pub fn new() -> Self {
        Map(Vec::new())
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Sets a field: replaces its value where the name is already there, else appends it.
    pub fn insert(&mut self, key: impl Into<String>, value: Value) {
        let key = key.into();
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => *v = value,
            None => self.0.push((key, value)),
        }
    }

    /// The object under `key`, made (empty) if the field is missing or not an object.
    pub fn object_mut(&mut self, key: &str) -> &mut Map {
        if !matches!(self.get(key), Some(Value::Object(_))) {
            self.insert(key, Value::Object(Map::new()));
        }
        match self.0.iter_mut().find(|(k, _)| k == key) {
            Some((_, Value::Object(m))) => m,
            _ => unreachable!("set above"),
        }
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<K: Into<String>> FromIterator<(K, Value)> for Map {
    fn from_iter<I: IntoIterator<Item = (K, Value)>>(iter: I) -> Self {
        let mut m = Map::new();
        for (k, v) in iter {
            m.insert(k, v);
        }
        m
    }
}

impl Value {
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// A whole number written without sign, fraction or exponent, that fits a `u64`.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) if n.0.bytes().all(|b| b.is_ascii_digit()) => n.0.parse().ok(),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    /// Builds an object from its fields, in order (the app's events and the widget's `version()`).
    pub fn object<K: Into<String>>(fields: impl IntoIterator<Item = (K, Value)>) -> Value {
        Value::Object(fields.into_iter().collect())
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.into())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::String(s)
    }
}

macro_rules! from_integer {
    ($($t:ty),*) => {$(
        impl From<$t> for Value {
            fn from(n: $t) -> Self {
                Value::Number(Number(n.to_string()))
            }
        }
    )*};
}
from_integer!(u32, u64, usize, i32, i64);

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(o: Option<T>) -> Self {
        o.map_or(Value::Null, Into::into)
    }
}

impl<T: Into<Value>> From<Vec<T>> for Value {
    fn from(items: Vec<T>) -> Self {
        Value::Array(items.into_iter().map(Into::into).collect())
    }
}

/// Compact JSON, numbers as they were written.
impl core::fmt::Display for Value {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let mut out = String::new();
        write::value(&mut out, self, None);
        f.write_str(&out)
    }
}

#[cfg(test)]
mod tests;
