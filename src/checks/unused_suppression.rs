//! `unused-suppression`: no suppression comment that silences nothing.
//!
//! **What it does.** Runs after every other rule and after the suppression
//! comments (`<!-- styrkoll-disable … -->`, `-next-line`, front matter
//! `styrkoll: {ignore: […]}`, see `crate::suppress`) have been applied.
//! Reports each rule named in a suppression that silenced no finding
//! (variant none), and each name that is no rule at all (variant
//! `unknown`), at the name in the comment.
//!
//! **Why.** A suppression outlives the text it was written for; left behind,
//! it silently hides the next real finding in that place.

use super::{Ctx, Finding};
use crate::suppress::UnusedKind;
use serde::Deserialize;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Params {}

pub fn check(ctx: &Ctx, _p: &Params) -> Vec<Finding> {
    ctx.unused_suppressions
        .iter()
        .map(|u| {
            let rule = u
                .rule
                .clone()
                .unwrap_or_else(|| ctx.tr("alla regler", "all rules").to_string());
            let f = Finding::at(u.span).arg("rule", rule);
            match u.kind {
                UnusedKind::Unused => f,
                UnusedKind::UnknownRule => f.variant("unknown"),
            }
        })
        .collect()
}
