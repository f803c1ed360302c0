//! A corpus of realistic planning documents for benchmarks and the peer
//! comparison (`bench/compare.sh`):
//! `cargo run --release --example gen_corpus -- --docs N --out DIR [--seed S] [--format md|txt|both]`.
//! See `examples/corpus/mod.rs` for what the documents hold.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod corpus;

use corpus::{document, Form};
use std::path::PathBuf;

fn main() {
    let mut docs = 100usize;
    let mut out = PathBuf::from("corpus");
    let mut seed = 7u64;
    let mut forms = vec![Form::Md, Form::Txt];
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| panic!("{a} needs a value"));
        match a.as_str() {
            "--docs" => docs = value().parse().expect("--docs N"),
            "--out" => out = PathBuf::from(value()),
            "--seed" => seed = value().parse().expect("--seed S"),
            "--format" => {
                forms = match value().as_str() {
                    "md" => vec![Form::Md],
                    "txt" => vec![Form::Txt],
                    "both" => vec![Form::Md, Form::Txt],
                    other => panic!("--format md|txt|both, not {other}"),
                }
            }
            other => panic!("unknown argument {other}; use --docs N --out DIR [--seed S] [--format md|txt|both]"),
        }
    }
    std::fs::create_dir_all(&out).expect("create the output folder");
    let mut bytes = 0usize;
    for i in 0..docs {
        // Alternate the forms so that every profile comes in each.
        let form = forms[(i / 3) % forms.len()];
        let (name, text) = document(i, seed, form);
        bytes += text.len();
        std::fs::write(out.join(name), text).expect("write a document");
    }
    eprintln!(
        "{docs} dokument, {:.1} MB, i {}",
        bytes as f64 / 1e6,
        out.display()
    );
}
