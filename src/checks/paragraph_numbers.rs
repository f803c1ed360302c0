//! `paragraph-numbers`: the `§` numbers are unique, consecutive and match
//! the header.
//!
//! **What it does.** Reads the `§` items in document order. A number seen
//! before is reported (variant `duplicate`); a number that does not follow
//! the one before it is reported with `{previous}`. When the header states
//! the items covered (`Paragrafer: 8–9`, `Paragrafer 8-9, 11`, `§§ 8–9`, see
//! `key`), the numbers present must be exactly those (variant `range`).
//!
//! **Why.** Each decision is cited by its `§` number; the numbering runs on
//! through the year, and the header tells the reader which items the
//! minutes hold. A gap or a repeated number makes a decision impossible to
//! cite without doubt.

use super::minutes::{header_lines, items};
use super::{Ctx, Finding};
use crate::pattern::Pattern as LazyRegex;
use crate::profile::schema::Pattern;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::sync::LazyLock;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// A header line stating the items covered; numbers are read after the match.
    pub key: Pattern,
}

/// A range longer than this in the header is not taken literally.
const MAX_RANGE: u32 = 1000;

static NUMBER_OR_RANGE: LazyLock<LazyRegex> =
    LazyLock::new(|| LazyRegex::lazy(r"(\d{1,6})(?:\s*[-–—]\s*(\d{1,6}))?"));

/// `8–9` → {8, 9}; `8-9, 11` → {8, 9, 11}; `§§ 12 och 14` → {12, 14}.
pub fn parse_range(value: &str) -> BTreeSet<u32> {
    let mut out = BTreeSet::new();
    let Some(re) = NUMBER_OR_RANGE.re() else {
        return out;
    };
    for c in re.captures_iter(value) {
        let Some(a) = c.get(1).and_then(|m| m.as_str().parse::<u32>().ok()) else {
            continue;
        };
        let b = c.get(2).and_then(|m| m.as_str().parse::<u32>().ok());
        match b {
            Some(b) if b >= a && b - a <= MAX_RANGE => out.extend(a..=b),
            Some(b) => {
                out.insert(a);
                out.insert(b);
            }
            None => {
                out.insert(a);
            }
        }
    }
    out
}

/// `{8, 9, 11}` → `8–9, 11`.
fn describe(set: &BTreeSet<u32>) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut run: Option<(u32, u32)> = None;
    for &n in set {
        run = match run {
            Some((a, b)) if b.checked_add(1) == Some(n) => Some((a, n)),
            Some((a, b)) => {
                parts.push(span_text(a, b));
                Some((n, n))
            }
            None => Some((n, n)),
        };
    }
    if let Some((a, b)) = run {
        parts.push(span_text(a, b));
    }
    parts.join(", ")
}

fn span_text(a: u32, b: u32) -> String {
    if a == b {
        a.to_string()
    } else {
        format!("{a}–{b}")
    }
}

pub fn check(ctx: &Ctx, p: &Params) -> Vec<Finding> {
    let items = items(ctx.doc);
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    let mut previous: Option<u32> = None;
    for it in &items {
        if !seen.insert(it.number) {
            out.push(
                Finding::at(it.span)
                    .variant("duplicate")
                    .arg("number", it.number.to_string()),
            );
        } else if let Some(prev) = previous {
            if prev.checked_add(1) != Some(it.number) {
                out.push(
                    Finding::at(it.span)
                        .arg("number", it.number.to_string())
                        .arg("previous", prev.to_string()),
                );
            }
        }
        previous = Some(it.number);
    }
    if items.is_empty() {
        return out;
    }
    for (span, line) in header_lines(ctx) {
        let Some(m) = p.key.find(line) else {
            continue;
        };
        let stated = parse_range(line.get(m.end()..).unwrap_or(""));
        if stated.is_empty() {
            continue;
        }
        if stated != seen {
            out.push(
                Finding::at(span)
                    .variant("range")
                    .arg("header", describe(&stated))
                    .arg("found", describe(&seen)),
            );
        }
        break;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(v: &[u32]) -> BTreeSet<u32> {
        v.iter().copied().collect()
    }

    #[test]
    fn header_ranges() {
        assert_eq!(parse_range(" 8-9"), set(&[8, 9]));
        assert_eq!(parse_range(": 8–9"), set(&[8, 9]));
        assert_eq!(parse_range(" §§ 12 — 14"), set(&[12, 13, 14]));
        assert_eq!(parse_range(" 8-9, 11"), set(&[8, 9, 11]));
        assert_eq!(parse_range(" 12 och 14"), set(&[12, 14]));
        assert_eq!(parse_range(" 7"), set(&[7]));
        assert_eq!(parse_range(" 9-8"), set(&[8, 9]));
        assert_eq!(parse_range(" 1-999999").len(), 2);
        assert!(parse_range(" inga").is_empty());
        assert!(parse_range("").is_empty());
    }

    #[test]
    fn descriptions() {
        assert_eq!(describe(&set(&[8, 9, 11])), "8–9, 11");
        assert_eq!(describe(&set(&[3])), "3");
        assert_eq!(describe(&set(&[])), "");
        assert_eq!(
            describe(&set(&[u32::MAX - 1, u32::MAX])),
            format!("{}–{}", u32::MAX - 1, u32::MAX)
        );
    }
}
