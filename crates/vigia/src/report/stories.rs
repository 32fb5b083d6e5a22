//! The report's stories: reports grouped by story, their merged events, and the comparison of
//! what each source says.

use analysis::{
    compare::{self, Comparison, Report},
    extract::Extraction,
};
use model::Article;
use serde::Serialize;

use super::items::{event_id, Evidence};

/// A report kept until the end of the run, for its story's comparison.
pub(crate) struct Kept {
    /// The article; its tokens are dropped to save memory, as comparison reads sentences only.
    pub(crate) article: Article,
    pub(crate) extraction: Extraction,
    /// The outlet as the reader should see it.
    pub(crate) outlet: String,
}

/// A story of the report.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct StoryItem {
    /// `story-` and 12 hex digits, a hash of its first report's id.
    pub(crate) id: String,
    /// The first report's headline.
    pub(crate) title: Option<String>,
    /// Its reports' ids, in input order.
    pub(crate) documents: Vec<String>,
    /// Its events, each told by one or more reports.
    pub(crate) events: Vec<StoryEventItem>,
    /// Agreements, conflicts, unique details and framing.
    pub(crate) comparison: Vec<ComparisonItem>,
    /// Reports that copy another report of the story (syndicated or near copies).
    pub(crate) copies: Vec<String>,
    /// Independent outlets among its reports.
    pub(crate) outlets: Vec<String>,
}

/// An event of a story.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct StoryEventItem {
    #[serde(rename = "type")]
    pub(crate) kind: &'static str,
    pub(crate) threatened: Option<&'static str>,
    pub(crate) modality: &'static str,
    pub(crate) date: Option<DayRange>,
    /// How many independent outlets report it: copies count once, with their original.
    pub(crate) corroboration: usize,
    /// The document events (ids in `events[]`) it merges.
    pub(crate) events: Vec<String>,
    pub(crate) documents: Vec<String>,
}

/// First and last day, inclusive.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct DayRange {
    pub(crate) start: String,
    pub(crate) end: String,
}

/// One point of comparison.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ComparisonItem {
    pub(crate) kind: &'static str,
    pub(crate) topic: &'static str,
    pub(crate) summary: String,
    pub(crate) sides: Vec<SideItem>,
}

/// One report's side of a comparison item.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SideItem {
    pub(crate) document: String,
    pub(crate) outlet: String,
    pub(crate) says: String,
    pub(crate) evidence: Vec<Evidence>,
    /// The first evidence sentence, for the Markdown brief.
    #[serde(skip)]
    pub(crate) sentence: String,
}

/// The outlet to name for an article: its own, else its site's host, else its file's name.
pub(crate) fn outlet_name(article: &Article) -> String {
    if let Some(outlet) = &article.outlet {
        return outlet.clone();
    }
    if let Some(host) = article.url.as_deref().and_then(|url| url.split("://").nth(1)) {
        return host.split('/').next().unwrap_or(host).trim_start_matches("www.").to_string();
    }
    let source = article.source.rsplit('/').next().unwrap_or(&article.source);
    source.split(['#', ':']).next().unwrap_or(source).to_string()
}

/// A story's id: `story-` and 12 hex digits of a hash of its first report's id.
pub(crate) fn story_id(first: &str) -> String {
    let hash = analysis::dedup::fingerprint(first.as_bytes());
    format!("story-{:012x}", hash & 0xffff_ffff_ffff)
}

/// Builds one story from the kept reports at `members` (input order); `copy_of[i]` is the
/// kept index of the report that report `i` copies, if any.
pub(crate) fn story(kept: &[Kept], members: &[usize], copy_of: &[Option<usize>]) -> StoryItem {
    let position = |k: usize| members.iter().position(|&m| m == k);
    let reports: Vec<Report<'_>> = members
        .iter()
        .map(|&k| Report {
            article: &kept[k].article,
            extraction: &kept[k].extraction,
            outlet: &kept[k].outlet,
            copy_of: copy_of[k].and_then(position),
        })
        .collect();
    let Comparison { events, items } = compare::compare(&reports);
    let document = |r: usize| reports[r].article.id.clone();
    let first = reports.first().map_or(String::new(), |r| r.article.id.clone());
    let mut outlets: Vec<String> = Vec::new();
    for report in reports.iter().filter(|r| r.copy_of.is_none()) {
        if !outlets.iter().any(|o| o == report.outlet) {
            outlets.push(report.outlet.to_string());
        }
    }
    StoryItem {
        id: story_id(&first),
        title: reports.first().and_then(|r| r.article.title.clone()),
        documents: (0..reports.len()).map(document).collect(),
        events: events
            .iter()
            .map(|event| {
                let mut documents: Vec<String> = Vec::new();
                for &(r, _) in &event.supports {
                    if !documents.contains(&document(r)) {
                        documents.push(document(r));
                    }
                }
                StoryEventItem {
                    kind: event.kind.as_str(),
                    threatened: event.threatened.map(|t| t.as_str()),
                    modality: event.modality.as_str(),
                    date: event.date.map(|(start, end)| DayRange {
                        start: start.to_string(),
                        end: end.to_string(),
                    }),
                    corroboration: event.outlets,
                    events: event
                        .supports
                        .iter()
                        .map(|&(r, e)| event_id(&document(r), &reports[r].extraction.events[e]))
                        .collect(),
                    documents,
                }
            })
            .collect(),
        comparison: items
            .into_iter()
            .map(|item| ComparisonItem {
                kind: item.kind.as_str(),
                topic: item.topic,
                summary: item.summary,
                sides: item
                    .sides
                    .into_iter()
                    .map(|side| {
                        let article = reports[side.report].article;
                        SideItem {
                            document: article.id.clone(),
                            outlet: reports[side.report].outlet.to_string(),
                            says: side.says,
                            sentence: side
                                .evidence
                                .first()
                                .map(|&s| article.slice(s).to_string())
                                .unwrap_or_default(),
                            evidence: side
                                .evidence
                                .iter()
                                .map(|s| Evidence {
                                    document: article.id.clone(),
                                    start: s.start,
                                    end: s.end,
                                })
                                .collect(),
                        }
                    })
                    .collect(),
            })
            .collect(),
        copies: reports
            .iter()
            .filter(|r| r.copy_of.is_some())
            .map(|r| r.article.id.clone())
            .collect(),
        outlets,
    }
}
