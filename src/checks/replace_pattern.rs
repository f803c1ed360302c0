//! `replace-pattern`: text that has a better form, found by regex and
//! replaced by a template (`skall` → `ska`, `t ex` → `t.ex.`, `25%` → `25 %`).
//!
//! **What it does.** Reports every match of each `replace` entry's `pattern`
//! with the suggested text: the entry's `with`, where `$1` or `${name}` stand
//! for the pattern's groups. A match is skipped when
//! - it lies (even partly) in front matter, a `<!-- -->` comment, Markdown
//!   code or an identifier of a kind listed in `skip` (all kinds by default:
//!   diarienummer, law references, URLs, e-mail, phone, version numbers, ISO
//!   dates, times, id numbers, standards);
//! - `unless_preceded_by` matches the text just before it, or
//!   `unless_followed_by` the text just after it (the regex crate has no
//!   look-around; anchor these with `$` and `^`);
//! - the suggestion equals the text already written.
//!
//! With `preserve_case`, the suggestion follows the case of the match
//! (`Skall` → `Ska`, `SKALL` → `SKA`). With `fix` (the default), the finding
//! carries the replacement as a fix. Overlapping matches of several entries
//! give one finding, the earliest and longest.
//!
//! **Why.** Spelling, abbreviation and typography rules of the kind
//! Myndigheternas skrivregler gives are lists of "write this, not that";
//! the pack keeps the lists, so a rule can change without new code.

use super::identifiers::IdentifierKind;
use super::mask::Mask;
use super::{Ctx, Finding};
use crate::diagnostic::Fix;
use crate::model::Span;
use crate::profile::schema::Pattern;
use serde::Deserialize;

/// How much text before and after a match `unless_*` patterns see.
const CONTEXT: usize = 48;

fn all_kinds() -> Vec<IdentifierKind> {
    IdentifierKind::ALL.to_vec()
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    pub replace: Vec<Replacement>,
    #[serde(default)]
    pub preserve_case: bool,
    #[serde(default = "all_kinds")]
    pub skip: Vec<IdentifierKind>,
    #[serde(default = "yes")]
    pub fix: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Replacement {
    pub pattern: Pattern,
    pub with: String,
    #[serde(default)]
    pub unless_preceded_by: Option<Pattern>,
    #[serde(default)]
    pub unless_followed_by: Option<Pattern>,
}

/// The suggestion in the case of the original: all capitals, capitalised or as is.
pub fn match_case(original: &str, replacement: &str) -> String {
    let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
        return replacement.to_uppercase();
    }
    if !letters.first().is_some_and(|c| c.is_uppercase()) {
        return replacement.to_string();
    }
    let mut out = String::with_capacity(replacement.len());
    let mut done = false;
    for c in replacement.chars() {
        if !done && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            done = true;
        } else {
            out.push(c);
        }
    }
    out
}

/// At most `CONTEXT` bytes before `pos` and after `end`, cut at char boundaries.
fn context(text: &str, pos: usize, end: usize) -> (&str, &str) {
    let mut b = pos.saturating_sub(CONTEXT);
    while !text.is_char_boundary(b) {
        b += 1;
    }
    let mut a = (end + CONTEXT).min(text.len());
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    (
        text.get(b..pos).unwrap_or(""),
        text.get(end..a).unwrap_or(""),
    )
}

pub fn check(ctx: &Ctx, p: &Params) -> Vec<Finding> {
    let mask = Mask::new(ctx, &p.skip);
    let mut hits: Vec<(Span, String)> = Vec::new();
    for r in &p.replace {
        // Found without groups first: most patterns find nothing in a
        // document, and the groups of a match are read from where it starts
        // (the match there is the same one).
        for m in r.pattern.find_iter(ctx.text) {
            let span = Span::new(m.start(), m.end());
            if span.is_empty() || mask.covers(span) {
                continue;
            }
            let (before, after) = context(ctx.text, m.start(), m.end());
            if r.unless_preceded_by
                .as_ref()
                .is_some_and(|u| u.is_match(before))
                || r.unless_followed_by
                    .as_ref()
                    .is_some_and(|u| u.is_match(after))
            {
                continue;
            }
            let Some(caps) = r.pattern.captures_at(ctx.text, m.start()) else {
                continue;
            };
            let mut suggestion = String::new();
            caps.expand(&r.with, &mut suggestion);
            if p.preserve_case {
                suggestion = match_case(m.as_str(), &suggestion);
            }
            if suggestion != m.as_str() {
                hits.push((span, suggestion));
            }
        }
    }
    hits.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
    let mut out = Vec::new();
    let mut last_end = 0;
    for (span, suggestion) in hits {
        if span.start < last_end {
            continue;
        }
        last_end = span.end;
        let text = ctx.text.get(span.start..span.end).unwrap_or("");
        let mut f = Finding::at(span)
            .arg("text", text)
            .arg("replacement", suggestion.clone());
        if p.fix {
            f.fix = Some(Fix {
                span,
                replacement: suggestion,
            });
        }
        out.push(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_follows_the_original() {
        assert_eq!(match_case("skall", "ska"), "ska");
        assert_eq!(match_case("Skall", "ska"), "Ska");
        assert_eq!(match_case("SKALL", "ska"), "SKA");
        assert_eq!(match_case("T ex", "t.ex."), "T.ex.");
        assert_eq!(match_case("25%", "25 %"), "25 %");
    }

    #[test]
    fn context_is_cut_at_char_boundaries() {
        let t = "ååååååååååååååååååååååååååååååå skall ööööööööööööööööööööööööööööö";
        let start = t.find("skall").unwrap_or(0);
        let (b, a) = context(t, start, start + 5);
        assert!(b.ends_with("å ") && a.starts_with(" ö"));
    }
}
