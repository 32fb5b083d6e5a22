//! The API's wire types. Bodies of stored items are the report's own objects
//! (`docs/report.md`), passed through as JSON.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

/// A stored JSON body, served as it was stored.
pub(crate) fn body(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or(Value::Null)
}

/// A stored JSON body passed through as stored.
pub(crate) type Raw = Box<serde_json::value::RawValue>;

/// A stored JSON body passed through without being parsed into a tree: a story's body can
/// run to megabytes. A body that is not JSON is served as `null`.
pub(crate) fn raw_body(text: String) -> Raw {
    serde_json::value::RawValue::from_string(text).unwrap_or_else(|_| {
        serde_json::value::RawValue::from_string("null".into()).expect("null is JSON")
    })
}

/// Service health and what the store holds.
#[derive(Serialize, ToSchema)]
pub(crate) struct Health {
    pub(crate) status: String,
    pub(crate) schema_version: i64,
    pub(crate) documents: i64,
    pub(crate) stories: i64,
    pub(crate) events: i64,
    pub(crate) entities: i64,
    pub(crate) quotes: i64,
}

/// An article in a listing.
#[derive(Serialize, ToSchema)]
pub(crate) struct ArticleSummary {
    pub(crate) id: String,
    pub(crate) title: Option<String>,
    pub(crate) outlet: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) published: Option<String>,
    pub(crate) language: String,
    pub(crate) version: i64,
    pub(crate) current: bool,
    pub(crate) superseded_by: Option<String>,
    pub(crate) ingested_at: String,
}

impl From<store::DocumentRecord> for ArticleSummary {
    fn from(d: store::DocumentRecord) -> ArticleSummary {
        ArticleSummary {
            id: d.id,
            title: d.title,
            outlet: d.outlet,
            url: d.url,
            published: d.published,
            language: d.language,
            version: d.version,
            current: d.current,
            superseded_by: d.superseded_by,
            ingested_at: d.ingested_at,
        }
    }
}

/// An article with its text and everything extracted from it.
#[derive(Serialize, ToSchema)]
pub(crate) struct Article {
    #[serde(flatten)]
    pub(crate) summary: ArticleSummary,
    /// The report's document object: text, blocks and sentences with byte offsets.
    #[schema(value_type = Object)]
    pub(crate) document: Raw,
    /// Stories the article belongs to.
    pub(crate) stories: Vec<String>,
    #[schema(value_type = Vec<Object>)]
    pub(crate) quotes: Vec<Raw>,
    #[schema(value_type = Vec<Object>)]
    pub(crate) events: Vec<Raw>,
    #[schema(value_type = Vec<Object>)]
    pub(crate) quantities: Vec<Raw>,
    #[schema(value_type = Vec<Object>)]
    pub(crate) dates: Vec<Raw>,
    #[schema(value_type = Vec<Object>)]
    pub(crate) relations: Vec<Raw>,
    pub(crate) mentions: Vec<Mention>,
}

