//! The whole-run formats (JSON, SARIF, JUnit) put together part by part, as
//! `styrkoll check` streams them: the same bytes as rendering every report
//! at once, and no part waits for the end of the run.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{check_fixture, fixture_names};
use styrkoll::report::json::Json;
use styrkoll::report::junit::Junit;
use styrkoll::report::sarif::{Sarif, SarifOptions};
use styrkoll::report::whole_run::{self, Assembly, Entry, FilePart, Order, Position, WholeRun};
use styrkoll::report::FileError;
use styrkoll::{Engine, FileReport, Lang};

fn unreadable(path: &str) -> FileError {
    FileError {
        path: path.into(),
        message: format!("{path} går inte att läsa <&>"),
    }
}

/// Every fixture, and unreadable files among them and after them.
fn run() -> (Vec<FileReport>, Vec<FileError>) {
    let engine = Engine::builtin().unwrap();
    let names = fixture_names();
    assert!(names.len() > 100, "{} fixtures", names.len());
    let reports = names.iter().map(|n| check_fixture(&engine, n)).collect();
    let errors = vec![
        unreadable("fixtures/handlingsplan/bad/trasig.docx"),
        unreadable("fixtures/skrivregler/trasig.docx"),
        unreadable("ö/sist.docx"),
    ];
    (reports, errors)
}

/// The parts of the run at their places, in the order given (reports,
/// then errors).
fn entries(
    format: &dyn WholeRun,
    reports: &[FileReport],
    errors: &[FileError],
) -> Vec<(Position, Entry)> {
    let order = format.order();
    let mut out: Vec<(Position, Entry)> = reports
        .iter()
        .enumerate()
        .map(|(i, r)| {
            (
                order.checked(&r.path, i),
                Entry::Checked(FilePart::of(format, r)),
            )
        })
        .collect();
    out.extend(
        errors
            .iter()
            .enumerate()
            .map(|(i, e)| (order.unreadable(&e.path, i), Entry::Unreadable(e.clone()))),
    );
    out
}

fn with_formats(rules_of: &Engine, check: impl Fn(&str, &dyn WholeRun)) {
    let rules: Vec<_> = rules_of.rules().collect();
    let sarif = Sarif::new(
        &rules,
        SarifOptions {
            lang: Lang::Sv,
            root: None,
        },
    );
    check("json", &Json);
    check("sarif", &sarif);
    check("junit", &Junit { lang: Lang::En });
}

#[test]
fn each_part_leaves_as_soon_as_the_next_file_is_known_and_the_document_is_the_same() {
    let (reports, errors) = run();
    let engine = Engine::builtin().unwrap();
    with_formats(&engine, |name, format| {
        let whole = whole_run::render(format, &reports, &errors);
        let mut parts = entries(format, &reports, &errors);
        // As `check` checks them: in the document's order.
        parts.sort_by(|a, b| a.0.cmp(&b.0));
        let places: Vec<Position> = parts.iter().map(|(at, _)| at.clone()).collect();
        let mut doc = Assembly::new(format);
        let mut body = String::new();
        for (k, (at, entry)) in parts.into_iter().enumerate() {
            let before = body.len();
            doc.add(at, entry);
            body.push_str(&doc.release(places.get(k + 1)));
            assert_eq!(doc.waiting(), 0, "{name}: part {k} waits for the end");
            if name == "json" {
                assert!(body.len() > before, "{name}: part {k} was not written");
            }
        }
        assert_eq!(doc.release(None), "");
        let streamed = format!("{}{body}{}", doc.head(&errors), doc.tail());
        assert!(streamed == whole, "{name}: the streamed document differs");
    });
}

