//! One article's whole extraction: entities, dates, quantities, quotes and events, in the order
//! each stage needs the ones before it.

use model::{Article, Span};

use crate::{
    dates::{self, DateMention},
    entities::{self, DocumentEntities, EntityType, Resources},
    events::{self, Event, Inputs},
    quantities::{self, Quantity},
    quotes::{self, Quote},
};

/// Everything extracted from one article.
#[derive(Debug, Clone)]
pub struct Extraction {
    /// Entities and relations, linked within the article and geocoded.
    pub entities: DocumentEntities,
    /// Date expressions, as intervals.
    pub dates: Vec<DateMention>,
    /// Quantities.
    pub quantities: Vec<Quantity>,
    /// Quotes and reported speech.
    pub quotes: Vec<Quote>,
    /// Events.
    pub events: Vec<Event>,
}

/// Runs every extraction stage over `article`.
pub fn extract(article: &Article, resources: &Resources<'_>) -> Extraction {
    let entities = entities::extract(article, resources);
    let dates = dates::find(article);
    let mut places: Vec<Span> = entities
        .entities
        .iter()
        .filter(|entity| entity.kind == EntityType::Place)
        .flat_map(|entity| entity.mentions.iter().copied())
        .collect();
    places.sort_by_key(|span| (span.start, span.end));
    places.dedup();
    let quantities = quantities::find(article, &dates, &places);
    let quotes = quotes::find(article, &entities);
    let events = events::find(&Inputs {
        article,
        entities: &entities,
        dates: &dates,
        quantities: &quantities,
        quotes: &quotes,
    });
    Extraction { entities, dates, quantities, quotes, events }
}
