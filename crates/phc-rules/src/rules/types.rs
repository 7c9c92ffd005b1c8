//! The typed rules and their loading from the file shape (`model`): dates parsed, codes read,
//! every value checked, the calendar's years computed. `build.rs` runs this same code at build time
//! on `rules/*.toml` and writes the result as `static` values, so the program ships the typed rules
//! and none of this conversion; the tests run it at run time, on the built-in files and on changed
//! ones (a draft edition), and check it gives the built-in rules exactly.

use super::model::{CalendarFile, EditionData, EditionsFile, List, ServicesFile, SourcesFile, Text};
use super::sources::{self, Cite, Source};
use crate::calendar::Calendar;
use crate::codes::{Category, DocumentCode, Reason, Residency};
use crate::dates::parse_date;
use crate::time::ZoneRule;
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};

/// How long the clinic takes to answer an attachment request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Processing {
    /// Answered on the day the request is accepted.
    SameDay,
    /// Answered on the first working day after the day of submission.
    NextWorkingDay,
    /// The sources of this edition do not say.
    NotStated,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResidencyRule {
    Eligible,
    /// Only with a voluntary or imputed medical insurance contract, for its duration.
    Insured,
    NotEligible,
}

#[derive(Debug, Clone)]
pub struct Campaign {
    pub opens: Text,
    pub closes: Text,
    pub care_starts_next_year: Text,
    pub sources: List<Text>,
    /// The last year whose campaign took place; a later one is a projection (`None`: all took place).
    pub held_through: Option<i32>,
    pub projection_sources: List<Text>,
}

impl Campaign {
    pub fn window(&self, year: i32) -> (NaiveDate, NaiveDate) {
        let md = |s: &str| crate::dates::month_day(s, year).expect("checked on load");
        (md(&self.opens), md(&self.closes))
    }
    pub fn care_starts(&self, campaign_year: i32) -> NaiveDate {
        crate::dates::month_day(&self.care_starts_next_year, campaign_year + 1).expect("checked on load")
    }
    /// Whether the campaign of `year` is projected from the rules rather than one that took place.
    pub fn is_projected(&self, year: i32) -> bool {
        self.held_through.is_some_and(|h| year > h)
    }
}

/// Which moves make relocation a ground for attachment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelocationScope {
    /// Any change of residence.
    Any,
    /// Only a move beyond one administrative-territorial unit (Order No. 281, 2015).
    BeyondUnit,
    /// A move within the unit, or leaving it for more than one month (Order ҚР ДСМ-194/2020, ground 1).
    WithinUnitOrAwayOverAMonth,
}

#[derive(Debug, Clone)]
pub struct Ground {
    pub reason: Reason,
    /// For relocation: which moves count.
    pub relocation_scope: RelocationScope,
    pub interpretation: bool,
    pub sources: List<Text>,
}

#[derive(Debug, Clone)]
pub struct ResidencyEntry {
    pub codes: List<Residency>,
    pub rule: ResidencyRule,
    pub from: Option<NaiveDate>,
    pub written_application: bool,
    pub documents: List<DocumentCode>,
    pub interpretation: bool,
    pub sources: List<Text>,
}

#[derive(Debug, Clone)]
pub struct WrittenApplication {
    pub category: Category,
    pub document: DocumentCode,
    pub sources: List<Text>,
}

#[derive(Debug, Clone)]
pub struct Edition {
    pub id: Text,
    pub title: Text,
    pub in_force_from: NaiveDate,
    pub approximate: bool,
    pub sources: List<Text>,
    pub checked_on: NaiveDate,
    pub campaign: Option<Campaign>,
    pub free_changes_per_year: u32,
    pub free_changes_interpretation: bool,
    pub free_changes_single_source: bool,
    pub free_changes_sources: List<Text>,
    pub free_changes_disagreeing_sources: List<Text>,
    pub portal_processing: Processing,
    pub in_person_processing: Processing,
    pub processing_sources: List<Text>,
    pub sign_in_eds: bool,
    pub sign_in_one_time_password: bool,
    pub one_time_password_interpretation: bool,
    pub sign_in_sources: List<Text>,
    pub border_exception: bool,
    pub under_five_actual_residence: bool,
    pub territory_sources: List<Text>,
    pub grounds: List<Ground>,
    pub residency: List<ResidencyEntry>,
    pub family_consent_document: bool,
    pub family_sources: List<Text>,
    pub written_application: List<WrittenApplication>,
}

