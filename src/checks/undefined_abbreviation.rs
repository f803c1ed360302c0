//! `undefined-abbreviation`: every abbreviation the document uses is defined
//! in its glossary, when it has one.
//!
//! **What it does.** Only for a document with a glossary: a section whose
//! heading matches `glossary` (Definitioner, Ordlista, Begrepp,
//! Förkortningar …). The terms it defines are, in that section and its
//! subsections: the first cell of each table row, the key of a `Key: value`
//! field, the text before `:`, ` – ` or ` - ` in a list item or paragraph
//! line, and the first word of a paragraph line (extracted text gives the
//! table row `CLG Centrala ledningsgruppen`). Then every abbreviation in the
//! running text (paragraphs, lists, tables, fields; not the title, headings,
//! comments or front matter) that is not defined, not in `known` and not
//! matched by `ignore` is reported once, at its first use, with the number
//! of uses.
//!
//! An abbreviation is a word (a run of letters and digits; `HSF:s` and
//! `IT-stöd` give `HSF` and `IT`) that starts with a capital, has no small
//! letters and has 2 to `max_letters` capitals (`ÅÄÖ` included). Longer
//! all-capital words (`INLEDNING`, `BESLUT`) are shouted words, not
//! abbreviations, and a line with no small letters that holds such a word
//! (`UPPLÄGG OCH INNEHÅLL`, a heading the parser did not take for one) is
//! skipped whole. Decision points and milestones (`BP1`, `MS2`) and roman
//! numerals are excluded by the pack's `ignore` patterns.
//!
//! **Why.** An abbreviation that is not explained is unclear to every reader
//! outside the team that wrote the document; the templates ask for a
//! glossary of terms and abbreviations that are not generally known.

use super::{Ctx, Finding};
use crate::chars::is_alphanumeric;
use crate::model::{Block, Span};
use crate::pattern::Pattern as LazyRegex;
use crate::profile::schema::Pattern;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// What follows the series letters of a case number: `RS/1321/2015`, `RUN 62-2024`.
static CASE_NUMBER_TAIL: LazyLock<LazyRegex> = LazyLock::new(|| {
    LazyRegex::lazy(r"^(\s?/\s?\d{1,6}\s?/\s?(19|20)\d{2}|\s\d{1,6}-(19|20)\d{2})\b")
});

/// The series letters of a diarienummer are an identifier, not an abbreviation.
fn is_case_number_series(line: &str, end: usize) -> bool {
    let rest = line.get(end..).unwrap_or("");
    CASE_NUMBER_TAIL.re().is_some_and(|re| re.is_match(rest))
}

fn default_max_letters() -> usize {
    5
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Headings of a glossary section (matched against the heading text
    /// without its number).
    pub glossary: Vec<Pattern>,
    /// Generally known abbreviations that need no definition.
    #[serde(default)]
    pub known: Vec<String>,
    /// Words that look like abbreviations but are not (`BP1`, `MS2`, `IV`).
    #[serde(default)]
    pub ignore: Vec<Pattern>,
    /// Longest abbreviation in capital letters; longer words are shouting.
    #[serde(default = "default_max_letters")]
    pub max_letters: usize,
}

/// Words of `text`: runs of letters and digits, with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| !is_alphanumeric(c))
        .scan(0usize, |pos, w| {
            let start = *pos;
            // Every separator is one char; find its width after the word.
            let after = start + w.len();
            let sep = text.get(after..).and_then(|r| r.chars().next());
            *pos = after + sep.map_or(0, char::len_utf8);
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
}

fn capitals(w: &str) -> usize {
    w.chars().filter(|c| c.is_uppercase()).count()
}

fn all_caps(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase) && !w.chars().any(char::is_lowercase)
}

/// Whether a line is shouting: no small letters and a long all-caps word.
fn shouting_line(line: &str, max: usize) -> bool {
    !line.chars().any(char::is_lowercase)
        && words(line).any(|(_, w)| all_caps(w) && capitals(w) > max)
}

/// Whether `line` may hold an abbreviation: a capital followed by a capital
/// or a digit (no small letter) in the same word, as every word of two or
/// more capitals and no small letters begins. (The check finds such lines
/// with `abbreviation_lines`; the tests compare both with the test as
/// first written.)
#[cfg(test)]
fn may_hold_abbreviation(line: &str) -> bool {
    let mut from = 0;
    while let Some(i) = next_capital_pair_bytes(line.as_bytes(), from) {
        if capital_pair_at(line, i) {
            return true;
        }
        from = i + 1;
    }
    false
}

/// Whether the character ending at byte `i` is a capital and the one
/// starting at `i + 1` a capital or digit (`i` from
/// `next_capital_pair_bytes`: byte `i + 1` starts a character, as it is
/// ASCII or a leading byte).
fn capital_pair_at(text: &str, i: usize) -> bool {
    let first = text.get(..=i).and_then(|s| s.chars().next_back());
    let second = text.get(i + 1..).and_then(|s| s.chars().next());
    match (first, second) {
        (Some(a), Some(b)) => a.is_uppercase() && is_alphanumeric(b) && !b.is_lowercase(),
        _ => false,
    }
}

/// The lines of `text` (as `split('\n')` cuts them) that may hold an
/// abbreviation, with their offsets. The text is searched for byte pairs
/// that may be two capitals once, and only a line holding one is looked
/// at; most lines are never cut out.
fn abbreviation_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(i) = next_capital_pair_bytes(bytes, from) {
            if !capital_pair_at(text, i) {
                from = i + 1;
                continue;
            }
            let (start, end) = crate::chars::line_bounds(bytes, i);
            from = end + 1;
            return Some((start, text.get(start..end)?));
        }
        None
    })
}

