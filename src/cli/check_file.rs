//! One document's work in `styrkoll check`: load it, check it with the
//! configuration that governs it, and diff or fix it. Runs on any thread;
//! what it has to say on stderr is returned, not printed, so that it comes
//! out in file order.

use crate::cli::check::CheckArgs;
use crate::cli::configs::Configs;
use std::path::{Path, PathBuf};
use styrkoll::config::Config;
use styrkoll::report::FileError;
use styrkoll::source::{self, Source};
use styrkoll::{fix, FileReport};

/// One document to check, with the configuration that governs it.
pub struct Job {
    /// The path its configuration is found from and its report names.
    pub path: PathBuf,
    pub input: Input,
    pub config: usize,
}

pub enum Input {
    File,
    /// Text already read (standard in).
    Text(Source),
}

/// What checking one document gave.
#[derive(Default)]
pub struct Outcome {
    pub report: Option<FileReport>,
    pub error: Option<FileError>,
    pub diff: String,
    /// Lines for stderr, printed in file order when the file's chunk is
    /// done.
    pub notes: Vec<String>,
}

/// Loads, checks and (with `--fix`) fixes one document.
pub fn process(job: &Job, configs: &Configs, args: &CheckArgs) -> Outcome {
    let config = configs.get(job.config);
    let loaded;
    let src = match &job.input {
        Input::Text(src) => src,
        Input::File => match source::load_path(&job.path, args.max_file_size) {
            Ok(s) => {
                loaded = s;
                &loaded
            }
            Err(e) => {
                return Outcome {
                    error: Some(FileError {
                        path: job.path.display().to_string(),
                        message: e.to_string(),
                    }),
                    ..Outcome::default()
                }
            }
        },
    };
    if let Err(e) = source::check_line_length(src, args.max_line_length) {
        return Outcome {
            error: Some(FileError {
                path: job.path.display().to_string(),
                message: e.to_string(),
            }),
            ..Outcome::default()
        };
    }
    let mut outcome = Outcome::default();
    let mut report = check_one(config, args, &job.path, src);
    if args.diff {
        outcome.diff = diff_of(&report);
    } else if args.fix {
        if let Some(fixed) = fix_file(config, args, &job.path, src, &report, &mut outcome.notes) {
            report = fixed;
        }
    }
    outcome.report = Some(report);
    outcome
}

/// Checks one source with the configuration that governs its path.
fn check_one(config: &Config, args: &CheckArgs, path: &Path, src: &Source) -> FileReport {
    let mut opts = config.options_for(path);
    opts.lang = args.lang.unwrap_or(opts.lang);
    if let Some(p) = &args.profile {
        opts.profile = Some(p.clone());
    }
    config.engine.check(src, &opts)
}

fn diff_of(r: &FileReport) -> String {
    // A Word or PDF file is not the text the fixes apply to.
    if !r.places.is_empty() {
        return String::new();
    }
    let (new, n) = fix::apply(&r.text, &r.diagnostics);
    if n == 0 {
        return String::new();
    }
    fix::diff(&r.path, &r.text, &new)
}

/// Applies the fixes to the file and re-checks it; `None` when nothing
/// changed (the file is then not touched).
fn fix_file(
    config: &Config,
    args: &CheckArgs,
    path: &Path,
    src: &Source,
    report: &FileReport,
    notes: &mut Vec<String>,
) -> Option<FileReport> {
    let (new, n) = fix::apply(&src.text, &report.diagnostics);
    if n == 0 {
        return None;
    }
    if let Err(e) = fix::write(path, &src.text, &new) {
        notes.push(format!("varning: {} rättades inte: {e}", path.display()));
        return None;
    }
    notes.push(format!("rättade {n} fynd i {}", path.display()));
    let fixed = Source {
        name: src.name.clone(),
        text: new,
        decoded_from: src.decoded_from,
        origin: src.origin.clone(),
    };
    Some(check_one(config, args, path, &fixed))
}
