//! `must-mention`: a topic is stated, and covers every required element.
//!
//! **What it does.** Looks in `section` (with its subsections), or in the whole
//! document when no section is given. When `topic` is set, only the
//! paragraphs, list items and table rows that mention the topic count, plus
//! everything under a heading that mentions it (headings are text too); if
//! none does, the finding uses the `absent` variant. Each entry of `require` is a named pattern; the
//! names of those not found are reported as `{missing}`.
//!
//! **Why.** Follow-up per May and per December, the split between
//! verksamheter and ledningsstaber, the economy's frame and financing: the
//! routine names each element that must be there.

use super::{Ctx, Finding};
use crate::model::{Block, Span};
use crate::profile::schema::Pattern;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    #[serde(default)]
    pub section: Option<String>,
    #[serde(default)]
    pub topic: Option<Pattern>,
    pub require: Vec<Required>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Required {
    pub name: String,
    pub pattern: Pattern,
}

pub fn check(ctx: &Ctx, p: &Params) -> Vec<Finding> {
    let (scope, anchor) = match &p.section {
        Some(id) => match ctx
            .section(id)
            .and_then(|i| ctx.doc.sections.get(i).map(|s| (i, s)))
        {
            Some((i, s)) => (ctx.doc.subtree(i), s.heading.span),
            // A missing section is another rule's finding.
            None => return Vec::new(),
        },
        None => ((0..ctx.doc.sections.len()).collect(), ctx.document_span()),
    };
    let mut texts: Vec<Span> = Vec::new();
    let whole = p.section.is_none();
    if whole {
        texts.extend(ctx.doc.preamble.iter().flat_map(block_units));
    }
    for &i in &scope {
        let Some(s) = ctx.doc.sections.get(i) else {
            continue;
        };
        let heading_hit = p
            .topic
            .as_ref()
            .is_some_and(|t| t.is_match(&s.heading.text));
        if heading_hit {
            texts.push(s.span);
        } else {
            // Headings count: `3.1 Aktiviteter för verksamheterna` splits the activities.
            texts.push(s.heading.span);
            texts.extend(s.blocks.iter().flat_map(block_units));
        }
    }
    let slice = |sp: &Span| ctx.text.get(sp.start..sp.end).unwrap_or("");
    let relevant: Vec<Span> = match &p.topic {
        Some(t) => texts
            .into_iter()
            .filter(|sp| t.is_match(slice(sp)))
            .collect(),
        None => texts,
    };
    if p.topic.is_some() && relevant.is_empty() {
        return vec![Finding::at(anchor).variant("absent")];
    }
    let missing: Vec<&str> = p
        .require
        .iter()
        .filter(|r| !relevant.iter().any(|sp| r.pattern.is_match(slice(sp))))
        .map(|r| r.name.as_str())
        .collect();
    if missing.is_empty() {
        return Vec::new();
    }
    let at = match (&p.topic, relevant.first()) {
        (Some(_), Some(first)) => *first,
        _ => anchor,
    };
    let and = ctx.tr("och", "and");
    vec![Finding::at(at).arg("missing", super::text::join_names(&missing, and))]
}

/// The units of text a topic is looked for in: a paragraph, a list item, a row.
fn block_units(b: &Block) -> Vec<Span> {
    match b {
        Block::List { items, .. } => items.iter().map(|i| i.span).collect(),
        Block::Table(t) => t.rows.iter().map(|r| r.span).collect(),
        Block::Comment(_) => Vec::new(),
        other => vec![other.span()],
    }
}
