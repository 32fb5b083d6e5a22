//! JSON Lines reader tests: each runs a batch through `parse` and compares a plain rendering.

use expect_test::{expect, Expect};
use model::Published;

use super::*;

fn render(drafts: &[Draft], diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for draft in drafts {
        out.push_str(&format!("{} {}\n", draft.source, draft.format.as_str()));
        let mut field = |name: &str, value: Option<String>| {
            if let Some(value) = value {
                out.push_str(&format!("  {name}: {value}\n"));
            }
        };
        field("url", draft.url.clone());
        field("title", draft.title.clone());
        field("published", draft.published.map(Published::to_iso));
        field("authors", Some(draft.authors.join("; ")).filter(|authors| !authors.is_empty()));
        field("outlet", draft.outlet.clone());
        field(
            "language",
            draft.declared_language.as_ref().map(|language| language.code().to_string()),
        );
        for block in &draft.blocks {
            let hint = block.hint.map_or("-", BlockKind::as_str);
            field(hint, Some(clean::inline(&block.text)));
        }
    }
    for diagnostic in diagnostics {
        out.push_str(&format!("{diagnostic}\n"));
    }
    out
}

#[track_caller]
fn check(input: &str, expect: Expect) {
    let (drafts, diagnostics) = parse(input, &SourceMeta::new("batch.jsonl"));
    expect.assert_eq(&render(&drafts, &diagnostics));
}

