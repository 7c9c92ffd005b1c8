//! The check request of contract version 1, read from JSON with an error that names the field and
//! what was expected. Every answer but `service` and `at` may be missing: the engine then says which
//! answers it needs. Unknown fields and unknown codes are refused, so a typo is never read as "no
//! answer".

use crate::codes::{Applicant, Category, Channel, Code, Insurance, Reason, Residency, Service, TargetUnit};
use crate::dates::{clip, parse_date};
use crate::error::InputError;
use crate::time::{parse_moment, KzMoment, ZoneRule};
use chrono::NaiveDate;
use crate::json::{Map, Value};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Person {
    pub residency: Option<Residency>,
    pub birth_date: Option<NaiveDate>,
    pub categories: Vec<Category>,
    pub insurance: Option<Insurance>,
    pub insurance_until: Option<NaiveDate>,
    pub eds: Option<bool>,
    pub phone_on_portal: Option<bool>,
    pub consents_to_data_access: Option<bool>,
    /// Students: whether the institution has sent the clinic an official request (only then the
    /// rector's request and the commission's protocol are needed).
    pub institution_request: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct CurrentAttachment {
    pub attached: Option<bool>,
    pub at_target_clinic: Option<bool>,
    pub free_changes_this_year: Option<u32>,
    /// Whether the current attachment was made in this year's campaign (it takes effect on 1 January).
    pub attached_in_campaign: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Relocation {
    pub moved_on: Option<NaiveDate>,
    pub leaves_unit: Option<bool>,
    /// When the move leaves the unit: whether for more than one month.
    pub away_over_a_month: Option<bool>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub service: Service,
    pub at: KzMoment,
    pub channel: Option<Channel>,
    pub applicant: Option<Applicant>,
    pub person: Person,
    pub reason: Option<Reason>,
    pub current_attachment: CurrentAttachment,
    pub relocation: Relocation,
    pub target_unit: Option<TargetUnit>,
    pub border_territory: Option<bool>,
    pub refusal_received_on: Option<NaiveDate>,
}

/// The largest count of free changes a person could have made in one year.
const MAX_CHANGES: u64 = 366;

/// The fields the parser accepts at each level (anything else is refused by name); the schema test
/// checks `schema/request.schema.json` lists exactly these.
pub const TOP: &[&str] = &[
    "version", "service", "at", "channel", "applicant", "person", "reason", "current_attachment",
    "relocation", "target_unit", "border_territory", "refusal_received_on",
];
pub const PERSON: &[&str] = &[
    "residency", "birth_date", "categories", "insurance", "insurance_until", "eds", "phone_on_portal",
    "consents_to_data_access", "institution_request",
];
pub const CURRENT: &[&str] = &["attached", "at_target_clinic", "free_changes_this_year", "attached_in_campaign"];
pub const RELOCATION: &[&str] = &["moved_on", "leaves_unit", "away_over_a_month"];

/// Reads a request from JSON text. `now` stands in for a missing `at` (the app passes the clock; the
/// command line passes `None`, so `at` is required there).
pub fn parse_request(text: &str, now: Option<KzMoment>, zones: &[ZoneRule]) -> Result<Request, InputError> {
    let value = crate::json::parse(text).map_err(|e| {
        let what = if e.is_eof() { "the JSON ends too early" } else { "not valid JSON" };
        InputError::new("request", format!("{what} ({e}); expected one JSON object as in contract version 1"))
    })?;
    request_from_value(&value, now, zones)
}

/// Reads a request already parsed as JSON (the widget's `check()` passes a JS object this way).
pub fn request_from_value(value: &Value, now: Option<KzMoment>, zones: &[ZoneRule]) -> Result<Request, InputError> {
    let obj = object(value, "request")?;
    known_fields(obj, TOP, "")?;
    if let Some(v) = present(obj, "version") {
        if v.as_u64() != Some(1) {
            return Err(InputError::new("version", format!("unsupported version {}; expected 1", short(v))));
        }
    }
    let service = match present(obj, "service") {
        None => return Err(InputError::new("service", format!("missing; expected one of {}", Service::expected()))),
        Some(v) => code(v, "service")?,
    };
    let at = match present(obj, "at") {
        Some(v) => parse_moment(string(v, "at")?, "at", zones)?,
        None => now.ok_or_else(|| {
            InputError::new("at", "missing; expected the moment of the check as RFC 3339, e.g. 2026-03-10T15:30:00+05:00")
        })?,
    };
    let person = match present(obj, "person") {
        None => Person::default(),
        Some(v) => {
            let p = object(v, "person")?;
            known_fields(p, PERSON, "person.")?;
            Person {
                residency: opt_code(p, "residency", "person.residency")?,
                birth_date: opt_date(p, "birth_date", "person.birth_date")?,
                categories: categories(p)?,
                insurance: opt_code(p, "insurance", "person.insurance")?,
                insurance_until: opt_date(p, "insurance_until", "person.insurance_until")?,
                eds: opt_bool(p, "eds", "person.eds")?,
                phone_on_portal: opt_bool(p, "phone_on_portal", "person.phone_on_portal")?,
                consents_to_data_access: opt_bool(p, "consents_to_data_access", "person.consents_to_data_access")?,
                institution_request: opt_bool(p, "institution_request", "person.institution_request")?,
            }
        }
    };
    if let Some(b) = person.birth_date {
        if b > at.date() {
            return Err(InputError::new(
                "person.birth_date",
                format!("{} is after the date of the check ({}); expected a date of birth in the past", crate::dates::iso(b), crate::dates::iso(at.date())),
            ));
        }
        if b.format_year() < 1880 {
            return Err(InputError::new("person.birth_date", format!("{} is too long ago; expected a living person's date of birth", crate::dates::iso(b))));
        }
    }
    let current_attachment = match present(obj, "current_attachment") {
        None => CurrentAttachment::default(),
        Some(v) => {
            let c = object(v, "current_attachment")?;
            known_fields(c, CURRENT, "current_attachment.")?;
            let changes = match present(c, "free_changes_this_year") {
                None => None,
                Some(v) => Some(count(v, "current_attachment.free_changes_this_year")?),
            };
            CurrentAttachment {
                attached: opt_bool(c, "attached", "current_attachment.attached")?,
                at_target_clinic: opt_bool(c, "at_target_clinic", "current_attachment.at_target_clinic")?,
                free_changes_this_year: changes,
                attached_in_campaign: opt_bool(c, "attached_in_campaign", "current_attachment.attached_in_campaign")?,
            }
        }
    };
    let relocation = match present(obj, "relocation") {
        None => Relocation::default(),
        Some(v) => {
            let r = object(v, "relocation")?;
            known_fields(r, RELOCATION, "relocation.")?;
            Relocation {
                moved_on: opt_date(r, "moved_on", "relocation.moved_on")?,
                leaves_unit: opt_bool(r, "leaves_unit", "relocation.leaves_unit")?,
                away_over_a_month: opt_bool(r, "away_over_a_month", "relocation.away_over_a_month")?,
            }
        }
    };
    Ok(Request {
        service,
        at,
        channel: opt_code(obj, "channel", "channel")?,
        applicant: opt_code(obj, "applicant", "applicant")?,
        person,
        reason: opt_code(obj, "reason", "reason")?,
        current_attachment,
        relocation,
        target_unit: opt_code(obj, "target_unit", "target_unit")?,
        border_territory: opt_bool(obj, "border_territory", "border_territory")?,
        refusal_received_on: opt_date(obj, "refusal_received_on", "refusal_received_on")?,
    })
}

trait FormatYear {
    fn format_year(&self) -> i32;
}
impl FormatYear for NaiveDate {
    fn format_year(&self) -> i32 {
        chrono::Datelike::year(self)
    }
}

/// A field that is absent or `null` counts as not answered.
fn present<'a>(obj: &'a Map, key: &str) -> Option<&'a Value> {
    obj.get(key).filter(|v| !v.is_null())
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn short(v: &Value) -> String {
    match v {
        Value::String(s) => format!("\"{}\"", clip(s)),
        Value::Array(_) | Value::Object(_) => kind(v).to_string(),
        other => clip(&other.to_string()),
    }
}

fn object<'a>(v: &'a Value, field: &str) -> Result<&'a Map, InputError> {
    v.as_object().ok_or_else(|| InputError::new(field, format!("expected a JSON object, got {}", kind(v))))
}

