//! Fuzzes extraction on arbitrary text: entities, dates, quantities, quotes and events, whose
//! spans must all lie inside the article's text on character boundaries.

#![no_main]

use std::sync::OnceLock;

use analysis::{
    entities::Resources,
    extract,
    geo::{Gazetteer, SHIPPED_TABLE},
    ingest::{self, IngestConfig, SourceMeta},
    kb::KnowledgeBase,
    ner::NerModel,
};
use libfuzzer_sys::fuzz_target;

struct Loaded {
    ner_es: NerModel,
    ner_en: NerModel,
    kb: KnowledgeBase,
    gazetteer: Gazetteer,
}

fn loaded() -> &'static Loaded {
    static LOADED: OnceLock<Loaded> = OnceLock::new();
    LOADED.get_or_init(|| Loaded {
        ner_es: NerModel::from_bytes(include_bytes!("../../crates/analysis/models/ner-es.bin"))
            .unwrap(),
        ner_en: NerModel::from_bytes(include_bytes!("../../crates/analysis/models/ner-en.bin"))
            .unwrap(),
        kb: KnowledgeBase::shipped(),
        gazetteer: Gazetteer::from_reader(SHIPPED_TABLE.as_bytes()).unwrap(),
    })
}

fuzz_target!(|data: &[u8]| {
    let loaded = loaded();
    let resources = Resources {
        ner_es: &loaded.ner_es,
        ner_en: &loaded.ner_en,
        kb: &loaded.kb,
        gazetteer: &loaded.gazetteer,
    };
    let read = ingest::read(data, &SourceMeta::new("fuzz.txt"), &IngestConfig::default());
    for article in analysis_fuzz::finish_and_check(read.drafts) {
        let found = extract::extract(&article, &resources);
        let text = &article.text;
        let spans = found
            .dates
            .iter()
            .map(|d| d.span)
            .chain(
                found.quantities.iter().flat_map(|q| [Some(q.span), q.counted, q.place]).flatten(),
            )
            .chain(found.quotes.iter().flat_map(|q| {
                let speaker = q.speaker.as_ref().and_then(|s| s.span);
                q.content
                    .iter()
                    .copied()
                    .chain([Some(q.span), q.cue, speaker].into_iter().flatten())
            }))
            .chain(found.events.iter().flat_map(|e| {
                e.triggers
                    .iter()
                    .chain(&e.evidence)
                    .copied()
                    .chain(e.actors.iter().chain(&e.targets).map(|p| p.span))
            }));
        for span in spans {
            assert!(
                span.start <= span.end && span.end <= text.len(),
                "span {span:?} outside the text"
            );
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
        for date in &found.dates {
            assert!(date.start <= date.end, "interval {date:?} is reversed");
        }
        for quantity in &found.quantities {
            assert!(quantity.value.is_finite(), "quantity {quantity:?} is not finite");
            assert!(quantity.period.is_none_or(|i| i < found.dates.len()));
        }
        for event in &found.events {
            assert!(!event.evidence.is_empty());
            assert!(event.date.is_none_or(|i| i < found.dates.len()));
            assert!(event.counts.iter().all(|c| c.quantity < found.quantities.len()));
            assert!(event.places.iter().all(|&p| p < found.entities.entities.len()));
        }
    }
});
