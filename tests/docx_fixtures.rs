//! The committed .docx fixtures are what their generator in
//! `tests/office/mod.rs` makes (compared part by part, so a new version of
//! the zip library does not matter). `STYRKOLL_WRITE_FIXTURES=1 cargo test
//! --test docx_fixtures` writes them anew.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod office;

use std::collections::BTreeMap;
use std::io::Read;

fn parts_of(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut b = Vec::new();
        f.read_to_end(&mut b).unwrap();
        out.insert(f.name().to_string(), b);
    }
    out
}

#[test]
fn committed_docx_fixtures_match_their_generator() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let write = std::env::var_os("STYRKOLL_WRITE_FIXTURES").is_some();
    for (path, parts) in office::ge008_fixtures() {
        let path = root.join(path);
        if write {
            std::fs::write(&path, office::zip_parts(&parts)).unwrap();
            continue;
        }
        let committed = std::fs::read(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e}; run STYRKOLL_WRITE_FIXTURES=1 cargo test --test docx_fixtures",
                path.display()
            )
        });
        let expected: BTreeMap<String, Vec<u8>> = parts.into_iter().collect();
        assert!(
            parts_of(&committed) == expected,
            "{} differs from its generator; run STYRKOLL_WRITE_FIXTURES=1 cargo test --test docx_fixtures",
            path.display()
        );
    }
}
