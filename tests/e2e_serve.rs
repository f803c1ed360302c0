//! The page in a real browser: headless Chromium driven by chromedriver over
//! WebDriver (plain HTTP on the loopback). Uploads a Word draft, waits for the
//! findings and the outline, filters, downloads the report and saves a
//! screenshot to `target/e2e/serve.png`. Skips, saying why, where Chromium
//! or chromedriver is not installed (`.ci/run` installs both).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod http;

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use styrkoll::config::Config;
use styrkoll::serve::{ServeOptions, Server};

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

fn find_program(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

/// chromedriver, stopped when dropped.
struct Driver {
    child: Child,
    addr: String,
    session: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = std::panic::catch_unwind(|| {
                http::delete(&self.addr, &format!("/session/{}", self.session))
            });
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Driver {
    fn call(&self, method: &str, path: &str, body: Value) -> Value {
        let path = format!("/session/{}{path}", self.session);
        let reply = match method {
            "GET" => http::get(&self.addr, &path),
            _ => http::post_json(&self.addr, &path, &body),
        };
        assert_eq!(reply.status, 200, "{method} {path}: {}", reply.text());
        reply.json()["value"].clone()
    }

    fn script(&self, js: &str) -> Value {
        self.call("POST", "/execute/sync", json!({ "script": js, "args": [] }))
    }

    fn element(&self, css: &str) -> String {
        let v = self.call(
            "POST",
            "/element",
            json!({ "using": "css selector", "value": css }),
        );
        v[ELEMENT].as_str().unwrap().to_string()
    }

    fn click(&self, css: &str) {
        let id = self.element(css);
        self.call("POST", &format!("/element/{id}/click"), json!({}));
    }

    /// Polls a script until it returns something truthy, for at most 20 s.
    fn wait_for(&self, what: &str, js: &str) -> Value {
        let started = Instant::now();
        loop {
            let v = self.script(js);
            if v.as_bool() == Some(true) || v.as_u64().is_some_and(|n| n > 0) {
                return v;
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "timed out waiting for {what}: {v}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

fn start_driver(chromedriver: &Path, chromium: &Path, downloads: &Path) -> Driver {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(chromedriver)
        .args([format!("--port={port}"), "--allowed-ips=127.0.0.1".into()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut driver = Driver {
        child,
        addr: format!("127.0.0.1:{port}"),
        session: String::new(),
    };
    let started = Instant::now();
    while std::net::TcpStream::connect(&driver.addr).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "chromedriver did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let caps = json!({ "capabilities": { "alwaysMatch": {
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": chromium.display().to_string(),
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1500", "--lang=sv-SE", "--no-first-run"],
            "prefs": {
                "download.default_directory": downloads.display().to_string(),
                "download.prompt_for_download": false,
            },
        },
    }}});
    let reply = http::post_json(&driver.addr, "/session", &caps);
    assert_eq!(reply.status, 200, "new session: {}", reply.text());
    driver.session = reply.json()["value"]["sessionId"]
        .as_str()
        .unwrap()
        .to_string();
    // Headless Chromium saves downloads only where it is told to.
    let _ = http::post_json(
        &driver.addr,
        &format!("/session/{}/goog/cdp/execute", driver.session),
        &json!({ "cmd": "Browser.setDownloadBehavior",
                 "params": { "behavior": "allow", "downloadPath": downloads.display().to_string() } }),
    );
    driver
}

fn base64_decode(s: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let clean: Vec<u8> = s
        .bytes()
        .filter(|c| !c.is_ascii_whitespace() && *c != b'=')
        .collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let v: Vec<u32> = chunk.iter().map(|&c| u32::from(value(c))).collect();
        let n = v
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, x)| acc | (x << (18 - 6 * i)));
        out.extend_from_slice(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}

#[test]
fn upload_a_word_draft_filter_and_download_the_report() {
    let Some(chromium) = find_program(&["chromium", "chromium-browser", "google-chrome"]) else {
        eprintln!("skipped: no chromium on PATH (apt-get install chromium chromium-driver)");
        return;
    };
    let Some(chromedriver) = find_program(&["chromedriver"]) else {
        eprintln!("skipped: no chromedriver on PATH (apt-get install chromium-driver)");
        return;
    };
    let server = Server::bind(
        "127.0.0.1:0".parse().unwrap(),
        Config::builtin().unwrap(),
        ServeOptions::default(),
    )
    .unwrap();
    let url = format!("http://{}/", server.local_addr().unwrap());
    std::thread::spawn(move || server.run());

    let work = tempfile::tempdir().unwrap();
    let draft = work.path().join("utkast-handlingsplan.docx");
    let md = include_str!("data/serve-utkast.md");
    std::fs::write(
        &draft,
        styrkoll::source::docx::write::from_markdown(md).unwrap(),
    )
    .unwrap();
    let downloads = work.path().join("hamtade");
    std::fs::create_dir(&downloads).unwrap();

    let driver = start_driver(&chromedriver, &chromium, &downloads);
    driver.call("POST", "/url", json!({ "url": url }));
    assert_eq!(driver.script("return document.documentElement.lang"), "sv");

    // Upload through the file input, as the file picker would.
    let input = driver.element("#fil");
    driver.call(
        "POST",
        &format!("/element/{input}/value"),
        json!({ "text": draft.display().to_string() }),
    );
    let total = driver.wait_for(
        "the findings",
        "return document.querySelectorAll('#findings .finding').length",
    );
    let total = total.as_u64().unwrap();
    assert!(total >= 5, "{total}");
    let texts = driver.script("return document.getElementById('findings').innerText");
    assert!(
        texts.as_str().unwrap().contains("Perspektivet Miljö"),
        "{texts}"
    );
    let markers =
        driver.script("return [...document.querySelectorAll('#outline li')].map(l => l.innerText)");
    let markers: Vec<String> = markers
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap().into())
        .collect();
    assert!(
        markers
            .iter()
            .any(|m| m.starts_with("2 Mål") && m.contains("fynd")),
        "{markers:?}"
    );
    assert!(
        markers
            .iter()
            .any(|m| m == "4.1 Jämställdhet och jämlikhet"),
        "{markers:?}"
    );
    assert_eq!(
        driver.script("return document.getElementById('detected').innerText"),
        "Igenkänd som handlingsplan."
    );
    let summary = driver.script("return document.getElementById('summary').innerText");
    assert!(summary.as_str().unwrap().contains("1 fel"), "{summary}");

    // The screenshot, before filtering and from the top, shows everything.
    driver.script("window.scrollTo(0, 0); document.activeElement.blur(); return true");
    let shot = driver.call("GET", "/screenshot", json!(null));
    let png = base64_decode(shot.as_str().unwrap());
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("serve.png"), &png).unwrap();
    assert!(png.starts_with(b"\x89PNG"));

    // Hiding info findings shrinks the list.
    driver.click(".filter input[value=info]");
    let visible = driver
        .script("return document.querySelectorAll('#findings .finding:not([hidden])').length");
    let visible = visible.as_u64().unwrap();
    assert!(0 < visible && visible < total, "{visible} of {total}");
    let shown = driver.script("return document.getElementById('shown').innerText");
    assert_eq!(shown, format!("Visar {visible} av {total} fynd."));

    // The report is saved as one HTML file.
    driver.click("#ladda-ner");
    let started = Instant::now();
    let report = loop {
        let done: Vec<PathBuf> = std::fs::read_dir(&downloads)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "html"))
            .collect();
        if let Some(p) = done.first() {
            break p.clone();
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "no report downloaded"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    assert_eq!(
        report.file_name().unwrap(),
        "styrkoll-rapport-utkast-handlingsplan.html"
    );
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(
        html.contains("Granskning av utkast-handlingsplan.docx"),
        "{html}"
    );
    assert!(html.contains("HP004") && html.contains("<style>"), "{html}");
    assert!(!html.contains("<script"), "the report is static");
}
