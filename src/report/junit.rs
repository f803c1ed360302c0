//! JUnit XML, for CI systems that show test reports (GitLab's
//! `artifacts:reports:junit`, Jenkins, Azure DevOps): one test case per
//! file; each error or warning is a `<failure>`, info findings are listed
//! in the test case's `<system-out>`, and a file that could not be read is
//! an `<error>`.

use super::whole_run::{self, Layout, Order, Totals, WholeRun};
use super::{portable_path, FileError, LineIndex};
use crate::diagnostic::{Diagnostic, Lang, Severity};
use crate::engine::FileReport;
use std::fmt::Write;

/// Render the run as one `<testsuites>` document, test cases sorted by path.
pub fn render(reports: &[FileReport], errors: &[FileError], lang: Lang) -> String {
    whole_run::render(&Junit { lang }, reports, errors)
}

/// JUnit XML as a whole-run format: one `<testcase>` a file; the counts in
/// the head.
pub struct Junit {
    /// The language of the labels in a finding's details.
    pub lang: Lang,
}

impl WholeRun for Junit {
    fn file(&self, r: &FileReport) -> String {
        let path = portable_path(&r.path);
        let mut out = open_case(&path);
        if r.diagnostics.is_empty() {
            out.push_str("/>\n");
            return out;
        }
        out.push_str(">\n");
        let index = LineIndex::new(&r.text);
        let mut infos = String::new();
        for d in &r.diagnostics {
            let details = details(&path, &index, d, self.lang);
            if fails(d) {
                let _ = writeln!(
                    out,
                    r#"      <failure message="{}" type="{}">{}</failure>"#,
                    escape(&format!("{} {}: {}", d.rule, d.name, d.message)),
                    d.severity.as_str(),
                    escape_text(&details)
                );
            } else {
                infos.push_str(&details);
                infos.push('\n');
            }
        }
        if !infos.is_empty() {
            let _ = writeln!(
                out,
                "      <system-out>{}</system-out>",
                escape_text(&infos)
            );
        }
        out.push_str("    </testcase>\n");
        out
    }

    fn unreadable(&self, e: &FileError) -> String {
        let mut out = open_case(&portable_path(&e.path));
        let _ = writeln!(out, ">");
        let _ = writeln!(
            out,
            r#"      <error message="{}" type="unreadable">{}</error>"#,
            escape(&e.message),
            escape_text(&e.message)
        );
        out.push_str("    </testcase>\n");
        out
    }

    fn order(&self) -> Order {
        Order::ByPath
    }

    fn layout(&self) -> Layout {
        Layout::Lines
    }

    fn head(&self, totals: &Totals, _: &[FileError]) -> String {
        let counts = format!(
            r#"tests="{}" failures="{}" errors="{}""#,
            totals.summary.files, totals.failing, totals.summary.unreadable
        );
        let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let _ = writeln!(out, r#"<testsuites name="styrkoll" {counts}>"#);
        let _ = writeln!(out, r#"  <testsuite name="styrkoll" {counts} skipped="0">"#);
        out
    }

    fn tail(&self, _: &Totals) -> String {
        "  </testsuite>\n</testsuites>\n".to_string()
    }

    fn fixed_head(&self) -> bool {
        false
    }
}

/// A test case's start tag, open for `>` or `/>`.
fn open_case(path: &str) -> String {
    let name = escape(path);
    format!(r#"    <testcase name="{name}" classname="styrkoll" file="{name}""#)
}

fn fails(d: &Diagnostic) -> bool {
    d.severity >= Severity::Warning
}

/// `path:line:col: severity ID message`, the section and the help.
fn details(path: &str, index: &LineIndex, d: &Diagnostic, lang: Lang) -> String {
    let (line, column) = index.line_col(d.span.start);
    let mut s = format!(
        "{path}:{line}:{column}: {} {} {}",
        d.severity.as_str(),
        d.rule,
        d.message
    );
    if let Some(section) = &d.section {
        let label = match lang {
            Lang::Sv => "i avsnitt",
            Lang::En => "in section",
        };
        let _ = write!(s, "\n{label} {section}");
    }
    if let Some(help) = &d.help {
        let _ = write!(s, "\n{help}");
    }
    s
}

/// Text for an XML attribute: markup characters as entities, line breaks
/// and tabs as character references (a parser would otherwise turn them
/// into spaces), and characters XML 1.0 cannot hold at all dropped.
fn escape(s: &str) -> String {
    escape_xml(s, true)
}

/// Text for an element's content: as for an attribute, but line breaks and
/// tabs stay as they are.
fn escape_text(s: &str) -> String {
    escape_xml(s, false)
}

fn escape_xml(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\t' if !attribute => out.push(c),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if is_xml_char(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// XML 1.0's `Char` production.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_what_xml_cannot_hold() {
        assert_eq!(
            escape("a<b & \"c\" 'd'>\n\u{1}\u{FFFE}é"),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;&#10;é"
        );
        assert_eq!(escape_text("a\n\tb\r"), "a\n\tb&#13;");
    }
}
