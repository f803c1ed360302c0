//! The identifier scan as it was before the speed-ups in [`super`] (its
//! gates, its line walk, no ASCII copies of the patterns), kept as the
//! reference the tests compare the new scan with: the new one must find
//! exactly what this one finds, on every input. The patterns themselves
//! are the new table's, which are the old ones.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::{accept, Identifier, IdentifierKind};
use crate::model::Span;
use memchr::memmem::Finder;
use regex::Regex;
use std::sync::LazyLock;

/// A cheap test that every match of a pattern passes, made on what one
/// pass over a line found there ([`LineFacts`]): a line that fails it is
/// not searched. The regexes use Unicode `\b`, which makes the regex crate
/// search non-ASCII lines with its slowest engines, so most prose lines
/// must never reach them.
pub(super) enum Gate {
    Any,
    /// The line holds this byte.
    Byte(u8),
    /// A digit, one of these separators ([`DASH`] …), a digit: `2024-05`,
    /// `12.30`, `2009:400`.
    DigitBetween(u8),
    /// One of these words (searchers built once), as written or, with
    /// `ignore_case`, in any case (ASCII; the words are in lower case).
    Words {
        ignore_case: bool,
        finders: Vec<Finder<'static>>,
    },
    /// `+46`, or a `0` before a digit.
    Phone,
    /// Two capitals in a row (`RS`, `ÅK`), and a digit, one of these
    /// separators, a digit: the series letters of a case number.
    CapitalsAndDigitBetween(u8),
    /// A run of six or more digits, one of these separators, a digit:
    /// `780101-8917`.
    LongNumberThen(u8),
}

const DASH: u8 = 1;
const SLASH: u8 = 2;
const DOT: u8 = 4;
const COLON: u8 = 8;
const PLUS: u8 = 16;

/// What one pass over a line's bytes found, for the [`Gate`]s.
pub(super) struct LineFacts<'l> {
    line: &'l str,
    /// [`DASH`] … for each separator that stands between two digits.
    between_digits: u8,
    /// The same, for separators after a run of six or more digits.
    after_long_number: u8,
    zero_before_digit: bool,
    /// The line in ASCII lower case, made the first time a gate needs it.
    lower: Option<Vec<u8>>,
    /// Whether two capitals stand in a row, found the first time a gate asks.
    capitals_in_row: Option<bool>,
}

impl<'l> LineFacts<'l> {
    pub(super) fn of(line: &'l str) -> Self {
        let mut between_digits = 0;
        let mut after_long_number = 0;
        let mut zero_before_digit = false;
        // Digits in a row up to and including the window's first byte.
        let mut run = 0;
        let bytes = line.as_bytes();
        for w in bytes.windows(3) {
            if w[0].is_ascii_digit() {
                run += 1;
                if w[2].is_ascii_digit() {
                    let sep = match w[1] {
                        b'-' => DASH,
                        b'/' => SLASH,
                        b'.' => DOT,
                        b':' => COLON,
                        b'+' => PLUS,
                        _ => 0,
                    };
                    between_digits |= sep;
                    if run >= 6 {
                        after_long_number |= sep;
                    }
                }
                zero_before_digit |= w[0] == b'0' && w[1].is_ascii_digit();
            } else {
                run = 0;
            }
        }
        // The last two bytes, which no window of three starts at.
        if let [.., b'0', d] = bytes {
            zero_before_digit |= d.is_ascii_digit();
        }
        LineFacts {
            line,
            between_digits,
            after_long_number,
            zero_before_digit,
            lower: None,
            capitals_in_row: None,
        }
    }

    pub(super) fn passes(&mut self, gate: &Gate) -> bool {
        match gate {
            Gate::Any => true,
            Gate::Byte(b) => memchr::memchr(*b, self.line.as_bytes()).is_some(),
            Gate::DigitBetween(seps) => self.between_digits & seps != 0,
            Gate::Words {
                ignore_case,
                finders,
            } => {
                let line = self.line.as_bytes();
                let hay = match ignore_case {
                    true => self.lower.get_or_insert_with(|| line.to_ascii_lowercase()),
                    false => line,
                };
                finders.iter().any(|f| f.find(hay).is_some())
            }
            Gate::Phone => self.zero_before_digit || contains(self.line.as_bytes(), b"+46"),
            Gate::CapitalsAndDigitBetween(seps) => {
                let line = self.line;
                self.between_digits & seps != 0
                    && *self
                        .capitals_in_row
                        .get_or_insert_with(|| capitals_in_row(line))
            }
            Gate::LongNumberThen(seps) => self.after_long_number & seps != 0,
        }
    }
}

