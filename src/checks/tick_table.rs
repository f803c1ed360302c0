//! `tick-table`: every line of a JA/NEJ table is ticked in one column.
//!
//! **What it does.** Finds the tables whose header has `JA` and `NEJ`
//! columns and whose header text matches `table` (`Checklista inför beslut`,
//! `BESLUT`). Each body row — only the rows matching `row`, when given and
//! some row matches — must have exactly one tick: `X`, `x`, `[x]`, `☒`, `✓`.
//! A row with no tick is reported (variant none), a row ticked both JA and
//! NEJ too (variant `both`). A Markdown task list (`- [ ] …`) under a
//! heading matching `table` is read the same way: an unticked box is a
//! finding.
//!
//! **Why.** The checklist before BP1 and the BP1 decision are how the owner
//! confirms the directive is ready; an unticked line means the question was
//! never answered.

use super::{Ctx, Finding};
use crate::model::{Block, Row, Table};
use crate::profile::schema::Pattern;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Matches the header row's text (all cells joined by spaces).
    pub table: Pattern,
    /// Only rows whose text matches (when any row does).
    #[serde(default)]
    pub row: Option<Pattern>,
}

fn is_tick(s: &str) -> bool {
    let t = s.trim();
    matches!(t, "x" | "X" | "[x]" | "[X]" | "☒" | "✓" | "✔" | "✗" | "☑")
        || t.starts_with(['☒', '☑', '✓', '✔'])
}

fn row_text(r: &Row) -> String {
    r.cells
        .iter()
        .map(|c| c.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn check_table(t: &Table, p: &Params, out: &mut Vec<Finding>) {
    let Some(header) = t.header() else { return };
    if !p.table.is_match(&row_text(header)) {
        return;
    }
    let mark = |name: &str| {
        header.cells.iter().position(|c| {
            c.text
                .trim()
                .trim_end_matches(':')
                .eq_ignore_ascii_case(name)
        })
    };
    let (Some(ja), Some(nej)) = (mark("ja"), mark("nej")) else {
        return;
    };
    let body = t.body();
    let selected: Vec<&Row> = match &p.row {
        Some(re) if body.iter().any(|r| re.is_match(&row_text(r))) => {
            body.iter().filter(|r| re.is_match(&row_text(r))).collect()
        }
        _ => body.iter().collect(),
    };
    for r in selected {
        let ticked = |k: usize| r.cells.get(k).is_some_and(|c| is_tick(&c.text));
        let first = r.cells.iter().find(|c| !c.text.trim().is_empty());
        let Some(first) = first else { continue };
        let line = first.text.trim().to_string();
        match (ticked(ja), ticked(nej)) {
            (true, false) | (false, true) => {}
            (false, false) => out.push(Finding::at(first.span).arg("line", line)),
            (true, true) => out.push(Finding::at(first.span).variant("both").arg("line", line)),
        }
    }
}

pub fn check(ctx: &Ctx, p: &Params) -> Vec<Finding> {
    let mut out = Vec::new();
    for b in ctx.doc.all_blocks() {
        if let Block::Table(t) = b {
            check_table(t, p, &mut out);
        }
    }
    for s in &ctx.doc.sections {
        if !p.table.is_match(&s.heading.text) {
            continue;
        }
        for b in &s.blocks {
            let Block::List { items, .. } = b else {
                continue;
            };
            for it in items {
                let wanted = p.row.as_ref().is_none_or(|re| re.is_match(&it.text));
                if wanted && it.checked == Some(false) {
                    out.push(Finding::at(it.text_span).arg("line", it.text.clone()));
                }
            }
        }
    }
    out.sort_by_key(|f| f.span.start);
    out
}
