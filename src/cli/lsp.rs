//! `styrkoll lsp`: the language server over standard in and out.

use std::process::ExitCode;
use styrkoll::lsp::{self, Ending};

#[derive(clap::Args)]
pub struct LspArgs {
    /// Kommunicera över standard in och ut (standard; finns för klienter som skickar flaggan)
    #[arg(long)]
    stdio: bool,
}

pub fn run(args: LspArgs) -> ExitCode {
    let _ = args.stdio;
    let (connection, io_threads) = lsp_server::Connection::stdio();
    let ending = lsp::run(&connection);
    // Closing our end lets the writer thread finish sending and stop.
    drop(connection);
    if let Err(e) = io_threads.join() {
        eprintln!("styrkoll lsp: {e}");
    }
    // The protocol: exit code 0 after shutdown, 1 otherwise.
    match ending {
        Ending::Clean => ExitCode::SUCCESS,
        Ending::ExitWithoutShutdown | Ending::Disconnected => ExitCode::from(1),
    }
}
