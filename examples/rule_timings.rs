//! Where the time goes, per pipeline step and per rule, on one core:
//! `cargo run --release --example rule_timings -- DIR [ROUNDS]`.
//!
//! Loads every file in DIR once, then for ROUNDS rounds (default 3) parses,
//! classifies and checks each one, timing the parse, the whole-text scans
//! that several rules share (dates, identifiers, masked spans, schedule,
//! identity numbers) and each rule on its own. Prints a table sorted by
//! time, with each line's share of the total and the throughput. For finding
//! hot spots (bench/RESULTS.md), not a benchmark: criterion
//! (`benches/pipeline.rs`) gives the figures.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![allow(clippy::print_stdout)]

use std::collections::HashMap;
use std::time::{Duration, Instant};
use styrkoll::checks::{resolve_sections, Ctx, DocCache};
use styrkoll::profile::classify::classify;
use styrkoll::profile::schema::PackKind;
use styrkoll::{Engine, Lang};

/// The allocator the binary uses, so that allocation weighs as it does there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("usage: rule_timings DIR [ROUNDS]");
    let rounds: usize = args.next().map_or(3, |r| r.parse().expect("ROUNDS"));
    let mut sources = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("read DIR")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file())
        .collect();
    entries.sort();
    for path in entries {
        match styrkoll::source::load_path(&path, 50 << 20) {
            Ok(s) => sources.push(s),
            Err(e) => eprintln!("{}: {e}", path.display()),
        }
    }
    let bytes: usize = sources.iter().map(|s| s.text.len()).sum();
    let engine = Engine::builtin().expect("built-in packs");
    let mut times: HashMap<String, Duration> = HashMap::new();
    // Runs `f`, adds its time to `key`'s total and gives back its result.
    let mut timed = |key: &str, f: &mut dyn FnMut() -> usize| {
        let t = Instant::now();
        let n = f();
        *times.entry(key.to_string()).or_default() += t.elapsed();
        std::hint::black_box(n)
    };
    for _ in 0..rounds {
        for source in &sources {
            let mut doc = None;
            timed("(parse)", &mut || doc.insert(Engine::parse(source)).len);
            let Some(doc) = doc else { continue };
            let mut profile = None;
            timed("(classify)", &mut || {
                profile = classify(&doc, &source.text, engine.packs());
                0
            });
            let cache = DocCache::default();
            for pack in engine.packs() {
                if pack.kind == PackKind::Profile && !profile.is_some_and(|p| std::ptr::eq(p, pack))
                {
                    continue;
                }
                let mut found = Default::default();
                timed("(resolve sections)", &mut || {
                    found = resolve_sections(&doc, &pack.sections);
                    found.len()
                });
                let ctx = Ctx {
                    doc: &doc,
                    text: &source.text,
                    lang: Lang::Sv,
                    profile: profile.map(|p| p.name.as_str()),
                    specs: &pack.sections,
                    found: &found,
                    unused_suppressions: &[],
                    cache: &cache,
                    revisions: &Default::default(),
                    decoded_from: source.decoded_from,
                };
                // The shared scans first, so that no rule is charged for them.
                timed("(scan: identifiers)", &mut || ctx.identifiers().len());
                timed("(scan: unchecked spans)", &mut || {
                    ctx.unchecked_spans().len()
                });
                timed("(scan: dates)", &mut || ctx.dates().len());
                timed("(scan: schedule)", &mut || ctx.schedule().points.len());
                timed("(scan: identity numbers)", &mut || {
                    ctx.identity_numbers().len()
                });
                for rule in &pack.rules {
                    timed(&rule.id, &mut || rule.check.run(&ctx).len());
                }
            }
        }
    }
    let total: Duration = times.values().sum();
    let mut rows: Vec<_> = times.into_iter().collect();
    rows.sort_by_key(|row| std::cmp::Reverse(row.1));
    let mb = (bytes * rounds) as f64 / 1e6;
    println!(
        "{} files, {:.1} MB, {rounds} rounds: {:.3} s in all, {:.1} MB/s",
        sources.len(),
        bytes as f64 / 1e6,
        total.as_secs_f64(),
        mb / total.as_secs_f64()
    );
    for (key, d) in rows {
        println!(
            "{key:<26} {:>8.1} ms {:>5.1} %",
            d.as_secs_f64() * 1e3 / rounds as f64,
            100.0 * d.as_secs_f64() / total.as_secs_f64()
        );
    }
}
