//! Tests of the identifier scan, and the proof that the fast scan finds
//! exactly what the reference (the scan before the speed-ups) finds.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::*;
use IdentifierKind::*;

fn found(text: &str) -> Vec<(IdentifierKind, &str)> {
    find_identifiers(text, &IdentifierKind::ALL)
        .into_iter()
        .map(|i| (i.kind, &text[i.span.start..i.span.end]))
        .collect()
}

fn has(text: &str, kind: IdentifierKind, what: &str) {
    let f = found(text);
    assert!(f.contains(&(kind, what)), "{what:?} as {kind:?} in {f:?}");
}

fn lacks(text: &str, kind: IdentifierKind) {
    let f = found(text);
    assert!(f.iter().all(|(k, _)| *k != kind), "no {kind:?} in {f:?}");
}

/// Whether the pattern finds an identifier on the line, as
/// [`find_identifiers`] keeps them.
fn finds_some(kind: IdentifierKind, re: &regex::Regex, line: &str) -> bool {
    re.find_iter(line).any(|m| {
        let s = m
            .as_str()
            .trim_end_matches(['.', ',', ';', ':', '!', '?', ' ', '\t']);
        let (start, end) = (m.start(), m.start() + s.len());
        start < end && accept(kind, s, line, start, end)
    })
}

/// A gate never turns away a line (with a digit, as every line asked
/// about has) on which the reference passed the pattern's gate and found
/// something; and where the ASCII word boundary is used, it finds what the
/// Unicode one finds.
fn gates_keep(line: &str) {
    let mut facts = LineFacts::of(line, Vec::new());
    let mut old = reference::LineFacts::of(line);
    let clean = facts.digits_clean();
    let digit = line.bytes().any(|b| b.is_ascii_digit());
    for (p, (_, _, old_gate)) in PATTERNS.iter().zip(reference::PATTERNS.iter()) {
        let (kind, re) = (p.kind, p.re.re().unwrap());
        if digit && !facts.passes(&p.gate) {
            let found = old.passes(old_gate) && finds_some(kind, re, line);
            assert!(!found, "{kind:?} {re} on {line:?}");
        }
        if let (Some(ascii), true) = (p.ascii.as_ref().and_then(|a| a.re()), clean) {
            let unicode: Vec<_> = re.find_iter(line).map(|m| m.range()).collect();
            let fast: Vec<_> = ascii.find_iter(line).map(|m| m.range()).collect();
            assert_eq!(unicode, fast, "{kind:?} {re} on {line:?}");
        }
    }
}

#[test]
fn gates_keep_every_fixture_line() {
    for (_, text) in crate::test_files::fixture_and_seed_texts() {
        text.lines().for_each(gates_keep);
    }
    for line in [
        "Dnr RS/1321/2015",
        "Ärendenummer: KS 2023/145",
        "ÄRENDENR 12-2024",
        "Version 4.1",
        "VER. 2",
        "verſion 3",
        "Bankgiro 1234-5678",
        "PG: 12 34 56-7",
        "SS-EN ISO 9001:2015",
        "Ring 090-785 00 00 eller +46 70 123 45 67",
        "780101-8917 och 19780101+8917",
        "RUN 62-2024, KS-2023-145, ÅÄ 2023/12-5",
    ] {
        gates_keep(line);
    }
}

proptest::proptest! {
    #[test]
    fn gates_keep_generated_lines(
        line in "[0-9 ./:+-]{0,6}(Dnr|dnr|Ärendenr|diarienr|Version|ver\\.|VER\\.|bankgiro|BG|pg|SS|SIS|EN|ISO|IEC|v|Kl|[A-ZÅÄ]{2,4})?[0-9 ./:+()–-]{0,14}"
    ) {
        gates_keep(&line);
    }
}

#[test]
fn every_pattern_compiles() {
    assert_eq!(PATTERNS.len(), 17);
    for p in PATTERNS.iter() {
        assert!(p.re.re().is_some(), "{:?}", p.re);
        assert!(
            p.ascii.as_ref().is_none_or(|a| a.re().is_some()),
            "{:?}",
            p.ascii
        );
    }
}

