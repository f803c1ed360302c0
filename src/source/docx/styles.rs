//! Paragraph styles (`word/styles.xml`): which styles are headings, titles
//! and tables of contents, and which carry list numbering. A style is known
//! by its *name*, not its id: Word writes the built-in name `heading 1` in
//! every language and a localized id (`Rubrik1`), while other programs and
//! templates write localized names (`Rubrik 1`). `w:outlineLvl` and the
//! `basedOn` chain decide for styles with other names.

use super::xml::{attr, local, Ev, Walker};
use super::DocxError;
use std::collections::HashMap;

/// A `w:numPr`: the numbering instance and the list level.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NumRef {
    pub num_id: Option<String>,
    pub ilvl: Option<u8>,
}

#[derive(Debug, Default)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    num: Option<NumRef>,
}

/// What a paragraph style makes a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Heading(usize),
    Title,
    /// An entry of a table of contents (left out: it repeats the headings).
    Toc,
    Body,
}

#[derive(Debug, Default)]
pub struct Styles {
    by_id: HashMap<String, Style>,
    default_paragraph: Option<String>,
}

/// Longest `basedOn` chain followed (Word allows about ten; cycles stop here).
const MAX_CHAIN: usize = 16;

/// The words Word and other programs use for "heading" in style names.
const HEADING_WORDS: &[&str] = &["heading", "rubrik", "overskrift", "otsikko", "überschrift"];
const TITLE_NAMES: &[&str] = &["title", "rubrik", "tittel", "titel", "otsikko"];

impl Styles {
    pub fn parse(bytes: &[u8], part: &str) -> Result<Self, DocxError> {
        let mut w = Walker::new(bytes, part);
        let mut out = Styles::default();
        let mut current: Option<(String, Style)> = None;
        let mut in_ppr = false;
        let mut num = NumRef::default();
        loop {
            match w.next()? {
                Ev::Eof => break,
                Ev::Start { e, empty } => match local(&e) {
                    b"style" => {
                        let paragraph = attr(&e, b"type").is_none_or(|t| t == "paragraph");
                        if !paragraph {
                            if !empty {
                                w.skip()?;
                            }
                            continue;
                        }
                        let id = attr(&e, b"styleId").unwrap_or_default();
                        if attr(&e, b"default").is_some_and(|d| d == "1" || d == "true") {
                            out.default_paragraph = Some(id.clone());
                        }
                        current = Some((id, Style::default()));
                    }
                    b"name" => {
                        if let Some((_, s)) = current.as_mut() {
                            s.name = attr(&e, b"val").unwrap_or_default().to_lowercase();
                        }
                    }
                    b"basedOn" => {
                        if let Some((_, s)) = current.as_mut() {
                            s.based_on = attr(&e, b"val");
                        }
                    }
                    b"pPr" => in_ppr = true,
                    b"outlineLvl" if in_ppr => {
                        if let Some((_, s)) = current.as_mut() {
                            s.outline = attr(&e, b"val").and_then(|v| v.parse().ok());
                        }
                    }
                    b"numPr" if in_ppr => num = NumRef::default(),
                    b"numId" if in_ppr => num.num_id = attr(&e, b"val"),
                    b"ilvl" if in_ppr => num.ilvl = attr(&e, b"val").and_then(|v| v.parse().ok()),
                    b"rPr" | b"tblPr" | b"trPr" | b"tcPr" | b"tblStylePr" | b"pPrChange"
                        if !empty =>
                    {
                        w.skip()?;
                    }
                    _ => {}
                },
                Ev::End { local } => match local.as_slice() {
                    b"style" => {
                        if let Some((id, s)) = current.take() {
                            out.by_id.insert(id, s);
                        }
                    }
                    b"pPr" => in_ppr = false,
                    b"numPr" if in_ppr => {
                        if let Some((_, s)) = current.as_mut() {
                            s.num = Some(std::mem::take(&mut num));
                        }
                    }
                    _ => {}
                },
                Ev::Text(_) => {}
            }
        }
        Ok(out)
    }

    /// The style a paragraph without `w:pStyle` has.
    pub fn default_paragraph(&self) -> Option<&str> {
        self.default_paragraph.as_deref()
    }

