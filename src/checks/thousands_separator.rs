//! `thousands-separator`: large numbers are grouped with a space
//! (`2 500`, `1 250 000`), not with a dot or a comma.
//!
//! **What it does.** Reads numbers written as one to three digits followed
//! by groups of exactly three digits joined by the same character, and
//! reports
//! - dot groups, one or more: `2.500`, `1.250.000` (a dot is never a
//!   decimal sign in Swedish, so these read as thousands);
//! - comma groups, two or more: `1,250,000` (no decimal number has two
//!   commas);
//! - one comma group only when a word from `comma_units` follows
//!   (`2,500 kronor`, `2,500 invånare`): elsewhere `2,500` is a Swedish
//!   decimal number with three decimals (`2,500 km`), so it is left alone.
//!
//! A number starting with `0` (`0,125`) is a decimal. Numbers glued to a
//! longer token (`21.12.2023`, `1.250.000,50`, `v2.500`) and identifiers
//! (versions, law references, case numbers …), front matter, comments and
//! Markdown code are skipped. No fix: the space should be a no-break space,
//! which the writer chooses.
//!
//! **Why.** Myndigheternas skrivregler: numbers of five digits or more are
//! split into groups of three with a space; a dot or comma misleads, since
//! the comma is the Swedish decimal sign.

use super::identifiers::IdentifierKind;
use super::mask::Mask;
use super::{Ctx, Finding};
use crate::model::Span;
use serde::Deserialize;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Words after `2,500` that make it a count or an amount, not a decimal.
    #[serde(default)]
    pub comma_units: Vec<String>,
}

/// A grouped number at `start..end` and the grouping character.
struct Grouped {
    span: Span,
    sep: char,
    groups: usize,
}

/// Numbers of the form `d{1,3}([.,]ddd)+` that stand alone.
fn grouped_numbers(text: &str) -> Vec<Grouped> {
    let bytes = text.as_bytes();
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let run = |from: usize| {
        bytes
            .iter()
            .skip(from)
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    // A dot or comma between digits at `at`.
    let joined = |at: usize| matches!(bytes.get(at), Some(b'.' | b',')) && digit(at + 1);
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(next) = crate::chars::next_digit(bytes, i) {
        i = next;
        // Only where a number starts, not inside one.
        if i > 0 && digit(i - 1) {
            i += 1;
            continue;
        }
        // The whole token: digits joined by single dots or commas.
        let mut end = i + run(i);
        // Most numbers have no dot or comma inside: nothing to collect.
        if !joined(end) {
            i = end.max(i + 1);
            continue;
        }
        let mut seps = Vec::new();
        let mut lens = vec![end - i];
        while joined(end) {
            seps.push(bytes.get(end).copied().unwrap_or(b'.'));
            let n = run(end + 1);
            lens.push(n);
            end += 1 + n;
        }
        let first_ok =
            (1..=3).contains(&lens.first().copied().unwrap_or(0)) && bytes.get(i) != Some(&b'0');
        let same_sep = seps.windows(2).all(|w| w.first() == w.get(1));
        let groups_ok = lens.iter().skip(1).all(|&n| n == 3);
        if first_ok && same_sep && groups_ok && stands_alone(text, i, end) {
            out.push(Grouped {
                span: Span::new(i, end),
                sep: char::from(seps.first().copied().unwrap_or(b'.')),
                groups: seps.len(),
            });
        }
        i = end.max(i + 1);
    }
    out
}

fn stands_alone(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let glued = |c: char| c.is_alphanumeric() || matches!(c, '_' | '.' | ',' | '/' | ':' | '-');
    !before.is_some_and(glued)
        && !text
            .get(end..)
            .and_then(|s| s.chars().next())
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// The word after a number, lower-cased (`2,500 kronor` → `kronor`).
fn next_word(text: &str, end: usize) -> String {
    text.get(end..)
        .unwrap_or("")
        .trim_start_matches([' ', '\u{a0}', '\t'])
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase()
}

pub fn check(ctx: &Ctx, p: &Params) -> Vec<Finding> {
    let mask = Mask::new(ctx, &IdentifierKind::ALL);
    grouped_numbers(ctx.text)
        .into_iter()
        .filter(|g| match g.sep {
            '.' => true,
            _ => g.groups >= 2 || p.comma_units.contains(&next_word(ctx.text, g.span.end)),
        })
        .filter(|g| !mask.covers(g.span))
        .map(|g| {
            let text = ctx.text.get(g.span.start..g.span.end).unwrap_or("");
            Finding::at(g.span)
                .arg("text", text)
                .arg("replacement", text.replace(g.sep, " "))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(t: &str) -> Vec<&str> {
        grouped_numbers(t)
            .into_iter()
            .map(|g| &t[g.span.start..g.span.end])
            .collect()
    }

    #[test]
    fn grouped() {
        assert_eq!(found("kostar 2.500 kr"), ["2.500"]);
        assert_eq!(
            found("1.250.000 och 1,250,000."),
            ["1.250.000", "1,250,000"]
        );
        assert_eq!(found("2,500 kronor"), ["2,500"]);
    }

    #[test]
    fn not_grouped() {
        for t in [
            "2,5",
            "3.0",
            "0,125",
            "21.12.2023",
            "1.250.000,50",
            "v2.500",
            "1.2.3",
            "12345",
            "2.50",
            "1.2345",
            "10.000a",
            "1,234.567",
        ] {
            assert!(found(t).is_empty(), "{t}: {:?}", found(t));
        }
    }
}
