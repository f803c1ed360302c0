//! Identifiers in running text that writing rules must leave alone:
//! diarienummer, law references, URLs, e-mail addresses, phone numbers,
//! version and section numbers, ISO dates, times, personal identity and
//! organisation numbers, and standards (`SS-EN ISO 9001:2015`).
//!
//! `2024-2027` is a range to write with an en dash, but `RUN 62-2024` is a
//! case number and `090-785 00 00` a phone number; `2.500` is a thousand
//! written with a dot, but `v2.500` is a version. The writing rules ask this
//! module where the identifiers are and skip every hit that overlaps one.

mod bytes;
mod gates;
#[cfg(test)]
mod reference;
#[cfg(test)]
mod tests;

use crate::model::Span;
use crate::pattern::Pattern as LazyRegex;
use gates::{
    Gate, Hint, LineFacts, CASE_WORDS, CLOCK, COLON, DASH, DOT, GIRO_WORDS, PLUS, SLASH,
    SLASH_DIGIT, TWO_DOTS, VERSION_WORDS, V_DIGIT, YEAR_MONTH,
};
use memchr::memmem::Finder;
use serde::Deserialize;
use std::sync::LazyLock;

/// The kinds of identifier, as named in a rule pack's `skip:` list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum IdentifierKind {
    /// `https://www.regionvasterbotten.se/…`, `www.example.se`
    Url,
    /// `registrator@region.se`
    Email,
    /// Diarienummer: `RS/1321/2015`, `RUN 62-2024`, `KS 2023/145`, `Dnr 12/2023`
    CaseNumber,
    /// `2009:600`, `Lag (2019:944)`, `SFS 2017:725`, `prop. 2008/09:153`
    LawReference,
    /// `090-785 00 00`, `+46 90 785 00 00`, `070-123 45 67`
    Phone,
    /// `v1.2.3`, `version 4.1`, `UPPDRAGiL 3.0`, section numbers `3.4.1`
    Version,
    /// `2024-11-22`, `2024-11`, `2024-11-22T10:00`
    IsoDate,
    /// `9.00`, `13:45`
    Time,
    /// Personal identity, organisation and giro numbers: `780101-8917`,
    /// `232100-0222`, `Bankgiro 1234-5678`
    IdNumber,
    /// `SS-EN ISO 9001:2015`, `ISO/IEC 27001`, `EN 50126-1`
    Standard,
}

impl IdentifierKind {
    pub const ALL: [IdentifierKind; 10] = [
        IdentifierKind::Url,
        IdentifierKind::Email,
        IdentifierKind::CaseNumber,
        IdentifierKind::LawReference,
        IdentifierKind::Phone,
        IdentifierKind::Version,
        IdentifierKind::IsoDate,
        IdentifierKind::Time,
        IdentifierKind::IdNumber,
        IdentifierKind::Standard,
    ];
}

/// One identifier found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Identifier {
    pub kind: IdentifierKind,
    pub span: Span,
}

/// One pattern of the table: the regex as written, and for the patterns
/// made of digits the same with ASCII word boundaries, searched instead on
/// the lines where [`LineFacts::digits_clean`] shows both find the same.
/// Each is compiled the first time a line needs it (most documents need
/// only some of them).
struct Pattern {
    kind: IdentifierKind,
    re: LazyRegex,
    ascii: Option<LazyRegex>,
    gate: Gate,
}

