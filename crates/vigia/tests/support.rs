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

/// Checks a JSON report against the published schema.
#[track_caller]
pub(crate) fn check_schema(report: &Value) {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("schema/report.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(report)
        .map(|err| format!("{} at {}", err, err.instance_path))
        .collect();
    assert!(errors.is_empty(), "report does not match the schema:\n{}", errors.join("\n"));
}

/// Parses a JSON report and checks it against the published schema and the span invariants.
#[track_caller]
pub(crate) fn report(output: &Output) -> Value {
    let stdout = String::from_utf8(output.stdout.clone()).expect("report is UTF-8");
    let report: Value = serde_json::from_str(&stdout).unwrap_or_else(|err| {
        panic!("report is not JSON ({err}); stderr: {}", String::from_utf8_lossy(&output.stderr))
    });
    check_schema(&report);
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
    // Every entity mention reads back, in its document's text, as one of the entity's aliases.
    let texts: std::collections::HashMap<&str, &str> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["id"].as_str().unwrap(), d["text"].as_str().unwrap()))
        .collect();
    for entity in report["entities"].as_array().unwrap() {
        let aliases: Vec<&str> =
            entity["aliases"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect();
        for mention in entity["mentions"].as_array().unwrap() {
            let text = texts[mention["document"].as_str().unwrap()];
            let (start, end) = (
                mention["start"].as_u64().unwrap() as usize,
                mention["end"].as_u64().unwrap() as usize,
            );
            let slice = text.get(start..end).unwrap_or_else(|| {
                panic!("mention {start}..{end} of {} is outside its text", entity["name"])
            });
            assert!(
                aliases.contains(&slice),
                "mention {slice:?} of {} is not among its aliases {aliases:?}",
                entity["name"]
            );
        }
    }
    let ids: Vec<&str> =
        report["entities"].as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap()).collect();
    for relation in report["relations"].as_array().unwrap() {
        for end in ["subject", "object"] {
            assert!(
                ids.contains(&relation[end].as_str().unwrap()),
                "{end} of {relation} is no entity"
            );
        }
        for evidence in relation["evidence"].as_array().unwrap() {
            let text = texts[evidence["document"].as_str().unwrap()];
            let (start, end) = (
                evidence["start"].as_u64().unwrap() as usize,
                evidence["end"].as_u64().unwrap() as usize,
            );
            assert!(
                text.get(start..end).is_some_and(|s| !s.is_empty()),
                "evidence {evidence} is not a span of its text"
            );
        }
    }
    for section in ["quotes", "quantities", "dates", "events"] {
        for item in report[section].as_array().unwrap() {
            let document = item["document"].as_str().unwrap();
            spans_inside(item, texts[document], section);
        }
    }
    // Items cite entities of the report.
    for quote in report["quotes"].as_array().unwrap() {
        if let Some(id) = quote["speaker"]["entity"].as_str() {
            assert!(ids.contains(&id), "quote speaker {id} is no entity");
        }
    }
    for event in report["events"].as_array().unwrap() {
        let cited = event["places"].as_array().unwrap().iter().filter_map(Value::as_str).chain(
            ["actors", "targets"].iter().flat_map(|side| {
                event[*side].as_array().unwrap().iter().filter_map(|p| p["entity"].as_str())
            }),
        );
        for id in cited {
            assert!(ids.contains(&id), "event {} cites {id}, which is no entity", event["id"]);
        }
    }
    // Stories cite documents, document events and sentences of both sides.
    let event_ids: Vec<&str> =
        report["events"].as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap()).collect();
    for story in report["stories"].as_array().unwrap() {
        for document in story["documents"].as_array().unwrap() {
            assert!(texts.contains_key(document.as_str().unwrap()), "story cites {document}");
        }
        for event in story["events"].as_array().unwrap() {
            for id in event["events"].as_array().unwrap() {
                assert!(event_ids.contains(&id.as_str().unwrap()), "story event cites {id}");
            }
        }
        for item in story["comparison"].as_array().unwrap() {
            for side in item["sides"].as_array().unwrap() {
                for evidence in side["evidence"].as_array().unwrap() {
                    let text = texts[evidence["document"].as_str().unwrap()];
                    spans_inside(evidence, text, "stories");
                }
            }
        }
    }
    report
}

