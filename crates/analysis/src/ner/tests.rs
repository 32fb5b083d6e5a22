//! Tagger tests, all through `check`: train on a tiny fixture, tag, score and round-trip.

use expect_test::{expect, Expect};

use super::*;

/// A small knowledge base for the `kb` sections: one criminal group, one institution with an
/// acronym, one person and one place (type masks 1, 2, 4 and 8).
const KB: &str = r#"
version = 3

[[entry]]
id = "tren-de-aragua"
name = "Tren de Aragua"
type = "criminal_group"

[[entry]]
id = "pe-pnp"
name = "Policía Nacional del Perú"
type = "organization"
acronyms = ["PNP"]

[[entry]]
id = "ana-torres"
name = "Ana Torres"
type = "person"

[[entry]]
id = "penal-lurigancho"
name = "Penal de Lurigancho"
type = "place"
"#;

/// Runs the fixture's sections in order and renders what each produced.
///
/// - `//- train`: CoNLL lines; trains a model on them (later sections use it). `//- train kb`
///   trains with knowledge base features from `KB`, which later sections then pass.
/// - `//- kb`: one sentence per line; renders each token's knowledge base mark (`B`egin,
///   `C`ontinue, `E`nd, `S`ingle, then the entry types' mask) as `token/mark`.
/// - `//- tag`: one sentence per line, space-separated; renders `[TYPE words]` brackets.
/// - `//- bytes`: round-trips the model, then renders what damaged copies give.
/// - `//- read`: CoNLL text; renders each sentence with its document, or the error.
/// - `//- score`: `token GOLD PREDICTED` lines, sentences split by blank lines; renders the table.
#[track_caller]
fn check(fixture: &str, expect: Expect) {
    let mut out = String::new();
    let mut model = None;
    let mut kb = None;
    for section in fixture.split("//- ").skip(1) {
        let (name, body) = section.split_once('\n').unwrap_or((section, ""));
        match name.trim() {
            "train" | "train kb" => {
                kb = (name.trim() == "train kb").then(|| KnowledgeBase::from_toml(KB).unwrap());
                let sentences = parse_conll(body).unwrap();
                let config = TrainConfig {
                    epochs: 8,
                    seed: 7,
                    min_count: 1,
                    min_weight: 0.0,
                    places: vec!["Lima".into(), "San Juan de Lurigancho".into()],
                    kb: kb.clone(),
                };
                let trained = train(&sentences, &config);
                // Deterministic: the same data and config give the same bytes.
                assert_eq!(trained.to_bytes(), train(&sentences, &config).to_bytes());
                model = Some(trained);
            }
            "tag" => {
                let model = model.as_ref().expect("a train section first");
                for line in body.lines().filter(|l| !l.trim().is_empty()) {
                    let tokens: Vec<&str> = line.split_whitespace().collect();
                    out.push_str(&render(&tokens, &model.tag(&tokens, kb.as_ref())));
                    out.push('\n');
                }
            }
            "bytes" => {
                let model = model.as_ref().expect("a train section first");
                let bytes = model.to_bytes();
                let back = NerModel::from_bytes(&bytes).unwrap();
                out.push_str(&format!("round trip equal: {}\n", back == *model));
                out.push_str(&format!(
                    "kb version: {:?} (header bytes {:?})\n",
                    back.kb_version(),
                    &bytes[16..20]
                ));
                let mut bad_magic = bytes.clone();
                bad_magic[0] = b'X';
                let mut future = bytes.clone();
                future[8] = 9;
                let mut old = bytes.clone();
                old[8] = 4;
                let mut extra = bytes.clone();
                extra.push(0);
                for (what, damaged) in [
                    ("magic", bad_magic),
                    ("version", future),
                    ("old", old),
                    ("cut", bytes[..bytes.len() - 1].to_vec()),
                    ("extra", extra),
                    ("empty", Vec::new()),
                ] {
                    let err = NerModel::from_bytes(&damaged).unwrap_err();
                    out.push_str(&format!("{what}: {err}\n"));
                }
            }
            "score" => {
                let mut scores = Scores::default();
                for block in body.split("\n\n") {
                    let rows: Vec<Vec<&str>> = block
                        .lines()
                        .map(|l| l.split_whitespace().collect::<Vec<_>>())
                        .filter(|r| !r.is_empty())
                        .collect();
                    let gold: Vec<Tag> = rows.iter().map(|r| Tag::parse(r[1]).unwrap()).collect();
                    let pred: Vec<Tag> = rows.iter().map(|r| Tag::parse(r[2]).unwrap()).collect();
                    scores.add(&gold, &pred);
                }
                for (name, c) in Kind::ALL
                    .iter()
                    .map(|k| (k.as_str(), scores.kind(*k)))
                    .chain([("all", scores.overall)])
                {
                    out.push_str(&format!(
                        "{name:<4} gold={} pred={} correct={} P={:.2} R={:.2} F1={:.2}\n",
                        c.gold,
                        c.predicted,
                        c.correct,
                        c.precision(),
                        c.recall(),
                        c.f1()
                    ));
                }
            }
            "kb" => {
                let kb = KnowledgeBase::from_toml(KB).unwrap();
                let (mut joined, mut starts, mut marks) = (String::new(), Vec::new(), Vec::new());
                for line in body.lines().filter(|l| !l.trim().is_empty()) {
                    let tokens: Vec<&str> = line.split_whitespace().collect();
                    features::mark_kb(&tokens, &kb, &mut joined, &mut starts, &mut marks);
                    let rendered: Vec<String> = tokens
                        .iter()
                        .zip(&marks)
                        .map(|(token, &mark)| match mark & 7 {
                            0 => (*token).to_owned(),
                            p => format!("{token}/{}{}", &"BCES"[p as usize - 1..][..1], mark >> 3),
                        })
                        .collect();
                    out.push_str(&rendered.join(" "));
                    out.push('\n');
                }
            }
            "read" => match parse_conll(body) {
                Ok(sentences) => {
                    for sentence in sentences {
                        let tags: Vec<String> = sentence.tags.iter().map(Tag::to_string).collect();
                        out.push_str(&format!(
                            "doc {}: {} | {}\n",
                            sentence.document,
                            sentence.tokens.join(" "),
                            tags.join(" ")
                        ));
                    }
                }
                Err(err) => out.push_str(&format!("error: {err}\n")),
            },
            other => panic!("unknown section {other}"),
        }
    }
    expect.assert_eq(&out);
}

