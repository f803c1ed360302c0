//! `signature-fields`: the signature block is filled in.
//!
//! **What it does.** The signature block starts at the first line matching
//! `start` (`Underskrift …`) and runs to the next heading or the end. Each
//! line in it that begins with one of the `labels` (`Underskrift`, `Datum`,
//! `Namnförtydligande`) needs a value: after a colon on the same line or on
//! the next line, after
//! the label on the same line (`Datum 2025-02-03`; not for the `start` label,
//! which a role follows: `Underskrift Uppdragsägare`), or on the next
//! non-blank line when that line is not itself a label. A value of
//! only underscores, dots or dashes is empty. Each empty label is reported.
//!
//! **Why.** A directive presented as decided carries the owner's signature,
//! the date and the name in clear; an empty block means it was not signed.

use super::required_fields::NamedPattern;
use super::{Ctx, Finding};
use crate::model::Span;
use crate::profile::schema::Pattern;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    pub start: Pattern,
    pub labels: Vec<NamedPattern>,
}

/// Empty, or only a line to write on (`____`, `…`) or a `<!-- -->` comment.
fn is_placeholder(s: &str) -> bool {
    crate::parse::without_comments(s)
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, '_' | '.' | '-' | '…' | '|'))
}

pub fn check(ctx: &Ctx, p: &Params) -> Vec<Finding> {
    let comments = ctx.doc.comment_spans();
    // Lines with their offsets, trimmed, outside comments.
    let mut lines: Vec<(Span, &str)> = Vec::new();
    let mut at = 0;
    for raw in ctx.text.split_inclusive('\n') {
        let body = raw.trim_end_matches(['\n', '\r']);
        let t = body.trim();
        let lead = body.len() - body.trim_start().len();
        let span = Span::new(at + lead, at + lead + t.len());
        if !comments
            .iter()
            .any(|c| c.start <= span.start && span.start < c.end)
        {
            lines.push((
                span,
                t.trim_start_matches(['#', ' ', '*']).trim_end_matches('*'),
            ));
        }
        at += raw.len();
    }
    let Some(first) = lines.iter().position(|(_, t)| p.start.is_match(t)) else {
        return Vec::new();
    };
    let block_start = lines[first].0.start;
    // The block ends at the next heading after its start.
    let end = ctx
        .doc
        .sections
        .iter()
        .map(|s| s.heading.span.start)
        .find(|&h| h > block_start)
        .unwrap_or(ctx.text.len());
    let block: Vec<(Span, &str)> = lines[first..]
        .iter()
        .copied()
        .filter(|(s, t)| s.start < end && !t.is_empty())
        .collect();
    let label_of = |t: &str| {
        p.labels.iter().find_map(|l| {
            l.pattern
                .find(t)
                .filter(|m| m.start() == 0)
                .map(|m| (l, m.end()))
        })
    };
    let mut out = Vec::new();
    for (k, (span, t)) in block.iter().enumerate() {
        let Some((label, after)) = label_of(t) else {
            continue;
        };
        let rest = &t[after..];
        // After `Underskrift` comes a role (`Underskrift Uppdragsägare`);
        // after the other labels, text on the same line is the value.
        let role_follows = p.start.is_match(t);
        let next_is_value = || {
            block
                .get(k + 1)
                .is_some_and(|(_, next)| label_of(next).is_none() && !is_placeholder(next))
        };
        let filled = match rest.split_once(':') {
            Some((_, v)) => !is_placeholder(v) || next_is_value(),
            None if !role_follows && !is_placeholder(rest) => true,
            None => next_is_value(),
        };
        if !filled {
            out.push(Finding::at(*span).arg("field", label.name.clone()));
        }
    }
    out
}
