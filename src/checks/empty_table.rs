//! `empty-table`: no table or section that has a header but no content.
//!
//! **What it does.** Reports a table with a header row and no filled-in row
//! (variant default), and a section whose heading has nothing under it: no
//! text, no subsections (variant `section`).
//!
//! **Why.** An empty Resurser or Definitioner table is a template part that
//! was never filled in.

use super::{Ctx, Finding};
use crate::model::Block;
use serde::Deserialize;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Params {}

pub fn check(ctx: &Ctx, _p: &Params) -> Vec<Finding> {
    let mut out = Vec::new();
    for b in ctx.doc.all_blocks() {
        if let Block::Table(t) = b {
            let filled = t
                .body()
                .iter()
                .any(|r| r.cells.iter().any(|c| !c.text.trim().is_empty()));
            if !filled {
                let header = t
                    .header()
                    .map(|h| {
                        h.cells
                            .iter()
                            .map(|c| c.text.trim())
                            .filter(|c| !c.is_empty())
                            .collect::<Vec<_>>()
                            .join(" | ")
                    })
                    .unwrap_or_default();
                out.push(Finding::at(t.span).arg("header", header));
            }
        }
    }
    for s in &ctx.doc.sections {
        let has_content = s.blocks.iter().any(|b| !matches!(b, Block::Comment(_)));
        if !has_content && s.children.is_empty() {
            out.push(
                Finding::at(s.heading.span)
                    .variant("section")
                    .arg("heading", s.heading.display()),
            );
        }
    }
    out
}
