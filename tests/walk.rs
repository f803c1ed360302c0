//! Walking folders and checking in parallel, through the real binary:
//! the output is the same byte for byte on one thread and on several, and
//! `.gitignore` and `.styrkollignore` leave files out, also outside a git
//! checkout.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{fixture_names, run_in as run, write_file as write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The small UTF-8 fixtures (under 2 kB), sorted; the encoding fixtures
/// (GE009) are not UTF-8 and are left out.
fn small_fixtures() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    fixture_names()
        .into_iter()
        .map(|name| root.join(name))
        .filter(|p| p.metadata().unwrap().len() < 2048 && std::fs::read_to_string(p).is_ok())
        .collect()
}

/// The paths in a JSON report, in order.
fn paths(out: &Output) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stderr)));
    v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn two_hundred_files_give_the_same_output_on_one_thread_and_on_four() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let sources = small_fixtures();
    assert!(sources.len() > 20);
    for n in 0..200 {
        let src = &sources[n % sources.len()];
        let ext = src.extension().unwrap().to_str().unwrap();
        let mut text = std::fs::read_to_string(src).unwrap();
        // Vary the text so that no two files are alike.
        text.push_str(&format!("\nRad {n}: vi skall följa upp {n}% av planen.\n"));
        write(d, &format!("mapp{}/dok{n:03}.{ext}", n % 7), &text);
    }
    // One folder has its own configuration: every file must still get its own.
    write(d, "mapp3/styrkoll.yaml", "rules:\n  SR007: error\n");

    let mut json = None;
    for format in ["json", "sarif"] {
        let one = run(d, &["check", "--format", format, "--threads", "1", "."]);
        let four = run(d, &["check", "--format", format, "--threads", "4", "."]);
        assert!(
            one.stdout == four.stdout,
            "--format {format}: output differs between 1 and 4 threads"
        );
        assert_eq!(one.status.code(), four.status.code());
        // stderr is a pipe here: never a progress bar, even for 200 files.
        assert!(
            one.stderr.is_empty() && four.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&four.stderr)
        );
        json.get_or_insert(four);
    }
    let out = json.unwrap();
    let listed = paths(&out);
    assert_eq!(listed.len(), 200);
    let mut sorted = listed.clone();
    sorted.sort();
    assert_eq!(listed, sorted, "files are sorted by path");
    // The configuration in mapp3 applies there and nowhere else.
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for f in v["files"].as_array().unwrap() {
        let in_mapp3 = f["path"].as_str().unwrap().contains("mapp3");
        for d in f["diagnostics"].as_array().unwrap() {
            if d["rule"] == "SR007" {
                let expected = if in_mapp3 { "error" } else { "info" };
                assert_eq!(d["severity"], expected, "{}", f["path"]);
            }
        }
    }
}

/// A tree with documents, ignored ones and other files.
fn tree(d: &Path) {
    let doc = "# Anteckningar\n\nVi gick igenom läget.\n";
    for name in [
        "docs/a.md",
        "docs/b.txt",
        "docs/c.markdown",
        "docs/utkast/d.md",
        "docs/arkiv/e.md",
        "docs/arkiv/behall.md",
        "docs/gammal.tmp.md",
        "docs/.dold/f.md",
        "docs/.g.md",
        "lokal/h.md",
        "docs/bild.png",
    ] {
        write(d, name, doc);
    }
    write(d, "docs/word.docx", "PK\u{3}\u{4}");
    write(d, "docs/rapport.pdf", "%PDF-1.4");
    write(d, ".gitignore", "*.tmp.md\n/lokal/\n");
    write(
        d,
        "docs/.styrkollignore",
        "utkast/\narkiv/*\n!arkiv/behall.md\n",
    );
}

const EXPECTED: &[&str] = &[
    "docs/a.md",
    "docs/arkiv/behall.md",
    "docs/b.txt",
    "docs/c.markdown",
    "docs/rapport.pdf",
    "docs/word.docx",
];

fn relative(paths: Vec<String>, base: &str) -> Vec<String> {
    paths
        .into_iter()
        .map(|p| {
            p.strip_prefix(base)
                .unwrap_or(&p)
                .trim_start_matches('/')
                .to_string()
        })
        .collect()
}

#[test]
fn ignore_files_are_respected_outside_a_git_checkout() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    tree(d);
    let out = run(d, &["check", "--format", "json", "."]);
    assert_eq!(relative(paths(&out), "./"), EXPECTED);
    // .docx and .pdf are picked up; until they can be read they are
    // reported as unreadable (exit code 3) and the others are still checked.
    assert_eq!(out.status.code(), Some(3));
    // The ignore files in the folder above a walked folder count too.
    let out = run(&d.join("docs"), &["check", "--format", "json", "."]);
    assert_eq!(
        relative(paths(&out), "./"),
        relative(EXPECTED.iter().map(|s| s.to_string()).collect(), "docs/")
    );
    // A file named on the command line is checked even when ignored.
    let out = run(
        d,
        &["check", "--format", "json", "docs/utkast/d.md", "lokal"],
    );
    assert_eq!(paths(&out), ["docs/utkast/d.md", "lokal/h.md"]);
}

#[test]
fn ignore_files_are_respected_in_a_git_checkout() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let git = Command::new("git")
        .args(["init", "-q"])
        .current_dir(d)
        .status();
    if !git.is_ok_and(|s| s.success()) {
        eprintln!("skipped: git is not available");
        return;
    }
    tree(d);
    write(d, ".git/info/exclude", "docs/c.markdown\n");
    let out = run(d, &["check", "--format", "json", "."]);
    let expected: Vec<&str> = EXPECTED
        .iter()
        .copied()
        .filter(|p| *p != "docs/c.markdown")
        .collect();
    assert_eq!(relative(paths(&out), "./"), expected);
}

#[test]
fn a_file_named_twice_is_checked_once() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(
        d,
        "docs/a.md",
        "# Anteckningar\n\nVi skall gå igenom läget.\n",
    );
    let out = run(
        d,
        &[
            "check",
            "--format",
            "json",
            "docs",
            "docs/a.md",
            "./docs/a.md",
        ],
    );
    assert_eq!(paths(&out), ["docs/a.md"]);
}

/// One folder gives each file once: links are not followed, so a link to
/// a file beside it is not a second copy.
#[cfg(unix)]
#[test]
fn a_folder_gives_each_file_once() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(
        d,
        "docs/a.md",
        "# Anteckningar\n\nVi skall gå igenom läget.\n",
    );
    std::os::unix::fs::symlink(d.join("docs/a.md"), d.join("docs/länk.md")).unwrap();
    std::os::unix::fs::symlink(d.join("docs"), d.join("docs/under")).unwrap();
    let out = run(d, &["check", "--format", "json", "docs"]);
    assert_eq!(paths(&out), ["docs/a.md"]);
}