#[test]
fn files_checked_in_chunks_come_out_in_the_documents_order() {
    let engine = Engine::builtin().unwrap();
    let (mut reports, mut errors) = run();
    // The same path twice, and once more unreadable: the checked ones
    // first, each in the order given.
    let twice = reports[40].clone();
    reports.push(twice.clone());
    errors.push(unreadable(&twice.path));
    // One found unreadable before checking (a folder that cannot be read).
    let found = unreadable("fixtures/protokoll");
    with_formats(&engine, |name, format| {
        let mut all_errors = vec![found.clone()];
        all_errors.extend(errors.iter().cloned());
        let whole = whole_run::render(format, &reports, &all_errors);
        // As `check` has them: a job a file, each giving a report or an
        // error; sorted by path where the document is.
        let jobs: Vec<(&str, Result<&FileReport, &FileError>)> = reports
            .iter()
            .map(|r| (r.path.as_str(), Ok(r)))
            .chain(errors.iter().map(|e| (e.path.as_str(), Err(e))))
            .collect();
        let order = format.order();
        let mut sequence: Vec<usize> = (0..jobs.len()).collect();
        if order == Order::ByPath {
            sequence.sort_by(|&a, &b| jobs[a].0.cmp(jobs[b].0));
        }
        let mut doc = Assembly::new(format);
        doc.add(
            order.unreadable(&found.path, 0),
            Entry::Unreadable(found.clone()),
        );
        let mut body = String::new();
        for (n, chunk) in sequence.chunks(7).enumerate() {
            // Threads may finish a chunk in any order.
            for &i in chunk.iter().rev() {
                match jobs[i].1 {
                    Ok(r) => doc.add(
                        order.checked(&r.path, i),
                        Entry::Checked(FilePart::of(format, r)),
                    ),
                    Err(e) => doc.add(
                        order.unreadable(&e.path, 1 + i),
                        Entry::Unreadable(e.clone()),
                    ),
                }
            }
            let next = sequence
                .get((n + 1) * 7)
                .map(|&i| order.checked(jobs[i].0, i));
            body.push_str(&doc.release(next.as_ref()));
            assert!(
                doc.waiting() <= all_errors.len() + 1,
                "{name}: {} parts wait",
                doc.waiting()
            );
        }
        let streamed = format!("{}{body}{}", doc.head(&all_errors), doc.tail());
        assert!(streamed == whole, "{name}: the streamed document differs");
    });
}

#[test]
fn sarif_is_laid_out_as_serde_json_prints_the_whole_value() {
    let (reports, errors) = run();
    let engine = Engine::builtin().unwrap();
    let rules: Vec<_> = engine.rules().collect();
    let opts = SarifOptions {
        lang: Lang::Sv,
        root: None,
    };
    let clean = vec![check_fixture(
        &engine,
        "fixtures/handlingsplan/ok/komplett.md",
    )];
    assert!(clean[0].diagnostics.is_empty());
    let runs: [(&[FileReport], &[FileError]); 4] = [
        (&reports, &errors),
        (&reports, &[]),
        (&clean, &errors),
        (&[], &[]),
    ];
    for (reports, errors) in runs {
        let text = styrkoll::report::sarif::render(reports, errors, &rules, opts);
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let reprinted = serde_json::to_string_pretty(&value).unwrap();
        assert!(
            text == reprinted,
            "{} reports, {} errors: not serde_json's layout",
            reports.len(),
            errors.len()
        );
    }
}

#[test]
fn json_files_and_junit_cases_go_by_path_and_sarif_results_as_given() {
    let engine = Engine::builtin().unwrap();
    let at = |path: &str| {
        let mut r = check_fixture(&engine, "fixtures/skrivregler/bad/SR007-skall.md");
        r.path = path.into();
        r
    };
    let reports = [
        at("b/plan.md"),
        at("a-b/plan.md"),
        at("a/plan.md"),
        at("a/plan.md"),
    ];
    let errors = [unreadable("a/plan.md"), unreadable("0.docx")];
    // By the path as text ("a-b/" before "a/"); at the same path the
    // checked files first.
    let by_path = [
        "0.docx",
        "a-b/plan.md",
        "a/plan.md",
        "a/plan.md",
        "a/plan.md",
        "b/plan.md",
    ];
    let unreadable_at = [0, 4];

    let json: serde_json::Value =
        serde_json::from_str(&styrkoll::report::json::render(&reports, &errors)).unwrap();
    let files = json["files"].as_array().unwrap();
    let paths: Vec<&str> = files.iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(paths, by_path);
    let failed: Vec<usize> = (0..files.len())
        .filter(|&i| files[i]["error"].is_string())
        .collect();
    assert_eq!(failed, unreadable_at);

    let junit = styrkoll::report::junit::render(&reports, &errors, Lang::Sv);
    let cases: Vec<&str> = junit.split("<testcase name=\"").skip(1).collect();
    let names: Vec<&str> = cases.iter().map(|c| c.split('"').next().unwrap()).collect();
    assert_eq!(names, by_path);
    let failed: Vec<usize> = (0..cases.len())
        .filter(|&i| cases[i].contains("type=\"unreadable\""))
        .collect();
    assert_eq!(failed, unreadable_at);

    let rules: Vec<_> = engine.rules().collect();
    let opts = SarifOptions {
        lang: Lang::Sv,
        root: None,
    };
    let sarif: serde_json::Value = serde_json::from_str(&styrkoll::report::sarif::render(
        &reports, &errors, &rules, opts,
    ))
    .unwrap();
    let mut uris: Vec<&str> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    uris.dedup();
    assert_eq!(uris, ["b/plan.md", "a-b/plan.md", "a/plan.md"]);
}
