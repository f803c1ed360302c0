//! Fixes: applying the replacements that fix-carrying rules suggest, and
//! writing the result back safely.
//!
//! Only Markdown and text files are rewritten, only when they are UTF-8 as
//! read (with or without a byte order mark, which is kept), and only when
//! at least one fix applies. Overlapping fixes are not combined: the first
//! (by position) is applied and the others wait for the next run. The new
//! text is written to a temporary file in the same folder and renamed over
//! the original, so a crash never leaves half a document.

use crate::diagnostic::{Diagnostic, Fix};
use std::io::Write;
use std::path::Path;

/// The text with the fixes of `diagnostics` applied, and how many applied.
pub fn apply(text: &str, diagnostics: &[Diagnostic]) -> (String, usize) {
    let fixes = applicable(text, diagnostics);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for f in &fixes {
        out.push_str(&text[at..f.span.start]);
        out.push_str(&f.replacement);
        at = f.span.end;
    }
    out.push_str(&text[at..]);
    (out, fixes.len())
}

/// The fixes `apply` applies, by position: each within the text, cutting it
/// at character boundaries, and not overlapping an earlier one.
pub fn applicable<'a>(text: &str, diagnostics: &'a [Diagnostic]) -> Vec<&'a Fix> {
    let mut fixes: Vec<&Fix> = diagnostics.iter().filter_map(|d| d.fix.as_ref()).collect();
    fixes.sort_by_key(|f| (f.span.start, f.span.end));
    fixes.dedup_by(|a, b| a.span == b.span && a.replacement == b.replacement);
    let mut at = 0;
    fixes.retain(|f| {
        let (s, e) = (f.span.start, f.span.end);
        let valid = s >= at
            && e >= s
            && e <= text.len()
            && text.is_char_boundary(s)
            && text.is_char_boundary(e);
        if valid {
            at = e;
        }
        valid
    });
    fixes
}

/// Why a file is not rewritten.
#[derive(Debug, thiserror::Error)]
pub enum FixError {
    #[error("bara Markdown- och textfiler (.md, .txt) rättas automatiskt")]
    NotText,
    #[error("filen är inte UTF-8 ({0}); spara den som UTF-8 först")]
    Encoding(String),
    #[error("filen har ändrats sedan den lästes")]
    Changed,
    #[error("kunde inte skriva: {0}")]
    Io(#[from] std::io::Error),
}

/// Whether `--fix` may rewrite this path at all.
pub fn is_fixable_path(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_lowercase)
            .as_deref(),
        Some("md" | "markdown" | "txt")
    )
}

/// Writes `new_text` over `path` atomically. `old_text` is the text the
/// fixes were computed on: the file must still hold exactly it (after an
/// optional UTF-8 byte order mark, which is kept).
pub fn write(path: &Path, old_text: &str, new_text: &str) -> Result<(), FixError> {
    if !is_fixable_path(path) {
        return Err(FixError::NotText);
    }
    let bytes = std::fs::read(path)?;
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    let (bom, body) = match bytes.strip_prefix(BOM) {
        Some(rest) => (true, rest),
        None => (false, &bytes[..]),
    };
    if std::str::from_utf8(body).is_err() {
        return Err(FixError::Encoding("inte giltig UTF-8".into()));
    }
    if body != old_text.as_bytes() {
        return Err(FixError::Changed);
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    if bom {
        tmp.write_all(BOM)?;
    }
    tmp.write_all(new_text.as_bytes())?;
    tmp.as_file().sync_all()?;
    // Keep the original's permissions.
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(tmp.path(), meta.permissions());
    }
    tmp.persist(path).map_err(|e| FixError::Io(e.error))?;
    Ok(())
}

/// A unified diff of the change, with the path in the headers.
pub fn diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::model::Span;

    fn d(s: usize, e: usize, r: &str) -> Diagnostic {
        Diagnostic {
            rule: "X".into(),
            name: "x".into(),
            severity: Severity::Info,
            message: String::new(),
            help: None,
            span: Span::new(s, e),
            labels: Vec::new(),
            section: None,
            fix: Some(Fix {
                span: Span::new(s, e),
                replacement: r.into(),
            }),
        }
    }

    #[test]
    fn applies_in_order_and_skips_overlaps() {
        let text = "Vi skall göra det, t ex nu.";
        let fixes = vec![d(20, 24, "t.ex."), d(3, 8, "ska"), d(4, 6, "zz")];
        let (out, n) = apply(text, &fixes);
        assert_eq!(out, "Vi ska göra det, t.ex. nu.");
        assert_eq!(n, 2);
    }

    #[test]
    fn never_splits_a_character() {
        let (out, n) = apply("åäö", &[d(1, 2, "x")]);
        assert_eq!((out.as_str(), n), ("åäö", 0));
    }
}
