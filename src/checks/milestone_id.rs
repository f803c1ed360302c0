//! `milestone-id`: decision point and milestone ids are well formed.
//!
//! **What it does.** In a document that uses decision points (it has at
//! least one well-formed `BP0`–`BP9` or `MS1`), reports ids written with the
//! letter O instead of zero (`BPO`, variant none), in lower or mixed case
//! (`Bp1`, variant `case`), with a space or hyphen (`BP 1`, `BP-3`, variant
//! `space`) — each
//! with the corrected id as a fix — decision points above the model's last
//! (`BP5` when `max_bp` is 4, variant `range`), and cells of a
//! `Beslutspunkt`/`Milstolpe` column that hold no id (variant `unknown`).
//! Comments are skipped.
//!
//! **Why.** An id that does not match the model's (`BPO` for `BP0`) cannot
//! be found by search or tied to its decision; the model has BP0–BP4.

use super::{Ctx, Finding};
use crate::diagnostic::Fix;
use crate::model::{Block, Span};
use crate::pattern::Pattern as LazyRegex;
use crate::schedule::id_re;
use regex::Regex;
use serde::Deserialize;
use std::sync::LazyLock;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// The highest decision point number of the model.
    #[serde(default = "default_max_bp")]
    pub max_bp: u32,
}

fn default_max_bp() -> u32 {
    4
}

fn candidate_re() -> Option<&'static Regex> {
    static RE: LazyLock<LazyRegex> = LazyLock::new(|| {
        LazyRegex::lazy(r"\b((?i:bp|ms))( ?|-)([0-9O]{1,2})((?:-[0-9O]{1,2})?)\b")
    });
    RE.re()
}

fn in_comment(comments: &[Span], at: usize) -> bool {
    comments.iter().any(|c| c.start <= at && at < c.end)
}

pub fn check(ctx: &Ctx, p: &Params) -> Vec<Finding> {
    let (Some(good), Some(cand)) = (id_re(), candidate_re()) else {
        return Vec::new();
    };
    if !good.is_match(ctx.text) {
        return Vec::new();
    }
    let comments = ctx.doc.comment_spans();
    let mut out = Vec::new();
    for c in cand.captures_iter(ctx.text) {
        let (Some(all), Some(prefix), Some(space), Some(num), Some(tail)) =
            (c.get(0), c.get(1), c.get(2), c.get(3), c.get(4))
        else {
            continue;
        };
        if in_comment(&comments, all.start()) {
            continue;
        }
        let fixed = format!(
            "{}{}{}",
            prefix.as_str().to_uppercase(),
            num.as_str().replace('O', "0"),
            tail.as_str().replace('O', "0")
        );
        let variant = if num.as_str().contains('O') || tail.as_str().contains('O') {
            None
        } else if prefix.as_str() != prefix.as_str().to_uppercase() {
            Some("case")
        } else if !space.as_str().is_empty() {
            Some("space")
        } else {
            let n: u32 = num.as_str().parse().unwrap_or(0);
            if prefix.as_str() == "BP" && n > p.max_bp {
                out.push(
                    Finding::at(Span::new(all.start(), all.end()))
                        .variant("range")
                        .arg("id", all.as_str())
                        .arg("max", format!("BP{}", p.max_bp)),
                );
            }
            continue;
        };
        let span = Span::new(all.start(), all.end());
        let mut f = Finding::at(span)
            .arg("id", all.as_str())
            .arg("fixed", fixed.clone());
        if let Some(v) = variant {
            f = f.variant(v);
        }
        f.fix = Some(Fix {
            span,
            replacement: fixed,
        });
        out.push(f);
    }
    // Cells of an id column that hold no id at all.
    for b in ctx.doc.all_blocks() {
        let Block::Table(t) = b else { continue };
        let Some(col) = t.column(|h| {
            matches!(
                h.trim_end_matches(':').to_lowercase().as_str(),
                "beslutspunkt" | "milstolpe"
            )
        }) else {
            continue;
        };
        for row in t.body() {
            let Some(cell) = row.cells.get(col) else {
                continue;
            };
            let text = cell.text.trim();
            if !text.is_empty() && !cand.is_match(text) {
                out.push(
                    Finding::at(cell.span)
                        .variant("unknown")
                        .arg("id", text)
                        .arg("fixed", String::new()),
                );
            }
        }
    }
    out.sort_by_key(|f| f.span.start);
    out
}
