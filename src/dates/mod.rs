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

use crate::chars::{char_at, is_letter, is_word};
use std::ops::RangeInclusive;
use std::sync::LazyLock;

use jiff::civil::{Date, Weekday};
use regex::{Captures, Regex};

/// The Swedish month names, January first.
pub const MONTHS_SV: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

const WEEKDAYS_SV: [(&str, Weekday); 7] = [
    ("måndag", Weekday::Monday),
    ("tisdag", Weekday::Tuesday),
    ("onsdag", Weekday::Wednesday),
    ("torsdag", Weekday::Thursday),
    ("fredag", Weekday::Friday),
    ("lördag", Weekday::Saturday),
    ("söndag", Weekday::Sunday),
];

/// Four-digit years outside this range are not taken as years.
const YEARS: RangeInclusive<i16> = 1000..=2999;
/// The most bytes one match attempt looks at.
const WINDOW: usize = 64;
/// Characters that glue digits into one token (`RS/1321/2015`, `2009:600`).
const CONNECTORS: [char; 5] = ['-', '/', '.', ':', ','];
/// Characters that separate the two ends of a range.
const DASHES: [char; 5] = ['-', '–', '—', '‒', '−'];

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

/// `januari`..`december` and `jan`, `feb`, `mar`, `mars`, `apr`, `maj`,
/// `jun`, `jul`, `aug`, `sep`, `sept`, `okt`, `nov`, `dec`, any case, with an
/// optional trailing `.`.
pub fn month_from_swedish(name: &str) -> Option<u8> {
    let name = name.trim();
    if name.len() > 12 {
        return None;
    }
    // This runs for most words of a document: first a test of the first
    // letter, then the word lowered on the stack, not into a new string.
    if !starts_with_any(name, "jfmasondJFMASOND") {
        return None;
    }
    let mut buf = [0u8; 24];
    let lower = lower_into(name, &mut buf)?;
    let word = lower.strip_suffix('.').unwrap_or(lower);
    let abbrevs = [
        "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
    ];
    let i = MONTHS_SV
        .iter()
        .position(|m| *m == word)
        .or_else(|| abbrevs.iter().position(|a| *a == word))
        .or_else(|| (word == "sept").then_some(8))?;
    u8::try_from(i + 1).ok()
}

/// Whether the first byte of `word` is one of `initials` (ASCII letters).
fn starts_with_any(word: &str, initials: &str) -> bool {
    word.as_bytes()
        .first()
        .is_some_and(|b| initials.as_bytes().contains(b))
}

/// `word` in lower case, written into `buf`; `None` when it does not fit
/// (callers size `buf` for the longest word they compare with).
pub(crate) fn lower_into<'b, const N: usize>(word: &str, buf: &'b mut [u8; N]) -> Option<&'b str> {
    let mut len = 0;
    for c in word.chars() {
        // ASCII and Latin-1 (å, ä, ö …) without Unicode's case tables.
        if let Some(lower) = crate::chars::to_lowercase_latin1(c) {
            let n = lower.len_utf8();
            lower.encode_utf8(buf.get_mut(len..len + n)?);
            len += n;
            continue;
        }
        for lower in c.to_lowercase() {
            let n = lower.len_utf8();
            lower.encode_utf8(buf.get_mut(len..len + n)?);
            len += n;
        }
    }
    std::str::from_utf8(buf.get(..len)?).ok()
}

/// `måndag`..`söndag` and the definite forms `måndagen`..`söndagen`, any case.
pub fn weekday_from_swedish(name: &str) -> Option<Weekday> {
    let name = name.trim();
    if name.len() > 12 {
        return None;
    }
    if !starts_with_any(name, "mtoflsMTOFLS") {
        return None;
    }
    let mut buf = [0u8; 24];
    let lower = lower_into(name, &mut buf)?;
    let word = lower.strip_suffix("en").unwrap_or(lower);
    WEEKDAYS_SV
        .iter()
        .find(|(n, _)| *n == word)
        .map(|(_, w)| *w)
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

fn split(items: Vec<Item>) -> (Vec<DateMention>, Vec<DateRange>) {
    let mut dates = Vec::new();
    let mut ranges = Vec::new();
    for item in items {
        match item {
            Item::One(m) => dates.push(m),
            Item::Range(range, lone_start) => {
                dates.extend(lone_start);
                // A month alone ("juni" in "januari–juni 2026") is no date.
                if range.end.day.is_some() || range.end.form != DateForm::Written {
                    dates.push(range.end.clone());
                }
                ranges.push(range);
            }
        }
    }
    (dates, ranges)
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

struct Res {
    iso: Regex,
    dotted_ymd: Regex,
    dotted_dmy: Regex,
    slash: Regex,
    two_iso: Regex,
    compact: Regex,
    day_prefix: Regex,
    month_part: Regex,
    weekday: Regex,
    den: Regex,
}

static RES: LazyLock<Option<Res>> = LazyLock::new(|| {
    let re = |p: &str| Regex::new(p).ok();
    Some(Res {
        iso: re(r"^([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?")?,
        dotted_ymd: re(r"^([0-9]{4})\.([0-9]{1,2})\.([0-9]{1,2})")?,
        dotted_dmy: re(r"^([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})")?,
        slash: re(
            r"^([0-9]{1,2})/([0-9]{1,2})(?:-([0-9]{4}|[0-9]{2})|[\p{Zs}\t]{1,3}([0-9]{4}))?",
        )?,
        two_iso: re(r"^([0-9]{2})-([0-9]{2})-([0-9]{2})")?,
        compact: re(r"^([0-9]{2})([0-9]{2})([0-9]{2})")?,
        day_prefix: re(r"^([0-9]{1,2})(?::[aeAE])?[\p{Zs}\t]{1,3}")?,
        month_part: re(r"^(\p{L}+)(\.)?(?:[\p{Zs}\t]{1,3}([0-9]{4}))?")?,
        weekday: re(r"^(\p{L}+),?(?:[\p{Zs}\t]{1,3}(?i:den))?[\p{Zs}\t]{1,3}")?,
        den: re(r"^(?i:den)[\p{Zs}\t]{1,3}")?,
    })
});

fn res() -> Option<&'static Res> {
    RES.as_ref()
}

enum Item {
    One(DateMention),
    /// A range, and its start if that is a date on its own.
    Range(DateRange, Option<DateMention>),
}

/// Up to two readings at one position, preferred first (`21 december 2023`
/// before `21 december`); the first whose end fits the context wins.
type Cands = [Option<DateMention>; 2];

/// Whitespace within a line: a date or range never spans a line break.
fn is_hspace(c: char) -> bool {
    c == '\t' || (c.is_whitespace() && !c.is_control() && !matches!(c, '\u{2028}' | '\u{2029}'))
}

/// The end of the word (letters, digits, `_`) that starts at or before `i`.
fn word_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        match bytes.get(i) {
            Some(b) if b.is_ascii_alphanumeric() || *b == b'_' => i += 1,
            Some(b) if b.is_ascii() => return i,
            _ => match char_at(text, i) {
                Some(c) if is_word(c) => i += c.len_utf8(),
                _ => return i,
            },
        }
    }
}

