//! The paper in hand (issue 27): the written application to the head of the PHC organisation and
//! the complaint against a refusal, as structured text, then as a printable A4 HTML page and as plain
//! text, both from the same structure. A pure function of the engine's decision, what the person
//! typed, the paper's language (Kazakh or Russian, both official) and the date.
//!
//! Every fixed word is in the message tables (`ui.paper.*`); what the engine already says in a
//! language is reused as it says it: the documents (`document.*`, through `phc::i18n::annotate`), the
//! citations' titles (`phc::citation::title`). What the form rests on (seed 002's "application of an
//! arbitrary form"; the APPK's contents of a complaint) is in `docs/readings.md`, "The paper in hand".
//!
//! Privacy: what is typed is only an argument here; nothing is kept. The form and the page carry
//! `ui.paper.privacy`.

use crate::answers::{Answer, Answers};
use crate::iin::Iin;
pub use crate::offer::{offers_application, offers_complaint, PaperKind};
use chrono::NaiveDate;
use phc::codes::{Field, Outcome, ReasonCode, Verdict};
use phc::decision::{Dates, Decision, DocumentItem, Param, ReasonItem};
use phc::i18n::Messages;
use phc::rules::SourceKind;
use phc::{Lang, Rules};

/// The two official languages a paper is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaperLang {
    Kk,
    Ru,
}

impl PaperLang {
    pub fn lang(self) -> Lang {
        match self {
            PaperLang::Kk => Lang::Kk,
            PaperLang::Ru => Lang::Ru,
        }
    }

    /// The paper's language for a page language: English readers get Russian by default (they pick).
    pub fn default_for(page: Lang) -> PaperLang {
        if page == Lang::Kk {
            PaperLang::Kk
        } else {
            PaperLang::Ru
        }
    }
}

/// The person who signs: as typed on the form (trimmed here; an empty field leaves a line to write on).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applicant {
    pub full_name: String,
    pub iin: String,
    pub address: String,
    pub phone: String,
}

/// The person the paper is for, when it is not the applicant.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Other {
    pub full_name: String,
    pub iin: String,
    /// Given in the questions (a child's); otherwise the paper reads it from a valid IIN.
    pub birth_date: Option<NaiveDate>,
}

/// For whom: the answer to "who is it for" (`applicant`: self, parent, representative, family_member).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ForWhom {
    Myself,
    Child(Other),
    Represented(Other),
    FamilyMember(Other),
}

impl ForWhom {
    /// From the `applicant` answer's code and the other person's details (ignored for `self`).
    pub fn from_code(applicant: &str, other: Other) -> ForWhom {
        match applicant {
            "parent" => ForWhom::Child(other),
            "representative" => ForWhom::Represented(other),
            "family_member" => ForWhom::FamilyMember(other),
            _ => ForWhom::Myself,
        }
    }

    fn key(&self) -> &'static str {
        match self {
            ForWhom::Myself => "self",
            ForWhom::Child(_) => "child",
            ForWhom::Represented(_) => "represented",
            ForWhom::FamilyMember(_) => "family_member",
        }
    }

    fn other(&self) -> Option<&Other> {
        match self {
            ForWhom::Myself => None,
            ForWhom::Child(o) | ForWhom::Represented(o) | ForWhom::FamilyMember(o) => Some(o),
        }
    }
}

/// What the form asks for both papers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Details {
    pub applicant: Applicant,
    /// The clinic's name if known (for a complaint: the clinic that refused).
    pub clinic: String,
    pub for_whom: ForWhom,
}

/// The refusal a complaint is against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The day the person received the refusal (learned of it): the question `refusal_received_on`.
    pub received_on: NaiveDate,
    /// What the refusal said, in one line as the person types it (may be empty).
    pub said: String,
    /// Why the deadline was missed, when it was (may be empty: a line to write on).
    pub late_reason: String,
}

/// A part of the paper's body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Para(String),
    /// A numbered list.
    List(Vec<String>),
}

/// A paper as structured text, in one language. `to_text` and `to_html` write it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paper {
    pub lang: Lang,
    pub kind: PaperKind,
    /// The addressee and the applicant, at the top right.
    pub header: Vec<String>,
    pub title: String,
    pub subtitle: String,
    pub body: Vec<Block>,
    pub enclosed_heading: String,
    pub enclosed: Vec<String>,
    pub date: String,
    pub signature: String,
    /// One sentence: what is typed stays in this page only (shown on screen, not printed).
    pub privacy: String,
}

/// A line to write on by hand, where a field was left empty.
pub const BLANK: &str = "______________________________";

