//! SARIF 2.1.0, the format GitHub code scanning and other tools read: the
//! rules with their documentation, every finding with its location, a
//! fingerprint and any fix, and the files that could not be read as
//! notifications of the run.
//!
//! Columns are counted in UTF-16 code units (declared in `columnKind`),
//! as SARIF's default and editors expect. `partialFingerprints` carries
//! `styrkoll/v1`: a hash of the rule id, the section path and the text of
//! the flagged line with its white space collapsed, then `:n` for the n-th
//! finding in the file with the same hash. Line numbers are not part of it,
//! so a finding keeps its identity when text above it moves.

use super::whole_run::{
    self, close_json_array, json_element, pretty_at, Layout, Order, Totals, WholeRun,
};
use super::{portable_path, FileError, LineIndex};
use crate::diagnostic::{Diagnostic, Lang, Severity};
use crate::engine::FileReport;
use crate::explain::{explain, explain_markdown, first_sentence};
use crate::model::Span;
use crate::profile::{Pack, Rule};
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::path::Path;

/// The fingerprint's key in `partialFingerprints`; the version changes if
/// what is hashed ever does.
pub const FINGERPRINT_KEY: &str = "styrkoll/v1";

/// How to render.
#[derive(Debug, Clone, Copy)]
pub struct SarifOptions<'a> {
    /// The language of the rules' documentation.
    pub lang: Lang,
    /// Absolute paths under this folder (the repository root, where CI
    /// runs) are written relative to it.
    pub root: Option<&'a Path>,
}

/// Render the run. `rules` are the rules that could have run, each once
/// (their order gives `ruleIndex`).
pub fn render(
    reports: &[FileReport],
    errors: &[FileError],
    rules: &[(&Pack, &Rule)],
    opts: SarifOptions,
) -> String {
    whole_run::render(&Sarif::new(rules, opts), reports, errors)
}

/// The schema the document names.
const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// SARIF as a whole-run format. The members of a `serde_json` object are
/// written in key order: the invocation (which names the unreadable files)
/// comes before the results, the tool with its rules after them.
pub struct Sarif<'a> {
    rules: &'a [(&'a Pack, &'a Rule)],
    /// Each rule's place in `rules`, by id.
    index: HashMap<&'a str, usize>,
    opts: SarifOptions<'a>,
}

impl<'a> Sarif<'a> {
    pub fn new(rules: &'a [(&'a Pack, &'a Rule)], opts: SarifOptions<'a>) -> Self {
        let index = rules
            .iter()
            .enumerate()
            .map(|(i, (_, r))| (r.id.as_str(), i))
            .collect();
        Sarif { rules, index, opts }
    }
}

