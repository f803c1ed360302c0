//! Text helpers shared by the checks: words, section text, similarity.

use crate::model::{block_text, Document};

/// Words as a reader counts them: tokens with at least one letter or digit.
pub fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(crate::chars::is_alphanumeric))
        .count()
}

/// The running text of a section's own blocks, or of its whole subtree.
pub fn section_text(doc: &Document, index: usize, with_children: bool) -> String {
    let mut out = String::new();
    let blocks: Vec<_> = if with_children {
        doc.subtree_blocks(index).collect()
    } else {
        doc.sections
            .get(index)
            .map(|s| s.blocks.iter().collect())
            .unwrap_or_default()
    };
    for b in blocks {
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
