//! A report's signature: the weighted keys that stand for it when stories are formed.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use model::{Article, BlockKind, Language};

use super::hash::FastMap;
use crate::{dates::Precision, entities::EntityType, extract::Extraction, geo::PlaceKind};

/// What kind of evidence a feature is; words are scored apart from the rest because they only
/// match within one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Group {
    /// A resolved entity key.
    Entity,
    /// An event type, alone or at a place.
    Event,
    /// A month or a day.
    Date,
    /// A number with its unit.
    Number,
    /// A stemmed content word.
    Word,
}

impl Group {
    /// The key prefix, also used when rendering.
    pub fn prefix(self) -> &'static str {
        match self {
            Group::Entity => "e",
            Group::Event => "v",
            Group::Date => "d",
            Group::Number => "n",
            Group::Word => "w",
        }
    }

    /// True for the groups that mean the same in every language.
    pub fn is_neutral(self) -> bool {
        self != Group::Word
    }
}

/// One weighted key of a signature.
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    /// The key without its group prefix, e.g. `kb:pnp`, `riot@geo:ubigeo:150115`, `2023-11`.
    pub key: String,
    /// Its group.
    pub group: Group,
    /// Its weight in this report, before corpus frequencies are applied.
    pub weight: f32,
}

/// The compact form of one report that clustering reads.
#[derive(Debug, Clone, PartialEq)]
pub struct Signature {
    /// The article's id.
    pub document: String,
    /// The earlier article this one copies, from ingestion.
    pub duplicate_of: Option<String>,
    /// The article's language.
    pub language: Language,
    /// Features sorted by group, then key; each (group, key) once.
    pub features: Vec<Feature>,
    /// Intervals of the dates finer than a year, event dates first.
    pub dates: Vec<(NaiveDate, NaiveDate)>,
}

impl Signature {
    /// A signature built from features given in any order; equal keys are summed.
    pub fn new(
        document: impl Into<String>,
        language: Language,
        features: impl IntoIterator<Item = Feature>,
        dates: Vec<(NaiveDate, NaiveDate)>,
    ) -> Signature {
        let mut merged: BTreeMap<(Group, String), f32> = BTreeMap::new();
        for feature in features {
            *merged.entry((feature.group, feature.key)).or_default() += feature.weight;
        }
        Signature {
            document: document.into(),
            duplicate_of: None,
            language,
            features: merged
                .into_iter()
                .map(|((group, key), weight)| Feature { key, group, weight })
                .collect(),
            dates,
        }
    }

    /// The signature of `article` from its extraction.
    pub fn from_article(article: &Article, extraction: &Extraction) -> Signature {
        let mut features = Vec::new();
        let mut add = |group: Group, key: String, weight: f32| {
            features.push(Feature { key, group, weight });
        };
        let entities = &extraction.entities.entities;
        for entity in entities {
            let base = match entity.kind {
                EntityType::Person | EntityType::CriminalGroup => 1.5,
                EntityType::Organization => 1.0,
                EntityType::Place => place_weight(entity.place.as_ref().map(|place| place.kind)),
                EntityType::Other => 0.6,
            };
            let mentions = entity.mentions.len().max(1) as f32;
            add(Group::Entity, entity.key.clone(), base * (1.0 + mentions.ln()));
        }
        let mut dates = Vec::new();
        for event in &extraction.events {
            let kind = event.kind.as_str();
            add(Group::Event, kind.to_string(), 0.5);
            for &place in &event.places {
                if let Some(entity) = entities.get(place) {
                    add(Group::Event, format!("{kind}@{}", entity.key), 1.0);
                }
            }
            if let Some(date) = event.date.and_then(|index| extraction.dates.get(index)) {
                if date.precision != Precision::Year {
                    dates.push((date.start, date.end));
                }
            }
        }
        for date in &extraction.dates {
            let start = date.start;
            match date.precision {
                Precision::Day | Precision::Week => {
                    add(Group::Date, month_key(start), 0.5);
                    if date.precision == Precision::Day {
                        add(Group::Date, start.format("%Y-%m-%d").to_string(), 0.5);
                    }
                }
                Precision::Month => add(Group::Date, month_key(start), 0.3),
                Precision::Year => add(Group::Date, format!("{}", start.year()), 0.2),
            }
            if date.precision != Precision::Year {
                dates.push((date.start, date.end));
            }
        }
        for quantity in &extraction.quantities {
            let value = quantity.value;
            // Years and tiny counts say little about which story a report belongs to.
            if value > 2.0 && value.is_finite() {
                add(Group::Number, format!("{value}:{}", quantity.unit.as_str()), 0.7);
            }
        }
        let mut words: FastMap<String, (f32, bool)> = FastMap::default();
        let mut lower = String::new();
        for block in article.extraction_blocks() {
            let headline = block.kind == BlockKind::Headline;
            let start = article.tokens.partition_point(|token| token.start < block.span.start);
            for token in &article.tokens[start..] {
                if token.start >= block.span.end {
                    break;
                }
                if let Some(stem) = stem(article.slice(*token), &mut lower) {
                    match words.get_mut(stem) {
                        Some(entry) => {
                            entry.0 += 1.0;
                            entry.1 |= headline;
                        }
                        None => {
                            words.insert(stem.to_string(), (1.0, headline));
                        }
                    }
                }
            }
        }
        for (stem, (count, headline)) in words {
            let weight = (1.0 + count.ln()) * if headline { 2.0 } else { 1.0 };
            add(Group::Word, stem, weight);
        }
        // The main date first: the latest one, since news leads with what just happened and
        // looks back to earlier events.
        if let Some(latest) =
            (0..dates.len()).max_by_key(|&at| (dates[at].1, std::cmp::Reverse(at)))
        {
            dates.swap(0, latest);
        }
        let mut signature =
            Signature::new(article.id.clone(), article.language.clone(), features, dates);
        signature.duplicate_of =
            article.duplicate_of.as_ref().map(|duplicate| duplicate.of.clone());
        signature
    }
}

