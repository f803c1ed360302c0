//! check: the built-in check kinds. Each kind is one module with its
//! documentation, a typed `Params` struct (read from the rule pack) and a
//! pure function `check(&Ctx, &Params) -> Vec<Finding>`.

use crate::dates::{scan_dates_and_ranges, DateMention, DateRange};
use crate::diagnostic::{Fix, Label, Lang};
use crate::model::{Document, Span};
use crate::profile::schema::SectionSpec;
use serde::{Deserialize, Deserializer};
use std::collections::HashMap;
use std::sync::OnceLock;

mod contact_info;
mod date_format;
mod date_without_year;
mod decision_month;
mod empty_table;
mod encoding;
mod end_before_start;
mod goal_activity;
mod heading_stop;
pub mod identifiers;
mod invalid_date;
mod justering_delay;
mod mask;
mod max_items;
mod max_words;
mod measurable_goals;
mod metadata_field;
mod milestone_conflict;
mod milestone_id;
mod milestone_order;
mod minutes;
mod minutes_header;
mod minutes_mention;
mod must_mention;
mod name_spelling;
mod not_affected_reason;
mod number_range;
mod paragraph_decision;
mod paragraph_numbers;
mod personal_number;
mod readability;
mod replace_pattern;
mod required_fields;
mod required_sections;
mod section_content;
mod section_fields;
mod section_order;
mod signature_fields;
mod template_text;
mod text;
mod thousands_separator;
mod tick_table;
mod title_pattern;
mod tracked_changes;
mod undefined_abbreviation;
mod unknown_profile;
mod unused_suppression;

/// Everything a check may look at.
pub struct Ctx<'a> {
    pub doc: &'a Document,
    pub text: &'a str,
    pub lang: Lang,
    /// The profile chosen for the document, if any.
    pub profile: Option<&'a str>,
    /// The profile's expected sections.
    pub specs: &'a [SectionSpec],
    /// Section id → indices of the document sections whose heading matches.
    pub found: &'a HashMap<String, Vec<usize>>,
    /// Suppression comments that silenced nothing (filled in for the checks
    /// that run after suppression, empty before).
    pub unused_suppressions: &'a [crate::suppress::Unused],
    /// Scans of the whole text that several checks need, made once.
    pub cache: &'a DocCache,
    /// Tracked changes not yet accepted in a Word document (none for text).
    pub revisions: &'a crate::source::Revisions,
    /// The character encoding the file was decoded from, when it was not
    /// UTF-8 (`windows-1252`, `UTF-16LE`); `None` for UTF-8 and Word files.
    pub decoded_from: Option<&'a str>,
}

/// Whole-document scans shared by the checks of one run: each is computed
/// the first time a check asks and then reused by every other check.
#[derive(Default)]
pub struct DocCache {
    dates: OnceLock<(Vec<DateMention>, Vec<DateRange>)>,
    identifiers: OnceLock<Vec<identifiers::Identifier>>,
    schedule: OnceLock<crate::schedule::Schedule>,
    unchecked: OnceLock<Vec<Span>>,
    identity_numbers: OnceLock<Vec<crate::personnummer::IdentityNumber>>,
}

impl Ctx<'_> {
    /// Every date mention in the text (`scan_dates` with default options).
    pub fn dates(&self) -> &[DateMention] {
        &self.scan().0
    }

    /// Every date range in the text.
    pub fn ranges(&self) -> &[DateRange] {
        &self.scan().1
    }

    fn scan(&self) -> &(Vec<DateMention>, Vec<DateRange>) {
        self.cache
            .dates
            .get_or_init(|| scan_dates_and_ranges(self.text))
    }

    /// Every identifier (all kinds) in the text, sorted by start.
    pub fn identifiers(&self) -> &[identifiers::Identifier] {
        self.cache.identifiers.get_or_init(|| {
            identifiers::find_identifiers(self.text, &identifiers::IdentifierKind::ALL)
        })
    }

    /// Front matter, comments and code: what the writing rules never touch.
    pub fn unchecked_spans(&self) -> &[Span] {
        self.cache
            .unchecked
            .get_or_init(|| mask::unchecked_spans(self))
    }

    /// Every personal identity and co-ordination number in the text.
    pub fn identity_numbers(&self) -> &[crate::personnummer::IdentityNumber] {
        self.cache
            .identity_numbers
            .get_or_init(|| crate::personnummer::scan(self.text))
    }

    /// The decision points, milestones and phases of the document.
    pub fn schedule(&self) -> &crate::schedule::Schedule {
        self.cache
            .schedule
            .get_or_init(|| crate::schedule::collect(self.doc, self.text))
    }

    /// The first document section matching an expected section id.
    pub fn section(&self, id: &str) -> Option<usize> {
        self.found.get(id).and_then(|v| v.first().copied())
    }

    /// Display name of an expected section.
    pub fn section_name<'b>(&'b self, id: &'b str) -> &'b str {
        self.specs
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.name.as_str())
            .unwrap_or(id)
    }

    /// Where document-level findings point: the title, else the start.
    pub fn document_span(&self) -> Span {
        match &self.doc.title {
            Some(t) => t.span,
            None => {
                let end = self.text.find('\n').unwrap_or(self.text.len());
                Span::new(0, end)
            }
        }
    }

    pub fn tr<'s>(&self, sv: &'s str, en: &'s str) -> &'s str {
        match self.lang {
            Lang::Sv => sv,
            Lang::En => en,
        }
    }
}

