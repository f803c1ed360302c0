//! The machine formats (SARIF, GitHub annotations, JUnit, short): SARIF
//! validated against the official 2.1.0 schema for every fixture, and
//! snapshots of every format for a representative set of fixtures.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{check_fixture as check, fixture_names as fixtures};
use serde_json::Value;
use std::path::PathBuf;
use styrkoll::report::sarif::{self, SarifOptions};
use styrkoll::report::{github, junit, short, FileError};
use styrkoll::{Engine, FileReport, Lang};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn render_sarif(engine: &Engine, reports: &[FileReport], errors: &[FileError]) -> Value {
    let rules: Vec<_> = engine.rules().collect();
    let opts = SarifOptions {
        lang: Lang::Sv,
        root: None,
    };
    serde_json::from_str(&sarif::render(reports, errors, &rules, opts)).unwrap()
}

fn schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("tests/sarif-schema-2.1.0.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

fn assert_valid(validator: &jsonschema::Validator, sarif: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what}: SARIF is not valid:\n{}",
        errors.join("\n")
    );
}

#[test]
fn sarif_of_every_fixture_is_valid_sarif_2_1_0() {
    let engine = Engine::builtin().unwrap();
    let validator = schema();
    let all = fixtures();
    assert!(all.len() > 100, "{} fixtures", all.len());
    let reports: Vec<FileReport> = all.iter().map(|r| check(&engine, r)).collect();
    for (rel, report) in all.iter().zip(&reports) {
        let sarif = render_sarif(&engine, std::slice::from_ref(report), &[]);
        assert_valid(&validator, &sarif, rel);
        // Every finding is a result with the rule it names and its place.
        let run = &sarif["runs"][0];
        let results = run["results"].as_array().unwrap();
        assert_eq!(results.len(), report.diagnostics.len(), "{rel}");
        for (r, d) in results.iter().zip(&report.diagnostics) {
            let i = r["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(run["tool"]["driver"]["rules"][i]["id"], d.rule.as_str());
            assert_eq!(r["ruleId"], d.rule.as_str());
            let loc = &r["locations"][0]["physicalLocation"];
            assert_eq!(loc["artifactLocation"]["uri"], rel.as_str());
            assert!(r["partialFingerprints"][sarif::FINGERPRINT_KEY].is_string());
            assert_eq!(r["fixes"].is_array(), d.fix.is_some(), "{rel}");
        }
    }
    // All fixtures in one run, with a file that could not be read.
    let errors = [FileError {
        path: "docs/utkast.docx".into(),
        message: "filtypen .docx stöds inte än".into(),
    }];
    let sarif = render_sarif(&engine, &reports, &errors);
    assert_valid(&validator, &sarif, "all fixtures");
    let inv = &sarif["runs"][0]["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    assert_eq!(
        inv["toolExecutionNotifications"][0]["locations"][0]["physicalLocation"]
            ["artifactLocation"]["uri"],
        "docs/utkast.docx"
    );
    let fingerprints: std::collections::HashSet<String> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap();
            let fp = r["partialFingerprints"][sarif::FINGERPRINT_KEY]
                .as_str()
                .unwrap();
            // The key is unique within a file.
            assert!(fp.contains(':'), "{fp}");
            format!("{uri} {fp}")
        })
        .collect();
    let total: usize = reports.iter().map(|r| r.diagnostics.len()).sum();
    assert_eq!(
        fingerprints.len(),
        total,
        "a fingerprint is unique in its file"
    );
}

/// Fixtures covering labels, fixes (replacing and deleting), masked
/// personal data, markup characters, text files and a clean document.
const SNAPSHOTTED: &[&str] = &[
    "fixtures/gemensamt/bad/GE005-markup-rester.txt",
    "fixtures/handlingsplan/bad/HP001-felstavad-rubrik.md",
    "fixtures/handlingsplan/bad/HP003-fem-mal.md",
    "fixtures/handlingsplan/bad/HP004-barn-tomt.txt",
    "fixtures/handlingsplan/ok/komplett.md",
    "fixtures/personuppgifter/bad/PU001-lang-form-med-bindestreck.md",
    "fixtures/protokoll/bad/PR003-lucka-i-numreringen.txt",
    "fixtures/skrivregler/bad/SR005-procent-utan-mellanslag.md",
    "fixtures/skrivregler/bad/SR007-skall.md",
    "fixtures/skrivregler/bad/SR008-rubrik-med-punkt.md",
    "fixtures/uppdragsdirektiv/bad/UD008-bade-ja-och-nej.md",
];

#[test]
fn snapshots_of_every_format() {
    let engine = Engine::builtin().unwrap();
    for rel in SNAPSHOTTED {
        let report = check(&engine, rel);
        let name = rel.trim_start_matches("fixtures/").replace('/', "__");
        let reports = std::slice::from_ref(&report);
        // The rules are the same in every run; their documentation is in
        // the snapshot of the driver below.
        let sarif = render_sarif(&engine, reports, &[]);
        let run = &sarif["runs"][0];
        let shown = serde_json::json!({
            "results": run["results"],
            "invocations": run["invocations"],
            "columnKind": run["columnKind"],
        });
        insta::assert_snapshot!(
            format!("sarif@{name}"),
            serde_json::to_string_pretty(&shown).unwrap()
        );
        insta::assert_snapshot!(
            format!("github@{name}"),
            github::render(reports, &[], Lang::Sv)
        );
        insta::assert_snapshot!(
            format!("junit@{name}"),
            junit::render(reports, &[], Lang::Sv)
        );
        insta::assert_snapshot!(format!("short@{name}"), short::render(reports, &[]));
    }
}

#[test]
fn sarif_driver_describes_every_rule() {
    let engine = Engine::builtin().unwrap();
    let mut sarif = render_sarif(&engine, &[], &[]);
    let driver = &mut sarif["runs"][0]["tool"]["driver"];
    let rules = driver["rules"].as_array().unwrap().clone();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let expected: Vec<&str> = engine.rules().map(|(_, r)| r.id.as_str()).collect();
    assert_eq!(ids, expected);
    for r in &rules {
        for key in [
            "name",
            "shortDescription",
            "fullDescription",
            "help",
            "defaultConfiguration",
        ] {
            assert!(!r[key].is_null(), "{}: {key}", r["id"]);
        }
        assert!(r["help"]["markdown"].as_str().unwrap().contains("###"));
    }
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    driver["version"] = "VERSION".into();
    driver["semanticVersion"] = "VERSION".into();
    driver["rules"] = rules
        .into_iter()
        .filter(|r| r["id"] == "HP003")
        .collect::<Vec<_>>()
        .into();
    insta::assert_snapshot!(serde_json::to_string_pretty(&driver).unwrap());
}
