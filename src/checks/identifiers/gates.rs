//! Cheap per-line tests that decide which patterns are worth searching a
//! line for, and whether a pattern may be searched with its ASCII word
//! boundary (see [`LineFacts::digits_clean`]).
//!
//! A gate may pass lines its pattern does not match (the regex then finds
//! nothing), but it must never turn away a line on which the pattern finds
//! a match: the output would change. The comments say why each test is
//! implied by its pattern.

use memchr::memmem::Finder;
use regex::Regex;
use std::sync::LazyLock;

/// A cheap test that every match of a pattern passes, made on what a look
/// at a line found there ([`LineFacts`]): a line that fails it is not
/// searched. The regexes use Unicode `\b`, which makes the regex crate
/// search non-ASCII lines with its slowest engines, so most prose lines
/// must never reach them.
pub(super) enum Gate {
    Any,
    /// The line holds this byte.
    Byte(u8),
    /// A digit, one of these separators ([`DASH`] …), a digit: `2024-05`,
    /// `12.30`, `2009:400`.
    DigitBetween(u8),
    /// One of these words (searchers built once), in lower case with
    /// [`Hint::Lower`], else as written.
    Words {
        hint: Hint,
        finders: Vec<Finder<'static>>,
    },
    /// `+46` ([`PLUS_46`]), or [`ZERO_OPENS`]; on a line with a digit outside ASCII, a
    /// `0` before a digit anywhere.
    Phone,
    /// Two capitals in a row (`RS`, `ÅK`), and a digit, one of these
    /// separators, a digit: the series letters of a case number.
    CapitalsAndDigitBetween(u8),
    /// A run of six or more digits, one of these separators, a digit:
    /// `780101-8917`.
    LongNumberThen(u8),
    /// One of these shapes ([`ZERO_OPENS`] …). The shapes look at ASCII
    /// digits only, but `\d` also matches other digits (`٣`): on a line
    /// holding one, the wider gate after is asked instead.
    Shape(u8, &'static Gate),
    /// A letter, a space, a digit ([`WORD_SPACE_DIGIT`]), a dot between
    /// digits, and two capitals anywhere (`UPPDRAGiL 3.0`); on a line with
    /// a digit outside ASCII only the dot between digits.
    NamedVersion,
}

/// What a [`Gate::Words`] looks at before its searchers run.
#[derive(Clone, Copy)]
pub(super) enum Hint {
    /// The words are lower case and the line is lowered (ASCII) first;
    /// this bit of [`keyword_pieces`] must be set.
    Lower(u8),
    /// The words hold two capitals in a row.
    UpperPair,
}

pub(super) const DASH: u8 = 1;
pub(super) const SLASH: u8 = 2;
pub(super) const DOT: u8 = 4;
pub(super) const COLON: u8 = 8;
pub(super) const PLUS: u8 = 16;

/// `\b0\d{1,3}` then what a phone number needs next ([`phone_tail`]): two
/// to four digits starting with `0`, not after a letter or digit, and
/// enough digits after them.
pub(super) const ZERO_OPENS: u8 = 1;
/// Four digits, a hyphen, `0` or `1`: `2024-05`.
pub(super) const YEAR_MONTH: u8 = 2;
/// A digit, `:` or `.`, `0`–`5`, a digit: `9.30`, `13:45`.
pub(super) const CLOCK: u8 = 4;
/// Two dots, each between digits: `1.2.3`.
pub(super) const TWO_DOTS: u8 = 8;
/// A `v` right before a digit: `v1.2`.
pub(super) const V_DIGIT: u8 = 16;
/// A letter (or the end of a non-ASCII character), a space or tab, a digit.
const WORD_SPACE_DIGIT: u8 = 32;
/// `+46`.
const PLUS_46: u8 = 64;
/// A slash, maybe a space or tab, a digit: `/ 2015`, `/1321`.
pub(super) const SLASH_DIGIT: u8 = 128;

/// The bits of [`keyword_pieces`]: which gate's words may be present.
pub(super) const CASE_WORDS: u8 = 1;
pub(super) const VERSION_WORDS: u8 = 2;
pub(super) const GIRO_WORDS: u8 = 4;

impl Gate {
    pub(super) fn words(words: &[&'static str], hint: Hint) -> Gate {
        Gate::Words {
            hint,
            finders: words.iter().map(|w| Finder::new(w.as_bytes())).collect(),
        }
    }
}

/// What a look at a line with a digit found there, for the [`Gate`]s.
/// Only the digit runs and the bytes around them are looked at up front:
/// the lines asked about are mostly long prose lines with a few numbers.
pub(super) struct LineFacts<'l> {
    line: &'l str,
    /// [`DASH`] … for each separator that stands between two digits.
    between_digits: u8,
    /// The same, for separators after a run of six or more digits.
    after_long_number: u8,
    /// [`ZERO_OPENS`] … for each shape the line has.
    shapes: u8,
    /// An ASCII digit stands next to a word character outside ASCII (`3ä`).
    digit_by_word: bool,
    /// A digit outside ASCII, found the first time a gate asks.
    foreign_digits: Option<bool>,
    /// The line in ASCII lower case, made the first time a gate needs it
    /// (in a buffer kept from line to line).
    lower: Vec<u8>,
    lowered: bool,
    /// [`keyword_pieces`], found the first time a gate asks.
    pieces: Option<u8>,
    /// Two ASCII capitals in a row, found the first time a gate asks.
    upper_pair: Option<bool>,
    /// Whether two capitals stand in a row, found the first time a gate asks.
    capitals_in_row: Option<bool>,
}

impl<'l> LineFacts<'l> {
    /// `lower` is a buffer to reuse; [`LineFacts::into_buffer`] gives it back.
    pub(super) fn of(line: &'l str, lower: Vec<u8>) -> Self {
        let mut facts = LineFacts {
            line,
            between_digits: 0,
            after_long_number: 0,
            shapes: 0,
            digit_by_word: false,
            foreign_digits: None,
            lower,
            lowered: false,
            pieces: None,
            upper_pair: None,
            capitals_in_row: None,
        };
        let bytes = line.as_bytes();
        let mut from = 0;
        while let Some(start) = crate::chars::next_digit(bytes, from) {
            let end = bytes
                .get(start..)
                .and_then(|r| r.iter().position(|b| !b.is_ascii_digit()))
                .map_or(bytes.len(), |n| start + n);
            facts.add_run(start, end);
            from = end;
        }
        facts
    }

