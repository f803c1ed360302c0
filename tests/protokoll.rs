//! The `protokoll` profile on the real documents in `../shared/seeds`:
//! the protocol extract is recognised and passes, the other documents are
//! not taken for minutes.

use std::path::PathBuf;
use styrkoll::source::{load_path, DEFAULT_MAX_FILE_SIZE};
use styrkoll::{CheckOptions, Engine, FileReport};

/// The seed's report, or `None` (with the reason printed) when it is absent.
fn seed(engine: &Engine, prefix: &str) -> Option<FileReport> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let path = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        });
    let Some(path) = path else {
        eprintln!("skipped: no seed {prefix}_*.txt in {}", dir.display());
        return None;
    };
    let src = match load_path(&path, DEFAULT_MAX_FILE_SIZE) {
        Ok(src) => src,
        Err(e) => {
            eprintln!("skipped: {} cannot be read: {e}", path.display());
            return None;
        }
    };
    Some(engine.check(&src, &CheckOptions::default()))
}

fn rules(r: &FileReport) -> Vec<&str> {
    r.diagnostics.iter().map(|d| d.rule.as_str()).collect()
}

#[test]
fn seed_001_is_a_protocol_extract_with_its_decision() {
    let engine = Engine::builtin().unwrap();
    let Some(r) = seed(&engine, "001_") else {
        return;
    };
    assert_eq!(r.profile.as_deref(), Some("protokoll"));
    let ids = rules(&r);
    for id in ["PR001", "PR003", "PR004", "PR005", "PR007"] {
        assert!(!ids.contains(&id), "{id} in {ids:?}");
    }
}

#[test]
fn seeds_002_and_003_are_not_minutes() {
    let engine = Engine::builtin().unwrap();
    for prefix in ["002_", "003_"] {
        let Some(r) = seed(&engine, prefix) else {
            continue;
        };
        assert_ne!(r.profile.as_deref(), Some("protokoll"), "{prefix}");
        assert!(
            !rules(&r).iter().any(|id| id.starts_with("PR")),
            "{prefix}: {:?}",
            rules(&r)
        );
    }
}
