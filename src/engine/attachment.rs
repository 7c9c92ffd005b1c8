//! Attachment to a PHC organisation (first attachment or change): who may attach, on which ground,
//! where, through which channel, with which documents, and the dates that follow.

use super::Ctx;
use crate::calendar::OutOfHorizon;
use crate::codes::{Alternative, Applicant, Category, Channel, DocumentCode, Field, Insurance, Reason, ReasonCode, Service, TargetUnit, Verdict};
use crate::decision::{CampaignDates, ChannelItem, Dates, Day, Decision, DocumentItem, Param, StandardDates};
use crate::request::Request;
use crate::rules::model::Text;
use crate::rules::{Campaign, Processing, Provision, RelocationScope, ResidencyRule};
use chrono::{Datelike, NaiveDate, NaiveTime};

pub(super) fn decide<'r>(req: &Request, mut ctx: Ctx<'r>) -> Result<Decision<'r>, OutOfHorizon> {
    if req.reason == Some(Reason::TemporaryAbsence) {
        return temporary_absence(req, ctx);
    }
    let ctx = &mut ctx;
    let mut papers = Papers::new();

    // Every reason first: together they decide the verdict.
    let writes_to_head_only = residency(req, ctx, &mut papers);
    consent(req, ctx);
    let campaign = this_or_next_campaign(req, ctx)?;
    let accepted_on = ctx.accepted_on(ctx.at.local)?;
    ground(req, ctx, campaign.as_ref(), accepted_on, &mut papers);
    territory(req, ctx);
    age(req, ctx);
    categories(req, ctx, &mut papers);
    if req.applicant == Some(Applicant::FamilyMember) && ctx.law.family.consent_document {
        papers.always(DocumentCode::FamilyConsent);
        ctx.info(ReasonCode::WrittenApplication, "family_consent", &ctx.law.family.sources);
    }
    let portal = portal(req, ctx, writes_to_head_only);
    processing(req, ctx);
    if req.channel == Some(Channel::Portal) && portal == Some(true) {
        // On the portal the identity data come from state systems and nothing is handed in: the
        // category documents are for the written application in person (001, 004).
        ctx.info(ReasonCode::WrittenApplication, "portal_documents", &ctx.law.portal_sign_in.sources).interpretation(true);
    }

    // Then the verdict, and what follows from it: the dates, then whether the insurance lasts until
    // care starts (issue 24: no route is open with care after the contract ends), the risks left.
    let mut verdict = ctx.verdict();
    let mut dates = dates(req, ctx, verdict, campaign.clone(), accepted_on)?;
    if insurance_ends_before_care(req, ctx, &dates) {
        verdict = ctx.verdict();
        dates = self::dates(req, ctx, verdict, campaign, accepted_on)?;
    }
    refusal_risks(req, ctx, verdict.0);
    // The papers follow the way that is open (issue 24): on the portal nothing is handed in, so the
    // category documents are needed only in person; where the portal is closed they are needed.
    let (documents, written_to_head) = papers.finish(portal);
    let channels = vec![
        ChannelItem { channel: Channel::Portal, available: portal, written_application_to_head: None, sign_in: portal_sign_in_way(req, ctx, portal), text: None },
        ChannelItem { channel: Channel::InPerson, available: Some(true), written_application_to_head: Some(written_to_head), sign_in: None, text: None },
    ];
    Ok(ctx.take().finish(Service::Attachment, channels, documents, Dates::Standard(dates)))
}

/// How the portal is signed in to, where it is open: with the digital signature, or a one-time
/// password to the phone registered on the portal (the texts follow the answers, issue 24).
fn portal_sign_in_way(req: &Request, ctx: &Ctx<'_>, portal: Option<bool>) -> Option<&'static str> {
    let sign_in = ctx.law.portal_sign_in;
    match portal {
        Some(true) if req.person.eds == Some(true) && sign_in.eds => Some("eds"),
        Some(true) => Some("one_time_password"),
        None if sign_in.one_time_password => Some("eds_or_one_time_password"),
        _ => None,
    }
}

/// "I'm going away for a while" (issue 24): not a ground, and nothing needs to change. Ill there, the
/// nearest medical organisation or 103 (002, 004). More than a month away from the unit is the
/// relocation ground (a route, `routes.rs`); a free change is never advised for it.
fn temporary_absence<'r>(req: &Request, mut ctx: Ctx<'r>) -> Result<Decision<'r>, OutOfHorizon> {
    let away = &ctx.rules.away_from_home;
    let sources = &away.sources;
    let over_a_month = req.relocation.away_over_a_month;
    let detail = match over_a_month {
        Some(true) => "away_over_a_month",
        _ => "temporary_absence",
    };
    ctx.add(ReasonCode::NoChangeNeeded, super::Effect::Info, detail, sources).with("months", Param::Months(away.relocation_after_months));
    match over_a_month {
        None => {
            // It decides whether the relocation ground opens: asked.
            ctx.missing(ReasonCode::RelocationScope, Field::AwayOverAMonth, sources);
        }
        // Nothing to attach to on this answer: `not_eligible` for a change, said as no change needed
        // (the reason above, outcome `info`: the app shows it neutrally).
        Some(_) => ctx.failed = true,
    }
    ctx.alternative(Alternative::NearestMedicalOrganisationThere, None);
    let channels = vec![
        ChannelItem { channel: Channel::Portal, available: None, written_application_to_head: None, sign_in: None, text: None },
        ChannelItem { channel: Channel::InPerson, available: Some(true), written_application_to_head: Some(false), sign_in: None, text: None },
    ];
    // Nothing to hand in, and no campaign beside it: no two answers that contradict each other.
    Ok(ctx.finish(Service::Attachment, channels, Vec::new(), Dates::Standard(StandardDates::default())))
}

