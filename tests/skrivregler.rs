//! The writing rules (SR001–SR010): they leave identifiers alone in the real
//! documents of `../shared/seeds/` and in a page full of identifiers, and
//! their fixes give text that passes the rules and is unchanged elsewhere.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use styrkoll::checks::identifiers::{find_identifiers, IdentifierKind};
use styrkoll::diagnostic::Fix;
use styrkoll::source::{from_bytes, load_path, DEFAULT_MAX_FILE_SIZE};
use styrkoll::{CheckOptions, Diagnostic, Engine};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn check_text(text: &str) -> Vec<Diagnostic> {
    let engine = Engine::builtin().unwrap();
    let src = from_bytes("test.md", text.as_bytes(), DEFAULT_MAX_FILE_SIZE).unwrap();
    engine.check(&src, &CheckOptions::default()).diagnostics
}

fn sr(diags: &[Diagnostic]) -> Vec<&Diagnostic> {
    diags.iter().filter(|d| d.rule.starts_with("SR")).collect()
}

fn seeds() -> Vec<PathBuf> {
    let dir = root().join("../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("skipped: {} not found", dir.display());
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    out.sort();
    out
}

fn seed_text(path: &Path) -> String {
    load_path(path, DEFAULT_MAX_FILE_SIZE).unwrap().text
}

#[test]
fn seeds_have_no_writing_rule_findings_on_identifiers() {
    for path in seeds() {
        let text = seed_text(&path);
        let ids = find_identifiers(&text, &IdentifierKind::ALL);
        for d in sr(&check_text(&text)) {
            for id in &ids {
                // SR009 is about times, so a time is what it reports.
                if d.rule == "SR009" && id.kind == IdentifierKind::Time {
                    continue;
                }
                let overlaps = d.span.start < id.span.end && id.span.start < d.span.end;
                assert!(
                    !overlaps,
                    "{}: {} on {:?} ({:?}) overlaps the identifier {:?} ({:?})",
                    path.display(),
                    d.rule,
                    &text[d.span.start..d.span.end],
                    d.message,
                    &text[id.span.start..id.span.end],
                    id.kind
                );
            }
        }
    }
}

#[test]
fn known_identifiers_in_the_seeds_are_found_and_left_alone() {
    let known = [
        ("001_", "RUN 62-2024", IdentifierKind::CaseNumber),
        ("001_", "2024-04-17", IdentifierKind::IsoDate),
        ("002_", "UPPDRAGiL 3.0", IdentifierKind::Version),
        ("003_", "RS/1321/2015", IdentifierKind::CaseNumber),
        ("003_", "RS/101/2015", IdentifierKind::CaseNumber),
        ("003_", "RS/487/2013", IdentifierKind::CaseNumber),
    ];
    for path in seeds() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = seed_text(&path);
        let ids = find_identifiers(&text, &IdentifierKind::ALL);
        let diags = check_text(&text);
        for (_, what, kind) in known.iter().filter(|(p, _, _)| name.starts_with(p)) {
            let at = text
                .find(what)
                .unwrap_or_else(|| panic!("{name}: {what} not in seed"));
            assert!(
                ids.iter().any(|i| i.kind == *kind
                    && i.span.start <= at
                    && at + what.len() <= i.span.end),
                "{name}: {what} not found as {kind:?}"
            );
            let hit = sr(&diags)
                .into_iter()
                .find(|d| d.span.start < at + what.len() && at < d.span.end);
            assert!(hit.is_none(), "{name}: {what} reported: {hit:?}");
        }
    }
}

#[test]
fn a_page_full_of_identifiers_has_no_writing_rule_findings() {
    let path = root().join("fixtures/skrivregler/near/SR003-sida-full-av-identifierare.md");
    let text = std::fs::read_to_string(path).unwrap();
    let found: Vec<String> = sr(&check_text(&text))
        .iter()
        .map(|d| format!("{} {}", d.rule, &text[d.span.start..d.span.end]))
        .collect();
    assert!(found.is_empty(), "{found:?}");
}

/// Applies non-overlapping fixes from the end backwards.
fn apply(text: &str, fixes: &[Fix]) -> String {
    let mut out = text.to_string();
    for f in fixes.iter().rev() {
        out.replace_range(f.span.start..f.span.end, &f.replacement);
    }
    out
}

