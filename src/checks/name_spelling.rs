//! `name-spelling`: the same person's name is spelled in two ways.
//!
//! **What it does.** Collects names where they are sure to be names: before
//! party letters (`Anna Berg (S)`, see `parties`) and in the values of
//! fields whose key matches `fields` (`Ordförande: Anna Berg`, `Justerare:
//! Karl Ek, Eva Lund`). Two different names whose first and last names start
//! with the same letters, at most `max_distance` edits apart and with a
//! normalised similarity of at least `min_similarity`, are reported at the
//! later one, with both places labelled.
//!
//! **Why.** The minutes are a legal record of who took part and who
//! decided; `Anna Lindqvist` in the header and `Anna Lindkvist` in the
//! attendance list leaves it open whether they are one person.

use super::{Ctx, Finding};
use crate::model::Span;
use crate::pattern::Pattern as LazyRegex;
use crate::profile::schema::Pattern;
use regex::Regex;
use serde::Deserialize;
use std::sync::LazyLock;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Keys of fields whose values are names.
    pub fields: Pattern,
    /// Party letters written after a name.
    pub parties: Vec<String>,
    #[serde(default = "default_distance")]
    pub max_distance: usize,
    #[serde(default = "default_similarity")]
    pub min_similarity: f64,
    /// The name-before-party-letters regex, compiled on the first document
    /// and reused: compiling it per document cost more than the search.
    #[serde(skip)]
    party_regex: std::sync::OnceLock<Option<Regex>>,
}

fn default_distance() -> usize {
    2
}

fn default_similarity() -> f64 {
    0.8
}

/// Distinct spellings compared at most (pairs grow with the square).
const MAX_NAMES: usize = 400;

/// Two to four capitalised words, with hyphenated parts (`Ann-Marie`).
const NAME: &str =
    r"\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*(?:[ \t]+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*){1,3}";

static SEPARATOR: LazyLock<LazyRegex> = LazyLock::new(|| LazyRegex::lazy(r"[,;\t]|\s+och\s+"));

static LEADING_NAME: LazyLock<LazyRegex> =
    LazyLock::new(|| LazyRegex::lazy(format!(r"^\s*({NAME})\s*(?:\([^)\n]{{0,6}}\)\s*)?$")));

/// A name as written, with where.
#[derive(Debug, Clone)]
pub struct Mention {
    pub name: String,
    pub span: Span,
}

fn party_regex(parties: &[String]) -> Option<Regex> {
    if parties.is_empty() {
        return None;
    }
    let alts: Vec<String> = parties.iter().map(|p| regex::escape(p)).collect();
    Regex::new(&format!(r"({NAME})[ \t]*\((?:{})\)", alts.join("|"))).ok()
}

/// Names in `text`: before party letters and in matching fields.
fn mentions(ctx: &Ctx, p: &Params) -> Vec<Mention> {
    let mut out = Vec::new();
    if let Some(re) = p.party_regex.get_or_init(|| party_regex(&p.parties)) {
        for c in re.captures_iter(ctx.text) {
            if let Some(m) = c.get(1) {
                out.push(Mention {
                    name: m.as_str().to_string(),
                    span: Span::new(m.start(), m.end()),
                });
            }
        }
    }
    let Some(lead) = LEADING_NAME.re() else {
        return out;
    };
    for f in ctx.doc.fields().filter(|f| p.fields.is_match(f.key.trim())) {
        let base = f.value_span.start;
        let value = ctx
            .text
            .get(f.value_span.start..f.value_span.end)
            .unwrap_or("");
        for (offset, part) in pieces(value) {
            if let Some(m) = lead.captures(part).and_then(|c| c.get(1)) {
                let start = base + offset + m.start();
                out.push(Mention {
                    name: m.as_str().to_string(),
                    span: Span::new(start, start + m.len()),
                });
            }
        }
    }
    out.sort_by_key(|m| m.span.start);
    out
}

