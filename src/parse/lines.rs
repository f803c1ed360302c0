//! Line classification with the pest grammar (`grammar/styrdok.pest`).

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

/// The grammar's `blank`: only spaces and invisible characters.
fn is_blank(line: &str) -> bool {
    line.chars().all(|c| {
        matches!(
            c,
            ' ' | '\t' | '\u{A0}' | '\u{200B}' | '\u{FEFF}' | '\u{0C}'
        )
    })
}

/// A line no grammar rule but `text` can match: it starts (after spaces)
/// with a letter, is not `Avsnitt …`, and has no tab (table row) and no
/// colon (field). Most lines of running text are like this; they skip the
/// parser.
fn plain_text(line: &str) -> bool {
    letter_start(line).is_some_and(|t| !line.contains('\t') && !could_be_field(t))
}

/// The line without its indent, when it starts with a letter and is not
/// `Avsnitt …`: the only lines the code paths beside the grammar classify.
fn letter_start(line: &str) -> Option<&str> {
    let t = line.trim_start_matches([' ', '\u{A0}']);
    let starts = t.chars().next().is_some_and(char::is_alphabetic)
        && !t
            .get(..7)
            .is_some_and(|w| w.eq_ignore_ascii_case("avsnitt"));
    starts.then_some(t)
}

/// Whether a line starting with a letter may be a field (`Key: value`): the
/// grammar's key is one to four words before the first `:`, so a colon
/// after five or more words (`… ser vi följande effektmål:`) is prose.
fn could_be_field(t: &str) -> bool {
    match t.split_once(':') {
        None => false,
        Some((key, _)) => key.split(' ').filter(|w| !w.is_empty()).nth(4).is_none(),
    }
}

/// Classify one line (no line break). Never fails: anything unrecognised is text.
pub fn classify(line: &str) -> LineKind {
    if is_blank(line) {
        return LineKind::Blank;
    }
    if plain_text(line) {
        return LineKind::Text {
            text: (0, line.len()),
        };
    }
    if let Some(cells) = plain_tab_row(line) {
        return LineKind::TabRow { cells };
    }
    if let Some(kind) = plain_field_or_text(line) {
        return kind;
    }
    classify_with_grammar(line)
}

/// A letter that the grammar's `LETTER` surely matches.
fn sure_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, 'å' | 'ä' | 'ö' | 'Å' | 'Ä' | 'Ö' | 'é' | 'É' | 'ü' | 'Ü')
}

/// A line starting with a letter, without a tab, that is not `Avsnitt …`:
/// the grammar can only make it a `field` or `text`. The grammar's `field`
/// rule, in code (`key_word ~ (" " ~ key_word){0,3} ~ osp ~ ":" ~
/// !("/" | ":") ~ osp ~ rest`), so that long lines with a colon skip the
/// parser. `None` when a character in the key is one this code is not sure
/// of: the grammar decides.
fn plain_field_or_text(line: &str) -> Option<LineKind> {
    let t = letter_start(line)?;
    let indent = line.len() - t.len();
    if !t.chars().next().is_some_and(sure_letter) || line.contains('\t') {
        return None;
    }
    let text = LineKind::Text {
        text: (0, line.len()),
    };
    let mut chars = t.char_indices().peekable();
    let mut key_end = 0;
    for word in 0..4 {
        if word > 0 {
            // `" " ~ key_word`: a space, then a letter.
            let mut ahead = chars.clone();
            match (ahead.next(), ahead.next()) {
                (Some((_, ' ')), Some((_, c))) if sure_letter(c) => {
                    chars.next();
                }
                (Some((_, ' ')), Some((_, c))) if c.is_alphabetic() || !c.is_ascii() => {
                    return None;
                }
                _ => break,
            }
        }
        // key_word = LETTER ~ (LETTER | "-" | "/" | "." | "(" | ")" | "&")*
        chars.next();
        while let Some(&(i, c)) = chars.peek() {
            if sure_letter(c) || matches!(c, '-' | '/' | '.' | '(' | ')' | '&') {
                chars.next();
            } else if c.is_alphabetic() || !c.is_ascii() && !matches!(c, '\u{A0}') {
                return None;
            } else {
                key_end = i;
                break;
            }
        }
        if chars.peek().is_none() {
            return Some(text);
        }
    }
    // osp ~ ":" ~ !("/" | ":") ~ osp ~ rest
    let after_key = &t[key_end..];
    let spaced = after_key.trim_start_matches([' ', '\u{A0}']);
    let Some(value) = spaced.strip_prefix(':') else {
        return Some(text);
    };
    if value.starts_with(['/', ':']) {
        return Some(text);
    }
    let value = value.trim_start_matches([' ', '\u{A0}']);
    Some(LineKind::Field {
        key: (indent, indent + key_end),
        value: (line.len() - value.len(), line.len()),
    })
}

/// A row of a Word table extracted as text: a line starting with a letter
/// that has a tab. Every grammar alternative before `tab_row` needs another
/// first character (or is `o⇥`, a bullet, or `Avsnitt`), and `tab_row`
/// takes any line with a tab, so the cells are the parts between tabs.
fn plain_tab_row(line: &str) -> Option<Vec<Range>> {
    let t = letter_start(line)?;
    if !line.contains('\t') || t.starts_with("o\t") {
        return None;
    }
    let mut cells = Vec::new();
    let mut start = 0;
    for part in line.split('\t') {
        cells.push((start, start + part.len()));
        start += part.len() + 1;
    }
    Some(cells)
}

/// Classify with the grammar alone.
fn classify_with_grammar(line: &str) -> LineKind {
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

    proptest::proptest! {
        #[test]
        fn fields_agree_with_the_grammar(line in "[ \u{A0}]{0,2}[A-Za-zåÄö][A-Za-zåäöÖé0-9 \u{A0}:/.()&,–-]{0,40}") {
            same_as_grammar(&line);
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

#[cfg(test)]
mod fast_path_tests {
    use super::*;

    /// The shortcut for plain text agrees with the grammar on every line of
    /// the fixtures and the seeds.
    #[test]
    fn plain_text_shortcut_agrees_with_the_grammar() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut dirs = vec![root.join("fixtures"), root.join("../shared/seeds")];
        let mut lines_seen = 0;
        while let Some(dir) = dirs.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() {
                    dirs.push(p);
                    continue;
                }
                let Ok(text) = std::fs::read_to_string(&p) else {
                    continue;
                };
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
        }
        assert!(lines_seen > 100, "{lines_seen}");
    }
}
