//! The decision of contract version 1, as the engine returns it. It borrows its source lists from
//! the rules (no copying per decision). Fields beyond version 1 are additions, never renames:
//! `detail`, `alternatives`, `dates.campaign.submit_by`, `dates.attachment_ends`,
//! `dates.free_changes_left`, `routes`, `text` (only with a language).

use crate::codes::{Alternative, Channel, DocumentCode, Field, Outcome, Reason, Service, Verdict};
use crate::rules::model::Text;
use chrono::NaiveDate;
use serde::{Serialize, Serializer};

/// Dates serialize as the contract writes them, `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day(pub NaiveDate);

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&crate::dates::iso(self.0))
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Decision<'r> {
    pub service: Service,
    pub verdict: Verdict,
    pub eligible_from: Option<Day>,
    pub edition: EditionRef<'r>,
    pub reasons: Vec<ReasonItem<'r>>,
    /// Every source the decision cites (the edition's, the reasons' and those that disagree), once,
    /// in the order first cited: its address and, with a language, its short title (issue 15).
    pub citations: Vec<CitationItem<'r>>,
    pub channels: Vec<ChannelItem>,
    pub documents: Vec<DocumentItem>,
    pub dates: Dates,
    pub refusal_risks: Vec<&'r str>,
    pub needs: Vec<Field>,
    pub provisional: bool,
    /// The earliest day on which the rules this decision applied were last compared with their sources.
    pub checked_on: Day,
    pub alternatives: Vec<AlternativeItem>,
    /// Every ground open to the person's situation, best first (issue 14): attachment only, empty for
    /// a home visit and a complaint.
    pub routes: Vec<RouteItem>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<DecisionText>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EditionRef<'r> {
    pub id: &'r str,
    pub in_force_from: Day,
    pub approximate: bool,
    pub sources: &'r [Text],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// One reason behind the verdict, on the sources it rests on.
#[derive(Debug, Clone, Serialize)]
pub struct ReasonItem<'r> {
    pub code: crate::codes::ReasonCode,
    pub outcome: Outcome,
    /// Which case of the reason applied; with `code`, the key of its human text.
    pub detail: &'static str,
    pub sources: &'r [Text],
    pub interpretation: bool,
    pub single_source: bool,
    /// Official sources that say otherwise than `sources` (the decision follows `sources`).
    #[serde(skip_serializing_if = "<[Text]>::is_empty")]
    pub sources_disagree: &'r [Text],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Values the text speaks of (dates, counts); not serialized.
    #[serde(skip)]
    pub params: Vec<(&'static str, Param)>,
}

/// A source as a reader can follow it: the citation (`order-194-2020:p25`, as in `sources`), the
/// address (the Russian text's; the app links each reader to their own language), and with a language
/// the short title in it («Приказ МЗ РК № ҚР ДСМ-194/2020, п. 25»).
#[derive(Debug, Clone, Serialize)]
pub struct CitationItem<'r> {
    pub id: &'r str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// A value inside a human text. Quantities carry their unit, so each language writes the unit in
/// its own plural form (1 день, 2 дня, 5 дней).
#[derive(Debug, Clone, PartialEq)]
pub enum Param {
    Date(NaiveDate),
    /// A bare number.
    Count(u32),
    Minutes(u32),
    WorkingDays(u32),
    Months(u32),
    Years(u32),
    /// Free changes of clinic.
    Changes(u32),
    /// A request field (`person.eds`), written as the question it answers.
    Field(Field),
    /// A ground for attachment (`free_choice`), by its name.
    Ground(&'static str),
}

#[derive(Debug, Clone, Serialize)]
pub struct ChannelItem {
    pub channel: Channel,
    /// `None` when an answer that decides it is missing (then `needs` names it).
    pub available: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub written_application_to_head: Option<bool>,
    /// How the portal is signed in to where it is open (`eds`, `one_time_password`,
    /// `eds_or_one_time_password`): what its text says (issue 24); not serialized.
    #[serde(skip)]
    pub sign_in: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocumentItem {
    pub code: DocumentCode,
    /// Needed only in this case (`institution_request`: only if the institution sent a request).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub only_if: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AlternativeItem {
    pub code: Alternative,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Day>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// One way to attach: the decision for one ground, as if the request had named it (issue 14). Only
/// grounds that are open or may be (`eligible`, `eligible_later`, `needs_information`) are routes.
#[derive(Debug, Clone, Serialize)]
pub struct RouteItem {
    pub reason: Reason,
    pub verdict: Verdict,
    pub eligible_from: Option<Day>,
    pub care_starts: Option<Day>,
    pub channels: Vec<ChannelItem>,
    pub documents: Vec<DocumentItem>,
    /// The answers this route still needs (only when `verdict` is `needs_information`).
    pub needs: Vec<Field>,
    /// A date of this route rests on a year without an official calendar.
    pub provisional: bool,
    /// The route's campaign is projected from the rules in force (the decision's `rules_projection`
    /// reason says so).
    pub projected: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CampaignDates {
    pub opens: Day,
    pub closes: Day,
    pub care_starts: Day,
    /// The last working day in the window: a request accepted later misses the campaign.
    pub submit_by: Day,
}

/// Attachment and complaint dates (all keys present, `null` when they do not apply).
#[derive(Debug, Clone, Serialize, Default)]
pub struct StandardDates {
    pub accepted_on: Option<Day>,
    pub decision_due: Option<Day>,
    pub campaign: Option<CampaignDates>,
    pub care_starts: Option<Day>,
    pub next_free_change: Option<Day>,
    pub complaint_deadline: Option<Day>,
    pub complaint_decision_due: Option<Day>,
    pub attachment_ends: Option<Day>,
    pub free_changes_left: Option<u32>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ResponseMinutes {
    pub in_person: u32,
    pub portal: u32,
}

/// Home-visit dates: `decision_due` is replaced by `response_minutes` (contract).
#[derive(Debug, Clone, Serialize)]
pub struct HomeVisitDates {
    pub accepted_on: Option<Day>,
    pub response_minutes: ResponseMinutes,
}

#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Dates {
    Standard(StandardDates),
    HomeVisit(HomeVisitDates),
}

/// Human text of the verdict and of each date, in the requested language.
#[derive(Debug, Clone, Serialize)]
pub struct DecisionText {
    pub lang: crate::codes::Lang,
    pub verdict: String,
    pub dates: Vec<DateText>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisional: Option<String>,
    /// "Rules checked against their sources on …".
    pub checked_on: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DateText {
    pub key: &'static str,
    pub date: Option<Day>,
    pub text: String,
}
