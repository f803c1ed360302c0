//! The subcommands of the command line. Only arguments, printing and exit
//! codes live here; the work is done by the library.

pub mod check;
pub mod init;
pub mod lsp;
pub mod new;
