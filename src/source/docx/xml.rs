//! A small layer over quick-xml for the parts of a .docx: events by local
//! name (Office files may use any namespace prefix), a nesting limit, and
//! errors that name the part.

use super::DocxError;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// At most this many nested elements. Word nests a table in a table in a
/// cell some ten levels deep; a hostile file nests thousands to exhaust
/// the reader.
pub const MAX_XML_DEPTH: usize = 256;

/// What the walker hands out: element starts (with a flag for empty
/// elements, which get no `End`), ends, and text.
pub enum Ev<'a> {
    Start { e: BytesStart<'a>, empty: bool },
    End { local: Vec<u8> },
    Text(String),
    Eof,
}

pub struct Walker<'a> {
    reader: Reader<&'a [u8]>,
    part: &'a str,
    depth: usize,
    /// An empty element already reported as a start, to report as its end.
    pending_end: Option<Vec<u8>>,
}

impl<'a> Walker<'a> {
    pub fn new(bytes: &'a [u8], part: &'a str) -> Self {
        let mut reader = Reader::from_reader(bytes);
        reader.config_mut().trim_text(false);
        Walker {
            reader,
            part,
            depth: 0,
            pending_end: None,
        }
    }

    fn error(&self, reason: impl ToString) -> DocxError {
        DocxError::Corrupt {
            part: self.part.to_string(),
            reason: reason.to_string(),
        }
    }

    /// The next event. An empty element `<a/>` gives `Start { empty: true }`
    /// and then `End`, so callers handle both forms alike.
    pub fn next(&mut self) -> Result<Ev<'a>, DocxError> {
        if let Some(local) = self.pending_end.take() {
            self.depth = self.depth.saturating_sub(1);
            return Ok(Ev::End { local });
        }
        loop {
            let ev = self.reader.read_event().map_err(|e| self.error(e))?;
            match ev {
                Event::Start(e) => {
                    self.depth += 1;
                    if self.depth > MAX_XML_DEPTH {
                        return Err(DocxError::TooDeep {
                            part: self.part.to_string(),
                            limit: MAX_XML_DEPTH,
                        });
                    }
                    return Ok(Ev::Start { e, empty: false });
                }
                Event::Empty(e) => {
                    self.depth += 1;
                    self.pending_end = Some(e.local_name().as_ref().to_vec());
                    return Ok(Ev::Start { e, empty: true });
                }
                Event::End(e) => {
                    self.depth = self.depth.saturating_sub(1);
                    return Ok(Ev::End {
                        local: e.local_name().as_ref().to_vec(),
                    });
                }
                Event::Text(t) => {
                    let s = t.decode().map_err(|e| self.error(e))?;
                    return Ok(Ev::Text(s.into_owned()));
                }
                Event::CData(t) => {
                    let s = t.decode().map_err(|e| self.error(e))?;
                    return Ok(Ev::Text(s.into_owned()));
                }
                Event::GeneralRef(r) => {
                    let resolved = match r.resolve_char_ref().map_err(|e| self.error(e))? {
                        Some(c) => Some(c),
                        None => match &*r {
                            b"amp" => Some('&'),
                            b"lt" => Some('<'),
                            b"gt" => Some('>'),
                            b"quot" => Some('"'),
                            b"apos" => Some('\''),
                            // Entities a DOCTYPE declares are never expanded.
                            _ => None,
                        },
                    };
                    if let Some(c) = resolved {
                        return Ok(Ev::Text(c.to_string()));
                    }
                }
                Event::Eof => return Ok(Ev::Eof),
                _ => {}
            }
        }
    }

    /// Skips the rest of the element just started (not an empty one).
    pub fn skip(&mut self) -> Result<(), DocxError> {
        let target = self.depth.saturating_sub(1);
        while self.depth > target {
            if let Ev::Eof = self.next()? {
                break;
            }
        }
        Ok(())
    }
}

/// The local name of an element (`pStyle` for `w:pStyle`).
pub fn local<'b>(e: &'b BytesStart<'_>) -> &'b [u8] {
    let name = e.name().into_inner();
    match name.iter().rposition(|b| *b == b':') {
        Some(i) => name.get(i + 1..).unwrap_or(name),
        None => name,
    }
}

/// An attribute by local name (`val` for `w:val`), unescaped.
pub fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == name)
            .then(|| a.unescape_value().ok().map(|v| v.into_owned()))
            .flatten()
    })
}

/// An OOXML on/off value: absent `val`, `1`, `true` and `on` are on.
pub fn on(e: &BytesStart<'_>) -> bool {
    match attr(e, b"val") {
        None => true,
        Some(v) => matches!(v.as_str(), "1" | "true" | "on"),
    }
}
