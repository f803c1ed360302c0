//! Swedish personal identity numbers (personnummer) and co-ordination numbers
//! (samordningsnummer) in running text: recognition, the Luhn check digit,
//! and a masked form that is safe to print.
//!
//! Forms read: `YYMMDD-NNNC`, `YYMMDD+NNNC` (age 100 or more), `YYMMDDNNNC`,
//! `YYYYMMDD-NNNC` and `YYYYMMDDNNNC`; the hyphen may also be a Word
//! non-breaking hyphen, an en dash or a minus sign. A number is recognised
//! only when its month exists, its day exists in the month (day + 60 for a
//! samordningsnummer; Feb 29 is allowed when the century is unknown) and its
//! check digit is right — so dates, diarienummer, phone numbers and
//! organisation numbers (month digits 20 or more) are not taken for one.

/// Which kind of identity number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberKind {
    /// A personal identity number (personnummer).
    Personnummer,
    /// A co-ordination number (samordningsnummer): the day plus 60.
    Samordningsnummer,
}

/// One identity number found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentityNumber {
    /// Byte offsets into the text, end exclusive.
    pub start: usize,
    pub end: usize,
    pub kind: NumberKind,
    /// The date digits as written: `780101` or `19780101`.
    pub date_digits: String,
    /// `+` for the form used from the year a person turns 100, else `-`
    /// (also when the number was written without a separator).
    pub separator: char,
}

impl IdentityNumber {
    /// The number with its last four digits hidden: `780101-****`,
    /// `19780101-****`. Safe to show in messages and logs.
    pub fn masked(&self) -> String {
        format!("{}{}****", self.date_digits, self.separator)
    }
}

/// Characters accepted between the date and the last four digits.
fn is_separator(c: char) -> bool {
    matches!(c, '-' | '+' | '\u{2011}' | '\u{2013}' | '\u{2212}')
}

/// Characters that join a number to a neighbouring number (`12-`, `3.`,
/// `4/`), making both parts of one longer identifier.
fn is_joiner(c: char) -> bool {
    is_separator(c) || matches!(c, '.' | ',' | ':' | '/')
}

/// The Luhn check digit over the nine digits YYMMDDNNN: weights 2,1,2,1,…,
/// the digits of each product summed, then (10 − sum mod 10) mod 10.
pub fn check_digit(nine: &[u8; 9]) -> u8 {
    let sum: u32 = nine
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            let p = u32::from(d) * if i % 2 == 0 { 2 } else { 1 };
            p / 10 + p % 10
        })
        .sum();
    // The sum is below 200, so the result fits in a u8.
    ((10 - sum % 10) % 10) as u8
}