#[test]
fn case_numbers() {
    has("Dnr:RS/1321/2015", CaseNumber, "RS/1321/2015");
    has(
        "enligt styrmodellen (RS/101/2015) finns",
        CaseNumber,
        "RS/101/2015",
    );
    has("RUN 62-2024\n", CaseNumber, "RUN 62-2024");
    has("ärende KS 2023/145.", CaseNumber, "KS 2023/145");
    has("Dnr 12/2023 gäller", CaseNumber, "Dnr 12/2023");
    has(
        "diarienummer: 1234-2023.",
        CaseNumber,
        "diarienummer: 1234-2023",
    );
}

#[test]
fn law_references() {
    has("Språklagen (2009:600) 11 §", LawReference, "2009:600");
    has("Lag (2019:944) om", LawReference, "2019:944");
    has("SFS 2017:725", LawReference, "2017:725");
    has("prop. 2008/09:153", LawReference, "2008/09:153");
    has("Ds 2009:38.", LawReference, "2009:38");
    lacks("klockan 10:30:45", LawReference);
}

#[test]
fn urls_and_email() {
    has(
        "Se https://www.riksdagen.se/sv/dokument/sfs-2009-600.",
        Url,
        "https://www.riksdagen.se/sv/dokument/sfs-2009-600",
    );
    has("på www.1177.se, där", Url, "www.1177.se");
    has(
        "mejla registrator@regionvasterbotten.se.",
        Email,
        "registrator@regionvasterbotten.se",
    );
}

#[test]
fn phone_numbers() {
    has("Ring 090-785 00 00 i dag", Phone, "090-785 00 00");
    has("tel. +46 90 785 00 00.", Phone, "+46 90 785 00 00");
    has("mobil 070-123 45 67", Phone, "070-123 45 67");
    has("Växel: 0771-11 11 11", Phone, "0771-11 11 11");
    // Too few digits to be a phone number.
    lacks("sidan 01-12", Phone);
}

#[test]
fn versions_and_section_numbers() {
    has("UPPDRAGiL 3.0 ", Version, "UPPDRAGiL 3.0");
    has("kör v1.2.3 nu", Version, "v1.2.3");
    has("Version 4.1 av mallen", Version, "Version 4.1");
    has("se avsnitt 3.4.1.", Version, "3.4.1");
    // A dotted date and a dotted thousand are not versions.
    lacks("den 2023.12.21", Version);
    lacks("1.250.000 kronor", Version);
}

#[test]
fn dates_times_and_numbers() {
    has("Fastställd 2024-10-15.", IsoDate, "2024-10-15");
    has("från 2024-11 till", IsoDate, "2024-11");
    has("kl. 9.00–12.00", Time, "9.00");
    has("kl. 9.00–12.00", Time, "12.00");
    has("org.nr 232100-0222", IdNumber, "232100-0222");
    has("Bankgiro 1234-5678.", IdNumber, "Bankgiro 1234-5678");
    has("pg 12 34 56-7", IdNumber, "pg 12 34 56-7");
    has(
        "enligt SS-EN ISO 9001:2015",
        Standard,
        "SS-EN ISO 9001:2015",
    );
    has("enligt EN 50126-1 ska", Standard, "EN 50126-1");
    // Year ranges and thousands are none of these.
    assert!(
        found("under 2024-2027").is_empty(),
        "{:?}",
        found("under 2024-2027")
    );
    assert!(
        found("2.500 kronor").is_empty(),
        "{:?}",
        found("2.500 kronor")
    );
    assert!(found("25% av 1,5 miljoner").is_empty());
}

/// Pieces the generated lines are made of: digits, separators, capitals
/// and small letters (Swedish ones too), the en dash, the words the gates
/// look for, URL openings, and a few characters at the edges of the
/// reasoning (a digit outside ASCII, a superscript, a no-break space,
/// the long s, a combining mark).
const PIECE: &str = "([0-9]{1,9}|0[0-9]{1,3}|(19|20)[0-9]{2}|[ \t/:.+()-]|[ \t]?–[ \t]?|[A-ZÅÄÖÉ]{1,4}|[a-zåäöé]{1,5}|Dnr|dnr|DIARIENR|diarienummer|Ärendenr|ärendenummer|bankgiro|Plusgiro|BG|pg|Version|VER\\.|verſion|v|SS|SIS|EN|ISO|IEC|SS-EN ISO |https?://|www\\.|@|\\+46|٣|²|\u{a0}|\u{301}|_)";

