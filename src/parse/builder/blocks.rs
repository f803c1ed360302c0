//! The builder's blocks: headings and sections, paragraphs, list items and
//! table rows, each opened, continued and closed into the document.

use super::super::without_comments;
use super::{Builder, Open};
use crate::model::{Block, Cell, Document, Heading, ListItem, Row, Section, Span, Table, Text};

impl<'a> Builder<'a> {
    pub(super) fn heading(&mut self, full: Span, number: Option<String>, text: Span, level: usize) {
        self.close();
        self.title_taken = true;
        let level = level.max(1);
        while let Some(&top) = self.stack.last() {
            if self.doc.sections.get(top).is_some_and(|s| s.level >= level) {
                self.stack.pop();
            } else {
                break;
            }
        }
        let parent = self.stack.last().copied();
        let idx = self.doc.sections.len();
        let heading_text = self.slice(text).trim().trim_end_matches(['\t']).to_string();
        self.doc.sections.push(Section {
            heading: Heading {
                number,
                text: heading_text,
                span: full,
            },
            level,
            blocks: Vec::new(),
            span: full,
            parent,
            children: Vec::new(),
        });
        match parent {
            Some(p) => {
                if let Some(ps) = self.doc.sections.get_mut(p) {
                    ps.children.push(idx);
                }
            }
            None => self.doc.roots.push(idx),
        }
        self.stack.push(idx);
    }

    pub(super) fn text_line(&mut self, full: Span, text: Span) {
        let t = self.slice(text);
        match &mut self.open {
            Open::Paragraph(lines) => lines.push((full, text)),
            Open::List(items) if !self.list_pending_blank => {
                // A wrapped line continues the last item.
                if let Some(last) = items.last_mut() {
                    last.text.push(' ');
                    last.text.push_str(t.trim());
                    last.span.end = full.end;
                    last.text_span.end = full.end;
                }
            }
            _ => {
                self.close();
                if !self.title_taken && self.doc.sections.is_empty() && self.doc.preamble.is_empty()
                {
                    // The first paragraph of extracted text is the title.
                    if !self.markdown {
                        self.title_taken = true;
                        self.doc.title = Some(Text {
                            text: t.trim().to_string(),
                            span: text,
                        });
                        return;
                    }
                }
                self.open = Open::Paragraph(vec![(full, text)]);
            }
        }
    }

    pub(super) fn list_item(
        &mut self,
        full: Span,
        marker: Span,
        checked: Option<bool>,
        text: Span,
    ) {
        let item = ListItem {
            marker: self.slice(marker).trim().to_string(),
            text: self.slice(text).trim().to_string(),
            checked,
            span: full,
            text_span: text,
        };
        self.list_pending_blank = false;
        if let Open::List(items) = &mut self.open {
            items.push(item);
        } else {
            self.close();
            self.title_taken = true;
            self.open = Open::List(vec![item]);
        }
    }

    pub(super) fn table_row(&mut self, full: Span, cells: Vec<Span>) {
        let row = Row {
            cells: cells
                .into_iter()
                .map(|c| {
                    let raw = self.slice(c);
                    let lead = raw.len() - raw.trim_start().len();
                    let t = raw.trim();
                    Cell {
                        text: without_comments(t).trim().to_string(),
                        span: Span::new(c.start + lead, c.start + lead + t.len()),
                    }
                })
                .collect(),
            span: full,
        };
        if let Open::Table(rows) = &mut self.open {
            rows.push(row);
        } else {
            self.close();
            self.title_taken = true;
            self.open = Open::Table(vec![row]);
        }
    }

    /// Extraction wraps a long tab-separated row onto lines whose first cell
    /// is empty: such a line continues the cells of the row above (not the
    /// header, and only when it has no more cells than that row).
    pub(super) fn continue_tab_row(&mut self, cells: &[Span]) -> bool {
        let text = self.text;
        let slice = |s: &Span| text.get(s.start..s.end).unwrap_or("").trim();
        let Open::Table(rows) = &mut self.open else {
            return false;
        };
        let first_empty = cells.first().is_some_and(|c| slice(c).is_empty());
        if rows.len() < 2 || !first_empty {
            return false;
        }
        let Some(last) = rows.last_mut() else {
            return false;
        };
        let used = cells
            .iter()
            .rposition(|c| !slice(c).is_empty())
            .map_or(0, |k| k + 1);
        if used == 0 || used > last.cells.len() {
            return false;
        }
        for (cell, span) in last.cells.iter_mut().zip(cells) {
            let t = slice(span);
            if t.is_empty() {
                continue;
            }
            let lead = text
                .get(span.start..span.end)
                .map_or(0, |r| r.len() - r.trim_start().len());
            if cell.text.is_empty() {
                cell.span = Span::new(span.start + lead, span.start + lead + t.len());
            } else {
                cell.text.push(' ');
                cell.span.end = span.start + lead + t.len();
            }
            cell.text.push_str(t);
        }
        if let Some(end) = cells.last().map(|c| c.end) {
            last.span.end = last.span.end.max(end);
        }
        true
    }

    pub(super) fn close(&mut self) {
        self.list_pending_blank = false;
        let open = std::mem::replace(&mut self.open, Open::None);
        let block = match open {
            Open::None => return,
            Open::Paragraph(lines) => {
                let (Some(first), Some(last)) = (lines.first(), lines.last()) else {
                    return;
                };
                let span = Span::new(first.0.start, last.0.end);
                // The lines' text, trimmed and joined by spaces.
                let pieces = || lines.iter().map(|(_, t)| self.slice(*t).trim());
                let mut text = String::with_capacity(pieces().map(|p| p.len() + 1).sum());
                for (n, piece) in pieces().enumerate() {
                    if n > 0 {
                        text.push(' ');
                    }
                    text.push_str(piece);
                }
                Block::Paragraph(Text { text, span })
            }
            Open::List(items) => {
                let (Some(first), Some(last)) = (items.first(), items.last()) else {
                    return;
                };
                let span = first.span.join(last.span);
                Block::List { items, span }
            }
            Open::Table(rows) => {
                let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
                    return;
                };
                let span = first.span.join(last.span);
                Block::Table(Table { rows, span })
            }
            Open::Comment(span) => Block::Comment(Text {
                text: self.slice(span).to_string(),
                span,
            }),
        };
        self.push_block(block);
    }

    pub(super) fn push_block(&mut self, block: Block) {
        match self
            .stack
            .last()
            .and_then(|&i| self.doc.sections.get_mut(i))
        {
            Some(s) => s.blocks.push(block),
            None => self.doc.preamble.push(block),
        }
    }

    pub(in crate::parse) fn finish(mut self) -> Document {
        // A front-matter title wins over the one found in the text.
        if let Some(f) = self
            .doc
            .front_matter
            .iter()
            .find(|f| f.key == "titel" || f.key == "title")
        {
            self.doc.title = Some(Text {
                text: f.value.clone(),
                span: f.value_span,
            });
        }
        // Section spans run from the heading to the next heading at the same or a higher level.
        let n = self.doc.sections.len();
        for i in 0..n {
            let level = self.doc.sections[i].level;
            let start = self.doc.sections[i].heading.span.start;
            let end = self.doc.sections[i + 1..]
                .iter()
                .find(|s| s.level <= level)
                .map(|s| s.heading.span.start)
                .unwrap_or(self.doc.len);
            let end = start
                + self
                    .text
                    .get(start..end)
                    .map(|t| t.trim_end().len())
                    .unwrap_or(0);
            self.doc.sections[i].span =
                Span::new(start, end.max(self.doc.sections[i].heading.span.end));
        }
        self.doc
    }
}