/// At most [`WINDOW`] bytes of `text` from `pos`, cut at a char boundary.
fn window(text: &str, pos: usize) -> Option<&str> {
    let rest = text.get(pos..)?;
    let mut w = rest.len().min(WINDOW);
    while !rest.is_char_boundary(w) {
        w -= 1;
    }
    rest.get(..w)
}

fn num<T: std::str::FromStr>(c: &Captures<'_>, i: usize) -> Option<T> {
    c.get(i)?.as_str().parse().ok()
}

fn year4(c: &Captures<'_>, i: usize) -> Option<(i16, bool)> {
    num::<i16>(c, i)
        .filter(|y| YEARS.contains(y))
        .map(|y| (y, false))
}

fn year2(c: &Captures<'_>, i: usize) -> Option<(i16, bool)> {
    let y: i16 = num(c, i)?;
    Some((if y < 70 { 2000 + y } else { 1900 + y }, true))
}

/// A mention, if month and day are in 1..=12 and 1..=31.
fn dm(
    form: DateForm,
    start: usize,
    end: usize,
    year: Option<(i16, bool)>,
    month: u8,
    day: Option<u8>,
) -> Option<DateMention> {
    if !(1..=12).contains(&month) || day.is_some_and(|d| !(1..=31).contains(&d)) {
        return None;
    }
    let m = DateMention {
        start,
        end,
        form,
        year: year.map(|(y, _)| y),
        month,
        day,
        two_digit_year: year.is_some_and(|(_, two)| two),
        valid: false,
        weekday: None,
        weekday_mismatch: false,
    };
    Some(m.refreshed())
}

/// The date does not start inside a word or a glued number (`RS/1321/2015`).
fn leading_ok(text: &str, pos: usize) -> bool {
    let Some(before) = text.get(..pos) else {
        return false;
    };
    let mut it = before.chars().rev();
    match it.next() {
        None => true,
        Some(p) if is_word(p) => false,
        Some(p) if CONNECTORS.contains(&p) => !it.next().is_some_and(is_word),
        Some(_) => true,
    }
}

/// The date is not followed by a letter or digit, nor glued to a further
/// number (`780101-8917`, `2024-11-45`).
fn trailing_ok(text: &str, end: usize) -> bool {
    let Some(after) = text.get(end..) else {
        return false;
    };
    let mut it = after.chars();
    match it.next() {
        None => true,
        Some(n) if is_word(n) => false,
        Some(n) if CONNECTORS.contains(&n) => !it.next().is_some_and(|c| c.is_ascii_digit()),
        Some(_) => true,
    }
}

/// Length of a range separator (`-`, `–`, ` – `) at `pos`.
fn sep_len(text: &str, pos: usize) -> Option<usize> {
    let (mut len, mut spaces, mut dash) = (0, 0, false);
    for c in text.get(pos..)?.chars() {
        if is_hspace(c) && spaces < 3 {
            spaces += 1;
        } else if !dash && DASHES.contains(&c) {
            dash = true;
            spaces = 0;
        } else {
            break;
        }
        len += c.len_utf8();
    }
    dash.then_some(len)
}

fn pick(cands: &Cands, ok: impl Fn(usize) -> bool) -> Option<DateMention> {
    cands.iter().flatten().find(|m| ok(m.end)).cloned()
}

struct MonthPart {
    month: u8,
    /// End of the month name (with its dot if it is an abbreviation).
    end: usize,
    /// A four-digit year after the name, and where it ends.
    year: Option<(i16, usize)>,
}

/// `december`, `dec.`, `december 2023` at `pos`.
fn month_part(r: &Res, text: &str, pos: usize) -> Option<MonthPart> {
    let w = window(text, pos)?;
    // Most words are no month: test the word before running the regex.
    let word_end = w.find(|c: char| !is_letter(c)).unwrap_or(w.len());
    month_from_swedish(w.get(..word_end)?)?;
    let c = r.month_part.captures(w)?;
    let word = c.get(1)?;
    let month = month_from_swedish(word.as_str())?;
    let full = MONTHS_SV.contains(&word.as_str().to_lowercase().as_str());
    // After a full name a dot ends the sentence: "5 mars. 2024" is 5 mars.
    let dot = c.get(2);
    let end = pos + dot.filter(|_| !full).map_or(word.end(), |d| d.end());
    let year = match year4(&c, 3) {
        Some((y, _)) if !(full && dot.is_some()) => c.get(3).map(|m| (y, pos + m.end())),
        _ => None,
    };
    Some(MonthPart { month, end, year })
}

