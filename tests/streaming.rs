//! `styrkoll check` writes its report as the files are checked, a chunk at
//! a time, in every format, and keeps no report for the end of the run: a
//! run of more files than one chunk gives the same document as the
//! library's whole-run render, and the first files' output reaches standard
//! out while a later file cannot yet be read.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{run_in as run, write_file as write};
use std::path::{Path, PathBuf};
use styrkoll::report::sarif::SarifOptions;
use styrkoll::report::{json, junit, sarif, FileError};
use styrkoll::source::{load_path, DEFAULT_MAX_FILE_SIZE};
use styrkoll::{CheckOptions, Engine, FileReport, Lang};

/// More than one chunk (256 files).
const FILES: usize = 300;

const PLAN: &str =
    "# Övergripande handlingsplan för miljö 2026\n\n## 1 Inledning\n\nVi skall minska utsläppen.\n";

/// Folders whose order as paths ("plan/" first) is not their order as
/// text ("plan-2024/", "plan.old/", "plan/"), the first of them more than a
/// chunk, broken Word files among them, and some clean files.
fn corpus(d: &Path) {
    for i in 0..FILES {
        let folder = match i {
            0..260 => "plan.old",
            260..280 => "plan",
            _ => "plan-2024",
        };
        let text = if i % 5 == 0 {
            "# Titel\n\nText.\n"
        } else {
            PLAN
        };
        write(d, &format!("{folder}/{i:03}.md"), text);
    }
    write(d, "plan/trasig.docx", "PK\u{3}\u{4}");
    write(d, "plan-2024/trasig.docx", "PK\u{3}\u{4}");
}

/// The documents `check` finds under these arguments, in its order.
fn documents(d: &Path, args: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for arg in args {
        let mut files = Vec::new();
        let mut stack = vec![PathBuf::from(arg)];
        while let Some(p) = stack.pop() {
            if d.join(&p).is_dir() {
                for e in std::fs::read_dir(d.join(&p)).unwrap() {
                    stack.push(p.join(e.unwrap().file_name()));
                }
            } else {
                files.push(p);
            }
        }
        files.sort();
        out.extend(files);
    }
    out
}

#[test]
fn a_run_of_many_files_gives_the_whole_run_document() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    corpus(d);
    let args = ["plan.old", "plan", "plan-2024"];
    let engine = Engine::builtin().unwrap();
    let mut reports: Vec<FileReport> = Vec::new();
    let mut errors: Vec<FileError> = Vec::new();
    for path in documents(d, &args) {
        let name = path.display().to_string();
        match load_path(&d.join(&path), DEFAULT_MAX_FILE_SIZE) {
            Ok(mut src) => {
                src.name = name;
                reports.push(engine.check(&src, &CheckOptions::default()));
            }
            Err(e) => errors.push(FileError {
                path: name,
                message: e.to_string(),
            }),
        }
    }
    assert_eq!(reports.len(), FILES);
    assert_eq!(errors.len(), 2);
    let rules: Vec<_> = engine.rules().collect();
    let root = d.canonicalize().unwrap();
    let opts = SarifOptions {
        lang: Lang::Sv,
        root: Some(&root),
    };
    let expected = [
        ("json", format!("{}\n", json::render(&reports, &errors))),
        ("junit", junit::render(&reports, &errors, Lang::Sv)),
        (
            "sarif",
            format!("{}\n", sarif::render(&reports, &errors, &rules, opts)),
        ),
    ];
    for (format, document) in expected {
        let mut argv = vec!["check", "--no-config", "--format", format];
        argv.extend(args);
        let out = run(d, &argv);
        assert_eq!(out.status.code(), Some(3), "{format}: unreadable files");
        assert!(
            String::from_utf8_lossy(&out.stdout) == document,
            "{format}: not the whole-run document"
        );
        let file = format!("rapport.{format}");
        argv.extend(["--output", &file]);
        let out = run(d, &argv);
        assert!(out.stdout.is_empty(), "{format}");
        let written = std::fs::read_to_string(d.join(&file)).unwrap();
        assert!(
            written == document,
            "{format}: --output is not the document"
        );
    }
}

/// A file that cannot be read until the test writes it: a named pipe.
#[cfg(unix)]
#[test]
fn the_first_files_reach_stdout_while_a_later_file_is_still_being_read() {
    use std::io::{Read, Write};
    use std::process::{Command, Stdio};
    use std::sync::mpsc;
    use std::time::{Duration, Instant};

    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    for i in 0..FILES {
        write(d, &format!("a/{i:03}.md"), PLAN);
    }
    let fifo = d.join("z.md");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    // The last file of the first chunk, as each format names it.
    for (format, first_chunk_done) in [("json", "\"a/255.md\""), ("short", "a/255.md:")] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_styrkoll"))
            .args(["check", "--no-config", "--format", format, "a", "z.md"])
            .current_dir(d)
            .env("NO_COLOR", "1")
            .env_remove("CI")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let (send, received) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = stdout.read(&mut buf) {
                if n == 0 || send.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        let mut seen = Vec::new();
        let deadline = Instant::now() + Duration::from_secs(120);
        while !String::from_utf8_lossy(&seen).contains(first_chunk_done) {
            let left = deadline.saturating_duration_since(Instant::now());
            match received.recv_timeout(left) {
                Ok(bytes) => seen.extend(bytes),
                Err(_) => {
                    let _ = child.kill();
                    panic!("{format}: nothing of the first chunk was written before the last file");
                }
            }
        }
        // Only now can the last file be read.
        std::fs::OpenOptions::new()
            .write(true)
            .open(&fifo)
            .and_then(|mut f| f.write_all(PLAN.as_bytes()))
            .unwrap();
        let status = child.wait().unwrap();
        reader.join().unwrap();
        seen.extend(received.try_iter().flatten());
        assert_eq!(status.code(), Some(1), "{format}");
        let all = String::from_utf8_lossy(&seen);
        assert!(all.contains("z.md"), "{format}: the last file is reported");
    }
}

#[test]
fn at_the_same_path_the_checked_file_comes_before_the_unreadable_one() {
    use std::io::Write;
    use std::process::{Command, Stdio};

    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "plan.md", PLAN);
    // Standard in, named as the file and named first, has a line too long
    // to check.
    let mut child = Command::new(env!("CARGO_BIN_EXE_styrkoll"))
        .args([
            "check",
            "--no-config",
            "--format",
            "json",
            "--max-line-length",
            "100",
        ])
        .args(["--stdin-filename", "plan.md", "-", "plan.md"])
        .current_dir(d)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let long = format!("# Titel\n\n{}\n", "ord ".repeat(100));
    child
        .stdin
        .take()
        .unwrap()
        .write_all(long.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = v["files"].as_array().unwrap();
    let kinds: Vec<(&str, bool)> = files
        .iter()
        .map(|f| (f["path"].as_str().unwrap(), f["error"].is_string()))
        .collect();
    assert_eq!(kinds, [("plan.md", false), ("plan.md", true)]);
}
