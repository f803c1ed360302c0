//! The README's rule index is generated from the rule packs; they must agree.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[test]
fn readme_rule_index_matches_the_packs() {
    let readme =
        std::fs::read_to_string(format!("{}/README.md", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let start = readme.find("<!-- rules:start -->\n").expect("start marker")
        + "<!-- rules:start -->\n".len();
    let end = readme.find("<!-- rules:end -->").expect("end marker");
    let engine = styrkoll::Engine::builtin().unwrap();
    let expected = styrkoll::explain::rules_markdown(&engine);
    assert!(
        readme[start..end] == expected,
        "README rule index is stale; replace the part between the markers with the output of\n`cargo run -- rules --format markdown`:\n\n{expected}"
    );
}

#[test]
fn readme_yaml_examples_parse() {
    let readme =
        std::fs::read_to_string(format!("{}/README.md", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let mut blocks = 0;
    for part in readme.split("```yaml\n").skip(1) {
        let block = part.split("```").next().unwrap();
        if let Err(e) = serde_yaml::from_str::<serde_yaml::Value>(block) {
            panic!("a YAML example in the README does not parse: {e}\n{block}");
        }
        blocks += 1;
    }
    assert!(blocks >= 4, "{blocks} YAML examples");
}

#[test]
fn pre_commit_hook_runs_check_on_markdown_and_text() {
    let text = std::fs::read_to_string(format!(
        "{}/.pre-commit-hooks.yaml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let hooks: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let hook = &hooks[0];
    assert_eq!(hook["id"].as_str(), Some("styrkoll"));
    assert_eq!(hook["entry"].as_str(), Some("styrkoll check"));
    assert_eq!(hook["language"].as_str(), Some("rust"));
    let files = regex::Regex::new(hook["files"].as_str().unwrap()).unwrap();
    for name in ["docs/plan.md", "a.markdown", "protokoll.txt"] {
        assert!(files.is_match(name), "{name}");
    }
    for name in ["utkast.docx", "md.png"] {
        assert!(!files.is_match(name), "{name}");
    }
}
