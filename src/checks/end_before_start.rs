//! `end-before-start`: no phase or activity ends before it starts.
//!
//! **What it does.** Every table row with a start and an end date column
//! (Tidplan `Start`/`Slut`, Delaktiviteter `Startdatum`/`Slutdatum`) whose
//! end date is before its start date is reported at the end date, with the
//! start date as a label. Dates without a year are not compared.
//!
//! **Why.** An end before the start is a typing error (often the year); the
//! plan cannot be followed up against it.

use super::milestone_order::show;
use super::{Ctx, Finding};
use serde::Deserialize;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Params {}

pub fn check(ctx: &Ctx, _p: &Params) -> Vec<Finding> {
    ctx.schedule()
        .phases
        .iter()
        .filter(|ph| matches!((ph.start.date, ph.end.date), (Some(s), Some(e)) if e < s))
        .map(|ph| {
            Finding::at(ph.end.span)
                .arg("name", ph.name.clone())
                .arg("start", show(ctx, &ph.start))
                .arg("end", show(ctx, &ph.end))
                .label(ph.start.span, ctx.tr("start", "start"))
        })
        .collect()
}
