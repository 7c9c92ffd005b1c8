//! The shape of the rule files under `rules/`, exactly as a lawyer writes them.
//!
//! The engine's `build.rs` reads the TOML files into these types (so a typo fails the build with the
//! file, line and column) and writes them into the engine as `static` values, which tests change (a
//! draft edition). Dates and codes stay strings here; `Rules::from_data` (`types`) turns them into
//! dates and codes and checks them.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Text of a rule file: borrowed from the program for the built-in rules (`build.rs` writes them as
/// `static` values, so the wasm holds them as plain data with no code to build them), owned when read
/// from a file at run time (a draft edition in the tests).
pub type Text = Cow<'static, str>;
/// A list of a rule file, borrowed or owned like `Text`.
pub type List<T> = Cow<'static, [T]>;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditionsFile {
    pub edition: List<EditionData>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditionData {
    pub id: Text,
    pub title: Text,
    pub in_force_from: Text,
    #[serde(default)]
    pub approximate: bool,
    pub sources: List<Text>,
    /// The day someone last compared this edition with its sources (YYYY-MM-DD).
    pub checked_on: Text,
    /// Absent: this edition has no attachment campaign.
    #[serde(default)]
    pub campaign: Option<CampaignData>,
    pub free_changes: FreeChangesData,
    pub processing: ProcessingData,
    pub portal_sign_in: PortalSignInData,
    pub territory: TerritoryData,
    pub ground: List<GroundData>,
    pub residency: List<ResidencyData>,
    pub family: FamilyData,
    #[serde(default)]
    pub written_application: List<WrittenApplicationData>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CampaignData {
    pub opens: Text,
    pub closes: Text,
    pub care_starts_next_year: Text,
    pub sources: List<Text>,
    /// The last year whose campaign has taken place under this rule; later campaigns are projected
    /// from it (absent: every campaign this edition governs has taken place).
    #[serde(default)]
    pub held_through: Option<i32>,
    /// What may change a projected campaign (a draft act), cited with every projected date.
    #[serde(default)]
    pub projection_sources: List<Text>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FreeChangesData {
    pub per_year: u32,
    #[serde(default)]
    pub interpretation: bool,
    #[serde(default)]
    pub single_source: bool,
    pub sources: List<Text>,
    /// Official sources that state another limit: the decision names them (`sources_disagree`).
    #[serde(default)]
    pub disagreeing_sources: List<Text>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcessingData {
    /// `same_day`, `next_working_day` or `not_stated`.
    pub portal: Text,
    pub in_person: Text,
    pub sources: List<Text>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PortalSignInData {
    pub eds: bool,
    pub one_time_password: bool,
    #[serde(default)]
    pub one_time_password_interpretation: bool,
    pub sources: List<Text>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TerritoryData {
    pub border_exception: bool,
    #[serde(default)]
    pub under_five_actual_residence: bool,
    pub sources: List<Text>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroundData {
    pub reason: Text,
    /// For `relocation`: `any` or `beyond_unit`.
    #[serde(default)]
    pub relocation_scope: Option<Text>,
    #[serde(default)]
    pub interpretation: bool,
    pub sources: List<Text>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResidencyData {
    pub codes: List<Text>,
    /// `eligible`, `insured` (only with a voluntary or imputed medical insurance contract, for its
    /// duration) or `not_eligible`.
    pub rule: Text,
    /// The entry applies from this date inside the edition; a later matching entry wins.
    #[serde(default)]
    pub from: Option<Text>,
    #[serde(default)]
    pub written_application: bool,
    #[serde(default)]
    pub documents: List<Text>,
    #[serde(default)]
    pub interpretation: bool,
    pub sources: List<Text>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FamilyData {
    pub consent_document: bool,
    pub sources: List<Text>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WrittenApplicationData {
    pub category: Text,
    pub document: Text,
    pub sources: List<Text>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarFile {
    pub first_year: i32,
    pub last_year: i32,
    /// The day someone last compared this file with its sources (YYYY-MM-DD).
    pub checked_on: Text,
    pub sources: List<Text>,
    pub holiday: List<HolidayData>,
    pub kurban_ait: List<KurbanAitData>,
    pub official_year: List<OfficialYearData>,
    /// Days on which the open `holidays` dataset (PyPI, vacanza) and this calendar disagree, each with
    /// the reason: `tests/calendar_audit.py` fails on any disagreement not listed here.
    #[serde(default)]
    pub audit_explained: List<AuditExplainedData>,
}

/// A holiday of the Law "On holidays", dated like an edition: it applies to a day of a year when that
/// day lies within `valid_from ..= valid_until` (either end absent: open).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayData {
    pub name: Text,
    /// Month and day, `MM-DD`.
    pub days: List<Text>,
    pub moves: bool,
    /// The first day the holiday is law (YYYY-MM-DD); absent: before the calendar's horizon.
    #[serde(default)]
    pub valid_from: Option<Text>,
    /// The last day the holiday is law (YYYY-MM-DD); absent: still in force.
    #[serde(default)]
    pub valid_until: Option<Text>,
    pub sources: List<Text>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KurbanAitData {
    pub date: Text,
    pub official: bool,
    /// Required when `official`: where the date is confirmed.
    #[serde(default)]
    pub sources: List<Text>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficialYearData {
    pub year: i32,
    pub sources: List<Text>,
    pub weekday_days_off: List<Text>,
    pub working_weekend_days: List<Text>,
    pub transfers: List<TransferData>,
    /// Days the published table got wrong, or a later act changed: the table above is already
    /// corrected; these say what the publication said and why it no longer holds.
    #[serde(default)]
    pub corrections: List<CorrectionData>,
}

/// A day off moved by an act: `worked` becomes a working day (usually a Saturday or Sunday; once a
/// moved day off, Monday 11 May 2020), `off` a day off.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransferData {
    pub worked: Text,
    pub off: Text,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CorrectionData {
    pub date: Text,
    /// `day_off` or `working`: what the published table said.
    pub was: Text,
    /// `day_off` or `working`: what holds (and what the table above says).
    pub now: Text,
    pub sources: List<Text>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditExplainedData {
    pub date: Text,
    /// `day_off` or `working`: what the dataset gives for the day.
    pub dataset: Text,
    /// `day_off` or `working`: what this calendar gives (checked when the rules load).
    pub ours: Text,
    pub why: Text,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServicesFile {
    /// The day someone last compared this file with its sources (YYYY-MM-DD).
    pub checked_on: Text,
    pub acceptance: AcceptanceData,
    pub time_zone: List<TimeZoneData>,
    pub home_visit: HomeVisitData,
    pub complaint: ComplaintData,
    pub refusal_grounds: RefusalGroundsData,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcceptanceData {
    pub cutoff: Text,
    pub sources: List<Text>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeZoneData {
    #[serde(default)]
    pub from_utc: Option<Text>,
    pub utc_offset_minutes: i32,
    pub sources: List<Text>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HomeVisitData {
    pub act: Text,
    pub in_force_from: Text,
    pub requires_attachment_to_clinic: bool,
    pub in_person_minutes: u32,
    pub portal_minutes: u32,
    pub portal_needs_eds: bool,
    pub sources: List<Text>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComplaintData {
    pub deadline_months: u32,
    pub deadline_sources: List<Text>,
    pub review_working_days: u32,
    #[serde(default)]
    pub review_single_source: bool,
    pub review_sources: List<Text>,
    pub procedure_working_days: u32,
    pub procedure_sources: List<Text>,
    pub code_in_force_from: Text,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefusalGroundsData {
    pub codes: List<Text>,
    pub sources: List<Text>,
}

/// `rules/sources.toml`: every source the other rule files cite, by id (issue 15).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcesFile {
    pub source: List<SourceData>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceData {
    pub id: Text,
    /// `act`, `page` (an official gov.kz or e-Gov page), `press`, `draft`, `dataset` or `calendar`.
    pub kind: Text,
    /// The full reference, for a lawyer (English). The citizen reads the short title of
    /// `messages/{kk,ru,en}.toml`, `source.<id>`.
    pub reference: Text,
    /// Where to read it; `{lang}` is kk, ru or en, `{lang3}` kaz, rus or eng (adilet.zan.kz).
    #[serde(default)]
    pub url: Option<Text>,
    /// The copy of the page in `../shared/seeds/` that this project read.
    #[serde(default)]
    pub seed: Option<Text>,
    /// YYYY-MM-DD, each where known.
    #[serde(default)]
    pub adopted: Option<Text>,
    #[serde(default)]
    pub in_force: Option<Text>,
    #[serde(default)]
    pub repealed: Option<Text>,
    /// The in-force dates (`in_force`, `repealed`) are not confirmed.
    #[serde(default)]
    pub approximate: bool,
    /// Ids of the acts that amended it.
    #[serde(default)]
    pub amended_by: List<Text>,
    /// A page's "last update", as the page says.
    #[serde(default)]
    pub updated: Option<Text>,
}

/// Message tables, one per language: flat keys to text; plural forms as `key.one`, `key.few`,
/// `key.many`, `key.other`.
pub type MessageTable = std::collections::BTreeMap<String, String>;
