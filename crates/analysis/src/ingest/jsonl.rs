//! JSON Lines: one article per line, or a JSON array of articles, or pretty-printed objects.
//!
//! ## Wire format
//!
//! Each non-blank line holds one JSON object describing one article:
//!
//! ```json
//! {"url": "https://crimelens.example/a", "title": "Lima's extortion riots", "text": "First paragraph.\n\nSecond.", "outlet": "Crime Lens", "published": "2023-11-10", "language": "en", "authors": ["Ana Torres"]}
//! ```
//!
//! * `text` (string): the article as plain text, paragraphs separated by blank lines, read as
//!   [`super::text`] reads a text file. When its first line repeats `title`, that line is dropped.
//! * `html` (string): the article as an HTML page or fragment, read by [`super::html`]. Used only
//!   when `text` is absent or blank; the record's own fields override what the page says.
//! * `title` (string): the headline, pushed as the first block.
//! * `url` (string): the article's URL.
//! * `outlet` (string): the outlet; the caller's `--outlet` still wins.
//! * `published` (string): a date or date-time in any form [`super::date::parse_published`] reads.
//! * `language` (string): a language tag such as `es` or `en-GB`.
//! * `authors` (array of strings, or one string).
//!
//! Every field may be absent or `null`; fields not listed are ignored. A record needs a non-blank
//! `text` or `html`. Each record's `source` is the input's source and the 1-based line its object
//! starts on, e.g. `batch.jsonl:3`.
//!
//! Also accepted: a file that is one JSON array of such objects, and objects pretty-printed over
//! several lines. A record that can't be read (bad JSON, a wrong type, no text, a truncated last
//! line) gives a `malformed_record` error and the rest of the batch is still read.

use std::fmt;
use std::ops::Range;

use model::{BlockKind, Diagnostic, DiagnosticCode, Format, Language};
use serde::de::{self, Deserializer, IgnoredAny, SeqAccess, Visitor};
use serde::Deserialize;

use super::{clean, date::parse_published, Draft, SourceMeta};

/// One article as the wire format writes it.
#[derive(Debug, Deserialize)]
struct JsonlRecord {
    url: Option<String>,
    title: Option<String>,
    text: Option<String>,
    html: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    language: Option<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    authors: Vec<String>,
}

/// Reads every record; bad records give diagnostics and are skipped.
pub fn parse(text: &str, meta: &SourceMeta) -> (Vec<Draft>, Vec<Diagnostic>) {
    let mut batch = Batch { meta, drafts: Vec::new(), diagnostics: Vec::new(), records: 0 };
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim_start().starts_with('[') {
        batch.array(text);
    } else {
        batch.lines(text);
    }
    if batch.records == 0 {
        batch.diagnostics.push(Diagnostic::warning(
            DiagnosticCode::Empty,
            &meta.source,
            "no records found",
        ));
    }
    (batch.drafts, batch.diagnostics)
}

struct Batch<'m> {
    meta: &'m SourceMeta,
    drafts: Vec<Draft>,
    diagnostics: Vec<Diagnostic>,
    /// Records seen, readable or not.
    records: usize,
}

