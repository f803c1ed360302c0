//! Line classification with the pest grammar (`grammar/styrdok.pest`).

mod shortcuts;

use pest::iterators::Pair;
use pest::Parser;
use pest_derive::Parser;

#[derive(Parser)]
#[grammar = "../grammar/styrdok.pest"]
struct StyrdokParser;

/// A byte range within the line.
pub type Range = (usize, usize);

/// What one line is, with the byte ranges of its parts (relative to the line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind {
    Blank,
    FrontDelim,
    MdHeading {
        hashes: usize,
        number: Option<String>,
        text: Range,
    },
    Comment,
    PipeRow {
        cells: Vec<Range>,
    },
    Checkbox {
        checked: bool,
        text: Range,
    },
    Bullet {
        marker: Range,
        checked: Option<bool>,
        text: Range,
    },
    ParaHeading {
        number: String,
        text: Range,
    },
    AvsnittHeading {
        number: String,
        text: Range,
    },
    Numbered {
        number: Range,
        text: Range,
    },
    TabRow {
        cells: Vec<Range>,
    },
    Field {
        key: Range,
        value: Range,
    },
    Text {
        text: Range,
    },
}

fn range(p: &Pair<Rule>) -> Range {
    let s = p.as_span();
    (s.start(), s.end())
}

fn digits_of(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect::<String>()
}

/// Classify one line (no line break). Never fails: anything unrecognised is
/// text. The common shapes are read in code (`shortcuts.rs`, each checked
/// against the grammar by tests); the grammar decides every other line.
pub fn classify(line: &str) -> LineKind {
    shortcuts::classify(line).unwrap_or_else(|| classify_with_grammar(line))
}

/// Classify with the grammar alone.
pub(super) fn classify_with_grammar(line: &str) -> LineKind {
    let text_kind = || LineKind::Text {
        text: (0, line.len()),
    };
    let Ok(mut pairs) = StyrdokParser::parse(Rule::line, line) else {
        return text_kind();
    };
    let Some(kind) = pairs.next().and_then(|l| l.into_inner().next()) else {
        return text_kind();
    };
    match kind.as_rule() {
        Rule::blank => LineKind::Blank,
        Rule::front_delim => LineKind::FrontDelim,
        Rule::comment => LineKind::Comment,
        Rule::md_heading => {
            let mut hashes = 1;
            let mut number = None;
            let mut text = (line.len(), line.len());
            for p in kind.into_inner() {
                match p.as_rule() {
                    Rule::hashes => hashes = p.as_str().len(),
                    Rule::heading_number => number = heading_number(p),
                    Rule::heading_text => text = range(&p),
                    _ => {}
                }
            }
            LineKind::MdHeading {
                hashes,
                number,
                text,
            }
        }
        Rule::pipe_row => LineKind::PipeRow {
            cells: kind
                .into_inner()
                .filter(|p| p.as_rule() == Rule::pipe_cell)
                .map(|p| range(&p))
                .collect(),
        },
        Rule::checkbox_line => {
            let mut checked = false;
            let mut text = (line.len(), line.len());
            for p in kind.into_inner() {
                match p.as_rule() {
                    Rule::checkbox => checked = is_checked(p),
                    Rule::notab => text = range(&p),
                    _ => {}
                }
            }
            LineKind::Checkbox { checked, text }
        }
        Rule::bullet => {
            let mut marker = (0, 0);
            let mut checked = None;
            let mut text = (line.len(), line.len());
            for p in kind.into_inner() {
                match p.as_rule() {
                    Rule::bullet_mark => marker = range(&p),
                    Rule::checkbox => checked = Some(is_checked(p)),
                    Rule::item_text => text = range(&p),
                    _ => {}
                }
            }
            LineKind::Bullet {
                marker,
                checked,
                text,
            }
        }
        Rule::para_heading => {
            let mut number = String::new();
            let mut text = (line.len(), line.len());
            for p in kind.into_inner() {
                match p.as_rule() {
                    Rule::para_number => number = format!("§ {}", digits_of(p.as_str())),
                    Rule::heading_text => text = range(&p),
                    _ => {}
                }
            }
            LineKind::ParaHeading { number, text }
        }
        Rule::avsnitt_heading => {
            let mut number = String::new();
            let mut text = (line.len(), line.len());
            for p in kind.into_inner() {
                match p.as_rule() {
                    Rule::avsnitt_number => number = digits_of(p.as_str()),
                    Rule::heading_text => text = range(&p),
                    _ => {}
                }
            }
            LineKind::AvsnittHeading { number, text }
        }
        Rule::numbered => {
            let mut number = (0, 0);
            let mut text = (line.len(), line.len());
            for p in kind.into_inner() {
                match p.as_rule() {
                    Rule::section_number => number = range(&p),
                    Rule::item_text => text = range(&p),
                    _ => {}
                }
            }
            LineKind::Numbered { number, text }
        }
        Rule::tab_row => LineKind::TabRow {
            cells: kind.into_inner().map(|p| range(&p)).collect(),
        },
        Rule::field => {
            let mut key = (0, 0);
            let mut value = (line.len(), line.len());
            for p in kind.into_inner() {
                match p.as_rule() {
                    Rule::field_key => key = range(&p),
                    Rule::field_value => value = range(&p),
                    _ => {}
                }
            }
            LineKind::Field { key, value }
        }
        _ => text_kind(),
    }
}

