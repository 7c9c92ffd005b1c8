//! The result, as a phone shows it first (issue 23): the answer and one sentence of what to do today;
//! calendar, print and share; the papers as a checklist and the dates as a timeline, of the best way
//! open; then, collapsed one line each: how to apply, the other ways, what could get you refused, and
//! why (each reason with its sources, the rules applied, where the answers come from: every act with
//! its dates, the official pages, the other sources).
//!
//! A source shows as its short title in the reader's language, a link to its address in that language
//! where it has one (issue 15): never a file name or an id.

use super::base::{rules, subtitle, t, title, LEVEL};
use super::platform;
use crate::answers::Answers;
use crate::state::{Decided, Share};
use phc::codes::Field;
use phc::codes::{Outcome, Verdict};
use phc::decision::{Dates, Param};
use phc::i18n::Messages;
use phc::rules::model::Text;
use phc::rules::SourceKind;
use phc::Lang;
use yew::prelude::*;

/// The list of sources, where an interpretation badge leads: its selector and the badge's address.
const SOURCES_LIST: &str = "#phc-sources-list";

/// What the result page shows and does. A plain function of the app's state, not a component (see
/// `start`): the share link it makes lives in the app's state, so it is gone once the citizen leaves.
pub struct ResultView<'a> {
    pub lang: Lang,
    pub answers: &'a Answers,
    /// The decision, made when the result was entered, its texts in `lang`.
    pub decided: &'a Decided,
    /// All of the page; else its first frame: the answer and what to do now (`State::complete`).
    pub complete: bool,
    pub portal: &'a str,
    /// Inside a host page: no share link (the address is the host's).
    pub embedded: bool,
    /// The widget's element: printing goes through it (only the result is printed, not the host page).
    pub host: Option<web_sys::Element>,
    pub share: &'a Share,
    pub on_share: Callback<String>,
    pub on_copied: Callback<()>,
    pub on_back: Callback<()>,
    pub on_restart: Callback<()>,
    /// The day the checker was asked to decide for, if not today (`State::at`): the paper's module
    /// decides again as this page did.
    pub at: Option<&'a str>,
    /// The app's root element (an interpretation badge focuses the list of sources inside it).
    pub root: NodeRef,
}

/// Citations as links, «; » between them: each the short title in the reader's language, linking to
/// the source in that language where it has an address (without one, its title: an `<a>` without an
/// address is no link, for a screen reader or a search engine).
fn citations(lang: Lang, cites: &[Text]) -> Html {
    let m = Messages::get(lang);
    let mut nodes: Vec<Html> = Vec::with_capacity(cites.len() * 2);
    for cite in cites {
        if !nodes.is_empty() {
            nodes.push(html! { "; " });
        }
        nodes.push(match rules().source(cite).and_then(|s| s.url_in(lang)) {
            Some(href) => html! { <a class="phc-cite" href={href} rel="noopener">{ phc::citation::title(m, cite) }</a> },
            None => html! { <span class="phc-cite">{ phc::citation::title(m, cite) }</span> },
        });
    }
    nodes.into_iter().collect()
}

