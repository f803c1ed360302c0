//! The normalized text of a Word document, in the shape of a Word text
//! export that the parser reads: one paragraph per line with a blank line
//! between paragraphs, headings with their number (`2.1 Effektmål`), list
//! items as `• …` on consecutive lines, table rows as tab-separated cells,
//! checkboxes as `☒`/`☐`, and a content control still showing its
//! placeholder as a `<!-- … -->` comment (it holds no text yet).

use super::body::{Cell, Item, Merge, Para, Row};
use super::numbering::{Counters, Label, Numbering};
use super::styles::{Role, Styles};
use super::NumRef;
use crate::model::Span;
use crate::source::{HeadingHint, Origin, Place};

/// What a body paragraph is, once styles and numbering are known.
enum Kind {
    Heading {
        level: usize,
        number: Option<String>,
    },
    Title,
    ListItem,
    Text,
    Skip,
}

enum Block {
    Para {
        kind: Kind,
        number: usize,
        text: String,
    },
    Table(Vec<Row>),
}

/// A line from a header or footer to put at the top (`Dnr: RS/1/2026`).
pub struct MetaLine(pub String);

pub fn assemble(
    items: Vec<Item>,
    styles: &Styles,
    numbering: &Numbering,
    meta: &[MetaLine],
) -> (String, Origin) {
    let mut counters = Counters::default();
    let mut blocks: Vec<Block> = items
        .into_iter()
        .map(|item| match item {
            Item::Para(p) => classify(p, styles, numbering, &mut counters),
            Item::Table(rows) => Block::Table(rows),
        })
        .collect();
    promote_title(&mut blocks);
    let has_dnr = blocks.iter().any(|b| match b {
        Block::Para { text, .. } => text.lines().any(is_dnr_line),
        Block::Table(_) => false,
    });
    let meta: &[MetaLine] = if has_dnr { &[] } else { meta };
    let mut w = Writer::default();
    let mut meta_done = meta.is_empty();
    for (i, block) in blocks.iter().enumerate() {
        // Metadata goes after the first paragraph when that is the title,
        // else before everything.
        let title_first = matches!(
            block,
            Block::Para {
                kind: Kind::Title | Kind::Text,
                ..
            }
        );
        let title_now = i == 0 && title_first;
        if !meta_done && !title_now {
            w.meta(meta);
            meta_done = true;
        }
        w.block(block);
    }
    if !meta_done {
        w.meta(meta);
    }
    if !w.out.is_empty() && !w.out.ends_with('\n') {
        w.out.push('\n');
    }
    (w.out, w.origin)
}

fn classify(p: Para, styles: &Styles, numbering: &Numbering, counters: &mut Counters) -> Block {
    let role = match p.outline {
        Some(l) if l < 9 => Role::Heading(usize::from(l) + 1),
        Some(_) => Role::Body,
        None => styles.role(p.style.as_deref()),
    };
    let num = merge_numbering(p.num.as_ref(), styles.numbering(p.style.as_deref()));
    let label = num.and_then(|(id, lvl)| numbering.next(counters, styles, &id, lvl));
    let kind = match (role, label) {
        (Role::Toc, _) => Kind::Skip,
        (Role::Heading(level), Some(Label::Number(n))) => Kind::Heading {
            level,
            number: Some(n),
        },
        (Role::Heading(level), _) => Kind::Heading {
            level,
            number: None,
        },
        (Role::Title, _) => Kind::Title,
        (Role::Body, Some(_)) => Kind::ListItem,
        (Role::Body, None) => Kind::Text,
    };
    Block::Para {
        kind,
        number: p.number,
        text: clean(&p.text),
    }
}

/// The paragraph's own `w:numPr` over its style's: the instance id and level.
fn merge_numbering(direct: Option<&NumRef>, style: Option<NumRef>) -> Option<(String, u8)> {
    let id = direct
        .and_then(|n| n.num_id.clone())
        .or_else(|| style.as_ref().and_then(|s| s.num_id.clone()))?;
    let lvl = direct
        .and_then(|n| n.ilvl)
        .or_else(|| style.as_ref().and_then(|s| s.ilvl))
        .unwrap_or(0);
    Some((id, lvl))
}

/// A document whose first paragraph is the only heading at its level, above
/// all others, has it as its title (like a lone `#` in Markdown); the other
/// headings move up.
fn promote_title(blocks: &mut [Block]) {
    let first = blocks.iter().position(|b| match b {
        Block::Para { kind, text, .. } => !matches!(kind, Kind::Skip) && !text.trim().is_empty(),
        Block::Table(_) => true,
    });
    let Some(first) = first else { return };
    let title_level = match blocks.get(first) {
        Some(Block::Para {
            kind: Kind::Heading {
                level,
                number: None,
            },
            ..
        }) => *level,
        _ => return,
    };
    let levels: Vec<usize> = blocks
        .iter()
        .skip(first + 1)
        .filter_map(|b| match b {
            Block::Para {
                kind: Kind::Heading { level, .. },
                ..
            } => Some(*level),
            _ => None,
        })
        .collect();
    if levels.is_empty() || levels.iter().any(|l| *l <= title_level) {
        return;
    }
    for (i, b) in blocks.iter_mut().enumerate() {
        if let Block::Para { kind, .. } = b {
            if i == first {
                *kind = Kind::Title;
            } else if let Kind::Heading { level, .. } = kind {
                *level = level.saturating_sub(title_level).max(1);
            }
        }
    }
}

/// Drops carriage returns and control characters other than tab and newline.
fn clean(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() || matches!(c, '\t' | '\n'))
        .collect::<String>()
        .trim()
        .to_string()
}

