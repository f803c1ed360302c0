//! `invalid-date`: no date that cannot exist.
//!
//! **What it does.** Reports every date mention (in any of the forms the
//! date scanner reads: `2024-02-30`, `31/4-2024`, `30 februari 2024` …)
//! whose day does not exist in its month, with the reason: the month's
//! number of days, or that the year is not a leap year (`2023-02-29`).
//! Dates inside `<!-- -->` comments are skipped; front matter is checked.
//!
//! **Why.** An impossible date is a typing error in a deadline, a decision
//! date or a milestone, and nobody can tell which date was meant.

use super::{Ctx, Finding};
use crate::dates::MONTHS_SV;
use crate::model::Span;
use serde::Deserialize;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Params {}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(month: u8, year: Option<i16>) -> u8 {
    match month {
        2 => match year {
            Some(y) if !is_leap(i32::from(y)) => 28,
            _ => 29,
        },
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

pub fn check(ctx: &Ctx, _p: &Params) -> Vec<Finding> {
    let comments = ctx.doc.comment_spans();
    let mut out = Vec::new();
    for m in ctx.dates() {
        // Comments are in order and disjoint: the last one starting at or
        // before the date is the only one that can hold it.
        let before = comments.partition_point(|c| c.start <= m.start);
        let in_comment = before
            .checked_sub(1)
            .and_then(|i| comments.get(i))
            .is_some_and(|c| m.end <= c.end);
        if m.valid || in_comment {
            continue;
        }
        let date = ctx.text.get(m.start..m.end).unwrap_or("").to_string();
        let idx = usize::from(m.month).wrapping_sub(1);
        let reason = match (MONTHS_SV.get(idx), MONTHS_EN.get(idx), m.day) {
            (Some(_), Some(_), Some(29)) if m.month == 2 && m.year.is_some() => {
                let y = m.year.map(|y| y.to_string()).unwrap_or_default();
                ctx.tr("{y} är inte skottår", "{y} is not a leap year")
                    .replace("{y}", &y)
            }
            (Some(sv), Some(en), _) => {
                let n = days_in_month(m.month, m.year).to_string();
                ctx.tr("{m} har {n} dagar", "{m} has {n} days")
                    .replace("{m}", ctx.tr(sv, en))
                    .replace("{n}", &n)
            }
            _ => ctx
                .tr("månaden finns inte", "the month does not exist")
                .to_string(),
        };
        out.push(
            Finding::at(Span::new(m.start, m.end))
                .arg("date", date)
                .arg("reason", reason),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_lengths() {
        assert_eq!(days_in_month(2, Some(2023)), 28);
        assert_eq!(days_in_month(2, Some(2024)), 29);
        assert_eq!(days_in_month(2, Some(1900)), 28);
        assert_eq!(days_in_month(2, None), 29);
        assert_eq!(days_in_month(4, Some(2024)), 30);
        assert_eq!(days_in_month(12, Some(2024)), 31);
    }
}
