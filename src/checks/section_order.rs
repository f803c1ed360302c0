//! `section-order`: the expected sections appear in the prescribed order.
//!
//! **What it does.** Takes the first heading of each listed section id that is
//! present and reports the first one that comes before a section it should
//! follow, labelling both headings.
//!
//! **Why.** Readers find their way in a plan by its fixed outline.

use super::{Ctx, Finding};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Section ids in the order they must appear.
    pub sections: Vec<String>,
}

pub fn check(ctx: &Ctx, p: &Params) -> Vec<Finding> {
    let present: Vec<(&str, usize)> = p
        .sections
        .iter()
        .filter_map(|id| ctx.section(id).map(|i| (id.as_str(), i)))
        .collect();
    let mut out = Vec::new();
    for (k, &(id, idx)) in present.iter().enumerate() {
        // A section that should come after `id` but is found before it.
        if let Some(&(earlier_id, earlier_idx)) = present[..k].iter().find(|(_, j)| *j > idx) {
            let (Some(s), Some(e)) = (ctx.doc.sections.get(idx), ctx.doc.sections.get(earlier_idx))
            else {
                continue;
            };
            out.push(
                Finding::at(s.heading.span)
                    .arg("section", ctx.section_name(id))
                    .arg("before", ctx.section_name(earlier_id))
                    .label(
                        e.heading.span,
                        format!(
                            "{} {}",
                            ctx.tr("ska komma efter", "should come after"),
                            ctx.section_name(id)
                        ),
                    ),
            );
            break;
        }
    }
    out
}
