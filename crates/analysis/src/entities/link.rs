//! Within-document linking: short forms, acronyms defined in the text, and folded names.
//!
//! Every mention gets a cluster key:
//! - a knowledge base mention, `kb:<id>`;
//! - a short form of a person's name (its words are a run of the full name's words that does not
//!   start at the first, as "García" in "Luis García" or "Maduro" in "Nicolás Maduro Moros"), the
//!   key of that full name: the nearest one before it, else the first one after it;
//! - anything else, its [`normalize`]d text, so "Gallegos" and "Los Gallegos" share one.
//!
//! Then acronyms defined right after a long form, in brackets or after a dash, are collected
//! when their capitals are the initials of the long form's words; mentions and tokens spelled
//! like the acronym join the long form's cluster.

use std::collections::HashMap;

use model::{Article, Span};

use super::{DocEntity, EntityType, Mention};
use crate::kb::{normalize, KnowledgeBase};

/// Words skipped when an acronym is checked against a long form's initials.
const STOPWORDS: &[&str] =
    &["de", "del", "la", "las", "los", "el", "y", "e", "en", "of", "the", "and", "for", "para"];

struct Item<'t> {
    span: Span,
    kind: EntityType,
    kb_id: Option<&'t str>,
    text: &'t str,
    key: String,
    /// Whether it is a full form whose type counts in the cluster's vote.
    votes: bool,
    cluster: String,
}

/// Groups `mentions` (sorted, not overlapping) into the document's entities, in order of first mention.
pub(super) fn link(article: &Article, mentions: &[Mention], kb: &KnowledgeBase) -> Vec<DocEntity> {
    let mut items: Vec<Item<'_>> = mentions
        .iter()
        .map(|m| {
            let text = article.slice(m.span);
            let key = normalize(text);
            let cluster = match &m.kb_id {
                Some(id) => format!("kb:{id}"),
                None => format!("n:{key}"),
            };
            Item {
                span: m.span,
                kind: m.kind,
                kb_id: m.kb_id.as_deref(),
                text,
                key,
                votes: true,
                cluster,
            }
        })
        .collect();
    // Short forms of people's names.
    let heads: Vec<Option<usize>> = (0..items.len()).map(|i| short_form_of(&items, i)).collect();
    for i in 0..items.len() {
        let mut head = i;
        while let Some(next) = heads[head] {
            head = next;
        }
        if head != i {
            items[i].cluster = items[head].cluster.clone();
            items[i].votes = false;
        }
    }
    // Names the knowledge base knows under a folded form the matcher does not search for
    // ("Gallegos" for "Los Gallegos"): a name already linked in the document, else the one entry
    // the name looks up to.
    for i in 0..items.len() {
        if items[i].kb_id.is_some() || !items[i].votes {
            continue;
        }
        let linked = items.iter().find(|other| other.kb_id.is_some() && other.key == items[i].key);
        let entry = match linked {
            Some(other) => other.kb_id.and_then(|id| kb.get(id)),
            None => kb.lookup(items[i].text),
        };
        if let Some(entry) = entry {
            let cluster = format!("kb:{}", entry.id);
            let old = std::mem::replace(&mut items[i].cluster, cluster.clone());
            for item in items.iter_mut().filter(|item| item.cluster == old) {
                item.cluster.clone_from(&cluster);
            }
            items[i].kind = EntityType::from_kb(entry.kind);
        }
    }
    // Acronyms defined in the text: (acronym, its cluster, a long form's cluster that joins it).
    let mut acronyms: Vec<(&str, String, Option<String>)> = Vec::new();
    for item in &items {
        if !item.key.contains(' ') {
            continue;
        }
        let Some(acronym) = defined_acronym(&article.text[item.span.end..]) else { continue };
        if acronyms.iter().any(|(a, ..)| *a == acronym) || !initials_match(&item.key, acronym) {
            continue;
        }
        // An acronym the knowledge base knows brings its long form along.
        let known = items.iter().find(|other| other.text == acronym && other.kb_id.is_some());
        match (known, item.kb_id) {
            (Some(known), None) => {
                acronyms.push((acronym, known.cluster.clone(), Some(item.cluster.clone())));
            }
            _ => acronyms.push((acronym, item.cluster.clone(), None)),
        }
    }
    for (acronym, cluster, long) in &acronyms {
        for item in &mut items {
            if item.text == *acronym && item.kb_id.is_none() {
                item.votes = false;
                item.cluster.clone_from(cluster);
            } else if long.as_ref() == Some(&item.cluster) {
                item.cluster.clone_from(cluster);
            }
        }
        // Tokens spelled like the acronym that no mention covers.
        let mut added = Vec::new();
        for &token in &article.tokens {
            if article.slice(token) != *acronym
                || items
                    .iter()
                    .any(|item| item.span.start < token.end && token.start < item.span.end)
            {
                continue;
            }
            let kind = items.iter().find(|item| item.cluster == *cluster).map(|item| item.kind);
            added.push(Item {
                span: token,
                kind: kind.unwrap_or(EntityType::Organization),
                kb_id: None,
                text: article.slice(token),
                key: normalize(acronym),
                votes: false,
                cluster: cluster.clone(),
            });
        }
        items.extend(added);
    }
    items.sort_by_key(|item| (item.span.start, item.span.end));
    build(&items, kb)
}

