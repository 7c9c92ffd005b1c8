//! The rules built into this program: `rules/*.toml`, read straight into the rules crate's typed
//! model (`phc_rules::rules`, re-exported here), loaded and checked at build time by `build.rs`, and
//! written as one `static` value that the engine uses as it is.
//!
//! The engine takes a `&Rules` as an argument: tests can load other data (a draft edition, read with
//! `Files::read` and loaded with `Rules::load`) and nothing in the engine reads a global.

pub use phc_rules::rules::*;

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

/// What `build.rs` wrote: `RULES`.
mod embedded {
    use super::Rules;
    include!(concat!(env!("OUT_DIR"), "/rules.rs"));
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

    /// Rules loaded from files read at run time (`phc_rules::Rules::load`): a draft edition in the
    /// tests, which read the files with `Files::read`.
    pub fn load(files: Files) -> Result<Rules, String> {
        phc_rules::Rules::load(files).map(Rules)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The typed rules written at build time are what loading the files gives at run time.
    #[test]
    fn built_in_rules_are_the_loaded_files() {
        let files = Files::read(concat!(env!("CARGO_MANIFEST_DIR"), "/rules")).unwrap();
        let loaded = Rules::load(files).unwrap();
        assert_eq!(format!("{:?}", Rules::built_in()), format!("{loaded:?}"));
    }
}
