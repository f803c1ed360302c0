//! Swedish dates as written in public-sector documents.
//!
//! Finds `2024-11-22`, `2024-11`, `21/12-2023`, `30/6-24`, `20/10 2024`,
//! `2023.12.21`, `21.12.2023`, `23-12-21`, `21 december 2023`, `21 dec. 2023`,
//! `den 1:a maj`, `måndagen den 19 augusti` and (opt-in) `240425`, plus ranges
//! such as `1/1–31/3-2024`, `1–3 mars 2024` and `januari–juni 2026`.
//! Reference numbers (`RS/1321/2015`, `Dnr 12/2023`), law references
//! (`2009:600`), times, versions, headings, phone, organisation and personal
//! identity numbers are not dates.
//!
//! Nothing here panics, whatever the input. Scanning is linear: every match
//! attempt reads a window of at most 64 bytes, and the regexes are
//! compiled once.
//!
//! `names.rs` knows the month and weekday names, `forms.rs` the ways a
//! single date is written (`caps.rs` reads the all-digit ones by hand,
//! `month_part.rs` the month after a day), `ranges.rs` the ranges of two
//! dates, and `scan.rs` walks a text, deciding where a date may start and
//! end; `skip.rs` tells it which stretches of text hold no date start.

mod caps;
mod forms;
mod month_part;
mod names;
mod ranges;
mod scan;
mod skip;
#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests;

pub use names::{month_from_swedish, weekday_from_swedish, MONTHS_SV};

use forms::{cands_at, pick, res, window};
use scan::{scan_items, split};

use jiff::civil::{Date, Weekday};

/// A date as written in the text, with what could be parsed from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte offset of the first byte of the date in the scanned text.
    pub start: usize,
    /// Byte offset just past the date.
    pub end: usize,
    pub form: DateForm,
    /// Full year; two-digit years are expanded (00–69 → 20xx, 70–99 → 19xx).
    pub year: Option<i16>,
    /// 1..=12.
    pub month: u8,
    /// `None` for year-month forms such as `2024-11`.
    pub day: Option<u8>,
    pub two_digit_year: bool,
    /// False if the calendar date cannot exist (`31/4-2024`, `2023-02-29`).
    /// Without a year, a day is valid if the month has it in a leap year.
    pub valid: bool,
    /// The weekday written before the date (`WeekdayWritten` only).
    pub weekday: Option<Weekday>,
    /// A weekday is written, year and day are known, and they disagree.
    pub weekday_mismatch: bool,
}

/// How a date was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateForm {
    /// `2024-11-22`
    Iso,
    /// `2024-11`
    IsoMonth,
    /// `21/12-2023`, `1/1-2024`, `30/6-24`, `8/12-24`
    SlashDash,
    /// `20/10 2024`
    SlashSpace,
    /// `2023.12.21`, also `21.12.2023`
    Dotted,
    /// `23-12-21` (YY-MM-DD), only when it is a real calendar date
    TwoDigitIso,
    /// `21 december 2023`, `21 dec 2023`, `den 21 december` (span from the day)
    Written,
    /// `måndagen den 19 augusti`, `måndag 19 augusti 2024`
    WeekdayWritten,
    /// `240425` (YYMMDD), only with [`ScanOptions::compact`]
    Compact,
}

/// Options for [`scan_dates`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScanOptions {
    /// Also find six-digit `YYMMDD` dates (off by default).
    pub compact: bool,
}

/// A range written as one mention: `1/1–31/3-2024`, `2024-01-01–2024-03-31`,
/// `20/10 – 30/10-2024`, `1–3 mars 2024`, `januari–juni 2026`.
///
/// The start takes the year (and for `1–3 mars` the month) from the end when
/// it has none of its own; a start month after the end month gets the year
/// before (`30/12–2/1-2024`). A start without its own year or month has the
/// end's form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateRange {
    pub start: DateMention,
    pub end: DateMention,
    /// Byte offsets of the whole range.
    pub span: (usize, usize),
}

