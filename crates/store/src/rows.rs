//! What the store takes in and gives back. Bodies are JSON texts in the report's own shapes,
//! written and read by the binary; the store indexes the columns beside them.

/// One batch of new documents and the stories they changed, written in one transaction.
#[derive(Debug, Default, Clone)]
pub struct Batch {
    /// Documents in input order.
    pub documents: Vec<NewDocument>,
    /// Stories created or changed by the batch, whole.
    pub stories: Vec<StoryRow>,
    /// Stories merged into others by the batch.
    pub removed_stories: Vec<String>,
}

/// An analysed document and everything extracted from it.
#[derive(Debug, Default, Clone)]
pub struct NewDocument {
    /// Hash of source and text: the same article always has the same id.
    pub id: String,
    /// What stays the same across versions of one article: its URL, or its source.
    pub lineage: String,
    /// Where it was read from.
    pub source: String,
    /// Canonical URL.
    pub url: Option<String>,
    /// Publisher.
    pub outlet: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// ISO 8601 publication date or date-time.
    pub published: Option<String>,
    /// ISO 639-1 code, or `und`.
    pub language: String,
    /// Headline and body text, for search.
    pub text: String,
    /// The report's document object.
    pub body: String,
    /// The near-duplicate sketch, replayed when the next run starts.
    pub sketch: Option<String>,
    /// The story signature, replayed when the next run starts.
    pub signature: Option<String>,
    /// Entities the document mentions.
    pub entities: Vec<EntityRow>,
    /// Where it mentions them.
    pub mentions: Vec<MentionRow>,
    /// Relations it states.
    pub relations: Vec<RelationRow>,
    /// Quotes.
    pub quotes: Vec<QuoteRow>,
    /// Events.
    pub events: Vec<EventRow>,
    /// Quantities and dates.
    pub items: Vec<ItemRow>,
}

/// An entity as one document knows it; merged with what the store already has.
#[derive(Debug, Default, Clone)]
pub struct EntityRow {
    /// `ent-…`, the same in every document.
    pub id: String,
    /// Its name in this document (or the knowledge base's).
    pub name: String,
    /// person, organization, criminal_group, place, other.
    pub kind: String,
    /// The knowledge base entry.
    pub kb_id: Option<String>,
    /// Surface forms.
    pub aliases: Vec<String>,
    /// The geocoded place, as the report's JSON.
    pub place: Option<String>,
    /// Latitude, for places.
    pub lat: Option<f64>,
    /// Longitude, for places.
    pub lon: Option<f64>,
}

/// One mention of an entity.
#[derive(Debug, Clone)]
pub struct MentionRow {
    /// Entity id.
    pub entity: String,
    /// Byte offset of the mention's start.
    pub start: usize,
    /// Byte offset of its end.
    pub end: usize,
}

/// A relation stated by the document.
#[derive(Debug, Clone)]
pub struct RelationRow {
    /// Relation type.
    pub kind: String,
    /// Subject entity id.
    pub subject: String,
    /// Object entity id.
    pub object: String,
    /// asserted, reported or denied.
    pub modality: String,
    /// The report's relation object.
    pub body: String,
}

/// A quote.
#[derive(Debug, Clone)]
pub struct QuoteRow {
    /// `qt-…`.
    pub id: String,
    /// direct, reported or scare.
    pub kind: String,
    /// The speaker's entity id.
    pub speaker_entity: Option<String>,
    /// The speaker as written, or resolved name.
    pub speaker: String,
    /// The quoted words, for search.
    pub text: String,
    /// The report's quote object.
    pub body: String,
}

/// An event.
#[derive(Debug, Clone)]
pub struct EventRow {
    /// `evt-…`.
    pub id: String,
    /// Event type.
    pub kind: String,
    /// Modality.
    pub modality: String,
    /// First day, ISO.
    pub date_start: Option<String>,
    /// Last day, ISO.
    pub date_end: Option<String>,
    /// Entities taking part, with their role: actor, target, place or source.
    pub entities: Vec<(String, &'static str)>,
    /// The report's event object.
    pub body: String,
}

/// A quantity or date.
#[derive(Debug, Clone)]
pub struct ItemRow {
    /// `quantity` or `date`.
    pub kind: &'static str,
    /// The report's item object.
    pub body: String,
}

/// A story, whole.
#[derive(Debug, Clone)]
pub struct StoryRow {
    /// `story-…`.
    pub id: String,
    /// Its first report's headline.
    pub title: Option<String>,
    /// Its reports, in order.
    pub documents: Vec<String>,
    /// First day of its events.
    pub first_date: Option<String>,
    /// Last day of its events.
    pub last_date: Option<String>,
    /// The report's story object.
    pub body: String,
}

/// What the store did with one document of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A new article.
    New,
    /// Already stored: nothing written.
    Unchanged,
    /// A new version of an article already stored under the same URL or source.
    Version {
        /// The version it replaces.
        of: String,
        /// Its version number, from 2.
        version: i64,
    },
}

/// A page request: where to start and how many.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// A cursor returned with the previous page.
    pub cursor: Option<String>,
    /// At most this many items; 0 means the default of 50.
    pub limit: usize,
}

