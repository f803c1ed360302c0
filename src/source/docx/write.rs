//! Writes a Markdown template as a real Word document for `styrkoll new
//! --format docx`: `#` becomes the Title style, `##`… the Heading styles
//! (defined in styles.xml, with outline levels), `| … |` rows a table, `- `
//! items bullets, and each `<!-- … -->` a content control showing its
//! guidance as placeholder text (grey, italic) that Word replaces when the
//! user types. Read back, a placeholder is a comment again, so the .docx
//! template checks like the Markdown one.

use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;

/// The template as .docx bytes.
pub fn from_markdown(md: &str) -> std::io::Result<Vec<u8>> {
    let body = body_xml(md);
    let props = front_matter(md);
    let document = format!(
        "{DECL}<w:document xmlns:w=\"{W}\" xmlns:r=\"{R}\" xmlns:w14=\"{W14}\"><w:body>{body}<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1417\" w:right=\"1417\" w:bottom=\"1417\" w:left=\"1417\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
    );
    let (mut types, mut package_rels) = (CONTENT_TYPES.to_string(), PACKAGE_RELS.to_string());
    if !props.is_empty() {
        types = types.replace("</Types>", "<Override PartName=\"/docProps/custom.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.custom-properties+xml\"/></Types>");
        package_rels = package_rels.replace("</Relationships>", "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties\" Target=\"docProps/custom.xml\"/></Relationships>");
    }
    let mut parts: Vec<(&str, String)> = vec![
        ("[Content_Types].xml", types),
        ("_rels/.rels", package_rels),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_string()),
        ("word/document.xml", document),
        ("word/styles.xml", styles_xml()),
        ("word/numbering.xml", NUMBERING.to_string()),
    ];
    if !props.is_empty() {
        parts.push(("docProps/custom.xml", custom_xml(&props)));
    }
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in parts {
        zip.start_file(name, opts).map_err(std::io::Error::other)?;
        zip.write_all(content.as_bytes())?;
    }
    let cursor = zip.finish().map_err(std::io::Error::other)?;
    Ok(cursor.into_inner())
}

const DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const W14: &str = "http://schemas.microsoft.com/office/word/2010/wordml";

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>"#;

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

/// The Markdown front matter's `key: value` lines.
fn front_matter(md: &str) -> Vec<(String, String)> {
    let mut lines = md.lines();
    if lines.next().map(str::trim_end) != Some("---") {
        return Vec::new();
    }
    lines
        .take_while(|l| l.trim_end() != "---")
        .filter(|l| !l.starts_with([' ', '\t', '#', '-']))
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| {
            let v = v.trim().trim_matches(|c| c == '"' || c == '\'');
            (k.trim().to_string(), v.to_string())
        })
        .filter(|(k, v)| !k.is_empty() && !v.is_empty())
        .collect()
}