fn or_blank(s: &str) -> String {
    let s = s.trim();
    if s.is_empty() {
        BLANK.to_string()
    } else {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// The reasons a complaint states (outcome `met`) that have words for the paper, in the first person
/// of the paper or impersonal (the result's own texts speak to "you"): `ui.paper.why.<code>.<detail>`.
fn why_key(r: &ReasonItem<'_>) -> String {
    if r.code == ReasonCode::Ground {
        "ui.paper.why.ground".to_string()
    } else {
        format!("ui.paper.why.{}.{}", r.code, r.detail)
    }
}

struct Writer<'a> {
    m: &'a Messages,
    rules: &'static Rules,
}

impl<'a> Writer<'a> {
    fn t(&self, key: &str) -> String {
        self.m.text(key, &[])
    }

    fn with(&self, key: &str, values: &[(&str, &str)]) -> String {
        self.m.text_with(key, values)
    }

    /// A message with engine parameters (dates in the case the message asks for) and plain values.
    fn filled(&self, key: &str, params: &[(&str, Param)], values: &[(&str, &str)]) -> String {
        let first = self.m.text(key, params);
        if values.is_empty() {
            first
        } else {
            // `text` kept the plain placeholders as written; fill them now.
            let mut out = first;
            for (name, value) in values {
                out = out.split(&format!("{{{name}}}")).collect::<Vec<_>>().join(value);
            }
            out
        }
    }

    fn date(&self, d: NaiveDate) -> String {
        self.m.date(d)
    }

    /// The citations of a reason for the paper: its acts with their place («Приказ …, п. 25»), or,
    /// where it rests on no act, its official pages.
    fn cited(&self, sources: &[phc::rules::model::Text]) -> String {
        let is_act = |s: &&phc::rules::model::Text| self.rules.source(s).is_some_and(|x| x.kind == SourceKind::Act);
        let acts: Vec<_> = sources.iter().filter(is_act).collect();
        let chosen: Vec<&phc::rules::model::Text> = if acts.is_empty() { sources.iter().collect() } else { acts };
        chosen.iter().map(|s| phc::citation::title(self.m, s)).collect::<Vec<_>>().join("; ")
    }

    fn header(&self, details: &Details, who_key: &str) -> Vec<String> {
        let a = &details.applicant;
        let mut lines: Vec<String> = self.with("ui.paper.to_head", &[("clinic", &or_blank(&details.clinic))]).split('\n').map(str::to_string).collect();
        lines.push(self.with(who_key, &[("name", &or_blank(&a.full_name))]));
        lines.push(self.with("ui.paper.iin_line", &[("iin", &or_blank(&a.iin))]));
        lines.push(self.with("ui.paper.address_line", &[("address", &or_blank(&a.address))]));
        lines.push(self.with("ui.paper.phone_line", &[("phone", &or_blank(&a.phone))]));
        lines
    }

    /// The other person as the paper names them: name, IIN and, where known, the birth date.
    fn person(&self, o: &Other) -> String {
        let born = o.birth_date.or_else(|| Iin::parse(&o.iin).ok().map(|i| i.birth_date()));
        let name = or_blank(&o.full_name);
        let iin = or_blank(&o.iin);
        match born {
            Some(d) => self.with("ui.paper.person_born", &[("name", &name), ("iin", &iin), ("birth", &self.date(d))]),
            None => self.with("ui.paper.person", &[("name", &name), ("iin", &iin)]),
        }
    }

    /// The papers enclosed, each once, in the engine's words. A document the decision needs only in a
    /// case (`only_if`, issue 24) is enclosed as the paper's case settles it: one for a written
    /// application in person is needed, as the paper is one (its plain name); the family's consent
    /// only when the paper is for a family member; any other case is left said, for the person to
    /// judge (an institution's request).
    fn enclosed(&self, lists: &[&[DocumentItem]], drop: &[phc::codes::DocumentCode], for_whom: &ForWhom) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut seen = Vec::new();
        for doc in lists.iter().flat_map(|l| l.iter()) {
            if drop.contains(&doc.code) || seen.contains(&doc.code) {
                continue;
            }
            let name = || self.t(&format!("document.{}", doc.code));
            let text = match doc.only_if {
                None | Some("in_person") => name(),
                Some("family_member_applies") if matches!(for_whom, ForWhom::FamilyMember(_)) => name(),
                Some("family_member_applies") => continue,
                Some(_) => doc.text.clone().unwrap_or_else(name),
            };
            seen.push(doc.code);
            out.push(text);
        }
        out
    }

    fn finish(&self, kind: PaperKind, header: Vec<String>, body: Vec<Block>, enclosed: Vec<String>, details: &Details, today: NaiveDate) -> Paper {
        let prefix = match kind {
            PaperKind::Application => "ui.paper.application",
            PaperKind::Complaint => "ui.paper.complaint",
        };
        Paper {
            lang: self.m.lang(),
            kind,
            header,
            title: self.t(&format!("{prefix}.title")),
            subtitle: self.t(&format!("{prefix}.subtitle")),
            body,
            enclosed_heading: self.t("ui.paper.enclosed"),
            enclosed,
            date: self.with("ui.paper.date", &[("date", &self.date(today))]),
            signature: self.with("ui.paper.signature", &[("blank", "________________"), ("name", &or_blank(&details.applicant.full_name))]),
            privacy: self.t("ui.paper.privacy"),
        }
    }
}

/// A field of the paper's form, in the order the form asks them (`form_fields`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaperField {
    FullName,
    Iin,
    Address,
    Phone,
    Clinic,
    /// The person it is for (a child, a represented person, a family member).
    OtherName,
    OtherIin,
    RefusalSaid,
    LateReason,
}

impl PaperField {
    /// The field's label (`ui.paper.field.*`), for this paper and this person.
    pub fn label_key(self, kind: PaperKind, for_whom: &ForWhom) -> &'static str {
        let child = matches!(for_whom, ForWhom::Child(_));
        match self {
            PaperField::FullName => "ui.paper.field.full_name",
            PaperField::Iin => "ui.paper.field.iin",
            PaperField::Address => "ui.paper.field.address",
            PaperField::Phone => "ui.paper.field.phone",
            PaperField::Clinic if kind == PaperKind::Complaint => "ui.paper.field.clinic_refused",
            PaperField::Clinic => "ui.paper.field.clinic",
            PaperField::OtherName if child => "ui.paper.field.child_name",
            PaperField::OtherName => "ui.paper.field.other_name",
            PaperField::OtherIin if child => "ui.paper.field.child_iin",
            PaperField::OtherIin => "ui.paper.field.other_iin",
            PaperField::RefusalSaid => "ui.paper.field.refusal_said",
            PaperField::LateReason => "ui.paper.field.late_reason",
        }
    }
}

/// The fields a paper's form asks, in order: only what the paper needs and the answers do not hold.
/// `late`: the complaint's deadline has passed (`is_late`), so the form asks why.
pub fn form_fields(kind: PaperKind, for_whom: &ForWhom, late: bool) -> Vec<PaperField> {
    use PaperField::*;
    let mut fields = vec![FullName, Iin, Address, Phone, Clinic];
    if for_whom.other().is_some() {
        fields.extend([OtherName, OtherIin]);
    }
    if kind == PaperKind::Complaint {
        fields.push(RefusalSaid);
        if late {
            fields.push(LateReason);
        }
    }
    fields
}

/// What is wrong with a typed IIN, if anything, as the form shows it on the field. An empty field is
/// not wrong: the APPK asks for the IIN "if there is one" (art. 63), and the paper leaves a line.
pub fn iin_problem(typed: &str, birth_date: Option<NaiveDate>) -> Option<crate::iin::IinError> {
    if typed.trim().is_empty() {
        return None;
    }
    crate::iin::check(typed, birth_date).err()
}

/// Every IIN field that is wrong, with its reason: the applicant's, and the other person's against the
/// birth date the questions gave (a child's). The form asks `Form::problems`, which knows which
/// fields it shows.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub fn problems(details: &Details) -> Vec<(PaperField, crate::iin::IinError)> {
    let mut out = Vec::new();
    if let Some(e) = iin_problem(&details.applicant.iin, None) {
        out.push((PaperField::Iin, e));
    }
    if let Some(o) = details.for_whom.other() {
        if let Some(e) = iin_problem(&o.iin, o.birth_date) {
            out.push((PaperField::OtherIin, e));
        }
    }
    out
}

/// What is typed on the paper's form, kept only in the page's memory (issue 27, item 4): the
/// reducer's state holds it while the paper's screen is shown and forgets it when the screen is
/// left; it is never an answer, so no journey, share link, storage, calendar file or event to the
/// host carries it. Its `Debug` shows no typed value.
#[derive(Clone, PartialEq, Eq)]
pub struct Form {
    pub kind: PaperKind,
    /// The paper's language (kk or ru), chosen on the form.
    pub lang: PaperLang,
    values: Vec<(PaperField, String)>,
}

impl std::fmt::Debug for Form {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Form {{ kind: {:?}, lang: {:?}, {} fields typed }}", self.kind, self.lang, self.values.len())
    }
}

impl Form {
    pub fn new(kind: PaperKind, lang: PaperLang) -> Form {
        Form { kind, lang, values: Vec::new() }
    }

    /// What is typed in `field` (empty if nothing).
    pub fn value(&self, field: PaperField) -> &str {
        self.values.iter().find(|(f, _)| *f == field).map_or("", |(_, v)| v.as_str())
    }

    pub fn set(&mut self, field: PaperField, value: String) {
        match self.values.iter_mut().find(|(f, _)| *f == field) {
            Some((_, v)) => *v = value,
            None => self.values.push((field, value)),
        }
    }

