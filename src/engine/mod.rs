//! The rules engine: a pure function from (request, rule data) to a decision. It never reads the
//! clock, the environment or a global: "now" is the request's `at`.
//!
//! Each service has its own module; they share the `Ctx` that collects reasons, missing answers and
//! the working-day arithmetic, and `finish` that turns them into a verdict:
//! a reason that fails outright gives `not_eligible` (whatever else is missing); otherwise a missing
//! answer gives `needs_information`; otherwise a reason that only defers gives `eligible_later`.

mod attachment;
mod complaint;
mod home_visit;
mod routes;

use crate::calendar::OutOfHorizon;
use crate::codes::{Alternative, ErrorKind, Field, Outcome, ReasonCode, Service, Verdict};
use crate::decision::{AlternativeItem, Dates, Day, Decision, EditionRef, Param, ReasonItem};
use crate::error::InputError;
use crate::request::Request;
use crate::rules::model::Text;
use crate::rules::{Edition, InForce, Rules};
use crate::time::KzMoment;
use chrono::{Datelike, NaiveDate};

/// Decides one request under the given rules. An attachment request also gets its `routes`: the
/// decision for every ground open to the person's situation, best first (issue 14).
pub fn decide<'r>(req: &Request, rules: &'r Rules) -> Result<Decision<'r>, InputError> {
    let mut decision = decide_one(req, rules)?;
    if req.service == Service::Attachment {
        decision.routes = routes::routes(req, rules, &decision);
        fund_contract(rules, &mut decision);
    }
    Ok(decision)
}

/// Order No. 109 of 2025 (from 1 January 2027): care is given only by clinics with a contract with
/// the Social Health Insurance Fund. Every answer whose care starts on or after that day, on its own
/// ground or on a route (the 2026 campaign's included), says to check the chosen clinic has one
/// (issue 24).
fn fund_contract<'r>(rules: &'r Rules, decision: &mut Decision<'r>) {
    let fc = &rules.fund_contract;
    let Some(from) = fc.from else { return };
    let Dates::Standard(dates) = &decision.dates else { return };
    let starts = dates.care_starts.into_iter().chain(decision.eligible_from).chain(decision.routes.iter().filter_map(|r| r.care_starts));
    let mut starts = starts;
    if !starts.any(|d| d.0 >= from) || decision.reasons.iter().any(|r| r.code == ReasonCode::FundContract) {
        return;
    }
    decision.reasons.push(ReasonItem {
        code: ReasonCode::FundContract,
        outcome: Outcome::Info,
        detail: "check",
        sources: &fc.sources,
        interpretation: false,
        single_source: fc.single_source,
        sources_disagree: &[],
        text: None,
        params: vec![("date", Param::Date(from))],
    });
    decision.citations = crate::citation::collect(rules, decision.edition.sources, &decision.reasons);
}

/// Decides one request on the ground it names, without routes.
fn decide_one<'r>(req: &Request, rules: &'r Rules) -> Result<Decision<'r>, InputError> {
    let date = req.at.date();
    let first = rules.first_day();
    if date < first {
        return Err(InputError::new(
            Field::At,
            ErrorKind::BeforeRules,
            format!("{} is before {}, when the first attachment rules this checker knows came into force; expected a later date", crate::dates::iso(date), crate::dates::iso(first)),
        ));
    }
    // Not before the first edition (above), nor so late that the calendar cannot cover what follows
    // the check (a period running into the next year): `Rules::covers`, which the widget asks too.
    let last_year = rules.calendar.last_year() - 1;
    if !rules.covers(date) {
        return Err(InputError::new(
            Field::At,
            ErrorKind::BeyondCalendar,
            format!("{} is after {last_year}, the last year this checker's calendar covers; dates so far ahead would be guesses", crate::dates::iso(date)),
        ));
    }
    if let (Service::Complaint, Some(received)) = (req.service, req.refusal_received_on) {
        if received > date {
            return Err(InputError::new(
                Field::RefusalReceivedOn,
                ErrorKind::AfterCheck,
                format!("{} is after the date of the complaint ({}); expected the day the refusal was received, on or before `at`", crate::dates::iso(received), crate::dates::iso(date)),
            ));
        }
        if received.year() < rules.calendar.first_year() {
            return Err(InputError::new(
                Field::RefusalReceivedOn,
                ErrorKind::BeforeRules,
                format!("{} is before {}, the first year this checker's calendar covers", crate::dates::iso(received), rules.calendar.first_year()),
            ));
        }
    }
    // A date the engine counts working days from must be inside the calendar too, refused at its own
    // field: a move on 10 March 2062 (a slip for 2026) makes the attachment possible from that day,
    // and counting from it would run past the calendar (issue 25: the error named `at`).
    if let Some(moved) = req.relocation.moved_on {
        if moved > date && !rules.covers(moved) {
            return Err(InputError::new(
                Field::MovedOn,
                ErrorKind::BeyondCalendar,
                format!("{} is after {last_year}, the last year this checker's calendar covers; expected the day of the move (a year far ahead is likely a typing slip)", crate::dates::iso(moved)),
            ));
        }
    }
    let law = rules.editions.in_force(date).expect("date is after the first edition");
    let ctx = Ctx::new(rules, law, req.at);
    match req.service {
        Service::Attachment => attachment::decide(req, ctx),
        Service::HomeVisit => home_visit::decide(req, ctx),
        Service::Complaint => complaint::decide(req, ctx),
    }
    .map_err(|OutOfHorizon(d)| {
        InputError::new(Field::At, ErrorKind::BeyondCalendar, format!("a date of this check ({}) falls outside the calendar ({}–{})", crate::dates::iso(d), rules.calendar.first_year(), rules.calendar.last_year()))
    })
}

