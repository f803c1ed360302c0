//! `readability`: each section's LIX readability is at most `max`.
//!
//! **What it does.** Computes LIX for the text of each section's own blocks
//! (not its subsections), and for the text before the first heading:
//! LIX = words / sentences + 100 × long words / words. Sections with fewer
//! than `min_words` words are skipped, since LIX says little about a few
//! lines. The finding is on the heading and gives the value.
//!
//! How text is counted:
//! - a *word* is a whitespace-separated token with at least one letter
//!   (`2024` and `–` are not words; `RS/1321/2015` and `HSF:s` are); it is
//!   *long* when it has more than 6 letters (digits and punctuation do not
//!   count);
//! - a *sentence* ends at a token ending in `.`, `!`, `?` or `:` (closing
//!   quotes and brackets aside), except the abbreviations in
//!   [`super::text::DOTTED_ABBREVIATIONS`] (`t.ex.`, `bl.a.`, `m.m.` …);
//! - each paragraph and list item also ends a sentence where it ends, with
//!   or without punctuation;
//! - tables are not counted: cells are labels, names and dates, not
//!   sentences, and a table of contents or a schedule would score as very
//!   difficult text; nor are fields (`Dnr: …`), comments and headings.
//!
//! **Why.** Klarspråk: Språklagen (2009:600) 11 § requires public-sector
//! language to be "vårdat, enkelt och begripligt". LIX above 60 is "very
//! difficult" text (official documents typically score 50–60).

use super::text::DOTTED_ABBREVIATIONS;
use super::{Ctx, Finding};
use crate::chars::lower_into;
use crate::model::{Block, Span};
use serde::Deserialize;

mod scan;

fn default_max() -> f64 {
    60.0
}

fn default_min_words() -> usize {
    50
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    #[serde(default = "default_max")]
    pub max: f64,
    #[serde(default = "default_min_words")]
    pub min_words: usize,
}

/// Word, sentence and long-word counts of some text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub words: usize,
    pub sentences: usize,
    pub long_words: usize,
}

impl Counts {
    /// Adds one unit of text (a paragraph or a list item): see [`scan`].
    pub fn add_unit(&mut self, text: &str) {
        scan::add_unit(self, text);
    }

    /// Counts one token (`text[start..end]`) with `letters` letters;
    /// `punct` when its last byte is not an ASCII letter or digit (only
    /// such a token can end a sentence). `open`: a word has been counted
    /// since the last sentence end.
    #[inline(always)]
    fn token(
        &mut self,
        open: &mut bool,
        text: &str,
        start: usize,
        end: usize,
        letters: usize,
        punct: bool,
    ) {
        let word = letters > 0;
        self.words += usize::from(word);
        self.long_words += usize::from(letters > 6);
        *open |= word;
        if punct && *open && text.get(start..end).is_some_and(ends_sentence) {
            self.sentences += 1;
            *open = false;
        }
    }

    pub fn lix(&self) -> Option<f64> {
        if self.words == 0 || self.sentences == 0 {
            return None;
        }
        let (w, s, l) = (
            self.words as f64,
            self.sentences as f64,
            self.long_words as f64,
        );
        Some(w / s + 100.0 * l / w)
    }
}

/// The length of the longest abbreviation, in bytes.
const LONGEST_ABBREVIATION: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < DOTTED_ABBREVIATIONS.len() {
        if DOTTED_ABBREVIATIONS[i].len() > longest {
            longest = DOTTED_ABBREVIATIONS[i].len();
        }
        i += 1;
    }
    longest
};

/// The first 8 bytes of `word`, in ASCII lower case, as one number.
const fn ascii_key(word: &[u8]) -> u64 {
    let mut key = 0;
    let mut i = 0;
    while i < word.len() && i < 8 {
        key |= (word[i].to_ascii_lowercase() as u64) << (8 * i);
        i += 1;
    }
    key
}

// An abbreviation's key holds all of it.
const _: () = assert!(LONGEST_ABBREVIATION <= 8);

/// [`DOTTED_ABBREVIATIONS`] as [`ascii_key`]s.
const ABBREVIATION_KEYS: [u64; DOTTED_ABBREVIATIONS.len()] = {
    let mut keys = [0; DOTTED_ABBREVIATIONS.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = ascii_key(DOTTED_ABBREVIATIONS[i].as_bytes());
        i += 1;
    }
    keys
};

