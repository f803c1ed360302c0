//! The open documents: their text as the editor has it, kept in step with
//! incremental changes, and what was last found in them.
//!
//! The server asks for incremental sync: each keystroke sends only the edited
//! range, which is applied here. Ranges are read leniently (clamped to the
//! text, reversed ones read as empty), so a confused client makes the text
//! differ from the editor's, never crashes the server; the next full-text
//! change (or reopening) puts it right.

use super::convert::{Encoding, LineIndex};
use crate::diagnostic::{Diagnostic, Lang};
use lsp_types::{TextDocumentContentChangeEvent, Uri};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// What was found the last time a document was checked.
#[derive(Debug, Clone)]
pub struct Checked {
    pub diagnostics: Vec<Diagnostic>,
    pub lang: Lang,
    pub profile: Option<String>,
}

#[derive(Debug)]
pub struct Document {
    pub text: String,
    pub version: i32,
    pub language_id: String,
    /// The file behind a `file:` URI.
    pub path: Option<PathBuf>,
    /// The configuration file that applies, once looked up (`Some(None)`
    /// when none does); forgotten when configurations are re-read.
    pub config: Option<Option<PathBuf>>,
    /// The findings for the current text; `None` until it is checked.
    pub checked: Option<Checked>,
    /// The profile last reported in a log message.
    pub logged_profile: Option<Option<String>>,
}

impl Document {
    pub fn new(uri: &Uri, language_id: String, version: i32, text: String) -> Self {
        Document {
            text,
            version,
            language_id,
            path: path_of(uri),
            config: None,
            checked: None,
            logged_profile: None,
        }
    }

    /// Whether styrkoll checks this document: Markdown and plain text, by
    /// language id or, failing that, by file extension.
    pub fn is_checkable(&self) -> bool {
        match self.language_id.as_str() {
            "markdown" | "plaintext" | "text" | "txt" => true,
            _ => self
                .path
                .as_deref()
                .is_some_and(crate::fix::is_fixable_path),
        }
    }

    /// The name shown in diagnostics' file names and log messages.
    pub fn name(&self, uri: &Uri) -> String {
        match &self.path {
            Some(p) => p.display().to_string(),
            None => uri.as_str().to_string(),
        }
    }

    /// Applies one change from `textDocument/didChange`.
    pub fn apply(&mut self, change: &TextDocumentContentChangeEvent, encoding: Encoding) {
        apply_change(&mut self.text, change, encoding);
        self.checked = None;
    }
}

/// Applies one change: a range edit, or the whole text when there is no range.
pub fn apply_change(text: &mut String, change: &TextDocumentContentChangeEvent, enc: Encoding) {
    match change.range {
        None => text.clone_from(&change.text),
        Some(range) => {
            let span = LineIndex::new(text, enc).span(range);
            text.replace_range(span.start..span.end, &change.text);
        }
    }
}

/// The open documents by URI.
#[derive(Debug, Default)]
pub struct Documents {
    open: HashMap<Uri, Document>,
}

impl Documents {
    pub fn open(&mut self, uri: Uri, doc: Document) {
        self.open.insert(uri, doc);
    }

    pub fn close(&mut self, uri: &Uri) -> Option<Document> {
        self.open.remove(uri)
    }

    pub fn get(&self, uri: &Uri) -> Option<&Document> {
        self.open.get(uri)
    }

    pub fn get_mut(&mut self, uri: &Uri) -> Option<&mut Document> {
        self.open.get_mut(uri)
    }

    pub fn uris(&self) -> Vec<Uri> {
        let mut uris: Vec<Uri> = self.open.keys().cloned().collect();
        uris.sort();
        uris
    }

    /// Forgets every document's configuration and findings, so that the next
    /// check looks the configuration up again.
    pub fn forget_configs(&mut self) {
        for doc in self.open.values_mut() {
            doc.config = None;
            doc.checked = None;
        }
    }
}

/// The file a `file:` URI names (percent-decoded), or `None` for other
/// schemes (`untitled:`) and URIs that are not valid paths.
pub fn path_of(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // file://host/path: the authority ends at the first slash; it is empty
    // or `localhost` for local files.
    let slash = rest.find('/')?;
    let path = percent_decode(&rest[slash..])?;
    let path = path
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_string();
    if cfg!(windows) {
        // /C:/dir/file → C:/dir/file
        let b = path.as_bytes();
        if b.len() >= 3 && b[0] == b'/' && b[2] == b':' {
            return Some(PathBuf::from(&path[1..]));
        }
    }
    Some(PathBuf::from(path))
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Whether a path is a configuration file (`styrkoll.yaml`, `.styrkoll.yaml`).
pub fn is_config_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| crate::config::FILE_NAMES.contains(&n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::{Position, Range};

    fn edit(range: Option<((u32, u32), (u32, u32))>, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: range
                .map(|((a, b), (c, d))| Range::new(Position::new(a, b), Position::new(c, d))),
            range_length: None,
            text: text.to_string(),
        }
    }

    #[test]
    fn applies_range_edits_after_swedish_letters() {
        let mut t = String::from("Målet är klart.\nVi skall göra det.\n");
        apply_change(
            &mut t,
            &edit(Some(((1, 3), (1, 8))), "ska"),
            Encoding::Utf16,
        );
        assert_eq!(t, "Målet är klart.\nVi ska göra det.\n");
        // UTF-16: `”` is one unit, `å` one unit.
        let mut t = String::from("”Rå” text");
        apply_change(&mut t, &edit(Some(((0, 4), (0, 4))), "!"), Encoding::Utf16);
        assert_eq!(t, "”Rå”! text");
        apply_change(&mut t, &edit(None, "nytt"), Encoding::Utf16);
        assert_eq!(t, "nytt");
    }

    #[test]
    fn out_of_range_and_reversed_edits_are_clamped() {
        let mut t = String::from("ab\ncd");
        apply_change(&mut t, &edit(Some(((9, 0), (12, 4))), "!"), Encoding::Utf16);
        assert_eq!(t, "ab\ncd!");
        apply_change(&mut t, &edit(Some(((0, 2), (0, 0))), "?"), Encoding::Utf8);
        assert_eq!(t, "ab?\ncd!");
    }

    #[test]
    fn file_uris_become_paths() {
        let uri: Uri = "file:///tmp/m%C3%A5l%20plan.md".parse().unwrap();
        assert_eq!(path_of(&uri), Some(PathBuf::from("/tmp/mål plan.md")));
        let uri: Uri = "untitled:Untitled-1".parse().unwrap();
        assert_eq!(path_of(&uri), None);
        assert!(is_config_file(Path::new("/a/b/styrkoll.yaml")));
        assert!(!is_config_file(Path::new("/a/b/other.yaml")));
    }
}
