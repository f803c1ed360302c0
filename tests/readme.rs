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