impl Edition {
    pub fn ground(&self, reason: Reason) -> Option<&Ground> {
        self.grounds.iter().find(|g| g.reason == reason)
    }

    /// The residency rule in force on `date`: the last entry naming the code that has started.
    pub fn residency_on(&self, code: Residency, date: NaiveDate) -> Option<&ResidencyEntry> {
        self.residency.iter().filter(|e| e.codes.contains(&code) && e.from.map_or(true, |f| f <= date)).last()
    }

    pub fn written(&self, category: Category) -> Option<&WrittenApplication> {
        self.written_application.iter().find(|w| w.category == category)
    }
}

#[derive(Debug, Clone)]
pub struct HomeVisit {
    pub act: Text,
    /// Before this day the rule is applied as a reading (the sources give no earlier rule).
    pub in_force_from: NaiveDate,
    pub requires_attachment_to_clinic: bool,
    pub in_person_minutes: u32,
    pub portal_minutes: u32,
    pub portal_needs_eds: bool,
    pub sources: List<Text>,
}

#[derive(Debug, Clone)]
pub struct ComplaintRules {
    pub deadline_months: u32,
    pub deadline_sources: List<Text>,
    pub review_working_days: u32,
    pub review_single_source: bool,
    pub review_sources: List<Text>,
    pub procedure_working_days: u32,
    pub procedure_sources: List<Text>,
    pub code_in_force_from: NaiveDate,
}

#[derive(Debug, Clone)]
pub struct Rules {
    /// Sorted by `in_force_from`.
    pub editions: List<Edition>,
    pub calendar: Calendar,
    pub zones: List<ZoneRule>,
    pub cutoff: NaiveTime,
    pub acceptance_sources: List<Text>,
    pub home_visit: HomeVisit,
    pub complaint: ComplaintRules,
    pub refusal_grounds: List<Text>,
    pub refusal_sources: List<Text>,
    pub calendar_sources: List<Text>,
    /// When `rules/services.toml` was last compared with its sources.
    pub services_checked_on: NaiveDate,
    /// The citation table (`rules/sources.toml`): every act, and every source the data above cites.
    pub sources: List<Source>,
}

