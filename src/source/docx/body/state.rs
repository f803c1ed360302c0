//! What the walk over the body has open at the current tag (the paragraph,
//! tables, content controls, a checkbox glyph) and how each, once closed,
//! joins the body's items or the cell around it.

use super::{Cell, Changes, Item, Para, Row};

#[derive(Default)]
pub(super) struct Table {
    pub(super) rows: Vec<Row>,
    pub(super) row: Option<Row>,
    pub(super) cell: Option<Cell>,
}

#[derive(Default)]
pub(super) struct Sdt {
    pub(super) placeholder: bool,
    pub(super) checkbox: Option<bool>,
    in_content: bool,
}

#[derive(Default)]
pub(super) struct State {
    pub(super) items: Vec<Item>,
    pub(super) changes: Changes,
    pub(super) paragraphs: usize,
    pub(super) para: Option<Para>,
    /// Paragraphs nested in the current one (in an unknown container).
    nested_p: usize,
    pub(super) in_body: bool,
    pub(super) in_ppr: bool,
    pub(super) in_t: bool,
    pub(super) in_sdt_pr: bool,
    pub(super) tables: Vec<Table>,
    pub(super) sdts: Vec<Sdt>,
    /// A checkbox glyph waiting for the next paragraph.
    pending_glyph: Option<char>,
    /// A legacy form-field checkbox: `Some(default)`, and `w:checked`.
    pub(super) form_box: Option<bool>,
    pub(super) form_checked: Option<bool>,
}

impl State {
    pub(super) fn change(&mut self, f: impl FnOnce(&mut Changes)) {
        f(&mut self.changes);
        if self.changes.first_paragraph.is_none() {
            let n = match &self.para {
                Some(p) => p.number,
                None => self.paragraphs + 1,
            };
            self.changes.first_paragraph = Some(n);
        }
    }

    pub(super) fn start_paragraph(&mut self) {
        if self.para.is_some() {
            self.nested_p += 1;
            return;
        }
        self.paragraphs += 1;
        let mut p = Para {
            number: self.paragraphs,
            ..Para::default()
        };
        if let Some(g) = self.pending_glyph.take() {
            p.text.push(g);
        }
        self.para = Some(p);
    }

    pub(super) fn end_paragraph(&mut self) {
        if self.nested_p > 0 {
            self.nested_p -= 1;
            if let Some(p) = self.para.as_mut() {
                p.text.push(' ');
            }
            return;
        }
        self.in_ppr = false;
        let Some(mut p) = self.para.take() else {
            return;
        };
        close_comment(&mut p);
        match self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
            Some(cell) => {
                let t = p.text.trim();
                if !t.is_empty() {
                    if !cell.text.is_empty() {
                        cell.text.push(' ');
                    }
                    cell.text.push_str(t);
                }
            }
            None => self.items.push(Item::Para(p)),
        }
    }

    pub(super) fn end_table(&mut self) {
        let Some(t) = self.tables.pop() else {
            return;
        };
        match self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
            // A table in a cell: its text joins the cell's.
            Some(cell) => {
                for r in t.rows {
                    for c in r.cells {
                        if !c.text.is_empty() {
                            if !cell.text.is_empty() {
                                cell.text.push(' ');
                            }
                            cell.text.push_str(&c.text);
                        }
                    }
                }
            }
            None => self.items.push(Item::Table(t.rows)),
        }
    }

    pub(super) fn start_sdt_content(&mut self) {
        let Some(f) = self.sdts.last_mut() else {
            return;
        };
        f.in_content = true;
        if let Some(checked) = f.checkbox {
            self.push_glyph(glyph(checked));
        }
    }

    pub(super) fn end_sdt(&mut self) {
        if let Some(f) = self.sdts.pop() {
            if f.placeholder {
                if let Some(p) = self.para.as_mut() {
                    close_comment(p);
                }
            }
        }
    }

    /// A checkbox glyph: into the paragraph, or the next one when the
    /// control holds whole paragraphs.
    pub(super) fn push_glyph(&mut self, c: char) {
        match self.para.as_mut() {
            Some(p) => {
                close_comment(p);
                p.text.push(c);
            }
            None => self.pending_glyph = Some(c),
        }
    }

    pub(super) fn push_text(&mut self, s: &str) {
        // A checkbox control's own text is its glyph, written already.
        if self
            .sdts
            .iter()
            .any(|f| f.in_content && f.checkbox.is_some())
        {
            return;
        }
        let placeholder = self.sdts.iter().any(|f| f.in_content && f.placeholder);
        let Some(p) = self.para.as_mut() else {
            return;
        };
        if placeholder {
            if !p.comment_open {
                p.text.push_str("<!-- ");
                p.comment_open = true;
            }
            p.text
                .push_str(&s.replace("-->", "–>").replace("<!--", "<!–"));
        } else {
            close_comment(p);
            p.text.push_str(s);
        }
    }
}

fn close_comment(p: &mut Para) {
    if p.comment_open {
        p.text.push_str(" -->");
        p.comment_open = false;
    }
}

pub(super) fn glyph(checked: bool) -> char {
    if checked {
        '☒'
    } else {
        '☐'
    }
}