impl WholeRun for Sarif<'_> {
    fn file(&self, r: &FileReport) -> String {
        let uri = artifact_uri(&r.path, self.opts.root);
        let lines = LineIndex::new(&r.text);
        let mut seen: HashMap<u64, usize> = HashMap::new();
        let mut results = Vec::with_capacity(r.diagnostics.len());
        for d in &r.diagnostics {
            let hash = fingerprint(d, &lines);
            let n = seen.entry(hash).or_insert(0);
            *n += 1;
            let result = result(
                d,
                &uri,
                &lines,
                &r.text,
                self.index.get(d.rule.as_str()),
                self.opts.lang,
                format!("{hash:016x}:{n}"),
            );
            results.push(json_element(&result, 4));
        }
        results.join(",\n")
    }

    /// Unreadable files are notifications of the invocation, in the head.
    fn unreadable(&self, _: &FileError) -> String {
        String::new()
    }

    fn order(&self) -> Order {
        Order::AsGiven
    }

    fn layout(&self) -> Layout {
        Layout::JsonArray
    }

    fn head(&self, _: &Totals, errors: &[FileError]) -> String {
        let notifications: Vec<Value> = errors
            .iter()
            .map(|e| {
                json!({
                    "level": "error",
                    "message": {"text": e.message},
                    "locations": [{"physicalLocation": {
                        "artifactLocation": {"uri": artifact_uri(&e.path, self.opts.root)}
                    }}],
                })
            })
            .collect();
        let invocations = json!([{
            "executionSuccessful": errors.is_empty(),
            "toolExecutionNotifications": notifications,
        }]);
        format!(
            "{{\n  \"$schema\": \"{SCHEMA}\",\n  \"runs\": [\n    {{\n      \
             \"columnKind\": \"utf16CodeUnits\",\n      \
             \"invocations\": {},\n      \"results\": [",
            pretty_at(&invocations, 3)
        )
    }

    fn tail(&self, totals: &Totals) -> String {
        let mut driver = json!({
            "name": "styrkoll",
            "version": env!("CARGO_PKG_VERSION"),
            "semanticVersion": env!("CARGO_PKG_VERSION"),
            "rules": self
                .rules
                .iter()
                .map(|(p, r)| descriptor(p, r, self.opts.lang))
                .collect::<Vec<_>>(),
        });
        if let Some(home) = homepage() {
            driver["informationUri"] = json!(home);
        }
        format!(
            "{},\n      \"tool\": {}\n    }}\n  ],\n  \"version\": \"2.1.0\"\n}}",
            close_json_array(totals, 3),
            pretty_at(&json!({ "driver": driver }), 3)
        )
    }

    fn fixed_head(&self) -> bool {
        false
    }
}

/// The project's web page, when the package names one (`homepage` in
/// Cargo.toml); rules then link to the README's rule index.
fn homepage() -> Option<&'static str> {
    Some(env!("CARGO_PKG_HOMEPAGE")).filter(|h| !h.is_empty())
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn descriptor(pack: &Pack, rule: &Rule, lang: Lang) -> Value {
    let what = rule.doc.as_ref().map(|d| d.what.get(lang));
    let full = what.unwrap_or_else(|| rule.message.get(lang));
    let mut d = json!({
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": first_sentence(full)},
        "fullDescription": {"text": full},
        "help": {
            "text": explain(pack, rule, lang),
            "markdown": explain_markdown(pack, rule, lang),
        },
        "defaultConfiguration": {"level": level(rule.severity)},
        "properties": {"tags": [pack.name]},
    });
    if let Some(home) = homepage() {
        d["helpUri"] = json!(format!("{}#regler", home.trim_end_matches('/')));
    }
    d
}

#[allow(clippy::too_many_arguments)]
fn result(
    d: &Diagnostic,
    uri: &str,
    lines: &LineIndex,
    text: &str,
    rule_index: Option<&usize>,
    lang: Lang,
    fingerprint: String,
) -> Value {
    let mut r = Map::new();
    r.insert("ruleId".into(), json!(d.rule));
    if let Some(i) = rule_index {
        r.insert("ruleIndex".into(), json!(i));
    }
    r.insert("level".into(), json!(level(d.severity)));
    r.insert("message".into(), json!({"text": d.message}));
    r.insert(
        "locations".into(),
        json!([{"physicalLocation": {
            "artifactLocation": {"uri": uri},
            "region": region(lines, d.span),
        }}]),
    );
    r.insert(
        "partialFingerprints".into(),
        json!({ FINGERPRINT_KEY: fingerprint }),
    );
    if !d.labels.is_empty() {
        let related: Vec<Value> = d
            .labels
            .iter()
            .enumerate()
            .map(|(i, l)| {
                json!({
                    "id": i + 1,
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri},
                        "region": region(lines, l.span),
                    },
                    "message": {"text": l.message},
                })
            })
            .collect();
        r.insert("relatedLocations".into(), json!(related));
    }
    if let Some(f) = &d.fix {
        let mut replacement = json!({"deletedRegion": region(lines, f.span)});
        if !f.replacement.is_empty() {
            replacement["insertedContent"] = json!({"text": f.replacement});
        }
        r.insert(
            "fixes".into(),
            json!([{
                "description": {"text": super::human::suggestion(text, f, lang)},
                "artifactChanges": [{
                    "artifactLocation": {"uri": uri},
                    "replacements": [replacement],
                }],
            }]),
        );
    }
    let mut props = Map::new();
    props.insert("name".into(), json!(d.name));
    if let Some(s) = &d.section {
        props.insert("section".into(), json!(s));
    }
    r.insert("properties".into(), Value::Object(props));
    Value::Object(r)
}

