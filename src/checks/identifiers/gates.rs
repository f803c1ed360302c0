//! Cheap per-line tests that decide which patterns are worth searching a
//! line for, and whether a pattern may be searched with its ASCII word
//! boundary (see [`LineFacts::digits_clean`]).
//!
//! A gate may pass lines its pattern does not match (the regex then finds
//! nothing), but it must never turn away a line on which the pattern finds
//! a match: the output would change. The comments say why each test is
//! implied by its pattern.

use super::bytes::{
    capitals_in_row, has_foreign_digit, is_word, keyword_pieces, phone_tail, two_capitals,
    zero_before_digit,
};
use memchr::memmem::Finder;

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
