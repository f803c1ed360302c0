//! `styrkoll check`: the arguments, finding the files and their
//! configuration, and the exit code; the files are checked, fixed and
//! reported a chunk at a time (`check_chunks`).

use crate::cli::check_chunks::{self, Finished, Run};
use crate::cli::check_file::{Input, Job};
use crate::cli::configs::{Broken, Configs};
use crate::cli::output::{self, Format, Sink};
use crate::cli::progress::Progress;
use crate::cli::walk;
use clap::ValueEnum;
use std::collections::HashSet;
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use styrkoll::report::whole_run::WholeRun;
use styrkoll::report::{self, FileError, Summary};
use styrkoll::source::{self, DEFAULT_MAX_FILE_SIZE, DEFAULT_MAX_LINE_LENGTH};
use styrkoll::Lang;

#[derive(clap::Args)]
pub struct CheckArgs {
    /// Filer eller mappar att granska; `-` läser standard in
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Utdataformat
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub(crate) format: Format,
    /// Skriv rapporten till en fil (sammanfattningen visas ändå i terminalen)
    #[arg(long, short, value_name = "FIL")]
    output: Option<PathBuf>,
    /// Antal trådar; 0 använder alla kärnor
    #[arg(long, default_value_t = 0, value_name = "N")]
    threads: usize,
    /// Tvinga en dokumenttyp (profil) i stället för att känna igen den
    #[arg(long)]
    pub(super) profile: Option<String>,
    /// Språk för meddelanden (standard: styrkoll.yaml, annars sv)
    #[arg(long, value_enum)]
    pub(super) lang: Option<Lang>,
    /// `--deny warnings` låter varningar ge felkod 1
    #[arg(long, value_enum)]
    deny: Option<Deny>,
    /// Filnamn att visa för text från standard in
    #[arg(long)]
    stdin_filename: Option<String>,
    /// Största filstorlek i byte
    #[arg(long, default_value_t = DEFAULT_MAX_FILE_SIZE)]
    pub(super) max_file_size: u64,
    /// Längsta rad i byte; ett dokument med en längre rad granskas inte
    #[arg(long, default_value_t = DEFAULT_MAX_LINE_LENGTH)]
    pub(super) max_line_length: usize,
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
    pub(super) fix: bool,
    /// Visa rättelserna som diff utan att skriva något
    #[arg(long)]
    pub(super) diff: bool,
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

pub fn run(args: CheckArgs) -> ExitCode {
    let Ok(mut configs) = Configs::new(args.config.as_deref(), args.no_config) else {
        return ExitCode::from(2);
    };
    let reads_stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
    if args.fix && reads_stdin {
        eprintln!("fel: --fix kan inte skriva tillbaka till standard in; använd --diff");
        return ExitCode::from(2);
    }
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads)
        .build()
    {
        Ok(pool) => Some(pool),
        Err(e) => {
            eprintln!("varning: kunde inte starta trådar ({e}); granskar en fil i taget");
            None
        }
    };
    // The files are found while the first configuration is loaded (its
    // packs are read in parallel too). The regexes are compiled when first
    // used, by the threads that check.
    let (lang, (mut jobs, errors)) = in_pool(pool.as_ref(), || {
        rayon::join(|| first_lang(&args, &mut configs), || find_documents(&args))
    });
    let Ok(lang) = lang else {
        return ExitCode::from(2);
    };
    for job in &mut jobs {
        match configs.index_for(&job.path) {
            Ok(i) => job.config = i,
            Err(_) => return ExitCode::from(2),
        }
    }
    if let Some(p) = &args.profile {
        for c in configs.all() {
            let names = c.engine.profile_names();
            if !names.contains(&p.as_str()) {
                eprintln!("fel: okänd profil {p:?}; välj en av: {}", names.join(", "));
                return ExitCode::from(2);
            }
        }
    }

    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            args.output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let progress = Progress::new(jobs.len());
    let run = Run {
        jobs: &jobs,
        pool: pool.as_ref(),
        configs: &configs,
        args: &args,
        progress: &progress,
        lang,
    };
    let rules = configs.rules();
    let root = std::env::current_dir().ok();
    let whole_run = output::whole_run(args.format, &rules, root.as_deref(), lang);
    match check_and_report(&run, whole_run.as_deref(), color, errors) {
        Ok(code) => code,
        Err(m) => {
            eprintln!("fel: {m}");
            ExitCode::from(2)
        }
    }
}

