//! "Calling a doctor at home": open to a person attached to that PHC organisation (003; Order
//! ҚР ДСМ-90 of 24.08.2021, para 68). The answer comes within 10 minutes in person or by phone, 30
//! minutes on the portal.

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
    match (req.current_attachment.attached, req.current_attachment.at_target_clinic) {
        (Some(false), _) => {
            ctx.fail(ReasonCode::AttachedToClinic, "not_attached", sources);
            if may_attach {
                ctx.alternative(Alternative::AttachFirst, None);
            }
        }
        (_, Some(false)) => {
            ctx.fail(ReasonCode::AttachedToClinic, "attached_elsewhere", sources);
            ctx.alternative(Alternative::CallOwnClinic, None);
        }
        (Some(true), Some(true)) => {
            ctx.met(ReasonCode::AttachedToClinic, "attached_here", sources);
            campaign_attachment(req, &mut ctx);
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
    ctx.info(ReasonCode::HomeVisitResponse, "minutes", sources)
        .with("in_person", Param::Minutes(hv.in_person_minutes))
        .with("portal", Param::Minutes(hv.portal_minutes));
    // Before Order 90 the sources give no rule: the same one is applied, and said to be a reading.
    if let Some(from) = hv.from.filter(|f| ctx.at.local.date() < *f) {
        ctx.info(ReasonCode::HomeVisitResponse, "before_act", sources).with("date", Param::Date(from)).interpretation(true);
    }
    let channels = vec![
        ChannelItem { channel: Channel::Portal, available: portal, written_application_to_head: None, text: None },
        ChannelItem { channel: Channel::InPerson, available: Some(true), written_application_to_head: Some(false), text: None },
    ];
    let documents = vec![DocumentItem { code: DocumentCode::IdentityDocument, only_if: None, text: None }];
    let dates = Dates::HomeVisit(HomeVisitDates {
        accepted_on: None,
        response_minutes: ResponseMinutes { in_person: hv.in_person_minutes, portal: hv.portal_minutes },
    });
    Ok(ctx.finish(Service::HomeVisit, channels, documents, dates))
}

/// Between a campaign's opening and 1 January, an attachment made in this year's campaign has not
/// taken effect: "within a current year, such citizens continue to receive medical care in a PHC
/// organization of previous assignment" (004). Asked only in that part of the year.
fn campaign_attachment(req: &Request, ctx: &mut Ctx<'_>) {
    let date = ctx.date();
    let Some(campaign) = ctx.law.campaign() else { return };
    let (opens, _) = campaign.window(date.year());
    if date < opens {
        return;
    }
    let care_starts = campaign.care_starts(date.year());
    let sources = &campaign.sources;
    match req.current_attachment.attached_in_campaign {
        None => {
            ctx.missing(ReasonCode::CampaignAttachment, Field::AttachedInCampaign, sources);
        }
        Some(true) => {
            ctx.until(ReasonCode::CampaignAttachment, "pending", sources, care_starts);
            let last_day = care_starts.pred_opt().unwrap_or(NaiveDate::MIN);
            ctx.alternative(Alternative::CallPreviousClinic, Some(last_day));
        }
        Some(false) => {
            ctx.met(ReasonCode::CampaignAttachment, "in_effect", sources);
        }
    }
}