impl DateMention {
    /// A copy with `year` set (e.g. the document's most common year), with
    /// `valid` and `weekday_mismatch` recomputed and `two_digit_year` false.
    pub fn with_year(&self, year: i16) -> DateMention {
        DateMention {
            year: Some(year),
            two_digit_year: false,
            ..self.clone()
        }
        .refreshed()
    }

    /// The calendar date, if year and day are known and the date exists.
    pub fn to_civil(&self) -> Option<Date> {
        let day = i8::try_from(self.day?).ok()?;
        Date::new(self.year?, i8::try_from(self.month).ok()?, day).ok()
    }

    /// `2023-12-21`, or `2024-11` without a day; `None` without a year.
    /// Does not check that the date exists.
    pub fn iso(&self) -> Option<String> {
        let y = self.year?;
        let m = self.month;
        if !(1..=12).contains(&m) {
            return None;
        }
        Some(match self.day {
            Some(d) => format!("{y:04}-{m:02}-{d:02}"),
            None => format!("{y:04}-{m:02}"),
        })
    }

    /// `21 december 2023`; `21 december` without a year, `november 2024`
    /// without a day. Does not check that the date exists.
    pub fn written_sv(&self) -> Option<String> {
        let name = MONTHS_SV.get(usize::from(self.month).checked_sub(1)?)?;
        Some(match (self.day, self.year) {
            (Some(d), Some(y)) => format!("{d} {name} {y}"),
            (Some(d), None) => format!("{d} {name}"),
            (None, Some(y)) => format!("{name} {y}"),
            (None, None) => (*name).to_string(),
        })
    }

    /// Recomputes `valid` and `weekday_mismatch` from the other fields.
    fn refreshed(mut self) -> Self {
        let month = i8::try_from(self.month)
            .ok()
            .filter(|m| (1..=12).contains(m));
        let day_ok = self.day.is_none_or(|d| (1..=31).contains(&d));
        self.valid = day_ok
            && month.is_some_and(|m| match (self.year, self.day) {
                (Some(_), Some(_)) => self.to_civil().is_some(),
                (Some(y), None) => Date::new(y, m, 1).is_ok(),
                (None, Some(d)) => Date::new(2000, m, 1)
                    .is_ok_and(|first| i8::try_from(d).is_ok_and(|d| d <= first.days_in_month())),
                (None, None) => true,
            });
        self.weekday_mismatch = match (self.weekday, self.to_civil()) {
            (Some(w), Some(date)) => date.weekday() != w,
            _ => false,
        };
        self
    }
}

/// Finds all date mentions in `text`, in order and non-overlapping. Both
/// ends of a range are included when they are dates on their own
/// (`3 mars 2024` in `1–3 mars 2024`, both dates in `2024-01-01-2024-03-31`).
pub fn scan_dates(text: &str, opts: &ScanOptions) -> Vec<DateMention> {
    split(scan_items(text, opts.compact)).0
}

/// [`scan_dates`] and [`scan_ranges`] (default options) in one pass.
pub fn scan_dates_and_ranges(text: &str) -> (Vec<DateMention>, Vec<DateRange>) {
    split(scan_items(text, false))
}

/// Finds the date ranges in `text`, in order and non-overlapping.
pub fn scan_ranges(text: &str) -> Vec<DateRange> {
    split(scan_items(text, false)).1
}

/// Parses a string that is exactly one date after trimming (a leading `den`
/// is allowed before a day). Offsets are into `s`. `YYMMDD` is not accepted.
pub fn parse_date(s: &str) -> Option<DateMention> {
    let r = res()?;
    let end = s.trim_end().len();
    let mut pos = s.len() - s.trim_start().len();
    if let Some(c) = window(s, pos).and_then(|w| r.den.captures(w)) {
        let after = pos + c.get(0)?.end();
        if s.get(after..)
            .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()))
        {
            pos = after;
        }
    }
    pick(&cands_at(r, s, pos, false), |e| e == end)
}
