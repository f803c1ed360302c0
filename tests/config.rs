//! `styrkoll.yaml` (discovery, overrides, custom packs, errors), `init`,
//! suppression comments and `--fix`/`--diff`, through the real binary.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{run_in as run, write_file as write};
use std::path::Path;
use std::process::Output;

/// A local pack (`extra_packs`) with one rule, LO001.
const LOCAL_PACK: &str = "pack: lokalt\nkind: common\ntitle: Lokala regler\nrules:\n  - id: LO001\n    name: internt-ord\n    check: template-text\n    severity: warning\n    params:\n      patterns: ['(?i)\\bhemligt\\b']\n    message: {sv: 'Ordet ”{text}” ska inte stå i publicerade dokument.'}\n";

/// `(rule, severity, message)` of every diagnostic in a JSON report.
fn findings(out: &Output) -> Vec<(String, String, String)> {
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    v["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().unwrap().clone())
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn rules(out: &Output) -> Vec<String> {
    findings(out).into_iter().map(|f| f.0).collect()
}

/// A document no profile recognises: GE006 (info) and nothing else.
const PLAIN: &str = "# Anteckningar från mötet\n\nVi gick igenom läget.\n";

#[test]
fn discovered_in_a_parent_folder_and_overridden_per_glob() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(
        d,
        "styrkoll.yaml",
        "rules:\n  GE006: error\noverrides:\n  - files: ['arkiv/**']\n    rules: {GE006: off}\n",
    );
    write(d, "aktuellt/a.md", PLAIN);
    write(d, "arkiv/gammalt/b.md", PLAIN);
    let out = run(d, &["check", "--format", "json", "aktuellt/a.md"]);
    assert_eq!(
        findings(&out),
        vec![("GE006".into(), "error".into(), findings(&out)[0].2.clone())]
    );
    assert_eq!(out.status.code(), Some(1));
    let out = run(d, &["check", "--format", "json", "arkiv"]);
    assert!(rules(&out).is_empty(), "{:?}", rules(&out));
    assert_eq!(out.status.code(), Some(0));
    // Checked from elsewhere: the file's own folder decides, not the cwd.
    let out = run(
        Path::new("/"),
        &[
            "check",
            "--format",
            "json",
            d.join("arkiv/gammalt/b.md").to_str().unwrap(),
        ],
    );
    assert!(rules(&out).is_empty(), "{:?}", rules(&out));
    // --no-config ignores it.
    let out = run(d, &["check", "--no-config", "--format", "json", "arkiv"]);
    assert_eq!(rules(&out), vec!["GE006"]);
}

#[test]
fn params_lang_profile_and_explicit_config() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let plan = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/handlingsplan/ok/komplett.md"),
    )
    .unwrap();
    write(d, "plan.md", &plan);
    // The complete plan passes with the defaults…
    assert!(rules(&run(d, &["check", "--format", "json", "plan.md"])).is_empty());
    // …but not with at most one goal for the year; `section` is kept from the pack.
    write(
        d,
        "egen.yaml",
        "lang: en\nrules:\n  for-manga-arsmal: {params: {max: 1}}\n",
    );
    let out = run(
        d,
        &[
            "check",
            "--config",
            "egen.yaml",
            "--format",
            "json",
            "plan.md",
        ],
    );
    let f = findings(&out);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "HP003");
    assert!(f[0].2.starts_with("The Goals section"), "{f:?}");
    // `--lang` on the command line wins over the file.
    let out = run(
        d,
        &[
            "check",
            "--config",
            "egen.yaml",
            "--lang",
            "sv",
            "--format",
            "json",
            "plan.md",
        ],
    );
    assert!(findings(&out)[0].2.starts_with("Avsnittet Mål"));
    // A forced profile.
    write(d, "p/styrkoll.yaml", "profile: protokoll\n");
    write(d, "p/x.md", PLAIN);
    let v: serde_json::Value =
        serde_json::from_slice(&run(d, &["check", "--format", "json", "p/x.md"]).stdout).unwrap();
    assert_eq!(v["files"][0]["profile"], "protokoll");
}

#[test]
fn packs_chosen_and_added() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "regler/lokalt.yaml", LOCAL_PACK);
    write(
        d,
        "styrkoll.yaml",
        "packs: [lokalt]\nextra_packs: [regler/lokalt.yaml]\n",
    );
    write(d, "a.md", "# Anteckningar\n\nDetta är hemligt.\n");
    let out = run(d, &["check", "--format", "json", "a.md"]);
    // Only the chosen pack ran: no GE006 from gemensamt.
    assert_eq!(rules(&out), vec!["LO001"]);
}

