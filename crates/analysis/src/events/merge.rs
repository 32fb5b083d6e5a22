//! Merges the mentions of one event within an article.
//!
//! Two mentions are one event when they have the same type (and, for threats, the same act
//! threatened), modalities that can describe one fact, dates that overlap or are missing, and
//! places that overlap or are missing. The riots in two districts on one day stay two events,
//! and an arrest the police deny is not the arrest another sentence reports.

use super::{scan::Mention, Event, EventModality, Inputs, Participant};
use crate::{dates::DateMention, entities::DocEntity};

/// Events from mentions, in order of first mention.
pub(super) fn merge(mentions: Vec<Mention>, inputs: &Inputs<'_>) -> Vec<Event> {
    let mut events: Vec<Event> = Vec::new();
    // Whether each event's date is only carried over from an earlier sentence.
    let mut carried: Vec<bool> = Vec::new();
    let entities = &inputs.entities.entities;
    for mention in mentions {
        let text = inputs.article.text.as_str();
        match events.iter().position(|event| same(event, &mention, inputs.dates, entities, text)) {
            Some(at) => {
                let own = !mention.date_carried && mention.date.is_some();
                if carried[at] && own {
                    // A mention's own date outranks one carried from another sentence.
                    events[at].date = None;
                    carried[at] = false;
                }
                if !carried[at] || events[at].date.is_none() {
                    absorb(&mut events[at], mention, inputs);
                } else {
                    let mut mention = mention;
                    mention.date = None;
                    absorb(&mut events[at], mention, inputs);
                }
            }
            None => {
                carried.push(mention.date_carried && mention.date.is_some());
                events.push(Event {
                    kind: mention.kind,
                    threatened: mention.threatened,
                    modality: mention.modality,
                    actors: mention.actors,
                    targets: mention.targets,
                    places: mention.places,
                    date: mention.date,
                    counts: mention.counts,
                    attribution: mention.attribution,
                    triggers: vec![mention.trigger],
                    evidence: vec![mention.sentence],
                });
            }
        }
    }
    events
}

/// Whether the mention can be the event.
fn same(
    event: &Event,
    mention: &Mention,
    dates: &[DateMention],
    entities: &[DocEntity],
    text: &str,
) -> bool {
    if event.kind != mention.kind {
        return false;
    }
    if let (Some(a), Some(b)) = (event.threatened, mention.threatened) {
        if a != b {
            return false;
        }
    }
    if !compatible(event.modality, mention.modality) {
        return false;
    }
    // Two threats by different actors (a gang's video, a crowd's ultimatum) are two events.
    if !event.actors.is_empty()
        && !mention.actors.is_empty()
        && !mention.actors.iter().any(|a| event.actors.iter().any(|b| same_participant(a, b, text)))
    {
        return false;
    }
    if let (Some(a), Some(b)) = (event.date, mention.date) {
        let (a, b) = (&dates[a], &dates[b]);
        if a.end < b.start || b.end < a.start {
            return false;
        }
    }
    let (a, b) = (leaves(&event.places, entities), leaves(&mention.places, entities));
    a.is_empty()
        || b.is_empty()
        || a.iter()
            .any(|&x| b.iter().any(|&y| x == y || within(x, y, entities) || within(y, x, entities)))
}

/// Whether place `inner` lies inside place `outer` (or is it), by their gazetteer paths.
fn within(inner: usize, outer: usize, entities: &[DocEntity]) -> bool {
    match (&entities[inner].place, &entities[outer].place) {
        (Some(inner), Some(outer)) => inner.admin_path.starts_with(&outer.admin_path),
        _ => false,
    }
}

/// The most specific of `places`: "La Victoria" stands for "Lima" and "La Victoria" together,
/// so that a district's riot does not join another district's through their city.
fn leaves(places: &[usize], entities: &[DocEntity]) -> Vec<usize> {
    places
        .iter()
        .copied()
        .filter(|&p| {
            !places.iter().any(|&q| q != p && within(q, p, entities) && !within(p, q, entities))
        })
        .collect()
}

/// Facts stated as happened (whether hedged or confirmed) can be one; a denial, a plan or a
/// possibility is a different claim.
fn compatible(a: EventModality, b: EventModality) -> bool {
    use EventModality as M;
    let factual = |m| matches!(m, M::Reported | M::Alleged | M::Confirmed);
    a == b || (factual(a) && factual(b))
}

fn absorb(event: &mut Event, mention: Mention, inputs: &Inputs<'_>) {
    let (dates, text) = (inputs.dates, inputs.article.text.as_str());
    use EventModality as M;
    // The most certain wording wins: a confirmation, then a plain report, then a hedge.
    let rank = |m| match m {
        M::Confirmed => 0,
        M::Reported => 1,
        _ => 2,
    };
    if rank(mention.modality) < rank(event.modality) {
        event.modality = mention.modality;
    }
    event.threatened = event.threatened.or(mention.threatened);
    extend(&mut event.actors, mention.actors, text);
    extend(&mut event.targets, mention.targets, text);
    for place in mention.places {
        if !event.places.contains(&place) {
            event.places.push(place);
        }
    }
    event.date = match (event.date, mention.date) {
        (Some(a), Some(b)) => {
            let width = |i: usize| dates[i].end - dates[i].start;
            Some(if width(b) < width(a) { b } else { a })
        }
        (a, b) => a.or(b),
    };
    for count in mention.counts {
        if !event.counts.iter().any(|c| c.role == count.role) {
            event.counts.push(count);
        }
    }
    if event.attribution.is_none() {
        event.attribution = mention.attribution;
    }
    event.triggers.push(mention.trigger);
    if !event.evidence.contains(&mention.sentence) {
        event.evidence.push(mention.sentence);
    }
}

/// One entity, or one description whatever its case.
fn same_participant(a: &Participant, b: &Participant, text: &str) -> bool {
    match (a.entity, b.entity) {
        (Some(x), Some(y)) => x == y,
        (None, None) => a.span.slice(text).to_lowercase() == b.span.slice(text).to_lowercase(),
        _ => false,
    }
}

/// Adds participants not yet listed: an entity once, a description once whatever its case.
pub(super) fn extend(list: &mut Vec<Participant>, more: Vec<Participant>, text: &str) {
    for participant in more {
        let known = list.iter().any(|p| same_participant(p, &participant, text));
        if !known {
            list.push(participant);
        }
    }
}
