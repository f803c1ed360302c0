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
//! pipe table, or the next table header; a table with tick columns also at
//! four blank lines in a row. A last row that never got a typed
//! cell is not a row: a short fragment right after the previous row (one
//! blank line at most, four words at most) is the wrapped end of its last
//! cell, anything else is left as ordinary text after the table.

mod rows;
mod tokens;

use super::lines::LineKind;
use super::Line;
use crate::model::{Cell, Row, Span, Table};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Col {
    Text,
    Date,
    Id,
    Mark,
}

fn column_kind(word: &str) -> Option<Col> {
    // Lowered on the stack: the last word of every line of extracted text
    // comes through here. No column name is longer than the buffer.
    let mut buf = [0u8; 48];
    let w = crate::chars::lower_into(word.trim_end_matches(':'), &mut buf)?;
    Some(match w {
        "start" | "slut" | "startdatum" | "slutdatum" | "datum" | "klart" => Col::Date,
        "beslutspunkt" | "milstolpe" => Col::Id,
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

    let tokens = tokens::read(lines, kinds, start, ids, marks);
    let rows = rows::deal(text, &tokens, &cols, start + 1);
    let end_line = rows.last().map_or(start + 1, |r| r.last_line + 1);
    let mut table_rows = vec![header_row.clone()];
    table_rows.extend(rows::build(text, &rows));
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
