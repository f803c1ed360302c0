//! The parser: Markdown and extracted text give the same model, and every
//! span lies on character boundaries inside the text.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use styrkoll::model::{Block, Document};
use styrkoll::parse::parse;

fn read(p: &str) -> String {
    std::fs::read_to_string(format!("{}/{p}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn outline(doc: &Document) -> Vec<(Option<String>, String, usize, Vec<&'static str>)> {
    doc.sections
        .iter()
        .map(|s| {
            let kinds = s
                .blocks
                .iter()
                .map(|b| match b {
                    Block::Paragraph(_) => "paragraph",
                    Block::List { .. } => "list",
                    Block::Table(_) => "table",
                    Block::Field(_) => "field",
                    Block::Comment(_) => "comment",
                })
                .collect();
            (
                s.heading.number.clone(),
                s.heading.text.clone(),
                s.level,
                kinds,
            )
        })
        .collect()
}

#[test]
fn markdown_and_extracted_text_give_the_same_document() {
    let md = parse(&read("fixtures/handlingsplan/ok/komplett.md"));
    let txt = parse(&read("fixtures/handlingsplan/ok/komplett.txt"));
    assert_eq!(
        md.title.as_ref().map(|t| &t.text),
        txt.title.as_ref().map(|t| &t.text)
    );
    assert_eq!(outline(&md), outline(&txt));
    let fields = |d: &Document| -> Vec<(String, String)> {
        d.preamble
            .iter()
            .filter_map(|b| match b {
                Block::Field(f) => Some((f.key.clone(), f.value.clone())),
                _ => None,
            })
            .collect()
    };
    assert_eq!(fields(&md), fields(&txt));
    assert!(!md.sections.is_empty());
    // The tables have the same cells.
    let cells = |d: &Document| -> Vec<Vec<String>> {
        d.all_blocks()
            .filter_map(|b| match b {
                Block::Table(t) => Some(
                    t.rows
                        .iter()
                        .map(|r| {
                            r.cells
                                .iter()
                                .map(|c| c.text.clone())
                                .collect::<Vec<_>>()
                                .join("|")
                        })
                        .collect(),
                ),
                _ => None,
            })
            .collect()
    };
    assert_eq!(cells(&md), cells(&txt));
}

#[test]
fn section_tree_numbers_levels_and_paths() {
    let text = "Övergripande handlingsplan för miljö 2026\n\n1 Inledning\n\nText här.\n\n2 Mål\n\n2.1 Effektmål\n\n• Mål 1: Minska utsläppen med 10 procent under året.\n\n3.4.1 Miljö\n\nAnalys.\n";
    let doc = parse(text);
    assert_eq!(
        doc.title.as_ref().unwrap().text,
        "Övergripande handlingsplan för miljö 2026"
    );
    let heads: Vec<_> = doc
        .sections
        .iter()
        .map(|s| (s.heading.number.clone().unwrap(), s.level))
        .collect();
    assert_eq!(
        heads,
        vec![
            ("1".into(), 1),
            ("2".into(), 1),
            ("2.1".into(), 2),
            ("3.4.1".into(), 3)
        ]
    );
    assert_eq!(doc.heading_path(2), "2 Mål > 2.1 Effektmål");
    let list_at = text.find("Mål 1").unwrap();
    assert_eq!(doc.section_at(list_at), Some(2));
}

#[test]
fn numbered_sentence_is_a_list_item_not_a_heading() {
    let doc = parse("Titel\n\n2 Mål\n\n1. Alla chefer ska ha genomgått utbildningen i arbetsmiljö senast i maj 2026.\n2. Sjukfrånvaron ska minska.\n");
    assert_eq!(doc.sections.len(), 1);
    match &doc.sections[0].blocks[0] {
        Block::List { items, .. } => assert_eq!(items.len(), 2),
        other => panic!("expected a list, got {other:?}"),
    }
}

#[test]
fn protocol_items_and_plain_headings_nest() {
    let doc = parse("§ 52 Tilläggsdirektiv för uppdragen\nRUN 62-2024\n\nSammanfattning\n\nText.\n\nBeslut\n\nNämnden beslutar.\n");
    let heads: Vec<_> = doc
        .sections
        .iter()
        .map(|s| (s.heading.display(), s.level))
        .collect();
    assert_eq!(
        heads,
        vec![
            ("§ 52 Tilläggsdirektiv för uppdragen".into(), 1),
            ("Sammanfattning".into(), 2),
            ("Beslut".into(), 2)
        ]
    );
}

#[test]
fn front_matter_fields_checkboxes_and_pipe_tables() {
    let doc = parse("---\ndokumenttyp: handlingsplan\ndnr: RS/1/2025\n---\n# Titel\n\n## Checklista\n\n- [x] Klar\n- [ ] Inte klar\n☒ Ikryssad\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\nDnr: RS/1/2025\n");
    assert_eq!(doc.front_matter_value("dokumenttyp"), Some("handlingsplan"));
    assert_eq!(doc.title.as_ref().unwrap().text, "Titel");
    let s = &doc.sections[0];
    let Block::List { items, .. } = &s.blocks[0] else {
        panic!()
    };
    let checked: Vec<_> = items.iter().map(|i| i.checked).collect();
    assert_eq!(checked, vec![Some(true), Some(false), Some(true)]);
    let Block::Table(t) = &s.blocks[1] else {
        panic!()
    };
    assert_eq!(t.rows.len(), 2, "separator row dropped");
    assert!(matches!(&s.blocks[2], Block::Field(f) if f.key == "Dnr"));
}

#[test]
fn spans_lie_on_char_boundaries_for_the_seeds() {
    for seed in [
        "001_054c47011fe22480.txt",
        "002_2b37c66b31b55e06.txt",
        "003_a3cc5de92d832eb8.txt",
    ] {
        let path = format!("{}/../shared/seeds/{seed}", env!("CARGO_MANIFEST_DIR"));
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("skipping {seed}: ../shared/seeds not present");
            continue;
        };
        let doc = parse(&text);
        let mut spans = Vec::new();
        for s in &doc.sections {
            spans.push(s.span);
            spans.push(s.heading.span);
            spans.extend(s.blocks.iter().map(|b| b.span()));
        }
        for sp in spans {
            assert!(sp.start <= sp.end && sp.end <= text.len(), "{seed}: {sp:?}");
            assert!(
                text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end),
                "{seed}: {sp:?}"
            );
        }
    }
}
