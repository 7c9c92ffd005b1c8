//! Whether a result offers a paper (issue 27): the written application or the complaint; and what
//! the result's button hands the paper's module. Shared by the app, which shows "Prepare the
//! application" or "Prepare the complaint" on such a result and writes the button's `data-paper`, and
//! the paper's module (`paper_main.rs`), which reads it and writes the paper: so the app carries
//! these few lines, not the paper.

use crate::answers::Answers;
use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use phc::codes::Verdict;
use phc::decision::Decision;
use phc::time::KzMoment;
use phc::Lang;

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

/// What the paper's module needs to decide again as the result's page did: the page's language, the
/// result's moment, the day the checker was asked to decide for (`State::at`), and the answers.
#[derive(Debug)]
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub struct Detail {
    pub lang: Lang,
    pub moment: KzMoment,
    pub at: Option<String>,
    pub answers: Answers,
}

/// The button's `data-paper`: lines of text, the last the words the page's loader says if the module
/// cannot be fetched (xtask's `paper_listener` reads only that one; `read_detail` the others). The
/// moment is written as its day (counted from 1 January of year 1 as day 1), its second of that day
/// and its offset in minutes: no 64-bit number is written anywhere else in the app, and writing one
/// would bring its own code; the milliseconds no decision reads are left out. The answers as a share
/// link writes them.
pub fn write_detail(lang: Lang, moment: KzMoment, at: Option<&str>, answers: &Answers, failed: &str) -> String {
    format!(
        "{lang}\n{} {} {}\n{}\n{}\n{failed}",
        moment.local.num_days_from_ce(),
        moment.local.num_seconds_from_midnight(),
        moment.utc_offset_minutes,
        at.unwrap_or_default(),
        crate::share::encode(answers),
    )
}

/// `write_detail`'s text read back; what is wrong with one that is not the app's.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub fn read_detail(detail: &str) -> Result<Detail, String> {
    let lines: Vec<&str> = detail.split('\n').collect();
    let [lang, moment, at, answers, _failed] = lines[..] else {
        return Err(format!("paper: expected 5 lines from the app, got {}", lines.len()));
    };
    let lang = Lang::parse(lang).ok_or_else(|| format!("paper: unknown language {lang:?}"))?;
    let moment = read_moment(moment).ok_or_else(|| format!("paper: not a moment: {moment:?}"))?;
    let answers = crate::share::decode(answers).map_err(|e| format!("paper: the answers could not be read: {e:?}"))?;
    Ok(Detail { lang, moment, at: (!at.is_empty()).then(|| at.to_string()), answers })
}

#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
fn read_moment(s: &str) -> Option<KzMoment> {
    let mut parts = s.split(' ');
    let days: i32 = parts.next()?.parse().ok()?;
    let seconds: u32 = parts.next()?.parse().ok()?;
    let offset: i32 = parts.next()?.parse().ok()?;
    let day = NaiveDate::from_num_days_from_ce_opt(days)?;
    let time = NaiveTime::from_num_seconds_from_midnight_opt(seconds, 0)?;
    Some(KzMoment { local: day.and_time(time), utc_offset_minutes: offset })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answer;
    use phc::codes::Field;

    /// What the app writes, the paper's module reads back as it was (to the second), and the loader
    /// finds its words on the last line; a text that is not the app's is refused with the reason.
    #[test]
    fn the_detail_reads_back_as_written() {
        let moment = phc::time::parse_moment("2026-03-10T17:59:59.750+05:00", Field::At, &phc::Rules::built_in().zones).unwrap();
        let mut answers = Answers::default();
        answers.set(Field::Service, Answer::Code("complaint".into()));
        answers.set(Field::RefusalReceivedOn, Answer::Date("2026-02-02".into()));
        let text = write_detail(Lang::Kk, moment, Some("2026-03-10T18:00:00+05:00"), &answers, "Форманы ашу мүмкін болмады.");
        assert_eq!(text.rsplit('\n').next(), Some("Форманы ашу мүмкін болмады."));
        let d = read_detail(&text).unwrap();
        assert_eq!((d.lang, d.at.as_deref(), &d.answers), (Lang::Kk, Some("2026-03-10T18:00:00+05:00"), &answers));
        assert_eq!(d.moment.local.to_string(), "2026-03-10 17:59:59", "before the 18:00 cut-off, as the result was");
        assert_eq!(d.moment.utc_offset_minutes, 300);
        assert_eq!(read_detail(&write_detail(Lang::Ru, moment, None, &answers, "x")).unwrap().at, None);
        for wrong in ["", "kk\n1 2 3\n\n1.a0", "fr\n739685 36000 300\n\n1.a0\nx", "kk\n739685 90000 300\n\n1.a0\nx"] {
            assert!(read_detail(wrong).is_err(), "{wrong:?}");
        }
    }
}
