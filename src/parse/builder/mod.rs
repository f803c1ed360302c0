//! The builder: folds classified lines into a `Document`. This file reads
//! the lines (front matter, headings, which kind of block a line opens or
//! continues); `blocks.rs` opens, fills and closes the blocks and sections.

mod blocks;

use super::headings;
use super::lines::{classify, LineKind, Range};
use super::loose_table;
use super::{split_lines, without_comments, Line};
use crate::model::{Block, Document, Field, ListItem, Row, Span, Text};
use crate::source::HeadingHint;
use std::collections::HashMap;

enum Open {
    None,
    /// Each line's span and the span of its text.
    Paragraph(Vec<(Span, Span)>),
    List(Vec<ListItem>),
    Table(Vec<Row>),
    Comment(Span),
}

pub(super) struct Builder<'a> {
    text: &'a str,
    lines: Vec<Line<'a>>,
    /// Each line classified once, up front.
    kinds: Vec<LineKind>,
    markdown: bool,
    doc: Document,
    open: Open,
    /// The list stays open over blank lines until a non-item line arrives.
    list_pending_blank: bool,
    /// Stack of open section indices.
    stack: Vec<usize>,
    title_taken: bool,
    md_base: usize,
    /// Line start → heading level, for lines known to be headings.
    hints: HashMap<usize, usize>,
}