    /// Who the paper is for, from the answers (`applicant`), with the other person's typed details
    /// and, for a child, the birth date the questions gave.
    pub fn for_whom(&self, answers: &Answers) -> ForWhom {
        let code = match answers.get(Field::Applicant) {
            Some(Answer::Code(c)) => c.as_str(),
            _ => "self",
        };
        let other = Other { full_name: self.value(PaperField::OtherName).to_string(), iin: self.value(PaperField::OtherIin).to_string(), birth_date: None };
        match ForWhom::from_code(code, other) {
            ForWhom::Child(mut o) => {
                o.birth_date = answer_date(answers, Field::BirthDate);
                ForWhom::Child(o)
            }
            other => other,
        }
    }

    /// The fields the form shows, in order (`form_fields`).
    pub fn fields(&self, decision: &Decision<'_>, answers: &Answers) -> Vec<PaperField> {
        form_fields(self.kind, &self.for_whom(answers), self.kind == PaperKind::Complaint && is_late(decision))
    }

    /// The birth date an IIN field is checked against: the one the questions gave (`person.birth_date`,
    /// asked of a child's parent, and of others where the rules need an age) belongs to the person the
    /// paper is for: the applicant's own IIN when it is for themselves, else the other person's.
    fn birth_date_for(&self, field: PaperField, answers: &Answers) -> Option<NaiveDate> {
        let myself = self.for_whom(answers) == ForWhom::Myself;
        match field {
            PaperField::Iin if myself => answer_date(answers, Field::BirthDate),
            PaperField::OtherIin if !myself => answer_date(answers, Field::BirthDate),
            _ => None,
        }
    }

    /// What the form says is wrong with an IIN field as the person types (`iin_problem`): a number
    /// still too short only with `all` (the person pressed Print or Download). Not when the field is
    /// left: the message would push the buttons below it down between the press and the release of
    /// the button the person was pressing, and the press would be lost.
    pub fn iin_error(&self, field: PaperField, answers: &Answers, all: bool) -> Option<crate::iin::IinError> {
        if !matches!(field, PaperField::Iin | PaperField::OtherIin) {
            return None;
        }
        let typed = self.value(field);
        let e = iin_problem(typed, self.birth_date_for(field, answers))?;
        let digits = typed.chars().filter(char::is_ascii_digit).count();
        if e == crate::iin::IinError::WrongLength && digits < 12 && !all {
            return None;
        }
        Some(e)
    }

    /// Every IIN field of the form that is wrong, in the form's order.
    pub fn problems(&self, decision: &Decision<'_>, answers: &Answers) -> Vec<(PaperField, crate::iin::IinError)> {
        self.fields(decision, answers).into_iter().filter_map(|f| self.iin_error(f, answers, true).map(|e| (f, e))).collect()
    }

    /// The paper, from the result's decision, the answers and what is typed, dated `today`; `None`
    /// when the decision offers no paper of this kind.
    pub fn paper(&self, decision: &Decision<'_>, answers: &Answers, today: NaiveDate) -> Option<Paper> {
        let details = Details {
            applicant: Applicant {
                full_name: self.value(PaperField::FullName).to_string(),
                iin: self.value(PaperField::Iin).to_string(),
                address: self.value(PaperField::Address).to_string(),
                phone: self.value(PaperField::Phone).to_string(),
            },
            clinic: self.value(PaperField::Clinic).to_string(),
            for_whom: self.for_whom(answers),
        };
        match self.kind {
            PaperKind::Application if offers_application(decision) => Some(application(decision, &details, self.lang, today)),
            PaperKind::Complaint if offers_complaint(decision) => {
                let refusal = Refusal {
                    received_on: answer_date(answers, Field::RefusalReceivedOn)?,
                    said: self.value(PaperField::RefusalSaid).to_string(),
                    late_reason: self.value(PaperField::LateReason).to_string(),
                };
                // The app asks no attachment questions for a complaint: the paper leaves lines for
                // why the refusal is wrong.
                Some(complaint(decision, None, &details, &refusal, self.lang, today))
            }
            _ => None,
        }
    }
}

fn answer_date(answers: &Answers, field: Field) -> Option<NaiveDate> {
    match answers.get(field) {
        Some(Answer::Date(d)) => phc::dates::parse_date(d).ok(),
        _ => None,
    }
}

/// Whether the complaint's deadline has passed (the engine's `complaint_deadline` reason, `missed`).
pub fn is_late(complaint: &Decision<'_>) -> bool {
    complaint.reasons.iter().any(|r| r.code == ReasonCode::ComplaintDeadline && r.detail == "missed")
}

/// The ground the decision found, with the documents that go with it: the request's own ground when
/// the decision met it, else the best open route (issue 14) when the person did not know the ground.
fn ground<'d>(d: &'d Decision<'_>) -> Option<(&'static str, &'d [phc::rules::model::Text], &'d [DocumentItem])> {
    if let Some(r) = d.reasons.iter().find(|r| r.code == ReasonCode::Ground && r.outcome == Outcome::Met) {
        return Some((r.detail, r.sources, &d.documents));
    }
    d.routes.iter().find(|r| matches!(r.verdict, Verdict::Eligible | Verdict::EligibleLater)).map(|r| (r.reason.as_str(), &[][..], &r.documents[..]))
}

fn annotated<'r>(d: &Decision<'r>, lang: Lang) -> Decision<'r> {
    let mut d = d.clone();
    phc::i18n::annotate(&mut d, lang);
    d
}

/// The ground line: the ground in the act's words, with the act where the decision cites one.
fn ground_line(w: &Writer<'_>, found: Option<(&'static str, &[phc::rules::model::Text], &[DocumentItem])>) -> String {
    match found {
        Some((code, sources, _)) => {
            let words = w.t(&format!("ui.paper.ground.{code}"));
            let cited = w.cited(sources);
            if cited.is_empty() {
                w.with("ui.paper.ground_line", &[("ground", &words)])
            } else {
                w.with("ui.paper.ground_line_cited", &[("ground", &words), ("source", &cited)])
            }
        }
        None => w.with("ui.paper.ground_line", &[("ground", BLANK)]),
    }
}

/// The written application to the head of the PHC organisation (seed 002: "an application of an
/// arbitrary form"), for the attachment decision `decision`: the request on the ground it found, the
/// documents it lists, the person's details, the date and a line for the signature.
pub fn application(decision: &Decision<'_>, details: &Details, lang: PaperLang, today: NaiveDate) -> Paper {
    let m = Messages::get(lang.lang());
    let w = Writer { m, rules: Rules::built_in() };
    let d = annotated(decision, lang.lang());
    let found = ground(&d);
    let mut body = Vec::new();
    let request_key = format!("ui.paper.application.request.{}", details.for_whom.key());
    body.push(Block::Para(match details.for_whom.other() {
        Some(o) => w.with(&request_key, &[("person", &w.person(o))]),
        None => w.t(&request_key),
    }));
    body.push(Block::Para(ground_line(&w, found)));
    // An attachment for the term of an insurance contract (EAEU workers and their families).
    if let Dates::Standard(s) = &d.dates {
        if let Some(until) = s.attachment_ends {
            body.push(Block::Para(w.filled("ui.paper.application.until_contract", &[("date", Param::Date(until.0))], &[])));
        }
    }
    let documents: &[DocumentItem] = found.map(|f| f.2).unwrap_or(&d.documents);
    let enclosed = w.enclosed(&[documents], &[], &details.for_whom);
    w.finish(PaperKind::Application, w.header(details, "ui.paper.applicant"), body, enclosed, details, today)
}

