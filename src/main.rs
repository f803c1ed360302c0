//! The `styrkoll` command line: parse arguments, call the library, print,
//! and map the outcome to an exit code (0 clean, 1 findings, 2 usage or
//! configuration error, 3 an input could not be read). The subcommands live
//! in `src/cli/`.

mod cli;

use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use styrkoll::config::Config;
use styrkoll::templates::TemplateKind;
use styrkoll::{explain, Lang};

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
    Check(cli::check::CheckArgs),
    /// Lista alla regler
    Rules {
        #[arg(long, value_enum, default_value_t = RulesFormat::Table)]
        format: RulesFormat,
        #[arg(long, value_enum, default_value_t = Lang::Sv)]
        lang: Lang,
        #[command(flatten)]
        config: ConfigArgs,
    },
    /// Visa dokumentationen för en regel (id eller namn, t.ex. HP003)
    Explain {
        rule: String,
        #[arg(long, value_enum, default_value_t = Lang::Sv)]
        lang: Lang,
        #[command(flatten)]
        config: ConfigArgs,
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
        /// Mallens format: md (Markdown) eller docx (Word); standard: efter
        /// --out-filens ändelse, annars md
        #[arg(long, value_enum)]
        format: Option<NewFormat>,
    },
    /// Språkserver (LSP) för editorer, över standard in och ut
    Lsp(cli::lsp::LspArgs),
    /// Öppna en webbsida på den här datorn där man släpper ett dokument och ser vad som ska rättas
    Serve(cli::serve::ServeArgs),
    /// Skriv en kommenterad styrkoll.yaml att börja från
    Init {
        /// Mappen att skriva styrkoll.yaml i
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Skriv över en befintlig fil
        #[arg(long)]
        force: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum NewFormat {
    Md,
    Docx,
}

#[derive(Clone, Copy, ValueEnum)]
enum RulesFormat {
    Table,
    Json,
    Markdown,
}

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    quiet_pdf_panics();
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => cli::check::run(args),
        Command::Init { dir, force } => cli::init::run(&dir, force),
        Command::Lsp(args) => cli::lsp::run(args),
        Command::Serve(args) => cli::serve::run(args),
        Command::New {
            kind,
            out,
            force,
            format,
        } => {
            let docx = match format {
                Some(f) => matches!(f, NewFormat::Docx),
                None => out
                    .as_ref()
                    .and_then(|p| p.extension())
                    .is_some_and(|e| e.eq_ignore_ascii_case("docx")),
            };
            cli::new::run(kind, out.as_deref(), force, docx)
        }
        Command::Rules {
            format,
            lang,
            config,
        } => {
            let Some(config) = config.load() else {
                return ExitCode::from(2);
            };
            let engine = &config.engine;
            let out = match format {
                RulesFormat::Table => explain::rules_table(engine, lang),
                RulesFormat::Json => explain::rules_json(engine, lang),
                RulesFormat::Markdown => explain::rules_markdown(engine),
            };
            print_out(&out);
            ExitCode::SUCCESS
        }
        Command::Explain { rule, lang, config } => {
            let Some(config) = config.load() else {
                return ExitCode::from(2);
            };
            match config.engine.find_rule(&rule) {
                Some((pack, r)) => {
                    print_out(&explain::explain(pack, r, lang));
                    ExitCode::SUCCESS
                }
                None => {
                    eprintln!(
                        "fel: ingen regel heter {rule:?}; `styrkoll rules` listar alla regler"
                    );
                    ExitCode::from(2)
                }
            }
        }
    }
}

/// A panic inside the PDF reader is caught and reported as an error for that
/// file; its panic message would only confuse, so it is not printed.
fn quiet_pdf_panics() {
    #[cfg(feature = "pdf")]
    {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !styrkoll::source::pdf::inside_extraction() {
                default(info);
            }
        }));
    }
}

/// The built-in packs; a broken pack is a bug, reported with its position.
/// Which configuration `rules` and `explain` describe: the one `check`
/// would use for the current folder, so that parameters set there
/// (`{max}` in a help text) and rules from `extra_packs` are shown.
#[derive(clap::Args)]
struct ConfigArgs {
    /// Konfigurationsfil (annars styrkoll.yaml i aktuell mapp eller närmaste överliggande)
    #[arg(long, value_name = "FIL", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Beskriv de inbyggda reglerna utan styrkoll.yaml
    #[arg(long)]
    no_config: bool,
}

impl ConfigArgs {
    /// The configuration, or `None` when it is broken (the error is printed).
    fn load(&self) -> Option<Config> {
        cli::configs::for_current_folder(self.config.as_deref(), self.no_config)
            .ok()
            .map(|(_, config)| config)
    }
}

/// Writes to stdout; a closed pipe (`styrkoll rules | head`) is not an error.
pub(crate) fn print_out(s: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(s.as_bytes());
    let _ = out.flush();
}
