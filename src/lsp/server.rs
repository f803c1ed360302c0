//! The message loop: initialize, then requests and notifications until
//! `exit`. Bad input never stops the server: an unknown request gets
//! `MethodNotFound`, malformed parameters `InvalidParams` (or, for a
//! notification, which cannot be answered, a log message), and a request
//! after `shutdown` `InvalidRequest`.

use super::actions::{self, ActionRequest};
use super::configs::Configs;
use super::convert::LineIndex;
use super::documents::{self, Document, Documents};
use super::initialize::{initialize, watcher_registration, Settings};
use super::{check_text, Ending};
use crate::config::Config;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types as lsp;
use lsp_types::{MessageType, Uri};
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::path::Path;
use std::rc::Rc;

/// Why the loop stops early.
pub(super) struct Stop(pub(super) Ending);

pub(super) type Step<T = ()> = Result<T, Stop>;

/// Runs the server until the client says `exit` or goes away.
pub fn run(conn: &Connection) -> Ending {
    let (id, params) = match initialize(conn) {
        Ok(x) => x,
        Err(Stop(ending)) => return ending,
    };
    let settings = Settings::from_params(&params);
    let result = serde_json::json!({
        "capabilities": settings.capabilities(),
        "serverInfo": { "name": "styrkoll", "version": env!("CARGO_PKG_VERSION") },
    });
    if conn
        .sender
        .send(Response::new_ok(id, result).into())
        .is_err()
    {
        return Ending::Disconnected;
    }
    let mut server = Server::new(conn, settings);
    match server.serve() {
        Ok(()) | Err(Stop(Ending::Disconnected)) => Ending::Disconnected,
        Err(Stop(ending)) => ending,
    }
}

fn parse<T: DeserializeOwned>(method: &str, params: Value) -> Result<T, String> {
    serde_json::from_value(params).map_err(|e| format!("{method}: ogiltiga parametrar: {e}"))
}

struct Server<'c> {
    conn: &'c Connection,
    settings: Settings,
    documents: Documents,
    configs: Configs,
    next_id: u64,
    shutting_down: bool,
}

impl<'c> Server<'c> {
    fn new(conn: &'c Connection, settings: Settings) -> Self {
        Server {
            conn,
            settings,
            documents: Documents::default(),
            configs: Configs::default(),
            next_id: 0,
            shutting_down: false,
        }
    }

    fn serve(&mut self) -> Step {
        loop {
            let Ok(msg) = self.conn.receiver.recv() else {
                return Err(Stop(Ending::Disconnected));
            };
            match msg {
                Message::Request(req) => self.request(req)?,
                Message::Notification(n) if n.method == "exit" => {
                    return Err(Stop(if self.shutting_down {
                        Ending::Clean
                    } else {
                        Ending::ExitWithoutShutdown
                    }));
                }
                Message::Notification(n) => self.notification(n)?,
                // Answers to our own requests (the watcher registration).
                Message::Response(_) => {}
            }
            // Check changed documents once the client has said all it had to.
            if self.conn.receiver.is_empty() {
                for uri in self.documents.uris() {
                    self.check(&uri)?;
                }
            }
        }
    }

    fn send(&self, msg: impl Into<Message>) -> Step {
        self.conn
            .sender
            .send(msg.into())
            .map_err(|_| Stop(Ending::Disconnected))
    }

    fn notify(&self, method: &str, params: impl serde::Serialize) -> Step {
        self.send(Notification::new(method.to_string(), params))
    }

    fn log(&self, typ: MessageType, message: String) -> Step {
        self.notify("window/logMessage", lsp::LogMessageParams { typ, message })
    }

    fn request(&mut self, req: Request) -> Step {
        let id = req.id.clone();
        let response = if req.method == "shutdown" {
            self.shutting_down = true;
            Response::new_ok(id, ())
        } else if self.shutting_down {
            Response::new_err(
                id,
                ErrorCode::InvalidRequest as i32,
                format!("{}: servern håller på att stängas", req.method),
            )
        } else {
            match self.answer(&req.method, req.params) {
                Ok(Ok(value)) => Response::new_ok(id, value),
                Ok(Err(message)) => Response::new_err(id, ErrorCode::InvalidParams as i32, message),
                Err(None) => Response::new_err(
                    id,
                    ErrorCode::MethodNotFound as i32,
                    format!("{}: okänd metod", req.method),
                ),
                Err(Some(stop)) => return Err(stop),
            }
        };
        self.send(response)
    }

