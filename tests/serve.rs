//! `styrkoll serve` over real loopback connections: every status code the
//! API promises, a stalled client cut off without blocking others, and
//! nothing written to disk.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod http;

use http::{form, get, request};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};
use styrkoll::config::Config;
use styrkoll::serve::{ServeOptions, Server};

/// The largest upload the test server takes.
const LIMIT: u64 = 256 * 1024;

const DRAFT: &str = include_str!("data/serve-utkast.md");

/// One server for the whole file, on a port the system chooses.
fn server() -> &'static str {
    static ADDR: OnceLock<String> = OnceLock::new();
    ADDR.get_or_init(|| {
        let options = ServeOptions {
            max_file_size: LIMIT,
            request_timeout: Duration::from_secs(1),
            workers: 4,
        };
        let server = Server::bind(
            "127.0.0.1:0".parse().unwrap(),
            Config::builtin().unwrap(),
            options,
        )
        .unwrap();
        let addr = server.local_addr().unwrap().to_string();
        std::thread::spawn(move || server.run());
        addr
    })
}

fn docx() -> Vec<u8> {
    styrkoll::source::docx::write::from_markdown(DRAFT).unwrap()
}

fn rules_of(v: &serde_json::Value) -> Vec<String> {
    v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_page_and_its_files_come_from_the_binary() {
    let addr = server();
    let page = get(addr, "/");
    assert_eq!(page.status, 200);
    assert!(page
        .header("content-type")
        .unwrap()
        .starts_with("text/html"));
    let html = page.text();
    assert!(html.contains("lang=\"sv\""), "{html}");
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no outside fetches"
    );
    assert!(page
        .header("content-security-policy")
        .unwrap()
        .contains("default-src 'none'"));
    assert_eq!(get(addr, "/app.js").status, 200);
    assert_eq!(get(addr, "/style.css").status, 200);
}

