//! Between analysis and the store: rows built from an analysed article, and an article and
//! its story signature rebuilt from what the store kept.
//!
//! Bodies are the report's own JSON objects (`docs/report.md`), so the API serves the same
//! shapes as `vigia analyze`.

use analysis::{
    dedup::Sketch,
    entities,
    extract::Extraction,
    kb::KnowledgeBase,
    stories::{Feature, Group, Signature},
};
use anyhow::Context;
use chrono::NaiveDate;
use model::{Article, Block, BlockKind, Duplicate, DuplicateKind, Format, Language, Span};
use serde::{Deserialize, Serialize};
use store::{EntityRow, EventRow, ItemRow, MentionRow, NewDocument, QuoteRow, RelationRow};

use crate::report::{
    items::Items,
    json::{DocumentDto, EntityDto, RelationDto},
};

/// The rows of one analysed article.
pub(crate) fn document(
    article: &Article,
    extraction: &Extraction,
    items: &Items,
    signature: &Signature,
    sketch: Option<&Sketch>,
    kb: &KnowledgeBase,
) -> anyhow::Result<NewDocument> {
    let json = |value: &dyn erased::Json| value.to_json();
    let (entities, relations) = entities::resolve([&extraction.entities], kb);
    let mut entity_rows = Vec::with_capacity(entities.len());
    let mut mentions = Vec::new();
    for entity in &entities {
        let dto = serde_json::to_value(EntityDto::from(entity))?;
        entity_rows.push(EntityRow {
            id: entity.id.clone(),
            name: entity.name.clone(),
            kind: entity.kind.as_str().to_string(),
            kb_id: entity.kb_id.clone(),
            aliases: entity.aliases.clone(),
            place: dto.get("place").map(|place| place.to_string()),
            lat: entity.place.as_ref().map(|p| (p.lat * 1e5).round() / 1e5),
            lon: entity.place.as_ref().map(|p| (p.lon * 1e5).round() / 1e5),
        });
        mentions.extend(entity.mentions.iter().map(|m| MentionRow {
            entity: entity.id.clone(),
            start: m.span.start,
            end: m.span.end,
        }));
    }
    let relations = relations
        .iter()
        .map(|relation| {
            Ok(RelationRow {
                kind: relation.kind.as_str().to_string(),
                subject: relation.subject.clone(),
                object: relation.object.clone(),
                modality: relation.modality.as_str().to_string(),
                body: serde_json::to_string(&RelationDto::from(relation))?,
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let quotes = items
        .quotes
        .iter()
        .map(|quote| {
            let key = format!("{}\n{}\n{}", quote.document, quote.start, quote.end);
            let hash = analysis::dedup::fingerprint(key.as_bytes());
            let speaker = quote.speaker.name.clone().unwrap_or_else(|| quote.speaker.text.clone());
            Ok(QuoteRow {
                id: format!("qt-{:012x}", hash & 0xffff_ffff_ffff),
                kind: quote.kind.to_string(),
                speaker_entity: quote.speaker.entity.clone(),
                speaker,
                text: quote.text.clone(),
                body: json(quote)?,
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let events = items
        .events
        .iter()
        .map(|event| {
            let mut value = serde_json::to_value(event)?;
            if let Some(object) = value.as_object_mut() {
                // The Markdown report's excerpt is no part of the contract.
                object.remove("_sentence");
            }
            let mut roles: Vec<(String, &'static str)> = Vec::new();
            let mut role = |entity: &Option<String>, role: &'static str| {
                if let Some(entity) = entity {
                    if !roles.iter().any(|(e, r)| e == entity && *r == role) {
                        roles.push((entity.clone(), role));
                    }
                }
            };
            event.actors.iter().for_each(|p| role(&p.entity, "actor"));
            event.targets.iter().for_each(|p| role(&p.entity, "target"));
            if let Some(source) = &event.attribution {
                role(&source.entity, "source");
            }
            for place in &event.places {
                role(&Some(place.clone()), "place");
            }
            Ok(EventRow {
                id: event.id.clone(),
                kind: event.kind.to_string(),
                modality: event.modality.to_string(),
                date_start: event.date.as_ref().map(|d| d.start.clone()),
                date_end: event.date.as_ref().map(|d| d.end.clone()),
                entities: roles,
                body: value.to_string(),
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let mut rows = Vec::new();
    for quantity in &items.quantities {
        rows.push(ItemRow { kind: "quantity", body: json(quantity)? });
    }
    for date in &items.dates {
        rows.push(ItemRow { kind: "date", body: json(date)? });
    }
    let text: Vec<&str> = article.extraction_blocks().map(|b| article.slice(b.span)).collect();
    Ok(NewDocument {
        id: article.id.clone(),
        lineage: article.url.clone().unwrap_or_else(|| article.source.clone()),
        source: article.source.clone(),
        url: article.url.clone(),
        outlet: article.outlet.clone(),
        title: article.title.clone(),
        published: article.published.map(model::Published::to_iso),
        language: article.language.code().to_string(),
        text: text.join("\n"),
        body: serde_json::to_string(&DocumentDto::from(article))?,
        sketch: sketch.map(sketch_json).transpose()?,
        signature: Some(serde_json::to_string(&SignatureDto::from(signature))?),
        entities: entity_rows,
        mentions,
        relations,
        quotes,
        events,
        items: rows,
    })
}

/// Serialises the report's item types without naming each one.
mod erased {
    pub(super) trait Json {
        fn to_json(&self) -> serde_json::Result<String>;
    }

    impl<T: serde::Serialize> Json for T {
        fn to_json(&self) -> serde_json::Result<String> {
            serde_json::to_string(self)
        }
    }
}

#[derive(Serialize, Deserialize)]
struct SketchDto {
    hash: String,
    slots: Option<Vec<u32>>,
}

fn sketch_json(sketch: &Sketch) -> serde_json::Result<String> {
    let (hash, slots) = sketch.to_parts();
    // As a string: JSON numbers lose bits past 2^53 in many readers.
    serde_json::to_string(&SketchDto { hash: format!("{hash:016x}"), slots })
}

/// A sketch kept by the store.
pub(crate) fn sketch_from_json(json: &str) -> anyhow::Result<Sketch> {
    let dto: SketchDto = serde_json::from_str(json)?;
    let hash = u64::from_str_radix(&dto.hash, 16).context("sketch hash")?;
    Sketch::from_parts(hash, dto.slots.as_deref()).context("sketch of the wrong size")
}

#[derive(Serialize, Deserialize)]
struct SignatureDto {
    document: String,
    duplicate_of: Option<String>,
    language: String,
    /// `[key, group, weight]`.
    features: Vec<(String, String, f32)>,
    /// ISO days.
    dates: Vec<(String, String)>,
}

impl From<&Signature> for SignatureDto {
    fn from(signature: &Signature) -> SignatureDto {
        SignatureDto {
            document: signature.document.clone(),
            duplicate_of: signature.duplicate_of.clone(),
            language: signature.language.code().to_string(),
            features: signature
                .features
                .iter()
                .map(|f| (f.key.clone(), f.group.prefix().to_string(), f.weight))
                .collect(),
            dates: signature.dates.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect(),
        }
    }
}

/// A story signature kept by the store.
pub(crate) fn signature_from_json(json: &str) -> anyhow::Result<Signature> {
    let dto: SignatureDto = serde_json::from_str(json)?;
    let features = dto
        .features
        .into_iter()
        .map(|(key, group, weight)| {
            let group = match group.as_str() {
                "e" => Group::Entity,
                "v" => Group::Event,
                "d" => Group::Date,
                "n" => Group::Number,
                "w" => Group::Word,
                other => anyhow::bail!("unknown feature group {other:?}"),
            };
            Ok(Feature { key, group, weight })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let day = |day: &str| -> anyhow::Result<NaiveDate> {
        day.parse().with_context(|| format!("bad day {day:?}"))
    };
    let dates = dto
        .dates
        .iter()
        .map(|(start, end)| Ok((day(start)?, day(end)?)))
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok(Signature {
        document: dto.document,
        duplicate_of: dto.duplicate_of,
        language: Language::from_tag(&dto.language),
        features,
        dates,
    })
}

/// The report's document object, read back.
#[derive(Deserialize)]
struct StoredDocument {
    id: String,
    source: String,
    url: Option<String>,
    format: String,
    title: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    authors: Vec<String>,
    language: String,
    text: String,
    blocks: Vec<StoredBlock>,
    sentences: Vec<StoredSpan>,
    duplicate_of: Option<StoredDuplicate>,
}

#[derive(Deserialize)]
struct StoredBlock {
    kind: String,
    start: usize,
    end: usize,
    language: String,
    repeated: bool,
}

#[derive(Deserialize)]
struct StoredSpan {
    start: usize,
    end: usize,
}

#[derive(Deserialize)]
struct StoredDuplicate {
    document: String,
    kind: String,
    similarity: f64,
}

/// The article as it was analysed, rebuilt from the report's document object; tokens are
/// segmented again, which gives the same tokens as the first time.
pub(crate) fn article_from_json(json: &str) -> anyhow::Result<Article> {
    let doc: StoredDocument = serde_json::from_str(json)?;
    let in_text = |start: usize, end: usize| {
        start <= end
            && end <= doc.text.len()
            && doc.text.is_char_boundary(start)
            && doc.text.is_char_boundary(end)
    };
    let mut blocks = Vec::with_capacity(doc.blocks.len());
    for block in &doc.blocks {
        anyhow::ensure!(in_text(block.start, block.end), "block outside the text");
        let kind = BlockKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == block.kind)
            .with_context(|| format!("unknown block kind {:?}", block.kind))?;
        blocks.push(Block {
            kind,
            span: Span::new(block.start, block.end),
            language: Language::from_tag(&block.language),
            repeated: block.repeated,
        });
    }
    let mut sentences = Vec::with_capacity(doc.sentences.len());
    let mut tokens = Vec::new();
    for sentence in &doc.sentences {
        anyhow::ensure!(in_text(sentence.start, sentence.end), "sentence outside the text");
        let span = Span::new(sentence.start, sentence.end);
        tokens.extend(analysis::segment::tokens(&doc.text, span));
        sentences.push(span);
    }
    let format = [Format::Text, Format::Html, Format::Jsonl, Format::Feed]
        .into_iter()
        .find(|f| f.as_str() == doc.format)
        .with_context(|| format!("unknown format {:?}", doc.format))?;
    let duplicate_of = doc.duplicate_of.map(|d| Duplicate {
        of: d.document,
        kind: if d.kind == "exact" { DuplicateKind::Exact } else { DuplicateKind::Near },
        similarity: d.similarity,
    });
    Ok(Article {
        id: doc.id,
        source: doc.source,
        url: doc.url,
        format,
        title: doc.title,
        outlet: doc.outlet,
        published: doc.published.as_deref().and_then(analysis::ingest::date::parse_published),
        authors: doc.authors,
        language: Language::from_tag(&doc.language),
        text: doc.text,
        blocks,
        sentences,
        tokens,
        duplicate_of,
    })
}

#[cfg(test)]
mod tests {
    use crate::{demo, pipeline};

    /// Every sample article survives the store: the rebuilt article, its extraction and its
    /// signature are the ones first computed.
    #[test]
    fn sample_articles_round_trip() {
        let shipped = pipeline::shipped().unwrap();
        let resources = shipped.resources();
        let mut seen = 0;
        for (name, bytes) in demo::FILES {
            let meta = analysis::ingest::SourceMeta::new(*name);
            let read = analysis::ingest::read(
                bytes,
                &meta,
                &analysis::ingest::IngestConfig { max_bytes: 1 << 24 },
            );
            for draft in read.drafts {
                let (article, _) = analysis::ingest::finish(draft);
                let extraction = analysis::extract::extract(&article, &resources);
                let items = crate::report::items::items(&article, &extraction);
                let signature = analysis::stories::Signature::from_article(&article, &extraction);
                let sketch = analysis::dedup::sketch(&article);
                let row = super::document(
                    &article,
                    &extraction,
                    &items,
                    &signature,
                    sketch.as_ref(),
                    shipped.kb(),
                )
                .unwrap();
                let back = super::article_from_json(&row.body).unwrap();
                assert_eq!(back, article, "{name}");
                let again = analysis::extract::extract(&back, &resources);
                assert_eq!(format!("{again:?}"), format!("{extraction:?}"), "{name}");
                let signature_back =
                    super::signature_from_json(row.signature.as_deref().unwrap()).unwrap();
                assert_eq!(format!("{signature_back:?}"), format!("{signature:?}"), "{name}");
                if let Some(sketch) = row.sketch.as_deref() {
                    let back = super::sketch_from_json(sketch).unwrap();
                    assert_eq!(super::sketch_json(&back).unwrap(), sketch);
                }
                seen += 1;
            }
        }
        assert!(seen >= 12, "{seen} sample articles");
    }

    #[test]
    fn damaged_bodies_are_errors() {
        assert!(super::article_from_json("{").is_err());
        let outside = r#"{"id":"d","source":"s","url":null,"format":"text","title":null,"outlet":null,"published":null,"authors":[],"language":"es","text":"ab","blocks":[{"kind":"body","start":0,"end":9,"language":"es","repeated":false}],"sentences":[],"duplicate_of":null}"#;
        assert!(super::article_from_json(outside).is_err());
        assert!(super::signature_from_json(r#"{"document":"d","duplicate_of":null,"language":"es","features":[["k","?",1.0]],"dates":[]}"#).is_err());
    }

    /// A stand-in for the `stored` fuzz target where no fuzzer runs: thousands of damaged
    /// bodies are refused or give spans inside their text, and none panics.
    #[test]
    fn mutated_bodies_never_panic() {
        let valid = r#"{"id":"d","source":"s","url":null,"format":"text","title":null,"outlet":null,"published":null,"authors":[],"language":"es","text":"Año 12. Él dijo.","blocks":[{"kind":"body","start":0,"end":18,"language":"es","repeated":false}],"sentences":[{"start":0,"end":8},{"start":9,"end":18}],"duplicate_of":null}"#;
        assert!(super::article_from_json(valid).is_ok());
        let pieces =
            ["0", "1", "9", "19", "-1", "\"", "{", "}", "é", "null", "99999999999999999999"];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut accepted = 0;
        for _ in 0..4_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let mut body = valid.to_string();
            let mut at = (state % body.len() as u64) as usize;
            while !body.is_char_boundary(at) {
                at -= 1;
            }
            let piece = pieces[(state >> 32) as usize % pieces.len()];
            let end = (at + 1 + (state >> 40) as usize % 3).min(body.len());
            let end = (end..=body.len()).find(|&e| body.is_char_boundary(e)).unwrap_or(body.len());
            body.replace_range(at..end, piece);
            if let Ok(article) = super::article_from_json(&body) {
                accepted += 1;
                let text = &article.text;
                for span in article.blocks.iter().map(|b| b.span).chain(article.sentences) {
                    assert!(span.start <= span.end && span.end <= text.len(), "{body}");
                    assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
                }
            }
        }
        assert!(accepted > 0, "some mutations keep the body valid");
    }
}
