//! The parts of a document the writing rules must not touch: front matter,
//! `<!-- -->` comments, Markdown code (`` `kod` `` and fenced blocks) and
//! the identifiers found by [`super::identifiers`].

use super::identifiers::IdentifierKind;
use super::Ctx;
use crate::model::Span;

/// Sorted, merged byte ranges to skip.
#[derive(Debug, Clone, Default)]
pub struct Mask {
    spans: Vec<Span>,
}

impl Mask {
    /// Front matter, comments, code, and identifiers of the given kinds.
    pub fn new(ctx: &Ctx, kinds: &[IdentifierKind]) -> Mask {
        let mut spans = ctx.unchecked_spans().to_vec();
        spans.extend(
            ctx.identifiers()
                .iter()
                .filter(|i| kinds.contains(&i.kind))
                .map(|i| i.span),
        );
        Mask::from_spans(spans)
    }

    pub fn from_spans(mut spans: Vec<Span>) -> Mask {
        spans.sort_unstable();
        let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
        for s in spans {
            match merged.last_mut() {
                Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
                _ => merged.push(s),
            }
        }
        Mask { spans: merged }
    }

    /// Whether `span` overlaps a masked range (an empty span counts as the
    /// character at its start).
    pub fn covers(&self, span: Span) -> bool {
        let end = span.end.max(span.start + 1);
        let i = self.spans.partition_point(|s| s.end <= span.start);
        self.spans.get(i).is_some_and(|s| s.start < end)
    }
}

/// Front matter, comments and code: the part of every mask that does not
/// depend on the identifier kinds (computed once per document, see
/// `Ctx::unchecked_spans`).
pub fn unchecked_spans(ctx: &Ctx) -> Vec<Span> {
    let mut spans = ctx.doc.comment_spans();
    spans.extend(front_matter_span(ctx.text));
    spans.extend(code_spans(ctx.text));
    spans
}

/// `---` … `---` at the very start of the text.
pub fn front_matter_span(text: &str) -> Option<Span> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let mut end = first.len();
    for l in lines {
        end += l.len();
        if matches!(l.trim_end(), "---" | "...") {
            return Some(Span::new(0, end));
        }
    }
    None
}

/// Fenced code blocks (```` ``` ```` or `~~~`) and inline code spans.
pub fn code_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    // Most documents have no backtick or tilde at all.
    if memchr::memchr2(b'`', b'~', text.as_bytes()).is_none() {
        return out;
    }
    let mut fence: Option<(usize, &str)> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let t = line.trim_start();
        let marker = ["```", "~~~"].into_iter().find(|m| t.starts_with(m));
        match (fence, marker) {
            (None, Some(m)) => fence = Some((start, m)),
            (Some((s, m)), Some(close)) if m == close => {
                out.push(Span::new(s, offset));
                fence = None;
            }
            (Some(_), _) => {}
            (None, None) => inline_code(line, start, &mut out),
        }
    }
    if let Some((s, _)) = fence {
        out.push(Span::new(s, text.len()));
    }
    out
}

/// `` `kod` `` within one line: a run of backticks closed by a run of the same length.
fn inline_code(line: &str, base: usize, out: &mut Vec<Span>) {
    let bytes = line.as_bytes();
    let run_at = |i: usize| bytes.iter().skip(i).take_while(|b| **b == b'`').count();
    let mut i = 0;
    while let Some(next) = bytes.get(i..).and_then(|rest| memchr::memchr(b'`', rest)) {
        i += next;
        let n = run_at(i);
        let mut j = i + n;
        let mut closed = None;
        while j < bytes.len() {
            if bytes.get(j) == Some(&b'`') {
                let m = run_at(j);
                if m == n {
                    closed = Some(j + m);
                    break;
                }
                j += m;
            } else {
                j += 1;
            }
        }
        match closed {
            Some(end) => {
                out.push(Span::new(base + i, base + end));
                i = end;
            }
            None => i += n,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_needs_both_delimiters() {
        assert_eq!(
            front_matter_span("---\na: 1\n---\ntext"),
            Some(Span::new(0, 13))
        );
        assert_eq!(front_matter_span("---\na: 1\n"), None);
        assert_eq!(front_matter_span("text\n---\n"), None);
    }

    #[test]
    fn code_spans_inline_and_fenced() {
        let t = "Skriv `t ex` och ``a ` b`` här\n```\nskall\n```\nskall `öppen\n";
        let spans: Vec<&str> = code_spans(t).iter().map(|s| &t[s.start..s.end]).collect();
        assert_eq!(spans, ["`t ex`", "``a ` b``", "```\nskall\n```\n"]);
    }

    #[test]
    fn covers_overlaps_only() {
        let m = Mask::from_spans(vec![
            Span::new(10, 20),
            Span::new(15, 25),
            Span::new(40, 41),
        ]);
        assert!(m.covers(Span::new(24, 30)));
        assert!(!m.covers(Span::new(25, 30)));
        assert!(!m.covers(Span::new(0, 10)));
        assert!(m.covers(Span::new(40, 40)));
        assert!(!m.covers(Span::new(41, 41)));
    }
}
