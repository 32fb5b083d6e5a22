//! How each report tells the story, measured: hedging, loaded labels, voices quoted; and the
//! statistics only one outlet gives.

use std::collections::{HashMap, HashSet};

use model::Span;

use super::{originals, sentence_of, Item, ItemKind, Report, Side};
use crate::{
    entities::{EntityType, Modality},
    events::{group_kind, EventModality, GroupKind},
    quantities::Unit,
    quotes::{QuoteKind, SpeakerKind},
};

/// Words that label actors in a loaded way, lowercased; a trailing `*` matches any ending.
const LOADED: &[&str] = &[
    "terrorist*",
    "terrorism",
    "terrorista*",
    "terrorismo",
    "narcoterror*",
    "thug*",
    "horde*",
    "horda*",
    "invasion",
    "invasión",
    "invaders",
    "invasores",
    "plague",
    "plaga",
    "lacra*",
    "scourge",
    "monster*",
    "monstruo*",
    "animals",
    "animales",
    "vermin",
    "alimañas",
    "super cartel",
    "criminal migrants",
    "delincuentes extranjeros",
];

/// Words around a speaker that say what voice they are.
const OFFICIAL: &[&str] = &[
    "police",
    "policía",
    "policial",
    "minister",
    "ministro",
    "ministra",
    "col",
    "gen",
    "coronel",
    "general",
    "fiscal",
    "prosecutor",
    "mayor",
    "alcalde",
    "alcaldesa",
    "spokes",
    "vocero",
    "vocera",
    "officer",
    "comandante",
    "jefe",
    "chief",
    "commander",
    "president",
    "presidente",
    "presidenta",
    "congresista",
    "official",
    "funcionario",
    "government",
    "gobierno",
];
const ANALYST: &[&str] = &[
    "analyst",
    "analista",
    "researcher",
    "investigador",
    "investigadora",
    "expert",
    "experto",
    "experta",
    "professor",
    "profesor",
    "profesora",
    "observatory",
    "observatorio",
    "criminologist",
    "criminólogo",
    "sociologist",
    "sociólogo",
    "economist",
    "economista",
    "director",
];
const PERPETRATOR: &[&str] =
    &["gang", "banda", "members", "integrante", "integrantes", "hooded", "encapuchado", "masked"];
const RESIDENT: &[&str] = &[
    "driver",
    "mototaxista",
    "merchant",
    "comerciante",
    "resident",
    "vecino",
    "vecina",
    "vendor",
    "vendedor",
    "dirigente",
    "owner",
    "dueño",
    "dueña",
    "shopkeeper",
    "bodeguero",
    "bodeguera",
    "transportista",
    "chofer",
    "conductor",
    "trader",
    "worker",
    "trabajador",
    "passenger",
];

/// Units of time, whose counts are durations.
const TIME_UNITS: &[&str] = &[
    "years", "year", "months", "month", "weeks", "week", "days", "day", "hours", "hour", "minutes",
    "años", "año", "meses", "mes", "semanas", "semana", "días", "día", "horas", "hora", "minutos",
];

/// What voice a source named in the text is ("la policía": officials; "witnesses": residents).
pub(super) fn voice_of(text: &str) -> &'static str {
    if has_word(text, PERPETRATOR) {
        "perpetrators"
    } else if has_word(text, OFFICIAL) || has_word(text, OFFICIAL_SOURCES) {
        "officials"
    } else if has_word(text, ANALYST) {
        "analysts"
    } else if has_word(text, RESIDENT) || has_word(text, WITNESSES) {
        "residents"
    } else {
        "others"
    }
}

/// Institutions and records that speak for the authorities.
const OFFICIAL_SOURCES: &[&str] = &[
    "pnp",
    "ministry",
    "ministerio",
    "fiscalía",
    "prosecutors",
    "authorities",
    "autoridades",
    "figures",
    "cifras",
    "data",
    "datos",
    "statistics",
    "estadísticas",
    "sector",
];

/// Bystanders.
const WITNESSES: &[&str] =
    &["witnesses", "testigos", "videos", "neighbours", "neighbors", "locals"];

fn has_word(text: &str, list: &[&str]) -> bool {
    let lower = text.to_lowercase();
    lower
        .split(|c: char| !c.is_alphabetic())
        .any(|w| list.iter().any(|item| w == *item || (item.ends_with('s') && w.starts_with(item))))
}

