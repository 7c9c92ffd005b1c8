//! What the citizen enters on a question page before it is an answer: the draft, the edits that
//! change it, and reading it as an answer or as the message key of what is wrong (native, so the
//! reducer and its tests use it without a browser).

use crate::answers::Answer;
use crate::flow::Kind;

/// What the citizen has entered on this page so far.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Draft {
    pub choice: Option<String>,
    pub many: Vec<String>,
    pub none: bool,
    pub day: String,
    pub month: String,
    pub year: String,
}

/// One change the citizen makes on a question page.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    Choice(String),
    /// A code of a multiple choice checked or unchecked.
    Many(String, bool),
    /// "None of these" checked or unchecked.
    NoneOfThese(bool),
    Day(String),
    Month(String),
    Year(String),
}

impl Draft {
    pub fn apply(&mut self, edit: Edit) {
        match edit {
            Edit::Choice(c) => self.choice = Some(c),
            Edit::Many(code, on) => {
                self.many.retain(|c| *c != code);
                if on {
                    self.many.push(code);
                    self.none = false;
                }
            }
            Edit::NoneOfThese(on) => {
                self.none = on;
                if on {
                    self.many.clear();
                }
            }
            Edit::Day(v) => self.day = v,
            Edit::Month(v) => self.month = v,
            Edit::Year(v) => self.year = v,
        }
    }
}

/// The draft of a page that shows `answer` (the one given before, if any).
pub fn draft_of(answer: Option<&Answer>) -> Draft {
    let mut d = Draft::default();
    match answer {
        Some(Answer::Code(c)) => d.choice = Some(c.clone()),
        Some(Answer::Skipped) => d.choice = Some(String::new()),
        Some(Answer::Flag(b)) => d.choice = Some(if *b { "yes" } else { "no" }.into()),
        Some(Answer::Count(n)) => d.choice = Some(n.to_string()),
        Some(Answer::Codes(cs)) => {
            d.many = cs.clone();
            d.none = cs.is_empty();
        }
        Some(Answer::Date(s)) => {
            let parts: Vec<&str> = s.split('-').collect();
            if let [y, m, dd] = parts[..] {
                d.year = y.into();
                d.month = m.trim_start_matches('0').into();
                d.day = dd.trim_start_matches('0').into();
            }
        }
        None => {}
    }
    d
}

/// Reads the draft as an answer, or the key of the error to show.
pub fn answer_of(kind: Kind, d: &Draft) -> Result<Answer, &'static str> {
    match kind {
        Kind::Choice(_) => match d.choice.as_deref() {
            None => Err("ui.error.choose"),
            Some("") => Ok(Answer::Skipped),
            Some(c) => Ok(Answer::Code(c.into())),
        },
        Kind::YesNo => match d.choice.as_deref() {
            Some("yes") => Ok(Answer::Flag(true)),
            Some("no") => Ok(Answer::Flag(false)),
            // An option in a person's words that stands for flags (`flow::expand`).
            Some(c) if !c.is_empty() => Ok(Answer::Code(c.into())),
            _ => Err("ui.error.choose"),
        },
        Kind::Count(_) => d.choice.as_deref().and_then(|c| c.parse().ok()).map(Answer::Count).ok_or("ui.error.choose"),
        Kind::Multi(_) => {
            if d.none || !d.many.is_empty() {
                Ok(Answer::Codes(if d.none { Vec::new() } else { d.many.clone() }))
            } else {
                Err("ui.error.choose_some")
            }
        }
        Kind::Date => date_of(d).map_err(|(key, _)| key),
    }
}

/// The date of the three fields, or what is wrong with it and which field (0 day, 1 month, 2 year)
/// shows it: empty, a part missing, not a number, a year not of four digits, or a day the month does
/// not have. Only that field is marked.
pub fn date_of(d: &Draft) -> Result<Answer, (&'static str, usize)> {
    let parts = [d.day.trim(), d.month.trim(), d.year.trim()];
    if parts.iter().all(|p| p.is_empty()) {
        return Err(("ui.error.date_empty", 0));
    }
    const MISSING: [&str; 3] = ["ui.error.date_missing_day", "ui.error.date_missing_month", "ui.error.date_missing_year"];
    let mut numbers = [0u32; 3];
    for (i, p) in parts.iter().enumerate() {
        if p.is_empty() {
            return Err((MISSING[i], i));
        }
        numbers[i] = p.parse().map_err(|_| ("ui.error.date_not_number", i))?;
    }
    let [day, month, year] = numbers;
    if !(1000..=9999).contains(&year) {
        return Err(("ui.error.date_year", 2));
    }
    if !(1..=12).contains(&month) {
        return Err(("ui.error.date_impossible", 1));
    }
    phc::dates::ymd(year as i32, month, day).map(|date| Answer::Date(phc::dates::iso(date))).map_err(|_| ("ui.error.date_impossible", 0))
}

