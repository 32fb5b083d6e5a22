//! Entities: names found in headline and body text, linked within a document, geocoded, and resolved across documents.
//!
//! Three steps, each pure and deterministic:
//!
//! 1. [`recognize`] runs the tagger of each sentence's language (the block's language, or the
//!    article's when the block's is not supported) over the sentences of the headline and body,
//!    and adds the knowledge base's names found in the same blocks. Text in other languages is
//!    not read at all. Where the two overlap the
//!    knowledge base wins the span, the type and the link. Bylines, captions, credits and promos
//!    are never read, so their names never become mentions.
//! 2. [`extract`] links mentions within the document: a short form points to a full name that
//!    holds it ("García" and "Mr. García" to "Luis García"), an acronym defined in the text
//!    ("Policía Nacional del Perú (PNP)", "… – PNP") joins its long form, and names that
//!    [`crate::kb::normalize`] folds together are one ("Gallegos" and "Los Gallegos"). Place entities
//!    are then geocoded with the gazetteer, the other places of the article as context; a name
//!    the context cannot settle is reported as an `ambiguous_place` warning, never guessed.
//!    Relations between the document's entities are then read from its sentences and from the
//!    knowledge base's affiliations (see the `relations` module).
//! 3. [`EntityIndex`] (or [`resolve`]) merges the documents' entities: one entity per knowledge
//!    base entry, whatever the language of the name; one per gazetteer place; otherwise one per
//!    type and normalised name. Entity ids hash that key, so they are stable across runs.
//!    Relations merge when type, subject, object and modality agree, gathering their evidence.
//!
//! ```
//! use analysis::entities::EntityType;
//! assert_eq!(EntityType::CriminalGroup.as_str(), "criminal_group");
//! ```

mod link;
mod places;
mod relations;
#[cfg(test)]
mod tests;

pub use relations::{DocRelation, Modality, RelationType};

use std::{collections::HashMap, sync::Arc};

use model::{Article, Diagnostic, Language, Span};

use crate::{
    geo::{Gazetteer, Place},
    kb::{EntryType, KnowledgeBase},
    ner::{self, Kind, NerModel},
};

/// The models and tables recognition reads; built once by the caller and shared across threads.
#[derive(Debug, Clone, Copy)]
pub struct Resources<'a> {
    /// The Spanish tagger.
    pub ner_es: &'a NerModel,
    /// The English tagger.
    pub ner_en: &'a NerModel,
    /// The curated knowledge base.
    pub kb: &'a KnowledgeBase,
    /// The place table.
    pub gazetteer: &'a Gazetteer,
}

impl Resources<'_> {
    fn tagger(&self, language: &Language) -> Option<&NerModel> {
        match language {
            Language::Spanish => Some(self.ner_es),
            Language::English => Some(self.ner_en),
            _ => None,
        }
    }
}

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    /// A person.
    Person,
    /// An institution, company or other organisation.
    Organization,
    /// A cartel, gang, guerrilla, or one of their cells.
    CriminalGroup,
    /// A place.
    Place,
    /// Another name: nationalities, events, works.
    Other,
}

impl EntityType {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            EntityType::CriminalGroup => "criminal_group",
            EntityType::Place => "place",
            EntityType::Other => "other",
        }
    }

    fn from_ner(kind: Kind) -> EntityType {
        match kind {
            Kind::Per => EntityType::Person,
            Kind::Org => EntityType::Organization,
            Kind::Loc => EntityType::Place,
            Kind::Misc => EntityType::Other,
        }
    }

    fn from_kb(kind: EntryType) -> EntityType {
        match kind {
            EntryType::CriminalGroup => EntityType::CriminalGroup,
            EntryType::Organization => EntityType::Organization,
            EntryType::Person => EntityType::Person,
            EntryType::Place => EntityType::Place,
        }
    }
}

/// One name in an article's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Where it is in the article's text.
    pub span: Span,
    /// What it names.
    pub kind: EntityType,
    /// The knowledge base entry it names, when the knowledge base knows it.
    pub kb_id: Option<String>,
}

/// Abbreviated titles that only come before a person's name ("Mr. García", "la Dra. Palacios"):
/// dropped from the name, which is then a person whatever the tagger said.
const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sr", "sra", "srta", "dra", "don", "doña", "col", "gen", "gral", "lt",
    "capt", "sgt", "cnel", "prof",
];

/// Roles written before a person's name ("President Dina Boluarte"): dropped from a person's
/// name only, since "General" or "Fiscal" can also start an organisation's.
const ROLES: &[&str] = &[
    "president",
    "presidente",
    "presidenta",
    "minister",
    "ministro",
    "ministra",
    "senator",
    "senador",
    "senadora",
    "congresista",
    "judge",
    "juez",
    "jueza",
    "coronel",
    "colonel",
    "general",
    "comandante",
    "commander",
    "alcalde",
    "alcaldesa",
    "mayor",
    "fiscal",
    "prosecutor",
];