impl Rules {
    /// Reads TOML-shaped data already deserialized (tests use it to add a draft edition). Every source
    /// any file cites must be in the citation table (`rules/sources.toml`).
    pub fn from_data(e: EditionsFile, c: CalendarFile, s: ServicesFile, src: SourcesFile) -> Result<Rules, String> {
        let cites = citations(&e, &c, &s)?;
        let sources = sources::load(&src, &cites)?;
        drop(cites);
        if s.complaint.review_single_source && s.complaint.review_sources.len() != 1 {
            return Err("services.toml: complaint: review_single_source, but review_sources names more than one source".into());
        }
        let mut editions = e.edition.iter().map(edition).collect::<Result<Vec<_>, _>>()?;
        // std's sort: loading runs at build time and in tests, never in the wasm.
        editions.sort_by_key(|e| e.in_force_from);
        if editions.is_empty() {
            return Err("editions: no edition".into());
        }
        let date = |s: &str, what: &str| parse_date(s, what).map_err(|e| format!("{what}: {}", e.message));
        // chrono's format parser: loading runs at build time and in tests, never in the wasm.
        let mut zones = Vec::new();
        for z in s.time_zone.iter() {
            let from_utc = match &z.from_utc {
                None => None,
                Some(t) => Some(
                    NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%SZ")
                        .map_err(|e| format!("time_zone.from_utc: {e}; expected YYYY-MM-DDTHH:MM:SSZ, got {t}"))?,
                ),
            };
            zones.push(ZoneRule { from_utc, offset_minutes: z.utc_offset_minutes });
        }
        let cutoff = NaiveTime::parse_from_str(&s.acceptance.cutoff, "%H:%M")
            .map_err(|e| format!("acceptance.cutoff: {e}; expected HH:MM, got {}", s.acceptance.cutoff))?;
        Ok(Rules {
            editions: editions.into(),
            calendar: Calendar::from_data(&c)?,
            zones: zones.into(),
            cutoff,
            acceptance_sources: s.acceptance.sources,
            home_visit: HomeVisit {
                in_force_from: date(&s.home_visit.in_force_from, "home_visit.in_force_from")?,
                act: s.home_visit.act,
                requires_attachment_to_clinic: s.home_visit.requires_attachment_to_clinic,
                in_person_minutes: s.home_visit.in_person_minutes,
                portal_minutes: s.home_visit.portal_minutes,
                portal_needs_eds: s.home_visit.portal_needs_eds,
                sources: s.home_visit.sources,
            },
            complaint: ComplaintRules {
                deadline_months: s.complaint.deadline_months,
                deadline_sources: s.complaint.deadline_sources,
                review_working_days: s.complaint.review_working_days,
                review_single_source: s.complaint.review_single_source,
                review_sources: s.complaint.review_sources,
                procedure_working_days: s.complaint.procedure_working_days,
                procedure_sources: s.complaint.procedure_sources,
                code_in_force_from: date(&s.complaint.code_in_force_from, "complaint.code_in_force_from")?,
            },
            refusal_grounds: s.refusal_grounds.codes,
            refusal_sources: s.refusal_grounds.sources,
            calendar_sources: c.sources,
            services_checked_on: date(&s.checked_on, "checked_on")?,
            sources,
        })
    }

    /// The table's entry for a citation (`order-194-2020:p25` is `order-194-2020`); every citation of
    /// loaded rules has one.
    pub fn source(&self, cite: &str) -> Option<&Source> {
        let (id, _) = sources::split(cite);
        self.sources.iter().find(|s| s.id == id)
    }

    /// The edition in force on `date`, or `None` before the first one.
    pub fn edition_on(&self, date: NaiveDate) -> Option<&Edition> {
        self.editions.iter().filter(|e| e.in_force_from <= date).last()
    }

    /// The earliest day on which the rules a decision under `edition` uses were last checked: the
    /// edition, the services file and the calendar.
    pub fn checked_on(&self, edition: &Edition) -> NaiveDate {
        edition.checked_on.min(self.services_checked_on).min(self.calendar.checked_on())
    }

    /// The first day any rules apply.
    pub fn first_day(&self) -> NaiveDate {
        self.editions[0].in_force_from
    }

    /// Whether these rules answer a check on `date`: on or after the first edition's day, and in a
    /// year before the calendar's last, so that what follows the check (a period running into the
    /// next year) is inside the calendar too. The engine refuses any other date; the widget refuses
    /// such an `at` attribute.
    pub fn covers(&self, date: NaiveDate) -> bool {
        date >= self.first_day() && date.year() < self.calendar.last_year()
    }
}

