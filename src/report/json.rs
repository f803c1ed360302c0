//! The JSON report, version 1: a stable shape for editors and scripts
//! (documented in the README).

use super::{FileError, LineIndex, Summary};
use crate::engine::FileReport;
use crate::source::Place;
use serde::Serialize;

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    files: Vec<File<'a>>,
    summary: JsonSummary,
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    profile: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
    diagnostics: Vec<Diag<'a>>,
}

#[derive(Serialize)]
struct Diag<'a> {
    rule: &'a str,
    name: &'a str,
    severity: &'a str,
    message: &'a str,
    help: Option<&'a str>,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    start: usize,
    end: usize,
    /// The Word paragraph ("stycke N") of a .docx; absent for text files.
    #[serde(skip_serializing_if = "Option::is_none")]
    paragraph: Option<usize>,
    /// The PDF page ("sida N"); absent for other files.
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<usize>,
    section: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    labels: Vec<JsonLabel<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<JsonFix<'a>>,
}

/// A text edit: replace `start..end` (bytes) with `replacement`.
#[derive(Serialize)]
struct JsonFix<'a> {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    replacement: &'a str,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    message: &'a str,
    line: usize,
    column: usize,
    start: usize,
    end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    paragraph: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<usize>,
}

/// The paragraph and page of a byte offset, where the file has them.
fn place_of(r: &FileReport, offset: usize) -> (Option<usize>, Option<usize>) {
    match r.places.at(offset) {
        Some(Place::Paragraph(n)) => (Some(n), None),
        Some(Place::Page(n)) => (None, Some(n)),
        _ => (None, None),
    }
}

#[derive(Serialize)]
struct JsonSummary {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

/// Render the whole run as one JSON document.
pub fn render(reports: &[FileReport], errors: &[FileError]) -> String {
    let mut files: Vec<File> = reports.iter().map(file).collect();
    files.extend(errors.iter().map(|e| File {
        path: &e.path,
        profile: None,
        error: Some(&e.message),
        diagnostics: Vec::new(),
    }));
    files.sort_by(|a, b| a.path.cmp(b.path));
    let s = Summary::of(reports, errors);
    let out = Output {
        version: 1,
        files,
        summary: JsonSummary {
            files: s.files,
            errors: s.errors,
            warnings: s.warnings,
            infos: s.infos,
        },
    };
    serde_json::to_string_pretty(&out).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

fn file(r: &FileReport) -> File<'_> {
    let index = LineIndex::new(&r.text);
    File {
        path: &r.path,
        profile: r.profile.as_deref(),
        error: None,
        diagnostics: r
            .diagnostics
            .iter()
            .map(|d| {
                let (line, column) = index.line_col(d.span.start);
                let (end_line, end_column) = index.line_col(d.span.end);
                let (paragraph, page) = place_of(r, d.span.start);
                Diag {
                    rule: &d.rule,
                    name: &d.name,
                    severity: d.severity.as_str(),
                    message: &d.message,
                    help: d.help.as_deref(),
                    line,
                    column,
                    end_line,
                    end_column,
                    start: d.span.start,
                    end: d.span.end,
                    paragraph,
                    page,
                    section: d.section.as_deref(),
                    labels: d
                        .labels
                        .iter()
                        .map(|l| {
                            let (line, column) = index.line_col(l.span.start);
                            let (paragraph, page) = place_of(r, l.span.start);
                            JsonLabel {
                                message: &l.message,
                                line,
                                column,
                                start: l.span.start,
                                end: l.span.end,
                                paragraph,
                                page,
                            }
                        })
                        .collect(),
                    fix: d.fix.as_ref().map(|f| {
                        let (line, column) = index.line_col(f.span.start);
                        JsonFix {
                            start: f.span.start,
                            end: f.span.end,
                            line,
                            column,
                            replacement: &f.replacement,
                        }
                    }),
                }
            })
            .collect(),
    }
}
