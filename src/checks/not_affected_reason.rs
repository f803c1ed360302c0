//! `not-affected-reason`: "not affected" must come with a reason.
//!
//! **What it does.** In each listed section, finds a not-affected statement
//! (`not_affected` patterns: "berörs inte", "ej berörd", "påverkas inte", …).
//! The statement is reasoned when a `reason` pattern occurs in the section
//! ("eftersom", "då", "därför att", …) or when the section goes on for at
//! least `min_reason_words` words after the sentence holding the statement.
//! Otherwise the statement is reported.
//!
//! **Why.** The routine says: if the plan is not affected — explain why.
//! "Berörs ej." tells the decision-maker nothing.

use super::{Ctx, Finding};
use crate::model::Span;
use crate::profile::schema::Pattern;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    pub sections: Vec<String>,
    pub not_affected: Vec<Pattern>,
    pub reason: Vec<Pattern>,
    #[serde(default = "default_min_reason_words")]
    pub min_reason_words: usize,
}

fn default_min_reason_words() -> usize {
    5
}

pub fn check(ctx: &Ctx, p: &Params) -> Vec<Finding> {
    let mut out = Vec::new();
    for id in &p.sections {
        let Some(idx) = ctx.section(id) else { continue };
        let Some(section) = ctx.doc.sections.get(idx) else {
            continue;
        };
        // The body: from the end of the heading line to the end of the section.
        let body_start = section.heading.span.end.min(section.span.end);
        let Some(body) = ctx.text.get(body_start..section.span.end) else {
            continue;
        };
        let Some(m) = p
            .not_affected
            .iter()
            .filter_map(|pat| pat.find(body))
            .min_by_key(|m| m.start())
        else {
            continue;
        };
        if p.reason.iter().any(|r| r.is_match(body)) {
            continue;
        }
        let after_sentence = body[m.end()..]
            .find(['.', '!', '?', '\n'])
            .map(|e| &body[m.end() + e + 1..])
            .unwrap_or("");
        let words_after = super::text::word_count(after_sentence);
        if words_after >= p.min_reason_words {
            continue;
        }
        let sentence = sentence_around(body, m.start(), m.end());
        let span = Span::new(body_start + sentence.0, body_start + sentence.1);
        out.push(
            Finding::at(span)
                .arg("section", ctx.section_name(id))
                .arg("quote", body[sentence.0..sentence.1].trim().to_string()),
        );
    }
    out
}

/// The byte range of the sentence that holds `[start, end)`.
fn sentence_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = text[..start]
        .rfind(['.', '!', '?', '\n'])
        .map(|i| i + 1)
        .unwrap_or(0);
    let s = s + (text[s..start].len() - text[s..start].trim_start().len());
    let e = text[end..]
        .find(['.', '!', '?', '\n'])
        .map(|i| end + i + 1)
        .unwrap_or(text.len());
    let e = e.min(text.len());
    let trimmed = text[s..e].trim_end().len();
    (s, s + trimmed)
}
