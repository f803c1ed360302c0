//! Tests of the public API in `mod.rs`: what a mention says about its
//! date, hostile input, and properties over every spelling of a date; and
//! the helpers the tests in the other files share.

use super::names::WEEKDAYS_SV;
use super::*;
use proptest::prelude::*;

pub(super) type Ymd = (Option<i16>, u8, Option<u8>);

pub(super) const DEF: ScanOptions = ScanOptions { compact: false };

pub(super) fn one(s: &str) -> DateMention {
    parse_date(s).unwrap_or_else(|| panic!("no date in {s:?}"))
}

pub(super) fn ymd(m: &DateMention) -> Ymd {
    (m.year, m.month, m.day)
}

pub(super) fn found(text: &str) -> Vec<&str> {
    scan_dates(text, &DEF)
        .iter()
        .map(|m| &text[m.start..m.end])
        .collect()
}

#[test]
fn invalid_dates_are_reported() {
    for (s, want) in [
        ("31/4-2024", (Some(2024), 4, Some(31))),
        ("2023-02-29", (Some(2023), 2, Some(29))),
        ("2024-02-30", (Some(2024), 2, Some(30))),
        ("30 februari 2024", (Some(2024), 2, Some(30))),
        ("30 februari", (None, 2, Some(30))),
        ("31 juni", (None, 6, Some(31))),
    ] {
        let m = one(s);
        assert_eq!(ymd(&m), want, "{s}");
        assert!(!m.valid, "{s}");
        assert_eq!(found(&format!("Den {s}.")), [s]);
    }
    assert!(one("29 februari").valid);
    assert!(one("2024-02-29").valid);
    assert!(!one("29 februari").with_year(2023).valid);
}

#[test]
fn weekdays() {
    let m = one("måndagen den 19 augusti");
    assert_eq!(m.weekday, Some(Weekday::Monday));
    assert!(!m.with_year(2024).weekday_mismatch);
    assert!(m.with_year(2025).weekday_mismatch);
    let m = one("tisdag 19 augusti 2024");
    assert!(m.weekday_mismatch && m.valid);
    assert!(parse_date("måndag").is_none());
    assert!(parse_date("måndag den").is_none());
    assert!(found("På måndag den 3:e tar vi det.").is_empty());
}

#[test]
fn mention_conversions() {
    let m = one("21/12-2023");
    assert_eq!(m.iso().as_deref(), Some("2023-12-21"));
    assert_eq!(m.written_sv().as_deref(), Some("21 december 2023"));
    assert_eq!(m.to_civil(), Date::new(2023, 12, 21).ok());
    let m = one("2024-11");
    assert_eq!(m.iso().as_deref(), Some("2024-11"));
    assert_eq!(m.written_sv().as_deref(), Some("november 2024"));
    assert_eq!(m.to_civil(), None);
    let m = one("1 mar.");
    assert_eq!(m.iso(), None);
    assert_eq!(m.written_sv().as_deref(), Some("1 mars"));
    let m = m.with_year(2024);
    assert_eq!(
        (m.year, m.iso().as_deref()),
        (Some(2024), Some("2024-03-01"))
    );
    assert_eq!(one("2023-02-29").to_civil(), None);
}

#[test]
fn hostile_inputs() {
    let long_digits = "9".repeat(100_000);
    for s in [
        "",
        " ",
        "99999999999999999999/99999999999-99999999999",
        "4294967296-4294967296-4294967296",
        "99/99-9999 99.99.9999 99 december 99999",
        "\u{0663}\u{0663}/\u{0663}-\u{0663}\u{0663}\u{0663}\u{0663}",
        "1/1-2024\u{0301}",
        "21 decemberé 2023",
        "5 ".repeat(10_000).as_str(),
        long_digits.as_str(),
    ] {
        let _ = scan_dates(s, &ScanOptions { compact: true });
        let _ = scan_ranges(s);
        let _ = parse_date(s);
    }
    let m = DateMention {
        month: 200,
        day: Some(250),
        ..one("2024-11-22")
    };
    assert_eq!((m.to_civil(), m.iso(), m.written_sv()), (None, None, None));
    assert!(!m.refreshed().valid);
    assert!(!one("1 maj").with_year(i16::MIN).valid);
}

#[test]
fn scanning_a_megabyte_completes() {
    let alphabet = b"0123456789/-. 0123456789/ ";
    let mut x: u32 = 12345;
    let mut s = String::with_capacity(1 << 20);
    while s.len() < 1 << 20 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        s.push(char::from(alphabet[(x >> 16) as usize % alphabet.len()]));
    }
    let ms = scan_dates(&s, &ScanOptions { compact: true });
    assert!(ms.windows(2).all(|w| w[0].end <= w[1].start));
    let _ = scan_ranges(&s);
    let words = "1 januari 2024 måndagen den ".repeat(40_000);
    assert!(scan_dates(&words, &DEF).len() >= 40_000);
}

