//! The parsed document: title, metadata, a tree of sections with blocks.
//! Every node keeps the byte span of the text it came from.

use serde::Serialize;

/// A half-open byte range `[start, end)` into the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The smallest span covering both.
    pub fn join(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// A piece of text with its location.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Text {
    pub text: String,
    pub span: Span,
}

/// A `Key: value` line, or an entry of the front matter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Field {
    pub key: String,
    pub value: String,
    pub span: Span,
    pub value_span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListItem {
    /// The bullet or number as written (`•`, `-`, `1.`).
    pub marker: String,
    pub text: String,
    /// `Some(true)` for `[x]`/`☒`, `Some(false)` for `[ ]`/`☐`.
    pub checked: Option<bool>,
    pub span: Span,
    pub text_span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cell {
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    pub cells: Vec<Cell>,
    pub span: Span,
}

/// A table: the first row is the header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    pub rows: Vec<Row>,
    pub span: Span,
}

impl Table {
    pub fn header(&self) -> Option<&Row> {
        self.rows.first()
    }
    pub fn body(&self) -> &[Row] {
        self.rows.get(1..).unwrap_or(&[])
    }
    /// Index of the first header cell whose text matches.
    pub fn column(&self, pred: impl Fn(&str) -> bool) -> Option<usize> {
        self.header()?
            .cells
            .iter()
            .position(|c| pred(c.text.trim()))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    Paragraph(Text),
    List {
        items: Vec<ListItem>,
        span: Span,
    },
    Table(Table),
    Field(Field),
    /// `<!-- ... -->` comments (kept for suppressions and templates).
    Comment(Text),
}

impl Block {
    pub fn span(&self) -> Span {
        match self {
            Block::Paragraph(t) | Block::Comment(t) => t.span,
            Block::List { span, .. } => *span,
            Block::Table(t) => t.span,
            Block::Field(f) => f.span,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Heading {
    /// `2.1`, `§ 8`, `Avsnitt 2` → `2`; `None` when unnumbered.
    pub number: Option<String>,
    /// The heading text without number or markup.
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    pub heading: Heading,
    /// 1 for top-level sections.
    pub level: usize,
    pub blocks: Vec<Block>,
    /// Heading line to the end of the last descendant.
    pub span: Span,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Document {
    pub title: Option<Text>,
    /// Front matter entries (`key: value`), lower-cased keys.
    pub front_matter: Vec<Field>,
    /// Blocks before the first section heading (fields such as `Dnr:` live here).
    pub preamble: Vec<Block>,
    /// All sections in document order; tree links by index.
    pub sections: Vec<Section>,
    /// Top-level section indices.
    pub roots: Vec<usize>,
    /// Length of the text in bytes.
    pub len: usize,
}

impl Document {
    /// `2 Mål > 2.1 Effektmål`: the heading path of a section.
    pub fn heading_path(&self, index: usize) -> String {
        let mut parts = Vec::new();
        let mut cur = Some(index);
        while let Some(i) = cur {
            let Some(s) = self.sections.get(i) else { break };
            parts.push(s.heading.display());
            cur = s.parent;
        }
        parts.reverse();
        parts.join(" > ")
    }

    /// The innermost section containing a byte offset.
    pub fn section_at(&self, offset: usize) -> Option<usize> {
        // Sections are in document order with nested spans, so the innermost
        // section containing the offset is the last one starting at or
        // before it, or one of that one's ancestors: a binary search and a
        // walk up, not a scan of every section (this runs per finding).
        let contains =
            |s: &Section| offset < s.span.end || (offset == s.span.end && s.span.end == self.len);
        let last = self
            .sections
            .partition_point(|s| s.span.start <= offset)
            .checked_sub(1)?;
        let mut cur = Some(last);
        while let Some(i) = cur {
            let s = self.sections.get(i)?;
            if contains(s) {
                return Some(i);
            }
            cur = s.parent;
        }
        None
    }

    /// Every field in the document: front matter, preamble and all sections.
    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        self.front_matter
            .iter()
            .chain(self.all_blocks().filter_map(|b| match b {
                Block::Field(f) => Some(f),
                _ => None,
            }))
    }

    /// The front-matter value for a key (case-insensitive).
    pub fn front_matter_value(&self, key: &str) -> Option<&str> {
        self.front_matter
            .iter()
            .find(|f| f.key.eq_ignore_ascii_case(key))
            .map(|f| f.value.as_str())
    }

    /// Spans of the `<!-- -->` comments, in document order.
    pub fn comment_spans(&self) -> Vec<Span> {
        self.all_blocks()
            .filter_map(|b| match b {
                Block::Comment(t) => Some(t.span),
                _ => None,
            })
            .collect()
    }

    pub fn all_blocks(&self) -> impl Iterator<Item = &Block> {
        self.preamble
            .iter()
            .chain(self.sections.iter().flat_map(|s| s.blocks.iter()))
    }

    /// A section and all its descendants, in document order.
    pub fn subtree(&self, index: usize) -> Vec<usize> {
        let mut out = vec![index];
        let mut i = 0;
        while i < out.len() {
            if let Some(s) = self.sections.get(out[i]) {
                out.extend(s.children.iter().copied());
            }
            i += 1;
        }
        out.sort_unstable();
        out
    }

    /// All blocks of a section and its descendants.
    pub fn subtree_blocks(&self, index: usize) -> impl Iterator<Item = &Block> {
        self.subtree(index)
            .into_iter()
            .filter_map(|i| self.sections.get(i))
            .flat_map(|s| s.blocks.iter())
    }
}

impl Heading {
    pub fn display(&self) -> String {
        match &self.number {
            Some(n) => format!("{n} {}", self.text),
            None => self.text.clone(),
        }
    }
}

/// The running text of a block, for word counts and phrase searches.
pub fn block_text(block: &Block) -> String {
    match block {
        Block::Paragraph(t) => t.text.clone(),
        Block::Comment(_) => String::new(),
        Block::List { items, .. } => items
            .iter()
            .map(|i| i.text.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Table(t) => t
            .rows
            .iter()
            .map(|r| {
                r.cells
                    .iter()
                    .map(|c| c.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Field(f) => format!("{}: {}", f.key, f.value),
    }
}
