//! The report's per-document items (quotes, quantities, dates, events), with entity ids resolved.
//!
//! They are built with each document, on the worker threads (entity ids are hashes of entity
//! keys, so they need no index), and written after the entities, which span documents.

use std::collections::BTreeMap;

use analysis::{
    dates::DateMention,
    entities::{self, DocumentEntities},
    events::{Event, Participant},
    extract::Extraction,
};
use model::{Article, Span};
use serde::Serialize;

/// A number written as an integer when it is one ("700", not "700.0"), so that counts read
/// as counts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Number(pub(crate) f64);

impl Serialize for Number {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let value = self.0;
        if value.fract() == 0.0 && value.abs() < 9_007_199_254_740_992.0 {
            serializer.serialize_i64(value as i64)
        } else {
            serializer.serialize_f64(value)
        }
    }
}

/// A byte range of the owning document's text.
#[derive(Debug, Clone, Copy, Serialize)]
pub(crate) struct Range {
    pub(crate) start: usize,
    pub(crate) end: usize,
}

impl From<Span> for Range {
    fn from(span: Span) -> Range {
        Range { start: span.start, end: span.end }
    }
}

/// A sentence or span of a document, cited as evidence.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Evidence {
    pub(crate) document: String,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// A date interval with the words that gave it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Interval {
    pub(crate) start: String,
    pub(crate) end: String,
    pub(crate) precision: &'static str,
    pub(crate) text: String,
    pub(crate) inferred: bool,
}

impl Interval {
    fn new(article: &Article, date: &DateMention) -> Interval {
        Interval {
            start: date.start.to_string(),
            end: date.end.to_string(),
            precision: date.precision.as_str(),
            text: article.slice(date.span).to_string(),
            inferred: date.inferred,
        }
    }
}

/// Who said it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SpeakerItem {
    /// The entity id it resolves to.
    pub(crate) entity: Option<String>,
    /// That entity's name.
    pub(crate) name: Option<String>,
    /// The mention as written; empty when the sentence names nobody.
    pub(crate) text: String,
    /// `name`, `pronoun`, `description`, or `none`.
    pub(crate) kind: &'static str,
    pub(crate) start: Option<usize>,
    pub(crate) end: Option<usize>,
}

/// One quote or reported statement.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct QuoteItem {
    pub(crate) document: String,
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// The words said, fragments joined by " … ".
    pub(crate) text: String,
    pub(crate) speaker: SpeakerItem,
    pub(crate) kind: &'static str,
    pub(crate) content: Vec<Range>,
    pub(crate) cue: Option<Range>,
}

/// One quantity.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct QuantityItem {
    pub(crate) document: String,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) value: Number,
    pub(crate) unit: &'static str,
    pub(crate) counted: Option<String>,
    pub(crate) hedge: Option<&'static str>,
    pub(crate) kind: &'static str,
    pub(crate) text: String,
    pub(crate) period: Option<Interval>,
    pub(crate) place: Option<String>,
}

/// One date expression.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct DateItem {
    pub(crate) document: String,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) text: String,
    pub(crate) kind: &'static str,
    pub(crate) interval: Interval,
}

/// An actor, target or source of an event.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ParticipantItem {
    pub(crate) entity: Option<String>,
    pub(crate) text: String,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// A count with the words that gave it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CountItem {
    pub(crate) role: &'static str,
    pub(crate) value: Number,
    pub(crate) hedge: Option<&'static str>,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// ACLED's classification of an event type.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct AcledItem {
    pub(crate) event_type: &'static str,
    pub(crate) sub_event_type: &'static str,
}

/// One event of one document.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct EventItem {
    pub(crate) id: String,
    #[serde(rename = "type")]
    pub(crate) kind: &'static str,
    pub(crate) date: Option<Interval>,
    pub(crate) places: Vec<String>,
    pub(crate) actors: Vec<ParticipantItem>,
    pub(crate) targets: Vec<ParticipantItem>,
    pub(crate) counts: BTreeMap<&'static str, Number>,
    pub(crate) modality: &'static str,
    pub(crate) evidence: Vec<Evidence>,
    pub(crate) document: String,
    pub(crate) threatened: Option<&'static str>,
    pub(crate) attribution: Option<ParticipantItem>,
    pub(crate) count_evidence: Vec<CountItem>,
    pub(crate) triggers: Vec<Range>,
    pub(crate) acled: Option<AcledItem>,
    /// The first sentence that mentions it, for the Markdown report; the JSON report drops it.
    #[serde(rename = "_sentence")]
    pub(crate) sentence: String,
}

/// One document's items.
#[derive(Debug, Default)]
pub(crate) struct Items {
    pub(crate) quotes: Vec<QuoteItem>,
    pub(crate) quantities: Vec<QuantityItem>,
    pub(crate) dates: Vec<DateItem>,
    pub(crate) events: Vec<EventItem>,
}

