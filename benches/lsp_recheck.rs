//! What the language server does after a keystroke in a 50 KB document:
//! apply the incremental change, check the text (parse, classify, every
//! rule), and convert the findings to LSP diagnostics with UTF-16 positions.
//! The target is under 5 ms. Rule packs are loaded once, outside the loop,
//! as the server does.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use criterion::{criterion_group, criterion_main, Criterion};
use lsp_types::{Position, Range, TextDocumentContentChangeEvent, Uri};
use std::hint::black_box;
use styrkoll::config::Config;
use styrkoll::lsp::{check_text, convert, DocLinks, Document, Encoding};

/// A handlingsplan of at least 50 KB: the complete fixture with its
/// introduction grown by numbered paragraphs of Swedish prose, some with
/// findings (`skall`, `25%`, an undefined abbreviation).
fn document() -> String {
    let base = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/handlingsplan/ok/komplett.md"
    ))
    .unwrap();
    let mut extra = String::new();
    let mut i = 0;
    while base.len() + extra.len() < 50 * 1024 {
        i += 1;
        extra.push_str(&format!(
            "Stycke {i}: Vårdcentralerna ska följa upp väntetiderna varje månad och rapportera \
             till förvaltningen. Målet är att fler patienter får hjälp samma dag – även de som \
             ringer sent på eftermiddagen. {}\n\n",
            match i % 3 {
                0 => "Enheten skall redovisa resultatet för nämnden.",
                1 => "Andelen besvarade samtal ökade med 25% under året.",
                _ => "Uppföljningen görs tillsammans med KVR och ledningsgruppen.",
            }
        ));
    }
    base.replacen("## 2 Mål", &format!("{extra}## 2 Mål"), 1)
}

fn recheck(c: &mut Criterion) {
    let config = Config::builtin().unwrap();
    let uri: Uri = "file:///tmp/handlingsplan.md".parse().unwrap();
    let text = document();
    assert!(text.len() >= 50 * 1024);
    let mut doc = Document::new(&uri, "markdown".into(), 1, text);
    let links = DocLinks::default();
    let (checked, _) = check_text(&config, &uri, &doc, Encoding::Utf16, &links);
    assert_eq!(checked.profile.as_deref(), Some("handlingsplan"));
    assert!(!checked.diagnostics.is_empty());
    eprintln!(
        "document: {} bytes, {} lines, {} findings",
        doc.text.len(),
        doc.text.lines().count(),
        checked.diagnostics.len()
    );

    // A keystroke in the middle of the document: one character replaced
    // (alternating, so the text keeps its length).
    let line = doc.text.lines().count() as u32 / 2;
    let keystroke = |n: u32| TextDocumentContentChangeEvent {
        range: Some(Range::new(Position::new(line, 0), Position::new(line, 1))),
        range_length: None,
        text: if n % 2 == 0 { "S" } else { "T" }.into(),
    };
    let mut group = c.benchmark_group("lsp_recheck_50kb");
    group.sample_size(20);
    let mut n = 0u32;
    group.bench_function("change+check+convert", |b| {
        b.iter(|| {
            n += 1;
            doc.apply(&keystroke(n), Encoding::Utf16);
            black_box(check_text(&config, &uri, &doc, Encoding::Utf16, &links));
        })
    });
    // The server's own share: the change and the conversion of the
    // findings to UTF-16 positions, without the engine's check.
    group.bench_function("change+convert (no check)", |b| {
        b.iter(|| {
            n += 1;
            doc.apply(&keystroke(n), Encoding::Utf16);
            black_box(convert::diagnostics(
                &doc.text,
                &checked.diagnostics,
                Encoding::Utf16,
                &uri,
                &links,
            ));
        })
    });
    group.finish();
}

criterion_group!(benches, recheck);
criterion_main!(benches);
