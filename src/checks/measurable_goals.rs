//! `measurable-goals`: each goal has something to measure it by.
//!
//! **What it does.** Reads the goals of `section` (its list items; without
//! a list, its paragraphs, except lead-ins ending with `:`) and reports each
//! goal that matches none of the `measurable` patterns — in the shipped pack
//! a number or percentage, a level (`minst`, `högst`, `nivå`), a baseline
//! (`jämfört med 2023`, `från … till`) or a measure word (`mätt`, `andel`).
//!
//! **Why.** An effect goal without a target value or baseline cannot be
//! followed up: nobody can say afterwards whether it was reached.

use super::{Ctx, Finding};
use crate::model::{Block, Span};
use crate::profile::schema::Pattern;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    pub section: String,
    pub measurable: Vec<Pattern>,
}

pub fn check(ctx: &Ctx, p: &Params) -> Vec<Finding> {
    let Some(root) = ctx.section(&p.section) else {
        return Vec::new();
    };
    let blocks: Vec<&Block> = ctx.doc.subtree_blocks(root).collect();
    let has_list = blocks.iter().any(|b| matches!(b, Block::List { .. }));
    let mut goals: Vec<(Span, &str)> = Vec::new();
    for b in blocks {
        match b {
            Block::List { items, .. } => {
                goals.extend(items.iter().map(|i| (i.text_span, i.text.as_str())));
            }
            Block::Paragraph(t) if !has_list && !t.text.trim_end().ends_with(':') => {
                goals.push((t.span, t.text.as_str()));
            }
            _ => {}
        }
    }
    goals
        .into_iter()
        .filter(|(_, g)| !g.trim().is_empty() && !p.measurable.iter().any(|m| m.is_match(g)))
        .map(|(span, g)| {
            let short: String = g.trim().chars().take(60).collect();
            let short = if short.len() < g.trim().len() {
                format!("{short}…")
            } else {
                short
            };
            Finding::at(span).arg("goal", short)
        })
        .collect()
}
