//! Word documents (.docx): a zip of XML parts, read with `zip` and
//! `quick-xml` into the normalized text the parser takes (`text.rs` says its
//! shape), with an `Origin` mapping the text back to the paragraphs.
//!
//! - `archive.rs` reads the parts within limits; `xml.rs` walks XML with a
//!   nesting limit; `rels.rs` follows relationships inside the file only;
//! - `styles.rs` and `numbering.rs` say which paragraphs are headings and
//!   list items, and what their numbers are;
//! - `body/` walks the body (tracked changes, content controls, form
//!   fields, tables) and `text.rs` writes the text;
//! - `write.rs` writes a template as a .docx (`styrkoll new --format docx`).
//!
//! Headers and footers are not body text; a diarienummer found there is
//! put at the top of the text as `Dnr: …` (after the title), where the
//! metadata rules find it. Comments and footnotes are left out.

mod archive;
mod body;
mod numbering;
mod rels;
mod styles;
mod text;
pub mod write;
mod xml;

pub use archive::{MAX_ENTRIES, MAX_PART_SIZE, MAX_RATIO, MAX_TOTAL_SIZE, RATIO_FLOOR};
pub use styles::NumRef;
pub use xml::MAX_XML_DEPTH;

use crate::pattern::Pattern as LazyRegex;
use crate::source::{Origin, Revisions};
use archive::Archive;
use std::sync::LazyLock;
use text::MetaLine;
use thiserror::Error;

/// Why a .docx could not be read. Each message names what is wrong; the
/// file name is put before it when reported.
#[derive(Debug, Error)]
pub enum DocxError {
    #[error("inte en Word-fil (.docx är en zip-fil, och den här går inte att öppna som zip: {0}) — är det en textfil eller ett annat format med fel filändelse?")]
    NotZip(String),
    #[error("för många delar i zip-filen (över {limit}) — skadad eller fientlig fil?")]
    TooManyEntries { limit: usize },
    #[error("för stor uppackad (över {limit_mb} MB) — skadad eller fientlig fil?")]
    TotalTooLarge { limit_mb: u64 },
    #[error(
        "delen {part} är för stor uppackad (över {limit_mb} MiB) — skadad eller fientlig fil?"
    )]
    PartTooLarge { part: String, limit_mb: u64 },
    #[error(
        "delen {part} packas upp till mer än {limit} gånger sin packade storlek — en zip-bomb?"
    )]
    Ratio { part: String, limit: u64 },
    #[error("XML-delen {part} är nästlad djupare än {limit} nivåer — skadad eller fientlig fil?")]
    TooDeep { part: String, limit: usize },
    #[error(
        "{part} pekar på något utanför filen ({target}); styrkoll följer inga externa relationer"
    )]
    External { part: String, target: String },
    #[error("delen {0} saknas: filen är inget Word-dokument")]
    Missing(String),
    #[error("delen {part} är skadad: {reason}")]
    Corrupt { part: String, reason: String },
}

/// Reads a .docx into normalized text and its origin.
pub fn read(bytes: &[u8]) -> Result<(String, Origin), DocxError> {
    let mut ar = Archive::open(bytes)?;
    let package_rels = read_rels(&mut ar, "")?;
    let main = match rels::follow(&package_rels, "officeDocument", "_rels/.rels")? {
        Some(r) => r.target.clone(),
        None => "word/document.xml".to_string(),
    };
    let Some(document) = ar.read(&main)? else {
        return Err(DocxError::Missing(main));
    };
    let doc_rels = read_rels(&mut ar, &main)?;
    let rels_part = rels::rels_name(&main);
    let styles = match part_of(&mut ar, &doc_rels, "styles", &rels_part, "word/styles.xml")? {
        Some((name, b)) => styles::Styles::parse(&b, &name)?,
        None => styles::Styles::default(),
    };
    let numbering = match part_of(
        &mut ar,
        &doc_rels,
        "numbering",
        &rels_part,
        "word/numbering.xml",
    )? {
        Some((name, b)) => numbering::Numbering::parse(&b, &name)?,
        None => numbering::Numbering::default(),
    };
    let meta = header_footer_meta(&mut ar, &doc_rels, &rels_part)?;
    let body = body::parse(&document, &main)?;
    let changes = body.changes;
    let (text, mut origin) = text::assemble(body.items, &styles, &numbering, &meta);
    origin.properties = custom_properties(&mut ar, &package_rels)?;
    let first = changes.first_paragraph.and_then(|n| {
        origin
            .places
            .first_offset_of(crate::source::Place::Paragraph(n))
    });
    origin.revisions = Revisions {
        inserted: changes.inserted,
        deleted: changes.deleted,
        formatting: changes.formatting,
        first,
    };
    Ok((text, origin))
}