fn known_fields(obj: &Map, known: &[&str], prefix: &str) -> Result<(), InputError> {
    match obj.keys().find(|k| !known.contains(k)) {
        None => Ok(()),
        Some(k) => Err(InputError::new(
            // An empty name is written as `""`, so the message always names what is wrong (fuzzing).
            if k.is_empty() { format!("{prefix}\"\"") } else { format!("{prefix}{}", clip(k)) },
            format!("unknown field; expected one of {}", known.join(", ")),
        )),
    }
}

fn string<'a>(v: &'a Value, field: &str) -> Result<&'a str, InputError> {
    v.as_str().ok_or_else(|| InputError::new(field, format!("expected a string, got {}", kind(v))))
}

/// A code of the vocabulary `T`. The work is done on its table of names, by one function for all
/// vocabularies (`code_index`).
fn code<T: Code>(v: &Value, field: &str) -> Result<T, InputError> {
    code_index(v, field, T::NAMES).map(|i| T::ALL[i])
}

fn code_index(v: &Value, field: &str, names: &[&str]) -> Result<usize, InputError> {
    let expected = || names.join(", ");
    let s = string(v, field).map_err(|e| InputError::new(field, format!("{}; expected one of {}", e.message, expected())))?;
    crate::codes::position(names, s).ok_or_else(|| InputError::new(field, format!("unknown value \"{}\"; expected one of {}", clip(s), expected())))
}

fn opt_code<T: Code>(obj: &Map, key: &str, field: &str) -> Result<Option<T>, InputError> {
    present(obj, key).map(|v| code(v, field)).transpose()
}

fn opt_bool(obj: &Map, key: &str, field: &str) -> Result<Option<bool>, InputError> {
    present(obj, key)
        .map(|v| v.as_bool().ok_or_else(|| InputError::new(field, format!("expected true or false, got {}", short(v)))))
        .transpose()
}

fn opt_date(obj: &Map, key: &str, field: &str) -> Result<Option<NaiveDate>, InputError> {
    present(obj, key).map(|v| parse_date(string(v, field)?, field)).transpose()
}

fn count(v: &Value, field: &str) -> Result<u32, InputError> {
    match v.as_u64() {
        Some(n) if n <= MAX_CHANGES => Ok(n as u32),
        _ => Err(InputError::new(field, format!("expected a whole number from 0 to {MAX_CHANGES}, got {}", short(v)))),
    }
}

fn categories(p: &Map) -> Result<Vec<Category>, InputError> {
    let Some(v) = present(p, "categories") else { return Ok(Vec::new()) };
    let items = v.as_array().ok_or_else(|| {
        InputError::new("person.categories", format!("expected an array of codes ({}), got {}", Category::expected(), kind(v)))
    })?;
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let c = code(item, &format!("person.categories[{i}]"))?;
        if !out.contains(&c) {
            out.push(c);
        }
    }
    crate::small_sort::sort_by_key(&mut out, |c| *c);
    Ok(out)
}
