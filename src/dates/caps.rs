//! The groups a date form captures at the start of a window. The all-digit
//! forms (`2024-11-22`, `2023.12.21`, `21.12.2023`, `23-12-21`, `240425`,
//! `21/12-2023`) are read byte by byte: a regex search costs far more than
//! the date is long, and a text has many numbers. Where a form may take a
//! non-ASCII space (`20/10\u{a0}2024`, `21\u{a0}december`), the regex
//! reads it instead.

use regex::Regex;

/// The most groups a date regex has, with group 0 (the whole match).
const GROUPS: usize = 5;

/// What a regex anchored at the start of `w` captured: byte ranges of `w`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Caps<'w> {
    w: &'w str,
    spans: [Option<(usize, usize)>; GROUPS],
}

/// One captured group.
#[derive(Debug, Clone, Copy)]
pub(super) struct Group<'w> {
    text: &'w str,
    end: usize,
}

impl<'w> Group<'w> {
    /// The captured text.
    pub(super) fn as_str(&self) -> &'w str {
        self.text
    }

    /// Byte offset just past the group in the window.
    pub(super) fn end(&self) -> usize {
        self.end
    }

    /// The captured text's length in bytes.
    pub(super) fn len(&self) -> usize {
        self.text.len()
    }
}

impl<'w> Caps<'w> {
    /// The groups `re` captures in `w`, if it matches.
    pub(super) fn of(re: &Regex, w: &'w str) -> Option<Caps<'w>> {
        let c = re.captures(w)?;
        let mut spans = [None; GROUPS];
        for (i, slot) in spans.iter_mut().enumerate() {
            *slot = c.get(i).map(|m| (m.start(), m.end()));
        }
        Some(Caps { w, spans })
    }

    /// Group `i`, if it took part in the match.
    pub(super) fn get(&self, i: usize) -> Option<Group<'w>> {
        let (s, e) = (*self.spans.get(i)?)?;
        Some(Group {
            text: self.w.get(s..e)?,
            end: e,
        })
    }
}

/// The bytes of `w` read so far, and the groups found in them.
struct Reader<'w> {
    b: &'w [u8],
    at: usize,
    spans: [Option<(usize, usize)>; GROUPS],
}

impl<'w> Reader<'w> {
    fn new(w: &'w str) -> Self {
        Reader {
            b: w.as_bytes(),
            at: 0,
            spans: [None; GROUPS],
        }
    }

    /// Reads `min..=max` digits (as many as there are, greedily) as group
    /// `g`. A shorter run is never needed: the byte after a shorter run is
    /// a digit, and no form goes on with a digit.
    fn digits(&mut self, g: usize, min: usize, max: usize) -> Option<()> {
        let n = self
            .b
            .get(self.at..)?
            .iter()
            .take(max)
            .take_while(|b| b.is_ascii_digit())
            .count();
        if n < min {
            return None;
        }
        *self.spans.get_mut(g)? = Some((self.at, self.at + n));
        self.at += n;
        Some(())
    }

    /// Reads the byte `c`.
    fn byte(&mut self, c: u8) -> Option<()> {
        (self.b.get(self.at) == Some(&c)).then(|| self.at += 1)
    }

    /// The byte at the read position.
    fn peek(&self) -> Option<u8> {
        self.b.get(self.at).copied()
    }

    /// The captures, with group 0 from the start to the read position.
    fn done(mut self, w: &'w str) -> Caps<'w> {
        self.spans[0] = Some((0, self.at));
        Caps {
            w,
            spans: self.spans,
        }
    }
}

/// Whether the character at byte `i` of `w` may be a non-ASCII space of
/// `\p{Zs}`: any non-ASCII character but the dashes (`–`, `—`, `‒`, `−`)
/// that often follow a day or a month (`1–3 mars`, `maj–juni`).
pub(super) fn may_be_wide_space(w: &str, i: usize) -> bool {
    match w.get(i..).and_then(|rest| rest.chars().next()) {
        Some(c) => !c.is_ascii() && !matches!(c, '–' | '—' | '‒' | '−'),
        None => false,
    }
}

/// `^([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?`
pub(super) fn iso(w: &str) -> Option<Caps<'_>> {
    let mut r = Reader::new(w);
    r.digits(1, 4, 4)?;
    r.byte(b'-')?;
    r.digits(2, 2, 2)?;
    let at = r.at;
    if r.byte(b'-').and_then(|()| r.digits(3, 2, 2)).is_none() {
        r.at = at;
        r.spans[3] = None;
    }
    Some(r.done(w))
}

/// Three digit groups of `min..=max` digits each, between them `sep`
/// (none for the compact form): the forms below.
fn three_groups(w: &str, widths: [(usize, usize); 3], sep: Option<u8>) -> Option<Caps<'_>> {
    let mut r = Reader::new(w);
    for (g, (min, max)) in (1..).zip(widths) {
        if g > 1 {
            if let Some(sep) = sep {
                r.byte(sep)?;
            }
        }
        r.digits(g, min, max)?;
    }
    Some(r.done(w))
}

/// `^([0-9]{4})\.([0-9]{1,2})\.([0-9]{1,2})`
pub(super) fn dotted_ymd(w: &str) -> Option<Caps<'_>> {
    three_groups(w, [(4, 4), (1, 2), (1, 2)], Some(b'.'))
}

/// `^([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})`
pub(super) fn dotted_dmy(w: &str) -> Option<Caps<'_>> {
    three_groups(w, [(1, 2), (1, 2), (4, 4)], Some(b'.'))
}

/// `^([0-9]{2})-([0-9]{2})-([0-9]{2})`
pub(super) fn two_iso(w: &str) -> Option<Caps<'_>> {
    three_groups(w, [(2, 2), (2, 2), (2, 2)], Some(b'-'))
}

