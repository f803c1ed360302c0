//! Word documents: what the reader makes of styles, numbering, tables,
//! checkboxes, tracked changes, headers and footers, and that a plan
//! checks the same as .docx as it does as Markdown.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod office;

use office::*;
use styrkoll::source::{from_bytes, Place, Source, DEFAULT_MAX_FILE_SIZE};
use styrkoll::{CheckOptions, Engine, FileReport};

fn load(docx: &Docx) -> Source {
    from_bytes("plan.docx", &docx.bytes(), DEFAULT_MAX_FILE_SIZE).unwrap()
}

fn check(src: &Source) -> FileReport {
    Engine::builtin()
        .unwrap()
        .check(src, &CheckOptions::default())
}

/// A small plan in Swedish Word: auto-numbered headings in localized
/// styles, a bullet list, a table with merged cells, both kinds of
/// checkbox, tracked changes, a comment, and the Dnr in the footer.
fn swedish_plan() -> Docx {
    let merged = table(&[
        vec![
            ("", text("Aktivitet")),
            ("", text("Mål")),
            ("", text("Ansvarig")),
        ],
        vec![
            ("", text("Utbilda chefer")),
            ("<w:vMerge w:val=\"restart\"/>", text("1")),
            ("", text("HR-chef")),
        ],
        vec![
            ("", text("Följ upp")),
            ("<w:vMerge/>", p(None, "")),
            ("", text("Controller")),
        ],
        vec![
            ("<w:gridSpan w:val=\"2\"/>", text("Summa för båda målen")),
            ("", text("Ekonom")),
        ],
    ]);
    let body = [
        p(Some("Rubrik"), &r("Övergripande handlingsplan för ledarskap 2026")),
        p(Some("Innehll1"), &r("1 Inledning\t2")),
        p(Some("Rubrik1"), &r("Inledning")),
        p(
            None,
            &format!(
                "{}<w:commentRangeStart w:id=\"0\"/>{}<w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r>{}{}{}",
                r("Planen följs upp "),
                r("två gånger"),
                del(" en gång"),
                ins(" per år, per maj och per december"),
                r(".")
            ),
        ),
        p(Some("Rubrik1"), &r("Mål")),
        p(Some("Rubrik2"), &r("Effektmål")),
        bullet(&r("Mål 1: Alla chefer har gått utbildningen.")),
        bullet(&r("Mål 2: Sjukfrånvaron minskar.")),
        text("Text efter listan."),
        merged,
        p(None, &format!("{}{}", sdt_checkbox(true), r(" Resurser är säkrade"))),
        p(None, &format!("{}{}", form_checkbox(false), r(" Beslut fattat"))),
        text("☒ Glyf som text"),
        p(Some("Rubrik1"), &r("Definitioner")),
    ]
    .concat();
    Docx {
        body,
        styles: Some(swedish_styles()),
        numbering: Some(outline_numbering()),
        footer: Some(p(None, &r("Region Exempel\tDnr: RS/1321/2015\tSida 1"))),
        header: Some(text("Sidhuvudets text")),
        comments: Some(
            "<w:comment w:id=\"0\" w:author=\"Granskare\"><w:p><w:r><w:t>Kommentarens text</w:t></w:r></w:p></w:comment>".into(),
        ),
        ..Docx::default()
    }
}

