//! The language server as an editor drives it: over an in-memory connection
//! (initialize → didOpen → publishDiagnostics → didChange → codeAction →
//! hover → shutdown), and the real `styrkoll lsp` binary over stdio.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use lsp_server::{Connection, Message, Notification, Request, RequestId, ResponseError};
use serde_json::{json, Value};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::Duration;
use styrkoll::lsp::Ending;

const WAIT: Duration = Duration::from_secs(30);

/// The line with the finding: å, ä, –, ä and ö before `skall`, so its column
/// differs between UTF-8 (32) and UTF-16 (26).
const LINE: &str = "Målen är viktiga – därför skall planen följas upp.";
const LINE_NO: u32 = 12;
const COL_UTF16: u32 = 26;
const COL_UTF8: u32 = 32;

/// A complete handlingsplan with one SR007 finding (`skall`).
fn plan() -> String {
    let ok = std::fs::read_to_string(format!(
        "{}/fixtures/handlingsplan/ok/komplett.md",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let text = ok.replacen(
        "## 1 Inledning\n\n",
        &format!("## 1 Inledning\n\n{LINE}\n\n"),
        1,
    );
    assert_eq!(text.lines().nth(LINE_NO as usize), Some(LINE));
    text
}

fn file_uri(path: &Path) -> String {
    let mut s = String::from("file://");
    for b in path.to_str().unwrap().bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' => {
                s.push(b as char)
            }
            _ => s.push_str(&format!("%{b:02X}")),
        }
    }
    s
}

struct Client {
    conn: Connection,
    server: Option<JoinHandle<Ending>>,
    pending: VecDeque<Message>,
    next_id: i32,
}

impl Client {
    fn start() -> Client {
        let (server, client) = Connection::memory();
        let handle = std::thread::spawn(move || styrkoll::lsp::run(&server));
        Client {
            conn: client,
            server: Some(handle),
            pending: VecDeque::new(),
            next_id: 0,
        }
    }

    /// Starts a server and initializes it with these client capabilities.
    fn initialized(capabilities: Value) -> (Client, Value) {
        let mut c = Client::start();
        let result = c.request(
            "initialize",
            json!({"processId": null, "rootUri": null, "capabilities": capabilities}),
        );
        let result = result.expect("initialize result");
        c.notify("initialized", json!({}));
        (c, result)
    }

    fn next(&mut self) -> Message {
        self.conn
            .receiver
            .recv_timeout(WAIT)
            .expect("the server answered in time")
    }

    fn request(&mut self, method: &str, params: Value) -> Result<Value, ResponseError> {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        self.conn
            .sender
            .send(Request::new(id.clone(), method.into(), params).into())
            .unwrap();
        loop {
            match self.next() {
                Message::Response(r) if r.id == id => return r.response_result,
                other => self.pending.push_back(other),
            }
        }
    }

    fn notify(&self, method: &str, params: Value) {
        self.conn
            .sender
            .send(Notification::new(method.into(), params).into())
            .unwrap();
    }

    /// The next notification with this method, skipping others.
    fn notification(&mut self, method: &str) -> Value {
        if let Some(i) = self
            .pending
            .iter()
            .position(|m| matches!(m, Message::Notification(n) if n.method == method))
        {
            if let Some(Message::Notification(n)) = self.pending.remove(i) {
                return n.params;
            }
        }
        loop {
            match self.next() {
                Message::Notification(n) if n.method == method => return n.params,
                other => self.pending.push_back(other),
            }
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Value {
        loop {
            let p = self.notification("textDocument/publishDiagnostics");
            if p["uri"] == uri {
                return p;
            }
        }
    }

    fn open(&self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
        );
    }

    fn shutdown(mut self) {
        let r = self.request("shutdown", json!(null));
        assert_eq!(r.unwrap(), Value::Null);
        // A request after shutdown is refused, not answered.
        let late = self.request("textDocument/hover", json!({}));
        assert_eq!(late.unwrap_err().code, -32600);
        self.notify("exit", json!(null));
        let ending = self.server.take().unwrap().join().unwrap();
        assert_eq!(ending, Ending::Clean);
    }
}

fn sr007(published: &Value) -> Vec<Value> {
    published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "SR007")
        .cloned()
        .collect()
}

fn range(line: u32, start: u32, end: u32) -> Value {
    json!({"start": {"line": line, "character": start}, "end": {"line": line, "character": end}})
}

