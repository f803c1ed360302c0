//! Rendering a finished run in the chosen format, and writing it to
//! standard out or, with `--output FILE`, atomically to a file while the
//! summary line still goes to the terminal.

use crate::cli::configs::Configs;
use crate::print_out;
use clap::ValueEnum;
use std::io::Write;
use std::path::Path;
use styrkoll::report::{self, sarif::SarifOptions, FileError, Summary};
use styrkoll::{FileReport, Lang};

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Understrukna rader, meddelande och hjälp, för människor
    Human,
    /// JSON, version 1, för editorer och skript
    Json,
    /// SARIF 2.1.0, för GitHub code scanning
    Sarif,
    /// Annoteringar för GitHub Actions
    Github,
    /// JUnit XML, för GitLab CI och andra testrapporter
    Junit,
    /// En rad per fynd: sökväg:rad:kolumn: nivå ID meddelande
    Short,
}

/// A finished run, ready to render.
pub struct Run<'a> {
    pub reports: &'a [FileReport],
    pub errors: &'a [FileError],
    pub configs: &'a Configs,
    pub lang: Lang,
    pub color: bool,
}

/// Whether the format is one block of lines per file, with nothing that
/// depends on the other files: such output is written as the files are
/// checked, and no file's text is kept after its block is written.
pub fn streams(format: Format) -> bool {
    matches!(format, Format::Human | Format::Short | Format::Github)
}

/// The blocks of these files in a streaming format (see `streams`); the
/// unreadable files and the summary come after every block, from `render`
/// with no reports.
pub fn render_files(format: Format, reports: &[FileReport], lang: Lang, color: bool) -> String {
    match format {
        Format::Human => {
            let style = report::human::Style { color, width: 100 };
            let mut out = String::new();
            for r in reports {
                out.push_str(&report::human::render_file(r, lang, style));
            }
            out
        }
        Format::Short => report::short::render(reports, &[]),
        Format::Github => report::github::render(reports, &[], lang),
        Format::Json | Format::Sarif | Format::Junit => String::new(),
    }
}

/// The report as it goes to standard out (or `--output`).
pub fn render(format: Format, run: &Run) -> String {
    let (reports, errors) = (run.reports, run.errors);
    match format {
        Format::Human => {
            let mut out = render_files(format, reports, run.lang, run.color);
            out.push_str(&report::human::summary_line(
                &Summary::of(reports, errors),
                run.lang,
            ));
            out.push('\n');
            out
        }
        Format::Json => format!("{}\n", report::json::render(reports, errors)),
        Format::Sarif => {
            let root = std::env::current_dir().ok();
            let opts = SarifOptions {
                lang: run.lang,
                root: root.as_deref(),
            };
            let rules = run.configs.rules();
            format!("{}\n", report::sarif::render(reports, errors, &rules, opts))
        }
        Format::Github => report::github::render(reports, errors, run.lang),
        Format::Junit => report::junit::render(reports, errors, run.lang),
        Format::Short => report::short::render(reports, errors),
    }
}

/// Writes the report to standard out, or to `output` through a temporary
/// file renamed into place, so a reader never sees half a report.
pub fn emit(text: &str, output: Option<&Path>) -> Result<(), String> {
    let Some(path) = output else {
        print_out(text);
        return Ok(());
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let fail =
        |e: std::io::Error| format!("kunde inte skriva rapporten till {}: {e}", path.display());
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(fail)?;
    tmp.write_all(text.as_bytes()).map_err(fail)?;
    tmp.as_file().sync_all().map_err(fail)?;
    // A temporary file is private to its owner; a report is not.
    let permissions = match std::fs::metadata(path) {
        Ok(meta) => Some(meta.permissions()),
        Err(_) => readable_by_all(),
    };
    if let Some(p) = permissions {
        let _ = std::fs::set_permissions(tmp.path(), p);
    }
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

#[cfg(unix)]
fn readable_by_all() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn readable_by_all() -> Option<std::fs::Permissions> {
    None
}