/// The end of the insurance the attachment rests on: the contract of an EAEU labour migrant or a
/// family member (attached only for its term), or the voluntary policy of that ground.
fn insured_until(req: &Request, ctx: &Ctx<'_>) -> Option<NaiveDate> {
    let insured = req.person.residency.and_then(|r| ctx.law.residency(r)).is_some_and(|r| r.rule == ResidencyRule::Insured);
    (insured || req.reason == Some(Reason::VoluntaryInsurance)).then_some(req.person.insurance_until).flatten()
}

/// Care that would start after the insurance ends gives nothing (domain.md §11): the contract must be
/// renewed first, by the day it ends. Returns whether this closed the ground.
fn insurance_ends_before_care(req: &Request, ctx: &mut Ctx<'_>, dates: &StandardDates) -> bool {
    let (Some(until), Some(care)) = (insured_until(req, ctx), dates.care_starts) else { return false };
    if care.0 <= until || until < ctx.date() {
        return false;
    }
    let sources = match req.person.residency.and_then(|r| ctx.law.residency(r)) {
        Some(r) if r.rule == ResidencyRule::Insured => &r.sources,
        _ => match ctx.law.ground(Reason::VoluntaryInsurance) {
            Some(g) => &g.sources,
            None => &ctx.edition.sources,
        },
    };
    ctx.fail(ReasonCode::InsuranceContract, "ends_before_care", sources).with("date", Param::Date(until)).with("care", Param::Date(care.0));
    ctx.alternative(Alternative::RenewInsuranceContract, Some(until));
    true
}

/// What the person hands in, and whether they apply in writing to the head of the PHC organisation:
/// built up by the rules that ask for a document, read once at the end.
struct Papers {
    /// Always needed, whichever way the person applies (the identity document first).
    documents: Vec<DocumentCode>,
    /// Handed in with a written application to the head, in person: needed only in person where the
    /// portal may be open too.
    written: Vec<DocumentCode>,
    /// Needed only in a case the answers leave open (`institution_request`, `family_member_applies`).
    conditional: Vec<(DocumentCode, &'static str)>,
    written_to_head: bool,
}

impl Papers {
    fn new() -> Self {
        Papers { documents: vec![DocumentCode::IdentityDocument], written: Vec::new(), conditional: Vec::new(), written_to_head: false }
    }

    /// A document needed whichever way the person applies (the commission's protocol of a convict,
    /// the insurance contract of an EAEU labour migrant, the family's consent).
    fn always(&mut self, document: DocumentCode) {
        self.documents.push(document);
    }

    /// A document handed in with a written application to the head.
    fn written(&mut self, document: DocumentCode) {
        self.written_to_head = true;
        self.written.push(document);
    }

    fn only_if(&mut self, document: DocumentCode, case: &'static str) {
        self.conditional.push((document, case));
    }