    /// The result of a request, `Ok(Err)` for bad parameters, `Err(None)`
    /// for a method the server does not have.
    fn answer(
        &mut self,
        method: &str,
        params: Value,
    ) -> Result<Result<Value, String>, Option<Stop>> {
        let value = match method {
            "textDocument/hover" => match parse::<lsp::HoverParams>(method, params) {
                Ok(p) => self
                    .hover(p)
                    .map(|h| serde_json::to_value(h).unwrap_or_default()),
                Err(e) => return Ok(Err(e)),
            },
            "textDocument/codeAction" => match parse::<lsp::CodeActionParams>(method, params) {
                Ok(p) => self
                    .code_action(p)
                    .map(|a| serde_json::to_value(a).unwrap_or_default()),
                Err(e) => return Ok(Err(e)),
            },
            _ => return Err(None),
        };
        value.map(Ok).map_err(Some)
    }

    fn notification(&mut self, n: Notification) -> Step {
        let method = n.method.as_str();
        let outcome = match method {
            "initialized" => return self.register_watchers(),
            "textDocument/didOpen" => parse(method, n.params).map(|p| self.did_open(p)),
            "textDocument/didChange" => parse(method, n.params).map(|p| self.did_change(p)),
            "textDocument/didSave" => parse(method, n.params).map(|p| self.did_save(p)),
            "textDocument/didClose" => {
                match parse::<lsp::DidCloseTextDocumentParams>(method, n.params) {
                    Ok(p) => return self.did_close(p.text_document.uri),
                    Err(e) => Err(e),
                }
            }
            "workspace/didChangeWatchedFiles" => {
                parse(method, n.params).map(|p| self.did_change_watched(p))
            }
            _ => Ok(()),
        };
        match outcome {
            Ok(()) => Ok(()),
            Err(message) => self.log(MessageType::WARNING, message),
        }
    }

    fn did_open(&mut self, p: lsp::DidOpenTextDocumentParams) {
        let td = p.text_document;
        let doc = Document::new(&td.uri, td.language_id, td.version, td.text);
        self.documents.open(td.uri, doc);
    }

    fn did_change(&mut self, p: lsp::DidChangeTextDocumentParams) {
        let Some(doc) = self.documents.get_mut(&p.text_document.uri) else {
            return;
        };
        for change in &p.content_changes {
            doc.apply(change, self.settings.encoding);
        }
        doc.version = p.text_document.version;
    }

    fn did_save(&mut self, p: lsp::DidSaveTextDocumentParams) {
        let uri = p.text_document.uri;
        if documents::path_of(&uri).is_some_and(|p| reloads_config(&p)) {
            self.reload();
        } else if let Some(doc) = self.documents.get_mut(&uri) {
            doc.checked = None;
        }
    }

    fn did_close(&mut self, uri: Uri) -> Step {
        match self.documents.close(&uri) {
            Some(doc) if doc.is_checkable() => self.publish(uri, Vec::new(), None),
            _ => Ok(()),
        }
    }

    fn did_change_watched(&mut self, p: lsp::DidChangeWatchedFilesParams) {
        if p.changes
            .iter()
            .any(|c| documents::path_of(&c.uri).is_some_and(|p| reloads_config(&p)))
        {
            self.reload();
        }
    }

    /// Forgets every configuration; open documents are checked again with
    /// the ones read anew.
    fn reload(&mut self) {
        self.configs.clear();
        self.documents.forget_configs();
    }

    /// Asks the client to tell us when a configuration file changes.
    fn register_watchers(&mut self) -> Step {
        if !self.settings.watch_dynamic {
            return Ok(());
        }
        self.next_id += 1;
        let id = RequestId::from(format!("styrkoll-{}", self.next_id));
        self.send(Request::new(
            id,
            "client/registerCapability".into(),
            watcher_registration(),
        ))
    }