    /// Notes what the digit run `start..end` and the bytes around it show.
    fn add_run(&mut self, start: usize, end: usize) {
        let bytes = self.line.as_bytes();
        let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
        let run = end - start;
        let before = start.checked_sub(1).map_or(0, at);
        let (next, third) = (at(end), at(end + 1));
        if third.is_ascii_digit() {
            let sep = match next {
                b'-' => DASH,
                b'/' => SLASH,
                b'.' => DOT,
                b':' => COLON,
                b'+' => PLUS,
                _ => 0,
            };
            if sep == DOT && self.between_digits & DOT != 0 {
                self.shapes |= TWO_DOTS;
            }
            self.between_digits |= sep;
            if run >= 6 {
                self.after_long_number |= sep;
            }
        }
        // `\b0` needs no word character before the `0`; a byte of a
        // non-ASCII character may be one that is not.
        let word_before = before.is_ascii_alphanumeric() || before == b'_';
        if at(start) == b'0'
            && (2..=4).contains(&run)
            && !word_before
            && phone_tail(bytes, end, run)
        {
            self.shapes |= ZERO_OPENS;
        }
        if run >= 4 && next == b'-' && matches!(third, b'0' | b'1') {
            self.shapes |= YEAR_MONTH;
        }
        if matches!(next, b':' | b'.')
            && matches!(third, b'0'..=b'5')
            && at(end + 2).is_ascii_digit()
        {
            self.shapes |= CLOCK;
        }
        if before == b'+' && bytes.get(start..).is_some_and(|r| r.starts_with(b"46")) {
            self.shapes |= PLUS_46;
        }
        let slash_at = match before {
            b' ' | b'\t' => start.checked_sub(2),
            _ => start.checked_sub(1),
        };
        if slash_at.is_some_and(|i| at(i) == b'/') {
            self.shapes |= SLASH_DIGIT;
        }
        if before == b'v' {
            self.shapes |= V_DIGIT;
        }
        if matches!(before, b' ' | b'\t') {
            let letter = start.checked_sub(2).map_or(0, at);
            if letter.is_ascii_alphabetic() || letter >= 0x80 {
                self.shapes |= WORD_SPACE_DIGIT;
            }
        }
        if !self.digit_by_word && (before >= 0x80 || next >= 0x80) {
            let line = self.line;
            let prev = line.get(..start).and_then(|l| l.chars().next_back());
            let following = line.get(end..).and_then(|l| l.chars().next());
            self.digit_by_word = prev
                .into_iter()
                .chain(following)
                .any(|c| !c.is_ascii() && is_word(c));
        }
    }

    pub(super) fn into_buffer(self) -> Vec<u8> {
        self.lower
    }

    /// Whether a pattern whose every `\b` has an ASCII digit of the match
    /// on one side (`\b\d…\d\b`, `\b0`) may be searched with `(?-u:\b)`
    /// instead, which the regex crate's DFAs handle on any line, giving the
    /// same matches: so it may when `\d` matches only ASCII digits here
    /// (no [`LineFacts::foreign_digits`]) and no ASCII digit stands next
    /// to a word character outside ASCII, the only characters the two
    /// boundaries judge differently (`ä` is a word character to Unicode
    /// `\b` and not to ASCII `\b`; `–`, `§` or a no-break space are
    /// neither). Then at every place such a `\b` is tried, both boundaries
    /// see one ASCII digit and one character they agree on.
    pub(super) fn digits_clean(&mut self) -> bool {
        !self.digit_by_word && !self.foreign_digits()
    }

