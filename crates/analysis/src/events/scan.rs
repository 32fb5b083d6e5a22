//! Finds event mentions sentence by sentence: triggers, then what the sentence says about each.

use std::sync::OnceLock;

use model::Span;

use super::{
    lexicon::{self, Cue, Side, TRIGGERS},
    Count, CountRole, EventModality, EventType, Inputs, Participant,
};
use crate::{entities::EntityType, quantities::Unit};

/// One sentence's account of an event, before mentions of the same event merge.
#[derive(Debug, Clone)]
pub(super) struct Mention {
    pub(super) kind: EventType,
    pub(super) threatened: Option<EventType>,
    pub(super) modality: EventModality,
    pub(super) actors: Vec<Participant>,
    pub(super) targets: Vec<Participant>,
    pub(super) places: Vec<usize>,
    pub(super) date: Option<usize>,
    /// The date comes from an earlier sentence of the paragraph, not the mention's own.
    pub(super) date_carried: bool,
    pub(super) counts: Vec<Count>,
    pub(super) attribution: Option<Participant>,
    pub(super) trigger: Span,
    pub(super) sentence: Span,
}

/// A sentence's words: spans and lowercased text.
struct Words<'a> {
    spans: &'a [Span],
    lower: Vec<String>,
    raw: Vec<&'a str>,
}

/// A trigger found at word `start..end`.
#[derive(Debug, Clone, Copy)]
struct Hit {
    start: usize,
    end: usize,
    kind: EventType,
    threatened: Option<EventType>,
}

/// Triggers grouped by the first byte of their first word, so a word is compared with few.
fn trigger_index() -> &'static [Vec<u16>; 256] {
    static INDEX: OnceLock<[Vec<u16>; 256]> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: [Vec<u16>; 256] = std::array::from_fn(|_| Vec::new());
        for (i, trigger) in TRIGGERS.iter().enumerate() {
            index[usize::from(trigger.words[0].as_bytes()[0])].push(i as u16);
        }
        index
    })
}

/// Every event mention of the article, in text order.
pub(super) fn mentions(inputs: &Inputs<'_>) -> Vec<Mention> {
    let article = inputs.article;
    let mut out = Vec::new();
    // Entity mentions, sorted, each with its entity's index.
    let mut named: Vec<(Span, usize)> = inputs
        .entities
        .entities
        .iter()
        .enumerate()
        .flat_map(|(i, entity)| entity.mentions.iter().map(move |&span| (span, i)))
        .collect();
    named.sort_by_key(|&(span, i)| (span.start, span.end, i));
    let tokens = &article.tokens;
    for &sentence in &article.sentences {
        let first = tokens.partition_point(|t| t.start < sentence.start);
        let last = tokens.partition_point(|t| t.end <= sentence.end);
        if first >= last {
            continue;
        }
        let spans = &tokens[first..last];
        let raw: Vec<&str> = spans.iter().map(|&s| article.slice(s)).collect();
        let lower = raw.iter().map(|w| w.to_lowercase()).collect();
        let words = Words { spans, lower, raw };
        let hits = triggers(&words);
        if hits.is_empty() {
            continue;
        }
        let lo = named.partition_point(|(span, _)| span.start < sentence.start);
        let hi = named.partition_point(|(span, _)| span.start < sentence.end);
        let in_sentence = &named[lo..hi];
        for &hit in &hits {
            out.push(describe(inputs, &words, sentence, hit, &hits, in_sentence));
        }
    }
    out
}