/// Every citation of the rule files, with where it is: checked against `rules/sources.toml`.
fn citations<'a>(e: &'a EditionsFile, c: &'a CalendarFile, s: &'a ServicesFile) -> Result<Vec<Cite<'a>>, String> {
    let mut out = Vec::new();
    let mut add = |at: String, list: &'a [Text], shown: bool| -> Result<(), String> {
        sources::check_list(&at, list)?;
        out.extend(list.iter().map(|cite| Cite { at: at.clone(), cite, shown }));
        Ok(())
    };
    for d in e.edition.iter() {
        let at = |what: &str| format!("editions.toml: edition {}: {what}", d.id);
        add(at("sources"), &d.sources, true)?;
        if let Some(c) = &d.campaign {
            add(at("campaign"), &c.sources, true)?;
            add(at("campaign.projection_sources"), &c.projection_sources, true)?;
        }
        add(at("free_changes"), &d.free_changes.sources, true)?;
        add(at("free_changes.disagreeing_sources"), &d.free_changes.disagreeing_sources, true)?;
        add(at("processing"), &d.processing.sources, true)?;
        add(at("portal_sign_in"), &d.portal_sign_in.sources, true)?;
        add(at("territory"), &d.territory.sources, true)?;
        for g in d.ground.iter() {
            add(at(&format!("ground {}", g.reason)), &g.sources, true)?;
        }
        for r in d.residency.iter() {
            add(at(&format!("residency {}", r.codes.join(", "))), &r.sources, true)?;
        }
        add(at("family"), &d.family.sources, true)?;
        for w in d.written_application.iter() {
            add(at(&format!("written_application {}", w.category)), &w.sources, true)?;
        }
    }
    add("calendar.toml: sources".into(), &c.sources, true)?;
    for h in c.holiday.iter() {
        add(format!("calendar.toml: holiday {}", h.name), &h.sources, false)?;
    }
    for k in c.kurban_ait.iter() {
        add(format!("calendar.toml: kurban_ait {}", k.date), &k.sources, false)?;
    }
    for y in c.official_year.iter() {
        add(format!("calendar.toml: official_year {}", y.year), &y.sources, false)?;
        for k in y.corrections.iter() {
            add(format!("calendar.toml: official_year {} correction {}", y.year, k.date), &k.sources, false)?;
        }
    }
    add("services.toml: acceptance".into(), &s.acceptance.sources, true)?;
    for z in s.time_zone.iter() {
        add(format!("services.toml: time_zone {}", z.utc_offset_minutes), &z.sources, false)?;
    }
    add("services.toml: home_visit".into(), &s.home_visit.sources, true)?;
    add("services.toml: home_visit.act".into(), std::slice::from_ref(&s.home_visit.act), false)?;
    add("services.toml: complaint.deadline_sources".into(), &s.complaint.deadline_sources, true)?;
    add("services.toml: complaint.review_sources".into(), &s.complaint.review_sources, true)?;
    add("services.toml: complaint.procedure_sources".into(), &s.complaint.procedure_sources, true)?;
    add("services.toml: refusal_grounds".into(), &s.refusal_grounds.sources, true)?;
    Ok(out)
}

