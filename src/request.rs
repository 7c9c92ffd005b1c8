//! The check request of contract version 1, read from JSON with an error that names the field and
//! what was expected. Every answer but `service` and `at` may be missing: the engine then says which
//! answers it needs. Unknown fields and unknown codes are refused, so a typo is never read as "no
//! answer".

use crate::codes::{Applicant, Category, Channel, Code, ErrorKind, Field, Insurance, Reason, Residency, Service, TargetUnit};
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
    /// Home visit: the person is away from home (a trip, a visit, shift work) (issue 24).
    pub away_from_home: Option<bool>,
}

/// The largest count of free changes a person could have made in one year.
const MAX_CHANGES: u64 = 366;

/// Reads a request from JSON text. `now` stands in for a missing `at` (the app passes the clock; the
/// command line passes `None`, so `at` is required there).
pub fn parse_request(text: &str, now: Option<KzMoment>, zones: &[ZoneRule]) -> Result<Request, InputError> {
    let value = crate::json::parse(text).map_err(|e| {
        let what = if e.is_eof() { "the JSON ends too early" } else { "not valid JSON" };
        InputError::new(Field::Request, ErrorKind::Syntax, format!("{what} ({e}); expected one JSON object as in contract version 1"))
    })?;
    request_from_value(&value, now, zones)
}

