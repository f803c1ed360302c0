//! `styrkoll new`: write a document skeleton.

use crate::print_out;
use std::path::Path;
use std::process::ExitCode;
use styrkoll::templates::{self, TemplateKind, WriteError};

pub fn run(kind: TemplateKind, out: Option<&Path>, force: bool) -> ExitCode {
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
