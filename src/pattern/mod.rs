//! Regular expressions compiled when first used, with a copy per worker
//! thread: the patterns of the rule packs, and the checks' own.

mod starts;

use regex::Regex;
use serde::de::{self, Deserializer};
use serde::Deserialize;
use starts::FirstBytes;
use std::fmt;
use std::sync::OnceLock;

/// A regular expression from a rule pack, or one of a check's own.
///
/// A pack the user gives is compiled when it is read, so that a broken
/// pattern is an error at its line. The built-in packs are only parsed
/// then (their patterns are known to compile: the test suite, built with
/// debug assertions, compiles each one as it is read) and each pattern is
/// compiled the first time it is used: most runs use a fraction of them
/// (another profile's, a rule that never gets that far), and the
/// compiling is done by the threads that check, instead of before they
/// can start. A check's own patterns (`Pattern::lazy`, constants) are
/// compiled on first use too.
///
/// Each worker thread of the check pool searches with its own copy. A
/// `Regex` keeps its search caches in a pool that gives one thread its cache
/// at once and every other thread its cache through a lock: with the
/// patterns shared, a second thread spent ~4 % of its time in that lock
/// (the patterns are matched against many short headings and lines). A copy
/// shares the compiled program and has its own cache pool; it is made the
/// first time a thread uses the pattern.
///
/// A pattern anchored at the start of the text (`^…`, most section and
/// field patterns) is first asked whether the text's first byte can begin
/// a match at all (`starts::FirstBytes`): most headings are turned away without
/// a search.
#[derive(Clone)]
pub struct Pattern {
    source: Box<str>,
    /// `None` once compiling failed, which only a pattern compiled lazily
    /// can do (it then matches nothing).
    compiled: OnceLock<Option<Compiled>>,
    copies: [OnceLock<Regex>; THREAD_COPIES],
}

#[derive(Clone)]
struct Compiled {
    re: Regex,
    first: Option<FirstBytes>,
}

impl Compiled {
    fn new(re: Regex) -> Self {
        let first = FirstBytes::of(re.as_str());
        Compiled { re, first }
    }

    /// Whether a match in `haystack` is possible at all.
    #[inline]
    fn may_match(&self, haystack: &str) -> bool {
        self.first.as_ref().is_none_or(|f| f.may_start(haystack))
    }
}

/// Threads (by index in their pool) with a copy of each pattern; threads
/// beyond share the first one.
const THREAD_COPIES: usize = 8;