fn render(tokens: &[&str], tags: &[Tag]) -> String {
    let mut words: Vec<String> = tokens.iter().map(|t| (*t).to_owned()).collect();
    for e in entities(tags).into_iter().rev() {
        let inner = words[e.start..e.end].join(" ");
        words.splice(e.start..e.end, [format!("[{} {inner}]", e.kind.as_str())]);
    }
    words.join(" ")
}

const TRAIN: &str = "
//- train
El O
presidente O
Pedro B-PER
Castillo I-PER
visitó O
Lima B-LOC
. O

La O
Policía B-ORG
Nacional I-ORG
detuvo O
a O
Juan B-PER
Pérez I-PER
en O
Trujillo B-LOC
. O

El O
ministro O
Luis B-PER
Otárola I-PER
llegó O
a O
Cusco B-LOC
. O

La O
Fiscalía B-ORG
acusó O
a O
Ana B-PER
Torres I-PER
en O
Piura B-LOC
. O

El O
alcalde O
Rafael B-PER
López I-PER
habló O
en O
Arequipa B-LOC
. O
";

#[test]
fn generalises_to_unseen_names() {
    // "Marco Salas" and "Tacna" never occur in training.
    check(
        &format!(
            "{TRAIN}
//- tag
El ministro Marco Salas llegó a Tacna .
La Policía Nacional detuvo a Rafael Torres en Lima .
"
        ),
        expect![[r#"
            El ministro [PER Marco Salas] llegó a [LOC Tacna] .
            La [ORG Policía Nacional] detuvo a [PER Rafael Torres] en [LOC Lima] .
        "#]],
    );
}

#[test]
fn binary_format_round_trips_and_rejects_damage() {
    check(
        &format!("{TRAIN}\n//- bytes\n"),
        expect![[r#"
            round trip equal: true
            kb version: None (header bytes [0, 0, 0, 0])
            magic: not a vigia ner model (bad magic)
            version: ner model is format v9, this build reads v5
            old: ner model is format v4, this build reads v5
            cut: ner model is truncated or has trailing bytes
            extra: ner model is truncated or has trailing bytes
            empty: not a vigia ner model (bad magic)
        "#]],
    );
}

#[test]
fn conlleval_exact_match_with_boundary_errors() {
    // Sentence 1: PER right, LOC too short (boundary error), ORG typed as MISC.
    // Sentence 2: a stray I-PER after O opens an entity, as conlleval reads it.
    check(
        "
//- score
Juan B-PER B-PER
Pérez I-PER I-PER
en O O
San B-LOC B-LOC
Isidro I-LOC O
y O O
la O O
PNP B-ORG B-MISC

Ana B-PER O
Torres I-PER I-PER
habló O O
",
        expect![[r#"
            PER  gold=2 pred=2 correct=1 P=50.00 R=50.00 F1=50.00
            ORG  gold=1 pred=0 correct=0 P=0.00 R=0.00 F1=0.00
            LOC  gold=1 pred=1 correct=0 P=0.00 R=0.00 F1=0.00
            MISC gold=0 pred=1 correct=0 P=0.00 R=0.00 F1=0.00
            all  gold=4 pred=4 correct=1 P=25.00 R=25.00 F1=25.00
        "#]],
    );
}

#[test]
fn conll_reader_finds_documents_and_reports_bad_tags() {
    check(
        "
//- read
-DOCSTART- O

EU B-ORG
rejects O

-DOCSTART- O

Bonn B-LOC
//- read
Madrid B-LOC
, O
23 O
may O
( O
EFE B-ORG
) O
. O

Hola O

Lima B-LOC
, O
1 O
jun O
( O
EFE B-ORG
) O
. O
//- read
EU B-ORG
rejects X-FOO
",
        expect![[r#"
            doc 0: EU rejects | B-ORG O
            doc 1: Bonn | B-LOC
            doc 0: Madrid , 23 may ( EFE ) . | B-LOC O O O O B-ORG O O
            doc 0: Hola | O
            doc 1: Lima , 1 jun ( EFE ) . | B-LOC O O O O B-ORG O O
            error: line 2: unknown tag `X-FOO`
        "#]],
    );
}

#[test]
fn knowledge_base_marks_spans_folded_and_typed() {
    // Accents and case are folded ("policia nacional del peru"), the acronym keeps its case
    // ("pnp" is not marked), and a name must cover whole tokens ("Aragua-based" is not one).
    check(
        "
//- kb
La PNP y la policia nacional del peru detuvieron a Ana Torres en el Penal de Lurigancho .
el Tren de Aragua , la pnp , Tren de Aragua-based
",
        expect![[r#"
            La PNP/S2 y la policia/B2 nacional/C2 del/C2 peru/E2 detuvieron a Ana/B4 Torres/E4 en el Penal/B8 de/C8 Lurigancho/E8 .
            el Tren/B1 de/C1 Aragua/E1 , la pnp , Tren de Aragua-based
        "#]],
    );
}

#[test]
fn knowledge_base_features_are_stored_and_used() {
    // "PNP" never occurs in training; `KB` knows it as an organisation's acronym. The model
    // records the knowledge base version in its header.
    check(
        &format!(
            "{}\n//- tag\nLa PNP detuvo a Ana Torres en Lima .\n//- bytes\n",
            TRAIN.replace("//- train", "//- train kb")
        ),
        expect![[r#"
            La [ORG PNP] detuvo a [PER Ana Torres] en [LOC Lima] .
            round trip equal: true
            kb version: Some(3) (header bytes [3, 0, 0, 0])
            magic: not a vigia ner model (bad magic)
            version: ner model is format v9, this build reads v5
            old: ner model is format v4, this build reads v5
            cut: ner model is truncated or has trailing bytes
            extra: ner model is truncated or has trailing bytes
            empty: not a vigia ner model (bad magic)
        "#]],
    );
}

#[test]
fn shipped_models_are_written_back_byte_for_byte() {
    // The model keeps hash tables only; the file's sorted lists are made from them on writing.
    for name in ["ner-es.bin", "ner-en.bin"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("models").join(name);
        let bytes = std::fs::read(&path).unwrap();
        let model = NerModel::from_bytes(&bytes).unwrap();
        assert!(model.to_bytes() == bytes, "{name} is not written back as it was read");
    }
}
