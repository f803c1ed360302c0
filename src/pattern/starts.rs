//! What the first byte of a text must be for a pattern anchored at its
//! start to match: read from the pattern by the regex crate's own parser
//! and literal extractor, so that a search that cannot succeed is not
//! begun.

use regex_syntax::hir::literal::Extractor;
use regex_syntax::hir::Look;

/// The bytes a match can begin with, as a 256-bit set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FirstBytes([u64; 4]);

impl FirstBytes {
    /// The set for `pattern` when every match of it starts at the start of
    /// the text (`^` without `(?m)`, or `\A`) and begins with one of a
    /// finite set of non-empty literals; `None` when no such set is known
    /// (then every text may match).
    pub fn of(pattern: &str) -> Option<FirstBytes> {
        let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
        if !hir.properties().look_set_prefix().contains(Look::Start) {
            return None;
        }
        let seq = Extractor::new().extract(&hir);
        let literals = seq.literals()?;
        let mut set = [0u64; 4];
        for l in literals {
            let &b = l.as_bytes().first()?;
            set[usize::from(b >> 6)] |= 1 << (b & 63);
        }
        // An empty set: the pattern matches nothing, which the regex says.
        (set != [0; 4]).then_some(FirstBytes(set))
    }

    /// Whether `haystack` can begin a match.
    #[inline]
    pub fn may_start(&self, haystack: &str) -> bool {
        haystack
            .as_bytes()
            .first()
            .is_some_and(|&b| self.0[usize::from(b >> 6)] >> (b & 63) & 1 == 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn anchored_patterns_have_first_bytes() {
        let f = FirstBytes::of(r"(?i)^inledning\b").unwrap();
        assert!(f.may_start("Inledning") && f.may_start("inledning och syfte"));
        assert!(!f.may_start("Syfte") && !f.may_start(""));
        // Not anchored, anchored at a line, or one branch only: no set.
        for p in [
            r"(?i)jämställdhet",
            r"(?m)^beslut",
            r"^a|b",
            r"(?i)^\w",
            r"^x*",
        ] {
            assert_eq!(FirstBytes::of(p), None, "{p}");
        }
        // `k` also matches the Kelvin sign, whose first byte is 0xE2.
        let k = FirstBytes::of(r"(?i)^kl").unwrap();
        assert!(k.may_start("\u{212A}l") && k.may_start("Kl") && !k.may_start("l"));
    }

    fn agrees(pattern: &str, haystack: &str) {
        let Ok(re) = Regex::new(pattern) else { return };
        if let Some(f) = FirstBytes::of(pattern) {
            if re.is_match(haystack) {
                assert!(f.may_start(haystack), "{pattern:?} on {haystack:?}");
            }
        }
    }

    proptest::proptest! {
        /// A text the set turns away has no match.
        #[test]
        fn never_turns_away_a_match(
            head in "(\\^|\\(\\?i\\)\\^|\\\\A|\\(\\?m\\)\\^|\\(\\?i\\)|)",
            atoms in proptest::collection::vec(
                "([a-ckåÅK]{1,3}|\\([a-c]{1,2}\\|[kåK]{0,2}\\)\\??|\\\\b|\\\\s\\+|\\.|\\[a-cå\\]\\*?)",
                1..4,
            ),
            haystack in "[a-cåÅÄkK\u{212A} .\n]{0,6}",
        ) {
            agrees(&format!("{head}{}", atoms.concat()), &haystack);
        }
    }
}