    /// The documents, sorted and once each (the conditional ones after, unless always needed), and
    /// the written-application flag. The papers follow the way that is open (issue 24): where the
    /// portal is closed, the written application's documents are needed; where it may be open, they
    /// are listed `only_if: in_person` (on the portal nothing is handed in).
    fn finish(mut self, portal: Option<bool>) -> (Vec<DocumentItem>, bool) {
        let in_person_only = portal != Some(false);
        if !in_person_only {
            self.documents.append(&mut self.written);
        }
        crate::small_sort::sort_by_key(&mut self.documents, |d| *d);
        self.documents.dedup();
        crate::small_sort::sort_by_key(&mut self.written, |d| *d);
        self.written.dedup();
        let mut items: Vec<DocumentItem> = self.documents.into_iter().map(|code| DocumentItem { code, only_if: None, text: None }).collect();
        for code in self.written {
            if !items.iter().any(|d| d.code == code) {
                items.push(DocumentItem { code, only_if: Some("in_person"), text: None });
            }
        }
        for (code, only_if) in self.conditional {
            if !items.iter().any(|d| d.code == code) {
                items.push(DocumentItem { code, only_if: Some(only_if), text: None });
            }
        }
        (items, self.written_to_head)
    }
}

/// Residency decides who may attach. Returns whether the person may apply only in writing to the
/// head (EAEU labour migrants and their families: the portal has no step for their contract).
fn residency<'r>(req: &Request, ctx: &mut Ctx<'r>, papers: &mut Papers) -> bool {
    let Some(code) = req.person.residency else {
        ctx.missing(ReasonCode::Residency, Field::Residency, &ctx.edition.sources);
        return false;
    };
    let entry = ctx.law.residency(code).expect("every residency has a rule (checked on load)");
    match entry.rule {
        ResidencyRule::Eligible => {
            ctx.met(ReasonCode::Residency, "eligible", &entry.sources).interpretation(entry.interpretation);
            false
        }
        ResidencyRule::NotEligible => {
            let insured = req.person.insurance.is_some_and(|i| i != Insurance::None);
            let detail = if insured { "not_eligible_even_insured" } else { "not_eligible" };
            // With a voluntary policy the sources do not say it outright (issue 24): a reading.
            ctx.fail(ReasonCode::Residency, detail, &entry.sources).interpretation(entry.interpretation || insured);
            ctx.alternative(Alternative::NearestClinicOrAmbulance, None);
            false
        }
        ResidencyRule::Insured => {
            ctx.met(ReasonCode::Residency, "insured", &entry.sources).interpretation(entry.interpretation);
            papers.written_to_head |= entry.written_application;
            for &document in entry.documents.iter() {
                // The family's consent only when one person applies for another family member
                // (issue 24), not for an adult applying herself.
                if document == DocumentCode::FamilyConsent {
                    match req.applicant {
                        Some(Applicant::FamilyMember) => papers.always(document),
                        None => papers.only_if(document, "family_member_applies"),
                        Some(_) => {}
                    }
                } else {
                    papers.always(document);
                }
            }
            match (req.person.insurance, req.person.insurance_until) {
                (None, until) => {
                    ctx.missing(ReasonCode::InsuranceContract, Field::Insurance, &entry.sources);
                    match until {
                        None => {
                            ctx.missing(ReasonCode::InsuranceContract, Field::InsuranceUntil, &entry.sources);
                        }
                        Some(u) if u < ctx.date() => {
                            ctx.fail(ReasonCode::InsuranceContract, "expired", &entry.sources).with("date", Param::Date(u));
                            ctx.alternative(Alternative::GetInsuranceContract, None);
                        }
                        Some(_) => {}
                    }
                }
                (Some(Insurance::None), _) => {
                    ctx.fail(ReasonCode::InsuranceContract, "none", &entry.sources);
                    ctx.alternative(Alternative::GetInsuranceContract, None);
                }
                (Some(_), None) => {
                    ctx.missing(ReasonCode::InsuranceContract, Field::InsuranceUntil, &entry.sources);
                }
                (Some(_), Some(until)) if until < ctx.date() => {
                    ctx.fail(ReasonCode::InsuranceContract, "expired", &entry.sources).with("date", Param::Date(until));
                    ctx.alternative(Alternative::GetInsuranceContract, None);
                }
                (Some(_), Some(until)) => {
                    ctx.met(ReasonCode::InsuranceContract, "valid", &entry.sources).with("date", Param::Date(until));
                }
            }
            entry.written_application
        }
    }
}

fn consent(req: &Request, ctx: &mut Ctx<'_>) {
    let sources = &ctx.rules.refusal_grounds.sources;
    match req.person.consents_to_data_access {
        Some(true) => {
            ctx.met(ReasonCode::DataAccessConsent, "given", sources);
        }
        Some(false) => {
            ctx.fail(ReasonCode::DataAccessConsent, "refused", sources);
            ctx.alternative(Alternative::GiveDataConsent, None);
        }
        None => ctx.risk("no_data_access_consent"),
    }
}

/// The campaign of the year of the check if it has not closed yet, else the next one; taken from the
/// edition in force when that campaign opens (the rules may change before it).
fn this_or_next_campaign<'r>(req: &Request, ctx: &mut Ctx<'r>) -> Result<Option<CampaignInfo<'r>>, OutOfHorizon> {
    let date = ctx.date();
    for year in [date.year(), date.year() + 1] {
        let Some(c) = campaign_for_year(ctx, year) else { continue };
        let (opens, closes) = c.window(year);
        if date > closes {
            continue;
        }
        let mut submit_by = closes;
        while ctx.rules.calendar.is_day_off(submit_by)? && submit_by > opens {
            submit_by = submit_by.pred_opt().expect("inside the window");
        }
        // The campaign's dates are the answer only to a campaign request; elsewhere they are shown
        // beside it, and a year without an official calendar does not make the answer provisional.
        if req.reason == Some(Reason::Campaign) {
            ctx.rests_on_calendar(submit_by, closes);
        }
        projection(ctx, c, year);
        let dates = CampaignDates { opens: Day(opens), closes: Day(closes), care_starts: Day(c.care_starts(year)), submit_by: Day(submit_by) };
        return Ok(Some(CampaignInfo { dates, sources: &c.sources }));
    }
    Ok(None)
}