/// What a reason does to the verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Effect {
    Met,
    Info,
    /// Decides against: `not_eligible`.
    Fail,
    /// Holds from a later date: `eligible_later`.
    Until(NaiveDate),
    /// A missing answer, named in `needs`.
    Missing(Field),
    /// Fails, but is no ground to refuse (a late complaint).
    Warn,
}

/// The working state of one decision.
pub(crate) struct Ctx<'r> {
    pub rules: &'r Rules,
    /// The attachment rules in force on the date of the check, and the edition that names them.
    pub law: InForce<'r>,
    pub edition: &'r Edition,
    pub at: KzMoment,
    reasons: Vec<ReasonItem<'r>>,
    needs: Vec<Field>,
    failed: bool,
    later: Option<NaiveDate>,
    alternatives: Vec<AlternativeItem>,
    provisional: bool,
    refusal_risks: Vec<&'r str>,
}

impl<'r> Ctx<'r> {
    fn new(rules: &'r Rules, law: InForce<'r>, at: KzMoment) -> Self {
        let edition = law.edition;
        let mut ctx = Ctx {
            rules,
            law,
            edition,
            at,
            reasons: Vec::with_capacity(12),
            needs: Vec::new(),
            failed: false,
            later: None,
            alternatives: Vec::new(),
            provisional: false,
            refusal_risks: Vec::new(),
        };
        ctx.add(ReasonCode::RulesEdition, Effect::Info, if edition.approximate { "approximate" } else { "exact" }, &edition.sources)
            .interpretation = edition.approximate;
        ctx
    }

    pub fn date(&self) -> NaiveDate {
        self.at.date()
    }

