//! Suppression comments: silence a rule where the author has decided it
//! does not apply.
//!
//! ```text
//! <!-- styrkoll-disable HP003 -->          … from here …
//! <!-- styrkoll-enable HP003 -->           … to here (or to the end)
//! <!-- styrkoll-disable-next-line SR007 --> the next non-blank line
//! <!-- styrkoll-disable -->                 every rule (also -next-line)
//! ```
//!
//! Rules are named by id or name, separated by spaces or commas, and may be
//! followed by `--` and a reason (`<!-- styrkoll-disable HP008 -- kort
//! bakgrund krävs av nämnden -->`). In front matter, `styrkoll: {ignore:
//! [SR010]}` (or the block form) silences rules for the whole file.
//!
//! Every named rule in a directive is tracked: one that silenced nothing is
//! *unused*, and so is a name that is no rule at all; the engine hands those
//! to the `unused-suppression` check so that suppressions do not rot.

use crate::diagnostic::Diagnostic;
use crate::model::{Document, Span};
use regex::Regex;
use std::sync::OnceLock;

/// One rule named by a directive (or all rules), and where it applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Rule id or name as written; `None` for every rule.
    pub rule: Option<String>,
    /// Where the name (or the whole comment) is written.
    pub span: Span,
    /// The byte ranges the entry silences.
    pub ranges: Vec<Span>,
    pub used: bool,
}

/// Why an entry is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnusedKind {
    /// It silenced nothing.
    Unused,
    /// The name is no rule.
    UnknownRule,
}

/// A suppression to report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unused {
    pub rule: Option<String>,
    pub span: Span,
    pub kind: UnusedKind,
}

fn directive_re() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"<!--[ \t]*styrkoll-(disable-next-line|disable|enable)\b((?s:.*?))-->").ok()
    })
    .as_ref()
}