fn campaign_for_year<'r>(ctx: &Ctx<'r>, year: i32) -> Option<&'r Provision<Campaign>> {
    let editions = &ctx.rules.editions;
    let c = editions.campaign_on(ctx.date().max(NaiveDate::from_ymd_opt(year, 1, 1)?))?;
    // The rule in force on the day this campaign would open decides.
    let (opens, _) = c.window(year);
    editions.campaign_on(opens.max(ctx.date()))
}

/// Says that the campaign of `year` is projected from the rules in force, once per decision.
fn projection<'r>(ctx: &mut Ctx<'r>, c: &'r Provision<Campaign>, year: i32) {
    if c.is_projected(year) {
        ctx.projected(ReasonCode::RulesProjection, "campaign", &c.projection_sources, year);
    }
}

/// The campaign a check speaks of, with the sources of its window.
#[derive(Clone)]
struct CampaignInfo<'r> {
    dates: CampaignDates,
    sources: &'r [Text],
}

fn ground<'r>(req: &Request, ctx: &mut Ctx<'r>, campaign: Option<&CampaignInfo<'r>>, accepted_on: NaiveDate, papers: &mut Papers) {
    let edition = ctx.edition;
    let attached = req.current_attachment.attached;
    // Already attached to the chosen clinic: nothing to do, on any ground (so before the ground is
    // asked: every route would say the same, issue 14).
    if attached == Some(true) && req.current_attachment.at_target_clinic == Some(true) {
        ctx.fail(ReasonCode::AlreadyAttached, "already_attached", &edition.sources);
        ctx.alternative(Alternative::NothingToDo, None);
        return;
    }
    let Some(reason) = req.reason else {
        ctx.missing(ReasonCode::Ground, Field::Reason, &edition.sources);
        return;
    };
    let Some(g) = ctx.law.ground(reason) else {
        ctx.fail(ReasonCode::Ground, "not_in_edition", &edition.sources).with("reason", Param::Ground(reason.as_str()));
        if ctx.law.ground(Reason::FreeChoice).is_some() {
            ctx.alternative(Alternative::UseFreeChoice, None);
        }
        return;
    };
    // A convict serving a sentence is attached at the place of serving, on the attachment
    // commission's protocol (001, 004): not by free choice nor in the campaign (issue 24).
    if matches!(reason, Reason::FreeChoice | Reason::Campaign) && req.person.categories.contains(&Category::Convict) {
        if let Some(w) = ctx.law.written(Category::Convict) {
            ctx.fail(ReasonCode::Ground, "convict_place_of_serving", &w.sources);
            return;
        }
    }
    ctx.met(ReasonCode::Ground, reason.as_str(), &g.sources).interpretation(g.interpretation);
    let date = ctx.date();
    match reason {
        Reason::Relocation => {
            match req.relocation.moved_on {
                None => {
                    ctx.missing(ReasonCode::RelocationDate, Field::MovedOn, &g.sources);
                }
                Some(moved) if moved > date => {
                    ctx.until(ReasonCode::RelocationDate, "future", &g.sources, moved);
                    ctx.alternative(Alternative::ApplyFromDate, Some(moved));
                }
                Some(moved) => {
                    ctx.met(ReasonCode::RelocationDate, "moved", &g.sources).with("date", Param::Date(moved));
                }
            }
            relocation_scope(req, ctx, g.relocation_scope, &g.sources);
        }
        Reason::FreeChoice => free_choice(req, ctx, campaign),
        Reason::Campaign => match campaign {
            None => {
                ctx.fail(ReasonCode::CampaignWindow, "no_campaign", &edition.sources);
                ctx.alternative(Alternative::UseFreeChoice, None);
            }
            Some(CampaignInfo { dates: c, sources }) => {
                let sources: &'r [Text] = sources;
                if accepted_on < c.opens.0 {
                    ctx.until(ReasonCode::CampaignWindow, "not_yet_open", sources, c.opens.0)
                        .with("opens", Param::Date(c.opens.0))
                        .with("closes", Param::Date(c.closes.0))
                        .interpretation(true);
                    ctx.alternative(Alternative::ApplyFromDate, Some(c.opens.0));
                    // A free change may be open now: said as the way to change sooner.
                    if ctx.law.ground(Reason::FreeChoice).is_some() {
                        ctx.alternative(Alternative::UseFreeChoiceNow, Some(accepted_on));
                    }
                } else if accepted_on <= c.closes.0 {
                    // Both end days count, for the day the request is accepted: a reading.
                    ctx.met(ReasonCode::CampaignWindow, "open", sources)
                        .with("opens", Param::Date(c.opens.0))
                        .with("closes", Param::Date(c.closes.0))
                        .interpretation(true);
                    ctx.info(ReasonCode::CareStart, "campaign", sources).with("date", Param::Date(c.care_starts.0));
                } else if date <= c.closes.0 {
                    // Submitted inside the window but accepted after it: the last day is a day off, or
                    // the request comes after 18:00 on the last working day. The sources do not settle
                    // whether it counts (domain.md §10): not refused, said as a risk with the safe date.
                    ctx.met(ReasonCode::CampaignWindow, "after_last_working_day", sources)
                        .with("opens", Param::Date(c.opens.0))
                        .with("closes", Param::Date(c.closes.0))
                        .with("date", Param::Date(c.submit_by.0))
                        .interpretation(true);
                    ctx.risk("campaign_request_after_last_working_day");
                    ctx.info(ReasonCode::CareStart, "campaign", sources).with("date", Param::Date(c.care_starts.0));
                } else {
                    // Accepted after the window: the next campaign.
                    next_campaign_after(ctx, c.opens.0.year());
                    ctx.info(ReasonCode::CampaignWindow, "accepted_after_close", sources)
                        .with("date", Param::Date(accepted_on))
                        .with("closes", Param::Date(c.closes.0))
                        .interpretation(true);
                }
            }
        },
        Reason::VoluntaryInsurance => {
            match req.person.insurance {
                None => {
                    ctx.missing(ReasonCode::VoluntaryInsurancePolicy, Field::Insurance, &g.sources);
                }
                Some(Insurance::Voluntary) => match req.person.insurance_until {
                    Some(until) if until < date => {
                        ctx.fail(ReasonCode::VoluntaryInsurancePolicy, "expired", &g.sources).with("date", Param::Date(until));
                    }
                    _ => {
                        ctx.met(ReasonCode::VoluntaryInsurancePolicy, "voluntary", &g.sources);
                    }
                },
                Some(_) => {
                    ctx.fail(ReasonCode::VoluntaryInsurancePolicy, "no_voluntary_policy", &g.sources);
                    ctx.alternative(Alternative::UseFreeChoice, None);
                }
            }
            papers.always(DocumentCode::InsuranceContract);
        }
        Reason::FirstAttachment => {
            if attached == Some(true) {
                ctx.fail(ReasonCode::AlreadyAttached, "attached_elsewhere", &g.sources);
                ctx.alternative(Alternative::UseFreeChoice, None);
            }
        }
        Reason::TemporaryAbsence
        | Reason::CommissionDisagreement
        | Reason::ClinicStoppedService
        | Reason::ClinicCapacity
        | Reason::NewFacility
        | Reason::Privatization => {}
    }
}

