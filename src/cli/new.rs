//! `styrkoll new`: write a document skeleton.

use crate::print_out;
use std::path::Path;
use std::process::ExitCode;
use styrkoll::templates::{self, TemplateKind, WriteError};

pub fn run(kind: TemplateKind, out: Option<&Path>, force: bool, docx: bool) -> ExitCode {
    let Some(path) = out else {
        if docx {
            eprintln!("fel: --format docx skriver en Word-fil; ange filen med --out FIL.docx");
            return ExitCode::from(2);
        }
        print_out(kind.text());
        return ExitCode::SUCCESS;
    };
    let written = if docx {
        match styrkoll::source::docx::write::from_markdown(kind.text()) {
            Ok(bytes) => templates::write_bytes(path, &bytes, force),
            Err(e) => {
                eprintln!("fel: kunde inte skapa Word-filen: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        templates::write_file(path, kind.text(), force)
    };
    match written {
        Ok(()) => {
            let what = if docx {
                "ersätt den grå vägledningen med egen text"
            } else {
                "ersätt kommentarerna <!-- … --> med egen text"
            };
            eprintln!(
                "skrev {}: {what} och granska med `styrkoll check {}`",
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