/// The language of the summary: --lang, else the configuration of the
/// first path, else Swedish. Loads that configuration.
fn first_lang(args: &CheckArgs, configs: &mut Configs) -> Result<Lang, Broken> {
    if let Some(l) = args.lang {
        return Ok(l);
    }
    let first = args.paths.first().map_or(Path::new("."), |p| p.as_path());
    let first = if first.as_os_str() == "-" {
        Path::new(".")
    } else {
        first
    };
    let i = configs.index_for(first)?;
    Ok(configs.get(i).lang())
}

/// Runs `f` in the pool, so that its parallel parts use the threads asked
/// for; without a pool, here.
fn in_pool<R: Send>(pool: Option<&rayon::ThreadPool>, f: impl FnOnce() -> R + Send) -> R {
    match pool {
        Some(pool) => pool.install(f),
        None => f(),
    }
}

/// Checks the files and writes the report (or the diffs); `Err` when the
/// report cannot be written.
fn check_and_report(
    run: &Run,
    whole_run: Option<&dyn WholeRun>,
    color: bool,
    found: Vec<FileError>,
) -> Result<ExitCode, String> {
    let (args, lang) = (run.args, run.lang);
    // A head that depends on the whole run (SARIF, JUnit) waits for it.
    let deferred = !args.diff && whole_run.is_some_and(|f| !f.fixed_head());
    let sink = Sink::open(args.output.as_deref(), deferred)?;
    if args.diff {
        let (changed, errors) = check_chunks::diffs(run, found, sink)?;
        for e in &errors {
            eprint!("{}", report::human::render_error(e, lang));
        }
        return Ok(if !errors.is_empty() {
            ExitCode::from(3)
        } else if changed {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        });
    }
    let Finished { summary, errors } = match whole_run {
        Some(format) => check_chunks::whole_run(run, format, found, sink)?,
        None => check_chunks::streamed(run, args.format, color, found, sink)?,
    };
    // Unreadable files are in every machine format; a person reading the
    // terminal sees them on stderr.
    if args.format == Format::Human || args.output.is_some() {
        for e in &errors {
            eprint!("{}", report::human::render_error(e, lang));
        }
    }
    if args.output.is_some() {
        eprintln!("{}", report::human::summary_line(&summary, lang));
    }
    Ok(exit_code(
        &summary,
        matches!(args.deny, Some(Deny::Warnings)),
    ))
}

/// The documents named by the arguments, each once, in argument order with
/// every folder's documents sorted; standard in is read here.
fn find_documents(args: &CheckArgs) -> (Vec<Job>, Vec<FileError>) {
    let mut jobs = Vec::new();
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    let single = args.paths.len() == 1;
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
            match read
                .map_err(source::LoadError::from)
                .and_then(|_| source::from_bytes(&name, &bytes, args.max_file_size))
            {
                Ok(src) => jobs.push(Job {
                    path: PathBuf::from(&name),
                    input: Input::Text(src),
                    config: 0,
                }),
                Err(e) => errors.push(FileError {
                    path: name,
                    message: e.to_string(),
                }),
            }
            continue;
        }
        let (files, walk_errors) = walk::documents(path);
        errors.extend(walk_errors);
        for f in files {
            // `check docs docs/a.md` checks (and fixes) a.md once. One path
            // cannot give a file twice (a walk does not follow links, so its
            // paths are different files), and is not resolved file by file.
            if single || seen.insert(std::fs::canonicalize(&f).unwrap_or_else(|_| f.clone())) {
                jobs.push(Job {
                    path: f,
                    input: Input::File,
                    config: 0,
                });
            }
        }
    }
    (jobs, errors)
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