/// An entity mention.
#[derive(Serialize, ToSchema)]
pub(crate) struct Mention {
    pub(crate) document: String,
    pub(crate) entity: String,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

impl From<store::MentionRecord> for Mention {
    fn from(m: store::MentionRecord) -> Mention {
        Mention { document: m.document, entity: m.entity, start: m.start, end: m.end }
    }
}

/// A story in a listing.
#[derive(Serialize, ToSchema)]
pub(crate) struct StorySummary {
    pub(crate) id: String,
    pub(crate) title: Option<String>,
    pub(crate) reports: i64,
    pub(crate) first_date: Option<String>,
    pub(crate) last_date: Option<String>,
    pub(crate) updated_at: String,
}

impl From<store::StoryRecord> for StorySummary {
    fn from(s: store::StoryRecord) -> StorySummary {
        StorySummary {
            id: s.id,
            title: s.title,
            reports: s.reports,
            first_date: s.first_date,
            last_date: s.last_date,
            updated_at: s.updated_at,
        }
    }
}

/// A story with its merged events and the comparison of its sources.
#[derive(Serialize, ToSchema)]
pub(crate) struct Story {
    #[serde(flatten)]
    pub(crate) summary: StorySummary,
    /// The report's story object: documents, events with corroboration, comparison items.
    #[schema(value_type = Object)]
    pub(crate) story: Raw,
    /// The story's first 100 reports in story order: every report its comparison covers.
    pub(crate) articles: Vec<ArticleSummary>,
    /// When the story has more reports: the cursor for `/api/stories/{id}/articles`.
    pub(crate) articles_next: Option<String>,
}

/// An entity with what the corpus says of it.
#[derive(Serialize, ToSchema)]
pub(crate) struct Entity {
    pub(crate) id: String,
    pub(crate) name: String,
    #[serde(rename = "type")]
    pub(crate) kind: String,
    pub(crate) kb_id: Option<String>,
    pub(crate) aliases: Vec<String>,
    #[schema(value_type = Option<Object>)]
    pub(crate) place: Option<Value>,
    pub(crate) mentions: i64,
}

impl From<store::EntityRecord> for Entity {
    fn from(e: store::EntityRecord) -> Entity {
        Entity {
            id: e.id,
            name: e.name,
            kind: e.kind,
            kb_id: e.kb_id,
            aliases: e.aliases,
            place: e.place.as_deref().map(body),
            mentions: e.mentions,
        }
    }
}

/// An entity's page: relations, quotes it speaks, events it takes part in, first mentions.
#[derive(Serialize, ToSchema)]
pub(crate) struct EntityPage {
    #[serde(flatten)]
    pub(crate) entity: Entity,
    /// Relations with their modality; subject and object are entity ids.
    #[schema(value_type = Vec<Object>)]
    pub(crate) relations: Vec<Raw>,
    /// Entities named in those relations.
    pub(crate) related: Vec<Entity>,
    /// Its first 20 quotes as speaker.
    #[schema(value_type = Vec<Object>)]
    pub(crate) quotes: Vec<Raw>,
    /// The cursor for `/api/quotes?speaker={id}` when it has more.
    pub(crate) quotes_next: Option<String>,
    /// Its first 20 events as actor or target, or else as place.
    #[schema(value_type = Vec<Object>)]
    pub(crate) events: Vec<Raw>,
    /// The cursor for `/api/events?actor={id}` (or `place={id}` when the events are at it).
    pub(crate) events_next: Option<String>,
    /// Its first 20 mentions.
    pub(crate) first_mentions: Vec<Mention>,
    /// The cursor for `/api/entities/{id}/mentions` when it has more.
    pub(crate) mentions_next: Option<String>,
}

/// A search result.
#[derive(Serialize, ToSchema)]
pub(crate) struct Hit {
    /// article, quote or entity.
    pub(crate) kind: String,
    pub(crate) id: String,
    pub(crate) document: Option<String>,
    pub(crate) label: String,
}

/// An event at a geocoded place.
#[derive(Serialize, ToSchema)]
pub(crate) struct MapPoint {
    pub(crate) event: String,
    #[serde(rename = "type")]
    pub(crate) kind: String,
    pub(crate) date: Option<String>,
    pub(crate) place: String,
    pub(crate) name: String,
    pub(crate) lat: f64,
    pub(crate) lon: f64,
    pub(crate) document: String,
}

/// Events per week, by type and place.
#[derive(Serialize, ToSchema)]
pub(crate) struct Trends {
    pub(crate) weeks: Vec<WeekCount>,
    pub(crate) years: Vec<YearCount>,
}

/// Events of one type at one place in one ISO week.
#[derive(Serialize, ToSchema)]
pub(crate) struct WeekCount {
    /// The Monday the week starts on.
    pub(crate) week: String,
    #[serde(rename = "type")]
    pub(crate) kind: String,
    pub(crate) place: Option<String>,
    pub(crate) count: usize,
}

/// Events of one type in one year, with the change against the year before.
#[derive(Serialize, ToSchema)]
pub(crate) struct YearCount {
    pub(crate) year: i32,
    #[serde(rename = "type")]
    pub(crate) kind: String,
    pub(crate) count: usize,
    /// Percent change against the year before; absent when that year had none.
    pub(crate) change_percent: Option<f64>,
}

/// One article submitted for ingestion: the JSON Lines record format.
#[derive(Serialize, Deserialize, ToSchema)]
pub(crate) struct ArticleInput {
    pub(crate) url: Option<String>,
    pub(crate) title: Option<String>,
    pub(crate) text: Option<String>,
    pub(crate) html: Option<String>,
    pub(crate) outlet: Option<String>,
    pub(crate) published: Option<String>,
    pub(crate) language: Option<String>,
    #[serde(default)]
    pub(crate) authors: Vec<String>,
}

/// Articles to ingest.
#[derive(Deserialize, ToSchema)]
pub(crate) struct IngestRequest {
    /// One to 10,000 articles.
    #[schema(min_items = 1, max_items = 10000)]
    pub(crate) articles: Vec<ArticleInput>,
}

/// An ingest job.
#[derive(Clone, Serialize, ToSchema)]
pub(crate) struct Job {
    pub(crate) id: String,
    /// queued, running, done or failed.
    pub(crate) state: String,
    pub(crate) submitted_at: String,
    pub(crate) finished_at: Option<String>,
    pub(crate) articles: usize,
    pub(crate) new: usize,
    pub(crate) versions: usize,
    pub(crate) unchanged: usize,
    pub(crate) records_failed: usize,
    /// The run's summary line, or what went wrong.
    pub(crate) message: Option<String>,
}

macro_rules! page {
    ($name:ident, $item:ty, $schema:ty) => {
        /// One page of results; pass `next` as `cursor` for the next page.
        #[derive(Serialize, ToSchema)]
        pub(crate) struct $name {
            #[schema(value_type = Vec<$schema>)]
            pub(crate) items: Vec<$item>,
            pub(crate) next: Option<String>,
        }
    };
}

page!(ArticlePage, ArticleSummary, ArticleSummary);
page!(StoryPage, StorySummary, StorySummary);
page!(EventPage, Raw, Object);
page!(QuotePage, Raw, Object);
page!(EntityList, Entity, Entity);
page!(HitPage, Hit, Hit);
page!(MentionPage, Mention, Mention);
