//! `max-words`: a section is at most `max` words long.
//!
//! **What it does.** Counts the words of the section with its subsections
//! (headings excluded) and reports the heading when there are more than
//! `max`. A page is taken as `max` words (400 by default in the packs).
//!
//! **Why.** The routine limits the introduction to one page.

use super::text::word_count;
use super::{Ctx, Finding};
use crate::model::block_text;
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
    let words: usize = ctx
        .doc
        .subtree_blocks(idx)
        .map(|b| word_count(&block_text(b)))
        .sum();
    if words <= p.max {
        return Vec::new();
    }
    vec![Finding::at(section.heading.span)
        .arg("section", ctx.section_name(&p.section))
        .arg("words", words.to_string())
        .arg("max", p.max.to_string())]
}