/// The first `i` at or after `from` where bytes `i` and `i + 1` may be the
/// end of a capital and the start of a capital or digit: the capital ends
/// in `A`–`Z` or, when it is not ASCII, a continuation byte; the next
/// character starts with `A`–`Z`, `0`–`9` or, when it is not ASCII, a
/// leading byte. Every such pair of characters has such a pair of bytes,
/// and most lines of prose have none.
fn next_capital_pair_bytes(b: &[u8], from: usize) -> Option<usize> {
    let ends_capital = |x: u8| x.is_ascii_uppercase() | (0x80..=0xBF).contains(&x);
    let starts_capital_or_digit = |x: u8| x.is_ascii_uppercase() | x.is_ascii_digit() | (x >= 0xC0);
    let is_pair = |(a, c): (&u8, &u8)| ends_capital(*a) & starts_capital_or_digit(*c);
    let pairs = b.len().saturating_sub(1);
    let mut start = from;
    while start < pairs {
        let end = (start + 32).min(pairs);
        // The pairs (i, i + 1) for i in start..end.
        let (firsts, seconds) = (b.get(start..end)?, b.get(start + 1..=end)?);
        if firsts
            .iter()
            .zip(seconds)
            .fold(false, |any, pair| any | is_pair(pair))
        {
            return firsts
                .iter()
                .zip(seconds)
                .position(is_pair)
                .map(|p| start + p);
        }
        start = end;
    }
    None
}

fn is_abbreviation(w: &str, p: &Params) -> bool {
    // Most words start with a small letter: the first test rules them out.
    all_caps(w)
        && (2..=p.max_letters).contains(&capitals(w))
        && !p.known.iter().any(|k| k == w)
        && !p.ignore.iter().any(|i| i.is_match(w))
}

/// The term part of a glossary line: before `:` or a dash between spaces.
fn term_part(line: &str) -> Option<&str> {
    let cut = [":", " – ", " — ", " - ", "\t"]
        .iter()
        .filter_map(|s| line.find(s))
        .min()?;
    line.get(..cut)
}

/// Every all-caps word of a term (`Regionstyrelsen (RS)` defines `RS`).
fn define_term(term: &str, defined: &mut HashSet<String>) {
    for (_, w) in words(term) {
        if all_caps(w) {
            defined.insert(w.to_string());
        }
    }
}

/// The terms a glossary line defines: its term part and its first word.
fn define_from(line: &str, defined: &mut HashSet<String>) {
    if let Some(term) = term_part(line) {
        define_term(term, defined);
    }
    if let Some((_, first)) = words(line).next() {
        let starts = line.trim_start().starts_with(first);
        if starts && all_caps(first) {
            defined.insert(first.to_string());
        }
    }
}

fn collect_definitions(block: &Block, defined: &mut HashSet<String>) {
    match block {
        Block::Table(t) => {
            for r in &t.rows {
                if let Some(c) = r.cells.first() {
                    define_term(&c.text, defined);
                }
            }
        }
        Block::Field(f) => define_term(&f.key, defined),
        Block::List { items, .. } => {
            for i in items {
                define_from(&i.text, defined);
            }
        }
        Block::Paragraph(t) => {
            for line in t.text.lines() {
                define_from(line, defined);
            }
        }
        Block::Comment(_) => {}
    }
}

