//! styrkoll: a checker for Swedish planning documents (styrdokument).
//!
//! The pipeline is load (`source`) → parse (`parse`) → classify (`profile`)
//! → check (`checks`) → report (`report`); `engine` runs it for one file.
//! The library never prints, never exits and never panics.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod checks;
pub mod dates;
pub mod diagnostic;
pub mod engine;
pub mod explain;
pub mod model;
pub mod parse;
pub mod profile;
pub mod report;
pub mod source;

pub use diagnostic::{Diagnostic, Lang, Severity};
pub use engine::{CheckOptions, Engine, FileReport};
