//! Merges the mentions of one event within an article.
//!
//! Two mentions are one event when they have the same type (and, for threats, the same act
//! threatened), modalities that can describe one fact, dates that overlap or are missing, and
//! places that overlap or are missing. The riots in two districts on one day stay two events,
//! and an arrest the police deny is not the arrest another sentence reports.

use super::{scan::Mention, Event, EventModality, Participant};
use crate::dates::DateMention;

/// Events from mentions, in order of first mention.
pub(super) fn merge(mentions: Vec<Mention>, dates: &[DateMention]) -> Vec<Event> {
    let mut events: Vec<Event> = Vec::new();
    for mention in mentions {
        match events.iter_mut().find(|event| same(event, &mention, dates)) {
            Some(event) => absorb(event, mention, dates),
            None => events.push(Event {
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
            }),
        }
    }
    events
}

/// Whether the mention can be the event.
fn same(event: &Event, mention: &Mention, dates: &[DateMention]) -> bool {
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
    if let (Some(a), Some(b)) = (event.date, mention.date) {
        let (a, b) = (&dates[a], &dates[b]);
        if a.end < b.start || b.end < a.start {
            return false;
        }
    }
    event.places.is_empty()
        || mention.places.is_empty()
        || mention.places.iter().any(|p| event.places.contains(p))
}

/// Facts stated as happened (whether hedged or confirmed) can be one; a denial, a plan or a
/// possibility is a different claim.
fn compatible(a: EventModality, b: EventModality) -> bool {
    use EventModality as M;
    let factual = |m| matches!(m, M::Reported | M::Alleged | M::Confirmed);
    a == b || (factual(a) && factual(b))
}

fn absorb(event: &mut Event, mention: Mention, dates: &[DateMention]) {
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
    extend(&mut event.actors, mention.actors);
    extend(&mut event.targets, mention.targets);
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

/// Adds participants not yet listed: an entity once, a description once per span.
fn extend(list: &mut Vec<Participant>, more: Vec<Participant>) {
    for participant in more {
        let known = list.iter().any(|p| match (p.entity, participant.entity) {
            (Some(a), Some(b)) => a == b,
            (None, None) => p.span == participant.span,
            _ => false,
        });
        if !known {
            list.push(participant);
        }
    }
}
