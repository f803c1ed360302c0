//! Document skeletons for `styrkoll new`: one Markdown template per profile,
//! built into the binary, and an atomic, no-clobber way to write one to disk.
//!
//! Every placeholder in a template is a `<!-- … -->` comment. Guidance and
//! placeholders for whole paragraphs, lists and table bodies stand on their
//! own lines, so the checks skip them and an unfilled section or table is
//! reported as empty. Values that must share a line with their label (the
//! title, `Dnr:`, `Uppdragsägare:`, the cells of the JA/NEJ tables) hold the
//! comment on that line. Replacing every comment with the document's own
//! text gives a document that checks without errors (`tests/new.rs`).

use std::io::Write;
use std::path::{Path, PathBuf};

/// A kind of document `styrkoll new` can write: the name is the profile's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TemplateKind {
    /// Övergripande handlingsplan (rutin v4)
    Handlingsplan,
    /// Uppdragsdirektiv (UPPDRAGiL 3.0)
    Uppdragsdirektiv,
}

const KINDS: [TemplateKind; 2] = [TemplateKind::Handlingsplan, TemplateKind::Uppdragsdirektiv];

/// The kinds that have a template, in the order `--help` lists them.
pub fn kinds() -> &'static [TemplateKind] {
    &KINDS
}

impl TemplateKind {
    /// The profile the document is checked against (also its `dokumenttyp`).
    pub fn name(self) -> &'static str {
        match self {
            TemplateKind::Handlingsplan => "handlingsplan",
            TemplateKind::Uppdragsdirektiv => "uppdragsdirektiv",
        }
    }

    /// The Markdown skeleton.
    pub fn text(self) -> &'static str {
        match self {
            TemplateKind::Handlingsplan => include_str!("../templates/handlingsplan.md"),
            TemplateKind::Uppdragsdirektiv => include_str!("../templates/uppdragsdirektiv.md"),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The file is there and overwriting was not asked for.
    #[error("filen {} finns redan", .0.display())]
    Exists(PathBuf),
    #[error("mappen {} finns inte", .0.display())]
    NoFolder(PathBuf),
    #[error("kunde inte skriva {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Writes `text` to `path` through a temporary file in the same folder that
/// is renamed into place, so a reader never sees half a file. Without
/// `overwrite`, an existing file is left as it is (checked atomically by the
/// rename itself, not before it).
pub fn write_file(path: &Path, text: &str, overwrite: bool) -> Result<(), WriteError> {
    write_bytes(path, text.as_bytes(), overwrite)
}

/// `write_file` for any bytes (a Word template).
pub fn write_bytes(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), WriteError> {
    let io = |source: std::io::Error| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    if !overwrite && path.exists() {
        return Err(WriteError::Exists(path.to_path_buf()));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(WriteError::NoFolder(dir.to_path_buf()));
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".styrkoll-").suffix(".tmp");
    // A new document is readable like any other file the user creates (the
    // umask applies), not owner-only as temporary files are.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    let persisted = if overwrite {
        tmp.persist(path)
    } else {
        tmp.persist_noclobber(path)
    };
    match persisted {
        Ok(_) => Ok(()),
        Err(e) if !overwrite && e.error.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(WriteError::Exists(path.to_path_buf()))
        }
        Err(e) => Err(io(e.error)),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::Engine;

    #[test]
    fn every_template_names_a_profile_of_the_engine() {
        let engine = Engine::builtin().unwrap();
        for k in kinds() {
            assert!(engine.profile_names().contains(&k.name()), "{}", k.name());
            let front = format!("---\ndokumenttyp: {}\n---\n", k.name());
            assert!(k.text().starts_with(&front), "{}", k.name());
        }
    }

    #[test]
    fn writes_without_clobbering() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.md");
        write_file(&path, "ett", false).unwrap();
        assert!(matches!(
            write_file(&path, "två", false),
            Err(WriteError::Exists(_))
        ));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "ett");
        write_file(&path, "tre", true).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "tre");
        // No temporary file is left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
