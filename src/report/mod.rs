//! report: one module per output format; all render the same diagnostics.

pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod short;
pub mod whole_run;

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
        let (line, start, offset) = self.locate(offset);
        let column = self
            .text
            .get(start..offset)
            .map(|t| t.chars().count())
            .unwrap_or(0)
            + 1;
        (line, column)
    }

    /// 1-based line and 1-based column in UTF-16 code units, as SARIF and
    /// most editors count them (a character outside the Basic Multilingual
    /// Plane counts twice).
    pub fn line_col_utf16(&self, offset: usize) -> (usize, usize) {
        let (line, start, offset) = self.locate(offset);
        let column = self
            .text
            .get(start..offset)
            .map(|t| t.encode_utf16().count())
            .unwrap_or(0)
            + 1;
        (line, column)
    }

    /// The text of a 1-based line, without its line break.
    pub fn line_text(&self, line: usize) -> &'a str {
        let Some(&start) = self.starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = self
            .starts
            .get(line)
            .map_or(self.text.len(), |&next| next - 1);
        self.text
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches('\r')
    }

    /// The 1-based line of an offset, the byte where that line starts, and
    /// the offset clamped to the text and moved back to a character boundary.
    fn locate(&self, offset: usize) -> (usize, usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts.get(line.wrapping_sub(1)).copied().unwrap_or(0);
        (line.max(1), start, offset)
    }
}

/// A checked path as reports show it to other tools: `./` dropped and, on
/// Windows, forward slashes.
pub fn portable_path(path: &str) -> String {
    let path = if cfg!(windows) {
        path.replace('\\', "/")
    } else {
        path.to_string()
    };
    let mut rest = path.as_str();
    while let Some(r) = rest.strip_prefix("./") {
        rest = r.trim_start_matches('/');
    }
    rest.to_string()
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

    /// Adds another part of the run's totals to these.
    pub fn add(&mut self, other: &Summary) {
        self.files += other.files;
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.infos += other.infos;
        self.unreadable += other.unreadable;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_in_characters_and_in_utf16() {
        let text = "rad ett\r\n🌍 å skall\nsist";
        let index = LineIndex::new(text);
        let at = text.find("skall").unwrap();
        assert_eq!(index.line_col(at), (2, 5));
        assert_eq!(index.line_col_utf16(at), (2, 6));
        assert_eq!(index.line_col(text.len()), (3, 5));
        assert_eq!(index.line_text(1), "rad ett");
        assert_eq!(index.line_text(2), "🌍 å skall");
        assert_eq!(index.line_text(3), "sist");
        assert_eq!(index.line_text(4), "");
    }

    #[test]
    fn portable_paths_drop_the_leading_dot() {
        assert_eq!(portable_path("./docs/a.md"), "docs/a.md");
        assert_eq!(portable_path(".//a.md"), "a.md");
        assert_eq!(portable_path("../a.md"), "../a.md");
        assert_eq!(portable_path("/abs/a.md"), "/abs/a.md");
    }
}