impl Batch<'_> {
    /// One object per line; an object left open at the end of its line may continue below.
    fn lines(&mut self, text: &str) {
        let mut start = 0;
        // Bytes before this offset belong to a record already read over several lines.
        let mut consumed = 0;
        for (idx, line) in text.split('\n').enumerate() {
            let line_start = start;
            start += line.len() + 1;
            let trimmed = line.trim();
            if line_start < consumed || trimmed.is_empty() {
                continue;
            }
            let line_number = idx + 1;
            let indent = line.len() - line.trim_start().len();
            let result = match serde_json::from_str::<JsonlRecord>(trimmed) {
                Err(err) if err.is_eof() && trimmed.starts_with('{') => {
                    // Maybe an object pretty-printed over several lines: find where its JSON ends
                    // first, so a type error inside it doesn't split it into bogus records.
                    let rest = &text[line_start..];
                    let mut stream =
                        serde_json::Deserializer::from_str(rest).into_iter::<IgnoredAny>();
                    match stream.next() {
                        Some(Ok(_)) => {
                            consumed = line_start + stream.byte_offset();
                            serde_json::from_str::<JsonlRecord>(&rest[..stream.byte_offset()])
                                .map_err(|err| describe(&err, line_number, 0))
                        }
                        _ if text.get(start..).is_none_or(|rest| rest.trim().is_empty()) => {
                            Err(format!(
                                "the last record is truncated: {}",
                                describe(&err, line_number, indent)
                            ))
                        }
                        _ => Err(format!(
                            "the record is truncated: {}",
                            describe(&err, line_number, indent)
                        )),
                    }
                }
                Err(err) if !trimmed.starts_with('{') => {
                    match serde_json::from_str::<IgnoredAny>(trimmed) {
                        Ok(_) => Err("the record is not a JSON object".to_string()),
                        Err(_) => Err(describe(&err, line_number, indent)),
                    }
                }
                Err(err) => Err(describe(&err, line_number, indent)),
                Ok(record) => Ok(record),
            };
            self.record(result, line_number);
        }
    }

    /// A top-level array, split into elements so one bad element doesn't lose the others.
    fn array(&mut self, text: &str) {
        let (elements, problem) = array_elements(text);
        let mut line = 1;
        let mut counted = 0;
        for range in elements {
            line += text[counted..range.start].matches('\n').count();
            counted = range.start;
            let indent =
                range.start - text[..range.start].rfind('\n').map_or(0, |newline| newline + 1);
            let element = &text[range];
            let result = if element.trim().is_empty() {
                Err("empty array element".to_string())
            } else {
                serde_json::from_str::<JsonlRecord>(element)
                    .map_err(|err| describe(&err, line, indent))
            };
            self.record(result, line);
        }
        if let Some(problem) = problem {
            self.diagnostics.push(Diagnostic::error(
                DiagnosticCode::MalformedRecord,
                &self.meta.source,
                problem,
            ));
        }
    }

    fn record(&mut self, result: Result<JsonlRecord, String>, line: usize) {
        self.records += 1;
        let source = format!("{}:{line}", self.meta.source);
        match result {
            Ok(record) => {
                if let Some(draft) = self.draft(record, &source) {
                    self.drafts.push(draft);
                }
            }
            Err(message) => {
                self.diagnostics.push(Diagnostic::error(
                    DiagnosticCode::MalformedRecord,
                    source,
                    message,
                ));
            }
        }
    }

    fn draft(&mut self, record: JsonlRecord, source: &str) -> Option<Draft> {
        let given = |value: Option<String>| {
            value.map(|value| value.trim().to_string()).filter(|v| !v.is_empty())
        };
        let url = given(record.url);
        let title = given(record.title);
        let outlet = self.meta.outlet.clone().or(given(record.outlet));
        let record_meta = SourceMeta {
            source: source.to_string(),
            url: url.clone(),
            outlet: outlet.clone(),
            charset: None,
        };
        let text = record.text.filter(|text| !text.trim().is_empty());
        let html = record.html.filter(|html| !html.trim().is_empty());
        let mut draft = match (text, html) {
            (Some(text), _) => from_text(&text, title.as_deref(), &record_meta),
            (None, Some(html)) => {
                let (mut page, diagnostics) = super::html::parse(&html, &record_meta);
                self.diagnostics.extend(diagnostics);
                if let Some(title) = &title {
                    if !page.blocks.iter().any(|block| block.hint == Some(BlockKind::Headline)) {
                        page.blocks.insert(
                            0,
                            super::DraftBlock {
                                text: title.clone(),
                                hint: Some(BlockKind::Headline),
                            },
                        );
                    }
                }
                page
            }
            (None, None) => {
                self.diagnostics.push(Diagnostic::error(
                    DiagnosticCode::MalformedRecord,
                    source,
                    "record has no `text` or `html`",
                ));
                return None;
            }
        };
        draft.source = source.to_string();
        draft.format = Format::Jsonl;
        draft.url = url.or(draft.url);
        draft.title = title.or(draft.title);
        draft.outlet = outlet.or(draft.outlet);
        if let Some(published) = given(record.published) {
            match parse_published(&published) {
                Some(date) => draft.published = Some(date),
                None => self.diagnostics.push(Diagnostic::warning(
                    DiagnosticCode::MalformedRecord,
                    source,
                    format!("`published` value {published:?} is not a date; ignored"),
                )),
            }
        }
        if let Some(language) = given(record.language) {
            draft.declared_language = Some(Language::from_tag(&language));
        }
        let authors: Vec<String> = record
            .authors
            .iter()
            .map(|name| clean::inline(name))
            .filter(|name| !name.is_empty())
            .collect();
        if !authors.is_empty() {
            draft.authors = authors;
        }
        Some(draft)
    }
}

