//! The word, long-word and sentence count of a unit of text, in one pass
//! over its bytes. Tokens are the runs between white space (as
//! `split_whitespace` cuts them); a token's letters are counted as it is
//! read, and a token ending in punctuation is asked whether it ends a
//! sentence.
//!
//! On x86-64 the text is read 64 bytes at a time: SSE2 compares give a
//! bit per byte for white space, letters and ASCII letters or digits, and
//! the tokens of a block are found from those bits (a word ends every few
//! bytes, and a branch per byte on it is one the processor cannot
//! predict). ASCII and Latin-1's letters (å, ä, ö, é: lead byte 0xC3) are
//! read this way; a block holding any other character is read character
//! by character, as on other processors. About 30 % faster on the
//! extracted-text corpus; a test compares the two on every fixture.

use super::Counts;
use crate::chars::{char_at, is_letter, is_space};

/// Where the count is between blocks.
#[derive(Default)]
struct Scan {
    /// The last character read is part of a token.
    in_token: bool,
    /// Where that token starts.
    start: usize,
    /// Its letters so far.
    letters: usize,
    /// The last byte read is an ASCII letter or digit.
    last_alnum: bool,
    /// A word has been read since the last sentence end.
    open: bool,
}

/// Adds `text` to `c`.
pub(super) fn add_unit(c: &mut Counts, text: &str) {
    let mut st = Scan::default();
    let end = blocks(c, &mut st, text);
    scalar(c, &mut st, text, end, text.len());
    if st.open {
        c.sentences += 1;
    }
}

/// Classes of characters for the count; a letter is 1 so that it adds to
/// a token's letters.
const OTHER: u8 = 0;
const LETTER: u8 = 1;
const SPACE: u8 = 2;

/// The class of each ASCII byte.
const ASCII_CLASS: [u8; 128] = {
    let mut table = [OTHER; 128];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_alphabetic() {
            LETTER
        } else if matches!(byte, b' ' | b'\t'..=b'\r') {
            SPACE
        } else {
            OTHER
        };
        b += 1;
    }
    table
};

/// The class and length of the character at byte `i` (a char boundary);
/// `None` at the end.
#[inline]
fn class_at(text: &str, i: usize) -> Option<(u8, usize)> {
    let b = *text.as_bytes().get(i)?;
    if let Some(&class) = ASCII_CLASS.get(usize::from(b)) {
        return Some((class, 1));
    }
    let c = char_at(text, i)?;
    let class = if is_space(c) {
        SPACE
    } else if is_letter(c) {
        LETTER
    } else {
        OTHER
    };
    Some((class, c.len_utf8()))
}

/// Reads characters one by one from byte `i` until at or past `until`;
/// returns where it stopped (a char boundary). At the end of the text the
/// last token ends.
fn scalar(c: &mut Counts, st: &mut Scan, text: &str, mut i: usize, until: usize) -> usize {
    let bytes = text.as_bytes();
    let alnum_before = |i: usize| {
        bytes
            .get(i.wrapping_sub(1))
            .is_some_and(u8::is_ascii_alphanumeric)
    };
    // A block may end inside a Latin-1 letter (its lead byte was read):
    // the rest of it is part of the same token.
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    while i < until {
        let Some((class, len)) = class_at(text, i) else {
            break;
        };
        if class == SPACE {
            if st.in_token {
                st.in_token = false;
                c.token(
                    &mut st.open,
                    text,
                    st.start,
                    i,
                    st.letters,
                    !alnum_before(i),
                );
            }
        } else {
            if !st.in_token {
                st.in_token = true;
                st.start = i;
                st.letters = 0;
            }
            st.letters += usize::from(class);
        }
        i += len;
    }
    st.last_alnum = alnum_before(i);
    if i >= text.len() && st.in_token {
        st.in_token = false;
        c.token(
            &mut st.open,
            text,
            st.start,
            text.len(),
            st.letters,
            !st.last_alnum,
        );
    }
    i
}

/// Reads whole blocks of 64 bytes; returns where the rest begins.
#[cfg(target_arch = "x86_64")]
fn blocks(c: &mut Counts, st: &mut Scan, text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(block) = bytes
        .get(i..i + 64)
        .and_then(|b| <&[u8; 64]>::try_from(b).ok())
    {
        let m = sse2::Masks::of(block);
        if m.wide != 0 {
            // Another character than ASCII and Latin-1: one by one.
            i = scalar(c, st, text, i, i + 64);
            continue;
        }
        // 0xC3 is a letter's lead byte but for × (C3 97) and ÷ (C3 B7).
        let mut letter = m.letter & !(m.c3 & (m.times >> 1));
        if m.c3 >> 63 == 1 && matches!(bytes.get(i + 64), Some(0x97 | 0xB7)) {
            letter &= !(1 << 63);
        }
        block_tokens(c, st, text, i, m.space, letter, m.alnum);
        i += 64;
    }
    i
}

#[cfg(not(target_arch = "x86_64"))]
fn blocks(_: &mut Counts, _: &mut Scan, _: &str) -> usize {
    0
}

