//! Decision points (`BP0`–`BP4`), milestones (`MS1`, `MS1-3`) and phases,
//! collected with their dates from a directive's tables (Tidplan,
//! Milstolpar, Delaktiviteter) and running text.
//!
//! - A table row names a point when its id column (`Beslutspunkt`,
//!   `Milstolpe`) or its first cell starts with an id; the row's date
//!   columns (`Datum`, or `Start`/`Slut`, `Startdatum`/`Slutdatum`) date it.
//! - A table row with a start and an end column is a phase (`Tidplan`) or an
//!   activity (`Delaktiviteter`).
//! - In running text, a sentence with exactly one id and one date (or one
//!   range) dates that id: `BP2 beslutas den 20 oktober 2024.` — unless
//!   the date is relative to the point (`inför`, `före`, `senast`, `efter`
//!   …: `underlaget inför BP2 ska vara klart senast den 12 maj`).
//!
//! Text inside `<!-- -->` comments is skipped.

use crate::dates::{scan_dates, scan_dates_and_ranges, DateMention, ScanOptions};
use crate::model::{Block, Cell, Document, Span, Table};
use crate::pattern::Pattern as LazyRegex;
use jiff::civil::Date;
use regex::Regex;
use std::sync::LazyLock;
use std::sync::OnceLock;

/// A date as written, with its place in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dated {
    pub span: Span,
    pub date: Option<Date>,
    pub mention: DateMention,
}

/// One place where a decision point or milestone is dated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// `BP0`, `MS1`, `MS1-3`.
    pub id: String,
    pub id_span: Span,
    pub start: Option<Dated>,
    pub end: Option<Dated>,
    /// The heading of the section it was found in (`Tidplan`), or `text`.
    pub place: String,
    /// The table it was found in (its span), `None` for running text.
    pub table: Option<Span>,
}

impl Occurrence {
    /// The first date of the occurrence.
    pub fn first(&self) -> Option<&Dated> {
        self.start.as_ref().or(self.end.as_ref())
    }
}

/// A row with a start and an end date: a phase or an activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phase {
    pub name: String,
    pub span: Span,
    pub start: Dated,
    pub end: Dated,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Schedule {
    pub points: Vec<Occurrence>,
    pub phases: Vec<Phase>,
}

/// A well-formed id at the start of a cell or anywhere in a sentence.
pub fn id_re() -> Option<&'static Regex> {
    static RE: LazyLock<LazyRegex> =
        LazyLock::new(|| LazyRegex::lazy(r"\b(?:BP[0-9]{1,2}|MS[0-9]{1,2}(?:-[0-9]{1,2})?)\b"));
    RE.re()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum DateCol {
    Single,
    Start,
    End,
}

fn date_column(header: &str) -> Option<DateCol> {
    let h = header.trim().trim_end_matches(':').to_lowercase();
    Some(match h.as_str() {
        "datum" | "klart" | "beslutsdatum" => DateCol::Single,
        "start" | "startdatum" | "från" | "fr.o.m." | "fom" => DateCol::Start,
        "slut" | "slutdatum" | "till" | "t.o.m." | "tom" | "klart senast" => DateCol::End,
        _ => return None,
    })
}

fn id_column(header: &str) -> bool {
    let h = header.trim().trim_end_matches(':').to_lowercase();
    matches!(
        h.as_str(),
        "beslutspunkt" | "milstolpe" | "bp" | "ms" | "id"
    )
}

/// The first date written in a cell.
fn cell_date(text: &str, cell: &Cell) -> Option<Dated> {
    if cell.span.is_empty() {
        return None;
    }
    let raw = text.get(cell.span.start..cell.span.end)?;
    let m = scan_dates(raw, &ScanOptions::default())
        .into_iter()
        .next()?;
    Some(Dated {
        span: Span::new(cell.span.start + m.start, cell.span.start + m.end),
        date: m.to_civil(),
        mention: m,
    })
}

fn cell_id(text: &str, cell: &Cell, anywhere: bool) -> Option<(String, Span)> {
    let raw = text.get(cell.span.start..cell.span.end)?;
    let m = id_re()?.find(raw)?;
    if !anywhere && !raw[..m.start()].trim().is_empty() {
        return None;
    }
    Some((
        m.as_str().to_string(),
        Span::new(cell.span.start + m.start(), cell.span.start + m.end()),
    ))
}

fn from_table(text: &str, table: &Table, place: &str, out: &mut Schedule) {
    let Some(header) = table.header() else {
        return;
    };
    let cols: Vec<Option<DateCol>> = header.cells.iter().map(|c| date_column(&c.text)).collect();
    let id_col = header.cells.iter().position(|c| id_column(&c.text));
    let has = |k: DateCol| cols.iter().position(|c| *c == Some(k));
    let (single, start_col, end_col) =
        (has(DateCol::Single), has(DateCol::Start), has(DateCol::End));
    if single.is_none() && start_col.is_none() && end_col.is_none() {
        return;
    }
    for row in table.body() {
        let get = |k: Option<usize>| k.and_then(|k| row.cells.get(k));
        let start = get(start_col.or(single)).and_then(|c| cell_date(text, c));
        let end = get(end_col.or(single)).and_then(|c| cell_date(text, c));
        let id = match id_col {
            Some(k) => get(Some(k)).and_then(|c| cell_id(text, c, true)),
            None => row.cells.first().and_then(|c| cell_id(text, c, false)),
        };
        if let Some((id, id_span)) = id {
            out.points.push(Occurrence {
                id,
                id_span,
                start: start.clone(),
                end: end.clone(),
                place: place.to_string(),
                table: Some(table.span),
            });
        }
        if let (Some(s), Some(e), Some(_), Some(_)) = (start, end, start_col, end_col) {
            out.phases.push(Phase {
                name: row
                    .cells
                    .first()
                    .map(|c| c.text.clone())
                    .unwrap_or_default(),
                span: row.span,
                start: s,
                end: e,
            });
        }
    }
}

