//! The walk over a text: where a date may start and end, and the skip
//! over words that cannot begin one.

use super::forms::{cands_at, pick, res, Res};
use super::names::may_be_date_name;
use super::ranges::range_at;
use super::skip::{next_anchor, resume_at, REACH};
use super::{DateForm, DateMention, DateRange};
use crate::chars::{char_at, is_letter, is_word};

/// Characters that glue digits into one token (`RS/1321/2015`, `2009:600`).
const CONNECTORS: [char; 5] = ['-', '/', '.', ':', ','];

pub(super) enum Item {
    One(DateMention),
    /// A range, and its start if that is a date on its own.
    Range(DateRange, Option<DateMention>),
}

/// The dates and ranges of `text`, in order and non-overlapping, from one
/// walk that tries each word or number start near a digit or dash.
pub(super) fn scan_items(text: &str, compact: bool) -> Vec<Item> {
    let Some(r) = res() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut i = 0;
    // The next digit or dash at or after `i`: text far before it holds no
    // date start and is skipped (`skip.rs`).
    let Some(mut anchor) = next_anchor(text, 0) else {
        return out;
    };
    loop {
        if anchor < i {
            match next_anchor(text, i) {
                Some(a) => anchor = a,
                None => break,
            }
        }
        if anchor > i + REACH {
            i = resume_at(text, anchor - REACH);
        }
        let Some(c) = char_at(text, i) else {
            break;
        };
        if !is_word(c) {
            i += c.len_utf8();
            continue;
        }
        if let Some((item, end)) = item_at(r, text, i, c, compact) {
            out.push(item);
            i = end;
            continue;
        }
        // Skip the rest of this word or number: dates start at token starts.
        i = word_end(text, i).max(i + c.len_utf8());
    }
    out
}

/// The date or range that starts at byte `i`, a word whose first
/// character is `c`, and where it ends.
fn item_at(r: &Res, text: &str, i: usize, c: char, compact: bool) -> Option<(Item, usize)> {
    // A date that starts with a letter starts with a weekday or a month
    // name: other words are skipped without trying every form.
    let may_start = !is_letter(c) || text.get(i..).is_some_and(may_be_date_name);
    if !may_start || !leading_ok(text, i) {
        return None;
    }
    let cands = cands_at(r, text, i, compact);
    if let Some((range, lone)) = range_at(r, text, i, compact, &cands) {
        let end = range.span.1;
        return Some((Item::Range(range, lone), end));
    }
    let m = pick(&cands, |e| trailing_ok(text, e))?;
    let end = m.end;
    Some((Item::One(m), end))
}

pub(super) fn split(items: Vec<Item>) -> (Vec<DateMention>, Vec<DateRange>) {
    let mut dates = Vec::with_capacity(items.len());
    let mut ranges = Vec::new();
    for item in items {
        match item {
            Item::One(m) => dates.push(m),
            Item::Range(range, lone_start) => {
                dates.extend(lone_start);
                // A month alone ("juni" in "januari–juni 2026") is no date.
                if range.end.day.is_some() || range.end.form != DateForm::Written {
                    dates.push(range.end.clone());
                }
                ranges.push(range);
            }
        }
    }
    (dates, ranges)
}

/// The date does not start inside a word or a glued number (`RS/1321/2015`).
fn leading_ok(text: &str, pos: usize) -> bool {
    let Some(before) = text.get(..pos) else {
        return false;
    };
    let mut it = before.chars().rev();
    match it.next() {
        None => true,
        Some(p) if is_word(p) => false,
        Some(p) if CONNECTORS.contains(&p) => !it.next().is_some_and(is_word),
        Some(_) => true,
    }
}

/// The date is not followed by a letter or digit, nor glued to a further
/// number (`780101-8917`, `2024-11-45`).
pub(super) fn trailing_ok(text: &str, end: usize) -> bool {
    let Some(after) = text.get(end..) else {
        return false;
    };
    let mut it = after.chars();
    match it.next() {
        None => true,
        Some(n) if is_word(n) => false,
        Some(n) if CONNECTORS.contains(&n) => !it.next().is_some_and(|c| c.is_ascii_digit()),
        Some(_) => true,
    }
}

/// The ASCII bytes of a word: letters, digits and `_`.
const ASCII_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    table
};

/// The end of the word (letters, digits, `_`) that starts at or before `i`.
pub(super) fn word_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        // ASCII letters and digits go one table look-up a byte.
        i += bytes
            .get(i..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&b| ASCII_WORD[usize::from(b)])
            .count();
        match bytes.get(i) {
            Some(b) if b.is_ascii() => return i,
            _ => match char_at(text, i) {
                Some(c) if is_word(c) => i += c.len_utf8(),
                _ => return i,
            },
        }
    }
}