#[test]
fn a_markdown_draft_gives_the_json_report_with_its_outline() {
    let addr = server();
    let r = request(
        addr,
        "POST",
        "/api/check?filename=utkast.md",
        &[],
        DRAFT.as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let v = r.json();
    assert_eq!(v["version"], 1);
    assert_eq!(v["files"][0]["path"], "utkast.md");
    assert_eq!(v["files"][0]["profile"], "handlingsplan");
    let rules = rules_of(&v);
    assert!(
        rules.contains(&"HP003".into()) && rules.contains(&"HP004".into()),
        "{rules:?}"
    );
    assert_eq!(v["summary"]["errors"], 1);
    let outline = v["outline"]["sections"].as_array().unwrap();
    let paths: Vec<&str> = outline
        .iter()
        .map(|s| s["path"].as_str().unwrap())
        .collect();
    assert!(paths.contains(&"2 Mål"), "{paths:?}");
    assert!(paths.contains(&"4 Perspektiv > 4.3 Miljö"), "{paths:?}");
    // Each finding's section is one of the outline's headings.
    for d in v["files"][0]["diagnostics"].as_array().unwrap() {
        if let Some(s) = d["section"].as_str() {
            assert!(paths.contains(&s), "{s} not in {paths:?}");
        }
    }
    assert!(v["profiles"]
        .as_array()
        .unwrap()
        .contains(&"protokoll".into()));
}

#[test]
fn a_text_file_and_a_forced_document_type() {
    let addr = server();
    let text = DRAFT.replace("---\ndokumenttyp: handlingsplan\n---\n", "");
    let r = request(
        addr,
        "POST",
        "/api/check?filename=utkast.txt&profile=protokoll",
        &[],
        text.as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let v = r.json();
    assert_eq!(v["files"][0]["profile"], "protokoll");
    // The handlingsplan's own rules did not run.
    assert!(!rules_of(&v).iter().any(|r| r.starts_with("HP")), "{v}");
    let bad = request(
        addr,
        "POST",
        "/api/check?filename=a.txt&profile=roman",
        &[],
        b"Text",
    );
    assert_eq!(bad.status, 400);
    assert!(bad.json()["error"]
        .as_str()
        .unwrap()
        .contains("handlingsplan"));
}

#[test]
fn a_word_file_sent_as_a_form() {
    let addr = server();
    let (ct, body) = form("Utkast plan.docx", &docx(), &[]);
    let r = request(addr, "POST", "/api/check", &[("Content-Type", &ct)], &body);
    assert_eq!(r.status, 200, "{}", r.text());
    let v = r.json();
    assert_eq!(v["files"][0]["path"], "Utkast plan.docx");
    let rules = rules_of(&v);
    assert!(
        rules.contains(&"HP003".into()) && rules.contains(&"HP004".into()),
        "{rules:?}"
    );
    assert!(v["files"][0]["diagnostics"][0]["paragraph"].is_u64(), "{v}");
    assert!(v["outline"]["sections"].as_array().unwrap().len() >= 10);
    // The form's profile field forces the type.
    let (ct, body) = form("plan.docx", &docx(), &[("profile", "uppdragsdirektiv")]);
    let r = request(addr, "POST", "/api/check", &[("Content-Type", &ct)], &body);
    assert_eq!(r.json()["files"][0]["profile"], "uppdragsdirektiv");
}

#[test]
fn too_large_uploads_get_413() {
    let addr = server();
    let big = vec![b'a'; LIMIT as usize + 1];
    let r = request(addr, "POST", "/api/check?filename=stor.md", &[], &big);
    assert_eq!(r.status, 413);
    assert!(
        r.json()["error"].as_str().unwrap().contains("256 KiB"),
        "{}",
        r.text()
    );
    // A body announced far over the limit is refused before it is sent.
    let started = Instant::now();
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.write_all(
        b"POST /api/check?filename=a.md HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n\r\n",
    )
    .unwrap();
    let reply = http::read_reply(&mut s);
    assert_eq!(reply.status, 413);
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn unknown_file_types_get_415() {
    let addr = server();
    for name in ["program.exe", "gammal.doc", "utan-andelse"] {
        let r = request(
            addr,
            "POST",
            &format!("/api/check?filename={name}"),
            &[],
            b"Text",
        );
        assert_eq!(r.status, 415, "{name}: {}", r.text());
        assert!(r.json()["error"].as_str().unwrap().contains(".docx"));
    }
}

#[test]
fn malformed_requests_get_400_and_unreadable_files_422() {
    let addr = server();
    let mp = [("Content-Type", "multipart/form-data; boundary=XyZ")];
    let cut =
        b"--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.md\"\r\n\r\nText";
    assert_eq!(request(addr, "POST", "/api/check", &mp, cut).status, 400);
    let no_name =
        b"--XyZ\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nText\r\n--XyZ--\r\n";
    let r = request(addr, "POST", "/api/check", &mp, no_name);
    assert_eq!(r.status, 400);
    assert!(r.json()["error"].as_str().unwrap().contains("filnamn"));
    let no_boundary = [("Content-Type", "multipart/form-data")];
    assert_eq!(
        request(addr, "POST", "/api/check", &no_boundary, b"x").status,
        400
    );
    let raw_without_name = request(addr, "POST", "/api/check", &[], b"# Plan");
    assert_eq!(raw_without_name.status, 400);
    assert!(raw_without_name.json()["error"]
        .as_str()
        .unwrap()
        .contains("filename"));
    assert_eq!(http::send_raw(addr, b"NOT HTTP AT ALL\r\n\r\n").status, 400);
    // A .docx that is not a zip file is read and refused, not a crash.
    let r = request(
        addr,
        "POST",
        "/api/check?filename=trasig.docx",
        &[],
        b"inte en zip-fil",
    );
    assert_eq!(r.status, 422, "{}", r.text());
    // Chunked bodies are not taken.
    let chunked = http::send_raw(
        addr,
        b"POST /api/check?filename=a.md HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nText\r\n0\r\n\r\n",
    );
    assert_eq!(chunked.status, 411);
}

#[test]
fn unknown_paths_404_and_wrong_methods_405() {
    let addr = server();
    assert_eq!(get(addr, "/finns-inte").status, 404);
    assert_eq!(get(addr, "/api/rules/XX999").status, 404);
    let r = get(addr, "/api/check");
    assert_eq!(r.status, 405);
    assert_eq!(r.header("allow").as_deref(), Some("POST"));
    assert_eq!(http::delete(addr, "/api/rules").status, 405);
}

#[test]
fn the_rules_and_one_rule() {
    let addr = server();
    let all = get(addr, "/api/rules");
    assert_eq!(all.status, 200);
    let v = all.json();
    let ids: Vec<&str> = v["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"HP003") && ids.contains(&"SR007"), "{ids:?}");
    let one = get(addr, "/api/rules/HP003");
    assert_eq!(one.status, 200);
    let v = one.json();
    assert_eq!(v["id"], "HP003");
    assert!(v["explanation"]
        .as_str()
        .unwrap()
        .contains("Vad regeln gör"));
    // By name too, and as the text `styrkoll explain` prints.
    let text = get(addr, "/api/rules/for-manga-arsmal?format=text");
    assert!(text
        .header("content-type")
        .unwrap()
        .starts_with("text/plain"));
    assert!(text.text().starts_with("HP003 for-manga-arsmal"));
}

#[test]
fn a_stalled_client_is_cut_off_without_blocking_others() {
    let addr = server();
    let mut stalled = Vec::new();
    // More stalled clients than workers: the queue waits, nothing hangs.
    for _ in 0..5 {
        let mut s = TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
        s.write_all(
            b"POST /api/check?filename=a.md HTTP/1.1\r\nContent-Length: 1000\r\n\r\nhalf a bo",
        )
        .unwrap();
        stalled.push(s);
    }
    let started = Instant::now();
    let ok = get(addr, "/api/rules/HP003");
    assert_eq!(ok.status, 200);
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "{:?}",
        started.elapsed()
    );
    for mut s in stalled {
        let mut buf = Vec::new();
        s.read_to_end(&mut buf).unwrap();
        assert_eq!(http::parse_reply(&buf).status, 408);
    }
    assert!(started.elapsed() < Duration::from_secs(10));
}

/// The binary, in empty folders for its working directory and `TMPDIR`:
/// after checks of every kind, both are still empty.
#[test]
fn nothing_uploaded_is_written_to_disk() {
    let cwd = tempfile::tempdir().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_styrkoll"))
        .args(["serve", "--port", "0", "--no-config"])
        .current_dir(cwd.path())
        .env("TMPDIR", tmp.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .trim()
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    let (ct, body) = form("plan.docx", &docx(), &[]);
    let statuses = [
        request(&addr, "POST", "/api/check", &[("Content-Type", &ct)], &body).status,
        request(
            &addr,
            "POST",
            "/api/check?filename=plan.md",
            &[],
            DRAFT.as_bytes(),
        )
        .status,
        request(&addr, "POST", "/api/check?filename=x.exe", &[], b"x").status,
    ];
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(statuses, [200, 200, 415]);
    for dir in [cwd.path(), tmp.path()] {
        let left: Vec<_> = std::fs::read_dir(dir).unwrap().collect();
        assert!(left.is_empty(), "{}: {left:?}", dir.display());
    }
}

#[test]
fn a_non_loopback_address_needs_listen_and_warns() {
    let out = Command::new(env!("CARGO_BIN_EXE_styrkoll"))
        .args(["serve", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(
        help.contains("--listen") && help.contains("--open"),
        "{help}"
    );
    // An unusable address is an error with exit code 2, not a hang.
    let out = Command::new(env!("CARGO_BIN_EXE_styrkoll"))
        .args([
            "serve",
            "--listen",
            "192.0.2.1",
            "--port",
            "0",
            "--no-config",
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("varning"), "{err}");
    assert_eq!(out.status.code(), Some(2), "{err}");
}