#[test]
fn a_session_in_utf16() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("handlingsplan.md");
    let uri = file_uri(&path);
    let (mut c, init) = Client::initialized(json!({}));
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["capabilities"]["textDocumentSync"]["change"], 2);
    assert_eq!(init["serverInfo"]["name"], "styrkoll");

    c.open(&uri, &plan());
    let published = c.diagnostics(&uri);
    assert_eq!(published["version"], 1);
    let found = sr007(&published);
    assert_eq!(found.len(), 1, "{published:#}");
    let d = &found[0];
    assert_eq!(d["range"], range(LINE_NO, COL_UTF16, COL_UTF16 + 5));
    assert_eq!(d["source"], "styrkoll");
    assert_eq!(d["severity"], 3);
    assert_eq!(d["codeDescription"]["href"], "styrkoll://rule/SR007");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .starts_with("Skriv ”ska” i stället för ”skall”.\nFormen skall är ålderdomlig"),
        "{d:#}"
    );
    let log = c.notification("window/logMessage");
    assert!(
        log["message"]
            .as_str()
            .unwrap()
            .contains("dokumenttyp handlingsplan"),
        "{log}"
    );

    // The quick fix replaces exactly `skall`; "fix all" does too.
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range(LINE_NO, COL_UTF16 + 2, COL_UTF16 + 2),
               "context": {"diagnostics": [d]}}),
    );
    let actions = actions.unwrap();
    let quick = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "quickfix")
        .expect("a quick fix");
    assert_eq!(quick["title"], "Ersätt ”skall” med ”ska” (SR007)");
    assert_eq!(
        quick["edit"]["changes"][&uri],
        json!([{"range": range(LINE_NO, COL_UTF16, COL_UTF16 + 5), "newText": "ska"}])
    );
    let all = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "source.fixAll.styrkoll")
        .expect("fix all");
    assert!(all["title"]
        .as_str()
        .unwrap()
        .starts_with("Rätta allt som går"));
    // Asked only for source.fixAll: no quick fixes.
    let only = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range(0, 0, 0),
               "context": {"diagnostics": [], "only": ["source.fixAll"]}}),
    );
    let only = only.unwrap();
    assert_eq!(only.as_array().unwrap().len(), 1, "{only:#}");
    assert_eq!(only[0]["kind"], "source.fixAll.styrkoll");

    // Hover on the finding shows the rule's documentation, in Swedish.
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": LINE_NO, "character": COL_UTF16 + 1}}),
    );
    let hover = hover.unwrap();
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(text.contains("SR007 skall (info)"), "{text}");
    assert!(text.contains("Vad regeln gör"), "{text}");
    assert_eq!(hover["range"], range(LINE_NO, COL_UTF16, COL_UTF16 + 5));
    // Nothing to say where there is no finding.
    let none = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(none.unwrap(), Value::Null);

    // Applying the fix as an incremental change clears the finding.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2},
               "contentChanges": [{"range": range(LINE_NO, COL_UTF16, COL_UTF16 + 5), "text": "ska"}]}),
    );
    let published = c.diagnostics(&uri);
    assert_eq!(published["version"], 2);
    assert!(sr007(&published).is_empty(), "{published:#}");

    // Closing clears the document's diagnostics.
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    let published = c.diagnostics(&uri);
    assert_eq!(published["diagnostics"], json!([]));
    c.shutdown();
}

#[test]
fn utf8_positions_when_the_client_offers_them() {
    let (mut c, init) =
        Client::initialized(json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}}));
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    let uri = "untitled:Namnl%C3%B6s-1";
    c.open(uri, &plan());
    let published = c.diagnostics(uri);
    let found = sr007(&published);
    assert_eq!(found[0]["range"], range(LINE_NO, COL_UTF8, COL_UTF8 + 5));
    // An edit in UTF-8 columns, inside the line after `–`.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2},
               "contentChanges": [{"range": range(LINE_NO, COL_UTF8, COL_UTF8 + 5), "text": "ska"}]}),
    );
    assert!(sr007(&c.diagnostics(uri)).is_empty());
    c.shutdown();
}

#[test]
fn workspace_configuration_is_honoured_and_reread() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("styrkoll.yaml");
    std::fs::write(&config, "lang: en\nrules:\n  SR007: off\n").unwrap();
    std::fs::create_dir(dir.path().join("planer")).unwrap();
    let uri = file_uri(&dir.path().join("planer/plan.md"));
    let (mut c, _) = Client::initialized(
        json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}),
    );
    // The server asks to be told when a configuration file changes.
    let registration = loop {
        match c.next() {
            Message::Request(r) if r.method == "client/registerCapability" => break r,
            other => c.pending.push_back(other),
        }
    };
    let watchers = &registration.params["registrations"][0]["registerOptions"]["watchers"];
    assert_eq!(watchers[0]["globPattern"], "**/styrkoll.yaml");

    c.open(&uri, &plan());
    assert!(sr007(&c.diagnostics(&uri)).is_empty());

    // A change on disk is not read on a keystroke...
    std::fs::write(&config, "rules:\n  SR007: error\n").unwrap();
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2},
               "contentChanges": [{"range": range(0, 0, 0), "text": ""}]}),
    );
    assert!(sr007(&c.diagnostics(&uri)).is_empty());
    // ...but when the client says the file changed.
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&config), "type": 2}]}),
    );
    let found = sr007(&c.diagnostics(&uri));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["severity"], 1);

    // Saving a configuration in the editor re-reads it too; `lang: en`
    // makes hover English.
    std::fs::write(&config, "lang: en\n").unwrap();
    c.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": file_uri(&config)}}),
    );
    let found = sr007(&c.diagnostics(&uri));
    assert_eq!(found[0]["severity"], 3);
    assert!(found[0]["message"]
        .as_str()
        .unwrap()
        .starts_with("Write \"ska\""));
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": LINE_NO, "character": COL_UTF16}}),
    );
    let text = hover.unwrap()["contents"]["value"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(text.contains("What it does"), "{text}");
    c.shutdown();
}

