//! `--format` and `--output` through the real binary: the report goes to
//! the file and the summary to the terminal, paths are relative, SARIF
//! columns are UTF-16 code units, exit codes do not depend on the format.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{run_in as run, write_file as write};

/// An error (HP001), infos (SR007 with a fix) and a character outside the
/// Basic Multilingual Plane before a finding.
const PLAN: &str = "# Övergripande handlingsplan för miljö 2026\n\n## 1 Inledning\n\n🌍 Vi skall minska utsläppen.\n";

const FORMATS: &[&str] = &["human", "json", "sarif", "github", "junit", "short"];

#[test]
fn output_file_gets_the_report_and_the_terminal_the_summary() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "docs/plan.md", PLAN);
    for format in FORMATS {
        let plain = run(d, &["check", "--format", format, "docs"]);
        let file = format!("rapport.{format}");
        let out = run(d, &["check", "--format", format, "--output", &file, "docs"]);
        assert_eq!(out.status.code(), Some(1), "{format}: HP001 is an error");
        assert_eq!(plain.status.code(), Some(1), "{format}");
        assert!(
            out.stdout.is_empty(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        let written = std::fs::read(d.join(&file)).unwrap();
        assert!(
            written == plain.stdout,
            "{format}: the file holds what stdout would"
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.trim_end().ends_with("i 1 fil"), "{format}: {err}");
    }
}

#[test]
fn an_output_file_that_cannot_be_written_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "plan.md", PLAN);
    let out = run(d, &["check", "--output", "finns-inte/r.json", "plan.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("finns-inte/r.json"));
}

#[test]
fn sarif_paths_are_relative_and_columns_count_utf16() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().canonicalize().unwrap();
    write(&d, "docs/mål plan.md", PLAN);
    // An absolute path under the working folder is written relative to it.
    let abs = d.join("docs").display().to_string();
    let out = run(&d, &["check", "--format", "sarif", &abs]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let run0 = &v["runs"][0];
    assert_eq!(run0["columnKind"], "utf16CodeUnits");
    let sr007 = run0["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "SR007")
        .unwrap();
    let loc = &sr007["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "docs/m%C3%A5l%20plan.md");
    // "🌍 Vi skall": the globe is two UTF-16 code units, so "skall"
    // starts at column 7 (in characters it is column 6).
    assert_eq!(loc["region"]["startLine"], 5);
    assert_eq!(loc["region"]["startColumn"], 7);
    assert_eq!(loc["region"]["endColumn"], 12);
    let replacement = &sr007["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], "ska");
    assert_eq!(replacement["deletedRegion"]["startColumn"], 7);
    let short = run(&d, &["check", "--format", "short", "docs"]);
    let s = String::from_utf8_lossy(&short.stdout);
    assert!(s.contains("docs/mål plan.md:5:6: info SR007 "), "{s}");
}

#[test]
fn unreadable_files_are_in_every_format() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "docs/plan.md", PLAN);
    write(d, "docs/utkast.docx", "PK\u{3}\u{4}");
    let expect = [
        ("json", "\"error\""),
        ("sarif", "toolExecutionNotifications"),
        ("github", "::error file=docs/utkast.docx,title=styrkoll::"),
        ("junit", "<error message="),
        ("short", "docs/utkast.docx: error: "),
    ];
    for (format, needle) in expect {
        let out = run(d, &["check", "--format", format, "docs"]);
        assert_eq!(out.status.code(), Some(3), "{format}");
        let s = String::from_utf8_lossy(&out.stdout);
        assert!(
            s.contains(needle) && s.contains("utkast.docx"),
            "{format}: {s}"
        );
    }
}

#[test]
fn github_annotations_are_one_line_each() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "plan.md", PLAN);
    let out = run(d, &["check", "--format", "github", "plan.md"]);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(!s.is_empty());
    for line in s.lines() {
        let level = line.split(' ').next().unwrap();
        assert!(
            ["::error", "::warning", "::notice"].contains(&level)
                && line[level.len()..].starts_with(" file=plan.md,line="),
            "{line}"
        );
    }
    assert!(s.contains(",title=HP001 "), "{s}");
}
