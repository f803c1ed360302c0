//! `personal-number`: no personnummer or samordningsnummer in the text.
//!
//! **What it does.** Reports every personal identity number (`number:
//! personnummer`) or co-ordination number (`number: samordningsnummer`, the
//! day plus 60) whose check digit is right, in every written form:
//! `YYMMDD-NNNC`, `YYMMDD+NNNC`, `YYMMDDNNNC`, `YYYYMMDD-NNNC`,
//! `YYYYMMDDNNNC` (see `crate::personnummer`). The whole file is read —
//! front matter and `<!-- -->` comments too, since they are published with
//! the file. A number directly after a word in `ignore_after` (matched
//! against the line up to the number: `Tel:`, `Faktura nr`) is taken to be
//! what that word says. The finding carries only the masked number
//! (`780101-****`) as `{masked}`: the full number never reaches a message.
//!
//! **Why.** A document that goes to decision is an allmän handling and is
//! usually published; a personal identity number in it spreads personal
//! data that dataskyddslagen (2018:218) 3 kap. 10 § allows only when it is
//! clearly justified.

use super::{Ctx, Finding};
use crate::model::Span;
use crate::personnummer::NumberKind;
use crate::profile::schema::Pattern;
use serde::Deserialize;

/// Which kind of number the rule reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Number {
    Personnummer,
    Samordningsnummer,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    pub number: Number,
    /// Text right before a number (same line) that says it is something
    /// else: a phone, invoice or account number. Anchor with `$`.
    #[serde(default)]
    pub ignore_after: Vec<Pattern>,
}

pub fn check(ctx: &Ctx, p: &Params) -> Vec<Finding> {
    let want = match p.number {
        Number::Personnummer => NumberKind::Personnummer,
        Number::Samordningsnummer => NumberKind::Samordningsnummer,
    };
    ctx.identity_numbers()
        .iter()
        .filter(|n| n.kind == want)
        .filter(|n| {
            let before = ctx.text.get(..n.start).unwrap_or("");
            let line = before.rsplit('\n').next().unwrap_or(before);
            !p.ignore_after.iter().any(|pat| pat.is_match(line))
        })
        .map(|n| Finding::at(Span::new(n.start, n.end)).arg("masked", n.masked()))
        .collect()
}
