//! `required-sections`: every expected section has a heading.
//!
//! **What it does.** For each section id listed in `sections`, looks for a
//! heading that matches one of the section's patterns (aliases) in the pack's
//! `sections:` list. A missing section is reported once, at the title.
//!
//! **Why.** A routine or template prescribes the outline; a decision-maker
//! looks for the same sections in every plan.
//!
//! **Help.** When a heading that matches no expected section resembles the
//! missing one, the help says "did you mean …".

use super::text::similarity;
use super::{Ctx, Finding};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Ids from the pack's `sections:` that must be present.
    pub sections: Vec<String>,
}

pub fn check(ctx: &Ctx, p: &Params) -> Vec<Finding> {
    let matched: Vec<usize> = ctx.found.values().flatten().copied().collect();
    let mut out = Vec::new();
    for id in &p.sections {
        if ctx.section(id).is_some() {
            continue;
        }
        let name = ctx.section_name(id);
        let closest = ctx
            .doc
            .sections
            .iter()
            .enumerate()
            .filter(|(i, _)| !matched.contains(i))
            .map(|(i, s)| (i, heading_similarity(&s.heading.text, name)))
            .filter(|(_, score)| *score >= 0.5)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        let mut f = Finding::at(ctx.document_span()).arg("section", name);
        match closest.and_then(|(i, _)| ctx.doc.sections.get(i)) {
            Some(s) => {
                let heading = s.heading.display();
                f = f
                    .arg(
                        "suggestion",
                        format!(
                            "{} ”{heading}”?",
                            ctx.tr(" Menade du rubriken", " Did you mean the heading")
                        ),
                    )
                    .label(
                        s.heading.span,
                        format!("{} {name}?", ctx.tr("menade du", "did you mean")),
                    );
            }
            None => f = f.arg("suggestion", ""),
        }
        out.push(f);
    }
    out
}

/// How much a heading resembles a section name: as a whole, or by its first
/// words (`Defintioner och begrepp` still suggests `Definitioner`).
fn heading_similarity(heading: &str, name: &str) -> f64 {
    let n = name.split_whitespace().count().max(1);
    let start: Vec<&str> = heading.split_whitespace().take(n).collect();
    similarity(heading, name).max(similarity(&start.join(" "), name))
}

#[cfg(test)]
mod tests {
    use super::heading_similarity;

    #[test]
    fn misspelt_or_extended_headings_resemble_the_name() {
        assert!(heading_similarity("Defintioner och begrepp", "Definitioner") > 0.8);
        assert!(heading_similarity("Inledningen", "Inledning") > 0.8);
        assert!(heading_similarity("Budget", "Definitioner") < 0.5);
    }
}