/// The patterns, in the order their matches are pushed. The `bool` marks
/// those whose every `\b` has an ASCII digit of the match on one side
/// (see [`LineFacts::digits_clean`]).
static PATTERNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    use IdentifierKind::*;
    let table: [(IdentifierKind, &str, Gate, bool); 17] = [
        (
            Url,
            r#"(?i)\b(?:https?://|ftp://|www\.)[^\s<>"'()\[\]]+"#,
            Gate::Any,
            false,
        ),
        (
            Email,
            r"[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+",
            Gate::Any,
            false,
        ),
        (
            CaseNumber,
            r"\b\p{Lu}[\p{Lu}\p{N}]{0,7}[ \t]?/[ \t]?\d{1,6}[ \t]?/[ \t]?(?:19|20)\d{2}\b",
            Gate::Shape(SLASH_DIGIT, &Gate::Byte(b'/')),
            false,
        ),
        (
            CaseNumber,
            r"\b\p{Lu}{2,8}[ \t]\d{1,6}-(?:19|20)\d{2}\b",
            Gate::CapitalsAndDigitBetween(DASH),
            false,
        ),
        (
            CaseNumber,
            r"\b\p{Lu}{2,8}[ \t-](?:19|20)\d{2}(?:/\d{2})?[/-]\d{1,6}\b",
            Gate::CapitalsAndDigitBetween(SLASH | DASH),
            false,
        ),
        (
            CaseNumber,
            r"\b(?i:dnr|diarienr|diarienummer|ärendenr|ärendenummer)\b\.?[ \t]*:?[ \t]*(?:\p{Lu}{1,8}[ \t]?/?)?\d[\d/.:-]*\d",
            Gate::words(
                &["dnr", "diarienr", "diarienummer", "rendenr", "rendenummer"],
                Hint::Lower(CASE_WORDS),
            ),
            false,
        ),
        (
            LawReference,
            r"\b(?:1[6-9]|20)\d{2}(?:/\d{2})?:\d{1,4}\b",
            Gate::DigitBetween(COLON),
            true,
        ),
        (
            Phone,
            r"(?:\+46[ \t]?(?:\(0\)[ \t]?)?\d{1,3}|\b0\d{1,3})(?:[ \t]?[-–][ \t]?|[ \t])\d{2,4}(?:[ \t]?\d{2,4}){0,3}\b",
            Gate::Phone,
            true,
        ),
        (
            Version,
            r"\bv\d+(?:\.\d+)+\b",
            Gate::Shape(V_DIGIT, &Gate::DigitBetween(DOT)),
            false,
        ),
        (
            Version,
            r"(?i)\b(?:version|ver\.)[ \t]*:?[ \t]*\d+(?:\.\d+)*\b",
            // `(?i)` lets `s` match the long s `ſ` too.
            Gate::words(&["version", "ver.", "verſion"], Hint::Lower(VERSION_WORDS)),
            false,
        ),
        (
            Version,
            r"\b\p{L}*\p{Lu}\p{L}*\p{Lu}\p{L}*[ \t]\d+\.\d+(?:\.\d+)*\b",
            Gate::NamedVersion,
            false,
        ),
        (
            Version,
            r"\b\d+(?:\.\d+){2,}\.?",
            Gate::Shape(TWO_DOTS, &Gate::DigitBetween(DOT)),
            true,
        ),
        (
            IsoDate,
            r"\b(?:1\d|20)\d{2}-[01]\d(?:-[0-3]\d(?:T\d{2}:\d{2}(?::\d{2})?)?)?\b",
            Gate::Shape(YEAR_MONTH, &Gate::DigitBetween(DASH)),
            true,
        ),
        (
            Time,
            r"\b(?:[01]?\d|2[0-3])[:.][0-5]\d\b",
            Gate::Shape(CLOCK, &Gate::DigitBetween(COLON | DOT)),
            true,
        ),
        (
            IdNumber,
            r"\b(?:\d{6}|\d{8})[-+]\d{4}\b",
            Gate::LongNumberThen(DASH | PLUS),
            true,
        ),
        (
            IdNumber,
            r"\b(?i:bankgiro|plusgiro|bg|pg)\b\.?[ \t]*(?:nr\.?)?:?[ \t]*\d[\d \t-]*\d",
            Gate::words(&["giro", "bg", "pg"], Hint::Lower(GIRO_WORDS)),
            false,
        ),
        (
            Standard,
            r"\b(?:SS|SIS|EN|ISO|IEC)(?:[-/ ](?:EN|ISO|IEC))*[ \t]\d+(?:[-:]\d+)*\b",
            Gate::words(&["SS", "SIS", "EN", "ISO", "IEC"], Hint::UpperPair),
            false,
        ),
    ];
    // The patterns are constants; a broken one matches nothing (and a unit
    // test fails).
    table
        .into_iter()
        .map(|(kind, p, gate, digits)| Pattern {
            kind,
            re: LazyRegex::lazy(p.to_string()),
            ascii: digits.then(|| LazyRegex::lazy(p.replace(r"\b", r"(?-u:\b)"))),
            gate,
        })
        .collect()
});