/// Which moves are a ground: under Order No. 281 only one beyond the unit; under Order ҚР ДСМ-194/2020
/// one within the unit, or leaving it for more than one month (004, ground 1).
fn relocation_scope<'r>(req: &Request, ctx: &mut Ctx<'r>, scope: RelocationScope, sources: &'r [Text]) {
    let leaves = req.relocation.leaves_unit;
    match (scope, leaves) {
        (RelocationScope::Any, _) => {}
        (_, None) => {
            ctx.missing(ReasonCode::RelocationScope, Field::LeavesUnit, sources);
        }
        (RelocationScope::BeyondUnit, Some(false)) => {
            ctx.fail(ReasonCode::RelocationScope, "within_unit", sources);
            ctx.alternative(Alternative::UseFreeChoice, None);
        }
        (RelocationScope::BeyondUnit, Some(true)) => {
            ctx.met(ReasonCode::RelocationScope, "beyond_unit", sources);
        }
        (RelocationScope::WithinUnitOrAwayOverAMonth, Some(false)) => {
            ctx.met(ReasonCode::RelocationScope, "within_unit_counts", sources);
        }
        (RelocationScope::WithinUnitOrAwayOverAMonth, Some(true)) => match req.relocation.away_over_a_month {
            None => {
                ctx.missing(ReasonCode::RelocationScope, Field::AwayOverAMonth, sources);
            }
            Some(true) => {
                ctx.met(ReasonCode::RelocationScope, "away_over_a_month", sources);
            }
            Some(false) => {
                // A short absence needs no change (issue 24): the nearest medical organisation there,
                // or 103; never a free change spent on it.
                ctx.fail(ReasonCode::RelocationScope, "away_a_month_or_less", sources);
                ctx.alternative(Alternative::NearestMedicalOrganisationThere, None);
            }
        },
    }
}

