//! Identifiers in running text that writing rules must leave alone:
//! diarienummer, law references, URLs, e-mail addresses, phone numbers,
//! version and section numbers, ISO dates, times, personal identity and
//! organisation numbers, and standards (`SS-EN ISO 9001:2015`).
//!
//! `2024-2027` is a range to write with an en dash, but `RUN 62-2024` is a
//! case number and `090-785 00 00` a phone number; `2.500` is a thousand
//! written with a dot, but `v2.500` is a version. The writing rules ask this
//! module where the identifiers are and skip every hit that overlaps one.

use crate::model::Span;
use memchr::memmem::Finder;
use regex::Regex;
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

/// A cheap test that every match of a pattern passes, made on what one
/// pass over a line found there ([`LineFacts`]): a line that fails it is
/// not searched. The regexes use Unicode `\b`, which makes the regex crate
/// search non-ASCII lines with its slowest engines, so most prose lines
/// must never reach them.
enum Gate {
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
struct LineFacts<'l> {
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
    fn of(line: &'l str) -> Self {
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

    fn passes(&mut self, gate: &Gate) -> bool {
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

static PATTERNS: LazyLock<Vec<(IdentifierKind, Regex, Gate)>> = LazyLock::new(|| {
    use IdentifierKind::*;
    let table: [(IdentifierKind, &str, Gate); 17] = [
        (
            Url,
            r#"(?i)\b(?:https?://|ftp://|www\.)[^\s<>"'()\[\]]+"#,
            Gate::Any,
        ),
        (
            Email,
            r"[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+",
            Gate::Any,
        ),
        (
            CaseNumber,
            r"\b\p{Lu}[\p{Lu}\p{N}]{0,7}[ \t]?/[ \t]?\d{1,6}[ \t]?/[ \t]?(?:19|20)\d{2}\b",
            Gate::Byte(b'/'),
        ),
        (
            CaseNumber,
            r"\b\p{Lu}{2,8}[ \t]\d{1,6}-(?:19|20)\d{2}\b",
            Gate::CapitalsAndDigitBetween(DASH),
        ),
        (
            CaseNumber,
            r"\b\p{Lu}{2,8}[ \t-](?:19|20)\d{2}(?:/\d{2})?[/-]\d{1,6}\b",
            Gate::CapitalsAndDigitBetween(SLASH | DASH),
        ),
        (
            CaseNumber,
            r"\b(?i:dnr|diarienr|diarienummer|ärendenr|ärendenummer)\b\.?[ \t]*:?[ \t]*(?:\p{Lu}{1,8}[ \t]?/?)?\d[\d/.:-]*\d",
            Gate::words(
                &["dnr", "diarienr", "diarienummer", "rendenr", "rendenummer"],
                true,
            ),
        ),
        (
            LawReference,
            r"\b(?:1[6-9]|20)\d{2}(?:/\d{2})?:\d{1,4}\b",
            Gate::DigitBetween(COLON),
        ),
        (
            Phone,
            r"(?:\+46[ \t]?(?:\(0\)[ \t]?)?\d{1,3}|\b0\d{1,3})(?:[ \t]?[-–][ \t]?|[ \t])\d{2,4}(?:[ \t]?\d{2,4}){0,3}\b",
            Gate::Phone,
        ),
        (Version, r"\bv\d+(?:\.\d+)+\b", Gate::DigitBetween(DOT)),
        (
            Version,
            r"(?i)\b(?:version|ver\.)[ \t]*:?[ \t]*\d+(?:\.\d+)*\b",
            // `(?i)` lets `s` match the long s `ſ` too.
            Gate::words(&["version", "ver.", "verſion"], true),
        ),
        (
            Version,
            r"\b\p{L}*\p{Lu}\p{L}*\p{Lu}\p{L}*[ \t]\d+\.\d+(?:\.\d+)*\b",
            Gate::DigitBetween(DOT),
        ),
        (Version, r"\b\d+(?:\.\d+){2,}\.?", Gate::DigitBetween(DOT)),
        (
            IsoDate,
            r"\b(?:1\d|20)\d{2}-[01]\d(?:-[0-3]\d(?:T\d{2}:\d{2}(?::\d{2})?)?)?\b",
            Gate::DigitBetween(DASH),
        ),
        (
            Time,
            r"\b(?:[01]?\d|2[0-3])[:.][0-5]\d\b",
            Gate::DigitBetween(COLON | DOT),
        ),
        (
            IdNumber,
            r"\b(?:\d{6}|\d{8})[-+]\d{4}\b",
            Gate::LongNumberThen(DASH | PLUS),
        ),
        (
            IdNumber,
            r"\b(?i:bankgiro|plusgiro|bg|pg)\b\.?[ \t]*(?:nr\.?)?:?[ \t]*\d[\d \t-]*\d",
            Gate::words(&["giro", "bg", "pg"], true),
        ),
        (
            Standard,
            r"\b(?:SS|SIS|EN|ISO|IEC)(?:[-/ ](?:EN|ISO|IEC))*[ \t]\d+(?:[-:]\d+)*\b",
            Gate::words(&["SS", "SIS", "EN", "ISO", "IEC"], false),
        ),
    ];
    // The patterns are constants; a broken one is dropped (and a unit test fails).
    table
        .into_iter()
        .filter_map(|(k, p, gate)| Regex::new(p).ok().map(|r| (k, r, gate)))
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

/// All identifiers of the given kinds in `text`, sorted by start. They may
/// overlap (a phone number can hold something shaped like a time).
pub fn find_identifiers(text: &str, kinds: &[IdentifierKind]) -> Vec<Identifier> {
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

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use IdentifierKind::*;

    fn found(text: &str) -> Vec<(IdentifierKind, &str)> {
        find_identifiers(text, &IdentifierKind::ALL)
            .into_iter()
            .map(|i| (i.kind, &text[i.span.start..i.span.end]))
            .collect()
    }

    fn has(text: &str, kind: IdentifierKind, what: &str) {
        let f = found(text);
        assert!(f.contains(&(kind, what)), "{what:?} as {kind:?} in {f:?}");
    }

    /// A gate never turns away a line its pattern matches.
    fn gates_keep(line: &str) {
        let mut facts = LineFacts::of(line);
        for (kind, re, gate) in PATTERNS.iter() {
            if re.is_match(line) {
                assert!(facts.passes(gate), "{kind:?} {re} on {line:?}");
            }
        }
    }

    #[test]
    fn gates_keep_every_fixture_line() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut dirs = vec![root.join("fixtures"), root.join("../shared/seeds")];
        while let Some(dir) = dirs.pop() {
            for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() {
                    dirs.push(p);
                } else if let Ok(text) = std::fs::read_to_string(&p) {
                    text.lines().for_each(gates_keep);
                }
            }
        }
        for line in [
            "Dnr RS/1321/2015",
            "Ärendenummer: KS 2023/145",
            "ÄRENDENR 12-2024",
            "Version 4.1",
            "VER. 2",
            "verſion 3",
            "Bankgiro 1234-5678",
            "PG: 12 34 56-7",
            "SS-EN ISO 9001:2015",
            "Ring 090-785 00 00 eller +46 70 123 45 67",
            "780101-8917 och 19780101+8917",
            "RUN 62-2024, KS-2023-145, ÅÄ 2023/12-5",
        ] {
            gates_keep(line);
        }
    }

    proptest::proptest! {
        #[test]
        fn gates_keep_generated_lines(
            line in "[0-9 ./:+-]{0,6}(Dnr|dnr|Ärendenr|diarienr|Version|ver\\.|VER\\.|bankgiro|BG|pg|SS|SIS|EN|ISO|IEC|v|Kl|[A-ZÅÄ]{2,4})?[0-9 ./:+()–-]{0,14}"
        ) {
            gates_keep(&line);
        }
    }

    #[test]
    fn every_pattern_compiles() {
        assert_eq!(PATTERNS.len(), 17);
    }

    #[test]
    fn case_numbers() {
        has("Dnr:RS/1321/2015", CaseNumber, "RS/1321/2015");
        has(
            "enligt styrmodellen (RS/101/2015) finns",
            CaseNumber,
            "RS/101/2015",
        );
        has("RUN 62-2024\n", CaseNumber, "RUN 62-2024");
        has("ärende KS 2023/145.", CaseNumber, "KS 2023/145");
        has("Dnr 12/2023 gäller", CaseNumber, "Dnr 12/2023");
        has(
            "diarienummer: 1234-2023.",
            CaseNumber,
            "diarienummer: 1234-2023",
        );
    }

    #[test]
    fn law_references() {
        has("Språklagen (2009:600) 11 §", LawReference, "2009:600");
        has("Lag (2019:944) om", LawReference, "2019:944");
        has("SFS 2017:725", LawReference, "2017:725");
        has("prop. 2008/09:153", LawReference, "2008/09:153");
        has("Ds 2009:38.", LawReference, "2009:38");
        assert!(found("klockan 10:30:45")
            .iter()
            .all(|(k, _)| *k != LawReference));
    }

    #[test]
    fn urls_and_email() {
        has(
            "Se https://www.riksdagen.se/sv/dokument/sfs-2009-600.",
            Url,
            "https://www.riksdagen.se/sv/dokument/sfs-2009-600",
        );
        has("på www.1177.se, där", Url, "www.1177.se");
        has(
            "mejla registrator@regionvasterbotten.se.",
            Email,
            "registrator@regionvasterbotten.se",
        );
    }

    #[test]
    fn phone_numbers() {
        has("Ring 090-785 00 00 i dag", Phone, "090-785 00 00");
        has("tel. +46 90 785 00 00.", Phone, "+46 90 785 00 00");
        has("mobil 070-123 45 67", Phone, "070-123 45 67");
        has("Växel: 0771-11 11 11", Phone, "0771-11 11 11");
        // Too few digits to be a phone number.
        assert!(found("sidan 01-12").iter().all(|(k, _)| *k != Phone));
    }

    #[test]
    fn versions_and_section_numbers() {
        has("UPPDRAGiL 3.0 ", Version, "UPPDRAGiL 3.0");
        has("kör v1.2.3 nu", Version, "v1.2.3");
        has("Version 4.1 av mallen", Version, "Version 4.1");
        has("se avsnitt 3.4.1.", Version, "3.4.1");
        // A dotted date and a dotted thousand are not versions.
        assert!(found("den 2023.12.21").iter().all(|(k, _)| *k != Version));
        assert!(found("1.250.000 kronor").iter().all(|(k, _)| *k != Version));
    }

    #[test]
    fn dates_times_and_numbers() {
        has("Fastställd 2024-10-15.", IsoDate, "2024-10-15");
        has("från 2024-11 till", IsoDate, "2024-11");
        has("kl. 9.00–12.00", Time, "9.00");
        has("kl. 9.00–12.00", Time, "12.00");
        has("org.nr 232100-0222", IdNumber, "232100-0222");
        has("Bankgiro 1234-5678.", IdNumber, "Bankgiro 1234-5678");
        has("pg 12 34 56-7", IdNumber, "pg 12 34 56-7");
        has(
            "enligt SS-EN ISO 9001:2015",
            Standard,
            "SS-EN ISO 9001:2015",
        );
        has("enligt EN 50126-1 ska", Standard, "EN 50126-1");
        // Year ranges and thousands are none of these.
        assert!(
            found("under 2024-2027").is_empty(),
            "{:?}",
            found("under 2024-2027")
        );
        assert!(
            found("2.500 kronor").is_empty(),
            "{:?}",
            found("2.500 kronor")
        );
        assert!(found("25% av 1,5 miljoner").is_empty());
    }
}
