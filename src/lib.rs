//! styrkoll: a checker for Swedish planning documents (styrdokument).
//!
//! The pipeline is load (`source`) → parse (`parse`) → classify (`profile`)
//! → check (`checks`) → report (`report`); `engine` runs it for one file.
//! `dates` and `personnummer` recognise dates and personal identity numbers
//! in running text. `templates` holds the skeletons `styrkoll new` writes.
//! `lsp` is the language server (`styrkoll lsp`) built on the same engine.
//! The library never prints, never exits and never panics.
//!
//! ```
//! use styrkoll::{source::Source, CheckOptions, Engine};
//!
//! let engine = Engine::builtin().unwrap();
//! let src = Source::from_text(
//!     "plan.md",
//!     "# Övergripande handlingsplan för miljö 2026\n\n## 1 Inledning\n\nText.\n",
//! );
//! let report = engine.check(&src, &CheckOptions::default());
//! assert_eq!(report.profile.as_deref(), Some("handlingsplan"));
//! assert!(report.diagnostics.iter().any(|d| d.rule == "HP001"));
//! ```
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod chars;
pub mod checks;
pub mod config;
pub mod dates;
pub mod diagnostic;
pub mod engine;
pub mod explain;
pub mod fix;
#[doc(hidden)]
pub mod fuzzing;
pub mod lsp;
pub mod model;
pub mod parse;
pub mod pattern;
pub mod personnummer;
pub mod profile;
pub mod report;
pub mod schedule;
pub mod serve;
pub mod source;
pub mod suppress;
pub mod templates;
#[cfg(test)]
mod test_files;

pub use diagnostic::{Diagnostic, Lang, Severity};
pub use engine::{CheckOptions, Engine, FileReport};