fn same_as_reference(text: &str, kinds: &[IdentifierKind]) {
    let new = find_identifiers(text, kinds);
    let old = reference::find_identifiers(text, kinds);
    assert_eq!(new, old, "{text:?}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

    #[test]
    fn finds_what_the_reference_finds(
        lines in proptest::collection::vec(proptest::string::string_regex(&format!("{PIECE}{{0,24}}")).unwrap(), 1..4),
        crlf in proptest::bool::ANY,
    ) {
        let text = lines.join(if crlf { "\r\n" } else { "\n" });
        same_as_reference(&text, &IdentifierKind::ALL);
        gates_keep(&text.replace(['\r', '\n'], " "));
    }

    #[test]
    fn finds_what_the_reference_finds_for_some_kinds(
        line in proptest::string::string_regex(&format!("{PIECE}{{0,24}}")).unwrap(),
        mask in 0u16..1024,
    ) {
        let kinds: Vec<_> = IdentifierKind::ALL
            .into_iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, k)| k)
            .collect();
        same_as_reference(&line, &kinds);
    }
}

/// Denser pieces: short digit groups and the separators between them, so
/// that phone numbers, dates, times and versions with just enough (or one
/// too few) digits come up often, next to letters and foreign digits.
const DENSE: &str = "([0-9]{1,4}|0[0-9]{0,3}[ \t]?[-–]?[ \t]?[0-9]{1,4}([ \t][0-9]{1,4}){0,3}|[0-9]{1,4}[-.:][0-9]{1,3}([-.:][0-9]{1,3})?|[ \t]|[-–/:.+]|[A-ZÅÄ]{1,2}|[a-zåä]{1,2}|v|T)";

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

    #[test]
    fn finds_what_the_reference_finds_in_dense_numbers(
        line in proptest::string::string_regex(&format!("{DENSE}{{0,30}}")).unwrap(),
    ) {
        same_as_reference(&line, &IdentifierKind::ALL);
        gates_keep(&line);
    }

    /// The same with one digit outside ASCII (which `\d` matches).
    #[test]
    fn finds_what_the_reference_finds_next_to_a_foreign_digit(
        line in proptest::string::string_regex(&format!("{DENSE}{{0,12}}[0-9]?٣[0-9.:-]?{DENSE}{{0,12}}")).unwrap(),
    ) {
        same_as_reference(&line, &IdentifierKind::ALL);
        gates_keep(&line);
    }
}

#[test]
fn finds_what_the_reference_finds_on_fixtures_and_edges() {
    for (_, text) in crate::test_files::fixture_and_seed_texts() {
        same_as_reference(&text, &IdentifierKind::ALL);
    }
    for text in [
        "",
        "\n",
        "7",
        "ring 0701234567",
        "ä0701234567 och ö090-785 00 00",
        "090-785 00 00ä",
        "tel 0٣ 12 34 56 78",
        "00\n00\u{301}",
        "0.٣0.0 och ٣.0.0",
        "000\t00\t00\t 0:0",
        "00 00Ä",
        "ver.0",
        "tel 012 34 56, 012 34 5, 01 23-45 6 och 0123 – 456",
        "kl 9.00ä eller ä9.00 och 10:30é",
        "2024-05-01ä 2024-05-01",
        "780101-8917å och 19780101+8917",
        "v1.2.3ö och öv1.2.3 och v٣.٣",
        "UPPDRAGiL 3.0 och ÅÄÖ 1.2 och Åk 1.2",
        "1.2.3ä och ä1.2.3",
        "Lag (2019:944)ä",
        "+46 70 123 45 67 och +46(0)70-123 45 67",
        "Dnr RS/1321/2015\r\nRUN 62-2024\r\n",
        "www.x.se och https://a.b/c?d=1 och a@b.se\n2024",
        "9.00–12.00 och 090 – 785 00 00",
    ] {
        same_as_reference(text, &IdentifierKind::ALL);
        gates_keep(text);
    }
}