/// What glues a time into a longer number (`1.2.2024`, `12:30:45`); a dash
/// does not (`9.00–12.00` is two times).
const CONNECTORS: [char; 3] = ['.', ':', ','];

/// Whether a match is glued to more digits, which makes it part of a
/// longer token rather than the identifier it looks like.
fn glued(text: &str, start: usize, end: usize) -> bool {
    let mut before = text.get(..start).unwrap_or("").chars().rev();
    let glued_before = match before.next() {
        Some(c) if c.is_ascii_digit() => true,
        Some(c) if CONNECTORS.contains(&c) => before.next().is_some_and(|d| d.is_ascii_digit()),
        _ => false,
    };
    let mut after = text.get(end..).unwrap_or("").chars();
    let glued_after = match after.next() {
        Some(c) if c.is_ascii_digit() => true,
        Some(c) if CONNECTORS.contains(&c) => after.next().is_some_and(|d| d.is_ascii_digit()),
        _ => false,
    };
    glued_before || glued_after
}

/// `…2021-2027`: two years joined by a hyphen.
fn ends_with_year_range(m: &str) -> bool {
    let year = |s: Option<&str>| {
        s.is_some_and(|s| {
            s.len() == 4
                && (s.starts_with("19") || s.starts_with("20"))
                && s.bytes().all(|b| b.is_ascii_digit())
        })
    };
    let n = m.len();
    n >= 9 && m.get(n - 5..n - 4) == Some("-") && year(m.get(n - 9..n - 5)) && year(m.get(n - 4..))
}

/// Extra checks a regex cannot express; `m` is the matched text.
fn accept(kind: IdentifierKind, m: &str, text: &str, start: usize, end: usize) -> bool {
    match kind {
        IdentifierKind::Phone => {
            let digits = m.chars().filter(char::is_ascii_digit).count();
            (7..=13).contains(&digits)
        }
        // A dotted triple that is a date (`2023.12.21`) is a date, and one
        // whose groups all have three digits (`1.250.000`) is a number.
        IdentifierKind::Version if m.chars().next().is_some_and(|c| c.is_ascii_digit()) => {
            let m = m.trim_end_matches('.');
            let groups: Vec<&str> = m.split('.').collect();
            let thousands = groups.iter().skip(1).all(|g| g.len() == 3);
            !thousands && crate::dates::parse_date(m).is_none()
        }
        IdentifierKind::Time => !glued(text, start, end),
        // `EU 2021-2027` is a programme period, not the case number `KS-2023-145`.
        IdentifierKind::CaseNumber => !ends_with_year_range(m),
        _ => true,
    }
}

/// The next place at or after some position where a line may be worth
/// searching: its first digit, URL opening (`://`, `www.`) and `@`, each
/// found with a vectorised search over the rest of the text and kept until
/// passed. Most lines have none of them and are never looked at.
struct Triggers<'t> {
    bytes: &'t [u8],
    digit: usize,
    url: usize,
    email: usize,
}

static URL_SCHEME: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"://"));
static URL_WWW: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"www."));