/// The full name that item `i` is a short form of, if it is one.
fn short_form_of(items: &[Item<'_>], i: usize) -> Option<usize> {
    let item = &items[i];
    // A place is not a short name ("Lima" in a "Cercado de Lima" the tagger took for a person).
    if item.kb_id.is_some() || item.kind == EntityType::Place {
        return None;
    }
    let words: Vec<&str> = item.key.split(' ').collect();
    let holds = |j: &usize| {
        let full = &items[*j];
        let full_words: Vec<&str> = full.key.split(' ').collect();
        full.kind == EntityType::Person
            && full_words.len() > words.len()
            && (1..=full_words.len() - words.len())
                .any(|at| full_words[at..at + words.len()] == words[..])
    };
    (0..i).rev().find(holds).or_else(|| (i + 1..items.len()).find(holds))
}

/// The acronym defined at the start of `rest` (the text right after a long form): `(PNP)` or
/// `– PNP`, with two or more capitals and nothing but letters and digits.
fn defined_acronym(rest: &str) -> Option<&str> {
    let rest = rest.trim_start();
    let candidate = if let Some(inner) = rest.strip_prefix('(') {
        inner.split_once(')')?.0.trim()
    } else {
        let after = ["–", "—", "-"].iter().find_map(|dash| rest.strip_prefix(dash))?;
        let after = after.strip_prefix(' ')?.trim_start();
        let end = after.find(|c: char| !c.is_alphanumeric()).unwrap_or(after.len());
        &after[..end]
    };
    let capitals = candidate.chars().filter(|c| c.is_uppercase()).count();
    let fits = (2..=10).contains(&candidate.chars().count())
        && candidate.chars().next().is_some_and(char::is_uppercase)
        && capitals >= 2
        && candidate.chars().all(char::is_alphanumeric);
    fits.then_some(candidate)
}

/// Whether the capitals of `acronym` are the initials of the words of `key` (a normalised name),
/// with or without its small words.
fn initials_match(key: &str, acronym: &str) -> bool {
    let capitals: String =
        normalize(&acronym.chars().filter(|c| c.is_uppercase()).collect::<String>());
    let initials = |skip: bool| -> String {
        key.split(' ')
            .filter(|word| !skip || !STOPWORDS.contains(word))
            .filter_map(|word| word.chars().next())
            .collect()
    };
    capitals == initials(true) || capitals == initials(false)
}

/// Turns clustered items (in text order) into entities, in order of first mention.
fn build(items: &[Item<'_>], kb: &KnowledgeBase) -> Vec<DocEntity> {
    let mut at: HashMap<&str, usize> = HashMap::new();
    let mut members: Vec<Vec<&Item<'_>>> = Vec::new();
    for item in items {
        let index = *at.entry(item.cluster.as_str()).or_insert_with(|| {
            members.push(Vec::new());
            members.len() - 1
        });
        members[index].push(item);
    }
    members
        .into_iter()
        .map(|members| {
            let kb_entry = members[0].cluster.strip_prefix("kb:").and_then(|id| kb.get(id));
            let voters: Vec<&Item<'_>> = {
                let full: Vec<&Item<'_>> =
                    members.iter().copied().filter(|item| item.votes).collect();
                if full.is_empty() {
                    members.clone()
                } else {
                    full
                }
            };
            let kind = match kb_entry {
                Some(entry) => EntityType::from_kb(entry.kind),
                None => {
                    let mut counts: Vec<(EntityType, usize)> = Vec::new();
                    for item in &voters {
                        match counts.iter_mut().find(|(kind, _)| *kind == item.kind) {
                            Some((_, n)) => *n += 1,
                            None => counts.push((item.kind, 1)),
                        }
                    }
                    let top = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
                    counts.iter().find(|(_, n)| *n == top).map_or(EntityType::Other, |(k, _)| *k)
                }
            };
            let name =
                match kb_entry {
                    Some(entry) => entry.name.clone(),
                    None => voters
                        .iter()
                        .map(|item| item.text)
                        .fold("", |best, text| {
                            if text.chars().count() > best.chars().count() {
                                text
                            } else {
                                best
                            }
                        })
                        .to_string(),
                };
            let mut aliases: Vec<String> = Vec::new();
            for item in &members {
                if !aliases.iter().any(|alias| alias == item.text) {
                    aliases.push(item.text.to_string());
                }
            }
            DocEntity {
                key: String::new(),
                name,
                kind,
                kb_id: kb_entry.map(|entry| entry.id.clone()),
                aliases,
                mentions: members.iter().map(|item| item.span).collect(),
                place: None,
            }
        })
        .collect()
}
