//! The fuzz targets' bodies, shared by the cargo-fuzz crate (`fuzz/`), the
//! stable-Rust driver (`examples/fuzz_driver.rs`) and the regression tests
//! (`tests/fuzz_regressions.rs`). Each takes any bytes and must not panic.

use crate::engine::{CheckOptions, Engine};
use crate::profile::load_pack;
use crate::source::from_bytes;

/// Inputs larger than this are cut: the limits for big files are tested
/// elsewhere, and small inputs keep the fuzzer fast.
const MAX_INPUT: usize = 256 * 1024;

/// A small complete document for rule packs to run on.
const DOCUMENT: &str =
    "---\ndokumenttyp: handlingsplan\n---\n# Övergripande handlingsplan 2026\n\n\
Dnr: RS/1/2026\n\n## 1 Inledning\n\nPlanen skall gälla 2026-02-30. 25% av KVR.\n\n\
## 2 Mål\n\n- Mål 1: Minst 90 % ska svara.\n\n| Aktivitet | Mål |\n|---|---|\n| Gör | 1 |\n";

fn engine() -> Option<&'static Engine> {
    static ENGINE: std::sync::OnceLock<Option<Engine>> = std::sync::OnceLock::new();
    ENGINE.get_or_init(|| Engine::builtin().ok()).as_ref()
}

/// Decode the bytes as a Markdown file (and, from the first byte, as a text
/// file), then parse and check with every pack.
pub fn load_parse_check(data: &[u8]) {
    let data = &data[..data.len().min(MAX_INPUT)];
    let name = if data.first().is_some_and(|b| b % 2 == 0) {
        "fuzz.md"
    } else {
        "fuzz.txt"
    };
    if let (Some(engine), Ok(src)) = (engine(), from_bytes(name, data, MAX_INPUT as u64)) {
        let _ = engine.check(&src, &CheckOptions::default());
    }
}

/// Read the bytes as a Word file, and check what comes out.
pub fn docx(data: &[u8]) {
    if let (Some(engine), Ok(src)) = (engine(), from_bytes("fuzz.docx", data, MAX_INPUT as u64)) {
        let _ = engine.check(&src, &CheckOptions::default());
    }
}

/// Load the bytes as a rule pack; one that loads is run on a document.
pub fn rule_pack(data: &[u8]) {
    let Ok(yaml) = std::str::from_utf8(&data[..data.len().min(MAX_INPUT)]) else {
        return;
    };
    if let Ok(pack) = load_pack("fuzz.yaml", yaml) {
        let engine = Engine::from_packs(vec![pack]);
        let src = crate::source::Source::from_text("fuzz.md", DOCUMENT);
        let _ = engine.check(&src, &CheckOptions::default());
    }
}
