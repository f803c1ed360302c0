//! The binary as users run it: exit codes, stdin, bad input, seeds.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn styrkoll(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_styrkoll"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_styrkoll"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

fn seed(name: &str) -> Option<String> {
    let p = format!("{}/../shared/seeds/{name}", env!("CARGO_MANIFEST_DIR"));
    Path::new(&p).exists().then_some(p)
}

#[test]
fn the_routine_itself_is_not_a_handlingsplan() {
    let Some(p) = seed("003_a3cc5de92d832eb8.txt") else {
        eprintln!("skipped: ../shared/seeds not present");
        return;
    };
    let out = styrkoll(&["check", "--format", "json", &p]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    assert_eq!(v["files"][0]["profile"], serde_json::Value::Null);
    let rules: Vec<&str> = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"GE006"), "{rules:?}");
    assert!(!rules.iter().any(|r| r.starts_with("HP")), "{rules:?}");
}

#[test]
fn exit_codes() {
    let ok = styrkoll(&["check", "fixtures/handlingsplan/ok/komplett.md"]);
    assert_eq!(ok.status.code(), Some(0));
    // HP001 is an error.
    let bad = styrkoll(&[
        "check",
        "fixtures/handlingsplan/bad/HP001-saknar-definitioner.md",
    ]);
    assert_eq!(bad.status.code(), Some(1));
    // HP003 is a warning: passes unless warnings are denied.
    let warn = styrkoll(&["check", "fixtures/handlingsplan/bad/HP003-fem-mal.md"]);
    assert_eq!(warn.status.code(), Some(0));
    let denied = styrkoll(&[
        "check",
        "--deny",
        "warnings",
        "fixtures/handlingsplan/bad/HP003-fem-mal.md",
    ]);
    assert_eq!(denied.status.code(), Some(1));
    let usage = styrkoll(&[
        "check",
        "--profile",
        "nope",
        "fixtures/handlingsplan/ok/komplett.md",
    ]);
    assert_eq!(usage.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&usage.stderr).contains("okänd profil"));
    let missing = styrkoll(&["check", "finns-inte.md"]);
    assert_eq!(missing.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("finns-inte.md"));
}

#[test]
fn human_output_underlines_and_summarises() {
    let out = styrkoll(&[
        "check",
        "fixtures/handlingsplan/bad/HP005-berors-ej-utan-motivering.md",
    ]);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("HP005 perspektiv-omotiverat"), "{s}");
    assert!(
        s.contains("Planen berörs inte av barnrättsperspektivet."),
        "{s}"
    );
    assert!(s.contains("help:"), "{s}");
    assert!(
        s.contains("i avsnitt 4 Perspektiv > 4.2 Barnens rätt"),
        "{s}"
    );
    assert!(
        s.trim_end().ends_with("0 fel, 1 varning, 0 info i 1 fil"),
        "{s}"
    );
}