fn is_leap(year: u32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in a month; with the year unknown, February has 29.
fn days_in_month(month: u8, year: Option<u32>) -> u8 {
    match month {
        2 => match year {
            Some(y) if !is_leap(y) => 28,
            _ => 29,
        },
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Validates the digits of a candidate (10 or 12 of them, no separator):
/// century, month, day, check digit. Returns the number's kind.
pub fn classify_digits(digits: &[u8]) -> Option<NumberKind> {
    let (century, rest) = match digits.len() {
        10 => (None, digits),
        12 => {
            let c = u32::from(*digits.first()?) * 10 + u32::from(*digits.get(1)?);
            if !(18..=20).contains(&c) {
                return None;
            }
            (Some(c), digits.get(2..)?)
        }
        _ => return None,
    };
    let nine: [u8; 9] = rest.get(..9)?.try_into().ok()?;
    let two = |i: usize| nine[i] * 10 + nine[i + 1];
    let (yy, month, day) = (two(0), two(2), two(4));
    if !(1..=12).contains(&month) {
        return None;
    }
    let year = century.map(|c| c * 100 + u32::from(yy));
    let (kind, day) = if day > 60 {
        (NumberKind::Samordningsnummer, day - 60)
    } else {
        (NumberKind::Personnummer, day)
    };
    if day == 0 || day > days_in_month(month, year) {
        return None;
    }
    (check_digit(&nine) == *rest.get(9)?).then_some(kind)
}

/// Reads the run of ASCII digits starting at byte `i`; returns its end.
fn digit_run_end(bytes: &[u8], i: usize) -> usize {
    let len = bytes
        .get(i..)
        .map(|b| b.iter().take_while(|c| c.is_ascii_digit()).count())
        .unwrap_or(0);
    i + len
}

/// True when the character before `start` ties the candidate to more text:
/// a letter or digit, a slash, or a joiner with a digit before it. Shared
/// with the phone-number recogniser.
pub(crate) fn joined_before(text: &str, start: usize) -> bool {
    let mut before = text.get(..start).unwrap_or("").chars().rev();
    match before.next() {
        None => false,
        Some(c) if c.is_alphanumeric() || c == '_' || c == '/' => true,
        Some(c) if is_joiner(c) => before.next().is_some_and(|d| d.is_ascii_digit()),
        Some(_) => false,
    }
}

/// The same after `end`.
pub(crate) fn joined_after(text: &str, end: usize) -> bool {
    let mut after = text.get(end..).unwrap_or("").chars();
    match after.next() {
        None => false,
        Some(c) if c.is_alphanumeric() || c == '_' || c == '/' => true,
        Some(c) if is_joiner(c) => after.next().is_some_and(|d| d.is_ascii_digit()),
        Some(_) => false,
    }
}

/// All valid personnummer and samordningsnummer in `text`, in order.
pub fn scan(text: &str) -> Vec<IdentityNumber> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(digit) = crate::chars::next_digit(bytes, i) {
        i = digit;
        let run_end = digit_run_end(bytes, i);
        if let Some(found) = candidate_at(text, i, run_end) {
            i = found.end;
            out.push(found);
        } else {
            i = run_end;
        }
    }
    out
}

/// A number starting with the digit run `start..run_end`, if it is one.
fn candidate_at(text: &str, start: usize, run_end: usize) -> Option<IdentityNumber> {
    if joined_before(text, start) {
        return None;
    }
    let bytes = text.as_bytes();
    let run = run_end - start;
    let (end, separator, date_len) = match run {
        10 | 12 => (run_end, None, run - 4),
        6 | 8 => {
            let sep = text
                .get(run_end..)?
                .chars()
                .next()
                .filter(|&c| is_separator(c))?;
            let tail = run_end + sep.len_utf8();
            let tail_end = digit_run_end(bytes, tail);
            if tail_end - tail != 4 || (sep == '+' && run == 8) {
                return None;
            }
            (tail_end, Some(sep), run)
        }
        _ => return None,
    };
    if joined_after(text, end) {
        return None;
    }
    let digits: Vec<u8> = text
        .get(start..end)?
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect();
    let kind = classify_digits(&digits)?;
    Some(IdentityNumber {
        start,
        end,
        kind,
        date_digits: text.get(start..start + date_len)?.to_string(),
        separator: if separator == Some('+') { '+' } else { '-' },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, NumberKind)> {
        scan(text)
            .into_iter()
            .map(|n| (&text[n.start..n.end], n.kind))
            .collect()
    }

    #[test]
    fn the_test_values() {
        assert_eq!(check_digit(&[7, 8, 0, 1, 0, 1, 8, 9, 1]), 7);
        assert_eq!(check_digit(&[7, 0, 1, 0, 6, 3, 2, 3, 9]), 1);
        assert_eq!(
            found("Sökande 780101-8917."),
            [("780101-8917", NumberKind::Personnummer)]
        );
        assert_eq!(
            found("Samordningsnummer 701063-2391"),
            [("701063-2391", NumberKind::Samordningsnummer)]
        );
    }

    #[test]
    fn every_written_form() {
        for form in [
            "780101-8917",
            "7801018917",
            "780101+8917",
            "19780101-8917",
            "197801018917",
            "780101\u{2013}8917",
            "780101\u{2011}8917",
        ] {
            let text = format!("pnr: {form}, se bilaga");
            assert_eq!(found(&text), [(form, NumberKind::Personnummer)], "{form}");
        }
    }

    #[test]
    fn masked_forms() {
        let m = |t: &str| scan(t).first().map(IdentityNumber::masked);
        assert_eq!(m("780101-8917").as_deref(), Some("780101-****"));
        assert_eq!(m("7801018917").as_deref(), Some("780101-****"));
        assert_eq!(m("780101+8917").as_deref(), Some("780101+****"));
        assert_eq!(m("197801018917").as_deref(), Some("19780101-****"));
        assert_eq!(m("19780101-8917").as_deref(), Some("19780101-****"));
    }

    #[test]
    fn identifiers_that_are_not_personal_numbers() {
        for text in [
            "Dnr RS/1321/2015, RUN 62-2024 och HSN 2023/145.",
            "Beslutat 2024-11-22, även skrivet 20241122.",
            "Ring 070-123 45 67, växeln 090-785 00 00 eller +46 70 123 45 67.",
            "Organisationsnummer 232100-0222.",
            "Lag (2019:944) och SFS 2018:218.",
            // Wrong check digit.
            "780101-8916 och 7801018918",
            // Part of longer digit runs or joined identifiers.
            "17801018917 och 7801018917123",
            "12-780101-8917 och 780101-8917-3 och 780101-89171",
            "RS/780101-8917 och ABC7801018917",
            "1.7801018917 och 7801018917,5",
            // Impossible dates; a 12-digit form with another century.
            "781301-8913 och 780132-8917 och 16780101-8917",
            // A 12-digit form with `+` is not a form Skatteverket uses.
            "19780101+8917",
        ] {
            assert_eq!(found(text), [], "{text}");
        }
    }

    #[test]
    fn february_29() {
        // Unknown century: Feb 29 is allowed; 1900 is no leap year, 2000 is.
        let nine = |s: &str| -> [u8; 9] {
            let v: Vec<u8> = s.bytes().map(|b| b - b'0').collect();
            v.try_into().unwrap()
        };
        let c = check_digit(&nine("000229123"));
        let short = format!("000229-123{c}");
        assert_eq!(found(&short).len(), 1);
        assert_eq!(found(&format!("20{short}")).len(), 1);
        assert_eq!(found(&format!("19{short}")), []);
    }

    #[test]
    fn samordningsnummer_day_limits() {
        let nine = |s: &str| -> [u8; 9] {
            let v: Vec<u8> = s.bytes().map(|b| b - b'0').collect();
            v.try_into().unwrap()
        };
        let ok = format!("700191-123{}", check_digit(&nine("700191123")));
        assert_eq!(found(&ok), [(ok.as_str(), NumberKind::Samordningsnummer)]);
        let bad = format!("700492-123{}", check_digit(&nine("700492123")));
        assert_eq!(found(&bad), []);
    }

    mod props {
        use super::super::*;
        use proptest::prelude::*;

        /// A valid number's 12 digits (century first) for a date, serial
        /// and kind; the check digit is computed.
        fn digits(year: u32, month: u8, day: u8, serial: u16, samordning: bool) -> Vec<u8> {
            let day = if samordning { day + 60 } else { day };
            let s = format!("{year:04}{month:02}{day:02}{serial:03}");
            let mut v: Vec<u8> = s.bytes().map(|b| b - b'0').collect();
            let nine: [u8; 9] = v[2..11].try_into().unwrap();
            v.push(check_digit(&nine));
            v
        }

        /// Every written form of the number.
        fn forms(d: &[u8], plus: bool) -> Vec<String> {
            let s: String = d.iter().map(|x| char::from(b'0' + x)).collect();
            let (long_date, short_date, tail) = (&s[..8], &s[2..8], &s[8..]);
            let sep = if plus { '+' } else { '-' };
            let mut v = vec![
                format!("{short_date}{sep}{tail}"),
                format!("{short_date}{tail}"),
                format!("{long_date}{tail}"),
                format!("{long_date}-{tail}"),
                format!("{short_date}\u{2013}{tail}"),
            ];
            if plus {
                // The long forms carry the century and never use `+`.
                v.truncate(2);
            }
            v
        }

        fn a_date() -> impl Strategy<Value = (u32, u8, u8)> {
            (1890u32..=2025, 1u8..=12, 1u8..=31)
                .prop_filter("day exists", |&(y, m, d)| d <= days_in_month(m, Some(y)))
        }

        proptest! {
            #[test]
            fn every_valid_number_is_found_in_every_form(
                (year, month, day) in a_date(),
                serial in 0u16..=999,
                samordning: bool,
                plus: bool,
            ) {
                let d = digits(year, month, day, serial, samordning);
                let want = if samordning {
                    NumberKind::Samordningsnummer
                } else {
                    NumberKind::Personnummer
                };
                for form in forms(&d, plus) {
                    let text = format!("Sökande: {form}, se bilaga 2.");
                    let found = scan(&text);
                    prop_assert_eq!(found.len(), 1, "{}", &text);
                    let n = &found[0];
                    prop_assert_eq!(&text[n.start..n.end], form.as_str());
                    prop_assert_eq!(n.kind, want);
                    // The mask keeps the date as written and hides the last four digits.
                    prop_assert!(form.starts_with(&n.date_digits));
                    prop_assert!(matches!(n.date_digits.len(), 6 | 8));
                    prop_assert_eq!(n.masked(), format!("{}{}****", n.date_digits, n.separator));
                    prop_assert_eq!(n.separator == '+', form.contains('+'));
                }
            }

            #[test]
            fn a_wrong_check_digit_is_never_found(
                (year, month, day) in a_date(),
                serial in 0u16..=999,
                samordning: bool,
                plus: bool,
                off in 1u8..=9,
            ) {
                let mut d = digits(year, month, day, serial, samordning);
                if let Some(last) = d.last_mut() {
                    *last = (*last + off) % 10;
                }
                for form in forms(&d, plus) {
                    let text = format!("Sökande: {form}, se bilaga 2.");
                    prop_assert!(scan(&text).is_empty(), "{}", &text);
                }
            }

            #[test]
            fn scan_is_total_and_spans_are_in_bounds(s in "[0-9+\\-–/ .a]{0,60}") {
                for n in scan(&s) {
                    prop_assert!(n.start < n.end && n.end <= s.len());
                    prop_assert!(s.is_char_boundary(n.start) && s.is_char_boundary(n.end));
                }
            }
        }
    }
}