/// Whether a month name may follow a day number that ends at `end`
/// (`21 december`, `1:a maj`): white space, then a word that begins like a
/// month. Most numbers in a text are followed by other words, and this
/// test spares them the regexes of [`written_cands`].
fn month_may_follow(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    let rest = match rest.strip_prefix(':') {
        Some(ordinal) => ordinal.get(1..).unwrap_or(""),
        None => rest,
    };
    let word = rest.trim_start_matches(is_hspace);
    word.len() < rest.len() && may_be_date_name(word)
}

/// `21 december 2023`, `1:a maj` at `pos`.
fn written_cands(r: &Res, text: &str, pos: usize) -> Option<Cands> {
    let c = r.day_prefix.captures(window(text, pos)?)?;
    let day = num(&c, 1)?;
    let mp = month_part(r, text, pos + c.get(0)?.end())?;
    let base = dm(DateForm::Written, pos, mp.end, None, mp.month, Some(day))?;
    let with_year = mp.year.and_then(|(y, end)| {
        dm(
            DateForm::Written,
            pos,
            end,
            Some((y, false)),
            mp.month,
            Some(day),
        )
    });
    Some([with_year, Some(base)])
}

/// The readings of the one form that matches at `pos`.
fn cands_at(r: &Res, text: &str, pos: usize, compact: bool) -> Cands {
    cands_inner(r, text, pos, compact).unwrap_or_default()
}

fn cands_inner(r: &Res, text: &str, pos: usize, compact: bool) -> Option<Cands> {
    use DateForm::*;
    let w = window(text, pos)?;
    if is_letter(w.chars().next()?) {
        // Most words are no weekday: test the word before running the regex.
        let word_end = w.find(|c: char| !is_letter(c)).unwrap_or(w.len());
        weekday_from_swedish(&w[..word_end])?;
        let c = r.weekday.captures(w)?;
        let wd = weekday_from_swedish(c.get(1)?.as_str())?;
        let inner = written_cands(r, text, pos + c.get(0)?.end())?;
        return Some(inner.map(|m| {
            m.map(|m| {
                DateMention {
                    start: pos,
                    form: WeekdayWritten,
                    weekday: Some(wd),
                    ..m
                }
                .refreshed()
            })
        }));
    }
    let b = w.as_bytes();
    let n = b.iter().take_while(|b| b.is_ascii_digit()).count();
    let end = |c: &Captures<'_>| c.get(0).map_or(pos, |m| pos + m.end());
    let one = |m: Option<DateMention>| Some([m, None]);
    match (n, b.get(n)) {
        (4, Some(b'-')) => {
            let c = r.iso.captures(w)?;
            let day = match c.get(3) {
                Some(_) => Some(num(&c, 3)?),
                None => None,
            };
            let form = if day.is_some() { Iso } else { IsoMonth };
            one(dm(
                form,
                pos,
                end(&c),
                Some(year4(&c, 1)?),
                num(&c, 2)?,
                day,
            ))
        }
        (4, Some(b'.')) => {
            let c = r.dotted_ymd.captures(w)?;
            let year = Some(year4(&c, 1)?);
            one(dm(
                Dotted,
                pos,
                end(&c),
                year,
                num(&c, 2)?,
                Some(num(&c, 3)?),
            ))
        }
        (1 | 2, Some(b'/')) => {
            let c = r.slash.captures(w)?;
            let (form, year) = match (c.get(3), c.get(4)) {
                (Some(y), _) if y.len() == 4 => (SlashDash, year4(&c, 3)?),
                (Some(_), _) => (SlashDash, year2(&c, 3)?),
                (None, Some(_)) => (SlashSpace, year4(&c, 4)?),
                (None, None) => return None,
            };
            one(dm(
                form,
                pos,
                end(&c),
                Some(year),
                num(&c, 2)?,
                Some(num(&c, 1)?),
            ))
        }
        (1 | 2, Some(b'.')) => {
            let c = r.dotted_dmy.captures(w)?;
            let year = Some(year4(&c, 3)?);
            one(dm(
                Dotted,
                pos,
                end(&c),
                year,
                num(&c, 2)?,
                Some(num(&c, 1)?),
            ))
        }
        (2, Some(b'-')) => {
            let c = r.two_iso.captures(w)?;
            let m = dm(
                TwoDigitIso,
                pos,
                end(&c),
                Some(year2(&c, 1)?),
                num(&c, 2)?,
                Some(num(&c, 3)?),
            );
            one(m.filter(|m| m.valid))
        }
        (6, _) if compact => {
            let c = r.compact.captures(w)?;
            one(dm(
                Compact,
                pos,
                end(&c),
                Some(year2(&c, 1)?),
                num(&c, 2)?,
                Some(num(&c, 3)?),
            ))
        }
        (1 | 2, _) if month_may_follow(text, pos + n) => written_cands(r, text, pos),
        _ => None,
    }
}

