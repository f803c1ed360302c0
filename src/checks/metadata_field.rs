//! `metadata-field`: a metadata field is present and well-formed.
//!
//! **What it does.** Looks for a field (`Dnr: RS/1321/2015` in the text, or
//! `dnr:` in the front matter) whose key matches `key`. None: variant
//! `missing`, at the title. Present, but no value matches `pattern`: the
//! value is reported.
//!
//! **Why.** The diarienummer ties the plan to its case in the register; a
//! number in the wrong form cannot be found there.

use super::{Ctx, Finding};
use crate::profile::schema::Pattern;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    pub key: Pattern,
    pub pattern: Pattern,
}

pub fn check(ctx: &Ctx, p: &Params) -> Vec<Finding> {
    let fields: Vec<_> = ctx
        .doc
        .fields()
        .filter(|f| p.key.is_match(&f.key))
        .collect();
    if fields.is_empty() {
        return vec![Finding::at(ctx.document_span()).variant("missing")];
    }
    if fields.iter().any(|f| p.pattern.is_match(f.value.trim())) {
        return Vec::new();
    }
    fields
        .into_iter()
        .take(1)
        .map(|f| Finding::at(f.value_span).arg("value", f.value.trim()))
        .collect()
}
