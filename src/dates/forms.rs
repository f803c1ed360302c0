//! The ways a single date is written: one pattern a form (read by hand in
//! `caps.rs` where it is all digits, else a regex), tried only where the
//! characters at a position say it may match, and the readings it gives.

use super::month_part::month_part;
use super::names::{may_be_date_name, weekday_from_swedish};
use super::scan::is_hspace;
use super::{DateForm, DateMention};
use crate::chars::is_letter;
use std::ops::RangeInclusive;
use std::sync::LazyLock;

use super::caps::{self, Caps};
use regex::Regex;

/// Four-digit years outside this range are not taken as years.
pub(super) const YEARS: RangeInclusive<i16> = 1000..=2999;
/// The most bytes one match attempt looks at.
const WINDOW: usize = 64;

pub(super) struct Res {
    /// The spec the hand reading in `caps.rs` is tested against.
    #[cfg(test)]
    pub(super) iso: Regex,
    /// The spec the hand reading in `caps.rs` is tested against.
    #[cfg(test)]
    pub(super) dotted_ymd: Regex,
    /// The spec the hand reading in `caps.rs` is tested against.
    #[cfg(test)]
    pub(super) dotted_dmy: Regex,
    pub(super) slash: Regex,
    /// The spec the hand reading in `caps.rs` is tested against.
    #[cfg(test)]
    pub(super) two_iso: Regex,
    /// The spec the hand reading in `caps.rs` is tested against.
    #[cfg(test)]
    pub(super) compact: Regex,
    pub(super) day_prefix: Regex,
    pub(super) month_part: Regex,
    pub(super) weekday: Regex,
    pub(super) den: Regex,
}

static RES: LazyLock<Option<Res>> = LazyLock::new(|| {
    let re = |p: &str| Regex::new(p).ok();
    Some(Res {
        #[cfg(test)]
        iso: re(r"^([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?")?,
        #[cfg(test)]
        dotted_ymd: re(r"^([0-9]{4})\.([0-9]{1,2})\.([0-9]{1,2})")?,
        #[cfg(test)]
        dotted_dmy: re(r"^([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})")?,
        slash: re(
            r"^([0-9]{1,2})/([0-9]{1,2})(?:-([0-9]{4}|[0-9]{2})|[\p{Zs}\t]{1,3}([0-9]{4}))?",
        )?,
        #[cfg(test)]
        two_iso: re(r"^([0-9]{2})-([0-9]{2})-([0-9]{2})")?,
        #[cfg(test)]
        compact: re(r"^([0-9]{2})([0-9]{2})([0-9]{2})")?,
        day_prefix: re(r"^([0-9]{1,2})(?::[aeAE])?[\p{Zs}\t]{1,3}")?,
        month_part: re(r"^(\p{L}+)(\.)?(?:[\p{Zs}\t]{1,3}([0-9]{4}))?")?,
        weekday: re(r"^(\p{L}+),?(?:[\p{Zs}\t]{1,3}(?i:den))?[\p{Zs}\t]{1,3}")?,
        den: re(r"^(?i:den)[\p{Zs}\t]{1,3}")?,
    })
});

pub(super) fn res() -> Option<&'static Res> {
    RES.as_ref()
}

/// Up to two readings at one position, preferred first (`21 december 2023`
/// before `21 december`); the first whose end fits the context wins.
pub(super) type Cands = [Option<DateMention>; 2];

/// At most [`WINDOW`] bytes of `text` from `pos`, cut at a char boundary.
pub(super) fn window(text: &str, pos: usize) -> Option<&str> {
    let rest = text.get(pos..)?;
    let mut w = rest.len().min(WINDOW);
    while !rest.is_char_boundary(w) {
        w -= 1;
    }
    rest.get(..w)
}

pub(super) fn num<T: std::str::FromStr>(c: &Caps<'_>, i: usize) -> Option<T> {
    c.get(i)?.as_str().parse().ok()
}

pub(super) fn year4(c: &Caps<'_>, i: usize) -> Option<(i16, bool)> {
    num::<i16>(c, i)
        .filter(|y| YEARS.contains(y))
        .map(|y| (y, false))
}

fn year2(c: &Caps<'_>, i: usize) -> Option<(i16, bool)> {
    let y: i16 = num(c, i)?;
    Some((if y < 70 { 2000 + y } else { 1900 + y }, true))
}

/// A mention, if month and day are in 1..=12 and 1..=31.
pub(super) fn dm(
    form: DateForm,
    start: usize,
    end: usize,
    year: Option<(i16, bool)>,
    month: u8,
    day: Option<u8>,
) -> Option<DateMention> {
    if !(1..=12).contains(&month) || day.is_some_and(|d| !(1..=31).contains(&d)) {
        return None;
    }
    let m = DateMention {
        start,
        end,
        form,
        year: year.map(|(y, _)| y),
        month,
        day,
        two_digit_year: year.is_some_and(|(_, two)| two),
        valid: false,
        weekday: None,
        weekday_mismatch: false,
    };
    Some(m.refreshed())
}

