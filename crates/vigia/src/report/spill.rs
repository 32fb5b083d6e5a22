//! Per-document items written to temporary files as documents are analysed, and read back
//! when the report's sections are written: memory stays flat however many items a batch has.
//!
//! Each section is a file of JSON lines, one item per line, in document order. The files live
//! in a fresh folder under the system's temporary folder and are removed when the run ends.

use std::{
    fs::{self, File},
    io::{self, BufRead, BufReader, BufWriter, Write},
    path::PathBuf,
    sync::atomic::{AtomicUsize, Ordering},
};

use serde::Serialize;

use super::items::Items;

/// The spilled sections, in report order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Section {
    Quotes,
    Quantities,
    Dates,
    Events,
}

impl Section {
    pub(crate) const ALL: [Section; 4] =
        [Section::Quotes, Section::Quantities, Section::Dates, Section::Events];

    /// The report member the section fills.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Section::Quotes => "quotes",
            Section::Quantities => "quantities",
            Section::Dates => "dates",
            Section::Events => "events",
        }
    }
}

/// Writes items as documents are analysed.
pub(crate) struct Spill {
    dir: PathBuf,
    files: Vec<BufWriter<File>>,
    counts: [usize; 4],
}

impl Spill {
    /// A spill in a new temporary folder.
    pub(crate) fn new() -> io::Result<Spill> {
        static RUNS: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "vigia-items-{}-{}",
            std::process::id(),
            RUNS.fetch_add(1, Ordering::Relaxed)
        ));
        fs::create_dir_all(&dir)?;
        let files = Section::ALL
            .iter()
            .map(|section| {
                File::create(dir.join(format!("{}.jsonl", section.name()))).map(BufWriter::new)
            })
            .collect::<io::Result<Vec<_>>>()?;
        Ok(Spill { dir, files, counts: [0; 4] })
    }

    /// Appends one document's items.
    pub(crate) fn add(&mut self, items: &Items) -> io::Result<()> {
        self.write(Section::Quotes, &items.quotes)?;
        self.write(Section::Quantities, &items.quantities)?;
        self.write(Section::Dates, &items.dates)?;
        self.write(Section::Events, &items.events)
    }

    fn write<T: Serialize>(&mut self, section: Section, items: &[T]) -> io::Result<()> {
        let at = section as usize;
        for item in items {
            serde_json::to_writer(&mut self.files[at], item)?;
            self.files[at].write_all(b"\n")?;
        }
        self.counts[at] += items.len();
        Ok(())
    }

    /// Closes the files for reading.
    pub(crate) fn finish(mut self) -> io::Result<Spilled> {
        for file in &mut self.files {
            file.flush()?;
        }
        let dir = std::mem::take(&mut self.dir);
        Ok(Spilled { dir: Some(dir), counts: self.counts })
    }
}

impl Drop for Spill {
    fn drop(&mut self) {
        if !self.dir.as_os_str().is_empty() {
            fs::remove_dir_all(&self.dir).ok();
        }
    }
}

/// Spilled items, read back section by section; the folder goes when this is dropped.
#[derive(Debug, Default)]
pub(crate) struct Spilled {
    dir: Option<PathBuf>,
    counts: [usize; 4],
}

impl Spilled {
    /// How many items the section holds.
    pub(crate) fn len(&self, section: Section) -> usize {
        self.counts[section as usize]
    }

    /// The section's items, one JSON object per line, in document order.
    pub(crate) fn lines(
        &self,
        section: Section,
    ) -> io::Result<Box<dyn Iterator<Item = io::Result<String>>>> {
        match &self.dir {
            Some(dir) => {
                let file = File::open(dir.join(format!("{}.jsonl", section.name())))?;
                Ok(Box::new(BufReader::new(file).lines()))
            }
            None => Ok(Box::new(std::iter::empty())),
        }
    }
}

impl Drop for Spilled {
    fn drop(&mut self) {
        if let Some(dir) = &self.dir {
            fs::remove_dir_all(dir).ok();
        }
    }
}
