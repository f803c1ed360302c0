//! Rule packs are untrusted input: every error names file, line and column.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use styrkoll::profile::{builtin_packs, load_pack, PackError};

const GOOD_RULE: &str = "
pack: test
kind: common
title: Test
rules:
  - id: TE001
    name: tom
    check: empty-table
    severity: warning
    message: {sv: 'Tom tabell.'}
";

fn err(yaml: &str) -> PackError {
    match load_pack("rules/trasig.yaml", yaml) {
        Ok(_) => panic!("expected an error for:\n{yaml}"),
        Err(e) => e,
    }
}

#[test]
fn a_good_pack_loads() {
    let pack = load_pack("rules/test.yaml", GOOD_RULE).unwrap();
    assert_eq!(pack.rules.len(), 1);
}

#[test]
fn unknown_key_points_at_its_line() {
    let yaml = GOOD_RULE.replace(
        "    severity: warning\n",
        "    severity: warning\n    sevirity: error\n",
    );
    let e = err(&yaml);
    assert_eq!(e.file, "rules/trasig.yaml");
    assert!(e.message.contains("sevirity"), "{}", e.message);
    assert_eq!((e.line, e.column), (10, 5), "{e}");
    assert!(e.to_string().starts_with("rules/trasig.yaml:10:5:"), "{e}");
}

#[test]
fn unknown_check_kind_lists_the_known_ones() {
    let e = err(&GOOD_RULE.replace("check: empty-table", "check: spell-check"));
    assert!(
        e.message.contains("spell-check") && e.message.contains("required-sections"),
        "{}",
        e.message
    );
    assert_eq!(e.line, 8, "{e}");
}

#[test]
fn bad_severity() {
    let e = err(&GOOD_RULE.replace("severity: warning", "severity: fatal"));
    assert!(e.message.contains("fatal"), "{}", e.message);
    assert_eq!(e.line, 9, "{e}");
}

#[test]
fn bad_regex_in_params() {
    let yaml = "
pack: test
kind: common
title: Test
rules:
  - id: TE002
    name: mall
    check: template-text
    severity: error
    params:
      patterns:
        - 'ok'
        - '(oavslutad'
    message: {sv: 'Malltext.'}
";
    let e = err(yaml);
    assert!(
        e.message.contains("ogiltigt reguljärt uttryck"),
        "{}",
        e.message
    );
    assert_eq!((e.line, e.column), (13, 12), "{e}");
}

#[test]
fn unknown_param_and_wrong_type() {
    let yaml = "
pack: test
kind: profile
title: Test
sections:
  - {id: mal, name: Mål, match: ['^Mål']}
rules:
  - id: TE003
    name: max
    check: max-items
    severity: warning
    params: {section: mal, max: tre}
    message: {sv: 'För många.'}
";
    let e = err(yaml);
    assert_eq!(e.line, 12, "{e}");
    let e = err(&yaml.replace("max: tre", "max: 3, min: 1"));
    assert!(e.message.contains("min"), "{}", e.message);
    assert_eq!(e.line, 12, "{e}");
    let e = err(&yaml
        .replace("max: tre", "max: 3")
        .replace("section: mal", "section: mål"));
    assert!(e.message.contains("mål"), "{}", e.message);
    assert_eq!(e.line, 8, "{e}");
}

#[test]
fn duplicate_ids_and_bad_ids() {
    let twice = format!(
        "{GOOD_RULE}{}",
        &GOOD_RULE[GOOD_RULE.find("  - id").unwrap()..]
    );
    let e = err(&twice);
    assert!(e.message.contains("TE001"), "{}", e.message);
    let e = err(&GOOD_RULE.replace("TE001", "te-1"));
    assert!(e.message.contains("te-1"), "{}", e.message);
}

#[test]
fn not_yaml_at_all() {
    let e = err("pack: [unclosed\n  kind: x");
    assert!(e.line >= 1);
    let e = err("");
    assert!(!e.message.is_empty());
}

#[test]
fn shipped_packs_load_and_match_the_json_schema() {
    let packs = builtin_packs().unwrap();
    assert!(packs.iter().any(|p| p.name == "handlingsplan"));
    let schema_path = format!("{}/rules/pack.schema.json", env!("CARGO_MANIFEST_DIR"));
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for (file, yaml) in styrkoll::profile::load::BUILTIN {
        let value: serde_json::Value = serde_yaml::from_str(yaml).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{file}: {errors:?}");
    }
    // The schema rejects what the loader rejects.
    let bad: serde_json::Value =
        serde_yaml::from_str(&GOOD_RULE.replace("check: empty-table", "check: spell-check"))
            .unwrap();
    assert!(!validator.is_valid(&bad));
}