    /// The configuration for an open document, looked up once per document
    /// and read once per file. A file that cannot be read is shown to the
    /// user, and the built-in packs are used instead.
    fn config_of(&mut self, uri: &Uri) -> Step<Option<Rc<Config>>> {
        let Some(doc) = self.documents.get_mut(uri) else {
            return Ok(None);
        };
        let path = doc.path.clone();
        let key = doc
            .config
            .get_or_insert_with(|| path.as_deref().and_then(Config::discover))
            .clone();
        let loaded = self.configs.get(key.as_deref());
        if let Some(error) = loaded.error {
            self.send(Notification::new(
                "window/showMessage".into(),
                lsp::ShowMessageParams {
                    typ: MessageType::ERROR,
                    message: format!("styrkoll: konfigurationen kunde inte läsas; de inbyggda regelpaketen används.\n{error}"),
                },
            ))?;
        }
        Ok(loaded.config)
    }

    /// Checks a document if it changed since it was last checked, and
    /// publishes what was found.
    fn check(&mut self, uri: &Uri) -> Step {
        let stale = self
            .documents
            .get(uri)
            .is_some_and(|d| d.is_checkable() && d.checked.is_none());
        if !stale {
            return Ok(());
        }
        let Some(config) = self.config_of(uri)? else {
            return Ok(());
        };
        let Some(doc) = self.documents.get_mut(uri) else {
            return Ok(());
        };
        let (checked, diagnostics) = check_text(
            &config,
            uri,
            doc,
            self.settings.encoding,
            &self.settings.links,
        );
        let version = doc.version;
        let log = (doc.logged_profile.as_ref() != Some(&checked.profile)).then(|| {
            doc.logged_profile = Some(checked.profile.clone());
            let source = match &config.path {
                Some(p) => p.display().to_string(),
                None => "inga (inbyggda regelpaket)".into(),
            };
            format!(
                "{}: dokumenttyp {}; konfiguration: {source}",
                doc.name(uri),
                checked.profile.as_deref().unwrap_or("okänd"),
            )
        });
        doc.checked = Some(checked);
        if let Some(message) = log {
            self.log(MessageType::INFO, message)?;
        }
        self.publish(uri.clone(), diagnostics, Some(version))
    }

    fn publish(&self, uri: Uri, diagnostics: Vec<lsp::Diagnostic>, version: Option<i32>) -> Step {
        self.notify(
            "textDocument/publishDiagnostics",
            lsp::PublishDiagnosticsParams {
                uri,
                diagnostics,
                version,
            },
        )
    }

    fn hover(&mut self, p: lsp::HoverParams) -> Step<Option<lsp::Hover>> {
        let pos = p.text_document_position_params;
        let uri = pos.text_document.uri;
        self.check(&uri)?;
        let Some(config) = self.config_of(&uri)? else {
            return Ok(None);
        };
        let Some(doc) = self.documents.get(&uri) else {
            return Ok(None);
        };
        let Some(checked) = &doc.checked else {
            return Ok(None);
        };
        let index = LineIndex::new(&doc.text, self.settings.encoding);
        Ok(actions::hover(
            checked,
            &config,
            &index,
            pos.position,
            self.settings.markup,
        ))
    }

    fn code_action(&mut self, p: lsp::CodeActionParams) -> Step<Option<lsp::CodeActionResponse>> {
        let uri = p.text_document.uri;
        self.check(&uri)?;
        let Some(doc) = self.documents.get(&uri) else {
            return Ok(None);
        };
        let Some(checked) = &doc.checked else {
            return Ok(Some(Vec::new()));
        };
        let index = LineIndex::new(&doc.text, self.settings.encoding);
        let req = ActionRequest {
            uri: &uri,
            range: p.range,
            only: p.context.only.as_deref(),
        };
        Ok(Some(actions::code_actions(
            &doc.text,
            checked,
            &index,
            &self.settings.links,
            &req,
        )))
    }
}

/// Whether a changed file means the configurations must be read again: a
/// configuration file, or a YAML file that may be one of its rule packs.
fn reloads_config(path: &Path) -> bool {
    documents::is_config_file(path)
        || path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}
