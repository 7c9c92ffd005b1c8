//! The one error a caller can get: invalid input, naming the field, the kind of fault and what was
//! expected.

use crate::codes::{ErrorKind, Field};
use core::fmt;

/// A request (or a value in it) that cannot be checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The field at fault; for an unknown member, the object that holds it; for an item of a list,
    /// the list; `request` for the whole document.
    pub field: Field,
    /// The dotted path where it says more than `field`: `person.categories[2]`, `person.colour`.
    pub place: Option<String>,
    pub kind: ErrorKind,
    /// What is wrong and what was expected, in English (the contract's message).
    pub message: String,
}

impl InputError {
    pub fn new(field: Field, kind: ErrorKind, message: impl Into<String>) -> Self {
        InputError { field, place: None, kind, message: message.into() }
    }

    /// The same error, at a more precise place inside `field`.
    pub fn at(mut self, place: String) -> Self {
        self.place = Some(place);
        self
    }

    /// The dotted path the contract names: the place where there is one, else the field.
    pub fn path(&self) -> &str {
        self.place.as_deref().unwrap_or(self.field.as_str())
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path(), self.message)
    }
}

impl std::error::Error for InputError {}
