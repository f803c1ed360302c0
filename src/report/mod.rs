//! report: one module per output format; all render the same diagnostics.

pub mod human;
pub mod json;

use crate::diagnostic::Severity;
use crate::engine::FileReport;

/// Line starts of a text, for turning byte offsets into line and column.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    /// 1-based line and 1-based column in characters.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts.get(line.wrapping_sub(1)).copied().unwrap_or(0);
        let column = self
            .text
            .get(start..offset)
            .map(|t| t.chars().count())
            .unwrap_or(0)
            + 1;
        (line.max(1), column)
    }
}

/// A file that could not be checked.
#[derive(Debug, Clone)]
pub struct FileError {
    pub path: String,
    pub message: String,
}

/// Totals over a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub unreadable: usize,
}

impl Summary {
    pub fn of(reports: &[FileReport], errors: &[FileError]) -> Self {
        let mut s = Summary {
            files: reports.len() + errors.len(),
            unreadable: errors.len(),
            ..Summary::default()
        };
        for r in reports {
            s.errors += r.count(Severity::Error);
            s.warnings += r.count(Severity::Warning);
            s.infos += r.count(Severity::Info);
        }
        s
    }
}
