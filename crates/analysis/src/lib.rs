//! Vigía's pipeline stages: pure, synchronous and deterministic.
//!
//! Nothing here reads files, touches the network, spawns threads or reads the clock.
//! The `vigia` binary does the IO and hands bytes in.
//!
//! ```
//! use analysis::ingest::{self, IngestConfig, SourceMeta};
//! let meta = SourceMeta::new("note.txt");
//! let read = ingest::read(b"Police arrest four in Lima\n\nPolice arrested four people on Tuesday.", &meta, &IngestConfig::default());
//! let (article, _) = ingest::finish(read.drafts.into_iter().next().unwrap());
//! assert_eq!(article.title.as_deref(), Some("Police arrest four in Lima"));
//! ```

#![forbid(unsafe_code)]

pub mod compare;
pub mod dates;
pub mod dedup;
pub mod entities;
pub mod events;
pub mod extract;
pub mod geo;
pub mod ingest;
pub mod kb;
pub mod lang;
pub mod ner;
pub mod quantities;
pub mod quotes;
pub mod segment;
pub mod stories;
#[cfg(test)]
mod testing;