fn in_list(token: &str, list: &[&str]) -> bool {
    let word = token.trim_end_matches('.').to_lowercase();
    list.contains(&word.as_str())
}

/// Every name in the headline and body of `article`, sorted by position, without overlaps.
pub fn recognize(article: &Article, resources: &Resources<'_>) -> Vec<Mention> {
    let from_kb = kb_mentions(article, resources.kb);
    let mut mentions: Vec<Mention> = tagged_mentions(article, resources)
        .into_iter()
        .filter(|m| !from_kb.iter().any(|k| m.span.start < k.span.end && k.span.start < m.span.end))
        .collect();
    mentions.extend(from_kb);
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
    mentions
}

/// The tagger's entities, sentence by sentence, each block's sentences tagged as one document.
fn tagged_mentions(article: &Article, resources: &Resources<'_>) -> Vec<Mention> {
    // Sentences (as token runs) grouped by the tagger that reads them.
    let mut by_model: Vec<(&NerModel, Vec<&[Span]>)> = Vec::new();
    let mut token = 0;
    let tokens = &article.tokens;
    for &sentence in &article.sentences {
        while token < tokens.len() && tokens[token].start < sentence.start {
            token += 1;
        }
        let first = token;
        while token < tokens.len() && tokens[token].end <= sentence.end {
            token += 1;
        }
        let Some(block) = article.blocks.iter().find(|block| block.span.contains(sentence)) else {
            continue;
        };
        let Some(model) = resources.tagger(effective_language(article, &block.language)) else {
            continue;
        };
        match by_model.iter_mut().find(|(m, _)| std::ptr::eq(*m, model)) {
            Some((_, sentences)) => sentences.push(&tokens[first..token]),
            None => by_model.push((model, vec![&tokens[first..token]])),
        }
    }
    let outlet = article.outlet.as_deref().map(crate::kb::normalize);
    let mut out = Vec::new();
    for (model, sentences) in by_model {
        let words: Vec<Vec<&str>> = sentences
            .iter()
            .map(|spans| spans.iter().map(|&span| article.slice(span)).collect())
            .collect();
        let refs: Vec<&[&str]> = words.iter().map(Vec::as_slice).collect();
        for ((spans, words), tags) in
            sentences.iter().zip(&words).zip(model.tag_document(&refs, Some(resources.kb)))
        {
            for entity in ner::entities(&tags) {
                let (mut start, mut end) = (entity.start, entity.end);
                // Quotes and dashes at the edges, and a leading title, are not the name.
                while start < end && !words[start].chars().any(char::is_alphanumeric) {
                    start += 1;
                }
                while end > start && !words[end - 1].chars().any(char::is_alphanumeric) {
                    end -= 1;
                }
                let mut kind = EntityType::from_ner(entity.kind);
                while end - start > 1 && in_list(words[start], HONORIFICS) {
                    start += 1;
                    kind = EntityType::Person;
                }
                while kind == EntityType::Person && end - start > 1 && in_list(words[start], ROLES)
                {
                    start += 1;
                }
                let title = |word| in_list(word, HONORIFICS) || in_list(word, ROLES);
                if start == end || (end - start == 1 && title(words[start])) {
                    continue;
                }
                let span = Span::new(spans[start].start, spans[end - 1].end);
                let text = article.slice(span);
                // A name has a capital; a lone letter is an initial or noise. The outlet naming
                // itself ("LIMA (Andes Wire) —") is a dateline, not a subject.
                if !text.chars().any(char::is_uppercase)
                    || text.chars().count() < 2
                    || outlet.as_deref() == Some(crate::kb::normalize(text).as_str())
                {
                    continue;
                }
                out.push(Mention { span, kind, kb_id: None });
            }
        }
    }
    out
}

/// A block's language when it is supported, else the article's.
fn effective_language<'a>(article: &'a Article, block: &'a Language) -> &'a Language {
    if block.is_supported() {
        block
    } else {
        &article.language
    }
}

