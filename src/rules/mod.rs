//! The rule data, typed and checked: editions of the attachment rules, the calendar, and the facts
//! of the other services.
//!
//! `build.rs` reads `rules/*.toml` into the file shape (`model`), converts and checks it with the
//! code of `types` (a typo in a rule file fails the build), and writes both shapes into the program
//! as `static` values: the typed rules, which the engine uses as they are (nothing is parsed or
//! computed at start-up, and the wasm carries no loader: issue 6), and the file shape, for tests
//! that change a file (a draft edition).
//!
//! The engine takes a `&Rules` as an argument: tests can load other data and nothing in the engine
//! reads a global.

pub mod model;
mod sources;
mod types;

pub use sources::{split as split_citation, Source, SourceKind, PLACES};
pub use types::*;

use model::{CalendarFile, EditionsFile, ServicesFile, SourcesFile};

/// What `build.rs` wrote: `EDITIONS`, `CALENDAR`, `SERVICES`, `SOURCES` (the files) and `RULES` (typed).
mod embedded {
    #[allow(unused_imports)]
    use super::{model, Campaign, ComplaintRules, Edition, Ground, HomeVisit, Processing, RelocationScope, ResidencyEntry, ResidencyRule, Rules, Source, SourceKind, WrittenApplication};
    include!(concat!(env!("OUT_DIR"), "/rules.rs"));
}

/// The built-in rule files in their file shape, for tests that change them (a draft edition, say).
pub fn embedded_data() -> (EditionsFile, CalendarFile, ServicesFile, SourcesFile) {
    // Cheap: every list and text of the built-in data is borrowed.
    (embedded::EDITIONS.clone(), embedded::CALENDAR.clone(), embedded::SERVICES.clone(), embedded::SOURCES.clone())
}

impl Rules {
    /// The rules built into this program, typed and checked at build time.
    pub fn built_in() -> &'static Rules {
        &embedded::RULES
    }

    /// The built-in rules as a value of their own (cheap: everything in them is borrowed).
    pub fn embedded() -> Result<Rules, String> {
        Ok(embedded::RULES.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The typed rules written at build time are what loading the files gives at run time.
    #[test]
    fn built_in_rules_are_the_loaded_files() {
        let (e, c, s, src) = embedded_data();
        let loaded = Rules::from_data(e, c, s, src).unwrap();
        assert_eq!(format!("{:?}", Rules::built_in()), format!("{loaded:?}"));
    }
}