impl Page {
    /// The first page of `limit` items.
    pub fn first(limit: usize) -> Page {
        Page { cursor: None, limit }
    }

    pub(crate) fn size(&self) -> usize {
        match self.limit {
            0 => 50,
            n => n.min(1000),
        }
    }
}

/// One page of results.
#[derive(Debug, Clone, PartialEq)]
pub struct Paged<T> {
    /// The items.
    pub items: Vec<T>,
    /// The cursor for the next page, when there is one.
    pub next: Option<String>,
}

/// A stored document.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentRecord {
    /// Id.
    pub id: String,
    /// Version number, from 1.
    pub version: i64,
    /// False once a newer version arrived.
    pub current: bool,
    /// The newer version.
    pub superseded_by: Option<String>,
    /// Where it was read from.
    pub source: String,
    /// URL.
    pub url: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Language code.
    pub language: String,
    /// When it was stored (RFC 3339, UTC).
    pub ingested_at: String,
    /// The report's document object; empty in listings.
    pub body: String,
}

/// A stored entity with everything merged across documents.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityRecord {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Type.
    pub kind: String,
    /// Knowledge base entry.
    pub kb_id: Option<String>,
    /// Every surface form.
    pub aliases: Vec<String>,
    /// Place JSON, for places.
    pub place: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Mentions in every stored version of every document.
    pub mentions: i64,
}

/// A mention, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentionRecord {
    /// Document id.
    pub document: String,
    /// Entity id.
    pub entity: String,
    /// Byte offsets.
    pub start: usize,
    /// End offset.
    pub end: usize,
}

/// A stored story.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryRecord {
    /// Id.
    pub id: String,
    /// Title.
    pub title: Option<String>,
    /// Number of reports.
    pub reports: i64,
    /// First day.
    pub first_date: Option<String>,
    /// Last day.
    pub last_date: Option<String>,
    /// When it last changed.
    pub updated_at: String,
    /// The report's story object; empty in listings.
    pub body: String,
}

/// Filters for events; every one given must hold.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Event type.
    pub kind: Option<String>,
    /// Modality.
    pub modality: Option<String>,
    /// Events whose date ends on or after this day (ISO).
    pub since: Option<String>,
    /// Events whose date starts on or before this day (ISO).
    pub until: Option<String>,
    /// An entity among the actors or targets.
    pub actor: Option<String>,
    /// A place entity of the event.
    pub place: Option<String>,
    /// A place of the event inside `[west, south, east, north]`; west above east crosses
    /// the antimeridian.
    pub bbox: Option<[f64; 4]>,
    /// Events of one document.
    pub document: Option<String>,
}

/// Filters for quotes.
#[derive(Debug, Clone, Default)]
pub struct QuoteFilter {
    /// The speaker's entity id.
    pub speaker: Option<String>,
    /// Quotes of one document.
    pub document: Option<String>,
    /// direct, reported or scare.
    pub kind: Option<String>,
}

/// Filters for entities.
#[derive(Debug, Clone, Default)]
pub struct EntityFilter {
    /// Entity type.
    pub kind: Option<String>,
}

/// What search looks in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchKind {
    /// Headlines and body text.
    Article,
    /// Quoted words and speakers.
    Quote,
    /// Entity names and aliases.
    Entity,
}

impl SearchKind {
    /// The name used in the store and the API.
    pub fn as_str(self) -> &'static str {
        match self {
            SearchKind::Article => "article",
            SearchKind::Quote => "quote",
            SearchKind::Entity => "entity",
        }
    }

    /// The kind with this name.
    pub fn parse(name: &str) -> Option<SearchKind> {
        match name {
            "article" => Some(SearchKind::Article),
            "quote" => Some(SearchKind::Quote),
            "entity" => Some(SearchKind::Entity),
            _ => None,
        }
    }
}

/// One search result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// What matched.
    pub kind: SearchKind,
    /// The document, quote or entity id.
    pub id: String,
    /// The document it is in, for articles and quotes.
    pub document: Option<String>,
    /// A headline, quote or name to show.
    pub label: String,
}

/// What the store holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// Documents, every version.
    pub documents: i64,
    /// Entities.
    pub entities: i64,
    /// Events.
    pub events: i64,
    /// Quotes.
    pub quotes: i64,
    /// Stories.
    pub stories: i64,
}

/// A stored document's state for the next run: its sketch and signature.
#[derive(Debug, Clone)]
pub struct Replay {
    /// Document id.
    pub id: String,
    /// False for superseded versions.
    pub current: bool,
    /// Sketch JSON.
    pub sketch: Option<String>,
    /// Signature JSON.
    pub signature: Option<String>,
}

/// An event at one geocoded place, for maps.
#[derive(Debug, Clone, PartialEq)]
pub struct EventPoint {
    /// Event id.
    pub event: String,
    /// Event type.
    pub kind: String,
    /// First day, ISO.
    pub date: Option<String>,
    /// Place entity id.
    pub place: String,
    /// Place name.
    pub name: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Document id.
    pub document: String,
}