/// A district says far more about a story than its country.
fn place_weight(kind: Option<PlaceKind>) -> f32 {
    match kind {
        Some(PlaceKind::Country) => 0.4,
        Some(PlaceKind::Admin1 | PlaceKind::Department) => 0.7,
        Some(PlaceKind::Province) => 1.0,
        Some(PlaceKind::City) => 1.2,
        Some(PlaceKind::District) => 1.4,
        None => 1.0,
    }
}

fn month_key(date: NaiveDate) -> String {
    format!("{:04}-{:02}", date.year(), date.month())
}

/// Characters kept of a word once a plural "s" is dropped: a crude stem that joins "shootings"
/// with "shooting" and "detenidos" with "detenido" without a language-specific stemmer.
const STEM_CHARS: usize = 8;

/// The lowercased, stemmed form of a content word, written into `lower`, or `None` for stop
/// words, numbers and short words.
pub(crate) fn stem<'a>(token: &str, lower: &'a mut String) -> Option<&'a str> {
    if token.len() < 3 || !token.chars().all(char::is_alphabetic) {
        return None;
    }
    lower.clear();
    lower.extend(token.chars().flat_map(char::to_lowercase));
    if lower.chars().nth(2).is_none() || STOP_WORDS.binary_search(&lower.as_str()).is_ok() {
        return None;
    }
    let word = match lower.strip_suffix('s') {
        Some(singular) if lower.len() > 4 => singular,
        _ => lower.as_str(),
    };
    let end = word.char_indices().nth(STEM_CHARS).map_or(word.len(), |(at, _)| at);
    Some(&word[..end])
}

/// English and Spanish function words and reporting verbs, sorted for binary search.
const STOP_WORDS: &[&str] = &[
    "about", "acuerdo", "after", "again", "against", "ahora", "algo", "algunos", "all", "also",
    "although", "among", "and", "ante", "antes", "any", "are", "aseguró", "aún", "because", "been",
    "before", "being", "between", "both", "but", "cada", "can", "casi", "cerca", "como", "con",
    "contra", "could", "cual", "cuando", "del", "desde", "did", "dijo", "does", "donde", "dos",
    "durante", "during", "each", "ella", "ellos", "entre", "era", "eran", "esa", "ese", "eso",
    "esta", "estaba", "estaban", "estas", "este", "esto", "estos", "está", "están", "for", "from",
    "fue", "fueron", "hace", "hacia", "had", "han", "has", "hasta", "have", "hay", "her", "here",
    "his", "how", "into", "its", "las", "les", "los", "may", "mientras", "more", "most", "mucho",
    "muy", "más", "nada", "new", "ni", "nor", "nos", "not", "now", "off", "one", "only", "other",
    "otra", "otro", "otros", "our", "out", "over", "para", "pero", "poco", "por", "porque", "que",
    "quien", "quienes", "said", "says", "según", "ser", "she", "should", "sido", "sin", "sobre",
    "some", "son", "such", "sus", "tal", "también", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "those", "through", "tiene", "todo", "todos", "told", "tras",
    "two", "una", "under", "uno", "unos", "very", "was", "were", "what", "when", "where", "which",
    "while", "who", "will", "with", "would", "year", "years", "you", "él",
];
