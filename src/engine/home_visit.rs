//! "Calling a doctor at home": open to a person attached to that PHC organisation (003; Order
//! ҚР ДСМ-90 of 24.08.2021, para 68). The answer comes within 10 minutes in person or by phone, 30
//! minutes on the portal.

use super::Ctx;
use crate::calendar::OutOfHorizon;
use crate::codes::{Alternative, Channel, DocumentCode, ReasonCode, Service};
use crate::decision::{ChannelItem, Dates, Decision, DocumentItem, HomeVisitDates, Param, ResponseMinutes};
use crate::request::Request;

pub(super) fn decide<'r>(req: &Request, ctx: Ctx<'r>) -> Result<Decision<'r>, OutOfHorizon> {
    let mut ctx = ctx;
    let hv = &ctx.rules.home_visit;
    let sources = &hv.sources;
    match (req.current_attachment.attached, req.current_attachment.at_target_clinic) {
        (Some(false), _) => {
            ctx.fail(ReasonCode::AttachedToClinic, "not_attached", sources);
            ctx.alternative(Alternative::AttachFirst, None);
            ctx.alternative(Alternative::NearestClinicOrAmbulance, None);
        }
        (_, Some(false)) => {
            ctx.fail(ReasonCode::AttachedToClinic, "attached_elsewhere", sources);
            ctx.alternative(Alternative::AttachFirst, None);
            ctx.alternative(Alternative::NearestClinicOrAmbulance, None);
        }
        (Some(true), Some(true)) => {
            ctx.met(ReasonCode::AttachedToClinic, "attached_here", sources);
        }
        (attached, here) => {
            // Either answer could refuse on its own: both are needed.
            if attached.is_none() {
                ctx.missing(ReasonCode::AttachedToClinic, "current_attachment.attached", sources);
            }
            if here.is_none() {
                ctx.missing(ReasonCode::AttachedToClinic, "current_attachment.at_target_clinic", sources);
            }
        }
    }
    let portal = if hv.portal_needs_eds { req.person.eds } else { Some(true) };
    if req.channel == Some(Channel::Portal) {
        match portal {
            Some(true) => {
                ctx.met(ReasonCode::PortalSignIn, "eds", sources);
            }
            Some(false) => {
                ctx.fail(ReasonCode::PortalSignIn, "no_eds", sources);
                ctx.alternative(Alternative::ApplyInPerson, None);
            }
            None => {
                ctx.missing(ReasonCode::PortalSignIn, "person.eds", sources);
            }
        }
    }
    ctx.info(ReasonCode::HomeVisitResponse, "minutes", sources)
        .with("in_person", Param::Minutes(hv.in_person_minutes))
        .with("portal", Param::Minutes(hv.portal_minutes));
    // Before Order 90 the sources give no rule: the same one is applied, and said to be a reading.
    if ctx.at.local.date() < hv.in_force_from {
        ctx.info(ReasonCode::HomeVisitResponse, "before_act", sources).with("date", Param::Date(hv.in_force_from)).interpretation(true);
    }
    let channels = vec![
        ChannelItem { channel: Channel::Portal, available: portal, written_application_to_head: None, text: None },
        ChannelItem { channel: Channel::InPerson, available: Some(true), written_application_to_head: Some(false), text: None },
    ];
    let documents = vec![DocumentItem { code: DocumentCode::IdentityDocument, text: None }];
    let dates = Dates::HomeVisit(HomeVisitDates {
        accepted_on: None,
        response_minutes: ResponseMinutes { in_person: hv.in_person_minutes, portal: hv.portal_minutes },
    });
    Ok(ctx.finish(Service::HomeVisit, channels, documents, dates))
}
