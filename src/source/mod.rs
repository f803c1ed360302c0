//! load: bytes → one UTF-8 text. Strips a BOM, decodes UTF-16 and legacy
//! Windows-1252, refuses binary and over-large files with a clear reason.
//! Word (`docx/`) and PDF (`pdf.rs`) files are read into the same kind of
//! text as a Word export, with an `Origin` that maps it back to the file.

pub mod docx;
mod origin;
#[cfg(feature = "pdf")]
pub mod pdf;

pub use origin::{HeadingHint, Origin, Place, Places, Revisions};

use std::path::Path;
use thiserror::Error;

/// Files larger than this are not read (50 MiB).
pub const DEFAULT_MAX_FILE_SIZE: u64 = 50 * 1024 * 1024;

/// Documents with a line longer than this are not checked (1 MiB): no
/// planning document has one, and a file that does is data, not text.
pub const DEFAULT_MAX_LINE_LENGTH: usize = 1024 * 1024;

/// A document's text, ready to parse.
#[derive(Debug, Clone, Default)]
pub struct Source {
    /// The path as the user gave it, or the stdin name.
    pub name: String,
    pub text: String,
    /// The encoding, when it was not plain UTF-8.
    pub decoded_from: Option<&'static str>,
    /// What a Word or PDF reader knows beyond the text (paragraph and page
    /// of each line, headings by style, tracked changes); `None` for text.
    pub origin: Option<Origin>,
}

impl Source {
    /// A source from text that needs no decoding (tests, editors).
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> Self {
        Source {
            name: name.into(),
            text: text.into(),
            ..Source::default()
        }
    }
}

