//! Tables in extracted text whose cells are separated by spaces, not tabs,
//! and whose rows wrap over several lines (Word tables copied from a PDF, as
//! the Tidplan and Milstolpar tables of an UPPDRAGiL directive):
//!
//! ```text
//! Fas/beslutspunkt Start Slut
//!
//! BP2 Beslut
//! Delaktiviteter för 2024
//! slutförda
//!
//! 20/10 2024 30/10-2024
//! ```
//!
//! Such a table is recognised by its header line: known column names
//! (`Start`, `Slut`, `Datum`, `Beslutspunkt`, `JA`, `NEJ`, …), at least one of
//! them a *typed* column (a date, a decision-point id, or a tick box), after an
//! optional caption (`Checklista inför beslut, BP1 JA NEJ`). The lines below it
//! are cut into tokens — dates, ids, ticks and text — and the tokens are dealt
//! out to the columns in order: a date goes to the next free date column, an
//! id to the id column, text to the next text column; a token with no free
//! column after the last one filled starts a new row. Text after a blank line
//! starts a new row only when the current row already has all its typed cells.
//! In tables with tick columns, trailing runs of spaces (how extraction writes
//! empty cells) close the row.
//!
//! The table ends at a heading, a field line (`Uppdragsägare: …`), a tab or
//! pipe table, or the next table header. A last row that never got a typed
//! cell is not a row: a short fragment right after the previous row (one
//! blank line at most, four words at most) is the wrapped end of its last
//! cell, anything else is left as ordinary text after the table.

use super::headings::{is_field, numbered_is_heading};
use super::lines::LineKind;
use super::Line;
use crate::dates::{scan_dates, ScanOptions};
use crate::model::{Cell, Row, Span, Table};
use regex::Regex;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Text,
    Date,
    Id,
    Mark,
}

fn column_kind(word: &str) -> Option<Col> {
    let w = word.trim_end_matches(':').to_lowercase();
    Some(match w.as_str() {
        "start" | "slut" | "startdatum" | "slutdatum" | "datum" | "klart" => Col::Date,
        "beslutspunkt" | "milstolpe" | "bp" | "ms" => Col::Id,
        "ja" | "nej" => Col::Mark,
        "beslut"
        | "kommentar"
        | "kommentarer"
        | "aktivitet"
        | "delaktivitet"
        | "ansvarig"
        | "fas"
        | "fas/beslutspunkt"
        | "beslutspunkt/fas"
        | "fas/milstolpe"
        | "förklaring"
        | "begrepp"
        | "förkortning"
        | "begrepp/förkortning"
        | "beskrivning"
        | "status"
        | "roll"
        | "namn"
        | "resurs"
        | "mottagare"
        | "målgrupp"
        | "mätetal"
        | "kontaktperson"
        | "leverans"
        | "aktivitet/leverans"
        | "uppgift" => Col::Text,
        _ => return None,
    })
}

/// The columns of a header line, with their byte ranges in the line, if the
/// line is the header of a space-separated table.
fn header(line: &str) -> Option<Vec<(Col, Span)>> {
    let trimmed = line.trim_end();
    if trimmed.is_empty() || trimmed.len() > 120 || trimmed.ends_with('.') {
        return None;
    }
    // Cheap test first: every line of extracted text comes through here.
    let last = trimmed.rsplit(char::is_whitespace).next().unwrap_or("");
    column_kind(last)?;
    let words: Vec<(usize, &str)> = words(trimmed);
    // The longest run of column names at the end of the line.
    let named = words
        .iter()
        .rev()
        .take_while(|(_, w)| column_kind(w).is_some())
        .count();
    let caption = words.len() - named;
    if named < 2 || caption > 6 {
        return None;
    }
    let mut cols = Vec::new();
    if let (Some(first), Some(last)) = (
        words.first(),
        caption.checked_sub(1).and_then(|k| words.get(k)),
    ) {
        cols.push((Col::Text, Span::new(first.0, last.0 + last.1.len())));
    }
    for (at, w) in &words[caption..] {
        cols.push((column_kind(w)?, Span::new(*at, at + w.len())));
    }
    cols.iter().any(|(k, _)| *k != Col::Text).then_some(cols)
}

