//! Stories: reports about the same events grouped together, incrementally.
//!
//! Each report is reduced to a compact [`Signature`]: weighted entity keys (places weighted by how
//! specific they are), event keys (type, type at place), dates, numbers with their unit, and
//! stemmed content words. Entity keys, event types, places, dates and numbers are the same in
//! every language, so they carry the cross-language match; words only help within one language.
//!
//! [`StoryIndex::add`] scores a report against the few stories that share a blocking key with it
//! (entity keys, events at a place, its rarest words), found through an inverted index that lists
//! only the latest stories under each key; the stories sharing the most weight are scored. Work
//! per report is bounded whatever the corpus size, so cost grows close to linearly; stories keep
//! their heaviest keys only, which bounds memory per story. The score is a cosine over the
//! language-neutral keys, blended with a cosine over words when the story has a report in the
//! same language, with inverse report frequencies counted as reports arrive; a candidate's norms
//! are recomputed as the corpus grows, so older stories do not score high on stale norms. It is
//! lowered when most of the story's dated reports are far from the report's main date (two riots
//! months apart stay two stories), when one side is dated and the other not (time cannot confirm
//! the match, so the content must say more, in proportion to the share of the story's reports
//! concerned), when dates cannot be compared and both sides give numbers but share none (tolls,
//! sums and magnitudes tell two events of one kind apart) and when the two sides'
//! most-mentioned actors differ, much more so when no report of the story is within a few days
//! (a district's story must not absorb every later incident there by other actors). A report
//! joins the best story when the score clears [`StoryConfig::threshold`], else it opens a new
//! one. When it also fits the second-best story well ([`StoryConfig::merge_threshold`]), the
//! two stories tell the same events and the smaller is merged into the larger: this corrects a
//! story split by early, sparse reports.
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
