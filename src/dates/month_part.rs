//! The month part of a written date or month range: `december`, `dec.`,
//! `december 2023`. Most month parts are plain ASCII, read here byte by
//! byte; any other is read by the regex `Res::month_part`.

use super::caps::{may_be_wide_space, Caps};
use super::forms::{window, year4, Res, YEARS};
use super::names::{month_from_swedish, MONTHS_SV};
use crate::chars::is_letter;

pub(super) struct MonthPart {
    pub(super) month: u8,
    /// End of the month name (with its dot if it is an abbreviation).
    pub(super) end: usize,
    /// A four-digit year after the name, and where it ends.
    pub(super) year: Option<(i16, usize)>,
}

/// What the regex `^(\p{L}+)(\.)?(?:[\p{Zs}\t]{1,3}([0-9]{4}))?` captures,
/// as offsets into the window: the end of the name, the end of its dot, and
/// the year (kept only if in [`YEARS`]) with where it ends.
#[derive(Debug, PartialEq, Eq)]
struct Parts {
    name_end: usize,
    dot_end: Option<usize>,
    year: Option<(Option<i16>, usize)>,
}

/// `december`, `dec.`, `december 2023` at `pos`.
pub(super) fn month_part(r: &Res, text: &str, pos: usize) -> Option<MonthPart> {
    let w = window(text, pos)?;
    // Most words are no month: test the word before reading further.
    let word_end = w.find(|c: char| !is_letter(c)).unwrap_or(w.len());
    let first = month_from_swedish(w.get(..word_end)?)?;
    let parts = match ascii_parts(w, word_end) {
        Some(parts) => parts,
        None => regex_parts(r, w)?,
    };
    let word = w.get(..parts.name_end)?;
    // The regex's name is the tested word unless a letter is no `\p{L}`.
    let month = if parts.name_end == word_end {
        first
    } else {
        month_from_swedish(word)?
    };
    let full = if word.is_ascii() {
        MONTHS_SV.iter().any(|m| m.eq_ignore_ascii_case(word))
    } else {
        MONTHS_SV.contains(&word.to_lowercase().as_str())
    };
    // After a full name a dot ends the sentence: "5 mars. 2024" is 5 mars.
    let dot = parts.dot_end;
    let end = pos + dot.filter(|_| !full).unwrap_or(parts.name_end);
    let year = match parts.year {
        Some((Some(y), e)) if !(full && dot.is_some()) => Some((y, pos + e)),
        _ => None,
    };
    Some(MonthPart { month, end, year })
}

/// The regex's captures in `w`.
fn regex_parts(r: &Res, w: &str) -> Option<Parts> {
    let c = Caps::of(&r.month_part, w)?;
    Some(Parts {
        name_end: c.get(1)?.end(),
        dot_end: c.get(2).map(|d| d.end()),
        year: c.get(3).map(|m| (year4(&c, 3).map(|(y, _)| y), m.end())),
    })
}

/// The regex's captures in `w`, whose letters end at `word_end`, read
/// without the regex when the name is ASCII and no non-ASCII space may
/// follow it (then `\p{L}` is an ASCII letter and `\p{Zs}` a space);
/// `None` otherwise.
fn ascii_parts(w: &str, word_end: usize) -> Option<Parts> {
    let b = w.as_bytes();
    if word_end == 0 || !b.get(..word_end)?.is_ascii() {
        return None;
    }
    let dot_end = (b.get(word_end) == Some(&b'.')).then_some(word_end + 1);
    let after = dot_end.unwrap_or(word_end);
    let spaces = b
        .get(after..)?
        .iter()
        .take(3)
        .take_while(|&&c| c == b' ' || c == b'\t')
        .count();
    if spaces < 3 && may_be_wide_space(w, after + spaces) {
        return None;
    }
    let digits = b.get(after + spaces..after + spaces + 4);
    let year = match digits {
        Some(d) if spaces > 0 && d.iter().all(u8::is_ascii_digit) => {
            let y = d.iter().fold(0i16, |y, &c| y * 10 + i16::from(c - b'0'));
            Some((Some(y).filter(|y| YEARS.contains(y)), after + spaces + 4))
        }
        _ => None,
    };
    Some(Parts {
        name_end: word_end,
        dot_end,
        year,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::dates::forms::res;

    proptest::proptest! {
        /// Read by hand, an ASCII month part gives the regex's captures.
        #[test]
        fn ascii_parts_agree_with_the_regex(
            w in "(mars|dec|Sept|juni|x|må)(\\.)?[ \t.\u{a0}\u{3000}–—é]{0,4}[0-9]{0,5}[ a-zå–]{0,2}"
        ) {
            let word_end = w.find(|c: char| !is_letter(c)).unwrap_or(w.len());
            if let Some(parts) = ascii_parts(&w, word_end) {
                proptest::prop_assert_eq!(Some(parts), regex_parts(res().unwrap(), &w), "{:?}", w);
            }
        }
    }

    #[test]
    fn non_ascii_goes_to_the_regex() {
        assert!(ascii_parts("mars\u{a0}2024", 4).is_none());
        assert!(ascii_parts("mars \u{3000}2024", 4).is_none());
        assert!(ascii_parts("maj–juni", 3).is_some());
        assert!(ascii_parts("maj", 3).is_some());
        assert!(ascii_parts("", 0).is_none());
    }
}