/// Whitespace-separated words with their byte offsets.
fn words(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(st)) => {
                out.push((st, &s[st..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

/// Whether `line` is the header of a space-separated table (used to end the
/// previous one).
pub(super) fn is_header(line: &str) -> bool {
    header(line).is_some()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    Text,
    Date,
    Id,
    Mark,
    /// Trailing spaces standing for empty cells.
    Empty,
}

struct Token {
    kind: Tok,
    span: Span,
    line: usize,
    /// A blank line separates this token from the previous one.
    after_blank: bool,
}

fn id_re() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\b(?:BP|MS)[0-9O]{1,2}(?:-[0-9]{1,2})?\b").ok())
        .as_ref()
}

fn mark_re() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?:^|\s)(\[[xX ]\]|[xX☒☐✓✔✗])(?:\s|$)").ok())
        .as_ref()
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
        if let Some(re) = mark_re() {
            for c in re.captures_iter(line) {
                if let Some(m) = c.get(1) {
                    if free(m.start(), m.end(), &special) {
                        special.push((Tok::Mark, m.start(), m.end()));
                    }
                }
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

struct RowAcc {
    cells: Vec<Vec<Span>>,
    /// The last column written.
    pos: Option<usize>,
    closed: bool,
    first_line: usize,
    last_line: usize,
}

impl RowAcc {
    fn new(n: usize, line: usize) -> Self {
        RowAcc {
            cells: vec![Vec::new(); n],
            pos: None,
            closed: false,
            first_line: line,
            last_line: line,
        }
    }
    fn has_typed(&self, cols: &[Col]) -> bool {
        cols.iter()
            .zip(&self.cells)
            .any(|(c, cell)| *c != Col::Text && !cell.is_empty())
    }
    fn complete(&self, cols: &[Col]) -> bool {
        self.closed
            || cols
                .iter()
                .zip(&self.cells)
                .all(|(c, cell)| *c == Col::Text || !cell.is_empty())
    }
    fn is_empty(&self) -> bool {
        self.cells.iter().all(Vec::is_empty)
    }
    /// The first column of `kind` after the last one written that is still empty.
    fn next_free(&self, cols: &[Col], kind: Col) -> Option<usize> {
        let from = self.pos.map_or(0, |p| p + 1);
        (from..cols.len()).find(|&j| cols.get(j) == Some(&kind) && self.cells[j].is_empty())
    }
}

/// Reads a space-separated table whose header is line `start`. Returns the
/// table and the index of the first line after it, or `None` when `start`
/// is not such a header.
pub(super) fn collect(
    text: &str,
    lines: &[Line<'_>],
    kinds: &[LineKind],
    start: usize,
) -> Option<(Table, usize)> {
    let head_line = lines.get(start)?;
    let cols_spans = header(head_line.text)?;
    let cols: Vec<Col> = cols_spans.iter().map(|(k, _)| *k).collect();
    let ids = cols.contains(&Col::Id);
    let marks = cols.contains(&Col::Mark);
    let header_row = Row {
        cells: cols_spans
            .iter()
            .map(|(_, s)| {
                let span = Span::new(head_line.start + s.start, head_line.start + s.end);
                Cell {
                    text: text.get(span.start..span.end).unwrap_or("").to_string(),
                    span,
                }
            })
            .collect(),
        span: Span::new(
            head_line.start,
            head_line.start + head_line.text.trim_end().len(),
        ),
    };

    // Tokens of the body, up to the line that ends the table.
    let mut tokens: Vec<Token> = Vec::new();
    let mut blank = false;
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
            }
            blank = true;
            i += 1;
            continue;
        }
        if ends_table(l.text, kind) {
            break;
        }
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

    // Deal the tokens out to rows and columns.
    let mut rows: Vec<RowAcc> = Vec::new();
    let mut row = RowAcc::new(cols.len(), start + 1);
    for t in &tokens {
        let target = match t.kind {
            Tok::Empty => {
                if !row.is_empty() {
                    row.closed = true;
                    row.pos = Some(cols.len().saturating_sub(1));
                }
                continue;
            }
            Tok::Date => row.next_free(&cols, Col::Date),
            Tok::Id => row.next_free(&cols, Col::Id),
            Tok::Mark => row.next_free(&cols, Col::Mark),
            Tok::Text => match row.pos {
                Some(p)
                    if cols.get(p) == Some(&Col::Text)
                        && !row.closed
                        && (!t.after_blank || !row.complete(&cols)) =>
                {
                    Some(p)
                }
                _ if row.closed => None,
                _ => row.next_free(&cols, Col::Text),
            },
        };
        let j = match target {
            Some(j) => j,
            None => {
                let kind = match t.kind {
                    Tok::Date => Col::Date,
                    Tok::Id => Col::Id,
                    Tok::Mark => Col::Mark,
                    _ => Col::Text,
                };
                let done = std::mem::replace(&mut row, RowAcc::new(cols.len(), t.line));
                if !done.is_empty() {
                    rows.push(done);
                }
                match row.next_free(&cols, kind) {
                    Some(j) => j,
                    None => continue,
                }
            }
        };
        if row.is_empty() {
            row.first_line = t.line;
        }
        row.cells[j].push(t.span);
        row.pos = Some(j);
        row.last_line = t.line;
    }
    if !row.is_empty() {
        rows.push(row);
    }

    // A last row without any typed cell is a wrapped cell end or plain text.
    if let Some(last) = rows.last() {
        if !last.has_typed(&cols) {
            let fragment: Vec<Span> = last.cells.iter().flatten().copied().collect();
            let words: usize = fragment
                .iter()
                .map(|s| {
                    text.get(s.start..s.end)
                        .unwrap_or("")
                        .split_whitespace()
                        .count()
                })
                .sum();
            let gap = rows
                .len()
                .checked_sub(2)
                .and_then(|k| rows.get(k))
                .map_or(usize::MAX, |prev| {
                    last.first_line.saturating_sub(prev.last_line)
                });
            let prev_text_cell = rows
                .len()
                .checked_sub(2)
                .and_then(|k| rows.get(k))
                .and_then(|prev| prev.pos.filter(|p| cols.get(*p) == Some(&Col::Text)));
            let dropped = rows.pop();
            if let (Some(dropped), Some(p), true) =
                (dropped, prev_text_cell, words <= 4 && gap <= 2)
            {
                if let Some(prev) = rows.last_mut() {
                    prev.cells[p].extend(dropped.cells.iter().flatten().copied());
                    prev.last_line = dropped.last_line;
                }
            }
        }
    }

    let end_line = rows.last().map_or(start + 1, |r| r.last_line + 1);
    let mut table_rows = vec![header_row.clone()];
    for r in &rows {
        let filled: Vec<Span> = r.cells.iter().flatten().copied().collect();
        let row_start = filled.iter().map(|s| s.start).min().unwrap_or(0);
        let row_end = filled.iter().map(|s| s.end).max().unwrap_or(row_start);
        let cells = r
            .cells
            .iter()
            .map(|parts| {
                let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
                    return Cell {
                        text: String::new(),
                        span: Span::new(row_end, row_end),
                    };
                };
                let text = parts
                    .iter()
                    .map(|s| text.get(s.start..s.end).unwrap_or(""))
                    .collect::<Vec<_>>()
                    .join(" ");
                Cell {
                    text,
                    span: Span::new(first.start, last.end),
                }
            })
            .collect();
        table_rows.push(Row {
            cells,
            span: Span::new(row_start, row_end),
        });
    }
    let span = Span::new(
        header_row.span.start,
        table_rows.last().map_or(0, |r| r.span.end),
    );
    Some((
        Table {
            rows: table_rows,
            span,
        },
        end_line,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers() {
        assert!(header("Fas/beslutspunkt Start Slut").is_some());
        assert!(header("Datum Beslut Beslutspunkt Kommentar").is_some());
        assert!(header("Aktivitet Startdatum Slutdatum Ansvarig").is_some());
        let cl = header("Checklista inför beslut, BP1 JA NEJ");
        assert_eq!(cl.map(|c| c.len()), Some(3));
        assert!(header("BESLUT JA NEJ Kommentar:").is_some());
        // Text-only headers are left to the paragraph reader.
        assert!(header("Begrepp/förkortning Förklaring").is_none());
        assert!(header("Beslutet gäller från start.").is_none());
        assert!(header("Vi kommer att ta beslut om start och slut").is_none());
    }
}
