//! parse: text → `Document`. Lines are classified by the pest grammar
//! (`lines/`); the builder (`builder/`) folds them into sections and blocks.

mod builder;
mod headings;
pub mod lines;
mod loose_table;

use crate::model::Document;
use crate::source::HeadingHint;
use builder::Builder;

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
    b.set_heading_hints(hints);
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