/// Every act the rules rest on, with its dates, then the official pages and the other sources the
/// checker's answers can cite: for a lawyer to check them. Not printed: the printed result stays one
/// page, its reasons naming their sources.
fn sources_list(lang: Lang) -> Html {
    let m = Messages::get(lang);
    let rules = rules();
    let item = |s: &phc::rules::Source| {
        let mut dates = String::new();
        // `approximate` marks the in-force dates that are not confirmed.
        let mut add = |key: &str, d: Option<chrono::NaiveDate>, in_force: bool| {
            if let Some(d) = d {
                dates.push_str(if dates.is_empty() { " — " } else { "; " });
                dates.push_str(&m.text(key, &[("date", Param::Date(d))]));
                if in_force && s.approximate {
                    dates.push(' ');
                    dates.push_str(&t(lang, "ui.sources_list.approximate"));
                }
            }
        };
        add("ui.sources_list.adopted", s.adopted, false);
        add("ui.sources_list.in_force", s.in_force, true);
        for a in s.amended_by.iter() {
            add("ui.sources_list.amended", rules.source(a).and_then(|a| a.adopted), false);
        }
        add("ui.sources_list.repealed", s.repealed, true);
        add("ui.sources_list.updated", s.updated, false);
        html! { <li>{ citations(lang, std::slice::from_ref(&s.id)) }<span class="phc-hint">{ dates }</span></li> }
    };
    let group = |k: SourceKind| match k {
        SourceKind::Act => 0,
        SourceKind::Page => 1,
        _ => 2,
    };
    // The decrees moving days off, one a year, are the production calendars behind the dates: one
    // line, with the list behind it (issue 23), not ten lines among the acts a citizen looks for.
    let is_calendar_decree = |s: &&phc::rules::Source| s.id.starts_with("decree-days-off-");
    let groups = ["ui.sources_list.acts", "ui.sources_list.pages", "ui.sources_list.other"].into_iter().enumerate().map(|(g, heading)| {
        let decrees: Vec<Html> = rules.sources.iter().filter(|s| g == 0 && is_calendar_decree(s)).map(item).collect();
        html! {
            <>
                <@{super::base::tag(LEVEL.get() + 2)}>{ t(lang, heading) }</@>
                <ul class="phc-list">
                    { for rules.sources.iter().filter(|s| group(s.kind) == g && !is_calendar_decree(s)).map(item) }
                    if !decrees.is_empty() {
                        <li><details class="phc-more phc-decrees"><summary>{ t(lang, "ui.sources_list.calendar_decrees") }</summary><ul class="phc-list">{ for decrees }</ul></details></li>
                    }
                </ul>
            </>
        }
    });
    html! {
        <section class="phc-sources-list phc-no-print" id="phc-sources-list" tabindex="-1" aria-labelledby="phc-sources-list-title">
            { subtitle(Some("phc-sources-list-title"), t(lang, "ui.sources_list.heading")) }
            <p>{ t(lang, "ui.sources_list.lead") }</p>
            { for groups }
        </section>
    }
}

/// The one sentence under the answer that says what to do today (issue 23): where and how for an
/// attachment that is open now, from when for one that opens later, whom to call for a doctor, to
/// whom and by when to complain; for a refusal, the first thing the person can do instead.
fn now_line(lang: Lang, decision: &phc::Decision, verdict: Verdict, best: Option<&phc::decision::RouteItem>, way: &[phc::decision::ChannelItem], today: chrono::NaiveDate) -> Option<String> {
    let m = Messages::get(lang);
    let date = |d: chrono::NaiveDate| vec![("date", Param::Date(d))];
    let first_alternative = || lead_alternative(decision).and_then(|a| a.text.clone());
    let standard = match &decision.dates {
        Dates::Standard(s) => Some(s),
        Dates::HomeVisit(_) => None,
    };
    match decision.service {
        // The previous clinic serving until 1 January is the answer (the headline): how to call it.
        phc::codes::Service::HomeVisit if decision.alternatives.iter().any(|a| a.code == phc::codes::Alternative::CallPreviousClinic) => Some(t(lang, "ui.now.home_visit_previous")),
        phc::codes::Service::HomeVisit if verdict == Verdict::Eligible => Some(t(lang, "ui.now.home_visit")),
        phc::codes::Service::HomeVisit => first_alternative(),
        phc::codes::Service::Complaint => match (verdict, standard.and_then(|s| s.complaint_deadline)) {
            (Verdict::Eligible, Some(deadline)) if today <= deadline.0 => Some(m.text("ui.now.complaint", &date(deadline.0))),
            (Verdict::Eligible, _) => Some(t(lang, "ui.now.complaint_late")),
            _ => first_alternative(),
        },
        phc::codes::Service::Attachment => match verdict {
            Verdict::NotEligible => first_alternative(),
            Verdict::NeedsInformation => Some(t(lang, "ui.now.needs")),
            Verdict::EligibleLater => best.and_then(|r| r.eligible_from).or(decision.eligible_from).map(|d| m.text("ui.now.apply_from", &date(d.0))),
            Verdict::Eligible => {
                let written = way.iter().any(|c| c.written_application_to_head == Some(true));
                let portal = way.iter().any(|c| c.channel == phc::codes::Channel::Portal && c.available != Some(false));
                let how = t(lang, match (written, portal) {
                    (true, true) => "ui.now.apply_portal_or_written",
                    (true, false) => "ui.now.apply_written",
                    (false, true) => "ui.now.apply_any",
                    (false, false) => "ui.now.apply_in_person",
                });
                // The answer's date is the request's own ground's: said only when that is the way.
                match (best.is_none(), standard.and_then(|s| s.decision_due)) {
                    (true, Some(due)) => Some(format!("{how} {}", m.text("ui.now.answer_by", &date(due.0)))),
                    _ => Some(how),
                }
            }
        },
    }
}

