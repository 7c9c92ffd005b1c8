//! The typed rules (`src/rules/types.rs`, after loading and checking) written as one constant Rust
//! expression, for `static RULES`. Every struct is written field by field, so a field added to a type
//! and forgotten here fails the build of the library (a struct literal missing a field), never
//! silently.

use crate::calendar::{Calendar, YearTable};
use crate::codes::{Category, DocumentCode, Reason, Residency};
use crate::rules::model::{List, Text};
use crate::rules::{
    Campaign, ComplaintRules, Edition, Ground, HomeVisit, Processing, RelocationScope, ResidencyEntry, ResidencyRule, Rules, Source, SourceKind,
    WrittenApplication,
};
use crate::time::ZoneRule;
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

/// A value as a constant Rust expression, with paths from the library's crate root.
pub trait Lit {
    fn lit(&self) -> String;
}

impl Lit for bool {
    fn lit(&self) -> String {
        self.to_string()
    }
}

impl Lit for u32 {
    fn lit(&self) -> String {
        self.to_string()
    }
}

impl Lit for i32 {
    fn lit(&self) -> String {
        self.to_string()
    }
}

impl Lit for u64 {
    fn lit(&self) -> String {
        format!("{self:#x}")
    }
}

/// Rust's `Debug` of a string is a valid string literal (quotes and escapes).
impl Lit for Text {
    fn lit(&self) -> String {
        format!("::std::borrow::Cow::Borrowed({:?})", &**self)
    }
}

impl<T: Lit + Clone> Lit for List<T> {
    fn lit(&self) -> String {
        let items: Vec<String> = self.iter().map(Lit::lit).collect();
        format!("::std::borrow::Cow::Borrowed(&[{}])", items.join(", "))
    }
}

impl<T: Lit, const N: usize> Lit for [T; N] {
    fn lit(&self) -> String {
        let items: Vec<String> = self.iter().map(Lit::lit).collect();
        format!("[{}]", items.join(", "))
    }
}

impl<T: Lit> Lit for Option<T> {
    fn lit(&self) -> String {
        match self {
            None => "None".into(),
            Some(v) => format!("Some({})", v.lit()),
        }
    }
}

impl Lit for NaiveDate {
    fn lit(&self) -> String {
        format!("crate::dates::const_date({}, {}, {})", self.year(), self.month(), self.day())
    }
}

impl Lit for NaiveTime {
    fn lit(&self) -> String {
        format!("crate::dates::const_time({}, {}, {})", self.hour(), self.minute(), self.second())
    }
}

impl Lit for NaiveDateTime {
    fn lit(&self) -> String {
        format!("{}.and_time({})", self.date().lit(), self.time().lit())
    }
}

/// Enums by their variant name (`Debug` of a fieldless enum).
macro_rules! lit_enum {
    ($($ty:ident at $path:literal),* $(,)?) => {$(
        impl Lit for $ty {
            fn lit(&self) -> String {
                format!(concat!($path, "::{:?}"), self)
            }
        }
    )*};
}

lit_enum!(
    Residency at "crate::codes::Residency",
    DocumentCode at "crate::codes::DocumentCode",
    Reason at "crate::codes::Reason",
    Category at "crate::codes::Category",
    Processing at "crate::rules::Processing",
    ResidencyRule at "crate::rules::ResidencyRule",
    RelocationScope at "crate::rules::RelocationScope",
    SourceKind at "crate::rules::SourceKind",
);

/// Structs field by field.
macro_rules! lit_struct {
    ($($ty:ident at $path:literal { $($field:ident),* $(,)? })*) => {$(
        impl Lit for $ty {
            fn lit(&self) -> String {
                let fields: Vec<String> = vec![$(format!("{}: {}", stringify!($field), self.$field.lit())),*];
                format!("{} {{ {} }}", $path, fields.join(", "))
            }
        }
    )*};
}

lit_struct! {
    Rules at "crate::rules::Rules" {
        editions, calendar, zones, cutoff, acceptance_sources, home_visit, complaint, refusal_grounds, refusal_sources, calendar_sources,
        services_checked_on, sources,
    }
    Source at "crate::rules::Source" { id, kind, url, adopted, in_force, repealed, approximate, amended_by, updated }
    Edition at "crate::rules::Edition" {
        id, title, in_force_from, approximate, sources, checked_on, campaign, free_changes_per_year, free_changes_interpretation,
        free_changes_single_source, free_changes_sources, free_changes_disagreeing_sources, portal_processing, in_person_processing, processing_sources,
        sign_in_eds, sign_in_one_time_password, one_time_password_interpretation, sign_in_sources, border_exception,
        under_five_actual_residence, territory_sources, grounds, residency, family_consent_document, family_sources,
        written_application,
    }
    Campaign at "crate::rules::Campaign" { opens, closes, care_starts_next_year, sources, held_through, projection_sources }
    Ground at "crate::rules::Ground" { reason, relocation_scope, interpretation, sources }
    ResidencyEntry at "crate::rules::ResidencyEntry" { codes, rule, from, written_application, documents, interpretation, sources }
    WrittenApplication at "crate::rules::WrittenApplication" { category, document, sources }
    HomeVisit at "crate::rules::HomeVisit" {
        act, in_force_from, requires_attachment_to_clinic, in_person_minutes, portal_minutes, portal_needs_eds, sources,
    }
    ComplaintRules at "crate::rules::ComplaintRules" {
        deadline_months, deadline_sources, review_working_days, review_single_source, review_sources,
        procedure_working_days, procedure_sources, code_in_force_from,
    }
    Calendar at "crate::calendar::Calendar" { first_year, last_year, years, checked_on }
    YearTable at "crate::calendar::YearTable" { off, official }
    ZoneRule at "crate::time::ZoneRule" { from_utc, offset_minutes }
}
