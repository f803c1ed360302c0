//! Tests of a line's bytes that the [`super::gates`] build on: each says
//! whether something a pattern needs may be there, and none may say no
//! when it is.

use super::gates::{CASE_WORDS, GIRO_WORDS, VERSION_WORDS};
use crate::pattern::Pattern as LazyRegex;
use std::sync::LazyLock;

/// After the `run` digits of a `0…` that end at `end`, what a phone
/// number needs (`(?:[ \t]?[-–][ \t]?|[ \t])\d{2,4}(?:[ \t]?\d{2,4}){0,3}`):
/// a space or tab, a hyphen or en dash, a space or tab, each skipped when
/// there and not all missing, then digit runs joined by single spaces or
/// tabs, holding with the `0…` the seven digits a phone number must have
/// ([`super::super::accept`]; a match with fewer is dropped, so a line where no
/// `0…` has them yields no phone number even when the regex matches).
pub(super) fn phone_tail(bytes: &[u8], end: usize, run: usize) -> bool {
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
pub(super) fn zero_before_digit(bytes: &[u8]) -> bool {
    bytes
        .windows(2)
        .any(|w| w[0] == b'0' && w[1].is_ascii_digit())
}

/// Whether the line has two capitals (any script), anywhere.
pub(super) fn two_capitals(line: &str) -> bool {
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

/// Pieces of the words of the [`super::gates::Hint::Lower`] gates that stand in the
/// line, in any case: [`CASE_WORDS`] for `nr` or `nu` (`dnr`, `diarienr`,
/// `ärendenr`, `…nummer`), [`VERSION_WORDS`] for `rsi`, `ſi` (0xBF `i`) or
/// `er.` (`version`, `verſion`, `ver.`), [`GIRO_WORDS`] for `iro`, `bg` or
/// `pg`. A word present has its pieces present, so a missing bit rules its
/// gate out. One pass over triples of bytes without branches for all three
/// gates (`| 0x20` lowers ASCII letters and leaves `.` and 0xBF; the other
/// bytes it maps onto letters can only set more bits), instead of a search
/// per word: most lines with a number hold none of them.
pub(super) fn keyword_pieces(line: &[u8]) -> u8 {
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
        (u8::from(case) * CASE_WORDS)
            | (u8::from(version) * VERSION_WORDS)
            | (u8::from(giro) * GIRO_WORDS)
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
static WORD: LazyLock<LazyRegex> = LazyLock::new(|| LazyRegex::lazy(r"\A\w\z"));

/// Whether `c` is a word character to Unicode `\b` (asked only of the rare
/// non-ASCII characters next to a digit).
pub(super) fn is_word(c: char) -> bool {
    let mut buf = [0; 4];
    WORD.re()
        .is_none_or(|w| w.is_match(c.encode_utf8(&mut buf)))
}

/// Whether the line has a digit outside ASCII (one `\d` matches). Every
/// such digit is at U+0660 or above, whose UTF-8 starts with 0xD9 or more,
/// and the general punctuation block (dashes, quotes) holds none, so blocks
/// of bytes without such a lead byte are passed over in one test, and
/// `is_numeric` (a superset of the decimal digits) is asked rarely.
pub(super) fn has_foreign_digit(line: &str) -> bool {
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
pub(super) fn capitals_in_row(line: &str) -> bool {
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