fn edition(d: &EditionData) -> Result<Edition, String> {
    let at = |what: &str| format!("edition {}: {what}", d.id);
    if d.free_changes.single_source && d.free_changes.sources.len() != 1 {
        return Err(at("free_changes: single_source, but its sources name more than one source"));
    }
    let date = |s: &str, what: &str| parse_date(s, what).map_err(|e| at(&format!("{what}: {}", e.message)));
    let processing = |s: &str| match s {
        "same_day" => Ok(Processing::SameDay),
        "next_working_day" => Ok(Processing::NextWorkingDay),
        "not_stated" => Ok(Processing::NotStated),
        other => Err(at(&format!("processing: unknown value {other}; expected same_day, next_working_day, not_stated"))),
    };
    if let Some(c) = &d.campaign {
        for md in [&c.opens, &c.closes, &c.care_starts_next_year] {
            crate::dates::month_day(md, 2023).ok_or_else(|| at(&format!("campaign: bad month-day {md}; expected MM-DD")))?;
        }
    }
    let grounds = d
        .ground
        .iter()
        .map(|g| {
            let reason = Reason::parse(&g.reason)
                .ok_or_else(|| at(&format!("ground: unknown reason {}; expected one of {}", g.reason, Reason::expected())))?;
            let relocation_scope = match g.relocation_scope.as_deref() {
                None | Some("any") => RelocationScope::Any,
                Some("beyond_unit") => RelocationScope::BeyondUnit,
                Some("within_unit_or_away_over_a_month") => RelocationScope::WithinUnitOrAwayOverAMonth,
                Some(o) => {
                    return Err(at(&format!("ground: relocation_scope {o}; expected any, beyond_unit or within_unit_or_away_over_a_month")))
                }
            };
            Ok(Ground { reason, relocation_scope, interpretation: g.interpretation, sources: g.sources.clone() })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let residency = d
        .residency
        .iter()
        .map(|r| {
            let codes = r
                .codes
                .iter()
                .map(|c| Residency::parse(c).ok_or_else(|| at(&format!("residency: unknown code {c}"))))
                .collect::<Result<Vec<_>, _>>()?;
            let rule = match &*r.rule {
                "eligible" => ResidencyRule::Eligible,
                "insured" => ResidencyRule::Insured,
                "not_eligible" => ResidencyRule::NotEligible,
                o => return Err(at(&format!("residency: rule {o}; expected eligible, insured, not_eligible"))),
            };
            let from = r.from.as_deref().map(|f| date(f, "residency.from")).transpose()?;
            let documents = r
                .documents
                .iter()
                .map(|c| DocumentCode::parse(c).ok_or_else(|| at(&format!("residency: unknown document {c}"))))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(ResidencyEntry {
                codes: codes.into(),
                rule,
                from,
                written_application: r.written_application,
                documents: documents.into(),
                interpretation: r.interpretation,
                sources: r.sources.clone(),
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    for code in Residency::ALL {
        if !residency.iter().any(|e| e.codes.contains(code)) {
            return Err(at(&format!("residency: no rule for {code}")));
        }
    }
    let written_application = d
        .written_application
        .iter()
        .map(|w| {
            Ok(WrittenApplication {
                category: Category::parse(&w.category).ok_or_else(|| at(&format!("written_application: unknown category {}", w.category)))?,
                document: DocumentCode::parse(&w.document).ok_or_else(|| at(&format!("written_application: unknown document {}", w.document)))?,
                sources: w.sources.clone(),
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(Edition {
        id: d.id.clone(),
        title: d.title.clone(),
        in_force_from: date(&d.in_force_from, "in_force_from")?,
        approximate: d.approximate,
        sources: d.sources.clone(),
        checked_on: date(&d.checked_on, "checked_on")?,
        campaign: d.campaign.as_ref().map(|c| Campaign {
            opens: c.opens.clone(),
            closes: c.closes.clone(),
            care_starts_next_year: c.care_starts_next_year.clone(),
            sources: c.sources.clone(),
            held_through: c.held_through,
            projection_sources: c.projection_sources.clone(),
        }),
        free_changes_per_year: d.free_changes.per_year,
        free_changes_interpretation: d.free_changes.interpretation,
        free_changes_single_source: d.free_changes.single_source,
        free_changes_sources: d.free_changes.sources.clone(),
        free_changes_disagreeing_sources: d.free_changes.disagreeing_sources.clone(),
        portal_processing: processing(&d.processing.portal)?,
        in_person_processing: processing(&d.processing.in_person)?,
        processing_sources: d.processing.sources.clone(),
        sign_in_eds: d.portal_sign_in.eds,
        sign_in_one_time_password: d.portal_sign_in.one_time_password,
        one_time_password_interpretation: d.portal_sign_in.one_time_password_interpretation,
        sign_in_sources: d.portal_sign_in.sources.clone(),
        border_exception: d.territory.border_exception,
        under_five_actual_residence: d.territory.under_five_actual_residence,
        territory_sources: d.territory.sources.clone(),
        grounds: grounds.into(),
        residency: residency.into(),
        family_consent_document: d.family.consent_document,
        family_sources: d.family.sources.clone(),
        written_application: written_application.into(),
    })
}
