//! `goal-activity`: every goal has at least one activity.
//!
//! **What it does.** Goals are the items of the `goals` section (numbered by
//! a `Mål N` label, else by position). An activity refers to goal N through
//! a table column whose header matches `link_column` (a cell `1`, `Mål 1`,
//! `1, 2`), a `Mål: 1` field, or a heading or line in the `activities` section
//! that says `mål 1`. Each goal nobody refers to is reported. When the
//! activities refer to no goal at all (and there is more than one goal), the
//! activities heading is reported instead (variant `unlinked`).
//!
//! **Why.** The routine: for every goal there shall be activities.

use super::max_items::item_spans;
use super::{Ctx, Finding};
use crate::model::Block;
use crate::pattern::Pattern as LazyRegex;
use crate::profile::schema::Pattern;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::sync::LazyLock;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    pub goals: String,
    pub activities: String,
    pub link_column: Pattern,
}

static GOAL_LABEL: LazyLock<LazyRegex> =
    LazyLock::new(|| LazyRegex::lazy(r"(?i)\bmål\s*(?:nr\.?\s*)?(\d{1,2})\b"));
static NUMBER: LazyLock<LazyRegex> = LazyLock::new(|| LazyRegex::lazy(r"\b(\d{1,2})\b"));

fn goal_refs(text: &str, out: &mut BTreeSet<u32>) {
    if let Some(re) = GOAL_LABEL.re() {
        for c in re.captures_iter(text) {
            if let Some(n) = c.get(1).and_then(|m| m.as_str().parse().ok()) {
                out.insert(n);
            }
        }
    }
}

fn numbers(text: &str, out: &mut BTreeSet<u32>) {
    if let Some(re) = NUMBER.re() {
        for c in re.captures_iter(text) {
            if let Some(n) = c.get(1).and_then(|m| m.as_str().parse().ok()) {
                out.insert(n);
            }
        }
    }
}

pub fn check(ctx: &Ctx, p: &Params) -> Vec<Finding> {
    let (Some(goals_idx), Some(act_idx)) = (ctx.section(&p.goals), ctx.section(&p.activities))
    else {
        return Vec::new();
    };
    let goals: Vec<(u32, crate::model::Span)> = item_spans(ctx, goals_idx)
        .into_iter()
        .enumerate()
        .map(|(pos, span)| {
            let text = ctx.text.get(span.start..span.end).unwrap_or("");
            let mut label = BTreeSet::new();
            goal_refs(text, &mut label);
            let n = label.first().copied().unwrap_or(pos as u32 + 1);
            (n, span)
        })
        .collect();
    if goals.is_empty() {
        return Vec::new();
    }
    let mut refs = BTreeSet::new();
    for i in ctx.doc.subtree(act_idx) {
        let Some(s) = ctx.doc.sections.get(i) else {
            continue;
        };
        if i != act_idx {
            goal_refs(&s.heading.text, &mut refs);
        }
        for b in &s.blocks {
            match b {
                Block::Table(t) => {
                    if let Some(col) = t.column(|c| p.link_column.is_match(c)) {
                        for row in t.body() {
                            if let Some(cell) = row.cells.get(col) {
                                numbers(&cell.text, &mut refs);
                            }
                        }
                    }
                }
                Block::Field(f) if p.link_column.is_match(&f.key) => numbers(&f.value, &mut refs),
                Block::Paragraph(t) => goal_refs(&t.text, &mut refs),
                Block::List { items, .. } => {
                    items.iter().for_each(|it| goal_refs(&it.text, &mut refs))
                }
                _ => {}
            }
        }
    }
    if refs.is_empty() {
        if goals.len() <= 1 {
            return Vec::new();
        }
        return match ctx.doc.sections.get(act_idx) {
            Some(s) => vec![Finding::at(s.heading.span).variant("unlinked")],
            None => Vec::new(),
        };
    }
    goals
        .into_iter()
        .filter(|(n, _)| !refs.contains(n))
        .map(|(n, span)| Finding::at(span).arg("goal", n.to_string()))
        .collect()
}