impl<'a> Builder<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        let lines = split_lines(text);
        let kinds: Vec<LineKind> = lines.iter().map(|l| classify(l.text)).collect();
        let kinds_md = kinds
            .iter()
            .any(|k| matches!(k, LineKind::MdHeading { .. }))
            || lines.iter().any(|l| l.text.trim_start().starts_with("|--"))
            || lines.first().is_some_and(|l| l.text.trim_end() == "---");
        Builder {
            text,
            lines,
            kinds,
            markdown: kinds_md,
            doc: Document {
                len: text.len(),
                ..Document::default()
            },
            open: Open::None,
            list_pending_blank: false,
            stack: Vec::new(),
            title_taken: false,
            md_base: 1,
            hints: HashMap::new(),
        }
    }

    /// The lines a Word reader knows to be headings, with their levels.
    pub(super) fn set_heading_hints(&mut self, hints: &[HeadingHint]) {
        self.hints = hints.iter().map(|h| (h.start, h.level)).collect();
        if self.hints.is_empty() {
            return;
        }
        // A space-separated table ends at a heading, and none starts there.
        for (line, kind) in self.lines.iter().zip(self.kinds.iter_mut()) {
            if self.hints.contains_key(&line.start) {
                *kind = LineKind::ParaHeading {
                    number: String::new(),
                    text: (0, 0),
                };
            }
        }
    }

    pub(super) fn run(&mut self) {
        let mut i = self.front_matter();
        if self.markdown {
            self.md_base = self.markdown_base_level(i);
        }
        let n = self.lines.len();
        while i < n {
            let line_start = self.lines[i].start;
            let line = self.lines[i].text;
            if let Some(&level) = self.hints.get(&line_start) {
                self.hinted_heading(line_start, line, classify(line), level);
                i += 1;
                continue;
            }
            if !self.markdown && !matches!(self.open, Open::Comment(_)) {
                if let Some(next) = self.loose_table(i) {
                    i = next;
                    continue;
                }
            }
            let kind = std::mem::replace(&mut self.kinds[i], LineKind::Blank);
            let next_blank = self
                .lines
                .get(i + 1)
                .is_none_or(|l| l.text.trim().is_empty());
            let prev_blank = i == 0
                || self
                    .lines
                    .get(i - 1)
                    .is_none_or(|l| l.text.trim().is_empty());
            if let Open::Comment(span) = &self.open {
                let span = Span::new(span.start, line_start + line.len());
                if line.contains("-->") {
                    self.open = Open::Comment(span);
                    self.close();
                } else {
                    self.open = Open::Comment(span);
                }
                i += 1;
                continue;
            }
            self.line(line_start, line, kind, prev_blank, next_blank);
            i += 1;
        }
        self.close();
    }

    /// A space-separated table starting at line `i` (extracted text only);
    /// returns the index of the line after it.
    fn loose_table(&mut self, i: usize) -> Option<usize> {
        if !matches!(
            self.kinds.get(i),
            Some(LineKind::Text { .. } | LineKind::Field { .. } | LineKind::AvsnittHeading { .. })
        ) {
            return None;
        }
        let (table, next) = loose_table::collect(self.text, &self.lines, &self.kinds, i)?;
        self.close();
        self.title_taken = true;
        self.push_block(Block::Table(table));
        Some(next.max(i + 1))
    }

    /// Reads `---` front matter; returns the index of the first body line.
    fn front_matter(&mut self) -> usize {
        if !matches!(self.lines.first(), Some(l) if l.text.trim_end() == "---") {
            return 0;
        }
        let Some(end) = self
            .lines
            .iter()
            .skip(1)
            .position(|l| l.text.trim_end() == "---" || l.text.trim_end() == "...")
        else {
            return 0;
        };
        for l in &self.lines[1..=end] {
            if l.text.starts_with([' ', '\t', '#', '-']) {
                continue;
            }
            if let Some((k, v)) = l.text.split_once(':') {
                let key_start = l.start;
                let value = v.trim();
                let vstart = l.start + k.len() + 1 + (v.len() - v.trim_start().len());
                let value = value.trim_matches(|c| c == '"' || c == '\'');
                self.doc.front_matter.push(Field {
                    key: k.trim().to_lowercase(),
                    value: value.to_string(),
                    span: Span::new(key_start, l.start + l.text.len()),
                    value_span: Span::new(vstart, vstart + v.trim().len()),
                });
            }
        }
        end + 2
    }

    /// The `#` count that stands for level 1 (a lone `#` title is not a level).
    fn markdown_base_level(&self, from: usize) -> usize {
        let hashes: Vec<usize> = self.kinds[from.min(self.kinds.len())..]
            .iter()
            .filter_map(|k| match k {
                LineKind::MdHeading { hashes, .. } => Some(*hashes),
                _ => None,
            })
            .collect();
        let ones = hashes.iter().filter(|h| **h == 1).count();
        match hashes.first() {
            // `# Title` followed by `##` sections: `##` is level 1.
            Some(1) if ones == 1 && hashes.len() > 1 => {
                hashes.iter().skip(1).copied().min().unwrap_or(1)
            }
            _ => hashes.iter().copied().min().unwrap_or(1),
        }
    }

    fn abs(&self, start: usize, r: Range) -> Span {
        Span::new(start + r.0, start + r.1)
    }

    fn slice(&self, span: Span) -> &'a str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    fn line(
        &mut self,
        start: usize,
        line: &'a str,
        kind: LineKind,
        prev_blank: bool,
        next_blank: bool,
    ) {
        let full = Span::new(start, start + line.len());
        match kind {
            LineKind::Blank => match self.open {
                Open::List(_) => self.list_pending_blank = true,
                _ => self.close(),
            },
            LineKind::FrontDelim => self.text_line(full, full),
            LineKind::Comment => {
                self.close();
                self.open = Open::Comment(full);
                if line.contains("-->") {
                    self.close();
                }
            }
            LineKind::MdHeading {
                hashes,
                number,
                text,
            } => {
                let text_span = self.abs(start, text);
                if !self.title_taken && hashes == 1 && number.is_none() && self.md_base > 1 {
                    self.set_title(text_span);
                    return;
                }
                let level = hashes.saturating_sub(self.md_base) + 1;
                self.heading(full, number, text_span, level);
            }
            LineKind::ParaHeading { number, text } => {
                let t = self.abs(start, text);
                self.heading(full, Some(number), t, 1);
            }
            LineKind::AvsnittHeading { number, text } if !self.markdown => {
                let t = self.abs(start, text);
                self.heading(full, Some(number), t, 1);
            }
            LineKind::Numbered { number, text } => {
                let num = self.slice(self.abs(start, number));
                let t = self.abs(start, text);
                let body = self.slice(t);
                if !self.markdown && headings::numbered_is_heading(num, body) {
                    let parts = num.trim_end_matches('.').split('.').count();
                    let n = num.trim_end_matches('.').to_string();
                    self.heading(full, Some(n), t, parts);
                } else {
                    self.list_item(full, self.abs(start, number), None, t);
                }
            }
            LineKind::Bullet {
                marker,
                checked,
                text,
            } => {
                let m = self.abs(start, marker);
                let t = self.abs(start, text);
                self.list_item(full, m, checked, t);
            }
            LineKind::Checkbox { checked, text } => {
                let t = self.abs(start, text);
                self.list_item(full, Span::new(start, t.start), Some(checked), t);
            }
            LineKind::PipeRow { cells } => {
                let cells: Vec<Span> = cells.iter().map(|c| self.abs(start, *c)).collect();
                let is_sep = cells.iter().all(|c| {
                    let t = self.slice(*c).trim();
                    !t.is_empty() && t.chars().all(|ch| matches!(ch, '-' | ':' | ' '))
                });
                if is_sep {
                    return;
                }
                self.table_row(full, cells);
            }
            LineKind::TabRow { cells } => {
                let cells: Vec<Span> = cells.iter().map(|c| self.abs(start, *c)).collect();
                if !self.continue_tab_row(&cells) {
                    self.table_row(full, cells);
                }
            }
            LineKind::Field { key, value } => {
                let k = self.abs(start, key);
                let v = self.abs(start, value);
                let key_text = self.slice(k);
                let value_text = self.slice(v).trim();
                if headings::is_field(key_text, value_text) {
                    self.close();
                    self.push_block(Block::Field(Field {
                        key: key_text.to_string(),
                        value: without_comments(value_text).trim().to_string(),
                        span: full,
                        value_span: Span::new(v.start, v.start + self.slice(v).trim_end().len()),
                    }));
                } else {
                    self.text_line(full, full);
                }
            }
            LineKind::AvsnittHeading { .. } | LineKind::Text { .. } => {
                let trimmed = line.trim();
                let lead = line.len() - line.trim_start().len();
                let t = Span::new(start + lead, start + lead + trimmed.len());
                if !self.markdown && prev_blank && headings::plain_is_heading(trimmed, next_blank) {
                    let level = self.plain_heading_level();
                    self.heading(full, None, t, level);
                } else {
                    self.text_line(full, t);
                }
            }
        }
    }

    /// A line that is a heading by its style: the number from its text.
    fn hinted_heading(&mut self, start: usize, line: &'a str, kind: LineKind, level: usize) {
        let full = Span::new(start, start + line.len());
        let (number, text) = match kind {
            LineKind::Numbered { number, text } => {
                let n = self.slice(self.abs(start, number)).trim_end_matches('.');
                (Some(n.to_string()), self.abs(start, text))
            }
            LineKind::ParaHeading { number, text } | LineKind::AvsnittHeading { number, text } => {
                (Some(number), self.abs(start, text))
            }
            _ => {
                let lead = line.len() - line.trim_start().len();
                (
                    None,
                    Span::new(start + lead, start + lead + line.trim().len()),
                )
            }
        };
        self.heading(full, number, text, level);
    }

    /// Unnumbered headings nest under a `§` item, otherwise they are top level.
    fn plain_heading_level(&self) -> usize {
        for &i in self.stack.iter().rev() {
            if let Some(s) = self.doc.sections.get(i) {
                if s.heading
                    .number
                    .as_deref()
                    .is_some_and(|n| n.starts_with('§'))
                {
                    return s.level + 1;
                }
            }
        }
        1
    }

    fn set_title(&mut self, span: Span) {
        self.close();
        self.title_taken = true;
        self.doc.title = Some(Text {
            text: self.slice(span).trim().to_string(),
            span,
        });
    }
}
