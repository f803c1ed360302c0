//! The `styrkoll` command line: parse arguments, call the library, print,
//! and map the outcome to an exit code (0 clean, 1 findings, 2 usage or
//! configuration error, 3 an input could not be read).

use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use styrkoll::report::{self, FileError, Summary};
use styrkoll::source::{self, DEFAULT_MAX_FILE_SIZE};
use styrkoll::templates::{self, TemplateKind, WriteError};
use styrkoll::{CheckOptions, Engine, FileReport, Lang};

use styrkoll::explain;

#[derive(Parser)]
#[command(
    name = "styrkoll",
    version,
    about = "Granskar styrdokument (handlingsplaner, uppdragsdirektiv, protokoll) mot rutiner, mallar och skrivregler"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Granska dokument (filer, mappar, eller - för standard in)
    Check(CheckArgs),
    /// Lista alla regler
    Rules {
        #[arg(long, value_enum, default_value_t = RulesFormat::Table)]
        format: RulesFormat,
        #[arg(long, value_enum, default_value_t = Lang::Sv)]
        lang: Lang,
    },
    /// Visa dokumentationen för en regel (id eller namn, t.ex. HP003)
    Explain {
        rule: String,
        #[arg(long, value_enum, default_value_t = Lang::Sv)]
        lang: Lang,
    },
    /// Skriv ett dokumentskelett (en mall med vägledning i kommentarer)
    New {
        /// Dokumenttyp
        #[arg(value_enum, value_name = "TYP")]
        kind: TemplateKind,
        /// Fil att skriva; utan den skrivs mallen till standard ut
        #[arg(long, short, value_name = "FIL")]
        out: Option<PathBuf>,
        /// Skriv över filen om den redan finns
        #[arg(long, requires = "out")]
        force: bool,
        /// Mallens format: md (Markdown)
        #[arg(long, value_enum, default_value_t = NewFormat::Md)]
        format: NewFormat,
    },
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Filer eller mappar att granska; `-` läser standard in
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Tvinga en dokumenttyp (profil) i stället för att känna igen den
    #[arg(long)]
    profile: Option<String>,
    #[arg(long, value_enum, default_value_t = Lang::Sv)]
    lang: Lang,
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
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum RulesFormat {
    Table,
    Json,
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
enum NewFormat {
    Md,
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let engine = match Engine::builtin() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("{:?}", miette::Report::new(e));
            return ExitCode::from(2);
        }
    };
    match cli.command {
        Command::Check(args) => check(&engine, args),
        Command::Rules { format, lang } => {
            let out = match format {
                RulesFormat::Table => explain::rules_table(&engine, lang),
                RulesFormat::Json => explain::rules_json(&engine, lang),
                RulesFormat::Markdown => explain::rules_markdown(&engine),
            };
            print_out(&out);
            ExitCode::SUCCESS
        }
        Command::New {
            kind,
            out,
            force,
            format: NewFormat::Md,
        } => new(kind, out.as_deref(), force),
        Command::Explain { rule, lang } => match engine.find_rule(&rule) {
            Some((pack, r)) => {
                print_out(&explain::explain(pack, r, lang));
                ExitCode::SUCCESS
            }
            None => {
                eprintln!("fel: ingen regel heter {rule:?}; `styrkoll rules` listar alla regler");
                ExitCode::from(2)
            }
        },
    }
}

fn print_out(s: &str) {
    let mut out = std::io::stdout().lock();
    // A closed pipe (`styrkoll rules | head`) is not an error worth a panic.
    let _ = out.write_all(s.as_bytes());
    let _ = out.flush();
}

fn new(kind: TemplateKind, out: Option<&Path>, force: bool) -> ExitCode {
    let Some(path) = out else {
        print_out(kind.text());
        return ExitCode::SUCCESS;
    };
    match templates::write_file(path, kind.text(), force) {
        Ok(()) => {
            eprintln!(
                "skrev {}: ersätt kommentarerna <!-- … --> med egen text och granska med `styrkoll check {}`",
                path.display(),
                path.display()
            );
            ExitCode::SUCCESS
        }
        Err(e @ WriteError::Exists(_)) => {
            eprintln!("fel: {e}; lägg till --force för att skriva över den");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("fel: {e}");
            ExitCode::from(2)
        }
    }
}

fn check(engine: &Engine, args: CheckArgs) -> ExitCode {
    if let Some(p) = &args.profile {
        if !engine.profile_names().contains(&p.as_str()) {
            eprintln!(
                "fel: okänd profil {p:?}; välj en av: {}",
                engine.profile_names().join(", ")
            );
            return ExitCode::from(2);
        }
    }
    let opts = CheckOptions {
        lang: args.lang,
        profile: args.profile.clone(),
    };
    let mut reports: Vec<FileReport> = Vec::new();
    let mut errors: Vec<FileError> = Vec::new();
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
                Ok(src) => reports.push(engine.check(&src, &opts)),
                Err(e) => errors.push(FileError {
                    path: name,
                    message: e.to_string(),
                }),
            }
            continue;
        }
        match collect_files(path) {
            Ok(files) => {
                for f in files {
                    match source::load_path(&f, args.max_file_size) {
                        Ok(src) => reports.push(engine.check(&src, &opts)),
                        Err(e) => errors.push(FileError {
                            path: f.display().to_string(),
                            message: e.to_string(),
                        }),
                    }
                }
            }
            Err(message) => errors.push(FileError {
                path: path.display().to_string(),
                message,
            }),
        }
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
                out.push_str(&report::human::render_file(r, args.lang, style));
            }
            print_out(&out);
            for e in &errors {
                eprint!("{}", report::human::render_error(e, args.lang));
            }
            print_out(&format!(
                "{}\n",
                report::human::summary_line(&summary, args.lang)
            ));
        }
    }
    exit_code(&summary, matches!(args.deny, Some(Deny::Warnings)))
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

/// The documents under a path: the file itself, or the `.md`/`.txt` files
/// of a directory (hidden entries skipped), sorted by path.
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
            if matches!(ext.as_str(), "md" | "markdown" | "txt") {
                files.push(entry.into_path());
            }
        }
    }
    files.sort();
    Ok(files)
}