/// The campaign after `year`'s: eligible from its opening, or not at all if no campaign is known.
fn next_campaign_after(ctx: &mut Ctx<'_>, year: i32) {
    let edition = ctx.edition;
    match campaign_for_year(ctx, year + 1) {
        Some(next) => {
            let (opens, closes) = next.window(year + 1);
            projection(ctx, next, year + 1);
            let sources = &next.sources;
            ctx.until(ReasonCode::CampaignWindow, "closed", sources, opens)
                .with("opens", Param::Date(opens))
                .with("closes", Param::Date(closes))
                .interpretation(true);
            ctx.alternative(Alternative::ApplyFromDate, Some(opens));
        }
        None => {
            ctx.fail(ReasonCode::CampaignWindow, "no_campaign", &edition.sources);
        }
    }
    if ctx.law.ground(Reason::FreeChoice).is_some() {
        let today = ctx.date();
        ctx.alternative(Alternative::UseFreeChoiceNow, Some(today));
    }
}

fn free_choice(req: &Request, ctx: &mut Ctx<'_>, campaign: Option<&CampaignInfo<'_>>) {
    let free = ctx.law.free_changes;
    let limit = free.per_year;
    let sources = &free.sources;
    if req.current_attachment.attached == Some(false) {
        ctx.met(ReasonCode::FreeChangeLimit, "not_attached", sources).interpretation(true);
        return;
    }
    if !free.disagreeing_sources.is_empty() {
        // Two official pages state different limits: the one applied and the other are both named.
        ctx.info(ReasonCode::FreeChangeLimit, "sources_disagree", sources)
            .with("limit", Param::Count(limit))
            .interpretation(true)
            .disagreeing(&free.disagreeing_sources);
    }
    match req.current_attachment.free_changes_this_year {
        None => {
            ctx.missing(ReasonCode::FreeChangeLimit, Field::FreeChangesThisYear, sources);
        }
        Some(used) if used >= limit => {
            let next_year = NaiveDate::from_ymd_opt(ctx.date().year() + 1, 1, 1).expect("inside the horizon");
            ctx.until(ReasonCode::FreeChangeLimit, "reached", sources, next_year)
                .with("limit", Param::Count(limit))
                .with("used", Param::Count(used))
                .interpretation(free.interpretation)
                .single_source(free.single_source)
                .disagreeing(&free.disagreeing_sources);
            ctx.alternative(Alternative::ApplyFromDate, Some(next_year));
            if let Some(CampaignInfo { dates: c, .. }) = campaign {
                if c.closes.0 >= ctx.date() && c.opens.0.year() == ctx.date().year() {
                    ctx.alternative(Alternative::UseCampaign, Some(c.opens.0.max(ctx.date())));
                }
            }
        }
        Some(used) => {
            ctx.met(ReasonCode::FreeChangeLimit, "within", sources)
                .with("limit", Param::Count(limit))
                .with("used", Param::Count(used))
                .with("left", Param::Changes(limit - used - 1))
                .interpretation(free.interpretation)
                .single_source(free.single_source)
                .disagreeing(&free.disagreeing_sources);
        }
    }
}

fn territory(req: &Request, ctx: &mut Ctx<'_>) {
    let territory = ctx.law.territory;
    let sources = &territory.sources;
    match req.target_unit {
        None => {
            ctx.missing(ReasonCode::Territory, Field::TargetUnit, sources);
        }
        Some(TargetUnit::Same) => {
            ctx.met(ReasonCode::Territory, "same_unit", sources);
        }
        Some(TargetUnit::Neighbouring) if territory.border_exception => match req.border_territory {
            None => {
                ctx.missing(ReasonCode::Territory, Field::BorderTerritory, sources);
            }
            Some(true) => {
                ctx.met(ReasonCode::Territory, "border_exception", sources);
            }
            Some(false) => {
                ctx.fail(ReasonCode::Territory, "neighbouring_not_border", sources);
                ctx.alternative(Alternative::ChooseClinicInUnit, None);
            }
        },
        Some(_) => {
            ctx.fail(ReasonCode::Territory, "other_unit", sources);
            ctx.alternative(Alternative::ChooseClinicInUnit, None);
        }
    }
}

