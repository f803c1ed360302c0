//! Builders for the Word and PDF files the tests read (`mod office;`): small, written out
//! part by part, so each test shows the XML it depends on.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;

pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" \
xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\" \
xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"";

/// The parts of a zip file: name and bytes.
pub type Parts = Vec<(String, Vec<u8>)>;

/// A .docx in parts; `None` parts are left out of the file.
#[derive(Default, Clone)]
pub struct Docx {
    /// The content of `w:body`.
    pub body: String,
    /// The content of `w:styles`.
    pub styles: Option<String>,
    /// The content of `w:numbering`.
    pub numbering: Option<String>,
    /// The content of `w:ftr`.
    pub footer: Option<String>,
    /// The content of `w:hdr`.
    pub header: Option<String>,
    /// The content of `w:comments`.
    pub comments: Option<String>,
    /// More `<Relationship …/>` elements for the document.
    pub extra_rels: Vec<String>,
    pub extra_parts: Vec<(String, Vec<u8>)>,
}

impl Docx {
    pub fn new(body: impl Into<String>) -> Self {
        Docx {
            body: body.into(),
            ..Docx::default()
        }
    }

    pub fn parts(&self) -> Vec<(String, Vec<u8>)> {
        let mut rels = Vec::new();
        let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
        let decl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
        let mut add = |name: &str, kind: &str, root: &str, content: &Option<String>| {
            if let Some(c) = content {
                rels.push(format!(
                    "<Relationship Id=\"rId{}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}\" Target=\"{name}\"/>",
                    rels.len() + 1
                ));
                parts.push((
                    format!("word/{name}"),
                    format!("{decl}<w:{root} {NS}>{c}</w:{root}>").into_bytes(),
                ));
            }
        };
        add("styles.xml", "styles", "styles", &self.styles);
        add("numbering.xml", "numbering", "numbering", &self.numbering);
        add("footer1.xml", "footer", "ftr", &self.footer);
        add("header1.xml", "header", "hdr", &self.header);
        add("comments.xml", "comments", "comments", &self.comments);
        rels.extend(self.extra_rels.iter().cloned());
        let mut out = vec![
            (
                "[Content_Types].xml".to_string(),
                format!("{decl}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>").into_bytes(),
            ),
            (
                "_rels/.rels".to_string(),
                format!("{decl}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>").into_bytes(),
            ),
            (
                "word/document.xml".to_string(),
                format!("{decl}<w:document {NS}><w:body>{}<w:sectPr/></w:body></w:document>", self.body).into_bytes(),
            ),
            (
                "word/_rels/document.xml.rels".to_string(),
                format!("{decl}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{}</Relationships>", rels.join("")).into_bytes(),
            ),
        ];
        out.extend(parts);
        out.extend(self.extra_parts.iter().cloned());
        out
    }

    pub fn bytes(&self) -> Vec<u8> {
        zip_parts(&self.parts())
    }
}

