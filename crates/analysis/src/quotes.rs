//! Quotes: direct quotes and reported speech, with their speaker.
//!
//! PLACEHOLDER: the finder is being written; the types below are the agreed interface.

use model::{Article, Span};

use crate::entities::DocumentEntities;

/// What kind of quotation it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// Words inside quotation marks or after a dialogue dash, credited to a speaker.
    Direct,
    /// Reported speech: "X said that …", "según X, …".
    Reported,
    /// One to three words in quotation marks that nobody is quoted as saying ("super cartel").
    Scare,
}

impl QuoteKind {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Reported => "reported",
            QuoteKind::Scare => "scare",
        }
    }
}

/// How the speaker is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SpeakerKind {
    /// A name ("Luis García", "la Policía Nacional").
    Name,
    /// A pronoun ("he", "ella"), or no mention at all (a continuation paragraph).
    Pronoun,
    /// A description ("one of the hooded gang members in the video", "the minister").
    Description,
}

impl SpeakerKind {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Name => "name",
            SpeakerKind::Pronoun => "pronoun",
            SpeakerKind::Description => "description",
        }
    }
}

/// Who said it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// The mention as written; `None` for a continuation with no mention in its own sentence.
    pub span: Option<Span>,
    /// How it is written.
    pub kind: SpeakerKind,
    /// The entity (an index into the document's `entities`) it resolves to, if any.
    pub entity: Option<usize>,
}

/// One quotation of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Everything it covers: content, cue and speaker.
    pub span: Span,
    /// What was said, without the quotation marks; several fragments when the attribution splits it.
    pub content: Vec<Span>,
    /// Direct, reported or scare quote.
    pub kind: QuoteKind,
    /// The verb or phrase that attributes it ("said", "dijo", "según", "told reporters").
    pub cue: Option<Span>,
    /// Who said it; `None` for scare quotes and quotes nobody is credited with.
    pub speaker: Option<Speaker>,
}

/// Every quotation in the headline and body of `article`, in text order.
pub fn find(article: &Article, entities: &DocumentEntities) -> Vec<Quote> {
    let _ = (article, entities);
    Vec::new()
}
