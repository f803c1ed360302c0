//! A report waiting to be written keeps only the text its findings need:
//! the machine formats come out the same from a trimmed report as from the
//! whole text.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use styrkoll::report::sarif::{self, SarifOptions};
use styrkoll::report::{github, json, junit, short};
use styrkoll::source::Source;
use styrkoll::{CheckOptions, Engine, FileReport, Lang};

fn report(text: &str) -> FileReport {
    let engine = Engine::builtin().unwrap();
    engine.check(
        &Source::from_text("plan.md", text),
        &CheckOptions::default(),
    )
}

fn outputs(r: &FileReport) -> Vec<String> {
    let rs = std::slice::from_ref(r);
    vec![
        json::render(rs, &[]),
        junit::render(rs, &[], Lang::Sv),
        github::render(rs, &[], Lang::Sv),
        short::render(rs, &[]),
        sarif::render(
            rs,
            &[],
            &[],
            SarifOptions {
                lang: Lang::Sv,
                root: None,
            },
        ),
    ]
}

#[test]
fn trimmed_reports_render_the_same() {
    // Findings near the top (`skall`, `25%`), then a long clean tail.
    let mut text = String::from(
        "# Övergripande handlingsplan 2026\n\nVi skall öka andelen till 25% av patienterna.\n\n\
         ## 1 Inledning\n\n",
    );
    for i in 0..2000 {
        text.push_str(&format!("Rad {i} beskriver arbetet med vården.\n"));
    }
    let full = report(&text);
    assert!(!full.diagnostics.is_empty());
    let mut trimmed = full.clone();
    trimmed.trim_text_to_findings();
    let furthest = full.diagnostics.iter().map(|d| d.span.end).max().unwrap();
    assert!(trimmed.text.len() > furthest);
    assert!(trimmed.text.len() < full.text.len(), "nothing was trimmed");
    assert!(full.text.starts_with(&trimmed.text));
    assert_eq!(outputs(&full), outputs(&trimmed));
}

#[test]
fn a_report_without_findings_keeps_no_text_and_one_with_a_finding_at_the_end_keeps_all() {
    let mut clean = report("# Titel\n\nText.\n");
    clean.diagnostics.clear();
    clean.trim_text_to_findings();
    assert!(clean.text.len() <= "# Titel\n\n".len());

    let text = "# Titel\n\nText.\n\nVi skall göra det.";
    let mut r = report(text);
    assert!(r.diagnostics.iter().any(|d| d.rule == "SR007"));
    r.trim_text_to_findings();
    assert_eq!(r.text, text);
}
