//! classify: which profile a document belongs to.
//!
//! Front matter `dokumenttyp:` wins; then a profile whose title pattern
//! matches (and whose exclusions do not); then phrase scores.

use super::load::Pack;
use super::schema::PackKind;
use crate::model::Document;

/// How much of the text phrases are looked for in.
const HEAD_BYTES: usize = 4000;

pub fn classify<'p>(doc: &Document, text: &str, packs: &'p [Pack]) -> Option<&'p Pack> {
    let profiles = || packs.iter().filter(|p| p.kind == PackKind::Profile);
    let declared = doc
        .front_matter_value("dokumenttyp")
        .or_else(|| doc.front_matter_value("profil"));
    if let Some(d) = declared {
        let d = d.trim().to_lowercase();
        if let Some(p) = profiles().find(|p| p.name == d || p.detect.front_matter.contains(&d)) {
            return Some(p);
        }
    }
    let title = doc.title.as_ref().map(|t| t.text.trim()).unwrap_or("");
    let excluded = |p: &Pack| p.detect.exclude.iter().any(|x| x.is_match(title));
    if let Some(p) =
        profiles().find(|p| !excluded(p) && p.detect.title.iter().any(|t| t.is_match(title)))
    {
        return Some(p);
    }
    let mut end = HEAD_BYTES.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    profiles()
        .filter(|p| !excluded(p))
        .filter_map(|p| {
            let score = p.detect.phrases.iter().filter(|x| x.is_match(head)).count();
            let min = p.detect.min_phrases?;
            (score >= min).then_some((score, p))
        })
        .max_by_key(|(score, _)| *score)
        .map(|(_, p)| p)
}