/// The sentence's triggers, one per event type, with threatened acts folded into their threat.
fn triggers(words: &Words<'_>) -> Vec<Hit> {
    let index = trigger_index();
    let mut hits: Vec<Hit> = Vec::new();
    let mut i = 0;
    while i < words.lower.len() {
        let word = &words.lower[i];
        let Some(&byte) = word.as_bytes().first() else {
            i += 1;
            continue;
        };
        if !word.chars().next().is_some_and(char::is_alphabetic)
            || lexicon::matches(word, lexicon::NOT_TRIGGERS)
            // "March" and "May" are months.
            || (word == "march" && words.raw[i].starts_with('M'))
        {
            i += 1;
            continue;
        }
        let mut best: Option<(usize, EventType)> = None;
        for &t in &index[usize::from(byte)] {
            let trigger = &TRIGGERS[usize::from(t)];
            let n = trigger.words.len();
            if i + n > words.lower.len() {
                continue;
            }
            let all = trigger
                .words
                .iter()
                .zip(&words.lower[i..i + n])
                .all(|(pattern, word)| lexicon::matches_one(word, pattern));
            if all && best.is_none_or(|(len, _)| n > len) {
                best = Some((n, trigger.kind));
            }
        }
        match best {
            Some((n, kind)) => {
                hits.push(Hit { start: i, end: i + n, kind, threatened: None });
                i += n;
            }
            None => i += 1,
        }
    }
    fold_threats(words, &mut hits);
    // A grenade or a bomb among seized goods is a seizure, not an explosion.
    if hits.iter().any(|h| h.kind == EventType::Seizure) {
        hits.retain(|h| {
            h.kind != EventType::Explosion
                || ["explo", "deton", "blast"]
                    .iter()
                    .any(|stem| words.lower[h.start].starts_with(stem))
        });
    }
    // One mention per type and sentence: a second trigger of the same type is the same event.
    let mut seen: Vec<EventType> = Vec::new();
    hits.retain(|hit| {
        if seen.contains(&hit.kind) {
            false
        } else {
            seen.push(hit.kind);
            true
        }
    });
    hits
}

/// "threatened to kill", "amenazó con matar", "warned they would attack": the act is what the
/// threat threatens, not an event that happened.
fn fold_threats(words: &Words<'_>, hits: &mut Vec<Hit>) {
    let mut i = 0;
    while i < hits.len() {
        let act = hits[i];
        if !act.kind.is_violent() {
            i += 1;
            continue;
        }
        let governor = (act.start.saturating_sub(4)..act.start).rev().find(|&g| {
            lexicon::matches(&words.lower[g], lexicon::THREAT_GOVERNORS)
                && words.lower[g + 1..act.start]
                    .iter()
                    .all(|w| lexicon::matches(w, lexicon::THREAT_LINKS))
        });
        let Some(g) = governor else {
            i += 1;
            continue;
        };
        match hits.iter().position(|h| h.kind == EventType::Threat && h.start <= g && g < h.end) {
            Some(threat) => {
                if hits[threat].threatened.is_none() {
                    hits[threat].threatened = Some(act.kind);
                }
                hits.remove(i);
            }
            None => {
                // "warned", "vowed": the governor becomes the threat's trigger.
                hits[i] = Hit {
                    start: g,
                    end: g + 1,
                    kind: EventType::Threat,
                    threatened: Some(act.kind),
                };
                i += 1;
            }
        }
    }
    hits.sort_by_key(|h| h.start);
}

