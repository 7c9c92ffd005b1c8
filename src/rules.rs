//! The rules built into this program: `rules/*.toml`, loaded and checked at build time by `build.rs`
//! with the rules crate (`phc_rules::rules`, re-exported here), and written as `static` values: the
//! typed rules, which the engine uses as they are, and the file shape, for tests that change a file
//! (a draft edition).
//!
//! The engine takes a `&Rules` as an argument: tests can load other data and nothing in the engine
//! reads a global.

pub use phc_rules::rules::*;

use model::{CalendarFile, EditionsFile, ServicesFile, SourcesFile};

/// The rules crate's typed rules (`phc_rules::Rules`, whose fields and methods it derefs to), with the
/// data built into this program. A type of its own only because the built-in data is written by this
/// crate's build script, which runs the rules crate: `built_in()` cannot be a method of a type the
/// rules crate defines.
#[derive(Debug, Clone)]
pub struct Rules(pub phc_rules::Rules);

impl core::ops::Deref for Rules {
    type Target = phc_rules::Rules;
    fn deref(&self) -> &phc_rules::Rules {
        &self.0
    }
}

/// What `build.rs` wrote: `EDITIONS`, `CALENDAR`, `SERVICES`, `SOURCES` (the files) and `RULES` (typed).
mod embedded {
    use super::{model, Rules};
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

    /// Rules loaded from files in their file shape (`phc_rules::Rules::from_data`): a draft edition in
    /// the tests.
    pub fn from_data(e: EditionsFile, c: CalendarFile, s: ServicesFile, src: SourcesFile) -> Result<Rules, String> {
        phc_rules::Rules::from_data(e, c, s, src).map(Rules)
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