#[test]
fn swedish_word_reads_as_numbered_extracted_text() {
    let src = load(&swedish_plan());
    assert_eq!(
        src.text,
        "Övergripande handlingsplan för ledarskap 2026\n\
         \n\
         Dnr: RS/1321/2015\n\
         \n\
         1 Inledning\n\
         \n\
         Planen följs upp två gånger per år, per maj och per december.\n\
         \n\
         2 Mål\n\
         \n\
         2.1 Effektmål\n\
         \n\
         • Mål 1: Alla chefer har gått utbildningen.\n\
         • Mål 2: Sjukfrånvaron minskar.\n\
         \n\
         Text efter listan.\n\
         \n\
         Aktivitet\tMål\tAnsvarig\n\
         Utbilda chefer\t1\tHR-chef\n\
         Följ upp\t1\tController\n\
         Summa för båda målen\t\tEkonom\n\
         \n\
         ☒ Resurser är säkrade\n\
         \n\
         ☐ Beslut fattat\n\
         \n\
         ☒ Glyf som text\n\
         \n\
         3 Definitioner\n"
    );
    let origin = src.origin.as_ref().unwrap();
    let at = |needle: &str| origin.places.at(src.text.find(needle).unwrap());
    // Paragraphs counted in order: the title is 1, the contents entry 2.
    assert_eq!(at("Övergripande"), Some(Place::Paragraph(1)));
    assert_eq!(at("Dnr:"), Some(Place::HeaderFooter));
    assert_eq!(at("1 Inledning"), Some(Place::Paragraph(3)));
    assert_eq!(at("Planen"), Some(Place::Paragraph(4)));
    assert_eq!(at("2.1 Effektmål"), Some(Place::Paragraph(6)));
    // Table cells: the header row holds paragraphs 10–12.
    assert_eq!(at("Aktivitet"), Some(Place::Paragraph(10)));
    assert_eq!(at("Ansvarig"), Some(Place::Paragraph(12)));
    assert_eq!(at("HR-chef"), Some(Place::Paragraph(15)));
    assert_eq!(at("3 Definitioner"), Some(Place::Paragraph(24)));
    let levels: Vec<usize> = origin.headings.iter().map(|h| h.level).collect();
    assert_eq!(levels, [1, 1, 2, 1]);
    assert_eq!(origin.revisions.inserted, 1);
    assert_eq!(origin.revisions.deleted, 1);
    assert_eq!(origin.revisions.first, src.text.find("Planen"));
    // The merged cell's copy is marked.
    assert_eq!(origin.copies.len(), 1);
    assert_eq!(&src.text[origin.copies[0].start..origin.copies[0].end], "1");
    for gone in ["Sidhuvudets", "Kommentarens", "en gång", "\t2\n"] {
        assert!(!src.text.contains(gone), "{gone}");
    }
}

#[test]
fn findings_on_a_docx_name_the_paragraph() {
    let report = check(&load(&swedish_plan()));
    let rules: Vec<&str> = report.diagnostics.iter().map(|d| d.rule.as_str()).collect();
    assert!(rules.contains(&"GE008"), "{rules:?}");
    assert!(
        !rules.contains(&"HP013"),
        "the footer's Dnr counts: {rules:?}"
    );
    let ge008 = report
        .diagnostics
        .iter()
        .find(|d| d.rule == "GE008")
        .unwrap();
    assert!(
        ge008.message.contains("1 infogning, 1 borttagning"),
        "{}",
        ge008.message
    );
    let json: serde_json::Value = serde_json::from_str(&styrkoll::report::json::render(
        std::slice::from_ref(&report),
        &[],
    ))
    .unwrap();
    let d = json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "GE008")
        .unwrap();
    assert_eq!(d["paragraph"], 4);
    assert_eq!(d["line"], 7);
    assert!(d.get("page").is_none());
    let human = styrkoll::report::human::render_file(
        &report,
        styrkoll::Lang::Sv,
        styrkoll::report::human::Style {
            color: false,
            width: 100,
        },
    );
    assert!(
        human.contains("i avsnitt 1 Inledning (stycke 4)"),
        "{human}"
    );
    assert!(
        human.contains("Planen följs upp två gånger per år, per maj och per december."),
        "{human}"
    );
}

/// Rule ids with the section each finding is in, sorted.
fn findings(r: &FileReport) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = r
        .diagnostics
        .iter()
        .map(|d| (d.rule.clone(), d.section.clone().unwrap_or_default()))
        .collect();
    v.sort();
    v
}

fn md_fixtures() -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures")];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "md")
                && p.file_name().is_some_and(|n| n != "README.md")
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_markdown_fixture_checks_the_same_as_docx() {
    let engine = Engine::builtin().unwrap();
    let mut diffs = Vec::new();
    for path in md_fixtures() {
        let md = std::fs::read_to_string(&path).unwrap();
        let as_md = engine.check(
            &Source::from_text("plan.md", md.clone()),
            &CheckOptions::default(),
        );
        let bytes = styrkoll::source::docx::write::from_markdown(&md).unwrap();
        let src = from_bytes("plan.docx", &bytes, DEFAULT_MAX_FILE_SIZE).unwrap();
        let as_docx = engine.check(&src, &CheckOptions::default());
        // A front-matter title stands nowhere in a Word document's text.
        if md.contains("\ntitel:") {
            continue;
        }
        if findings(&as_md) != findings(&as_docx) || as_md.profile != as_docx.profile {
            diffs.push(format!(
                "{}:\n  md   {:?} {:?}\n  docx {:?} {:?}",
                path.display(),
                as_md.profile,
                findings(&as_md),
                as_docx.profile,
                findings(&as_docx)
            ));
        }
    }
    assert!(
        diffs.is_empty(),
        "{} differ:\n{}",
        diffs.len(),
        diffs.join("\n")
    );
}

