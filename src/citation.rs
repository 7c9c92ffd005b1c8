//! Citations a citizen can follow (issue 15): a decision's sources with their addresses
//! (`rules/sources.toml`) and, in a language, their short titles (`source.<id>` and `place.<kind>`
//! of the message tables): «Приказ МЗ РК № ҚР ДСМ-194/2020, п. 25», never a file name.

use crate::codes::Lang;
use crate::decision::{CitationItem, Decision, Param, ReasonItem};
use crate::i18n::Messages;
use crate::rules::model::Text;
use crate::rules::{split_citation, Rules};

/// Every source a decision cites, once, in the order first cited: the edition's, then each reason's
/// and the sources that disagree with it. The address is the Russian text's.
pub fn collect<'r>(rules: &'r Rules, edition: &'r [Text], reasons: &[ReasonItem<'r>]) -> Vec<CitationItem<'r>> {
    let mut out: Vec<CitationItem<'r>> = Vec::with_capacity(8);
    let lists = std::iter::once(edition).chain(reasons.iter().flat_map(|r| [r.sources, r.sources_disagree]));
    for cite in lists.flatten() {
        let id: &'r str = cite;
        if !out.iter().any(|c| c.id == id) {
            out.push(CitationItem { id, url: rules.source(id).and_then(|s| s.url_in(Lang::Ru)), text: None });
        }
    }
    out
}

/// The short title of a citation in a language: the source's, then the place in it.
pub fn title(m: &Messages, cite: &str) -> String {
    let (id, place) = split_citation(cite);
    let mut t = m.text(&format!("source.{id}"), &[]);
    if let Some((kind, n)) = place {
        t.push_str(", ");
        t.push_str(&m.text(&format!("place.{kind}"), &[("n", Param::Count(n))]));
    }
    t
}

/// Adds the title of every citation of a decision (part of `i18n::annotate`).
pub fn annotate(d: &mut Decision<'_>, m: &Messages) {
    for c in &mut d.citations {
        c.text = Some(title(m, c.id));
    }
}
