//! `styrkoll init`: write a commented starter `styrkoll.yaml`.

use std::path::Path;
use std::process::ExitCode;
use styrkoll::config::STARTER;
use styrkoll::templates::{write_file, WriteError};

pub fn run(dir: &Path, force: bool) -> ExitCode {
    let path = dir.join("styrkoll.yaml");
    match write_file(&path, STARTER, force) {
        Ok(()) => {
            eprintln!("skrev {}", path.display());
            ExitCode::SUCCESS
        }
        Err(e @ WriteError::Exists(_)) => {
            eprintln!("fel: {e}; använd --force för att skriva över den");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("fel: {e}");
            ExitCode::from(2)
        }
    }
}