const ABBREVS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];

fn spellings(date: Date, dot: bool, sept: bool, definite: bool) -> Vec<String> {
    let (y, m, d) = (date.year(), date.month(), date.day());
    let full = MONTHS_SV[m as usize - 1];
    let mut abbr = ABBREVS[m as usize - 1].to_string();
    if sept && m == 9 {
        abbr = "sept".into();
    }
    if dot && m != 5 {
        abbr.push('.');
    }
    let wd = WEEKDAYS_SV
        .iter()
        .find(|(_, w)| *w == date.weekday())
        .unwrap()
        .0;
    let wd = if definite {
        format!("{wd}en den")
    } else {
        wd.to_string()
    };
    let mut v = vec![
        format!("{y}-{m:02}-{d:02}"),
        format!("{d}/{m}-{y}"),
        format!("{d:02}/{m:02}-{y}"),
        format!("{d}/{m} {y}"),
        format!("{d} {full} {y}"),
        format!("{d} {abbr} {y}"),
        format!("{y}.{m:02}.{d:02}"),
        format!("{d}.{m}.{y}"),
        format!("{wd} {d} {full} {y}"),
    ];
    if (2000..=2069).contains(&y) {
        let yy = y % 100;
        v.push(format!("{d}/{m}-{yy:02}"));
        v.push(format!("{yy:02}-{m:02}-{d:02}"));
    }
    v
}

fn token_soup() -> impl Strategy<Value = String> {
    let tokens = prop::sample::select(vec![
        "2024",
        "-",
        "–",
        "11",
        "/",
        " ",
        "  ",
        ".",
        ":",
        ",",
        "1",
        "31",
        "30",
        "02",
        "29",
        "den",
        "mars",
        "dec.",
        "maj",
        "måndagen",
        "fredag",
        "Umeå",
        "é",
        "\u{a0}",
        "\n",
        "240425",
        "-8917",
        "24",
        "1:a",
        "juni",
        "2026",
        "x",
        "_",
    ]);
    prop::collection::vec(tokens, 0..40).prop_map(|v| v.concat())
}

fn check_spans(text: &str, opts: &ScanOptions) {
    let ms = scan_dates(text, opts);
    for m in &ms {
        assert!(m.start < m.end && m.end <= text.len());
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
    }
    assert!(ms.windows(2).all(|w| w[0].end <= w[1].start), "{text:?}");
    if !opts.compact {
        for m in &ms {
            let p = parse_date(&text[m.start..m.end]);
            let p = p.unwrap_or_else(|| panic!("{text:?}: {m:?}"));
            assert_eq!(
                (p.form, ymd(&p), p.valid),
                (m.form, ymd(m), m.valid),
                "{text:?}"
            );
        }
    }
    let rs = scan_ranges(text);
    for r in &rs {
        assert!(text.is_char_boundary(r.span.0) && text.is_char_boundary(r.span.1));
        assert!(r.span.0 < r.span.1 && r.start.end <= r.end.start);
    }
    assert!(rs.windows(2).all(|w| w[0].span.1 <= w[1].span.0));
}

proptest! {
    #[test]
    fn every_spelling_parses_and_scans(
        y in 1990i16..=2060, m in 1i8..=12, d in 1i8..=31,
        dot: bool, sept: bool, definite: bool,
    ) {
        let Ok(date) = Date::new(y, m, d) else { return Ok(()) };
        let want = (Some(y), m as u8, Some(d as u8));
        for s in spellings(date, dot, sept, definite) {
            let p = parse_date(&s);
            prop_assert!(p.is_some(), "{}", s);
            let p = p.unwrap();
            prop_assert_eq!(ymd(&p), want, "{}", &s);
            prop_assert!(p.valid && !p.weekday_mismatch, "{}", &s);
            let text = format!("Mötet den {s} i Umeå.");
            let ms = scan_dates(&text, &DEF);
            prop_assert_eq!(ms.len(), 1, "{}", &text);
            let start = "Mötet den ".len();
            prop_assert_eq!((ms[0].start, ms[0].end), (start, start + s.len()), "{}", &text);
            prop_assert_eq!(ymd(&ms[0]), want, "{}", &text);
        }
    }

    #[test]
    fn scan_is_total_on_any_string(s in "\\PC{0,120}") {
        check_spans(&s, &DEF);
        check_spans(&s, &ScanOptions { compact: true });
        let _ = parse_date(&s);
    }

    #[test]
    fn scan_is_total_on_date_like_soup(s in token_soup()) {
        check_spans(&s, &DEF);
        check_spans(&s, &ScanOptions { compact: true });
        if let Some(m) = parse_date(&s) {
            prop_assert!(m.end == s.trim_end().len());
        }
    }
}
