//! The engine: loaded packs, and the pipeline parse → classify → check for
//! one source. Turns check findings into diagnostics with messages.

use crate::checks::{resolve_sections, Ctx, DocCache, Finding};
use crate::diagnostic::{Diagnostic, Lang, Severity};
use crate::model::{Document, Field, Span};
use crate::parse::parse_with_headings;
use crate::profile::classify::classify;
use crate::profile::schema::PackKind;
use crate::profile::{builtin_packs, Pack, PackError, Rule};
use crate::source::{Places, Source};
use crate::suppress;
use std::collections::HashMap;

/// Options for one run.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    pub lang: Lang,
    /// Force a profile by name instead of classifying.
    pub profile: Option<String>,
    /// Run only these packs (by name); `None` runs every pack.
    pub packs: Option<Vec<String>>,
    /// Severity by rule id, overriding the pack's; `None` turns the rule off.
    pub severity: HashMap<String, Option<Severity>>,
}

impl CheckOptions {
    fn pack_enabled(&self, name: &str) -> bool {
        self.packs
            .as_ref()
            .is_none_or(|p| p.iter().any(|n| n == name))
    }

    /// The severity a rule runs with, or `None` when it is turned off.
    fn severity_of(&self, rule: &Rule) -> Option<Severity> {
        match self.severity.get(&rule.id) {
            Some(s) => *s,
            None => Some(rule.severity),
        }
    }
}

/// The result of checking one file.
#[derive(Debug, Clone)]
pub struct FileReport {
    pub path: String,
    pub profile: Option<String>,
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
    /// For a Word or PDF file: the paragraph or page of each part of `text`.
    pub places: Places,
}