/// What to do instead, first: the first alternative that is not the ambulance (which the home
/// visit's emergency note already says), else the ambulance.
fn lead_alternative<'d>(decision: &'d phc::Decision) -> Option<&'d phc::decision::AlternativeItem> {
    decision.alternatives.iter().find(|a| a.code != phc::codes::Alternative::CallAmbulance).or(decision.alternatives.first())
}

/// The refusal grounds of the Rules that no answer can rule out (unreliable documents, a state
/// body's or a court's no) are one line; the ones this person's answers leave open are each said.
const GENERIC_RISKS: &[&str] = &["unreliable_documents", "negative_authority_answer", "court_prohibition", "special_right_deprived"];

pub fn result_page(p: ResultView) -> Html {
    let lang = p.lang;
    // The moment of the decision, not the clock now: the page, the event and the calendar file agree.
    let now = p.decided.at();
    let decision = match p.decided.decision() {
        Ok(d) => d,
        // The answers were checked one by one; an error here means a bug, said plainly.
        Err(e) => {
            web_sys::console::error_1(&format!("phc: {e}").into());
            return html! { <div class="phc-crash" role="alert"><p>{ t(lang, "ui.error.crashed") }</p><p><a href={p.portal.to_string()}>{ t(lang, "ui.portal_link") }</a></p></div> };
        }
    };
    let m = Messages::get(lang);
    let text = decision.text.as_ref().expect("annotated");
    let to_sources = {
        let root = p.root.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            platform::focus_selected(&root, SOURCES_LIST);
        })
    };
    let reasons = decision.reasons.iter().filter(|r| r.outcome != Outcome::Info || r.detail != "exact").map(|r| {
        // The mark is drawn; a screen reader reads its words instead.
        let (mark, said) = match r.outcome {
            Outcome::Met => ("✓", "ui.result.mark_met"),
            Outcome::NotMet => ("✗", "ui.result.mark_not_met"),
            Outcome::Unknown => ("?", "ui.result.mark_unknown"),
            Outcome::Info => ("i", "ui.result.mark_info"),
        };
        html! {
            <li class="phc-reason" data-outcome={r.outcome.as_str()}>
                <span class="phc-mark" aria-hidden="true">{ mark }</span>
                <span class="phc-visually-hidden">{ t(lang, said) }</span>
                <span class="phc-reason-text">{ r.text.clone().unwrap_or_default() }</span>
                <span class="phc-sources">
                    { format!("{}: ", t(lang, if r.sources.len() > 1 { "ui.sources" } else { "ui.source" })) }
                    { citations(lang, r.sources) }
                    if r.interpretation {
                        <a class="phc-badge phc-badge-reading" href={SOURCES_LIST} onclick={to_sources.clone()}>{ t(lang, "ui.interpretation") }</a>
                    }
                    if r.single_source { <span class="phc-badge phc-badge-single">{ t(lang, "ui.single_source") }</span> }
                    if !r.sources_disagree.is_empty() {
                        <span class="phc-badge phc-badge-disagree">{ format!("{}: ", t(lang, "ui.sources_disagree")) }{ citations(lang, r.sources_disagree) }</span>
                    }
                </span>
            </li>
        }
    });
    // The best route comes first (issue 14): what to do now is that route's way, documents and dates.
    let best_route = decision.routes.first();
    let own_is_best = best_route.is_none_or(|r| Some(r.reason) == p.answers.get(Field::Reason).and_then(|a| match a {
        crate::answers::Answer::Code(c) => phc::codes::Reason::parse(c),
        _ => None,
    }));
    // Another ground than the one asked about: its way, papers and dates are the answer (issue 23:
    // no campaign dates inside a change made today).
    let best = best_route.filter(|_| !own_is_best);
    let (way, docs) = match best {
        Some(r) => (&r.channels, &r.documents),
        None => (&decision.channels, &decision.documents),
    };
    // A date that rests on a campaign not yet announced says so in the headline (issue 24).
    let projected = best_route.is_some_and(|r| r.projected);
    let later = |v: Verdict| if projected && v == Verdict::EligibleLater { "eligible_later_projected".to_string() } else { v.to_string() };
    // The headline answers "can I attach?": by the best way open, when that is not the ground asked
    // about (the ground's own verdict is in "Why").
    let (verdict, verdict_text) = match best {
        Some(r) if decision.verdict != Verdict::Eligible || r.verdict == Verdict::Eligible => {
            let date = r.eligible_from.map(|d| vec![("date", Param::Date(d.0))]).unwrap_or_default();
            (r.verdict, m.text(&format!("verdict.attachment.{}", later(r.verdict)), &date))
        }
        _ => (decision.verdict, text.verdict.clone()),
    };
    // Someone applying for their child or another person reads the answer about that person
    // (issue 23: "your child" when a parent applies).
    let whom = match p.answers.get(Field::Applicant) {
        Some(crate::answers::Answer::Code(a)) if a == "parent" => Some("child"),
        Some(crate::answers::Answer::Code(a)) if a != "self" => Some("other"),
        _ => None,
    };
    let verdict_text = match (whom, verdict, decision.service) {
        (Some(w), Verdict::Eligible | Verdict::EligibleLater, phc::codes::Service::Attachment) => {
            let from = best.and_then(|r| r.eligible_from).or(decision.eligible_from);
            m.text(&format!("ui.result.{w}_{}", later(verdict)), &from.map(|d| vec![("date", Param::Date(d.0))]).unwrap_or_default())
        }
        _ => verdict_text,
    };
    // Going away for a while (issue 23): nothing to change, said as the answer, not as a refusal.
    let no_change = best.is_none() && decision.reasons.iter().any(|r| r.code == phc::codes::ReasonCode::NoChangeNeeded) && decision.verdict == Verdict::NotEligible;
    // Changed clinic in the campaign and ill before 1 January (issue 23): who serves now, and from when
    // the new one, is the answer.
    let previous_clinic = match (decision.verdict, decision.eligible_from, decision.alternatives.iter().find(|a| a.code == phc::codes::Alternative::CallPreviousClinic)) {
        (Verdict::EligibleLater, Some(from), Some(a)) => a.date.map(|until| m.text("ui.result.previous_clinic", &[("until", Param::Date(until.0)), ("date", Param::Date(from.0))])),
        _ => None,
    };
    let home_visit_open = decision.service == phc::codes::Service::HomeVisit && (verdict == Verdict::Eligible || previous_clinic.is_some());
    let (panel, verdict_text) = match (no_change, previous_clinic) {
        (true, _) => ("no_change", t(lang, "ui.result.no_change")),
        (_, Some(text)) => ("eligible", text),
        _ => (verdict.as_str(), verdict_text),
    };
    let now_sentence = now_line(lang, decision, verdict, best, way, now.date());
    let other_routes = decision.routes.iter().filter(|r| best.is_none_or(|b| b.reason != r.reason)).map(|r| html! { <li>{ r.text.clone().unwrap_or_default() }</li> }).collect::<Vec<_>>();
    // The first alternative is already the sentence under the answer when nothing else is open.
    let said = lead_alternative(decision).filter(|_| decision.verdict == Verdict::NotEligible && best.is_none() && decision.service != phc::codes::Service::Complaint);
    let alternatives = decision.alternatives.iter().filter(|a| said.is_none_or(|s| !std::ptr::eq(*a, s))).map(|a| html! { <li>{ a.text.clone().unwrap_or_default() }</li> }).collect::<Vec<_>>();
    let channels = way.iter().map(|c| html! { <li>{ c.text.clone().unwrap_or_default() }</li> });
    let documents = docs.iter().enumerate().map(|(i, d)| {
        let id = format!("phc-doc-{i}");
        html! { <li><input type="checkbox" id={id.clone()} /><label for={id}>{ d.text.clone().unwrap_or_default() }</label></li> }
    });
    // The dates: the best route's own (when it can start, care from), else the decision's.
    let dates: Vec<Html> = match best {
        Some(r) => [("eligible_from", r.eligible_from.filter(|_| r.verdict == Verdict::EligibleLater)), ("care_starts", r.care_starts)]
            .into_iter()
            .filter_map(|(key, d)| d.map(|d| html! { <li data-date={key}>{ m.text(&format!("date.{key}"), &[("date", Param::Date(d.0))]) }</li> }))
            .collect(),
        // The campaign's dates belong to the campaign's way only (issue 23: no campaign dates inside
        // a change made today).
        None => {
            let campaign_way = p.answers.is(Field::Reason, "campaign");
            text.dates.iter().filter(|d| campaign_way || !d.key.starts_with("campaign_")).map(|d| html! { <li data-date={d.key}>{ d.text.clone() }</li> }).collect()
        }
    };
    let own_risks: Vec<Html> = decision.refusal_risks.iter().filter(|r| !GENERIC_RISKS.contains(r)).map(|r| html! { <li>{ t(lang, &format!("ui.result.risk_{r}")) }</li> }).collect();
    let generic_risks = decision.refusal_risks.iter().any(|r| GENERIC_RISKS.contains(r));
    // Open, or open with a signature the answers do not settle (the channel text says what it needs).
    let portal_available = way.iter().any(|c| c.channel == phc::codes::Channel::Portal && c.available != Some(false));
    let can_apply = decision.verdict != Verdict::NotEligible || best.is_some();
    let show_portal = can_apply && verdict != Verdict::NeedsInformation && portal_available;
    let (on_back, on_restart) = (p.on_back.clone(), p.on_restart.clone());
    let checked_on = m.text("ui.result.checked_on", &[("date", Param::Date(now.date()))]);
    let is_home_visit = matches!(decision.dates, Dates::HomeVisit(_));
    let has_calendar_dates = text.dates.iter().any(|d| d.date.is_some() && d.key != "accepted_on");
    let on_calendar = {
        // Written when asked for, from the one decision (not on every render of the page).
        let decided = p.decided.clone();
        Callback::from(move |_| {
            if let Ok(d) = decided.decision() {
                let at = decided.at();
                let ics = crate::ics::calendar(d, at.local - chrono::TimeDelta::minutes(at.utc_offset_minutes as i64));
                super::download::download("phc-dates.ics", "text/calendar;charset=utf-8", &ics);
            }
        })
    };
    let on_link = {
        let (answers, on_share) = (p.answers.clone(), p.on_share.clone());
        Callback::from(move |_| {
            let fragment = crate::share::encode(&answers);
            platform::set_fragment(&fragment);
            on_share.emit(platform::link_with_fragment(&fragment));
        })
    };
    let link = match p.share {
        Share::None => None,
        Share::Made(l) | Share::Copied(l) => Some(l.clone()),
    };
    let on_copy = {
        let (link, on_copied) = (link.clone(), p.on_copied.clone());
        Callback::from(move |_| {
            if let Some(l) = &link {
                platform::copy_to_clipboard(l);
                on_copied.emit(());
            }
        })
    };
    // The edition as its act and year in words, never its id (issue 23): the printed record's stamp.
    let edition_name = t(lang, &format!("ui.edition.{}", decision.edition.id));
    let version = m.text_with("ui.take.version", &[("version", env!("CARGO_PKG_VERSION")), ("edition", &edition_name)]);
    let service = decision.service;
    let on_print = {
        let host = p.host.clone();
        Callback::from(move |_| match &host {
            Some(h) => super::events::print(h),
            None => platform::print(),
        })
    };
    // The paper the result offers (issue 27). Its form is a module of its own, fetched when asked for:
    // a press on a button with `data-paper` is the page's loader's or the widget module's to handle
    // (xtask's `paper_listener`; no code here). The attribute holds what the module needs to decide
    // again as this page did, and last the words the loader says if it cannot be fetched
    // (`offer::write_detail`).
    let paper = crate::offer::offered(decision).map(|kind| {
        let detail = crate::offer::write_detail(lang, p.decided.at(), p.at, p.answers, &t(lang, "ui.take.paper_failed"));
        html! { <li><button type="button" class="phc-link phc-action-paper" data-paper={detail}>{ t(lang, if kind == crate::offer::PaperKind::Complaint { "ui.take.paper_complaint" } else { "ui.take.paper_application" }) }</button></li> }
    });
    // The paper, calendar, print and share: one short row under the answer, on the first screen
    // (issue 23).
    let take = html! {
        <section class="phc-take phc-no-print" aria-label={t(lang, "ui.take.heading")}>
            <ul class="phc-actions">
                { for paper }
                if has_calendar_dates && can_apply {
                    <li><button type="button" class="phc-link phc-action-calendar" onclick={on_calendar}>{ t(lang, "ui.take.calendar") }</button></li>
                }
                <li><button type="button" class="phc-link phc-action-print" onclick={on_print}>{ t(lang, "ui.take.print") }</button></li>
                if !p.embedded {
                    <li><button type="button" class="phc-link phc-action-share" onclick={on_link}>{ t(lang, "ui.take.share") }</button></li>
                }
            </ul>
            if let Some(l) = link {
                <div class="phc-share">
                    <label for="phc-share-link">{ t(lang, "ui.take.share_label") }</label>
                    <p class="phc-hint" id="phc-share-hint">{ t(lang, "ui.take.share_hint") }</p>
                    <input id="phc-share-link" class="phc-input phc-input-wide" type="text" readonly=true value={l} aria-describedby="phc-share-hint" />
                    <button type="button" class="phc-button phc-button-secondary" onclick={on_copy}>{ t(lang, "ui.take.copy") }</button>
                    <p role="status" class="phc-hint">{ if matches!(p.share, Share::Copied(_)) { t(lang, "ui.take.copied") } else { String::new() } }</p>
                </div>
            }
        </section>
    };
    // The service on the portal, where applying or asking online is open.
    let portal_link = if show_portal {
        html! { <p class="phc-no-print"><a class="phc-link-portal" href={p.portal.to_string()} rel="noopener">{ t(lang, if service == phc::codes::Service::Attachment { "ui.portal_link_attachment" } else { "ui.portal_link" }) }</a></p> }
    } else {
        Html::default()
    };
    let first = html! {
        <>
            <button type="button" class="phc-back phc-no-print" onclick={move |_| on_back.emit(())}>{ t(lang, "ui.change_answers") }</button>
            <div class="phc-panel" data-verdict={panel} part="verdict">
                // A headline of two sentences (a refusal and why): the first is the answer.
                if let Some((answer, why)) = verdict_text.split_once(". ").filter(|(a, _)| a.len() < verdict_text.len() / 2 + 20) {
                    { title(format!("{answer}.")) }
                    <p class="phc-now-line">{ why.to_string() }</p>
                } else {
                    { title(verdict_text) }
                }
                if let Some(s) = now_sentence {
                    <p class="phc-now-line">{ s }</p>
                }
            </div>
            { take }
            if is_home_visit && !home_visit_open {
                // An emergency is never a question of attachment: said on the first screen (where the
                // way is open, the sentence under the answer says it already).
                <p class="phc-warning phc-emergency" role="note">{ t(lang, "ui.result.emergency") }</p>
            }
            if can_apply {
                // The way is said in the sentence under the answer: its details (the ways with what
                // each needs, the portal's steps) are one line until opened (issue 23); a complaint's
                // where and how stays in view.
                if let Some(r) = best {
                    <p class="phc-best-route">{ r.text.clone().unwrap_or_default() }</p>
                }
                if service == phc::codes::Service::Complaint {
                    <p>{ t(lang, "ui.how.complaint") }</p>
                    if show_portal {
                        { portal_link.clone() }
                    }
                    <ul class="phc-list phc-ways">{ for channels }</ul>
                } else {
                    <details class="phc-more phc-how">
                        <summary>{ t(lang, if service == phc::codes::Service::Attachment { "ui.result.how" } else { "ui.result.next" }) }</summary>
                        <ul class="phc-list phc-ways">{ for channels }</ul>
                        if portal_available {
                            <p>{ t(lang, "ui.how.portal_summary") }</p>
                            <ol class="phc-list phc-steps">
                                <li>{ t(lang, "ui.how.portal_step1") }</li>
                                <li>{ t(lang, "ui.how.portal_step2") }</li>
                                <li>{ t(lang, "ui.how.portal_step3") }</li>
                            </ol>
                            if show_portal {
                                { portal_link.clone() }
                            }
                        }
                    </details>
                }
                if !docs.is_empty() {
                    { subtitle(None, t(lang, "ui.result.documents")) }
                    <ul class="phc-checklist" part="documents">{ for documents }</ul>
                }
            }
            if !dates.is_empty() && (can_apply || is_home_visit) {
                { subtitle(None, t(lang, "ui.result.dates")) }
                if let Some(p) = &text.provisional {
                    <p class="phc-warning" role="note">{ p.clone() }</p>
                }
                if projected {
                    <p class="phc-warning" role="note">{ t(lang, "ui.result.projected") }</p>
                }
                <ol class="phc-timeline" part="dates">{ for dates }</ol>
            }
        </>
    };
    if !p.complete {
        // The first frame: the answer and what to do now. Its own class, so that what waits for
        // `.phc-result` (a script, a test) finds the whole page; two children as below, so Yew keeps
        // the first one's elements (and the title's focus) when the rest comes.
        return html! { <div class="phc-result-first">{ first }{ Html::default() }</div> };
    }
    // Everything else is collapsed, each one line when closed (issue 23); printing opens it.
    let rest = html! {
        <>
            if !other_routes.is_empty() || !alternatives.is_empty() {
                <details class="phc-more phc-others">
                    <summary>{ t(lang, "ui.result.other_routes") }</summary>
                    if !other_routes.is_empty() {
                        <ul class="phc-list phc-routes">{ for other_routes }</ul>
                    }
                    if !alternatives.is_empty() {
                        <ul class="phc-list phc-instead">{ for alternatives }</ul>
                    }
                </details>
            }
            if !decision.refusal_risks.is_empty() && can_apply {
                <details class="phc-more phc-risks">
                    <summary>{ t(lang, "ui.result.risks_summary") }</summary>
                    <p>{ t(lang, "ui.result.risks") }</p>
                    <ul class="phc-list">
                        { for own_risks }
                        if generic_risks {
                            <li>{ t(lang, "ui.result.risk_generic") }</li>
                        }
                    </ul>
                </details>
            }
            <details class="phc-more phc-why">
                <summary>{ t(lang, "ui.result.why") }</summary>
                <ul class="phc-reasons">{ for reasons }</ul>
                { subtitle(None, t(lang, "ui.result.rules")) }
                <p>{ format!("{edition_name}. {}", decision.edition.text.clone().unwrap_or_default()) }</p>
                <p class="phc-hint">{ text.checked_on.clone() }</p>
                { sources_list(lang) }
            </details>
            <p class="phc-hint">{ checked_on }</p>
            <p class="phc-hint phc-version">{ version }</p>
            <button type="button" class="phc-button phc-button-secondary phc-no-print" onclick={move |_| on_restart.emit(())}>{ t(lang, "ui.start_again") }</button>
        </>
    };
    html! { <div class="phc-result">{ first }{ rest }</div> }
}
