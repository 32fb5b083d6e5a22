//! An article: metadata, its text stored once, and the labelled blocks, sentences and tokens in it.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::{Language, Span};

/// A stable document id, derived from the source and the text so reruns give the same id.
pub type DocumentId = String;

/// The input format an article was read from, sniffed from content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text.
    Text,
    /// An HTML page.
    Html,
    /// One record of a JSON Lines file.
    Jsonl,
    /// An item of an RSS 2.0 or Atom feed.
    Feed,
}

impl Format {
    /// The lowercase name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Jsonl => "jsonl",
            Format::Feed => "feed",
        }
    }
}

/// When an article was published, as precisely as the source says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Published {
    /// Only the day is known.
    Date(NaiveDate),
    /// Day, time and UTC offset are known.
    DateTime(DateTime<FixedOffset>),
}

impl Published {
    /// The calendar day, in the source's own time zone.
    pub fn date(self) -> NaiveDate {
        match self {
            Published::Date(date) => date,
            Published::DateTime(datetime) => datetime.date_naive(),
        }
    }

    /// ISO 8601: `2023-11-08` or `2023-11-08T10:30:00-05:00`.
    pub fn to_iso(self) -> String {
        match self {
            Published::Date(date) => date.format("%Y-%m-%d").to_string(),
            Published::DateTime(datetime) => datetime.to_rfc3339(),
        }
    }
}

/// What a block of an article is; only headline and body text feed extraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BlockKind {
    /// The headline.
    Headline,
    /// The standfirst or deck under the headline.
    Standfirst,
    /// "By X" lines and author credits.
    Byline,
    /// Story text.
    Body,
    /// A photo or video caption.
    Caption,
    /// "Photo: X / Agency" credits.
    PhotoCredit,
    /// "SEE ALSO", "Read more", "Lea también" promos for other stories.
    RelatedLink,
    /// Calls to the reader: comment prompts, "Click here", "Suscríbete".
    ReaderPrompt,
    /// Copyright and licence footers.
    Licence,
    /// "X contributed to this report".
    Contributor,
}

impl BlockKind {
    /// Every kind, in report order.
    pub const ALL: [BlockKind; 10] = [
        BlockKind::Headline,
        BlockKind::Standfirst,
        BlockKind::Byline,
        BlockKind::Body,
        BlockKind::Caption,
        BlockKind::PhotoCredit,
        BlockKind::RelatedLink,
        BlockKind::ReaderPrompt,
        BlockKind::Licence,
        BlockKind::Contributor,
    ];

    /// The snake_case name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Headline => "headline",
            BlockKind::Standfirst => "standfirst",
            BlockKind::Byline => "byline",
            BlockKind::Body => "body",
            BlockKind::Caption => "caption",
            BlockKind::PhotoCredit => "photo_credit",
            BlockKind::RelatedLink => "related_link",
            BlockKind::ReaderPrompt => "reader_prompt",
            BlockKind::Licence => "licence",
            BlockKind::Contributor => "contributor",
        }
    }

    /// True for the kinds whose text later stages read.
    pub fn feeds_extraction(self) -> bool {
        matches!(self, BlockKind::Headline | BlockKind::Body)
    }
}

/// A labelled run of an article's text: a paragraph, headline, caption and so on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Where it is in the article text.
    pub span: Span,
    /// Its own language, which may differ from the article's.
    pub language: Language,
    /// True when the block repeats the block just before it, as scraped captions often do.
    pub repeated: bool,
}

/// How one article copies another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DuplicateKind {
    /// The same text, byte for byte after cleaning.
    Exact,
    /// A syndicated copy or a light rewrite.
    Near,
}

/// A link from an article to the earlier article it copies.
#[derive(Debug, Clone, PartialEq)]
pub struct Duplicate {
    /// The earlier article.
    pub of: DocumentId,
    /// Exact or near.
    pub kind: DuplicateKind,
    /// Estimated Jaccard similarity of the two texts' shingles, 1.0 for exact copies.
    pub similarity: f64,
}

/// One clean, segmented article.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// Stable id.
    pub id: DocumentId,
    /// Where it came from: a path, a URL, or either with a record suffix.
    pub source: String,
    /// The canonical URL, when known.
    pub url: Option<String>,
    /// The format it was read from.
    pub format: Format,
    /// The headline.
    pub title: Option<String>,
    /// The outlet that published it.
    pub outlet: Option<String>,
    /// The publication time.
    pub published: Option<Published>,
    /// Authors from the byline or metadata.
    pub authors: Vec<String>,
    /// The language of the article as a whole.
    pub language: Language,
    /// The cleaned, NFC-normalised text; every span points into it.
    pub text: String,
    /// The text's blocks in order, separated by blank lines in `text`.
    pub blocks: Vec<Block>,
    /// Sentences of the blocks that feed extraction.
    pub sentences: Vec<Span>,
    /// Word and punctuation tokens of those sentences.
    pub tokens: Vec<Span>,
    /// Set when this article copies an earlier one.
    pub duplicate_of: Option<Duplicate>,
}

impl Article {
    /// The blocks whose text later stages read: headline and body.
    pub fn extraction_blocks(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|block| block.kind.feeds_extraction())
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }
}