/// `^([0-9]{2})([0-9]{2})([0-9]{2})`
pub(super) fn compact(w: &str) -> Option<Caps<'_>> {
    three_groups(w, [(2, 2), (2, 2), (2, 2)], None)
}

/// `^([0-9]{1,2})/([0-9]{1,2})(?:-([0-9]{4}|[0-9]{2})|[\p{Zs}\t]{1,3}([0-9]{4}))?`
/// (`re`), read by hand unless a non-ASCII character may be a space of it.
pub(super) fn slash<'w>(re: &Regex, w: &'w str) -> Option<Caps<'w>> {
    let mut r = Reader::new(w);
    r.digits(1, 1, 2)?;
    r.byte(b'/')?;
    r.digits(2, 1, 2)?;
    let at = r.at;
    match r.peek() {
        Some(b'-') => {
            r.at += 1;
            if r.digits(3, 4, 4).or_else(|| r.digits(3, 2, 2)).is_none() {
                r.at = at;
            }
        }
        Some(b' ' | b'\t') => {
            let spaces = r.b.get(at..)?.iter().take(3);
            let n = spaces.take_while(|&&b| b == b' ' || b == b'\t').count();
            if n < 3 && may_be_wide_space(w, at + n) {
                return Caps::of(re, w);
            }
            r.at += n;
            if r.digits(4, 4, 4).is_none() {
                r.at = at;
            }
        }
        Some(_) if may_be_wide_space(w, at) => return Caps::of(re, w),
        _ => {}
    }
    Some(r.done(w))
}

/// `^([0-9]{1,2})(?::[aeAE])?[\p{Zs}\t]{1,3}` (`re`), read by hand unless
/// a non-ASCII character may be one of its spaces.
pub(super) fn day_prefix<'w>(re: &Regex, w: &'w str) -> Option<Caps<'w>> {
    let mut r = Reader::new(w);
    r.digits(1, 1, 2)?;
    let at = r.at;
    if r.byte(b':').is_some() && !matches!(r.peek(), Some(b'a' | b'e' | b'A' | b'E')) {
        r.at = at;
    } else if r.at > at {
        r.at += 1;
    }
    let spaces = r.b.get(r.at..)?.iter().take(3);
    let n = spaces.take_while(|&&b| b == b' ' || b == b'\t').count();
    if n < 3 && may_be_wide_space(w, r.at + n) {
        return Caps::of(re, w);
    }
    if n == 0 {
        return None;
    }
    r.at += n;
    Some(r.done(w))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::dates::forms::res;
    use proptest::prelude::*;

    /// Windows made of the pieces the date forms are made of.
    fn window() -> impl Strategy<Value = String> {
        const PIECES: &[&str] = &[
            "1", "12", "2024", "123", "0", "-", "/", ".", ":", ":a", ":E", ":x", " ", "  ", "\t",
            "\u{a0}", "\u{3000}", "å", "a", "maj", "–",
        ];
        proptest::collection::vec(proptest::sample::select(PIECES), 0..12).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        /// Each form read by hand captures what its regex captures.
        #[test]
        fn hand_reading_agrees_with_the_regexes(w in window()) {
            let r = res().unwrap();
            prop_assert_eq!(iso(&w), Caps::of(&r.iso, &w), "iso {:?}", w);
            prop_assert_eq!(dotted_ymd(&w), Caps::of(&r.dotted_ymd, &w), "ymd {:?}", w);
            prop_assert_eq!(dotted_dmy(&w), Caps::of(&r.dotted_dmy, &w), "dmy {:?}", w);
            prop_assert_eq!(two_iso(&w), Caps::of(&r.two_iso, &w), "two {:?}", w);
            prop_assert_eq!(compact(&w), Caps::of(&r.compact, &w), "compact {:?}", w);
            prop_assert_eq!(slash(&r.slash, &w), Caps::of(&r.slash, &w), "slash {:?}", w);
            prop_assert_eq!(
                day_prefix(&r.day_prefix, &w),
                Caps::of(&r.day_prefix, &w),
                "day {:?}", w
            );
        }
    }

    #[test]
    fn examples() {
        let r = res().unwrap();
        for w in [
            "2024-11-22",
            "2024-11-2",
            "2024-11",
            "21/12-2023",
            "21/12-202",
            "20/10 2024",
            "20/10\u{a0}2024",
            "1/2   2024",
            "1/2    2024",
            "1:a maj",
            "1:a\u{a0}maj",
            "12 maj",
            "2023.12.21",
            "21.12.2023",
            "23-12-21",
            "240425",
            // Each group one digit too long or too short.
            "123.12.2024",
            "1.123.2024",
            "12.1.202",
            "20245.12.1",
            "2024.123.1",
            "2024.1.123",
            "123-12-12",
            "12-1-12",
            "12-12-1",
            "12345",
        ] {
            assert_eq!(iso(w), Caps::of(&r.iso, w), "{w}");
            assert_eq!(slash(&r.slash, w), Caps::of(&r.slash, w), "{w}");
            assert_eq!(
                day_prefix(&r.day_prefix, w),
                Caps::of(&r.day_prefix, w),
                "{w}"
            );
            assert_eq!(dotted_ymd(w), Caps::of(&r.dotted_ymd, w), "{w}");
            assert_eq!(dotted_dmy(w), Caps::of(&r.dotted_dmy, w), "{w}");
            assert_eq!(two_iso(w), Caps::of(&r.two_iso, w), "{w}");
            assert_eq!(compact(w), Caps::of(&r.compact, w), "{w}");
        }
    }
}