impl FileReport {
    /// Drop the text after the line below the last place a finding points
    /// at (its span, labels and fix). Writers that give lines, columns and
    /// the finding's own line (JSON, SARIF, JUnit, short, github) need no
    /// more, so a report waiting to be written (`styrkoll check` keeps a
    /// chunk of them for short and github) holds only what it reports.
    pub fn trim_text_to_findings(&mut self) {
        let end = self
            .diagnostics
            .iter()
            .flat_map(|d| {
                std::iter::once(d.span.end)
                    .chain(d.labels.iter().map(|l| l.span.end))
                    .chain(d.fix.iter().map(|f| f.span.end))
            })
            .max()
            .unwrap_or(0)
            .min(self.text.len());
        let after_line = |from: usize| {
            self.text
                .get(from..)
                .and_then(|rest| rest.find('\n'))
                .map_or(self.text.len(), |i| from + i + 1)
        };
        let cut = after_line(after_line(end));
        if cut < self.text.len() && self.text.is_char_boundary(cut) {
            self.text.truncate(cut);
            self.text.shrink_to_fit();
        }
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

pub struct Engine {
    packs: Vec<Pack>,
}

impl Engine {
    /// The packs shipped in the binary.
    #[allow(clippy::result_large_err)]
    pub fn builtin() -> Result<Self, PackError> {
        Ok(Engine {
            packs: builtin_packs()?,
        })
    }

    pub fn from_packs(packs: Vec<Pack>) -> Self {
        Engine { packs }
    }

    pub fn packs(&self) -> &[Pack] {
        &self.packs
    }

    /// All rules with their packs, in pack order.
    pub fn rules(&self) -> impl Iterator<Item = (&Pack, &Rule)> {
        self.packs
            .iter()
            .flat_map(|p| p.rules.iter().map(move |r| (p, r)))
    }

    /// A rule by id (`HP003`) or name (`for-manga-arsmal`), case-insensitive.
    pub fn find_rule(&self, key: &str) -> Option<(&Pack, &Rule)> {
        self.rules()
            .find(|(_, r)| r.id.eq_ignore_ascii_case(key) || r.name.eq_ignore_ascii_case(key))
    }

    pub fn profile_names(&self) -> Vec<&str> {
        self.packs
            .iter()
            .filter(|p| p.kind == PackKind::Profile)
            .map(|p| p.name.as_str())
            .collect()
    }

    /// Parse, classify and check one source.
    pub fn check(&self, source: &Source, opts: &CheckOptions) -> FileReport {
        let doc = Self::parse(source);
        self.check_parsed(source, &doc, opts)
    }

    /// The source's document: its text parsed with the headings a Word
    /// reader knows, and the file's properties as front matter.
    pub fn parse(source: &Source) -> Document {
        let origin = source.origin.as_ref();
        let hints = origin.map_or(&[][..], |o| o.headings.as_slice());
        let mut doc = parse_with_headings(&source.text, hints);
        for (key, value) in origin.map_or(&[][..], |o| o.properties.as_slice()) {
            // A property stands nowhere in the text: its span is empty.
            doc.front_matter.push(Field {
                key: key.clone(),
                value: value.clone(),
                span: Span::default(),
                value_span: Span::default(),
            });
        }
        doc
    }

    /// Classify and check a source whose text is parsed already
    /// (`Engine::parse`).
    pub fn check_parsed(&self, source: &Source, doc: &Document, opts: &CheckOptions) -> FileReport {
        let text = source.text.as_str();
        let origin = source.origin.as_ref();
        let revisions = origin.map(|o| o.revisions).unwrap_or_default();
        let profile = match &opts.profile {
            Some(name) => self
                .packs
                .iter()
                .find(|p| p.kind == PackKind::Profile && &p.name == name),
            None => classify(doc, text, &self.packs),
        };
        let applicable: Vec<&Pack> = self
            .packs
            .iter()
            .filter(|pack| opts.pack_enabled(&pack.name))
            .filter(|pack| match pack.kind {
                PackKind::Common => true,
                PackKind::Profile => profile.is_some_and(|p| std::ptr::eq(p, *pack)),
            })
            .collect();
        // Each pack's sections, found once for both passes.
        let found: Vec<_> = applicable
            .iter()
            .map(|pack| resolve_sections(doc, &pack.sections))
            .collect();
        let mut diagnostics = Vec::new();
        // Every rule but the ones reporting unused suppressions, then the
        // suppressions, then those.
        let mut unused: Vec<suppress::Unused> = Vec::new();
        let cache = DocCache::default();
        for second_pass in [false, true] {
            if second_pass {
                let mut entries = suppress::parse(doc, text);
                suppress::apply(&mut entries, &mut diagnostics);
                unused = suppress::unused(&entries, |key| self.find_rule(key).is_some());
            }
            for (pack, found) in applicable.iter().zip(&found) {
                let ctx = Ctx {
                    doc,
                    text,
                    lang: opts.lang,
                    profile: profile.map(|p| p.name.as_str()),
                    specs: &pack.sections,
                    found,
                    unused_suppressions: &unused,
                    cache: &cache,
                    revisions: &revisions,
                    decoded_from: source.decoded_from,
                };
                for rule in &pack.rules {
                    if rule.check.kind().runs_after_suppression() != second_pass {
                        continue;
                    }
                    let Some(severity) = opts.severity_of(rule) else {
                        continue;
                    };
                    for f in rule.check.run(&ctx) {
                        let mut d = to_diagnostic(rule, f, doc, text, opts.lang);
                        d.severity = severity;
                        diagnostics.push(d);
                    }
                }
            }
        }
        // Text repeated from a merged table cell was checked where it stands first.
        if let Some(o) = origin {
            diagnostics.retain(|d| {
                !o.copies
                    .iter()
                    .any(|c| c.start <= d.span.start && d.span.end <= c.end)
            });
        }
        diagnostics.sort_by(|a, b| (a.span.start, &a.rule).cmp(&(b.span.start, &b.rule)));
        FileReport {
            path: source.name.clone(),
            profile: profile.map(|p| p.name.clone()),
            text: source.text.clone(),
            diagnostics,
            places: origin.map(|o| o.places.clone()).unwrap_or_default(),
        }
    }
}

fn to_diagnostic(rule: &Rule, f: Finding, doc: &Document, text: &str, lang: Lang) -> Diagnostic {
    let template = f
        .variant
        .and_then(|v| rule.variants.get(v))
        .unwrap_or(&rule.message);
    let message = interpolate(template.get(lang), &f.args);
    let help = rule
        .help
        .as_ref()
        .map(|h| interpolate(h.get(lang), &f.args));
    let span = clamp(f.span, doc.len);
    Diagnostic {
        rule: rule.id.clone(),
        name: rule.name.clone(),
        severity: rule.severity,
        message,
        help,
        span,
        labels: f.labels,
        section: doc.section_at(span.start).map(|i| doc.heading_path(i)),
        // A fix that does not cut the text at character boundaries is dropped, not applied wrongly.
        fix: f.fix.filter(|x| {
            x.span.start <= x.span.end
                && text.is_char_boundary(x.span.start)
                && text.is_char_boundary(x.span.end)
        }),
    }
}

fn clamp(span: Span, len: usize) -> Span {
    let start = span.start.min(len);
    Span::new(start, span.end.clamp(start, len))
}

/// Replace `{name}` placeholders with the finding's values.
pub fn interpolate(template: &str, args: &[(&str, String)]) -> String {
    let mut out = template.to_string();
    for (k, v) in args {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}