/// Knowledge base names in the headline and body. A name shared by several entries goes to
/// the one in the country most of the document's other entries are from; when that does not
/// settle it, the name is left to the tagger.
fn kb_mentions(article: &Article, kb: &KnowledgeBase) -> Vec<Mention> {
    let mut found: Vec<(Span, Vec<&str>)> = Vec::new();
    for block in article.extraction_blocks() {
        if !effective_language(article, &block.language).is_supported() {
            continue;
        }
        for m in kb.find_mentions(article.slice(block.span)) {
            let span = Span::new(block.span.start + m.start, block.span.start + m.end);
            match found.last_mut() {
                Some((last, ids)) if *last == span => ids.push(m.entry_id),
                _ => found.push((span, vec![m.entry_id])),
            }
        }
    }
    let unique: Vec<&str> = found
        .iter()
        .filter_map(|(_, ids)| match ids.as_slice() {
            [one] => Some(*one),
            _ => None,
        })
        .collect();
    let mut votes: HashMap<&str, usize> = HashMap::new();
    for (_, ids) in &found {
        if let [id] = ids.as_slice() {
            if let Some(country) = kb.get(id).and_then(|entry| entry.country.as_deref()) {
                *votes.entry(country).or_default() += 1;
            }
        }
    }
    let top = votes.values().copied().max().unwrap_or(0);
    let leaders: Vec<&str> = votes.iter().filter(|(_, &n)| n == top).map(|(&c, _)| c).collect();
    let country = match leaders.as_slice() {
        [one] => Some(*one),
        _ => None,
    };
    found
        .into_iter()
        .filter_map(|(span, ids)| {
            let id = match ids.as_slice() {
                [one] => *one,
                many => {
                    // One the document names unambiguously elsewhere ("Policía Nacional" after
                    // "Policía Nacional del Perú"), else one from the document's main country.
                    let named: Vec<&str> =
                        many.iter().copied().filter(|id| unique.contains(id)).collect();
                    if let [one] = named.as_slice() {
                        return Some(*one).and_then(|id| kb.get(id)).map(|entry| Mention {
                            span,
                            kind: EntityType::from_kb(entry.kind),
                            kb_id: Some(entry.id.clone()),
                        });
                    }
                    let local: Vec<&str> = many
                        .iter()
                        .copied()
                        .filter(|id| {
                            country.is_some()
                                && kb.get(id).and_then(|e| e.country.as_deref()) == country
                        })
                        .collect();
                    match local.as_slice() {
                        [one] => *one,
                        _ => return None,
                    }
                }
            };
            let entry = kb.get(id)?;
            Some(Mention {
                span,
                kind: EntityType::from_kb(entry.kind),
                kb_id: Some(entry.id.clone()),
            })
        })
        .collect()
}

/// An entity of one document: its mentions linked together, geocoded if it is a place.
#[derive(Debug, Clone, PartialEq)]
pub struct DocEntity {
    /// What identifies it across documents: `kb:<id>`, `geo:<gazetteer id>`, or `<type>:<name>`.
    pub key: String,
    /// The knowledge base name, or the longest form in the document.
    pub name: String,
    /// What it is.
    pub kind: EntityType,
    /// The knowledge base entry, when linked.
    pub kb_id: Option<String>,
    /// Every surface form, in order of first appearance.
    pub aliases: Vec<String>,
    /// Every mention, in text order.
    pub mentions: Vec<Span>,
    /// Where it is, for a place the gazetteer resolved.
    pub place: Option<Place>,
}

/// What [`extract`] found in one article.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentEntities {
    /// The article's id.
    pub document: String,
    /// Its entities, in order of first mention.
    pub entities: Vec<DocEntity>,
    /// Relations between its entities.
    pub relations: Vec<DocRelation>,
    /// Places that could not be told apart.
    pub diagnostics: Vec<Diagnostic>,
}

/// Recognises, links and geocodes the entities of one article.
pub fn extract(article: &Article, resources: &Resources<'_>) -> DocumentEntities {
    let mentions = recognize(article, resources);
    let mut entities = link::link(article, &mentions, resources.kb);
    let diagnostics = places::geocode(article, &mut entities, resources);
    for entity in &mut entities {
        entity.key = match (&entity.kb_id, &entity.place) {
            (Some(id), _) => format!("kb:{id}"),
            (None, Some(place)) => format!("geo:{}", place.gazetteer_id),
            (None, None) => {
                format!("{}:{}", entity.kind.as_str(), crate::kb::normalize(&entity.name))
            }
        };
    }
    let relations = relations::relations(article, &entities, resources.kb);
    DocumentEntities { document: article.id.clone(), entities, relations, diagnostics }
}

/// A mention of an entity in one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityMention {
    /// The document's id, shared by every mention in that document.
    pub document: Arc<str>,
    /// Where the mention is in its text.
    pub span: Span,
}

/// An entity of the whole batch.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// `ent-` and 12 hex digits, a hash of the entity's key.
    pub id: String,
    /// The knowledge base name, or the longest full form seen.
    pub name: String,
    /// What it is.
    pub kind: EntityType,
    /// The knowledge base entry, when linked.
    pub kb_id: Option<String>,
    /// Every surface form, in order of first appearance.
    pub aliases: Vec<String>,
    /// Every mention, in document and text order.
    pub mentions: Vec<EntityMention>,
    /// Where it is, for a geocoded place.
    pub place: Option<Place>,
}

