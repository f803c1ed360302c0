//! `contact-info`: no private persons' e-mail addresses or mobile numbers.
//!
//! **What it does.** Reports e-mail addresses whose local part looks like a
//! person's name — two or more name parts joined by `.`, `_` or `-`
//! (`anna.berg@`, `a.berg@`, `anna-karin.lind2@`) — unless the whole local
//! part or one of its parts is a functional mailbox listed in `functional`
//! (`registrator`, `info`, `kansli` …). A single word (`anna@`) is not
//! reported: it cannot be told from `ekonomi@`. It also reports Swedish
//! mobile numbers: `0` or `+46`/`0046` (with an optional `(0)`), a mobile
//! prefix from `mobile_prefixes` (`70` …) and seven more digits, spaced or
//! hyphenated as people write them (`070-123 45 67`, `0701234567`,
//! `+46 70 123 45 67`). Landline and switchboard numbers (`090-785 00 00`)
//! are not reported. The finding carries only a masked form as `{masked}`
//! (`a***@region.se`, `070-*** ** **`) and the variant `mobile` for phones.
//!
//! **Why.** A published document that names a case officer's own address or
//! mobile number spreads personal data that a functional mailbox or the
//! switchboard would serve as well, and it goes stale when people move on.

use super::{Ctx, Finding};
use crate::model::Span;
use crate::pattern::Pattern as LazyRegex;
use crate::personnummer::{joined_after, joined_before};
use serde::Deserialize;
use std::sync::LazyLock;

static EMAIL: LazyLock<LazyRegex> = LazyLock::new(|| {
    LazyRegex::lazy(r"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}")
});

/// A Swedish number with a `7x` prefix: group 1 ends with the prefix.
static MOBILE: LazyLock<LazyRegex> = LazyLock::new(|| {
    LazyRegex::lazy(
        r"(?:(?:\+46|0046)[ \u{A0}\-]?(?:\(0\)[ \u{A0}]?)?|0)(7[0-9])(?:[ \u{A0}\-\u{2011}\u{2013}]?[0-9]){7}",
    )
});

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Local parts of functional mailboxes (lower case): an address whose
    /// local part, or one part of it, is listed here is not personal.
    pub functional: Vec<String>,
    /// The two digits after `0` that make a number a mobile number.
    #[serde(default = "default_mobile_prefixes")]
    pub mobile_prefixes: Vec<String>,
}

fn default_mobile_prefixes() -> Vec<String> {
    ["70", "72", "73", "76", "79"].map(String::from).to_vec()
}

pub fn check(ctx: &Ctx, p: &Params) -> Vec<Finding> {
    let mut out = emails(ctx.text, p);
    out.extend(mobiles(ctx.text, p));
    out.sort_by_key(|f| f.span.start);
    out
}

/// The local part looks like a person's name and is no functional mailbox.
fn is_personal(local: &str, functional: &[String]) -> bool {
    let local = local.to_lowercase();
    let parts: Vec<&str> = local.split(['.', '_', '-']).collect();
    let listed = |w: &str| functional.iter().any(|f| f.eq_ignore_ascii_case(w));
    if listed(&local) || parts.iter().any(|w| listed(w)) || parts.len() < 2 {
        return false;
    }
    let last = parts.len() - 1;
    let name_like = parts.iter().enumerate().all(|(i, w)| {
        // Digits may end the last part (`anna.berg2`), nothing else may.
        let letters = if i == last {
            w.trim_end_matches(|c: char| c.is_ascii_digit())
        } else {
            w
        };
        !letters.is_empty() && letters.chars().all(char::is_alphabetic)
    });
    name_like
        && parts
            .iter()
            .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
}

