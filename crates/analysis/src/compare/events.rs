//! Aligns events across a story's reports, and compares what each report says of each event.
//!
//! Two reports' events are one story event when they have the same type (and the same act
//! threatened), their places are compatible (one lies in the other, or either has none), and
//! their dates overlap; dates up to three days apart still align when the two name a common
//! place, and the gap is then reported as a conflict.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use model::Span;

use super::{and_list, originals, sentence_of, Item, ItemKind, Report, Side, StoryEvent};
use crate::{
    dates::DateKind,
    entities::DocEntity,
    events::{group_kind, CountRole, Event, EventModality, EventType, GroupKind, Participant},
};

/// Days apart two dates of one event may be and still align.
const DATE_SLACK: i64 = 3;

/// Story events of one type a report's event is compared with: the most recent ones, so that
/// a story of thousands of reports costs the same per report as a small one.
const CANDIDATES: usize = 64;

/// Supports of a story event a report's event is compared with: its first ones and its latest.
const SUPPORTS_COMPARED: usize = 4;

/// The story's events, in order of first report.
pub(super) fn align(reports: &[Report<'_>]) -> Vec<StoryEvent> {
    let mut out: Vec<StoryEvent> = Vec::new();
    // Story events by type and act threatened, in order of creation.
    let mut by_kind: HashMap<(EventType, Option<EventType>), Vec<usize>> = HashMap::new();
    for (r, report) in reports.iter().enumerate() {
        for (e, event) in report.extraction.events.iter().enumerate() {
            let date = date_of(report, event);
            let key = (event.kind, event.threatened);
            let candidates = by_kind.get(&key).map_or(&[][..], Vec::as_slice);
            let from = candidates.len().saturating_sub(CANDIDATES);
            let at = candidates[from..].iter().copied().find(|&at| {
                let story = &out[at];
                let supports = &story.supports;
                // Reports arrive in order, so one already in holds the last support.
                supports.last().is_none_or(|&(other, _)| other != r)
                    // Against the story's own date too, so that undated reports do not chain
                    // events days apart together.
                    && match (story.date, date) {
                        (Some(x), Some(y)) => gap(x, y) <= DATE_SLACK,
                        _ => true,
                    }
                    && sampled(supports).any(|&(other, oe)| {
                        aligned(&reports[other], &reports[other].extraction.events[oe], report, event)
                    })
            });
            match at {
                Some(at) => {
                    let story = &mut out[at];
                    story.supports.push((r, e));
                    if rank(event.modality) < rank(story.modality) {
                        story.modality = event.modality;
                    }
                    story.date = match (story.date, date) {
                        (Some(a), Some(b)) => Some(if b.1 - b.0 < a.1 - a.0 { b } else { a }),
                        (a, b) => a.or(b),
                    };
                }
                None => {
                    by_kind.entry(key).or_default().push(out.len());
                    out.push(StoryEvent {
                        kind: event.kind,
                        threatened: event.threatened,
                        modality: event.modality,
                        date,
                        supports: vec![(r, e)],
                        outlets: 0,
                    });
                }
            }
        }
    }
    for story in &mut out {
        let mut outlets: HashSet<&str> = HashSet::new();
        for &(r, _) in &story.supports {
            let report = &reports[r];
            if report.copy_of.is_none() {
                outlets.insert(report.outlet);
            }
        }
        story.outlets = outlets.len().max(1);
    }
    out
}

/// The first and the latest supports of a story event.
fn sampled(supports: &[(usize, usize)]) -> impl Iterator<Item = &(usize, usize)> {
    let head = supports.len().min(SUPPORTS_COMPARED);
    let tail = supports.len().saturating_sub(SUPPORTS_COMPARED).max(head);
    supports[..head].iter().chain(&supports[tail..])
}

/// The most certain wording first.
fn rank(modality: EventModality) -> u8 {
    match modality {
        EventModality::Confirmed => 0,
        EventModality::Reported => 1,
        EventModality::Alleged => 2,
        _ => 3,
    }
}

fn date_of(report: &Report<'_>, event: &Event) -> Option<(NaiveDate, NaiveDate)> {
    event.date.map(|i| {
        let date = &report.extraction.dates[i];
        (date.start, date.end)
    })
}

/// Whether two reports' events are one event.
fn aligned(ra: &Report<'_>, a: &Event, rb: &Report<'_>, b: &Event) -> bool {
    if a.kind != b.kind || a.threatened != b.threatened {
        return false;
    }
    let places = places_relation(ra, a, rb, b);
    if places == Places::Apart {
        return false;
    }
    match (date_of(ra, a), date_of(rb, b)) {
        (Some(x), Some(y)) => {
            let gap = gap(x, y);
            gap == 0 || (gap <= DATE_SLACK && places == Places::Shared)
        }
        _ => true,
    }
}

/// Days between two intervals; 0 when they overlap.
fn gap(x: (NaiveDate, NaiveDate), y: (NaiveDate, NaiveDate)) -> i64 {
    if x.1 < y.0 {
        (y.0 - x.1).num_days()
    } else if y.1 < x.0 {
        (x.0 - y.1).num_days()
    } else {
        0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Places {
    /// A place of one lies in (or is) a place of the other.
    Shared,
    /// Either names none.
    Unknown,
    /// Both name places, none related.
    Apart,
}

fn places_relation(ra: &Report<'_>, a: &Event, rb: &Report<'_>, b: &Event) -> Places {
    let pa: Vec<&DocEntity> =
        a.places.iter().map(|&i| &ra.extraction.entities.entities[i]).collect();
    let pb: Vec<&DocEntity> =
        b.places.iter().map(|&i| &rb.extraction.entities.entities[i]).collect();
    if pa.is_empty() || pb.is_empty() {
        return Places::Unknown;
    }
    // A name one report could not geocode ("La Victoria" alone is ambiguous) still matches
    // the same name, or a place on the other's gazetteer path.
    let named = |x: &DocEntity, path: &[String]| {
        let name = crate::kb::normalize(&x.name);
        path.iter().any(|p| crate::kb::normalize(p) == name)
    };
    let related = |x: &DocEntity, y: &DocEntity| match (&x.place, &y.place) {
        (Some(p), Some(q)) => {
            p.admin_path.starts_with(&q.admin_path) || q.admin_path.starts_with(&p.admin_path)
        }
        (Some(p), None) => named(y, &p.admin_path),
        (None, Some(q)) => named(x, &q.admin_path),
        (None, None) => crate::kb::normalize(&x.name) == crate::kb::normalize(&y.name),
    };
    if pa.iter().any(|x| pb.iter().any(|y| related(x, y))) {
        Places::Shared
    } else {
        Places::Apart
    }
}

/// Conflicts, agreements and unique details about the story's events.
pub(super) fn items(reports: &[Report<'_>], events: &[StoryEvent], out: &mut Vec<Item>) {
    let original = |r: usize| reports[r].copy_of.is_none();
    let n_originals = originals(reports).count();
    for story in events {
        let supports: Vec<(usize, &Event)> = story
            .supports
            .iter()
            .filter(|&&(r, _)| original(r))
            .map(|&(r, e)| (r, &reports[r].extraction.events[e]))
            .collect();
        if supports.is_empty() {
            continue;
        }
        let name = event_name(story);
        let evidence =
            |event: &Event| event.evidence.iter().take(2).copied().collect::<Vec<Span>>();
        if story.outlets == 1 && n_originals > 1 {
            let (r, event) = supports[0];
            out.push(Item {
                kind: ItemKind::Unique,
                topic: "event",
                summary: format!("Only {} reports {name}.", reports[r].outlet),
                sides: vec![Side { report: r, says: name.clone(), evidence: evidence(event) }],
            });
        }
        if supports.len() < 2 {
            counts(reports, &name, &supports, n_originals, out);
            continue;
        }
        counts(reports, &name, &supports, n_originals, out);
        dates(reports, &name, &supports, out);
        modality(reports, &name, &supports, out);
        for (side, topic) in [(Role::Targets, "target"), (Role::Actors, "actor")] {
            participants(reports, &name, &supports, side, topic, out);
        }
        attribution(reports, &name, &supports, out);
    }
}

/// "the arrest", "the threat (to kill)".
fn event_name(story: &StoryEvent) -> String {
    let kind = story.kind.as_str().replace('_', " ");
    match story.threatened {
        Some(act) => format!("the {kind} of {}", act.as_str().replace('_', " ")),
        None => format!("the {kind}"),
    }
}

/// Counts of one role that differ, agree, or only one outlet gives.
fn counts(
    reports: &[Report<'_>],
    name: &str,
    supports: &[(usize, &Event)],
    n_originals: usize,
    out: &mut Vec<Item>,
) {
    let mut roles: Vec<CountRole> =
        supports.iter().flat_map(|(_, e)| e.counts.iter().map(|c| c.role)).collect();
    roles.sort();
    roles.dedup();
    for role in roles {
        let sides: Vec<(Side, f64)> = supports
            .iter()
            .filter_map(|&(r, event)| {
                let count = event.counts.iter().find(|c| c.role == role)?;
                let quantity = &reports[r].extraction.quantities[count.quantity];
                let article = reports[r].article;
                let written = article.slice(quantity.span);
                Some((
                    Side {
                        report: r,
                        says: format!("{} {}", written, role.as_str()),
                        evidence: vec![sentence_of(article, quantity.span)],
                    },
                    quantity.value,
                ))
            })
            .collect();
        let outlets: Vec<String> =
            sides.iter().map(|(s, _)| reports[s.report].outlet.to_string()).collect();
        let values: Vec<f64> = sides.iter().map(|(_, v)| *v).collect();
        let all_same = values.windows(2).all(|w| w[0] == w[1]);
        let (kind, summary) = if outlets.iter().all(|o| *o == outlets[0]) {
            if n_originals < 2 {
                continue;
            }
            (
                ItemKind::Unique,
                format!(
                    "Only {} gives how many were {} in {name}: {}.",
                    outlets[0],
                    role.as_str(),
                    sides[0].0.says
                ),
            )
        } else if all_same {
            (
                ItemKind::Agreement,
                format!(
                    "{} agree that {} were {} in {name}.",
                    and_list(&outlets),
                    values[0],
                    role.as_str()
                ),
            )
        } else {
            let each: Vec<String> = sides
                .iter()
                .map(|(side, value)| format!("{value} ({})", reports[side.report].outlet))
                .collect();
            (
                ItemKind::Conflict,
                format!(
                    "Sources disagree on how many were {} in {name}: {}.",
                    role.as_str(),
                    each.join(" against ")
                ),
            )
        };
        out.push(Item {
            kind,
            topic: "count",
            summary,
            sides: sides.into_iter().map(|(s, _)| s).collect(),
        });
    }
}

/// Written day-precise dates of one event that differ. Dates counted from another date ("two
/// days later") are left out: they inherit the errors of what they count from.
fn dates(reports: &[Report<'_>], name: &str, supports: &[(usize, &Event)], out: &mut Vec<Item>) {
    let dated: Vec<(usize, NaiveDate, Span)> = supports
        .iter()
        .filter_map(|&(r, event)| {
            let date = &reports[r].extraction.dates[event.date?];
            (date.start == date.end && date.kind != DateKind::Relative)
                .then_some((r, date.start, date.span))
        })
        .collect();
    let Some(&(_, first, _)) = dated.first() else { return };
    if dated.iter().all(|&(_, day, _)| day == first) {
        return;
    }
    let sides: Vec<Side> = dated
        .iter()
        .map(|&(r, day, span)| Side {
            report: r,
            says: format!("{day} (\"{}\")", reports[r].article.slice(span)),
            evidence: vec![sentence_of(reports[r].article, span)],
        })
        .collect();
    let values: Vec<(String, usize)> =
        dated.iter().map(|&(r, day, _)| (day.format("%-d %B %Y").to_string(), r)).collect();
    out.push(Item {
        kind: ItemKind::Conflict,
        topic: "date",
        summary: format!("Sources disagree on the date of {name}: {}.", grouped(reports, &values)),
        sides,
    });
}

/// "4 (Diario Limeño) against 3 (Crime Lens, Meridian Wire)": values with their outlets,
/// the most reported first.
pub(super) fn grouped(reports: &[Report<'_>], values: &[(String, usize)]) -> String {
    let mut groups: Vec<(&str, Vec<String>)> = Vec::new();
    for (value, r) in values {
        let outlet = reports[*r].outlet.to_string();
        match groups.iter_mut().find(|(v, _)| v == value) {
            Some((_, outlets)) => {
                if !outlets.contains(&outlet) {
                    outlets.push(outlet);
                }
            }
            None => groups.push((value, vec![outlet])),
        }
    }
    groups.sort_by_key(|g| std::cmp::Reverse(g.1.len()));
    groups
        .iter()
        .map(|(value, outlets)| format!("{value} ({})", outlets.join(", ")))
        .collect::<Vec<_>>()
        .join(" against ")
}

/// One report tells as fact what another denies, or as a plan or possibility.
fn modality(reports: &[Report<'_>], name: &str, supports: &[(usize, &Event)], out: &mut Vec<Item>) {
    // Only a denial contradicts a report; a plan or a possibility is usually another mention.
    let class = |m: EventModality| match m {
        EventModality::Denied => Some("denied"),
        EventModality::Reported | EventModality::Confirmed | EventModality::Alleged => {
            Some("happened")
        }
        EventModality::Planned | EventModality::Hypothetical => None,
    };
    let told: Vec<(usize, &Event, &str)> =
        supports.iter().filter_map(|&(r, e)| Some((r, e, class(e.modality)?))).collect();
    if !told.iter().any(|t| t.2 == "denied") || !told.iter().any(|t| t.2 == "happened") {
        return;
    }
    let sides: Vec<Side> = told
        .iter()
        .map(|&(r, e, _)| Side {
            report: r,
            says: e.modality.as_str().to_string(),
            evidence: e.evidence.iter().take(1).copied().collect(),
        })
        .collect();
    let values: Vec<(String, usize)> = told.iter().map(|&(r, _, c)| (c.to_string(), r)).collect();
    out.push(Item {
        kind: ItemKind::Conflict,
        topic: "modality",
        summary: format!(
            "Sources disagree on whether {name} happened: {}.",
            grouped(reports, &values)
        ),
        sides,
    });
}

/// A report's event with its participants that are group descriptions, and their kinds.
type Described<'e> = (usize, &'e Event, Vec<(&'e Participant, GroupKind)>);

#[derive(Debug, Clone, Copy)]
enum Role {
    Actors,
    Targets,
}

/// Targets or actors of different kinds for one event: "all Venezuelan immigrants" against
/// "Venezuelan extortionists".
fn participants(
    reports: &[Report<'_>],
    name: &str,
    supports: &[(usize, &Event)],
    role: Role,
    topic: &'static str,
    out: &mut Vec<Item>,
) {
    let described: Vec<Described<'_>> = supports
        .iter()
        .map(|&(r, event)| {
            let list = match role {
                Role::Actors => &event.actors,
                Role::Targets => &event.targets,
            };
            let kinds = list
                .iter()
                .filter(|p| p.entity.is_none())
                .filter_map(|p| Some((p, group_kind(reports[r].article.slice(p.span))?)))
                .collect();
            (r, event, kinds)
        })
        .filter(|(_, _, kinds): &(usize, &Event, Vec<_>)| !kinds.is_empty())
        .collect();
    if described.len() < 2 {
        return;
    }
    // Protesters are civilians; only civilians, offenders and security forces are told apart.
    let class = |kind: GroupKind| match kind {
        GroupKind::Protesters => GroupKind::Civilians,
        other => other,
    };
    let kinds_of = |list: &[(&Participant, GroupKind)]| {
        let mut kinds: Vec<GroupKind> = list.iter().map(|(_, k)| class(*k)).collect();
        kinds.sort();
        kinds.dedup();
        kinds
    };
    let first = kinds_of(&described[0].2);
    // Only reports that share no kind of participant disagree.
    let apart = described.iter().skip(1).any(|(_, _, list)| {
        let kinds = kinds_of(list);
        !kinds.iter().any(|k| first.contains(k))
    });
    if !apart {
        return;
    }
    let sides: Vec<Side> = described
        .iter()
        .map(|(r, _, list)| {
            let article = reports[*r].article;
            let names: Vec<String> =
                list.iter().map(|(p, _)| format!("\"{}\"", article.slice(p.span))).collect();
            let mut evidence: Vec<Span> =
                list.iter().map(|(p, _)| sentence_of(article, p.span)).collect();
            evidence.dedup();
            Side { report: *r, says: names.join(", "), evidence }
        })
        .collect();
    let values: Vec<(String, usize)> = sides.iter().map(|s| (s.says.clone(), s.report)).collect();
    let listed = grouped(reports, &values);
    let what = match role {
        Role::Actors => "who carried out",
        Role::Targets => "whom",
    };
    let summary = match role {
        Role::Actors => format!("Sources disagree on {what} {name}: {listed}."),
        Role::Targets => format!("Sources disagree on {what} {name} was aimed at: {listed}."),
    };
    out.push(Item { kind: ItemKind::Conflict, topic, summary, sides });
}

/// Reports that credit one event to different sources.
fn attribution(
    reports: &[Report<'_>],
    name: &str,
    supports: &[(usize, &Event)],
    out: &mut Vec<Item>,
) {
    // Sources of one kind (two police officers, the police and its spokesman) do not
    // contradict each other; a fact the police give and one witnesses give do.
    let voice = |r: usize, p: &Participant| {
        let written = reports[r].article.slice(p.span).to_string();
        let name = p.entity.map(|i| reports[r].extraction.entities.entities[i].name.clone());
        super::framing::voice_of(&format!("{written} {}", name.unwrap_or_default()))
    };
    // A source whose kind cannot be told ("it", an unknown name) is left out.
    let credited: Vec<(usize, &Event, &Participant)> = supports
        .iter()
        .filter_map(|&(r, e)| Some((r, e, e.attribution.as_ref()?)))
        .filter(|&(r, _, p)| voice(r, p) != "others")
        .collect();
    if credited.len() < 2 {
        return;
    }
    let first = voice(credited[0].0, credited[0].2);
    if credited.iter().all(|&(r, _, p)| voice(r, p) == first) {
        return;
    }
    let sides: Vec<Side> = credited
        .iter()
        .map(|&(r, e, p)| Side {
            report: r,
            says: format!("according to {}", reports[r].article.slice(p.span)),
            evidence: vec![sentence_of(reports[r].article, p.span)]
                .into_iter()
                .chain(e.evidence.first().copied())
                .collect::<Vec<_>>()
                .into_iter()
                .fold(Vec::new(), |mut acc, s| {
                    if !acc.contains(&s) {
                        acc.push(s);
                    }
                    acc
                }),
        })
        .collect();
    let values: Vec<(String, usize)> = credited
        .iter()
        .map(|&(r, _, p)| (format!("{} ({})", voice(r, p), reports[r].article.slice(p.span)), r))
        .collect();
    out.push(Item {
        kind: ItemKind::Conflict,
        topic: "attribution",
        summary: format!(
            "Sources credit {name} to different kinds of source: {}.",
            grouped(reports, &values)
        ),
        sides,
    });
}
