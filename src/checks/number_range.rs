//! `number-range`: a range of numbers is written with an en dash
//! (`2024–2027`, `2–3 stycken`), not a hyphen.
//!
//! **What it does.** Reports `A-B` where A and B are whole numbers of one to
//! four digits without leading zeros, B is greater than A, B has at most
//! one digit more than A (`2-314` is a room, not a range), and a four-digit
//! number is joined only to another four-digit number (so `2024-11` stays a
//! year and month). The fix replaces the hyphen with `–`. Skipped:
//! - numbers glued to more of a token (`RS/2024-2027`, `1.2-3`, `1-2-3`,
//!   `2024-2027a`);
//! - identifiers of every kind (`RUN 62-2024`, `090-785 00 00`,
//!   `EN 50126-1`, ISO dates) — see [`super::identifiers`];
//! - front matter, comments and Markdown code.
//!
//! **Why.** Myndigheternas skrivregler: a range ("från och med – till och
//! med") is written with an en dash without spaces, `2024–2027`; the hyphen
//! joins words.

use super::identifiers::IdentifierKind;
use super::mask::Mask;
use super::{Ctx, Finding};
use crate::diagnostic::Fix;
use crate::model::Span;
use serde::Deserialize;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Params {}

const CONNECTORS: [char; 7] = ['-', '–', '/', '.', ':', ',', '+'];

/// A number that may be one end of a range: 1–4 digits, no leading zero.
fn number(s: &str) -> Option<u32> {
    let ok = (1..=4).contains(&s.len())
        && s.bytes().all(|b| b.is_ascii_digit())
        && (s.len() == 1 || !s.starts_with('0'));
    ok.then(|| s.parse().ok()).flatten()
}

/// Whether `a-b` at `start..end` stands alone: not part of a longer token.
fn stands_alone(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || CONNECTORS.contains(&c)) {
        return false;
    }
    let mut after = text.get(end..).unwrap_or("").chars();
    match after.next() {
        Some(c) if c.is_alphanumeric() || c == '_' => false,
        Some(c) if CONNECTORS.contains(&c) => !after.next().is_some_and(|d| d.is_ascii_digit()),
        _ => true,
    }
}

/// Finds the ranges; `(whole span, byte offset of the hyphen)`.
pub fn hyphen_ranges(text: &str) -> Vec<(Span, usize)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(digit) = crate::chars::next_digit(bytes, i) {
        i = digit;
        let digits = |from: usize| {
            bytes
                .iter()
                .skip(from)
                .take_while(|b| b.is_ascii_digit())
                .count()
        };
        let left = digits(i);
        let dash = i + left;
        if bytes.get(dash) == Some(&b'-') {
            let right = digits(dash + 1);
            let end = dash + 1 + right;
            let a = text.get(i..dash).and_then(number);
            let b = text.get(dash + 1..end).and_then(number);
            if let (Some(a), Some(b)) = (a, b) {
                // `2024-11` is a month and `2-314` a room number, not ranges.
                let years_ok = (left == 4) == (right == 4);
                let similar = right <= left + 1;
                if years_ok && similar && b > a && stands_alone(text, i, end) {
                    out.push((Span::new(i, end), dash));
                }
            }
        }
        i = dash.max(i + 1);
    }
    out
}

pub fn check(ctx: &Ctx, _p: &Params) -> Vec<Finding> {
    let mask = Mask::new(ctx, &IdentifierKind::ALL);
    hyphen_ranges(ctx.text)
        .into_iter()
        .filter(|(span, _)| !mask.covers(*span))
        .map(|(span, dash)| {
            let text = ctx.text.get(span.start..span.end).unwrap_or("");
            let mut f = Finding::at(span)
                .arg("text", text)
                .arg("replacement", text.replacen('-', "–", 1));
            f.fix = Some(Fix {
                span: Span::new(dash, dash + 1),
                replacement: "–".to_string(),
            });
            f
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranges(t: &str) -> Vec<&str> {
        hyphen_ranges(t)
            .into_iter()
            .map(|(s, _)| &t[s.start..s.end])
            .collect()
    }

    #[test]
    fn year_and_number_ranges() {
        assert_eq!(ranges("perioden 2024-2027."), ["2024-2027"]);
        assert_eq!(ranges("max 2-3 stycken, 0-5 år"), ["2-3", "0-5"]);
        assert_eq!(ranges("2–3-åringar: 2-3-åringar"), ["2-3"]);
    }

    #[test]
    fn not_ranges() {
        let none = [
            "2024-11",
            "2024-11-22",
            "RS/2024-2027",
            "1.2-3",
            "1-2-3",
            "5-3",
            "090-785",
            "2024-2027a",
            "s2-3",
            "2024-25",
            "780101-8917",
            "12-2024",
            "1-1",
            "rum 2-314",
        ];
        for t in none {
            assert!(ranges(t).is_empty(), "{t}: {:?}", ranges(t));
        }
    }
}
