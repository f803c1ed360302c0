//! The subcommands of the command line. Only arguments, printing and exit
//! codes live here; the work is done by the library.

pub mod check;
mod check_chunks;
mod check_file;
pub mod configs;
pub mod init;
pub mod lsp;
pub mod new;
mod output;
mod progress;
pub mod serve;
mod walk;
