//! The JSON report, written as a stream.
//!
//! ## Wire format (schema_version 1.2.0)
//! One JSON object with these members, in this order:
//! `schema_version`, `generator`, `documents`, `entities`, `relations`, `quotes`, `quantities`,
//! `dates`, `events`, `stories`, `diagnostics`, `summary`.
//! Every `start`/`end` is a byte offset into the owning document's `text`.
//! Field names never change within a major version; new fields bump the minor version.
//! `entities` and `relations` are filled since 1.1.0, `quotes`, `quantities`, `dates` and
//! `events` since 1.2.0; they are written after the last document, as entities span documents. A relation's `subject` and `object` are entity ids.

use std::io::{self, Write};

use analysis::entities::{Entity, Relation};
use model::{Article, Diagnostic, DuplicateKind};
use serde::Serialize;

use super::{spill::Section, Extracted, Sink, Summary, SCHEMA_VERSION};

#[derive(Serialize)]
pub(crate) struct DocumentDto<'a> {
    id: &'a str,
    source: &'a str,
    url: Option<&'a str>,
    format: &'static str,
    title: Option<&'a str>,
    outlet: Option<&'a str>,
    published: Option<String>,
    authors: &'a [String],
    language: &'a str,
    text: &'a str,
    blocks: Vec<BlockDto<'a>>,
    sentences: Vec<SpanDto>,
    token_count: usize,
    duplicate_of: Option<DuplicateDto<'a>>,
}

#[derive(Serialize)]
struct BlockDto<'a> {
    kind: &'static str,
    start: usize,
    end: usize,
    language: &'a str,
    repeated: bool,
}

#[derive(Serialize)]
struct SpanDto {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct DuplicateDto<'a> {
    document: &'a str,
    kind: &'static str,
    similarity: f64,
}

#[derive(Serialize)]
pub(crate) struct EntityDto<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    aliases: &'a [String],
    mentions: Vec<EvidenceDto<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    place: Option<PlaceDto<'a>>,
}

#[derive(Serialize)]
pub(crate) struct RelationDto<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    subject: &'a str,
    object: &'a str,
    modality: &'static str,
    evidence: Vec<EvidenceDto<'a>>,
}

impl<'a> From<&'a Relation> for RelationDto<'a> {
    fn from(relation: &'a Relation) -> RelationDto<'a> {
        RelationDto {
            kind: relation.kind.as_str(),
            subject: &relation.subject,
            object: &relation.object,
            modality: relation.modality.as_str(),
            evidence: relation
                .evidence
                .iter()
                .map(|e| EvidenceDto {
                    document: &e.document,
                    start: e.span.start,
                    end: e.span.end,
                })
                .collect(),
        }
    }
}

#[derive(Serialize)]
struct EvidenceDto<'a> {
    document: &'a str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct PlaceDto<'a> {
    lat: f64,
    lon: f64,
    admin_path: &'a [String],
    gazetteer_id: &'a str,
}

impl<'a> From<&'a Entity> for EntityDto<'a> {
    fn from(entity: &'a Entity) -> EntityDto<'a> {
        EntityDto {
            id: &entity.id,
            name: &entity.name,
            kind: entity.kind.as_str(),
            aliases: &entity.aliases,
            mentions: entity
                .mentions
                .iter()
                .map(|m| EvidenceDto {
                    document: &m.document,
                    start: m.span.start,
                    end: m.span.end,
                })
                .collect(),
            place: entity.place.as_ref().map(|place| PlaceDto {
                // Five decimals is about a metre: enough, and stable across platforms.
                lat: (place.lat * 1e5).round() / 1e5,
                lon: (place.lon * 1e5).round() / 1e5,
                admin_path: &place.admin_path,
                gazetteer_id: &place.gazetteer_id,
            }),
        }
    }
}

#[derive(Serialize)]
pub(crate) struct DiagnosticDto<'a> {
    severity: &'static str,
    code: &'static str,
    source: &'a str,
    document: Option<&'a str>,
    message: &'a str,
}

#[derive(Serialize)]
struct SummaryDto {
    inputs: usize,
    read: usize,
    skipped: usize,
    failed: usize,
    documents: usize,
    duplicates: usize,
    records_failed: usize,
}

impl<'a> From<&'a Article> for DocumentDto<'a> {
    fn from(article: &'a Article) -> DocumentDto<'a> {
        DocumentDto {
            id: &article.id,
            source: &article.source,
            url: article.url.as_deref(),
            format: article.format.as_str(),
            title: article.title.as_deref(),
            outlet: article.outlet.as_deref(),
            published: article.published.map(model::Published::to_iso),
            authors: &article.authors,
            language: article.language.code(),
            text: &article.text,
            blocks: article
                .blocks
                .iter()
                .map(|block| BlockDto {
                    kind: block.kind.as_str(),
                    start: block.span.start,
                    end: block.span.end,
                    language: block.language.code(),
                    repeated: block.repeated,
                })
                .collect(),
            sentences: article
                .sentences
                .iter()
                .map(|span| SpanDto { start: span.start, end: span.end })
                .collect(),
            token_count: article.tokens.len(),
            duplicate_of: article.duplicate_of.as_ref().map(|duplicate| DuplicateDto {
                document: &duplicate.of,
                kind: match duplicate.kind {
                    DuplicateKind::Exact => "exact",
                    DuplicateKind::Near => "near",
                },
                similarity: (duplicate.similarity * 1000.0).round() / 1000.0,
            }),
        }
    }
}