fn emails(text: &str, p: &Params) -> Vec<Finding> {
    let Some(re) = EMAIL.re() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for m in re.find_iter(text) {
        // `…anna.berg@` after an ellipsis: dots cannot start a local part.
        let found = m.as_str();
        let trimmed = found.trim_start_matches(['.', '-', '_']);
        let start = m.start() + found.len() - trimmed.len();
        let Some((local, domain)) = trimmed.split_once('@') else {
            continue;
        };
        if local.ends_with('.') || !is_personal(local, &p.functional) {
            continue;
        }
        let first: String = local.chars().take(1).collect();
        out.push(
            Finding::at(Span::new(start, m.end())).arg("masked", format!("{first}***@{domain}")),
        );
    }
    out
}

fn mobiles(text: &str, p: &Params) -> Vec<Finding> {
    let Some(re) = MOBILE.re() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for c in re.captures_iter(text) {
        let (Some(m), Some(prefix)) = (c.get(0), c.get(1)) else {
            continue;
        };
        if joined_before(text, m.start())
            || joined_after(text, m.end())
            || !p.mobile_prefixes.iter().any(|x| x == prefix.as_str())
        {
            continue;
        }
        let shown = text.get(m.start()..prefix.end()).unwrap_or("");
        let hidden: String = text
            .get(prefix.end()..m.end())
            .unwrap_or("")
            .chars()
            .map(|c| if c.is_ascii_digit() { '*' } else { c })
            .collect();
        out.push(
            Finding::at(Span::new(m.start(), m.end()))
                .variant("mobile")
                .arg("masked", format!("{shown}{hidden}")),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params() -> Params {
        Params {
            functional: [
                "registrator",
                "info",
                "kansli",
                "region",
                "kontakt",
                "noreply",
            ]
            .map(String::from)
            .to_vec(),
            mobile_prefixes: default_mobile_prefixes(),
        }
    }

    fn masked(text: &str) -> Vec<String> {
        let p = params();
        let mut f = emails(text, &p);
        f.extend(mobiles(text, &p));
        f.into_iter()
            .filter_map(|f| f.args.into_iter().find(|(k, _)| *k == "masked"))
            .map(|(_, v)| v)
            .collect()
    }

    #[test]
    fn regexes_compile() {
        assert!(EMAIL.re().is_some() && MOBILE.re().is_some());
    }

    #[test]
    fn personal_and_functional_addresses() {
        assert_eq!(
            masked("Kontakta anna.berg@region.se eller registrator@region.se."),
            ["a***@region.se"]
        );
        assert_eq!(
            masked("Skriv till åsa-lena.öberg@kommun.se"),
            ["å***@kommun.se"]
        );
        assert_eq!(
            masked("a.berg@region.se, per_lind2@region.se"),
            ["a***@region.se", "p***@region.se"]
        );
        for functional in [
            "info@region.se",
            "kansli.hsn@region.se",
            "region.vasterbotten@regionvasterbotten.se",
            "noreply@region.se",
            "anna@region.se",
            "hsn2024@region.se",
        ] {
            assert_eq!(masked(functional), Vec::<String>::new(), "{functional}");
        }
    }

    #[test]
    fn mobile_numbers_in_every_spelling() {
        assert_eq!(masked("Ring 070-123 45 67."), ["070-*** ** **"]);
        assert_eq!(masked("mobil 0731234567"), ["073*******"]);
        assert_eq!(masked("+46 70 123 45 67"), ["+46 70 *** ** **"]);
        assert_eq!(masked("+46 (0)76-123 45 67"), ["+46 (0)76-*** ** **"]);
        assert_eq!(masked("0046701234567"), ["004670*******"]);
    }

    #[test]
    fn numbers_that_are_not_mobiles() {
        for text in [
            "Växel 090-785 00 00",
            "Telefon 08-123 456 78",
            "2007-01-23 och 20070123",
            "Dnr 1070-123 45 67",
            "Dnr RUN 62-2024",
            "0771-123 456",
        ] {
            assert_eq!(masked(text), Vec::<String>::new(), "{text}");
        }
    }
}
