//! `styrkoll check`: find the files, their configuration, check them,
//! optionally fix them, and report.

use crate::print_out;
use clap::ValueEnum;
use std::collections::HashMap;
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use styrkoll::config::Config;
use styrkoll::report::{self, FileError, Summary};
use styrkoll::source::{self, Source, DEFAULT_MAX_FILE_SIZE};
use styrkoll::{fix, FileReport, Lang};

#[derive(clap::Args)]
pub struct CheckArgs {
    /// Filer eller mappar att granska; `-` läser standard in
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Tvinga en dokumenttyp (profil) i stället för att känna igen den
    #[arg(long)]
    profile: Option<String>,
    /// Språk för meddelanden (standard: styrkoll.yaml, annars sv)
    #[arg(long, value_enum)]
    lang: Option<Lang>,
    /// `--deny warnings` låter varningar ge felkod 1
    #[arg(long, value_enum)]
    deny: Option<Deny>,
    /// Filnamn att visa för text från standard in
    #[arg(long)]
    stdin_filename: Option<String>,
    /// Största filstorlek i byte
    #[arg(long, default_value_t = DEFAULT_MAX_FILE_SIZE)]
    max_file_size: u64,
    /// Färger i terminalen: auto, always, never
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Konfigurationsfil (annars letas styrkoll.yaml upp från varje fil och uppåt)
    #[arg(long, conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Använd ingen styrkoll.yaml
    #[arg(long)]
    no_config: bool,
    /// Rätta det som har en entydig rättelse (bara .md och .txt) och skriv filen
    #[arg(long, conflicts_with = "diff")]
    fix: bool,
    /// Visa rättelserna som diff utan att skriva något
    #[arg(long)]
    diff: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum Deny {
    Warnings,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// The configurations in use, each loaded once.
struct Configs {
    explicit: Option<Config>,
    builtin: Option<Config>,
    found: HashMap<PathBuf, Config>,
    no_config: bool,
}

impl Configs {
    /// The configuration for a checked path; `Err` is a usage error already
    /// printed.
    fn for_path(&mut self, path: &Path) -> Result<&Config, ()> {
        if self.explicit.is_some() {
            return self.explicit.as_ref().ok_or(());
        }
        let found = if self.no_config {
            None
        } else {
            Config::discover(path)
        };
        match found {
            Some(p) => {
                if !self.found.contains_key(&p) {
                    let c = load(&p)?;
                    self.found.insert(p.clone(), c);
                }
                self.found.get(&p).ok_or(())
            }
            None => {
                if self.builtin.is_none() {
                    self.builtin = Some(Config::builtin().map_err(report_error)?);
                }
                self.builtin.as_ref().ok_or(())
            }
        }
    }
}

fn report_error(e: styrkoll::profile::PackError) {
    eprintln!("{:?}", miette::Report::new(e));
}

fn load(path: &Path) -> Result<Config, ()> {
    Config::load(path).map_err(report_error)
}

pub fn run(args: CheckArgs) -> ExitCode {
    let explicit = match &args.config {
        Some(p) => match load(p) {
            Ok(c) => Some(c),
            Err(()) => return ExitCode::from(2),
        },
        None => None,
    };
    let mut configs = Configs {
        explicit,
        builtin: None,
        found: HashMap::new(),
        no_config: args.no_config,
    };
    let reads_stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
    if args.fix && reads_stdin {
        eprintln!("fel: --fix kan inte skriva tillbaka till standard in; använd --diff");
        return ExitCode::from(2);
    }
    // The language of the summary: --lang, else the configuration of the
    // first path, else Swedish.
    let lang = match args.lang {
        Some(l) => l,
        None => {
            let first = args.paths.first().map_or(Path::new("."), |p| p.as_path());
            let first = if first.as_os_str() == "-" {
                Path::new(".")
            } else {
                first
            };
            match configs.for_path(first) {
                Ok(c) => c.lang(),
                Err(()) => return ExitCode::from(2),
            }
        }
    };

    let mut reports: Vec<FileReport> = Vec::new();
    let mut errors: Vec<FileError> = Vec::new();
    let mut diffs = String::new();
    for path in &args.paths {
        if path.as_os_str() == "-" {
            let name = args
                .stdin_filename
                .clone()
                .unwrap_or_else(|| "<stdin>".into());
            let mut bytes = Vec::new();
            let read = std::io::stdin()
                .take(args.max_file_size + 1)
                .read_to_end(&mut bytes);
            let src = read
                .map_err(source::LoadError::from)
                .and_then(|_| source::from_bytes(&name, &bytes, args.max_file_size));
            match src {
                Ok(src) => match check_one(&mut configs, &args, Path::new(&name), &src) {
                    Ok(r) => {
                        if args.diff {
                            diffs.push_str(&diff_of(&r));
                        }
                        reports.push(r);
                    }
                    Err(()) => return ExitCode::from(2),
                },
                Err(e) => errors.push(FileError {
                    path: name,
                    message: e.to_string(),
                }),
            }
            continue;
        }
        let files = match collect_files(path) {
            Ok(files) => files,
            Err(message) => {
                errors.push(FileError {
                    path: path.display().to_string(),
                    message,
                });
                continue;
            }
        };
        for f in files {
            let src = match source::load_path(&f, args.max_file_size) {
                Ok(src) => src,
                Err(e) => {
                    errors.push(FileError {
                        path: f.display().to_string(),
                        message: e.to_string(),
                    });
                    continue;
                }
            };
            let Ok(mut report) = check_one(&mut configs, &args, &f, &src) else {
                return ExitCode::from(2);
            };
            if args.diff {
                diffs.push_str(&diff_of(&report));
            } else if args.fix {
                if let Some(fixed) = fix_file(&mut configs, &args, &f, &src, &report) {
                    report = fixed;
                }
            }
            reports.push(report);
        }
    }

    if args.diff {
        print_out(&diffs);
        for e in &errors {
            eprint!("{}", report::human::render_error(e, lang));
        }
        return if !errors.is_empty() {
            ExitCode::from(3)
        } else if diffs.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        };
    }
    let summary = Summary::of(&reports, &errors);
    match args.format {
        Format::Json => print_out(&format!("{}\n", report::json::render(&reports, &errors))),
        Format::Human => {
            let color = match args.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => {
                    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
                }
            };
            let style = report::human::Style { color, width: 100 };
            let mut out = String::new();
            for r in &reports {
                out.push_str(&report::human::render_file(r, lang, style));
            }
            print_out(&out);
            for e in &errors {
                eprint!("{}", report::human::render_error(e, lang));
            }
            print_out(&format!(
                "{}\n",
                report::human::summary_line(&summary, lang)
            ));
        }
    }
    exit_code(&summary, matches!(args.deny, Some(Deny::Warnings)))
}