/// Outside the edited ranges the fixed text is the original, byte for byte,
/// and each edited range holds its replacement.
fn assert_unchanged_elsewhere(orig: &str, fixed: &str, fixes: &[Fix]) {
    let mut shift: isize = 0;
    let mut prev_end = 0;
    for f in fixes {
        let at = |i: usize| (i as isize + shift) as usize;
        assert_eq!(
            orig.as_bytes()[prev_end..f.span.start],
            fixed.as_bytes()[at(prev_end)..at(f.span.start)]
        );
        let new_start = at(f.span.start);
        assert_eq!(
            &fixed[new_start..new_start + f.replacement.len()],
            f.replacement
        );
        shift += f.replacement.len() as isize - f.span.len() as isize;
        prev_end = f.span.end;
    }
    let at = (prev_end as isize + shift) as usize;
    assert_eq!(orig.as_bytes()[prev_end..], fixed.as_bytes()[at..]);
}

#[test]
fn fixes_remove_their_findings_and_touch_nothing_else() {
    let fixable = ["SR001", "SR003", "SR005", "SR006", "SR007", "SR008"];
    let dir = root().join("fixtures/skrivregler/bad");
    for id in fixable {
        let path = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(id))
            .unwrap_or_else(|| panic!("no bad fixture for {id}"));
        let orig = std::fs::read_to_string(&path).unwrap();
        let diags = check_text(&orig);
        let mut fixes: Vec<Fix> = sr(&diags).iter().filter_map(|d| d.fix.clone()).collect();
        let fixed_rules: Vec<&str> = sr(&diags)
            .iter()
            .filter(|d| d.fix.is_some())
            .map(|d| d.rule.as_str())
            .collect();
        assert!(
            fixed_rules.contains(&id),
            "{id}: no fix in {}",
            path.display()
        );
        assert!(
            sr(&diags).iter().all(|d| d.rule != id || d.fix.is_some()),
            "{id}: a finding without a fix"
        );
        fixes.sort_by_key(|f| f.span.start);
        for w in fixes.windows(2) {
            assert!(
                w[0].span.end <= w[1].span.start,
                "{id}: overlapping fixes {w:?}"
            );
        }
        let fixed = apply(&orig, &fixes);
        assert_unchanged_elsewhere(&orig, &fixed, &fixes);
        let left: Vec<String> = sr(&check_text(&fixed))
            .iter()
            .filter(|d| fixed_rules.contains(&d.rule.as_str()))
            .map(|d| format!("{} {}", d.rule, &fixed[d.span.start..d.span.end]))
            .collect();
        assert!(left.is_empty(), "{id}: after fixing:\n{fixed}\n{left:?}");
    }
}

#[test]
fn fix_forms() {
    let text = "# Plan.\n\nVi skall nå 25% under 2024-2027, t ex 21/12-2023.\n";
    let fixes: Vec<(String, String)> = sr(&check_text(text))
        .iter()
        .filter_map(|d| {
            d.fix
                .as_ref()
                .map(|f| (d.rule.clone(), f.replacement.clone()))
        })
        .collect();
    let expect = [
        ("SR008", ""),
        ("SR007", "ska"),
        ("SR005", "25\u{a0}%"),
        ("SR003", "–"),
        ("SR006", "t.ex."),
        ("SR001", "2023-12-21"),
    ];
    for (rule, replacement) in expect {
        assert!(
            fixes.iter().any(|(r, s)| r == rule && s == replacement),
            "{rule} → {replacement:?} in {fixes:?}"
        );
    }
}

#[test]
fn json_carries_the_fix_only_when_there_is_one() {
    let engine = Engine::builtin().unwrap();
    let src = from_bytes(
        "t.md",
        "Planen skall följas.\n".as_bytes(),
        DEFAULT_MAX_FILE_SIZE,
    )
    .unwrap();
    let report = engine.check(&src, &CheckOptions::default());
    let json: serde_json::Value =
        serde_json::from_str(&styrkoll::report::json::render(&[report], &[])).unwrap();
    let diags = json["files"][0]["diagnostics"].as_array().unwrap();
    let sr007 = diags.iter().find(|d| d["rule"] == "SR007").unwrap();
    assert_eq!(
        sr007["fix"],
        serde_json::json!({"start": 7, "end": 12, "line": 1, "column": 8, "replacement": "ska"})
    );
    let ge006 = diags.iter().find(|d| d["rule"] == "GE006").unwrap();
    assert!(ge006.get("fix").is_none(), "{ge006}");
}