/// A relation between two entities of the batch, with every sentence that states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    /// What it says.
    pub kind: RelationType,
    /// The subject's entity id.
    pub subject: String,
    /// The object's entity id.
    pub object: String,
    /// How firmly it is stated; the same link stated with two modalities is two relations.
    pub modality: Modality,
    /// The sentences that state it, in document order.
    pub evidence: Vec<EntityMention>,
}

/// The id of the entity with this key (see [`DocEntity::key`]): `ent-` and 12 hex digits of
/// its hash, the same on every run and in every batch.
pub fn entity_id(key: &str) -> String {
    let hash = crate::dedup::fingerprint(key.as_bytes());
    format!("ent-{:012x}", hash & 0xffff_ffff_ffff)
}

/// A running index of entities and relations across documents, fed one document at a time.
#[derive(Debug, Default)]
pub struct EntityIndex {
    by_key: HashMap<String, usize>,
    entities: Vec<Entity>,
    relation_at: HashMap<(RelationType, String, String, Modality), usize>,
    relations: Vec<Relation>,
}

impl EntityIndex {
    /// An empty index.
    pub fn new() -> EntityIndex {
        EntityIndex::default()
    }

    /// Adds one document's entities, merging them with those already seen.
    pub fn add(&mut self, document: &DocumentEntities, kb: &KnowledgeBase) {
        let id: Arc<str> = Arc::from(document.document.as_str());
        for found in &document.entities {
            let at = *self.by_key.entry(found.key.clone()).or_insert_with(|| {
                let name = found
                    .kb_id
                    .as_deref()
                    .and_then(|id| kb.get(id))
                    .map_or_else(|| found.name.clone(), |entry| entry.name.clone());
                self.entities.push(Entity {
                    id: entity_id(&found.key),
                    name,
                    kind: found.kind,
                    kb_id: found.kb_id.clone(),
                    aliases: Vec::new(),
                    mentions: Vec::new(),
                    place: None,
                });
                self.entities.len() - 1
            });
            let entity = &mut self.entities[at];
            if entity.kb_id.is_none() && found.name.chars().count() > entity.name.chars().count() {
                entity.name.clone_from(&found.name);
            }
            for alias in &found.aliases {
                if !entity.aliases.contains(alias) {
                    entity.aliases.push(alias.clone());
                }
            }
            entity.mentions.extend(
                found
                    .mentions
                    .iter()
                    .map(|&span| EntityMention { document: Arc::clone(&id), span }),
            );
            if entity.place.is_none() {
                entity.place.clone_from(&found.place);
            }
        }
        for found in &document.relations {
            let (Some(subject), Some(object)) =
                (self.id_of(&found.subject), self.id_of(&found.object))
            else {
                continue;
            };
            let key = (found.kind, subject.to_string(), object.to_string(), found.modality);
            let at = match self.relation_at.get(&key) {
                Some(&at) => at,
                None => {
                    self.relations.push(Relation {
                        kind: found.kind,
                        subject: key.1.clone(),
                        object: key.2.clone(),
                        modality: found.modality,
                        evidence: Vec::new(),
                    });
                    self.relation_at.insert(key, self.relations.len() - 1);
                    self.relations.len() - 1
                }
            };
            let evidence = EntityMention { document: Arc::clone(&id), span: found.evidence };
            // Evidence arrives document by document: a repeat can only be in this document's tail.
            let list = &mut self.relations[at].evidence;
            if !list.iter().rev().take_while(|e| e.document == id).any(|e| *e == evidence) {
                list.push(evidence);
            }
        }
    }

    /// The id of the entity with this key, once a document has mentioned it.
    pub fn id_of(&self, key: &str) -> Option<&str> {
        self.by_key.get(key).map(|&at| self.entities[at].id.as_str())
    }

    /// The entities so far, in order of first mention.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The relations so far, in order of first statement.
    pub fn relations(&self) -> &[Relation] {
        &self.relations
    }

    /// The entities, in order of first mention.
    pub fn into_entities(self) -> Vec<Entity> {
        self.entities
    }

    /// The entities, in order of first mention, and the relations, in order of first statement.
    pub fn into_parts(self) -> (Vec<Entity>, Vec<Relation>) {
        (self.entities, self.relations)
    }
}

/// Merges the entities and relations of several documents, in the order given.
pub fn resolve<'a>(
    documents: impl IntoIterator<Item = &'a DocumentEntities>,
    kb: &KnowledgeBase,
) -> (Vec<Entity>, Vec<Relation>) {
    let mut index = EntityIndex::new();
    for document in documents {
        index.add(document, kb);
    }
    index.into_parts()
}
