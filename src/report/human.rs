//! Human output: miette's graphical reports — the source line underlined,
//! the message, help and rule id — and a one-line summary.

use super::{FileError, Summary};
use crate::diagnostic::{Diagnostic, Fix, Lang, Severity};
use crate::engine::FileReport;
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use std::fmt;

/// How to draw: colours only for a terminal that wants them.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub width: usize,
}

struct Rendered<'a> {
    d: &'a Diagnostic,
    src: &'a Src,
    code: String,
    location: String,
    /// The rule's help, then the suggested replacement when there is a fix.
    help: Option<String>,
}

/// The file's text for miette. miette 7 reports a snippet's `line_count` as
/// counted from the start of the file, which makes it draw one snippet from
/// the first label to the last however far apart they are; this gives the
/// snippet's own line count, so distant labels get a snippet each.
struct Src {
    name: String,
    text: String,
}

impl SourceCode for Src {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.text.read_span(span, before, after)?;
        let lines = inner.data().iter().filter(|b| **b == b'\n').count() + 1;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line(),
            inner.column(),
            lines,
        )))
    }
}

impl fmt::Debug for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.d.message)?;
        if !self.location.is_empty() {
            write!(f, "\n{}", self.location)?;
        }
        Ok(())
    }
}

impl std::error::Error for Rendered<'_> {}

impl miette::Diagnostic for Rendered<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.code))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }
    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.src)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        // A label on the primary span names it instead of underlining twice.
        let same = self.d.labels.iter().find(|l| l.span == self.d.span);
        let primary = LabeledSpan::new_primary_with_span(
            same.map(|l| l.message.clone()),
            (self.d.span.start, self.d.span.len()),
        );
        let rest = self
            .d
            .labels
            .iter()
            .filter(|l| l.span != self.d.span)
            .map(|l| {
                LabeledSpan::new_with_span(Some(l.message.clone()), (l.span.start, l.span.len()))
            });
        Some(Box::new(std::iter::once(primary).chain(rest)))
    }
}

fn handler(style: Style) -> GraphicalReportHandler {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_context_lines(1)
}

/// Render one file's diagnostics.
pub fn render_file(r: &FileReport, lang: Lang, style: Style) -> String {
    let src = Src {
        name: r.path.clone(),
        text: r.text.clone(),
    };
    let h = handler(style);
    let mut out = String::new();
    for d in &r.diagnostics {
        let sv = lang == Lang::Sv;
        let place = r.places.at(d.span.start);
        let in_section = if sv { "i avsnitt" } else { "in section" };
        let location = match (&d.section, place) {
            (Some(s), Some(p)) => format!("{in_section} {s} ({})", p.describe(sv)),
            (Some(s), None) => format!("{in_section} {s}"),
            (None, Some(p)) => p.located(sv),
            (None, None) => String::new(),
        };
        let suggestion = d.fix.as_ref().map(|f| suggestion(&r.text, f, lang));
        let help = match (&d.help, suggestion) {
            (Some(h), Some(s)) => Some(format!("{h}\n{s}")),
            (h, s) => h.clone().or(s),
        };
        let rendered = Rendered {
            d,
            src: &src,
            code: format!("{} {}", d.rule, d.name),
            location,
            help,
        };
        if h.render_report(&mut out, &rendered).is_err() {
            out.push_str(&format!("{}: {} {}\n", r.path, d.rule, d.message));
        }
        out.push('\n');
    }
    out
}

/// `Förslag: ersätt ”25%” med ”25 %”.`, or `Förslag: ta bort ”.”.`
pub(crate) fn suggestion(text: &str, fix: &Fix, lang: Lang) -> String {
    let old = text.get(fix.span.start..fix.span.end).unwrap_or("");
    match (lang, fix.replacement.is_empty()) {
        (Lang::Sv, false) => format!("Förslag: ersätt ”{old}” med ”{}”.", fix.replacement),
        (Lang::Sv, true) => format!("Förslag: ta bort ”{old}”."),
        (Lang::En, false) => format!(
            "Suggestion: replace \"{old}\" with \"{}\".",
            fix.replacement
        ),
        (Lang::En, true) => format!("Suggestion: remove \"{old}\"."),
    }
}

pub fn render_error(e: &FileError, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("fel: {}: {}\n", e.path, e.message),
        Lang::En => format!("error: {}: {}\n", e.path, e.message),
    }
}

/// `3 fel, 1 varning, 2 info i 4 filer`.
pub fn summary_line(s: &Summary, lang: Lang) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut line = match lang {
        Lang::Sv => format!(
            "{}, {}, {} i {}",
            plural(s.errors, "fel", "fel"),
            plural(s.warnings, "varning", "varningar"),
            plural(s.infos, "info", "info"),
            plural(s.files, "fil", "filer"),
        ),
        Lang::En => format!(
            "{}, {}, {} in {}",
            plural(s.errors, "error", "errors"),
            plural(s.warnings, "warning", "warnings"),
            plural(s.infos, "info", "infos"),
            plural(s.files, "file", "files"),
        ),
    };
    if s.unreadable > 0 {
        line.push_str(&match lang {
            Lang::Sv => format!(" ({} kunde inte läsas)", s.unreadable),
            Lang::En => format!(" ({} could not be read)", s.unreadable),
        });
    }
    line
}