/// Everything the sentence says about one trigger.
fn describe(
    inputs: &Inputs<'_>,
    words: &Words<'_>,
    sentence: Span,
    hit: Hit,
    hits: &[Hit],
    named: &[(Span, usize)],
) -> Mention {
    let trigger = Span::new(words.spans[hit.start].start, words.spans[hit.end - 1].end);
    let attribution = attribution(inputs, trigger);
    let mut actors = Vec::new();
    let mut targets = Vec::new();
    let mut places = Vec::new();
    let entities = &inputs.entities.entities;
    for &(span, index) in named {
        let entity = &entities[index];
        let participant = Participant { span, entity: Some(index) };
        let speaker = attribution.as_ref().is_some_and(|a| a.entity == Some(index));
        let after = span.start >= trigger.end;
        let near = distance(words, span, trigger) <= 8;
        match entity.kind {
            EntityType::Place => push_unique(&mut places, index),
            EntityType::CriminalGroup => match hit.kind {
                EventType::Arrest | EventType::Seizure | EventType::PoliceDeployment => {
                    targets.push(participant)
                }
                // A gang is not who protests; it is what people protest against.
                EventType::StateOfEmergency | EventType::Protest | EventType::Riot => {}
                _ => actors.push(participant),
            },
            EntityType::Organization if !speaker && authority(entity) => match hit.kind {
                EventType::Arrest
                | EventType::PoliceDeployment
                | EventType::Seizure
                | EventType::StateOfEmergency => actors.push(participant),
                EventType::Protest | EventType::Riot if after => targets.push(participant),
                kind if kind.is_violent() && after && near => targets.push(participant),
                _ => {}
            },
            EntityType::Person if !speaker && near => {
                if after {
                    targets.push(participant);
                } else if !matches!(hit.kind, EventType::Arrest | EventType::StateOfEmergency) {
                    actors.push(participant);
                }
            }
            _ => {}
        }
    }
    let has_authority_actor = actors
        .iter()
        .any(|a| a.entity.is_some_and(|i| matches!(entities[i].kind, EntityType::Organization)));
    // Nationalities ("Peruvian") may be part of a description ("Peruvian drivers").
    let names: Vec<(Span, usize)> =
        named.iter().copied().filter(|&(_, i)| entities[i].kind != EntityType::Other).collect();
    for (span, side) in groups(words, &names) {
        // Descriptions far from the trigger belong to other clauses of the sentence; a crowd
        // may stand further off ("demonstrators blocked avenues … and gave them three days").
        let window = if side == Side::Protester { 3 * GROUP_WINDOW } else { GROUP_WINDOW };
        if distance(words, span, trigger) > window || crosses_clause(words, span, trigger) {
            continue;
        }
        let after = span.start >= trigger.end;
        let against = {
            let at = words.spans.partition_point(|s| s.start < span.start);
            (at.saturating_sub(2)..at).any(|w| match words.lower[w].as_str() {
                "against" | "contra" | "targeting" | "on" => true,
                // "an ultimatum to …", "un ultimátum a …": the one who receives it.
                "a" | "to" => after,
                // "gave Venezuelan extortionists three days to leave": the one given it.
                "gave" | "give" | "gives" | "giving" | "dieron" | "dio" | "dan" | "daban" => {
                    hit.kind == EventType::Threat
                }
                _ => false,
            })
        };
        let participant = Participant { span, entity: None };
        if against && side != Side::Force {
            targets.push(participant);
            continue;
        }
        match (side, hit.kind) {
            (Side::Civilian, EventType::Protest | EventType::Riot) if !against => {
                actors.push(participant)
            }
            (Side::Civilian, _) => targets.push(participant),
            (Side::Offender, EventType::Arrest | EventType::Seizure)
            | (Side::Offender, EventType::Protest | EventType::Riot) => targets.push(participant),
            (Side::Offender, EventType::PoliceDeployment | EventType::StateOfEmergency) => {
                targets.push(participant)
            }
            (Side::Offender, _) => actors.push(participant),
            (Side::Protester, EventType::Arrest) => targets.push(participant),
            (
                Side::Protester,
                EventType::Protest | EventType::Riot | EventType::Threat | EventType::Arson,
            ) => actors.push(participant),
            (Side::Protester, _) if span.start >= trigger.end => targets.push(participant),
            (Side::Protester, _) => {}
            (Side::Force, _) if has_authority_actor => {}
            (
                Side::Force,
                EventType::Arrest
                | EventType::PoliceDeployment
                | EventType::Seizure
                | EventType::StateOfEmergency,
            ) => actors.push(participant),
            (Side::Force, _) if span.start >= trigger.end => targets.push(participant),
            (Side::Force, _) => {}
        }
    }
    let (date, date_carried) = match own_date(inputs, sentence, trigger) {
        Some(own) => (Some(own), false),
        None => (carried_date(inputs, sentence), true),
    };
    let text = inputs.article.text.as_str();
    let (mut unique_actors, mut unique_targets) = (Vec::new(), Vec::new());
    super::merge::extend(&mut unique_actors, actors, text);
    super::merge::extend(&mut unique_targets, targets, text);
    Mention {
        kind: hit.kind,
        threatened: hit.threatened,
        modality: modality(words, hit, hits),
        actors: unique_actors,
        targets: unique_targets,
        places,
        date,
        date_carried,
        counts: counts(inputs, words, sentence, hit.kind),
        attribution,
        trigger,
        sentence,
    }
}

