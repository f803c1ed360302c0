//! The language server (`styrkoll lsp`): diagnostics as you type, the rule's
//! documentation on hover, and fixes as code actions, over any
//! `lsp_server::Connection` (stdio in the binary, in memory in the tests).
//!
//! The loop handles one message at a time and checks changed documents only
//! when no message is waiting, so a burst of keystrokes is checked once.
//! Configurations are read once per `styrkoll.yaml` (the engine and its rule
//! packs with them) and re-read only when one changes.

mod actions;
mod configs;
pub mod convert;
pub mod documents;
mod initialize;
mod server;

pub use convert::{DocLinks, Encoding};
pub use documents::{Checked, Document};
pub use server::run;

use crate::config::Config;
use crate::source::Source;
use lsp_types::Uri;
use std::path::Path;

/// Why the server stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// `shutdown` then `exit`, as the protocol asks.
    Clean,
    /// `exit` without `shutdown` first.
    ExitWithoutShutdown,
    /// The client went away.
    Disconnected,
}

/// Checks one document's text with a configuration and converts the findings
/// for the protocol: the work done after every change (and what the
/// `lsp_recheck` benchmark measures).
pub fn check_text(
    config: &Config,
    uri: &Uri,
    doc: &Document,
    encoding: Encoding,
    links: &DocLinks,
) -> (Checked, Vec<lsp_types::Diagnostic>) {
    // Without a file (an unsaved buffer) no override pattern can match.
    let opts = match &doc.path {
        Some(p) => config.options_for(p),
        None => config.options_for(Path::new("")),
    };
    let source = Source::from_text(doc.name(uri), doc.text.clone());
    let report = config.engine.check(&source, &opts);
    let lsp = convert::diagnostics(&doc.text, &report.diagnostics, encoding, uri, links);
    let checked = Checked {
        diagnostics: report.diagnostics,
        lang: opts.lang,
        profile: report.profile,
    };
    (checked, lsp)
}
