//! The body of a space-separated table cut into tokens: dates, ids,
//! ticks, text, and runs of spaces that stand for empty cells.

use super::super::headings::{is_field, numbered_is_heading};
use super::super::lines::LineKind;
use super::super::Line;
use super::is_header;
use crate::dates::{scan_dates, ScanOptions};
use crate::model::Span;
use crate::pattern::Pattern as LazyRegex;
use regex::Regex;
use std::sync::LazyLock;

/// Blank lines that end a tick table.
const MAX_GAP: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tok {
    Text,
    Date,
    Id,
    Mark,
    /// Trailing spaces standing for empty cells.
    Empty,
}

pub(super) struct Token {
    pub kind: Tok,
    pub span: Span,
    pub line: usize,
    /// A blank line separates this token from the previous one.
    pub after_blank: bool,
}

fn id_re() -> Option<&'static Regex> {
    static RE: LazyLock<LazyRegex> =
        LazyLock::new(|| LazyRegex::lazy(r"\b(?:BP|MS)[0-9O]{1,2}(?:-[0-9]{1,2})?\b"));
    RE.re()
}

fn is_tick_word(w: &str) -> bool {
    matches!(
        w,
        "x" | "X" | "[x]" | "[X]" | "[ ]" | "☒" | "☐" | "✓" | "✔" | "✗" | "☑"
    )
}

/// Cuts one line into tokens; `at` is the line's offset in the document.
fn tokenize(line: &str, at: usize, ids: bool, marks: bool, out: &mut Vec<(Tok, Span)>) {
    let mut special: Vec<(Tok, usize, usize)> = scan_dates(line, &ScanOptions::default())
        .into_iter()
        .map(|d| (Tok::Date, d.start, d.end))
        .collect();
    let free = |s: usize, e: usize, taken: &[(Tok, usize, usize)]| {
        taken.iter().all(|(_, a, b)| e <= *a || s >= *b)
    };
    if ids {
        if let Some(re) = id_re() {
            for m in re.find_iter(line) {
                if free(m.start(), m.end(), &special) {
                    special.push((Tok::Id, m.start(), m.end()));
                }
            }
        }
    }
    if marks {
        // Ticks are whole words: `X`, `☒`, `[x]` (`[ ]` and `☐` are empty).
        for (s, w) in super::words(line) {
            let e = s + w.len();
            if is_tick_word(w) && free(s, e, &special) {
                special.push((Tok::Mark, s, e));
            }
        }
    }
    special.sort_by_key(|t| t.1);
    let mut pos = 0;
    let text = |s: usize, e: usize, out: &mut Vec<(Tok, Span)>| {
        let piece = &line[s..e];
        let t = piece.trim();
        if !t.is_empty() {
            let lead = piece.len() - piece.trim_start().len();
            out.push((Tok::Text, Span::new(at + s + lead, at + s + lead + t.len())));
        }
    };
    for (kind, s, e) in special {
        text(pos, s, out);
        out.push((kind, Span::new(at + s, at + e)));
        pos = e;
    }
    text(pos, line.len(), out);
    if marks && line.trim().len() + 2 <= line.len() && line.ends_with("  ") {
        out.push((Tok::Empty, Span::new(at + line.len(), at + line.len())));
    }
}

/// Whether the builder must end a loose table before this line.
fn ends_table(line: &str, kind: &LineKind) -> bool {
    match kind {
        LineKind::MdHeading { .. }
        | LineKind::ParaHeading { .. }
        | LineKind::AvsnittHeading { .. }
        | LineKind::PipeRow { .. }
        | LineKind::TabRow { .. }
        | LineKind::Comment
        | LineKind::FrontDelim => true,
        LineKind::Numbered { number, text } => {
            let num = line.get(number.0..number.1).unwrap_or("");
            let body = line.get(text.0..text.1).unwrap_or("");
            numbered_is_heading(num, body)
        }
        LineKind::Field { key, value } => {
            let k = line.get(key.0..key.1).unwrap_or("");
            let v = line.get(value.0..value.1).unwrap_or("").trim();
            is_field(k, v) || is_header(line)
        }
        _ => is_header(line),
    }
}

/// The tokens of the lines after the header at `start`, up to the line that
/// ends the table.
pub(super) fn read(
    lines: &[Line<'_>],
    kinds: &[LineKind],
    start: usize,
    ids: bool,
    marks: bool,
) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut blank = false;
    let mut blank_run = 0;
    let mut i = start + 1;
    while let Some(l) = lines.get(i) {
        let kind = kinds.get(i).unwrap_or(&LineKind::Blank);
        if l.text.trim().is_empty() {
            if marks && l.text.len() >= 2 {
                tokens.push(Token {
                    kind: Tok::Empty,
                    span: Span::new(l.start, l.start),
                    line: i,
                    after_blank: blank,
                });
            } else {
                blank_run += 1;
            }
            blank = true;
            i += 1;
            continue;
        }
        // A tick table (a form) ends at a wide gap: the empty paragraphs
        // between one form table and the next block.
        if ends_table(l.text, kind) || (marks && blank_run >= MAX_GAP) {
            break;
        }
        blank_run = 0;
        let mut toks = Vec::new();
        tokenize(l.text, l.start, ids, marks, &mut toks);
        for (k, (kind, span)) in toks.into_iter().enumerate() {
            tokens.push(Token {
                kind,
                span,
                line: i,
                after_blank: blank && k == 0,
            });
        }
        blank = false;
        i += 1;
    }

    tokens
}