/// A range starting at `pos`; `cands` are the readings at `pos`.
fn range_at(
    r: &Res,
    text: &str,
    pos: usize,
    compact: bool,
    cands: &Cands,
) -> Option<(DateRange, Option<DateMention>)> {
    use DateForm::*;
    let end_at = |e: usize| pick(&cands_at(r, text, e, compact), |x| trailing_ok(text, x));
    let after_sep = |e: usize| sep_len(text, e).map(|l| e + l);
    // Two complete dates: "2024-01-01–2024-03-31", "1 mars – 3 april 2024".
    if let Some(s) = pick(cands, |e| sep_len(text, e).is_some()) {
        if let Some(en) = after_sep(s.end).and_then(end_at) {
            if s.day.is_some() == en.day.is_some() && (s.year.is_none() || en.year.is_some()) {
                return Some((join(s.clone(), en), Some(s)));
            }
        }
    }
    let w = window(text, pos)?;
    let b = w.as_bytes();
    let n = b.iter().take_while(|b| b.is_ascii_digit()).count();
    let (start, end) = match (n, b.get(n)) {
        // "1/1–31/3-2024", "20/10 – 30/10-2024"
        (1 | 2, Some(b'/')) => {
            let c = r.slash.captures(w)?;
            let e = pos + c.get(2)?.end();
            let en = end_at(after_sep(e)?).filter(|m| matches!(m.form, SlashDash | SlashSpace))?;
            (
                dm(en.form, pos, e, None, num(&c, 2)?, Some(num(&c, 1)?))?,
                en,
            )
        }
        // "1–3 mars 2024"
        (1 | 2, _) => {
            let en = end_at(after_sep(pos + n)?).filter(|m| m.form == Written)?;
            let day = w.get(..n)?.parse().ok();
            (dm(Written, pos, pos + n, None, en.month, day)?, en)
        }
        // "januari–juni 2026"
        (0, _) => {
            let sp = month_part(r, text, pos)?;
            let (sy, se) = match sp.year {
                Some((y, e)) if sep_len(text, e).is_some() => (Some((y, false)), e),
                _ => (None, sp.end),
            };
            let es = after_sep(se)?;
            let ep = month_part(r, text, es)?;
            let (ey, ee) = match ep.year {
                Some((y, e)) if trailing_ok(text, e) => (Some((y, false)), e),
                _ => (None, ep.end),
            };
            if !trailing_ok(text, ee) || (sy.is_some() && ey.is_none()) {
                return None;
            }
            let s = dm(Written, pos, se, sy, sp.month, None)?;
            (s, dm(Written, es, ee, ey, ep.month, None)?)
        }
        _ => return None,
    };
    Some((join(start, end), None))
}

fn join(start: DateMention, end: DateMention) -> DateRange {
    let start = match (start.year, end.year) {
        (None, Some(y)) if start.month > end.month => start.with_year(y.saturating_sub(1)),
        (None, Some(y)) => start.with_year(y),
        _ => start,
    };
    DateRange {
        span: (start.start, end.end),
        start,
        end,
    }
}

/// The first letters of the month and weekday names (all ASCII), as a
/// table by byte: most words of a text are rejected by one look-up.
const DATE_NAME_INITIALS: [bool; 128] = {
    let mut table = [false; 128];
    let mut i = 0;
    while i < DATE_NAMES.len() {
        table[DATE_NAMES[i].as_bytes()[0] as usize] = true;
        i += 1;
    }
    table
};

/// The month and weekday names, for the tables below.
const DATE_NAMES: [&str; 19] = {
    let mut names = [""; 19];
    let mut i = 0;
    while i < MONTHS_SV.len() {
        names[i] = MONTHS_SV[i];
        i += 1;
    }
    while i < names.len() {
        names[i] = WEEKDAYS_SV[i - MONTHS_SV.len()].0;
        i += 1;
    }
    names
};

/// The first two letters of the names whose second letter is ASCII (all
/// but `må`, `lö`, `sö`), by letter: `[first - 'a'][second - 'a']`.
const DATE_NAME_PAIRS: [[bool; 26]; 26] = {
    let mut table = [[false; 26]; 26];
    let mut i = 0;
    while i < DATE_NAMES.len() {
        let b = DATE_NAMES[i].as_bytes();
        if b[1].is_ascii_lowercase() {
            table[(b[0] - b'a') as usize][(b[1] - b'a') as usize] = true;
        }
        i += 1;
    }
    table
};

/// The first three letters of every month and weekday name.
static DATE_NAME_PREFIXES: LazyLock<Vec<[char; 3]>> = LazyLock::new(|| {
    DATE_NAMES
        .iter()
        .map(|name| {
            let mut first = ['\0'; 3];
            for (slot, c) in first.iter_mut().zip(name.chars()) {
                *slot = c;
            }
            first
        })
        .collect()
});

/// Whether the word at the start of `s` may be a month or weekday name:
/// its first three letters, in either case, begin one (the abbreviations,
/// `jan` … `dec` and `sept`, begin their full names). Every date that
/// starts with a letter starts with such a name; other words are skipped
/// without trying every form.
fn may_be_date_name(s: &str) -> bool {
    // Most words are ruled out by their first two letters, looked up in
    // tables; the rest are compared letter by letter.
    let bytes = s.as_bytes();
    let initial = bytes.first().map_or(0, u8::to_ascii_lowercase);
    if !DATE_NAME_INITIALS
        .get(usize::from(initial))
        .copied()
        .unwrap_or(false)
    {
        return false;
    }
    match bytes.get(1).map(u8::to_ascii_lowercase) {
        Some(second @ b'a'..=b'z') => {
            let pair = DATE_NAME_PAIRS
                .get(usize::from(initial.wrapping_sub(b'a')))
                .and_then(|row| row.get(usize::from(second - b'a')));
            if pair != Some(&true) {
                return false;
            }
        }
        Some(second) if second.is_ascii() => return false,
        _ => {}
    }
    let mut first = ['\0'; 3];
    let mut chars = s.chars();
    for slot in &mut first {
        *slot = match chars.next() {
            Some(c @ ('Å' | 'Ä' | 'Ö')) => c.to_lowercase().next().unwrap_or(c),
            Some(c) => c.to_ascii_lowercase(),
            None => return false,
        };
    }
    DATE_NAME_PREFIXES.contains(&first)
}