/// Custom document properties (Word: File → Properties → Custom).
fn custom_xml(props: &[(String, String)]) -> String {
    let mut s = format!("{DECL}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">");
    for (i, (k, v)) in props.iter().enumerate() {
        s.push_str(&format!(
            "<property fmtid=\"{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}\" pid=\"{}\" name=\"{}\"><vt:lpwstr>{}</vt:lpwstr></property>",
            i + 2,
            esc(k),
            esc(v)
        ));
    }
    s.push_str("</Properties>");
    s
}

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"#;

const NUMBERING: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#;

/// Normal, Title, Heading 1–3, List Bullet, a bordered table style and
/// the placeholder text style, with Word's built-in names.
fn styles_xml() -> String {
    let mut s = format!(
        "{DECL}<w:styles xmlns:w=\"{W}\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:cs=\"Calibri\"/><w:sz w:val=\"22\"/><w:lang w:val=\"sv-SE\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"120\"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:after=\"240\"/></w:pPr><w:rPr><w:sz w:val=\"40\"/></w:rPr></w:style>"
    );
    for (level, size) in [(1, 32), (2, 26), (3, 24)] {
        s.push_str(&format!(
            "<w:style w:type=\"paragraph\" w:styleId=\"Heading{level}\"><w:name w:val=\"heading {level}\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"{}\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"{size}\"/></w:rPr></w:style>",
            level - 1
        ));
    }
    s.push_str(
        "<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"ListNumber\"><w:name w:val=\"List Number\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:numPr><w:numId w:val=\"2\"/></w:numPr></w:pPr></w:style>\
<w:style w:type=\"character\" w:styleId=\"PlaceholderText\"><w:name w:val=\"Placeholder Text\"/><w:rPr><w:i/><w:color w:val=\"808080\"/></w:rPr></w:style>\
<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/></w:tblBorders></w:tblPr></w:style></w:styles>",
    );
    s
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn run(text: &str) -> String {
    format!("<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>", esc(text))
}

/// A content control showing `guidance` as its placeholder, inside a paragraph.
fn placeholder_run(guidance: &str) -> String {
    format!(
        "<w:sdt><w:sdtPr><w:showingPlcHdr/><w:text/></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rStyle w:val=\"PlaceholderText\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r></w:sdtContent></w:sdt>",
        esc(guidance)
    )
}

/// A line's text and inline `<!-- … -->` comments as runs and controls.
fn inline(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(i) = rest.find("<!--") {
        let before = &rest[..i];
        if !before.is_empty() {
            out.push_str(&run(before));
        }
        let after = &rest[i + 4..];
        let (inner, next) = match after.find("-->") {
            Some(j) => (&after[..j], &after[j + 3..]),
            None => (after, ""),
        };
        out.push_str(&placeholder_run(inner.trim()));
        rest = next;
    }
    if !rest.is_empty() {
        out.push_str(&run(rest));
    }
    out
}

/// A line the parser reads as running text (not a field, item, row …).
fn is_prose(line: &str) -> bool {
    use crate::parse::lines::{classify, LineKind};
    matches!(classify(line), LineKind::Text { .. }) && !line.starts_with('#')
}

/// `1. Text` → `Text`.
fn numbered_item(line: &str) -> Option<&str> {
    let (n, rest) = line.split_once(". ")?;
    (!n.is_empty() && n.len() <= 2 && n.chars().all(|c| c.is_ascii_digit())).then_some(rest)
}

/// `[x] text`: a checkbox content control, then the text.
fn with_checkbox(item: &str) -> String {
    let checked = match item.get(..3) {
        Some("[x]" | "[X]") => true,
        Some("[ ]") => false,
        _ => return inline(item),
    };
    let glyph = if checked { "☒" } else { "☐" };
    format!(
        "<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val=\"{}\"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>{}",
        u8::from(checked),
        inline(item.get(3..).unwrap_or(""))
    )
}

fn paragraph(style: Option<&str>, content: &str) -> String {
    match style {
        Some(s) => format!("<w:p><w:pPr><w:pStyle w:val=\"{s}\"/></w:pPr>{content}</w:p>"),
        None => format!("<w:p>{content}</w:p>"),
    }
}

fn table(rows: &[Vec<String>]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let width = 9000 / cols;
    let mut s = String::from(
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/></w:tblPr><w:tblGrid>",
    );
    for _ in 0..cols {
        s.push_str(&format!("<w:gridCol w:w=\"{width}\"/>"));
    }
    s.push_str("</w:tblGrid>");
    for (i, row) in rows.iter().enumerate() {
        s.push_str("<w:tr>");
        if i == 0 {
            s.push_str("<w:trPr><w:tblHeader/></w:trPr>");
        }
        for k in 0..cols {
            let cell = row.get(k).map(String::as_str).unwrap_or("");
            s.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/></w:tcPr>{}</w:tc>",
                paragraph(None, &inline(cell))
            ));
        }
        s.push_str("</w:tr>");
    }
    s.push_str("</w:tbl>");
    s
}