/// The complaint to the head of the clinic that refused (APPK: the complaint goes to the body whose
/// act is disputed; its contents, art. 93 as e-Gov quotes it: the body, the applicant's name, IIN and
/// address, the act disputed, the circumstances and evidence, the request, the date, the signature,
/// the papers enclosed). `complaint` is the engine's decision for the complaint (its deadline, and
/// whether it was missed); `grounds`, when the app has it, the attachment decision for the same
/// person: its met reasons are why the refusal is wrong. A decision that does not let the person
/// attach is no ground and is ignored; without grounds the paper leaves lines to write them by hand.
pub fn complaint(complaint: &Decision<'_>, grounds: Option<&Decision<'_>>, details: &Details, refusal: &Refusal, lang: PaperLang, today: NaiveDate) -> Paper {
    let m = Messages::get(lang.lang());
    let w = Writer { m, rules: Rules::built_in() };
    let c = annotated(complaint, lang.lang());
    let g = grounds.filter(|g| matches!(g.verdict, Verdict::Eligible | Verdict::EligibleLater)).map(|g| annotated(g, lang.lang()));
    let who = details.for_whom.key();
    let refused_on = Param::Date(refusal.received_on);
    let mut body = Vec::new();

    // What was refused, when, and what the refusal said.
    let refusal_key = format!("ui.paper.complaint.refusal.{who}");
    let person = details.for_whom.other().map(|o| w.person(o)).unwrap_or_default();
    let mut first = w.filled(&refusal_key, &[("date", refused_on.clone())], &[("person", &person)]);
    first.push(' ');
    let said = refusal.said.trim();
    first.push_str(&if said.is_empty() { w.with("ui.paper.complaint.said", &[("said", BLANK)]) } else { w.with("ui.paper.complaint.said", &[("said", &or_blank(said))]) });
    body.push(Block::Para(first));

    // Why it is wrong: the reasons the engine found, in the paper's words, with their acts.
    body.push(Block::Para(w.t("ui.paper.complaint.why")));
    // Consecutive reasons on the same sources are one item, cited once.
    let mut stated: Vec<(String, String)> = Vec::new();
    if let Some(g) = &g {
        for r in g.reasons.iter().filter(|r| r.outcome == Outcome::Met) {
            let key = why_key(r);
            if m.raw(&key).is_none() {
                continue;
            }
            let text = w.filled(&key, &r.params, &[("ground", &w.t(&format!("ui.paper.ground.{}", r.detail)))]);
            let cited = w.cited(r.sources);
            match stated.last_mut() {
                Some((texts, last)) if *last == cited => {
                    texts.push(' ');
                    texts.push_str(&text);
                }
                _ => stated.push((text, cited)),
            }
        }
    }
    let mut why: Vec<String> = stated
        .into_iter()
        .map(|(text, cited)| if cited.is_empty() { text } else { w.with("ui.paper.cited", &[("text", text.trim_end_matches('.')), ("source", &cited)]) })
        .collect();
    if why.is_empty() {
        why = vec![BLANK.repeat(2), BLANK.repeat(2)];
    }
    body.push(Block::List(why));

    // A missed deadline: ask to restore it (APPK art. 92: a missed deadline is no ground to refuse
    // the complaint).
    if let Some(late) = c.reasons.iter().find(|r| r.code == ReasonCode::ComplaintDeadline && r.detail == "missed") {
        debug_assert!(is_late(&c));
        let reason = or_blank(&refusal.late_reason);
        let cited = w.cited(late.sources);
        body.push(Block::Para(w.filled("ui.paper.complaint.late", &late.params, &[("reason", reason.trim_end_matches('.')), ("source", &cited)])));
    }

    // The request.
    body.push(Block::Para(w.t("ui.paper.complaint.request")));
    let found = g.as_ref().and_then(|g| ground(g));
    let ground_words = found.map(|f| w.t(&format!("ui.paper.ground.{}", f.0))).unwrap_or_else(|| BLANK.to_string());
    body.push(Block::List(vec![
        w.filled("ui.paper.complaint.ask_reverse", &[("date", refused_on)], &[]),
        w.with(&format!("ui.paper.complaint.ask_attach.{who}"), &[("ground", &ground_words)]),
        w.t("ui.paper.complaint.ask_answer"),
    ]));

    // Enclosed: the applicant's identity document (the complaint itself is not listed), the refusal
    // if it was given in writing, the documents of the attachment.
    let attachment_docs: &[DocumentItem] = found.map(|f| f.2).or(g.as_ref().map(|g| &g.documents[..])).unwrap_or(&[]);
    let mut enclosed = w.enclosed(&[&c.documents, attachment_docs], &[phc::codes::DocumentCode::ComplaintLetter], &details.for_whom);
    enclosed.insert(enclosed.len().min(1), w.t("ui.paper.complaint.refusal_copy"));
    w.finish(PaperKind::Complaint, w.header(details, "ui.paper.complainant"), body, enclosed, details, today)
}

