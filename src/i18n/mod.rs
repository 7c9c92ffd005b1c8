//! Human text in Kazakh, Russian and English from the message tables in `messages/` (checked for
//! completeness by `build.rs`): plural forms by the CLDR rules of each language, dates written the way
//! each language writes them. A message that is somehow missing shows as `⟦key⟧`, never as a panic;
//! a test walks every decision kind and fails on any such mark.

use crate::codes::Lang;
use crate::codes::Verdict;
use crate::decision::{ChannelItem, DateText, Day, Dates, Decision, DecisionText, DocumentItem, Param, RouteItem};
use chrono::Datelike;
use std::sync::OnceLock;

/// `MESSAGES_ID` (the tables' identity); with `embedded-messages`, also `EN_KEYS`, `EN_TEXTS`, … :
/// each language's sorted keys and their texts, joined by `SEP`, the texts in a one-byte encoding
/// where byte `0x80 + i` is the `i`-th character of `LETTERS` (written by `build.rs`, which checked
/// every key, plural form and placeholder).
mod tables {
    include!(concat!(env!("OUT_DIR"), "/messages.rs"));
}
const SEP: char = '\u{1f}';
/// Between the keys and the texts of a language file.
const PART: char = '\u{1e}';

/// One language's messages: (key, text) pairs sorted by key, borrowed from the program's data.
pub struct Messages {
    lang: Lang,
    table: Vec<(&'static str, &'static str)>,
    /// The result's part of an installed language, looked up after `table` (a second table rather
    /// than one merged: merging costs the wasm its code).
    more: &'static [(&'static str, &'static str)],
}

/// A language's texts back in UTF-8. Done once per language and kept for the life of the program,
/// as the table that borrows from it is.
#[cfg(feature = "embedded-messages")]
fn decode(texts: &[u8]) -> &'static str {
    let letters: Vec<char> = tables::LETTERS.chars().collect();
    let text: String = texts.iter().map(|&b| if b < 0x80 { char::from(b) } else { letters[usize::from(b - 0x80)] }).collect();
    Box::leak(text.into_boxed_str())
}

fn index(lang: Lang) -> usize {
    match lang {
        Lang::Kk => 0,
        Lang::Ru => 1,
        Lang::En => 2,
    }
}

/// A language file is one of two parts (issue 26): what every screen before the result shows, and
/// the result's own texts (the reasons, ways, papers, sources: about two thirds of a language). The
/// app loads the first before it renders and the second once the citizen begins, so a first visit
/// carries only the first. Which keys are the result's is this list of prefixes.
///
/// With the `paper` feature (the paper's module, issue 27, and xtask, which writes the files) there is
/// a third part: the paper's form and its texts (`ui.paper.`), loaded only by that module. The app is
/// built without it: it never loads that part, and carries no code for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Screens,
    Result,
    #[cfg(feature = "paper")]
    Paper,
}

/// Every part, in the order their files are written.
#[cfg(not(feature = "paper"))]
pub const PARTS_ALL: &[Part] = &[Part::Screens, Part::Result];
#[cfg(feature = "paper")]
pub const PARTS_ALL: &[Part] = &[Part::Screens, Part::Result, Part::Paper];

/// The keys only the result (or a decision's text) shows. Not the crash message's portal link
/// (`ui.portal_link`), which any screen may need.
///
/// The screens before it have no placeholder but the question's number, and show a date only in
/// its plain form (`month.`, `format.`): units, the date cases, the fields' names (in the engine's
/// messages) and the decision's lines are the result's; so is what a share link that could not be
/// read says (`ui.link.`), as a page opened with a link loads both parts before it starts.
const RESULT_PREFIXES: &[&str] = &[
    "alternative.", "case.", "channel.", "date.", "document.", "document_condition.", "edition.", "edition_name.", "field.",
    "ground_name.", "place.", "reason.", "route.", "source.", "text.", "unit.", "verdict.", "ui.edition.", "ui.how.",
    "ui.change_answers", "ui.interpretation", "ui.link.", "ui.now.", "ui.portal_link_", "ui.result.", "ui.single_source", "ui.source",
    "ui.start_again", "ui.take.",
];