impl<'a> From<&'a Diagnostic> for DiagnosticDto<'a> {
    fn from(diagnostic: &'a Diagnostic) -> DiagnosticDto<'a> {
        DiagnosticDto {
            severity: diagnostic.severity.as_str(),
            code: diagnostic.code.as_str(),
            source: &diagnostic.source,
            document: diagnostic.document.as_deref(),
            message: &diagnostic.message,
        }
    }
}

/// Streams the report to a writer: the opening is written with the first document.
pub(crate) struct JsonSink<W: Write> {
    out: W,
    pretty: bool,
    documents: usize,
    /// The sections after `documents` up to `relations` are written.
    extracted: bool,
}

impl<W: Write> JsonSink<W> {
    pub(crate) fn new(out: W, pretty: bool) -> JsonSink<W> {
        JsonSink { out, pretty, documents: 0, extracted: false }
    }

    /// Closes the previous array and writes `name` with its items, one per line.
    fn section<T: Serialize>(&mut self, name: &str, items: &[T]) -> io::Result<()> {
        write!(self.out, "\n],\n\"{name}\":[")?;
        for (idx, item) in items.iter().enumerate() {
            self.out.write_all(if idx == 0 { b"\n" } else { b",\n" })?;
            self.value(item)?;
        }
        Ok(())
    }

    fn value(&mut self, value: &impl Serialize) -> io::Result<()> {
        if self.pretty {
            serde_json::to_writer_pretty(&mut self.out, value)?;
        } else {
            serde_json::to_writer(&mut self.out, value)?;
        }
        Ok(())
    }

    fn open(&mut self) -> io::Result<()> {
        write!(
            self.out,
            "{{\"schema_version\":\"{SCHEMA_VERSION}\",\"generator\":\"vigia {}\",\"documents\":[",
            env!("CARGO_PKG_VERSION")
        )
    }
}

impl<W: Write> Sink for JsonSink<W> {
    fn document(&mut self, article: &Article) -> io::Result<()> {
        if self.documents == 0 {
            self.open()?;
        } else {
            self.out.write_all(b",")?;
        }
        self.out.write_all(b"\n")?;
        self.documents += 1;
        self.value(&DocumentDto::from(article))
    }

    fn extracted(&mut self, extracted: &Extracted) -> io::Result<()> {
        if self.documents == 0 {
            self.open()?;
        }
        self.extracted = true;
        self.out.write_all(b"\n],\n\"entities\":[")?;
        for (idx, entity) in extracted.entities.iter().enumerate() {
            self.out.write_all(if idx == 0 { b"\n" } else { b",\n" })?;
            self.value(&EntityDto::from(entity))?;
        }
        self.out.write_all(b"\n],\n\"relations\":[")?;
        for (idx, relation) in extracted.relations.iter().enumerate() {
            self.out.write_all(if idx == 0 { b"\n" } else { b",\n" })?;
            self.value(&RelationDto::from(relation))?;
        }
        for section in Section::ALL {
            write!(self.out, "\n],\n\"{}\":[", section.name())?;
            for (idx, line) in extracted.items.lines(section)?.enumerate() {
                self.out.write_all(if idx == 0 { b"\n" } else { b",\n" })?;
                let line = line?;
                if section == Section::Events || self.pretty {
                    let mut item: serde_json::Value = serde_json::from_str(&line)?;
                    // The Markdown report's excerpt is no part of the contract.
                    if let Some(object) = item.as_object_mut() {
                        object.remove("_sentence");
                    }
                    self.value(&item)?;
                } else {
                    self.out.write_all(line.as_bytes())?;
                }
            }
        }
        self.section("stories", &extracted.stories)?;
        self.out.write_all(b"\n]")
    }

    fn finish(&mut self, diagnostics: &[Diagnostic], summary: &Summary) -> io::Result<()> {
        if !self.extracted {
            self.extracted(&Extracted::default())?;
        }
        self.out.write_all(b",\n\"diagnostics\":[")?;
        for (idx, diagnostic) in diagnostics.iter().enumerate() {
            self.out.write_all(if idx == 0 { b"\n" } else { b",\n" })?;
            self.value(&DiagnosticDto::from(diagnostic))?;
        }
        self.out.write_all(b"\n],\n\"summary\":")?;
        self.value(&SummaryDto {
            inputs: summary.inputs,
            read: summary.read,
            skipped: summary.skipped,
            failed: summary.failed,
            documents: summary.documents,
            duplicates: summary.duplicates,
            records_failed: summary.records_failed,
        })?;
        self.out.write_all(b"}\n")?;
        self.out.flush()
    }
}
