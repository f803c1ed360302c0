//! Rule documentation: `styrkoll explain ID`, `styrkoll rules` and the
//! README's rule index, all generated from the rule packs.

use crate::diagnostic::Lang;
use crate::engine::Engine;
use crate::profile::{Pack, Rule};
use std::fmt::Write;

fn tr<'a>(lang: Lang, sv: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Sv => sv,
        Lang::En => en,
    }
}

/// The full documentation of one rule.
pub fn explain(pack: &Pack, rule: &Rule, lang: Lang) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} {} ({})",
        rule.id,
        rule.name,
        rule.severity.label(lang)
    );
    let _ = writeln!(
        s,
        "{}: {} · {}: {}",
        tr(lang, "Regelpaket", "Rule pack"),
        pack.name,
        tr(lang, "kontroll", "check"),
        rule.check.kind().name()
    );
    let _ = writeln!(s);
    match &rule.doc {
        Some(doc) => {
            let _ = writeln!(s, "{}", tr(lang, "Vad regeln gör", "What it does"));
            let _ = writeln!(s, "  {}\n", doc.what.get(lang));
            let _ = writeln!(s, "{}", tr(lang, "Varför", "Why"));
            let _ = writeln!(s, "  {}", doc.why.get(lang));
            let _ = writeln!(s, "  {}: {}\n", tr(lang, "Källa", "Source"), doc.source);
            let _ = writeln!(
                s,
                "{}",
                tr(lang, "Exempel som inte godkänns", "Example that fails")
            );
            for l in doc.fail.lines() {
                let _ = writeln!(s, "  │ {l}");
            }
            let _ = writeln!(
                s,
                "\n{}",
                tr(lang, "Exempel som godkänns", "Example that passes")
            );
            for l in doc.pass.lines() {
                let _ = writeln!(s, "  │ {l}");
            }
        }
        None => {
            let _ = writeln!(s, "{}", rule.message.get(lang));
        }
    }
    if let Some(h) = &rule.help {
        let _ = writeln!(
            s,
            "\n{}\n  {}",
            tr(lang, "Så rättar du", "How to fix"),
            help_text(pack, rule, h.get(lang))
        );
    }
    s
}

/// The same documentation as Markdown (SARIF's `help.markdown`, shown by
/// GitHub code scanning beside a finding).
pub fn explain_markdown(pack: &Pack, rule: &Rule, lang: Lang) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "**{} {}** ({}) · {} `{}`\n",
        rule.id,
        rule.name,
        rule.severity.label(lang),
        tr(lang, "regelpaket", "rule pack"),
        pack.name
    );
    match &rule.doc {
        Some(doc) => {
            let _ = writeln!(s, "### {}\n", tr(lang, "Vad regeln gör", "What it does"));
            let _ = writeln!(s, "{}\n", doc.what.get(lang));
            let _ = writeln!(s, "### {}\n", tr(lang, "Varför", "Why"));
            let _ = writeln!(s, "{}\n", doc.why.get(lang));
            let _ = writeln!(s, "{}: {}\n", tr(lang, "Källa", "Source"), doc.source);
            let _ = writeln!(
                s,
                "### {}\n",
                tr(lang, "Exempel som inte godkänns", "Example that fails")
            );
            let _ = writeln!(s, "{}\n", code_block(&doc.fail));
            let _ = writeln!(
                s,
                "### {}\n",
                tr(lang, "Exempel som godkänns", "Example that passes")
            );
            let _ = writeln!(s, "{}\n", code_block(&doc.pass));
        }
        None => {
            let _ = writeln!(s, "{}\n", rule.message.get(lang));
        }
    }
    if let Some(h) = &rule.help {
        let _ = writeln!(s, "### {}\n", tr(lang, "Så rättar du", "How to fix"));
        let _ = writeln!(s, "{}", help_text(pack, rule, h.get(lang)));
    }
    s
}

