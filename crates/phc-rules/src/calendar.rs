//! The Kazakhstan working-day calendar: which days are off, and working-day arithmetic.
//!
//! Official years use the production calendar of `rules/calendar.toml` exactly as written. Other years
//! inside the horizon are computed from the holiday rules (fixed holidays, the weekend shift over
//! holiday blocks, 7 January and Kurban Ait never moved) and are *provisional*: every answer that rests
//! on them says so. Dates outside the horizon are refused, never extrapolated.
//!
//! A holiday is dated data, like an edition: it counts on a day only when that day lies within its
//! `valid_from ..= valid_until` (Constitution Day is 30 August until 30 June 2026 and 15 March from
//! 1 July 2026, so 2026 has none).

use crate::rules::model::{CalendarFile, DayKind};
use chrono::{Datelike, NaiveDate, Weekday};

/// A year's days off as a bit set over the day of the year (bit 0 = 1 January).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearTable {
    off: [u64; 6],
    official: bool,
}

impl YearTable {
    /// A table as loading made it: for the built-in calendar, which `build.rs` writes as a constant.
    #[doc(hidden)]
    pub const fn from_parts(off: [u64; 6], official: bool) -> YearTable {
        YearTable { off, official }
    }
    /// What `from_parts` takes, for `build.rs` to write.
    #[doc(hidden)]
    pub fn parts(&self) -> ([u64; 6], bool) {
        (self.off, self.official)
    }
    fn is_off(&self, ordinal0: u32) -> bool {
        self.off[(ordinal0 / 64) as usize] & (1 << (ordinal0 % 64)) != 0
    }
    fn set(&mut self, ordinal0: u32, off: bool) {
        let (w, b) = ((ordinal0 / 64) as usize, ordinal0 % 64);
        if off {
            self.off[w] |= 1 << b;
        } else {
            self.off[w] &= !(1 << b);
        }
    }
}

/// A date outside the years the calendar covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutOfHorizon(pub NaiveDate);

#[derive(Debug, Clone)]
pub struct Calendar {
    first_year: i32,
    last_year: i32,
    years: std::borrow::Cow<'static, [YearTable]>,
    /// The day someone last compared `rules/calendar.toml` with its sources.
    checked_on: NaiveDate,
}

/// A holiday rule for computed years, already filtered to one year.
struct Holiday {
    date: NaiveDate,
    moves: bool,
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

impl Calendar {
    /// A calendar as loading made it: for the built-in calendar, which `build.rs` writes as a constant.
    #[doc(hidden)]
    pub const fn from_parts(first_year: i32, last_year: i32, years: &'static [YearTable], checked_on: NaiveDate) -> Calendar {
        Calendar { first_year, last_year, years: std::borrow::Cow::Borrowed(years), checked_on }
    }

    /// What `from_parts` takes, for `build.rs` to write.
    #[doc(hidden)]
    pub fn parts(&self) -> (i32, i32, &[YearTable], NaiveDate) {
        (self.first_year, self.last_year, &self.years, self.checked_on)
    }

    /// Builds the calendar from the rule file. Errors name the value that is wrong.
    pub fn from_data(data: &CalendarFile) -> Result<Calendar, String> {
        if data.first_year > data.last_year || data.first_year < 1900 {
            return Err(format!("calendar: bad horizon {}..{}", data.first_year, data.last_year));
        }
        let checked_on = data.checked_on;
        check_holidays(data)?;
        let mut years = Vec::new();
        for year in data.first_year..=data.last_year {
            let table = match data.official_year.iter().find(|o| o.year == year) {
                Some(o) => official_table(year, o)?,
                None => computed_table(year, data)?,
            };
            years.push(table);
        }
        let cal = Calendar { first_year: data.first_year, last_year: data.last_year, years: years.into(), checked_on };
        cal.check_audit_explained(data)?;
        Ok(cal)
    }

    /// The day someone last compared the calendar's rules and tables with their sources.
    pub fn checked_on(&self) -> NaiveDate {
        self.checked_on
    }

    /// Each explained disagreement with the `holidays` dataset states what this calendar says of
    /// the day; that must stay true, so an explanation cannot outlive a change of our data.
    fn check_audit_explained(&self, data: &CalendarFile) -> Result<(), String> {
        for a in data.audit_explained.iter() {
            let d = a.date;
            let at = |what: String| format!("rules/calendar.toml: audit_explained {}: {what}", a.date);
            let ours = a.ours.is_off();
            if a.ours == a.dataset {
                return Err(at("the dataset and ours say the same; nothing to explain".into()));
            }
            if a.why.trim().is_empty() {
                return Err(at("why is empty".into()));
            }
            let off = self.is_day_off(d).map_err(|_| at("outside the calendar's years".into()))?;
            if off != ours {
                return Err(at(format!("says ours is {}, but the calendar has a {}", kind_name(a.ours), if off { "day off" } else { "working day" })));
            }
        }
        Ok(())
    }

