//! The rule data, typed and checked: editions of the attachment rules, the calendar, and the facts
//! of the other services.
//!
//! `model` is the shape of the files as a lawyer writes them; `types` converts and checks it
//! (`Rules::from_data`: a typo in a rule file fails the build); `sources` is the citation table.
//! The engine's `build.rs` runs this on `rules/*.toml` and writes both shapes into the engine as
//! `static` values (`phc::Rules::built_in()`), so nothing is parsed or computed at start-up and the
//! wasm carries no loader (issue 6). Tests run it at run time on changed files (a draft edition).

pub mod model;
mod sources;
mod types;

pub use sources::{split as split_citation, Source, SourceKind, PLACES};
pub use types::*;
