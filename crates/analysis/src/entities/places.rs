//! Geocoding a document's place entities with the gazetteer, the other places of the document as context.
//!
//! A country's name is taken as the country. Otherwise the context is first the places named
//! in the same block as one of the name's mentions, then every place of the document; the
//! country hint is the country most of the document's knowledge base entities belong to
//! (weighted by mentions), and the gazetteer adds the countries of the places named. A name is
//! tried as written first, then in its other forms. A name the context cannot settle gives
//! an `ambiguous_place` warning listing the candidates; a name the gazetteer lacks gives none.

use std::collections::HashMap;

use model::{Article, Diagnostic, DiagnosticCode, Span};

use super::{DocEntity, EntityType, Resources};
use crate::geo::{self, Context, PlaceKind, Resolution};

/// How many candidates an ambiguity warning names.
const LISTED: usize = 3;

/// Sets `place` on the place entities the gazetteer resolves; returns warnings for the rest.
pub(super) fn geocode(
    article: &Article,
    entities: &mut [DocEntity],
    resources: &Resources<'_>,
) -> Vec<Diagnostic> {
    let mut votes: HashMap<&str, usize> = HashMap::new();
    for entity in entities.iter() {
        let country =
            entity.kb_id.as_deref().and_then(|id| resources.kb.get(id)?.country.as_deref());
        if let Some(country) = country {
            *votes.entry(country).or_default() += entity.mentions.len();
        }
    }
    let top = votes.values().copied().max().unwrap_or(0);
    let mut leaders: Vec<&str> = votes.iter().filter(|(_, &n)| n == top).map(|(&c, _)| c).collect();
    leaders.sort_unstable();
    let country = match leaders.as_slice() {
        [one] => Some(*one),
        _ => None,
    };
    let is_place = |entity: &DocEntity| entity.kind == EntityType::Place && entity.kb_id.is_none();
    let places: Vec<(String, Vec<Span>)> = entities
        .iter()
        .filter(|e| is_place(e))
        .map(|e| (e.name.clone(), e.mentions.clone()))
        .collect();
    let mut diagnostics = Vec::new();
    for entity in entities.iter_mut().filter(|e| is_place(e)) {
        let resolve = |others: &[geo::Mention<'_>], country: Option<&str>| {
            let context = Context { country, mentions: others };
            std::iter::once(&entity.name)
                .chain(entity.aliases.iter().filter(|a| **a != entity.name))
                .map(|form| resources.gazetteer.resolve(form, &context))
                .find(|resolution| *resolution != Resolution::Unknown)
                .unwrap_or(Resolution::Unknown)
        };
        // A country's name is the country, whatever towns share it.
        if let Resolution::Resolved(place) = resolve(&[], None) {
            if place.kind == PlaceKind::Country {
                entity.place = Some(place);
                continue;
            }
        }
        // The places named in the same block come first: "La Victoria, El Agustino and
        // Cercado de Lima" settles "La Victoria" even if Aragua is named further down.
        let mut resolution = Resolution::Unknown;
        for mention in &entity.mentions {
            let Some(block) = article.blocks.iter().find(|b| b.span.contains(*mention)) else {
                continue;
            };
            let near: Vec<geo::Mention<'_>> = places
                .iter()
                .filter(|(name, spans)| {
                    *name != entity.name && spans.iter().any(|&s| block.span.contains(s))
                })
                .map(|(name, _)| geo::Mention::Name(name))
                .collect();
            if near.is_empty() {
                continue;
            }
            if let found @ Resolution::Resolved(_) = resolve(&near, country) {
                resolution = found;
                break;
            }
        }
        if resolution == Resolution::Unknown {
            let others: Vec<geo::Mention<'_>> = places
                .iter()
                .filter(|(name, _)| *name != entity.name)
                .map(|(name, _)| geo::Mention::Name(name))
                .collect();
            resolution = resolve(&others, country);
        }
        match resolution {
            Resolution::Resolved(place) => entity.place = Some(place),
            Resolution::Ambiguous(candidates) => {
                let mut listed: Vec<String> = candidates
                    .iter()
                    .take(LISTED)
                    .map(|place| {
                        format!("{} ({})", place.admin_path.join(" > "), place.gazetteer_id)
                    })
                    .collect();
                if candidates.len() > LISTED {
                    listed.push(format!("{} more", candidates.len() - LISTED));
                }
                diagnostics.push(
                    Diagnostic::warning(
                        DiagnosticCode::AmbiguousPlace,
                        &article.source,
                        format!(
                            "place \"{}\" is ambiguous and was left without coordinates: {}",
                            entity.name,
                            listed.join("; ")
                        ),
                    )
                    .with_document(&article.id),
                );
            }
            Resolution::Unknown => {}
        }
    }
    retype_corroborated(article, entities, &places, resources);
    diagnostics
}

/// Turns a name the tagger called a person or "other" into a place when the gazetteer knows it
/// and the document's own places corroborate it: it resolves with the places named in the same
/// block, into the same province as one of them. "el Cercado de Lima" beside "La Victoria" is
/// the district; "José de San Martín" in a Lima story is not the Argentine town.
fn retype_corroborated(
    article: &Article,
    entities: &mut [DocEntity],
    places: &[(String, Vec<Span>)],
    resources: &Resources<'_>,
) {
    const PROVINCE_DEPTH: usize = 3;
    let provinces: Vec<Vec<String>> = entities
        .iter()
        .filter_map(|entity| entity.place.as_ref())
        .filter(|place| place.admin_path.len() >= PROVINCE_DEPTH)
        .map(|place| place.admin_path[..PROVINCE_DEPTH].to_vec())
        .collect();
    for entity in entities.iter_mut() {
        let candidate = matches!(entity.kind, EntityType::Person | EntityType::Other)
            && entity.kb_id.is_none()
            && entity.name.split_whitespace().nth(1).is_some();
        if !candidate {
            continue;
        }
        let near: Vec<geo::Mention<'_>> = places
            .iter()
            .filter(|(name, spans)| {
                *name != entity.name
                    && spans.iter().any(|&s| {
                        entity.mentions.iter().any(|&m| {
                            article.blocks.iter().any(|b| b.span.contains(m) && b.span.contains(s))
                        })
                    })
            })
            .map(|(name, _)| geo::Mention::Name(name))
            .collect();
        if near.is_empty() {
            continue;
        }
        let context = Context { country: None, mentions: &near };
        if let Resolution::Resolved(place) = resources.gazetteer.resolve(&entity.name, &context) {
            let corroborated = place.admin_path.len() >= PROVINCE_DEPTH
                && provinces
                    .iter()
                    .any(|province| province[..] == place.admin_path[..PROVINCE_DEPTH]);
            if corroborated {
                entity.kind = EntityType::Place;
                entity.place = Some(place);
            }
        }
    }
}
