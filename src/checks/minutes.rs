//! Shared helpers for the protocol checks (`protokoll` profile): the `§`
//! items, the header before the first `§`, and whether a document is full
//! minutes or a protocol extract.
//!
//! **Full minutes or extract.** A *protokollsutdrag* carries one or a few
//! `§` items and no header. A document counts as full minutes when its title
//! starts with `Protokoll` or `Sammanträdesprotokoll`, or when its header has
//! at least two of the fields Plats, Tid, Beslutande, Paragrafer, Sekreterare
//! and Ordförande. Only full minutes need the complete header and justering.

use super::Ctx;
use crate::model::{Document, Span};
use crate::pattern::Pattern as LazyRegex;
use std::sync::LazyLock;

/// How far into a document without `§` headings the header is looked for.
const HEAD_BYTES: usize = 4000;

static FULL_TITLE: LazyLock<LazyRegex> =
    LazyLock::new(|| LazyRegex::lazy(r"(?i)^\s*(sammanträdes)?protokoll\b"));

static HEADER_KEYS: LazyLock<LazyRegex> = LazyLock::new(|| {
    LazyRegex::lazy(r"(?i)^\s*(plats|tid|beslutande|paragrafer|§§|sekreterare|ordförande)(\s|:|$)")
});

static PARA_TEXT: LazyLock<LazyRegex> = LazyLock::new(|| LazyRegex::lazy(r"^\s*§\s*(\d{1,6})\b"));

/// One `§` item: its section index, number and heading span.
#[derive(Debug, Clone, Copy)]
pub struct Item {
    pub section: usize,
    pub number: u32,
    pub span: Span,
}

/// The `§` items of the document, in document order.
pub fn items(doc: &Document) -> Vec<Item> {
    let mut out = Vec::new();
    for (i, s) in doc.sections.iter().enumerate() {
        let from_number = s
            .heading
            .number
            .as_deref()
            .and_then(|n| n.strip_prefix('§'))
            .and_then(|n| n.trim().parse::<u32>().ok());
        let number = from_number.or_else(|| {
            // The pattern needs a `§`, which most headings do not have.
            if !s.heading.text.contains('§') {
                return None;
            }
            let re = PARA_TEXT.re()?;
            re.captures(&s.heading.text)?.get(1)?.as_str().parse().ok()
        });
        if let Some(number) = number {
            out.push(Item {
                section: i,
                number,
                span: s.heading.span,
            });
        }
    }
    out
}

/// Byte offset where the header ends: the first `§` heading, or (without
/// one) the first few thousand bytes.
pub fn header_end(ctx: &Ctx) -> usize {
    let end = match items(ctx.doc).first() {
        Some(item) => item.span.start,
        None => HEAD_BYTES,
    };
    let mut end = end.min(ctx.text.len());
    while !ctx.text.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// Lines of `text[from..to]` with their absolute byte spans.
pub fn lines_in(text: &str, from: usize, to: usize) -> Vec<(Span, &str)> {
    let Some(part) = text.get(from..to) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut start = from;
    for piece in part.split_inclusive('\n') {
        let body = piece.trim_end_matches(['\n', '\r']);
        out.push((Span::new(start, start + body.len()), body));
        start += piece.len();
    }
    out
}

/// The line holding byte `pos` of `text`, without its line break, as
/// [`lines_in`] gives it.
pub fn line_at(text: &str, pos: usize) -> &str {
    let (start, end) = crate::chars::line_bounds(text.as_bytes(), pos);
    text.get(start..end)
        .unwrap_or("")
        .trim_end_matches(['\n', '\r'])
}

/// The header lines: everything before the first `§` heading.
pub fn header_lines<'a>(ctx: &Ctx<'a>) -> Vec<(Span, &'a str)> {
    lines_in(ctx.text, 0, header_end(ctx))
}

/// Full minutes (not an extract): a `Protokoll…` title, or at least two
/// header fields.
pub fn is_full_minutes(ctx: &Ctx) -> bool {
    let title = ctx
        .doc
        .title
        .as_ref()
        .map(|t| t.text.as_str())
        .unwrap_or("");
    if FULL_TITLE.re().is_some_and(|re| re.is_match(title)) {
        return true;
    }
    let Some(keys) = HEADER_KEYS.re() else {
        return false;
    };
    let mut seen: Vec<String> = Vec::new();
    for (_, line) in header_lines(ctx) {
        if let Some(k) = keys.captures(line).and_then(|c| c.get(1)) {
            let k = k.as_str().to_lowercase();
            if !seen.contains(&k) {
                seen.push(k);
            }
        }
    }
    seen.len() >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `line_at` gives the line `lines_in` has at every byte.
    #[test]
    fn line_at_is_the_line_of_lines_in() {
        for text in [
            "",
            "en rad",
            "a\nb\r\n\nc\r\r\n",
            "\n\n§ 1 Beslut\nDatum: 12 maj\r\n",
            "sista\n",
        ] {
            let lines = lines_in(text, 0, text.len());
            for pos in (0..text.len()).filter(|&p| text.is_char_boundary(p)) {
                let after = lines.partition_point(|(sp, _)| sp.start <= pos);
                let expected = after.checked_sub(1).and_then(|i| lines.get(i)).map(|l| l.1);
                assert_eq!(Some(line_at(text, pos)), expected, "{text:?} at {pos}");
            }
        }
    }
}