/// How many words a group description may stand from its trigger.
const GROUP_WINDOW: usize = 8;

/// Whether a semicolon, colon or dash stands between a span and the trigger.
fn crosses_clause(words: &Words<'_>, a: Span, b: Span) -> bool {
    let at = |span: Span| words.spans.partition_point(|s| s.start < span.start);
    let (from, to) = if at(a) < at(b) { (at(a), at(b)) } else { (at(b), at(a)) };
    words.raw[from..to].iter().any(|w| matches!(*w, ";" | ":" | "—" | "–" | "(" | ")"))
}

fn push_unique(list: &mut Vec<usize>, value: usize) {
    if !list.contains(&value) {
        list.push(value);
    }
}

/// Words between two spans of one sentence.
fn distance(words: &Words<'_>, a: Span, b: Span) -> usize {
    let at = |span: Span| words.spans.partition_point(|s| s.start < span.start);
    at(a).abs_diff(at(b))
}

/// A security force or authority: police, army, prosecutors, government.
fn authority(entity: &crate::entities::DocEntity) -> bool {
    is_authority(&entity.name) || entity.aliases.iter().any(|alias| is_authority(alias))
}

fn is_authority(name: &str) -> bool {
    name.split(|c: char| !c.is_alphanumeric())
        .any(|word| lexicon::matches(&word.to_lowercase(), lexicon::AUTHORITY_WORDS))
}

/// Group descriptions of the sentence ("all Venezuelan immigrants", "comerciantes"), outside
/// entity mentions.
fn groups(words: &Words<'_>, named: &[(Span, usize)]) -> Vec<(Span, Side)> {
    let mut out: Vec<(Span, Side)> = Vec::new();
    for (i, word) in words.lower.iter().enumerate() {
        let Some(&(_, side)) = lexicon::GROUP_HEADS.iter().find(|(head, _)| head == word) else {
            continue;
        };
        let mut start = i;
        while start > 0 && lexicon::GROUP_MODIFIERS.contains(&words.lower[start - 1].as_str()) {
            start -= 1;
        }
        // Leading articles belong to the sentence, not the description.
        while start < i && matches!(words.lower[start].as_str(), "los" | "las") {
            start += 1;
        }
        let mut end = i + 1;
        while end < words.lower.len()
            && lexicon::GROUP_POSTMODIFIERS.contains(&words.lower[end].as_str())
        {
            end += 1;
        }
        let span = Span::new(words.spans[start].start, words.spans[end - 1].end);
        if named.iter().any(|(n, _)| n.start < span.end && span.start < n.end) {
            continue;
        }
        match out.last_mut() {
            // "venezolanos" after "inmigrantes" is already inside the description.
            Some((last, _)) if last.end >= span.start => {}
            _ => out.push((span, side)),
        }
    }
    out
}

