//! The rules as the engine reads them, and their loading: the four files (`model`) checked as a
//! whole, with what is computed from them (the calendar's years, the citation table the program
//! carries). `build.rs` runs `Rules::load` at build time on `rules/*.toml` and writes the result as
//! `static` values, so the program ships the rules and none of this; the tests run it at run time,
//! on the built-in files and on changed ones (a draft edition), and check it gives the built-in
//! rules exactly.

use super::model::{
    in_force, Campaign, CalendarFile, Complaint, Dated, Edition, Editions, Family, Files, FreeChanges, AwayFromHome, FundContract, Ground, HomeVisit, List, PortalSignIn,
    ProcessingTimes, Provision, RefusalGrounds, ResidencyEntry, Services, Territory, Text, WrittenApplication,
};
use super::sources::{self, Cite, Source};
use crate::calendar::Calendar;
use crate::codes::{Category, Reason, Residency};
use crate::time::ZoneRule;
use chrono::{Datelike, NaiveDate, NaiveTime};

/// The attachment rules in force on one day: the edition that names them, and the value of each
/// provision on that day (a provision may change inside an edition: Order No. 141 of 2023).
#[derive(Debug, Clone, Copy)]
pub struct InForce<'r> {
    pub edition: &'r Edition,
    pub date: NaiveDate,
    pub free_changes: &'r Provision<FreeChanges>,
    pub processing: &'r Provision<ProcessingTimes>,
    pub portal_sign_in: &'r Provision<PortalSignIn>,
    pub territory: &'r Provision<Territory>,
    pub family: &'r Provision<Family>,
    editions: &'r Editions,
}

impl<'r> InForce<'r> {
    /// The campaign, if there is one on this day.
    pub fn campaign(&self) -> Option<&'r Provision<Campaign>> {
        self.editions.campaign_on(self.date)
    }
    pub fn ground(&self, reason: Reason) -> Option<&'r Provision<Ground>> {
        self.editions.ground_on(reason, self.date)
    }
    /// The residency rule for a code (every code has one: checked on load).
    pub fn residency(&self, code: Residency) -> Option<&'r Provision<ResidencyEntry>> {
        in_force(&self.editions.residency, self.date, |r| r.codes.contains(&code))
    }
    /// Whether a category applies in writing to the head, and with which document.
    pub fn written(&self, category: Category) -> Option<&'r Provision<WrittenApplication>> {
        in_force(&self.editions.written_application, self.date, |w| w.category == category)
    }
}

impl Editions {
    /// The edition in force on `date`, or `None` before the first one.
    pub fn edition_on(&self, date: NaiveDate) -> Option<&Edition> {
        self.edition.iter().filter(|e| e.in_force_from <= date).last()
    }

    /// The rules in force on `date`, or `None` before the first edition (from its day on, every
    /// provision has a value: checked on load).
    pub fn in_force(&self, date: NaiveDate) -> Option<InForce<'_>> {
        Some(InForce {
            edition: self.edition_on(date)?,
            date,
            free_changes: in_force(&self.free_changes, date, |_| true)?,
            processing: in_force(&self.processing, date, |_| true)?,
            portal_sign_in: in_force(&self.portal_sign_in, date, |_| true)?,
            territory: in_force(&self.territory, date, |_| true)?,
            family: in_force(&self.family, date, |_| true)?,
            editions: self,
        })
    }

    pub fn ground_on(&self, reason: Reason, date: NaiveDate) -> Option<&Provision<Ground>> {
        in_force(&self.ground, date, |g| g.reason == reason)
    }

    /// The campaign on `date`: its window, while the campaign is a ground.
    pub fn campaign_on(&self, date: NaiveDate) -> Option<&Provision<Campaign>> {
        self.ground_on(Reason::Campaign, date)?;
        in_force(&self.campaign, date, |_| true)
    }
}

#[derive(Debug, Clone)]
pub struct Rules {
    /// The editions and their dated provisions (`rules/editions.toml`).
    pub editions: Editions,
    pub calendar: Calendar,
    pub calendar_sources: List<Text>,
    pub zones: List<ZoneRule>,
    /// Requests are accepted until this time on a working day.
    pub cutoff: NaiveTime,
    pub home_visit: Provision<HomeVisit>,
    pub complaint: Complaint,
    pub refusal_grounds: Provision<RefusalGrounds>,
    pub away_from_home: Provision<AwayFromHome>,
    pub fund_contract: Provision<FundContract>,
    /// When `rules/services.toml` was last compared with its sources.
    pub services_checked_on: NaiveDate,
    /// The citation table (`rules/sources.toml`): every act, and every source the data above cites.
    pub sources: List<Source>,
}