/// 1-based lines and UTF-16 columns; the end column is the one after the
/// last character, so an empty span has equal start and end.
fn region(lines: &LineIndex, span: Span) -> Value {
    let (start_line, start_column) = lines.line_col_utf16(span.start);
    let (end_line, end_column) = lines.line_col_utf16(span.end);
    json!({
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
    })
}

/// FNV-1a (64 bits) of the rule id, the section path and the flagged line
/// with white space collapsed: fixed by definition, unlike std's hasher.
fn fingerprint(d: &Diagnostic, lines: &LineIndex) -> u64 {
    let (line, _) = lines.line_col(d.span.start);
    let text: Vec<&str> = lines.line_text(line).split_whitespace().collect();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let parts = [
        d.rule.as_str(),
        d.section.as_deref().unwrap_or(""),
        &text.join(" "),
    ];
    for (i, part) in parts.iter().enumerate() {
        let sep: &[u8] = if i == 0 { &[] } else { &[0] };
        for b in sep.iter().chain(part.as_bytes()) {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// A URI for a checked path: relative paths (and absolute ones under
/// `root`) as relative references with forward slashes, others as `file:`
/// URIs; everything but unreserved characters and `/` percent-encoded.
pub fn artifact_uri(path: &str, root: Option<&Path>) -> String {
    let p = Path::new(path);
    if p.is_absolute() {
        if let Some(rel) = root.and_then(|r| p.strip_prefix(r).ok()) {
            return encode(&portable_path(&rel.to_string_lossy()));
        }
        let abs = portable_path(path);
        let slash = if abs.starts_with('/') { "" } else { "/" };
        return format!("file://{slash}{}", encode(&abs));
    }
    encode(&portable_path(path))
}

fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_with_forward_slashes_and_encoded() {
        assert_eq!(
            artifact_uri("./docs/mål 1.md", None),
            "docs/m%C3%A5l%201.md"
        );
        assert_eq!(
            artifact_uri("/repo/docs/a.md", Some(Path::new("/repo"))),
            "docs/a.md"
        );
        assert_eq!(
            artifact_uri("/annat/a#b.md", Some(Path::new("/repo"))),
            "file:///annat/a%23b.md"
        );
    }

    fn diag(rule: &str, start: usize, section: Option<&str>) -> Diagnostic {
        Diagnostic {
            rule: rule.into(),
            name: "x".into(),
            severity: Severity::Info,
            message: String::new(),
            help: None,
            span: Span::new(start, start + 1),
            labels: Vec::new(),
            section: section.map(Into::into),
            fix: None,
        }
    }

    #[test]
    fn fingerprints_follow_the_text_not_the_line_number() {
        let before = "# T\n\nVi  skall göra.\n";
        let after = "# T\n\nNy rad.\n\nVi skall göra.\n";
        let a = fingerprint(&diag("SR007", 8, Some("1 Mål")), &LineIndex::new(before));
        let b = fingerprint(&diag("SR007", 17, Some("1 Mål")), &LineIndex::new(after));
        assert_eq!(a, b);
        let other_rule = fingerprint(&diag("SR006", 17, Some("1 Mål")), &LineIndex::new(after));
        let other_section = fingerprint(&diag("SR007", 17, None), &LineIndex::new(after));
        assert!(a != other_rule && a != other_section);
        // Pinned (computed independently): the value must never change
        // between releases, or every finding would look new to GitHub.
        assert_eq!(format!("{a:016x}"), "07695c22e2db8cc6");
    }
}
