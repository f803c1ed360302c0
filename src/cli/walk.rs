//! Finding the documents under the paths given to `styrkoll check`.
//!
//! Folders are walked with the `ignore` crate: hidden files and folders are
//! skipped, and `.gitignore` (also outside a git checkout, and in parent
//! folders), `.git/info/exclude` and `.styrkollignore` are respected. The
//! user's global git excludes are not, so a repository gives the same files
//! on every machine. A file named on the command line is always checked.

use std::path::{Path, PathBuf};
use styrkoll::report::FileError;

/// Extensions of the documents a folder walk picks up.
const EXTENSIONS: &[&str] = &["md", "markdown", "txt", "docx", "pdf"];

/// The ignore file for styrkoll alone, with `.gitignore`'s syntax.
pub const IGNORE_FILE: &str = ".styrkollignore";

/// The documents under a path: the path itself when it is a file, else the
/// documents of the folder, sorted by path. Entries that cannot be read are
/// returned as errors; the rest are still found.
pub fn documents(path: &Path) -> (Vec<PathBuf>, Vec<FileError>) {
    let error = |path: &Path, message: String| FileError {
        path: path.display().to_string(),
        message,
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            return (
                Vec::new(),
                vec![error(path, format!("kunde inte läsa: {e}"))],
            )
        }
    };
    if !meta.is_dir() {
        return (vec![path.to_path_buf()], Vec::new());
    }
    let walker = ignore::WalkBuilder::new(path)
        .hidden(true)
        .parents(true)
        .ignore(false)
        .git_ignore(true)
        .git_exclude(true)
        .git_global(false)
        .require_git(false)
        .follow_links(false)
        .add_custom_ignore_filename(IGNORE_FILE)
        .build();
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for entry in walker {
        match entry {
            Ok(entry) => {
                if entry.file_type().is_some_and(|t| t.is_file()) && is_document(entry.path()) {
                    files.push(entry.into_path());
                }
            }
            Err(e) => errors.push(error(path, format!("kunde inte läsa mappen: {e}"))),
        }
    }
    files.sort();
    (files, errors)
}

/// A document by its extension; Word's lock files (`~$plan.docx`) are not.
fn is_document(path: &Path) -> bool {
    let lock_file = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with("~$"));
    !lock_file
        && path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .is_some_and(|e| EXTENSIONS.contains(&e.as_str()))
}
