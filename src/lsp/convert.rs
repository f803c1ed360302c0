//! Positions and diagnostics in the protocol's terms: byte offsets ↔ LSP
//! positions (counted in UTF-8, UTF-16 or UTF-32 code units, as negotiated at
//! `initialize`), and styrkoll diagnostics → LSP diagnostics.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, as the protocol says; a column
//! past the end of its line means the end of the line, a line past the end of
//! the text means the end of the text, and a column inside a character (half a
//! surrogate pair, a byte inside `å`) means the start of that character.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Span;
use lsp_types as lsp;
use lsp_types::{Position, PositionEncodingKind, Range, Uri};

/// What a position's `character` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    Utf32,
}

impl Encoding {
    /// The encoding to use given what the client offers: UTF-8 when it can
    /// (no conversion), then UTF-32, else UTF-16, which every client must
    /// support.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        let offered = offered.unwrap_or_default();
        if offered.contains(&PositionEncodingKind::UTF8) {
            Encoding::Utf8
        } else if offered.contains(&PositionEncodingKind::UTF32) {
            Encoding::Utf32
        } else {
            Encoding::Utf16
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
            Encoding::Utf32 => PositionEncodingKind::UTF32,
        }
    }

    fn units(self, c: char) -> u32 {
        match self {
            Encoding::Utf8 => c.len_utf8() as u32,
            Encoding::Utf16 => c.len_utf16() as u32,
            Encoding::Utf32 => 1,
        }
    }
}

/// Where each line of a text starts, for converting between byte offsets and
/// positions.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    encoding: Encoding,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str, encoding: Encoding) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, b) in bytes.iter().enumerate() {
            match b {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
        }
        LineIndex {
            text,
            starts,
            encoding,
        }
    }

    /// The byte offset where a line's content ends (before its line break).
    fn line_end(&self, line: usize) -> usize {
        match self.starts.get(line + 1) {
            Some(&next) if self.text[..next].ends_with("\r\n") => next - 2,
            Some(&next) => next - 1,
            None => self.text.len(),
        }
    }

    /// The position of a byte offset (clamped to the text, rounded down to a
    /// character boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.starts.get(line).copied().unwrap_or(0);
        let end = offset.min(self.line_end(line)).max(start);
        let character = self.text[start..end]
            .chars()
            .map(|c| self.encoding.units(c))
            .sum();
        Position::new(line as u32, character)
    }

    /// The byte offset of a position, clamped to the text.
    pub fn offset(&self, pos: Position) -> usize {
        let line = pos.line as usize;
        let Some(&start) = self.starts.get(line) else {
            return self.text.len();
        };
        let end = self.line_end(line);
        let mut units = 0u32;
        for (i, c) in self.text[start..end].char_indices() {
            let next = units + self.encoding.units(c);
            if next > pos.character {
                return start + i;
            }
            units = next;
        }
        end
    }

    pub fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte span of a range; a reversed range is read as empty.
    pub fn span(&self, range: Range) -> Span {
        let start = self.offset(range.start);
        Span::new(start, self.offset(range.end).max(start))
    }
}

/// Where `codeDescription.href` points: `{id}` in the template is replaced by
/// the rule id. The default, `styrkoll://rule/{id}`, names the documentation
/// that hover shows and `styrkoll explain ID` prints; a client can pass a
/// web address instead (`initializationOptions.ruleDocsUrl`).
#[derive(Debug, Clone)]
pub struct DocLinks {
    template: String,
}

pub const DEFAULT_DOCS_URL: &str = "styrkoll://rule/{id}";

impl DocLinks {
    pub fn new(template: Option<&str>) -> Self {
        let template = template
            .filter(|t| t.contains("{id}") && t.replace("{id}", "X").parse::<Uri>().is_ok())
            .unwrap_or(DEFAULT_DOCS_URL);
        DocLinks {
            template: template.to_string(),
        }
    }

    pub fn href(&self, rule: &str) -> Option<Uri> {
        self.template.replace("{id}", rule).parse().ok()
    }
}

impl Default for DocLinks {
    fn default() -> Self {
        DocLinks::new(None)
    }
}

