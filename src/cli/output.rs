//! The output formats of `styrkoll check`, what each writes per file and
//! at the end, and where the report goes: standard out as it is written, or
//! with `--output FILE` atomically to a file (the summary line then goes to
//! the terminal).

use crate::print_out;
use clap::ValueEnum;
use std::io::{Cursor, Read, Seek, Write};
use std::path::{Path, PathBuf};
use styrkoll::profile::{Pack, Rule};
use styrkoll::report::sarif::{Sarif, SarifOptions};
use styrkoll::report::whole_run::WholeRun;
use styrkoll::report::{self, FileError, Summary};
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

/// The blocks of these files in a streaming format: human, short and
/// github are a block of lines per file, with nothing that depends on the
/// other files. The unreadable files and the summary come after every block
/// (`closing`). The other formats are one document for the whole run
/// (`whole_run`).
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

/// What a streaming format writes after every file's block: the summary
/// line (human) or the files that could not be read.
pub fn closing(format: Format, summary: &Summary, errors: &[FileError], lang: Lang) -> String {
    match format {
        Format::Human => format!("{}\n", report::human::summary_line(summary, lang)),
        Format::Short => report::short::render(&[], errors),
        Format::Github => report::github::render(&[], errors, lang),
        Format::Json | Format::Sarif | Format::Junit => String::new(),
    }
}

/// The format as one document for the whole run, built from a part per
/// file (`None` for the streaming formats, see `render_files`).
pub fn whole_run<'a>(
    format: Format,
    rules: &'a [(&'a Pack, &'a Rule)],
    root: Option<&'a Path>,
    lang: Lang,
) -> Option<Box<dyn WholeRun + 'a>> {
    match format {
        Format::Json => Some(Box::new(report::json::Json)),
        Format::Sarif => Some(Box::new(Sarif::new(rules, SarifOptions { lang, root }))),
        Format::Junit => Some(Box::new(report::junit::Junit { lang })),
        Format::Human | Format::Short | Format::Github => None,
    }
}

/// Whether the format's document ends with a line break after its tail
/// (the JSON formats end with their closing brace).
pub fn ends_with_newline(format: Format) -> bool {
    matches!(format, Format::Json | Format::Sarif)
}

/// Where the report goes as it is written: standard out, or with
/// `--output` a file that appears whole or not at all. Text that must wait
/// (all of it for `--output`; for standard out what a head not yet known
/// comes before) waits in a temporary file, so memory does not grow with
/// the report.
pub struct Sink {
    output: Option<PathBuf>,
    spool: Option<Box<dyn Spool>>,
}

/// A temporary file, or the memory when none can be made.
pub trait Spool: Read + Write + Seek {}
impl<T: Read + Write + Seek> Spool for T {}

impl Sink {
    /// Standard out, or `output`. `deferred`: nothing may reach standard
    /// out before `finish` (the head depends on the whole run). Fails when
    /// no file can be made in `output`'s folder.
    pub fn open(output: Option<&Path>, deferred: bool) -> Result<Self, String> {
        let spool: Option<Box<dyn Spool>> = match output {
            Some(path) => {
                // Made in the report's own folder, which must be writable
                // anyway; it has no name, so an interrupted run leaves
                // nothing behind.
                let file = tempfile::tempfile_in(folder_of(path)).map_err(write_error(path))?;
                Some(Box::new(file))
            }
            None if deferred => Some(match tempfile::tempfile() {
                Ok(file) => Box::new(file),
                Err(e) => {
                    eprintln!(
                        "varning: ingen tillfällig fil ({e}); rapporten hålls i minnet tills körningen är klar"
                    );
                    Box::new(Cursor::new(Vec::new()))
                }
            }),
            None => None,
        };
        Ok(Sink {
            output: output.map(Path::to_path_buf),
            spool,
        })
    }

    pub fn write(&mut self, text: &str) -> Result<(), String> {
        if text.is_empty() {
            return Ok(());
        }
        match &mut self.spool {
            Some(spool) => spool.write_all(text.as_bytes()).map_err(|e| self.error(e)),
            None => {
                print_out(text);
                Ok(())
            }
        }
    }

    /// Writes `head`, what waited, and `tail`: to standard out, or to a
    /// temporary file beside `--output` renamed into place, so a reader
    /// never sees half a report.
    pub fn finish(self, head: &str, tail: &str) -> Result<(), String> {
        let Sink { output, spool } = self;
        let Some(path) = output else {
            print_out(head);
            if let Some(mut spool) = spool {
                spool.rewind().map_err(spool_error)?;
                let mut out = std::io::stdout().lock();
                // A closed pipe (`| head`) is not an error.
                let _ = std::io::copy(&mut spool, &mut out).and_then(|_| out.flush());
            }
            print_out(tail);
            return Ok(());
        };
        let fail = write_error(&path);
        let mut tmp = tempfile::NamedTempFile::new_in(folder_of(&path)).map_err(&fail)?;
        tmp.write_all(head.as_bytes()).map_err(&fail)?;
        if let Some(mut spool) = spool {
            spool.rewind().map_err(&fail)?;
            std::io::copy(&mut spool, &mut tmp).map_err(&fail)?;
        }
        tmp.write_all(tail.as_bytes()).map_err(&fail)?;
        tmp.as_file().sync_all().map_err(&fail)?;
        // A temporary file is private to its owner; a report is not.
        let permissions = match std::fs::metadata(&path) {
            Ok(meta) => Some(meta.permissions()),
            Err(_) => readable_by_all(),
        };
        if let Some(p) = permissions {
            let _ = std::fs::set_permissions(tmp.path(), p);
        }
        tmp.persist(&path).map_err(|e| fail(e.error))?;
        Ok(())
    }

    fn error(&self, e: std::io::Error) -> String {
        match &self.output {
            Some(path) => write_error(path)(e),
            None => spool_error(e),
        }
    }
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

fn write_error(path: &Path) -> impl Fn(std::io::Error) -> String + '_ {
    move |e| format!("kunde inte skriva rapporten till {}: {e}", path.display())
}

fn spool_error(e: std::io::Error) -> String {
    format!("kunde inte skriva rapporten till en tillfällig fil: {e}")
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