/// The items of `article`, citing entities by the ids the entity index gives them.
pub(crate) fn items(article: &Article, extraction: &Extraction) -> Items {
    let document = article.id.as_str();
    let entities = &extraction.entities;
    let id_of = |i: usize| entity_id(entities, i);
    let text = |span: Span| article.slice(span).to_string();
    let quotes = extraction
        .quotes
        .iter()
        .map(|quote| {
            let speaker = match &quote.speaker {
                Some(speaker) => SpeakerItem {
                    entity: speaker.entity.and_then(id_of),
                    name: speaker.entity.map(|i| entities.entities[i].name.clone()),
                    text: speaker.span.map(text).unwrap_or_default(),
                    kind: speaker.kind.as_str(),
                    start: speaker.span.map(|s| s.start),
                    end: speaker.span.map(|s| s.end),
                },
                None => SpeakerItem {
                    entity: None,
                    name: None,
                    text: String::new(),
                    kind: "none",
                    start: None,
                    end: None,
                },
            };
            QuoteItem {
                document: document.to_string(),
                start: quote.span.start,
                end: quote.span.end,
                text: quote
                    .content
                    .iter()
                    .map(|&s| article.slice(s))
                    .collect::<Vec<_>>()
                    .join(" … "),
                speaker,
                kind: quote.kind.as_str(),
                content: quote.content.iter().map(|&s| Range::from(s)).collect(),
                cue: quote.cue.map(Range::from),
            }
        })
        .collect();
    let quantities = extraction
        .quantities
        .iter()
        .map(|q| QuantityItem {
            document: document.to_string(),
            start: q.span.start,
            end: q.span.end,
            value: Number(q.value),
            unit: q.unit.as_str(),
            counted: q.counted.map(text),
            hedge: q.hedge.map(|h| h.as_str()),
            kind: q.kind.as_str(),
            text: text(q.span),
            period: q.period.map(|i| Interval::new(article, &extraction.dates[i])),
            place: q.place.map(text),
        })
        .collect();
    let dates = extraction
        .dates
        .iter()
        .map(|d| DateItem {
            document: document.to_string(),
            start: d.span.start,
            end: d.span.end,
            text: text(d.span),
            kind: d.kind.as_str(),
            interval: Interval::new(article, d),
        })
        .collect();
    let events =
        extraction.events.iter().map(|event| event_item(article, extraction, event)).collect();
    Items { quotes, quantities, dates, events }
}

/// `evt-` and 12 hex digits: a hash of the document, the type and the first trigger's offset.
pub(crate) fn event_id(document: &str, event: &Event) -> String {
    let first = event.triggers.first().map_or(0, |t| t.start);
    let key = format!("{document}\n{}\n{first}", event.kind.as_str());
    let hash = analysis::dedup::fingerprint(key.as_bytes());
    format!("evt-{:012x}", hash & 0xffff_ffff_ffff)
}

/// The id of the document's `i`th entity: a hash of its key, as the entity index gives it.
fn entity_id(entities: &DocumentEntities, i: usize) -> Option<String> {
    entities.entities.get(i).map(|e| entities::entity_id(&e.key))
}

fn event_item(article: &Article, extraction: &Extraction, event: &Event) -> EventItem {
    let document = article.id.as_str();
    let entities = &extraction.entities;
    let participant = |p: &Participant| ParticipantItem {
        entity: p.entity.and_then(|i| entity_id(entities, i)),
        text: article.slice(p.span).to_string(),
        start: p.span.start,
        end: p.span.end,
    };
    let count_evidence: Vec<CountItem> = event
        .counts
        .iter()
        .map(|count| {
            let q = &extraction.quantities[count.quantity];
            CountItem {
                role: count.role.as_str(),
                value: Number(q.value),
                hedge: q.hedge.map(|h| h.as_str()),
                start: q.span.start,
                end: q.span.end,
            }
        })
        .collect();
    EventItem {
        id: event_id(document, event),
        kind: event.kind.as_str(),
        date: event.date.map(|i| Interval::new(article, &extraction.dates[i])),
        places: {
            // Two names of the text ("Lima", "Lima Metropolitana") can be one place.
            let mut ids: Vec<String> = Vec::new();
            for id in event.places.iter().filter_map(|&i| entity_id(entities, i)) {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            ids
        },
        actors: event.actors.iter().map(participant).collect(),
        targets: event.targets.iter().map(participant).collect(),
        counts: count_evidence.iter().map(|c| (c.role, c.value)).collect(),
        modality: event.modality.as_str(),
        evidence: event
            .evidence
            .iter()
            .map(|s| Evidence { document: document.to_string(), start: s.start, end: s.end })
            .collect(),
        document: document.to_string(),
        threatened: event.threatened.map(|t| t.as_str()),
        attribution: event.attribution.as_ref().map(participant),
        count_evidence,
        triggers: event.triggers.iter().map(|&s| Range::from(s)).collect(),
        acled: event
            .kind
            .acled()
            .map(|(event_type, sub_event_type)| AcledItem { event_type, sub_event_type }),
        sentence: event.evidence.first().map(|&s| article.slice(s).to_string()).unwrap_or_default(),
    }
}