/// Checks that every `{start, end}` byte range inside `value` (at any depth) is a non-empty
/// span of `text` on character boundaries.
#[track_caller]
fn spans_inside(value: &Value, text: &str, section: &str) {
    match value {
        Value::Object(map) => {
            if let (Some(start), Some(end)) =
                (map.get("start").and_then(Value::as_u64), map.get("end").and_then(Value::as_u64))
            {
                let (start, end) = (start as usize, end as usize);
                assert!(
                    start < end && text.get(start..end).is_some(),
                    "{section}: span {start}..{end} is not a span of its document's text"
                );
            }
            map.values().for_each(|v| spans_inside(v, text, section));
        }
        Value::Array(items) => items.iter().for_each(|v| spans_inside(v, text, section)),
        _ => {}
    }
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
        out.push_str(&document_entities(report, document));
        out.push_str(&document_items(report, document));
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
    for entity in report["entities"].as_array().unwrap() {
        let mentions = entity["mentions"].as_array().unwrap();
        let mut documents: Vec<&str> =
            mentions.iter().map(|m| m["document"].as_str().unwrap()).collect();
        documents.dedup();
        documents.sort_unstable();
        documents.dedup();
        let place = match &entity["place"] {
            Value::Null => String::new(),
            place => format!(
                " | {} {} ({}, {})",
                place["gazetteer_id"].as_str().unwrap(),
                place["admin_path"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|p| p.as_str().unwrap())
                    .collect::<Vec<_>>()
                    .join(" > "),
                place["lat"],
                place["lon"]
            ),
        };
        out.push_str(&format!(
            "ENTITY {} {} {} | {} mention(s) in {} document(s){place}\n",
            entity["id"].as_str().unwrap(),
            entity["type"].as_str().unwrap(),
            entity["name"].as_str().unwrap(),
            mentions.len(),
            documents.len(),
        ));
    }
    for relation in report["relations"].as_array().unwrap() {
        out.push_str(&format!(
            "RELATION {} {} {} ({}), {} evidence span(s)\n",
            name_of(report, relation["subject"].as_str().unwrap()),
            relation["type"].as_str().unwrap(),
            name_of(report, relation["object"].as_str().unwrap()),
            relation["modality"].as_str().unwrap(),
            relation["evidence"].as_array().unwrap().len()
        ));
    }
    for story in report["stories"].as_array().unwrap() {
        out.push_str(&format!(
            "STORY {} | {} document(s), {} copy(ies) | outlets: {}\n",
            story["title"].as_str().unwrap_or("-"),
            story["documents"].as_array().unwrap().len(),
            story["copies"].as_array().unwrap().len(),
            story["outlets"]
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o.as_str().unwrap())
                .collect::<Vec<_>>()
                .join(", ")
        ));
        for event in story["events"].as_array().unwrap() {
            out.push_str(&format!(
                "  story event {}{} ({}) {} corroborated by {} outlet(s)\n",
                event["type"].as_str().unwrap(),
                event["threatened"].as_str().map(|t| format!("→{t}")).unwrap_or_default(),
                event["modality"].as_str().unwrap(),
                event["date"]["start"].as_str().map_or("undated".to_string(), |s| format!(
                    "{s}..{}",
                    event["date"]["end"].as_str().unwrap()
                )),
                event["corroboration"]
            ));
        }
        for item in story["comparison"].as_array().unwrap() {
            out.push_str(&format!(
                "  {} {}: {}\n",
                item["kind"].as_str().unwrap(),
                item["topic"].as_str().unwrap(),
                item["summary"].as_str().unwrap()
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

/// The document's quotes, quantities, dates and events, one line each, citing their words.
fn document_items(report: &Value, document: &Value) -> String {
    let id = document["id"].as_str().unwrap();
    let text = document["text"].as_str().unwrap();
    let slice = |v: &Value| {
        let (start, end) =
            (v["start"].as_u64().unwrap() as usize, v["end"].as_u64().unwrap() as usize);
        text[start..end].to_string()
    };
    let short = |s: &str| -> String {
        let mut out: String = s.chars().take(60).collect();
        if s.chars().count() > 60 {
            out.push('…');
        }
        out
    };
    let mine = |section: &str| -> Vec<&Value> {
        report[section].as_array().unwrap().iter().filter(|item| item["document"] == id).collect()
    };
    let mut out = String::new();
    for quote in mine("quotes") {
        let speaker = &quote["speaker"];
        let who = match (speaker["text"].as_str().unwrap(), speaker["name"].as_str()) {
            ("", Some(name)) => format!("({name})"),
            ("", None) => "-".to_string(),
            (written, Some(name)) if written != name => format!("{written:?} ({name})"),
            (written, _) => format!("{written:?}"),
        };
        out.push_str(&format!(
            "  quote {:<8} {} {} ← {}
",
            quote["kind"].as_str().unwrap(),
            speaker["kind"].as_str().unwrap(),
            who,
            short(quote["text"].as_str().unwrap())
        ));
    }
    for quantity in mine("quantities") {
        let optional = |name: &str| {
            quantity[name].as_str().map(|s| format!(" {name}={s:?}")).unwrap_or_default()
        };
        out.push_str(&format!(
            "  quantity {:?} = {} {} {}{}{}{}{}
",
            slice(quantity),
            quantity["value"],
            quantity["unit"].as_str().unwrap(),
            quantity["kind"].as_str().unwrap(),
            optional("hedge"),
            optional("counted"),
            quantity["period"]["text"]
                .as_str()
                .map(|s| format!(" period={s:?}"))
                .unwrap_or_default(),
            optional("place"),
        ));
    }
    for date in mine("dates") {
        let interval = &date["interval"];
        out.push_str(&format!(
            "  date {:?} {}..{} {} {}{}
",
            slice(date),
            interval["start"].as_str().unwrap(),
            interval["end"].as_str().unwrap(),
            interval["precision"].as_str().unwrap(),
            date["kind"].as_str().unwrap(),
            if interval["inferred"] == Value::Bool(true) { " inferred" } else { "" }
        ));
    }
    for event in mine("events") {
        let people = |side: &str| {
            event[side]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["text"].as_str().unwrap().to_string())
                .collect::<Vec<_>>()
                .join("; ")
        };
        let places: Vec<&str> = event["places"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| name_of(report, p.as_str().unwrap()))
            .collect();
        let counts: Vec<String> =
            event["counts"].as_object().unwrap().iter().map(|(k, v)| format!("{k}={v}")).collect();
        out.push_str(&format!(
            "  event {}{} ({}) date={} places=[{}] actors=[{}] targets=[{}] counts=[{}] by={} evidence={}
",
            event["type"].as_str().unwrap(),
            event["threatened"].as_str().map(|t| format!("→{t}")).unwrap_or_default(),
            event["modality"].as_str().unwrap(),
            event["date"]["text"].as_str().unwrap_or("-"),
            places.join("; "),
            people("actors"),
            people("targets"),
            counts.join(" "),
            event["attribution"]["text"].as_str().unwrap_or("-"),
            event["evidence"].as_array().unwrap().len()
        ));
    }
    out
}

/// The name of the entity with this id, or the id itself.
fn name_of<'r>(report: &'r Value, id: &'r str) -> &'r str {
    report["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|entity| entity["id"] == id)
        .map_or(id, |entity| entity["name"].as_str().unwrap())
}

/// One line per entity mentioned in `document`, in order of first mention, with the forms used,
/// then one per relation stated in it.
fn document_entities(report: &Value, document: &Value) -> String {
    let id = document["id"].as_str().unwrap();
    let text = document["text"].as_str().unwrap();
    let mut found: Vec<(u64, String)> = Vec::new();
    for entity in report["entities"].as_array().unwrap() {
        let spans: Vec<(u64, u64)> = entity["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["document"] == id)
            .map(|m| (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap()))
            .collect();
        let Some(&(first, _)) = spans.first() else { continue };
        let mut forms: Vec<(&str, usize)> = Vec::new();
        for (start, end) in spans {
            let form = &text[start as usize..end as usize];
            match forms.iter_mut().find(|(f, _)| *f == form) {
                Some((_, n)) => *n += 1,
                None => forms.push((form, 1)),
            }
        }
        let forms: Vec<String> = forms
            .iter()
            .map(|(f, n)| if *n > 1 { format!("{f:?}×{n}") } else { format!("{f:?}") })
            .collect();
        found.push((
            first,
            format!(
                "  ent {:<14} {} ← {}\n",
                entity["type"].as_str().unwrap(),
                entity["name"].as_str().unwrap(),
                forms.join(" ")
            ),
        ));
    }
    for relation in report["relations"].as_array().unwrap() {
        for evidence in relation["evidence"].as_array().unwrap() {
            if evidence["document"] != id {
                continue;
            }
            found.push((
                u64::MAX,
                format!(
                    "  rel {} {} {} ({}) @{}..{}\n",
                    name_of(report, relation["subject"].as_str().unwrap()),
                    relation["type"].as_str().unwrap(),
                    name_of(report, relation["object"].as_str().unwrap()),
                    relation["modality"].as_str().unwrap(),
                    evidence["start"],
                    evidence["end"]
                ),
            ));
        }
    }
    // Entities in order of first mention, then relations in report order.
    found.sort_by_key(|(first, _)| *first);
    found.into_iter().map(|(_, line)| line).collect()
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
