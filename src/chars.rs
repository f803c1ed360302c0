//! Character classes for Swedish text, answered without Unicode's tables
//! for ASCII and Latin-1 (å, ä, ö, é …), which is nearly every character
//! of a document. The checks ask these millions of times per archive.

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

    /// The fast answers are Unicode's for every character.
    #[test]
    fn same_as_unicode_for_every_char() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_word(c), c.is_alphanumeric() || c == '_', "{c:?}");
        }
    }
}