pub(super) fn pick(cands: &Cands, ok: impl Fn(usize) -> bool) -> Option<DateMention> {
    cands.iter().flatten().find(|m| ok(m.end)).cloned()
}

/// Whether a month name may follow a day number that ends at `end`
/// (`21 december`, `1:a maj`): white space, then a word that begins like a
/// month. Most numbers in a text are followed by other words, and this
/// test spares them the regexes of [`written_cands`].
fn month_may_follow(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    let rest = match rest.strip_prefix(':') {
        Some(ordinal) => ordinal.get(1..).unwrap_or(""),
        None => rest,
    };
    let word = rest.trim_start_matches(is_hspace);
    word.len() < rest.len() && may_be_date_name(word)
}

/// `21 december 2023`, `1:a maj` at `pos`.
fn written_cands(r: &Res, text: &str, pos: usize) -> Option<Cands> {
    let c = caps::day_prefix(&r.day_prefix, window(text, pos)?)?;
    let day = num(&c, 1)?;
    let mp = month_part(r, text, pos + c.get(0)?.end())?;
    let base = dm(DateForm::Written, pos, mp.end, None, mp.month, Some(day))?;
    let with_year = mp.year.and_then(|(y, end)| {
        dm(
            DateForm::Written,
            pos,
            end,
            Some((y, false)),
            mp.month,
            Some(day),
        )
    });
    Some([with_year, Some(base)])
}

/// The readings of the one form that matches at `pos`.
pub(super) fn cands_at(r: &Res, text: &str, pos: usize, compact: bool) -> Cands {
    cands_inner(r, text, pos, compact).unwrap_or_default()
}

