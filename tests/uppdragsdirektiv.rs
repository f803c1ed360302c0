//! The `uppdragsdirektiv` profile on the real UPPDRAGiL 3.0 directive in
//! `../shared/seeds/` (seed 002): recognised as a directive; the BP0 date
//! conflict between Tidplan and Milstolpar, the unticked checklist, the
//! unmarked BP1 decision and the undefined abbreviation are found; the
//! abbreviations it defines are not reported.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{quote, rules, seed_report};
use styrkoll::Engine;

#[test]
fn seed_002_is_a_directive() {
    let engine = Engine::builtin().unwrap();
    let Some(r) = seed_report(&engine, "002") else {
        return;
    };
    assert_eq!(r.profile.as_deref(), Some("uppdragsdirektiv"));
    let ids = rules(&r);
    assert!(!ids.contains(&"GE006"), "{ids:?}");
    // Every template section is there, in order.
    assert!(!ids.contains(&"UD001"), "{ids:?}");
    assert!(!ids.contains(&"UD002"), "{ids:?}");
    // Both roles are named in 8 Organisation.
    assert!(!ids.contains(&"UD007"), "{ids:?}");
}

#[test]
fn seed_002_bp0_dated_differently_in_tidplan_and_milstolpar() {
    let engine = Engine::builtin().unwrap();
    let Some(r) = seed_report(&engine, "002") else {
        return;
    };
    let ud004: Vec<_> = r.diagnostics.iter().filter(|d| d.rule == "UD004").collect();
    assert_eq!(ud004.len(), 1, "{:#?}", ud004);
    let d = ud004[0];
    assert!(d.message.starts_with("BP0 "), "{}", d.message);
    // Both places are labels: the Tidplan date and the Milstolpar date.
    let labels: Vec<(&str, &str)> = d
        .labels
        .iter()
        .map(|l| (quote(&r, l.span.start, l.span.end), l.message.as_str()))
        .collect();
    assert_eq!(labels.len(), 2, "{labels:?}");
    assert_eq!(labels[0].0, "21/12-2023");
    assert!(labels[0].1.starts_with("Tidplan"), "{labels:?}");
    assert_eq!(labels[1].0, "8/12-24");
    assert!(labels[1].1.starts_with("Milstolpar"), "{labels:?}");
    assert_eq!(d.section.as_deref(), Some("9 Planering > 9.1 Milstolpar"));
    // The other points agree: BP2 on 20/10 lies within the Tidplan phase
    // 20/10–30/10, BP1 and BP3 have the same dates in both.
    assert!(r
        .diagnostics
        .iter()
        .filter(|d| d.rule == "UD004")
        .all(|d| !d.message.contains("BP1") && !d.message.contains("BP2")));
    // The same wrong date puts BP0 out of order in Milstolpar: one finding.
    let ud003: Vec<&str> = r
        .diagnostics
        .iter()
        .filter(|d| d.rule == "UD003")
        .map(|d| quote(&r, d.span.start, d.span.end))
        .collect();
    assert_eq!(ud003, vec!["8/12-24"]);
}

#[test]
fn seed_002_checklist_decision_and_signature_unfilled() {
    let engine = Engine::builtin().unwrap();
    let Some(r) = seed_report(&engine, "002") else {
        return;
    };
    let lines = |id: &str| -> Vec<String> {
        r.diagnostics
            .iter()
            .filter(|d| d.rule == id)
            .map(|d| quote(&r, d.span.start, d.span.end).to_string())
            .collect()
    };
    // Five checklist lines, none ticked; a line wrapped over two lines is one.
    let ud008 = lines("UD008");
    assert_eq!(ud008.len(), 5, "{ud008:#?}");
    assert!(ud008[0].starts_with("Detta arbete"), "{ud008:?}");
    assert!(ud008[0].ends_with("UPPDRAGiL"), "{ud008:?}");
    assert!(ud008[4].starts_with("Uppdragssponsorer"), "{ud008:?}");
    // The instruction after the table is not a checklist line.
    assert!(ud008.iter().all(|l| !l.contains("Kryssa")), "{ud008:?}");
    // The BP1 decision, neither JA nor NEJ.
    let ud009 = lines("UD009");
    assert_eq!(ud009.len(), 1, "{ud009:?}");
    assert!(ud009[0].contains("BP1"), "{ud009:?}");
    // Underskrift, Datum and Namnförtydligande are empty.
    assert_eq!(lines("UD011").len(), 3);
    // Its three effect goals have no measurable target (info).
    assert_eq!(lines("UD010").len(), 3);
    // No phase ends before it starts, and all ids are well formed.
    let ids = rules(&r);
    assert!(
        !ids.contains(&"UD005") && !ids.contains(&"UD006"),
        "{ids:?}"
    );
}

#[test]
fn seed_002_abbreviations() {
    let engine = Engine::builtin().unwrap();
    let Some(r) = seed_report(&engine, "002") else {
        return;
    };
    let ge003: Vec<&str> = r
        .diagnostics
        .iter()
        .filter(|d| d.rule == "GE003")
        .map(|d| quote(&r, d.span.start, d.span.end))
        .collect();
    assert!(ge003.contains(&"FVIS"), "{ge003:?}");
    for defined in ["CLG", "HSF", "RV", "N/A", "BP0", "BP1", "MS1"] {
        assert!(!ge003.contains(&defined), "{defined} reported: {ge003:?}");
    }
}