/// A help text outside a finding: `{name}` placeholders are filled from the
/// rule's parameters in its pack (`{max}` → `3`); the others, which only a
/// finding knows (`{section}`), become `…`.
pub fn help_text(pack: &Pack, rule: &Rule, template: &str) -> String {
    if !template.contains('{') {
        return template.to_string();
    }
    let params = rule_params(pack, rule);
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close)
                if after[..close]
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_') =>
            {
                let name = &after[..close];
                match params.iter().find(|(k, _)| k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => out.push('…'),
                }
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The scalar parameters of a rule: as styrkoll.yaml set them, else as
/// written in its pack.
fn rule_params(pack: &Pack, rule: &Rule) -> Vec<(String, String)> {
    let params = rule
        .params_override
        .clone()
        .unwrap_or_else(|| pack.params_in_yaml(&rule.id));
    params
        .iter()
        .filter_map(|(k, v)| {
            let value = match v {
                serde_yaml::Value::Number(n) => n.to_string(),
                serde_yaml::Value::String(s) => s.clone(),
                serde_yaml::Value::Bool(b) => b.to_string(),
                _ => return None,
            };
            Some((k.as_str()?.to_string(), value))
        })
        .collect()
}

/// A fenced block whose fence is longer than any backtick run inside.
fn code_block(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    format!("{fence}text\n{}\n{fence}", text.trim_end())
}

/// A plain table of all rules.
pub fn rules_table(engine: &Engine, lang: Lang) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{:<6} {:<28} {:<8} {:<16} {}",
        "ID",
        tr(lang, "NAMN", "NAME"),
        tr(lang, "NIVÅ", "LEVEL"),
        tr(lang, "PAKET", "PACK"),
        tr(lang, "KONTROLLERAR", "CHECKS")
    );
    for (pack, r) in engine.rules() {
        let what = r.doc.as_ref().map(|d| d.what.get(lang)).unwrap_or("");
        let _ = writeln!(
            s,
            "{:<6} {:<28} {:<8} {:<16} {}",
            r.id,
            r.name,
            r.severity.label(lang),
            pack.name,
            first_sentence(what)
        );
    }
    s
}

/// All rules as JSON, for tools.
pub fn rules_json(engine: &Engine, lang: Lang) -> String {
    let rules: Vec<serde_json::Value> = engine
        .rules()
        .map(|(pack, r)| {
            serde_json::json!({
                "id": r.id,
                "name": r.name,
                "severity": r.severity.as_str(),
                "pack": pack.name,
                "check": r.check.kind().name(),
                "message": r.message.get(lang),
                "what": r.doc.as_ref().map(|d| d.what.get(lang)),
                "source": r.doc.as_ref().map(|d| d.source.as_str()),
            })
        })
        .collect();
    serde_json::to_string_pretty(&serde_json::json!({ "version": 1, "rules": rules }))
        .unwrap_or_default()
}

/// The README's rule index (Markdown).
pub fn rules_markdown(engine: &Engine) -> String {
    let mut s = String::new();
    for pack in engine.packs() {
        let _ = writeln!(s, "#### `{}` — {}\n", pack.name, pack.title);
        let _ = writeln!(s, "| id | namn | nivå | kontrollerar | källa |");
        let _ = writeln!(s, "| --- | --- | --- | --- | --- |");
        for r in &pack.rules {
            let (what, source) = r
                .doc
                .as_ref()
                .map(|d| (first_sentence(d.what.get(Lang::Sv)), d.source.as_str()))
                .unwrap_or_default();
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} |",
                r.id,
                r.name,
                r.severity.as_str(),
                what.replace('|', "\\|"),
                source.replace('|', "\\|")
            );
        }
        let _ = writeln!(s);
    }
    s
}

/// The first sentence of a rule's description, for one-line listings.
pub fn first_sentence(s: &str) -> &str {
    match s.find(". ") {
        Some(i) => &s[..=i],
        None => s,
    }
}
