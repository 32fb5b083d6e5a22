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

/// The spans of the document's place mentions, sorted, as quantities want them.
pub fn place_spans(entities: &DocumentEntities) -> Vec<Span> {
    let mut places: Vec<Span> = entities
        .entities
        .iter()
        .filter(|entity| entity.kind == EntityType::Place)
        .flat_map(|entity| entity.mentions.iter().copied())
        .collect();
    places.sort_by_key(|span| (span.start, span.end));
    places.dedup();
    places
}

/// Runs every extraction stage over `article`.
pub fn extract(article: &Article, resources: &Resources<'_>) -> Extraction {
    let entities = entities::extract(article, resources);
    let dates = dates::find(article);
    let quantities = quantities::find(article, &dates, &place_spans(&entities));
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

#[cfg(test)]
mod tests {
    use super::extract;
    use crate::testing;

    /// Word soup built from the characters and words the extractors react to: quotation marks,
    /// dashes, brackets, numbers, months, cues and triggers, in both languages.
    const SOUP: &[&str] = &[
        "\"",
        "“",
        "”",
        "«",
        "»",
        "‘",
        "’",
        "—",
        "–",
        "-",
        "[",
        "]",
        "(",
        ")",
        ",",
        ".",
        ":",
        ";",
        "\n\n",
        "said",
        "dijo",
        "según",
        "according",
        "to",
        "that",
        "que",
        "he",
        "ella",
        "Luis",
        "García",
        "Los",
        "Gallegos",
        "Lima",
        "La",
        "Victoria",
        "police",
        "policía",
        "arrested",
        "detuvo",
        "threatened",
        "amenazó",
        "kill",
        "matar",
        "denied",
        "negó",
        "could",
        "podría",
        "6,500",
        "6.500",
        "1,5",
        "millones",
        "million",
        "four",
        "cuatro",
        "almost",
        "double",
        "más",
        "de",
        "60%",
        "percent",
        "S/",
        "S/.",
        "Oct.",
        "31",
        "octubre",
        "el",
        "in",
        "September",
        "since",
        "2019",
        "desde",
        "last",
        "week",
        "one",
        "day",
        "after",
        "nearly",
        "a",
        "later",
        "fiscal",
        "year",
        "2023",
        "first",
        "eight",
        "months",
        "of",
        "riots",
        "disturbios",
        "estado",
        "emergencia",
        "extortion",
        "extorsión",
        "0",
        "99999999999999999",
    ];

    #[test]
    fn spans_of_every_stage_stay_inside_the_text_on_word_soup() {
        let resources = testing::resources();
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for round in 0..300 {
            let mut text = String::from("Headline\n\n");
            for _ in 0..(round % 60 + 5) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(SOUP[(state % SOUP.len() as u64) as usize]);
                text.push(if state.is_multiple_of(3) { '\u{a0}' } else { ' ' });
            }
            let published = (round % 2 == 0).then_some("2023-11-08");
            let article = testing::article("soup.txt", &text, published);
            let found = extract(&article, &resources);
            let spans = found
                .dates
                .iter()
                .map(|d| d.span)
                .chain(found.quantities.iter().map(|q| q.span))
                .chain(found.quotes.iter().flat_map(|q| q.content.iter().copied().chain([q.span])))
                .chain(found.events.iter().flat_map(|e| e.evidence.iter().copied()));
            for span in spans {
                assert!(
                    article.text.get(span.start..span.end).is_some(),
                    "span {span:?} is not inside {:?}",
                    article.text
                );
            }
        }
    }
}