#[test]
fn a_broken_configuration_is_shown_and_the_builtin_packs_serve() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("styrkoll.yaml"), "rulez:\n  SR007: off\n").unwrap();
    let uri = file_uri(&dir.path().join("plan.md"));
    let (mut c, _) = Client::initialized(json!({}));
    c.open(&uri, &plan());
    let shown = c.notification("window/showMessage");
    assert_eq!(shown["type"], 1);
    let message = shown["message"].as_str().unwrap();
    assert!(message.contains("styrkoll.yaml"), "{message}");
    assert!(message.contains("rulez"), "{message}");
    assert_eq!(sr007(&c.diagnostics(&uri)).len(), 1);
    // Shown once, not on every keystroke.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2},
               "contentChanges": [{"range": range(0, 0, 0), "text": ""}]}),
    );
    c.diagnostics(&uri);
    assert!(!c
        .pending
        .iter()
        .any(|m| matches!(m, Message::Notification(n) if n.method == "window/showMessage")));
    c.shutdown();
}

#[test]
fn bad_input_gets_errors_not_a_crash() {
    let (mut c, _) = Client::initialized(json!({}));
    let unknown = c.request("textDocument/completion", json!({}));
    assert_eq!(unknown.unwrap_err().code, -32601);
    let malformed = c.request("textDocument/hover", json!({"position": "here"}));
    assert_eq!(malformed.unwrap_err().code, -32602);
    let closed = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": "file:///finns/inte.md"}, "range": range(0, 0, 0),
               "context": {"diagnostics": []}}),
    );
    assert_eq!(closed.unwrap(), Value::Null);
    // A change on a line far past the end (appended at the end), and a
    // reversed range with a column past its line's end (read as an empty
    // range at the end of the line).
    let uri = "untitled:x";
    c.open(uri, "Mål\nå");
    c.diagnostics(uri);
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2},
               "contentChanges": [{"range": range(99, 5, 120), "text": " skall"},
                                  {"range": {"start": {"line": 0, "character": 9}, "end": {"line": 0, "character": 1}}, "text": "!"}]}),
    );
    let published = c.diagnostics(uri);
    assert_eq!(published["version"], 2);
    // The text is now "Mål!\nå skall": SR007 on line 1, after `å `.
    let found = sr007(&published);
    assert_eq!(found[0]["range"], range(1, 2, 7), "{published:#}");
    // Malformed notification parameters are logged, and the server goes on.
    c.notify("textDocument/didOpen", json!({"textDocument": 7}));
    loop {
        let log = c.notification("window/logMessage");
        if log["message"]
            .as_str()
            .unwrap()
            .contains("didOpen: ogiltiga parametrar")
        {
            assert_eq!(log["type"], 2);
            break;
        }
    }
    c.shutdown();
}

/// Reads one framed message (`Content-Length` header, blank line, body).
fn read_frame(r: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    r.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

fn frame(v: Value) -> Vec<u8> {
    let body = v.to_string();
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

#[test]
fn the_binary_speaks_lsp_over_stdio() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_styrkoll"))
        .args(["lsp", "--stdio"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut r = BufReader::new(stdout);
        while let Some(v) = read_frame(&mut r) {
            if tx.send(v).is_err() {
                break;
            }
        }
    });
    let mut stdin = child.stdin.take().unwrap();
    let mut send = |v: Value| stdin.write_all(&frame(v)).unwrap();
    let uri = "untitled:plan.md";
    send(json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                "params": {"processId": null, "rootUri": null, "capabilities": {}}}));
    send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
    send(json!({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": plan()}}}));
    // Read until the diagnostics arrive; a hang fails here instead of
    // blocking the test run.
    let published = loop {
        match rx.recv_timeout(WAIT) {
            Ok(v) if v["method"] == "textDocument/publishDiagnostics" => break v,
            Ok(v) if v["id"] == 1 => {
                assert_eq!(v["result"]["capabilities"]["positionEncoding"], "utf-16")
            }
            Ok(_) => {}
            Err(_) => {
                let _ = child.kill();
                panic!("no publishDiagnostics from styrkoll lsp within {WAIT:?}");
            }
        }
    };
    assert_eq!(
        sr007(&published["params"])[0]["range"],
        range(LINE_NO, COL_UTF16, COL_UTF16 + 5)
    );
    send(json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": null}));
    loop {
        match rx.recv_timeout(WAIT) {
            Ok(v) if v["id"] == 2 => break,
            Ok(_) => {}
            Err(_) => {
                let _ = child.kill();
                panic!("no answer to shutdown");
            }
        }
    }
    send(json!({"jsonrpc": "2.0", "method": "exit", "params": null}));
    drop(stdin);
    // Exit code 0 after shutdown + exit; wait with a deadline.
    let deadline = std::time::Instant::now() + WAIT;
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("styrkoll lsp did not exit");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert_eq!(status.code(), Some(0), "{err}");
}
