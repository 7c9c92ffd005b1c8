//! A serde `Serializer` that writes a value as a constant Rust expression: `build.rs` turns the
//! checked rule files into `static` items, so the program (and above all the wasm a citizen
//! downloads) carries the rules as plain data, with no parser and no code to build them.
//!
//! Only the shapes of `phc_rules::rules::model` are needed: structs, sequences and strings (written as
//! borrowed `Cow`s, the model's `List` and `Text`), options, booleans and integers. Anything else is
//! an error at build time, never a silent omission.

use serde::ser::{self, Impossible, Serialize};
use std::fmt;

#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// `value` as a Rust expression whose struct names are prefixed by `path` (for example `model::`).
pub fn to_rust<T: Serialize>(value: &T, path: &'static str) -> Result<String, Error> {
    value.serialize(Writer { path })
}

#[derive(Clone, Copy)]
struct Writer {
    path: &'static str,
}

fn unsupported<T>(what: &str) -> Result<T, Error> {
    Err(Error(format!("rule data: {what} cannot be written as a Rust literal")))
}

pub struct Seq {
    w: Writer,
    items: Vec<String>,
}

pub struct Struct {
    w: Writer,
    name: &'static str,
    fields: Vec<String>,
}

impl ser::Serializer for Writer {
    type Ok = String;
    type Error = Error;
    type SerializeSeq = Seq;
    type SerializeTuple = Impossible<String, Error>;
    type SerializeTupleStruct = Impossible<String, Error>;
    type SerializeTupleVariant = Impossible<String, Error>;
    type SerializeMap = Impossible<String, Error>;
    type SerializeStruct = Struct;
    type SerializeStructVariant = Impossible<String, Error>;

    fn serialize_bool(self, v: bool) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i8(self, v: i8) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i16(self, v: i16) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i32(self, v: i32) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i64(self, v: i64) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u8(self, v: u8) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u16(self, v: u16) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u32(self, v: u32) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u64(self, v: u64) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_f32(self, _: f32) -> Result<String, Error> {
        unsupported("a floating-point number")
    }
    fn serialize_f64(self, _: f64) -> Result<String, Error> {
        unsupported("a floating-point number")
    }
    fn serialize_char(self, v: char) -> Result<String, Error> {
        Ok(format!("{v:?}"))
    }
    /// `{:?}` of a `str` is a valid Rust string literal (quotes and control characters escaped).
    fn serialize_str(self, v: &str) -> Result<String, Error> {
        Ok(format!("::std::borrow::Cow::Borrowed({v:?})"))
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<String, Error> {
        unsupported("a byte string")
    }
    fn serialize_none(self) -> Result<String, Error> {
        Ok("None".into())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<String, Error> {
        Ok(format!("Some({})", value.serialize(self)?))
    }
    fn serialize_unit(self) -> Result<String, Error> {
        Ok("()".into())
    }
    fn serialize_unit_struct(self, name: &'static str) -> Result<String, Error> {
        Ok(format!("{}{name}", self.path))
    }
    fn serialize_unit_variant(self, name: &'static str, _: u32, variant: &'static str) -> Result<String, Error> {
        Ok(format!("{}{name}::{variant}", self.path))
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, name: &'static str, value: &T) -> Result<String, Error> {
        Ok(format!("{}{name}({})", self.path, value.serialize(self)?))
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(self, _: &'static str, _: u32, _: &'static str, _: &T) -> Result<String, Error> {
        unsupported("an enum with data")
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq, Error> {
        Ok(Seq { w: self, items: Vec::with_capacity(len.unwrap_or(0)) })
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        unsupported("a tuple")
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, Error> {
        unsupported("a tuple struct")
    }
    fn serialize_tuple_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self::SerializeTupleVariant, Error> {
        unsupported("an enum with data")
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        unsupported("a map")
    }
    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Struct, Error> {
        Ok(Struct { w: self, name, fields: Vec::with_capacity(len) })
    }
    fn serialize_struct_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self::SerializeStructVariant, Error> {
        unsupported("an enum with data")
    }
}

impl ser::SerializeSeq for Seq {
    type Ok = String;
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.items.push(value.serialize(self.w)?);
        Ok(())
    }
    fn end(self) -> Result<String, Error> {
        Ok(format!("::std::borrow::Cow::Borrowed(&[{}])", self.items.join(", ")))
    }
}

impl ser::SerializeStruct for Struct {
    type Ok = String;
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.fields.push(format!("{key}: {}", value.serialize(self.w)?));
        Ok(())
    }
    /// A field that serde skips cannot be left out of a struct literal: refuse it.
    fn skip_field(&mut self, key: &'static str) -> Result<(), Error> {
        Err(Error(format!("rule data: field {}.{key} is skipped and cannot be written as a Rust literal", self.name)))
    }
    fn end(self) -> Result<String, Error> {
        Ok(format!("{}{} {{ {} }}", self.w.path, self.name, self.fields.join(", ")))
    }
}
