//! Tests of the line shortcuts: each answers as the grammar does.

use super::*;

/// What every shortcut but text, tab rows and fields (tested on their
/// own) answers for a line, for the tests against the grammar.
fn shape_answers(line: &str) -> Vec<LineKind> {
    [
        front_delim(line),
        plain_bullet(line),
        digit_line(line),
        paragraph_heading(line),
        markdown_heading(line),
        pipe_row(line),
    ]
    .into_iter()
    .flatten()
    .collect()
}

mod tests {
    use super::super::super::classify_with_grammar;
    use super::*;

    /// The code path for fields and text agrees with the grammar.
    fn same_as_grammar(line: &str) {
        if let Some(fast) = plain_field_or_text(line) {
            assert_eq!(fast, classify_with_grammar(line), "{line:?}");
        }
    }

    #[test]
    fn fields_and_text_without_the_grammar() {
        for line in [
            "Uppdragsägare: Direktör",
            "Dnr:RS/1321/2015",
            "Datum:",
            "  Datum :  2026-01-01",
            "Stycke 1: Vårdcentralerna ska följa upp",
            "Se https://example.se",
            "Kl. 10:30 började mötet",
            "Ett två tre fyra fem: sex",
            "Ett två tre fyra: fem",
            "Ett två  tre: fyra",
            "Ansvarig (HR&Ekonomi)/chef-nivå: Anna",
            "Mål:: inget",
            "Mål:/inget",
            "Ordförande\u{A0}: Per",
            "Ärende– Plats: x",
            "Plats",
            "Plats ",
            "Avsnitt 2: Mål",
            "Æbleskiver: 3",
            "Mål 2: öka",
            "Key2: värde",
        ] {
            same_as_grammar(line);
        }
        assert!(plain_field_or_text("Uppdragsägare: Direktör").is_some());
        assert!(plain_field_or_text("Stycke 1: Vårdcentralerna").is_some());
    }

    /// Bullets, lines starting with a digit and `§` headings in code agree
    /// with the grammar.
    fn same_shape_as_grammar(line: &str) {
        for fast in shape_answers(line) {
            assert_eq!(fast, classify_with_grammar(line), "{line:?}");
        }
    }

    #[test]
    fn bullets_and_numbered_lines_without_the_grammar() {
        for line in [
            "---",
            "--- ",
            "---\u{A0}",
            "---\t",
            "----",
            " ---",
            "---x",
            "## § 8 Budget",
            "## § 8",
            "## §\u{A0}12 – Plan",
            "## § 8 -Plan",
            "## § 12345 Plan",
            "## §8\tPlan",
            "## § Plan",
            "• Samsyn kring styrningen",
            "  - punkt",
            "–\tpunkt med tab före",
            "\u{F0B7} punkt",
            "* punkt",
            "+ punkt",
            "· punkt",
            "- [x] klar",
            "- [ ] inte klar",
            "-- två",
            "---",
            "--- ",
            "- ",
            "-",
            "•text utan mellanslag",
            "- a\tb",
            "2.1 Definition och innehåll",
            "1 INLEDNING",
            "3.4.1 Miljö",
            " 1. Bakgrund ",
            "1.\t2013-03-12\tNyutgåva\t",
            "123 kronor",
            "12.345 kr",
            "1..2 x",
            "1.2. x",
            "1.234 x",
            "2026 års mål",
            "1",
            "1 ",
            "1\u{A0}text",
            "2025-01-22 2025-01-22 ",
            "1\t2\t3",
            " 3.1\tMål\tx",
            "§ 52 Tilläggsdirektiv",
            "§8",
            "§ 8",
            "§ 8 ",
            "§\u{A0}12\tText",
            "§ 12345 Text",
            "§ Text",
            "§",
            "  § 1",
            "§ 1x",
            "# Titel",
            "## 2.1 Effektmål",
            "## 2. Mål",
            "## 2",
            "## 2 ",
            "## 2 – Mål",
            "## 2 -Mål",
            "## 2 : Mål",
            "## 2026 års mål",
            "## Avsnitt 2 – Mål",
            "## § 8 Beslut",
            "####### sju",
            "#tagg",
            "#",
            "# ",
            "##\t3.4.1\tMiljö",
            "| Aktivitet | Mål |",
            "|---|---|",
            "| a || b |",
            "  | a | b",
            "|",
            "||",
            "| a |\tb |",
        ] {
            same_shape_as_grammar(line);
        }
        assert!(plain_bullet("• Samsyn").is_some());
        assert!(digit_line("3.4.1 Miljö").is_some());
        assert!(paragraph_heading("§ 52 Beslut").is_some());
    }

    proptest::proptest! {
        #[test]
        fn bullets_and_numbers_agree_with_the_grammar(
            line in "([ \u{A0}]{0,2}([•*+·▪◦–o|-]|[0-9]{1,3}([.][0-9]{0,3}){0,3}|-{2,4}|§[ \u{A0}]{0,2}[0-9]{0,5})|#{0,7}[ \t\u{A0}]{0,2}(§[ \u{A0}\t]{0,2}[0-9]{0,5}|[0-9]{0,3}[.]?[0-9]{0,2}))[ \t\u{A0}]{0,2}(\\[[xX ]\\])?[a-zå0-9 \t.:•§|–-]{0,20}"
        ) {
            same_shape_as_grammar(&line);
        }

        #[test]
        fn fields_agree_with_the_grammar(line in "[ \u{A0}]{0,2}[A-Za-zåÄö][A-Za-zåäöÖé0-9 \u{A0}:/.()&,–-]{0,40}") {
            same_as_grammar(&line);
        }
    }
}

mod every_fixture_line {
    use super::super::super::classify_with_grammar;
    use super::*;

    /// The shortcut for plain text agrees with the grammar on every line of
    /// the fixtures and the seeds.
    #[test]
    fn plain_text_shortcut_agrees_with_the_grammar() {
        let mut lines_seen = 0;
        for (_, text) in crate::test_files::fixture_and_seed_texts() {
            for line in text.lines() {
                if is_blank(line) {
                    assert_eq!(classify_with_grammar(line), LineKind::Blank, "{line:?}");
                }
                if let Some(cells) = plain_tab_row(line) {
                    assert_eq!(
                        classify_with_grammar(line),
                        LineKind::TabRow { cells },
                        "{line:?}"
                    );
                }
                for shape in shape_answers(line) {
                    assert_eq!(classify_with_grammar(line), shape, "{line:?}");
                }
                if plain_text(line) {
                    lines_seen += 1;
                    assert_eq!(
                        classify_with_grammar(line),
                        LineKind::Text {
                            text: (0, line.len())
                        },
                        "{line:?}"
                    );
                }
            }
        }
        assert!(lines_seen > 100, "{lines_seen}");
    }
}
