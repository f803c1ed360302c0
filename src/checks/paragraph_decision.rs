//! `paragraph-decision`: every `§` item states its decision.
//!
//! **What it does.** For each `§` item, looks in the item and its
//! subsections for a heading matching `heading` (`Beslut`, `Nämndens
//! beslut`) or a paragraph or list item matching `text` (`Beslut: …`,
//! `Nämnden beslutar att …`). When there is neither, the item's heading is
//! reported with its `{number}` and `{title}`.
//!
//! **Why.** The minutes record decisions (kommunallagen 5 kap. 69 §); a
//! `§` without a Beslut leaves the reader not knowing what was decided, and
//! an extract of it cannot be executed.

use super::minutes::items;
use super::{Ctx, Finding};
use crate::model::Block;
use crate::profile::schema::Pattern;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// A subsection heading holding the decision.
    pub heading: Pattern,
    /// A paragraph or list item stating the decision.
    pub text: Pattern,
}

pub fn check(ctx: &Ctx, p: &Params) -> Vec<Finding> {
    let mut out = Vec::new();
    for it in items(ctx.doc) {
        let subtree = ctx.doc.subtree(it.section);
        let has_heading = subtree
            .iter()
            .filter(|&&i| i != it.section)
            .filter_map(|&i| ctx.doc.sections.get(i))
            .any(|s| p.heading.is_match(s.heading.text.trim()));
        let has_text = || {
            subtree
                .iter()
                .filter_map(|&i| ctx.doc.sections.get(i))
                .flat_map(|s| s.blocks.iter())
                .any(|b| match b {
                    Block::Paragraph(t) => p.text.is_match(t.text.trim()),
                    Block::List { items, .. } => items.iter().any(|i| p.text.is_match(&i.text)),
                    Block::Field(f) => p.text.is_match(&format!("{}: {}", f.key, f.value)),
                    Block::Table(_) | Block::Comment(_) => false,
                })
        };
        if has_heading || has_text() {
            continue;
        }
        let title = ctx
            .doc
            .sections
            .get(it.section)
            .map(|s| s.heading.text.trim().to_string())
            .unwrap_or_default();
        out.push(
            Finding::at(it.span)
                .arg("number", it.number.to_string())
                .arg("title", title),
        );
    }
    out
}
