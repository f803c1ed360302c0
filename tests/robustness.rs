//! Robustness: arbitrary bytes and Markdown-ish documents never panic, a
//! rendered document parses back with every section, spans lie on character
//! boundaries inside the text, and pathological inputs (a 1 MB line, 100,000
//! headings or table rows, 10,000-level nested lists, 10 MB of one
//! character) are checked to the end. Their time is measured in
//! `benches/scaling.rs`, not asserted here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use styrkoll::parse::parse;
use styrkoll::source::{from_bytes, Source, DEFAULT_MAX_FILE_SIZE};
use styrkoll::{CheckOptions, Engine, FileReport};

fn engine() -> &'static Engine {
    static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    ENGINE.get_or_init(|| Engine::builtin().unwrap())
}

fn check(name: &str, text: String) -> FileReport {
    engine().check(&Source::from_text(name, text), &CheckOptions::default())
}

/// Every span of every finding, label and fix lies inside the text and on
/// character boundaries.
fn assert_spans(report: &FileReport) {
    let text = &report.text;
    let ok = |s: styrkoll::model::Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    for d in &report.diagnostics {
        assert!(
            ok(d.span),
            "{}: {:?} in {} bytes",
            d.rule,
            d.span,
            text.len()
        );
        for l in &d.labels {
            assert!(ok(l.span), "{} label {:?}", d.rule, l.span);
        }
        if let Some(f) = &d.fix {
            assert!(ok(f.span), "{} fix {:?}", d.rule, f.span);
        }
    }
}

/// Lines a planning document is made of, with Swedish letters, dates,
/// numbers, tables, lists, fields and comments.
fn markdownish_line() -> impl Strategy<Value = String> {
    prop_oneof![
        "#{1,4} [0-9.]{0,4} ?[A-ZÅÄÖa-zåäö ]{0,20}",
        "[0-9]\\.[0-9]? ?[A-ZÅÄÖ][a-zåäö ]{0,15}",
        "§ [0-9]{1,3} [A-ZÅÄÖa-zåäö ]{0,15}",
        "\\| ?[a-zåäö0-9 %–-]{0,10} ?\\| ?[a-zåäö0-9 ]{0,10} ?\\|?",
        "\\|[-:| ]{0,12}",
        "[a-zåäö]{1,8}\t[a-zåäö0-9]{0,8}\t[0-9-]{0,10}",
        " {0,6}[-*•] (\\[[ x]\\] )?[a-zåäö ]{0,20}",
        "[A-ZÅÄÖ][a-zåäö]{1,12}: [A-Za-zåäö0-9/ -]{0,20}",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}( – [0-9]{1,2} [a-z]{3,9})?",
        "[A-ZÅÄÖa-zåäö0-9 ,.;:!?%()–—”\"'-]{0,60}",
        "<!-- ?[a-z ]{0,10}( -->)?",
        "(---|```|☒ [a-z]{0,6}|☐ [a-z]{0,6}|[0-9]{6}-[0-9]{4})",
        Just(String::new()),
    ]
}

