//! `styrkoll new … --format docx`: a real Word file whose outline, read
//! back, is the Markdown template's.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;
use styrkoll::model::Document;
use styrkoll::parse::{parse, parse_with_headings};
use styrkoll::source::{load_path, DEFAULT_MAX_FILE_SIZE};
use styrkoll::templates::{kinds, TemplateKind};
use styrkoll::{CheckOptions, Engine};

fn new(args: &[&str], dir: &std::path::Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_styrkoll"))
        .arg("new")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

/// Number, heading text and level of every section.
fn outline(doc: &Document) -> Vec<(Option<String>, String, usize)> {
    doc.sections
        .iter()
        .map(|s| (s.heading.number.clone(), s.heading.text.clone(), s.level))
        .collect()
}

#[test]
fn docx_templates_have_the_markdown_outline_and_profile() {
    let engine = Engine::builtin().unwrap();
    let dir = tempfile::tempdir().unwrap();
    for kind in kinds() {
        let name = format!("{}.docx", kind.name());
        let out = new(
            &[kind.name(), "--format", "docx", "--out", &name],
            dir.path(),
        );
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let path = dir.path().join(&name);
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(b"PK\x03\x04"), "a zip file");
        let src = load_path(&path, DEFAULT_MAX_FILE_SIZE).unwrap();
        let hints = &src.origin.as_ref().unwrap().headings;
        let from_docx = parse_with_headings(&src.text, hints);
        let from_md = parse(kind.text());
        assert_eq!(outline(&from_docx), outline(&from_md), "{}", src.text);
        assert_eq!(
            from_docx.title.as_ref().map(|t| t.text.clone()),
            from_md.title.as_ref().map(|t| t.text.clone())
        );
        let report = engine.check(&src, &CheckOptions::default());
        assert_eq!(report.profile.as_deref(), Some(kind.name()));
        // Unfilled, it is reported like the Markdown template.
        let md = engine.check(
            &styrkoll::source::Source::from_text("mall.md", kind.text()),
            &CheckOptions::default(),
        );
        let ids = |r: &styrkoll::FileReport| {
            let mut v: Vec<String> = r.diagnostics.iter().map(|d| d.rule.clone()).collect();
            v.sort();
            v
        };
        assert_eq!(ids(&report), ids(&md), "{}", kind.name());
        // The heading styles are defined in styles.xml with Word's names.
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut styles = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("word/styles.xml").unwrap(), &mut styles)
            .unwrap();
        assert!(styles.contains("w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>"));
    }
}

#[test]
fn the_format_follows_the_file_name_and_docx_needs_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = new(&["uppdragsdirektiv", "--out", "direktiv.docx"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert!(std::fs::read(dir.path().join("direktiv.docx"))
        .unwrap()
        .starts_with(b"PK"));
    // Never over an existing file without --force.
    let again = new(&["uppdragsdirektiv", "--out", "direktiv.docx"], dir.path());
    assert_eq!(again.status.code(), Some(2));
    let out = new(&["handlingsplan", "--format", "docx"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--out"));
    assert!(out.stdout.is_empty());
    let _ = TemplateKind::Handlingsplan;
}
