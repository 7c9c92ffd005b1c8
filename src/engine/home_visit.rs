//! "Calling a doctor at home": open to a person attached to that PHC organisation (003; Order
//! ҚР ДСМ-90 of 24.08.2021, para 68). A call is registered within 10 minutes in person or by phone,
//! 30 minutes on the portal, in the clinic's own hours (103 at any hour). Between a campaign's opening
//! and 1 January the previous clinic serves a person who changed clinic in it (004); away from home,
//! the nearest medical organisation there or 103 (002, 004).

use super::Ctx;
use crate::calendar::OutOfHorizon;
use crate::codes::{Alternative, Channel, DocumentCode, Field, ReasonCode, Residency, Service};
use crate::decision::{ChannelItem, Dates, Decision, DocumentItem, HomeVisitDates, Param, ResponseMinutes};
use crate::request::Request;
use chrono::{Datelike, NaiveDate};

pub(super) fn decide<'r>(req: &Request, ctx: Ctx<'r>) -> Result<Decision<'r>, OutOfHorizon> {
    let mut ctx = ctx;
    let hv = &ctx.rules.home_visit;
    let sources = &hv.sources;
    // An emergency is never a question of attachment: said first, whatever the answer.
    ctx.alternative(Alternative::CallAmbulance, None);
    // A person who cannot attach (a temporary visitor) is not told to attach first.
    let may_attach = req.person.residency != Some(Residency::TemporaryVisitor);
    // Away from home (a trip, a visit, shift work): the nearest medical organisation there, or 103
    // (002, 004), whichever clinic is asked (issue 24).
    let away = req.away_from_home == Some(true);
    // Between the campaign's opening and 1 January an attachment made in the campaign has not taken
    // effect: the previous clinic serves, whichever clinic is asked (004, issue 24).
    let window = campaign_window(&ctx);
    match (req.current_attachment.attached, req.current_attachment.at_target_clinic) {
        // Away from home, no clinic comes where the person is, their own included: the nearest
        // medical organisation there, or 103 (002, 004), whatever the attachment.
        _ if away => away_from_home(&mut ctx),
        (Some(false), _) => {
            ctx.fail(ReasonCode::AttachedToClinic, "not_attached", sources);
            if may_attach {
                ctx.alternative(Alternative::AttachFirst, None);
            }
        }
        (_, Some(false)) if window.is_some() => previous_clinic(req, &mut ctx, window),
        (_, Some(false)) => {
            ctx.fail(ReasonCode::AttachedToClinic, "attached_elsewhere", sources);
            ctx.alternative(Alternative::CallOwnClinic, None);
        }
        (Some(true), Some(true)) => {
            ctx.met(ReasonCode::AttachedToClinic, "attached_here", sources);
            campaign_attachment(req, &mut ctx, window);
        }
        (attached, here) => {
            // Either answer could refuse on its own: both are needed.
            if attached.is_none() {
                ctx.missing(ReasonCode::AttachedToClinic, Field::Attached, sources);
            }
            if here.is_none() {
                ctx.missing(ReasonCode::AttachedToClinic, Field::AtTargetClinic, sources);
            }
        }
    }
    let portal = if hv.portal_needs_eds { req.person.eds } else { Some(true) };
    if req.channel == Some(Channel::Portal) {
        // Without a signature only the portal is closed: the clinic still comes when called by
        // phone or in person (003). The channel never changes the verdict.
        match portal {
            Some(true) => {
                ctx.met(ReasonCode::PortalSignIn, "eds", sources);
            }
            Some(false) => {
                ctx.warn(ReasonCode::PortalSignIn, "no_eds", sources);
                ctx.alternative(Alternative::CallClinic, None);
            }
            None => {
                ctx.info(ReasonCode::PortalSignIn, "unknown_eds", sources);
            }
        }
    }
    // The refusal grounds of 003: not attached (decided above) and unreliable documents.
    if !ctx.has_failed() {
        ctx.risk("unreliable_documents");
    }
    // The 10 and 30 minutes are how fast a call is registered, within the clinic's own hours (no
    // national rule on them was found): a reading, with 103 at any hour (issue 24).
    ctx.info(ReasonCode::HomeVisitResponse, "minutes", sources)
        .with("in_person", Param::Minutes(hv.in_person_minutes))
        .with("portal", Param::Minutes(hv.portal_minutes))
        .interpretation(true);
    // Before Order 90 the sources give no rule: the same one is applied, and said to be a reading.
    if let Some(from) = hv.from.filter(|f| ctx.at.local.date() < *f) {
        ctx.info(ReasonCode::HomeVisitResponse, "before_act", sources).with("date", Param::Date(from)).interpretation(true);
    }
    let channels = vec![
        ChannelItem { channel: Channel::Portal, available: portal, written_application_to_head: None, sign_in: None, text: None },
        ChannelItem { channel: Channel::InPerson, available: Some(true), written_application_to_head: Some(false), sign_in: None, text: None },
    ];
    let documents = vec![DocumentItem { code: DocumentCode::IdentityDocument, only_if: None, text: None }];
    let dates = Dates::HomeVisit(HomeVisitDates {
        accepted_on: None,
        response_minutes: ResponseMinutes { in_person: hv.in_person_minutes, portal: hv.portal_minutes },
    });
    Ok(ctx.finish(Service::HomeVisit, channels, documents, dates))
}