thread_local! {
    /// Whether patterns read on this thread are compiled when first used.
    static LAZY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` (reading a built-in pack) with its patterns compiled when first
/// used rather than as they are read.
pub(crate) fn compiled_lazily<R>(f: impl FnOnce() -> R) -> R {
    let before = LAZY.with(|l| l.replace(true));
    let r = f();
    LAZY.with(|l| l.set(before));
    r
}

impl Pattern {
    /// A pattern compiled now.
    pub fn new(re: Regex) -> Self {
        Pattern {
            source: re.as_str().into(),
            compiled: OnceLock::from(Some(Compiled::new(re))),
            copies: Default::default(),
        }
    }

    /// A pattern that is compiled when first used; `source` must parse.
    pub(crate) fn lazy(source: impl Into<Box<str>>) -> Self {
        Pattern {
            source: source.into(),
            compiled: OnceLock::new(),
            copies: Default::default(),
        }
    }

    /// The regex as written.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// Whether it has been compiled.
    pub fn is_compiled(&self) -> bool {
        self.compiled.get().is_some()
    }

    fn compiled(&self) -> Option<&Compiled> {
        self.compiled
            .get_or_init(|| Regex::new(&self.source).ok().map(Compiled::new))
            .as_ref()
    }

    /// The copy for this thread (compiled now if it was not yet).
    #[inline]
    pub fn re(&self) -> Option<&Regex> {
        let first = &self.compiled()?.re;
        match rayon::current_thread_index().and_then(|i| self.copies.get(i)) {
            Some(copy) => Some(copy.get_or_init(|| first.clone())),
            None => Some(first),
        }
    }

    /// The copy for this thread, when `haystack` may hold a match.
    #[inline]
    fn re_for(&self, haystack: &str) -> Option<&Regex> {
        if !self.compiled()?.may_match(haystack) {
            return None;
        }
        self.re()
    }

    pub fn is_match(&self, haystack: &str) -> bool {
        self.re_for(haystack)
            .is_some_and(|re| re.is_match(haystack))
    }

    pub fn find<'h>(&self, haystack: &'h str) -> Option<regex::Match<'h>> {
        self.re_for(haystack)?.find(haystack)
    }

    pub fn find_iter<'r, 'h: 'r>(
        &'r self,
        haystack: &'h str,
    ) -> impl Iterator<Item = regex::Match<'h>> + 'r {
        self.re_for(haystack)
            .into_iter()
            .flat_map(move |re| re.find_iter(haystack))
    }

    /// The match found searching from `start`, with its groups.
    pub fn captures_at<'h>(&self, haystack: &'h str, start: usize) -> Option<regex::Captures<'h>> {
        self.re()?.captures_at(haystack, start)
    }
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)
    }
}

impl<'de> Deserialize<'de> for Pattern {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        let error = |e: &dyn fmt::Display| {
            de::Error::custom(format!("ogiltigt reguljärt uttryck {s:?}: {e}"))
        };
        if LAZY.with(|l| l.get()) {
            // The regex crate's own parser, with its settings: every error
            // but a pattern too large to compile. The test suite (a debug
            // build) compiles each built-in pattern too, and drops it.
            if let Err(e) = regex_syntax::Parser::new().parse(&s) {
                return Err(error(&e));
            }
            if cfg!(debug_assertions) {
                Regex::new(&s).map_err(|e| error(&e))?;
            }
            return Ok(Pattern::lazy(s));
        }
        match Regex::new(&s) {
            Ok(re) => Ok(Pattern::new(re)),
            Err(e) => Err(error(&e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address(p: &Pattern) -> usize {
        p.re().map_or(0, |re| re as *const Regex as usize)
    }

    #[test]
    fn each_pool_thread_matches_with_its_own_copy() {
        let p: Pattern = serde_yaml::from_str("'skall'").unwrap();
        let main = address(&p);
        assert_ne!(main, 0);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let copies: Vec<(usize, usize, bool)> =
            pool.broadcast(|_| (address(&p), address(&p), p.is_match("du skall")));
        assert_eq!(copies.len(), 2);
        for (first, again, matched) in &copies {
            assert!(matched);
            assert_eq!(first, again, "a thread keeps its copy");
            assert_ne!(*first, main, "a pool thread does not share the first one");
        }
        assert_ne!(copies[0].0, copies[1].0, "each thread has its own copy");
        assert_eq!(format!("{p:?}"), "skall");
    }

    #[test]
    fn a_built_in_pattern_is_compiled_when_first_used() {
        let p: Pattern = compiled_lazily(|| serde_yaml::from_str("'(?i)\\bskall\\b'")).unwrap();
        assert!(!p.is_compiled());
        assert_eq!(p.as_str(), r"(?i)\bskall\b");
        assert!(p.is_match("Du SKALL"));
        assert!(p.is_compiled());
        assert_eq!(p.find_iter("skall, skall").count(), 2);
        // Outside, patterns are compiled as they are read.
        let eager: Pattern = serde_yaml::from_str("'skall'").unwrap();
        assert!(eager.is_compiled());
    }

    #[test]
    fn a_broken_built_in_pattern_is_still_an_error_where_it_is_read() {
        for yaml in ["'(skall'", "'\\p{Nope}'", "'[z-a]'"] {
            let lazy: Result<Pattern, _> = compiled_lazily(|| serde_yaml::from_str(yaml));
            let eager: Result<Pattern, _> = serde_yaml::from_str(yaml);
            let (lazy, eager) = (
                lazy.unwrap_err().to_string(),
                eager.unwrap_err().to_string(),
            );
            assert!(lazy.starts_with("ogiltigt reguljärt uttryck"), "{lazy}");
            assert!(eager.starts_with("ogiltigt reguljärt uttryck"), "{eager}");
        }
    }
}
