//! `encoding`: the file was not plain UTF-8 and was decoded from another
//! character encoding.
//!
//! **What it does.** Reports once, at the document's title or first line,
//! which encoding the file was read in when it was not UTF-8 without a byte
//! order mark: UTF-16 (with a byte order mark) or Windows-1252 (which also
//! covers ISO-8859-1 for every printable character). UTF-8 with a byte order
//! mark is plain UTF-8 and gives nothing.
//!
//! **Why.** The text was read correctly (å, ä, ö included), but other tools
//! in the chain — diff, search, a web publishing system — may not guess the
//! encoding and show `Ã¥` for `å`. Saving the file as UTF-8 removes the risk.

use super::{Ctx, Finding};
use serde::Deserialize;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Params {}

pub fn check(ctx: &Ctx, _p: &Params) -> Vec<Finding> {
    match ctx.decoded_from {
        Some(encoding) => {
            vec![Finding::at(ctx.document_span()).arg("encoding", display_name(encoding))]
        }
        None => Vec::new(),
    }
}

/// The name a user knows the encoding by. A Latin-1 file cannot be told
/// from a Windows-1252 file by its Swedish letters, so both are named.
fn display_name(label: &str) -> &str {
    match label {
        "windows-1252" => "Windows-1252 (ISO-8859-1)",
        "UTF-16LE" => "UTF-16 (little endian)",
        "UTF-16BE" => "UTF-16 (big endian)",
        other => other,
    }
}