/// The Markdown plan as Swedish Word writes it: headings in `Rubrik1`…
/// styles numbered by numbering.xml (the number is not in the text; an
/// unnumbered heading turns numbering off with `numId` 0), the Dnr in the
/// footer, tables as `w:tbl`, `- ` items as bullet paragraphs.
fn swedish_docx_from_markdown(md: &str) -> Docx {
    let mut body = String::new();
    let mut footer = None;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let lines: Vec<&str> = md.lines().collect();
    let mut i = 0;
    if lines[0] == "---" {
        i = lines.iter().skip(1).position(|l| *l == "---").unwrap() + 2;
    }
    let flush = |rows: &mut Vec<Vec<String>>, body: &mut String| {
        if !rows.is_empty() {
            let cells: Vec<Vec<&str>> = rows
                .iter()
                .map(|r| r.iter().map(String::as_str).collect())
                .collect();
            let refs: Vec<&[&str]> = cells.iter().map(Vec::as_slice).collect();
            body.push_str(&text_table(&refs));
            rows.clear();
        }
    };
    while i < lines.len() {
        let t = lines[i].trim();
        i += 1;
        if t.starts_with('|') {
            let cells: Vec<String> = t
                .trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_string())
                .collect();
            if !cells
                .iter()
                .all(|c| c.chars().all(|ch| ch == '-' || ch == ':'))
            {
                rows.push(cells);
            }
            continue;
        }
        flush(&mut rows, &mut body);
        let hashes = t.chars().take_while(|c| *c == '#').count();
        if t.is_empty() {
        } else if hashes == 1 {
            body.push_str(&p(Some("Rubrik"), &r(t[1..].trim())));
        } else if hashes > 1 {
            let h = t[hashes..].trim();
            let (num, rest) = h.split_once(' ').unwrap_or(("", h));
            let numbered = !num.is_empty() && num.chars().all(|c| c.is_ascii_digit() || c == '.');
            let style = format!("Rubrik{}", hashes - 1);
            if numbered {
                body.push_str(&p(Some(&style), &r(rest)));
            } else {
                body.push_str(&format!(
                    "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr></w:pPr>{}</w:p>",
                    r(h)
                ));
            }
        } else if t.starts_with("Dnr:") {
            footer = Some(p(
                None,
                &r(&format!("Region Jämtland Härjedalen\t{t}\tSida 1")),
            ));
        } else if let Some(item) = t.strip_prefix("- ") {
            body.push_str(&bullet(&r(item)));
        } else {
            body.push_str(&text(t));
        }
    }
    flush(&mut rows, &mut body);
    Docx {
        body,
        styles: Some(swedish_styles()),
        numbering: Some(outline_numbering()),
        footer,
        ..Docx::default()
    }
}

#[test]
fn plans_in_swedish_word_check_the_same_as_markdown() {
    let engine = Engine::builtin().unwrap();
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    for name in [
        "handlingsplan/ok/komplett.md",
        "handlingsplan/bad/HP005-berors-ej-utan-motivering.md",
        "handlingsplan/bad/HP004-miljo-saknas.md",
        "handlingsplan/bad/HP013-fel-dnr.md",
        "uppdragsdirektiv/ok/inkop-forbrukningsmaterial.md",
        "uppdragsdirektiv/bad/UD004-bp1-tidplan-och-milstolpar.md",
        "uppdragsdirektiv/bad/UD007-uppdragsledare-saknas.md",
    ] {
        let path = root.join(name);
        if !path.exists() {
            panic!("fixture {name} is gone; pick another");
        }
        let md = std::fs::read_to_string(&path).unwrap();
        let as_md = engine.check(
            &Source::from_text("plan.md", md.clone()),
            &CheckOptions::default(),
        );
        let docx = swedish_docx_from_markdown(&md);
        let src = from_bytes("plan.docx", &docx.bytes(), DEFAULT_MAX_FILE_SIZE).unwrap();
        // The numbers come from numbering.xml, as the Markdown has them.
        for l in md.lines().filter(|l| l.starts_with("## ")) {
            assert!(
                src.text.contains(&format!("\n{}\n", &l[3..])),
                "{name}: {l}\n{}",
                src.text
            );
        }
        let as_docx = engine.check(&src, &CheckOptions::default());
        assert_eq!(as_md.profile, as_docx.profile, "{name}");
        assert_eq!(findings(&as_md), findings(&as_docx), "{name}\n{}", src.text);
    }
}