/// Checks one source with the configuration that governs its path.
fn check_one(
    configs: &mut Configs,
    args: &CheckArgs,
    path: &Path,
    src: &Source,
) -> Result<FileReport, ()> {
    let config = configs.for_path(path)?;
    let mut opts = config.options_for(path);
    opts.lang = args.lang.unwrap_or(opts.lang);
    if let Some(p) = &args.profile {
        opts.profile = Some(p.clone());
    }
    if let Some(p) = &opts.profile {
        if !config.engine.profile_names().contains(&p.as_str()) {
            eprintln!(
                "fel: okänd profil {p:?}; välj en av: {}",
                config.engine.profile_names().join(", ")
            );
            return Err(());
        }
    }
    Ok(config.engine.check(src, &opts))
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
    configs: &mut Configs,
    args: &CheckArgs,
    path: &Path,
    src: &Source,
    report: &FileReport,
) -> Option<FileReport> {
    let (new, n) = fix::apply(&src.text, &report.diagnostics);
    if n == 0 {
        return None;
    }
    if let Err(e) = fix::write(path, &src.text, &new) {
        eprintln!("varning: {} rättades inte: {e}", path.display());
        return None;
    }
    eprintln!("rättade {n} fynd i {}", path.display());
    let fixed = Source {
        name: src.name.clone(),
        text: new,
        decoded_from: src.decoded_from,
        origin: src.origin.clone(),
    };
    check_one(configs, args, path, &fixed).ok()
}

fn exit_code(s: &Summary, deny_warnings: bool) -> ExitCode {
    if s.unreadable > 0 {
        ExitCode::from(3)
    } else if s.errors > 0 || (deny_warnings && s.warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The documents under a path: the file itself, or the `.md`, `.txt`,
/// `.docx` and `.pdf` files of a directory (hidden entries and Word's lock
/// files `~$…` skipped), sorted by path.
fn collect_files(path: &Path) -> Result<Vec<PathBuf>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("kunde inte läsa: {e}"))?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(path)
        .follow_links(false)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.map_err(|e| format!("kunde inte läsa mappen: {e}"))?;
        if entry.file_type().is_file() {
            let ext = entry
                .path()
                .extension()
                .map(|e| e.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            let lock_file = entry.file_name().to_string_lossy().starts_with("~$");
            if matches!(ext.as_str(), "md" | "markdown" | "txt" | "docx" | "pdf") && !lock_file {
                files.push(entry.into_path());
            }
        }
    }
    files.sort();
    Ok(files)
}
