//! Stories: reports about the same events grouped together, incrementally.
//!
//! Each report is reduced to a compact [`Signature`]: weighted entity keys (places weighted by how
//! specific they are), event keys (type, type at place), dates, numbers with their unit, and
//! stemmed content words. Entity keys, event types, places, dates and numbers are the same in
//! every language, so they carry the cross-language match; words only help within one language.
//!
//! [`StoryIndex::add`] scores a report against the few stories that share a blocking key with it
//! (entity and event keys, its rarest words), found through an inverted index whose overly common
//! keys are dropped, so the cost per report stays flat as the corpus grows. A report joins the
//! best story when the score clears [`StoryConfig::threshold`], else it opens a new one.
//! Stories far apart in time are penalised, which keeps two riots months apart in two stories.
//! A report that ingestion marked as a copy of an earlier report joins that report's story as a
//! copy: it counts as the same outlet's text, not as confirmation.
//!
//! [`cluster_batch`] does the same when every report is known: term weights come from the whole
//! corpus, and a second pass moves each report to its best story.

mod batch;
mod hash;
mod index;
mod signature;
#[cfg(test)]
mod tests;

pub use batch::cluster_batch;
pub use index::{Assignment, Member, Story, StoryConfig, StoryIndex};
pub use signature::{Feature, Group, Signature};