fn ends_sentence(token: &str) -> bool {
    // Most tokens end in a letter or digit.
    if token
        .as_bytes()
        .last()
        .is_some_and(u8::is_ascii_alphanumeric)
    {
        return false;
    }
    let t = token.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']']);
    if !t.ends_with(['.', '!', '?', ':', '…']) {
        return false;
    }
    let word = t.trim_start_matches(['"', '\'', '“', '”', '«', '(', '[']);
    // Every abbreviation ends in a full stop.
    if !word.ends_with('.') {
        return true;
    }
    // The abbreviations are ASCII and at most 8 bytes: an ASCII word short
    // enough to be one is compared as a number, in lower case.
    if word.is_ascii() {
        return word.len() > LONGEST_ABBREVIATION
            || !ABBREVIATION_KEYS.contains(&ascii_key(word.as_bytes()));
    }
    // Lowered on the stack: a word too long for the buffer is longer than
    // every abbreviation.
    let mut buf = [0u8; 16];
    lower_into(word, &mut buf).is_none_or(|lower| !DOTTED_ABBREVIATIONS.contains(&lower))
}

fn count_block(block: &Block, c: &mut Counts) {
    match block {
        Block::Paragraph(t) => c.add_unit(&t.text),
        Block::List { items, .. } => items.iter().for_each(|i| c.add_unit(&i.text)),
        Block::Table(_) | Block::Field(_) | Block::Comment(_) => {}
    }
}