pub fn check(ctx: &Ctx, p: &Params) -> Vec<Finding> {
    let doc = ctx.doc;
    let glossaries: Vec<usize> = doc
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            let h = s.heading.text.trim();
            p.glossary.iter().any(|g| g.is_match(h))
        })
        .map(|(i, _)| i)
        .collect();
    let Some(&first_glossary) = glossaries.first() else {
        return Vec::new();
    };
    let mut defined: HashSet<String> = HashSet::new();
    for &g in &glossaries {
        for b in doc.subtree_blocks(g) {
            collect_definitions(b, &mut defined);
        }
    }

    // Uses in running text: word → (first span, count), in order of first use.
    let mut order: Vec<String> = Vec::new();
    let mut uses: HashMap<String, (Span, usize)> = HashMap::new();
    for b in doc.all_blocks() {
        if matches!(b, Block::Comment(_)) {
            continue;
        }
        let span = b.span();
        let Some(text) = ctx.text.get(span.start..span.end) else {
            continue;
        };
        for (line_start, line) in abbreviation_lines(text) {
            let base = span.start + line_start;
            if shouting_line(line, p.max_letters) {
                continue;
            }
            for (off, w) in words(line) {
                if !is_abbreviation(w, p)
                    || defined.contains(w)
                    || is_case_number_series(line, off + w.len())
                {
                    continue;
                }
                let s = Span::new(base + off, base + off + w.len());
                match uses.get_mut(w) {
                    Some(u) => u.1 += 1,
                    None => {
                        order.push(w.to_string());
                        uses.insert(w.to_string(), (s, 1));
                    }
                }
            }
        }
    }

    let glossary_name = doc
        .sections
        .get(first_glossary)
        .map(|s| s.heading.text.trim().to_string())
        .unwrap_or_default();
    let mut out: Vec<Finding> = order
        .into_iter()
        .filter_map(|w| {
            let (span, n) = uses.get(&w).copied()?;
            let f = Finding::at(span)
                .arg("abbreviation", w)
                .arg("count", n.to_string())
                .arg("glossary", glossary_name.clone());
            Some(if n == 1 { f.variant("once") } else { f })
        })
        .collect();
    out.sort_by_key(|f| f.span);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The line test never skips a line with a word of two or more
        /// capitals and no small letters.
        #[test]
        fn line_test_keeps_every_abbreviation(line in "[A-Za-zÅÄÖåäöÉ0-9 ,:/().-]{0,30}") {
            let has = words(&line).any(|(_, w)| all_caps(w) && capitals(w) >= 2);
            proptest::prop_assert!(!has || may_hold_abbreviation(&line), "{line:?}");
        }

        /// The byte test keeps every line the character test keeps, also
        /// across its blocks of 32 bytes and with characters of every length.
        #[test]
        fn byte_pairs_keep_every_capital_pair(line in "[a-zA-Z0-9 ÅÄÖåäöÉßÞ×–“İǅΣσ€𝐀😀]{0,80}") {
            proptest::prop_assert_eq!(may_hold_abbreviation(&line), capital_pair(&line), "{:?}", line);
        }
    }

    /// The line test as first written: a capital followed by a capital or a
    /// digit, read character by character.
    fn capital_pair(line: &str) -> bool {
        let mut after_capital = false;
        for c in line.chars() {
            if after_capital && is_alphanumeric(c) && !c.is_lowercase() {
                return true;
            }
            after_capital = c.is_uppercase();
        }
        false
    }

    proptest::proptest! {
        /// The lines searched are those `split('\n')` gives that may hold
        /// an abbreviation, at the same offsets.
        #[test]
        fn abbreviation_lines_as_split_lines(text in "[a-zA-Z0-9 \n\rÅÄÖåäöΣİ–]{0,200}") {
            let mut want = Vec::new();
            let mut at = 0;
            for line in text.split('\n') {
                if may_hold_abbreviation(line) {
                    want.push((at, line));
                }
                at += line.len() + 1;
            }
            proptest::prop_assert_eq!(abbreviation_lines(&text).collect::<Vec<_>>(), want);
        }
    }

    /// A pair of capitals is found at every offset, across the blocks.
    #[test]
    fn capital_pairs_at_every_offset() {
        for k in 0..100 {
            for pair in ["AB", "Å9", "ÖÄ"] {
                let line = format!("{}{pair} och", "a".repeat(k));
                assert!(may_hold_abbreviation(&line), "{line:?}");
            }
            assert!(!may_hold_abbreviation(&"Ab ".repeat(k)));
        }
    }

    #[test]
    fn words_keep_offsets() {
        let t = "Se HSF:s plan, ÅÄÖ-stöd och BP1.";
        let w: Vec<(usize, &str)> = words(t).collect();
        for (o, s) in &w {
            assert_eq!(&t[*o..*o + s.len()], *s);
        }
        let names: Vec<&str> = w.iter().map(|x| x.1).collect();
        assert_eq!(
            names,
            ["Se", "HSF", "s", "plan", "ÅÄÖ", "stöd", "och", "BP1"]
        );
    }

    #[test]
    fn glossary_lines() {
        let mut d = HashSet::new();
        define_from("CLG Centrala ledningsgruppen", &mut d);
        define_from("Regionstyrelsen (RS): styrelsen", &mut d);
        define_from("SKR – Sveriges Kommuner och Regioner", &mut d);
        define_from("Ett ord om EU och annat", &mut d);
        for w in ["CLG", "RS", "SKR"] {
            assert!(d.contains(w), "{w}");
        }
        assert!(!d.contains("EU"));
    }

    #[test]
    fn case_number_series_are_identifiers() {
        assert!(is_case_number_series("Dnr: RS/1321/2015", 7));
        assert!(is_case_number_series("RUN 62-2024", 3));
        assert!(!is_case_number_series("RS ska besluta", 2));
        assert!(!is_case_number_series("CLG/HSF", 3));
    }

    #[test]
    fn shouting() {
        assert!(shouting_line("UPPLÄGG OCH INNEHÅLL", 5));
        assert!(!shouting_line("CLG OCH HSF", 5));
        assert!(!shouting_line("BESLUT JA NEJ Kommentar:", 5));
    }
}
