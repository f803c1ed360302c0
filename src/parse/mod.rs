//! parse: text → `Document`. Lines are classified by the pest grammar
//! (`lines.rs`); the builder here folds them into sections and blocks.

mod headings;
pub mod lines;
mod loose_table;

use crate::model::{
    Block, Cell, Document, Field, Heading, ListItem, Row, Section, Span, Table, Text,
};
use crate::source::HeadingHint;
use lines::{classify, LineKind, Range};
use std::collections::HashMap;

/// Parse a document's text. Markdown and text extracted from Word give the same model.
pub fn parse(text: &str) -> Document {
    parse_with_headings(text, &[])
}

/// Parse a text whose headings are partly known already: a Word reader
/// knows the lines that are headings by their paragraph style, and their
/// level, even when nothing in the text says so (`Effektmål` alone on a
/// line). Such a line is a heading at that level, with the number its text
/// starts with (`2.1 Effektmål`, `§ 8`, `Avsnitt 2 – Mål`). `hints` are
/// sorted by offset; each is the start of a line.
pub fn parse_with_headings(text: &str, hints: &[HeadingHint]) -> Document {
    let mut b = Builder::new(text);
    b.hints = hints.iter().map(|h| (h.start, h.level)).collect();
    if !b.hints.is_empty() {
        // A space-separated table ends at a heading, and none starts there.
        for (line, kind) in b.lines.iter().zip(b.kinds.iter_mut()) {
            if b.hints.contains_key(&line.start) {
                *kind = LineKind::ParaHeading {
                    number: String::new(),
                    text: (0, 0),
                };
            }
        }
    }
    b.run();
    b.finish()
}

/// The text with `<!-- … -->` comments inside a line removed: a placeholder
/// comment in a field (`Uppdragsägare: <!-- namn -->`) or a table cell is no
/// value.
pub fn without_comments(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains("<!--") {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("<!--") {
        out.push_str(&rest[..i]);
        match rest[i..].find("-->") {
            Some(j) => rest = &rest[i + j + 3..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// One physical line: its byte span (without the line break) and text.
struct Line<'a> {
    start: usize,
    text: &'a str,
}

fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    // memchr's vector search: std's `split('\n')` looks a word at a time.
    let ends = memchr::memchr_iter(b'\n', text.as_bytes())
        .chain((!text.ends_with('\n') && !text.is_empty()).then_some(text.len()));
    for end in ends {
        let body = text.get(start..end).unwrap_or("");
        let body = body.strip_suffix('\r').unwrap_or(body);
        out.push(Line { start, text: body });
        start = end + 1;
    }
    out
}

enum Open {
    None,
    Paragraph(Vec<(Span, String)>),
    List(Vec<ListItem>),
    Table(Vec<Row>),
    Comment(Span),
}

struct Builder<'a> {
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
    fn new(text: &'a str) -> Self {
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

    fn run(&mut self) {
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

    fn heading(&mut self, full: Span, number: Option<String>, text: Span, level: usize) {
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

    fn text_line(&mut self, full: Span, text: Span) {
        let t = self.slice(text).to_string();
        match &mut self.open {
            Open::Paragraph(lines) => lines.push((full, t)),
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
                self.open = Open::Paragraph(vec![(full, t)]);
            }
        }
    }

    fn list_item(&mut self, full: Span, marker: Span, checked: Option<bool>, text: Span) {
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

    fn table_row(&mut self, full: Span, cells: Vec<Span>) {
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
    fn continue_tab_row(&mut self, cells: &[Span]) -> bool {
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

    fn close(&mut self) {
        self.list_pending_blank = false;
        let open = std::mem::replace(&mut self.open, Open::None);
        let block = match open {
            Open::None => return,
            Open::Paragraph(lines) => {
                let (Some(first), Some(last)) = (lines.first(), lines.last()) else {
                    return;
                };
                let span = Span::new(first.0.start, last.0.end);
                let text = lines
                    .iter()
                    .map(|(_, t)| t.trim())
                    .collect::<Vec<_>>()
                    .join(" ");
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

    fn push_block(&mut self, block: Block) {
        match self
            .stack
            .last()
            .and_then(|&i| self.doc.sections.get_mut(i))
        {
            Some(s) => s.blocks.push(block),
            None => self.doc.preamble.push(block),
        }
    }

    fn finish(mut self) -> Document {
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
