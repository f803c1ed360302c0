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

/// The tables of a document as rows of cell texts.
fn tables(doc: &Document) -> Vec<Vec<Vec<String>>> {
    doc.all_blocks()
        .filter_map(|b| match b {
            Block::Table(t) => Some(
                t.rows
                    .iter()
                    .map(|r| r.cells.iter().map(|c| c.text.clone()).collect())
                    .collect(),
            ),
            _ => None,
        })
        .collect()
}

#[test]
fn space_separated_tables_with_wrapped_rows() {
    // The layout of a Word table copied out of a PDF: cells separated by
    // spaces, rows wrapped over lines, blank lines between the pieces.
    let text = "Uppdragsdirektiv\n\n5. Tidplan\nFas/beslutspunkt Start Slut \n\nBP0 \nFastställande av \ndirektivet \n\n2 december 2024 2 december 2024 \n\nBP2 Beslut \n\nRutinen \ninförd \n\n1/3-2025 30/4-2025 \n\n \n\n9.1. Milstolpar \n\nDatum Beslut Beslutspunkt Kommentar \n\n2025-01-07 Start av \nuppdraget \n\nBP1  \n\n2025-02-14 Avstämning MS1  \n\n9.2. Delaktiviteter \n\nAktivitet Startdatum Slutdatum Ansvarig \n\nKartlägga nuvarande \nrutiner \n\n2025-01-07 2025-02-28 Enheten för \ninköp \n\nSkriva ny rutin \n\n2025-03-01 2025-03-31 Enheten för inköp med \n\nstöd av juristerna \n\n \n\n10. Kommunikation\nText.\n";
    let doc = parse(text);
    let t = tables(&doc);
    assert_eq!(t.len(), 3, "{t:#?}");
    assert_eq!(
        t[0],
        vec![
            vec!["Fas/beslutspunkt", "Start", "Slut"],
            vec![
                "BP0 Fastställande av direktivet",
                "2 december 2024",
                "2 december 2024"
            ],
            vec!["BP2 Beslut Rutinen införd", "1/3-2025", "30/4-2025"],
        ]
    );
    // "The Slut column of the BP2 row" is a thing a check can read.
    let Some(Block::Table(tidplan)) = doc.sections[0].blocks.first() else {
        panic!("no table: {:#?}", doc.sections[0].blocks);
    };
    let slut = tidplan.column(|h| h == "Slut").unwrap();
    let bp2 = tidplan
        .body()
        .iter()
        .find(|r| r.cells[0].text.starts_with("BP2"))
        .unwrap();
    assert_eq!(
        &text[bp2.cells[slut].span.start..bp2.cells[slut].span.end],
        "30/4-2025"
    );
    assert_eq!(
        t[1],
        vec![
            vec!["Datum", "Beslut", "Beslutspunkt", "Kommentar"],
            vec!["2025-01-07", "Start av uppdraget", "BP1", ""],
            vec!["2025-02-14", "Avstämning", "MS1", ""],
        ]
    );
    // The last cell wraps over a blank line: joined, not a row of its own.
    assert_eq!(
        t[2],
        vec![
            vec!["Aktivitet", "Startdatum", "Slutdatum", "Ansvarig"],
            vec![
                "Kartlägga nuvarande rutiner",
                "2025-01-07",
                "2025-02-28",
                "Enheten för inköp"
            ],
            vec![
                "Skriva ny rutin",
                "2025-03-01",
                "2025-03-31",
                "Enheten för inköp med stöd av juristerna"
            ],
        ]
    );
    // The table ends at the next heading.
    let headings: Vec<&str> = doc
        .sections
        .iter()
        .map(|s| s.heading.text.as_str())
        .collect();
    assert!(headings.contains(&"Kommunikation"), "{headings:?}");
}

#[test]
fn tick_tables_end_rows_at_empty_cells() {
    // Empty JA/NEJ cells come out of extraction as runs of spaces.
    let text = "Uppdragsdirektiv\n\n1. Bakgrund\nText.\n\nChecklista inför beslut, BP1 JA NEJ \n\nResurserna är \nsäkrade   \n\nRollerna är utsedda X  \nDirektivet är komplett   \n\n \n\n\nKryssa i rutan för det som gäller \n\nBESLUT JA NEJ Kommentar: \n\nBeslut att starta, BP1 \n\n   \n";
    let doc = parse(text);
    let t = tables(&doc);
    assert_eq!(
        t[0],
        vec![
            vec!["Checklista inför beslut, BP1", "JA", "NEJ"],
            vec!["Resurserna är säkrade", "", ""],
            vec!["Rollerna är utsedda", "X", ""],
            vec!["Direktivet är komplett", "", ""],
        ]
    );
    assert_eq!(
        t[1],
        vec![
            vec!["BESLUT", "JA", "NEJ", "Kommentar:"],
            vec!["Beslut att starta, BP1", "", "", ""],
        ]
    );
    // The instruction between the tables stays a paragraph.
    assert!(doc.sections[0]
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Paragraph(p) if p.text.starts_with("Kryssa"))));
}

#[test]
fn wrapped_tab_rows_continue_the_row_above() {
    let text = "Uppdragsdirektiv\n\n5. Tidplan\nFas\tStart\tSlut\nBP1 Start\t2025-01-07\t2025-01-07\n\tav uppdraget\t\t\nBP2\t2025-03-01\t2025-04-30\n";
    let doc = parse(text);
    assert_eq!(
        tables(&doc)[0],
        vec![
            vec!["Fas", "Start", "Slut"],
            vec!["BP1 Start", "2025-01-07 av uppdraget", "2025-01-07"],
            vec!["BP2", "2025-03-01", "2025-04-30"],
        ]
    );
}

#[test]
fn prose_with_column_words_is_not_a_table() {
    let text = "Uppdragsdirektiv\n\n1. Bakgrund\nVi tar beslut om start och slut\n\nBegrepp/förkortning Förklaring\nCLG Centrala ledningsgruppen\n";
    let doc = parse(text);
    assert!(tables(&doc).is_empty(), "{:#?}", tables(&doc));
}
