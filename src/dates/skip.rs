//! Where a date can start at all: every date holds a digit or a dash a
//! little after its start, so the walk in `scan.rs` jumps over the text
//! that lies far before the next digit or dash without looking at its
//! words.
//!
//! A date that starts with a digit holds that digit. One that starts with
//! a letter is a weekday form (`måndagen den 19 augusti`): a name of at
//! most [`NAME_MAX`] bytes, a comma, up to three spaces (of at most three
//! bytes each) and `den`, up to three spaces, then the day number. Or it
//! is a month range (`januari–juni`, `januari 2025 – mars 2026`): a name,
//! a dot, up to three spaces, then the year or the dash. So the digit or
//! dash starts at most [`REACH`] bytes after the date.

use super::names::NAME_MAX;
use crate::chars::{char_at, is_word};

/// The most bytes from the start of a date to the first digit or dash in
/// it (see the module comment): the weekday form's is the longest.
pub(super) const REACH: usize = NAME_MAX + 1 + 3 * 3 + 3 + 3 * 3;

/// Whether `b` may begin an anchor: an ASCII digit, `-`, or the first
/// byte of `–`, `—`, `‒` and `−` (all `E2 …`).
#[inline]
fn may_anchor(b: u8) -> bool {
    b.is_ascii_digit() | (b == b'-') | (b == 0xE2)
}

/// The first anchor in `text` at or after byte `from`: an ASCII digit, or
/// a dash (`-`, `–`, `—`, `‒`, `−`) that may end a range's start. Bytes are
/// tested 32 at a time without a branch per byte (a fold the compiler turns
/// into vector code), as in [`crate::chars::next_digit`].
pub(super) fn next_anchor(text: &str, from: usize) -> Option<usize> {
    let rest = text.as_bytes().get(from..)?;
    let mut base = from;
    for block in rest.chunks(32) {
        if block.iter().fold(false, |any, &b| any | may_anchor(b)) {
            let found = (base..base + block.len()).find(|&i| {
                block.get(i - base).is_some_and(|&b| may_anchor(b)) && is_anchor(text, i)
            });
            if found.is_some() {
                return found;
            }
        }
        base += block.len();
    }
    None
}

/// Whether the byte at `pos` (one that [`may_anchor`]) is an anchor. A dash
/// counts only where a range separator may start: after a letter, digit,
/// `.`, space or tab, or any non-ASCII character (a letter or a wide
/// space); not at the start, after a line break (`- ` of a list) or after
/// other punctuation.
fn is_anchor(text: &str, pos: usize) -> bool {
    let bytes = text.as_bytes();
    match bytes.get(pos) {
        Some(b) if b.is_ascii_digit() => return true,
        Some(b'-') => {}
        Some(_) => {
            let dash = text
                .get(pos..)
                .and_then(|s| s.chars().next())
                .is_some_and(|c| matches!(c, '–' | '—' | '‒' | '−'));
            if !dash {
                return false;
            }
        }
        None => return false,
    }
    match pos.checked_sub(1).and_then(|p| bytes.get(p)) {
        None => false,
        Some(&b) => !b.is_ascii() || b.is_ascii_alphanumeric() || matches!(b, b'.' | b' ' | b'\t'),
    }
}

/// Where the walk goes on after skipping to byte `pos`, which may fall
/// inside a character or a word: the next character boundary, or the end
/// of the word it falls in, as the walk skips words whole.
pub(super) fn resume_at(text: &str, mut pos: usize) -> usize {
    while pos < text.len() && !text.is_char_boundary(pos) {
        pos += 1;
    }
    let inside_word = text
        .get(..pos)
        .and_then(|before| before.chars().next_back())
        .is_some_and(is_word)
        && char_at(text, pos).is_some_and(is_word);
    if inside_word {
        super::scan::word_end(text, pos)
    } else {
        pos
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    /// Every anchor, found one byte at a time.
    fn anchors_slowly(text: &str) -> Vec<usize> {
        (0..text.len())
            .filter(|&i| text.is_char_boundary(i))
            .filter(|&i| may_anchor(text.as_bytes()[i]) && is_anchor(text, i))
            .collect()
    }

    proptest::proptest! {
        /// The block search finds each anchor in turn.
        #[test]
        fn next_anchor_finds_every_anchor(text in "[a-zå0-9 .\n\t–—’”-]{0,90}") {
            let mut got = Vec::new();
            let mut from = 0;
            while let Some(a) = next_anchor(&text, from) {
                got.push(a);
                from = a + 1;
            }
            proptest::prop_assert_eq!(got, anchors_slowly(&text));
        }
    }

    #[test]
    fn anchors() {
        assert_eq!(anchors_slowly("- maj-juni\n- 3"), [5, 13]);
        assert_eq!(anchors_slowly("maj – juni, ’a—b"), [4, 18]);
        assert_eq!(anchors_slowly("a—b: x-y ‒ −"), [1, 8, 11, 15]);
    }

    #[test]
    fn resume_points() {
        let t = "sju dagar, å";
        assert_eq!(resume_at(t, 0), 0);
        assert_eq!(resume_at(t, 1), 3);
        assert_eq!(resume_at(t, 3), 3);
        assert_eq!(resume_at(t, 4), 4);
        assert_eq!(resume_at(t, 12), 13);
        assert_eq!(resume_at(t, 20), 20);
        assert_eq!(resume_at("åååå", 1), 8);
    }
}
