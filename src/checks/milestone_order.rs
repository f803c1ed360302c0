//! `milestone-order`: decision points and milestones in chronological order.
//!
//! **What it does.** Within each table (Tidplan, Milstolpar) the dated
//! points are read in the order they are listed; a point out of step with
//! the others is reported: the rows outside the longest chronological run
//! (so one wrong date gives one finding), with the neighbouring row as a
//! label (variant `later` when it is dated too late for its place).
//! Decision points must also follow their numbers: a `BPn` dated after a
//! `BPm` with a higher number in the same table is reported (variant
//! `number`). Each point is reported once.
//!
//! **Why.** The model's decision points follow each other (BP0 before BP1 …);
//! a point out of order is usually a typing error in a date, and the plan
//! cannot be followed up against it.

use super::{Ctx, Finding};
use crate::model::Span;
use crate::schedule::{Dated, Occurrence};
use serde::Deserialize;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Params {}

pub(super) fn show(ctx: &Ctx, d: &Dated) -> String {
    let written = match ctx.lang {
        crate::Lang::Sv => d.mention.written_sv(),
        crate::Lang::En => d.mention.iso(),
    };
    written.unwrap_or_else(|| {
        ctx.text
            .get(d.span.start..d.span.end)
            .unwrap_or("")
            .to_string()
    })
}

fn bp_number(id: &str) -> Option<u32> {
    id.strip_prefix("BP")?.parse().ok()
}

/// Marks the members of a longest non-decreasing subsequence (the rows
/// that are in order; the others are the ones to move).
fn longest_ordered<T: PartialOrd>(v: &[T]) -> Vec<bool> {
    let n = v.len();
    let mut len = vec![1usize; n];
    let mut prev: Vec<Option<usize>> = vec![None; n];
    for i in 0..n {
        for j in 0..i {
            if v[j] <= v[i] && len[j] + 1 > len[i] {
                len[i] = len[j] + 1;
                prev[i] = Some(j);
            }
        }
    }
    let mut keep = vec![false; n];
    let mut cur = (0..n).max_by_key(|&i| (len[i], std::cmp::Reverse(i)));
    while let Some(i) = cur {
        keep[i] = true;
        cur = prev[i];
    }
    keep
}

pub fn check(ctx: &Ctx, _p: &Params) -> Vec<Finding> {
    let schedule = ctx.schedule();
    let mut tables: Vec<Span> = schedule.points.iter().filter_map(|o| o.table).collect();
    tables.dedup();
    let mut out = Vec::new();
    for table in tables {
        let rows: Vec<(&Occurrence, &Dated)> = schedule
            .points
            .iter()
            .filter(|o| o.table == Some(table))
            .filter_map(|o| o.first().filter(|d| d.date.is_some()).map(|d| (o, d)))
            .collect();
        let dates: Vec<_> = rows.iter().map(|(_, d)| d.date).collect();
        let keep = longest_ordered(&dates);
        let mut reported = vec![false; rows.len()];
        // Listed order: the rows outside the longest chronological run.
        for (k, (o, d)) in rows.iter().enumerate() {
            if keep[k] {
                continue;
            }
            // Too late for its place: the next kept row is earlier.
            let later = (k + 1..rows.len()).find(|&j| keep[j] && rows[j].1.date < d.date);
            let earlier = (0..k).rev().find(|&j| keep[j] && rows[j].1.date > d.date);
            let (variant, j) = match (later, earlier) {
                (Some(j), _) => (Some("later"), j),
                (None, Some(j)) => (None, j),
                (None, None) => continue,
            };
            let (lo, ld) = rows[j];
            reported[k] = true;
            let mut f = Finding::at(d.span)
                .arg("id", o.id.clone())
                .arg("date", show(ctx, d))
                .arg("other", lo.id.clone())
                .arg("other_date", show(ctx, ld))
                .label(ld.span, format!("{} {}", lo.id, show(ctx, ld)));
            if let Some(v) = variant {
                f = f.variant(v);
            }
            out.push(f);
        }
        // Decision point numbers.
        for (k, (o, d)) in rows.iter().enumerate() {
            let Some(n) = bp_number(&o.id) else { continue };
            if reported[k] {
                continue;
            }
            let later_number_earlier_date = rows
                .iter()
                .find(|(o2, d2)| bp_number(&o2.id).is_some_and(|m| m > n) && d2.date < d.date);
            if let Some((o2, d2)) = later_number_earlier_date {
                reported[k] = true;
                out.push(
                    Finding::at(d.span)
                        .variant("number")
                        .arg("id", o.id.clone())
                        .arg("date", show(ctx, d))
                        .arg("other", o2.id.clone())
                        .arg("other_date", show(ctx, d2))
                        .label(d2.span, format!("{} {}", o2.id, show(ctx, d2))),
                );
            }
        }
    }
    out
}
