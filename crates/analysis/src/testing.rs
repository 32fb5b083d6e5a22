//! Helpers shared by the unit tests: the shipped models, and articles built from fixture text.

use std::sync::OnceLock;

use chrono::NaiveDate;
use model::{Article, Language, Published};

use crate::{
    dedup::DedupIndex,
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

/// Sets the language of `article` and of every block, for fixtures that test one language's rules.
pub(crate) fn set_language(article: &mut Article, language: &Language) {
    for block in &mut article.blocks {
        block.language = language.clone();
    }
    article.language = language.clone();
}

/// Every article of the sample corpus `examples/lima-2023`, read as `vigia analyze` reads it,
/// with copies marked by the duplicate index as the pipeline marks them.
pub(crate) fn sample_corpus() -> Vec<Article> {
    let files: [(&str, &[u8]); 10] = [
        ("andes-wire-en.html", include_bytes!("../../../examples/lima-2023/andes-wire-en.html")),
        (
            "andes-wire-syndicated.txt",
            include_bytes!("../../../examples/lima-2023/andes-wire-syndicated.txt"),
        ),
        ("atom.xml", include_bytes!("../../../examples/lima-2023/atom.xml")),
        ("batch.jsonl", include_bytes!("../../../examples/lima-2023/batch.jsonl")),
        (
            "diario-limeno-es.html",
            include_bytes!("../../../examples/lima-2023/diario-limeno-es.html"),
        ),
        ("feed.xml", include_bytes!("../../../examples/lima-2023/feed.xml")),
        (
            "meridian-wire-followup-en.jsonl",
            include_bytes!("../../../examples/lima-2023/meridian-wire-followup-en.jsonl"),
        ),
        (
            "noticias-rimac-es.html",
            include_bytes!("../../../examples/lima-2023/noticias-rimac-es.html"),
        ),
        (
            "observatorio-analysis-en.txt",
            include_bytes!("../../../examples/lima-2023/observatorio-analysis-en.txt"),
        ),
        ("radio-sur-es.txt", include_bytes!("../../../examples/lima-2023/radio-sur-es.txt")),
    ];
    let mut dedup = DedupIndex::new();
    let mut articles = Vec::new();
    for (name, bytes) in files {
        let read = ingest::read(bytes, &SourceMeta::new(name), &IngestConfig::default());
        for draft in read.drafts {
            let (mut article, _) = ingest::finish(draft);
            article.duplicate_of = dedup.check_and_insert(&article);
            articles.push(article);
        }
    }
    articles
}
