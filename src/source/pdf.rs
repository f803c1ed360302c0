//! PDF documents: the text layer, page by page, with `pdf-extract` (pure
//! Rust). The text is what a copy from the PDF gives, which the parser
//! reads like any extracted text; each page starts a new place ("sida N").
//!
//! `pdf-extract` may panic on a malformed file. The panic is caught here and
//! becomes an error for that file: this is the one place styrkoll catches a
//! panic. While it runs, `inside_extraction()` is true on this thread, so
//! the binary's panic hook can keep the crate's panic message off the
//! screen.

use crate::source::{Origin, Place};
use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum PdfError {
    #[error("PDF-filen går inte att läsa: {0}")]
    Unreadable(String),
    #[error("PDF-läsaren stannade på filen (ett fel i pdf-extract); kontrollera den i en PDF-läsare, eller granska originalet")]
    Panicked,
    #[error("PDF-filen har ingen textrad — skannat dokument? Kör textigenkänning (OCR) på den, eller granska originalet i Word")]
    NoText,
}

thread_local! {
    static EXTRACTING: Cell<bool> = const { Cell::new(false) };
}

/// True while `pdf-extract` runs on this thread (for a panic hook).
pub fn inside_extraction() -> bool {
    EXTRACTING.with(Cell::get)
}

/// Reads the text layer of a PDF, page by page.
pub fn read(bytes: &[u8]) -> Result<(String, Origin), PdfError> {
    EXTRACTING.with(|f| f.set(true));
    let pages = catch_unwind(AssertUnwindSafe(|| {
        pdf_extract::extract_text_from_mem_by_pages(bytes)
    }));
    EXTRACTING.with(|f| f.set(false));
    let pages = match pages {
        Ok(Ok(p)) => p,
        Ok(Err(e)) => return Err(PdfError::Unreadable(e.to_string())),
        Err(_) => return Err(PdfError::Panicked),
    };
    join_pages(&pages)
}

/// The pages' text with a blank line between pages; each page marked.
fn join_pages(pages: &[String]) -> Result<(String, Origin), PdfError> {
    if pages.iter().all(|p| p.trim().is_empty()) {
        return Err(PdfError::NoText);
    }
    let mut out = String::new();
    let mut origin = Origin::default();
    for (i, page) in pages.iter().enumerate() {
        let text = page.replace("\r\n", "\n").replace(['\r', '\u{c}'], "\n");
        let text = text.trim_matches('\n');
        if text.trim().is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        origin.places.mark(out.len(), Place::Page(i + 1));
        out.push_str(text);
    }
    out.push('\n');
    Ok((out, origin))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_joined_and_marked() {
        let (text, origin) = join_pages(&[
            "\n\nFörsta sidan\n".into(),
            "  ".into(),
            "Tredje\r\n".into(),
        ])
        .unwrap();
        assert_eq!(text, "Första sidan\n\nTredje\n");
        assert_eq!(origin.places.at(0), Some(Place::Page(1)));
        assert_eq!(origin.places.at(15), Some(Place::Page(3)));
        assert!(matches!(join_pages(&[" \n".into()]), Err(PdfError::NoText)));
    }
}
