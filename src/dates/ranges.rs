//! Ranges written as one mention (`1/1–31/3-2024`, `1–3 mars 2024`,
//! `januari–juni 2026`): the two ends, the dash between them, and what the
//! start takes from the end.

use super::caps;
use super::forms::{cands_at, dm, num, pick, window, Cands, Res};
use super::month_part::month_part;
use super::scan::{is_hspace, trailing_ok};
use super::{DateForm, DateMention, DateRange};

/// Characters that separate the two ends of a range.
const DASHES: [char; 5] = ['-', '–', '—', '‒', '−'];

/// A range starting at `pos`; `cands` are the readings at `pos`.
pub(super) fn range_at(
    r: &Res,
    text: &str,
    pos: usize,
    compact: bool,
    cands: &Cands,
) -> Option<(DateRange, Option<DateMention>)> {
    use DateForm::*;
    let end_at = |e: usize| pick(&cands_at(r, text, e, compact), |x| trailing_ok(text, x));
    let after_sep = |e: usize| sep_len(text, e).map(|l| e + l);
    // Two complete dates: "2024-01-01–2024-03-31", "1 mars – 3 april 2024".
    if let Some(s) = pick(cands, |e| sep_len(text, e).is_some()) {
        if let Some(en) = after_sep(s.end).and_then(end_at) {
            if s.day.is_some() == en.day.is_some() && (s.year.is_none() || en.year.is_some()) {
                return Some((join(s.clone(), en), Some(s)));
            }
        }
    }
    let w = window(text, pos)?;
    let b = w.as_bytes();
    let n = b.iter().take_while(|b| b.is_ascii_digit()).count();
    let (start, end) = match (n, b.get(n)) {
        // "1/1–31/3-2024", "20/10 – 30/10-2024"
        (1 | 2, Some(b'/')) => {
            let c = caps::slash(&r.slash, w)?;
            let e = pos + c.get(2)?.end();
            let en = end_at(after_sep(e)?).filter(|m| matches!(m.form, SlashDash | SlashSpace))?;
            (
                dm(en.form, pos, e, None, num(&c, 2)?, Some(num(&c, 1)?))?,
                en,
            )
        }
        // "1–3 mars 2024"
        (1 | 2, _) => {
            let en = end_at(after_sep(pos + n)?).filter(|m| m.form == Written)?;
            let day = w.get(..n)?.parse().ok();
            (dm(Written, pos, pos + n, None, en.month, day)?, en)
        }
        // "januari–juni 2026"
        (0, _) => {
            let sp = month_part(r, text, pos)?;
            let (sy, se) = match sp.year {
                Some((y, e)) if sep_len(text, e).is_some() => (Some((y, false)), e),
                _ => (None, sp.end),
            };
            let es = after_sep(se)?;
            let ep = month_part(r, text, es)?;
            let (ey, ee) = match ep.year {
                Some((y, e)) if trailing_ok(text, e) => (Some((y, false)), e),
                _ => (None, ep.end),
            };
            if !trailing_ok(text, ee) || (sy.is_some() && ey.is_none()) {
                return None;
            }
            let s = dm(Written, pos, se, sy, sp.month, None)?;
            (s, dm(Written, es, ee, ey, ep.month, None)?)
        }
        _ => return None,
    };
    Some((join(start, end), None))
}

fn join(start: DateMention, end: DateMention) -> DateRange {
    let start = match (start.year, end.year) {
        (None, Some(y)) if start.month > end.month => start.with_year(y.saturating_sub(1)),
        (None, Some(y)) => start.with_year(y),
        _ => start,
    };
    DateRange {
        span: (start.start, end.end),
        start,
        end,
    }
}

