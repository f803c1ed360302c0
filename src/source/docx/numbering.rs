//! List and heading numbering (`word/numbering.xml`): the numbers Word
//! shows but does not store in the text, so `2.1 Effektmål` comes out
//! numbered. Counters run per abstract list, as in Word, where two
//! numbering instances of the same list continue each other unless one
//! restarts a level.

use super::styles::Styles;
use super::xml::{attr, local, Ev, Walker};
use super::DocxError;
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
    legal: bool,
}

#[derive(Debug, Default)]
struct Abstract {
    levels: HashMap<u8, Level>,
    /// `w:numStyleLink`: the levels are those of the list a numbering
    /// style points to.
    style_link: Option<String>,
}

#[derive(Debug, Default)]
struct Num {
    abstract_id: String,
    /// Levels restarted by `w:lvlOverride/w:startOverride`.
    restarts: HashMap<u8, u32>,
}

/// How a numbered paragraph is labelled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Label {
    /// A bullet list item.
    Bullet,
    /// A number such as `2.1` or `a)`.
    Number(String),
}

#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: HashMap<String, Abstract>,
    nums: HashMap<String, Num>,
}

/// Counters for one document, per abstract list and level.
#[derive(Debug, Default)]
pub struct Counters {
    values: HashMap<String, [Option<u32>; 9]>,
    restarted: HashSet<String>,
}

impl Numbering {
    pub fn parse(bytes: &[u8], part: &str) -> Result<Self, DocxError> {
        let mut w = Walker::new(bytes, part);
        let mut out = Numbering::default();
        let mut abs: Option<(String, Abstract)> = None;
        let mut num: Option<(String, Num)> = None;
        let mut level: Option<(u8, Level)> = None;
        let mut override_lvl: Option<u8> = None;
        loop {
            match w.next()? {
                Ev::Eof => break,
                Ev::Start { e, .. } => match local(&e) {
                    b"abstractNum" => {
                        abs = Some((
                            attr(&e, b"abstractNumId").unwrap_or_default(),
                            Abstract::default(),
                        ));
                    }
                    b"num" => {
                        num = Some((attr(&e, b"numId").unwrap_or_default(), Num::default()));
                    }
                    b"abstractNumId" => {
                        if let Some((_, n)) = num.as_mut() {
                            n.abstract_id = attr(&e, b"val").unwrap_or_default();
                        }
                    }
                    b"lvlOverride" => {
                        override_lvl = attr(&e, b"ilvl").and_then(|v| v.parse().ok());
                    }
                    b"startOverride" => {
                        if let (Some((_, n)), Some(l)) = (num.as_mut(), override_lvl) {
                            let v = attr(&e, b"val").and_then(|v| v.parse().ok()).unwrap_or(1);
                            n.restarts.insert(l, v);
                        }
                    }
                    b"numStyleLink" => {
                        if let Some((_, a)) = abs.as_mut() {
                            a.style_link = attr(&e, b"val");
                        }
                    }
                    // Levels inside an override replace nothing here: the
                    // start is what matters, and it is read above.
                    b"lvl" if override_lvl.is_none() => {
                        let ilvl = attr(&e, b"ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                        level = Some((
                            ilvl,
                            Level {
                                start: 1,
                                format: "decimal".into(),
                                ..Level::default()
                            },
                        ));
                    }
                    b"start" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.start = attr(&e, b"val").and_then(|v| v.parse().ok()).unwrap_or(1);
                        }
                    }
                    b"numFmt" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.format = attr(&e, b"val").unwrap_or_default();
                        }
                    }
                    b"lvlText" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.text = attr(&e, b"val").unwrap_or_default();
                        }
                    }
                    b"isLgl" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.legal = super::xml::on(&e);
                        }
                    }
                    b"pPr" | b"rPr" => w.skip()?,
                    _ => {}
                },
                Ev::End { local } => match local.as_slice() {
                    b"lvl" => {
                        if let (Some((_, a)), Some((i, l))) = (abs.as_mut(), level.take()) {
                            a.levels.insert(i, l);
                        }
                    }
                    b"lvlOverride" => override_lvl = None,
                    b"abstractNum" => {
                        if let Some((id, a)) = abs.take() {
                            out.abstracts.insert(id, a);
                        }
                    }
                    b"num" => {
                        if let Some((id, n)) = num.take() {
                            out.nums.insert(id, n);
                        }
                    }
                    _ => {}
                },
                Ev::Text(_) => {}
            }
        }
        Ok(out)
    }

    /// The abstract list of a numbering instance, following a numbering
    /// style link once.
    fn abstract_of(&self, num_id: &str, styles: &Styles) -> Option<(&str, &Abstract)> {
        let n = self.nums.get(num_id)?;
        let a = self.abstracts.get(&n.abstract_id)?;
        if a.levels.is_empty() {
            if let Some(link) = &a.style_link {
                let linked = styles.num_id_of(link)?;
                let ln = self.nums.get(&linked)?;
                let la = self.abstracts.get(&ln.abstract_id)?;
                return Some((ln.abstract_id.as_str(), la));
            }
        }
        Some((n.abstract_id.as_str(), a))
    }

    /// Counts a numbered paragraph and gives its label; `None` when the
    /// instance is `0` (numbering removed) or unknown, or the level shows
    /// nothing.
    pub fn next(
        &self,
        counters: &mut Counters,
        styles: &Styles,
        num_id: &str,
        ilvl: u8,
    ) -> Option<Label> {
        if num_id == "0" {
            return None;
        }
        let ilvl = ilvl.min(8);
        let (abs_id, abs) = self.abstract_of(num_id, styles)?;
        let level = abs.levels.get(&ilvl)?;
        let values = counters.values.entry(abs_id.to_string()).or_default();
        if let Some(n) = self.nums.get(num_id) {
            if !n.restarts.is_empty() && counters.restarted.insert(num_id.to_string()) {
                for (l, v) in &n.restarts {
                    if let Some(slot) = values.get_mut(usize::from(*l)) {
                        *slot = Some(v.saturating_sub(1));
                    }
                }
            }
        }
        let i = usize::from(ilvl);
        let current = values.get(i).copied().flatten();
        let value = current.map_or(level.start, |v| v.saturating_add(1));
        if let Some(slot) = values.get_mut(i) {
            *slot = Some(value);
        }
        for deeper in values.iter_mut().skip(i + 1) {
            *deeper = None;
        }
        match level.format.as_str() {
            "bullet" => return Some(Label::Bullet),
            "none" => return None,
            _ => {}
        }
        let snapshot = *values;
        let mut text = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            let digit = chars.peek().and_then(|d| d.to_digit(10));
            match (c, digit) {
                ('%', Some(d)) if (1..=9).contains(&d) => {
                    chars.next();
                    let l = (d - 1) as u8;
                    let lv = abs.levels.get(&l);
                    let v = snapshot
                        .get(usize::from(l))
                        .copied()
                        .flatten()
                        .unwrap_or_else(|| lv.map_or(1, |x| x.start));
                    let fmt = match lv {
                        Some(x) if !(level.legal || x.legal) => x.format.as_str(),
                        _ => "decimal",
                    };
                    text.push_str(&format_number(v, fmt));
                }
                _ => text.push(c),
            }
        }
        let text = text.trim().to_string();
        (!text.is_empty()).then_some(Label::Number(text))
    }
}

