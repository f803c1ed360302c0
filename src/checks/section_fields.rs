//! `section-fields`: a section names the roles (or other fields) it must.
//!
//! **What it does.** In `section` and its subsections, each entry of
//! `fields` must be given a value: as a `Namn: värde` line, as a table row
//! whose first cell is the name and whose second cell is filled, or as a
//! sentence that names it with a value (`Uppdragsledare är …`,
//! `Uppdragsägaren är …`, `Ekonomidirektören är uppdragsägare.`). A name
//! that is absent is reported at the section heading (variant none); a name
//! written with nothing after it is reported at that line (variant `empty`).
//! A missing section is left to the required-sections rule.
//!
//! **Why.** A directive must say who owns the assignment and who leads it;
//! without them, nobody is accountable for the decision points.

use super::required_fields::NamedPattern;
use super::{Ctx, Finding};
use crate::model::{Block, Span};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    pub section: String,
    pub fields: Vec<NamedPattern>,
}

/// The name begins the text (a field key or a first cell).
fn at_start(f: &NamedPattern, text: &str) -> bool {
    f.pattern.find(text).is_some_and(|m| m.start() == 0)
}

/// In running text: `Some(true)` when the name comes with a value
/// (`Uppdragsledare: Eva Berg`, `Uppdragsägaren är ekonomidirektören.`,
/// `Ekonomidirektören är uppdragsägare.`), `Some(false)` when the name stands
/// alone (`Uppdragsledare:`), `None` when it is not named.
fn in_sentence(f: &NamedPattern, text: &str) -> Option<bool> {
    let text = text.trim();
    let m = f.pattern.find(text)?;
    let rest = text[m.end()..].trim_start_matches([':', ' ']).trim();
    let before = text[..m.start()].trim();
    Some(!rest.is_empty() || before.split_whitespace().count() >= 2)
}

enum Seen {
    Filled,
    Empty(Span),
}

fn find(ctx: &Ctx, root: usize, f: &NamedPattern) -> Option<Seen> {
    let mut empty = None;
    for b in ctx.doc.subtree_blocks(root) {
        match b {
            Block::Field(fl) if at_start(f, fl.key.trim()) => {
                if fl.value.trim().is_empty() {
                    empty.get_or_insert(fl.span);
                } else {
                    return Some(Seen::Filled);
                }
            }
            Block::Table(t) => {
                for row in &t.rows {
                    let mut cells = row.cells.iter();
                    let (Some(k), v) = (cells.next(), cells.next()) else {
                        continue;
                    };
                    if at_start(f, k.text.trim().trim_end_matches(':')) {
                        match v {
                            Some(v) if !v.text.trim().is_empty() => return Some(Seen::Filled),
                            _ => {
                                empty.get_or_insert(row.span);
                            }
                        }
                    }
                }
            }
            Block::Paragraph(p) => match in_sentence(f, &p.text) {
                Some(true) => return Some(Seen::Filled),
                Some(false) => {
                    empty.get_or_insert(p.span);
                }
                None => {}
            },
            Block::List { items, .. } => {
                if items
                    .iter()
                    .any(|it| in_sentence(f, &it.text) == Some(true))
                {
                    return Some(Seen::Filled);
                }
            }
            Block::Field(_) | Block::Comment(_) => {}
        }
    }
    empty.map(Seen::Empty)
}

pub fn check(ctx: &Ctx, p: &Params) -> Vec<Finding> {
    let Some(root) = ctx.section(&p.section) else {
        return Vec::new();
    };
    let Some(sec) = ctx.doc.sections.get(root) else {
        return Vec::new();
    };
    let name = ctx.section_name(&p.section);
    let mut out = Vec::new();
    for f in &p.fields {
        match find(ctx, root, f) {
            Some(Seen::Filled) => {}
            Some(Seen::Empty(span)) => out.push(
                Finding::at(span)
                    .variant("empty")
                    .arg("field", f.name.clone())
                    .arg("section", name),
            ),
            None => out.push(
                Finding::at(sec.heading.span)
                    .arg("field", f.name.clone())
                    .arg("section", name),
            ),
        }
    }
    out
}
