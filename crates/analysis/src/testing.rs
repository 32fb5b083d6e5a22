//! Helpers shared by the unit tests: the shipped models, and articles built from fixture text.

use std::sync::OnceLock;

use chrono::NaiveDate;
use model::{Article, Published};

use crate::{
    entities::Resources,
    geo::{Gazetteer, SHIPPED_TABLE},
    ingest::{self, IngestConfig, SourceMeta},
    kb::KnowledgeBase,
    ner::NerModel,
};

struct Loaded {
    ner_es: NerModel,
    ner_en: NerModel,
    kb: KnowledgeBase,
    gazetteer: Gazetteer,
}

/// The shipped models and tables, loaded once for all tests.
pub(crate) fn resources() -> Resources<'static> {
    static LOADED: OnceLock<Loaded> = OnceLock::new();
    let loaded = LOADED.get_or_init(|| Loaded {
        ner_es: NerModel::from_bytes(include_bytes!("../models/ner-es.bin")).unwrap(),
        ner_en: NerModel::from_bytes(include_bytes!("../models/ner-en.bin")).unwrap(),
        kb: KnowledgeBase::shipped(),
        gazetteer: Gazetteer::from_reader(SHIPPED_TABLE.as_bytes()).unwrap(),
    });
    Resources {
        ner_es: &loaded.ner_es,
        ner_en: &loaded.ner_en,
        kb: &loaded.kb,
        gazetteer: &loaded.gazetteer,
    }
}

/// An article read from plain text (headline, blank line, paragraphs), published on `published`
/// (`YYYY-MM-DD`) when given.
pub(crate) fn article(name: &str, text: &str, published: Option<&str>) -> Article {
    let read =
        ingest::read(text.trim().as_bytes(), &SourceMeta::new(name), &IngestConfig::default());
    let draft = read.drafts.into_iter().next().expect("one draft");
    let (mut article, _) = ingest::finish(draft);
    article.published = published.map(|date| {
        Published::Date(NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("a YYYY-MM-DD date"))
    });
    article
}
