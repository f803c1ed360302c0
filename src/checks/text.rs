//! Text helpers shared by the checks: words, section text, similarity.

use crate::model::{block_text, Block, Document};

/// Words as a reader counts them: tokens with at least one letter or digit.
pub fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(crate::chars::is_alphanumeric))
        .count()
}

/// The words of a section's running text (its own blocks, or its whole
/// subtree with the subsection headings), counted up to `limit`: the
/// answer is the smaller of the count and `limit`. The text is not joined:
/// its pieces (paragraphs, list items, table cells, fields, headings) are
/// separated by white space, so its words are theirs, counted until there
/// are `limit`. A test compares it with counting the joined text.
pub fn section_words_up_to(
    doc: &Document,
    index: usize,
    with_children: bool,
    limit: usize,
) -> usize {
    let mut n = 0;
    let mut add = |piece: &str| {
        n += word_count_up_to(piece, limit - n);
        n >= limit
    };
    let done = section_blocks(doc, index, with_children)
        .into_iter()
        .any(|b| match b {
            Block::Paragraph(t) => add(&t.text),
            Block::Comment(_) => false,
            Block::List { items, .. } => items.iter().any(|i| add(&i.text)),
            Block::Table(t) => t.rows.iter().flat_map(|r| &r.cells).any(|c| add(&c.text)),
            Block::Field(_) => add(&block_text(b)),
        });
    if !done && with_children {
        for i in doc.subtree(index).into_iter().skip(1) {
            if let Some(s) = doc.sections.get(i) {
                if add(&s.heading.text) {
                    break;
                }
            }
        }
    }
    n
}

/// A section's own blocks, or the blocks of its whole subtree.
fn section_blocks(doc: &Document, index: usize, with_children: bool) -> Vec<&Block> {
    if with_children {
        doc.subtree_blocks(index).collect()
    } else {
        doc.sections
            .get(index)
            .map(|s| s.blocks.iter().collect())
            .unwrap_or_default()
    }
}

/// `word_count(s)` up to `limit`.
fn word_count_up_to(s: &str, limit: usize) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(crate::chars::is_alphanumeric))
        .take(limit)
        .count()
}

/// Similarity of two headings in 0..=1, ignoring case.
pub fn similarity(a: &str, b: &str) -> f64 {
    strsim::normalized_levenshtein(&a.to_lowercase(), &b.to_lowercase())
}

/// `a, b och c` (or `a, b and c`): a list of names for a message.
pub fn join_names(names: &[&str], and: &str) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

/// Abbreviations written with full stops that do not end a sentence or a
/// heading (`t.ex.`, `m.m.`), lower case.
pub const DOTTED_ABBREVIATIONS: &[&str] = &[
    "t.ex.", "bl.a.", "m.m.", "m.fl.", "s.k.", "dvs.", "osv.", "etc.", "t.o.m.", "fr.o.m.", "o.d.",
    "o.s.v.", "d.v.s.", "p.g.a.", "pga.", "jfr.", "ca.", "kl.", "nr.", "resp.", "ang.", "enl.",
    "ev.", "f.d.", "f.n.", "inkl.", "exkl.", "mnkr.", "tkr.", "kr.", "st.", "s.", "kap.", "prop.",
    "bet.", "dnr.", "tel.", "e.d.", "obs.", "fig.", "tab.", "uppl.", "red.", "sek.", "min.",
    "tim.", "forts.", "vol.", "iofs.", "mha.", "mfl.", "mm.",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The running text of a section's own blocks, or of its whole subtree
    /// (what the word counts were first taken from).
    pub fn section_text(doc: &Document, index: usize, with_children: bool) -> String {
        let mut out = String::new();
        for b in section_blocks(doc, index, with_children) {
            let t = block_text(b);
            if !t.trim().is_empty() {
                out.push_str(&t);
                out.push('\n');
            }
        }
        if with_children {
            for i in doc.subtree(index).into_iter().skip(1) {
                if let Some(s) = doc.sections.get(i) {
                    out.push_str(&s.heading.text);
                    out.push('\n');
                }
            }
        }
        out
    }

    /// The counted words are those of the section text, up to the limit,
    /// for every section of every fixture and seed.
    #[test]
    fn section_words_as_in_the_section_text() {
        let mut sections = 0;
        for (path, text) in crate::test_files::fixture_and_seed_texts() {
            let doc = crate::parse::parse(&text);
            for i in 0..doc.sections.len() {
                for children in [false, true] {
                    let all = word_count(&section_text(&doc, i, children));
                    for limit in [0, 1, 2, 3, 5, 50, usize::MAX] {
                        let got = section_words_up_to(&doc, i, children, limit);
                        assert_eq!(got, all.min(limit), "{path:?} {i} {children} {limit}");
                    }
                }
                sections += 1;
            }
        }
        assert!(sections > 500, "{sections}");
    }
}