fn scan_items(text: &str, compact: bool) -> Vec<Item> {
    let Some(r) = res() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        if !is_word(c) {
            i += c.len_utf8();
            continue;
        }
        // A date that starts with a letter starts with a weekday or a month
        // name: other words are skipped without trying every form.
        let may_start = !is_letter(c) || text.get(i..).is_some_and(may_be_date_name);
        if may_start && leading_ok(text, i) {
            let cands = cands_at(r, text, i, compact);
            if let Some((range, lone)) = range_at(r, text, i, compact, &cands) {
                i = range.span.1;
                out.push(Item::Range(range, lone));
                continue;
            }
            if let Some(m) = pick(&cands, |e| trailing_ok(text, e)) {
                i = m.end;
                out.push(Item::One(m));
                continue;
            }
        }
        // Skip the rest of this word or number: dates start at token starts.
        i = word_end(text, i).max(i + c.len_utf8());
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    type Ymd = (Option<i16>, u8, Option<u8>);
    type Full = (i16, u8, Option<u8>);

    const DEF: ScanOptions = ScanOptions { compact: false };

    fn one(s: &str) -> DateMention {
        parse_date(s).unwrap_or_else(|| panic!("no date in {s:?}"))
    }

    fn ymd(m: &DateMention) -> Ymd {
        (m.year, m.month, m.day)
    }

    #[test]
    fn every_month_and_weekday_name_passes_the_prefix_test() {
        let abbrevs = [
            "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "sept", "okt", "nov",
            "dec",
        ];
        let names = MONTHS_SV
            .iter()
            .copied()
            .chain(abbrevs)
            .chain(WEEKDAYS_SV.iter().map(|(n, _)| *n));
        for name in names {
            let upper = name.to_uppercase();
            let mut title = upper.chars().take(1).collect::<String>();
            title.push_str(&name[name.chars().next().map_or(0, char::len_utf8)..]);
            for w in [name.to_string(), upper, title, format!("{name}en")] {
                assert!(may_be_date_name(&w), "{w}");
            }
        }
        for w in [
            "och",
            "att",
            "som",
            "till",
            "för",
            "de",
            "ma",
            "Målet",
            "Sjukvård",
        ] {
            assert!(!may_be_date_name(w), "{w}");
        }
    }

    fn found(text: &str) -> Vec<&str> {
        scan_dates(text, &DEF)
            .iter()
            .map(|m| &text[m.start..m.end])
            .collect()
    }

    #[test]
    fn regexes_compile() {
        assert!(res().is_some());
    }

    #[test]
    fn every_form() {
        use DateForm::*;
        let cases: &[(&str, DateForm, Ymd, bool)] = &[
            ("2024-11-22", Iso, (Some(2024), 11, Some(22)), false),
            ("2024-11", IsoMonth, (Some(2024), 11, None), false),
            ("21/12-2023", SlashDash, (Some(2023), 12, Some(21)), false),
            ("1/1-2024", SlashDash, (Some(2024), 1, Some(1)), false),
            ("30/6-24", SlashDash, (Some(2024), 6, Some(30)), true),
            ("8/12-24", SlashDash, (Some(2024), 12, Some(8)), true),
            ("8/12-98", SlashDash, (Some(1998), 12, Some(8)), true),
            ("20/10 2024", SlashSpace, (Some(2024), 10, Some(20)), false),
            ("2023.12.21", Dotted, (Some(2023), 12, Some(21)), false),
            ("21.12.2023", Dotted, (Some(2023), 12, Some(21)), false),
            ("23-12-21", TwoDigitIso, (Some(2023), 12, Some(21)), true),
            (
                "21 december 2023",
                Written,
                (Some(2023), 12, Some(21)),
                false,
            ),
            ("21 dec 2023", Written, (Some(2023), 12, Some(21)), false),
            ("21 dec. 2023", Written, (Some(2023), 12, Some(21)), false),
            ("5 Sept. 2024", Written, (Some(2024), 9, Some(5)), false),
            ("den 21 december", Written, (None, 12, Some(21)), false),
            ("1:a maj 2024", Written, (Some(2024), 5, Some(1)), false),
            (
                "21\u{a0}december\u{a0}2023",
                Written,
                (Some(2023), 12, Some(21)),
                false,
            ),
            (
                "måndagen den 19 augusti",
                WeekdayWritten,
                (None, 8, Some(19)),
                false,
            ),
            (
                "måndag 19 augusti 2024",
                WeekdayWritten,
                (Some(2024), 8, Some(19)),
                false,
            ),
            (
                "Måndag den 19 Augusti 2024",
                WeekdayWritten,
                (Some(2024), 8, Some(19)),
                false,
            ),
        ];
        for (s, form, want, two) in cases {
            let m = one(s);
            assert_eq!(
                (m.form, ymd(&m), m.two_digit_year),
                (*form, *want, *two),
                "{s}"
            );
            assert!(m.valid, "{s}");
            assert!(!m.weekday_mismatch, "{s}");
            assert_eq!(found(s).len(), 1, "{s}");
        }
        assert_eq!(one("  2024-11-22 ").start, 2);
        assert_eq!(one("den 21 december").start, 4);
    }

    #[test]
    fn compact_only_when_asked() {
        let on = ScanOptions { compact: true };
        assert!(found("240425").is_empty());
        assert!(parse_date("240425").is_none());
        let m = scan_dates("Beslut 240425.", &on);
        assert_eq!(m.len(), 1);
        assert_eq!(
            (m[0].form, ymd(&m[0])),
            (DateForm::Compact, (Some(2024), 4, Some(25)))
        );
        for s in ["780101-8917", "232100-0222", "1234567", "12345"] {
            assert!(scan_dates(s, &on).is_empty(), "{s}");
        }
    }

    #[test]
    fn offsets_after_swedish_letters() {
        let t =
            "Mötet i Umeå äger rum 2024-11-22, åter den 21 december 2023 och lördagen den 4 maj.";
        let ms = scan_dates(t, &DEF);
        let got: Vec<&str> = ms.iter().map(|m| &t[m.start..m.end]).collect();
        assert_eq!(
            got,
            ["2024-11-22", "21 december 2023", "lördagen den 4 maj"]
        );
        assert_eq!(ms[0].start, t.find("2024").unwrap());
        assert_eq!(ms[2].weekday, Some(Weekday::Saturday));
    }

    #[test]
    fn not_dates() {
        let cases = [
            "RS/1321/2015",
            "RUN 62-2024",
            "Dnr 12/2023",
            "rapport 11/2023",
            "1/2 tjänst",
            "2009:600",
            "(2019:944)",
            "3.0",
            "1.2.3",
            "9:00",
            "9.00",
            "kl. 13.15",
            "070-123 45 67",
            "08-123 456 78",
            "08-12-34",
            "232100-0222",
            "780101-8917",
            "2024-2027",
            "2024–2027",
            "2019-20",
            "45 %",
            "2.500 kr",
            "5,7 procent",
            "BP2",
            "MS1-3",
            "A4",
            "1234-56-78",
            "0701-12-12",
            "2.1",
            "3.4.1",
            "2024-11-45",
            "32 januari 2024",
            "0 januari",
            "1/13-2024",
            "0/1-2024",
            "2024-13-01",
            "2024-00",
            "12 mar2024",
            "21 decembers",
            "23-02-30",
        ];
        for s in cases {
            assert!(found(s).is_empty(), "{s}: {:?}", found(s));
            assert!(parse_date(s).is_none(), "{s}");
            let t = format!("Se {s} i Umeå.");
            assert!(found(&t).is_empty(), "{t}: {:?}", found(&t));
            assert!(scan_ranges(&t).is_empty(), "{t}");
        }
    }

    #[test]
    fn invalid_dates_are_reported() {
        for (s, want) in [
            ("31/4-2024", (Some(2024), 4, Some(31))),
            ("2023-02-29", (Some(2023), 2, Some(29))),
            ("2024-02-30", (Some(2024), 2, Some(30))),
            ("30 februari 2024", (Some(2024), 2, Some(30))),
            ("30 februari", (None, 2, Some(30))),
            ("31 juni", (None, 6, Some(31))),
        ] {
            let m = one(s);
            assert_eq!(ymd(&m), want, "{s}");
            assert!(!m.valid, "{s}");
            assert_eq!(found(&format!("Den {s}.")), [s]);
        }
        assert!(one("29 februari").valid);
        assert!(one("2024-02-29").valid);
        assert!(!one("29 februari").with_year(2023).valid);
    }

    #[test]
    fn weekdays() {
        let m = one("måndagen den 19 augusti");
        assert_eq!(m.weekday, Some(Weekday::Monday));
        assert!(!m.with_year(2024).weekday_mismatch);
        assert!(m.with_year(2025).weekday_mismatch);
        let m = one("tisdag 19 augusti 2024");
        assert!(m.weekday_mismatch && m.valid);
        assert!(parse_date("måndag").is_none());
        assert!(parse_date("måndag den").is_none());
        assert!(found("På måndag den 3:e tar vi det.").is_empty());
    }

    #[test]
    fn helpers() {
        assert_eq!(month_from_swedish("Mars"), Some(3));
        assert_eq!(month_from_swedish("mar."), Some(3));
        assert_eq!(month_from_swedish("SEPT"), Some(9));
        assert_eq!(month_from_swedish("maj"), Some(5));
        assert_eq!(month_from_swedish(" december "), Some(12));
        assert_eq!(month_from_swedish("decem"), None);
        assert_eq!(month_from_swedish(""), None);
        assert_eq!(weekday_from_swedish("Söndagen"), Some(Weekday::Sunday));
        assert_eq!(weekday_from_swedish("fredag"), Some(Weekday::Friday));
        assert_eq!(weekday_from_swedish("fre"), None);
        assert_eq!(weekday_from_swedish("en"), None);
        let m = one("21/12-2023");
        assert_eq!(m.iso().as_deref(), Some("2023-12-21"));
        assert_eq!(m.written_sv().as_deref(), Some("21 december 2023"));
        assert_eq!(m.to_civil(), Date::new(2023, 12, 21).ok());
        let m = one("2024-11");
        assert_eq!(m.iso().as_deref(), Some("2024-11"));
        assert_eq!(m.written_sv().as_deref(), Some("november 2024"));
        assert_eq!(m.to_civil(), None);
        let m = one("1 mar.");
        assert_eq!(m.iso(), None);
        assert_eq!(m.written_sv().as_deref(), Some("1 mars"));
        let m = m.with_year(2024);
        assert_eq!(
            (m.year, m.iso().as_deref()),
            (Some(2024), Some("2024-03-01"))
        );
        assert_eq!(one("2023-02-29").to_civil(), None);
    }

    #[test]
    fn written_edges() {
        assert_eq!(found("Vi ses 5 mars."), ["5 mars"]);
        assert_eq!(found("Vi ses 5 mar. Sedan"), ["5 mar."]);
        assert_eq!(found("Vi ses 5 mars. 2024 blir bra"), ["5 mars"]);
        assert_eq!(found("den 1 januari 2009:600 gäller"), ["1 januari"]);
        assert_eq!(found("den 5 maj 20245"), ["5 maj"]);
        assert_eq!(found("(21 december 2023)"), ["21 december 2023"]);
        assert_eq!(found("2024-11-22.\n2024-11"), ["2024-11-22", "2024-11"]);
        assert_eq!(one("2024-11-22").end, 10);
        assert_eq!(found("Antal: 3\nMaj Larsson"), Vec::<&str>::new());
        assert_eq!(
            found("21\u{202f}dec\u{2009}2023"),
            ["21\u{202f}dec\u{2009}2023"]
        );
    }

    fn range(t: &str) -> (DateRange, &str) {
        let rs = scan_ranges(t);
        assert_eq!(rs.len(), 1, "{t}: {rs:?}");
        let r = rs.into_iter().next().unwrap();
        let s = &t[r.span.0..r.span.1];
        (r, s)
    }

    #[test]
    fn ranges() {
        use DateForm::*;
        let cases: &[(&str, &str, Full, Full, DateForm)] = &[
            (
                "Period 1/1–31/3-2024.",
                "1/1–31/3-2024",
                (2024, 1, Some(1)),
                (2024, 3, Some(31)),
                SlashDash,
            ),
            (
                "1/1-31/3-2024",
                "1/1-31/3-2024",
                (2024, 1, Some(1)),
                (2024, 3, Some(31)),
                SlashDash,
            ),
            (
                "från 2024-01-01–2024-03-31 gäller",
                "2024-01-01–2024-03-31",
                (2024, 1, Some(1)),
                (2024, 3, Some(31)),
                Iso,
            ),
            (
                "2024-01-01-2024-03-31",
                "2024-01-01-2024-03-31",
                (2024, 1, Some(1)),
                (2024, 3, Some(31)),
                Iso,
            ),
            (
                "Umeå 20/10 – 30/10-2024",
                "20/10 – 30/10-2024",
                (2024, 10, Some(20)),
                (2024, 10, Some(30)),
                SlashDash,
            ),
            (
                "20/10-30/10 2024",
                "20/10-30/10 2024",
                (2024, 10, Some(20)),
                (2024, 10, Some(30)),
                SlashSpace,
            ),
            (
                "Kursen 1–3 mars 2024 i Åre",
                "1–3 mars 2024",
                (2024, 3, Some(1)),
                (2024, 3, Some(3)),
                Written,
            ),
            (
                "under januari–juni 2026.",
                "januari–juni 2026",
                (2026, 1, None),
                (2026, 6, None),
                Written,
            ),
            (
                "1 mars – 3 april 2024",
                "1 mars – 3 april 2024",
                (2024, 3, Some(1)),
                (2024, 4, Some(3)),
                Written,
            ),
            (
                "30/12–2/1-2024",
                "30/12–2/1-2024",
                (2023, 12, Some(30)),
                (2024, 1, Some(2)),
                SlashDash,
            ),
            (
                "2024-01–2024-06",
                "2024-01–2024-06",
                (2024, 1, None),
                (2024, 6, None),
                IsoMonth,
            ),
            (
                "januari 2025 – mars 2026",
                "januari 2025 – mars 2026",
                (2025, 1, None),
                (2026, 3, None),
                Written,
            ),
        ];
        for (t, span, s, e, form) in cases {
            let (r, got) = range(t);
            assert_eq!(got, *span, "{t}");
            assert_eq!(
                (r.start.year.unwrap(), r.start.month, r.start.day),
                *s,
                "{t}"
            );
            assert_eq!((r.end.year.unwrap(), r.end.month, r.end.day), *e, "{t}");
            assert_eq!(r.start.form, *form, "{t}");
            assert!(r.start.valid && r.end.valid, "{t}");
            assert_eq!(&t[r.start.start..r.end.end], *span);
        }
        let list = "Möten:\n- 2024-01-15\n- 2024-02-20\n";
        assert!(scan_ranges(list).is_empty());
        assert_eq!(found(list), ["2024-01-15", "2024-02-20"]);
        let (r, _) = range("maj–juni");
        assert_eq!((r.start.year, r.start.month, r.end.month), (None, 5, 6));
        // scan_dates keeps the ends that are dates on their own.
        assert_eq!(found("1/1–31/3-2024"), ["31/3-2024"]);
        assert_eq!(found("1–3 mars 2024"), ["3 mars 2024"]);
        assert_eq!(found("2024-01-01-2024-03-31"), ["2024-01-01", "2024-03-31"]);
        assert_eq!(found("1 mars – 3 april 2024"), ["1 mars", "3 april 2024"]);
        assert_eq!(scan_dates("1 mars – 3 april 2024", &DEF)[0].year, None);
        assert!(found("januari–juni 2026").is_empty());
        // Invalid ends are kept with valid = false.
        let (r, _) = range("31/4–2/5-2024");
        assert!(!r.start.valid && r.end.valid);
        for t in [
            "2024-2027",
            "MS1-3 mars",
            "januari 2024 – juni",
            "RUN 12-2024",
            "1-3",
        ] {
            assert!(scan_ranges(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn hostile_inputs() {
        let long_digits = "9".repeat(100_000);
        for s in [
            "",
            " ",
            "99999999999999999999/99999999999-99999999999",
            "4294967296-4294967296-4294967296",
            "99/99-9999 99.99.9999 99 december 99999",
            "\u{0663}\u{0663}/\u{0663}-\u{0663}\u{0663}\u{0663}\u{0663}",
            "1/1-2024\u{0301}",
            "21 decemberé 2023",
            "5 ".repeat(10_000).as_str(),
            long_digits.as_str(),
        ] {
            let _ = scan_dates(s, &ScanOptions { compact: true });
            let _ = scan_ranges(s);
            let _ = parse_date(s);
        }
        let m = DateMention {
            month: 200,
            day: Some(250),
            ..one("2024-11-22")
        };
        assert_eq!((m.to_civil(), m.iso(), m.written_sv()), (None, None, None));
        assert!(!m.refreshed().valid);
        assert!(!one("1 maj").with_year(i16::MIN).valid);
    }

    #[test]
    fn scanning_a_megabyte_completes() {
        let alphabet = b"0123456789/-. 0123456789/ ";
        let mut x: u32 = 12345;
        let mut s = String::with_capacity(1 << 20);
        while s.len() < 1 << 20 {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            s.push(char::from(alphabet[(x >> 16) as usize % alphabet.len()]));
        }
        let ms = scan_dates(&s, &ScanOptions { compact: true });
        assert!(ms.windows(2).all(|w| w[0].end <= w[1].start));
        let _ = scan_ranges(&s);
        let words = "1 januari 2024 måndagen den ".repeat(40_000);
        assert!(scan_dates(&words, &DEF).len() >= 40_000);
    }

    const ABBREVS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
    ];

    fn spellings(date: Date, dot: bool, sept: bool, definite: bool) -> Vec<String> {
        let (y, m, d) = (date.year(), date.month(), date.day());
        let full = MONTHS_SV[m as usize - 1];
        let mut abbr = ABBREVS[m as usize - 1].to_string();
        if sept && m == 9 {
            abbr = "sept".into();
        }
        if dot && m != 5 {
            abbr.push('.');
        }
        let wd = WEEKDAYS_SV
            .iter()
            .find(|(_, w)| *w == date.weekday())
            .unwrap()
            .0;
        let wd = if definite {
            format!("{wd}en den")
        } else {
            wd.to_string()
        };
        let mut v = vec![
            format!("{y}-{m:02}-{d:02}"),
            format!("{d}/{m}-{y}"),
            format!("{d:02}/{m:02}-{y}"),
            format!("{d}/{m} {y}"),
            format!("{d} {full} {y}"),
            format!("{d} {abbr} {y}"),
            format!("{y}.{m:02}.{d:02}"),
            format!("{d}.{m}.{y}"),
            format!("{wd} {d} {full} {y}"),
        ];
        if (2000..=2069).contains(&y) {
            let yy = y % 100;
            v.push(format!("{d}/{m}-{yy:02}"));
            v.push(format!("{yy:02}-{m:02}-{d:02}"));
        }
        v
    }

    fn token_soup() -> impl Strategy<Value = String> {
        let tokens = prop::sample::select(vec![
            "2024",
            "-",
            "–",
            "11",
            "/",
            " ",
            "  ",
            ".",
            ":",
            ",",
            "1",
            "31",
            "30",
            "02",
            "29",
            "den",
            "mars",
            "dec.",
            "maj",
            "måndagen",
            "fredag",
            "Umeå",
            "é",
            "\u{a0}",
            "\n",
            "240425",
            "-8917",
            "24",
            "1:a",
            "juni",
            "2026",
            "x",
            "_",
        ]);
        prop::collection::vec(tokens, 0..40).prop_map(|v| v.concat())
    }

    fn check_spans(text: &str, opts: &ScanOptions) {
        let ms = scan_dates(text, opts);
        for m in &ms {
            assert!(m.start < m.end && m.end <= text.len());
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        }
        assert!(ms.windows(2).all(|w| w[0].end <= w[1].start), "{text:?}");
        if !opts.compact {
            for m in &ms {
                let p = parse_date(&text[m.start..m.end]);
                let p = p.unwrap_or_else(|| panic!("{text:?}: {m:?}"));
                assert_eq!(
                    (p.form, ymd(&p), p.valid),
                    (m.form, ymd(m), m.valid),
                    "{text:?}"
                );
            }
        }
        let rs = scan_ranges(text);
        for r in &rs {
            assert!(text.is_char_boundary(r.span.0) && text.is_char_boundary(r.span.1));
            assert!(r.span.0 < r.span.1 && r.start.end <= r.end.start);
        }
        assert!(rs.windows(2).all(|w| w[0].span.1 <= w[1].span.0));
    }

    proptest! {
        #[test]
        fn every_spelling_parses_and_scans(
            y in 1990i16..=2060, m in 1i8..=12, d in 1i8..=31,
            dot: bool, sept: bool, definite: bool,
        ) {
            let Ok(date) = Date::new(y, m, d) else { return Ok(()) };
            let want = (Some(y), m as u8, Some(d as u8));
            for s in spellings(date, dot, sept, definite) {
                let p = parse_date(&s);
                prop_assert!(p.is_some(), "{}", s);
                let p = p.unwrap();
                prop_assert_eq!(ymd(&p), want, "{}", &s);
                prop_assert!(p.valid && !p.weekday_mismatch, "{}", &s);
                let text = format!("Mötet den {s} i Umeå.");
                let ms = scan_dates(&text, &DEF);
                prop_assert_eq!(ms.len(), 1, "{}", &text);
                let start = "Mötet den ".len();
                prop_assert_eq!((ms[0].start, ms[0].end), (start, start + s.len()), "{}", &text);
                prop_assert_eq!(ymd(&ms[0]), want, "{}", &text);
            }
        }

        #[test]
        fn scan_is_total_on_any_string(s in "\\PC{0,120}") {
            check_spans(&s, &DEF);
            check_spans(&s, &ScanOptions { compact: true });
            let _ = parse_date(&s);
        }

        #[test]
        fn scan_is_total_on_date_like_soup(s in token_soup()) {
            check_spans(&s, &DEF);
            check_spans(&s, &ScanOptions { compact: true });
            if let Some(m) = parse_date(&s) {
                prop_assert!(m.end == s.trim_end().len());
            }
        }
    }
}
