//! `justering-delay`: the minutes are justerade too long after the meeting.
//!
//! **What it does.** Only for full minutes (see `minutes`). The meeting
//! date is the first date with a year on a header line matching `meeting`
//! (`Datum: 2025-03-11`, `Tid: tisdag 11 mars 2025 kl. 13.00`); the
//! justering date is the first such date on a line matching `justering`
//! (`Justeringsdatum: 2025-03-18`). When the justering comes more than
//! `max_days` days after the meeting, the justering date is reported, with
//! the meeting date as a label.
//!
//! **Why.** Kommunallagen 5 kap. 69 §: the minutes are to be justerade and
//! available no later than 14 days after the meeting. The time to appeal a
//! decision runs from the announcement of the justering.

use super::minutes::{header_lines, is_full_minutes, lines_in};
use super::{Ctx, Finding};
use crate::dates::{scan_dates, ScanOptions};
use crate::model::Span;
use crate::profile::schema::Pattern;
use jiff::civil::Date;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    pub meeting: Pattern,
    pub justering: Pattern,
    #[serde(default = "default_days")]
    pub max_days: i32,
}

fn default_days() -> i32 {
    14
}

/// The first complete date on a line, with its absolute span.
fn first_date(line: &str, at: usize) -> Option<(Date, Span)> {
    scan_dates(line, &ScanOptions::default())
        .into_iter()
        .find_map(|m| {
            m.to_civil()
                .map(|d| (d, Span::new(at + m.start, at + m.end)))
        })
}

pub fn check(ctx: &Ctx, p: &Params) -> Vec<Finding> {
    if !is_full_minutes(ctx) {
        return Vec::new();
    }
    let is_justering = |l: &str| p.justering.is_match(l);
    let meeting = header_lines(ctx)
        .into_iter()
        .filter(|(_, l)| p.meeting.is_match(l) && !is_justering(l))
        .find_map(|(sp, l)| first_date(l, sp.start));
    let Some((meeting, meeting_span)) = meeting else {
        return Vec::new();
    };
    let justering = lines_in(ctx.text, 0, ctx.text.len())
        .into_iter()
        .filter(|(_, l)| is_justering(l))
        .find_map(|(sp, l)| first_date(l, sp.start));
    let Some((justering, justering_span)) = justering else {
        return Vec::new();
    };
    let Ok(span) = meeting.until(justering) else {
        return Vec::new();
    };
    let days = span.get_days();
    if days <= p.max_days {
        return Vec::new();
    }
    vec![Finding::at(justering_span)
        .arg("days", days.to_string())
        .arg("max", p.max_days.to_string())
        .label(meeting_span, ctx.tr("sammanträdet", "the meeting"))]
}
