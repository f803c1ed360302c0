//! The common line shapes read in code, without the grammar: plain text,
//! tab rows, fields, bullets, lines starting with a digit, `§` headings,
//! Markdown headings and pipe table rows. Each answers exactly what
//! `grammar/styrdok.pest` answers for the lines it takes (property tests and
//! every line of the fixtures and seeds check this), and returns `None` for
//! any line it is not sure of, which the grammar then classifies. They exist
//! because one pest call per line costs more than the rest of the parse.

use super::{LineKind, Range};

/// The line's kind when a shortcut is sure of it.
pub(super) fn classify(line: &str) -> Option<LineKind> {
    if is_blank(line) {
        return Some(LineKind::Blank);
    }
    if plain_text(line) {
        return Some(LineKind::Text {
            text: (0, line.len()),
        });
    }
    if let Some(cells) = plain_tab_row(line) {
        return Some(LineKind::TabRow { cells });
    }
    plain_field_or_text(line)
        .or_else(|| front_delim(line))
        .or_else(|| plain_bullet(line))
        .or_else(|| digit_line(line))
        .or_else(|| paragraph_heading(line))
        .or_else(|| markdown_heading(line))
        .or_else(|| pipe_row(line))
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
    letter_start(line).is_some_and(|t| !has_byte(line, b'\t') && !could_be_field(t))
}

/// Whether `line` holds the (ASCII) byte `b`: memchr's vector search, where
/// std's `contains(char)` looks a word at a time.
fn has_byte(line: &str, b: u8) -> bool {
    memchr::memchr(b, line.as_bytes()).is_some()
}

/// The line without its indent, when it starts with a letter and is not
/// `Avsnitt …`: the only lines the code paths beside the grammar classify.
fn letter_start(line: &str) -> Option<&str> {
    let (_, t) = split_indent(line);
    let starts = t.chars().next().is_some_and(char::is_alphabetic) && !starts_avsnitt(t);
    starts.then_some(t)
}

/// `Avsnitt` in any case: the grammar's `avsnitt_number` begins there.
fn starts_avsnitt(s: &str) -> bool {
    s.get(..7)
        .is_some_and(|w| w.eq_ignore_ascii_case("avsnitt"))
}

/// Whether a line starting with a letter may be a field (`Key: value`): the
/// grammar's key is one to four words before the first `:`, so a colon
/// after five or more words (`… ser vi följande effektmål:`) is prose.
fn could_be_field(t: &str) -> bool {
    match memchr::memchr(b':', t.as_bytes()).and_then(|i| t.get(..i)) {
        None => false,
        Some(key) => key.split(' ').filter(|w| !w.is_empty()).nth(4).is_none(),
    }
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
    if !t.chars().next().is_some_and(sure_letter) || has_byte(line, b'\t') {
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
    if !has_byte(line, b'\t') || t.starts_with("o\t") {
        return None;
    }
    Some(tab_cells(line))
}

/// The grammar's `tab_row` cells: the parts of the whole line between tabs.
fn tab_cells(line: &str) -> Vec<Range> {
    let mut cells = Vec::new();
    let mut start = 0;
    for part in line.split('\t') {
        cells.push((start, start + part.len()));
        start += part.len() + 1;
    }
    cells
}

/// The grammar's `indent` and the rest of the line.
fn split_indent(line: &str) -> (usize, &str) {
    let t = line.trim_start_matches([' ', '\u{A0}']);
    (line.len() - t.len(), t)
}

/// The grammar's `sp`: one or more spaces, tabs or no-break spaces. The
/// length of the run at the start of `s`, `None` without one.
fn sp_len(s: &str) -> Option<usize> {
    let n = s.len() - s.trim_start_matches([' ', '\t', '\u{A0}']).len();
    (n > 0).then_some(n)
}

/// The bullet marks of the grammar's `bullet_mark` but `o⇥`, which needs a
/// tab after it.
const BULLET_MARKS: [char; 9] = ['•', '-', '–', '*', '+', '\u{F0B7}', '·', '▪', '◦'];

/// `• text`, `- text`: the grammar's `bullet` without a checkbox, when the
/// item has no tab. No earlier alternative starts with a bullet mark but
/// `front_delim` (`---`), which is left to its own shortcut.
fn plain_bullet(line: &str) -> Option<LineKind> {
    let (indent, t) = split_indent(line);
    let mark = t.chars().next().filter(|c| BULLET_MARKS.contains(c))?;
    if t.starts_with("---") {
        return None;
    }
    let after_mark = indent + mark.len_utf8();
    let text_start = after_mark + sp_len(line.get(after_mark..)?)?;
    let text = line.get(text_start..)?;
    // A checkbox (`- [x] klar`), or a tab in the item, is the grammar's.
    if text.starts_with(['[', '☒', '☑', '☐']) || has_byte(text, b'\t') {
        return None;
    }
    Some(LineKind::Bullet {
        marker: (indent, after_mark),
        checked: None,
        text: (text_start, line.len()),
    })
}

/// The grammar's `section_number` at the start of `s`: parts of one or two
/// digits joined by dots, with an optional final dot. Its length.
fn section_number_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    // `num`: one or two digits not followed by a third.
    let num = |at: usize| {
        let n = b
            .get(at..)?
            .iter()
            .take(3)
            .take_while(|c| c.is_ascii_digit())
            .count();
        matches!(n, 1 | 2).then_some(at + n)
    };
    let mut end = num(0)?;
    while b.get(end) == Some(&b'.') {
        match num(end + 1) {
            Some(next) => end = next,
            None => break,
        }
    }
    if b.get(end) == Some(&b'.') {
        end += 1;
    }
    Some(end)
}

