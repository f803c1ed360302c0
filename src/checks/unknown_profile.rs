//! `unknown-profile`: no profile matched the document.
//!
//! **What it does.** Reports, once at the title, that the document was not
//! recognised as any known document type, so only the common packs ran.
//!
//! **Why.** The user should know the profile rules were not applied, and how
//! to choose one (`dokumenttyp:` in the front matter or `--profile`). An
//! empty document gets the `empty` variant.

use super::{Ctx, Finding};
use serde::Deserialize;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Params {}

pub fn check(ctx: &Ctx, _p: &Params) -> Vec<Finding> {
    match ctx.profile {
        Some(_) => Vec::new(),
        None if ctx.text.trim().is_empty() => {
            vec![Finding::at(ctx.document_span()).variant("empty")]
        }
        None => vec![Finding::at(ctx.document_span())],
    }
}
