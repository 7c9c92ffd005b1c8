//! The rule files under `rules/`, typed: what a lawyer writes, and what the engine reads.
//!
//! Each file deserializes straight into these types (serde): codes are the contract's enums, dates
//! and month-days are dates, clock times are times, so a typo fails where the file is read, with the
//! file, line and column (`build.rs` at build time, tests at run time). Every value of the attachment
//! rules is a [`Provision`]: the value, its sources, whether it is the project's reading
//! (`interpretation`) or rests on one page (`single_source`), and the day it applies from, as
//! OpenFisca dates each parameter's values. A provision is stated again only when it changes (its
//! value, or the act behind it), so an edition says what changed instead of repeating the previous
//! one. `Rules::load` (`types`) checks the whole and adds what the engine computes from it (the
//! calendar's years, the citation table the program carries); `build.rs` writes the result into the
//! program as `static` data, so the wasm carries neither a parser nor this loading.

use crate::codes::{Category, Code, DocumentCode, Reason, Residency};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

/// Text of a rule file: borrowed from the program for the built-in rules (`build.rs` writes them as
/// `static` values, so the wasm holds them as plain data with no code to build them), owned when read
/// from a file at run time (a draft edition in the tests).
pub type Text = Cow<'static, str>;
/// A list of a rule file, borrowed or owned like `Text`.
pub type List<T> = Cow<'static, [T]>;

// ---- Provisions ----

/// One value of the rules with what it rests on: its sources (ids of `rules/sources.toml`, with the
/// place, `order-194-2020:p25`), whether it is the project's reading of them (`interpretation`) or
/// rests on a single official page (`single_source`), and the day it applies from.
///
/// In a file the provision's keys sit beside the value's own (`[[free_changes]] from = "2025-05-23"
/// per_year = 2 sources = […]`); it derefs to the value.
#[derive(Debug, Clone, PartialEq)]
pub struct Provision<T> {
    /// The first day the value applies; it applies until the next value of the same provision.
    /// Absent: from the start of the rules.
    pub from: Option<NaiveDate>,
    pub value: T,
    pub sources: List<Text>,
    pub interpretation: bool,
    pub single_source: bool,
    /// From `from` on the provision no longer applies (a ground abolished).
    pub repealed: bool,
}

impl<T> std::ops::Deref for Provision<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

/// A provision's history: its values, each from its date until the next one's (sorted by date when
/// the rules load; among values of one date, the later in the file wins).
pub type Dated<T> = List<Provision<T>>;

/// The value in force on `date` among the provisions `which` selects (a ground, a residency code),
/// or `None` before the first or after one that repeals it.
pub fn in_force<T>(history: &[Provision<T>], date: NaiveDate, which: impl Fn(&T) -> bool) -> Option<&Provision<T>> {
    history.iter().filter(|p| p.from.map_or(true, |f| f <= date) && which(&p.value)).last().filter(|p| !p.repealed)
}

/// The keys of a provision, read beside its value's.
#[derive(Default)]
struct Meta {
    from: Option<NaiveDate>,
    sources: Option<List<Text>>,
    interpretation: bool,
    single_source: bool,
    repealed: bool,
}

/// A provision's table with the provision's own keys taken out, as the value's deserializer sees it:
/// the value keeps its `deny_unknown_fields`, so a misspelt key fails either way (serde's `flatten`
/// would lose that, and the line of the error).
struct Split<'m, A> {
    map: A,
    meta: &'m mut Meta,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Split<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        while let Some(key) = self.map.next_key::<String>()? {
            match key.as_str() {
                "from" => self.meta.from = Some(self.map.next_value::<Iso>()?.0),
                "sources" => self.meta.sources = Some(self.map.next_value()?),
                "interpretation" => self.meta.interpretation = self.map.next_value()?,
                "single_source" => self.meta.single_source = self.map.next_value()?,
                "repealed" => self.meta.repealed = self.map.next_value()?,
                _ => return seed.deserialize(IntoDeserializer::<A::Error>::into_deserializer(key)).map(Some),
            }
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Provision<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Provision<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a table: the value, its `sources`, and where they apply `from`, `interpretation`, `single_source`, `repealed`")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Provision<T>, A::Error> {
                let mut meta = Meta::default();
                let value = T::deserialize(de::value::MapAccessDeserializer::new(Split { map, meta: &mut meta }))?;
                let sources = meta.sources.ok_or_else(|| de::Error::missing_field("sources"))?;
                Ok(Provision { from: meta.from, value, sources, interpretation: meta.interpretation, single_source: meta.single_source, repealed: meta.repealed })
            }
        }
        d.deserialize_map(V(PhantomData))
    }
}