fn is_checked(p: Pair<Rule>) -> bool {
    p.into_inner().any(|c| c.as_rule() == Rule::checked)
}

fn heading_number(p: Pair<Rule>) -> Option<String> {
    let inner = p.into_inner().next()?;
    Some(match inner.as_rule() {
        Rule::para_number => format!("§ {}", digits_of(inner.as_str())),
        Rule::avsnitt_number => digits_of(inner.as_str()),
        _ => inner.as_str().trim_end_matches('.').to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_name(line: &str) -> &'static str {
        match classify(line) {
            LineKind::Blank => "blank",
            LineKind::FrontDelim => "front",
            LineKind::MdHeading { .. } => "md",
            LineKind::Comment => "comment",
            LineKind::PipeRow { .. } => "pipe",
            LineKind::Checkbox { .. } => "checkbox",
            LineKind::Bullet { .. } => "bullet",
            LineKind::ParaHeading { .. } => "para",
            LineKind::AvsnittHeading { .. } => "avsnitt",
            LineKind::Numbered { .. } => "numbered",
            LineKind::TabRow { .. } => "tab",
            LineKind::Field { .. } => "field",
            LineKind::Text { .. } => "text",
        }
    }

    proptest::proptest! {
        /// With its shortcuts, `classify` answers what the grammar alone
        /// answers, for lines made of the characters the rules look at.
        #[test]
        fn shortcuts_change_nothing(
            line in "[ \t\u{A0}#|§•*+·▪◦o0-9.:\\[\\]xX☒☐aAåÅvV<!>–-]{0,18}"
        ) {
            proptest::prop_assert_eq!(classify(&line), classify_with_grammar(&line), "{:?}", line);
        }
    }

    #[test]
    fn every_line_shape() {
        let cases = [
            ("", "blank"),
            ("   \t", "blank"),
            ("---", "front"),
            ("## 2.1 Effektmål", "md"),
            ("# Övergripande handlingsplan för miljö 2026", "md"),
            ("<!-- styrkoll-disable HP003 -->", "comment"),
            ("| Aktivitet | Mål |", "pipe"),
            ("|---|---|", "pipe"),
            ("[x] Resurser är säkrade", "checkbox"),
            ("☐ Resurser är säkrade", "checkbox"),
            ("• Samsyn kring styrningen", "bullet"),
            ("- punkt", "bullet"),
            ("– punkt", "bullet"),
            ("* punkt", "bullet"),
            ("\u{F0B7} punkt", "bullet"),
            ("- [x] klar", "bullet"),
            ("§ 52 Tilläggsdirektiv", "para"),
            ("§8", "para"),
            ("Avsnitt 2 – Mål", "avsnitt"),
            ("2.1 Definition och innehåll", "numbered"),
            ("1 INLEDNING", "numbered"),
            ("3.4.1 Miljö", "numbered"),
            (" 1. Bakgrund ", "numbered"),
            ("Version\tDatum\tÄndring", "tab"),
            ("1.\t2013-03-12\tNyutgåva\t", "tab"),
            ("Uppdragsägare: Direktör Ledningsstaben", "field"),
            ("Dnr:RS/1321/2015", "field"),
            ("Datum:", "field"),
            ("Se https://example.org/x för mer", "text"),
            ("kl 9:00 börjar mötet", "text"),
            ("2026 års mål är viktiga", "text"),
            ("Vanlig text här.", "text"),
        ];
        for (line, want) in cases {
            assert_eq!(kind_name(line), want, "line {line:?}");
        }
    }

    #[test]
    fn heading_numbers_are_extracted() {
        match classify("## Avsnitt 2 – Mål") {
            LineKind::MdHeading { number, text, .. } => {
                assert_eq!(number.as_deref(), Some("2"));
                assert_eq!(&"## Avsnitt 2 – Mål"[text.0..text.1], "Mål");
            }
            other => panic!("{other:?}"),
        }
        match classify("### 3.4.1. Miljö") {
            LineKind::MdHeading { number, hashes, .. } => {
                assert_eq!(number.as_deref(), Some("3.4.1"));
                assert_eq!(hashes, 3);
            }
            other => panic!("{other:?}"),
        }
    }
}
