//! The citation table (`rules/sources.toml`, issue 15): every source a rule file cites, by id, with
//! its address and dates. A rule file cites `id` or `id:place` (`order-194-2020:p25`); loading fails
//! on an id the table lacks, on a place of an unknown kind, and on an entry no rule cites. The short
//! title a citizen reads is a message (`source.<id>`, then `place.<kind>`), so each language's file
//! carries its own titles; the engine's `phc::citation` puts them together.

pub use super::model::SourceKind;
use super::model::{List, SourcesFile, Text};
use crate::codes::Lang;
use chrono::NaiveDate;

/// One entry of the citation table, as the program carries it (the lawyer's `reference` and the
/// `seed` stay in the file).
#[derive(Debug, Clone)]
pub struct Source {
    pub id: Text,
    pub kind: SourceKind,
    /// The address, with `{lang}` (kk, ru, en) and `{lang3}` (kaz, rus, eng) to fill: see `url_in`.
    pub url: Option<Text>,
    pub adopted: Option<NaiveDate>,
    pub in_force: Option<NaiveDate>,
    pub repealed: Option<NaiveDate>,
    /// The in-force dates are not confirmed.
    pub approximate: bool,
    /// Ids of the acts that amended it.
    pub amended_by: List<Text>,
    /// A page's own "last update".
    pub updated: Option<NaiveDate>,
}

impl Source {
    /// The address in a language (gov.kz `?lang=kk`, egov.kz `/cms/kk/`, adilet `/kaz/`). Written
    /// without `str::replace`, whose substring search would be code in the wasm for this alone.
    pub fn url_in(&self, lang: Lang) -> Option<String> {
        let template: &str = self.url.as_deref()?;
        let (two, three) = match lang {
            Lang::Kk => ("kk", "kaz"),
            Lang::Ru => ("ru", "rus"),
            Lang::En => ("en", "eng"),
        };
        let mut out = String::with_capacity(template.len());
        let mut rest = template;
        while let Some(i) = rest.find('{') {
            out.push_str(&rest[..i]);
            let after = &rest[i..];
            if let Some(r) = after.strip_prefix("{lang3}") {
                out.push_str(three);
                rest = r;
            } else if let Some(r) = after.strip_prefix("{lang}") {
                out.push_str(two);
                rest = r;
            } else {
                out.push('{');
                rest = &after[1..];
            }
        }
        out.push_str(rest);
        Some(out)
    }
}

/// The kinds of place a citation may name after its id, each a message `place.<kind>` in every
/// language: a paragraph (пункт, тармақ), an article (статья, бап), a ground for attachment.
pub const PLACES: [&str; 3] = ["p", "art", "ground"];

/// A citation split into its source id and its place: `order-194-2020:p25` is
/// (`order-194-2020`, Some((`p`, 25))). A place that is not letters then a number gives (`…`, 0),
/// which loading refuses.
pub fn split(cite: &str) -> (&str, Option<(&str, u32)>) {
    match cite.split_once(':') {
        None => (cite, None),
        Some((id, place)) => {
            let digits = place.find(|c: char| c.is_ascii_digit()).unwrap_or(place.len());
            let (kind, number) = place.split_at(digits);
            (id, Some((kind, crate::dates::digits(number).unwrap_or(0))))
        }
    }
}

/// One citation in a rule file: where it is (for the error message), what it cites, and whether the
/// program carries the data that cites it (then a decision may show it, and the program carries the
/// source too).
pub(super) struct Cite<'a> {
    pub at: String,
    pub cite: &'a str,
    pub shown: bool,
}

