//! `heading-stop`: a heading does not end with a full stop.
//!
//! **What it does.** Reports the document title and every section heading
//! whose text ends with a single `.` (after trailing spaces and a closing
//! Markdown `#` run), with a fix that removes it. Not reported: an ellipsis
//! (`...`, `…`), a heading that ends with one of `abbreviations`
//! (`Kostnader m.m.`), a heading that is only a number (`2.1.`), and a
//! `#` line in a fenced code block or a comment.
//!
//! **Why.** Myndigheternas skrivregler: a heading is not a sentence and has
//! no full stop; the stop makes it look like running text.

use super::mask::{front_matter_span, Mask};
use super::text::word_count;
use super::{Ctx, Finding};
use crate::diagnostic::Fix;
use crate::model::Span;
use serde::Deserialize;

fn default_abbreviations() -> Vec<String> {
    super::text::DOTTED_ABBREVIATIONS
        .iter()
        .map(|s| (*s).to_string())
        .collect()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Abbreviations a heading may end with (`m.m.`, `etc.`).
    #[serde(default = "default_abbreviations")]
    pub abbreviations: Vec<String>,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            abbreviations: default_abbreviations(),
        }
    }
}

/// Byte offset of the full stop that ends the heading line at `span`.
fn final_stop(text: &str, span: Span, abbreviations: &[String]) -> Option<usize> {
    let line = text.get(span.start..span.end)?;
    let line = line.trim_end();
    // A closed ATX heading: `## Mål. ##`.
    let line = match line.trim_end_matches('#') {
        t if t.len() < line.len() && t.ends_with([' ', '\t']) => t.trim_end(),
        _ => line,
    };
    let body = line.strip_suffix('.')?;
    if body.ends_with(['.', '…']) || !body.chars().any(char::is_alphabetic) {
        return None;
    }
    let last_word = line
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("")
        .to_lowercase();
    if abbreviations.iter().any(|a| a.to_lowercase() == last_word) {
        return None;
    }
    Some(span.start + body.len())
}

/// Whether the title is a heading to check: not front matter, and either a
/// Markdown `#` line or short text with no other sentence in it (the first
/// paragraph of extracted text is taken as the title, and may be a sentence).
fn title_is_heading(ctx: &Ctx, span: Span, text: &str) -> bool {
    if front_matter_span(ctx.text).is_some_and(|f| span.start < f.end) {
        return false;
    }
    let line_start = ctx
        .text
        .get(..span.start)
        .map_or(0, |b| b.rfind('\n').map_or(0, |i| i + 1));
    let markdown = ctx
        .text
        .get(line_start..span.end)
        .is_some_and(|l| l.trim_start().starts_with('#'));
    let body = text.trim().trim_end_matches('.');
    markdown || (word_count(body) <= 12 && !body.contains(['.', '!', '?']))
}

pub fn check(ctx: &Ctx, p: &Params) -> Vec<Finding> {
    let title = ctx
        .doc
        .title
        .as_ref()
        .filter(|t| title_is_heading(ctx, t.span, &t.text))
        .map(|t| (t.span, t.text.as_str()));
    let headings = ctx
        .doc
        .sections
        .iter()
        .map(|s| (s.heading.span, s.heading.text.as_str()));
    // A `# line.` in a fenced code block is parsed as a heading but is code.
    let mask = Mask::new(ctx, &[]);
    let mut out = Vec::new();
    for (span, text) in title.into_iter().chain(headings) {
        if mask.covers(span) {
            continue;
        }
        let Some(stop) = final_stop(ctx.text, span, &p.abbreviations) else {
            continue;
        };
        let mut f = Finding::at(span).arg("heading", text.trim());
        f.fix = Some(Fix {
            span: Span::new(stop, stop + 1),
            replacement: String::new(),
        });
        out.push(f);
    }
    out.sort_by_key(|f| f.span.start);
    out.dedup_by_key(|f| f.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stop(line: &str) -> Option<usize> {
        final_stop(line, Span::new(0, line.len()), &default_abbreviations())
    }

    #[test]
    fn stops() {
        assert_eq!(stop("## 2 Mål."), Some("## 2 Mål".len()));
        assert_eq!(stop("## Mål. ##\n"), Some("## Mål".len()));
        assert_eq!(stop("Syfte med planen. "), Some(16));
    }

    #[test]
    fn not_stops() {
        for l in [
            "## Mål",
            "## Vad händer sedan...",
            "## Vad händer…",
            "## Kostnader m.m.",
            "2.1.",
            "## 3.",
            "## Lokaler, inventarier etc.",
        ] {
            assert_eq!(stop(l), None, "{l}");
        }
    }
}