/// The rule names in a directive's argument, with their offsets in `arg`.
fn names(arg: &str) -> Vec<(usize, &str)> {
    // A reason follows ` -- `.
    let arg = match arg.find("--") {
        Some(i) => &arg[..i],
        None => arg,
    };
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in arg.char_indices() {
        let sep = c.is_whitespace() || c == ',';
        match (sep, start) {
            (true, Some(s)) => {
                out.push((s, &arg[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &arg[s..]));
    }
    out
}

/// The byte range of the next non-blank line after `offset`.
fn next_line(text: &str, offset: usize) -> Span {
    let after = text
        .get(offset..)
        .and_then(|r| r.find('\n'))
        .map_or(text.len(), |i| offset + i + 1);
    let mut at = after;
    for line in text.get(after..).unwrap_or("").split_inclusive('\n') {
        if !line.trim().is_empty() {
            return Span::new(at, at + line.trim_end().len());
        }
        at += line.len();
    }
    Span::new(text.len(), text.len())
}

fn front_matter_ignores(doc: &Document, text: &str, out: &mut Vec<Entry>) {
    let Some(field) = doc.front_matter.iter().find(|f| f.key == "styrkoll") else {
        return;
    };
    // The block form continues on the indented lines after `styrkoll:`.
    let end = text
        .get(field.span.end..)
        .map(|rest| {
            let mut len = 0;
            for line in rest.split_inclusive('\n').skip(1) {
                if !(line.starts_with(' ') || line.starts_with('\t')) {
                    break;
                }
                len += line.len();
            }
            field.span.end + 1 + len
        })
        .unwrap_or(field.span.end)
        .min(text.len());
    let Some(raw) = text.get(field.span.start..end) else {
        return;
    };
    #[derive(serde::Deserialize)]
    struct Settings {
        #[serde(default)]
        ignore: Vec<String>,
    }
    #[derive(serde::Deserialize)]
    struct Wrapper {
        styrkoll: Settings,
    }
    let Ok(w) = serde_yaml::from_str::<Wrapper>(raw) else {
        return;
    };
    for rule in w.styrkoll.ignore {
        let at = raw.find(rule.as_str()).map_or(field.span, |i| {
            Span::new(field.span.start + i, field.span.start + i + rule.len())
        });
        out.push(Entry {
            rule: Some(rule),
            span: at,
            ranges: vec![Span::new(0, text.len())],
            used: false,
        });
    }
}

/// Reads every directive of the document.
pub fn parse(doc: &Document, text: &str) -> Vec<Entry> {
    let mut out = Vec::new();
    front_matter_ignores(doc, text, &mut out);
    if !text.contains("styrkoll-") {
        return out;
    }
    let Some(re) = directive_re() else {
        return out;
    };
    // Open `disable` regions: index into `out`.
    let mut open: Vec<usize> = Vec::new();
    for c in re.captures_iter(text) {
        let (Some(all), Some(kind), Some(arg)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        let comment = Span::new(all.start(), all.end());
        let named: Vec<(Option<String>, Span)> = {
            let n = names(arg.as_str());
            if n.is_empty() {
                vec![(None, comment)]
            } else {
                n.into_iter()
                    .map(|(i, name)| {
                        let s = arg.start() + i;
                        (Some(name.to_string()), Span::new(s, s + name.len()))
                    })
                    .collect()
            }
        };
        match kind.as_str() {
            "disable-next-line" => {
                let line = next_line(text, comment.end);
                for (rule, span) in named {
                    out.push(Entry {
                        rule,
                        span,
                        ranges: vec![line],
                        used: false,
                    });
                }
            }
            "disable" => {
                for (rule, span) in named {
                    open.push(out.len());
                    out.push(Entry {
                        rule,
                        span,
                        ranges: vec![Span::new(comment.end, text.len())],
                        used: false,
                    });
                }
            }
            _ => {
                // `enable` closes the regions of the rules it names (all without names).
                let closes = |e: &Entry| {
                    match &named[..] {
                    [(None, _)] => true,
                    _ => named.iter().any(|(r, _)| {
                        matches!((r, &e.rule), (Some(a), Some(b)) if a.eq_ignore_ascii_case(b))
                    }),
                }
                };
                open.retain(|&i| {
                    let Some(e) = out.get_mut(i) else {
                        return false;
                    };
                    if closes(e) {
                        if let Some(r) = e.ranges.first_mut() {
                            r.end = comment.start;
                        }
                        false
                    } else {
                        true
                    }
                });
            }
        }
    }
    out
}

fn names_rule(entry: &Entry, d: &Diagnostic) -> bool {
    match &entry.rule {
        None => true,
        Some(r) => r.eq_ignore_ascii_case(&d.rule) || r.eq_ignore_ascii_case(&d.name),
    }
}

/// Drops the diagnostics the entries silence, marking the entries used.
pub fn apply(entries: &mut [Entry], diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.retain(|d| {
        let mut silenced = false;
        for e in entries.iter_mut() {
            if names_rule(e, d)
                && e.ranges
                    .iter()
                    .any(|r| r.start <= d.span.start && d.span.start <= r.end)
            {
                e.used = true;
                silenced = true;
            }
        }
        !silenced
    });
}

/// The entries to report: unused ones, and names that are no rule
/// (`is_rule` says whether a name is a known rule id or name).
pub fn unused(entries: &[Entry], is_rule: impl Fn(&str) -> bool) -> Vec<Unused> {
    entries
        .iter()
        .filter_map(|e| {
            let kind = match &e.rule {
                Some(r) if !is_rule(r) => UnusedKind::UnknownRule,
                _ if !e.used => UnusedKind::Unused,
                _ => return None,
            };
            Some(Unused {
                rule: e.rule.clone(),
                span: e.span,
                kind,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse as parse_doc;

    #[test]
    fn regions_lines_and_names() {
        let text = "# T\n\n<!-- styrkoll-disable HP003, SR007 -- skäl -->\nA\n<!-- styrkoll-enable HP003 -->\nB\n<!-- styrkoll-disable-next-line -->\n\nC\n";
        let doc = parse_doc(text);
        let e = parse(&doc, text);
        let rules: Vec<Option<&str>> = e.iter().map(|e| e.rule.as_deref()).collect();
        assert_eq!(rules, vec![Some("HP003"), Some("SR007"), None]);
        let a = text.find('A').unwrap_or(0);
        let b = text.find("\nB").unwrap_or(0) + 1;
        let c = text.find("\nC").unwrap_or(0) + 1;
        let covers = |e: &Entry, at: usize| e.ranges.iter().any(|r| r.start <= at && at <= r.end);
        assert!(covers(&e[0], a) && !covers(&e[0], b));
        assert!(covers(&e[1], a) && covers(&e[1], b));
        assert!(covers(&e[2], c) && !covers(&e[2], b));
        assert_eq!(&text[e[0].span.start..e[0].span.end], "HP003");
    }

    #[test]
    fn front_matter_ignore() {
        let text =
            "---\ndokumenttyp: handlingsplan\nstyrkoll: {ignore: [SR010, HP008]}\n---\n# T\n";
        let doc = parse_doc(text);
        let e = parse(&doc, text);
        assert_eq!(e.len(), 2);
        assert_eq!(&text[e[1].span.start..e[1].span.end], "HP008");
        let block = "---\nstyrkoll:\n  ignore:\n    - SR010\n---\n# T\n";
        let doc = parse_doc(block);
        assert_eq!(parse(&doc, block).len(), 1);
    }
}