/// The body XML for a Markdown template (front matter dropped: the
/// document type is recognised from the title and the key words).
fn body_xml(md: &str) -> String {
    let lines: Vec<&str> = md.lines().collect();
    let mut i = 0;
    if lines.first().is_some_and(|l| l.trim_end() == "---") {
        if let Some(end) = lines.iter().skip(1).position(|l| l.trim_end() == "---") {
            i = end + 2;
        }
    }
    let hashes = |l: &str| l.chars().take_while(|c| *c == '#').count();
    // `# Title` followed by `##` sections: `##` is level 1 (as the parser
    // reads Markdown).
    let levels: Vec<usize> = lines
        .iter()
        .skip(i)
        .map(|l| hashes(l.trim()))
        .filter(|h| *h > 0)
        .collect();
    let lone_title = levels.first() == Some(&1)
        && levels.iter().filter(|h| **h == 1).count() == 1
        && levels.len() > 1;
    let base = usize::from(lone_title);
    let mut out = String::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    while let Some(line) = lines.get(i) {
        let t = line.trim();
        let is_row = t.starts_with('|');
        if !is_row && !rows.is_empty() {
            // Word joins tables with nothing between them into one.
            if out.ends_with("</w:tbl>") {
                out.push_str("<w:p/>");
            }
            out.push_str(&table(&rows));
            rows.clear();
        }
        i += 1;
        if is_row {
            let cells: Vec<String> = t
                .trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_string())
                .collect();
            let separator = cells
                .iter()
                .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':')));
            if !separator {
                rows.push(cells);
            }
            continue;
        }
        let h = hashes(t);
        if t.is_empty() {
            continue;
        } else if h > 0 && t[h..].starts_with(' ') {
            let text = t[h..].trim();
            if h == 1 && base == 1 {
                out.push_str(&paragraph(Some("Title"), &inline(text)));
            } else {
                let level = (h - base).clamp(1, 3);
                out.push_str(&paragraph(Some(&format!("Heading{level}")), &inline(text)));
            }
        } else if t.starts_with("<!--") && !t.contains("-->") {
            // A block comment: guidance over several lines, as one control.
            let mut text = vec![t.trim_start_matches("<!--").trim().to_string()];
            while let Some(l) = lines.get(i) {
                i += 1;
                match l.find("-->") {
                    Some(j) => {
                        text.push(l[..j].trim().to_string());
                        break;
                    }
                    None => text.push(l.trim().to_string()),
                }
            }
            let guidance = text
                .iter()
                .filter(|s| !s.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(" ");
            out.push_str(&paragraph(None, &placeholder_run(&guidance)));
        } else if let Some(item) = t.strip_prefix("- ").or_else(|| t.strip_prefix("* ")) {
            out.push_str(&paragraph(Some("ListBullet"), &with_checkbox(item)));
        } else if let Some(item) = numbered_item(t) {
            out.push_str(&paragraph(Some("ListNumber"), &inline(item)));
        } else if t.starts_with("[x]") || t.starts_with("[X]") || t.starts_with("[ ]") {
            out.push_str(&paragraph(None, &with_checkbox(t)));
        } else {
            // Lines of running text make one paragraph, as in Markdown;
            // a field (`Dnr: …`) stands alone.
            let mut text = t.to_string();
            while let Some(next) = lines.get(i) {
                let n = next.trim();
                if n.is_empty() || !is_prose(n) || !is_prose(t) {
                    break;
                }
                text.push(' ');
                text.push_str(n);
                i += 1;
            }
            out.push_str(&paragraph(None, &inline(&text)));
        }
    }
    if !rows.is_empty() {
        if out.ends_with("</w:tbl>") {
            out.push_str("<w:p/>");
        }
        out.push_str(&table(&rows));
    }
    // The body ends with a paragraph, as Word writes it.
    if out.ends_with("</w:tbl>") {
        out.push_str("<w:p/>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_a_docx_that_reads_back() {
        let md = "---\ndokumenttyp: x\n---\n# Titel <!-- namn -->\n\nDnr: <!-- dnr -->\n\n## 1 Inledning\n\n<!--\nSkriv\nhär.\n-->\n\n| A | B |\n|---|---|\n| 1 | <!-- två --> |\n\n- punkt\n";
        let bytes = from_markdown(md).unwrap();
        let (text, origin) = super::super::read(&bytes).unwrap();
        assert_eq!(
            text,
            "Titel <!-- namn -->\n\nDnr: <!-- dnr -->\n\n1 Inledning\n\n<!-- Skriv här. -->\n\nA\tB\n1\t<!-- två -->\n\n• punkt\n"
        );
        assert_eq!(origin.headings.len(), 1);
        assert_eq!(origin.headings[0].level, 1);
    }
}
