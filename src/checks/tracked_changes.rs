//! `tracked-changes`: a Word document has tracked changes not yet accepted.
//!
//! **What it does.** Reports once, at the line of the first change, that
//! the document holds tracked changes (insertions, deletions, formatting)
//! that nobody has accepted or rejected. The Word reader has checked the
//! text as if every change were accepted: inserted text kept, deleted text
//! left out. Text files never have any.
//!
//! **Why.** A document goes to decision as it reads with the changes
//! accepted, but the file still shows the earlier wording to anyone who
//! opens it with markup, and a reviewer cannot tell which version is meant.

use super::{Ctx, Finding};
use crate::model::Span;
use serde::Deserialize;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Params {}

pub fn check(ctx: &Ctx, _p: &Params) -> Vec<Finding> {
    let r = ctx.revisions;
    if r.total() == 0 {
        return Vec::new();
    }
    let span = match r.first {
        Some(start) if start < ctx.text.len() => {
            let end = ctx
                .text
                .get(start..)
                .and_then(|t| t.find('\n'))
                .map_or(ctx.text.len(), |i| start + i);
            Span::new(start, end)
        }
        _ => ctx.document_span(),
    };
    let count = |n: usize, sv: (&str, &str), en: (&str, &str)| -> Option<String> {
        let (one, many) = (ctx.tr(sv.0, en.0), ctx.tr(sv.1, en.1));
        (n > 0).then(|| format!("{n} {}", if n == 1 { one } else { many }))
    };
    let parts: Vec<String> = [
        count(
            r.inserted,
            ("infogning", "infogningar"),
            ("insertion", "insertions"),
        ),
        count(
            r.deleted,
            ("borttagning", "borttagningar"),
            ("deletion", "deletions"),
        ),
        count(
            r.formatting,
            ("formatändring", "formatändringar"),
            ("formatting change", "formatting changes"),
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    vec![Finding::at(span)
        .arg("count", r.total().to_string())
        .arg("changes", parts.join(", "))]
}
