//! The typed rules (`phc_rules::rules`, after loading and checking) written as one constant Rust
//! expression, for `static RULES`. Every struct is written field by field, so a field added to a type
//! and forgotten here fails the build of the library (a struct literal missing a field), never
//! silently.

use phc_rules::calendar::{Calendar, YearTable};
use phc_rules::codes::{Category, DocumentCode, Reason, Residency};
use phc_rules::rules::model::{List, Text};
use phc_rules::rules::{
    Campaign, ComplaintRules, Edition, Ground, HomeVisit, Processing, RelocationScope, ResidencyEntry, ResidencyRule, Rules, Source, SourceKind,
    WrittenApplication,
};
use phc_rules::time::ZoneRule;
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

/// A value as a constant Rust expression, with paths from the rules crate's root (`::phc_rules`), for
/// the engine that includes it.
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
        format!("::phc_rules::dates::const_date({}, {}, {})", self.year(), self.month(), self.day())
    }
}

impl Lit for NaiveTime {
    fn lit(&self) -> String {
        format!("::phc_rules::dates::const_time({}, {}, {})", self.hour(), self.minute(), self.second())
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
    Residency at "::phc_rules::codes::Residency",
    DocumentCode at "::phc_rules::codes::DocumentCode",
    Reason at "::phc_rules::codes::Reason",
    Category at "::phc_rules::codes::Category",
    Processing at "::phc_rules::rules::Processing",
    ResidencyRule at "::phc_rules::rules::ResidencyRule",
    RelocationScope at "::phc_rules::rules::RelocationScope",
    SourceKind at "::phc_rules::rules::SourceKind",
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
    Rules at "::phc_rules::rules::Rules" {
        editions, calendar, zones, cutoff, acceptance_sources, home_visit, complaint, refusal_grounds, refusal_sources, calendar_sources,
        services_checked_on, sources,
    }
    Source at "::phc_rules::rules::Source" { id, kind, url, adopted, in_force, repealed, approximate, amended_by, updated }
    Edition at "::phc_rules::rules::Edition" {
        id, title, in_force_from, approximate, sources, checked_on, campaign, free_changes_per_year, free_changes_interpretation,
        free_changes_single_source, free_changes_sources, free_changes_disagreeing_sources, portal_processing, in_person_processing, processing_sources,
        sign_in_eds, sign_in_one_time_password, one_time_password_interpretation, sign_in_sources, border_exception,
        under_five_actual_residence, territory_sources, grounds, residency, family_consent_document, family_sources,
        written_application,
    }
    Campaign at "::phc_rules::rules::Campaign" { opens, closes, care_starts_next_year, sources, held_through, projection_sources }
    Ground at "::phc_rules::rules::Ground" { reason, relocation_scope, interpretation, sources }
    ResidencyEntry at "::phc_rules::rules::ResidencyEntry" { codes, rule, from, written_application, documents, interpretation, sources }
    WrittenApplication at "::phc_rules::rules::WrittenApplication" { category, document, sources }
    HomeVisit at "::phc_rules::rules::HomeVisit" {
        act, in_force_from, requires_attachment_to_clinic, in_person_minutes, portal_minutes, portal_needs_eds, sources,
    }
    ComplaintRules at "::phc_rules::rules::ComplaintRules" {
        deadline_months, deadline_sources, review_working_days, review_single_source, review_sources,
        procedure_working_days, procedure_sources, code_in_force_from,
    }
    ZoneRule at "::phc_rules::time::ZoneRule" { from_utc, offset_minutes }
}

/// The calendar's fields are its own: written through its constructor for the built-in data.
impl Lit for Calendar {
    fn lit(&self) -> String {
        let (first_year, last_year, years, checked_on) = self.parts();
        let years: Vec<String> = years.iter().map(Lit::lit).collect();
        format!("::phc_rules::calendar::Calendar::from_parts({first_year}, {last_year}, &[{}], {})", years.join(", "), checked_on.lit())
    }
}

impl Lit for YearTable {
    fn lit(&self) -> String {
        let (off, official) = self.parts();
        format!("::phc_rules::calendar::YearTable::from_parts({}, {official})", off.lit())
    }
}