impl Paper {
    /// The paper as plain text (the downloadable file): the header, the title, the body with
    /// numbered lists, the papers enclosed, the date and the signature. The privacy sentence is the
    /// page's, not the paper's: it is not in the file.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for line in &self.header {
            out.push_str(line);
            out.push('\n');
        }
        out.push('\n');
        out.push_str(&self.title);
        out.push('\n');
        out.push_str(&self.subtitle);
        out.push_str("\n\n");
        for block in &self.body {
            match block {
                Block::Para(p) => {
                    out.push_str(p);
                    out.push('\n');
                }
                Block::List(items) => {
                    for (i, item) in items.iter().enumerate() {
                        out.push_str(&format!("{}. {item}\n", i + 1));
                    }
                }
            }
            out.push('\n');
        }
        out.push_str(&self.enclosed_heading);
        out.push('\n');
        for (i, item) in self.enclosed.iter().enumerate() {
            out.push_str(&format!("{}. {item}\n", i + 1));
        }
        out.push('\n');
        out.push_str(&self.date);
        out.push('\n');
        out.push_str(&self.signature);
        out.push('\n');
        out
    }

    /// A file name for the download: the paper's kind, language and date, with the extension of the
    /// rendering (`txt` for `to_text`, `html` for `to_html`).
    pub fn file_name(&self, today: NaiveDate, ext: &str) -> String {
        let kind = match self.kind {
            PaperKind::Application => "application",
            PaperKind::Complaint => "complaint",
        };
        format!("{kind}-{}-{}.{ext}", self.lang, today.format("%Y-%m-%d"))
    }

    /// The paper as a standalone, self-contained HTML page for one A4 sheet: its own print styles, no
    /// script, no external resource; every typed value escaped. The privacy sentence is shown on
    /// screen and not printed.
    pub fn to_html(&self) -> String {
        let mut style = String::with_capacity(STYLE.len() + 128);
        style.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n<style>\n");
        style.push_str(STYLE);
        style.push_str("</style>\n");
        self.html(&style)
    }

    /// The same page for the frame the app prints it from: its styles as the file `stylesheet` (the
    /// address of `static/paper.css` in this build) instead of inline, so the policy the frame
    /// inherits from the page around it allows them (see `STYLE`). No policy of its own: the
    /// inherited one applies, and the page has no script and every typed value escaped.
    pub fn to_print_html(&self, stylesheet: &str) -> String {
        self.html(&format!("<link rel=\"stylesheet\" href=\"{}\">\n", escape(stylesheet)))
    }

    fn html(&self, style: &str) -> String {
        let mut h = String::with_capacity(4096);
        h.push_str("<!DOCTYPE html>\n<html lang=\"");
        h.push_str(self.lang.as_str());
        h.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.push_str(style);
        h.push_str("<title>");
        h.push_str(&escape(&self.title));
        h.push_str("</title>\n</head>\n<body>\n<main class=\"paper\">\n<p class=\"privacy\">");
        h.push_str(&escape(&self.privacy));
        h.push_str("</p>\n<div class=\"header\">\n");
        for line in &self.header {
            h.push_str("<p>");
            h.push_str(&escape(line));
            h.push_str("</p>\n");
        }
        h.push_str("</div>\n<h1>");
        h.push_str(&escape(&self.title));
        h.push_str("<span>");
        h.push_str(&escape(&self.subtitle));
        h.push_str("</span></h1>\n");
        for block in &self.body {
            match block {
                Block::Para(p) => {
                    h.push_str("<p>");
                    h.push_str(&escape(p));
                    h.push_str("</p>\n");
                }
                Block::List(items) => list(&mut h, items),
            }
        }
        h.push_str("<p class=\"enclosed\">");
        h.push_str(&escape(&self.enclosed_heading));
        h.push_str("</p>\n");
        list(&mut h, &self.enclosed);
        h.push_str("<div class=\"sign\"><p>");
        h.push_str(&escape(&self.date));
        h.push_str("</p><p>");
        h.push_str(&escape(&self.signature));
        h.push_str("</p></div>\n</main>\n</body>\n</html>\n");
        h
    }
}

fn list(h: &mut String, items: &[String]) {
    h.push_str("<ol>\n");
    for item in items {
        h.push_str("<li>");
        h.push_str(&escape(item));
        h.push_str("</li>\n");
    }
    h.push_str("</ol>\n");
}

/// One A4 sheet (the longest golden paper, a late complaint, prints on one page in Chromium with
/// DejaVu Serif, wider than Times): 15 mm margins and 25 mm on the left for binding, a serif face at
/// 11 pt, the header in the right part, the title centred, no justification (typed words are long);
/// on screen a sheet-like column and the privacy sentence, which is not printed.
///
/// One file, `static/paper.css`, two uses: inline in the downloaded page (`to_html`: a file opened
/// from the disk has no policy but its own), and as that file of the build in the frame the app
/// prints the paper from (`to_print_html`): the frame's `srcdoc` document inherits the policy of the
/// page around it, whose `style-src` allows no inline style but the page's own (by hash) and, inside
/// a host page, only what the host allows; the widget's stylesheet is a file of the same build, so a
/// host that allows it allows this one.
pub const STYLE: &str = include_str!("../../static/paper.css");

/// HTML text escaping: `&`, `<`, `>`, `"` and `'`.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