#[test]
fn bad_configurations_are_errors_with_positions() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "a.md", PLAIN);
    let cases = [
        (
            "rules:\n  GE006: {sevrity: error}\n",
            "styrkoll.yaml:2:",
            "sevrity",
        ),
        ("lang: sv\nspråk: en\n", "styrkoll.yaml:2:1", "språk"),
        ("rules:\n  XX999: off\n", "styrkoll.yaml:2:", "XX999"),
        (
            "rules:\n  HP003: {params: {maxx: 2}}\n",
            "styrkoll.yaml:2:",
            "maxx",
        ),
        ("rules:\n  HP003: loud\n", "styrkoll.yaml:2:", "loud"),
        ("packs: [gemensam]\n", "styrkoll.yaml:1:", "gemensam"),
        (
            "extra_packs: [finns-inte.yaml]\n",
            "styrkoll.yaml:1:",
            "finns-inte.yaml",
        ),
    ];
    for (yaml, at, word) in cases {
        write(d, "styrkoll.yaml", yaml);
        let out = run(d, &["check", "a.md"]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{yaml}: {err}");
        assert!(err.contains(at) && err.contains(word), "{yaml}: {err}");
    }
}

#[test]
fn init_writes_a_starter_and_refuses_to_overwrite() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let out = run(d, &["init"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let starter = std::fs::read_to_string(d.join("styrkoll.yaml")).unwrap();
    assert!(starter.contains("# rules:"));
    // It is a valid configuration.
    write(d, "a.md", PLAIN);
    assert_eq!(
        rules(&run(d, &["check", "--format", "json", "a.md"])),
        vec!["GE006"]
    );
    // No overwrite without --force.
    write(d, "styrkoll.yaml", "rules: {GE006: off}\n");
    let out = run(d, &["init"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    assert_eq!(
        std::fs::read_to_string(d.join("styrkoll.yaml")).unwrap(),
        "rules: {GE006: off}\n"
    );
    assert_eq!(run(d, &["init", "--force"]).status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(d.join("styrkoll.yaml")).unwrap(),
        starter
    );
}

#[test]
fn suppression_comments_and_front_matter() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let doc = "---\nstyrkoll: {ignore: [GE006]}\n---\n# Anteckningar\n\n<!-- styrkoll-disable-next-line GE005 -->\n\nTexten&nbsp;ett.\n\n<!-- styrkoll-disable markup-rester -->\nTexten&nbsp;två.\n<!-- styrkoll-enable markup-rester -->\n\nTexten&nbsp;tre.\n";
    write(d, "a.md", doc);
    let out = run(d, &["check", "--format", "json", "a.md"]);
    let f = findings(&out);
    // Only the third one is left; every suppression was used.
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "GE005");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files"][0]["diagnostics"][0]["line"], 14);
}

const DIRECTIVE_WITH_BPO: &str = "---\ndokumenttyp: uppdragsdirektiv\n---\n# Uppdragsdirektiv – Test\n\n## 5 Tidplan\n\nDirektivet fastställs vid BPO och uppdraget startar vid BP1.\n";

#[test]
fn diff_shows_and_fix_writes_only_the_fixes() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "a.md", DIRECTIVE_WITH_BPO);
    write(d, "clean.md", PLAIN);
    // --diff: nothing written, exit 1 when there is something to fix.
    let out = run(d, &["check", "--diff", "a.md", "clean.md"]);
    let diff = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{diff}");
    assert!(diff.contains("-Direktivet fastställs vid BPO"), "{diff}");
    assert!(diff.contains("+Direktivet fastställs vid BP0"), "{diff}");
    assert!(!diff.contains("clean.md"), "{diff}");
    assert_eq!(
        std::fs::read_to_string(d.join("a.md")).unwrap(),
        DIRECTIVE_WITH_BPO
    );
    // --fix: rewritten, and byte-identical outside the fix.
    let clean_before = std::fs::metadata(d.join("clean.md"))
        .unwrap()
        .modified()
        .unwrap();
    let out = run(
        d,
        &["check", "--fix", "--format", "json", "a.md", "clean.md"],
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("rättade 1 fynd i a.md"));
    let fixed = std::fs::read_to_string(d.join("a.md")).unwrap();
    assert_eq!(fixed, DIRECTIVE_WITH_BPO.replace("vid BPO", "vid BP0"));
    // The report is of the fixed text.
    assert!(
        !rules(&out).contains(&"UD006".to_string()),
        "{:?}",
        rules(&out)
    );
    assert!(!rules(&run(d, &["check", "--format", "json", "a.md"])).contains(&"UD006".to_string()));
    // A file with nothing to fix is not touched.
    assert_eq!(
        std::fs::metadata(d.join("clean.md"))
            .unwrap()
            .modified()
            .unwrap(),
        clean_before
    );
    // --diff after the fix: nothing left.
    let out = run(d, &["check", "--diff", "a.md"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
}

#[test]
fn fix_keeps_a_byte_order_mark_and_refuses_other_encodings() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(DIRECTIVE_WITH_BPO.as_bytes());
    std::fs::write(d.join("bom.md"), &bom).unwrap();
    run(d, &["check", "--fix", "bom.md"]);
    let after = std::fs::read(d.join("bom.md")).unwrap();
    assert!(after.starts_with(b"\xEF\xBB\xBF"));
    assert_eq!(
        &after[3..],
        DIRECTIVE_WITH_BPO.replace("BPO", "BP0").as_bytes()
    );
    // Windows-1252: read and checked, but not rewritten.
    let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(DIRECTIVE_WITH_BPO);
    std::fs::write(d.join("latin.md"), &latin).unwrap();
    let out = run(d, &["check", "--fix", "latin.md"]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("rättades inte"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read(d.join("latin.md")).unwrap(), latin.to_vec());
}

/// `--fix` through the binary on every writing-rule fixture with fixes: the
/// fixed file has no finding of the fixed rules left, and every byte outside
/// the fixed ranges is unchanged.
#[test]
fn fix_round_trip_on_the_writing_rule_fixtures() {
    let fixed_rules = ["SR001", "SR003", "SR005", "SR006", "SR007", "SR008"];
    let bad = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/skrivregler/bad");
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let mut tried = 0;
    for entry in std::fs::read_dir(&bad).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        if !fixed_rules.iter().any(|r| name.starts_with(r)) {
            continue;
        }
        let original = std::fs::read_to_string(&path).unwrap();
        write(d, &name, &original);
        // Where the fixes go, from the JSON report of the original.
        let v: serde_json::Value =
            serde_json::from_slice(&run(d, &["check", "--format", "json", &name]).stdout).unwrap();
        let mut ranges: Vec<(usize, usize, String)> = v["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|d| d.get("fix"))
            .map(|f| {
                (
                    f["start"].as_u64().unwrap() as usize,
                    f["end"].as_u64().unwrap() as usize,
                    f["replacement"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        ranges.sort();
        assert!(!ranges.is_empty(), "{name}: no fixes");
        let out = run(d, &["check", "--fix", "--format", "json", &name]);
        let left: Vec<String> = rules(&out)
            .into_iter()
            .filter(|r| fixed_rules.contains(&r.as_str()) && name.starts_with(r.as_str()))
            .collect();
        assert!(left.is_empty(), "{name}: still {left:?}");
        // Byte-identical outside the fixes (non-overlapping, in order).
        let fixed = std::fs::read_to_string(d.join(&name)).unwrap();
        let mut expected = String::new();
        let mut at = 0;
        for (s, e, r) in &ranges {
            if *s < at {
                continue;
            }
            expected.push_str(&original[at..*s]);
            expected.push_str(r);
            at = *e;
        }
        expected.push_str(&original[at..]);
        assert_eq!(fixed, expected, "{name}");
        tried += 1;
    }
    assert_eq!(tried, fixed_rules.len());
}

#[test]
fn rules_and_explain_describe_the_configuration_in_force() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "regler/lokalt.yaml", LOCAL_PACK);
    write(
        d,
        "styrkoll.yaml",
        "extra_packs: [regler/lokalt.yaml]\nrules:\n  HP003: {params: {max: 2}}\n",
    );
    std::fs::create_dir_all(d.join("under")).unwrap();
    let text = |o: &Output| String::from_utf8_lossy(&o.stdout).into_owned();

    // From a subfolder, as `check` would find it: the parameter set in
    // styrkoll.yaml fills the help text, and the local rule is known.
    let here = run(&d.join("under"), &["explain", "HP003"]);
    assert!(here.status.success());
    assert!(text(&here).contains("Välj de 2 mål"), "{}", text(&here));
    let local = run(&d.join("under"), &["explain", "LO001"]);
    assert!(
        local.status.success(),
        "{}",
        String::from_utf8_lossy(&local.stderr)
    );
    assert!(text(&local).contains("internt-ord"));
    let listed = run(&d.join("under"), &["rules"]);
    assert!(text(&listed).contains("LO001"));

    // --no-config: the shipped rules as they are.
    let builtin = run(d, &["explain", "HP003", "--no-config"]);
    assert!(text(&builtin).contains("Välj de 3 mål"));
    let unknown = run(d, &["explain", "LO001", "--no-config"]);
    assert_eq!(unknown.status.code(), Some(2));

    // A broken configuration is an error naming the file, not silently skipped.
    write(d, "trasig.yaml", "rules:\n  HP003: {params: {max: x}}\n");
    let broken = run(d, &["rules", "--config", "trasig.yaml"]);
    assert_eq!(broken.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&broken.stderr).contains("trasig.yaml:2:"));
}

#[test]
fn an_error_names_whether_the_configuration_or_a_pack_is_wrong() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "a.md", PLAIN);
    let stderr = |o: &Output| String::from_utf8_lossy(&o.stderr).into_owned();

    write(d, "styrkoll.yaml", "rules:\n  HP003: {params: {max: x}}\n");
    let config = run(d, &["check", "a.md"]);
    assert_eq!(config.status.code(), Some(2));
    assert!(
        stderr(&config).contains("styrkoll::konfiguration"),
        "{}",
        stderr(&config)
    );

    write(d, "styrkoll.yaml", "extra_packs: [egna.yaml]\n");
    write(d, "egna.yaml", "pack: egna\nkind: common\nrules: 5\n");
    let pack = run(d, &["check", "a.md"]);
    assert_eq!(pack.status.code(), Some(2));
    let err = stderr(&pack);
    assert!(
        err.contains("styrkoll::regelpaket") && err.contains("egna.yaml:3:"),
        "{err}"
    );
}
