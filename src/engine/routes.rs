//! Every route, best first (issue 14): an attachment request is decided once more for every ground
//! the answers make plausible, as if the request had named it, and each ground that is open or may be
//! becomes a route, sorted by when care can start. The request's own ground keeps the top-level
//! verdict; the routes are beside it. The rule for which grounds are tried is in `docs/readings.md`.

use crate::codes::{Insurance, Reason, ReasonCode, Verdict};
use crate::decision::{Dates, Day, Decision, RouteItem};
use crate::request::Request;
use crate::rules::Rules;

/// The routes of an attachment request whose decision (on its own ground) is `own`.
pub(super) fn routes(req: &Request, rules: &Rules, own: &Decision<'_>) -> Vec<RouteItem> {
    let date = req.at.date();
    let mut routes: Vec<(Option<Day>, RouteItem)> = Vec::with_capacity(6);
    for reason in candidates(req, |r| rules.editions.ground_on(r, date).is_some()) {
        let route = if req.reason == Some(reason) {
            route(reason, own)
        } else {
            let mut other = req.clone();
            other.reason = Some(reason);
            // The request itself was decided, so another ground fails only at the calendar's very
            // end (a date after its last year): then that ground is no route.
            match super::decide_one(&other, rules) {
                Ok(d) => route(reason, &d),
                Err(_) => None,
            }
        };
        routes.extend(route);
    }
    // By when care can start; a route that still needs answers last. Stable: among equals the
    // order of `candidates` stays, the request's own ground first.
    crate::small_sort::sort_by_key(&mut routes, |(start, _)| (start.is_none(), *start));
    routes.into_iter().map(|(_, r)| r).collect()
}

/// The grounds worth deciding, in the order that breaks ties: the request's own; then the grounds
/// the answers point to (a move, never attached, a voluntary policy), which leave the changes by free
/// choice untouched; then free choice and the campaign, open to anyone. The other grounds (a
/// commission's choice, a clinic that stopped service or lacks capacity, a new facility,
/// privatisation) rest on facts the request does not hold: tried only when the request names them.
fn candidates(req: &Request, in_edition: impl Fn(Reason) -> bool) -> Vec<Reason> {
    // "I'm going away for a while" is no ground: only more than a month away opens the relocation
    // ground, and a short absence is never answered with a free change or the campaign (issue 24).
    let temporary = req.reason == Some(Reason::TemporaryAbsence);
    let short_absence = temporary || (req.reason == Some(Reason::Relocation) && req.relocation.leaves_unit == Some(true) && req.relocation.away_over_a_month == Some(false));
    let mut out: Vec<Reason> = req.reason.into_iter().filter(|r| *r != Reason::TemporaryAbsence).collect();
    let plausible = [
        (Reason::Relocation, if temporary { req.relocation.away_over_a_month == Some(true) } else { req.relocation.moved_on.is_some() }),
        (Reason::FirstAttachment, req.current_attachment.attached == Some(false)),
        (Reason::VoluntaryInsurance, req.person.insurance == Some(Insurance::Voluntary)),
        (Reason::FreeChoice, !short_absence),
        (Reason::Campaign, !short_absence),
    ];
    for (reason, yes) in plausible {
        if yes && !out.contains(&reason) && in_edition(reason) {
            out.push(reason);
        }
    }
    out
}

/// The route of a ground from its decision, with the day its care can start (the sort key): `None`
/// when the ground is closed (no route).
fn route(reason: Reason, d: &Decision<'_>) -> Option<(Option<Day>, RouteItem)> {
    let Dates::Standard(dates) = &d.dates else { return None };
    let start = match d.verdict {
        Verdict::NotEligible => return None,
        Verdict::NeedsInformation => None,
        // Without a care date (the 2015 rules state no processing time): the day one can apply.
        Verdict::Eligible => dates.care_starts.or(dates.accepted_on),
        Verdict::EligibleLater => dates.care_starts.or(d.eligible_from),
    };
    let projected = reason == Reason::Campaign && d.reasons.iter().any(|r| r.code == ReasonCode::RulesProjection);
    let item = RouteItem {
        reason,
        verdict: d.verdict,
        eligible_from: d.eligible_from,
        care_starts: dates.care_starts,
        channels: d.channels.clone(),
        documents: d.documents.clone(),
        needs: d.needs.clone(),
        provisional: d.provisional,
        projected,
        text: None,
    };
    Some((start, item))
}
