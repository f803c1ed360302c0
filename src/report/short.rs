//! Short output, one finding a line as compilers write them:
//! `path:line:col: severity ID message`, for grep and editors' quickfix
//! lists (Vim's default `errorformat` reads it).

use super::{portable_path, FileError, LineIndex};
use crate::engine::FileReport;
use std::fmt::Write;

/// Render the run: every finding of every file, then the files that could
/// not be read (`path: error: message`).
pub fn render(reports: &[FileReport], errors: &[FileError]) -> String {
    let mut out = String::new();
    for r in reports {
        let index = LineIndex::new(&r.text);
        let path = portable_path(&r.path);
        for d in &r.diagnostics {
            let (line, column) = index.line_col(d.span.start);
            let _ = writeln!(
                out,
                "{path}:{line}:{column}: {} {} {}",
                d.severity.as_str(),
                d.rule,
                one_line(&d.message)
            );
        }
    }
    for e in errors {
        let _ = writeln!(
            out,
            "{}: error: {}",
            portable_path(&e.path),
            one_line(&e.message)
        );
    }
    out
}

/// A message on one line: line breaks become spaces.
fn one_line(s: &str) -> String {
    s.split(['\r', '\n'])
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Diagnostic, Severity};
    use crate::model::Span;

    #[test]
    fn one_finding_a_line() {
        let r = FileReport {
            places: Default::default(),
            path: "./docs/plan.md".into(),
            profile: None,
            text: "# Titel\n\nVi skall göra det.\n".into(),
            diagnostics: vec![Diagnostic {
                rule: "SR007".into(),
                name: "skall".into(),
                severity: Severity::Info,
                message: "Skriv ”ska”\ni stället.".into(),
                help: None,
                span: Span::new(12, 17),
                labels: Vec::new(),
                section: None,
                fix: None,
            }],
        };
        let e = FileError {
            path: "a.docx".into(),
            message: "stöds inte".into(),
        };
        assert_eq!(
            render(&[r], &[e]),
            "docs/plan.md:3:4: info SR007 Skriv ”ska” i stället.\na.docx: error: stöds inte\n"
        );
    }
}