/// Whether two capitals (any script) stand next to each other.
fn capitals_in_row(line: &str) -> bool {
    let mut after_capital = false;
    for c in line.chars() {
        let capital = c.is_uppercase();
        if after_capital && capital {
            return true;
        }
        after_capital = capital;
    }
    false
}

/// Whether `needle` (a few bytes, not empty) stands in `hay`.
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    let Some(&first) = needle.first() else {
        return true;
    };
    memchr::memchr_iter(first, hay).any(|i| hay.get(i..).is_some_and(|h| h.starts_with(needle)))
}

impl Gate {
    fn words(words: &[&'static str], ignore_case: bool) -> Gate {
        Gate::Words {
            ignore_case,
            finders: words.iter().map(|w| Finder::new(w.as_bytes())).collect(),
        }
    }
}

/// The old gates, in the order of the patterns of [`super::PATTERNS`]
/// (whose regexes the old scan had too), each compiled as it was.
pub(super) static PATTERNS: LazyLock<Vec<(IdentifierKind, Regex, Gate)>> = LazyLock::new(|| {
    use IdentifierKind::*;
    let gates: [(IdentifierKind, Gate); 17] = [
        (Url, Gate::Any),
        (Email, Gate::Any),
        (CaseNumber, Gate::Byte(b'/')),
        (CaseNumber, Gate::CapitalsAndDigitBetween(DASH)),
        (CaseNumber, Gate::CapitalsAndDigitBetween(SLASH | DASH)),
        (
            CaseNumber,
            Gate::words(
                &["dnr", "diarienr", "diarienummer", "rendenr", "rendenummer"],
                true,
            ),
        ),
        (LawReference, Gate::DigitBetween(COLON)),
        (Phone, Gate::Phone),
        (Version, Gate::DigitBetween(DOT)),
        (
            Version,
            // `(?i)` lets `s` match the long s `ſ` too.
            Gate::words(&["version", "ver.", "verſion"], true),
        ),
        (Version, Gate::DigitBetween(DOT)),
        (Version, Gate::DigitBetween(DOT)),
        (IsoDate, Gate::DigitBetween(DASH)),
        (Time, Gate::DigitBetween(COLON | DOT)),
        (IdNumber, Gate::LongNumberThen(DASH | PLUS)),
        (IdNumber, Gate::words(&["giro", "bg", "pg"], true)),
        (
            Standard,
            Gate::words(&["SS", "SIS", "EN", "ISO", "IEC"], false),
        ),
    ];
    super::PATTERNS
        .iter()
        .zip(gates)
        .map(|(p, (kind, gate))| {
            assert_eq!(p.kind, kind, "the tables are in the same order");
            (kind, Regex::new(p.re.as_str()).unwrap(), gate)
        })
        .collect()
});

/// All identifiers of the given kinds in `text`, sorted by start. They may
/// overlap (a phone number can hold something shaped like a time).
pub(super) fn find_identifiers(text: &str, kinds: &[IdentifierKind]) -> Vec<Identifier> {
    let mut out = Vec::new();
    let mut at = 0;
    for raw in crate::chars::lines_inclusive(text) {
        let line = raw.trim_end_matches(['\n', '\r']);
        let bytes = line.as_bytes();
        // What a line must contain for a kind's patterns to match there (the
        // patterns never span lines): a URL `://` or `www.`, an e-mail `@`,
        // every other kind a digit. Most prose lines have none of them.
        // (A fold, not `any`: without an early exit it is vectorised.)
        let digit = bytes.iter().fold(false, |d, b| d | b.is_ascii_digit());
        let url = contains(bytes, b"://") || contains(bytes, b"www.");
        let email = memchr::memchr(b'@', bytes).is_some();
        if !digit && !url && !email {
            at += raw.len();
            continue;
        }
        // Made for the first pattern that needs it: most lines without a
        // digit are only searched for URLs and e-mail addresses.
        let mut facts: Option<LineFacts> = None;
        for (kind, re, gate) in PATTERNS.iter() {
            let possible = match kind {
                IdentifierKind::Url => url,
                IdentifierKind::Email => email,
                _ => digit,
            };
            if !possible
                || !kinds.contains(kind)
                || !facts
                    .get_or_insert_with(|| LineFacts::of(line))
                    .passes(gate)
            {
                continue;
            }
            for m in re.find_iter(line) {
                let s = m
                    .as_str()
                    .trim_end_matches(['.', ',', ';', ':', '!', '?', ' ', '\t']);
                let (start, end) = (at + m.start(), at + m.start() + s.len());
                if start < end && accept(*kind, s, text, start, end) {
                    out.push(Identifier {
                        kind: *kind,
                        span: Span::new(start, end),
                    });
                }
            }
        }
        at += raw.len();
    }
    out.sort_by_key(|i| (i.span.start, i.span.end, i.kind as u8));
    out
}
