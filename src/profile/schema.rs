//! The rule pack format: what a `rules/*.yaml` file may contain.
//!
//! Packs are untrusted input. Every struct rejects unknown keys, regexes are
//! compiled while deserializing and check parameters are read by the check
//! kind's own typed struct, so every error carries the YAML line and column.

use crate::checks::{Check, CheckKind};
use crate::diagnostic::{Lang, Severity};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;

pub use crate::pattern::Pattern;

/// Text in Swedish and (optionally) English.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    pub sv: String,
    #[serde(default)]
    pub en: Option<String>,
}

impl Localized {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Sv => &self.sv,
            Lang::En => self.en.as_deref().unwrap_or(&self.sv),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PackKind {
    /// Rules for one document type, chosen by classification.
    Profile,
    /// Rules for every document.
    Common,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackFile {
    pub pack: String,
    pub kind: PackKind,
    pub title: String,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub detect: Option<Detect>,
    #[serde(default)]
    pub sections: Vec<SectionSpec>,
    pub rules: Vec<RuleSpec>,
}

/// How a profile recognises its documents.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Detect {
    /// Values of front matter `dokumenttyp:` that select this profile.
    #[serde(default)]
    pub front_matter: Vec<String>,
    /// The title matches one of these…
    #[serde(default)]
    pub title: Vec<Pattern>,
    /// …and none of these.
    #[serde(default)]
    pub exclude: Vec<Pattern>,
    /// Phrases in the first part of the text; each adds one to the score.
    #[serde(default)]
    pub phrases: Vec<Pattern>,
    /// Score at which phrases alone select the profile.
    #[serde(default)]
    pub min_phrases: Option<usize>,
}

/// An expected section of the document, with the headings that name it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionSpec {
    pub id: String,
    /// Display name, used in messages.
    pub name: String,
    /// Regexes matched against the heading text (without its number).
    #[serde(rename = "match")]
    pub patterns: Vec<Pattern>,
}

/// A rule's documentation, printed by `styrkoll explain`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleDoc {
    pub what: Localized,
    pub why: Localized,
    /// Where the rule comes from (routine paragraph, template, law).
    pub source: String,
    /// A document excerpt that fails.
    pub fail: String,
    /// The same excerpt, fixed.
    pub pass: String,
}

/// One rule of a pack.
#[derive(Debug)]
pub struct RuleSpec {
    pub id: String,
    pub name: String,
    pub severity: Severity,
    pub check: Check,
    pub message: Localized,
    pub help: Option<Localized>,
    /// Alternative messages a check may choose (`missing`, `malformed`, …).
    pub variants: BTreeMap<String, Localized>,
    pub doc: Option<RuleDoc>,
    /// The parameters as a configuration file set them (merged over the
    /// pack's), for the documentation; `None` when the pack's hold.
    pub params_override: Option<serde_yaml::Mapping>,
}

const RULE_FIELDS: &[&str] = &[
    "id", "name", "check", "severity", "params", "message", "help", "variants", "doc",
];

impl<'de> Deserialize<'de> for RuleSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(RuleVisitor)
    }
}

struct RuleVisitor;

impl<'de> Visitor<'de> for RuleVisitor {
    type Value = RuleSpec;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("en regel (id, name, check, severity, params, message, help, doc)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RuleSpec, A::Error> {
        let mut id: Option<String> = None;
        let mut name = None;
        let mut kind: Option<CheckKind> = None;
        let mut check = None;
        let mut severity = None;
        let mut message = None;
        let mut help = None;
        let mut variants = None;
        let mut doc = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "id" => id = Some(map.next_value()?),
                "name" => name = Some(map.next_value()?),
                "check" => kind = Some(map.next_value()?),
                "severity" => severity = Some(map.next_value()?),
                "message" => message = Some(map.next_value()?),
                "help" => help = Some(map.next_value()?),
                "variants" => variants = Some(map.next_value()?),
                "doc" => doc = Some(map.next_value()?),
                "params" => {
                    let Some(k) = kind else {
                        return Err(de::Error::custom(
                            "`check` måste stå före `params` i regeln",
                        ));
                    };
                    check = Some(map.next_value_seed(ParamsSeed(k))?);
                }
                other => return Err(de::Error::unknown_field(other, RULE_FIELDS)),
            }
        }
        let id = id.ok_or_else(|| de::Error::missing_field("id"))?;
        let kind = kind.ok_or_else(|| de::Error::missing_field("check"))?;
        let check = match check {
            Some(c) => c,
            None => kind
                .params_from_empty()
                .map_err(|e| de::Error::custom(format!("regel {id}: {e}")))?,
        };
        Ok(RuleSpec {
            name: name.ok_or_else(|| de::Error::missing_field("name"))?,
            severity: severity.ok_or_else(|| de::Error::missing_field("severity"))?,
            message: message.ok_or_else(|| de::Error::missing_field("message"))?,
            help,
            variants: variants.unwrap_or_default(),
            doc,
            check,
            id,
            params_override: None,
        })
    }
}

struct ParamsSeed(CheckKind);

impl<'de> de::DeserializeSeed<'de> for ParamsSeed {
    type Value = Check;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Check, D::Error> {
        self.0.deserialize_params(d)
    }
}
