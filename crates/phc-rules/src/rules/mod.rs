//! The rule data, typed and checked: editions of the attachment rules with their dated provisions,
//! the calendar, and the facts of the other services.
//!
//! `model` is the typed shape of the files, which serde reads them into (a lawyer's `Provision`s,
//! each with its sources, flags and date); `types` is what the engine asks of them (`Rules`, the
//! provisions `InForce` on a day) and their loading and checks (`Rules::load`: a typo or an
//! unknown citation fails the build); `sources` is the citation table. The engine's `build.rs` runs
//! this on `rules/*.toml` and writes the result into the engine as `static` data
//! (`phc::Rules::built_in()`), so nothing is parsed or computed at start-up and the wasm carries no
//! loader (issue 6). Tests read changed files natively (`Files::read`, feature `files`) and load them.

pub mod model;
mod sources;
mod types;

pub use model::*;
pub use sources::{split as split_citation, Source, PLACES};
pub use types::*;
