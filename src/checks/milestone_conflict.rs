//! `milestone-conflict`: one decision point, one date.
//!
//! **What it does.** Collects every dated mention of a decision point or
//! milestone (Tidplan, Milstolpar, running text) and reports an id whose
//! mentions disagree, once per id, with both places as labels. A single date
//! agrees with a start–end range when it lies within it (a Tidplan phase
//! `20/10–30/10` and a milestone on `20/10`). Mentions without a year are
//! not compared.
//!
//! **Why.** When Tidplan and Milstolpar give a point different dates, nobody
//! knows which one the decision holds; one of them is wrong.

use super::milestone_order::show;
use super::{Ctx, Finding};
use crate::schedule::Occurrence;
use jiff::civil::Date;
use serde::Deserialize;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Params {}

fn range(o: &Occurrence) -> Option<(Date, Date)> {
    let s = o.start.as_ref().and_then(|d| d.date);
    let e = o.end.as_ref().and_then(|d| d.date);
    match (s, e) {
        (Some(s), Some(e)) => Some((s.min(e), s.max(e))),
        (Some(d), None) | (None, Some(d)) => Some((d, d)),
        (None, None) => None,
    }
}

fn agree(a: (Date, Date), b: (Date, Date)) -> bool {
    let single = |r: (Date, Date)| r.0 == r.1;
    match (single(a), single(b)) {
        (true, true) | (false, false) => a == b,
        (true, false) => a.0 >= b.0 && a.0 <= b.1,
        (false, true) => b.0 >= a.0 && b.0 <= a.1,
    }
}

fn describe(ctx: &Ctx, o: &Occurrence) -> String {
    let dates = match (&o.start, &o.end) {
        (Some(s), Some(e)) if s.date != e.date => format!("{}–{}", show(ctx, s), show(ctx, e)),
        (Some(d), _) | (None, Some(d)) => show(ctx, d),
        (None, None) => String::new(),
    };
    let place = if o.place == "text" {
        ctx.tr("löptext", "running text").to_string()
    } else {
        o.place.clone()
    };
    format!("{place}: {} {dates}", o.id)
}

pub fn check(ctx: &Ctx, _p: &Params) -> Vec<Finding> {
    let schedule = ctx.schedule();
    let mut out = Vec::new();
    let mut done: Vec<&str> = Vec::new();
    for (k, a) in schedule.points.iter().enumerate() {
        if done.contains(&a.id.as_str()) {
            continue;
        }
        let Some(ra) = range(a) else { continue };
        let conflict = schedule.points[k + 1..]
            .iter()
            .filter(|b| b.id == a.id)
            .find(|b| range(b).is_some_and(|rb| !agree(ra, rb)));
        let (Some(b), Some(bd)) = (conflict, conflict.and_then(|b| b.first())) else {
            continue;
        };
        let Some(ad) = a.first() else { continue };
        done.push(a.id.as_str());
        out.push(
            Finding::at(bd.span)
                .arg("id", a.id.clone())
                .arg("first", describe(ctx, a))
                .arg("second", describe(ctx, b))
                .label(ad.span, describe(ctx, a))
                .label(bd.span, describe(ctx, b)),
        );
    }
    out
}
