//! What a reader of a Word or PDF file knows beyond the normalized text:
//! where each part of the text stands in the file, which lines are headings
//! by their style, and the tracked changes not yet accepted.

use crate::model::Span;

/// Where a piece of the normalized text stands in the original file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The Nth paragraph of a Word document's body ("stycke N"), 1-based;
    /// see `docx` for how paragraphs are counted.
    Paragraph(usize),
    /// The Nth page of a PDF ("sida N"), 1-based.
    Page(usize),
    /// A Word document's header or footer (metadata such as the Dnr).
    HeaderFooter,
}

impl Place {
    /// `stycke 14`, `sida 3`, `sidfot` (or the English words).
    pub fn describe(self, swedish: bool) -> String {
        match (self, swedish) {
            (Place::Paragraph(n), true) => format!("stycke {n}"),
            (Place::Paragraph(n), false) => format!("paragraph {n}"),
            (Place::Page(n), true) => format!("sida {n}"),
            (Place::Page(n), false) => format!("page {n}"),
            (Place::HeaderFooter, true) => "sidhuvud eller sidfot".into(),
            (Place::HeaderFooter, false) => "header or footer".into(),
        }
    }

    /// `i stycke 14`, `på sida 3` (or the English words).
    pub fn located(self, swedish: bool) -> String {
        let prep = match (self, swedish) {
            (Place::Page(_), true) => "på",
            (_, true) => "i",
            (Place::Page(_), false) => "on",
            (_, false) => "in",
        };
        format!("{prep} {}", self.describe(swedish))
    }
}

/// Byte offsets of the normalized text, each with the place the text from
/// there on comes from, in ascending order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Places {
    starts: Vec<(usize, Place)>,
}

impl Places {
    /// Records that the text from `offset` on comes from `place`. Offsets
    /// must not decrease; a repeated offset replaces the earlier place.
    pub fn mark(&mut self, offset: usize, place: Place) {
        match self.starts.last_mut() {
            Some((o, p)) if *o == offset => *p = place,
            Some((_, p)) if *p == place => {}
            Some((o, _)) if *o > offset => {}
            _ => self.starts.push((offset, place)),
        }
    }

    /// The place of the text at a byte offset.
    pub fn at(&self, offset: usize) -> Option<Place> {
        let i = self.starts.partition_point(|(o, _)| *o <= offset);
        i.checked_sub(1)
            .and_then(|i| self.starts.get(i))
            .map(|(_, p)| *p)
    }

    /// Where the text of a place begins.
    pub fn first_offset_of(&self, place: Place) -> Option<usize> {
        self.starts
            .iter()
            .find(|(_, p)| *p == place)
            .map(|(o, _)| *o)
    }

    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }
}

/// A line that is a heading by its paragraph style: the byte offset where
/// the line starts, and its level (1 for the top level).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeadingHint {
    pub start: usize,
    pub level: usize,
}

/// Tracked changes in a Word document that are not yet accepted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Revisions {
    /// Inserted or moved-to text (`w:ins`, `w:moveTo`): kept in the text.
    pub inserted: usize,
    /// Deleted or moved-away text (`w:del`, `w:moveFrom`): left out.
    pub deleted: usize,
    /// Changed formatting (`w:rPrChange`, `w:pPrChange` …).
    pub formatting: usize,
    /// The byte offset of the line with the first change, when known.
    pub first: Option<usize>,
}

impl Revisions {
    pub fn total(&self) -> usize {
        self.inserted + self.deleted + self.formatting
    }
}

/// Everything a Word or PDF reader adds to the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    pub places: Places,
    /// Headings by paragraph style, in text order.
    pub headings: Vec<HeadingHint>,
    pub revisions: Revisions,
    /// Text written twice because a merged table cell spans several rows:
    /// the copies, where findings are not reported again.
    pub copies: Vec<Span>,
    /// Document properties that count as front matter (a Word document's
    /// custom properties: `dokumenttyp`, `dnr` …), keys lower-cased.
    pub properties: Vec<(String, String)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_looked_up_by_offset() {
        let mut p = Places::default();
        p.mark(0, Place::Paragraph(1));
        p.mark(10, Place::Paragraph(2));
        p.mark(10, Place::Paragraph(3));
        p.mark(20, Place::Paragraph(3));
        assert_eq!(p.at(0), Some(Place::Paragraph(1)));
        assert_eq!(p.at(9), Some(Place::Paragraph(1)));
        assert_eq!(p.at(10), Some(Place::Paragraph(3)));
        assert_eq!(p.at(500), Some(Place::Paragraph(3)));
        assert_eq!(Places::default().at(3), None);
    }
}
