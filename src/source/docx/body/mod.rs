//! The body of `word/document.xml`, walked once into paragraphs and tables
//! with their text, before styles and numbering decide what each paragraph
//! is (`text.rs`).
//!
//! Paragraphs are counted in document order, 1-based: every `w:p` in the
//! body, empty ones and those in table cells included (a cell's paragraphs
//! after the cells before it). Text boxes, drawings, headers, footers,
//! footnotes and comments are not in the body and not counted. That count is
//! the "stycke N" of a location.
//!
//! `parse` decides what each tag means; `state.rs` keeps what is open and
//! closes it into paragraphs, cells and checkbox glyphs.

mod state;

use super::xml::{attr, local, on, Ev, Walker};
use super::DocxError;
use super::NumRef;
use state::{glyph, Sdt, State, Table};

/// A body paragraph with its direct formatting.
#[derive(Debug, Default)]
pub struct Para {
    /// The paragraph count ("stycke N").
    pub number: usize,
    pub style: Option<String>,
    pub num: Option<NumRef>,
    pub outline: Option<u8>,
    pub text: String,
    /// Inside an open `<!-- ` for a content control's placeholder.
    comment_open: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Merge {
    #[default]
    None,
    /// `w:vMerge w:val="restart"`: the first cell of a vertical merge.
    Restart,
    /// `w:vMerge`: a cell covered by the one above.
    Continue,
}

#[derive(Debug, Default)]
pub struct Cell {
    pub text: String,
    /// The paragraph count of the cell's first paragraph.
    pub paragraph: usize,
    /// `w:gridSpan`: how many grid columns the cell covers.
    pub span: usize,
    pub merge: Merge,
}

#[derive(Debug, Default)]
pub struct Row {
    /// `w:gridBefore`: grid columns left empty before the first cell.
    pub before: usize,
    pub cells: Vec<Cell>,
}

#[derive(Debug)]
pub enum Item {
    Para(Para),
    Table(Vec<Row>),
}

/// Tracked changes seen in the body.
#[derive(Debug, Default)]
pub struct Changes {
    pub inserted: usize,
    pub deleted: usize,
    pub formatting: usize,
    /// The paragraph count where the first change is.
    pub first_paragraph: Option<usize>,
}

#[derive(Debug, Default)]
pub struct Body {
    pub items: Vec<Item>,
    pub changes: Changes,
}

/// Elements whose content is never body text.
const SKIPPED: &[&[u8]] = &[
    b"drawing",
    b"pict",
    b"object",
    b"txbxContent",
    b"Fallback",
    b"instrText",
    b"delText",
    b"delInstrText",
    b"sectPr",
    b"sdtEndPr",
    b"tblPr",
    b"tblGrid",
];

pub fn parse(bytes: &[u8], part: &str) -> Result<Body, DocxError> {
    let mut w = Walker::new(bytes, part);
    let mut s = State::default();
    loop {
        match w.next()? {
            Ev::Eof => break,
            Ev::Start { e, empty } => {
                let name = local(&e);
                // Headers and footers (`w:hdr`, `w:ftr`) are read the same way.
                if matches!(name, b"body" | b"hdr" | b"ftr") {
                    s.in_body = true;
                    continue;
                }
                if !s.in_body {
                    continue;
                }
                if SKIPPED.contains(&name) || (name.ends_with(b"Change") && name.len() > 6) {
                    if name.ends_with(b"Change") {
                        s.change(|c| c.formatting += 1);
                    }
                    if !empty {
                        w.skip()?;
                    }
                    continue;
                }
                match name {
                    b"p" => s.start_paragraph(),
                    b"pPr" => s.in_ppr = s.para.is_some(),
                    b"pStyle" if s.in_ppr => {
                        if let Some(p) = s.para.as_mut() {
                            p.style = attr(&e, b"val");
                        }
                    }
                    b"numPr" if s.in_ppr => {
                        if let Some(p) = s.para.as_mut() {
                            p.num = Some(NumRef::default());
                        }
                    }
                    b"numId" if s.in_ppr => {
                        if let Some(n) = s.para.as_mut().and_then(|p| p.num.as_mut()) {
                            n.num_id = attr(&e, b"val");
                        }
                    }
                    b"ilvl" if s.in_ppr => {
                        if let Some(n) = s.para.as_mut().and_then(|p| p.num.as_mut()) {
                            n.ilvl = attr(&e, b"val").and_then(|v| v.parse().ok());
                        }
                    }
                    b"outlineLvl" if s.in_ppr => {
                        if let Some(p) = s.para.as_mut() {
                            p.outline = attr(&e, b"val").and_then(|v| v.parse().ok());
                        }
                    }
                    b"t" => s.in_t = !empty,
                    b"tab" if !s.in_ppr => s.push_text("\t"),
                    b"br" => {
                        let kind = attr(&e, b"type");
                        s.push_text(match kind.as_deref() {
                            Some("page" | "column") => " ",
                            _ => "\n",
                        });
                    }
                    b"cr" => s.push_text("\n"),
                    b"noBreakHyphen" => s.push_text("\u{2011}"),
                    b"sym" => {
                        let font = attr(&e, b"font").unwrap_or_default();
                        if let Some(c) = symbol(&font, attr(&e, b"char").as_deref()) {
                            s.push_glyph(c);
                        }
                    }
                    b"ins" | b"moveTo" => s.change(|c| c.inserted += 1),
                    b"del" | b"moveFrom" => {
                        s.change(|c| c.deleted += 1);
                        if !empty {
                            w.skip()?;
                        }
                    }
                    b"tbl" => s.tables.push(Table::default()),
                    b"tr" => {
                        if let Some(t) = s.tables.last_mut() {
                            t.row = Some(Row::default());
                        }
                    }
                    b"gridBefore" => {
                        if let Some(r) = s.tables.last_mut().and_then(|t| t.row.as_mut()) {
                            r.before = number(&e).min(64);
                        }
                    }
                    b"tc" => {
                        let paragraph = s.paragraphs + 1;
                        if let Some(t) = s.tables.last_mut() {
                            t.cell = Some(Cell {
                                paragraph,
                                span: 1,
                                ..Cell::default()
                            });
                        }
                    }
                    b"gridSpan" => {
                        if let Some(c) = s.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                            c.span = number(&e).clamp(1, 64);
                        }
                    }
                    b"vMerge" => {
                        if let Some(c) = s.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                            c.merge = match attr(&e, b"val").as_deref() {
                                Some("restart") => Merge::Restart,
                                _ => Merge::Continue,
                            };
                        }
                    }
                    b"sdt" => s.sdts.push(Sdt::default()),
                    b"sdtPr" => s.in_sdt_pr = !empty,
                    b"showingPlcHdr" if s.in_sdt_pr => {
                        if let Some(f) = s.sdts.last_mut() {
                            f.placeholder = on(&e);
                        }
                    }
                    b"checkbox" if s.in_sdt_pr => {
                        if let Some(f) = s.sdts.last_mut() {
                            f.checkbox = Some(false);
                        }
                    }
                    b"checked" if s.in_sdt_pr => {
                        if let Some(f) = s.sdts.last_mut() {
                            f.checkbox = Some(on(&e));
                        }
                    }
                    b"sdtContent" => s.start_sdt_content(),
                    b"checkBox" => s.form_box = Some(false),
                    b"default" if s.form_box.is_some() => s.form_box = Some(on(&e)),
                    b"checked" if s.form_box.is_some() => s.form_checked = Some(on(&e)),
                    _ => {}
                }
            }
            Ev::End { local } => match local.as_slice() {
                b"body" | b"hdr" | b"ftr" => s.in_body = false,
                b"p" => s.end_paragraph(),
                b"pPr" => s.in_ppr = false,
                b"t" => s.in_t = false,
                b"sdtPr" => s.in_sdt_pr = false,
                b"sdt" => s.end_sdt(),
                b"fldChar" => {
                    if let Some(default) = s.form_box.take() {
                        let checked = s.form_checked.take().unwrap_or(default);
                        s.push_glyph(glyph(checked));
                    }
                }
                b"tc" => {
                    if let Some(t) = s.tables.last_mut() {
                        if let (Some(c), Some(r)) = (t.cell.take(), t.row.as_mut()) {
                            r.cells.push(c);
                        }
                    }
                }
                b"tr" => {
                    if let Some(t) = s.tables.last_mut() {
                        if let Some(r) = t.row.take() {
                            t.rows.push(r);
                        }
                    }
                }
                b"tbl" => s.end_table(),
                _ => {}
            },
            Ev::Text(t) if s.in_t => s.push_text(&t),
            Ev::Text(_) => {}
        }
    }
    Ok(Body {
        items: s.items,
        changes: s.changes,
    })
}

fn number(e: &quick_xml::events::BytesStart<'_>) -> usize {
    attr(e, b"val").and_then(|v| v.parse().ok()).unwrap_or(0)
}

/// A `w:sym` from the Wingdings font that is a checkbox: `F0FE`, `F078`
/// (checked) and `F0A8`, `F06F` (empty).
fn symbol(font: &str, code: Option<&str>) -> Option<char> {
    if !font.to_lowercase().starts_with("wingdings") {
        return None;
    }
    let code = u32::from_str_radix(code?, 16).ok()?;
    match code & 0xFF {
        0xFE | 0x78 | 0xFD => Some('☒'),
        0xA8 | 0x6F => Some('☐'),
        _ => None,
    }
}
