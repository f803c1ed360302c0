//! `required-fields`: every activity states the required fields.
//!
//! **What it does.** In `section` and its subsections, activities are read
//! from tables (a header with at least two of the field columns, or an
//! `Aktivitet` column) and from subsections holding `Fält: värde` lines.
//! Reports a table that lacks a column (variant `column`), a row with empty
//! cells in required columns, a subsection that lacks a field, and — when no
//! activity states any field at all — the section (variant `none`).
//!
//! **Why.** The routine requires målgrupp, tidsplan, mätetal, ansvarig for
//! genomförande and kontaktperson for each activity, so that it can be
//! followed up.

use super::{Ctx, Finding};
use crate::model::{Block, Table};
use crate::profile::schema::Pattern;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    pub section: String,
    pub fields: Vec<NamedPattern>,
    /// Header of the column naming the activity.
    pub activity_column: Pattern,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamedPattern {
    pub name: String,
    pub pattern: Pattern,
}

pub fn check(ctx: &Ctx, p: &Params) -> Vec<Finding> {
    let Some(root) = ctx.section(&p.section) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut activities_seen = false;
    for i in ctx.doc.subtree(root) {
        let Some(s) = ctx.doc.sections.get(i) else {
            continue;
        };
        for b in &s.blocks {
            if let Block::Table(t) = b {
                if is_activity_table(t, p) {
                    activities_seen = true;
                    check_table(t, p, &mut out);
                }
            }
        }
        // A leaf subsection written as `Fält: värde` lines.
        let keys: Vec<&str> = s
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Field(f) if !f.value.trim().is_empty() => Some(f.key.as_str()),
                _ => None,
            })
            .collect();
        let named = p
            .fields
            .iter()
            .filter(|f| keys.iter().any(|k| f.pattern.is_match(k)))
            .count();
        if s.children.is_empty() && named > 0 {
            activities_seen = true;
            let missing: Vec<&str> = p
                .fields
                .iter()
                .filter(|f| !keys.iter().any(|k| f.pattern.is_match(k)))
                .map(|f| f.name.as_str())
                .collect();
            if !missing.is_empty() {
                out.push(
                    Finding::at(s.heading.span)
                        .arg("activity", s.heading.text.clone())
                        .arg("fields", missing.join(", ")),
                );
            }
        }
    }
    if !activities_seen {
        if let Some(s) = ctx.doc.sections.get(root) {
            let all: Vec<&str> = p.fields.iter().map(|f| f.name.as_str()).collect();
            out.push(
                Finding::at(s.heading.span)
                    .variant("none")
                    .arg("fields", all.join(", ")),
            );
        }
    }
    out
}

fn is_activity_table(t: &Table, p: &Params) -> bool {
    let Some(h) = t.header() else { return false };
    let hits = h
        .cells
        .iter()
        .filter(|c| p.fields.iter().any(|f| f.pattern.is_match(c.text.trim())))
        .count();
    hits >= 2 || t.column(|c| p.activity_column.is_match(c)).is_some()
}

fn check_table(t: &Table, p: &Params, out: &mut Vec<Finding>) {
    let Some(header) = t.header() else { return };
    let columns: Vec<(usize, &str)> = p
        .fields
        .iter()
        .filter_map(|f| {
            t.column(|c| f.pattern.is_match(c))
                .map(|i| (i, f.name.as_str()))
        })
        .collect();
    let missing: Vec<&str> = p
        .fields
        .iter()
        .filter(|f| t.column(|c| f.pattern.is_match(c)).is_none())
        .map(|f| f.name.as_str())
        .collect();
    if !missing.is_empty() {
        out.push(
            Finding::at(header.span)
                .variant("column")
                .arg("fields", missing.join(", ")),
        );
    }
    let name_col = t.column(|c| p.activity_column.is_match(c)).unwrap_or(0);
    for row in t.body() {
        let empty: Vec<&str> = columns
            .iter()
            .filter(|(i, _)| row.cells.get(*i).is_none_or(|c| c.text.trim().is_empty()))
            .map(|(_, name)| *name)
            .collect();
        if empty.is_empty() {
            continue;
        }
        let activity = row
            .cells
            .get(name_col)
            .map(|c| c.text.trim().to_string())
            .unwrap_or_default();
        out.push(
            Finding::at(row.span)
                .arg("activity", activity)
                .arg("fields", empty.join(", ")),
        );
    }
}