/// Reads a request already parsed as JSON (the widget's `check()` passes a JS object this way).
/// Each object's members are the fields under it in the `Field` vocabulary: anything else is refused.
pub fn request_from_value(value: &Value, now: Option<KzMoment>, zones: &[ZoneRule]) -> Result<Request, InputError> {
    let obj = object(value, Field::Request)?;
    known_fields(obj, Field::Request)?;
    if let Some(v) = present(obj, Field::Version) {
        if v.as_u64() != Some(1) {
            return Err(InputError::new(Field::Version, ErrorKind::UnsupportedVersion, format!("unsupported version {}; expected 1", short(v))));
        }
    }
    let service = match present(obj, Field::Service) {
        None => return Err(InputError::new(Field::Service, ErrorKind::Missing, format!("missing; expected one of {}", Service::expected()))),
        Some(v) => code(v, Field::Service)?,
    };
    let at = match present(obj, Field::At) {
        Some(v) => parse_moment(string(v, Field::At)?, Field::At, zones)?,
        None => now.ok_or_else(|| {
            InputError::new(Field::At, ErrorKind::Missing, "missing; expected the moment of the check as RFC 3339, e.g. 2026-03-10T15:30:00+05:00")
        })?,
    };
    let person = match member(obj, Field::Person)? {
        None => Person::default(),
        Some(p) => Person {
            residency: opt_code(p, Field::Residency)?,
            birth_date: opt_date(p, Field::BirthDate)?,
            categories: categories(p)?,
            insurance: opt_code(p, Field::Insurance)?,
            insurance_until: opt_date(p, Field::InsuranceUntil)?,
            eds: opt_bool(p, Field::Eds)?,
            phone_on_portal: opt_bool(p, Field::PhoneOnPortal)?,
            consents_to_data_access: opt_bool(p, Field::ConsentsToDataAccess)?,
            institution_request: opt_bool(p, Field::InstitutionRequest)?,
        },
    };
    if let Some(b) = person.birth_date {
        if b > at.date() {
            return Err(InputError::new(
                Field::BirthDate,
                ErrorKind::AfterCheck,
                format!("{} is after the date of the check ({}); expected a date of birth in the past", crate::dates::iso(b), crate::dates::iso(at.date())),
            ));
        }
        if b.format_year() < 1880 {
            return Err(InputError::new(Field::BirthDate, ErrorKind::OutOfRange, format!("{} is too long ago; expected a living person's date of birth", crate::dates::iso(b))));
        }
    }
    let current_attachment = match member(obj, Field::CurrentAttachment)? {
        None => CurrentAttachment::default(),
        Some(c) => CurrentAttachment {
            attached: opt_bool(c, Field::Attached)?,
            at_target_clinic: opt_bool(c, Field::AtTargetClinic)?,
            free_changes_this_year: present(c, Field::FreeChangesThisYear).map(|v| count(v, Field::FreeChangesThisYear)).transpose()?,
            attached_in_campaign: opt_bool(c, Field::AttachedInCampaign)?,
        },
    };
    let relocation = match member(obj, Field::Relocation)? {
        None => Relocation::default(),
        Some(r) => Relocation {
            moved_on: opt_date(r, Field::MovedOn)?,
            leaves_unit: opt_bool(r, Field::LeavesUnit)?,
            away_over_a_month: opt_bool(r, Field::AwayOverAMonth)?,
        },
    };
    Ok(Request {
        service,
        at,
        channel: opt_code(obj, Field::Channel)?,
        applicant: opt_code(obj, Field::Applicant)?,
        person,
        reason: opt_code(obj, Field::Reason)?,
        current_attachment,
        relocation,
        target_unit: opt_code(obj, Field::TargetUnit)?,
        border_territory: opt_bool(obj, Field::BorderTerritory)?,
        refusal_received_on: opt_date(obj, Field::RefusalReceivedOn)?,
        away_from_home: opt_bool(obj, Field::AwayFromHome)?,
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

/// The member of `obj` that is `field`; absent or `null` counts as not answered.
fn present(obj: &Map, field: Field) -> Option<&Value> {
    obj.get(field.name()).filter(|v| !v.is_null())
}

/// An object member (`person`…), its own members checked.
fn member(obj: &Map, field: Field) -> Result<Option<&Map>, InputError> {
    let Some(v) = present(obj, field) else { return Ok(None) };
    let o = object(v, field)?;
    known_fields(o, field)?;
    Ok(Some(o))
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

fn wrong_type(field: Field, what: String) -> InputError {
    InputError::new(field, ErrorKind::WrongType, what)
}

fn object(v: &Value, field: Field) -> Result<&Map, InputError> {
    v.as_object().ok_or_else(|| wrong_type(field, format!("expected a JSON object, got {}", kind(v))))
}

/// Refuses a member that is not a field of `parent` in the vocabulary, naming it.
fn known_fields(obj: &Map, parent: Field) -> Result<(), InputError> {
    match obj.keys().find(|k| !parent.members().any(|f| f.name() == *k)) {
        None => Ok(()),
        Some(k) => {
            let names: Vec<&str> = parent.members().map(Field::name).collect();
            // An empty name is written as `""`, so the message always names what is wrong (fuzzing).
            let name = if k.is_empty() { "\"\"".to_string() } else { clip(k) };
            let place = if parent == Field::Request { name } else { format!("{parent}.{name}") };
            Err(InputError::new(parent, ErrorKind::UnknownField, format!("unknown field; expected one of {}", names.join(", "))).at(place))
        }
    }
}

fn string(v: &Value, field: Field) -> Result<&str, InputError> {
    v.as_str().ok_or_else(|| wrong_type(field, format!("expected a string, got {}", kind(v))))
}

/// A code of the vocabulary `T`. The work is done on its table of names, by one function for all
/// vocabularies (`code_index`).
fn code<T: Code>(v: &Value, field: Field) -> Result<T, InputError> {
    code_index(v, field, T::NAMES).map(|i| T::ALL[i])
}

fn code_index(v: &Value, field: Field, names: &[&str]) -> Result<usize, InputError> {
    let expected = || names.join(", ");
    let s = string(v, field).map_err(|e| wrong_type(field, format!("{}; expected one of {}", e.message, expected())))?;
    crate::codes::position(names, s)
        .ok_or_else(|| InputError::new(field, ErrorKind::UnknownCode, format!("unknown value \"{}\"; expected one of {}", clip(s), expected())))
}

fn opt_code<T: Code>(obj: &Map, field: Field) -> Result<Option<T>, InputError> {
    present(obj, field).map(|v| code(v, field)).transpose()
}

fn opt_bool(obj: &Map, field: Field) -> Result<Option<bool>, InputError> {
    present(obj, field).map(|v| v.as_bool().ok_or_else(|| wrong_type(field, format!("expected true or false, got {}", short(v))))).transpose()
}

fn opt_date(obj: &Map, field: Field) -> Result<Option<NaiveDate>, InputError> {
    present(obj, field).map(|v| read_date(string(v, field)?, field)).transpose()
}

/// A date of the request (`YYYY-MM-DD`), or what is wrong with it, at its field.
pub fn read_date(s: &str, field: Field) -> Result<NaiveDate, InputError> {
    parse_date(s).map_err(|why| InputError::new(field, ErrorKind::BadDate, why))
}

fn count(v: &Value, field: Field) -> Result<u32, InputError> {
    match v.as_u64() {
        Some(n) if n <= MAX_CHANGES => Ok(n as u32),
        // A number, but not a count of this year's changes (-1, 400, 1.5).
        _ if matches!(v, Value::Number(_)) => Err(InputError::new(field, ErrorKind::OutOfRange, format!("expected a whole number from 0 to {MAX_CHANGES}, got {}", short(v)))),
        _ => Err(wrong_type(field, format!("expected a whole number from 0 to {MAX_CHANGES}, got {}", short(v)))),
    }
}

fn categories(p: &Map) -> Result<Vec<Category>, InputError> {
    let field = Field::Categories;
    let Some(v) = present(p, field) else { return Ok(Vec::new()) };
    let items = v.as_array().ok_or_else(|| wrong_type(field, format!("expected an array of codes ({}), got {}", Category::expected(), kind(v))))?;
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let c = code(item, field).map_err(|e| e.at(format!("{field}[{i}]")))?;
        if !out.contains(&c) {
            out.push(c);
        }
    }
    crate::small_sort::sort_by_key(&mut out, |c| *c);
    Ok(out)
}
