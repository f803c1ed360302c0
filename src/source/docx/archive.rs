//! Reading the parts of a .docx (a zip file) safely: the number of entries,
//! each part's unpacked size, the total unpacked and the compression ratio
//! are capped, so a hostile file costs little before it is refused.

use super::DocxError;
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// At most this many entries in the zip file. A Word document has 10–50;
/// one with many images a few hundred.
pub const MAX_ENTRIES: usize = 5_000;

/// At most this many bytes in one part after unpacking (64 MiB). The main
/// document of a 500-page report is about 10 MB.
pub const MAX_PART_SIZE: u64 = 64 * 1024 * 1024;

/// At most this many bytes in all entries after unpacking (100 MB), by the
/// sizes the zip file declares and by what is actually unpacked.
pub const MAX_TOTAL_SIZE: u64 = 100 * 1000 * 1000;

/// A part may unpack to at most this many times its packed size. Word's XML
/// packs 5–30 times; a zip bomb thousands of times.
pub const MAX_RATIO: u64 = 100;

/// Parts smaller than this after unpacking are not held to `MAX_RATIO`
/// (tiny repetitive parts pack very well and harm nobody).
pub const RATIO_FLOOR: u64 = 1024 * 1024;

/// An opened .docx whose parts can be read by name.
pub struct Archive<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    /// Lower-cased part name → the name as stored (part names are
    /// case-insensitive in Office files).
    names: HashMap<String, String>,
    unpacked: u64,
}

impl<'a> Archive<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Self, DocxError> {
        if let Some(n) = declared_entries(bytes) {
            if n > MAX_ENTRIES {
                return Err(DocxError::TooManyEntries { limit: MAX_ENTRIES });
            }
        }
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| DocxError::NotZip(e.to_string()))?;
        if zip.len() > MAX_ENTRIES {
            return Err(DocxError::TooManyEntries { limit: MAX_ENTRIES });
        }
        let mut names = HashMap::new();
        let mut declared: u64 = 0;
        for i in 0..zip.len() {
            let f = zip
                .by_index_raw(i)
                .map_err(|e| DocxError::NotZip(e.to_string()))?;
            declared = declared.saturating_add(f.size());
            names.insert(f.name().to_lowercase(), f.name().to_string());
        }
        if declared > MAX_TOTAL_SIZE {
            return Err(DocxError::TotalTooLarge {
                limit_mb: MAX_TOTAL_SIZE / 1_000_000,
            });
        }
        Ok(Archive {
            zip,
            names,
            unpacked: 0,
        })
    }

    /// A part by name (`word/document.xml`), or `None` when there is none.
    pub fn read(&mut self, part: &str) -> Result<Option<Vec<u8>>, DocxError> {
        let Some(stored) = self.names.get(&part.to_lowercase()).cloned() else {
            return Ok(None);
        };
        let bad = |e: zip::result::ZipError| DocxError::Corrupt {
            part: part.to_string(),
            reason: e.to_string(),
        };
        let mut f = self.zip.by_name(&stored).map_err(bad)?;
        if f.size() > MAX_PART_SIZE {
            return Err(part_too_large(part));
        }
        let by_ratio = f
            .compressed_size()
            .saturating_mul(MAX_RATIO)
            .max(RATIO_FLOOR);
        let left = MAX_TOTAL_SIZE.saturating_sub(self.unpacked);
        let cap = MAX_PART_SIZE.min(by_ratio).min(left);
        let mut buf = Vec::with_capacity(usize::try_from(f.size().min(cap)).unwrap_or(0));
        (&mut f)
            .take(cap.saturating_add(1))
            .read_to_end(&mut buf)
            .map_err(|e| DocxError::Corrupt {
                part: part.to_string(),
                reason: e.to_string(),
            })?;
        let len = buf.len() as u64;
        if len > cap {
            return Err(if len > MAX_PART_SIZE {
                part_too_large(part)
            } else if len > by_ratio {
                DocxError::Ratio {
                    part: part.to_string(),
                    limit: MAX_RATIO,
                }
            } else {
                DocxError::TotalTooLarge {
                    limit_mb: MAX_TOTAL_SIZE / 1_000_000,
                }
            });
        }
        self.unpacked += len;
        Ok(Some(buf))
    }
}

fn part_too_large(part: &str) -> DocxError {
    DocxError::PartTooLarge {
        part: part.to_string(),
        limit_mb: MAX_PART_SIZE / (1024 * 1024),
    }
}

/// The entry count in the zip's end-of-central-directory record, read
/// before the zip library builds its table of all entries.
fn declared_entries(bytes: &[u8]) -> Option<usize> {
    const EOCD: [u8; 4] = [0x50, 0x4b, 0x05, 0x06];
    let from = bytes.len().saturating_sub(22 + 65_535);
    let tail = bytes.get(from..)?;
    let pos = tail.windows(4).rposition(|w| w == EOCD)?;
    let rec = tail.get(pos..pos + 22)?;
    let n = u16::from_le_bytes([*rec.get(10)?, *rec.get(11)?]);
    // 0xFFFF means the count is in a zip64 record; the zip library reads it.
    (n != u16::MAX).then_some(usize::from(n))
}
