//! `max-items`: a section lists at most `max` items (goals, priorities).
//!
//! **What it does.** Counts the items of a section: its subsections if it has
//! any (one goal per subsection), otherwise the items of its lists. Reports
//! the section heading when the count exceeds `max`, labelling the first
//! item over the limit.
//!
//! **Why.** A plan with ten "priority" goals has no priorities.

use super::{Ctx, Finding};
use crate::model::{Block, Span};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    pub section: String,
    pub max: usize,
}

pub fn check(ctx: &Ctx, p: &Params) -> Vec<Finding> {
    let Some(idx) = ctx.section(&p.section) else {
        return Vec::new();
    };
    let Some(section) = ctx.doc.sections.get(idx) else {
        return Vec::new();
    };
    let items = item_spans(ctx, idx);
    if items.len() <= p.max {
        return Vec::new();
    }
    let mut f = Finding::at(section.heading.span)
        .arg("count", items.len().to_string())
        .arg("max", p.max.to_string());
    if let Some(first_over) = items.get(p.max) {
        f = f.label(
            *first_over,
            format!("{} {}", ctx.tr("nummer", "number"), p.max + 1),
        );
    }
    vec![f]
}

/// The spans of the items a section enumerates.
pub fn item_spans(ctx: &Ctx, idx: usize) -> Vec<Span> {
    let Some(section) = ctx.doc.sections.get(idx) else {
        return Vec::new();
    };
    if !section.children.is_empty() {
        return section
            .children
            .iter()
            .filter_map(|&c| ctx.doc.sections.get(c))
            .map(|s| s.heading.span)
            .collect();
    }
    section
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::List { items, .. } => Some(items.iter().map(|i| i.span)),
            _ => None,
        })
        .flatten()
        .collect()
}