/// Whitespace within a line: a date or range never spans a line break.
pub(super) fn is_hspace(c: char) -> bool {
    c == '\t' || (c.is_whitespace() && !c.is_control() && !matches!(c, '\u{2028}' | '\u{2029}'))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::dates::tests::{found, DEF};
    use crate::dates::{parse_date, scan_dates, scan_ranges};
    use jiff::civil::Weekday;
    use proptest::prelude::*;

    /// The walk as it was before the skips: every character looked at,
    /// every word start tried.
    fn reference(text: &str, compact: bool) -> Vec<Item> {
        let r = res().unwrap();
        let mut out = Vec::new();
        let mut i = 0;
        while let Some(c) = char_at(text, i) {
            if !is_word(c) {
                i += c.len_utf8();
                continue;
            }
            if let Some((item, end)) = item_at(r, text, i, c, compact) {
                out.push(item);
                i = end;
                continue;
            }
            i = word_end(text, i).max(i + c.len_utf8());
        }
        out
    }

    /// Pieces that dates, near-dates and the text around them are made of.
    const PIECES: &[&str] = &[
        "1",
        "2",
        "12",
        "31",
        "2024",
        "24",
        "240425",
        "0",
        "9",
        " ",
        "  ",
        "\t",
        "\n",
        "\u{a0}",
        "\u{2009}",
        "-",
        "/",
        ".",
        ":",
        ",",
        "–",
        "—",
        "−",
        "’",
        "(",
        ")",
        "den",
        "Den",
        ":a",
        ":e",
        "januari",
        "juni",
        "mars",
        "mar.",
        "Sept",
        "dec",
        "DECEMBER",
        "maj",
        "måndagen",
        "Lördag",
        "söndag",
        "tisdag",
        "å",
        "ä",
        "ö",
        "Å",
        "mö",
        "sö",
        "x",
        "BP",
        "RS",
        "_",
        "ordinarie",
        "sammanträdesprotokollet",
        "kommunfullmäktigesammanträdet",
        "é",
        "K",
        "\u{212a}",
        "måndagen den 19 augusti",
        "Torsdagen,\u{3000}den\u{3000}\u{3000}2 maj",
        "TORSDAGEN,\u{3000}\u{3000}\u{3000}den\u{3000}\u{3000}\u{3000}2 maj",
        "januari–juni",
        "SEPT. \t - okt",
        "januari 2025 – mars 2026",
        "Lördag 3 maj 2024",
    ];

    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(PIECES), 0..40)
            .prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// The walk with its skips and fast paths finds what the plain walk
        /// finds.
        #[test]
        fn same_as_the_plain_walk(text in text(), compact: bool) {
            prop_assert_eq!(
                split(scan_items(&text, compact)),
                split(reference(&text, compact)),
                "{:?}", text
            );
        }
    }

    #[test]
    fn offsets_after_swedish_letters() {
        let t =
            "Mötet i Umeå äger rum 2024-11-22, åter den 21 december 2023 och lördagen den 4 maj.";
        let ms = scan_dates(t, &DEF);
        let got: Vec<&str> = ms.iter().map(|m| &t[m.start..m.end]).collect();
        assert_eq!(
            got,
            ["2024-11-22", "21 december 2023", "lördagen den 4 maj"]
        );
        assert_eq!(ms[0].start, t.find("2024").unwrap());
        assert_eq!(ms[2].weekday, Some(Weekday::Saturday));
    }

    #[test]
    fn not_dates() {
        let cases = [
            "RS/1321/2015",
            "RUN 62-2024",
            "Dnr 12/2023",
            "rapport 11/2023",
            "1/2 tjänst",
            "2009:600",
            "(2019:944)",
            "3.0",
            "1.2.3",
            "9:00",
            "9.00",
            "kl. 13.15",
            "070-123 45 67",
            "08-123 456 78",
            "08-12-34",
            "232100-0222",
            "780101-8917",
            "2024-2027",
            "2024–2027",
            "2019-20",
            "45 %",
            "2.500 kr",
            "5,7 procent",
            "BP2",
            "MS1-3",
            "A4",
            "1234-56-78",
            "0701-12-12",
            "2.1",
            "3.4.1",
            "2024-11-45",
            "32 januari 2024",
            "0 januari",
            "1/13-2024",
            "0/1-2024",
            "2024-13-01",
            "2024-00",
            "12 mar2024",
            "21 decembers",
            "23-02-30",
        ];
        for s in cases {
            assert!(found(s).is_empty(), "{s}: {:?}", found(s));
            assert!(parse_date(s).is_none(), "{s}");
            let t = format!("Se {s} i Umeå.");
            assert!(found(&t).is_empty(), "{t}: {:?}", found(&t));
            assert!(scan_ranges(&t).is_empty(), "{t}");
        }
    }
}