pub fn check(ctx: &Ctx, p: &Params) -> Vec<Finding> {
    let doc = ctx.doc;
    let preamble_span = doc
        .title
        .as_ref()
        .map(|t| t.span)
        .or_else(|| doc.preamble.first().map(Block::span));
    // Each unit's name is only written out for a finding.
    let preamble_name = || {
        doc.title.as_ref().map_or_else(
            || ctx.tr("(inledande text)", "(opening text)").to_string(),
            |t| t.text.clone(),
        )
    };
    let units = std::iter::once((preamble_span, None, doc.preamble.as_slice())).chain(
        doc.sections
            .iter()
            .map(|s| (Some(s.heading.span), Some(&s.heading), s.blocks.as_slice())),
    );
    let mut out = Vec::new();
    for (span, heading, blocks) in units {
        let mut c = Counts::default();
        blocks.iter().for_each(|b| count_block(b, &mut c));
        let (Some(span), Some(lix)) = (span, c.lix()) else {
            continue;
        };
        // Compared as shown: "LIX 60" is not over 60.
        if c.words < p.min_words || lix.round() <= p.max {
            continue;
        }
        let name = heading.map_or_else(preamble_name, |h| h.display());
        out.push(
            Finding::at(Span::new(span.start, span.end))
                .arg("section", name)
                .arg("lix", format!("{lix:.0}"))
                .arg("max", format!("{}", p.max))
                .arg("words", c.words.to_string())
                .arg("sentences", c.sentences.to_string())
                .arg(
                    "words_per_sentence",
                    format!("{:.0}", c.words as f64 / c.sentences as f64),
                )
                .arg(
                    "long_percent",
                    format!("{:.0}", 100.0 * c.long_words as f64 / c.words as f64),
                ),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(units: &[&str]) -> Counts {
        let mut c = Counts::default();
        units.iter().for_each(|u| c.add_unit(u));
        c
    }

    #[test]
    fn words_sentences_and_long_words() {
        let c = counts(&["Regionen ska bli bättre. Vi arbetar t.ex. med tillgänglighet!"]);
        assert_eq!(
            c,
            Counts {
                words: 9,
                sentences: 2,
                long_words: 3
            }
        );
    }

    #[test]
    fn items_and_cells_end_sentences() {
        let c = counts(&["Första punkten", "Andra punkten", "2024"]);
        assert_eq!((c.words, c.sentences), (4, 2));
    }

    #[test]
    fn numbers_and_dashes_are_not_words() {
        let c = counts(&["Under 2024 – 2027 ökar kostnaden med 25 %."]);
        assert_eq!(
            c,
            Counts {
                words: 4,
                sentences: 1,
                long_words: 1
            }
        );
    }

    /// The counts as first written: tokens from `split_whitespace`, letters
    /// counted per token.
    fn reference(text: &str) -> Counts {
        let mut c = Counts::default();
        let mut open = false;
        for token in text.split_whitespace() {
            let letters = token.chars().filter(|c| c.is_alphabetic()).count();
            if letters > 0 {
                c.words += 1;
                open = true;
                if letters > 6 {
                    c.long_words += 1;
                }
            }
            if open && ends_sentence(token) {
                c.sentences += 1;
                open = false;
            }
        }
        if open {
            c.sentences += 1;
        }
        c
    }

    proptest::proptest! {
        #[test]
        fn one_pass_counts_as_split_whitespace(
            text in "[a-zåÄéÉ×÷\u{C0}\u{FF}\u{B5}\u{AA}\u{3B1}\u{2013}0-9.!?:”)( \t\n\u{B}\u{85}\u{A0}\u{2003}\u{3000}-]{0,60}"
        ) {
            proptest::prop_assert_eq!(counts(&[&text]), reference(&text));
        }
    }

    // Texts of several 64-byte blocks: tokens and characters across the
    // blocks' edges, and blocks read one character at a time.
    proptest::proptest! {
        #[test]
        fn block_counts_as_split_whitespace(
            text in "([a-zåÄé×÷0-9]{0,9}[.!?:,”)]?[ \t\n\u{A0}\u{2003}]{1,2}|t\\.ex\\. |– ){0,60}"
        ) {
            proptest::prop_assert_eq!(counts(&[&text]), reference(&text));
        }
    }

    /// Each character, and a token end, at every place around the first
    /// block's end.
    #[test]
    fn characters_across_a_block_edge() {
        for lead in 56..70 {
            for piece in [
                "×", "÷x", "å", "é ", " ", "t.ex.", "–", "\u{A0}", "ok.", "\u{3000}",
            ] {
                let text = format!("{} {piece} ord och ord.", "a".repeat(lead));
                assert_eq!(counts(&[&text]), reference(&text), "{text:?}");
                let text = format!("{}{piece}{}", "b ".repeat(lead / 2), "c".repeat(70));
                assert_eq!(counts(&[&text]), reference(&text), "{text:?}");
            }
        }
    }

    /// Every paragraph of the fixtures and seed documents.
    #[test]
    fn fixture_paragraphs_count_as_split_whitespace() {
        let mut n = 0;
        for (p, text) in crate::test_files::fixture_and_seed_texts() {
            for unit in text.split("\n\n") {
                assert_eq!(counts(&[unit]), reference(unit), "{}", p.display());
                n += 1;
            }
        }
        assert!(n > 500, "{n}");
    }

    /// `ends_sentence` as first written, lowering into a new string.
    fn ends_sentence_reference(token: &str) -> bool {
        let t = token.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']']);
        if !t.ends_with(['.', '!', '?', ':', '…']) {
            return false;
        }
        let word = t.trim_start_matches(['"', '\'', '“', '”', '«', '(', '[']);
        !DOTTED_ABBREVIATIONS.contains(&word.to_lowercase().as_str())
    }

    proptest::proptest! {
        #[test]
        fn sentence_ends_as_lowered_in_a_string(
            token in "(\\(|”)?(T\\.EX|t\\.ex|KL|Kl|ÅÄÖ|é|\u{212A}L|İ|[a-zåäöÅÄÖ.]{0,20})(\\.|!|:|…)?(”|\\))?"
        ) {
            proptest::prop_assert_eq!(ends_sentence(&token), ends_sentence_reference(&token));
        }
    }

    #[test]
    fn abbreviations_fit_the_lowering_buffer() {
        assert!(DOTTED_ABBREVIATIONS.iter().all(|a| a.len() <= 16));
        assert!(DOTTED_ABBREVIATIONS.iter().all(|a| a.is_ascii()));
        assert!(DOTTED_ABBREVIATIONS.iter().all(|a| a.ends_with('.')));
        assert!(DOTTED_ABBREVIATIONS.contains(&"fr.o.m.") && LONGEST_ABBREVIATION >= 7);
        // Each abbreviation, also in capitals and with a non-ASCII capital
        // whose lower case is ASCII (the Kelvin sign): not a sentence end.
        for a in DOTTED_ABBREVIATIONS {
            let upper = a.to_uppercase();
            for token in [
                a.to_string(),
                upper.replace('K', "\u{212A}"),
                format!("({upper}"),
            ] {
                assert_eq!(
                    ends_sentence(&token),
                    ends_sentence_reference(&token),
                    "{token}"
                );
            }
        }
    }

    /// Words that share all but a letter with an abbreviation are not one.
    #[test]
    fn near_abbreviations_end_sentences() {
        for a in DOTTED_ABBREVIATIONS {
            let stem = a.trim_end_matches('.');
            for token in [
                format!("{stem}x."),
                format!("x{a}"),
                format!("{}.", &stem[..stem.len() - 1]),
            ] {
                let listed = DOTTED_ABBREVIATIONS.contains(&token.as_str());
                assert_eq!(ends_sentence(&token), !listed, "{token}");
                assert_eq!(ends_sentence(&token), ends_sentence_reference(&token));
            }
        }
    }

    #[test]
    fn lix_formula() {
        let c = Counts {
            words: 100,
            sentences: 5,
            long_words: 40,
        };
        assert_eq!(c.lix(), Some(60.0));
        assert_eq!(Counts::default().lix(), None);
    }
}
