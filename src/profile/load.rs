//! Loading rule packs: the embedded ones and files given by the user.
//! Errors point into the YAML file (file, line, column) through miette.
// A pack error carries the YAML source for miette; it happens once, at start-up.
#![allow(clippy::result_large_err)]

use super::schema::{Detect, PackFile, PackKind, RuleSpec, SectionSpec};
use crate::checks::Check;
use miette::{Diagnostic, NamedSource, SourceSpan};
use std::collections::HashSet;
use thiserror::Error;

/// The packs shipped in the binary, in the order they run.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "rules/gemensamt.yaml",
        include_str!("../../rules/gemensamt.yaml"),
    ),
    (
        "rules/handlingsplan.yaml",
        include_str!("../../rules/handlingsplan.yaml"),
    ),
    (
        "rules/uppdragsdirektiv.yaml",
        include_str!("../../rules/uppdragsdirektiv.yaml"),
    ),
    (
        "rules/protokoll.yaml",
        include_str!("../../rules/protokoll.yaml"),
    ),
    (
        "rules/personuppgifter.yaml",
        include_str!("../../rules/personuppgifter.yaml"),
    ),
    (
        "rules/skrivregler.yaml",
        include_str!("../../rules/skrivregler.yaml"),
    ),
];

/// A loaded, validated rule pack.
#[derive(Debug)]
pub struct Pack {
    pub name: String,
    pub kind: PackKind,
    pub title: String,
    pub source: Option<String>,
    pub file: String,
    pub detect: Detect,
    pub sections: Vec<SectionSpec>,
    pub rules: Vec<Rule>,
    /// The pack's YAML, for re-reading a rule's parameters with overrides.
    pub yaml: String,
}

/// A rule ready to run: its parameters were checked when the pack was read.
pub type Rule = RuleSpec;

impl Pack {
    /// A rule's `params` as the pack's YAML writes them; empty when it has
    /// none.
    pub fn params_in_yaml(&self, id: &str) -> serde_yaml::Mapping {
        let Ok(doc) = serde_yaml::from_str::<serde_yaml::Value>(&self.yaml) else {
            return serde_yaml::Mapping::new();
        };
        doc.get("rules")
            .and_then(|r| r.as_sequence())
            .and_then(|rules| {
                rules
                    .iter()
                    .find(|r| r.get("id").and_then(|v| v.as_str()) == Some(id))
            })
            .and_then(|r| r.get("params"))
            .and_then(|p| p.as_mapping())
            .cloned()
            .unwrap_or_default()
    }
}

/// A rule pack (or configuration file) that cannot be used, with the place
/// in the file.
#[derive(Debug, Error)]
#[error("{file}:{line}:{column}: {message}")]
pub struct PackError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub src: NamedSource<String>,
    pub at: SourceSpan,
    /// The file is a `styrkoll.yaml`, not a rule pack: the error's code
    /// says so.
    pub in_config: bool,
}

impl Diagnostic for PackError {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new(if self.in_config {
            "styrkoll::konfiguration"
        } else {
            "styrkoll::regelpaket"
        }))
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.src)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(
            miette::LabeledSpan::new_with_span(Some(self.message.clone()), self.at),
        )))
    }
}

impl PackError {
    pub(crate) fn new(file: &str, yaml: &str, offset: usize, message: String) -> Self {
        let offset = offset.min(yaml.len());
        let (line, column) = line_col(yaml, offset);
        let len = yaml[offset..]
            .find('\n')
            .unwrap_or(yaml.len() - offset)
            .max(if offset < yaml.len() { 1 } else { 0 });
        PackError {
            file: file.to_string(),
            line,
            column,
            message,
            src: NamedSource::new(file, yaml.to_string()),
            at: SourceSpan::new(offset.into(), len),
            in_config: false,
        }
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    (line, text[line_start..offset].chars().count() + 1)
}

/// Byte offset of a 1-based line and column.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return start
                + l.char_indices()
                    .nth(column.saturating_sub(1))
                    .map(|(b, _)| b)
                    .unwrap_or(l.len());
        }
        start += l.len();
    }
    text.len()
}

/// Read and validate one pack.
pub fn load_pack(file: &str, yaml: &str) -> Result<Pack, PackError> {
    let parsed: PackFile = serde_yaml::from_str(yaml).map_err(|e| yaml_error(file, yaml, &e))?;
    validate(file, yaml, parsed)
}

/// A YAML error placed at the key or value it is about.
pub(crate) fn yaml_error(file: &str, yaml: &str, e: &serde_yaml::Error) -> PackError {
    let offset = e
        .location()
        .map(|l| offset_of(yaml, l.line(), l.column()))
        .unwrap_or(0);
    let msg = e.to_string();
    // serde_yaml appends " at line L column C"; the location is shown separately.
    let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
    PackError::new(file, yaml, refine_offset(yaml, offset, &msg), msg)
}

/// Checks that need the whole pack: unique ids, known section ids, messages.
fn validate(file: &str, yaml: &str, p: PackFile) -> Result<Pack, PackError> {
    let at_rule = |id: &str, msg: String| {
        let offset = find_key(yaml, "id", id).unwrap_or(0);
        PackError::new(file, yaml, offset, msg)
    };
    let section_ids: HashSet<&str> = p.sections.iter().map(|s| s.id.as_str()).collect();
    let mut seen = HashSet::new();
    for r in &p.rules {
        if !seen.insert(r.id.as_str()) {
            return Err(at_rule(
                &r.id,
                format!("regel-id {} finns redan i paketet", r.id),
            ));
        }
        if !valid_id(&r.id) {
            return Err(at_rule(
                &r.id,
                format!("ogiltigt regel-id {:?}: skriv två eller tre versaler och tre siffror, t.ex. HP001", r.id),
            ));
        }
        for s in referenced_sections(&r.check) {
            if !section_ids.contains(s) {
                return Err(at_rule(
                    &r.id,
                    format!(
                        "regel {} nämner avsnittet {s:?}, som inte finns under `sections:`",
                        r.id
                    ),
                ));
            }
        }
    }
    Ok(Pack {
        name: p.pack,
        kind: p.kind,
        title: p.title,
        source: p.source,
        file: file.to_string(),
        yaml: yaml.to_string(),
        detect: p.detect.unwrap_or_default(),
        sections: p.sections,
        rules: p.rules,
    })
}