#[test]
fn text_records() {
    check(
        r#"{"url": "https://cl.example/a", "title": "Lima riots", "text": "Lima riots\n\nRiots broke out.\n\nPolice responded.", "outlet": "Crime Lens", "published": "2023-11-10", "language": "en", "authors": ["Ana Torres", " Luis  Vega "], "extra": {"ignored": true}}

{"title": "Other headline", "text": "A guessed Headline\nFirst line of body.", "authors": "Solo Author", "url": null}
{"text": "Untitled piece\n\nBody of the untitled piece.", "published": "yesterday"}
"#,
        expect![[r#"
            batch.jsonl:1 jsonl
              url: https://cl.example/a
              title: Lima riots
              published: 2023-11-10
              authors: Ana Torres; Luis Vega
              outlet: Crime Lens
              language: en
              headline: Lima riots
              -: Riots broke out.
              -: Police responded.
            batch.jsonl:3 jsonl
              title: Other headline
              authors: Solo Author
              headline: Other headline
              -: A guessed Headline
              -: First line of body.
            batch.jsonl:4 jsonl
              title: Untitled piece
              headline: Untitled piece
              -: Body of the untitled piece.
            warning malformed_record batch.jsonl:4: `published` value "yesterday" is not a date; ignored
        "#]],
    );
}

#[test]
fn html_records_take_record_metadata() {
    let meta = SourceMeta { outlet: Some("Caller".into()), ..SourceMeta::new("b.jsonl") };
    let input = r#"{"url": "https://cm.example/x", "title": "Record title", "published": "2023-11-06T20:15:00-05:00", "language": "es", "html": "<html><head><title>Page title</title><meta name=\"author\" content=\"Page Author\"></head><body><article><p>El Ministerio del Interior evalúa declarar el estado de emergencia en tres distritos de Lima.</p><p>Los gremios exigen resultados.</p></article></body></html>"}"#;
    let (drafts, diagnostics) = parse(input, &meta);
    assert!(diagnostics.iter().all(|d| d.severity != model::Severity::Error), "{diagnostics:?}");
    let draft = &drafts[0];
    assert_eq!(draft.source, "b.jsonl:1");
    assert_eq!(draft.format, Format::Jsonl);
    assert_eq!(draft.url.as_deref(), Some("https://cm.example/x"));
    assert_eq!(draft.title.as_deref(), Some("Record title"));
    assert_eq!(draft.outlet.as_deref(), Some("Caller"));
    assert_eq!(draft.declared_language, Some(Language::Spanish));
    assert_eq!(
        draft.published.map(Published::to_iso).as_deref(),
        Some("2023-11-06T20:15:00-05:00")
    );
    assert_eq!(draft.blocks[0].hint, Some(BlockKind::Headline));
    let body: Vec<&str> = draft.blocks.iter().map(|block| block.text.as_str()).collect();
    assert!(body.iter().any(|text| text.contains("estado de emergencia")), "{body:?}");
}

#[test]
fn bad_lines_do_not_stop_the_batch() {
    check(
        r#"{"title": "Good", "text": "Body one."}
not json at all
{"title": 5, "text": "x"}
{"authors": [1, 2], "text": "x"}
[1, 2]
{"title": "No body"}
{"title": "Good two", "text": "Body two."}
{"title": "Cut", "text": "Body that never en"#,
        expect![[r#"
            batch.jsonl:1 jsonl
              title: Good
              headline: Good
              -: Body one.
            batch.jsonl:7 jsonl
              title: Good two
              headline: Good two
              -: Body two.
            error malformed_record batch.jsonl:2: expected ident at column 2
            error malformed_record batch.jsonl:3: invalid type: integer `5`, expected a string at column 11
            error malformed_record batch.jsonl:4: invalid type: integer `1`, expected a string at column 14
            error malformed_record batch.jsonl:5: the record is not a JSON object
            error malformed_record batch.jsonl:6: record has no `text` or `html`
            error malformed_record batch.jsonl:8: the last record is truncated: EOF while parsing a string at column 44
        "#]],
    );
    check(
        "{\"title\": \"Cut\", \"text\": \n{\"title\": \"Next\", \"text\": \"Fine.\"}\n",
        expect![[r#"
            batch.jsonl:2 jsonl
              title: Next
              headline: Next
              -: Fine.
            error malformed_record batch.jsonl:1: the record is truncated: EOF while parsing a value at column 24
        "#]],
    );
}

#[test]
fn arrays_and_pretty_objects() {
    check(
        r#"[
  {"title": "First", "text": "One."},
  {"title": 7},
  {"title": "Third, with [brackets] and \"quotes\"", "text": "Three."}
]"#,
        expect![[r#"
            batch.jsonl:2 jsonl
              title: First
              headline: First
              -: One.
            batch.jsonl:4 jsonl
              title: Third, with [brackets] and "quotes"
              headline: Third, with [brackets] and "quotes"
              -: Three.
            error malformed_record batch.jsonl:3: invalid type: integer `7`, expected a string at column 13
        "#]],
    );
    check(
        r#"[{"title": "A", "text": "a."}, {"title": "B", "te"#,
        expect![[r#"
            batch.jsonl:1 jsonl
              title: A
              headline: A
              -: a.
            error malformed_record batch.jsonl:1: EOF while parsing a string at column 49
            error malformed_record batch.jsonl: the JSON array is not closed; the input may be truncated
        "#]],
    );
    check(
        r#"[{"title": "A", "text": "a."},] trailing"#,
        expect![[r#"
            batch.jsonl:1 jsonl
              title: A
              headline: A
              -: a.
            error malformed_record batch.jsonl:1: empty array element
            error malformed_record batch.jsonl: unexpected text after the closing `]` of the JSON array was ignored
        "#]],
    );
    check(
        r#"{
  "title": "Pretty",
  "text": "Printed over lines."
}
{
  "title": "Second",
  "text": 3
}
"#,
        expect![[r#"
            batch.jsonl:1 jsonl
              title: Pretty
              headline: Pretty
              -: Printed over lines.
            error malformed_record batch.jsonl:5: invalid type: integer `3`, expected a string at line 7 column 11
        "#]],
    );
    check(
        "[]",
        expect![[r#"
        warning empty batch.jsonl: no records found
    "#]],
    );
}

#[test]
fn hostile_inputs() {
    // Bytes replaced upstream by U+FFFD are ordinary text here.
    check(
        "{\"title\": \"Per\u{FFFD}\", \"text\": \"Caf\u{FFFD} body.\"}\r\n",
        expect![[r#"
            batch.jsonl:1 jsonl
              title: Per�
              headline: Per�
              -: Caf� body.
        "#]],
    );
    let word = "palabra ";
    let big = format!("{{\"title\": \"Big\", \"text\": \"{}\"}}", word.repeat(1 << 17));
    assert!(big.len() > 1 << 20);
    let (drafts, diagnostics) = parse(&big, &SourceMeta::new("b.jsonl"));
    assert_eq!((drafts.len(), diagnostics.len()), (1, 0));
    let garbage = format!("{{\"text\": \"{}", "x".repeat(1 << 20));
    let (drafts, diagnostics) = parse(&garbage, &SourceMeta::new("b.jsonl"));
    assert_eq!((drafts.len(), diagnostics.len()), (0, 1));
    assert!(diagnostics[0].message.len() < 200);
    let deep = format!("{{\"text\": {}", "[".repeat(100_000));
    let (drafts, diagnostics) = parse(&deep, &SourceMeta::new("b.jsonl"));
    assert_eq!((drafts.len(), diagnostics.len()), (0, 1));
    let deep = format!("[{}", "[".repeat(100_000));
    let (drafts, _) = parse(&deep, &SourceMeta::new("b.jsonl"));
    assert!(drafts.is_empty());
}

#[test]
fn sample_corpus_batch() {
    let batch = include_str!("../../../../../examples/lima-2023/batch.jsonl");
    let (drafts, diagnostics) = parse(batch, &SourceMeta::new("batch.jsonl"));
    assert_eq!(drafts.len(), 3, "{diagnostics:?}");
    assert!(diagnostics.iter().all(|d| d.severity != model::Severity::Error), "{diagnostics:?}");
    assert_eq!(drafts[0].outlet.as_deref(), Some("Crime Lens"));
    assert_eq!(drafts[1].declared_language, Some(Language::Spanish));
}