/// A line starting with a digit (after its indent), which matches no
/// alternative before `numbered`: `2.1 Definition` and `1. En mening` are
/// the grammar's `numbered` when the text has no tab; any other such line
/// is a `tab_row` when it has a tab (`1.⇥2013-03-12⇥Nyutgåva`), else `text`
/// (`2025-01-22 2025-01-22`): `field` needs a letter first.
fn digit_line(line: &str) -> Option<LineKind> {
    let (indent, t) = split_indent(line);
    if !t.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let numbered = section_number_len(t).and_then(|n| {
        let number_end = indent + n;
        let text_start = number_end + sp_len(line.get(number_end..)?)?;
        (!has_byte(line.get(text_start..)?, b'\t')).then_some(LineKind::Numbered {
            number: (indent, number_end),
            text: (text_start, line.len()),
        })
    });
    Some(numbered.unwrap_or_else(|| match has_byte(line, b'\t') {
        true => LineKind::TabRow {
            cells: tab_cells(line),
        },
        false => LineKind::Text {
            text: (0, line.len()),
        },
    }))
}

/// `§ 52 Tilläggsdirektiv`, `§8`: the grammar's `para_heading` (`§`, spaces,
/// one to four digits, then spaces and the heading or the line's end). No
/// earlier alternative starts with `§`; a line that is not such a heading
/// is left to the grammar.
fn paragraph_heading(line: &str) -> Option<LineKind> {
    let (indent, t) = split_indent(line);
    let (n, number) = para_number_len(t)?;
    let number_end = indent + n;
    let text_start = match line.get(number_end..)? {
        "" => number_end,
        rest => number_end + sp_len(rest)?,
    };
    Some(LineKind::ParaHeading {
        number,
        text: (text_start, line.len()),
    })
}

/// `## 2.1 Effektmål`, `# Titel`: the grammar's `md_heading` (the first
/// alternative a `#` can start), with a section number (`2.1`, `§ 8`) or
/// none. A number written `Avsnitt 2`, and a line that is no heading
/// (`#tagg`, seven `#`), are left to the grammar.
fn markdown_heading(line: &str) -> Option<LineKind> {
    let hashes = line.len() - line.trim_start_matches('#').len();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let after_hashes = hashes + sp_len(line.get(hashes..)?)?;
    let rest = line.get(after_hashes..)?;
    if starts_avsnitt(rest) {
        return None;
    }
    // `heading_number`: a section or paragraph number, then a dash between
    // spaces, spaces or the line's end; without one of those, no number.
    let numbered = heading_number_len(rest).and_then(|(n, number)| {
        let after = rest.get(n..)?;
        let text = match sp_len(after) {
            None if after.is_empty() => n,
            None => return None,
            Some(sp) => {
                let dashed = after
                    .get(sp..)
                    .and_then(|d| d.strip_prefix(['–', '—', '-', ':']))
                    .and_then(|d| Some(after.len() - d.len() + sp_len(d)?));
                n + dashed.unwrap_or(sp)
            }
        };
        Some((number, after_hashes + text))
    });
    let (number, text_start) = match numbered {
        Some((number, start)) => (Some(number), start),
        None => (None, after_hashes),
    };
    Some(LineKind::MdHeading {
        hashes,
        number,
        text: (text_start, line.len()),
    })
}

/// The grammar's `section_number` or `para_number` at the start of `s`:
/// its length and the number as a heading keeps it (`2.1`, `§ 8`).
fn heading_number_len(s: &str) -> Option<(usize, String)> {
    if s.starts_with('§') {
        return para_number_len(s);
    }
    let n = section_number_len(s)?;
    Some((n, s.get(..n)?.trim_end_matches('.').to_string()))
}

/// The grammar's `para_number` at the start of `s` (`"§" ~ osp ~
/// ASCII_DIGIT{1,4}`; `osp` is `indent`'s spaces): its length and the
/// number as a heading keeps it (`§ 8`).
fn para_number_len(s: &str) -> Option<(usize, String)> {
    let after = s.strip_prefix('§')?;
    let start = '§'.len_utf8() + split_indent(after).0;
    let n = s
        .get(start..)?
        .bytes()
        .take(4)
        .take_while(u8::is_ascii_digit)
        .count();
    let digits = s.get(start..start + n).filter(|d| !d.is_empty())?;
    Some((start + n, format!("§ {digits}")))
}

/// `---`, which opens and closes front matter: the grammar's `front_delim`
/// (then only spaces).
fn front_delim(line: &str) -> Option<LineKind> {
    let rest = line.strip_prefix("---")?;
    split_indent(rest)
        .1
        .is_empty()
        .then_some(LineKind::FrontDelim)
}

/// `| Aktivitet | Mål |`: the grammar's `pipe_row`, cells between pipes.
/// Two pipes in a row (an empty cell) fail the rule; such lines are left to
/// the grammar.
fn pipe_row(line: &str) -> Option<LineKind> {
    let (indent, t) = split_indent(line);
    let body = t.strip_prefix('|')?;
    let mut cells = Vec::new();
    let mut start = indent + 1;
    let mut parts = body.split('|').peekable();
    while let Some(part) = parts.next() {
        let last = parts.peek().is_none();
        match (part.is_empty(), last) {
            (true, true) => {}
            (true, false) => return None,
            (false, _) => cells.push((start, start + part.len())),
        }
        start += part.len() + 1;
    }
    Some(LineKind::PipeRow { cells })
}

#[cfg(test)]
#[path = "shortcut_tests.rs"]
mod shortcut_tests;
