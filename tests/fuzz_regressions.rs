//! Inputs the fuzzers found (`fuzz/regressions/<target>/`) and the seeds
//! they start from run through the same target bodies (`src/fuzzing.rs`)
//! and must not panic.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn run_all(target: &str, run: fn(&[u8]), seeds: &str) {
    let mut inputs = files_under(&root().join("fuzz/regressions").join(target));
    inputs.extend(files_under(&root().join(seeds)));
    assert!(!inputs.is_empty(), "{target}: no inputs");
    for path in inputs {
        let bytes = std::fs::read(&path).unwrap();
        if std::panic::catch_unwind(|| run(&bytes)).is_err() {
            panic!("{target} panicked on {}", path.display());
        }
    }
}

#[test]
fn load_parse_check_regressions() {
    run_all(
        "load_parse_check",
        styrkoll::fuzzing::load_parse_check,
        "fixtures",
    );
}

#[test]
fn docx_regressions() {
    run_all("docx", styrkoll::fuzzing::docx, "fixtures");
}

#[test]
fn rule_pack_regressions() {
    run_all("rule_pack", styrkoll::fuzzing::rule_pack, "rules");
}
