//! Duplicate detection tests: articles go through one index in order and each result is rendered.

use expect_test::{expect, Expect};
use model::{Block, BlockKind, Format, Language, Span};

use super::*;

use BlockKind::{Body, Caption, Headline, Licence, RelatedLink};

fn article(id: &str, blocks: &[(BlockKind, &str)]) -> Article {
    let mut text = String::new();
    let mut spans = Vec::new();
    for (kind, block) in blocks {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(block);
        spans.push(Block {
            kind: *kind,
            span: Span::new(start, text.len()),
            language: Language::English,
            repeated: false,
        });
    }
    Article {
        id: id.to_string(),
        source: format!("{id}.txt"),
        url: None,
        format: Format::Text,
        title: None,
        outlet: None,
        published: None,
        authors: Vec::new(),
        language: Language::English,
        text,
        blocks: spans,
        sentences: Vec::new(),
        tokens: Vec::new(),
        duplicate_of: None,
    }
}

#[track_caller]
fn check(articles: &[Article], expect: Expect) {
    let mut index = DedupIndex::new();
    let mut out = String::new();
    for article in articles {
        let line = match index.check_and_insert(article) {
            Some(duplicate) => format!(
                "{} {:?} of {} {:.2}",
                article.id, duplicate.kind, duplicate.of, duplicate.similarity
            ),
            None => format!("{} new", article.id),
        };
        out.push_str(&line);
        out.push('\n');
    }
    expect.assert_eq(&out);
}

const LEDE: &str = "Peruvian authorities this week deployed 700 police officers to three Lima districts after a Venezuelan gang posted a video in which masked men threaten to kill local drivers who joined protests against extortion.";
const BODY: [&str; 5] = [
    "The deployment covers La Victoria, El Agustino and Cercado de Lima, the city's historic center, where merchants and motorcycle-taxi drivers took to the streets on Oct. 31 after months of handing over weekly payments to criminal groups in order to keep working.",
    "The video was attributed to Los Gallegos, a gang that police describe as a cell of Tren de Aragua, the criminal organization that grew out of a prison in the Venezuelan state of Aragua and has since spread across South America.",
    "Police said on Tuesday that they had detained alleged members of the gang in raids carried out before dawn. They did not say how many suspects remained in custody or what charges they would face.",
    "\"We will not allow a criminal organization to decide who can work in Lima and who cannot,\" Col. Julio Herrera, head of the anti-extortion division, told reporters on Tuesday afternoon.",
    "Drivers interviewed in La Victoria said they were charged between 5 and 10 soles a day, roughly the price of a meal, and that those who refused had their vehicles burned or were beaten.",
];

fn original() -> Article {
    let mut blocks = vec![
        (Headline, "Peru sends 700 police into Lima districts after gang video threatens drivers"),
        (Body, LEDE),
    ];
    blocks.extend(BODY.iter().map(|text| (Body, *text)));
    blocks.push((Caption, "Police patrol La Victoria on Tuesday."));
    article("andes", &blocks)
}

/// The same story through a syndication partner: new headline and lede, an extra closing line,
/// and the partner's own boilerplate.
fn syndicated() -> Article {
    let mut blocks = vec![
        (Headline, "Lima deploys 700 officers after gang threat"),
        (Body, "Authorities in Peru have sent 700 officers into three districts of the capital after a gang video threatened drivers who protested against extortion."),
    ];
    blocks.extend(BODY.iter().map(|text| (Body, *text)));
    blocks.push((
        Body,
        "The government is expected to decide this week whether to declare a state of emergency.",
    ));
    blocks.push((
        Licence,
        "This article was first published by Andes Wire and is republished under licence.",
    ));
    blocks.push((RelatedLink, "Read more: Ecuador seizes cocaine at Guayaquil port"));
    article("partner", &blocks)
}

/// An editor's light rewrite: several sentences reworded, most of the text kept.
fn rewrite() -> Article {
    article(
        "rewrite",
        &[
            (Headline, "Peru sends 700 police to Lima after gang video"),
            (Body, LEDE),
            (Body, BODY[0]),
            (Body, "Police say the video came from Los Gallegos, a cell of Tren de Aragua, a criminal group born in a Venezuelan prison that has spread across the region."),
            (Body, BODY[2]),
            (Body, BODY[3]),
            (Body, BODY[4]),
        ],
    )
}

