//! # phc-rules — the law as data, and the vocabulary it is written in
//!
//! What both the engine (`phc`) and its build script need: the contract's codes, dates and
//! Kazakhstan time, the working-day calendar, and the typed rules with their loading and checks.
//! `build.rs` reads `rules/*.toml` straight into this crate's typed model and loads it (a typo fails
//! the build), then writes the result into the engine as `static` data, so the program ships these
//! types and none of the reading or loading.
//!
//! Web-free like the engine: serde and chrono only; the feature `files` (the `toml` crate, for
//! `build.rs` and the tests) reads the files, and the wasm build never enables it.

pub mod calendar;
pub mod codes;
pub mod dates;
pub mod error;
pub mod rules;
pub mod time;

pub use codes::Lang;
pub use error::InputError;
pub use rules::Rules;
