//! A tiny harness: run the binary, parse its JSON report, render it compactly for golden files.

use std::{
    path::{Path, PathBuf},
    process::{Command, Output, Stdio},
};

use serde_json::Value;

/// The repository root.
pub(crate) fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

/// Runs `vigia` with `args` from the repository root, feeding `stdin`.
pub(crate) fn vigia(args: &[&str], stdin: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_vigia"))
        .args(args)
        .current_dir(repo())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

/// Parses a JSON report and checks it against the published schema and the span invariants.
#[track_caller]
pub(crate) fn report(output: &Output) -> Value {
    let stdout = String::from_utf8(output.stdout.clone()).expect("report is UTF-8");
    let report: Value = serde_json::from_str(&stdout).unwrap_or_else(|err| {
        panic!("report is not JSON ({err}); stderr: {}", String::from_utf8_lossy(&output.stderr))
    });
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("schema/report.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&report)
        .map(|err| format!("{} at {}", err, err.instance_path))
        .collect();
    assert!(errors.is_empty(), "report does not match the schema:\n{}", errors.join("\n"));
    for document in report["documents"].as_array().unwrap() {
        let text = document["text"].as_str().unwrap();
        let spans = document["blocks"]
            .as_array()
            .unwrap()
            .iter()
            .chain(document["sentences"].as_array().unwrap());
        for span in spans {
            let (start, end) =
                (span["start"].as_u64().unwrap() as usize, span["end"].as_u64().unwrap() as usize);
            assert!(
                start < end && end <= text.len(),
                "span {start}..{end} outside text of {}",
                document["id"]
            );
            assert!(
                text.is_char_boundary(start) && text.is_char_boundary(end),
                "span {start}..{end} splits a character"
            );
        }
    }
    report
}

/// One line per document and block, then one per diagnostic: stable, reviewable, diffable.
pub(crate) fn render(report: &Value) -> String {
    let mut out = String::new();
    for document in report["documents"].as_array().unwrap() {
        let text = document["text"].as_str().unwrap();
        let field = |name: &str| match &document[name] {
            Value::Null => "-".to_string(),
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        out.push_str(&format!(
            "DOC {} [{} {}] {}\n  title: {}\n  outlet: {} | published: {} | authors: {} | url: {}\n  sentences: {} | tokens: {} | duplicate_of: {}\n",
            field("id"),
            field("format"),
            field("language"),
            field("source"),
            field("title"),
            field("outlet"),
            field("published"),
            field("authors"),
            field("url"),
            document["sentences"].as_array().unwrap().len(),
            field("token_count"),
            field("duplicate_of"),
        ));
        for block in document["blocks"].as_array().unwrap() {
            let (start, end) = (
                block["start"].as_u64().unwrap() as usize,
                block["end"].as_u64().unwrap() as usize,
            );
            let snippet: String = text[start..end].chars().take(70).collect();
            let repeated = if block["repeated"] == Value::Bool(true) { " (repeated)" } else { "" };
            out.push_str(&format!(
                "  {:<13} {:<3} {snippet}{repeated}\n",
                block["kind"].as_str().unwrap(),
                block["language"].as_str().unwrap()
            ));
        }
    }
    for diagnostic in report["diagnostics"].as_array().unwrap() {
        out.push_str(&format!(
            "DIAG {} {} {}: {}\n",
            diagnostic["severity"].as_str().unwrap(),
            diagnostic["code"].as_str().unwrap(),
            diagnostic["source"].as_str().unwrap(),
            diagnostic["message"].as_str().unwrap()
        ));
    }
    out.push_str(&format!("SUMMARY {}\n", report["summary"]));
    out
}

/// Replaces document ids with `doc-…`, for inputs whose path (and so id) differs between runs.
pub(crate) fn redact_ids(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("doc-") {
        out.push_str(&rest[..at + 4]);
        let tail = &rest[at + 4..];
        let hex = tail.bytes().take_while(u8::is_ascii_hexdigit).count();
        if hex == 12 {
            out.push('…');
            rest = &tail[12..];
        } else {
            rest = tail;
        }
    }
    out.push_str(rest);
    out
}