/// A counter value in a numbering format.
fn format_number(v: u32, format: &str) -> String {
    match format {
        "decimalZero" if v < 10 => format!("0{v}"),
        "upperRoman" => roman(v),
        "lowerRoman" => roman(v).to_lowercase(),
        "upperLetter" => letters(v),
        "lowerLetter" => letters(v).to_lowercase(),
        _ => v.to_string(),
    }
}

fn roman(mut v: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (n, s) in TABLE {
        while v >= n {
            out.push_str(s);
            v -= n;
        }
    }
    out
}

/// `A`…`Z`, then `AA`, `BB` … as Word counts letters.
fn letters(v: u32) -> String {
    if v == 0 {
        return String::new();
    }
    let idx = (v - 1) % 26;
    let times = (v - 1) / 26 + 1;
    let c = char::from(b'A' + idx as u8);
    std::iter::repeat_n(c, times as usize).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="w">
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="1">
    <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="2">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
  <w:num w:numId="4"><w:abstractNumId w:val="2"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>"#;

    #[test]
    fn counts_outline_numbers_bullets_and_restarts() {
        let n = Numbering::parse(NUMBERING.as_bytes(), "numbering.xml").unwrap();
        let s = Styles::default();
        let mut c = Counters::default();
        let mut next = |id: &str, l: u8| n.next(&mut c, &s, id, l);
        assert_eq!(next("1", 0), Some(Label::Number("1".into())));
        assert_eq!(next("1", 1), Some(Label::Number("1.1".into())));
        assert_eq!(next("1", 1), Some(Label::Number("1.2".into())));
        assert_eq!(next("1", 0), Some(Label::Number("2".into())));
        assert_eq!(next("1", 1), Some(Label::Number("2.1".into())));
        assert_eq!(next("2", 0), Some(Label::Bullet));
        assert_eq!(next("3", 0), Some(Label::Number("a)".into())));
        assert_eq!(next("3", 0), Some(Label::Number("b)".into())));
        assert_eq!(next("4", 0), Some(Label::Number("a)".into())));
        assert_eq!(next("0", 0), None);
        assert_eq!(next("9", 0), None);
        assert_eq!(roman(14), "XIV");
        assert_eq!(letters(28), "BB");
    }
}
