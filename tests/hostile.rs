//! Hostile and broken Word and PDF files: each gets a clear error naming
//! the file and the limit, the other files are still checked, and the run
//! ends with exit code 3. `--fix` never writes a Word or PDF file.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::run_in as styrkoll;
mod office;

use office::*;
use styrkoll::source::docx::{MAX_ENTRIES, MAX_XML_DEPTH};

const GOOD: &str = "# Anteckningar\n\nDet här dokumentet skall granskas.\n";

/// Checks `bad.docx` (or `.pdf`) and then `good.md`: the bad file's error
/// names it and contains `expected`, the good one is still checked.
fn refused(name: &str, bytes: &[u8], expected: &str) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), bytes).unwrap();
    std::fs::write(dir.path().join("good.md"), GOOD).unwrap();
    let out = styrkoll(dir.path(), &["check", name, "good.md"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(3), "{name}: {stderr}{stdout}");
    assert!(
        stderr.contains(&format!("fel: {name}: ")) && stderr.contains(expected),
        "{name}: expected {expected:?} in {stderr}"
    );
    assert!(stdout.contains("SR007"), "good.md was checked: {stdout}");
    assert!(
        stdout.contains("i 2 filer (1 kunde inte läsas)"),
        "{stdout}"
    );
    // And in JSON: the file carries its error.
    let out = styrkoll(dir.path(), &["check", "--format", "json", name, "good.md"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let err = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == name)
        .unwrap()["error"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(err.contains(expected), "{err}");
}

#[test]
fn a_zip_bomb_is_refused() {
    // 30 MB of one repeated paragraph packs to a few tens of kilobytes.
    let filler = "<w:p><w:r><w:t>a</w:t></w:r></w:p>".repeat(900_000);
    let bytes = Docx::new(filler).bytes();
    assert!(bytes.len() < 1_000_000, "{}", bytes.len());
    refused("bomb.docx", &bytes, "zip-bomb");
}

#[test]
fn an_archive_over_the_total_limit_is_refused() {
    // Three parts of 40 MiB each: none is over the part limit, and each
    // would pass the ratio cap if read, but their declared sizes add up to
    // more than the total allowed, which is refused before anything is
    // unpacked.
    let mut parts = Docx::new(text("Hej")).parts();
    let big = vec![b' '; 40 * 1024 * 1024];
    for i in 0..3 {
        parts.push((format!("word/media/bild{i}.bin"), big.clone()));
    }
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in &parts {
        zip.start_file(name.as_str(), opts).unwrap();
        std::io::Write::write_all(&mut zip, bytes).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    refused(
        "stor.docx",
        &bytes,
        "för stor uppackad (över 100 MB) — skadad eller fientlig fil?",
    );
}

#[test]
fn too_many_entries_are_refused() {
    let mut parts = Docx::new(text("Hej")).parts();
    for i in 0..=MAX_ENTRIES {
        parts.push((format!("customXml/item{i}.xml"), Vec::new()));
    }
    refused(
        "manga.docx",
        &zip_parts(&parts),
        &format!("för många delar i zip-filen (över {MAX_ENTRIES})"),
    );
}

#[test]
fn deep_xml_nesting_is_refused() {
    let depth = MAX_XML_DEPTH + 10;
    let body = format!(
        "<w:p>{}{}</w:p>",
        "<w:customXml>".repeat(depth),
        "</w:customXml>".repeat(depth)
    );
    refused(
        "djup.docx",
        &Docx::new(body).bytes(),
        &format!("nästlad djupare än {MAX_XML_DEPTH} nivåer"),
    );
}

#[test]
fn an_external_relationship_is_not_followed() {
    let mut docx = Docx::new(text("Hej"));
    docx.extra_rels.push(
        "<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"file:///etc/passwd\" TargetMode=\"External\"/>".into(),
    );
    refused(
        "extern.docx",
        &docx.bytes(),
        "file:///etc/passwd); styrkoll följer inga externa relationer",
    );
    // A hyperlink is an external relationship too, and harmless: not followed, no error.
    let mut link = Docx::new(text("Se webbplatsen."));
    link.extra_rels.push(
        "<Relationship Id=\"rId8\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"https://example.org/\" TargetMode=\"External\"/>".into(),
    );
    let src = styrkoll::source::from_bytes("l.docx", &link.bytes(), 1 << 20).unwrap();
    assert!(src.text.contains("Se webbplatsen."));
}

#[test]
fn a_corrupt_zip_is_refused() {
    let mut bytes = Docx::new(text("Hej")).bytes();
    let n = bytes.len();
    bytes.truncate(n / 2);
    refused("trasig.docx", &bytes, "går inte att öppna som zip");
    // A zip whose document part is damaged inside.
    let good = Docx::new(text("Hej")).bytes();
    let mut damaged = good.clone();
    let pos = good
        .windows(17)
        .position(|w| w == b"word/document.xml")
        .unwrap();
    for b in damaged.iter_mut().skip(pos + 17).take(40) {
        *b ^= 0x5a;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("skadad.docx"), &damaged).unwrap();
    let out = styrkoll(dir.path(), &["check", "skadad.docx"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("fel: skadad.docx: "));
}

#[test]
fn a_text_file_named_docx_is_refused() {
    refused(
        "text.docx",
        b"1 Inledning\n\nDet har inte sparats som Word.\n",
        "är det en textfil eller ett annat format med fel filändelse?",
    );
}

#[test]
fn a_zip_without_a_word_document_is_refused() {
    let parts = vec![("mimetype".to_string(), b"application/epub+zip".to_vec())];
    refused(
        "bok.docx",
        &zip_parts(&parts),
        "filen är inget Word-dokument",
    );
}

#[cfg(feature = "pdf")]
#[test]
fn a_broken_pdf_is_an_error_not_a_crash() {
    refused("trasig.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", "PDF");
    refused("tom.pdf", b"", "PDF");
}

#[test]
fn fix_never_writes_a_docx_and_diff_shows_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = Docx::new(text("Det här dokumentet skall granskas, t ex i maj.")).bytes();
    let path = dir.path().join("utkast.docx");
    std::fs::write(&path, &bytes).unwrap();
    let out = styrkoll(dir.path(), &["check", "--fix", "utkast.docx"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.contains("SR007"), "{stdout}");
    assert!(stderr.contains("rättades inte"), "{stderr}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the .docx is untouched"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    let out = styrkoll(dir.path(), &["check", "--diff", "utkast.docx"]);
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn folders_give_their_word_and_pdf_files_too() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("utkast.docx"),
        Docx::new(text("Det här skall granskas.")).bytes(),
    )
    .unwrap();
    // Word's lock file beside an open document is not a document.
    std::fs::write(dir.path().join("~$utkast.docx"), b"lock").unwrap();
    std::fs::write(dir.path().join("bild.png"), b"png").unwrap();
    let out = styrkoll(dir.path(), &["check", "--format", "json", "."]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let paths: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["./utkast.docx"], "{v}");
    let d = &v["files"][0]["diagnostics"][0];
    assert_eq!(d["paragraph"], 1, "{d}");
}