/// The modality the words around the trigger give it.
fn modality(words: &Words<'_>, hit: Hit, hits: &[Hit]) -> EventModality {
    // A denying verb ("negó que") denies the first event after it, not an adjunct's ("tras el ataque").
    let denying = (0..hit.start).rev().take(40).find(|&w| {
        lexicon::matches(&words.lower[w], lexicon::DENYING_VERBS)
            && !hits.iter().any(|other| other.start > w && other.start < hit.start)
    });
    // "no descartó", "did not rule out": a denial denied leaves the event possible.
    let negated = denying.is_some_and(|w| {
        (w.saturating_sub(2)..w)
            .any(|n| matches!(words.lower[n].as_str(), "no" | "not" | "nunca" | "never"))
    });
    if negated {
        return EventModality::Hypothetical;
    }
    let denied_by_verb = denying.is_some();
    let near = |cues: &[Cue]| {
        cues.iter().any(|cue| {
            let from = hit.start.saturating_sub(cue.before);
            let to = (hit.end + cue.after).min(words.lower.len());
            // A cue before the trigger governs it only when no other trigger stands between
            // them: in "drivers plan a march after a fatal shooting" the shooting is no plan.
            let governs = |w: usize| {
                w > hit.start
                    || !hits.iter().any(|other| other.start > w && other.start < hit.start)
            };
            (from..hit.start).chain(hit.end..to).any(|w| {
                let word = &words.lower[w];
                // "May" is a month, not a modal.
                lexicon::matches(word, cue.words)
                    && !(word == "may" && words.raw[w] == "May")
                    && governs(w)
            })
        })
    };
    // "si no hay detenidos" is a condition, not a denial: a possibility cue outranks a bare "no".
    if denied_by_verb {
        EventModality::Denied
    } else if near(lexicon::HYPOTHETICAL) {
        EventModality::Hypothetical
    } else if near(lexicon::DENIED) && !narrowed(words, hit) {
        EventModality::Denied
    } else if near(lexicon::PLANNED) {
        EventModality::Planned
    } else if near(lexicon::ALLEGED) {
        EventModality::Alleged
    } else if near(lexicon::CONFIRMED) {
        EventModality::Confirmed
    } else {
        EventModality::Reported
    }
}

/// "they were not protesting a single crime", "no protestaban solo por…": the negation narrows
/// what the event was about, it does not deny the event.
fn narrowed(words: &Words<'_>, hit: Hit) -> bool {
    let next: Vec<&str> = words.lower[hit.end..].iter().take(2).map(String::as_str).collect();
    matches!(
        next.as_slice(),
        ["a", "single", ..]
            | ["only", ..]
            | ["just", ..]
            | ["merely", ..]
            | ["solo", ..]
            | ["sólo", ..]
            | ["solamente", ..]
            | ["únicamente", ..]
            | ["un", "solo", ..]
            | ["una", "sola", ..]
    )
}

/// The sentence's date expression nearest the trigger.
fn own_date(inputs: &Inputs<'_>, sentence: Span, trigger: Span) -> Option<usize> {
    let text = &inputs.article.text;
    inputs
        .dates
        .iter()
        .enumerate()
        .filter(|(_, d)| sentence.contains(d.span))
        // "60% more than the same period in 2022": a baseline, not when the event happened.
        .filter(|(_, d)| {
            let before = text[sentence.start..d.span.start].to_lowercase();
            let tail: String =
                before.chars().rev().take(24).collect::<Vec<_>>().into_iter().rev().collect();
            !BASELINE_CUES.iter().any(|cue| tail.trim_end().ends_with(cue))
        })
        .min_by_key(|(_, d)| d.span.start.abs_diff(trigger.start))
        .map(|(i, _)| i)
}

/// Words that put a date after them as a comparison's baseline.
const BASELINE_CUES: &[&str] = &[
    "than",
    "compared with",
    "compared to",
    "against",
    "que",
    "que en",
    "respecto a",
    "respecto de",
    "frente a",
    "con",
    "versus",
    "vs.",
    "from",
];

/// The last date of the paragraph before the sentence, for a sentence that gives none ("On
/// Saturday, police raided a house. Three people were arrested in that raid.").
fn carried_date(inputs: &Inputs<'_>, sentence: Span) -> Option<usize> {
    let dates = inputs.dates;
    let block = inputs.article.blocks.iter().find(|b| b.span.contains(sentence))?;
    let at = dates.partition_point(|d| d.span.start < sentence.start);
    (0..at).rev().find(|&i| block.span.contains(dates[i].span))
}

