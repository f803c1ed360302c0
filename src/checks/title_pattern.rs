//! `title-pattern`: the document title follows the prescribed form.
//!
//! **What it does.** Matches the title (front matter `titel:`, the first
//! `#` heading, or the first line of extracted text) against `pattern`.
//! A document without a title gets the `missing` variant.
//!
//! **Why.** Plans are registered and found by name; the routine fixes the
//! name's form ("Övergripande handlingsplan för <sakområde> <år>").

use super::{Ctx, Finding};
use crate::profile::schema::Pattern;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    pub pattern: Pattern,
}

pub fn check(ctx: &Ctx, p: &Params) -> Vec<Finding> {
    match &ctx.doc.title {
        None => vec![Finding::at(ctx.document_span()).variant("missing")],
        Some(t) if p.pattern.is_match(t.text.trim()) => Vec::new(),
        Some(t) => vec![Finding::at(t.span).arg("title", t.text.trim())],
    }
}
