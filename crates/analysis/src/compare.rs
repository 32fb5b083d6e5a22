//! Compares the reports of one story: merged events with their corroboration, and where the
//! sources agree, contradict each other, report something alone, or frame it differently.
//!
//! Every item cites, for each side, the sentences it rests on, so a reader can check both.
//!
//! What is compared:
//! - **Events** are aligned across reports by type (and, for threats, the act threatened), date
//!   and place (see `compare/events.rs`). Each story event counts the independent outlets behind
//!   it: a syndicated copy is the same report published again, not a confirmation.
//! - **Contradictions**: counts that differ for one event; dates a few days apart for one event;
//!   the same event told with opposite modality (reported and denied); targets or actors of a
//!   different kind (immigrants against extortionists); different sources credited; a quote
//!   worded differently (aligned word by word, see `compare/quotes.rs`); a relation asserted by
//!   one report and hedged by another ("is part of" against "reportedly linked to").
//! - **Unique details**: events, counts and statistics only one outlet gives.
//! - **Framing**: the share of hedged statements, loaded labels ("narcoterroristas"), and which
//!   voices are quoted (officials, residents, analysts, perpetrators), per outlet.
//!
//! Copies take part in no comparison: their original speaks for them.

mod events;
mod framing;
mod quotes;
mod relations;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use model::{Article, Span};

use crate::{
    events::{EventModality, EventType},
    extract::Extraction,
};

pub use quotes::word_diff;

/// One report of a story, with what extraction found in it.
#[derive(Debug, Clone, Copy)]
pub struct Report<'a> {
    /// The article.
    pub article: &'a Article,
    /// What extraction found in it.
    pub extraction: &'a Extraction,
    /// The outlet that published it, as it should be named to the reader.
    pub outlet: &'a str,
    /// The earlier report of the story this one copies, if it is a copy.
    pub copy_of: Option<usize>,
}

/// An event of the story, told by one or more reports.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryEvent {
    /// Its type.
    pub kind: EventType,
    /// For a threat, the act threatened.
    pub threatened: Option<EventType>,
    /// The most certain modality any report gives it.
    pub modality: EventModality,
    /// The narrowest interval its reports give, if any gives one.
    pub date: Option<(NaiveDate, NaiveDate)>,
    /// The reports that tell it, as (report, event index in that report's extraction).
    pub supports: Vec<(usize, usize)>,
    /// How many independent outlets tell it: copies and repeated outlets count once.
    pub outlets: usize,
}

/// What kind of comparison item it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemKind {
    /// The reports say the same.
    Agreement,
    /// The reports say different things about the same point.
    Conflict,
    /// Only one outlet says it.
    Unique,
    /// How each report tells the story: hedging, labels, voices.
    Framing,
}

impl ItemKind {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Agreement => "agreement",
            ItemKind::Conflict => "conflict",
            ItemKind::Unique => "unique",
            ItemKind::Framing => "framing",
        }
    }
}

/// What one report says on an item's point, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    /// The report (an index into the story's reports).
    pub report: usize,
    /// What it says, briefly ("4 arrested", "“no bread for Peruvians…”").
    pub says: String,
    /// The sentences it says it in.
    pub evidence: Vec<Span>,
}

/// One point of comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Agreement, conflict, unique detail or framing.
    pub kind: ItemKind,
    /// What it is about: `count`, `date`, `modality`, `target`, `actor`, `attribution`, `quote`,
    /// `relation`, `event`, `statistic`, `hedging`, `labels`, `voices`.
    pub topic: &'static str,
    /// One sentence for the reader.
    pub summary: String,
    /// Each report's side: at most three per distinct claim and thirty in all, in report order.
    pub sides: Vec<Side>,
}

/// A story's merged events and comparison items.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Comparison {
    /// Its events, in order of first report.
    pub events: Vec<StoryEvent>,
    /// Its comparison items: conflicts first, then unique details, agreements and framing.
    pub items: Vec<Item>,
}

/// Compares the reports of one story.
pub fn compare(reports: &[Report<'_>]) -> Comparison {
    let events = events::align(reports);
    let mut items = Vec::new();
    events::items(reports, &events, &mut items);
    quotes::items(reports, &mut items);
    relations::items(reports, &mut items);
    framing::items(reports, &mut items);
    for item in &mut items {
        trim_sides(&mut item.sides);
    }
    items.sort_by_key(|item| match item.kind {
        ItemKind::Conflict => 0,
        ItemKind::Unique => 1,
        ItemKind::Agreement => 2,
        ItemKind::Framing => 3,
    });
    Comparison { events, items }
}

/// Sides kept per distinct claim, and in all: a story of thousands of reports still gives a
/// readable item, and its summary still counts every outlet.
const SIDES_PER_CLAIM: usize = 3;
const SIDES: usize = 30;

/// Keeps the first sides of each distinct claim, up to the cap, in their order.
fn trim_sides(sides: &mut Vec<Side>) {
    if sides.len() <= SIDES_PER_CLAIM {
        return;
    }
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut kept = 0;
    sides.retain(|side| {
        let n = seen.entry(side.says.clone()).or_default();
        *n += 1;
        let keep = *n <= SIDES_PER_CLAIM && kept < SIDES;
        kept += usize::from(keep);
        keep
    });
}

/// The reports that are not copies of another report of the story.
fn originals<'r, 'a>(reports: &'r [Report<'a>]) -> impl Iterator<Item = (usize, &'r Report<'a>)> {
    reports.iter().enumerate().filter(|(_, r)| r.copy_of.is_none())
}

/// The sentence of `article` that holds `span`, or the span itself when none does.
fn sentence_of(article: &Article, span: Span) -> Span {
    let at = article.sentences.partition_point(|s| s.end <= span.start);
    match article.sentences.get(at) {
        Some(&sentence) if sentence.start <= span.start => sentence,
        _ => span,
    }
}

/// Names in a list: "A", "A and B", "A, B and C".
fn and_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
