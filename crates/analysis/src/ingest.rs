//! Turns raw bytes into clean, segmented articles.
//!
//! `read` sniffs the format from content, decodes the bytes and hands them to one reader,
//! which yields `Draft`s: metadata plus text blocks with hints about what each block is.
//! `finish` turns a draft into an `Article`: text normalised and stored once, blocks labelled,
//! languages identified, sentences and tokens found.

mod classify;
mod clean;
pub mod date;
mod decode;
pub mod feed;
pub mod html;
pub mod jsonl;
mod sniff;
pub mod text;

use model::{Article, BlockKind, Diagnostic, DiagnosticCode, Format, Language, Published};

pub use decode::decode;
pub use sniff::{sniff, Sniffed};

/// What the caller knows about an input before reading it.
#[derive(Debug, Clone, Default)]
pub struct SourceMeta {
    /// The path or URL, used in diagnostics and as the document's `source`.
    pub source: String,
    /// The URL the bytes came from, if any.
    pub url: Option<String>,
    /// An outlet name that overrides what the metadata says (`--outlet`).
    pub outlet: Option<String>,
    /// The charset from an HTTP `Content-Type` header.
    pub charset: Option<String>,
}

impl SourceMeta {
    /// Metadata for a local input known only by its name.
    pub fn new(source: impl Into<String>) -> SourceMeta {
        SourceMeta { source: source.into(), ..SourceMeta::default() }
    }
}

/// Limits and switches for reading input.
#[derive(Debug, Clone)]
pub struct IngestConfig {
    /// Inputs larger than this are refused.
    pub max_bytes: usize,
}

impl Default for IngestConfig {
    fn default() -> IngestConfig {
        IngestConfig { max_bytes: 16 * 1024 * 1024 }
    }
}

/// An article as a reader found it, before cleaning and labelling.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The path or URL, with a record suffix for feeds and JSON Lines.
    pub source: String,
    /// The article's own URL.
    pub url: Option<String>,
    /// The format it came in.
    pub format: Format,
    /// The headline from metadata.
    pub title: Option<String>,
    /// The outlet from metadata or the caller.
    pub outlet: Option<String>,
    /// The publication time from metadata.
    pub published: Option<Published>,
    /// Authors from metadata.
    pub authors: Vec<String>,
    /// The language the source declares.
    pub declared_language: Option<Language>,
    /// Text blocks in reading order.
    pub blocks: Vec<DraftBlock>,
    /// A link to the full article when the draft holds only a feed summary.
    pub follow: Option<String>,
}

impl Draft {
    /// An empty draft for `source` in `format`.
    pub fn new(source: impl Into<String>, format: Format) -> Draft {
        Draft {
            source: source.into(),
            url: None,
            format,
            title: None,
            outlet: None,
            published: None,
            authors: Vec::new(),
            declared_language: None,
            blocks: Vec::new(),
            follow: None,
        }
    }

    /// Adds a block unless it is blank.
    pub fn push(&mut self, text: impl Into<String>, hint: Option<BlockKind>) {
        let text = text.into();
        if !text.trim().is_empty() {
            self.blocks.push(DraftBlock { text, hint });
        }
    }
}

/// One block of a draft, with what the reader's markup says it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftBlock {
    /// Raw block text; whitespace is cleaned later.
    pub text: String,
    /// The kind the markup implies (`<figcaption>`, `<h1>`, a byline class), if any.
    pub hint: Option<BlockKind>,
}