/// Match the pack's expected sections against the document's headings.
/// When headings at several levels match, only the shallowest count: `8
/// Organisation` is the section, `3.1 Organisation i dag` is not.
pub fn resolve_sections(doc: &Document, specs: &[SectionSpec]) -> HashMap<String, Vec<usize>> {
    let mut found: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, s) in doc.sections.iter().enumerate() {
        let heading = s.heading.text.trim();
        for spec in specs {
            if spec.patterns.iter().any(|p| p.is_match(heading)) {
                found.entry(spec.id.clone()).or_default().push(i);
            }
        }
    }
    for list in found.values_mut() {
        let level = |i: &usize| doc.sections.get(*i).map_or(usize::MAX, |s| s.level);
        if let Some(top) = list.iter().map(level).min() {
            list.retain(|i| level(i) == top);
        }
    }
    found
}

/// What a check found; the engine turns it into a `Diagnostic` with the
/// rule's id, severity and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub span: Span,
    /// Chooses one of the rule's `variants` messages instead of `message`.
    pub variant: Option<&'static str>,
    /// Values for `{name}` placeholders in message and help.
    pub args: Vec<(&'static str, String)>,
    pub labels: Vec<Label>,
    pub fix: Option<Fix>,
}

impl Finding {
    pub fn at(span: Span) -> Self {
        Finding {
            span,
            variant: None,
            args: Vec::new(),
            labels: Vec::new(),
            fix: None,
        }
    }
    pub fn arg(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, value.into()));
        self
    }
    pub fn variant(mut self, v: &'static str) -> Self {
        self.variant = Some(v);
        self
    }
    pub fn label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }
}

macro_rules! check_kinds {
    ($( $variant:ident => $module:ident, $name:literal; )*) => {
        /// A check kind with its parameters, as written in a rule pack.
        #[derive(Debug)]
        pub enum Check {
            $( $variant($module::Params), )*
        }

        /// The closed set of check kinds a rule pack may name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
        pub enum CheckKind {
            $( #[serde(rename = $name)] $variant, )*
        }

        impl CheckKind {
            pub const ALL: &'static [&'static str] = &[$($name),*];

            pub fn name(self) -> &'static str {
                match self { $( CheckKind::$variant => $name, )* }
            }

            /// Kinds that judge the suppression comments run after them.
            pub fn runs_after_suppression(self) -> bool {
                matches!(self, CheckKind::UnusedSuppression)
            }

            pub(crate) fn deserialize_params<'de, D: Deserializer<'de>>(
                self,
                d: D,
            ) -> Result<Check, D::Error> {
                match self {
                    $( CheckKind::$variant => $module::Params::deserialize(d).map(Check::$variant), )*
                }
            }

            /// Parameters for a rule written without `params:`.
            pub(crate) fn params_from_empty(self) -> Result<Check, String> {
                let empty = serde_yaml::Mapping::new();
                match self {
                    $( CheckKind::$variant => serde_yaml::from_value::<$module::Params>(
                        serde_yaml::Value::Mapping(empty),
                    )
                    .map(Check::$variant)
                    .map_err(|e| format!("`params` saknas eller är ofullständiga: {e}")), )*
                }
            }
        }

        impl Check {
            pub fn kind(&self) -> CheckKind {
                match self { $( Check::$variant(_) => CheckKind::$variant, )* }
            }

            pub fn run(&self, ctx: &Ctx) -> Vec<Finding> {
                match self { $( Check::$variant(p) => $module::check(ctx, p), )* }
            }
        }
    };
}

check_kinds! {
    RequiredSections => required_sections, "required-sections";
    SectionOrder => section_order, "section-order";
    MaxItems => max_items, "max-items";
    SectionContent => section_content, "section-content";
    NotAffectedReason => not_affected_reason, "not-affected-reason";
    MustMention => must_mention, "must-mention";
    TitlePattern => title_pattern, "title-pattern";
    MaxWords => max_words, "max-words";
    RequiredFields => required_fields, "required-fields";
    GoalActivity => goal_activity, "goal-activity";
    MetadataField => metadata_field, "metadata-field";
    DecisionMonth => decision_month, "decision-month";
    MinutesHeader => minutes_header, "minutes-header";
    DateWithoutYear => date_without_year, "date-without-year";
    ParagraphNumbers => paragraph_numbers, "paragraph-numbers";
    ParagraphDecision => paragraph_decision, "paragraph-decision";
    MinutesMention => minutes_mention, "minutes-mention";
    NameSpelling => name_spelling, "name-spelling";
    JusteringDelay => justering_delay, "justering-delay";
    TemplateText => template_text, "template-text";
    EmptyTable => empty_table, "empty-table";
    UndefinedAbbreviation => undefined_abbreviation, "undefined-abbreviation";
    MilestoneOrder => milestone_order, "milestone-order";
    MilestoneConflict => milestone_conflict, "milestone-conflict";
    EndBeforeStart => end_before_start, "end-before-start";
    MilestoneId => milestone_id, "milestone-id";
    SectionFields => section_fields, "section-fields";
    TickTable => tick_table, "tick-table";
    MeasurableGoals => measurable_goals, "measurable-goals";
    SignatureFields => signature_fields, "signature-fields";
    InvalidDate => invalid_date, "invalid-date";
    UnknownProfile => unknown_profile, "unknown-profile";
    UnusedSuppression => unused_suppression, "unused-suppression";
    PersonalNumber => personal_number, "personal-number";
    ContactInfo => contact_info, "contact-info";
    DateFormat => date_format, "date-format";
    NumberRange => number_range, "number-range";
    ThousandsSeparator => thousands_separator, "thousands-separator";
    ReplacePattern => replace_pattern, "replace-pattern";
    HeadingStop => heading_stop, "heading-stop";
    Readability => readability, "readability";
    TrackedChanges => tracked_changes, "tracked-changes";
    Encoding => encoding, "encoding";
}
