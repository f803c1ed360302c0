//! The common pack on the real documents in `../shared/seeds/`: GE003 finds
//! the undefined abbreviations of a real directive and only those.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use styrkoll::source::{from_bytes, load_path, DEFAULT_MAX_FILE_SIZE};
use styrkoll::{CheckOptions, Engine};

fn seed(name: &str) -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/seeds")
        .join(name);
    if p.exists() {
        Some(p)
    } else {
        println!("skipped: seed {} not found", p.display());
        None
    }
}

/// The quoted abbreviations of the GE003 findings, with their text.
fn ge003(text: &str) -> Vec<(String, String)> {
    let engine = Engine::builtin().unwrap();
    let src = from_bytes("seed.txt", text.as_bytes(), DEFAULT_MAX_FILE_SIZE).unwrap();
    engine
        .check(&src, &CheckOptions::default())
        .diagnostics
        .iter()
        .filter(|d| d.rule == "GE003")
        .map(|d| {
            (
                src.text[d.span.start..d.span.end].to_string(),
                d.message.clone(),
            )
        })
        .collect()
}

#[test]
fn directive_seed_undefined_abbreviations() {
    let Some(path) = seed("002_2b37c66b31b55e06.txt") else {
        return;
    };
    let text = load_path(&path, DEFAULT_MAX_FILE_SIZE).unwrap().text;
    let found = ge003(&text);
    let words: Vec<&str> = found.iter().map(|(w, _)| w.as_str()).collect();
    assert!(words.contains(&"FVIS"), "{found:?}");
    for defined in ["CLG", "HSF", "RV", "N", "A", "BP0", "BP1", "MS1", "BESLUT"] {
        assert!(!words.contains(&defined), "{defined}: {found:?}");
    }
    // Each abbreviation once.
    let mut sorted = words.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), words.len(), "{found:?}");
}

#[test]
fn routine_seed_capital_headings_are_not_abbreviations() {
    let Some(path) = seed("003_a3cc5de92d832eb8.txt") else {
        return;
    };
    let text = load_path(&path, DEFAULT_MAX_FILE_SIZE).unwrap().text;
    assert!(ge003(&text).is_empty(), "{:?}", ge003(&text));
    // With a glossary (the routine has none of its own) GE003 runs: the
    // headings in capitals (INLEDNING, UPPLÄGG OCH INNEHÅLL) and the
    // table of contents are still no abbreviations. (The routine's own
    // abbreviations ISO and EMAS, and the placeholder `xxxx ÅR`, are found.)
    let with_glossary =
        format!("{text}\n\nDefinitioner\n\nRS Regionstyrelsen\n\nRD Regiondirektör\n");
    let found = ge003(&with_glossary);
    for shouted in [
        "INLEDNING",
        "UPPLÄGG",
        "OCH",
        "INNEHÅLL",
        "MÅLKEDJA",
        "HANDLINGSPLAN",
        "VIKTIGT",
        "RS",
        "RD",
    ] {
        assert!(
            !found.iter().any(|(w, _)| w == shouted),
            "{shouted}: {found:?}"
        );
    }
    assert!(found.iter().any(|(w, _)| w == "EMAS"), "{found:?}");
}

#[test]
fn glossary_forms_and_counts() {
    let text = "# Plan\n\n## 1 Bakgrund\n\nHSF och CIMT. HSF:s plan. CIMT igen, och CIMT-stöd. BP1 och MS2 enligt kapitel IV. IT-stöd.\n\n## Ordlista\n\n- HSF – Hälso- och sjukvårdsförvaltningen\n";
    let found = ge003(text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "CIMT");
    assert!(found[0].1.contains("3 gånger"), "{found:?}");
    // Without a glossary nothing is reported.
    assert!(ge003("# Plan\n\n## 1 Bakgrund\n\nCIMT och HSF.\n").is_empty());
}