/// Length of a range separator (`-`, `–`, ` – `) at `pos`.
fn sep_len(text: &str, pos: usize) -> Option<usize> {
    let (mut len, mut spaces, mut dash) = (0, 0, false);
    for c in text.get(pos..)?.chars() {
        if is_hspace(c) && spaces < 3 {
            spaces += 1;
        } else if !dash && DASHES.contains(&c) {
            dash = true;
            spaces = 0;
        } else {
            break;
        }
        len += c.len_utf8();
    }
    dash.then_some(len)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::dates::tests::{found, DEF};
    use crate::dates::{scan_dates, scan_ranges};

    type Full = (i16, u8, Option<u8>);

    fn range(t: &str) -> (DateRange, &str) {
        let rs = scan_ranges(t);
        assert_eq!(rs.len(), 1, "{t}: {rs:?}");
        let r = rs.into_iter().next().unwrap();
        let s = &t[r.span.0..r.span.1];
        (r, s)
    }

    #[test]
    fn ranges() {
        use DateForm::*;
        let cases: &[(&str, &str, Full, Full, DateForm)] = &[
            (
                "Period 1/1–31/3-2024.",
                "1/1–31/3-2024",
                (2024, 1, Some(1)),
                (2024, 3, Some(31)),
                SlashDash,
            ),
            (
                "1/1-31/3-2024",
                "1/1-31/3-2024",
                (2024, 1, Some(1)),
                (2024, 3, Some(31)),
                SlashDash,
            ),
            (
                "från 2024-01-01–2024-03-31 gäller",
                "2024-01-01–2024-03-31",
                (2024, 1, Some(1)),
                (2024, 3, Some(31)),
                Iso,
            ),
            (
                "2024-01-01-2024-03-31",
                "2024-01-01-2024-03-31",
                (2024, 1, Some(1)),
                (2024, 3, Some(31)),
                Iso,
            ),
            (
                "Umeå 20/10 – 30/10-2024",
                "20/10 – 30/10-2024",
                (2024, 10, Some(20)),
                (2024, 10, Some(30)),
                SlashDash,
            ),
            (
                "20/10-30/10 2024",
                "20/10-30/10 2024",
                (2024, 10, Some(20)),
                (2024, 10, Some(30)),
                SlashSpace,
            ),
            (
                "Kursen 1–3 mars 2024 i Åre",
                "1–3 mars 2024",
                (2024, 3, Some(1)),
                (2024, 3, Some(3)),
                Written,
            ),
            (
                "under januari–juni 2026.",
                "januari–juni 2026",
                (2026, 1, None),
                (2026, 6, None),
                Written,
            ),
            (
                "1 mars – 3 april 2024",
                "1 mars – 3 april 2024",
                (2024, 3, Some(1)),
                (2024, 4, Some(3)),
                Written,
            ),
            (
                "30/12–2/1-2024",
                "30/12–2/1-2024",
                (2023, 12, Some(30)),
                (2024, 1, Some(2)),
                SlashDash,
            ),
            (
                "2024-01–2024-06",
                "2024-01–2024-06",
                (2024, 1, None),
                (2024, 6, None),
                IsoMonth,
            ),
            (
                "januari 2025 – mars 2026",
                "januari 2025 – mars 2026",
                (2025, 1, None),
                (2026, 3, None),
                Written,
            ),
        ];
        for (t, span, s, e, form) in cases {
            let (r, got) = range(t);
            assert_eq!(got, *span, "{t}");
            assert_eq!(
                (r.start.year.unwrap(), r.start.month, r.start.day),
                *s,
                "{t}"
            );
            assert_eq!((r.end.year.unwrap(), r.end.month, r.end.day), *e, "{t}");
            assert_eq!(r.start.form, *form, "{t}");
            assert!(r.start.valid && r.end.valid, "{t}");
            assert_eq!(&t[r.start.start..r.end.end], *span);
        }
        let list = "Möten:\n- 2024-01-15\n- 2024-02-20\n";
        assert!(scan_ranges(list).is_empty());
        assert_eq!(found(list), ["2024-01-15", "2024-02-20"]);
        let (r, _) = range("maj–juni");
        assert_eq!((r.start.year, r.start.month, r.end.month), (None, 5, 6));
        // scan_dates keeps the ends that are dates on their own.
        assert_eq!(found("1/1–31/3-2024"), ["31/3-2024"]);
        assert_eq!(found("1–3 mars 2024"), ["3 mars 2024"]);
        assert_eq!(found("2024-01-01-2024-03-31"), ["2024-01-01", "2024-03-31"]);
        assert_eq!(found("1 mars – 3 april 2024"), ["1 mars", "3 april 2024"]);
        assert_eq!(scan_dates("1 mars – 3 april 2024", &DEF)[0].year, None);
        assert!(found("januari–juni 2026").is_empty());
        // Invalid ends are kept with valid = false.
        let (r, _) = range("31/4–2/5-2024");
        assert!(!r.start.valid && r.end.valid);
        for t in [
            "2024-2027",
            "MS1-3 mars",
            "januari 2024 – juni",
            "RUN 12-2024",
            "1-3",
        ] {
            assert!(scan_ranges(t).is_empty(), "{t}");
        }
    }
}
