//! The formats that are one document for the whole run (JSON, SARIF,
//! JUnit), put together from parts. Each checked file's part is rendered on
//! its own while the file's text is at hand; the parts leave in the
//! document's order as soon as nothing can come before them; the head and
//! the tail, which need the run's totals, go around them. Each format's
//! `render` and the streamed output of `styrkoll check` are put together
//! here alike, so they give the same bytes, and a streamed run keeps no
//! report after its part is rendered.

use super::{FileError, Summary};
use crate::engine::FileReport;
use serde::Serialize;

/// A format that is one document for the whole run.
pub trait WholeRun: Sync {
    /// The part of a checked file: its elements (see [`Layout`]), lines
    /// and columns resolved, so that the report is not needed after.
    fn file(&self, r: &FileReport) -> String;
    /// The part of a file that could not be read.
    fn unreadable(&self, e: &FileError) -> String;
    fn order(&self) -> Order;
    fn layout(&self) -> Layout;
    /// Everything before the first part; `errors` are the files that could
    /// not be read, in the order they were found.
    fn head(&self, totals: &Totals, errors: &[FileError]) -> String;
    /// Everything after the last part.
    fn tail(&self, totals: &Totals) -> String;
    /// Whether `head` is the same whatever the run holds, so that it can
    /// be written before any file is checked.
    fn fixed_head(&self) -> bool;
}

/// The order of the parts in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// By path; at the same path checked files before unreadable ones,
    /// each in the order given (JSON's files, JUnit's test cases).
    ByPath,
    /// Checked files in the order given, then unreadable ones (SARIF's
    /// results).
    AsGiven,
}

impl Order {
    /// The place of a checked file; `seq` orders the checked files as given.
    pub fn checked(self, path: &str, seq: usize) -> Position {
        self.position(path, false, seq)
    }

    /// The place of a file that could not be read; `seq` orders the
    /// unreadable files as given.
    pub fn unreadable(self, path: &str, seq: usize) -> Position {
        self.position(path, true, seq)
    }

    fn position(self, path: &str, unreadable: bool, seq: usize) -> Position {
        let path = match self {
            Order::ByPath => path.to_string(),
            Order::AsGiven => String::new(),
        };
        Position {
            path,
            unreadable,
            seq,
        }
    }
}

/// Where a file's part goes in the document (see [`Order`]).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    path: String,
    unreadable: bool,
    seq: usize,
}

/// How the parts are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Elements of a pretty-printed JSON array: the first after a line
    /// break, each other after a comma and a line break (a part of several
    /// elements joins them the same way).
    JsonArray,
    /// Blocks of whole lines, one after the other.
    Lines,
}

/// A checked file's part, rendered, with what it adds to the totals.
#[derive(Debug, Clone)]
pub struct FilePart {
    text: String,
    summary: Summary,
}

impl FilePart {
    pub fn of(format: &dyn WholeRun, r: &FileReport) -> Self {
        FilePart {
            text: format.file(r),
            summary: Summary::of(std::slice::from_ref(r), &[]),
        }
    }
}

/// What one file gave.
#[derive(Debug, Clone)]
pub enum Entry {
    Checked(FilePart),
    Unreadable(FileError),
}

/// What the head and the tail need to know about the whole run.
#[derive(Debug, Clone, Copy, Default)]
pub struct Totals {
    pub summary: Summary,
    /// Checked files with an error or a warning (JUnit's failures).
    pub failing: usize,
    /// Whether any part had text: a JSON array ends on a line of its own
    /// only then.
    pub has_elements: bool,
}

/// A document being put together: parts come in as their files are
/// checked, and leave in the document's order once nothing can come
/// before them.
pub struct Assembly<'f> {
    format: &'f dyn WholeRun,
    waiting: Vec<(Position, Entry)>,
    totals: Totals,
}