/// Another outlet's own story about the same events and people.
fn same_topic() -> Article {
    article(
        "lens",
        &[
            (Headline, "Lima's extortion riots expose limits of Peru's response to Tren de Aragua"),
            (Body, "Riots against extortion in Lima and a threatening video from a gang reportedly linked to Tren de Aragua have shown how deeply protection rackets have penetrated the informal economy of Peru's capital."),
            (Body, "On October 31, merchants and motorcycle-taxi drivers in La Victoria, El Agustino and Cercado de Lima blocked streets and clashed with police, demanding that the authorities act against the groups that charge them for the right to work."),
            (Body, "Days later, Los Gallegos released a video in which hooded men threatened Peruvian drivers. Col. Julio Herrera said his officers had made arrests, but analysts doubt that raids alone can dismantle the networks."),
            (Body, "Official figures show 6,500 extortion complaints between January and August, 60 percent more than a year earlier, and experts say most victims never report."),
        ],
    )
}

#[test]
fn copies_are_found_and_other_stories_are_not() {
    let mut exact = original();
    exact.id = "mirror".to_string();
    // Different boilerplate around the same headline and body is still an exact copy.
    exact.blocks.pop();
    exact.text.push_str("\n\nSubscribe to our newsletter");
    let start = exact.text.len() - "Subscribe to our newsletter".len();
    exact.blocks.push(Block {
        kind: BlockKind::ReaderPrompt,
        span: Span::new(start, exact.text.len()),
        language: Language::English,
        repeated: false,
    });
    check(
        &[original(), same_topic(), syndicated(), exact, rewrite(), original()],
        expect![[r#"
            andes new
            lens new
            partner Near of andes 0.66
            mirror Exact of andes 1.00
            rewrite Near of andes 0.62
            andes new
        "#]],
    );
}

#[test]
fn earliest_copy_wins() {
    // The mirror is an exact copy of the original, but the partner copy of it came first.
    let mut mirror = original();
    mirror.id = "mirror".to_string();
    check(
        &[syndicated(), original(), mirror],
        expect![[r#"
            partner new
            andes Near of partner 0.66
            mirror Near of partner 0.66
        "#]],
    );
}

#[test]
fn short_articles_are_not_flagged() {
    check(
        &[
            article("a", &[(Headline, "Police arrest four in Lima"), (Body, "Police in Lima arrested four suspected members of Los Gallegos on Tuesday, officials said.")]),
            article("b", &[(Headline, "Police arrest four in Quito"), (Body, "Police in Quito arrested four suspected members of a drug gang on Tuesday, officials said.")]),
            article("c", &[(Body, "Police in Lima arrested four suspected members of Los Gallegos on Tuesday.")]),
            article("d", &[(Headline, "Police arrest four in Lima"), (Body, "Police in Lima arrested four suspected members of Los Gallegos on Tuesday, officials said.")]),
            article("empty", &[(Caption, "Only a caption.")]),
            article("empty-too", &[(Caption, "Only a caption.")]),
        ],
        expect![[r#"
            a new
            b new
            c new
            d Exact of a 1.00
            empty new
            empty-too new
        "#]],
    );
}

#[test]
fn signatures_are_deterministic() {
    let text = original().text;
    assert_eq!(signature(&text), signature(&text));
    expect![[r#"
        [45887033, 10914746, 38605082, 457571]
    "#]]
    .assert_eq(&format!("{:?}\n", &signature(&text).unwrap()[..4]));
}

/// Exact Jaccard similarity of two texts' shingle sets, to see how far the estimate strays.
fn jaccard(a: &str, b: &str) -> f64 {
    let shingles = |text: &str| -> std::collections::BTreeSet<Vec<String>> {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .map(str::to_lowercase)
            .collect();
        words.windows(SHINGLE_WORDS).map(<[String]>::to_vec).collect()
    };
    let (a, b) = (shingles(a), shingles(b));
    a.intersection(&b).count() as f64 / a.union(&b).count() as f64
}

fn content(article: &Article) -> String {
    article
        .extraction_blocks()
        .map(|block| article.slice(block.span))
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[test]
fn estimates_track_true_similarity() {
    let pairs = [
        (original(), syndicated()),
        (original(), rewrite()),
        (syndicated(), rewrite()),
        (original(), same_topic()),
    ];
    let mut out = String::new();
    for (a, b) in &pairs {
        let estimate =
            similarity(&signature(&content(a)).unwrap(), &signature(&content(b)).unwrap());
        let exact = jaccard(&content(a), &content(b));
        out.push_str(&format!("{} ~ {}: {exact:.2} (estimated {estimate:.2})\n", a.id, b.id));
        assert!((estimate - exact).abs() < 0.15, "{} vs {}: {estimate} vs {exact}", a.id, b.id);
    }
    expect![[r#"
        andes ~ partner: 0.68 (estimated 0.66)
        andes ~ rewrite: 0.65 (estimated 0.62)
        partner ~ rewrite: 0.47 (estimated 0.46)
        andes ~ lens: 0.01 (estimated 0.02)
    "#]]
    .assert_eq(&out);
}

/// The sample corpus: only the syndicated copy of the Andes Wire story is a duplicate.
#[test]
fn sample_corpus() {
    use crate::ingest::{self, IngestConfig, SourceMeta};
    let files: [(&str, &[u8]); 7] = [
        ("andes-wire-en.html", include_bytes!("../../../../examples/lima-2023/andes-wire-en.html")),
        (
            "diario-limeno-es.html",
            include_bytes!("../../../../examples/lima-2023/diario-limeno-es.html"),
        ),
        ("feed.xml", include_bytes!("../../../../examples/lima-2023/feed.xml")),
        ("atom.xml", include_bytes!("../../../../examples/lima-2023/atom.xml")),
        ("batch.jsonl", include_bytes!("../../../../examples/lima-2023/batch.jsonl")),
        ("radio-sur-es.txt", include_bytes!("../../../../examples/lima-2023/radio-sur-es.txt")),
        (
            "andes-wire-syndicated.txt",
            include_bytes!("../../../../examples/lima-2023/andes-wire-syndicated.txt"),
        ),
    ];
    let mut index = DedupIndex::new();
    let mut sources: Vec<(String, String)> = Vec::new();
    let mut out = String::new();
    for (name, bytes) in files {
        for draft in ingest::read(bytes, &SourceMeta::new(name), &IngestConfig::default()).drafts {
            let (article, _) = ingest::finish(draft);
            out.push_str(&article.source);
            if let Some(duplicate) = index.check_and_insert(&article) {
                let of = sources
                    .iter()
                    .find(|(id, _)| *id == duplicate.of)
                    .map_or("?", |(_, source)| source);
                out.push_str(&format!(" {:?} of {of}", duplicate.kind));
            }
            out.push('\n');
            sources.push((article.id, article.source));
        }
    }
    expect![[r#"
        andes-wire-en.html
        diario-limeno-es.html
        feed.xml#item-1
        feed.xml#item-2
        atom.xml#item-1
        batch.jsonl:1
        batch.jsonl:2
        batch.jsonl:3
        radio-sur-es.txt
        andes-wire-syndicated.txt Near of andes-wire-en.html
    "#]]
    .assert_eq(&out);
}

#[test]
fn sketches_survive_their_parts() {
    // A sketch kept between runs finds the same copies as the one it came from.
    let kept = sketch(&original()).unwrap();
    let (hash, slots) = kept.to_parts();
    assert!(Sketch::from_parts(hash, Some(&[1, 2, 3])).is_none());
    let back = Sketch::from_parts(hash, slots.as_deref()).unwrap();
    let mut index = DedupIndex::new();
    assert!(index.check_and_insert_sketch("andes", back).is_none());
    let copy = index.check_and_insert_sketch("partner", sketch(&syndicated()).unwrap()).unwrap();
    assert_eq!((copy.of.as_str(), copy.kind), ("andes", DuplicateKind::Near));
}

#[test]
fn rebuilding_without_checks_gives_the_same_index() {
    // An index rebuilt from stored sketches finds for later articles what the index that
    // checked each article on its way in finds.
    let mut mirror = original();
    mirror.id = "mirror".to_string();
    let stored = [original(), same_topic(), syndicated(), mirror];
    let (mut checked, mut rebuilt) = (DedupIndex::new(), DedupIndex::new());
    for article in &stored {
        checked.check_and_insert_sketch(&article.id, sketch(article).unwrap());
        rebuilt.insert_sketch(&article.id, sketch(article).unwrap());
    }
    assert_eq!((checked.len(), rebuilt.len()), (3, 3));
    let mut again = original();
    again.id = "again".to_string();
    for later in [rewrite(), again, same_topic()] {
        let found = |index: &mut DedupIndex| {
            index
                .check_and_insert_sketch(&later.id, sketch(&later).unwrap())
                .map(|d| (d.of, d.kind, d.similarity))
        };
        assert_eq!(found(&mut checked), found(&mut rebuilt), "{}", later.id);
    }
}
