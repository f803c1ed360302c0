//! The personal data pack: real documents have no false hits, and no output
//! format repeats a personal identity number, address or mobile number in
//! full — only the user's own source line, which miette shows, holds it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use styrkoll::report::{human, json};
use styrkoll::source::{load_path, DEFAULT_MAX_FILE_SIZE};
use styrkoll::{CheckOptions, Engine, FileReport, Lang};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn check(engine: &Engine, path: &Path, lang: Lang) -> FileReport {
    let src = load_path(path, DEFAULT_MAX_FILE_SIZE).unwrap();
    engine.check(
        &src,
        &CheckOptions {
            lang,
            ..CheckOptions::default()
        },
    )
}

fn pu_rules(report: &FileReport) -> Vec<&str> {
    report
        .diagnostics
        .iter()
        .map(|d| d.rule.as_str())
        .filter(|r| r.starts_with("PU"))
        .collect()
}

#[test]
fn seeds_have_no_personal_data_findings() {
    let dir = root().join("../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("skipped: seeds not found at {}", dir.display());
        return;
    };
    let engine = Engine::builtin().unwrap();
    let mut seeds: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    seeds.sort();
    if seeds.is_empty() {
        println!("skipped: no seeds in {}", dir.display());
    }
    for path in seeds {
        let report = check(&engine, &path, Lang::Sv);
        assert_eq!(pu_rules(&report), Vec::<&str>::new(), "{}", path.display());
    }
}

#[test]
fn a_page_full_of_identifiers_has_no_personal_data_findings() {
    let engine = Engine::builtin().unwrap();
    for name in [
        "PU001-sida-full-av-identifierare.txt",
        "PU003-funktionsbrevlador-och-vaxel.md",
    ] {
        let path = root().join("fixtures/personuppgifter/near").join(name);
        let report = check(&engine, &path, Lang::Sv);
        assert_eq!(pu_rules(&report), Vec::<&str>::new(), "{name}");
    }
}

/// The human report without the source lines miette quotes (` 3 │ …`):
/// those are the user's own file, everything else is ours.
fn human_without_source_lines(report: &FileReport, lang: Lang) -> String {
    let style = human::Style {
        color: false,
        width: 100,
    };
    human::render_file(report, lang, style)
        .lines()
        .filter(|l| {
            let t = l.trim_start();
            let digits = t.chars().take_while(char::is_ascii_digit).count();
            !(digits > 0 && t[digits..].starts_with(" │"))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn no_output_format_repeats_the_personal_data() {
    let engine = Engine::builtin().unwrap();
    let bad = root().join("fixtures/personuppgifter/bad");
    // Fixture (by rule prefix) → the parts that must never be printed.
    let secrets: &[(&str, &[&str])] = &[
        ("PU001", &["8917"]),
        ("PU002", &["2391"]),
        ("PU003-personlig-e-post", &["kim.andersson", "andersson@"]),
        ("PU003-mobilnummer", &["174 06 50", "174 06 99"]),
    ];
    let mut checked = 0;
    for entry in std::fs::read_dir(&bad).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Some((_, hidden)) = secrets.iter().find(|(p, _)| name.starts_with(p)) else {
            continue;
        };
        for lang in [Lang::Sv, Lang::En] {
            let report = check(&engine, &path, lang);
            let rule = &name[..5];
            assert!(
                report.diagnostics.iter().any(|d| d.rule == rule),
                "{name}: no {rule}"
            );
            // The source line is in the human report: the test sees the number.
            assert!(human::render_file(
                &report,
                lang,
                human::Style {
                    color: false,
                    width: 100
                }
            )
            .contains(hidden[0]));
            let outputs = [
                ("human", human_without_source_lines(&report, lang)),
                ("json", json::render(std::slice::from_ref(&report), &[])),
            ];
            for (format, out) in outputs {
                for secret in *hidden {
                    assert!(
                        !out.contains(secret),
                        "{name} ({format}, {lang:?}) shows {secret:?}:\n{out}"
                    );
                }
                assert!(out.contains("***"), "{name} ({format}): no masked form");
            }
            checked += 1;
        }
    }
    assert!(
        checked >= 2 * 11,
        "only {checked} fixture renderings checked"
    );
}

#[test]
fn the_masked_number_is_the_date_and_four_stars() {
    let engine = Engine::builtin().unwrap();
    let path = root().join("fixtures/personuppgifter/bad/PU001-lang-form-med-bindestreck.md");
    let report = check(&engine, &path, Lang::Sv);
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.rule == "PU001")
        .unwrap();
    assert!(d.message.contains("(19780101-****)"), "{}", d.message);
    assert_eq!(&report.text[d.span.start..d.span.end], "19780101-8917");
}