/// The part of a language file a key is in.
pub fn part_of(key: &str) -> Part {
    #[cfg(feature = "paper")]
    if key.starts_with("ui.paper.") {
        return Part::Paper;
    }
    if RESULT_PREFIXES.iter().any(|p| key.starts_with(p)) {
        Part::Result
    } else {
        Part::Screens
    }
}

impl Part {
    fn word(self) -> &'static str {
        match self {
            Part::Screens => "screens",
            Part::Result => "result",
            #[cfg(feature = "paper")]
            Part::Paper => "paper",
        }
    }
}

/// Each language's parts as `install` loaded them, and its table once the screens' part is in (the
/// whole once both are). A program built without `embedded-messages` reads its texts from these.
static PARTS: [[OnceLock<Vec<(&'static str, &'static str)>>; 3]; 3] = [const { [OnceLock::new(), OnceLock::new(), OnceLock::new()] }; 3];
static INSTALLED: [OnceLock<Messages>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
static SCREENS_ONLY: [OnceLock<Messages>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];

/// The name of the screens' part of a language's texts, served beside the web app: it changes with
/// the texts, so the file can be cached for good. It keeps the name a language's one file had.
pub fn file_name(lang: Lang) -> String {
    part_file_name(lang, Part::Screens)
}

/// The name of a part of a language's texts (`file_name`'s, `-result` added for the result's).
pub fn part_file_name(lang: Lang, part: Part) -> String {
    match part {
        Part::Screens => format!("messages-{lang}-{}.txt", tables::MESSAGES_ID),
        Part::Result => format!("messages-{lang}-{}-result.txt", tables::MESSAGES_ID),
        #[cfg(feature = "paper")]
        Part::Paper => format!("messages-{lang}-{}-paper.txt", tables::MESSAGES_ID),
    }
}

/// A part of a language's texts: a header line (`phc-messages <id> <lang> <part>`), then the keys and
/// the texts (UTF-8), each joined by U+001F, the two joined by U+001E. Written for the web app by
/// `cargo xtask` from the built-in tables.
#[cfg(feature = "embedded-messages")]
pub fn export(lang: Lang, part: Part) -> String {
    let m = Messages::get(lang);
    let rows: Vec<&(&str, &str)> = m.table.iter().filter(|(k, _)| part_of(k) == part).collect();
    let keys: Vec<&str> = rows.iter().map(|(k, _)| *k).collect();
    let texts: Vec<&str> = rows.iter().map(|(_, t)| *t).collect();
    let sep = SEP.to_string();
    format!("phc-messages {} {lang} {}\n{}{PART}{}", tables::MESSAGES_ID, part.word(), keys.join(&sep), texts.join(&sep))
}

/// Loads a part of a language's texts (`export`'s format) and keeps it for the life of the program.
/// Refuses a file of another build (its texts could lack a key this program uses) with a message
/// that says so. Loading a part twice keeps the first.
pub fn install(file: &str) -> Result<(Lang, Part), String> {
    let (header, body) = file.split_once('\n').ok_or("messages: no header line")?;
    let mut words = header.split(' ');
    let (magic, id, lang, part) = (words.next(), words.next(), words.next().and_then(Lang::parse), words.next());
    if magic != Some("phc-messages") {
        return Err("messages: not a message file of this checker".into());
    }
    let lang = lang.ok_or("messages: the header names no known language")?;
    if id != Some(tables::MESSAGES_ID) {
        return Err(format!("messages: the {lang} file is from another build ({}), expected {}", id.unwrap_or(""), tables::MESSAGES_ID));
    }
    let part = PARTS_ALL.iter().copied().find(|p| Some(p.word()) == part).ok_or("messages: the header names no part")?;
    if !body.contains(PART) {
        return Err("messages: no texts".into());
    }
    // Kept for the life of the program: the table borrows from it.
    let body: &'static str = Box::leak(body.to_owned().into_boxed_str());
    let (keys, texts) = body.split_once(PART).expect("checked above");
    let table: Vec<(&'static str, &'static str)> = keys.split(SEP).zip(texts.split(SEP)).collect();
    let whole = table.len() == keys.split(SEP).count() && table.len() == texts.split(SEP).count();
    if !whole || !table.windows(2).all(|w| w[0].0 < w[1].0) || table.iter().any(|(k, _)| part_of(k) != part) {
        return Err(format!("messages: the {lang} file is damaged"));
    }
    let i = index(lang);
    let _ = PARTS[i][part as usize].set(table);
    match (PARTS[i][0].get(), PARTS[i][1].get()) {
        (Some(screens), Some(result)) => {
            #[allow(unused_mut)]
            let mut table = screens.clone();
            // The paper's module installs the paper's part first: its texts join the screens'.
            #[cfg(feature = "paper")]
            if let Some(paper) = PARTS[i][Part::Paper as usize].get() {
                table.extend(paper);
                table.sort_unstable();
            }
            let _ = INSTALLED[i].set(Messages { lang, table, more: result });
        }
        (Some(screens), None) => {
            let _ = SCREENS_ONLY[i].set(Messages { lang, table: screens.clone(), more: &[] });
        }
        _ => {}
    }
    Ok((lang, part))
}

/// Whether a language's texts are all in the program (built in, or both parts installed).
pub fn is_available(lang: Lang) -> bool {
    cfg!(feature = "embedded-messages") || INSTALLED[index(lang)].get().is_some()
}

/// Whether a part of a language's texts is in.
pub fn has_part(lang: Lang, part: Part) -> bool {
    cfg!(feature = "embedded-messages") || PARTS[index(lang)][part as usize].get().is_some()
}

/// The CLDR plural category of a whole number.
pub fn plural_category(lang: Lang, n: u32) -> &'static str {
    match lang {
        Lang::Ru => {
            let (m10, m100) = (n % 10, n % 100);
            if m10 == 1 && m100 != 11 {
                "one"
            } else if (2..=4).contains(&m10) && !(12..=14).contains(&m100) {
                "few"
            } else {
                "many"
            }
        }
        Lang::En | Lang::Kk => {
            if n == 1 {
                "one"
            } else {
                "other"
            }
        }
    }
}

