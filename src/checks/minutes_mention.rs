//! `minutes-mention`: full minutes contain every required element.
//!
//! **What it does.** Only for full minutes (see `minutes`): each entry of
//! `require` is a named pattern looked for in the whole text. The names of
//! those not found are reported as `{missing}`, at the title. A protocol
//! extract is not checked: its justering is in the full minutes.
//!
//! **Why.** Kommunallagen 5 kap. 69 §: the minutes are to be justerade
//! (checked and signed by the chair and one or more justerare) no later
//! than 14 days after the meeting; unsigned minutes cannot be announced.

use super::minutes::is_full_minutes;
use super::minutes_header::Named;
use super::{Ctx, Finding};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    pub require: Vec<Named>,
}

pub fn check(ctx: &Ctx, p: &Params) -> Vec<Finding> {
    if !is_full_minutes(ctx) {
        return Vec::new();
    }
    let missing: Vec<&str> = p
        .require
        .iter()
        .filter(|r| !r.pattern.is_match(ctx.text))
        .map(|r| r.name.as_str())
        .collect();
    if missing.is_empty() {
        return Vec::new();
    }
    let list = super::text::join_names(&missing, ctx.tr("och", "and"));
    vec![Finding::at(ctx.document_span()).arg("missing", list)]
}