impl<'t> Triggers<'t> {
    fn new(bytes: &'t [u8]) -> Self {
        let mut t = Triggers {
            bytes,
            digit: 0,
            url: 0,
            email: 0,
        };
        t.refresh(0, true);
        t
    }

    /// Moves each trigger before `pos` (every one, with `all`) to its
    /// next occurrence at or after `pos` (`usize::MAX` when none).
    fn refresh(&mut self, pos: usize, all: bool) {
        let rest = self.bytes.get(pos..).unwrap_or_default();
        let found = |i: Option<usize>| i.map_or(usize::MAX, |i| pos + i);
        if all || self.digit < pos {
            self.digit = crate::chars::next_digit(self.bytes, pos).unwrap_or(usize::MAX);
        }
        if all || self.url < pos {
            self.url = found(
                URL_SCHEME
                    .find(rest)
                    .into_iter()
                    .chain(URL_WWW.find(rest))
                    .min(),
            );
        }
        if all || self.email < pos {
            self.email = found(memchr::memchr(b'@', rest));
        }
    }
}

/// All identifiers of the given kinds in `text`, sorted by start. They may
/// overlap (a phone number can hold something shaped like a time).
pub fn find_identifiers(text: &str, kinds: &[IdentifierKind]) -> Vec<Identifier> {
    let mut out = Vec::new();
    let all = text.as_bytes();
    let mut triggers = Triggers::new(all);
    // The buffer for a line in lower case, reused from line to line.
    let mut lower = Vec::new();
    // The end of the last line searched.
    let mut pos = 0;
    // `kinds` as bits, tested once per pattern and line.
    let wanted = kinds.iter().fold(0u32, |w, &k| w | 1 << k as u8);
    loop {
        // What a line must contain for a kind's patterns to match there (the
        // patterns never span lines): a URL `://` or `www.`, an e-mail `@`,
        // every other kind a digit. The next line to search is the one
        // holding the first of them.
        triggers.refresh(pos, false);
        let first = triggers.digit.min(triggers.url).min(triggers.email);
        if first >= all.len() {
            break;
        }
        let before = all.get(pos..first).unwrap_or_default();
        let at = memchr::memrchr(b'\n', before).map_or(pos, |i| pos + i + 1);
        let after = all.get(first..).unwrap_or_default();
        let end = memchr::memchr(b'\n', after).map_or(all.len(), |i| first + i + 1);
        pos = end;
        let Some(raw) = text.get(at..end) else {
            break;
        };
        let line = raw.trim_end_matches(['\n', '\r']);
        let (digit, url, email) = (
            triggers.digit < end,
            triggers.url < end,
            triggers.email < end,
        );
        // Made for the first pattern that needs it: most lines without a
        // digit are only searched for URLs and e-mail addresses.
        let mut facts: Option<LineFacts> = None;
        for p in PATTERNS.iter() {
            let possible = match p.kind {
                IdentifierKind::Url => url,
                IdentifierKind::Email => email,
                _ => digit,
            };
            if !possible || wanted & 1 << p.kind as u8 == 0 {
                continue;
            }
            let f = facts.get_or_insert_with(|| LineFacts::of(line, std::mem::take(&mut lower)));
            if !f.passes(&p.gate) {
                continue;
            }
            let re = match &p.ascii {
                Some(ascii) if f.digits_clean() => ascii,
                _ => &p.re,
            };
            for m in re.find_iter(line) {
                let s = m
                    .as_str()
                    .trim_end_matches(['.', ',', ';', ':', '!', '?', ' ', '\t']);
                let (start, end) = (at + m.start(), at + m.start() + s.len());
                if start < end && accept(p.kind, s, text, start, end) {
                    out.push(Identifier {
                        kind: p.kind,
                        span: Span::new(start, end),
                    });
                }
            }
        }
        if let Some(f) = facts {
            lower = f.into_buffer();
        }
    }
    out.sort_by_key(|i| (i.span.start, i.span.end, i.kind as u8));
    out
}