#[test]
fn stdin_with_a_filename_and_english() {
    let text = std::fs::read(format!(
        "{}/fixtures/handlingsplan/bad/HP003-fem-mal.md",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let out = with_stdin(
        &[
            "check",
            "--format",
            "json",
            "--lang",
            "en",
            "--stdin-filename",
            "utkast.md",
            "-",
        ],
        &text,
    );
    let v = json(&out);
    let f = &v["files"][0];
    assert_eq!(f["path"], "utkast.md");
    assert_eq!(f["profile"], "handlingsplan");
    let d = &f["diagnostics"][0];
    assert_eq!(d["rule"], "HP003");
    assert_eq!(d["name"], "for-manga-arsmal");
    assert_eq!(d["severity"], "warning");
    assert!(d["message"]
        .as_str()
        .unwrap()
        .starts_with("The Goals section has 5 goals"));
    assert_eq!(d["section"], "2 Mål");
    // Line/column 1-based, byte offsets into the text.
    let start = d["start"].as_u64().unwrap() as usize;
    let line = d["line"].as_u64().unwrap() as usize;
    assert_eq!(
        String::from_utf8_lossy(&text[..start])
            .matches('\n')
            .count()
            + 1,
        line
    );
    assert_eq!(d["column"], 1);
    assert_eq!(v["summary"]["warnings"], 1);
}

#[test]
fn bad_inputs_get_clear_messages_and_the_others_are_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n);
    std::fs::write(p("a-tom.md"), "").unwrap();
    std::fs::write(
        p("b-binar.txt"),
        [0x50, 0x4b, 0x03, 0x04, 0, 0, 0xff, 0xfe, 0, 1, 2],
    )
    .unwrap();
    std::fs::write(
        p("c-latin1.txt"),
        b"M\xe5l f\xf6r \xe5ret\n\nPlanen g\xe4ller.\n",
    )
    .unwrap();
    let big = std::fs::File::create(p("d-stor.txt")).unwrap();
    big.set_len(60 * 1024 * 1024).unwrap();
    std::fs::copy(
        format!(
            "{}/fixtures/handlingsplan/ok/komplett.md",
            env!("CARGO_MANIFEST_DIR")
        ),
        p("e-plan.md"),
    )
    .unwrap();
    std::fs::write(p("f-utkast.docx"), b"PK\x03\x04").unwrap();
    let dir_s = dir.path().to_str().unwrap();
    let out = styrkoll(&[
        "check",
        "--format",
        "json",
        dir_s,
        &p("f-utkast.docx").display().to_string(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(3),
        "an unreadable input gives exit code 3"
    );
    let v = json(&out);
    let files = v["files"].as_array().unwrap();
    let by_name = |n: &str| {
        files
            .iter()
            .find(|f| f["path"].as_str().unwrap().ends_with(n))
            .unwrap_or_else(|| panic!("{n} missing in {v}"))
    };
    assert!(by_name("b-binar.txt")["error"]
        .as_str()
        .unwrap()
        .contains("binär"));
    assert!(by_name("d-stor.txt")["error"]
        .as_str()
        .unwrap()
        .contains("gränsen"));
    assert!(by_name("f-utkast.docx")["error"]
        .as_str()
        .unwrap()
        .contains(".docx"));
    assert_eq!(by_name("a-tom.md")["diagnostics"][0]["rule"], "GE006");
    assert!(by_name("a-tom.md")["diagnostics"][0]["message"]
        .as_str()
        .unwrap()
        .contains("tomt"));
    assert_eq!(by_name("e-plan.md")["profile"], "handlingsplan");
    assert_eq!(
        by_name("e-plan.md")["diagnostics"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
    assert!(by_name("c-latin1.txt")["error"].is_null());
    // Human output names the file and the problem on stderr.
    let out = styrkoll(&["check", dir_s]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("b-binar.txt") && err.contains("binär"),
        "{err}"
    );
}

#[test]
fn rules_and_explain() {
    let out = styrkoll(&["rules", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    let ids: Vec<&str> = v["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    for id in ["HP001", "HP014", "GE001", "GE002", "GE006"] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
    let table = String::from_utf8_lossy(&styrkoll(&["rules"]).stdout).into_owned();
    assert!(table.contains("HP003") && table.contains("for-manga-arsmal"));
    let explain = styrkoll(&["explain", "HP003"]);
    let s = String::from_utf8_lossy(&explain.stdout);
    for part in [
        "HP003 for-manga-arsmal",
        "Vad regeln gör",
        "Varför",
        "3.2",
        "Exempel som inte godkänns",
        "Exempel som godkänns",
    ] {
        assert!(s.contains(part), "{part} in {s}");
    }
    let by_name = styrkoll(&["explain", "for-manga-arsmal", "--lang", "en"]);
    assert!(String::from_utf8_lossy(&by_name.stdout).contains("What it does"));
    let unknown = styrkoll(&["explain", "XX999"]);
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn forced_profile_overrides_detection() {
    let out = styrkoll(&[
        "check",
        "--format",
        "json",
        "--profile",
        "handlingsplan",
        "fixtures/gemensamt/bad/GE006-okand-dokumenttyp.md",
    ]);
    let v = json(&out);
    assert_eq!(v["files"][0]["profile"], "handlingsplan");
    let rules: Vec<&str> = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert!(
        rules.contains(&"HP001") && !rules.contains(&"GE006"),
        "{rules:?}"
    );
}

#[test]
fn a_misspelt_heading_gets_a_did_you_mean() {
    let out = styrkoll(&[
        "check",
        "--format",
        "json",
        "fixtures/handlingsplan/bad/HP001-felstavad-rubrik.md",
    ]);
    let v = json(&out);
    let d = &v["files"][0]["diagnostics"][0];
    assert_eq!(d["rule"], "HP001");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("Menade du rubriken ”5 Defintioner och begrep”?"),
        "{d}"
    );
    assert_eq!(d["labels"][0]["line"], 73);
}
