//! Relationships (`_rels/*.rels`): which parts a part refers to. Only parts
//! inside the package are followed; a relationship that styrkoll would
//! follow but that points outside the file is refused.

use super::xml::{attr, local, Ev, Walker};
use super::DocxError;

pub struct Relationship {
    /// The type's last path segment: `officeDocument`, `styles`, `footer` …
    pub kind: String,
    /// The target part's name inside the package (`word/styles.xml`), or
    /// the target as written when it is external.
    pub target: String,
    pub external: bool,
}

/// The relationships file of a part: `word/document.xml` →
/// `word/_rels/document.xml.rels`; the package's own is `_rels/.rels`.
pub fn rels_name(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None if part.is_empty() => "_rels/.rels".to_string(),
        None => format!("_rels/{part}.rels"),
    }
}

/// Reads a relationships part; `source` is the part it belongs to ("" for
/// the package).
pub fn parse(bytes: &[u8], part: &str, source: &str) -> Result<Vec<Relationship>, DocxError> {
    let mut w = Walker::new(bytes, part);
    let mut out = Vec::new();
    loop {
        match w.next()? {
            Ev::Eof => break,
            Ev::Start { e, .. } if local(&e) == b"Relationship" => {
                let kind = attr(&e, b"Type")
                    .unwrap_or_default()
                    .rsplit('/')
                    .next()
                    .unwrap_or_default()
                    .to_string();
                let target = attr(&e, b"Target").unwrap_or_default();
                let external = attr(&e, b"TargetMode").is_some_and(|m| m == "External");
                match (external, resolve(source, &target)) {
                    (false, Some(t)) => out.push(Relationship {
                        kind,
                        target: t,
                        external: false,
                    }),
                    // A URI or a path that climbs out of the package is not
                    // a part: it is treated as external.
                    _ => out.push(Relationship {
                        kind,
                        target,
                        external: true,
                    }),
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

/// The first relationship of a kind that styrkoll follows; an external one
/// is an error, since following it would read outside the file.
pub fn follow<'r>(
    rels: &'r [Relationship],
    kind: &str,
    part: &str,
) -> Result<Option<&'r Relationship>, DocxError> {
    let all: Vec<&Relationship> = rels.iter().filter(|r| r.kind == kind).collect();
    if let Some(r) = all.iter().find(|r| r.external) {
        return Err(DocxError::External {
            part: part.to_string(),
            target: r.target.clone(),
        });
    }
    Ok(all.first().copied())
}

/// Every relationship of a kind (headers and footers), refusing external ones.
pub fn follow_all<'r>(
    rels: &'r [Relationship],
    kind: &str,
    part: &str,
) -> Result<Vec<&'r Relationship>, DocxError> {
    follow(rels, kind, part)?;
    Ok(rels.iter().filter(|r| r.kind == kind).collect())
}

/// A target relative to the source part's folder, as a part name; `None`
/// for URIs and paths that leave the package.
fn resolve(source: &str, target: &str) -> Option<String> {
    if target.contains("://") || target.starts_with("\\\\") || target.contains(':') {
        return None;
    }
    let mut parts: Vec<&str> = Vec::new();
    let base = if target.starts_with('/') {
        ""
    } else {
        source.rsplit_once('/').map_or("", |(d, _)| d)
    };
    for seg in base.split('/').chain(target.split('/')) {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_inside_the_package_only() {
        assert_eq!(
            resolve("word/document.xml", "styles.xml").as_deref(),
            Some("word/styles.xml")
        );
        assert_eq!(
            resolve("", "word/document.xml").as_deref(),
            Some("word/document.xml")
        );
        assert_eq!(
            resolve("word/document.xml", "/word/footer1.xml").as_deref(),
            Some("word/footer1.xml")
        );
        assert_eq!(resolve("word/document.xml", "../../etc/passwd"), None);
        assert_eq!(resolve("word/document.xml", "file:///etc/passwd"), None);
        assert_eq!(
            rels_name("word/document.xml"),
            "word/_rels/document.xml.rels"
        );
        assert_eq!(rels_name(""), "_rels/.rels");
    }
}