/// Checks the table and every citation against it; returns the entries the program carries: every
/// act (the app lists them with their dates) and every source of data the program carries.
pub(super) fn load(file: &SourcesFile, cites: &[Cite<'_>]) -> Result<List<Source>, String> {
    let mut all: Vec<Source> = Vec::with_capacity(file.source.len());
    for s in file.source.iter() {
        let at = |what: &str| format!("sources.toml: source {}: {what}", s.id);
        if s.id.is_empty() || !s.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
            return Err(at("an id is lower-case letters, digits and hyphens"));
        }
        if all.iter().any(|o| o.id == s.id) {
            return Err(at("a second entry with this id"));
        }
        if s.reference.trim().is_empty() {
            return Err(at("no reference"));
        }
        let kind = s.kind;
        if let Some(u) = &s.url {
            let rest = u.strip_prefix("https://").ok_or_else(|| at(&format!("url {u}: expected an https:// address")))?;
            let mut check = rest;
            while let Some(i) = check.find('{') {
                let after = &check[i..];
                if !(after.starts_with("{lang}") || after.starts_with("{lang3}")) {
                    return Err(at(&format!("url {u}: the only placeholders are {{lang}} and {{lang3}}")));
                }
                check = &after[1..];
            }
            if rest.contains(char::is_whitespace) {
                return Err(at(&format!("url {u}: no spaces in an address")));
            }
        }
        if kind == SourceKind::Page && s.seed.is_none() && s.url.is_none() {
            return Err(at("a page needs its address or its seed"));
        }
        let source = Source {
            id: s.id.clone(),
            kind,
            url: s.url.clone(),
            adopted: s.adopted,
            in_force: s.in_force,
            repealed: s.repealed,
            approximate: s.approximate,
            amended_by: s.amended_by.clone(),
            updated: s.updated,
        };
        if let (Some(a), Some(f)) = (source.adopted, source.in_force) {
            if f < a {
                return Err(at("in force before it was adopted"));
            }
        }
        if let (Some(f), Some(r)) = (source.in_force, source.repealed) {
            if r < f {
                return Err(at("repealed before it came into force"));
            }
        }
        all.push(source);
    }
    for s in &all {
        for a in s.amended_by.iter() {
            match all.iter().find(|o| o.id == *a) {
                Some(o) if o.kind == SourceKind::Act => {}
                Some(_) => return Err(format!("sources.toml: source {}: amended_by {a}, which is not an act", s.id)),
                None => return Err(format!("sources.toml: source {}: amended_by {a}, which is not in sources.toml", s.id)),
            }
        }
    }
    let mut cited = vec![false; all.len()];
    let mut shown = vec![false; all.len()];
    for c in cites {
        let (id, place) = split(c.cite);
        let i = all.iter().position(|s| s.id == id).ok_or_else(|| {
            format!("{}: source `{}` is not in rules/sources.toml; cite a source by its id there (or add it, with its reference and address)", c.at, c.cite)
        })?;
        if let Some((kind, number)) = place {
            if !PLACES.contains(&kind) || number == 0 {
                return Err(format!("{}: source `{}`: a place is p<number> (paragraph), art<number> (article) or ground<number>", c.at, c.cite));
            }
        }
        cited[i] = true;
        shown[i] |= c.shown;
    }
    if let Some(i) = cited.iter().position(|c| !c) {
        return Err(format!("sources.toml: source {} is cited by no rule; remove it, or cite it where it is used", all[i].id));
    }
    let carried: Vec<Source> = all.into_iter().zip(shown).filter(|(s, shown)| *shown || s.kind == SourceKind::Act).map(|(s, _)| s).collect();
    Ok(carried.into())
}

/// Checks a list of citations on its own: not empty where sources are required, no citation twice.
pub(super) fn check_list(at: &str, list: &[Text]) -> Result<(), String> {
    for (i, c) in list.iter().enumerate() {
        if list[..i].contains(c) {
            return Err(format!("{at}: source `{c}` is cited twice"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_citation_splits_into_its_source_and_its_place() {
        assert_eq!(split("gov-kz-3176"), ("gov-kz-3176", None));
        assert_eq!(split("order-194-2020:p25"), ("order-194-2020", Some(("p", 25))));
        assert_eq!(split("appk:art92"), ("appk", Some(("art", 92))));
        assert_eq!(split("order-194-2020:ground1"), ("order-194-2020", Some(("ground", 1))));
        // Refused on load: no number, or no kind.
        assert_eq!(split("order-194-2020:p"), ("order-194-2020", Some(("p", 0))));
        assert_eq!(split("order-194-2020:25"), ("order-194-2020", Some(("", 25))));
    }

    #[test]
    fn an_address_is_filled_in_each_language() {
        let s = |url: &str| Source {
            id: "x".into(),
            kind: SourceKind::Act,
            url: Some(url.to_string().into()),
            adopted: None,
            in_force: None,
            repealed: None,
            approximate: false,
            amended_by: Vec::new().into(),
            updated: None,
        };
        assert_eq!(s("https://adilet.zan.kz/{lang3}/docs/K2000000350").url_in(Lang::Kk).unwrap(), "https://adilet.zan.kz/kaz/docs/K2000000350");
        assert_eq!(s("https://www.gov.kz/services/3182?lang={lang}").url_in(Lang::En).unwrap(), "https://www.gov.kz/services/3182?lang=en");
        assert_eq!(s("https://e/{lang}/{lang3}/{x}").url_in(Lang::Ru).unwrap(), "https://e/ru/rus/{x}");
    }
}