    fn foreign_digits(&mut self) -> bool {
        let line = self.line;
        *self
            .foreign_digits
            .get_or_insert_with(|| has_foreign_digit(line))
    }

    pub(super) fn passes(&mut self, gate: &Gate) -> bool {
        match gate {
            Gate::Any => true,
            Gate::Byte(b) => memchr::memchr(*b, self.line.as_bytes()).is_some(),
            Gate::DigitBetween(seps) => self.between_digits & seps != 0,
            Gate::Words { hint, finders } => match self.word_hay(*hint) {
                Some(hay) => finders.iter().any(|f| f.find(hay).is_some()),
                None => false,
            },
            Gate::Phone => {
                // [`ZERO_OPENS`] implies a `0` before a digit, so the
                // wider test matters only when the shape is missing.
                let line = self.line.as_bytes();
                self.shapes & ZERO_OPENS != 0
                    || (self.foreign_digits() && zero_before_digit(line))
                    || self.shapes & PLUS_46 != 0
            }
            Gate::CapitalsAndDigitBetween(seps) => {
                let line = self.line;
                self.between_digits & seps != 0
                    && *self
                        .capitals_in_row
                        .get_or_insert_with(|| capitals_in_row(line))
            }
            Gate::LongNumberThen(seps) => self.after_long_number & seps != 0,
            Gate::Shape(shape, wider) => {
                // The shape on a line without foreign digits, else the
                // wider gate: the look for foreign digits is only needed
                // when the two disagree.
                let (narrow, wide) = (self.shapes & shape != 0, self.passes(wider));
                match narrow == wide {
                    true => narrow,
                    false => match self.foreign_digits() {
                        true => wide,
                        false => narrow,
                    },
                }
            }
            Gate::NamedVersion => {
                self.between_digits & DOT != 0
                    && ((self.shapes & WORD_SPACE_DIGIT != 0 && two_capitals(self.line))
                        || self.foreign_digits())
            }
        }
    }