/// The sentence's counts that fit an event of type `kind`, one per role.
fn counts(inputs: &Inputs<'_>, words: &Words<'_>, sentence: Span, kind: EventType) -> Vec<Count> {
    let text = &inputs.article.text;
    let mut out: Vec<Count> = Vec::new();
    for (i, quantity) in inputs.quantities.iter().enumerate() {
        if !sentence.contains(quantity.span) || quantity.unit != Unit::Count {
            continue;
        }
        let counted = quantity.counted.map(|span| span.slice(text).to_lowercase());
        let by_noun = counted.as_deref().and_then(|counted| {
            counted.split(|c: char| !c.is_alphanumeric()).find_map(|word| {
                lexicon::COUNT_NOUNS
                    .iter()
                    .find(|(noun, _)| lexicon::matches_one(word, noun))
                    .map(|&(_, role)| role)
            })
        });
        // "Two passengers were injured", "tres personas murieron": the verb after the count.
        let after = quantity.counted.unwrap_or(quantity.span).end;
        let from = words.spans.partition_point(|s| s.start < after);
        let by_verb = words.lower[from..].iter().take(3).find_map(|word| {
            lexicon::COUNT_NOUNS
                .iter()
                .chain(lexicon::COUNT_VERBS)
                .find(|(noun, _)| lexicon::matches_one(word, noun))
                .map(|&(_, role)| role)
        });
        // "four alleged members" arrested: the arrest says what a count of people is; "three
        // districts" or "300 comerciantes" who protest are no arrests.
        let people = counted.as_deref().is_some_and(|c| {
            super::group_kind(c) == Some(super::GroupKind::Offenders)
                || c.split(|ch: char| !ch.is_alphabetic())
                    .any(|w| lexicon::matches(w, lexicon::PERSON_NOUNS))
        });
        let role = by_noun.or(by_verb).or(match kind {
            EventType::Arrest if people => Some(CountRole::Arrested),
            EventType::Kidnapping if people => Some(CountRole::Victims),
            _ => None,
        });
        let Some(role) = role else { continue };
        if fits(role, kind) && !out.iter().any(|c| c.role == role) {
            out.push(Count { role, quantity: i });
        }
    }
    out
}

/// Whether a count of `role` belongs to an event of type `kind`.
fn fits(role: CountRole, kind: EventType) -> bool {
    use EventType as T;
    match role {
        CountRole::Killed | CountRole::Injured => {
            kind.is_violent() || matches!(kind, T::Riot | T::Protest)
        }
        CountRole::Arrested => kind == T::Arrest,
        CountRole::Deployed => matches!(kind, T::PoliceDeployment | T::StateOfEmergency),
        CountRole::Victims => {
            matches!(kind, T::Kidnapping | T::Extortion | T::Threat | T::Homicide)
        }
        CountRole::Cases => {
            matches!(kind, T::Extortion | T::Kidnapping | T::Homicide | T::Trafficking | T::Threat)
        }
    }
}

/// The speaker of a quote or reported clause that holds the trigger.
fn attribution(inputs: &Inputs<'_>, trigger: Span) -> Option<Participant> {
    let quote = inputs.quotes.iter().find(|q| {
        q.speaker.is_some() && q.content.iter().any(|content| content.contains(trigger))
    })?;
    let speaker = quote.speaker.as_ref()?;
    let span = speaker.span.or_else(|| {
        // A continuation names nobody in its own sentence: point at the entity's last mention.
        let entity = &inputs.entities.entities[speaker.entity?];
        entity.mentions.iter().rev().find(|m| m.end <= trigger.start).copied()
    })?;
    Some(Participant { span, entity: speaker.entity })
}
