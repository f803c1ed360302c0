//! `section-content`: each listed section is present and has content.
//!
//! **What it does.** For each section id in `sections`, reports when no
//! heading matches (variant `missing`, at the title) or when the section,
//! with its subsections, holds fewer than `min_words` words (at its heading).
//!
//! **Why.** The perspective analyses (gender equality, child rights,
//! environment, economy) must each be answered; an empty heading answers
//! nothing.

use super::text::section_words_up_to;
use super::{Ctx, Finding};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    pub sections: Vec<String>,
    #[serde(default = "default_min_words")]
    pub min_words: usize,
}

fn default_min_words() -> usize {
    3
}

pub fn check(ctx: &Ctx, p: &Params) -> Vec<Finding> {
    let mut out = Vec::new();
    for id in &p.sections {
        let name = ctx.section_name(id);
        match ctx.section(id) {
            None => out.push(
                Finding::at(ctx.document_span())
                    .variant("missing")
                    .arg("section", name),
            ),
            Some(idx) => {
                // Only a count below `min_words` is reported.
                let words = section_words_up_to(ctx.doc, idx, true, p.min_words);
                if words < p.min_words {
                    if let Some(s) = ctx.doc.sections.get(idx) {
                        out.push(
                            Finding::at(s.heading.span)
                                .arg("section", name)
                                .arg("words", words.to_string()),
                        );
                    }
                }
            }
        }
    }
    out
}