    /// The bytes a [`Gate::Words`] searches, or `None` when the cheap test
    /// of its [`Hint`] already shows none of its words is there.
    fn word_hay(&mut self, hint: Hint) -> Option<&[u8]> {
        let line = self.line.as_bytes();
        match hint {
            Hint::Lower(bit) => {
                let pieces = *self.pieces.get_or_insert_with(|| keyword_pieces(line));
                if pieces & bit == 0 {
                    return None;
                }
                if !self.lowered {
                    self.lower.clear();
                    self.lower.extend(line.iter().map(u8::to_ascii_lowercase));
                    self.lowered = true;
                }
                Some(&self.lower)
            }
            Hint::UpperPair => {
                let pair = *self.upper_pair.get_or_insert_with(|| {
                    line.iter()
                        .zip(line.iter().skip(1))
                        .fold(false, |a, (x, y)| {
                            a | (x.is_ascii_uppercase() & y.is_ascii_uppercase())
                        })
                });
                pair.then_some(line)
            }
        }
    }
}

/// After the `run` digits of a `0…` that end at `end`, what a phone
/// number needs (`(?:[ \t]?[-–][ \t]?|[ \t])\d{2,4}(?:[ \t]?\d{2,4}){0,3}`):
/// a space or tab, a hyphen or en dash, a space or tab, each skipped when
/// there and not all missing, then digit runs joined by single spaces or
/// tabs, holding with the `0…` the seven digits a phone number must have
/// ([`super::accept`]; a match with fewer is dropped, so a line where no
/// `0…` has them yields no phone number even when the regex matches).
fn phone_tail(bytes: &[u8], end: usize, run: usize) -> bool {
    let at = |j: usize| bytes.get(j).copied().unwrap_or(0);
    let mut j = end;
    if matches!(at(j), b' ' | b'\t') {
        j += 1;
    }
    if at(j) == b'-' {
        j += 1;
    } else if bytes
        .get(j..)
        .is_some_and(|r| r.starts_with("–".as_bytes()))
    {
        j += "–".len();
    }
    if matches!(at(j), b' ' | b'\t') {
        j += 1;
    }
    if j == end {
        return false;
    }
    let mut digits = run;
    loop {
        let n = bytes
            .get(j..)
            .map_or(0, |r| r.iter().take_while(|b| b.is_ascii_digit()).count());
        digits += n;
        j += n;
        if digits >= 7 {
            return true;
        }
        if n == 0 || !matches!(at(j), b' ' | b'\t') || !at(j + 1).is_ascii_digit() {
            return false;
        }
        j += 1;
    }
}

/// A `0` right before a digit.
fn zero_before_digit(bytes: &[u8]) -> bool {
    bytes
        .windows(2)
        .any(|w| w[0] == b'0' && w[1].is_ascii_digit())
}

/// Whether the line has two capitals (any script), anywhere.
fn two_capitals(line: &str) -> bool {
    let mut seen = 0;
    for (i, &b) in line.as_bytes().iter().enumerate() {
        let capital = match b {
            b'A'..=b'Z' => true,
            0xC0.. => crate::chars::char_at(line, i).is_some_and(char::is_uppercase),
            _ => false,
        };
        seen += usize::from(capital);
        if seen >= 2 {
            return true;
        }
    }
    false
}

/// Pieces of the words of the [`Hint::Lower`] gates that stand in the
/// line, in any case: [`CASE_WORDS`] for `nr` or `nu` (`dnr`, `diarienr`,
/// `ärendenr`, `…nummer`), [`VERSION_WORDS`] for `rsi`, `ſi` (0xBF `i`) or
/// `er.` (`version`, `verſion`, `ver.`), [`GIRO_WORDS`] for `iro`, `bg` or
/// `pg`. A word present has its pieces present, so a missing bit rules its
/// gate out. One pass over triples of bytes without branches for all three
/// gates (`| 0x20` lowers ASCII letters and leaves `.` and 0xBF; the other
/// bytes it maps onto letters can only set more bits), instead of a search
/// per word: most lines with a number hold none of them.
fn keyword_pieces(line: &[u8]) -> u8 {
    let next = line.get(1..).unwrap_or_default();
    let third = line.get(2..).unwrap_or_default();
    let piece = |a: u8, b: u8, c: u8| {
        let (a, b, c) = (a | 0x20, b | 0x20, c | 0x20);
        let case = (a == b'n') & ((b == b'r') | (b == b'u'));
        let version = ((a == b'r') & (b == b's') & (c == b'i'))
            | ((a == 0xBF) & (b == b'i'))
            | ((a == b'e') & (b == b'r') & (c == b'.'));
        let giro =
            ((a == b'i') & (b == b'r') & (c == b'o')) | (((a == b'b') | (a == b'p')) & (b == b'g'));
        u8::from(case) | (u8::from(version) << 1) | (u8::from(giro) << 2)
    };
    let body = line
        .iter()
        .zip(next)
        .zip(third)
        .fold(0, |found, ((&a, &b), &c)| found | piece(a, b, c));
    // The last pair, which no triple starts at (`nr`, `bg` at the end).
    match line.get(line.len().saturating_sub(2)..) {
        Some(&[a, b]) => body | piece(a, b, 0),
        _ => body,
    }
}

/// `\w` as the regex crate's Unicode `\b` sees it.
static WORD: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"\A\w\z").ok());

/// Whether `c` is a word character to Unicode `\b` (asked only of the rare
/// non-ASCII characters next to a digit).
fn is_word(c: char) -> bool {
    let mut buf = [0; 4];
    WORD.as_ref()
        .is_none_or(|w| w.is_match(c.encode_utf8(&mut buf)))
}

/// Whether the line has a digit outside ASCII (one `\d` matches). Every
/// such digit is at U+0660 or above, whose UTF-8 starts with 0xD9 or more,
/// and the general punctuation block (dashes, quotes) holds none, so blocks
/// of bytes without such a lead byte are passed over in one test, and
/// `is_numeric` (a superset of the decimal digits) is asked rarely.
fn has_foreign_digit(line: &str) -> bool {
    let mut base = 0;
    for block in line.as_bytes().chunks(32) {
        if block.iter().fold(false, |any, &b| any | (b >= 0xD9)) {
            for (k, _) in block.iter().enumerate().filter(|(_, &b)| b >= 0xD9) {
                let c = crate::chars::char_at(line, base + k);
                if c.is_none_or(|c| !('\u{2000}'..='\u{206F}').contains(&c) && c.is_numeric()) {
                    return true;
                }
            }
        }
        base += block.len();
    }
    false
}

/// Whether two capitals (any script) stand next to each other. Looked at
/// byte by byte: ASCII bytes directly, a character outside ASCII decoded
/// at its first byte (its other bytes leave the state as it is).
fn capitals_in_row(line: &str) -> bool {
    let mut after_capital = false;
    for (i, &b) in line.as_bytes().iter().enumerate() {
        let capital = match b {
            0x80..0xC0 => continue,
            0xC0.. => crate::chars::char_at(line, i).is_some_and(char::is_uppercase),
            _ => b.is_ascii_uppercase(),
        };
        if after_capital && capital {
            return true;
        }
        after_capital = capital;
    }
    false
}
