//! A stable-Rust stand-in for cargo-fuzz where nightly Rust is missing: runs
//! one fuzz target (`load_parse_check`, `docx` or `rule_pack`, the same
//! bodies as `fuzz/fuzz_targets/`) on mutated seeds for a number of seconds.
//! A panic is caught, its input written to `fuzz/crashes/<target>-<n>.bin`,
//! and the run goes on.
//!
//! `cargo run --release --example fuzz_driver -- load_parse_check --seconds 600 [--seed S]`
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Seeds: the fixtures (text, Word) or the shipped rule packs.
fn seeds(target: &str, root: &Path) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut stack = vec![root.join(if target == "rule_pack" {
        "rules"
    } else {
        "fixtures"
    })];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
            let wanted = match target {
                "docx" => ext == "docx",
                "rule_pack" => ext == "yaml",
                _ => ext == "md" || ext == "txt",
            };
            if p.is_dir() {
                stack.push(p);
            } else if wanted {
                out.push(std::fs::read(&p).unwrap());
            }
        }
    }
    if target == "docx" {
        out.extend(word_seeds());
    }
    out.push(Vec::new());
    out
}

/// The Word templates `styrkoll new` writes.
fn word_seeds() -> Vec<Vec<u8>> {
    styrkoll::templates::kinds()
        .iter()
        .filter_map(|k| styrkoll::source::docx::write::from_markdown(k.text()).ok())
        .collect()
}

/// Tokens that the parsers react to, for insertion.
const TOKENS: &[&[u8]] = &[
    b"\n# ",
    b"\n## 1 ",
    b"\n| a | b |\n|---|---|\n",
    b"\t",
    b"\n- ",
    b"<!-- ",
    b" -->",
    b"2026-02-30",
    b"19121212-1212",
    b"\n\xc2\xa7 8 ",
    b"Dnr: ",
    b"---\n",
    b"\xe2\x80\x93",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\r\n",
    b"\xe2\x98\x92",
    b"check: ",
    b"params: {",
    b"- id: ",
    b"<w:p>",
    b"</w:t>",
    b"PK\x03\x04",
    b"\xc3\xa5",
    b"\xf0\x9f\x8c\x8d",
];

fn mutate(rng: &mut Rng, input: &mut Vec<u8>, seeds: &[Vec<u8>]) {
    for _ in 0..1 + rng.below(8) {
        let len = input.len();
        match rng.below(8) {
            0 if len > 0 => {
                let i = rng.below(len);
                input[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                input[i] = rng.next() as u8;
            }
            2 => {
                let i = rng.below(len + 1);
                let t = TOKENS[rng.below(TOKENS.len())];
                input.splice(i..i, t.iter().copied());
            }
            3 if len > 1 => {
                let a = rng.below(len);
                let b = (a + rng.below(64)).min(len);
                input.drain(a..b);
            }
            4 if len > 1 => {
                // Repeat a piece: long lines, deep nesting.
                let a = rng.below(len);
                let b = (a + 1 + rng.below(32)).min(len);
                let piece = input[a..b].to_vec();
                for _ in 0..1 + rng.below(64) {
                    input.splice(a..a, piece.iter().copied());
                }
            }
            5 => {
                // Splice in part of another seed.
                let other = &seeds[rng.below(seeds.len())];
                if !other.is_empty() {
                    let a = rng.below(other.len());
                    let b = (a + rng.below(256)).min(other.len());
                    let i = rng.below(len + 1);
                    input.splice(i..i, other[a..b].iter().copied());
                }
            }
            6 if len > 0 => input.truncate(rng.below(len)),
            _ => {
                let i = rng.below(len + 1);
                input.insert(i, rng.next() as u8);
            }
        }
    }
    input.truncate(256 * 1024);
}

fn main() {
    let mut args = std::env::args().skip(1);
    let target = args
        .next()
        .expect("target: load_parse_check, docx or rule_pack");
    let mut seconds = 60u64;
    let mut seed = 0x5EED_u64;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--seconds" => seconds = args.next().unwrap().parse().unwrap(),
            "--seed" => seed = args.next().unwrap().parse().unwrap(),
            other => panic!("unknown argument {other}"),
        }
    }
    let run: fn(&[u8]) = match target.as_str() {
        "load_parse_check" => styrkoll::fuzzing::load_parse_check,
        "docx" => styrkoll::fuzzing::docx,
        "rule_pack" => styrkoll::fuzzing::rule_pack,
        other => panic!("unknown target {other}"),
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let seeds = seeds(&target, &root);
    let crashes = root.join("fuzz/crashes");
    std::panic::set_hook(Box::new(|_| {}));
    let mut rng = Rng(seed | 1);
    let (start, limit) = (Instant::now(), Duration::from_secs(seconds));
    let (mut execs, mut found) = (0u64, 0usize);
    while start.elapsed() < limit {
        let mut input = seeds[rng.below(seeds.len())].clone();
        mutate(&mut rng, &mut input, &seeds);
        let t = Instant::now();
        if catch_unwind(AssertUnwindSafe(|| run(&input))).is_err() {
            found += 1;
            std::fs::create_dir_all(&crashes).unwrap();
            let path = crashes.join(format!("{target}-{found}.bin"));
            std::fs::write(&path, &input).unwrap();
            eprintln!("panic: input written to {}", path.display());
        }
        if t.elapsed() > Duration::from_secs(2) {
            let path = crashes.join(format!("{target}-slow-{execs}.bin"));
            std::fs::create_dir_all(&crashes).unwrap();
            std::fs::write(&path, &input).unwrap();
            eprintln!(
                "slow ({:?}): input written to {}",
                t.elapsed(),
                path.display()
            );
        }
        execs += 1;
    }
    eprintln!(
        "{target}: {execs} inputs in {:?}, {found} panics, {} seeds",
        start.elapsed(),
        seeds.len()
    );
}
