//! `styrkoll init`: write a commented starter `styrkoll.yaml`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use styrkoll::config::STARTER;

pub fn run(dir: &Path, force: bool) -> ExitCode {
    let path = dir.join("styrkoll.yaml");
    if path.exists() && !force {
        eprintln!(
            "fel: {} finns redan; använd --force för att skriva över den",
            path.display()
        );
        return ExitCode::from(2);
    }
    if !dir.is_dir() {
        eprintln!("fel: {} är ingen mapp", dir.display());
        return ExitCode::from(2);
    }
    let written = tempfile::NamedTempFile::new_in(dir).and_then(|mut tmp| {
        tmp.write_all(STARTER.as_bytes())?;
        tmp.persist(&path).map_err(|e| e.error)?;
        Ok(())
    });
    match written {
        Ok(()) => {
            eprintln!("skrev {}", path.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("fel: kunde inte skriva {}: {e}", path.display());
            ExitCode::from(2)
        }
    }
}
