//! `date-without-year`: a meeting or decision date is written without a year.
//!
//! **What it does.** Finds dates with a day and a month but no year
//! (`den 12 mars`, `12/3`) on lines that match `context` (the meeting, the
//! decision, the justering). The first end of a range whose year is written
//! at its other end (`1 mars – 3 april 2025`) is not reported.
//!
//! **Why.** Minutes and extracts are read and cited long after the meeting,
//! often as single `§` items; a date without a year cannot then be placed.
//! Myndigheternas skrivregler: always write the year in a date.

use super::minutes::line_at;
use super::{Ctx, Finding};
use crate::model::Span;
use crate::profile::schema::Pattern;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// A line holding the date must match this to count as a meeting or
    /// decision date.
    pub context: Pattern,
}

pub fn check(ctx: &Ctx, p: &Params) -> Vec<Finding> {
    let ranges: Vec<(usize, usize)> = ctx.ranges().iter().map(|r| r.span).collect();
    let mut out = Vec::new();
    for m in ctx.dates() {
        if m.year.is_some() || m.day.is_none() {
            continue;
        }
        if ranges.iter().any(|(s, e)| *s <= m.start && m.end <= *e) {
            continue;
        }
        if !p.context.is_match(line_at(ctx.text, m.start)) {
            continue;
        }
        let written = ctx.text.get(m.start..m.end).unwrap_or("").to_string();
        out.push(Finding::at(Span::new(m.start, m.end)).arg("date", written));
    }
    out
}