/// A zip file of the parts, deflated.
pub fn zip_parts(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        zip.start_file(name.as_str(), opts).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A run of text.
pub fn r(text: &str) -> String {
    format!("<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>", esc(text))
}

/// A paragraph with an optional style id and runs.
pub fn p(style: Option<&str>, runs: &str) -> String {
    match style {
        Some(s) => format!("<w:p><w:pPr><w:pStyle w:val=\"{s}\"/></w:pPr>{runs}</w:p>"),
        None => format!("<w:p>{runs}</w:p>"),
    }
}

/// A plain paragraph of text.
pub fn text(t: &str) -> String {
    p(None, &r(t))
}

/// A table; each cell is `(tcPr content, cell paragraphs)`.
pub fn table(rows: &[Vec<(&str, String)>]) -> String {
    let mut s = String::from("<w:tbl><w:tblPr/><w:tblGrid/>");
    for row in rows {
        s.push_str("<w:tr>");
        for (pr, content) in row {
            s.push_str(&format!("<w:tc><w:tcPr>{pr}</w:tcPr>{content}</w:tc>"));
        }
        s.push_str("</w:tr>");
    }
    s.push_str("</w:tbl>");
    s
}

/// A simple table of text cells.
pub fn text_table(rows: &[&[&str]]) -> String {
    let rows: Vec<Vec<(&str, String)>> = rows
        .iter()
        .map(|r| r.iter().map(|c| ("", text(c))).collect())
        .collect();
    table(&rows)
}

/// A content-control checkbox (Word 2010 and later).
pub fn sdt_checkbox(checked: bool) -> String {
    let v = u8::from(checked);
    let glyph = if checked { "☒" } else { "☐" };
    format!("<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val=\"{v}\"/><w14:checkedState w14:val=\"2612\" w14:font=\"MS Gothic\"/><w14:uncheckedState w14:val=\"2610\" w14:font=\"MS Gothic\"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rFonts w:ascii=\"MS Gothic\"/></w:rPr><w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>")
}

/// A legacy form-field checkbox (FORMCHECKBOX).
pub fn form_checkbox(checked: bool) -> String {
    let v = u8::from(checked);
    format!("<w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:name w:val=\"Kryss1\"/><w:enabled/><w:calcOnExit w:val=\"0\"/><w:checkBox><w:sizeAuto/><w:default w:val=\"0\"/><w:checked w:val=\"{v}\"/></w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space=\"preserve\"> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>")
}

/// Inserted text, as Word tracks it.
pub fn ins(t: &str) -> String {
    format!(
        "<w:ins w:id=\"1\" w:author=\"Handläggare\" w:date=\"2026-01-10T10:00:00Z\">{}</w:ins>",
        r(t)
    )
}

/// Deleted text, as Word tracks it.
pub fn del(t: &str) -> String {
    format!("<w:del w:id=\"2\" w:author=\"Handläggare\" w:date=\"2026-01-10T10:00:00Z\"><w:r><w:delText xml:space=\"preserve\">{}</w:delText></w:r></w:del>", esc(t))
}

/// Styles as Swedish Word writes them: localized ids (`Rubrik1`), the
/// built-in English name for level 1 and a localized name (`Rubrik 2`) for
/// level 2, both numbered by the outline list `numId` 1.
pub fn swedish_styles() -> String {
    r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Rubrik"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Rubrik1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Rubrik2"><w:name w:val="Rubrik 2"/><w:basedOn w:val="Rubrik1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Rubrik3"><w:name w:val="Rubrik 3"/><w:basedOn w:val="Rubrik2"/><w:pPr><w:numPr><w:ilvl w:val="2"/></w:numPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Liststycke"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Innehll1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/></w:style>"#
        .to_string()
}

/// The outline list for headings (`1`, `1.1`, `1.1.1`) as `numId` 1, and a
/// bullet list as `numId` 2.
pub fn outline_numbering() -> String {
    r#"<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Rubrik1"/><w:lvlText w:val="%1"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Rubrik2"/><w:lvlText w:val="%1.%2"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Rubrik3"/><w:lvlText w:val="%1.%2.%3"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>"#
        .to_string()
}

/// A bullet list item in the Swedish styles.
pub fn bullet(runs: &str) -> String {
    format!("<w:p><w:pPr><w:pStyle w:val=\"Liststycke\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/></w:numPr></w:pPr>{runs}</w:p>")
}

/// A PDF with one page per string, each line of a page written as a line
/// of Helvetica text; a page given as `None` has no text at all (as a
/// scanned page without a text layer).
pub fn pdf(pages: &[Option<&[&str]>]) -> Vec<u8> {
    let mut objects: Vec<String> = Vec::new();
    // 1: catalog, 2: pages, 3: font, then per page: page, content.
    let n = pages.len();
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 4 + 2 * i)).collect();
    objects.push("<< /Type /Catalog /Pages 2 0 R >>".into());
    objects.push(format!(
        "<< /Type /Pages /Kids [{}] /Count {n} >>",
        kids.join(" ")
    ));
    objects.push(
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".into(),
    );
    for (i, page) in pages.iter().enumerate() {
        let mut content = String::new();
        if let Some(lines) = page {
            content.push_str("BT /F1 12 Tf 14 TL 72 760 Td\n");
            for l in *lines {
                let escaped: String = l
                    .chars()
                    .map(|c| match c {
                        '(' | ')' | '\\' => format!("\\{c}"),
                        c if (c as u32) < 128 => c.to_string(),
                        // WinAnsi: å ä ö Å Ä Ö é as octal escapes.
                        c => format!("\\{:o}", c as u32),
                    })
                    .collect();
                content.push_str(&format!("({escaped}) Tj T*\n"));
            }
            content.push_str("ET\n");
        }
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
            5 + 2 * i
        ));
        objects.push(format!(
            "<< /Length {} >>\nstream\n{content}endstream",
            content.len()
        ));
    }
    let mut out: Vec<u8> = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// The committed Word fixtures for GE008 (`fixtures/gemensamt/*/GE008-*`),