fn read_rels(ar: &mut Archive, part: &str) -> Result<Vec<rels::Relationship>, DocxError> {
    let name = rels::rels_name(part);
    match ar.read(&name)? {
        Some(b) => rels::parse(&b, &name, part),
        None => Ok(Vec::new()),
    }
}

/// The part a relationship of `kind` points to, else the usual name.
fn part_of(
    ar: &mut Archive,
    rels: &[rels::Relationship],
    kind: &str,
    rels_part: &str,
    usual: &str,
) -> Result<Option<(String, Vec<u8>)>, DocxError> {
    let name = match rels::follow(rels, kind, rels_part)? {
        Some(r) => r.target.clone(),
        None if rels.is_empty() => usual.to_string(),
        None => return Ok(None),
    };
    Ok(ar.read(&name)?.map(|b| (name, b)))
}

/// The custom document properties (File → Properties → Custom in Word;
/// document management systems put the diarienummer there), as
/// front-matter entries: `dokumenttyp: handlingsplan`, `dnr: RS/1/2026`.
fn custom_properties(
    ar: &mut Archive,
    rels: &[rels::Relationship],
) -> Result<Vec<(String, String)>, DocxError> {
    let Some(r) = rels::follow(rels, "custom-properties", "_rels/.rels")? else {
        return Ok(Vec::new());
    };
    let name = r.target.clone();
    let Some(bytes) = ar.read(&name)? else {
        return Ok(Vec::new());
    };
    let mut w = xml::Walker::new(&bytes, &name);
    let mut out = Vec::new();
    let mut current: Option<(String, String)> = None;
    loop {
        match w.next()? {
            xml::Ev::Eof => break,
            xml::Ev::Start { e, .. } if xml::local(&e) == b"property" => {
                current = xml::attr(&e, b"name").map(|n| (n.trim().to_lowercase(), String::new()));
            }
            xml::Ev::Text(t) => {
                if let Some((_, v)) = current.as_mut() {
                    v.push_str(&t);
                }
            }
            xml::Ev::End { local } if local == b"property" => {
                if let Some((k, v)) = current.take() {
                    let v = v.trim().to_string();
                    if !k.is_empty() && !v.is_empty() {
                        out.push((k, v));
                    }
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

static DNR: LazyLock<LazyRegex> = LazyLock::new(|| {
    LazyRegex::lazy(r"(?i)\b(?:dnr|diarienummer|diarienr)\b\.?\s*:?\s*([^\t\n]+)")
});
static TRAILER: LazyLock<LazyRegex> =
    LazyLock::new(|| LazyRegex::lazy(r"(?i)\s{2,}.*$|\s+(?:sida|page)\b.*$"));

/// The diarienummer in a footer or header (footers first), as a `Dnr:` line.
fn header_footer_meta(
    ar: &mut Archive,
    rels: &[rels::Relationship],
    rels_part: &str,
) -> Result<Vec<MetaLine>, DocxError> {
    let mut parts: Vec<String> = Vec::new();
    for kind in ["footer", "header"] {
        for r in rels::follow_all(rels, kind, rels_part)? {
            if !parts.contains(&r.target) {
                parts.push(r.target.clone());
            }
        }
    }
    for name in parts {
        let Some(bytes) = ar.read(&name)? else {
            continue;
        };
        let b = body::parse(&bytes, &name)?;
        let mut texts: Vec<String> = Vec::new();
        for item in b.items {
            match item {
                body::Item::Para(p) => texts.push(p.text),
                body::Item::Table(rows) => {
                    texts.extend(rows.into_iter().flat_map(|r| r.cells).map(|c| c.text))
                }
            }
        }
        for t in texts {
            if let Some(v) = dnr_value(&t) {
                return Ok(vec![MetaLine(format!("Dnr: {v}"))]);
            }
        }
    }
    Ok(Vec::new())
}

/// `RS/1321/2015` from `Region X⇥Dnr: RS/1321/2015⇥Sida 1 (3)`.
fn dnr_value(text: &str) -> Option<String> {
    let c = DNR.re()?.captures(text)?;
    let raw = c.get(1)?.as_str();
    let v = match TRAILER.re() {
        Some(t) => t.replace(raw, "").into_owned(),
        None => raw.to_string(),
    };
    let v = v.trim();
    (!v.is_empty()).then(|| v.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dnr_from_footer_text() {
        assert_eq!(
            dnr_value("Region X\tDnr: RS/1321/2015\tSida 1 (3)").as_deref(),
            Some("RS/1321/2015")
        );
        assert_eq!(
            dnr_value("Diarienummer RUN 62-2024 sida 2").as_deref(),
            Some("RUN 62-2024")
        );
        assert_eq!(dnr_value("Sida 1 av 3"), None);
    }
}