// ---- Values the files write as text ----

/// A month and a day of any year (`MM-DD`): a campaign's window, a holiday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct MonthDay {
    pub month: u32,
    pub day: u32,
}

impl MonthDay {
    /// The day in a year; `None` only for 29 February outside a leap year.
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, self.month, self.day)
    }
}

impl<'de> Deserialize<'de> for MonthDay {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        let b = s.as_bytes();
        let parts = (b.len() == 5 && b[2] == b'-').then(|| (crate::dates::digits(&s[..2]), crate::dates::digits(&s[3..])));
        match parts {
            // 2024, a leap year: 29 February is a month-day too.
            Some((Some(month), Some(day))) if NaiveDate::from_ymd_opt(2024, month, day).is_some() => Ok(MonthDay { month, day }),
            _ => Err(de::Error::custom(format!("bad month-day {}; expected MM-DD", crate::dates::clip(&s)))),
        }
    }
}

/// A date as the files write it (`YYYY-MM-DD`), read with the contract's reader, which explains an
/// impossible date.
struct Iso(NaiveDate);

impl<'de> Deserialize<'de> for Iso {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        crate::dates::parse_date(&s).map(Iso).map_err(de::Error::custom)
    }
}

/// A code of the contract's vocabularies (`codes`), by its wire name.
struct CodeOf<C>(C);

impl<'de, C: Code> Deserialize<'de> for CodeOf<C> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        match crate::codes::position(C::NAMES, &s) {
            Some(i) => Ok(CodeOf(C::ALL[i])),
            None => Err(de::Error::unknown_variant(&s, C::NAMES)),
        }
    }
}

/// `deserialize_with` helpers for the types above inside other types.
mod with {
    use super::{CodeOf, Iso, List};
    use crate::codes::Code;
    use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
    use serde::de::{Deserialize, Deserializer, Error};

    pub fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        Iso::deserialize(d).map(|i| i.0)
    }
    pub fn opt_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        Option::<Iso>::deserialize(d).map(|o| o.map(|i| i.0))
    }
    pub fn dates<'de, D: Deserializer<'de>>(d: D) -> Result<List<NaiveDate>, D::Error> {
        Vec::<Iso>::deserialize(d).map(|v| v.into_iter().map(|i| i.0).collect::<Vec<_>>().into())
    }
    pub fn code<'de, D: Deserializer<'de>, C: Code>(d: D) -> Result<C, D::Error> {
        CodeOf::<C>::deserialize(d).map(|c| c.0)
    }
    pub fn codes<'de, D: Deserializer<'de>, C: Code>(d: D) -> Result<List<C>, D::Error> {
        Vec::<CodeOf<C>>::deserialize(d).map(|v| v.into_iter().map(|c| c.0).collect::<Vec<_>>().into())
    }
    /// A clock time, `HH:MM` (chrono's format parser: the files are read at build time and in tests only).
    pub fn clock<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveTime, D::Error> {
        let s = String::deserialize(d)?;
        NaiveTime::parse_from_str(&s, "%H:%M").map_err(|e| D::Error::custom(format!("{e}; expected HH:MM, got {s}")))
    }
    /// A UTC instant, `YYYY-MM-DDTHH:MM:SSZ`.
    pub fn opt_utc<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDateTime>, D::Error> {
        let Some(s) = Option::<String>::deserialize(d)? else { return Ok(None) };
        NaiveDateTime::parse_from_str(&s, "%Y-%m-%dT%H:%M:%SZ")
            .map(Some)
            .map_err(|e| D::Error::custom(format!("{e}; expected YYYY-MM-DDTHH:MM:SSZ, got {s}")))
    }
}

// ---- rules/editions.toml: the attachment rules ----

/// `rules/editions.toml`: the editions of the attachment rules and the provisions they date. It
/// derefs to the editions, sorted by date (`Rules::load` sorts every list).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Editions {
    /// The acts, by the day each came into force: the decision names the one in force on the date
    /// of the check. What each changed is stated with the provisions below, under its date.
    #[serde(default)]
    pub edition: List<Edition>,
    /// The campaign's window, while the campaign is a ground (`ground` "campaign"): repealing that
    /// ground ends the campaign.
    #[serde(default)]
    pub campaign: Dated<Campaign>,
    #[serde(default)]
    pub free_changes: Dated<FreeChanges>,
    #[serde(default)]
    pub processing: Dated<ProcessingTimes>,
    #[serde(default)]
    pub portal_sign_in: Dated<PortalSignIn>,
    #[serde(default)]
    pub territory: Dated<Territory>,
    #[serde(default)]
    pub family: Dated<Family>,
    /// Grounds for a (change of) attachment, each with its own history.
    #[serde(default)]
    pub ground: Dated<Ground>,
    /// Who may attach, by residency code.
    #[serde(default)]
    pub residency: Dated<ResidencyEntry>,
    /// Who applies in writing to the head of the PHC organisation, and with which document.
    #[serde(default)]
    pub written_application: Dated<WrittenApplication>,
}