fn severity(s: Severity) -> lsp::DiagnosticSeverity {
    match s {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
    }
}

/// One styrkoll diagnostic as the protocol shows it: the rule id as `code`
/// with a link to its documentation, the help text as a second line of the
/// message, and the secondary labels as related information in the same
/// document.
pub fn diagnostic(
    d: &Diagnostic,
    index: &LineIndex,
    uri: &Uri,
    links: &DocLinks,
) -> lsp::Diagnostic {
    let message = match &d.help {
        Some(help) if !help.is_empty() => format!("{}\n{help}", d.message),
        _ => d.message.clone(),
    };
    let related: Vec<lsp::DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .map(|l| lsp::DiagnosticRelatedInformation {
            location: lsp::Location::new(uri.clone(), index.range(l.span)),
            message: l.message.clone(),
        })
        .collect();
    lsp::Diagnostic {
        range: index.range(d.span),
        severity: Some(severity(d.severity)),
        code: Some(lsp::NumberOrString::String(d.rule.clone())),
        code_description: links
            .href(&d.rule)
            .map(|href| lsp::CodeDescription { href }),
        source: Some("styrkoll".to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

/// All diagnostics of a text.
pub fn diagnostics(
    text: &str,
    found: &[Diagnostic],
    encoding: Encoding,
    uri: &Uri,
    links: &DocLinks,
) -> Vec<lsp::Diagnostic> {
    let index = LineIndex::new(text, encoding);
    found
        .iter()
        .map(|d| diagnostic(d, &index, uri, links))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Mål: å–ä\r\n”skall” 😀x\rsist";

    #[test]
    fn utf16_counts_surrogate_pairs_and_swedish_letters() {
        let ix = LineIndex::new(TEXT, Encoding::Utf16);
        let x = TEXT.find('x').unwrap_or(0);
        // ”skall” = 7 units, space 1, emoji 2.
        assert_eq!(ix.position(x), Position::new(1, 10));
        assert_eq!(ix.offset(Position::new(1, 10)), x);
        // Inside the surrogate pair: the start of the emoji.
        assert_eq!(ix.offset(Position::new(1, 9)), TEXT.find('😀').unwrap_or(0));
        let a = TEXT.find('ä').unwrap_or(0);
        assert_eq!(ix.position(a), Position::new(0, 7));
    }

    #[test]
    fn utf8_counts_bytes() {
        let ix = LineIndex::new(TEXT, Encoding::Utf8);
        let a = TEXT.find('ä').unwrap_or(0);
        assert_eq!(ix.position(a), Position::new(0, a as u32));
        assert_eq!(ix.offset(Position::new(0, a as u32)), a);
        // Inside `ä`: rounded down.
        assert_eq!(ix.offset(Position::new(0, a as u32 + 1)), a);
    }

    #[test]
    fn line_breaks_and_clamping() {
        let ix = LineIndex::new(TEXT, Encoding::Utf32);
        let sist = TEXT.find("sist").unwrap_or(0);
        assert_eq!(ix.position(sist), Position::new(2, 0));
        // Past the end of line 0: before its \r\n.
        let crlf = TEXT.find('\r').unwrap_or(0);
        assert_eq!(ix.offset(Position::new(0, 999)), crlf);
        assert_eq!(ix.position(crlf + 1), Position::new(0, 8));
        assert_eq!(ix.offset(Position::new(99, 0)), TEXT.len());
        assert_eq!(ix.position(usize::MAX), Position::new(2, 4));
    }

    #[test]
    fn doc_links() {
        let l = DocLinks::default();
        assert_eq!(
            l.href("SR007").map(|u| u.as_str().to_string()),
            Some("styrkoll://rule/SR007".to_string())
        );
        let l = DocLinks::new(Some("https://example.org/regler#{id}"));
        assert_eq!(
            l.href("HP003").map(|u| u.as_str().to_string()),
            Some("https://example.org/regler#HP003".to_string())
        );
        // Not a template: the default.
        let l = DocLinks::new(Some("not a uri"));
        assert!(l.href("X1").is_some());
    }
}