/// Hedging, labels and voices per outlet, and the statistics only one outlet gives.
pub(super) fn items(reports: &[Report<'_>], out: &mut Vec<Item>) {
    if originals(reports).count() < 2 {
        return;
    }
    hedging(reports, out);
    labels(reports, out);
    voices(reports, out);
    statistics(reports, out);
}

/// The share of a report's events and stated relations that it hedges.
fn hedging(reports: &[Report<'_>], out: &mut Vec<Item>) {
    let mut sides = Vec::new();
    let mut each = Vec::new();
    for (r, report) in originals(reports) {
        let x = report.extraction;
        let mut hedged: Vec<Span> = Vec::new();
        let mut total = 0;
        for event in &x.events {
            total += 1;
            if event.modality == EventModality::Alleged {
                hedged.extend(event.evidence.first().copied());
            }
        }
        for relation in x.entities.relations.iter().filter(|r| r.stated) {
            total += 1;
            if relation.modality == Modality::Reported {
                hedged.push(relation.evidence);
            }
        }
        if total == 0 {
            continue;
        }
        let share = 100.0 * hedged.len() as f64 / total as f64;
        hedged.dedup();
        each.push(format!("{} {share:.0}% ({} of {total})", report.outlet, hedged.len()));
        sides.push(Side { report: r, says: format!("{share:.0}% hedged"), evidence: hedged });
    }
    if sides.len() < 2 {
        return;
    }
    out.push(Item {
        kind: ItemKind::Framing,
        topic: "hedging",
        summary: format!("Share of events and relations stated with a hedge: {}.", each.join(", ")),
        sides,
    });
}

/// Loaded labels each report applies.
fn labels(reports: &[Report<'_>], out: &mut Vec<Item>) {
    let mut sides = Vec::new();
    for (r, report) in originals(reports) {
        let article = report.article;
        let mut found: Vec<String> = Vec::new();
        let mut evidence: Vec<Span> = Vec::new();
        for &sentence in &article.sentences {
            let lower = article.slice(sentence).to_lowercase();
            // Split once per sentence: stories are compared again whenever a report arrives.
            let words: Vec<&str> =
                lower.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
            for label in LOADED {
                let hit = match label.strip_suffix('*') {
                    Some(stem) => words.iter().find(|w| w.starts_with(stem)).map(|w| w.to_string()),
                    None => lower.contains(label).then(|| label.to_string()),
                };
                if let Some(word) = hit {
                    if !found.contains(&word) {
                        found.push(word);
                    }
                    if !evidence.contains(&sentence) {
                        evidence.push(sentence);
                    }
                }
            }
        }
        if !found.is_empty() {
            sides.push(Side { report: r, says: found.join(", "), evidence });
        }
    }
    if sides.is_empty() {
        return;
    }
    let each: Vec<String> =
        sides.iter().map(|s| format!("{} uses \"{}\"", reports[s.report].outlet, s.says)).collect();
    out.push(Item {
        kind: ItemKind::Framing,
        topic: "labels",
        summary: format!("Loaded labels: {}; the other reports use none.", each.join("; ")),
        sides,
    });
}

/// What voice a quote's speaker is.
fn voice(report: &Report<'_>, quote: &crate::quotes::Quote) -> &'static str {
    let Some(speaker) = &quote.speaker else { return "unattributed" };
    let article = report.article;
    let entities = &report.extraction.entities.entities;
    if let Some(entity) = speaker.entity.map(|i| &entities[i]) {
        match entity.kind {
            EntityType::CriminalGroup => return "perpetrators",
            EntityType::Organization => {
                return if has_word(&entity.name, OFFICIAL) || entity.kb_id.is_some() {
                    "officials"
                } else {
                    "organisations"
                };
            }
            _ => {}
        }
    }
    // The words around the speaker's mentions: "Col. Julio Herrera", "Luis García, a driver".
    let mut around = String::new();
    if let Some(span) = speaker.span {
        around.push_str(article.slice(span));
    }
    if let Some(entity) = speaker.entity.map(|i| &entities[i]) {
        for mention in entity.mentions.iter().take(3) {
            let from =
                article.text[..mention.start].char_indices().rev().nth(24).map_or(0, |(i, _)| i);
            let to = article.text[mention.end..]
                .char_indices()
                .nth(60)
                .map_or(article.text.len(), |(i, _)| mention.end + i);
            around.push(' ');
            around.push_str(&article.text[from..to]);
        }
    }
    if speaker.kind == SpeakerKind::Description {
        if let Some(kind) = group_kind(&around) {
            return match kind {
                GroupKind::Offenders => "perpetrators",
                GroupKind::SecurityForces => "officials",
                GroupKind::Civilians | GroupKind::Protesters => "residents",
            };
        }
    }
    if has_word(&around, PERPETRATOR) {
        "perpetrators"
    } else if has_word(&around, OFFICIAL) {
        "officials"
    } else if has_word(&around, ANALYST) {
        "analysts"
    } else if has_word(&around, RESIDENT) {
        "residents"
    } else {
        "others"
    }
}

/// Which voices each report quotes.
fn voices(reports: &[Report<'_>], out: &mut Vec<Item>) {
    let mut sides = Vec::new();
    let mut each = Vec::new();
    for (r, report) in originals(reports) {
        let mut tally: Vec<(&str, usize)> = Vec::new();
        let mut evidence = Vec::new();
        for quote in report.extraction.quotes.iter().filter(|q| q.kind != QuoteKind::Scare) {
            let voice = voice(report, quote);
            match tally.iter_mut().find(|(v, _)| *v == voice) {
                Some((_, n)) => *n += 1,
                None => tally.push((voice, 1)),
            }
            let sentence = sentence_of(report.article, quote.span);
            if !evidence.contains(&sentence) {
                evidence.push(sentence);
            }
        }
        if tally.is_empty() {
            continue;
        }
        tally.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let says: Vec<String> = tally.iter().map(|(v, n)| format!("{n} {v}")).collect();
        each.push(format!("{}: {}", report.outlet, says.join(", ")));
        sides.push(Side { report: r, says: says.join(", "), evidence });
    }
    if sides.len() < 2 {
        return;
    }
    out.push(Item {
        kind: ItemKind::Framing,
        topic: "voices",
        summary: format!("Voices quoted: {}.", each.join("; ")),
        sides,
    });
}

/// Counts and percentages with a counted noun that only one outlet gives and no event carries.
fn statistics(reports: &[Report<'_>], out: &mut Vec<Item>) {
    // Each figure with whom it counts, so that "four drivers" and "cuatro presuntos
    // integrantes" are two figures while "6,500 cases" and "6.500 denuncias" are one.
    let kind_of = |report: &Report<'_>, q: &crate::quantities::Quantity| {
        q.counted.and_then(|s| group_kind(report.article.slice(s)))
    };
    // Each figure, with the outlets that give it.
    let mut all: HashMap<(u64, Unit, Option<GroupKind>), HashSet<&str>> = HashMap::new();
    for (_, report) in originals(reports) {
        for q in &report.extraction.quantities {
            all.entry((q.value.to_bits(), q.unit, kind_of(report, q)))
                .or_default()
                .insert(report.outlet);
        }
    }
    for (r, report) in originals(reports) {
        let x = report.extraction;
        let mut given: Vec<f64> = Vec::new();
        for (i, q) in x.quantities.iter().enumerate() {
            let counted = q.counted.map(|s| report.article.slice(s));
            // Durations ("12 years") are not figures of the story.
            let duration = counted.is_some_and(|c| {
                c.split(|ch: char| !ch.is_alphabetic())
                    .any(|w| TIME_UNITS.contains(&w.to_lowercase().as_str()))
            });
            let worth = !duration
                && (matches!(q.unit, Unit::Percent) || (counted.is_some() && q.value >= 2.0));
            let in_event = x.events.iter().any(|e| e.counts.iter().any(|c| c.quantity == i));
            let kind = kind_of(report, q);
            let elsewhere = all
                .get(&(q.value.to_bits(), q.unit, kind))
                .is_some_and(|outlets| outlets.iter().any(|&o| o != report.outlet));
            // One figure once per report, however many times it is repeated.
            if !worth || in_event || elsewhere || given.contains(&q.value) {
                continue;
            }
            given.push(q.value);
            let written = report.article.slice(q.span);
            let what =
                counted.map(|c| format!("{written} {c}")).unwrap_or_else(|| written.to_string());
            out.push(Item {
                kind: ItemKind::Unique,
                topic: "statistic",
                summary: format!("Only {} gives the figure \"{what}\".", report.outlet),
                sides: vec![Side {
                    report: r,
                    says: what,
                    evidence: vec![sentence_of(report.article, q.span)],
                }],
            });
        }
    }
}
