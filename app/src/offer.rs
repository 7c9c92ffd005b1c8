//! Whether a result offers a paper (issue 27): the written application or the complaint. Shared by
//! the app, which shows "Prepare the application" or "Prepare the complaint" on such a result, and
//! the paper's module (`paper_main.rs`), which writes it: so the app carries these few lines, not the
//! paper.

use phc::codes::Verdict;
use phc::decision::Decision;

/// The two papers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaperKind {
    Application,
    Complaint,
}

/// Whether a result offers "Prepare the application": an attachment the person can make (now, later,
/// or by an open route) in person, where a written application to the head is the way or one way.
pub fn offers_application(d: &Decision<'_>) -> bool {
    let open = |v: Verdict| matches!(v, Verdict::Eligible | Verdict::EligibleLater);
    let in_person = |c: &[phc::decision::ChannelItem]| c.iter().any(|c| c.channel == phc::codes::Channel::InPerson && c.available != Some(false));
    d.service == phc::codes::Service::Attachment
        && ((open(d.verdict) && in_person(&d.channels)) || (d.verdict == Verdict::NeedsInformation && d.routes.iter().any(|r| open(r.verdict) && in_person(&r.channels))))
}

/// Whether a result offers "Prepare the complaint": a complaint against a refusal that can be made
/// (late too: a missed deadline can be restored).
pub fn offers_complaint(d: &Decision<'_>) -> bool {
    d.service == phc::codes::Service::Complaint && matches!(d.verdict, Verdict::Eligible | Verdict::EligibleLater)
}

/// The paper a result offers, if any: the application for an attachment the person can make, the
/// complaint for a complaint that can be made (a result offers at most one: they are of different
/// services).
pub fn offered(d: &Decision<'_>) -> Option<PaperKind> {
    if offers_application(d) {
        Some(PaperKind::Application)
    } else if offers_complaint(d) {
        Some(PaperKind::Complaint)
    } else {
        None
    }
}