#[derive(Debug, Error)]
pub enum LoadError {
    #[error("kunde inte läsa filen: {0}")]
    Io(#[from] std::io::Error),
    #[error("filen är {size} byte, mer än gränsen {limit} byte")]
    TooLarge { size: u64, limit: u64 },
    /// Read up to one byte past the limit (the size was not known before).
    #[error("filen är större än gränsen {limit} byte")]
    LargerThan { limit: u64 },
    #[error("rad {line} är {length} byte lång, mer än gränsen {limit} byte (--max-line-length); är filen verkligen text?")]
    LineTooLong {
        line: usize,
        length: usize,
        limit: usize,
    },
    #[error("filen ser ut att vara binär (nollbyte vid position {0}), inte text")]
    Binary(usize),
    #[error("filtypen .{0} stöds inte; spara dokumentet som .docx, eller exportera det som text (.txt) eller Markdown (.md)")]
    Unsupported(String),
    #[error(transparent)]
    Docx(#[from] docx::DocxError),
    #[error("{0}")]
    Pdf(String),
}

/// Refuses a source with a line longer than `limit` bytes, naming the first
/// such line. One pass over the bytes.
pub fn check_line_length(source: &Source, limit: usize) -> Result<(), LoadError> {
    if source.text.len() <= limit {
        return Ok(());
    }
    let mut start = 0;
    let breaks = memchr::memchr_iter(b'\n', source.text.as_bytes());
    for (i, end) in breaks.chain([source.text.len()]).enumerate() {
        if end - start > limit {
            return Err(LoadError::LineTooLong {
                line: i + 1,
                length: end - start,
                limit,
            });
        }
        start = end + 1;
    }
    Ok(())
}

/// The kind of reader a file name asks for.
fn extension(name: &str) -> String {
    Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// Read a file from disk. Reading never changes it.
pub fn load_path(path: &Path, max_size: u64) -> Result<Source, LoadError> {
    let name = path.display().to_string();
    if matches!(extension(&name).as_str(), "doc" | "odt" | "rtf") {
        return Err(LoadError::Unsupported(extension(&name)));
    }
    let file = std::fs::File::open(path)?;
    let size = file.metadata()?.len();
    if size > max_size {
        return Err(LoadError::TooLarge {
            size,
            limit: max_size,
        });
    }
    // At most one byte past the limit is read: a file that grows while it
    // is read, or a device that reports no size (`/dev/zero`), is too large
    // rather than read without end.
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0).saturating_add(1));
    std::io::Read::read_to_end(
        &mut std::io::Read::take(file, max_size.saturating_add(1)),
        &mut bytes,
    )?;
    from_bytes(&name, &bytes, max_size)
}

/// Decode bytes (a file or stdin) into a `Source`; the name's extension
/// chooses the Word or PDF reader. Word and PDF files are read from the
/// bytes where they are; text is decoded into a string (a checked copy,
/// see `decode`).
pub fn from_bytes(name: &str, bytes: &[u8], max_size: u64) -> Result<Source, LoadError> {
    // The bytes may be a read that stopped a byte past the limit.
    if bytes.len() as u64 > max_size {
        return Err(LoadError::LargerThan { limit: max_size });
    }
    match extension(name).as_str() {
        "docx" | "docm" | "dotx" => {
            let (text, origin) = docx::read(bytes)?;
            return Ok(Source {
                name: name.to_string(),
                text,
                decoded_from: None,
                origin: Some(origin),
            });
        }
        "pdf" => return read_pdf(name, bytes),
        "doc" | "odt" | "rtf" => return Err(LoadError::Unsupported(extension(name))),
        _ => {}
    }
    let (text, decoded_from) = decode(bytes)?;
    Ok(Source {
        name: name.to_string(),
        text,
        decoded_from,
        origin: None,
    })
}

#[cfg(feature = "pdf")]
fn read_pdf(name: &str, bytes: &[u8]) -> Result<Source, LoadError> {
    let (text, origin) = pdf::read(bytes).map_err(|e| LoadError::Pdf(e.to_string()))?;
    Ok(Source {
        name: name.to_string(),
        text,
        decoded_from: None,
        origin: Some(origin),
    })
}

#[cfg(not(feature = "pdf"))]
fn read_pdf(_name: &str, _bytes: &[u8]) -> Result<Source, LoadError> {
    Err(LoadError::Pdf(
        "styrkoll är byggd utan stöd för PDF (cargo-funktionen `pdf`)".into(),
    ))
}

fn decode(bytes: &[u8]) -> Result<(String, Option<&'static str>), LoadError> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        let label = if enc == encoding_rs::UTF_8 {
            None
        } else {
            Some(enc.name())
        };
        return Ok((text.into_owned(), label));
    }
    if let Some(pos) = memchr::memchr(0, bytes.get(..8192).unwrap_or(bytes)) {
        return Err(LoadError::Binary(pos));
    }
    // Validated with simdutf8 and copied: a copy is several times faster
    // than std's validation, which `String::from_utf8` would run.
    match simdutf8::basic::from_utf8(bytes) {
        Ok(s) => Ok((s.to_owned(), None)),
        Err(_) => {
            // Not UTF-8: Swedish text from older Windows programs is Windows-1252
            // (a superset of ISO-8859-1 for printable characters).
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            if looks_binary(&text) {
                return Err(LoadError::Binary(0));
            }
            Ok((text.into_owned(), Some("windows-1252")))
        }
    }
}

/// Control characters other than tab, newline, carriage return and form feed.
fn looks_binary(text: &str) -> bool {
    let sample: Vec<char> = text.chars().take(4096).collect();
    let control = sample
        .iter()
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
        .count();
    !sample.is_empty() && control * 20 > sample.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_bom_and_legacy() {
        let s = from_bytes("a", b"\xEF\xBB\xBFM\xC3\xA5l", 100).unwrap();
        assert_eq!(s.text, "Mål");
        assert_eq!(s.decoded_from, None);
        let s = from_bytes("a", b"M\xE5l och \xF6vrigt", 100).unwrap();
        assert_eq!(s.text, "Mål och övrigt");
        assert_eq!(s.decoded_from, Some("windows-1252"));
        let s = from_bytes("a", b"\xFF\xFEM\x00\xE5\x00l\x00", 100).unwrap();
        assert_eq!(s.text, "Mål");
        assert_eq!(s.decoded_from, Some("UTF-16LE"));
    }

    #[test]
    fn refuses_binary_and_large() {
        assert!(matches!(
            from_bytes("a", b"PK\x03\x04\x00\x00", 100),
            Err(LoadError::Binary(4))
        ));
        assert!(matches!(
            from_bytes("a", &[b'a'; 101], 100),
            Err(LoadError::LargerThan { limit: 100 })
        ));
    }

    #[test]
    fn a_docx_that_is_text_is_refused() {
        let e = from_bytes("plan.docx", b"1 Inledning\n\nText.\n", 100).unwrap_err();
        assert!(e.to_string().contains("zip"), "{e}");
    }
}