fn markdownish_document() -> impl Strategy<Value = String> {
    prop::collection::vec(markdownish_line(), 0..60).prop_map(|lines| lines.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000), md in any::<bool>()) {
        let name = if md { "x.md" } else { "x.txt" };
        if let Ok(src) = from_bytes(name, &bytes, DEFAULT_MAX_FILE_SIZE) {
            let report = engine().check(&src, &CheckOptions::default());
            assert_spans(&report);
        }
    }

    #[test]
    fn arbitrary_docx_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let _ = from_bytes("x.docx", &bytes, DEFAULT_MAX_FILE_SIZE);
    }

    #[test]
    fn markdownish_documents_never_panic_and_spans_are_sound(text in markdownish_document(), md in any::<bool>()) {
        let report = check(if md { "x.md" } else { "x.txt" }, text);
        assert_spans(&report);
    }

    #[test]
    fn parse_of_render_keeps_every_section(
        sections in prop::collection::vec((1usize..=3, "[A-ZÅÄÖ][a-zåäö]{2,12}", prop::collection::vec("[A-ZÅÄÖ][a-zåäö ]{0,30}\\.", 0..3)), 1..20)
    ) {
        // Rendered as Markdown: a title, then each section's heading at its
        // level, numbered as in a planning document (`2`, `2.1`, `2.1.1`),
        // and paragraphs. A section is at most one level below the one
        // before it.
        let mut text = String::from("# Dokumentets titel\n\n");
        let mut counters = [0usize; 3];
        let mut levels = Vec::new();
        let mut previous = 0;
        for (level, heading, paragraphs) in &sections {
            let level = (*level).min(previous + 1);
            previous = level;
            levels.push(level);
            counters[level - 1] += 1;
            for c in counters.iter_mut().skip(level) {
                *c = 0;
            }
            let number: Vec<String> = counters[..level].iter().map(|c| c.to_string()).collect();
            text.push_str(&format!("{} {} {heading}\n\n", "#".repeat(level + 1), number.join(".")));
            for p in paragraphs {
                text.push_str(p);
                text.push_str("\n\n");
            }
        }
        let doc = parse(&text);
        let headings: Vec<&str> = doc.sections.iter().map(|s| s.heading.text.as_str()).collect();
        let expected: Vec<&str> = sections.iter().map(|s| s.1.as_str()).collect();
        prop_assert_eq!(headings, expected);
        for (s, level) in doc.sections.iter().zip(&levels) {
            prop_assert_eq!(s.level, *level);
            prop_assert!(text.is_char_boundary(s.span.start) && s.span.end <= text.len());
        }
    }
}

#[test]
fn a_one_megabyte_line_is_checked() {
    let line = "Planen ska följa upp väntetiderna 2026-05-12 och 25% av KVR. ".repeat(16_500);
    let report = check("x.md", format!("# Titel\n\n{line}\n"));
    assert!(report.text.len() > 1_000_000);
    assert_spans(&report);
}

#[test]
fn a_hundred_thousand_headings_are_checked() {
    let text: String = (0..100_000)
        .map(|i| format!("## {i} Rubrik\n\nText {i}.\n\n"))
        .collect();
    let report = check("x.md", text);
    assert_spans(&report);
}

#[test]
fn a_hundred_thousand_table_rows_are_checked() {
    let mut text = String::from("# Titel\n\n| Aktivitet | Mål |\n|---|---|\n");
    for i in 0..100_000 {
        text.push_str(&format!("| Aktivitet {i} | {} |\n", i % 3));
    }
    let report = check("x.md", text);
    assert_spans(&report);
}

#[test]
fn ten_thousand_nested_list_levels_are_checked() {
    // `- - - punkt` is a list in a list in a list: 10,000 levels on one
    // line. Nesting by indentation grows the text with the square of the
    // depth, so that form is checked at 1,000 levels (1 MB).
    let one_line = format!("{}punkt\n", "- ".repeat(10_000));
    let report = check("x.md", format!("# Titel\n\n{}", one_line.repeat(20)));
    assert_spans(&report);
    let staircase: String = (0..1_000)
        .map(|i| format!("{}- punkt {i}\n", "  ".repeat(i)))
        .collect();
    let report = check("x.md", format!("# Titel\n\n{staircase}"));
    assert_spans(&report);
}

#[test]
fn ten_megabytes_of_one_character_are_checked() {
    let report = check("x.txt", "a".repeat(10 * 1024 * 1024));
    assert_spans(&report);
    // Characters that start other kinds of lines, at 1 MB each.
    for c in ["\n", "#", "|", "-", "1", "å"] {
        let report = check("x.txt", c.repeat(1024 * 1024));
        assert_spans(&report);
    }
}