/// Whole years of age on the date of the check.
pub(crate) fn age_on(birth: NaiveDate, date: NaiveDate) -> i32 {
    let mut years = date.year() - birth.year();
    if (date.month(), date.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    years
}

fn age(req: &Request, ctx: &mut Ctx<'_>) {
    let Some(birth) = req.person.birth_date else { return };
    let age = age_on(birth, ctx.date());
    let law = ctx.law;
    if age < 18 {
        ctx.info(ReasonCode::MinorRepresented, "minor", &law.family.sources).with("age", Param::Years(age as u32)).interpretation(true);
    }
    if age < 5 && law.territory.under_five_actual_residence {
        ctx.info(ReasonCode::ActualResidenceUnderFive, "under_five", &law.territory.sources);
    }
}

fn categories<'r>(req: &Request, ctx: &mut Ctx<'r>, papers: &mut Papers) {
    let law = ctx.law;
    for &category in &req.person.categories {
        let Some(w) = law.written(category) else { continue };
        match category {
            Category::Student | Category::MadrasahStudent => {
                // The rector's request and the commission's protocol exist only where the institution
                // and the clinic arranged it (004, ground 5; 001): without one, a student applies as
                // anyone. 001 limits the category to children under 18, 004 does not: for an adult
                // student the sources leave it open (issue 24).
                let adult = req.person.birth_date.is_some_and(|b| age_on(b, ctx.date()) >= 18);
                match req.person.institution_request {
                    Some(false) => {
                        ctx.info(ReasonCode::WrittenApplication, "student_no_request", &w.sources);
                        continue;
                    }
                    None => {
                        papers.only_if(w.document, "institution_request");
                        ctx.info(ReasonCode::WrittenApplication, if adult { "student_adult_if_request" } else { "student_if_request" }, &w.sources).interpretation(adult);
                        continue;
                    }
                    Some(true) if adult => {
                        papers.written(w.document);
                        ctx.info(ReasonCode::WrittenApplication, "student_adult", &w.sources).interpretation(true);
                        continue;
                    }
                    Some(true) => {}
                }
            }
            // A representative who is not the parent (`applicant: representative`) or a guardian
            // brings the guardianship document, below.
            Category::DisabledChildRepresentative if !req.person.categories.contains(&Category::Guardian) && req.applicant != Some(Applicant::Representative) => {
                // A parent is the child's legal representative by the birth certificate; the court
                // decision or other document confirming guardianship is a guardian's (001 item 4, our
                // reading, issue 24).
                papers.written(DocumentCode::ChildBirthCertificate);
                ctx.info(ReasonCode::WrittenApplication, "disabled_child_parent", &w.sources).interpretation(true);
                continue;
            }
            Category::Convict => {
                // Attached at the place of serving on the commission's protocol, whichever way.
                papers.written_to_head = true;
                papers.always(w.document);
                ctx.info(ReasonCode::WrittenApplication, category.as_str(), &w.sources);
                continue;
            }
            _ => {}
        }
        papers.written(w.document);
        ctx.info(ReasonCode::WrittenApplication, category.as_str(), &w.sources);
    }
}

/// Every refusal ground of the service (000) that the answers cannot rule out, to check before applying.
fn refusal_risks<'r>(req: &Request, ctx: &mut Ctx<'r>, verdict: Verdict) {
    if verdict == Verdict::NotEligible {
        return;
    }
    let rules = ctx.rules;
    for ground in rules.refusal_grounds.codes.iter() {
        let ruled_out = match &**ground {
            "no_data_access_consent" => req.person.consents_to_data_access.is_some(),
            // The answers were checked against the Rules' requirements: open only while some are missing.
            "requirements_not_met" => verdict != Verdict::NeedsInformation,
            _ => false,
        };
        if !ruled_out {
            ctx.risk(ground);
        }
    }
}

/// Whether the portal is open to this person: a digital signature, or (where the edition allows) a
/// one-time password to the phone registered on the portal. `None` when an answer is missing.
fn portal(req: &Request, ctx: &mut Ctx<'_>, writes_to_head_only: bool) -> Option<bool> {
    let sign_in = ctx.law.portal_sign_in;
    if writes_to_head_only {
        // EAEU labour migrants and their families apply in writing to the head with their insurance
        // contract; the portal takes identity data from state systems and has no step for the
        // contract (domain.md §10: interpretation).
        ctx.info(ReasonCode::PortalSignIn, "written_to_head_only", &sign_in.sources).interpretation(true);
        if req.channel == Some(Channel::Portal) {
            ctx.alternative(Alternative::ApplyInPerson, None);
        }
        return Some(false);
    }
    let (eds, phone) = (req.person.eds, req.person.phone_on_portal);
    let otp = sign_in.one_time_password;
    let available = match (eds, phone) {
        (Some(true), _) if sign_in.eds => Some(true),
        (_, Some(true)) if otp => Some(true),
        (Some(_), Some(_)) => Some(false),
        (Some(_), None) if !otp => Some(false),
        _ => None,
    };
    if req.channel != Some(Channel::Portal) {
        return available;
    }
    let sources = &sign_in.sources;
    match available {
        Some(true) => {
            let by_phone = eds != Some(true);
            ctx.met(ReasonCode::PortalSignIn, if by_phone { "one_time_password" } else { "eds" }, sources)
                .interpretation(by_phone && sign_in.one_time_password_interpretation);
        }
        Some(false) => {
            // The channel never changes the verdict: the portal is closed, the clinic's door is not.
            ctx.warn(ReasonCode::PortalSignIn, if otp { "no_eds_no_phone" } else { "no_eds" }, sources);
            ctx.alternative(Alternative::ApplyInPerson, None);
            ctx.alternative(Alternative::GetEds, None);
        }
        None => {
            // Not needed for the verdict: `channels` says the portal is open only with a signature.
            ctx.info(ReasonCode::PortalSignIn, if otp { "unknown_eds_or_phone" } else { "unknown_eds" }, sources);
        }
    }
    available
}