/// made from the complete plan `fixtures/handlingsplan/ok/komplett.md`:
/// one with a tracked change not yet accepted, one with a comment and
/// revision ids but every change accepted. `tests/docx_fixtures.rs` checks
/// the committed files against this, and writes them when
/// `STYRKOLL_WRITE_FIXTURES=1`.
pub fn ge008_fixtures() -> Vec<(&'static str, Parts)> {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let md = std::fs::read_to_string(root.join("fixtures/handlingsplan/ok/komplett.md")).unwrap();
    let plan = styrkoll::source::docx::write::from_markdown(&md).unwrap();
    let mut zip = zip::ZipArchive::new(Cursor::new(plan)).unwrap();
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut bytes).unwrap();
        parts.push((f.name().to_string(), bytes));
    }
    let edit = |parts: &[(String, Vec<u8>)], f: &dyn Fn(&str, String) -> String| {
        parts
            .iter()
            .map(|(n, b)| {
                (
                    n.clone(),
                    f(n, String::from_utf8(b.clone()).unwrap()).into_bytes(),
                )
            })
            .collect::<Vec<_>>()
    };
    let marks = "w:author=\"Handläggare\" w:date=\"2026-01-10T10:00:00Z\"";
    let changed = edit(&parts, &|name, xml| {
        if name != "word/document.xml" {
            return xml;
        }
        let split = format!(
            "</w:t></w:r><w:del w:id=\"1\" {marks}><w:r><w:delText xml:space=\"preserve\">en gång per år, per december</w:delText></w:r></w:del><w:ins w:id=\"2\" {marks}><w:r><w:t xml:space=\"preserve\">två gånger per år, per maj och per december</w:t></w:r></w:ins><w:r><w:t xml:space=\"preserve\">"
        );
        assert!(xml.contains("två gånger per år, per maj och per december"));
        xml.replacen("två gånger per år, per maj och per december", &split, 1)
    });
    let commented = {
        let mut p = edit(&parts, &|name, xml| {
            match name {
            "word/document.xml" => xml.replacen(
                "<w:p><w:r><w:t xml:space=\"preserve\">Planen följs upp",
                "<w:p w:rsidR=\"00A1B2C3\" w:rsidRDefault=\"00A1B2C3\"><w:commentRangeStart w:id=\"0\"/><w:r w:rsidR=\"00D4E5F6\"><w:t xml:space=\"preserve\">Planen följs upp",
                1,
            ).replacen(
                "i delårsrapporten.</w:t></w:r>",
                "i delårsrapporten.</w:t></w:r><w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r>",
                1,
            ),
            "word/_rels/document.xml.rels" => xml.replace(
                "</Relationships>",
                "<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments\" Target=\"comments.xml\"/></Relationships>",
            ),
            "[Content_Types].xml" => xml.replace(
                "</Types>",
                "<Override PartName=\"/word/comments.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/></Types>",
            ),
            _ => xml,
        }
        });
        p.push((
            "word/comments.xml".into(),
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments xmlns:w=\"{W}\"><w:comment w:id=\"0\" {marks}><w:p><w:r><w:t>Ska vi skriva en gång per år i stället?</w:t></w:r></w:p></w:comment></w:comments>").into_bytes(),
        ));
        p
    };
    vec![
        (
            "fixtures/gemensamt/bad/GE008-sparade-andringar.docx",
            changed,
        ),
        (
            "fixtures/gemensamt/near/GE008-bara-kommentarer.docx",
            commented,
        ),
    ]
}