/// `Dnr: …`, `Diarienummer: …` at the start of a line.
pub fn is_dnr_line(line: &str) -> bool {
    let l = line.trim_start().to_lowercase();
    ["dnr", "diarienummer", "diarienr"].iter().any(|k| {
        l.strip_prefix(k).is_some_and(|rest| {
            rest.trim_start_matches('.')
                .trim_start_matches([' ', '\t', '\u{a0}'])
                .starts_with(':')
        })
    })
}

/// A label ended by a colon and a tab (`Dnr:⇥RS/1/2026`) is a field, not a
/// table row: the tab becomes a space.
fn field_tab(line: &str) -> String {
    if let Some((key, rest)) = line.split_once(":\t") {
        let k = key.trim();
        if !k.is_empty() && k.chars().count() <= 40 && !k.contains('\t') {
            return format!("{key}: {}", rest.trim_start_matches('\t'));
        }
    }
    line.to_string()
}

fn flat(s: &str) -> String {
    s.split(['\t', '\n'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Default)]
struct Writer {
    out: String,
    origin: Origin,
    /// The last block written was a list item (items stay on consecutive lines).
    after_item: bool,
}

impl Writer {
    /// Starts a new block: a blank line after the one before.
    fn separate(&mut self, item: bool) {
        if !self.out.is_empty() {
            self.out.push_str(if item && self.after_item {
                "\n"
            } else {
                "\n\n"
            });
        }
        self.after_item = item;
    }

    fn meta(&mut self, meta: &[MetaLine]) {
        for m in meta {
            self.separate(false);
            self.origin.places.mark(self.out.len(), Place::HeaderFooter);
            self.out.push_str(&m.0);
        }
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Para { kind, number, text } => self.paragraph(kind, *number, text),
            Block::Table(rows) => self.table(rows),
        }
    }

    fn paragraph(&mut self, kind: &Kind, number: usize, text: &str) {
        if text.is_empty() || matches!(kind, Kind::Skip) {
            return;
        }
        let line = match kind {
            Kind::Heading { number: n, .. } => {
                let t = flat(text);
                match n {
                    Some(n) if !t.starts_with(n.as_str()) => format!("{n} {t}"),
                    _ => t,
                }
            }
            Kind::ListItem => format!("• {}", flat(text)),
            _ => text
                .lines()
                .map(|l| field_tab(l.trim()))
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n"),
        };
        self.separate(matches!(kind, Kind::ListItem));
        let start = self.out.len();
        self.origin.places.mark(start, Place::Paragraph(number));
        if let Kind::Heading { level, .. } = kind {
            self.origin.headings.push(HeadingHint {
                start,
                level: *level,
            });
        }
        self.out.push_str(&line);
    }

    fn table(&mut self, rows: &[Row]) {
        let grid = resolve_merges(rows);
        let multi_column = grid.iter().any(|r| r.len() > 1);
        let mut first = true;
        for row in grid {
            if !multi_column {
                // A one-column table is a column of paragraphs.
                if let Some(c) = row.first().filter(|c| !c.text.is_empty()) {
                    self.separate(false);
                    self.origin
                        .places
                        .mark(self.out.len(), Place::Paragraph(c.paragraph));
                    self.out.push_str(&c.text);
                }
                continue;
            }
            if first {
                self.separate(false);
                first = false;
            } else {
                self.out.push('\n');
            }
            for (i, c) in row.iter().enumerate() {
                if i > 0 {
                    self.out.push('\t');
                }
                let start = self.out.len();
                if c.paragraph > 0 {
                    self.origin
                        .places
                        .mark(start, Place::Paragraph(c.paragraph));
                }
                self.out.push_str(&c.text);
                if c.copy && !c.text.is_empty() {
                    self.origin.copies.push(Span::new(start, self.out.len()));
                }
            }
        }
        self.after_item = false;
    }
}

/// A cell as written: its text, its paragraph, and whether the text is a
/// copy from the first cell of a vertical merge.
struct GridCell {
    text: String,
    paragraph: usize,
    copy: bool,
}

/// Lays the rows on the table grid: a cell spanning columns is followed by
/// empty cells so later cells stay under their headers, and a cell covered
/// by a vertical merge repeats the text of the merge's first cell (each row
/// keeps its value, as a reader of the table sees it).
fn resolve_merges(rows: &[Row]) -> Vec<Vec<GridCell>> {
    let mut out: Vec<Vec<GridCell>> = Vec::new();
    let mut above: Vec<(String, usize)> = Vec::new();
    for row in rows {
        let mut cells: Vec<GridCell> = Vec::new();
        let mut here: Vec<(String, usize)> = Vec::new();
        for _ in 0..row.before {
            cells.push(empty());
            here.push((String::new(), 0));
        }
        for c in &row.cells {
            let col = cells.len();
            let gc = grid_cell(c, above.get(col));
            for k in 0..c.span.max(1) {
                here.push((gc.text.clone(), gc.paragraph));
                if k > 0 {
                    cells.push(empty());
                }
                if k == 0 {
                    cells.push(GridCell {
                        text: gc.text.clone(),
                        paragraph: gc.paragraph,
                        copy: gc.copy,
                    });
                }
            }
        }
        above = here;
        out.push(cells);
    }
    out
}

fn grid_cell(c: &Cell, above: Option<&(String, usize)>) -> GridCell {
    let text = flat(&c.text);
    match (c.merge, above) {
        (Merge::Continue, Some((t, p))) if text.is_empty() => GridCell {
            text: t.clone(),
            paragraph: *p,
            copy: true,
        },
        _ => GridCell {
            text,
            paragraph: c.paragraph,
            copy: false,
        },
    }
}

fn empty() -> GridCell {
    GridCell {
        text: String::new(),
        paragraph: 0,
        copy: false,
    }
}