/// Everything read from one input.
#[derive(Debug, Default)]
pub struct Ingested {
    /// The format that was sniffed, if any.
    pub format: Option<Format>,
    /// Articles found, in input order.
    pub drafts: Vec<Draft>,
    /// Problems, each naming the input or record.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads one input: checks size, sniffs, decodes and parses it.
///
/// Never fails: an input that yields nothing returns no drafts and an error diagnostic.
pub fn read(bytes: &[u8], meta: &SourceMeta, config: &IngestConfig) -> Ingested {
    let mut out = Ingested::default();
    if bytes.len() > config.max_bytes {
        out.diagnostics.push(Diagnostic::error(
            DiagnosticCode::TooLarge,
            &meta.source,
            format!("input is {} bytes, over the cap of {} bytes", bytes.len(), config.max_bytes),
        ));
        return out;
    }
    let sniffed = sniff(bytes);
    let format = match sniffed {
        Sniffed::Empty => {
            out.diagnostics.push(Diagnostic::warning(
                DiagnosticCode::Empty,
                &meta.source,
                "input is empty",
            ));
            return out;
        }
        Sniffed::Binary => {
            out.diagnostics.push(Diagnostic::error(
                DiagnosticCode::Binary,
                &meta.source,
                "input looks like binary data, not text",
            ));
            return out;
        }
        Sniffed::Format(format) => format,
    };
    out.format = Some(format);
    let (text, mut diagnostics) = decode(bytes, format, meta);
    out.diagnostics.append(&mut diagnostics);
    match format {
        Format::Text => out.drafts.push(text::parse(&text, meta)),
        Format::Html => {
            let (draft, mut diagnostics) = html::parse(&text, meta);
            out.diagnostics.append(&mut diagnostics);
            out.drafts.push(draft);
        }
        Format::Jsonl => {
            let (drafts, mut diagnostics) = jsonl::parse(&text, meta);
            out.diagnostics.append(&mut diagnostics);
            out.drafts = drafts;
        }
        Format::Feed => {
            let (drafts, mut diagnostics) = feed::parse(&text, meta);
            out.diagnostics.append(&mut diagnostics);
            out.drafts = drafts;
        }
    }
    out
}

/// Turns a draft into a clean, labelled, segmented article.
///
/// The second value holds notes about the article, such as an unsupported language or no text.
pub fn finish(draft: Draft) -> (Article, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let cleaned = clean::assemble(&draft);
    let kinds = classify::classify(&cleaned, &draft);
    let mut article = Article {
        id: String::new(),
        source: draft.source.clone(),
        url: draft.url.clone(),
        format: draft.format,
        title: draft.title.as_deref().map(clean::inline).filter(|title| !title.is_empty()),
        outlet: draft.outlet.clone(),
        published: draft.published,
        authors: draft.authors.clone(),
        language: Language::Undetermined,
        text: cleaned.text,
        blocks: Vec::new(),
        sentences: Vec::new(),
        tokens: Vec::new(),
        duplicate_of: None,
    };
    for (span, (kind, repeated)) in cleaned.spans.into_iter().zip(kinds) {
        let language = crate::lang::detect(span.slice(&article.text));
        article.blocks.push(model::Block { kind, span, language, repeated });
    }
    if article.title.is_none() {
        article.title = article
            .blocks
            .iter()
            .find(|block| block.kind == BlockKind::Headline)
            .map(|block| article.slice(block.span).to_string());
    }
    if article.authors.is_empty() {
        if let Some(byline) = article.blocks.iter().find(|block| block.kind == BlockKind::Byline) {
            article.authors = classify::byline_names(article.slice(byline.span));
        }
    }
    article.language = article_language(&article, draft.declared_language.as_ref());
    // A block too short to identify is taken to be in the article's language.
    for block in &mut article.blocks {
        if block.language == Language::Undetermined {
            block.language = article.language.clone();
        }
    }
    for block in article.blocks.iter().filter(|block| block.kind.feeds_extraction()) {
        let language =
            if block.language.is_supported() { &block.language } else { &article.language };
        for sentence in crate::segment::sentences(&article.text, block.span, language) {
            article.tokens.extend(crate::segment::tokens(&article.text, sentence));
            article.sentences.push(sentence);
        }
    }
    article.id = document_id(&article);
    if article.text.is_empty() {
        diagnostics.push(
            Diagnostic::error(DiagnosticCode::NoText, &article.source, "no article text was found")
                .with_document(&article.id),
        );
    } else if !article.language.is_supported() {
        diagnostics.push(
            Diagnostic::warning(
                DiagnosticCode::UnsupportedLanguage,
                &article.source,
                format!(
                    "article language is {}; only Spanish (es) and English (en) are analysed",
                    article.language.code()
                ),
            )
            .with_document(&article.id),
        );
    }
    (article, diagnostics)
}

/// Detected from headline and body text; the declared language breaks near-ties and fills gaps.
fn article_language(article: &Article, declared: Option<&Language>) -> Language {
    let body: String = article
        .extraction_blocks()
        .map(|block| article.slice(block.span))
        .collect::<Vec<_>>()
        .join("\n");
    match crate::lang::detect(&body) {
        Language::Undetermined => declared.cloned().unwrap_or(Language::Undetermined),
        detected => detected,
    }
}

/// A short hash of source and text, so the same input gets the same id on every run.
fn document_id(article: &Article) -> String {
    let hash = crate::dedup::fingerprint(article.source.as_bytes())
        ^ crate::dedup::fingerprint(article.text.as_bytes()).rotate_left(17);
    format!("doc-{:012x}", hash & 0xffff_ffff_ffff)
}