fn cands_inner(r: &Res, text: &str, pos: usize, compact: bool) -> Option<Cands> {
    use DateForm::*;
    let w = window(text, pos)?;
    if is_letter(w.chars().next()?) {
        // Most words are no weekday: test the word before running the regex.
        let word_end = w.find(|c: char| !is_letter(c)).unwrap_or(w.len());
        weekday_from_swedish(&w[..word_end])?;
        let c = Caps::of(&r.weekday, w)?;
        let wd = weekday_from_swedish(c.get(1)?.as_str())?;
        let inner = written_cands(r, text, pos + c.get(0)?.end())?;
        return Some(inner.map(|m| {
            m.map(|m| {
                DateMention {
                    start: pos,
                    form: WeekdayWritten,
                    weekday: Some(wd),
                    ..m
                }
                .refreshed()
            })
        }));
    }
    let b = w.as_bytes();
    let n = b.iter().take_while(|b| b.is_ascii_digit()).count();
    let end = |c: &Caps<'_>| c.get(0).map_or(pos, |m| pos + m.end());
    let one = |m: Option<DateMention>| Some([m, None]);
    match (n, b.get(n)) {
        (4, Some(b'-')) => {
            let c = caps::iso(w)?;
            let day = match c.get(3) {
                Some(_) => Some(num(&c, 3)?),
                None => None,
            };
            let form = if day.is_some() { Iso } else { IsoMonth };
            one(dm(
                form,
                pos,
                end(&c),
                Some(year4(&c, 1)?),
                num(&c, 2)?,
                day,
            ))
        }
        (4, Some(b'.')) => {
            let c = caps::dotted_ymd(w)?;
            let year = Some(year4(&c, 1)?);
            one(dm(
                Dotted,
                pos,
                end(&c),
                year,
                num(&c, 2)?,
                Some(num(&c, 3)?),
            ))
        }
        (1 | 2, Some(b'/')) => {
            let c = caps::slash(&r.slash, w)?;
            let (form, year) = match (c.get(3), c.get(4)) {
                (Some(y), _) if y.len() == 4 => (SlashDash, year4(&c, 3)?),
                (Some(_), _) => (SlashDash, year2(&c, 3)?),
                (None, Some(_)) => (SlashSpace, year4(&c, 4)?),
                (None, None) => return None,
            };
            one(dm(
                form,
                pos,
                end(&c),
                Some(year),
                num(&c, 2)?,
                Some(num(&c, 1)?),
            ))
        }
        (1 | 2, Some(b'.')) => {
            let c = caps::dotted_dmy(w)?;
            let year = Some(year4(&c, 3)?);
            one(dm(
                Dotted,
                pos,
                end(&c),
                year,
                num(&c, 2)?,
                Some(num(&c, 1)?),
            ))
        }
        (2, Some(b'-')) => {
            let c = caps::two_iso(w)?;
            let m = dm(
                TwoDigitIso,
                pos,
                end(&c),
                Some(year2(&c, 1)?),
                num(&c, 2)?,
                Some(num(&c, 3)?),
            );
            one(m.filter(|m| m.valid))
        }
        (6, _) if compact => {
            let c = caps::compact(w)?;
            one(dm(
                Compact,
                pos,
                end(&c),
                Some(year2(&c, 1)?),
                num(&c, 2)?,
                Some(num(&c, 3)?),
            ))
        }
        (1 | 2, _) if month_may_follow(text, pos + n) => written_cands(r, text, pos),
        _ => None,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::dates::tests::{found, one, ymd, Ymd};
    use crate::dates::{parse_date, scan_dates, ScanOptions};

    #[test]
    fn regexes_compile() {
        assert!(res().is_some());
    }

    #[test]
    fn every_form() {
        use DateForm::*;
        let cases: &[(&str, DateForm, Ymd, bool)] = &[
            ("2024-11-22", Iso, (Some(2024), 11, Some(22)), false),
            ("2024-11", IsoMonth, (Some(2024), 11, None), false),
            ("21/12-2023", SlashDash, (Some(2023), 12, Some(21)), false),
            ("1/1-2024", SlashDash, (Some(2024), 1, Some(1)), false),
            ("30/6-24", SlashDash, (Some(2024), 6, Some(30)), true),
            ("8/12-24", SlashDash, (Some(2024), 12, Some(8)), true),
            ("8/12-98", SlashDash, (Some(1998), 12, Some(8)), true),
            ("20/10 2024", SlashSpace, (Some(2024), 10, Some(20)), false),
            ("2023.12.21", Dotted, (Some(2023), 12, Some(21)), false),
            ("21.12.2023", Dotted, (Some(2023), 12, Some(21)), false),
            ("23-12-21", TwoDigitIso, (Some(2023), 12, Some(21)), true),
            (
                "21 december 2023",
                Written,
                (Some(2023), 12, Some(21)),
                false,
            ),
            ("21 dec 2023", Written, (Some(2023), 12, Some(21)), false),
            ("21 dec. 2023", Written, (Some(2023), 12, Some(21)), false),
            ("5 Sept. 2024", Written, (Some(2024), 9, Some(5)), false),
            ("den 21 december", Written, (None, 12, Some(21)), false),
            ("1:a maj 2024", Written, (Some(2024), 5, Some(1)), false),
            (
                "21\u{a0}december\u{a0}2023",
                Written,
                (Some(2023), 12, Some(21)),
                false,
            ),
            (
                "måndagen den 19 augusti",
                WeekdayWritten,
                (None, 8, Some(19)),
                false,
            ),
            (
                "måndag 19 augusti 2024",
                WeekdayWritten,
                (Some(2024), 8, Some(19)),
                false,
            ),
            (
                "Måndag den 19 Augusti 2024",
                WeekdayWritten,
                (Some(2024), 8, Some(19)),
                false,
            ),
        ];
        for (s, form, want, two) in cases {
            let m = one(s);
            assert_eq!(
                (m.form, ymd(&m), m.two_digit_year),
                (*form, *want, *two),
                "{s}"
            );
            assert!(m.valid, "{s}");
            assert!(!m.weekday_mismatch, "{s}");
            assert_eq!(found(s).len(), 1, "{s}");
        }
        assert_eq!(one("  2024-11-22 ").start, 2);
        assert_eq!(one("den 21 december").start, 4);
    }

    #[test]
    fn compact_only_when_asked() {
        let on = ScanOptions { compact: true };
        assert!(found("240425").is_empty());
        assert!(parse_date("240425").is_none());
        let m = scan_dates("Beslut 240425.", &on);
        assert_eq!(m.len(), 1);
        assert_eq!(
            (m[0].form, ymd(&m[0])),
            (DateForm::Compact, (Some(2024), 4, Some(25)))
        );
        for s in ["780101-8917", "232100-0222", "1234567", "12345"] {
            assert!(scan_dates(s, &on).is_empty(), "{s}");
        }
    }

    #[test]
    fn written_edges() {
        assert_eq!(found("Vi ses 5 mars."), ["5 mars"]);
        assert_eq!(found("Vi ses 5 mar. Sedan"), ["5 mar."]);
        assert_eq!(found("Vi ses 5 mars. 2024 blir bra"), ["5 mars"]);
        assert_eq!(found("den 1 januari 2009:600 gäller"), ["1 januari"]);
        assert_eq!(found("den 5 maj 20245"), ["5 maj"]);
        assert_eq!(found("(21 december 2023)"), ["21 december 2023"]);
        assert_eq!(found("2024-11-22.\n2024-11"), ["2024-11-22", "2024-11"]);
        assert_eq!(one("2024-11-22").end, 10);
        assert_eq!(found("Antal: 3\nMaj Larsson"), Vec::<&str>::new());
        assert_eq!(
            found("21\u{202f}dec\u{2009}2023"),
            ["21\u{202f}dec\u{2009}2023"]
        );
    }
}
