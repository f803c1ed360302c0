//! For tests: every text file of the fixtures and of the seed documents
//! beside the project (`../shared/seeds`, when it is there).

use std::path::PathBuf;

/// Each readable text file under `fixtures/` and `../shared/seeds/`, with
/// its path.
pub fn fixture_and_seed_texts() -> Vec<(PathBuf, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.join("fixtures"), root.join("../shared/seeds")];
    let mut out = Vec::new();
    while let Some(dir) = dirs.pop() {
        for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if let Ok(text) = std::fs::read_to_string(&p) {
                out.push((p, text));
            }
        }
    }
    out
}
