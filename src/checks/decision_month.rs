//! `decision-month`: a stated decision date falls in the prescribed month.
//!
//! **What it does.** Finds the decision date: a field whose key matches
//! `trigger` (`Fastställd: 2025-10-14`), or a date in a sentence that matches
//! `trigger` ("fastställdes den 14 oktober 2025"). When its month is not
//! `month`, the date is reported. Documents that state no decision date pass.
//!
//! **Why.** Plans are decided in October, together with the director's
//! operational plan, so that their goals can be lifted into it.

use super::{Ctx, Finding};
use crate::dates::{scan_dates, ScanOptions, MONTHS_SV};
use crate::model::{Block, Span};
use crate::profile::schema::Pattern;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    pub trigger: Pattern,
    pub month: u8,
}

pub fn check(ctx: &Ctx, p: &Params) -> Vec<Finding> {
    let opts = ScanOptions::default();
    // Candidate places: decision fields first, then sentences that mention a decision.
    let mut places: Vec<Span> = ctx
        .doc
        .fields()
        .filter(|f| p.trigger.is_match(&f.key))
        .map(|f| f.value_span)
        .collect();
    for b in ctx.doc.all_blocks() {
        match b {
            Block::Paragraph(t) => places.extend(sentences(ctx.text, t.span, &p.trigger)),
            Block::List { items, .. } => {
                for it in items {
                    places.extend(sentences(ctx.text, it.text_span, &p.trigger));
                }
            }
            _ => {}
        }
    }
    for place in places {
        let Some(text) = ctx.text.get(place.start..place.end) else {
            continue;
        };
        let Some(date) = scan_dates(text, &opts).into_iter().find(|d| d.valid) else {
            continue;
        };
        if date.month == p.month {
            return Vec::new();
        }
        let month = |m: u8| {
            MONTHS_SV
                .get(usize::from(m).wrapping_sub(1))
                .copied()
                .unwrap_or("?")
        };
        return vec![
            Finding::at(Span::new(place.start + date.start, place.start + date.end))
                .arg("date", text[date.start..date.end].to_string())
                .arg("month", month(date.month))
                .arg("expected", month(p.month)),
        ];
    }
    Vec::new()
}

/// Spans of the sentences in `span` that match the trigger.
fn sentences(text: &str, span: Span, trigger: &Pattern) -> Vec<Span> {
    let Some(body) = text.get(span.start..span.end) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut sentence = |start: usize, end: usize| {
        if body.get(start..end).is_some_and(|s| trigger.is_match(s)) {
            out.push(Span::new(span.start + start, span.start + end));
        }
    };
    // Only `!`, `?` and `.` can end a sentence: jump from one to the next.
    for i in memchr::memchr3_iter(b'!', b'?', b'.', body.as_bytes()) {
        if body.as_bytes().get(i) != Some(&b'.') || is_sentence_end(body, i) {
            sentence(start, i + 1);
            start = i + 1;
        }
    }
    if start < body.len() {
        sentence(start, body.len());
    }
    out
}

/// A full stop followed by space and a capital (not `t.ex.` or `2.1`).
fn is_sentence_end(body: &str, i: usize) -> bool {
    let rest = body.get(i + 1..).unwrap_or("");
    let mut chars = rest.chars();
    match (chars.next(), chars.next()) {
        (None, _) => true,
        (Some(' ') | Some('\n'), Some(c)) => c.is_uppercase(),
        _ => false,
    }
}