// Native only: proptest is a native dev-dependency, and the golden papers are files (the wasm
// component tests build this crate for wasm32 too).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use phc::codes::DocumentCode;
    use std::path::PathBuf;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn decide(json: &str) -> Decision<'static> {
        let rules = Rules::built_in();
        let req = phc::parse_request(json, None, &rules.zones).unwrap_or_else(|e| panic!("{json}: {e}"));
        phc::decide(&req, rules).unwrap()
    }

    const TODAY: &str = "2026-12-07T10:00:00+05:00";

    fn pensioner_request() -> String {
        format!(r#"{{"service":"attachment","at":"{TODAY}","applicant":"self","person":{{"residency":"citizen","birth_date":"1958-04-02","categories":["pensioner"],"eds":false}},"reason":"relocation","current_attachment":{{"attached":true,"at_target_clinic":false}},"relocation":{{"moved_on":"2026-11-02","leaves_unit":true,"away_over_a_month":true}},"target_unit":"same"}}"#)
    }

    fn newborn_request() -> String {
        format!(r#"{{"service":"attachment","at":"{TODAY}","applicant":"parent","person":{{"residency":"citizen","birth_date":"2026-11-20"}},"reason":"first_attachment","current_attachment":{{"attached":false}},"target_unit":"same"}}"#)
    }

    fn eaeu_request() -> String {
        format!(r#"{{"service":"attachment","at":"{TODAY}","applicant":"self","person":{{"residency":"eaeu_worker","insurance":"voluntary","insurance_until":"2027-06-30","categories":["voluntary_insurance"]}},"reason":"first_attachment","current_attachment":{{"attached":false}},"target_unit":"same"}}"#)
    }

    /// What a person types, in the paper's language (a Kazakh paper is typed in Kazakh).
    fn pensioner_in(lang: PaperLang) -> Details {
        let kk = lang == PaperLang::Kk;
        Details {
            applicant: Applicant {
                full_name: if kk { "Ахметова Гүлнар Серікқызы" } else { "Ахметова Гульнара Сериковна" }.into(),
                iin: "580402400417".into(),
                address: if kk { "Астана қ., Сарыарқа ауданы, Кенесары к-сі, 40-үй, 12-пәтер" } else { "г. Астана, район Сарыарка, ул. Кенесары, д. 40, кв. 12" }.into(),
                phone: "+7 701 234 56 78".into(),
            },
            clinic: if kk { "Астана қаласы әкімдігінің шаруашылық жүргізу құқығындағы «№ 5 қалалық емхана» МКК" } else { "ГКП на ПХВ «Городская поликлиника № 5» акимата г. Астаны" }.into(),
            for_whom: ForWhom::Myself,
        }
    }

    fn pensioner() -> Details {
        pensioner_in(PaperLang::Ru)
    }

    fn parent_in(lang: PaperLang) -> Details {
        let kk = lang == PaperLang::Kk;
        Details {
            applicant: Applicant {
                full_name: if kk { "Садықов Ерлан Маратұлы" } else { "Садыков Ерлан Маратович" }.into(),
                iin: "900101300126".into(),
                address: if kk { "Алматы қ., Бостандық ауданы, Орбита-2 ш/а, 15-үй, 7-пәтер" } else { "г. Алматы, Бостандыкский район, мкр. Орбита-2, д. 15, кв. 7" }.into(),
                phone: "+7 777 123 45 67".into(),
            },
            clinic: String::new(),
            for_whom: ForWhom::Child(Other {
                full_name: if kk { "Садықова Айлин Ерланқызы" } else { "Садыкова Айлин Ерлановна" }.into(),
                iin: crate::iin::make(day(2026, 11, 20), crate::iin::Sex::Female, 17).unwrap(),
                birth_date: Some(day(2026, 11, 20)),
            }),
        }
    }

    fn parent() -> Details {
        parent_in(PaperLang::Ru)
    }

    fn eaeu_in(lang: PaperLang) -> Details {
        let kk = lang == PaperLang::Kk;
        Details {
            applicant: Applicant {
                full_name: "Асанов Бакыт Токтогулович".into(),
                iin: "870315300419".into(),
                address: if kk { "Шымкент қ., Абай ауданы, Рысқұлов к-сі, 3-үй, 21-пәтер" } else { "г. Шымкент, Абайский район, ул. Рыскулова, д. 3, кв. 21" }.into(),
                phone: "+7 705 555 12 34".into(),
            },
            clinic: if kk { "«Шипагер» медициналық орталығы ЖШС" } else { "ТОО «Медицинский центр „Шипагер“»" }.into(),
            for_whom: ForWhom::Myself,
        }
    }

    fn eaeu() -> Details {
        eaeu_in(PaperLang::Ru)
    }

    fn late_refusal_in(lang: PaperLang) -> Refusal {
        let (said, late) = match lang {
            PaperLang::Kk => ("Бас тартылды: біздің ауданда тұрғылықты жеріңіз жоқ", "2026 жылғы 5 тамыздан 20 қарашаға дейін стационарда емделдім"),
            PaperLang::Ru => ("Отказано: нет прописки в нашем районе", "я находилась на лечении в стационаре с 5 августа по 20 ноября 2026 года"),
        };
        Refusal { received_on: day(2026, 8, 3), said: said.into(), late_reason: late.into() }
    }

    fn late_refusal() -> Refusal {
        late_refusal_in(PaperLang::Ru)
    }

    fn complaint_request(received: &str) -> String {
        format!(r#"{{"service":"complaint","at":"{TODAY}","refusal_received_on":"{received}"}}"#)
    }

    /// The golden papers: each situation in Kazakh and Russian as the downloadable text. With
    /// `PHC_WRITE_GOLDEN=1` (or a file missing) the test writes them; otherwise it compares.
    fn golden() -> Vec<(String, Paper)> {
        let today = day(2026, 12, 7);
        let mut out = Vec::new();
        for (code, lang) in [("kk", PaperLang::Kk), ("ru", PaperLang::Ru)] {
            out.push((format!("application_pensioner.{code}"), application(&decide(&pensioner_request()), &pensioner_in(lang), lang, today)));
            out.push((format!("application_newborn.{code}"), application(&decide(&newborn_request()), &parent_in(lang), lang, today)));
            out.push((format!("application_eaeu_worker.{code}"), application(&decide(&eaeu_request()), &eaeu_in(lang), lang, today)));
            let late = decide(&complaint_request("2026-08-03"));
            out.push((format!("complaint_late_pensioner.{code}"), complaint(&late, Some(&decide(&pensioner_request())), &pensioner_in(lang), &late_refusal_in(lang), lang, today)));
            let in_time = decide(&complaint_request("2026-11-30"));
            let refusal = Refusal { received_on: day(2026, 11, 30), said: String::new(), late_reason: String::new() };
            out.push((format!("complaint_in_time_no_grounds.{code}"), complaint(&in_time, None, &parent_in(lang), &refusal, lang, today)));
        }
        out
    }

    fn golden_dir() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden_papers")
    }

    #[test]
    fn golden_papers() {
        let dir = golden_dir();
        let write = std::env::var_os("PHC_WRITE_GOLDEN").is_some();
        let mut differ = Vec::new();
        for (name, paper) in golden() {
            let text = paper.to_text();
            assert!(!text.contains('⟦'), "{name}: a message is missing:\n{text}");
            let path = dir.join(format!("{name}.txt"));
            match std::fs::read_to_string(&path) {
                Ok(want) if !write => {
                    if want != text {
                        differ.push(format!("{name}:\n--- file\n{want}\n--- now\n{text}"));
                    }
                }
                _ => {
                    std::fs::create_dir_all(&dir).unwrap();
                    std::fs::write(&path, &text).unwrap();
                }
            }
        }
        assert!(differ.is_empty(), "golden papers differ (PHC_WRITE_GOLDEN=1 rewrites them, then read them):\n{}", differ.join("\n"));
    }

    /// The application lists exactly the decision's documents, in the engine's words: those needed
    /// only for a written application in person by their plain names (the paper is one), the family's
    /// consent only on a paper for a family member (issue 24's `only_if`).
    #[test]
    fn the_application_encloses_exactly_the_decisions_documents() {
        for (json, details) in [(pensioner_request(), pensioner()), (eaeu_request(), eaeu()), (newborn_request(), parent())] {
            let d = decide(&json);
            for lang in [PaperLang::Kk, PaperLang::Ru] {
                let paper = application(&d, &details, lang, day(2026, 12, 7));
                let m = Messages::get(lang.lang());
                let want: Vec<String> = d
                    .documents
                    .iter()
                    .filter(|x| x.only_if != Some("family_member_applies"))
                    .map(|x| m.text(&format!("document.{}", x.code), &[]))
                    .collect();
                assert_eq!(paper.enclosed, want);
                assert_eq!(paper.lang, lang.lang());
            }
        }
        // The pensioner's certificate is needed in person only: the paper encloses it, plainly.
        let d = decide(&pensioner_request());
        let cert = d.documents.iter().find(|x| x.code == DocumentCode::PensionCertificate).expect("listed");
        assert_eq!(cert.only_if, Some("in_person"));
        let ru = Messages::get(Lang::Ru);
        assert!(application(&d, &pensioner(), PaperLang::Ru, day(2026, 12, 7)).enclosed.contains(&ru.text("document.pension_certificate", &[])));
    }

    /// The ground the decision met is the one requested, with the act's words; without a ground the
    /// best open route's; with none, a line to write on.
    #[test]
    fn the_ground_is_the_decisions() {
        let p = application(&decide(&pensioner_request()), &pensioner(), PaperLang::Ru, day(2026, 12, 7));
        assert!(p.to_text().contains("Основание для прикрепления: смена постоянного или временного места жительства"), "{}", p.to_text());
        let unknown = format!(r#"{{"service":"attachment","at":"{TODAY}","applicant":"self","person":{{"residency":"citizen"}},"current_attachment":{{"attached":false}},"target_unit":"same"}}"#);
        let d = decide(&unknown);
        let p = application(&d, &pensioner(), PaperLang::Ru, day(2026, 12, 7));
        let route = d.routes.iter().find(|r| matches!(r.verdict, Verdict::Eligible | Verdict::EligibleLater)).expect("an open route");
        let words = Messages::get(Lang::Ru).text(&format!("ui.paper.ground.{}", route.reason.as_str()), &[]);
        assert!(p.to_text().contains(&words), "{}", p.to_text());
        // No ground given, and no route open: a line to write it on.
        let refused = format!(r#"{{"service":"attachment","at":"{TODAY}","applicant":"self","person":{{"residency":"temporary_visitor"}},"target_unit":"same"}}"#);
        assert!(decide(&refused).routes.iter().all(|r| !matches!(r.verdict, Verdict::Eligible | Verdict::EligibleLater)));
        let p = application(&decide(&refused), &pensioner(), PaperLang::Kk, day(2026, 12, 7));
        assert!(p.to_text().contains(&format!("Бекітуге негіз: {BLANK}.")), "{}", p.to_text());
    }

    /// A complaint against a refusal the person learned of more than three months ago asks to
    /// restore the deadline, citing APPK art. 92; one in time does not. Without grounds the paper
    /// leaves lines to write them; with a decision that does not let the person attach, too.
    #[test]
    fn a_late_complaint_asks_to_restore_the_deadline() {
        let today = day(2026, 12, 7);
        let late = complaint(&decide(&complaint_request("2026-08-03")), Some(&decide(&pensioner_request())), &pensioner(), &late_refusal(), PaperLang::Ru, today);
        let text = late.to_text();
        assert!(text.contains("Прошу восстановить пропущенный срок") && text.contains("ст. 92") && text.contains("истёк 3 ноября 2026 года"), "{text}");
        assert!(text.contains("находилась на лечении"), "{text}");
        let in_time = complaint(&decide(&complaint_request("2026-11-30")), Some(&decide(&pensioner_request())), &pensioner(), &late_refusal(), PaperLang::Ru, today);
        assert!(!in_time.to_text().contains("восстановить"), "{}", in_time.to_text());
        let refused = format!(r#"{{"service":"attachment","at":"{TODAY}","applicant":"self","person":{{"residency":"temporary_visitor"}},"reason":"free_choice","target_unit":"same"}}"#);
        let no_grounds = complaint(&decide(&complaint_request("2026-11-30")), Some(&decide(&refused)), &pensioner(), &late_refusal(), PaperLang::Kk, today);
        let Block::List(why) = &no_grounds.body[2] else { panic!("{:?}", no_grounds.body) };
        assert!(why.iter().all(|l| l.starts_with(BLANK)), "{why:?}");
        // The complaint itself is not among the papers enclosed; the refusal's copy and the ID are.
        let ru = Messages::get(Lang::Ru);
        assert!(!late.enclosed.contains(&ru.text(&format!("document.{}", DocumentCode::ComplaintLetter), &[])));
        assert_eq!(late.enclosed[1], ru.text("ui.paper.complaint.refusal_copy", &[]));
        assert!(late.enclosed.contains(&ru.text("document.pension_certificate", &[])));
    }

    /// Every reason a complaint states names its act or page, and every met reason of the golden
    /// situations has words on the paper (none is dropped silently).
    #[test]
    fn every_met_reason_of_the_situations_is_stated() {
        for json in [pensioner_request(), newborn_request(), eaeu_request()] {
            let d = decide(&json);
            for r in d.reasons.iter().filter(|r| r.outcome == Outcome::Met) {
                for lang in [Lang::Kk, Lang::Ru, Lang::En] {
                    assert!(Messages::get(lang).raw(&why_key(r)).is_some(), "{lang}: {} for {json}", why_key(r));
                }
            }
        }
    }

    /// What is typed is escaped: a name with markup comes out as text, and the page has no script
    /// and loads nothing.
    #[test]
    fn typed_values_are_escaped_in_the_html() {
        let mut details = pensioner();
        details.applicant.full_name = "<script>alert('x')</script> & \"Co\"".into();
        details.clinic = "<img src=x onerror=alert(1)>".into();
        let p = application(&decide(&pensioner_request()), &details, PaperLang::Ru, day(2026, 12, 7));
        let html = p.to_html();
        assert!(!html.contains("<script") && !html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;"), "{html}");
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"ru\">"));
        assert!(html.contains("@page { size: A4;"));
        for external in ["http:", "https:", "<link", "url(", "@import", "<script"] {
            assert!(!html.contains(external), "the page loads nothing: {external}");
        }
        // The privacy sentence is on the page, shown on screen, not printed, and not in the file.
        assert!(html.contains(&format!("<p class=\"privacy\">{}</p>", escape(&Messages::get(Lang::Ru).text("ui.paper.privacy", &[])))));
        assert!(html.contains(".privacy { display: none; }"));
        assert!(!p.to_text().contains(&p.privacy));
        // The text file carries the typed value as typed.
        assert!(p.to_text().contains("<script>alert('x')</script>"));
    }

    /// With `PHC_WRITE_PAPER_HTML=dir`, the golden papers as HTML files there, to print and look at
    /// (a walk, not a test).
    #[test]
    fn write_html_for_a_walk() {
        if let Some(dir) = std::env::var_os("PHC_WRITE_PAPER_HTML") {
            for (name, paper) in golden() {
                std::fs::write(PathBuf::from(&dir).join(format!("{name}.html")), paper.to_html()).unwrap();
            }
        }
    }

    /// HTML and text are written from the same structure: every line of the text is in the HTML.
    #[test]
    fn html_and_text_say_the_same() {
        for (name, paper) in golden() {
            let html = paper.to_html();
            for line in paper.to_text().lines().filter(|l| !l.is_empty()) {
                let line = line.split_once(". ").filter(|(n, _)| n.parse::<u32>().is_ok()).map(|(_, rest)| rest).unwrap_or(line);
                assert!(html.contains(&escape(line)), "{name}: «{line}» is not in the HTML");
            }
        }
    }

    /// Empty fields leave lines to write on, and the birth date of the person it is for comes from
    /// a valid IIN when the questions did not give it.
    #[test]
    fn empty_fields_leave_lines_and_the_iin_gives_the_birth_date() {
        let details = Details {
            applicant: Applicant::default(),
            clinic: "  ".into(),
            for_whom: ForWhom::from_code("representative", Other { full_name: "Иванов Иван".into(), iin: "900101300126".into(), birth_date: None }),
        };
        let p = application(&decide(&pensioner_request()), &details, PaperLang::Ru, day(2026, 12, 7));
        assert_eq!(p.header[1], BLANK);
        assert_eq!(p.header[2], format!("Заявитель: {BLANK}"));
        let text = p.to_text();
        assert!(text.contains("Иванов Иван, ИИН 900101300126, дата рождения: 1 января 1990 года"), "{text}");
        assert_eq!(ForWhom::from_code("self", Other::default()), ForWhom::Myself);
        assert_eq!(p.file_name(day(2026, 12, 7), "txt"), "application-ru-2026-12-07.txt");
    }

    /// The form asks only what the paper needs; the IIN fields are checked as typed, a child's
    /// against the birth date the questions gave; empty is allowed (a line on the paper).
    #[test]
    fn the_form_and_its_checks() {
        let child = parent().for_whom;
        assert_eq!(form_fields(PaperKind::Application, &ForWhom::Myself, false), vec![PaperField::FullName, PaperField::Iin, PaperField::Address, PaperField::Phone, PaperField::Clinic]);
        let complaint_fields = form_fields(PaperKind::Complaint, &child, true);
        assert_eq!(&complaint_fields[5..], &[PaperField::OtherName, PaperField::OtherIin, PaperField::RefusalSaid, PaperField::LateReason]);
        assert!(!form_fields(PaperKind::Complaint, &child, false).contains(&PaperField::LateReason));
        for kind in [PaperKind::Application, PaperKind::Complaint] {
            for who in [ForWhom::Myself, child.clone(), ForWhom::from_code("representative", Other::default())] {
                for f in form_fields(kind, &who, true) {
                    for lang in [Lang::Kk, Lang::Ru, Lang::En] {
                        assert!(Messages::get(lang).raw(f.label_key(kind, &who)).is_some(), "{lang}: {f:?}");
                    }
                }
            }
        }
        assert_eq!(PaperField::OtherIin.label_key(PaperKind::Application, &child), "ui.paper.field.child_iin");
        assert_eq!(PaperField::Clinic.label_key(PaperKind::Complaint, &child), "ui.paper.field.clinic_refused");

        assert!(problems(&parent()).is_empty());
        let mut d = parent();
        d.applicant.iin = "90010130012".into();
        if let ForWhom::Child(o) = &mut d.for_whom {
            o.birth_date = Some(day(2026, 11, 21));
        }
        assert_eq!(problems(&d), vec![(PaperField::Iin, crate::iin::IinError::WrongLength), (PaperField::OtherIin, crate::iin::IinError::BirthDateMismatch)]);
        assert_eq!(iin_problem("  ", None), None);
        assert_eq!(iin_problem("900101300127", None), Some(crate::iin::IinError::WrongCheckDigit));
    }

    /// The form's IIN checks: against the birth date the questions gave, for the person it belongs to
    /// (the applicant's own, or the child's); too short only once the field is left.
    #[test]
    fn the_forms_iin_checks_follow_the_birth_date_given() {
        use crate::iin::{make, IinError, Sex};
        let born = day(1958, 4, 2);
        let own = make(born, Sex::Female, 41).unwrap();
        let other = make(day(1960, 1, 1), Sex::Female, 41).unwrap();
        let mut answers = Answers::default();
        answers.set(Field::Applicant, Answer::Code("self".into()));
        answers.set(Field::BirthDate, Answer::Date("1958-04-02".into()));
        let mut form = Form::new(PaperKind::Application, PaperLang::Ru);
        form.set(PaperField::Iin, own.clone());
        assert_eq!(form.iin_error(PaperField::Iin, &answers, false), None);
        form.set(PaperField::Iin, other.clone());
        assert_eq!(form.iin_error(PaperField::Iin, &answers, false), Some(IinError::BirthDateMismatch));
        // A parent's own IIN is not the child's birth date; the child's is checked against it.
        answers.set(Field::Applicant, Answer::Code("parent".into()));
        assert_eq!(form.iin_error(PaperField::Iin, &answers, false), None);
        form.set(PaperField::OtherIin, other);
        assert_eq!(form.iin_error(PaperField::OtherIin, &answers, false), Some(IinError::BirthDateMismatch));
        form.set(PaperField::OtherIin, own);
        assert_eq!(form.iin_error(PaperField::OtherIin, &answers, false), None);
        // Too short: said when every problem is asked for (Print, Download), not while typed.
        form.set(PaperField::Iin, "5804".into());
        assert_eq!(form.iin_error(PaperField::Iin, &answers, false), None);
        assert_eq!(form.iin_error(PaperField::Iin, &answers, true), Some(IinError::WrongLength));
        // Letters are wrong at once; other fields are never checked.
        form.set(PaperField::Iin, "58O4".into());
        assert_eq!(form.iin_error(PaperField::Iin, &answers, false), Some(IinError::NotDigits));
        form.set(PaperField::Phone, "abc".into());
        assert_eq!(form.iin_error(PaperField::Phone, &answers, true), None);
        assert!(!format!("{form:?}").contains("5804"), "Debug shows nothing typed");
    }

    /// The result offers the application where the person can attach in person, and the complaint
    /// for a complaint that can be made, late too.
    #[test]
    fn which_results_offer_which_paper() {
        assert!(offers_application(&decide(&pensioner_request())));
        assert!(offers_application(&decide(&eaeu_request())));
        let refused = format!(r#"{{"service":"attachment","at":"{TODAY}","applicant":"self","person":{{"residency":"temporary_visitor"}},"reason":"free_choice","target_unit":"same"}}"#);
        assert!(!offers_application(&decide(&refused)));
        let late = decide(&complaint_request("2026-08-03"));
        assert!(offers_complaint(&late) && is_late(&late));
        let in_time = decide(&complaint_request("2026-11-30"));
        assert!(offers_complaint(&in_time) && !is_late(&in_time));
        assert!(!offers_complaint(&decide(&pensioner_request())) && !offers_application(&late));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 200, ..Default::default() })]

        /// Whatever is typed in any field, the HTML carries it only escaped (no markup of the person's
        /// reaches the page), the text file carries it as typed (spaces collapsed), and no message is
        /// missing.
        #[test]
        fn anything_typed_is_escaped(fields in proptest::collection::vec("\\PC{0,40}", 8), kind in 0usize..4, kk in proptest::bool::ANY) {
            let who = ["self", "parent", "representative", "family_member"][kind];
            let details = Details {
                applicant: Applicant { full_name: fields[0].clone(), iin: fields[1].clone(), address: fields[2].clone(), phone: fields[3].clone() },
                clinic: fields[4].clone(),
                for_whom: ForWhom::from_code(who, Other { full_name: fields[5].clone(), iin: fields[6].clone(), birth_date: None }),
            };
            let lang = if kk { PaperLang::Kk } else { PaperLang::Ru };
            let refusal = Refusal { received_on: day(2026, 8, 3), said: fields[7].clone(), late_reason: fields[7].clone() };
            let papers = [
                application(&decide(&pensioner_request()), &details, lang, day(2026, 12, 7)),
                complaint(&decide(&complaint_request("2026-08-03")), Some(&decide(&pensioner_request())), &details, &refusal, lang, day(2026, 12, 7)),
            ];
            for paper in papers {
                let html = paper.to_html();
                let body = &html[html.find("<body>").unwrap()..];
                // Our own tags are few and known: what remains after removing them has no markup.
                let mut rest = body.to_string();
                for tag in ["<body>", "</body>", "<main class=\"paper\">", "</main>", "<p class=\"privacy\">", "<div class=\"header\">", "<div class=\"sign\">", "</div>", "<h1>", "</h1>", "<span>", "</span>", "<p class=\"enclosed\">", "<p>", "</p>", "<ol>", "</ol>", "<li>", "</li>", "</html>"] {
                    rest = rest.replace(tag, "");
                }
                proptest::prop_assert!(!rest.contains('<') && !rest.contains('>'), "{}", rest);
                let text = paper.to_text();
                proptest::prop_assert!(!text.contains('⟦'));
                for typed in &fields[..4] {
                    let shown = typed.split_whitespace().collect::<Vec<_>>().join(" ");
                    proptest::prop_assert!(text.contains(&shown), "{:?} not in\n{}", shown, text);
                }
            }
        }
    }
}