/// Reads `text` as a text file would be read; the record's title, when given, is the headline.
fn from_text(text: &str, title: Option<&str>, meta: &SourceMeta) -> Draft {
    let page = super::text::parse(text, meta);
    let Some(title) = title else {
        return page;
    };
    let mut draft = Draft { blocks: Vec::new(), title: Some(title.to_string()), ..page.clone() };
    draft.push(title, Some(BlockKind::Headline));
    let wanted = clean::inline(title);
    for (idx, block) in page.blocks.into_iter().enumerate() {
        let mut text = block.text.as_str();
        if idx == 0 {
            // The text's own first line repeats the title: drop the line, keep what follows it.
            let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
            if clean::inline(first) == wanted {
                text = rest;
            }
        }
        // Only the record's title is a headline; a first line the text reader took for one is body.
        let hint = block.hint.filter(|hint| *hint != BlockKind::Headline);
        draft.push(text, hint);
    }
    draft
}

/// The serde message, with its position counted from the start of the input line,
/// `indent` being the bytes before the record on its first line.
fn describe(err: &serde_json::Error, first_line: usize, indent: usize) -> String {
    let message = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    let base = message.strip_suffix(&suffix).unwrap_or(&message);
    match err.line() {
        0 => base.to_string(),
        1 => format!("{base} at column {}", indent + err.column()),
        line => format!("{base} at line {} column {}", first_line + line - 1, err.column()),
    }
}

/// Byte ranges of the elements of a top-level JSON array, found by tracking strings and nesting,
/// plus a note when the array itself is broken.
fn array_elements(text: &str) -> (Vec<Range<usize>>, Option<String>) {
    let bytes = text.as_bytes();
    let open = bytes.iter().position(|&b| b == b'[').expect("called on text starting with `[`");
    let mut elements = Vec::new();
    let mut element: Option<usize> = None;
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut close = None;
    for (idx, &b) in bytes.iter().enumerate().skip(open + 1) {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b',' | b']' if depth == 0 => {
                let start = element.take().unwrap_or(idx);
                if b == b',' || start < idx || !elements.is_empty() {
                    elements.push(start..idx);
                }
                if b == b']' {
                    close = Some(idx);
                    break;
                }
                continue;
            }
            b'"' => in_string = true,
            b'{' | b'[' => depth += 1,
            // A stray closer is left inside its element, where serde reports it.
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ if b.is_ascii_whitespace() => continue,
            _ => {}
        }
        element.get_or_insert(idx);
    }
    let problem = match close {
        None => {
            if let Some(start) = element {
                elements.push(start..bytes.len());
            }
            Some("the JSON array is not closed; the input may be truncated".to_string())
        }
        Some(close) if !text[close + 1..].trim().is_empty() => {
            Some("unexpected text after the closing `]` of the JSON array was ignored".to_string())
        }
        Some(_) => None,
    };
    (elements, problem)
}

/// `authors` as one string or an array of strings.
fn one_or_many<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    struct OneOrMany;

    impl<'de> Visitor<'de> for OneOrMany {
        type Value = Vec<String>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a string or an array of strings")
        }

        fn visit_str<E: de::Error>(self, value: &str) -> Result<Vec<String>, E> {
            Ok(vec![value.to_string()])
        }

        fn visit_unit<E: de::Error>(self) -> Result<Vec<String>, E> {
            Ok(Vec::new())
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<String>, A::Error> {
            let mut names = Vec::new();
            while let Some(name) = seq.next_element::<String>()? {
                names.push(name);
            }
            Ok(names)
        }
    }

    deserializer.deserialize_any(OneOrMany)
}

#[cfg(test)]
mod tests;
