//! The typed rules (`phc_rules::rules`, read from the files and loaded) written as one constant Rust
//! expression, for `static RULES`: the same types the files deserialize into, so the program holds
//! the lawyer's provisions as they are written, each with its sources and flags. Every struct is written field by field, so a field added to a type
//! and forgotten here fails the build of the library (a struct literal missing a field), never
//! silently.

use phc_rules::calendar::{Calendar, YearTable};
use phc_rules::codes::{Category, DocumentCode, Reason, Residency};
use phc_rules::rules::{
    Campaign, Complaint, AwayFromHome, FundContract, Edition, Editions, Family, FreeChanges, Ground, HomeVisit, List, MonthDay, PortalSignIn, Processing, ProcessingTimes,
    Provision, RefusalGrounds, RelocationScope, ResidencyEntry, ResidencyRule, Rules, Source, SourceKind, Territory, Text,
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
        editions, calendar, calendar_sources, zones, cutoff, home_visit, complaint, refusal_grounds, away_from_home, fund_contract, services_checked_on, sources,
    }
    Source at "::phc_rules::rules::Source" { id, kind, url, adopted, in_force, repealed, approximate, amended_by, updated }
    Editions at "::phc_rules::rules::Editions" {
        edition, campaign, free_changes, processing, portal_sign_in, territory, family, ground, residency, written_application,
    }
    Edition at "::phc_rules::rules::Edition" { id, title, in_force_from, approximate, sources, checked_on }
    Campaign at "::phc_rules::rules::Campaign" { opens, closes, care_starts_next_year, held_through, projection_sources }
    MonthDay at "::phc_rules::rules::MonthDay" { month, day }
    FreeChanges at "::phc_rules::rules::FreeChanges" { per_year, disagreeing_sources }
    ProcessingTimes at "::phc_rules::rules::ProcessingTimes" { portal, in_person }
    PortalSignIn at "::phc_rules::rules::PortalSignIn" { eds, one_time_password, one_time_password_interpretation }
    Territory at "::phc_rules::rules::Territory" { border_exception, under_five_actual_residence }
    Family at "::phc_rules::rules::Family" { consent_document }
    Ground at "::phc_rules::rules::Ground" { reason, relocation_scope }
    ResidencyEntry at "::phc_rules::rules::ResidencyEntry" { codes, rule, written_application, documents }
    WrittenApplication at "::phc_rules::rules::WrittenApplication" { category, document }
    HomeVisit at "::phc_rules::rules::HomeVisit" { in_person_minutes, portal_minutes, portal_needs_eds }
    Complaint at "::phc_rules::rules::Complaint" {
        deadline_months, deadline_sources, review_working_days, review_single_source, review_sources, review_disagreeing_sources,
        procedure_working_days, procedure_sources, code_in_force_from,
    }
    RefusalGrounds at "::phc_rules::rules::RefusalGrounds" { codes }
    AwayFromHome at "::phc_rules::rules::AwayFromHome" { relocation_after_months }
    FundContract at "::phc_rules::rules::FundContract" { contact_centre }
    ZoneRule at "::phc_rules::time::ZoneRule" { from_utc, offset_minutes }
}

/// A provision: its value and what it rests on, field by field like the structs above.
impl<T: Lit> Lit for Provision<T> {
    fn lit(&self) -> String {
        let Provision { from, value, sources, interpretation, single_source, repealed } = self;
        format!(
            "::phc_rules::rules::Provision {{ from: {}, value: {}, sources: {}, interpretation: {}, single_source: {}, repealed: {} }}",
            from.lit(),
            value.lit(),
            sources.lit(),
            interpretation.lit(),
            single_source.lit(),
            repealed.lit()
        )
    }
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
