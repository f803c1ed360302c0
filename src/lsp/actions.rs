//! What the editor asks about a checked document: hover (the documentation
//! of the rules found at a position) and code actions (each fix as a quick
//! fix, and all of them at once as `source.fixAll.styrkoll`).

use super::convert::{self, DocLinks, LineIndex};
use super::documents::Checked;
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Fix, Lang};
use crate::explain::explain;
use crate::model::Span;
use lsp_types as lsp;
use lsp_types::{CodeActionKind, Position, Uri};
use std::collections::HashMap;

/// The kind of the action that applies every fix.
pub const FIX_ALL: CodeActionKind = CodeActionKind::new("source.fixAll.styrkoll");

/// How hover text is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    Markdown,
    PlainText,
}

/// The documentation of every rule with a finding at `pos`, in the
/// configuration's language.
pub fn hover(
    checked: &Checked,
    config: &Config,
    index: &LineIndex,
    pos: Position,
    markup: Markup,
) -> Option<lsp::Hover> {
    let at = index.offset(pos);
    let here: Vec<&Diagnostic> = checked
        .diagnostics
        .iter()
        .filter(|d| d.span.start <= at && at <= d.span.end)
        .collect();
    let first = here.first()?;
    let mut parts: Vec<String> = Vec::new();
    for d in &here {
        let doc = config
            .engine
            .find_rule(&d.rule)
            .map(|(pack, rule)| explain(pack, rule, checked.lang))
            .unwrap_or_default();
        parts.push(match markup {
            Markup::Markdown => format!(
                "**{}** {}: {}\n\n```text\n{}\n```",
                d.rule,
                d.name,
                d.message,
                doc.trim_end()
            ),
            Markup::PlainText => format!("{} {}: {}\n\n{}", d.rule, d.name, d.message, doc),
        });
    }
    let (kind, sep) = match markup {
        Markup::Markdown => (lsp::MarkupKind::Markdown, "\n\n---\n\n"),
        Markup::PlainText => (lsp::MarkupKind::PlainText, "\n\n"),
    };
    Some(lsp::Hover {
        contents: lsp::HoverContents::Markup(lsp::MarkupContent {
            kind,
            value: parts.join(sep),
        }),
        range: Some(index.range(first.span)),
    })
}

/// Whether the client asked for actions of this kind (`only` lists kinds or
/// their parents: `source.fixAll` covers `source.fixAll.styrkoll`).
fn wanted(kind: &CodeActionKind, only: Option<&[CodeActionKind]>) -> bool {
    let Some(only) = only else {
        return true;
    };
    only.iter().any(|o| {
        kind.as_str() == o.as_str()
            || kind
                .as_str()
                .strip_prefix(o.as_str())
                .is_some_and(|rest| rest.starts_with('.'))
    })
}

/// What the action does, quoting the text: `Ersätt ”skall” med ”ska”`.
fn title(text: &str, fix: &Fix, lang: Lang) -> String {
    let old = text.get(fix.span.start..fix.span.end).unwrap_or_default();
    let new = fix.replacement.as_str();
    match (lang, old.is_empty(), new.is_empty()) {
        (Lang::Sv, _, true) => format!("Ta bort ”{old}”"),
        (Lang::Sv, true, false) => format!("Infoga ”{new}”"),
        (Lang::Sv, false, false) => format!("Ersätt ”{old}” med ”{new}”"),
        (Lang::En, _, true) => format!("Remove “{old}”"),
        (Lang::En, true, false) => format!("Insert “{new}”"),
        (Lang::En, false, false) => format!("Replace “{old}” with “{new}”"),
    }
}

fn edit(uri: &Uri, index: &LineIndex, fixes: &[&Fix]) -> lsp::WorkspaceEdit {
    let edits = fixes
        .iter()
        .map(|f| lsp::TextEdit::new(index.range(f.span), f.replacement.clone()))
        .collect();
    lsp::WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..lsp::WorkspaceEdit::default()
    }
}

fn touches(a: Span, b: Span) -> bool {
    a.start <= b.end && b.start <= a.end
}

/// The request's parameters that matter here.
pub struct ActionRequest<'a> {
    pub uri: &'a Uri,
    pub range: lsp::Range,
    pub only: Option<&'a [CodeActionKind]>,
}

/// A quick fix for each fix-carrying finding in the requested range, and
/// one source action that applies every fix that does not overlap another
/// (as `styrkoll check --fix` does).
pub fn code_actions(
    text: &str,
    checked: &Checked,
    index: &LineIndex,
    links: &DocLinks,
    req: &ActionRequest,
) -> Vec<lsp::CodeActionOrCommand> {
    let mut out = Vec::new();
    let lang = checked.lang;
    let asked = index.span(req.range);
    if wanted(&CodeActionKind::QUICKFIX, req.only) {
        for d in &checked.diagnostics {
            let Some(fix) = &d.fix else { continue };
            if !touches(d.span, asked) && !touches(fix.span, asked) {
                continue;
            }
            out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                title: format!("{} ({})", title(text, fix, lang), d.rule),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![convert::diagnostic(d, index, req.uri, links)]),
                edit: Some(edit(req.uri, index, &[fix])),
                is_preferred: Some(true),
                ..lsp::CodeAction::default()
            }));
        }
    }
    let all = crate::fix::applicable(text, &checked.diagnostics);
    if !all.is_empty() && wanted(&FIX_ALL, req.only) {
        let title = match lang {
            Lang::Sv => "Rätta allt som går",
            Lang::En => "Fix everything that can be fixed",
        };
        out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
            title: format!("{title} (styrkoll, {})", all.len()),
            kind: Some(FIX_ALL),
            edit: Some(edit(req.uri, index, &all)),
            ..lsp::CodeAction::default()
        }));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_match_their_parents() {
        let only = [CodeActionKind::SOURCE_FIX_ALL];
        assert!(wanted(&FIX_ALL, Some(&only)));
        assert!(!wanted(&CodeActionKind::QUICKFIX, Some(&only)));
        let only = [CodeActionKind::new("source.fix")];
        assert!(!wanted(&FIX_ALL, Some(&only)));
        assert!(wanted(&CodeActionKind::QUICKFIX, None));
    }

    #[test]
    fn titles_quote_the_text() {
        let fix = Fix {
            span: Span::new(3, 8),
            replacement: "ska".into(),
        };
        assert_eq!(
            title("Vi skall gå", &fix, Lang::Sv),
            "Ersätt ”skall” med ”ska”"
        );
        assert_eq!(
            title("Vi skall gå", &fix, Lang::En),
            "Replace “skall” with “ska”"
        );
    }
}