impl std::ops::Deref for Editions {
    type Target = [Edition];
    fn deref(&self) -> &[Edition] {
        &self.edition
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    pub id: Text,
    pub title: Text,
    #[serde(deserialize_with = "with::date")]
    pub in_force_from: NaiveDate,
    /// The in-force date is not confirmed.
    #[serde(default)]
    pub approximate: bool,
    pub sources: List<Text>,
    /// The day someone last compared this edition with its sources.
    #[serde(deserialize_with = "with::date")]
    pub checked_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Campaign {
    pub opens: MonthDay,
    pub closes: MonthDay,
    pub care_starts_next_year: MonthDay,
    /// The last year whose campaign took place under this rule; a later one is a projection
    /// (absent: every campaign it governs has taken place).
    #[serde(default)]
    pub held_through: Option<i32>,
    /// What may change a projected campaign (a draft act), cited with every projected date.
    #[serde(default)]
    pub projection_sources: List<Text>,
}

impl Campaign {
    pub fn window(&self, year: i32) -> (NaiveDate, NaiveDate) {
        (self.opens.in_year(year).expect("checked on load"), self.closes.in_year(year).expect("checked on load"))
    }
    pub fn care_starts(&self, campaign_year: i32) -> NaiveDate {
        self.care_starts_next_year.in_year(campaign_year + 1).expect("checked on load")
    }
    /// Whether the campaign of `year` is projected from the rules rather than one that took place.
    pub fn is_projected(&self, year: i32) -> bool {
        self.held_through.is_some_and(|h| year > h)
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FreeChanges {
    pub per_year: u32,
    /// Official sources that state another limit: the decision names them (`sources_disagree`).
    #[serde(default)]
    pub disagreeing_sources: List<Text>,
}

/// How long the clinic takes to answer an attachment request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Processing {
    /// Answered on the day the request is accepted.
    SameDay,
    /// Answered on the first working day after the day of submission.
    NextWorkingDay,
    /// The sources do not say.
    NotStated,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcessingTimes {
    pub portal: Processing,
    pub in_person: Processing,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PortalSignIn {
    pub eds: bool,
    pub one_time_password: bool,
    /// The one-time password is the project's reading (the rest of the provision is not).
    #[serde(default)]
    pub one_time_password_interpretation: bool,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Territory {
    pub border_exception: bool,
    #[serde(default)]
    pub under_five_actual_residence: bool,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Family {
    pub consent_document: bool,
}

/// Which moves make relocation a ground for attachment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelocationScope {
    /// Any change of residence.
    #[default]
    Any,
    /// Only a move beyond one administrative-territorial unit (Order No. 281, 2015).
    BeyondUnit,
    /// A move within the unit, or leaving it for more than one month (Order ҚР ДСМ-194/2020, ground 1).
    WithinUnitOrAwayOverAMonth,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ground {
    #[serde(deserialize_with = "with::code")]
    pub reason: Reason,
    /// For relocation: which moves count.
    #[serde(default)]
    pub relocation_scope: RelocationScope,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResidencyRule {
    Eligible,
    /// Only with a voluntary or imputed medical insurance contract, for its duration.
    Insured,
    NotEligible,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResidencyEntry {
    #[serde(deserialize_with = "with::codes")]
    pub codes: List<Residency>,
    pub rule: ResidencyRule,
    /// They apply in writing to the head of the PHC organisation.
    #[serde(default)]
    pub written_application: bool,
    #[serde(default, deserialize_with = "with::codes")]
    pub documents: List<DocumentCode>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WrittenApplication {
    #[serde(deserialize_with = "with::code")]
    pub category: Category,
    #[serde(deserialize_with = "with::code")]
    pub document: DocumentCode,
}

// ---- rules/services.toml: the facts that do not change with the edition ----

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Services {
    /// The day someone last compared this file with its sources.
    #[serde(deserialize_with = "with::date")]
    pub checked_on: NaiveDate,
    /// The cut-off; its sources are checked against the citation table, and stay in the file: no
    /// reason cites them.
    pub acceptance: Provision<Acceptance>,
    pub time_zone: List<TimeZone>,
    pub home_visit: Provision<HomeVisit>,
    pub complaint: Complaint,
    pub refusal_grounds: Provision<RefusalGrounds>,
    /// Away from home for a while (issue 24).
    pub away_from_home: Provision<AwayFromHome>,
    /// The Fund contract a clinic needs to give care (Order No. 109 of 2025, from 1 January 2027).
    pub fund_contract: Provision<FundContract>,
}

/// Away from home (a trip, a visit, shift work) and ill: the nearest medical organisation where one
/// is, or an ambulance (002, 004). Nothing needs to change; only more than a month away is a ground.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AwayFromHome {
    /// Months away beyond which the relocation ground counts (004, ground 1).
    pub relocation_after_months: u32,
}

/// From `from`, care under the guaranteed package and compulsory insurance is given only by PHC
/// organisations with a contract with the Social Health Insurance Fund: the citizen checks the
/// chosen clinic has one.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FundContract {
    /// The Fund's contact centre.
    pub contact_centre: u32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acceptance {
    #[serde(deserialize_with = "with::clock")]
    pub cutoff: NaiveTime,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeZone {
    #[serde(default, deserialize_with = "with::opt_utc")]
    pub from_utc: Option<NaiveDateTime>,
    pub utc_offset_minutes: i32,
    pub sources: List<Text>,
}

/// "Calling a doctor at home". Before its `from` (the act's date) the same rule is applied, as a
/// reading.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HomeVisit {
    pub in_person_minutes: u32,
    pub portal_minutes: u32,
    pub portal_needs_eds: bool,
}

/// Appeals under the Administrative Procedural Code: three periods, each with its own sources (one
/// table, as the Code's articles are read together).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Complaint {
    pub deadline_months: u32,
    pub deadline_sources: List<Text>,
    pub review_working_days: u32,
    /// "Only one official page says this": `review_sources` names one source.
    #[serde(default)]
    pub review_single_source: bool,
    pub review_sources: List<Text>,
    /// Sources read as giving another review period (the Law "On public services", art. 25: 5 and
    /// 15 working days), not confirmed in a stored copy: named as disagreeing.
    #[serde(default)]
    pub review_disagreeing_sources: List<Text>,
    pub procedure_working_days: u32,
    pub procedure_sources: List<Text>,
    /// Before this day the Code's periods are shown all the same, as a reading.
    #[serde(deserialize_with = "with::date")]
    pub code_in_force_from: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefusalGrounds {
    /// Each a risk to check before applying (`refusal_risks`), with its text in every language.
    pub codes: List<Text>,
}

// ---- rules/calendar.toml ----

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarFile {
    pub first_year: i32,
    pub last_year: i32,
    /// The day someone last compared this file with its sources.
    #[serde(deserialize_with = "with::date")]
    pub checked_on: NaiveDate,
    pub sources: List<Text>,
    pub holiday: List<HolidayData>,
    pub kurban_ait: List<KurbanAitData>,
    pub official_year: List<OfficialYearData>,
    /// Days on which the open `holidays` dataset (PyPI, vacanza) and this calendar disagree, each with
    /// the reason: `tests/calendar_audit.py` fails on any disagreement not listed here.
    #[serde(default)]
    pub audit_explained: List<AuditExplainedData>,
}

/// A holiday of the Law "On holidays", dated like a provision: it applies to a day of a year when
/// that day lies within `valid_from ..= valid_until` (either end absent: open).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayData {
    pub name: Text,
    pub days: List<MonthDay>,
    pub moves: bool,
    /// The first day the holiday is law; absent: before the calendar's horizon.
    #[serde(default, deserialize_with = "with::opt_date")]
    pub valid_from: Option<NaiveDate>,
    /// The last day the holiday is law; absent: still in force.
    #[serde(default, deserialize_with = "with::opt_date")]
    pub valid_until: Option<NaiveDate>,
    pub sources: List<Text>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KurbanAitData {
    #[serde(deserialize_with = "with::date")]
    pub date: NaiveDate,
    pub official: bool,
    /// Required when `official`: where the date is confirmed.
    #[serde(default)]
    pub sources: List<Text>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficialYearData {
    pub year: i32,
    pub sources: List<Text>,
    #[serde(deserialize_with = "with::dates")]
    pub weekday_days_off: List<NaiveDate>,
    #[serde(deserialize_with = "with::dates")]
    pub working_weekend_days: List<NaiveDate>,
    pub transfers: List<TransferData>,
    /// Days the published table got wrong, or a later act changed: the table above is already
    /// corrected; these say what the publication said and why it no longer holds.
    #[serde(default)]
    pub corrections: List<CorrectionData>,
}

/// A day off moved by an act: `worked` becomes a working day (usually a Saturday or Sunday; once a
/// moved day off, Monday 11 May 2020), `off` a day off.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransferData {
    #[serde(deserialize_with = "with::date")]
    pub worked: NaiveDate,
    #[serde(deserialize_with = "with::date")]
    pub off: NaiveDate,
}

/// What a day is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    DayOff,
    Working,
}

impl DayKind {
    pub fn is_off(self) -> bool {
        self == DayKind::DayOff
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CorrectionData {
    #[serde(deserialize_with = "with::date")]
    pub date: NaiveDate,
    /// What the published table said.
    pub was: DayKind,
    /// What holds (and what the table above says).
    pub now: DayKind,
    pub sources: List<Text>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditExplainedData {
    #[serde(deserialize_with = "with::date")]
    pub date: NaiveDate,
    /// What the dataset gives for the day.
    pub dataset: DayKind,
    /// What this calendar gives (checked when the rules load).
    pub ours: DayKind,
    pub why: Text,
}

// ---- rules/sources.toml ----

/// `rules/sources.toml`: every source the other rule files cite, by id (issue 15).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcesFile {
    pub source: List<SourceData>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Act,
    /// An official gov.kz or e-Gov page.
    Page,
    Press,
    /// A draft act: not law.
    Draft,
    Dataset,
    /// An official working-day calendar.
    Calendar,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceData {
    pub id: Text,
    pub kind: SourceKind,
    /// The full reference, for a lawyer (English). The citizen reads the short title of
    /// `messages/{kk,ru,en}.toml`, `source.<id>`.
    pub reference: Text,
    /// Where to read it; `{lang}` is kk, ru or en, `{lang3}` kaz, rus or eng (adilet.zan.kz).
    #[serde(default)]
    pub url: Option<Text>,
    /// The copy of the page in `../shared/seeds/` that this project read.
    #[serde(default)]
    pub seed: Option<Text>,
    #[serde(default, deserialize_with = "with::opt_date")]
    pub adopted: Option<NaiveDate>,
    #[serde(default, deserialize_with = "with::opt_date")]
    pub in_force: Option<NaiveDate>,
    #[serde(default, deserialize_with = "with::opt_date")]
    pub repealed: Option<NaiveDate>,
    /// The in-force dates (`in_force`, `repealed`) are not confirmed.
    #[serde(default)]
    pub approximate: bool,
    /// Ids of the acts that amended it.
    #[serde(default)]
    pub amended_by: List<Text>,
    /// A page's "last update", as the page says.
    #[serde(default, deserialize_with = "with::opt_date")]
    pub updated: Option<NaiveDate>,
    /// What identifies the act (its number, its date) rests on one secondary source, not on the act's
    /// own text (Order No. 109 of 2025, issue 24); the provisions citing it say `single_source` too.
    #[serde(default)]
    pub single_source: bool,
}

// ---- All four ----

/// The four rule files, as read.
#[derive(Debug, Clone)]
pub struct Files {
    pub editions: Editions,
    pub calendar: CalendarFile,
    pub services: Services,
    pub sources: SourcesFile,
}

#[cfg(feature = "files")]
impl Files {
    /// Reads `editions.toml`, `calendar.toml`, `services.toml` and `sources.toml` of a folder
    /// (`rules/`). An error names the file, the line and the column.
    pub fn read(dir: impl AsRef<std::path::Path>) -> Result<Files, String> {
        let dir = dir.as_ref();
        Ok(Files {
            editions: read(&dir.join("editions.toml"))?,
            calendar: read(&dir.join("calendar.toml"))?,
            services: read(&dir.join("services.toml"))?,
            sources: read(&dir.join("sources.toml"))?,
        })
    }
}

/// One rule file read into its type (a draft edition, say). An error names the file, the line and
/// the column.
#[cfg(feature = "files")]
pub fn read<T: serde::de::DeserializeOwned>(path: &std::path::Path) -> Result<T, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

impl Editions {
    /// Adds another file's editions and provisions (a draft edition); `Rules::load` sorts them.
    pub fn extend(&mut self, other: Editions) {
        fn add<T: Clone>(list: &mut List<T>, more: List<T>) {
            list.to_mut().extend(more.iter().cloned());
        }
        add(&mut self.edition, other.edition);
        add(&mut self.campaign, other.campaign);
        add(&mut self.free_changes, other.free_changes);
        add(&mut self.processing, other.processing);
        add(&mut self.portal_sign_in, other.portal_sign_in);
        add(&mut self.territory, other.territory);
        add(&mut self.family, other.family);
        add(&mut self.ground, other.ground);
        add(&mut self.residency, other.residency);
        add(&mut self.written_application, other.written_application);
    }
}
