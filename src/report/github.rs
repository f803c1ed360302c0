//! GitHub Actions workflow commands: one annotation per finding,
//! `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=HP003 …::message`,
//! shown on the pull request's changed lines and in the run summary.

use super::{portable_path, FileError, LineIndex};
use crate::diagnostic::{Lang, Severity};
use crate::engine::FileReport;
use std::fmt::Write;

/// Render the run: an annotation per finding, then one per file that could
/// not be read.
pub fn render(reports: &[FileReport], errors: &[FileError], lang: Lang) -> String {
    let mut out = String::new();
    for r in reports {
        let index = LineIndex::new(&r.text);
        let file = escape_property(&portable_path(&r.path));
        for d in &r.diagnostics {
            let (line, col) = index.line_col(d.span.start);
            let (end_line, end_col) = index.line_col(d.span.end);
            let mut message = d.message.clone();
            if let Some(section) = &d.section {
                let label = match lang {
                    Lang::Sv => "i avsnitt",
                    Lang::En => "in section",
                };
                message.push_str(&format!("\n{label} {section}"));
            }
            let _ = writeln!(
                out,
                "::{} file={file},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}",
                command(d.severity),
                escape_property(&format!("{} {}", d.rule, d.name)),
                escape_data(&message)
            );
        }
    }
    for e in errors {
        let _ = writeln!(
            out,
            "::error file={},title=styrkoll::{}",
            escape_property(&portable_path(&e.path)),
            escape_data(&e.message)
        );
    }
    out
}

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// A command's message: `%`, CR and LF are escaped (as the runner's own
/// toolkit does), so a line break stays inside the annotation.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value (`file=`, `title=`): also `:` and `,`, which would
/// otherwise end the value.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;
    use crate::model::Span;

    #[test]
    fn escapes_messages_and_properties() {
        assert_eq!(escape_data("50%\r\nny rad"), "50%25%0D%0Any rad");
        assert_eq!(escape_property("a:b,c%d"), "a%3Ab%2Cc%25d");
    }

    #[test]
    fn an_annotation_per_finding_and_per_unreadable_file() {
        let r = FileReport {
            places: Default::default(),
            path: "docs/mål, 2026.md".into(),
            profile: None,
            text: "# Titel\n\nVi skall göra det.\n".into(),
            diagnostics: vec![Diagnostic {
                rule: "SR007".into(),
                name: "skall".into(),
                severity: Severity::Info,
                message: "Skriv ”ska”: 100%".into(),
                help: None,
                span: Span::new(12, 17),
                labels: Vec::new(),
                section: Some("1 Mål".into()),
                fix: None,
            }],
        };
        let e = FileError {
            path: "a.docx".into(),
            message: "stöds inte".into(),
        };
        assert_eq!(
            render(&[r], &[e], Lang::Sv),
            "::notice file=docs/mål%2C 2026.md,line=3,col=4,endLine=3,endColumn=9,\
             title=SR007 skall::Skriv ”ska”: 100%25%0Ai avsnitt 1 Mål\n\
             ::error file=a.docx,title=styrkoll::stöds inte\n"
        );
    }
}