/// The tokens of the block at `base`, from its bits: `space` (white
/// space), `letter` (a byte that starts a letter) and `alnum` (an ASCII
/// letter or digit). Tokens alternate with runs of space: the n-th token
/// end after the block's first is the n-th token start's.
#[cfg(target_arch = "x86_64")]
fn block_tokens(
    c: &mut Counts,
    st: &mut Scan,
    text: &str,
    base: usize,
    space: u64,
    letter: u64,
    alnum: u64,
) {
    let token = !space;
    // Bit p: byte p-1 (the last of the previous block for p = 0) is part
    // of a token; is not an ASCII letter or digit (a token that ends in
    // one does not end a sentence: `ends_sentence` says so too, slower).
    let before = (token << 1) | u64::from(st.in_token);
    let punct = !((alnum << 1) | u64::from(st.last_alnum));
    let ends = space & before;
    let mut starts = token & !before;
    let below = |p: u32| (1u64 << p) - 1;
    let mut e = ends;
    if st.in_token && e != 0 {
        // The token from the previous block ends here.
        let p = e.trailing_zeros();
        let letters = st.letters + (letter & below(p)).count_ones() as usize;
        c.token(
            &mut st.open,
            text,
            st.start,
            base + p as usize,
            letters,
            punct >> p & 1 == 1,
        );
        e &= e - 1;
    }
    while e != 0 {
        let p = e.trailing_zeros();
        let s = starts.trailing_zeros();
        let letters = (letter & below(p) & !below(s)).count_ones() as usize;
        c.token(
            &mut st.open,
            text,
            base + s as usize,
            base + p as usize,
            letters,
            punct >> p & 1 == 1,
        );
        e &= e - 1;
        starts &= starts.wrapping_sub(1);
    }
    if starts != 0 {
        // A token starts and goes on into the next block.
        let s = starts.trailing_zeros();
        st.start = base + s as usize;
        st.letters = (letter >> s).count_ones() as usize;
        st.in_token = true;
    } else if st.in_token && ends == 0 {
        st.letters += letter.count_ones() as usize;
    } else {
        st.in_token = false;
    }
    st.last_alnum = alnum >> 63 == 1;
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use safe_arch::{
        bitand_m128i, bitor_m128i, cmp_eq_mask_i8_m128i, load_unaligned_m128i, m128i, max_u8_m128i,
        min_u8_m128i, move_mask_i8_m128i, set_splat_i8_m128i, sub_i8_m128i,
    };

    /// A bit per byte of a 64-byte block.
    pub(super) struct Masks {
        pub space: u64,
        /// ASCII letters and 0xC3.
        pub letter: u64,
        /// ASCII letters and digits.
        pub alnum: u64,
        pub c3: u64,
        /// 0x97 and 0xB7, the second bytes of × and ÷.
        pub times: u64,
        /// Lead bytes of characters other than ASCII and U+00C0–U+00FF.
        pub wide: u64,
    }

    impl Masks {
        #[inline(always)]
        pub fn of(block: &[u8; 64]) -> Masks {
            let mut m = Masks {
                space: 0,
                letter: 0,
                alnum: 0,
                c3: 0,
                times: 0,
                wide: 0,
            };
            for (k, chunk) in block.chunks_exact(16).enumerate() {
                let Ok(chunk) = <&[u8; 16]>::try_from(chunk) else {
                    continue;
                };
                let v = load_unaligned_m128i(chunk);
                let splat = |b: u8| set_splat_i8_m128i(i8::from_ne_bytes([b]));
                let bits = |v: m128i| u64::from(move_mask_i8_m128i(v) as u16) << (16 * k);
                // `v - lo <= n` unsigned: `min(v - lo, n) == v - lo`.
                let within = |lo: u8, n: u8| {
                    let d = sub_i8_m128i(v, splat(lo));
                    cmp_eq_mask_i8_m128i(min_u8_m128i(d, splat(n)), d)
                };
                let space = bitor_m128i(cmp_eq_mask_i8_m128i(v, splat(b' ')), within(b'\t', 4));
                let lower = bitor_m128i(v, splat(0x20));
                let d = sub_i8_m128i(lower, splat(b'a'));
                let ascii_letter = cmp_eq_mask_i8_m128i(min_u8_m128i(d, splat(25)), d);
                let digit = within(b'0', 9);
                let c3 = cmp_eq_mask_i8_m128i(v, splat(0xC3));
                let times = cmp_eq_mask_i8_m128i(bitand_m128i(v, splat(0xDF)), splat(0x97));
                let lead = cmp_eq_mask_i8_m128i(max_u8_m128i(v, splat(0xC0)), v);
                m.space |= bits(space);
                m.letter |= bits(bitor_m128i(ascii_letter, c3));
                m.alnum |= bits(bitor_m128i(ascii_letter, digit));
                m.c3 |= bits(c3);
                m.times |= bits(times);
                m.wide |= bits(lead) & !bits(c3);
            }
            m
        }
    }
}