impl Messages {
    /// The built-in table of a language, parsed once.
    #[cfg(feature = "embedded-messages")]
    pub fn get(lang: Lang) -> &'static Messages {
        static TABLES: [OnceLock<Messages>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
        let (keys, texts) = match lang {
            Lang::Kk => (tables::KK_KEYS, tables::KK_TEXTS),
            Lang::Ru => (tables::RU_KEYS, tables::RU_TEXTS),
            Lang::En => (tables::EN_KEYS, tables::EN_TEXTS),
        };
        TABLES[index(lang)].get_or_init(|| Messages { lang, table: keys.split(SEP).zip(decode(texts).split(SEP)).collect(), more: &[] })
    }

    /// The installed table of a language: whole, or its screens' part alone while the result's is on
    /// its way; an empty one (every text `⟦key⟧`) until a part is installed.
    #[cfg(not(feature = "embedded-messages"))]
    pub fn get(lang: Lang) -> &'static Messages {
        static EMPTY: [OnceLock<Messages>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
        let i = index(lang);
        INSTALLED[i].get().or_else(|| SCREENS_ONLY[i].get()).unwrap_or_else(|| EMPTY[i].get_or_init(|| Messages { lang, table: Vec::new(), more: &[] }))
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The raw text of a key, if the table has it.
    pub fn raw(&self, key: &str) -> Option<&'static str> {
        let find = |t: &[(&'static str, &'static str)]| t.binary_search_by(|(k, _)| (*k).cmp(key)).ok().map(|i| t[i].1);
        find(&self.table).or_else(|| find(self.more))
    }