    fn add(&mut self, code: ReasonCode, effect: Effect, detail: &'static str, sources: &'r [Text]) -> &mut ReasonItem<'r> {
        let outcome = match effect {
            Effect::Met => Outcome::Met,
            Effect::Info => Outcome::Info,
            Effect::Fail | Effect::Until(_) | Effect::Warn => Outcome::NotMet,
            Effect::Missing(_) => Outcome::Unknown,
        };
        match effect {
            Effect::Fail => self.failed = true,
            Effect::Until(d) => self.later = Some(self.later.map_or(d, |l| l.max(d))),
            Effect::Missing(field) => {
                if !self.needs.contains(&field) {
                    self.needs.push(field);
                }
            }
            Effect::Met | Effect::Info | Effect::Warn => {}
        }
        self.reasons.push(ReasonItem {
            code,
            outcome,
            detail,
            sources,
            interpretation: false,
            single_source: false,
            sources_disagree: &[],
            text: None,
            params: Vec::new(),
        });
        self.reasons.last_mut().expect("just pushed")
    }

    pub fn met(&mut self, code: ReasonCode, detail: &'static str, sources: &'r [Text]) -> &mut ReasonItem<'r> {
        self.add(code, Effect::Met, detail, sources)
    }
    pub fn info(&mut self, code: ReasonCode, detail: &'static str, sources: &'r [Text]) -> &mut ReasonItem<'r> {
        self.add(code, Effect::Info, detail, sources)
    }
    pub fn fail(&mut self, code: ReasonCode, detail: &'static str, sources: &'r [Text]) -> &mut ReasonItem<'r> {
        self.add(code, Effect::Fail, detail, sources)
    }
    pub fn warn(&mut self, code: ReasonCode, detail: &'static str, sources: &'r [Text]) -> &mut ReasonItem<'r> {
        self.add(code, Effect::Warn, detail, sources)
    }
    pub fn until(&mut self, code: ReasonCode, detail: &'static str, sources: &'r [Text], from: NaiveDate) -> &mut ReasonItem<'r> {
        self.add(code, Effect::Until(from), detail, sources).with("date", Param::Date(from))
    }
    pub fn missing(&mut self, code: ReasonCode, field: Field, sources: &'r [Text]) -> &mut ReasonItem<'r> {
        self.add(code, Effect::Missing(field), "missing", sources).with("field", Param::Field(field))
    }

    pub fn alternative(&mut self, code: Alternative, date: Option<NaiveDate>) {
        if !self.alternatives.iter().any(|a| a.code == code) {
            self.alternatives.push(AlternativeItem { code, date: date.map(Day), text: None });
        }
    }

    /// A reason saying a date rests on a projected rule, added once per decision.
    pub fn projected(&mut self, code: ReasonCode, detail: &'static str, sources: &'r [Text], year: i32) {
        if !self.reasons.iter().any(|r| r.code == code) {
            self.add(code, Effect::Info, detail, sources).with("year", Param::Count(year as u32)).interpretation(true);
        }
    }

    pub fn risk(&mut self, code: &'r str) {
        if !self.refusal_risks.contains(&code) {
            self.refusal_risks.push(code);
        }
    }

    /// Whether a reason has decided against.
    pub fn has_failed(&self) -> bool {
        self.failed
    }

    /// Moves the collected state out, leaving an empty context behind.
    pub fn take(&mut self) -> Ctx<'r> {
        let empty = Ctx { reasons: Vec::new(), needs: Vec::new(), alternatives: Vec::new(), refusal_risks: Vec::new(), ..*self };
        std::mem::replace(self, empty)
    }

    /// Records that a computed date rests on the calendar from `from` to `to`: provisional unless
    /// every year in between has an official calendar.
    pub fn rests_on_calendar(&mut self, from: NaiveDate, to: NaiveDate) {
        if !self.rules.calendar.span_is_official(from, to) {
            self.provisional = true;
        }
    }

    /// Working-day arithmetic, the one way the engine counts days: the `after`th working day after
    /// `from` (a period of `after` working days starts the day after `from`), or with `after = 0` the
    /// first working day on or after `from` (a deadline that falls on a day off). The answer is
    /// provisional when it rests on a year without an official calendar.
    pub fn working_day(&mut self, from: NaiveDate, after: u32) -> Result<NaiveDate, OutOfHorizon> {
        let cal = &self.rules.calendar;
        let day = if after == 0 { cal.working_day_on_or_after(from)? } else { cal.add_working_days(from, after)? };
        self.rests_on_calendar(from, day);
        Ok(day)
    }

    /// The day a request made at `at` is accepted: that day if it is a working day and the request
    /// comes before the cut-off (18:00), else the next working day.
    pub fn accepted_on(&mut self, at: chrono::NaiveDateTime) -> Result<NaiveDate, OutOfHorizon> {
        self.working_day(at.date(), if at.time() < self.rules.cutoff { 0 } else { 1 })
    }

    /// The verdict from what was collected.
    pub(crate) fn verdict(&self) -> (Verdict, Option<NaiveDate>) {
        if self.failed {
            (Verdict::NotEligible, None)
        } else if !self.needs.is_empty() {
            (Verdict::NeedsInformation, None)
        } else if let Some(d) = self.later {
            (Verdict::EligibleLater, Some(d))
        } else {
            (Verdict::Eligible, None)
        }
    }

    /// Assembles the decision.
    pub fn finish(
        mut self,
        service: Service,
        channels: Vec<crate::decision::ChannelItem>,
        documents: Vec<crate::decision::DocumentItem>,
        dates: crate::decision::Dates,
    ) -> Decision<'r> {
        let (verdict, eligible_from) = self.verdict();
        if self.provisional {
            let sources = &self.rules.calendar_sources;
            self.add(ReasonCode::ProvisionalCalendar, Effect::Info, "provisional", sources).interpretation = true;
        }
        // The rules may have changed since they were last checked: said after a year (issue 8).
        let checked_on = self.rules.checked_on(self.edition);
        let stale_after = crate::dates::add_months(checked_on, 12);
        if self.date() > stale_after {
            let sources = &self.edition.sources;
            self.add(ReasonCode::RulesChecked, Effect::Info, "stale", sources).with("date", Param::Date(checked_on));
        }
        let needs = if verdict == Verdict::NeedsInformation { self.needs } else { Vec::new() };
        let citations = crate::citation::collect(self.rules, &self.edition.sources, &self.reasons);
        Decision {
            service,
            verdict,
            eligible_from: eligible_from.map(Day),
            edition: EditionRef {
                id: &self.edition.id,
                in_force_from: Day(self.edition.in_force_from),
                approximate: self.edition.approximate,
                sources: &self.edition.sources,
                text: None,
            },
            reasons: self.reasons,
            citations,
            channels,
            documents,
            dates,
            refusal_risks: self.refusal_risks,
            needs,
            provisional: self.provisional,
            checked_on: Day(checked_on),
            alternatives: self.alternatives,
            routes: Vec::new(),
            text: None,
        }
    }
}

impl<'r> ReasonItem<'r> {
    pub(crate) fn with(&mut self, name: &'static str, value: Param) -> &mut Self {
        self.params.push((name, value));
        self
    }
    pub(crate) fn interpretation(&mut self, yes: bool) -> &mut Self {
        self.interpretation |= yes;
        self
    }
    pub(crate) fn single_source(&mut self, yes: bool) -> &mut Self {
        self.single_source |= yes;
        self
    }
    /// Names official sources that say otherwise (the reason follows its own `sources`).
    pub(crate) fn disagreeing(&mut self, sources: &'r [Text]) -> &mut Self {
        self.sources_disagree = sources;
        self
    }
}
