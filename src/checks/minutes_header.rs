//! `minutes-header`: full minutes state every header field.
//!
//! **What it does.** Only for full minutes (see `minutes`): each entry of
//! `fields` is a named pattern matched against the lines before the first
//! `§` (and the front matter keys). The names of the fields no line matches
//! are reported as `{missing}`, at the title. A protocol extract is not
//! checked.
//!
//! **Why.** Kommunallagen 5 kap. 67–69 §§ and the arbetsordning: the minutes
//! must show when and where the meeting was held, who took part in the
//! decisions, and who kept and chaired it; otherwise no one can verify the
//! decisions.

use super::minutes::{header_lines, is_full_minutes};
use super::{Ctx, Finding};
use crate::profile::schema::Pattern;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    pub fields: Vec<Named>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Named {
    pub name: String,
    pub pattern: Pattern,
}

pub fn check(ctx: &Ctx, p: &Params) -> Vec<Finding> {
    if !is_full_minutes(ctx) {
        return Vec::new();
    }
    let lines = header_lines(ctx);
    let missing: Vec<&str> = p
        .fields
        .iter()
        .filter(|f| {
            !lines.iter().any(|(_, l)| f.pattern.is_match(l))
                && !ctx
                    .doc
                    .front_matter
                    .iter()
                    .any(|fm| f.pattern.is_match(&format!("{}: {}", fm.key, fm.value)))
        })
        .map(|f| f.name.as_str())
        .collect();
    if missing.is_empty() {
        return Vec::new();
    }
    let list = super::text::join_names(&missing, ctx.tr("och", "and"));
    vec![Finding::at(ctx.document_span()).arg("missing", list)]
}