    /// Every key, in order (a built-in table; an installed one gives the screens' part, then the
    /// result's), for tests and for the app's completeness checks.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.table.iter().chain(self.more).map(|(k, _)| *k)
    }

    /// A message with its placeholders filled.
    pub fn text(&self, key: &str, params: &[(&str, Param)]) -> String {
        match self.raw(key) {
            Some(t) => self.fill(t, params),
            None => format!("⟦{key}⟧"),
        }
    }

    /// A counted message (`key.one`, `key.few`, …) for `n`, with `{count}` filled. A table may give
    /// the number 0 its own words (`key.zero`, like ICU's `=0`), taken before the CLDR category: an
    /// age of 0 is «меньше года», not «0 лет» (issue 15).
    pub fn counted(&self, key: &str, n: u32) -> String {
        let form = plural_category(self.lang, n);
        let zero = if n == 0 { self.raw(&format!("{key}.zero")) } else { None };
        let t = zero.or_else(|| self.raw(&format!("{key}.{form}"))).or_else(|| self.raw(&format!("{key}.other")));
        match t {
            Some(t) => fill_with(t, &|name, _| (name == "count").then(|| n.to_string())),
            None => format!("⟦{key}.{form}⟧"),
        }
    }

    /// A date the way the language writes it (10 March 2026; 10 марта 2026 года; 2026 жылғы 10 наурыз).
    pub fn date(&self, d: chrono::NaiveDate) -> String {
        self.date_in_case(d, None)
    }

    /// A date in a grammatical case. Kazakh marks the case with a suffix on the last word of the
    /// date, the month: «1 қыркүйектен бастап» (ablative), «1 қарашаға дейін» (dative), «10
    /// наурызда» (locative). The inflected month names are data (`case.abl.9 = "қыркүйектен"`); a
    /// language without a table for the case writes the plain form.
    pub fn date_in_case(&self, d: chrono::NaiveDate, case: Option<&str>) -> String {
        let inflected = case.and_then(|c| self.raw(&format!("case.{c}.{}", d.month())));
        let month = inflected.or_else(|| self.raw(&format!("month.{}", d.month()))).unwrap_or("?");
        let format = self.raw("format.date").unwrap_or("{day} {month} {year}");
        fill_with(format, &|name, _| match name {
            "day" => Some(d.day().to_string()),
            "month" => Some(month.to_string()),
            "year" => Some(d.year().to_string()),
            _ => None,
        })
    }

    /// A message with placeholders filled by plain text (`{version}` → "0.1.0").
    pub fn text_with(&self, key: &str, values: &[(&str, &str)]) -> String {
        match self.raw(key) {
            Some(t) => fill_with(t, &|name, _| values.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())),
            None => format!("⟦{key}⟧"),
        }
    }

    /// A message with placeholders filled by parameters and by plain text.
    pub fn text_with_params(&self, key: &str, params: &[(&str, Param)], values: &[(&str, &str)]) -> String {
        match self.raw(key) {
            Some(t) => fill_with(t, &|name, case| {
                params.iter().find(|(n, _)| *n == name).map(|(_, p)| self.param_in_case(p, case)).or_else(|| values.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string()))
            }),
            None => format!("⟦{key}⟧"),
        }
    }

    pub fn param(&self, p: &Param) -> String {
        self.param_in_case(p, None)
    }

    /// A parameter; `case` (from a placeholder such as `{date:abl}`) applies to dates only.
    fn param_in_case(&self, p: &Param, case: Option<&str>) -> String {
        match p {
            Param::Date(d) => self.date_in_case(*d, case),
            Param::Count(n) => n.to_string(),
            Param::Minutes(n) => self.counted("unit.minutes", *n),
            Param::WorkingDays(n) => self.counted("unit.working_days", *n),
            Param::Months(n) => self.counted("unit.months", *n),
            Param::Years(n) => self.counted("unit.years", *n),
            Param::Changes(n) => self.counted("unit.changes", *n),
            Param::Field(f) => self.text(&format!("field.{}", f.as_str()), &[]),
            Param::Ground(g) => self.text(&format!("ground_name.{g}"), &[]),
        }
    }

    fn fill(&self, template: &str, params: &[(&str, Param)]) -> String {
        fill_with(template, &|name, case| params.iter().find(|(n, _)| *n == name).map(|(_, p)| self.param_in_case(p, case)))
    }
}