/// Words that make a date in a sentence relative to the point rather than
/// its date (`underlaget inför BP2 ska vara klart senast den 12 maj`).
fn relative_re() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)\b(inför|före|innan|senast|efter|sedan|fram till|till och med|t\.o\.m\.|inom)\b",
        )
        .ok()
    })
    .as_ref()
}

/// Sentences of a raw text slice with their offsets (split after `.`, `!`,
/// `?` followed by white space, and at blank lines).
fn sentences(raw: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = raw.as_bytes();
    for (i, c) in raw.char_indices() {
        let end_mark = matches!(c, '.' | '!' | '?')
            && bytes.get(i + 1).is_some_and(|b| b.is_ascii_whitespace());
        if end_mark {
            out.push((start, &raw[start..=i]));
            start = i + 1;
        }
    }
    if start < raw.len() {
        out.push((start, &raw[start..]));
    }
    out
}

fn from_text(text: &str, span: Span, place: &str, out: &mut Schedule) {
    let Some(raw) = text.get(span.start..span.end) else {
        return;
    };
    // Every id starts `BP` or `MS`: text without them (nearly all of a
    // document) is not split into sentences and searched.
    let bytes = raw.as_bytes();
    let id_start = memchr::memchr2_iter(b'B', b'M', bytes).any(|i| {
        matches!(
            (bytes.get(i), bytes.get(i + 1)),
            (Some(b'B'), Some(b'P')) | (Some(b'M'), Some(b'S'))
        )
    });
    if !id_start {
        return;
    }
    let Some(re) = id_re() else {
        return;
    };
    for (at, sentence) in sentences(raw) {
        let ids: Vec<_> = re.find_iter(sentence).collect();
        let [m] = ids.as_slice() else {
            continue;
        };
        if relative_re().is_some_and(|r| r.is_match(sentence)) {
            continue;
        }
        let abs = |s: usize, e: usize| Span::new(span.start + at + s, span.start + at + e);
        let dated = |d: &DateMention| Dated {
            span: abs(d.start, d.end),
            date: d.to_civil(),
            mention: d.clone(),
        };
        let (dates, ranges) = scan_dates_and_ranges(sentence);
        let (start, end) = match (ranges.as_slice(), dates.as_slice()) {
            ([r], _) => (dated(&r.start), dated(&r.end)),
            ([], [d]) => (dated(d), dated(d)),
            _ => continue,
        };
        out.points.push(Occurrence {
            id: m.as_str().to_string(),
            id_span: abs(m.start(), m.end()),
            start: Some(start),
            end: Some(end),
            place: place.to_string(),
            table: None,
        });
    }
}

/// Every dated decision point, milestone and phase of the document.
pub fn collect(doc: &Document, text: &str) -> Schedule {
    let mut out = Schedule::default();
    let sections = doc
        .sections
        .iter()
        .map(|s| (s.heading.text.as_str(), &s.blocks));
    let all = std::iter::once(("text", &doc.preamble)).chain(sections);
    for (place, blocks) in all {
        for b in blocks.iter() {
            match b {
                Block::Table(t) => from_table(text, t, place, &mut out),
                Block::Paragraph(p) => from_text(text, p.span, "text", &mut out),
                Block::List { items, .. } => {
                    for it in items {
                        from_text(text, it.text_span, "text", &mut out);
                    }
                }
                Block::Field(_) | Block::Comment(_) => {}
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;

    #[test]
    fn tables_and_text() {
        let src = "# Direktiv\n\n## 5 Tidplan\n\n| Fas/beslutspunkt | Start | Slut |\n|---|---|---|\n| BP0 Fastställande | 2023-12-21 | 2023-12-21 |\n| Genomförande | 2024-01-01 | 2024-06-30 |\n\n## 9 Planering\n\n| Datum | Beslut | Beslutspunkt |\n|---|---|---|\n| 2024-12-08 | Fastställande | BP0 |\n\nBP2 beslutas den 20 oktober 2024. Sedan BP3.\n";
        let doc = parse(src);
        let s = collect(&doc, src);
        let ids: Vec<(&str, &str)> = s
            .points
            .iter()
            .map(|p| (p.id.as_str(), p.place.as_str()))
            .collect();
        assert_eq!(
            ids,
            vec![("BP0", "Tidplan"), ("BP0", "Planering"), ("BP2", "text")]
        );
        assert_eq!(s.phases.len(), 2);
        let bp2 = &s.points[2];
        assert_eq!(&src[bp2.id_span.start..bp2.id_span.end], "BP2");
        let d = bp2.first().map(|d| &src[d.span.start..d.span.end]);
        assert_eq!(d, Some("20 oktober 2024"));
    }
}
