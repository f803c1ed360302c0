//! Diagnostics: what a check found, where, and how to fix it.

use crate::model::Span;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Severity::Info, Lang::Sv) => "info",
            (Severity::Warning, Lang::Sv) => "varning",
            (Severity::Error, Lang::Sv) => "fel",
            (Severity::Info, Lang::En) => "info",
            (Severity::Warning, Lang::En) => "warning",
            (Severity::Error, Lang::En) => "error",
        }
    }
}

/// The language of user-facing text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Sv,
    En,
}

/// A secondary location shown beside the primary one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

/// A text edit that fixes the finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub span: Span,
    pub replacement: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub rule: String,
    pub name: String,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    pub span: Span,
    pub labels: Vec<Label>,
    /// Heading path of the innermost section holding the span.
    pub section: Option<String>,
    pub fix: Option<Fix>,
}
