//! Helpers shared by the integration tests: the real documents in
//! `../shared/seeds/`, which may be absent on a machine (tests then skip
//! with the reason printed).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use styrkoll::source::{load_path, DEFAULT_MAX_FILE_SIZE};
use styrkoll::{CheckOptions, Engine, FileReport};

/// The seed whose file name starts with `prefix` (`002`), or `None` with
/// the reason printed.
pub fn seed_path(prefix: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let path = std::fs::read_dir(&dir)
        .ok()
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        });
    if path.is_none() {
        eprintln!("skipped: no seed {prefix}_*.txt in {}", dir.display());
    }
    path
}

/// The seed's report with the built-in packs, or `None` when it is absent.
pub fn seed_report(engine: &Engine, prefix: &str) -> Option<FileReport> {
    let path = seed_path(prefix)?;
    let src = match load_path(&path, DEFAULT_MAX_FILE_SIZE) {
        Ok(src) => src,
        Err(e) => {
            eprintln!("skipped: {} cannot be read: {e}", path.display());
            return None;
        }
    };
    Some(engine.check(&src, &CheckOptions::default()))
}

/// The rule ids of a report, in order.
pub fn rules(r: &FileReport) -> Vec<&str> {
    r.diagnostics.iter().map(|d| d.rule.as_str()).collect()
}

/// The text a span of the report's file covers.
pub fn quote(r: &FileReport, start: usize, end: usize) -> &str {
    r.text.get(start..end).unwrap_or("")
}

/// Runs the real binary in `dir` (no colours, and not as in CI, so the
/// output is what a user piping it would get).
pub fn run_in(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_styrkoll"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("CI")
        .output()
        .unwrap_or_else(|e| panic!("cannot run styrkoll: {e}"))
}

/// Writes `text` to `dir/name`, creating folders.
pub fn write_file(dir: &std::path::Path, name: &str, text: &str) {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{}: {e}", parent.display()));
    }
    std::fs::write(&p, text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
}

/// Every Markdown and text fixture, relative to the repository, sorted.
pub fn fixture_names() -> Vec<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let mut stack = vec![root.join("fixtures")];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if matches!(p.extension().and_then(|e| e.to_str()), Some("md" | "txt"))
                && p.file_name().is_some_and(|n| n != "README.md")
            {
                let rel = p.strip_prefix(&root).unwrap();
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    out
}

/// The report of a fixture (named as `fixture_names` names it) with the
/// built-in packs, under that name.
pub fn check_fixture(engine: &Engine, rel: &str) -> FileReport {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut src = load_path(&root.join(rel), DEFAULT_MAX_FILE_SIZE).unwrap();
    src.name = rel.to_string();
    engine.check(&src, &CheckOptions::default())
}
