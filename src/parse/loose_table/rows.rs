//! Tokens dealt out to rows and columns, and the rows made into `Row`s.

use super::tokens::{Tok, Token};
use super::Col;
use crate::model::{Cell, Row, Span};

pub(super) struct RowAcc {
    cells: Vec<Vec<Span>>,
    /// The last column written.
    pos: Option<usize>,
    closed: bool,
    first_line: usize,
    pub last_line: usize,
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
        self.closed
            || cols
                .iter()
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

/// Deals the tokens out to rows (see the module documentation of
/// `loose_table`); `first` is the index of the first body line.
pub(super) fn deal(text: &str, tokens: &[Token], cols: &[Col], first: usize) -> Vec<RowAcc> {
    // Deal the tokens out to rows and columns.
    let mut rows: Vec<RowAcc> = Vec::new();
    let mut row = RowAcc::new(cols.len(), first);
    for t in tokens {
        let target = match t.kind {
            Tok::Empty => {
                if !row.is_empty() {
                    row.closed = true;
                    row.pos = Some(cols.len().saturating_sub(1));
                }
                continue;
            }
            Tok::Date => row.next_free(cols, Col::Date),
            Tok::Id => row.next_free(cols, Col::Id),
            Tok::Mark => row.next_free(cols, Col::Mark),
            Tok::Text => match row.pos {
                Some(p)
                    if cols.get(p) == Some(&Col::Text)
                        && !row.closed
                        && (!t.after_blank || !row.complete(cols)) =>
                {
                    Some(p)
                }
                _ if row.closed => None,
                _ => row.next_free(cols, Col::Text),
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
                match row.next_free(cols, kind) {
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
        if !last.has_typed(cols) {
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

    rows
}

/// The rows as `Row`s, each with a cell per column.
pub(super) fn build(text: &str, rows: &[RowAcc]) -> Vec<Row> {
    let mut out = Vec::new();
    for r in rows {
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
        out.push(Row {
            cells,
            span: Span::new(row_start, row_end),
        });
    }
    out
}
