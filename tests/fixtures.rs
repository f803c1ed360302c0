//! Every fixture: its expected findings by file-name convention, and insta
//! snapshots of its human and JSON output.
//!
//! - `fixtures/<profile>/ok/*`: no findings at all;
//! - `fixtures/<profile>/bad/<ID>-*`: at least one finding of rule `<ID>`;
//! - `fixtures/<profile>/near/<ID>-*`: looks suspicious, but no finding of `<ID>`.
//!
//! Fixtures are `.md`, `.txt` and `.docx`; the Word fixtures are made by
//! the generator in `tests/office/mod.rs` (checked by `tests/docx_fixtures.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use styrkoll::report::{human, json};
use styrkoll::source::{load_path, DEFAULT_MAX_FILE_SIZE};
use styrkoll::{CheckOptions, Engine, FileReport, Lang};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn check(engine: &Engine, path: &Path) -> FileReport {
    let mut src = load_path(path, DEFAULT_MAX_FILE_SIZE).unwrap();
    src.name = path
        .strip_prefix(root())
        .unwrap()
        .display()
        .to_string()
        .replace('\\', "/");
    engine.check(&src, &CheckOptions::default())
}

fn fixtures() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root().join("fixtures")];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("md" | "txt" | "docx")
            ) && p.file_name().is_some_and(|n| n != "README.md")
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// `HP003` from `HP003-fem-mal.md`.
fn rule_of(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    let id = name.split('-').next()?;
    (id.len() == 5 && id[2..].chars().all(|c| c.is_ascii_digit())).then(|| id.to_string())
}

fn kind_of(path: &Path) -> &str {
    path.parent()
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str())
        .unwrap_or("")
}

#[test]
fn fixtures_meet_their_expectations() {
    let engine = Engine::builtin().unwrap();
    let mut failures = Vec::new();
    for path in fixtures() {
        let report = check(&engine, &path);
        let ids: Vec<&str> = report.diagnostics.iter().map(|d| d.rule.as_str()).collect();
        match (kind_of(&path), rule_of(&path)) {
            ("ok", _) if !ids.is_empty() => failures.push(format!(
                "{}: expected no findings, got {ids:?}",
                report.path
            )),
            ("bad", Some(id)) if !ids.contains(&id.as_str()) => {
                failures.push(format!("{}: expected {id}, got {ids:?}", report.path))
            }
            ("near", Some(id)) if ids.contains(&id.as_str()) => {
                failures.push(format!("{}: {id} must not fire, got {ids:?}", report.path))
            }
            ("bad" | "near", None) => failures.push(format!(
                "{}: name does not start with a rule id",
                report.path
            )),
            _ => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn snapshots_of_every_fixture() {
    let engine = Engine::builtin().unwrap();
    let style = human::Style {
        color: false,
        width: 100,
    };
    insta::glob!("../fixtures", "**/*.{md,txt,docx}", |path| {
        if path.file_name().is_some_and(|n| n == "README.md") {
            return;
        }
        let report = check(&engine, path);
        insta::assert_snapshot!("human", human::render_file(&report, Lang::Sv, style));
        insta::assert_snapshot!("json", json::render(&[report], &[]));
    });
}

#[test]
fn every_rule_has_documentation_fixtures_and_snapshots() {
    let engine = Engine::builtin().unwrap();
    let all = fixtures();
    let snapshots: Vec<String> = std::fs::read_dir(root().join("tests/snapshots"))
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    let mut missing = Vec::new();
    for (pack, rule) in engine.rules() {
        // Rules of packs that are still to be written are listed by the issue that adds them.
        match &rule.doc {
            Some(d) if !d.fail.trim().is_empty() && !d.pass.trim().is_empty() => {}
            _ => missing.push(format!(
                "{}: documentation with a failing and a passing example",
                rule.id
            )),
        }
        let with_id = |kind: &str| -> Vec<&PathBuf> {
            all.iter()
                .filter(|p| kind_of(p) == kind && rule_of(p).as_deref() == Some(&rule.id))
                .collect()
        };
        let bad = with_id("bad");
        if bad.is_empty() {
            missing.push(format!(
                "{} ({}): a fixture under bad/ that hits it",
                rule.id, pack.name
            ));
        }
        if with_id("near").is_empty() {
            missing.push(format!(
                "{} ({}): a near-miss fixture under near/",
                rule.id, pack.name
            ));
        }
        for p in bad {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            for kind in ["human", "json"] {
                if !snapshots
                    .iter()
                    .any(|s| s.contains(&format!("{kind}@")) && s.contains(&name))
                {
                    missing.push(format!("{}: {kind} snapshot of {name}", rule.id));
                }
            }
        }
    }
    assert!(missing.is_empty(), "missing:\n{}", missing.join("\n"));
}