/// When the answer is due for a request accepted on a day: by the edition's processing rule.
fn decision_due(ctx: &mut Ctx<'_>, processing: Processing, submitted: NaiveDate, accepted: NaiveDate) -> Result<Option<NaiveDate>, OutOfHorizon> {
    Ok(match processing {
        Processing::SameDay => Some(accepted),
        Processing::NextWorkingDay => Some(ctx.working_day(submitted, 1)?),
        Processing::NotStated => None,
    })
}

fn due_for(req: &Request, ctx: &mut Ctx<'_>, submitted: NaiveDate, accepted: NaiveDate) -> Result<Option<NaiveDate>, OutOfHorizon> {
    let processing = ctx.law.processing;
    let portal = decision_due(ctx, processing.portal, submitted, accepted)?;
    let in_person = decision_due(ctx, processing.in_person, submitted, accepted)?;
    Ok(match req.channel {
        Some(Channel::Portal) => portal,
        Some(Channel::InPerson) => in_person,
        // Both channels: the later answer, so the citizen is never told to expect it too early.
        None => portal.max(in_person),
    })
}

/// The reason that says how long the clinic takes to answer, by the edition's processing rule.
fn processing(req: &Request, ctx: &mut Ctx<'_>) {
    let processing = ctx.law.processing;
    let detail = match (req.channel, processing.portal, processing.in_person) {
        (_, Processing::NotStated, _) | (_, _, Processing::NotStated) => "not_stated",
        (Some(Channel::Portal), Processing::SameDay, _) => "same_day",
        _ => "next_working_day",
    };
    // How "within one working day" becomes a date (domain.md §10) is the project's own counting.
    ctx.info(ReasonCode::ProcessingTime, detail, &processing.sources).interpretation(detail != "not_stated");
}

/// The dates that follow from the verdict (computed after it: no date decides it).
fn dates(
    req: &Request,
    ctx: &mut Ctx<'_>,
    (verdict, eligible_from): (Verdict, Option<NaiveDate>),
    campaign: Option<CampaignInfo<'_>>,
    accepted_on: NaiveDate,
) -> Result<StandardDates, OutOfHorizon> {
    let law = ctx.law;
    let mut dates = StandardDates { campaign: campaign.as_ref().map(|c| c.dates.clone()), ..Default::default() };
    let limit_known = req.current_attachment.free_changes_this_year.filter(|_| req.reason == Some(Reason::FreeChoice));
    match verdict {
        Verdict::Eligible | Verdict::NeedsInformation => {
            dates.accepted_on = Some(Day(accepted_on));
            let due = due_for(req, ctx, ctx.date(), accepted_on)?;
            dates.decision_due = due.map(Day);
            if verdict == Verdict::Eligible {
                dates.care_starts = if req.reason == Some(Reason::Campaign) {
                    campaign.as_ref().map(|c| c.dates.care_starts)
                } else {
                    due.map(Day)
                };
            }
            if let Some(used) = limit_known {
                if req.current_attachment.attached != Some(false) {
                    dates.free_changes_left = Some(law.free_changes.per_year.saturating_sub(used + 1));
                }
            }
        }
        Verdict::EligibleLater => {
            let from = eligible_from.expect("eligible_later has a date");
            if req.reason == Some(Reason::Campaign) {
                let year = from.year();
                dates.care_starts = campaign_for_year(ctx, year).map(|c| Day(c.care_starts(year)));
            } else {
                // A request on that day, during working hours.
                let at = from.and_time(NaiveTime::from_hms_opt(9, 0, 0).expect("valid"));
                let accepted = ctx.accepted_on(at)?;
                dates.care_starts = due_for(req, ctx, from, accepted)?.map(Day);
            }
            if let Some(used) = limit_known {
                if used >= law.free_changes.per_year {
                    dates.next_free_change = Some(Day(from));
                }
            }
        }
        Verdict::NotEligible => {}
    }
    let may_attach = matches!(verdict, Verdict::Eligible | Verdict::EligibleLater);
    if let (true, Some(ResidencyRule::Insured), Some(until)) = (
        may_attach,
        req.person.residency.and_then(|r| law.residency(r)).map(|r| r.rule),
        req.person.insurance_until,
    ) {
        dates.attachment_ends = Some(Day(until));
    }
    Ok(dates)
}