/// A field value split at commas, semicolons, tabs and `och`, with offsets.
fn pieces(value: &str) -> Vec<(usize, &str)> {
    let Some(sep) = SEPARATOR.re() else {
        return vec![(0, value)];
    };
    let mut out = Vec::new();
    let mut from = 0;
    for m in sep.find_iter(value) {
        out.push((from, value.get(from..m.start()).unwrap_or("")));
        from = m.end();
    }
    out.push((from, value.get(from..).unwrap_or("")));
    out
}

fn first_letter(word: Option<&str>) -> Option<String> {
    word.and_then(|w| w.chars().next())
        .map(|c| c.to_lowercase().collect())
}

/// Two spellings of one name: not equal, close, same initials.
pub fn similar(a: &str, b: &str, max_distance: usize, min_similarity: f64) -> bool {
    let (la, lb) = (a.to_lowercase(), b.to_lowercase());
    if la == lb {
        return false;
    }
    let split = |s: &str| {
        s.split([' ', '\t', '-'])
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let (wa, wb) = (split(&la), split(&lb));
    if wa.len() < 2 || wb.len() < 2 || (wa == wb && la.contains('-') == lb.contains('-')) {
        return false;
    }
    if first_letter(wa.first().map(String::as_str)) != first_letter(wb.first().map(String::as_str))
        || first_letter(wa.last().map(String::as_str))
            != first_letter(wb.last().map(String::as_str))
    {
        return false;
    }
    strsim::levenshtein(&la, &lb) <= max_distance
        && strsim::normalized_levenshtein(&la, &lb) >= min_similarity
}

pub fn check(ctx: &Ctx, p: &Params) -> Vec<Finding> {
    let all = mentions(ctx, p);
    // The first place each distinct spelling is written.
    let mut firsts: Vec<&Mention> = Vec::new();
    for m in &all {
        if firsts.len() >= MAX_NAMES {
            break;
        }
        if !firsts.iter().any(|f| f.name == m.name) {
            firsts.push(m);
        }
    }
    let mut out = Vec::new();
    for (j, later) in firsts.iter().enumerate() {
        let Some(earlier) = firsts
            .iter()
            .take(j)
            .find(|e| similar(&e.name, &later.name, p.max_distance, p.min_similarity))
        else {
            continue;
        };
        out.push(
            Finding::at(later.span)
                .arg("name", later.name.clone())
                .arg("other", earlier.name.clone())
                .label(
                    earlier.span,
                    format!("{} {}", ctx.tr("stavat", "spelled"), earlier.name),
                )
                .label(
                    later.span,
                    format!("{} {}", ctx.tr("stavat", "spelled"), later.name),
                ),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_names() {
        assert!(similar("Anna Lindqvist", "Anna Lindkvist", 2, 0.8));
        assert!(similar("Richard Carstedt", "Richard Carstedth", 2, 0.8));
        assert!(similar("Ann-Marie Sjöberg", "Ann-Mari Sjöberg", 2, 0.8));
        assert!(!similar("Anna Lindqvist", "Anna Lindqvist", 2, 0.8));
        assert!(!similar("Anna Lindqvist", "ANNA LINDQVIST", 2, 0.8));
        // Different surnames' initials: different people.
        assert!(!similar("Richard Carstedt", "Richard Karstedt", 2, 0.8));
        assert!(!similar("Erik Nilsson", "Eva Nilsson", 2, 0.8));
        assert!(!similar("Erik Nilsson", "Erik Olsson", 2, 0.8));
        assert!(!similar("Anna", "Anne", 2, 0.8));
        assert!(!similar("", "", 2, 0.8));
    }

    #[test]
    fn field_pieces() {
        assert_eq!(
            pieces("Anna Berg (S), Karl Ek (M) och Eva Lund"),
            vec![(0, "Anna Berg (S)"), (14, " Karl Ek (M)"), (31, "Eva Lund")]
        );
        assert_eq!(pieces(""), vec![(0, "")]);
    }

    #[test]
    fn leading_names() {
        let re = LEADING_NAME.re().unwrap();
        assert!(re.is_match("Anna Berg"));
        assert!(re.is_match(" Anna Berg (S)"));
        assert!(!re.is_match("Ann-Marie af Sjöberg"));
        assert!(!re.is_match("kl. 13.00"));
        assert!(!re.is_match("Regionens hus"));
    }
}