impl<'f> Assembly<'f> {
    pub fn new(format: &'f dyn WholeRun) -> Self {
        Assembly {
            format,
            waiting: Vec::new(),
            totals: Totals::default(),
        }
    }

    pub fn add(&mut self, at: Position, entry: Entry) {
        self.waiting.push((at, entry));
    }

    /// The text of the parts before `next` (the place of the first file
    /// not yet checked; `None` once every file is in), in the document's
    /// order, counted into the totals. Parts at or after `next` wait.
    pub fn release(&mut self, next: Option<&Position>) -> String {
        self.waiting.sort_by(|a, b| a.0.cmp(&b.0));
        let ready = next.map_or(self.waiting.len(), |next| {
            self.waiting.partition_point(|(at, _)| at < next)
        });
        let released: Vec<(Position, Entry)> = self.waiting.drain(..ready).collect();
        let mut out = String::new();
        for (_, entry) in &released {
            self.push(entry, &mut out);
        }
        out
    }

    /// How many parts wait for a file before them.
    pub fn waiting(&self) -> usize {
        self.waiting.len()
    }

    pub fn totals(&self) -> &Totals {
        &self.totals
    }

    pub fn head(&self, errors: &[FileError]) -> String {
        self.format.head(&self.totals, errors)
    }

    pub fn tail(&self) -> String {
        self.format.tail(&self.totals)
    }

    fn push(&mut self, entry: &Entry, out: &mut String) {
        let unreadable;
        let text = match entry {
            Entry::Checked(part) => {
                self.totals.summary.add(&part.summary);
                if part.summary.errors + part.summary.warnings > 0 {
                    self.totals.failing += 1;
                }
                &part.text
            }
            Entry::Unreadable(e) => {
                self.totals
                    .summary
                    .add(&Summary::of(&[], std::slice::from_ref(e)));
                unreadable = self.format.unreadable(e);
                &unreadable
            }
        };
        if text.is_empty() {
            return;
        }
        if self.format.layout() == Layout::JsonArray {
            out.push_str(if self.totals.has_elements {
                ",\n"
            } else {
                "\n"
            });
        }
        out.push_str(text);
        self.totals.has_elements = true;
    }
}

/// The whole document at once: checked files and unreadable ones, each in
/// the order given.
pub fn render(format: &dyn WholeRun, reports: &[FileReport], errors: &[FileError]) -> String {
    let order = format.order();
    let mut doc = Assembly::new(format);
    for (i, r) in reports.iter().enumerate() {
        doc.add(
            order.checked(&r.path, i),
            Entry::Checked(FilePart::of(format, r)),
        );
    }
    for (i, e) in errors.iter().enumerate() {
        doc.add(order.unreadable(&e.path, i), Entry::Unreadable(e.clone()));
    }
    let body = doc.release(None);
    let mut out = doc.head(errors);
    out.push_str(&body);
    out.push_str(&doc.tail());
    out
}

/// `value` as serde_json pretty-prints it `depth` levels into a document:
/// each line after the first indented by two more spaces a level (the first
/// goes where the caller is). JSON strings hold no line breaks, so every
/// line break is the printer's.
pub(crate) fn pretty_at<T: Serialize + ?Sized>(value: &T, depth: usize) -> String {
    // Plain data with string keys: serialising it cannot fail.
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.replace('\n', &format!("\n{}", indent(depth)))
}

/// An element of a JSON array whose elements are `depth` levels in.
pub(crate) fn json_element<T: Serialize + ?Sized>(value: &T, depth: usize) -> String {
    format!("{}{}", indent(depth), pretty_at(value, depth))
}

/// The end of a JSON array whose key is `depth` levels in.
pub(crate) fn close_json_array(totals: &Totals, depth: usize) -> String {
    if totals.has_elements {
        format!("\n{}]", indent(depth))
    } else {
        "]".to_string()
    }
}

fn indent(depth: usize) -> String {
    "  ".repeat(depth)
}
