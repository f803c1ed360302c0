//! Linear time on pathological inputs: each input is checked at size n and
//! 2n, and the ratio of the times is printed (linear ≈ 2.0, quadratic ≈ 4.0).
//! The inputs: one long line, many headings, many table rows, deeply nested
//! lists, one repeated character; and the generated corpus at 1× and 10×
//! documents (the target is 10× the documents in ≤ 11× the time).
//! `cargo bench --bench scaling`; the ratios are printed as `ratio …`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../examples/corpus/mod.rs"]
mod corpus;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::time::{Duration, Instant};
use styrkoll::source::Source;
use styrkoll::{CheckOptions, Engine};

type Make = fn(usize) -> String;

/// Each input at its base size n (the bench also runs 2n).
const INPUTS: &[(&str, Make, usize)] = &[
    ("long_line", long_line, 512 * 1024),
    ("headings", headings, 50_000),
    ("table_rows", table_rows, 50_000),
    ("nested_list", nested_list, 5_000),
    ("one_character", one_character, 5 * 1024 * 1024),
    ("staircase_list", staircase_list, 500),
];

fn long_line(bytes: usize) -> String {
    let unit = "Planen ska följa upp väntetiderna 2026-05-12 och 25% av KVR. ";
    format!("# Titel\n\n{}\n", unit.repeat(bytes / unit.len()))
}

fn headings(n: usize) -> String {
    (0..n)
        .map(|i| format!("## {i} Rubrik\n\nText {i}.\n\n"))
        .collect()
}

fn table_rows(n: usize) -> String {
    let mut s = String::from("# Titel\n\n| Aktivitet | Mål |\n|---|---|\n");
    for i in 0..n {
        s.push_str(&format!("| Aktivitet {i} | {} |\n", i % 3));
    }
    s
}

/// `depth` levels of nested lists: `- - - punkt` nests one list in the next
/// on one line (nesting by indentation would grow the text with the square
/// of the depth), 20 such lines.
fn nested_list(depth: usize) -> String {
    let line = format!("{}punkt\n", "- ".repeat(depth));
    format!("# Titel\n\n{}", line.repeat(20))
}

/// Nesting by indentation: the text grows with the square of `depth`, so
/// the ratio to look at is time per byte (printed as `per byte`).
fn staircase_list(depth: usize) -> String {
    let items: String = (0..depth)
        .map(|i| format!("{}- punkt {i}\n", "  ".repeat(i)))
        .collect();
    format!("# Titel\n\n{items}")
}

fn one_character(bytes: usize) -> String {
    "a".repeat(bytes)
}

fn time_check(engine: &Engine, src: &Source) -> Duration {
    let opts = CheckOptions::default();
    // The best of three: the machine is shared.
    (0..3)
        .map(|_| {
            let t = Instant::now();
            black_box(engine.check(src, &opts));
            t.elapsed()
        })
        .min()
        .unwrap()
}

fn scaling(c: &mut Criterion) {
    let engine = Engine::builtin().unwrap();
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(2));
    for &(name, make, n) in INPUTS {
        let mut times = Vec::new();
        let mut bytes = Vec::new();
        for size in [n, 2 * n] {
            let src = Source::from_text("x.md", make(size));
            times.push(time_check(&engine, &src));
            bytes.push(src.text.len() as f64);
            group.throughput(Throughput::Bytes(src.text.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, size), &src, |b, src| {
                b.iter(|| black_box(engine.check(src, &CheckOptions::default())))
            });
        }
        let ratio = times[1].as_secs_f64() / times[0].as_secs_f64();
        eprintln!(
            "ratio {name}: {ratio:.2} for {:.2}× the bytes, per byte {:.2} (n={n}: {:?}, 2n: {:?})",
            bytes[1] / bytes[0],
            ratio / (bytes[1] / bytes[0]),
            times[0],
            times[1]
        );
    }
    group.finish();

    // The corpus: 10× the documents should take ≤ 11× the time.
    let corpus = |docs: usize| -> Vec<Source> {
        (0..docs)
            .map(|i| {
                let form = if i % 2 == 0 {
                    corpus::Form::Md
                } else {
                    corpus::Form::Txt
                };
                let (name, text) = corpus::document(i, 7, form);
                Source::from_text(name, text)
            })
            .collect()
    };
    let run = |sources: &[Source]| {
        let t = Instant::now();
        for s in sources {
            black_box(engine.check(s, &CheckOptions::default()));
        }
        t.elapsed()
    };
    let (small, large) = (corpus(50), corpus(500));
    let t1 = (0..3).map(|_| run(&small)).min().unwrap();
    let t10 = (0..3).map(|_| run(&large)).min().unwrap();
    eprintln!(
        "ratio corpus 10x: {:.2} (50 documents: {t1:?}, 500: {t10:?})",
        t10.as_secs_f64() / t1.as_secs_f64()
    );
}

criterion_group!(benches, scaling);
criterion_main!(benches);
