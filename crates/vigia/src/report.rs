//! The `vigia analyze` report: a versioned JSON contract and its Markdown rendering.
//!
//! Both writers stream: documents are written as they are analysed, so memory stays flat
//! however large the batch. The JSON wire format is described in `docs/report.md` and
//! checked against `schema/report.schema.json`.

pub(crate) mod items;
pub(crate) mod json;
pub(crate) mod markdown;
pub(crate) mod spill;
pub(crate) mod stories;

use std::io;

use analysis::entities::{Entity, Relation};
use model::{Article, Diagnostic};

/// The version of the JSON report; bump the minor for added fields, the major for changes.
pub(crate) const SCHEMA_VERSION: &str = "1.2.0";

/// What the run extracted across documents, known only once every document is read.
#[derive(Debug, Default)]
pub(crate) struct Extracted {
    /// Entities, in order of first mention.
    pub(crate) entities: Vec<Entity>,
    /// Relations between them, in order of first statement.
    pub(crate) relations: Vec<Relation>,
    /// Quotes, quantities, dates and events, document by document, spilled to disk.
    pub(crate) items: spill::Spilled,
    /// Stories: reports grouped, their events merged and compared.
    pub(crate) stories: Vec<stories::StoryItem>,
}

/// What happened to the inputs of one run.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Summary {
    pub(crate) inputs: usize,
    pub(crate) read: usize,
    pub(crate) skipped: usize,
    pub(crate) failed: usize,
    pub(crate) documents: usize,
    pub(crate) records_failed: usize,
    pub(crate) duplicates: usize,
}

impl Summary {
    /// Adds another part of the run's counts to these.
    pub(crate) fn add(&mut self, other: &Summary) {
        self.inputs += other.inputs;
        self.read += other.read;
        self.skipped += other.skipped;
        self.failed += other.failed;
        self.documents += other.documents;
        self.records_failed += other.records_failed;
        self.duplicates += other.duplicates;
    }

    /// True when any input or record produced an error.
    pub(crate) fn any_failed(&self) -> bool {
        self.failed > 0 || self.records_failed > 0
    }

    /// The one-line summary printed on stderr.
    pub(crate) fn line(&self) -> String {
        format!(
            "{} input(s): {} read, {} skipped, {} failed; {} document(s), {} duplicate(s), {} record(s) failed",
            self.inputs,
            self.read,
            self.skipped,
            self.failed,
            self.documents,
            self.duplicates,
            self.records_failed
        )
    }
}

/// Receives a run's results in order.
pub(crate) trait Sink {
    /// One analysed document.
    fn document(&mut self, article: &Article) -> io::Result<()>;
    /// The sections that span documents, after the last document and before `finish`.
    fn extracted(&mut self, extracted: &Extracted) -> io::Result<()> {
        let _ = extracted;
        Ok(())
    }
    /// The end of the run.
    fn finish(&mut self, diagnostics: &[Diagnostic], summary: &Summary) -> io::Result<()>;
}