    /// The styles from `id` up its `basedOn` chain.
    fn chain<'s>(&'s self, id: &str) -> Vec<&'s Style> {
        let mut out = Vec::new();
        let mut next = Some(id.to_string());
        while let Some(id) = next.take() {
            let Some(s) = self.by_id.get(&id) else { break };
            out.push(s);
            if out.len() >= MAX_CHAIN {
                break;
            }
            next = s.based_on.clone();
        }
        out
    }

    /// What the style makes a paragraph. The nearest style in the chain
    /// that says decides: its own outline level, else its name.
    pub fn role(&self, id: Option<&str>) -> Role {
        let Some(id) = id.or(self.default_paragraph()) else {
            return Role::Body;
        };
        let chain = self.chain(id);
        if chain.is_empty() {
            // A style id with no definition: judge it by the id itself.
            return role_by_name(&id.to_lowercase()).unwrap_or(Role::Body);
        }
        for s in chain {
            if let Some(role) = role_by_name(&s.name) {
                return role;
            }
            if let Some(lvl) = s.outline {
                return if lvl < 9 {
                    Role::Heading(usize::from(lvl) + 1)
                } else {
                    Role::Body
                };
            }
        }
        Role::Body
    }

    /// The numbering a style gives its paragraphs, through the chain.
    pub fn numbering(&self, id: Option<&str>) -> Option<NumRef> {
        let id = id.or(self.default_paragraph())?;
        // Each property comes from the nearest style that sets it.
        let mut out: Option<NumRef> = None;
        for n in self.chain(id).into_iter().filter_map(|s| s.num.as_ref()) {
            let o = out.get_or_insert_with(NumRef::default);
            if o.num_id.is_none() {
                o.num_id = n.num_id.clone();
            }
            if o.ilvl.is_none() {
                o.ilvl = n.ilvl;
            }
        }
        out
    }

    /// The style id whose numbering definition links a numbering style
    /// (`w:numStyleLink`) to its list, through its `numId`.
    pub fn num_id_of(&self, id: &str) -> Option<String> {
        self.by_id.get(id)?.num.as_ref()?.num_id.clone()
    }
}

/// `heading 2`, `Rubrik 2`, `Heading2` → a heading; `Title`, `Rubrik` → the
/// title; `toc 1`, `Innehåll 1` → a contents entry.
fn role_by_name(name: &str) -> Option<Role> {
    let name = name.trim();
    let digits = name.trim_start_matches(|c: char| !c.is_ascii_digit());
    let word = name[..name.len() - digits.len()].trim();
    if let Ok(level) = digits.parse::<usize>() {
        if (1..=9).contains(&level) {
            if HEADING_WORDS.contains(&word) {
                return Some(Role::Heading(level));
            }
            if matches!(word, "toc" | "innehåll" | "innehållsförteckning") {
                return Some(Role::Toc);
            }
        }
        return None;
    }
    if TITLE_NAMES.contains(&name) {
        return Some(Role::Title);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const STYLES: &str = r#"<?xml version="1.0"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Rubrik1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
    <w:pPr><w:numPr><w:numId w:val="3"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Rubrik2"><w:name w:val="Rubrik 2"/><w:basedOn w:val="Rubrik1"/>
    <w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Egen"><w:name w:val="Min rubrik"/><w:basedOn w:val="Rubrik2"/></w:style>
  <w:style w:type="paragraph" w:styleId="Brodtext"><w:name w:val="Brödtext"/><w:basedOn w:val="Rubrik1"/>
    <w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Rubrik"><w:name w:val="Title"/></w:style>
  <w:style w:type="paragraph" w:styleId="Innehll1"><w:name w:val="toc 1"/></w:style>
  <w:style w:type="character" w:styleId="Rubrik1Char"><w:name w:val="Rubrik 1 Char"/></w:style>
</w:styles>"#;

    #[test]
    fn roles_follow_names_outline_levels_and_chains() {
        let s = Styles::parse(STYLES.as_bytes(), "styles.xml").unwrap();
        assert_eq!(s.role(Some("Rubrik1")), Role::Heading(1));
        assert_eq!(s.role(Some("Rubrik2")), Role::Heading(2));
        assert_eq!(s.role(Some("Egen")), Role::Heading(2));
        assert_eq!(s.role(Some("Brodtext")), Role::Body);
        assert_eq!(s.role(Some("Rubrik")), Role::Title);
        assert_eq!(s.role(Some("Innehll1")), Role::Toc);
        assert_eq!(s.role(None), Role::Body);
        assert_eq!(s.role(Some("Heading3")), Role::Heading(3));
        let n = s.numbering(Some("Rubrik2")).unwrap();
        assert_eq!(n.ilvl, Some(1));
        assert_eq!(n.num_id.as_deref(), Some("3"));
        assert_eq!(
            s.numbering(Some("Rubrik1")).unwrap().num_id.as_deref(),
            Some("3")
        );
    }
}
