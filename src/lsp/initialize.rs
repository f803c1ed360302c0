//! The start of a session: waiting for `initialize`, reading what the
//! client can do, and saying what the server does.

use super::actions::{Markup, FIX_ALL};
use super::convert::{DocLinks, Encoding};
use super::server::{Step, Stop};
use super::Ending;
use crate::config::FILE_NAMES;
use lsp_server::{Connection, ErrorCode, Message, RequestId, Response};
use lsp_types as lsp;
use lsp_types::PositionEncodingKind;
use serde_json::Value;

/// Waits for `initialize`, answering anything before it as the protocol says.
pub fn initialize(conn: &Connection) -> Step<(RequestId, Value)> {
    loop {
        let Ok(msg) = conn.receiver.recv() else {
            return Err(Stop(Ending::Disconnected));
        };
        let response = match msg {
            Message::Request(req) if req.method == "initialize" => {
                if req.params.is_object() {
                    return Ok((req.id, req.params));
                }
                Response::new_err(
                    req.id,
                    ErrorCode::InvalidParams as i32,
                    "initialize: parametrarna ska vara ett objekt".into(),
                )
            }
            Message::Request(req) => Response::new_err(
                req.id,
                ErrorCode::ServerNotInitialized as i32,
                format!("{}: servern väntar på initialize", req.method),
            ),
            Message::Notification(n) if n.method == "exit" => {
                return Err(Stop(Ending::ExitWithoutShutdown))
            }
            _ => continue,
        };
        if conn.sender.send(response.into()).is_err() {
            return Err(Stop(Ending::Disconnected));
        }
    }
}

/// What was agreed at `initialize`.
pub struct Settings {
    pub encoding: Encoding,
    pub links: DocLinks,
    pub markup: Markup,
    /// Whether the client lets us register a file watcher.
    pub watch_dynamic: bool,
}

impl Settings {
    /// Reads what matters from `initialize`'s parameters, leniently: a
    /// missing or odd capability means the protocol's default.
    pub fn from_params(params: &Value) -> Self {
        let strings = |pointer: &str| -> Option<Vec<String>> {
            params.pointer(pointer).and_then(|v| v.as_array()).map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(str::to_string))
                    .collect()
            })
        };
        let offered: Option<Vec<PositionEncodingKind>> =
            strings("/capabilities/general/positionEncodings")
                .map(|v| v.into_iter().map(PositionEncodingKind::from).collect());
        let markup = match strings("/capabilities/textDocument/hover/contentFormat") {
            Some(formats) if !formats.is_empty() && !formats.iter().any(|f| f == "markdown") => {
                Markup::PlainText
            }
            _ => Markup::Markdown,
        };
        Settings {
            encoding: Encoding::negotiate(offered.as_deref()),
            links: DocLinks::new(
                params
                    .pointer("/initializationOptions/ruleDocsUrl")
                    .and_then(|v| v.as_str()),
            ),
            markup,
            watch_dynamic: params
                .pointer("/capabilities/workspace/didChangeWatchedFiles/dynamicRegistration")
                .and_then(|v| v.as_bool())
                .unwrap_or(false),
        }
    }

    /// Incremental sync (only the edited range is sent), hover, and code
    /// actions of the two kinds the server makes.
    pub fn capabilities(&self) -> lsp::ServerCapabilities {
        lsp::ServerCapabilities {
            position_encoding: Some(self.encoding.kind()),
            text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(
                lsp::TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(lsp::TextDocumentSyncKind::INCREMENTAL),
                    save: Some(lsp::TextDocumentSyncSaveOptions::Supported(true)),
                    ..lsp::TextDocumentSyncOptions::default()
                },
            )),
            hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
            code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
                lsp::CodeActionOptions {
                    code_action_kinds: Some(vec![lsp::CodeActionKind::QUICKFIX, FIX_ALL]),
                    resolve_provider: Some(false),
                    ..lsp::CodeActionOptions::default()
                },
            )),
            ..lsp::ServerCapabilities::default()
        }
    }
}

/// The file watcher the server asks for: every configuration file in the
/// workspace, created, changed or deleted.
pub fn watcher_registration() -> lsp::RegistrationParams {
    let watchers = FILE_NAMES
        .iter()
        .map(|name| lsp::FileSystemWatcher {
            glob_pattern: lsp::GlobPattern::String(format!("**/{name}")),
            kind: None,
        })
        .collect();
    let options = lsp::DidChangeWatchedFilesRegistrationOptions { watchers };
    lsp::RegistrationParams {
        registrations: vec![lsp::Registration {
            id: "styrkoll-konfiguration".into(),
            method: "workspace/didChangeWatchedFiles".into(),
            register_options: serde_json::to_value(options).ok(),
        }],
    }
}
