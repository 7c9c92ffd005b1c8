//! A complaint against a refusal (Administrative Procedural Code, seed 003): filed within 3 months of
//! the day the person learned of the refusal (art. 92), reviewed within 20 working days. A missed
//! deadline can be restored for a good reason and is no ground to refuse the complaint.

use super::Ctx;
use crate::calendar::OutOfHorizon;
use crate::codes::{Alternative, Channel, DocumentCode, Field, ReasonCode, Service};
use crate::dates::add_months;
use crate::decision::{ChannelItem, Dates, Day, Decision, DocumentItem, Param, StandardDates};
use crate::request::Request;

pub(super) fn decide<'r>(req: &Request, ctx: Ctx<'r>) -> Result<Decision<'r>, OutOfHorizon> {
    let mut ctx = ctx;
    let rules = ctx.rules;
    let c = &rules.complaint;
    let filed = ctx.date();
    let mut dates = StandardDates::default();
    match req.refusal_received_on {
        None => {
            ctx.missing(ReasonCode::ComplaintDeadline, Field::RefusalReceivedOn, &c.deadline_sources);
        }
        Some(received) => {
            // Months end on the same day number (or the month's last day); a deadline on a day off
            // moves to the next working day (Civil Code, art. 174, by analogy).
            let raw = add_months(received, c.deadline_months);
            let deadline = ctx.working_day(raw, 0)?;
            dates.complaint_deadline = Some(Day(deadline));
            if filed <= deadline {
                ctx.met(ReasonCode::ComplaintDeadline, "in_time", &c.deadline_sources)
                    .with("date", Param::Date(deadline))
                    .with("months", Param::Months(c.deadline_months))
                    .interpretation(raw != deadline);
            } else {
                ctx.warn(ReasonCode::ComplaintDeadline, "missed", &c.deadline_sources)
                    .with("date", Param::Date(deadline))
                    .with("months", Param::Months(c.deadline_months));
                ctx.alternative(Alternative::AskToRestoreDeadline, None);
            }
        }
    }
    // The complaint goes to the body whose act is disputed: the clinic that refused (003).
    ctx.info(ReasonCode::ComplaintProcedure, "addressee", &c.procedure_sources);
    // Received on the day it is filed when that is a working day before 18:00, else on the next
    // working day (accepted_on, domain.md §10); the 20 working days count from the day after receipt.
    let received = ctx.accepted_on(ctx.at.local)?;
    dates.accepted_on = Some(Day(received));
    let due = ctx.working_day(received, c.review_working_days)?;
    dates.complaint_decision_due = Some(Day(due));
    // After 18:00 on a working day the complaint is registered the next working day: not "filed on a
    // day off" (issue 24).
    let detail = if received == filed {
        "working_days"
    } else if rules.calendar.is_working_day(filed).unwrap_or(false) {
        "working_days_after_hours"
    } else {
        "working_days_from_next"
    };
    // 20 working days rest on 003 alone; the Law "On public services" (art. 25, as standards quote
    // it: 5 and 15 working days) is named beside it until its text is read (domain.md §6).
    ctx.info(ReasonCode::ComplaintReview, detail, &c.review_sources)
        .with("count", Param::WorkingDays(c.review_working_days))
        .with("received", Param::Date(received))
        .with("date", Param::Date(due))
        .single_source(c.review_single_source)
        .disagreeing(&c.review_disagreeing_sources);
    // Before the Code came into force the periods shown are still the Code's: said as a reading.
    let before_code = filed < c.code_in_force_from;
    ctx.info(ReasonCode::ComplaintProcedure, if before_code { "before_code" } else { "working_days" }, &c.procedure_sources)
        .with("count", Param::WorkingDays(c.procedure_working_days))
        .with("date", Param::Date(c.code_in_force_from))
        .interpretation(before_code);
    let channels = vec![
        ChannelItem { channel: Channel::Portal, available: Some(true), written_application_to_head: None, sign_in: None, text: None },
        ChannelItem { channel: Channel::InPerson, available: Some(true), written_application_to_head: Some(false), sign_in: None, text: None },
    ];
    let documents = [DocumentCode::IdentityDocument, DocumentCode::ComplaintLetter]
        .into_iter()
        .map(|code| DocumentItem { code, only_if: None, text: None })
        .collect();
    Ok(ctx.finish(Service::Complaint, channels, documents, Dates::Standard(dates)))
}
