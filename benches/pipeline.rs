//! The pipeline's throughput in MB/s (criterion reports it from the byte
//! counts): parse only; check only (a parsed document, every pack);
//! load+parse+check of a small (2 KB), typical (20 KB) and large (2 MB)
//! document, in Markdown and as text extracted from Word; and loading the
//! rule packs. The documents come from the corpus generator
//! (`examples/corpus/`). The target is ≥ 50 MB/s on one core for
//! load+parse+check of extracted text.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../examples/corpus/mod.rs"]
mod corpus;

use corpus::{of_size, Form};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;
use styrkoll::profile::builtin_packs;
use styrkoll::source::{from_bytes, Source, DEFAULT_MAX_FILE_SIZE};
use styrkoll::{CheckOptions, Engine};

/// (label, profile index for the generator, size in bytes).
const SIZES: &[(&str, usize, usize)] = &[
    ("small_2kb", 2, 2 * 1024),
    ("typical_20kb", 0, 20 * 1024),
    ("large_2mb", 0, 2 * 1024 * 1024),
];

fn documents() -> Vec<(String, &'static str, String)> {
    let mut out = Vec::new();
    for &(label, profile, size) in SIZES {
        for (form, ext) in [(Form::Txt, "txt"), (Form::Md, "md")] {
            let text = of_size(profile, size, 42, form);
            out.push((format!("{label}_{ext}"), ext, text));
        }
    }
    out
}

fn pipeline(c: &mut Criterion) {
    let engine = Engine::builtin().unwrap();
    let opts = CheckOptions::default();
    let docs = documents();
    for (label, _, text) in &docs {
        eprintln!("{label}: {} bytes", text.len());
    }

    let mut group = c.benchmark_group("load_parse_check");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
    for (label, ext, text) in &docs {
        let name = format!("doc.{ext}");
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(label.as_str(), |b| {
            b.iter(|| {
                let src = from_bytes(&name, text.as_bytes(), DEFAULT_MAX_FILE_SIZE).unwrap();
                black_box(engine.check(&src, &opts))
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("parse_only");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
    for (label, ext, text) in docs.iter().filter(|d| d.0.starts_with("typical")) {
        let src = Source::from_text(format!("doc.{ext}"), text.clone());
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(label.as_str(), |b| {
            b.iter(|| black_box(Engine::parse(&src)))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("check_only");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
    for (label, ext, text) in docs.iter().filter(|d| d.0.starts_with("typical")) {
        let src = Source::from_text(format!("doc.{ext}"), text.clone());
        let doc = Engine::parse(&src);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(label.as_str(), |b| {
            b.iter(|| black_box(engine.check_parsed(&src, &doc, &opts)))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("rule_packs");
    group.sample_size(20);
    group.bench_function("load_builtin_packs", |b| {
        b.iter(|| black_box(builtin_packs().unwrap()))
    });
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
