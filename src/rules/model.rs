//! The shape of the rule files under `rules/`, exactly as a lawyer writes them.
//!
//! This file is compiled twice: by `build.rs`, which reads the TOML files into these types (so a typo
//! fails the build with the file, line and column), and by the library, which reads the same data back
//! from the JSON that `build.rs` embeds. It must therefore depend on serde alone. Dates stay strings
//! here; `rules::load` turns them into dates and checks them.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditionsFile {
    pub edition: Vec<EditionData>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditionData {
    pub id: String,
    pub title: String,
    pub in_force_from: String,
    #[serde(default)]
    pub approximate: bool,
    pub sources: Vec<String>,
    /// Absent: this edition has no attachment campaign.
    #[serde(default)]
    pub campaign: Option<CampaignData>,
    pub free_changes: FreeChangesData,
    pub processing: ProcessingData,
    pub portal_sign_in: PortalSignInData,
    pub territory: TerritoryData,
    pub ground: Vec<GroundData>,
    pub residency: Vec<ResidencyData>,
    pub family: FamilyData,
    #[serde(default)]
    pub written_application: Vec<WrittenApplicationData>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CampaignData {
    pub opens: String,
    pub closes: String,
    pub care_starts_next_year: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FreeChangesData {
    pub per_year: u32,
    #[serde(default)]
    pub interpretation: bool,
    #[serde(default)]
    pub single_source: bool,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcessingData {
    /// `same_day`, `next_working_day` or `not_stated`.
    pub portal: String,
    pub in_person: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PortalSignInData {
    pub eds: bool,
    pub one_time_password: bool,
    #[serde(default)]
    pub one_time_password_interpretation: bool,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TerritoryData {
    pub border_exception: bool,
    #[serde(default)]
    pub under_five_actual_residence: bool,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroundData {
    pub reason: String,
    /// For `relocation`: `any` or `beyond_unit`.
    #[serde(default)]
    pub relocation_scope: Option<String>,
    #[serde(default)]
    pub interpretation: bool,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResidencyData {
    pub codes: Vec<String>,
    /// `eligible`, `insured` (only with a voluntary or imputed medical insurance contract, for its
    /// duration) or `not_eligible`.
    pub rule: String,
    /// The entry applies from this date inside the edition; a later matching entry wins.
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub written_application: bool,
    #[serde(default)]
    pub documents: Vec<String>,
    #[serde(default)]
    pub interpretation: bool,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FamilyData {
    pub consent_document: bool,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WrittenApplicationData {
    pub category: String,
    pub document: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarFile {
    pub first_year: i32,
    pub last_year: i32,
    pub sources: Vec<String>,
    pub holiday: Vec<HolidayData>,
    pub kurban_ait: Vec<KurbanAitData>,
    pub official_year: Vec<OfficialYearData>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayData {
    pub name: String,
    pub days: Vec<String>,
    pub moves: bool,
    #[serde(default)]
    pub from_year: Option<i32>,
    #[serde(default)]
    pub until_year: Option<i32>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KurbanAitData {
    pub date: String,
    pub official: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficialYearData {
    pub year: i32,
    pub sources: Vec<String>,
    pub weekday_days_off: Vec<String>,
    pub working_weekend_days: Vec<String>,
    pub transfers: Vec<TransferData>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransferData {
    pub worked: String,
    pub off: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServicesFile {
    pub acceptance: AcceptanceData,
    pub time_zone: Vec<TimeZoneData>,
    pub home_visit: HomeVisitData,
    pub complaint: ComplaintData,
    pub refusal_grounds: RefusalGroundsData,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcceptanceData {
    pub cutoff: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeZoneData {
    #[serde(default)]
    pub from_utc: Option<String>,
    pub utc_offset_minutes: i32,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HomeVisitData {
    pub act: String,
    pub requires_attachment_to_clinic: bool,
    pub in_person_minutes: u32,
    pub portal_minutes: u32,
    pub portal_needs_eds: bool,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComplaintData {
    pub deadline_months: u32,
    pub deadline_sources: Vec<String>,
    pub review_working_days: u32,
    #[serde(default)]
    pub review_single_source: bool,
    pub review_sources: Vec<String>,
    pub procedure_working_days: u32,
    pub procedure_sources: Vec<String>,
    pub code_in_force_from: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefusalGroundsData {
    pub codes: Vec<String>,
    pub sources: Vec<String>,
}

/// Message tables, one per language: flat keys to text; plural forms as `key.one`, `key.few`,
/// `key.many`, `key.other`.
pub type MessageTable = std::collections::BTreeMap<String, String>;
