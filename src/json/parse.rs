//! A strict JSON parser (RFC 8259) with errors that say what was wrong and where.

use super::{Map, Number, Value};
use core::fmt;

/// The deepest nesting of arrays and objects accepted (serde_json's limit): a request is three
/// levels deep, and no input can exhaust the stack.
pub const MAX_DEPTH: usize = 128;

/// Why a text is not JSON, and where (1-based line and column, in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub message: String,
    pub line: usize,
    pub column: usize,
    eof: bool,
}

impl Error {
    /// The text ended before the value did (a truncated request, not a malformed one).
    pub fn is_eof(&self) -> bool {
        self.eof
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at line {} column {}", self.message, self.line, self.column)
    }
}

impl std::error::Error for Error {}

/// Reads one JSON value; only whitespace may follow it.
pub fn parse(text: &str) -> Result<Value, Error> {
    let mut p = Parser { s: text.as_bytes(), text, i: 0, depth: 0 };
    let value = p.value()?;
    p.skip_whitespace();
    if p.i < p.s.len() {
        return Err(p.error("trailing characters"));
    }
    Ok(value)
}

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
    i: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.i += 1;
        }
    }

    /// An error at the current position; at the end of the text it says what was being read.
    fn error(&self, message: impl Into<String>) -> Error {
        let before = &self.text[..floor_char_boundary(self.text, self.i)];
        let line_start = before.rfind('\n').map_or(0, |n| n + 1);
        Error {
            message: message.into(),
            line: 1 + before.matches('\n').count(),
            column: 1 + before[line_start..].chars().count(),
            eof: self.i >= self.s.len(),
        }
    }

    fn eof_or(&self, reading: &str, otherwise: &str) -> Error {
        if self.i >= self.s.len() {
            self.error(format!("EOF while parsing {reading}"))
        } else {
            self.error(otherwise)
        }
    }

    fn value(&mut self) -> Result<Value, Error> {
        self.skip_whitespace();
        match self.peek() {
            Some(b'n') => self.word("null", Value::Null),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'"') => {
                self.i += 1;
                self.string().map(Value::String)
            }
            Some(b'[') => self.nested(Self::array),
            Some(b'{') => self.nested(Self::object),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.eof_or("a value", "expected value")),
        }
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, Error> {
        for &b in word.as_bytes() {
            if self.peek() != Some(b) {
                return Err(self.eof_or("a value", "expected value"));
            }
            self.i += 1;
        }
        Ok(value)
    }

    fn nested(&mut self, read: fn(&mut Self) -> Result<Value, Error>) -> Result<Value, Error> {
        if self.depth == MAX_DEPTH {
            return Err(self.error("recursion limit exceeded"));
        }
        self.depth += 1;
        self.i += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as written.
    fn number(&mut self) -> Result<Value, Error> {
        let start = self.i;
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        match self.peek() {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.eof_or("a value", "invalid number")),
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            self.required_digits()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.i += 1;
            }
            self.required_digits()?;
        }
        Ok(Value::Number(Number(self.text[start..self.i].to_string())))
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.i += 1;
        }
    }

    fn required_digits(&mut self) -> Result<(), Error> {
        if !matches!(self.peek(), Some(b'0'..=b'9')) {
            return Err(self.eof_or("a value", "invalid number"));
        }
        self.digits();
        Ok(())
    }

    /// After the opening quote, up to and past the closing one.
    fn string(&mut self) -> Result<String, Error> {
        let mut out = String::new();
        loop {
            let run = self.s[self.i..].iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20);
            let Some(len) = run else {
                self.i = self.s.len();
                return Err(self.error("EOF while parsing a string"));
            };
            // The run ends at an ASCII byte, so it is whole UTF-8.
            out.push_str(&self.text[self.i..self.i + len]);
            self.i += len;
            match self.s[self.i] {
                b'"' => {
                    self.i += 1;
                    return Ok(out);
                }
                b'\\' => {
                    self.i += 1;
                    out.push(self.escape()?);
                }
                _ => return Err(self.error("control character (\\u0000-\\u001F) found while parsing a string")),
            }
        }
    }

    fn escape(&mut self) -> Result<char, Error> {
        let Some(b) = self.peek() else { return Err(self.error("EOF while parsing a string")) };
        self.i += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                let code = match first {
                    0xD800..=0xDBFF => {
                        if self.s[self.i..].starts_with(b"\\u") {
                            self.i += 2;
                            let second = self.hex4()?;
                            if !(0xDC00..=0xDFFF).contains(&second) {
                                return Err(self.error("lone leading surrogate in hex escape"));
                            }
                            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                        } else {
                            return Err(self.eof_or("a string", "lone leading surrogate in hex escape"));
                        }
                    }
                    0xDC00..=0xDFFF => return Err(self.error("lone trailing surrogate in hex escape")),
                    c => c,
                };
                char::from_u32(code).expect("surrogates handled above")
            }
            _ => {
                self.i -= 1;
                return Err(self.error("invalid escape"));
            }
        })
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let mut n = 0;
        for _ in 0..4 {
            let digit = self.peek().and_then(|b| (b as char).to_digit(16));
            let Some(d) = digit else { return Err(self.eof_or("a string", "invalid escape")) };
            n = n * 16 + d;
            self.i += 1;
        }
        Ok(n)
    }

    /// After `[`.
    fn array(&mut self) -> Result<Value, Error> {
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.i += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value()?);
            if self.after_item(b']', "a list", "expected `,` or `]`")? {
                return Ok(Value::Array(items));
            }
        }
    }

    /// After an item of an array or object: `true` past its closing bracket, `false` past a comma
    /// that another item follows.
    fn after_item(&mut self, close: u8, reading: &str, expected: &str) -> Result<bool, Error> {
        self.skip_whitespace();
        match self.peek() {
            Some(b',') => {
                self.i += 1;
                self.skip_whitespace();
                if self.peek() == Some(close) {
                    return Err(self.error("trailing comma"));
                }
                Ok(false)
            }
            Some(b) if b == close => {
                self.i += 1;
                Ok(true)
            }
            _ => Err(self.eof_or(reading, expected)),
        }
    }

    /// After `{`.
    fn object(&mut self) -> Result<Value, Error> {
        let mut fields: Vec<(String, Value)> = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(Value::Object(Map(fields)));
        }
        loop {
            match self.peek() {
                Some(b'"') => self.i += 1,
                _ => return Err(self.eof_or("an object", "key must be a string")),
            }
            let key_at = self.i;
            let key = self.string()?;
            if fields.iter().any(|(k, _)| *k == key) {
                self.i = key_at;
                return Err(self.error(format!("duplicate field `{}`", crate::dates::clip(&key))));
            }
            self.skip_whitespace();
            match self.peek() {
                Some(b':') => self.i += 1,
                _ => return Err(self.eof_or("an object", "expected `:`")),
            }
            let value = self.value()?;
            fields.push((key, value));
            if self.after_item(b'}', "an object", "expected `,` or `}`")? {
                return Ok(Value::Object(Map(fields)));
            }
        }
    }
}

/// The largest char boundary at or before `i` (errors can point inside a multi-byte character).
fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
