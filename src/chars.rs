//! Character classes for Swedish text, answered without Unicode's tables
//! for ASCII and Latin-1 (å, ä, ö, é …), which is nearly every character
//! of a document, and lines found with memchr's vector search. The checks
//! ask these millions of times per archive.

/// The lines of `text` with their line breaks, as `split_inclusive('\n')`
/// gives them (std looks for `\n` a word at a time, memchr a vector).
pub fn lines_inclusive(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let breaks = memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1);
    breaks
        .chain(std::iter::once(text.len()))
        .filter_map(move |end| {
            let line = text.get(start..end).filter(|l| !l.is_empty());
            start = end;
            line
        })
}

/// The line around byte `pos` of `bytes`: from just after the line break
/// before it (or the start) to the next line break (or the end), which is
/// not included.
pub fn line_bounds(bytes: &[u8], pos: usize) -> (usize, usize) {
    let start = memchr::memrchr(b'\n', bytes.get(..pos).unwrap_or_default()).map_or(0, |i| i + 1);
    let end = memchr::memchr(b'\n', bytes.get(pos..).unwrap_or_default())
        .map_or(bytes.len(), |i| pos + i);
    (start, end)
}

/// The first ASCII digit in `bytes` at or after `from`. Digits are rare in
/// prose: 32 bytes at a time are tested without a branch per byte (a fold
/// the compiler turns into vector code), then the one block is searched.
pub fn next_digit(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let mut base = from;
    for block in rest.chunks(32) {
        if block.iter().fold(false, |any, b| any | b.is_ascii_digit()) {
            return block.iter().position(u8::is_ascii_digit).map(|p| base + p);
        }
        base += block.len();
    }
    None
}

/// The character at byte `i` of `text` (a char boundary), read without
/// decoding when it is ASCII; `None` at the end (or off a boundary).
#[inline]
pub fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text.get(i..).and_then(|s| s.chars().next()),
        None => None,
    }
}

/// `c.is_whitespace()`, fast for ASCII.
#[inline]
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, ' ' | '\t'..='\r')
    } else {
        c.is_whitespace()
    }
}

/// The lower case of an ASCII or Latin-1 character (which is one
/// character), `None` for any other.
#[inline]
pub fn to_lowercase_latin1(c: char) -> Option<char> {
    match c {
        'A'..='Z' => Some(c.to_ascii_lowercase()),
        '\0'..='\u{7F}' => Some(c),
        // À … Þ but ×: the lower case is 0x20 further on.
        '\u{C0}'..='\u{DE}' if c != '×' => char::from_u32(u32::from(c) + 0x20),
        '\u{80}'..='\u{FF}' => Some(c),
        _ => None,
    }
}

/// `word` in lower case, written into `buf` (no new string: this runs for
/// most words and short lines of a document); `None` when it does not fit,
/// so callers size `buf` for the longest word they compare with.
pub fn lower_into<'b, const N: usize>(word: &str, buf: &'b mut [u8; N]) -> Option<&'b str> {
    let mut len = 0;
    let mut put = |lower: char| {
        let n = lower.len_utf8();
        lower.encode_utf8(buf.get_mut(len..len + n)?);
        len += n;
        Some(())
    };
    for c in word.chars() {
        match to_lowercase_latin1(c) {
            Some(lower) => put(lower)?,
            None => c.to_lowercase().try_for_each(&mut put)?,
        }
    }
    std::str::from_utf8(buf.get(..len)?).ok()
}

/// Whether `s` has more than `n` characters, counting them only when its
/// length in bytes does not answer.
#[inline]
pub fn more_chars_than(s: &str, n: usize) -> bool {
    s.len() > n && (s.len() > 4 * n || s.chars().count() > n)
}

/// `c.is_alphabetic()`, fast for ASCII and Latin-1.
#[inline]
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if matches!(c, '\u{C0}'..='\u{FF}') {
        // Every character of this block is a letter but × and ÷.
        c != '×' && c != '÷'
    } else {
        c.is_alphabetic()
    }
}

/// `c.is_alphanumeric()`, fast for ASCII and Latin-1.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_letter(c) || c.is_alphanumeric()
    }
}

/// A letter, digit or `_` (`c.is_alphanumeric() || c == '_'`), fast for
/// ASCII and Latin-1.
#[inline]
pub fn is_word(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        is_alphanumeric(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_bounds_around_a_byte() {
        let text = "ett\ntvå\n\nfyra".as_bytes();
        assert_eq!(line_bounds(text, 0), (0, 3));
        assert_eq!(line_bounds(text, 3), (0, 3));
        assert_eq!(line_bounds(text, 5), (4, 8));
        assert_eq!(line_bounds(text, 9), (9, 9));
        assert_eq!(line_bounds(text, 12), (10, 14));
        assert_eq!(line_bounds(b"", 0), (0, 0));
    }

    proptest::proptest! {
        #[test]
        fn next_digit_is_the_first_digit(
            bytes in proptest::collection::vec(proptest::sample::select(b"ab 7.\xc3\xa5-".to_vec()), 0..100),
            from in 0usize..110,
        ) {
            let want = bytes
                .iter()
                .enumerate()
                .skip(from)
                .find(|(_, b)| b.is_ascii_digit())
                .map(|(i, _)| i);
            proptest::prop_assert_eq!(next_digit(&bytes, from), want);
        }
    }

    #[test]
    fn lowered_on_the_stack() {
        let mut buf = [0u8; 16];
        assert_eq!(lower_into("ÅRSMÖTE İ", &mut buf), Some("årsmöte i\u{307}"));
        let mut small = [0u8; 4];
        assert_eq!(lower_into("MARS", &mut small), Some("mars"));
        assert_eq!(lower_into("MARSA", &mut small), None);
    }

    #[test]
    fn char_counts() {
        for s in ["", "abc", "åäö", "åäöåäö", "a😀b"] {
            for n in 0..8 {
                assert_eq!(more_chars_than(s, n), s.chars().count() > n, "{s:?} {n}");
            }
        }
    }

    #[test]
    fn lines_as_split_inclusive() {
        for text in ["", "\n", "a", "a\n", "a\nb", "a\r\n\nb\n\n", "å\nä"] {
            let want: Vec<&str> = text.split_inclusive('\n').collect();
            assert_eq!(lines_inclusive(text).collect::<Vec<_>>(), want, "{text:?}");
        }
    }

    /// The fast answers are Unicode's for every character.
    #[test]
    fn same_as_unicode_for_every_char() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_space(c), c.is_whitespace(), "{c:?}");
            if let Some(lower) = to_lowercase_latin1(c) {
                assert_eq!(c.to_lowercase().collect::<String>(), lower.to_string());
            }
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_word(c), c.is_alphanumeric() || c == '_', "{c:?}");
        }
    }
}
