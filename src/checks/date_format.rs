//! `date-format`: dates in the forms Myndigheternas skrivregler recommends.
//!
//! **What it does.** Reads every date with the Swedish date scanner
//! ([`crate::dates`]) and, by `report`:
//! - `other-form`: reports dates with a four-digit year written in another
//!   form than `2023-12-21` or `21 december 2023`: `21/12-2023`,
//!   `20/10 2024`, `2023.12.21`, `21.12.2023`. The fix is the ISO form
//!   (`2023-12-21`), which keeps the date short in tables and sorts right.
//!   A range whose start has no year of its own (`1/1–31/3-2024`) is one
//!   finding, fixed to `2024-01-01–2024-03-31`. Dates that cannot exist
//!   (`31/4-2024`) are left to `invalid-date`, since no fix is right.
//! - `two-digit-year`: reports dates with a two-digit year (`30/6-24`,
//!   `23-12-21`), without a fix: the century is a guess. The message gives
//!   the reading the scanner made (`2024-06-30`) for the writer to confirm.
//!
//! ISO dates, written dates, front matter, comments, Markdown code and
//! identifiers (diarienummer, law references, versions, phone numbers) are
//! never reported.
//!
//! **Why.** `21/12-2023` is read differently in different countries, and a
//! two-digit year is ambiguous. The skrivregler recommend `21 december 2023`
//! in running text and `2023-12-21` where space is short.

use super::identifiers::IdentifierKind;
use super::mask::Mask;
use super::{Ctx, Finding};
use crate::dates::{DateForm, DateMention};
use crate::diagnostic::Fix;
use crate::model::Span;
use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Report {
    OtherForm,
    TwoDigitYear,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    pub report: Report,
}

/// The forms the skrivregler advise against (with any year).
fn other_form(m: &DateMention) -> bool {
    matches!(
        m.form,
        DateForm::SlashDash | DateForm::SlashSpace | DateForm::Dotted | DateForm::TwoDigitIso
    )
}

fn wanted(m: &DateMention, report: Report) -> bool {
    match report {
        Report::OtherForm => other_form(m) && !m.two_digit_year && m.valid,
        Report::TwoDigitYear => m.two_digit_year,
    }
}

/// A date finding with the quoted text and both recommended forms.
fn finding(ctx: &Ctx, span: Span, iso: Option<String>, written: Option<String>) -> Finding {
    let text = ctx.text.get(span.start..span.end).unwrap_or("");
    Finding::at(span)
        .arg("date", text)
        .arg("iso", iso.unwrap_or_default())
        .arg("written", written.unwrap_or_default())
}

fn with_fix(mut f: Finding, span: Span, iso: Option<String>, report: Report) -> Finding {
    if report == Report::OtherForm {
        f.fix = iso.map(|replacement| Fix { span, replacement });
    }
    f
}

pub fn check(ctx: &Ctx, p: &Params) -> Vec<Finding> {
    let mask = Mask::new(ctx, &IdentifierKind::ALL);
    let mentions = ctx.dates();
    let mut out = Vec::new();
    // Ranges whose start borrows the end's year: one finding for the whole range.
    let mut taken: Vec<Span> = Vec::new();
    for r in ctx.ranges() {
        let span = Span::new(r.span.0, r.span.1);
        // Mentions and ranges are in text order: a binary search, not a scan
        // per range.
        let first = mentions.partition_point(|m| m.start < span.start);
        let start_alone = mentions.get(first).is_some_and(|m| m.start == span.start);
        if start_alone || !other_form(&r.end) || mask.covers(span) {
            continue;
        }
        taken.push(span);
        if !(wanted(&r.end, p.report) && (r.start.valid || p.report == Report::TwoDigitYear)) {
            continue;
        }
        let iso = r
            .start
            .iso()
            .zip(r.end.iso())
            .map(|(a, b)| format!("{a}–{b}"));
        let written = r
            .start
            .written_sv()
            .zip(r.end.written_sv())
            .map(|(a, b)| format!("{a} – {b}"));
        out.push(with_fix(
            finding(ctx, span, iso.clone(), written),
            span,
            iso,
            p.report,
        ));
    }
    for m in mentions {
        let span = Span::new(m.start, m.end);
        // `taken` is sorted and its ranges do not overlap: only the last one
        // starting at or before the mention can hold it.
        let before = taken.partition_point(|t| t.start <= span.start);
        let in_range = before
            .checked_sub(1)
            .and_then(|i| taken.get(i))
            .is_some_and(|t| span.end <= t.end);
        if in_range || !wanted(m, p.report) || mask.covers(span) {
            continue;
        }
        let iso = m.iso();
        out.push(with_fix(
            finding(ctx, span, iso.clone(), m.written_sv()),
            span,
            iso,
            p.report,
        ));
    }
    out.sort_by_key(|f| f.span.start);
    out
}