    pub fn first_year(&self) -> i32 {
        self.first_year
    }

    pub fn last_year(&self) -> i32 {
        self.last_year
    }

    fn table(&self, date: NaiveDate) -> Result<&YearTable, OutOfHorizon> {
        let y = date.year();
        if y < self.first_year || y > self.last_year {
            return Err(OutOfHorizon(date));
        }
        Ok(&self.years[(y - self.first_year) as usize])
    }

    /// Whether the year has an official production calendar (otherwise its days are provisional).
    pub fn is_official(&self, year: i32) -> bool {
        year >= self.first_year && year <= self.last_year && self.years[(year - self.first_year) as usize].official
    }

    /// Whether every year from `a` to `b` (inclusive) is official.
    pub fn span_is_official(&self, a: NaiveDate, b: NaiveDate) -> bool {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        (lo.year()..=hi.year()).all(|y| self.is_official(y))
    }

    pub fn is_day_off(&self, date: NaiveDate) -> Result<bool, OutOfHorizon> {
        Ok(self.table(date)?.is_off(date.ordinal0()))
    }

    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, OutOfHorizon> {
        Ok(!self.is_day_off(date)?)
    }

    /// The first working day strictly after `date`.
    pub fn next_working_day_after(&self, date: NaiveDate) -> Result<NaiveDate, OutOfHorizon> {
        self.add_working_days(date, 1)
    }

    /// `date` itself if it is a working day, else the next working day.
    pub fn working_day_on_or_after(&self, date: NaiveDate) -> Result<NaiveDate, OutOfHorizon> {
        if self.is_working_day(date)? {
            Ok(date)
        } else {
            self.next_working_day_after(date)
        }
    }

    /// The `n`th working day after `date` (periods start the day after the event; n = 0 is `date`).
    pub fn add_working_days(&self, date: NaiveDate, n: u32) -> Result<NaiveDate, OutOfHorizon> {
        let mut d = date;
        let mut left = n;
        while left > 0 {
            d = d.succ_opt().ok_or(OutOfHorizon(d))?;
            if self.is_working_day(d)? {
                left -= 1;
            }
        }
        Ok(d)
    }

    /// Every day off of a year that falls on a weekday, and every working Saturday or Sunday.
    pub fn exceptions(&self, year: i32) -> Result<(Vec<NaiveDate>, Vec<NaiveDate>), OutOfHorizon> {
        let jan1 = NaiveDate::from_ymd_opt(year, 1, 1).ok_or(OutOfHorizon(NaiveDate::MIN))?;
        let table = self.table(jan1)?;
        let (mut off, mut worked) = (Vec::new(), Vec::new());
        for d in jan1.iter_days().take_while(|d| d.year() == year) {
            let is_off = table.is_off(d.ordinal0());
            if is_off && !is_weekend(d) {
                off.push(d);
            } else if !is_off && is_weekend(d) {
                worked.push(d);
            }
        }
        Ok((off, worked))
    }

    /// The calendar the holiday rules give for a year, ignoring any official table: used by tests to
    /// check the rules against the official tables.
    pub fn computed_only(data: &CalendarFile, year: i32) -> Result<Calendar, String> {
        let mut table = computed_table(year, data)?;
        if let Some(o) = data.official_year.iter().find(|o| o.year == year) {
            for t in o.transfers.iter() {
                table.set(t.worked.ordinal0(), false);
                table.set(t.off.ordinal0(), true);
            }
        }
        table.official = false;
        Ok(Calendar { first_year: year, last_year: year, years: vec![table].into(), checked_on: data.checked_on })
    }
}

/// A day's kind as the file writes it.
fn kind_name(k: DayKind) -> &'static str {
    match k {
        DayKind::DayOff => "day_off",
        DayKind::Working => "working",
    }
}

