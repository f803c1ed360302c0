//! `template-text`: no template instructions or placeholders left in.
//!
//! **What it does.** Reports every match of the pack's `patterns` (generic
//! placeholders such as `ÅÅÅÅ-MM-DD`) and of the patterns listed under the
//! document's profile in `profiles` (that template's instruction sentences,
//! `xxxx`, `[Tänk …]`, italic example markers) in the document text, outside
//! `<!-- -->` comments and front matter. Template phrases are tied to their
//! profile because other documents — the routine that describes a template,
//! say — quote them on purpose.
//!
//! **Why.** Left-over template text shows the document was never finished,
//! and it is published with the decision.

use super::{Ctx, Finding};
use crate::model::Span;
use crate::profile::schema::Pattern;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Placeholders that are left-overs in any document.
    pub patterns: Vec<Pattern>,
    /// Profile name → that template's instruction texts and placeholders.
    #[serde(default)]
    pub profiles: BTreeMap<String, Vec<Pattern>>,
}

pub fn check(ctx: &Ctx, p: &Params) -> Vec<Finding> {
    let comments = ctx.doc.comment_spans();
    let front_end = ctx.doc.front_matter.last().map(|f| f.span.end).unwrap_or(0);
    let mut hits: Vec<(usize, usize)> = Vec::new();
    let for_profile = ctx.profile.and_then(|name| p.profiles.get(name));
    for pat in p.patterns.iter().chain(for_profile.into_iter().flatten()) {
        for m in pat.find_iter(ctx.text) {
            let inside = |s: &Span| s.start <= m.start() && m.end() <= s.end;
            if m.start() < front_end || comments.iter().any(inside) || m.start() == m.end() {
                continue;
            }
            hits.push((m.start(), m.end()));
        }
    }
    hits.sort_unstable();
    // Overlapping matches of different patterns are one finding.
    let mut out: Vec<Finding> = Vec::new();
    let mut last_end = 0;
    for (s, e) in hits {
        if s < last_end {
            continue;
        }
        last_end = e;
        let quote = ctx.text.get(s..e).unwrap_or("").trim().to_string();
        out.push(Finding::at(Span::new(s, e)).arg("text", quote));
    }
    out
}
