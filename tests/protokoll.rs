//! The `protokoll` profile on the real documents in `../shared/seeds`:
//! the protocol extract is recognised and passes, the other documents are
//! not taken for minutes.

mod common;

use common::{rules, seed_report as seed};
use styrkoll::Engine;

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
