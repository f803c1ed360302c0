//! JUnit XML, for CI systems that show test reports (GitLab's
//! `artifacts:reports:junit`, Jenkins, Azure DevOps): one test case per
//! file; each error or warning is a `<failure>`, info findings are listed
//! in the test case's `<system-out>`, and a file that could not be read is
//! an `<error>`.

use super::{portable_path, FileError, LineIndex};
use crate::diagnostic::{Diagnostic, Lang, Severity};
use crate::engine::FileReport;
use std::fmt::Write;

enum Case<'a> {
    Checked(&'a FileReport),
    Unreadable(&'a FileError),
}

impl Case<'_> {
    fn path(&self) -> &str {
        match self {
            Case::Checked(r) => &r.path,
            Case::Unreadable(e) => &e.path,
        }
    }
}

/// Render the run as one `<testsuites>` document, test cases sorted by path.
pub fn render(reports: &[FileReport], errors: &[FileError], lang: Lang) -> String {
    let mut cases: Vec<Case> = reports.iter().map(Case::Checked).collect();
    cases.extend(errors.iter().map(Case::Unreadable));
    cases.sort_by(|a, b| a.path().cmp(b.path()));
    let failing = |r: &FileReport| r.diagnostics.iter().any(fails);
    let failures = reports.iter().filter(|r| failing(r)).count();
    let counts = format!(
        r#"tests="{}" failures="{failures}" errors="{}""#,
        cases.len(),
        errors.len()
    );
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(out, r#"<testsuites name="styrkoll" {counts}>"#);
    let _ = writeln!(out, r#"  <testsuite name="styrkoll" {counts} skipped="0">"#);
    for case in &cases {
        let path = portable_path(case.path());
        let name = escape(&path);
        let _ = write!(
            out,
            r#"    <testcase name="{name}" classname="styrkoll" file="{name}""#
        );
        match case {
            Case::Unreadable(e) => {
                let _ = writeln!(out, ">");
                let _ = writeln!(
                    out,
                    r#"      <error message="{}" type="unreadable">{}</error>"#,
                    escape(&e.message),
                    escape_text(&e.message)
                );
                let _ = writeln!(out, "    </testcase>");
            }
            Case::Checked(r) if r.diagnostics.is_empty() => {
                let _ = writeln!(out, "/>");
            }
            Case::Checked(r) => {
                let _ = writeln!(out, ">");
                let index = LineIndex::new(&r.text);
                let mut infos = String::new();
                for d in &r.diagnostics {
                    let details = details(&path, &index, d, lang);
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
                let _ = writeln!(out, "    </testcase>");
            }
        }
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
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
