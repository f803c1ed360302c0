//! The limits of `styrkoll check`: a file over `--max-file-size` and a line
//! over `--max-line-length` each get a clear error naming the file, the
//! other files are still checked, and the run ends with exit code 3.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;

const GOOD: &str = "# Anteckningar\n\nDet här dokumentet skall granskas.\n";

fn run(name: &str, text: &str, args: &[&str]) -> (Option<i32>, String, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), text).unwrap();
    std::fs::write(dir.path().join("good.md"), GOOD).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_styrkoll"))
        .arg("check")
        .args(args)
        .args([name, "good.md"])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_file_over_the_size_limit_is_refused_and_the_run_goes_on() {
    let (code, stdout, stderr) = run("big.md", &"a".repeat(2000), &["--max-file-size", "1000"]);
    assert_eq!(code, Some(3), "{stderr}");
    assert!(
        stderr.contains("fel: big.md: ") && stderr.contains("gränsen 1000 byte"),
        "{stderr}"
    );
    assert!(stdout.contains("SR007"), "good.md was checked: {stdout}");
}

/// A device reports no size: it is read only to a byte past the limit.
#[cfg(target_os = "linux")]
#[test]
fn a_file_without_end_is_refused_at_the_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.md"), GOOD).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_styrkoll"))
        .args(["check", "--max-file-size", "1000", "/dev/zero", "good.md"])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("/dev/zero") && stderr.contains("större än gränsen 1000 byte"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("SR007"));
}

#[test]
fn a_line_over_the_length_limit_is_refused_and_the_run_goes_on() {
    let text = format!("# Titel\n\n{}\n", "ord ".repeat(500));
    let (code, stdout, stderr) = run("lang.md", &text, &["--max-line-length", "1000"]);
    assert_eq!(code, Some(3), "{stderr}");
    assert!(
        stderr.contains("fel: lang.md: rad 3 är 2000 byte lång, mer än gränsen 1000 byte"),
        "{stderr}"
    );
    assert!(stdout.contains("SR007"), "good.md was checked: {stdout}");
}

#[test]
fn the_default_line_limit_is_one_mebibyte() {
    let line = "ord ".repeat(300_000);
    let (code, _, stderr) = run("lang.txt", &line, &[]);
    assert_eq!(code, Some(3), "{stderr}");
    assert!(stderr.contains("gränsen 1048576 byte"), "{stderr}");
}

#[test]
fn short_and_github_output_stream_in_file_order() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..600 {
        std::fs::write(dir.path().join(format!("d{i:04}.md")), GOOD).unwrap();
    }
    for (format, marker) in [("short", ": info SR007"), ("github", "::notice file=")] {
        let out = Command::new(env!("CARGO_BIN_EXE_styrkoll"))
            .args(["check", "--format", format, "."])
            .current_dir(dir.path())
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let files: Vec<&str> = stdout
            .lines()
            .filter(|l| l.contains(marker) && l.contains("SR007"))
            .map(|l| l.split("d0").nth(1).unwrap_or("").get(..3).unwrap_or(""))
            .collect();
        assert_eq!(files.len(), 600, "{format}: {stdout}");
        let mut sorted = files.clone();
        sorted.sort();
        assert_eq!(files, sorted, "{format}");
    }
}
