//! A .docx written by LibreOffice (another producer: its own style names,
//! numbering and markup) checks like the Markdown it came from. Skipped,
//! with the reason printed, when LibreOffice (`soffice`) is not installed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;
use styrkoll::source::{load_path, Source, DEFAULT_MAX_FILE_SIZE};
use styrkoll::{CheckOptions, Engine, FileReport};

fn soffice() -> Option<&'static str> {
    ["soffice", "libreoffice"].into_iter().find(|b| {
        Command::new(b)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

fn findings(r: &FileReport) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = r
        .diagnostics
        .iter()
        .map(|d| (d.rule.clone(), d.section.clone().unwrap_or_default()))
        .collect();
    v.sort();
    v
}

#[test]
fn a_docx_saved_by_libreoffice_checks_the_same() {
    let Some(bin) = soffice() else {
        eprintln!("skipped: LibreOffice (soffice) is not installed");
        return;
    };
    let engine = Engine::builtin().unwrap();
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    for fixture in [
        "fixtures/handlingsplan/bad/HP005-berors-ej-utan-motivering.md",
        "fixtures/uppdragsdirektiv/bad/UD007-uppdragsledare-saknas.md",
    ] {
        let md = std::fs::read_to_string(root.join(fixture)).unwrap();
        let ours = dir.path().join("in.docx");
        std::fs::write(
            &ours,
            styrkoll::source::docx::write::from_markdown(&md).unwrap(),
        )
        .unwrap();
        let out_dir = dir.path().join("out");
        let status = Command::new(bin)
            .args(["--headless", "--convert-to", "docx", "--outdir"])
            .arg(&out_dir)
            .arg(&ours)
            .env("HOME", dir.path())
            .output()
            .unwrap();
        let converted = out_dir.join("in.docx");
        assert!(
            converted.exists(),
            "{fixture}: {}",
            String::from_utf8_lossy(&status.stderr)
        );
        let src = load_path(&converted, DEFAULT_MAX_FILE_SIZE).unwrap();
        let as_docx = engine.check(&src, &CheckOptions::default());
        let as_md = engine.check(&Source::from_text("plan.md", md), &CheckOptions::default());
        assert_eq!(as_md.profile, as_docx.profile, "{fixture}\n{}", src.text);
        assert_eq!(
            findings(&as_md),
            findings(&as_docx),
            "{fixture}\n{}",
            src.text
        );
        std::fs::remove_dir_all(&out_dir).unwrap();
    }
}
