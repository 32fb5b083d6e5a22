//! Quotes: direct quotes and reported speech, with their speaker.
//!
//! Only headline and body blocks are read, as tokens ([`model::Article::tokens`]).
//!
//! # Direct quotes
//! - Runs between `“…”`, `"…"` (straight marks are paired within a paragraph, each read as
//!   opening or closing from its neighbours), `«…»`; single quotes inside are content.
//! - A run left open at a paragraph's end goes on when the next paragraph opens with a mark
//!   (the English multi-paragraph convention): one quote, one content fragment per paragraph.
//! - `"…," he said. "…"`: two runs of a paragraph joined by an attribution (the first ends in
//!   `,` `?` `!`, before a closing single quote too, or a comma follows it) are one quote with
//!   two fragments, also when the attribution is a long sentence of its own (`"…," said X, who
//!   has …. "…"`); a second run with an attribution of its own (`"…," X said. "…," Y
//!   replied.`) is a quote apart.
//! - Spanish dialogue: a paragraph opening with a dash; `—dijo X—` incisions split the content
//!   and credit it.
//! - Square-bracket insertions stay in the content as written.
//!
//! # Attribution
//! Tried in order: the words after the closing mark up to the end of its sentence (`, X said`,
//! `, said the minister`, `, dijo`; a quote inside a sentence that `, X said` or `, he said`
//! closes), then the words before the opening mark in its sentence
//! (`X told reporters, "…"`, `X said: "…"`, `X says the campaign will "…"`, `según X, «…»`,
//! `Kerry: "…"`; a subject after the cue must reach the quote, give or take a comma or a
//! colon: `said X: "…"`). A quote ending in "!" or "?" ends its sentence for the splitter, so its
//! attribution may open the next sentence of the block (`“…!” X said`). A cue is a speech verb
//! from a fixed list (English and Spanish; "shot back" only right before a quote, a comma or
//! the sentence's end) or "according to" / "según" / "de acuerdo con"; "told" takes its
//! listener into the cue ("told the paper"). A speech verb in "-s" after a determiner or a
//! possessive is a noun ("those reports", "Trump's late-night tweets").
//! The speaker is the noun phrase before the cue (an appositive between commas gives the name
//! before it, even when the appositive holds a few quoted words: "X, wearing “Vote Union”
//! pins, said"; a party tag in brackets, "Rep. X (D-Ore.) said", is skipped; a place after a comma, "X
//! of Columbia, South Carolina says", belongs to the name before it), or after the cue
//! when the cue comes first, up to a clause word or an auxiliary ("called for the resignation
//! because …", "said they would …"). A dash and a bare name after the closing mark (`“…” ― Sonya
//! Herridge`, `«…» — Rosa Quispe`) credit the quote, the dash as its cue.
//!
//! A participle cue ("writing", "diciendo") takes the person named right before it ("with Sen.
//! X calling it a “…”", "con Rosa Quispe diciendo"), else the sentence's subject, which may open
//! with up to three title words before a person's name ("Band member X", "La dirigente sindical X"),
//! after an opening chunk with no person in it ("Hours later, X …", "Reached by POLITICO, X
//! …", a dateline "Washington (AFP) – X …").
//!
//! A quote with no attribution is a scare quote ([`QuoteKind::Scare`], no speaker) when it is one
//! to three words long; otherwise it is direct, and outside the headline it continues the last
//! speaker when it opens its paragraph or comes within two paragraphs of the last credited quote
//! (or a person named before a speech verb, or opening a sentence, since that quote). A
//! paragraph ending in a colon (`X echoed:`) credits the quote that opens the next one. An
//! uncredited direct quote otherwise goes to the person an earlier sentence of its paragraph
//! opens with ("Dr. X pondered who might “…”").
//!
//! # Reported speech
//! Per sentence, the first of: `X said (that) …`, `X told Y that …`, `X dijo que …` (a speech
//! verb that takes a clause, then "that"/"que" within six words, or for English a clause
//! opening right after the verb), `according to X, …`, `…, según X.`. The content is the clause
//! up to the end of the sentence. A clause holding a quotation is left to the direct finder.
//!
//! # Speakers
//! A lone pronoun ("he", "she", "ella") resolves to the latest of: the last speaker who is a
//! person, a person named right before a speech verb, and the person a sentence outside quotes
//! opens with (give or take titles or an opening clause: "Speaking in Lima, X …"), of the
//! pronoun's gender when known (a gendered noun right before a mention, "widow Terry X", "su
//! esposa, X", outweighs a first name); "they" to the last resolved speaker; with none, to the nearest
//! person (or organisation) mentioned before it. A cue with no subject ("dijo") works the same
//! way without gender. A person the tagger found must look like one to be an antecedent (two
//! capitalised words, a known first name, or a title, and no word for an organisation or a
//! medium in its name: "Presidential Debates" is no person), and a preposition's object ("took to
//! Twitter to say") is not the subject of the verb after it. A phrase read as a subject that
//! cannot name a speaker ("his views", "the city embodied the", "two weeks ago", "su postura")
//! is treated like a cue with no subject. A name that only modifies a role ("the presumptive
//! Republican nominee") is not the speaker: the phrase is an epithet. Continuations and Spanish subjectless cues ("dijo") take the last speaker, with
//! no span. A phrase holding a name at its head is a [`SpeakerKind::Name`]; other phrases are
//! descriptions, linked to an entity as `resolve::linked` documents: gang words link to the
//! criminal group named nearby (the one in a sentence about a video first, when the
//! description mentions a video), role words to the person the text gives that role, and
//! otherwise a name inside the description ("a spokesman for the PNP") is the link; a definite
//! epithet ("the Florida senator") is the last speaker, and a word for an organisation ("the
//! agency", "la fiscalía") the organisation named last. A name inside a quote's content is no
//! such link ("the statement said" after a statement that names someone). A capitalised speech verb inside a body
//! sentence ("the United States has") is part of a name, not a cue.

mod direct;
mod doc;
mod lexicon;
mod plausible;
mod reported;
mod resolve;
mod speaker;
#[cfg(test)]
mod tests;

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
    let doc = doc::Doc::new(article, entities);
    let mut quoted = vec![false; doc.len()];
    let mut raw = direct::find(&doc, &mut quoted);
    raw.extend(reported::find(&doc, &quoted));
    raw.sort_by_key(|quote| (quote.covers.start, quote.covers.end));
    resolve::resolve(&doc, raw)
}

/// A quote before its speaker is resolved.
#[derive(Debug, Clone)]
struct RawQuote {
    /// Content with its quotation marks (direct) or the clause with its cue and speaker.
    covers: Span,
    content: Vec<Span>,
    kind: QuoteKind,
    cue: Option<Span>,
    speaker: speaker::Slot,
}