fn valid_id(id: &str) -> bool {
    let letters = id.chars().take_while(|c| c.is_ascii_uppercase()).count();
    let digits = id.len() - letters;
    (2..=4).contains(&letters) && digits == 3 && id[letters..].chars().all(|c| c.is_ascii_digit())
}

/// Section ids a check refers to, for validation against `sections:`.
fn referenced_sections(check: &Check) -> Vec<&str> {
    match check {
        Check::RequiredSections(p) => p.sections.iter().map(String::as_str).collect(),
        Check::SectionOrder(p) => p.sections.iter().map(String::as_str).collect(),
        Check::SectionContent(p) => p.sections.iter().map(String::as_str).collect(),
        Check::NotAffectedReason(p) => p.sections.iter().map(String::as_str).collect(),
        Check::MaxItems(p) => vec![p.section.as_str()],
        Check::MaxWords(p) => vec![p.section.as_str()],
        Check::RequiredFields(p) => vec![p.section.as_str()],
        Check::GoalActivity(p) => vec![p.goals.as_str(), p.activities.as_str()],
        Check::MustMention(p) => p.section.iter().map(String::as_str).collect(),
        Check::SectionFields(p) => vec![p.section.as_str()],
        Check::MeasurableGoals(p) => vec![p.section.as_str()],
        Check::TitlePattern(_)
        | Check::MetadataField(_)
        | Check::DecisionMonth(_)
        | Check::MinutesHeader(_)
        | Check::DateWithoutYear(_)
        | Check::ParagraphNumbers(_)
        | Check::ParagraphDecision(_)
        | Check::MinutesMention(_)
        | Check::NameSpelling(_)
        | Check::JusteringDelay(_)
        | Check::TemplateText(_)
        | Check::EmptyTable(_)
        | Check::UndefinedAbbreviation(_)
        | Check::MilestoneOrder(_)
        | Check::MilestoneConflict(_)
        | Check::EndBeforeStart(_)
        | Check::MilestoneId(_)
        | Check::TickTable(_)
        | Check::SignatureFields(_)
        | Check::InvalidDate(_)
        | Check::UnknownProfile(_)
        | Check::UnusedSuppression(_)
        | Check::PersonalNumber(_)
        | Check::ContactInfo(_)
        | Check::DateFormat(_)
        | Check::NumberRange(_)
        | Check::ThousandsSeparator(_)
        | Check::ReplacePattern(_)
        | Check::TrackedChanges(_)
        | Check::Encoding(_)
        | Check::HeadingStop(_)
        | Check::Readability(_) => Vec::new(),
    }
}

/// serde_yaml places errors raised inside a mapping or sequence at the
/// container's start. Move the offset forward to the key or value the
/// message names: the unknown field, the bad regex, or the last path segment.
fn refine_offset(yaml: &str, offset: usize, msg: &str) -> usize {
    let rest = yaml.get(offset..).unwrap_or("");
    let between = |s: &str, open: &str, close: &str| -> Option<String> {
        let start = s.find(open)? + open.len();
        let len = s[start..].find(close)?;
        Some(s[start..start + len].to_string())
    };
    let find_key = |key: &str| -> Option<usize> {
        let re =
            regex::Regex::new(&format!(r"(?m)(^|[\s{{,-])({})\s*:", regex::escape(key))).ok()?;
        re.captures(rest)
            .and_then(|c| c.get(2))
            .map(|m| offset + m.start())
    };
    if let Some(field) = between(msg, "unknown field `", "`") {
        if let Some(o) = find_key(&field) {
            return o;
        }
    }
    if let Some(pattern) = between(msg, "reguljärt uttryck \"", "\":") {
        if let Some(i) = rest.find(&pattern) {
            return offset + i;
        }
    }
    // `rules[0].params.max: invalid type …` → the key `max`.
    let path = msg.split(": ").next().unwrap_or("");
    if let Some(last) = path.rsplit('.').next() {
        let last = last.split('[').next().unwrap_or(last);
        if !last.is_empty() && last != path {
            if let Some(o) = find_key(last) {
                return o;
            }
        }
    }
    offset
}

/// Byte offset of `key: value` in the YAML text.
fn find_key(yaml: &str, key: &str, value: &str) -> Option<usize> {
    let mut offset = 0;
    for line in yaml.split_inclusive('\n') {
        let t = line.trim_start().trim_start_matches("- ");
        if let Some(rest) = t
            .strip_prefix(key)
            .and_then(|r| r.trim_start().strip_prefix(':'))
        {
            if rest.trim().trim_matches(['"', '\'']) == value {
                return Some(offset + line.len() - line.trim_start().len());
            }
        }
        offset += line.len();
    }
    None
}

/// The shipped packs. They are tested, so an error here is a build defect,
/// but it is still reported, never a panic. Read in parallel (in the
/// current thread pool): compiling their regexes is most of the start-up
/// of a run, and the other threads would wait for it.
pub fn builtin_packs() -> Result<Vec<Pack>, PackError> {
    use rayon::prelude::*;
    BUILTIN
        .par_iter()
        .map(|(file, yaml)| crate::pattern::compiled_lazily(|| load_pack(file, yaml)))
        .collect()
}