/// Every holiday's validity a real span, its sources and days named; every official Kurban Ait date
/// sourced.
fn check_holidays(data: &CalendarFile) -> Result<(), String> {
    for h in data.holiday.iter() {
        let at = |what: String| format!("rules/calendar.toml: holiday {}: {what}", h.name);
        if let (Some(f), Some(u)) = (h.valid_from, h.valid_until) {
            if f > u {
                return Err(at(format!("valid_from {f} is after valid_until {u}")));
            }
        }
        if h.sources.is_empty() {
            return Err(at("no sources".into()));
        }
        if h.days.is_empty() {
            return Err(at("no days".into()));
        }
    }
    for k in data.kurban_ait.iter() {
        if k.official && k.sources.is_empty() {
            return Err(format!("rules/calendar.toml: Kurban Ait {} is official but names no source", k.date));
        }
    }
    Ok(())
}

fn weekends(year: i32) -> YearTable {
    let mut t = YearTable { off: [0; 6], official: false };
    let jan1 = NaiveDate::from_ymd_opt(year, 1, 1).expect("year inside the horizon");
    for d in jan1.iter_days().take_while(|d| d.year() == year) {
        if is_weekend(d) {
            t.set(d.ordinal0(), true);
        }
    }
    t
}

fn official_table(year: i32, o: &crate::rules::model::OfficialYearData) -> Result<YearTable, String> {
    if o.sources.is_empty() {
        return Err(format!("rules/calendar.toml: the {year} table names no source"));
    }
    let mut t = weekends(year);
    for &d in o.weekday_days_off.iter() {
        if d.year() != year || is_weekend(d) {
            return Err(format!("rules/calendar.toml: {d} in the {year} table is not a weekday of {year}"));
        }
        t.set(d.ordinal0(), true);
    }
    for &d in o.working_weekend_days.iter() {
        if d.year() != year || !is_weekend(d) {
            return Err(format!("rules/calendar.toml: working day {d} is not a Saturday or Sunday of {year}"));
        }
        t.set(d.ordinal0(), false);
    }
    // A correction documents a change to the published table; the table as written must already
    // hold it.
    for c in o.corrections.iter() {
        let at = |what: String| format!("rules/calendar.toml: correction {} of {year}: {what}", c.date);
        let d = c.date;
        if d.year() != year {
            return Err(at("not a day of the year".into()));
        }
        if c.was == c.now {
            return Err(at("was and now are the same".into()));
        }
        if t.is_off(d.ordinal0()) != c.now.is_off() {
            return Err(at(format!("the table does not give {} for the day", kind_name(c.now))));
        }
        if c.sources.is_empty() {
            return Err(at("no sources".into()));
        }
    }
    t.official = true;
    Ok(t)
}

/// Applies the holiday rules to a year. Holidays that move and fall on a weekend each give one extra
/// day off: the next working day after the block of days off that contains them.
fn computed_table(year: i32, data: &CalendarFile) -> Result<YearTable, String> {
    let mut t = weekends(year);
    let mut holidays: Vec<Holiday> = Vec::new();
    for h in data.holiday.iter() {
        let (from, until) = (h.valid_from, h.valid_until);
        for md in h.days.iter() {
            let date = md.in_year(year).ok_or_else(|| format!("rules/calendar.toml: holiday {} has no day {:02}-{:02} in {year}", h.name, md.month, md.day))?;
            // The holiday counts on this day only if the law made it one on that day.
            if from.is_some_and(|f| date < f) || until.is_some_and(|u| date > u) {
                continue;
            }
            holidays.push(Holiday { date, moves: h.moves });
        }
    }
    for k in data.kurban_ait.iter() {
        let date = k.date;
        if date.year() == year {
            holidays.push(Holiday { date, moves: false });
        }
    }
    // std's sort: the calendar is computed at build time and in tests, never in the wasm.
    holidays.sort_by_key(|h| h.date);
    // A day two rules name (Kurban Ait on Nauryz, say) is one day off: it moves if either rule
    // moves it, and gives one moved day, not two.
    holidays.dedup_by(|later, kept| {
        let same = later.date == kept.date;
        if same {
            kept.moves |= later.moves;
        }
        same
    });
    for h in &holidays {
        t.set(h.date.ordinal0(), true);
    }
    for h in holidays.iter().filter(|h| h.moves && is_weekend(h.date)) {
        // Walk to the end of the block of days off, then to the first day not yet off.
        let mut d = h.date;
        while d.year() == year && t.is_off(d.ordinal0()) {
            match d.succ_opt() {
                Some(next) => d = next,
                None => break,
            }
        }
        // A moved day off of 31 December's block would land in the next year: the next year's
        // own table decides that day, so it is not carried over (no such case in the rules).
        if d.year() == year {
            t.set(d.ordinal0(), true);
        }
    }
    Ok(t)
}
