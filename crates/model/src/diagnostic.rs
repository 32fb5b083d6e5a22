//! Problems found while reading input, reported next to the results instead of aborting.

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth knowing, nothing was lost.
    Info,
    /// Something was repaired, guessed or left out.
    Warning,
    /// An input or record produced nothing.
    Error,
}

impl Severity {
    /// The lowercase name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// What kind of problem a diagnostic reports; the name is part of the report contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DiagnosticCode {
    /// The input holds no bytes, or only whitespace.
    Empty,
    /// The input looks like binary data, not text.
    Binary,
    /// The input is over the configured size cap.
    TooLarge,
    /// The input ends in the middle of a structure.
    Truncated,
    /// Bytes that are not valid in the detected encoding were replaced.
    InvalidEncoding,
    /// The encoding was guessed, not declared.
    EncodingGuessed,
    /// HTML that needed repair, or that held no article text.
    MalformedHtml,
    /// XML that could not be parsed.
    MalformedXml,
    /// A feed declared entities, which are refused to prevent entity expansion attacks.
    EntityExpansion,
    /// A JSON Lines record that could not be read.
    MalformedRecord,
    /// A path that could not be read.
    Unreadable,
    /// A URL that could not be fetched.
    Unreachable,
    /// The format could not be recognised.
    UnknownFormat,
    /// An article with no text after cleaning.
    NoText,
    /// An article in a language Vigía does not analyse.
    UnsupportedLanguage,
    /// A feed item has only a summary; `--follow-links` would fetch its page.
    SummaryOnly,
    /// A byte-for-byte copy of another article's text.
    ExactDuplicate,
    /// A syndicated copy or light rewrite of another article.
    NearDuplicate,
    /// A place name that the gazetteer and the article's context cannot pin to one place.
    AmbiguousPlace,
}

impl DiagnosticCode {
    /// The snake_case name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            DiagnosticCode::Empty => "empty",
            DiagnosticCode::Binary => "binary",
            DiagnosticCode::TooLarge => "too_large",
            DiagnosticCode::Truncated => "truncated",
            DiagnosticCode::InvalidEncoding => "invalid_encoding",
            DiagnosticCode::EncodingGuessed => "encoding_guessed",
            DiagnosticCode::MalformedHtml => "malformed_html",
            DiagnosticCode::MalformedXml => "malformed_xml",
            DiagnosticCode::EntityExpansion => "entity_expansion",
            DiagnosticCode::MalformedRecord => "malformed_record",
            DiagnosticCode::Unreadable => "unreadable",
            DiagnosticCode::Unreachable => "unreachable",
            DiagnosticCode::UnknownFormat => "unknown_format",
            DiagnosticCode::NoText => "no_text",
            DiagnosticCode::UnsupportedLanguage => "unsupported_language",
            DiagnosticCode::SummaryOnly => "summary_only",
            DiagnosticCode::ExactDuplicate => "exact_duplicate",
            DiagnosticCode::NearDuplicate => "near_duplicate",
            DiagnosticCode::AmbiguousPlace => "ambiguous_place",
        }
    }
}

/// One problem with one input, record or article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// How bad it is.
    pub severity: Severity,
    /// What kind of problem it is.
    pub code: DiagnosticCode,
    /// The file, URL or record it concerns, e.g. `feed.xml#item-3` or `batch.jsonl:12`.
    pub source: String,
    /// The document it concerns, once one exists.
    pub document: Option<String>,
    /// A lowercase sentence without a trailing period.
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic about `source` that no document exists for yet.
    pub fn new(
        severity: Severity,
        code: DiagnosticCode,
        source: impl Into<String>,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            severity,
            code,
            source: source.into(),
            document: None,
            message: message.into(),
        }
    }

    /// Shorthand for an error.
    pub fn error(
        code: DiagnosticCode,
        source: impl Into<String>,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::new(Severity::Error, code, source, message)
    }

    /// Shorthand for a warning.
    pub fn warning(
        code: DiagnosticCode,
        source: impl Into<String>,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::new(Severity::Warning, code, source, message)
    }

    /// Shorthand for an info note.
    pub fn info(
        code: DiagnosticCode,
        source: impl Into<String>,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::new(Severity::Info, code, source, message)
    }

    /// The same diagnostic, tied to a document.
    pub fn with_document(mut self, document: impl Into<String>) -> Diagnostic {
        self.document = Some(document.into());
        self
    }
}

impl std::fmt::Display for Diagnostic {
    /// `warning invalid_encoding page.html: 2 invalid byte sequence(s) were replaced`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {} {}: {}",
            self.severity.as_str(),
            self.code.as_str(),
            self.source,
            self.message
        )
    }
}