/// Fills the `{name}` placeholders of a template with `value(name, case)`; `{name:case}` names a
/// grammatical case (`{date:abl}`: the date in the ablative). A placeholder without a value stays as
/// written. The one placeholder filler of all messages (no `str::replace`: its substring search would
/// be code in the wasm for this alone, issue 6).
fn fill_with(template: &str, value: &dyn Fn(&str, Option<&str>) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        match after.find('}') {
            Some(j) => {
                let name = &after[..j];
                let (param, case) = match name.split_once(':') {
                    Some((n, c)) => (n, Some(c)),
                    None => (name, None),
                };
                match value(param, case) {
                    Some(v) => out.push_str(&v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[j + 1..];
            }
            None => {
                out.push_str(&rest[i..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Adds the human text of the verdict, every reason, document, channel, alternative and date.
pub fn annotate(d: &mut Decision<'_>, lang: Lang) {
    let m = Messages::get(lang);
    let date_param = |day: Option<Day>| day.map(|d| vec![("date", Param::Date(d.0))]).unwrap_or_default();

    for r in &mut d.reasons {
        r.text = Some(m.text(&format!("reason.{}.{}", r.code, r.detail), &r.params));
    }
    let verdict = verdict_text(m, d);
    // The edition as its act and date in words (issue 24): «Приказ МЗ РК № ҚР ДСМ-194/2020 (с
    // изменениями 2025 года)»; `edition.id` stays the contract's code.
    let name = m.text(&format!("edition_name.{}", d.edition.id), &[]);
    d.edition.text = Some(m.text_with_params(
        if d.edition.approximate { "edition.approximate" } else { "edition.exact" },
        &[("date", Param::Date(d.edition.in_force_from.0))],
        &[("name", &name)],
    ));
    crate::citation::annotate(d, m);
    document_texts(m, &mut d.documents);
    channel_texts(m, &mut d.channels);
    route_texts(m, &mut d.routes);
    for a in &mut d.alternatives {
        a.text = Some(m.text(&format!("alternative.{}", a.code), &date_param(a.date)));
    }
    let mut dates = Vec::new();
    let mut push = |key: &'static str, day: Option<Day>| {
        if let Some(day) = day {
            dates.push(DateText { key, date: Some(day), text: m.text(&format!("date.{key}"), &[("date", Param::Date(day.0))]) });
        }
    };
    push("eligible_from", d.eligible_from);
    match &d.dates {
        Dates::Standard(s) => {
            // A complaint is registered, not "accepted" as a request is (issue 24).
            push(if d.service == crate::codes::Service::Complaint { "complaint_registered_on" } else { "accepted_on" }, s.accepted_on);
            push("decision_due", s.decision_due);
            push("care_starts", s.care_starts);
            push("next_free_change", s.next_free_change);
            push("attachment_ends", s.attachment_ends);
            push("complaint_deadline", s.complaint_deadline);
            push("complaint_decision_due", s.complaint_decision_due);
            if let Some(c) = &s.campaign {
                push("campaign_opens", Some(c.opens));
                push("campaign_submit_by", Some(c.submit_by));
                push("campaign_closes", Some(c.closes));
            }
        }
        Dates::HomeVisit(h) => {
            for (key, minutes) in [("response_in_person", h.response_minutes.in_person), ("response_portal", h.response_minutes.portal)] {
                dates.push(DateText { key, date: None, text: m.text(&format!("date.{key}"), &[("minutes", Param::Minutes(minutes))]) });
            }
        }
    }
    d.text = Some(DecisionText {
        lang,
        verdict,
        dates,
        provisional: d.provisional.then(|| m.text("text.provisional", &[])),
        checked_on: m.text("text.checked_on", &[("date", Param::Date(d.checked_on.0))]),
    });
}

/// The headline: the verdict of the service, said as the answer needs it (issue 24): a temporary
/// absence needs no change; a refusal that closes every way says "this clinic" and why; a date that
/// rests on a projected campaign says it is projected.
fn verdict_text(m: &Messages, d: &Decision<'_>) -> String {
    use crate::codes::{Outcome, ReasonCode, Service};
    let date = d.eligible_from.map(|day| vec![("date", Param::Date(day.0))]).unwrap_or_default();
    if d.reasons.iter().any(|r| r.code == ReasonCode::NoChangeNeeded) && d.verdict != Verdict::NeedsInformation {
        return m.text("verdict.attachment.no_change_needed", &[]);
    }
    if d.reasons.iter().any(|r| r.code == ReasonCode::AlreadyAttached && r.detail == "already_attached") {
        return m.text("verdict.attachment.already_attached", &[]);
    }
    if d.service == Service::Attachment && d.verdict == Verdict::NotEligible && d.routes.is_empty() {
        let why = d.reasons.iter().find(|r| r.outcome == Outcome::NotMet).and_then(|r| r.text.clone()).unwrap_or_default();
        return m.text_with("verdict.attachment.not_eligible_any", &[("why", &why)]);
    }
    // Projected: the date is the opening of a campaign after the last one held.
    let campaign_opens = match &d.dates {
        Dates::Standard(s) => s.campaign.as_ref().map(|c| c.opens),
        Dates::HomeVisit(_) => None,
    };
    let projected = d.reasons.iter().any(|r| r.code == ReasonCode::RulesProjection) && d.eligible_from.is_some() && d.eligible_from == campaign_opens;
    if d.verdict == Verdict::EligibleLater && projected {
        return m.text(&format!("verdict.{}.eligible_later_projected", d.service), &date);
    }
    m.text(&format!("verdict.{}.{}", d.service, d.verdict), &date)
}

fn document_texts(m: &Messages, documents: &mut [DocumentItem]) {
    for doc in documents {
        let mut text = m.text(&format!("document.{}", doc.code), &[]);
        if let Some(condition) = doc.only_if {
            text.push(' ');
            text.push_str(&m.text(&format!("document_condition.{condition}"), &[]));
        }
        doc.text = Some(text);
    }
}

fn channel_texts(m: &Messages, channels: &mut [ChannelItem]) {
    for c in channels {
        // The portal line follows the answers (issue 24): with a signature, or a one-time password
        // to the phone registered on the portal.
        let key = match (c.channel, c.available, c.written_application_to_head) {
            (crate::codes::Channel::Portal, Some(true), _) if c.sign_in == Some("one_time_password") => "channel.portal.available_one_time_password",
            (crate::codes::Channel::Portal, Some(true), _) if c.sign_in == Some("eds") => "channel.portal.available_eds",
            (crate::codes::Channel::Portal, Some(true), _) => "channel.portal.available",
            (crate::codes::Channel::Portal, Some(false), _) => "channel.portal.unavailable",
            (crate::codes::Channel::Portal, None, _) if c.sign_in == Some("eds_or_one_time_password") => "channel.portal.unknown_eds_or_one_time_password",
            (crate::codes::Channel::Portal, None, _) => "channel.portal.unknown",
            (crate::codes::Channel::InPerson, _, Some(true)) => "channel.in_person.written",
            (crate::codes::Channel::InPerson, _, _) => "channel.in_person.available",
        };
        c.text = Some(m.text(key, &[]));
    }
}

/// Each route in one sentence (its ground, from when one can apply, when care starts), with the
/// texts of its channels and documents.
fn route_texts(m: &Messages, routes: &mut [RouteItem]) {
    for r in routes {
        let mut params = vec![("reason", Param::Ground(r.reason.as_str()))];
        params.extend(r.eligible_from.map(|d| ("date", Param::Date(d.0))));
        params.extend(r.care_starts.map(|d| ("care", Param::Date(d.0))));
        let key = match (r.verdict, r.care_starts) {
            (Verdict::Eligible, Some(_)) => "route.eligible",
            (Verdict::Eligible, None) => "route.eligible_no_care_date",
            (Verdict::EligibleLater, Some(_)) => "route.eligible_later",
            (Verdict::EligibleLater, None) => "route.eligible_later_no_care_date",
            _ => "route.needs_information",
        };
        r.text = Some(m.text(key, &params));
        document_texts(m, &mut r.documents);
        channel_texts(m, &mut r.channels);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_file_round_trips_in_two_parts_and_another_build_is_refused() {
        for lang in [Lang::Kk, Lang::Ru, Lang::En] {
            assert!(file_name(lang).starts_with(&format!("messages-{lang}-")));
            assert_ne!(part_file_name(lang, Part::Result), file_name(lang));
            let (screens, result) = (export(lang, Part::Screens), export(lang, Part::Result));
            assert!(result.len() > screens.len(), "{lang}: the result's texts are the larger part");
            assert_eq!(install(&screens), Ok((lang, Part::Screens)));
            assert!(INSTALLED[index(lang)].get().is_none(), "not whole with one part");
            assert!(SCREENS_ONLY[index(lang)].get().is_some_and(|m| m.raw("ui.start.start").is_some() && m.raw("ui.result.page_title").is_none()));
            assert_eq!(install(&result), Ok((lang, Part::Result)));
            let installed = INSTALLED[index(lang)].get().unwrap();
            let built_in = Messages::get(lang);
            let mut keys: Vec<&str> = installed.keys().collect();
            keys.sort_unstable();
            assert_eq!(keys, built_in.keys().collect::<Vec<_>>(), "{lang}: the two files hold the built-in keys");
            assert!(built_in.keys().all(|k| installed.raw(k) == built_in.raw(k)), "{lang}: and their texts");
            let other = screens.replacen(tables::MESSAGES_ID, "0000000000000000", 1);
            assert!(install(&other).unwrap_err().contains("another build"));
            let mislabelled = result.replacen(" result\n", " screens\n", 1);
            assert!(install(&mislabelled).unwrap_err().contains("damaged"), "a result key in the screens' part");
        }
        assert!(install("hello").is_err());
        assert!(install("phc-messages x zz\n").is_err());
        let cut = export(Lang::En, Part::Screens).replace('\u{1e}', "");
        assert!(install(&cut).is_err());
        let unnamed = export(Lang::En, Part::Screens).replacen(" screens\n", "\n", 1);
        assert!(install(&unnamed).unwrap_err().contains("no part"));
    }

    #[test]
    fn the_screens_before_the_result_need_none_of_the_results_texts() {
        // What the questions, the check page, the errors and the start page show.
        for key in ["ui.start.start", "ui.step", "ui.continue", "ui.portal_link", "ui.error.crashed", "month.3", "format.date", "ui.q.reason.title"] {
            assert_eq!(part_of(key), Part::Screens, "{key}");
        }
        for key in ["reason.campaign_window.open", "ui.result.page_title", "ui.sources", "ui.sources_disagree", "ui.interpretation", "unit.working_days.one", "case.abl.3", "date.decision_due"] {
            assert_eq!(part_of(key), Part::Result, "{key}");
        }
    }

    #[test]
    fn placeholders_are_filled_and_unknown_ones_kept() {
        let value = |name: &str, case: Option<&str>| match (name, case) {
            ("a", None) => Some("1".to_string()),
            ("a", Some(c)) => Some(format!("1/{c}")),
            _ => None,
        };
        assert_eq!(fill_with("{a} and {a:abl}, {b} {", &value), "1 and 1/abl, {b} {");
        assert_eq!(fill_with("no placeholder", &value), "no placeholder");
        assert_eq!(fill_with("{a}{a}", &value), "11");
        let m = Messages::get(Lang::En);
        let version = m.text_with("ui.take.version", &[("version", "9.9.9"), ("edition", "order-x")]);
        assert!(version.contains("9.9.9") && version.contains("order-x") && !version.contains('{'), "{version}");
        assert_eq!(m.text_with("no.such.key", &[]), "⟦no.such.key⟧");
        assert_eq!(m.counted("unit.working_days", 1), "1 working day");
        assert_eq!(Messages::get(Lang::Ru).counted("unit.working_days", 22), "22 рабочих дня");
        // The number 0 has its own words where a table gives them (an age under one year).
        assert_eq!(Messages::get(Lang::Ru).counted("unit.years", 0), "меньше года");
        assert_eq!(Messages::get(Lang::Ru).counted("unit.years", 5), "5 лет");
        assert_eq!(m.counted("unit.years", 0), "under one year");
        assert_eq!(m.counted("unit.working_days", 0), "0 working days");
    }

    #[test]
    fn russian_plurals_follow_cldr() {
        let cases = [(1, "one"), (2, "few"), (4, "few"), (5, "many"), (11, "many"), (12, "many"), (14, "many"), (21, "one"), (22, "few"), (25, "many"), (101, "one"), (111, "many"), (0, "many")];
        for (n, want) in cases {
            assert_eq!(plural_category(Lang::Ru, n), want, "{n}");
        }
        assert_eq!(plural_category(Lang::En, 1), "one");
        assert_eq!(plural_category(Lang::En, 0), "other");
        assert_eq!(plural_category(Lang::Kk, 5), "other");
    }

    #[test]
    fn tables_are_sorted_and_complete() {
        for lang in [Lang::Kk, Lang::Ru, Lang::En] {
            let m = Messages::get(lang);
            let keys: Vec<&str> = m.keys().collect();
            assert!(keys.len() > 300, "{lang:?}: {} keys", keys.len());
            assert!(keys.windows(2).all(|w| w[0] < w[1]), "{lang:?}: keys must be sorted for the binary search");
            for k in &keys {
                assert!(m.raw(k).is_some(), "{lang:?}: {k}");
            }
        }
        assert_eq!(Messages::get(Lang::Ru).raw("month.3"), Some("марта"));
    }

    /// Kazakh dates take the case the sentence needs, on the month (the last word of the date).
    #[test]
    fn kazakh_dates_are_inflected() {
        let m = Messages::get(Lang::Kk);
        let d = |y, mo, day| chrono::NaiveDate::from_ymd_opt(y, mo, day).unwrap();
        let date = |day| [("date", Param::Date(day))];
        assert_eq!(m.date(d(2026, 9, 1)), "2026 жылғы 1 қыркүйек");
        assert_eq!(m.fill("{date:abl} бастап", &date(d(2026, 9, 1))), "2026 жылғы 1 қыркүйектен бастап");
        assert_eq!(m.fill("{date:dat} дейін", &date(d(2026, 11, 1))), "2026 жылғы 1 қарашаға дейін");
        assert_eq!(m.fill("{date:loc} басталады", &date(d(2026, 3, 10))), "2026 жылғы 10 наурызда басталады");
        // Every month in every case, by the suffix rules (vowel harmony; voiceless ends; м, н, ң).
        let abl = ["қаңтардан", "ақпаннан", "наурыздан", "сәуірден", "мамырдан", "маусымнан", "шілдеден", "тамыздан", "қыркүйектен", "қазаннан", "қарашадан", "желтоқсаннан"];
        let dat = ["қаңтарға", "ақпанға", "наурызға", "сәуірге", "мамырға", "маусымға", "шілдеге", "тамызға", "қыркүйекке", "қазанға", "қарашаға", "желтоқсанға"];
        let loc = ["қаңтарда", "ақпанда", "наурызда", "сәуірде", "мамырда", "маусымда", "шілдеде", "тамызда", "қыркүйекте", "қазанда", "қарашада", "желтоқсанда"];
        for (case, forms) in [("abl", abl), ("dat", dat), ("loc", loc)] {
            for (i, form) in forms.iter().enumerate() {
                assert_eq!(m.date_in_case(d(2026, i as u32 + 1, 2), Some(case)), format!("2026 жылғы 2 {form}"), "{case} {}", i + 1);
            }
        }
        // Languages without case tables write the plain date.
        assert_eq!(Messages::get(Lang::En).fill("from {date:abl}", &date(d(2026, 9, 1))), "from 1 September 2026");
    }

    #[test]
    fn english_dates_and_units() {
        let m = Messages::get(Lang::En);
        let d = chrono::NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
        assert_eq!(m.date(d), "10 March 2026");
        assert_eq!(m.param(&Param::WorkingDays(1)), "1 working day");
        assert_eq!(m.param(&Param::WorkingDays(20)), "20 working days");
        assert_eq!(m.text("missing.key", &[]), "⟦missing.key⟧");
    }
}
