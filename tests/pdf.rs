//! PDF files: the text layer page by page, with the page in every location,
//! and a clear message for a scanned PDF without text.
#![cfg(feature = "pdf")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod office;

use office::pdf;
use std::process::Command;
use styrkoll::source::{from_bytes, Place, DEFAULT_MAX_FILE_SIZE};

#[test]
fn text_on_two_pages_is_read_with_its_pages() {
    let bytes = pdf(&[
        Some(&["Anteckningar om planen", "Inledningen beskriver planen."]),
        Some(&["Den skall följas upp i maj och december."]),
    ]);
    let src = from_bytes("beslut.pdf", &bytes, DEFAULT_MAX_FILE_SIZE).unwrap();
    let origin = src.origin.as_ref().unwrap();
    let first = src.text.find("Inledningen").unwrap();
    let second = src.text.find("skall").unwrap();
    assert_eq!(
        origin.places.at(first),
        Some(Place::Page(1)),
        "{}",
        src.text
    );
    assert_eq!(
        origin.places.at(second),
        Some(Place::Page(2)),
        "{}",
        src.text
    );
    assert!(src.text.contains("följas upp"), "{}", src.text);

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("beslut.pdf"), &bytes).unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_styrkoll"))
            .args(args)
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    };
    let out = run(&["check", "--format", "json", "beslut.pdf"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "SR007")
        .unwrap_or_else(|| panic!("{v}"));
    assert_eq!(d["page"], 2);
    assert!(d.get("paragraph").is_none());
    let out = run(&["check", "beslut.pdf"]);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("sida 2"), "{s}");
    assert!(
        s.contains("Den skall följas upp i maj och december."),
        "{s}"
    );
}

#[test]
fn a_scanned_pdf_without_text_gets_a_clear_message() {
    let bytes = pdf(&[None, None]);
    let err = from_bytes("skannad.pdf", &bytes, DEFAULT_MAX_FILE_SIZE).unwrap_err();
    assert!(
        err.to_string()
            .contains("ingen textrad — skannat dokument?"),
        "{err}"
    );
}