/// This year's campaign window, from its opening to 31 December, when the date of the check is in
/// it: (the day care from a campaign attachment starts, the campaign's sources).
fn campaign_window<'r>(ctx: &Ctx<'r>) -> Option<(NaiveDate, &'r [crate::rules::model::Text])> {
    let date = ctx.date();
    let campaign = ctx.law.campaign()?;
    let (opens, _) = campaign.window(date.year());
    (date >= opens).then(|| (campaign.care_starts(date.year()), &campaign.sources[..]))
}

/// Away from home and ill: the nearest medical organisation there, or an ambulance (002, 004).
fn away_from_home(ctx: &mut Ctx<'_>) {
    let sources = &ctx.rules.away_from_home.sources;
    ctx.fail(ReasonCode::AttachedToClinic, "away_from_home", sources);
    ctx.alternative(Alternative::NearestMedicalOrganisationThere, None);
}

/// Between a campaign's opening and 1 January, an attachment made in this year's campaign has not
/// taken effect: "within a current year, such citizens continue to receive medical care in a PHC
/// organization of previous assignment" (004). Asked only in that part of the year. The new clinic
/// asked: from 1 January.
fn campaign_attachment<'r>(req: &Request, ctx: &mut Ctx<'r>, window: Option<(NaiveDate, &'r [crate::rules::model::Text])>) {
    let Some((care_starts, sources)) = window else { return };
    match req.current_attachment.attached_in_campaign {
        None => {
            ctx.missing(ReasonCode::CampaignAttachment, Field::AttachedInCampaign, sources);
        }
        Some(true) => {
            let last_day = care_starts.pred_opt().unwrap_or(NaiveDate::MIN);
            ctx.until(ReasonCode::CampaignAttachment, "pending", sources, care_starts).with("last_day", Param::Date(last_day));
            ctx.alternative(Alternative::CallPreviousClinic, Some(last_day));
            fund_contract(ctx, care_starts);
        }
        Some(false) => {
            ctx.met(ReasonCode::CampaignAttachment, "in_effect", sources);
        }
    }
}

/// The clinic asked is not the one the person is attached to, in the campaign's months: if they
/// changed clinic in this campaign, the previous clinic still serves them until 31 December (004).
fn previous_clinic<'r>(req: &Request, ctx: &mut Ctx<'r>, window: Option<(NaiveDate, &'r [crate::rules::model::Text])>) {
    let Some((care_starts, sources)) = window else { return };
    let hv_sources = &ctx.rules.home_visit.sources;
    let last_day = care_starts.pred_opt().unwrap_or(NaiveDate::MIN);
    match req.current_attachment.attached_in_campaign {
        None => {
            ctx.missing(ReasonCode::CampaignAttachment, Field::AttachedInCampaign, sources);
        }
        Some(true) => {
            ctx.met(ReasonCode::CampaignAttachment, "previous_serves", sources)
                .with("date", Param::Date(last_day))
                .with("care", Param::Date(care_starts));
            fund_contract(ctx, care_starts);
        }
        Some(false) => {
            ctx.fail(ReasonCode::AttachedToClinic, "attached_elsewhere", hv_sources);
            ctx.alternative(Alternative::CallOwnClinic, None);
        }
    }
}

/// From the day Order No. 109 applies, the new clinic gives care only with a Fund contract.
fn fund_contract(ctx: &mut Ctx<'_>, care_starts: NaiveDate) {
    let fc = &ctx.rules.fund_contract;
    if fc.from.is_some_and(|from| care_starts >= from) {
        ctx.info(ReasonCode::FundContract, "campaign_clinic", &fc.sources).with("date", Param::Date(fc.from.unwrap_or(care_starts))).single_source(fc.single_source);
    }
}
