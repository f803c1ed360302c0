//! The JSON report, version 1: a stable shape for editors and scripts
//! (documented in the README).

use super::whole_run::{
    self, close_json_array, json_element, pretty_at, Layout, Order, Totals, WholeRun,
};
use super::{FileError, LineIndex};
use crate::engine::FileReport;
use crate::source::Place;
use serde::Serialize;

/// The shape's version, the document's first member.
const VERSION: u32 = 1;

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

/// Render the whole run as one JSON document: `version`, `files` sorted by
/// path, `summary`.
pub fn render(reports: &[FileReport], errors: &[FileError]) -> String {
    whole_run::render(&Json, reports, errors)
}

/// The JSON report as a whole-run format: one element of `files` a file.
pub struct Json;

impl WholeRun for Json {
    fn file(&self, r: &FileReport) -> String {
        json_element(&file(r), 2)
    }

    fn unreadable(&self, e: &FileError) -> String {
        let file = File {
            path: &e.path,
            profile: None,
            error: Some(&e.message),
            diagnostics: Vec::new(),
        };
        json_element(&file, 2)
    }

    fn order(&self) -> Order {
        Order::ByPath
    }

    fn layout(&self) -> Layout {
        Layout::JsonArray
    }

    fn head(&self, _: &Totals, _: &[FileError]) -> String {
        format!("{{\n  \"version\": {VERSION},\n  \"files\": [")
    }

    fn tail(&self, totals: &Totals) -> String {
        let s = &totals.summary;
        let summary = JsonSummary {
            files: s.files,
            errors: s.errors,
            warnings: s.warnings,
            infos: s.infos,
        };
        format!(
            "{},\n  \"summary\": {}\n}}",
            close_json_array(totals, 1),
            pretty_at(&summary, 1)
        )
    }

    fn fixed_head(&self) -> bool {
        true
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Source;
    use crate::{CheckOptions, Engine};

    /// The document as one value, for serde_json to lay out.
    #[derive(Serialize)]
    struct Whole<'a> {
        version: u32,
        files: Vec<File<'a>>,
        summary: JsonSummary,
    }

    #[test]
    fn laid_out_as_serde_json_prints_the_whole_document() {
        let engine = Engine::builtin().unwrap();
        let check = |name: &str, text: &str| {
            engine.check(&Source::from_text(name, text), &CheckOptions::default())
        };
        let reports = [
            check("a.md", "# Titel\n\nVi skall göra det.\n"),
            check("b.md", "# Titel\n\nText.\n"),
        ];
        let errors = [FileError {
            path: "c.docx".into(),
            message: "går inte att läsa".into(),
        }];
        let unreadable = File {
            path: "c.docx",
            profile: None,
            error: Some("går inte att läsa"),
            diagnostics: Vec::new(),
        };
        let s = super::super::Summary::of(&reports, &errors);
        let whole = Whole {
            version: 1,
            files: vec![file(&reports[0]), file(&reports[1]), unreadable],
            summary: JsonSummary {
                files: s.files,
                errors: s.errors,
                warnings: s.warnings,
                infos: s.infos,
            },
        };
        assert!(!reports[0].diagnostics.is_empty());
        assert_eq!(
            render(&reports, &errors),
            serde_json::to_string_pretty(&whole).unwrap()
        );
        let empty = Whole {
            version: 1,
            files: Vec::new(),
            summary: JsonSummary {
                files: 0,
                errors: 0,
                warnings: 0,
                infos: 0,
            },
        };
        assert_eq!(
            render(&[], &[]),
            serde_json::to_string_pretty(&empty).unwrap()
        );
    }
}