impl Rules {
    /// Checks the files as a whole and computes what the engine needs from them. Every source any
    /// file cites must be in the citation table (`rules/sources.toml`); every list is sorted by date.
    pub fn load(files: Files) -> Result<Rules, String> {
        let Files { mut editions, calendar, services, sources } = files;
        let cites = citations(&editions, &calendar, &services)?;
        let sources = sources::load(&sources, &cites)?;
        drop(cites);
        check_editions(&mut editions)?;
        check_services(&services)?;
        let s = services;
        let zones: Vec<ZoneRule> = s.time_zone.iter().map(|z| ZoneRule { from_utc: z.from_utc, offset_minutes: z.utc_offset_minutes }).collect();
        Ok(Rules {
            editions,
            calendar: Calendar::from_data(&calendar)?,
            calendar_sources: calendar.sources,
            zones: zones.into(),
            cutoff: s.acceptance.cutoff,
            home_visit: s.home_visit,
            complaint: s.complaint,
            refusal_grounds: s.refusal_grounds,
            away_from_home: s.away_from_home,
            fund_contract: s.fund_contract,
            services_checked_on: s.checked_on,
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
        self.editions.edition_on(date)
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

/// Where a provision is, for a message: `editions.toml: ground relocation from 2020-11-28`.
fn place<T>(what: &str, p: &Provision<T>) -> String {
    match p.from {
        Some(d) => format!("{what} from {d}"),
        None => what.to_string(),
    }
}

/// Every citation of the rule files, with where it is: checked against `rules/sources.toml`.
fn citations<'a>(e: &'a Editions, c: &'a CalendarFile, s: &'a Services) -> Result<Vec<Cite<'a>>, String> {
    let mut out = Vec::new();
    let mut add = |at: String, list: &'a [Text], shown: bool| -> Result<(), String> {
        sources::check_list(&at, list)?;
        out.extend(list.iter().map(|cite| Cite { at: at.clone(), cite, shown }));
        Ok(())
    };
    let at = |what: String| format!("editions.toml: {what}");
    for d in e.edition.iter() {
        add(at(format!("edition {}", d.id)), &d.sources, true)?;
    }
    for p in e.campaign.iter() {
        add(at(place("campaign", p)), &p.sources, true)?;
        add(at(place("campaign", p) + ": projection_sources"), &p.projection_sources, true)?;
    }
    for p in e.free_changes.iter() {
        add(at(place("free_changes", p)), &p.sources, true)?;
        add(at(place("free_changes", p) + ": disagreeing_sources"), &p.disagreeing_sources, true)?;
    }
    for p in e.processing.iter() {
        add(at(place("processing", p)), &p.sources, true)?;
    }
    for p in e.portal_sign_in.iter() {
        add(at(place("portal_sign_in", p)), &p.sources, true)?;
    }
    for p in e.territory.iter() {
        add(at(place("territory", p)), &p.sources, true)?;
    }
    for p in e.family.iter() {
        add(at(place("family", p)), &p.sources, true)?;
    }
    for p in e.ground.iter() {
        add(at(place(&format!("ground {}", p.reason), p)), &p.sources, true)?;
    }
    for p in e.residency.iter() {
        let codes: Vec<&str> = p.codes.iter().map(|c| c.as_str()).collect();
        add(at(place(&format!("residency {}", codes.join(", ")), p)), &p.sources, true)?;
    }
    for p in e.written_application.iter() {
        add(at(place(&format!("written_application {}", p.category), p)), &p.sources, true)?;
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
    add("services.toml: complaint.deadline_sources".into(), &s.complaint.deadline_sources, true)?;
    add("services.toml: complaint.review_sources".into(), &s.complaint.review_sources, true)?;
    add("services.toml: complaint.procedure_sources".into(), &s.complaint.procedure_sources, true)?;
    add("services.toml: complaint.review_disagreeing_sources".into(), &s.complaint.review_disagreeing_sources, true)?;
    add("services.toml: away_from_home".into(), &s.away_from_home.sources, true)?;
    add("services.toml: fund_contract".into(), &s.fund_contract.sources, true)?;
    add("services.toml: refusal_grounds".into(), &s.refusal_grounds.sources, true)?;
    Ok(out)
}

/// What every provision must be: "only one official page says this" names one source; a value
/// repealed only where the engine can do without it.
fn check_provision<T>(at: &str, p: &Provision<T>, repealable: bool) -> Result<(), String> {
    if p.single_source && p.sources.len() != 1 {
        return Err(format!("{at}: single_source, but its sources name {} sources", p.sources.len()));
    }
    if p.repealed && !repealable {
        return Err(format!("{at}: repealed, but the rules cannot do without it; state its new value instead"));
    }
    Ok(())
}

/// Every value of `editions.toml` dated, checked, and in date order (stable: among values of one
/// date the later in the file wins).
fn history<T: Clone>(list: &mut Dated<T>, what: &str, key: impl Fn(&T) -> String, repealable: bool) -> Result<(), String> {
    for p in list.iter() {
        let at = format!("editions.toml: {}", place(&format!("{what}{}", key(&p.value)), p));
        if p.from.is_none() {
            return Err(format!("{at}: no `from`; every value of the attachment rules says from which day it applies"));
        }
        check_provision(&at, p, repealable)?;
    }
    // std's sort: loading runs at build time and in tests, never in the wasm.
    list.to_mut().sort_by_key(|p| p.from);
    Ok(())
}

/// The provisions that are not a list of keyed values.
fn no_key<T>(_: &T) -> String {
    String::new()
}

fn check_editions(e: &mut Editions) -> Result<(), String> {
    // std's sort: loading runs at build time and in tests, never in the wasm.
    e.edition.to_mut().sort_by_key(|x| x.in_force_from);
    let Some(first) = e.edition.first().map(|x| x.in_force_from) else { return Err("editions.toml: no edition".into()) };
    for (i, x) in e.edition.iter().enumerate() {
        if e.edition[..i].iter().any(|o| o.id == x.id) {
            return Err(format!("editions.toml: edition {}: a second edition with this id", x.id));
        }
    }
    history(&mut e.campaign, "campaign", no_key, false)?;
    history(&mut e.free_changes, "free_changes", no_key, false)?;
    history(&mut e.processing, "processing", no_key, false)?;
    history(&mut e.portal_sign_in, "portal_sign_in", no_key, false)?;
    history(&mut e.territory, "territory", no_key, false)?;
    history(&mut e.family, "family", no_key, false)?;
    history(&mut e.ground, "ground ", |g: &Ground| g.reason.to_string(), true)?;
    history(&mut e.residency, "residency ", |r: &ResidencyEntry| r.codes.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", "), false)?;
    history(&mut e.written_application, "written_application ", |w: &WrittenApplication| w.category.to_string(), true)?;
    for p in e.campaign.iter() {
        // Any year: 29 February is no campaign's day.
        for md in [p.opens, p.closes, p.care_starts_next_year] {
            if md.in_year(2023).is_none() {
                return Err(format!("editions.toml: {}: {:02}-{:02} is not a day of every year", place("campaign", p), md.month, md.day));
            }
        }
    }
    // Every day a value changes, from the first edition on: the rules must answer every question.
    let mut days: Vec<NaiveDate> = e.edition.iter().map(|x| x.in_force_from).collect();
    days.extend(e.ground.iter().filter_map(|p| p.from));
    days.extend(e.residency.iter().filter_map(|p| p.from));
    days.extend(e.campaign.iter().filter_map(|p| p.from));
    days.retain(|d| *d >= first);
    for &day in &days {
        if e.in_force(day).is_none() {
            let missing = [
                ("free_changes", in_force(&e.free_changes, day, |_| true).is_none()),
                ("processing", in_force(&e.processing, day, |_| true).is_none()),
                ("portal_sign_in", in_force(&e.portal_sign_in, day, |_| true).is_none()),
                ("territory", in_force(&e.territory, day, |_| true).is_none()),
                ("family", in_force(&e.family, day, |_| true).is_none()),
            ];
            let names: Vec<&str> = missing.iter().filter(|(_, m)| *m).map(|(n, _)| *n).collect();
            return Err(format!("editions.toml: no {} in force on {day}", names.join(", ")));
        }
        if e.ground_on(Reason::Campaign, day).is_some() && e.campaign_on(day).is_none() {
            return Err(format!("editions.toml: the campaign is a ground on {day}, but no campaign window is in force"));
        }
        for code in Residency::ALL {
            if in_force(&e.residency, day, |r| r.codes.contains(code)).is_none() {
                return Err(format!("editions.toml: no residency rule for {code} on {day}"));
            }
        }
    }
    Ok(())
}

fn check_services(s: &Services) -> Result<(), String> {
    check_provision("services.toml: acceptance", &s.acceptance, false)?;
    check_provision("services.toml: home_visit", &s.home_visit, false)?;
    if s.complaint.review_single_source && s.complaint.review_sources.len() != 1 {
        return Err("services.toml: complaint: review_single_source, but review_sources names more than one source".into());
    }
    check_provision("services.toml: away_from_home", &s.away_from_home, false)?;
    if s.fund_contract.from.is_none() {
        return Err("services.toml: fund_contract: no `from`; it applies from the day the order comes into force".into());
    }
    check_provision("services.toml: fund_contract", &s.fund_contract, false)?;
    check_provision("services.toml: refusal_grounds", &s.refusal_grounds, false)
}
