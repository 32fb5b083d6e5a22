//! The Markdown report: the same content as the JSON report, for people.

use std::io::{self, Write};

use model::{Article, BlockKind, Diagnostic, DuplicateKind};

use serde_json::Value;

use super::{spill::Section, stories::StoryEventItem, Extracted, Sink, Summary, SCHEMA_VERSION};

/// Sides of a conflict quoted in a story's brief; more are counted.
const SHOWN_SIDES: usize = 4;

/// Documents listed by id in an entity's row; more are counted.
const LISTED_DOCUMENTS: usize = 3;

/// Streams a Markdown report to a writer.
pub(crate) struct MarkdownSink<W: Write> {
    out: W,
    documents: usize,
    /// The entities section is written.
    extracted: bool,
}

impl<W: Write> MarkdownSink<W> {
    pub(crate) fn new(out: W) -> MarkdownSink<W> {
        MarkdownSink { out, documents: 0, extracted: false }
    }

    fn open(&mut self) -> io::Result<()> {
        writeln!(self.out, "# Vigía report\n")?;
        writeln!(
            self.out,
            "Report schema {SCHEMA_VERSION}, vigia {}.\n",
            env!("CARGO_PKG_VERSION")
        )?;
        writeln!(self.out, "## Documents\n")
    }
    fn relations(&mut self, extracted: &Extracted) -> io::Result<()> {
        let name = |id: &str| entity_name(extracted, id);
        writeln!(
            self.out,
            "| subject | relation | object | modality | evidence |\n| --- | --- | --- | --- | --- |"
        )?;
        for relation in &extracted.relations {
            let mut documents: Vec<&str> = Vec::new();
            for evidence in &relation.evidence {
                if !documents.contains(&&*evidence.document) {
                    documents.push(&evidence.document);
                }
            }
            writeln!(
                self.out,
                "| {} | {} | {} | {} | {} sentence(s) in {} |",
                cell(&name(&relation.subject)),
                relation.kind.as_str().replace('_', " "),
                cell(&name(&relation.object)),
                relation.modality.as_str(),
                relation.evidence.len(),
                documents.join(", ")
            )?;
        }
        writeln!(self.out)?;
        Ok(())
    }

    /// Quotes, quantities and events, each as a table citing its words.
    fn items(&mut self, extracted: &Extracted) -> io::Result<()> {
        let items = &extracted.items;
        // Spilled items come back as JSON; a missing member reads as empty.
        let text = |v: &Value, key: &str| v[key].as_str().unwrap_or("").to_string();
        let read = |section: Section| -> io::Result<Vec<Value>> {
            items.lines(section)?.map(|line| Ok(serde_json::from_str::<Value>(&line?)?)).collect()
        };
        writeln!(self.out, "## Quotes\n")?;
        if items.len(Section::Quotes) == 0 {
            writeln!(self.out, "None extracted.\n")?;
        } else {
            writeln!(self.out, "| document | kind | speaker | quote |\n| --- | --- | --- | --- |")?;
            for quote in read(Section::Quotes)? {
                let speaker = &quote["speaker"];
                let written = text(speaker, "text");
                let who = match speaker["name"].as_str() {
                    Some(name) if written.is_empty() || written == name => name.to_string(),
                    Some(name) => format!("{written} ({name})"),
                    None if written.is_empty() => "—".to_string(),
                    None => written,
                };
                writeln!(
                    self.out,
                    "| {} | {} | {} | {} |",
                    text(&quote, "document"),
                    text(&quote, "kind"),
                    cell(&who),
                    cell(&text(&quote, "text"))
                )?;
            }
            writeln!(self.out)?;
        }
        writeln!(self.out, "## Quantities\n")?;
        if items.len(Section::Quantities) == 0 {
            writeln!(self.out, "None extracted.\n")?;
        } else {
            writeln!(
                self.out,
                "| document | as written | value | unit | counts | kind | period | place |\n| --- | --- | --- | --- | --- | --- | --- | --- |"
            )?;
            for q in read(Section::Quantities)? {
                let hedge = q["hedge"].as_str().map(|h| format!("{} ", h.replace('_', " ")));
                let period = &q["period"];
                writeln!(
                    self.out,
                    "| {} | {} | {}{} | {} | {} | {} | {} | {} |",
                    text(&q, "document"),
                    cell(&text(&q, "text")),
                    hedge.unwrap_or_default(),
                    q["value"],
                    text(&q, "unit"),
                    cell(&text(&q, "counted")),
                    text(&q, "kind"),
                    if period.is_object() {
                        format!("{}–{}", text(period, "start"), text(period, "end"))
                    } else {
                        String::new()
                    },
                    cell(&text(&q, "place"))
                )?;
            }
            writeln!(self.out)?;
        }
        writeln!(self.out, "## Events\n")?;
        if items.len(Section::Events) == 0 {
            writeln!(self.out, "None extracted.\n")?;
            return Ok(());
        }
        writeln!(
            self.out,
            "| document | event | modality | date | places | actors | targets | counts | credited to | first sentence |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
        )?;
        for event in read(Section::Events)? {
            let kind = match event["threatened"].as_str() {
                Some(act) => format!("{} ({act})", text(&event, "type")).replace('_', " "),
                None => text(&event, "type").replace('_', " "),
            };
            let people = |side: &str| {
                event[side]
                    .as_array()
                    .map(|list| list.iter().map(|p| text(p, "text")).collect::<Vec<_>>().join("; "))
                    .unwrap_or_default()
            };
            let places: Vec<String> = event["places"]
                .as_array()
                .map(|ids| {
                    ids.iter()
                        .filter_map(Value::as_str)
                        .map(|id| entity_name(extracted, id))
                        .collect()
                })
                .unwrap_or_default();
            let counts: Vec<String> = event["counts"]
                .as_object()
                .map(|counts| {
                    counts.iter().map(|(role, value)| format!("{role} {value}")).collect()
                })
                .unwrap_or_default();
            writeln!(
                self.out,
                "| {} | {kind} | {} | {} | {} | {} | {} | {} | {} | {} |",
                text(&event, "document"),
                text(&event, "modality"),
                cell(&text(&event["date"], "text")),
                cell(&places.join("; ")),
                cell(&people("actors")),
                cell(&people("targets")),
                counts.join(", "),
                cell(&text(&event["attribution"], "text")),
                cell(&text(&event, "_sentence"))
            )?;
        }
        writeln!(self.out)
    }
}

impl<W: Write> MarkdownSink<W> {
    /// Each story as a brief: sources, a timeline with corroboration, where the sources
    /// disagree, what only one reports, and how each frames it.
    fn stories(&mut self, extracted: &Extracted) -> io::Result<()> {
        writeln!(self.out, "## Stories\n")?;
        if extracted.stories.is_empty() {
            return writeln!(self.out, "None extracted.\n");
        }
        for (n, story) in extracted.stories.iter().enumerate() {
            let title = story.title.as_deref().unwrap_or("(untitled)");
            writeln!(self.out, "### Story {}: {}\n", n + 1, escape(title))?;
            let copies = match story.copies.len() {
                0 => String::new(),
                1 => ", and 1 copy of one of them".to_string(),
                n => format!(", and {n} copies"),
            };
            writeln!(
                self.out,
                "{} report(s) from {} outlet(s): {}{copies}.\n",
                story.documents.len(),
                story.outlets.len(),
                escape(&story.outlets.join(", "))
            )?;
            if !story.events.is_empty() {
                writeln!(self.out, "**Timeline**\n")?;
                // Events two or more outlets report make the timeline; the rest are listed
                // under "Only reported by one source".
                let mut events: Vec<&StoryEventItem> =
                    story.events.iter().filter(|e| e.corroboration > 1).collect();
                let single = story.events.len() - events.len();
                // Dated events in date order, then the undated.
                events
                    .sort_by_key(|e| (e.date.is_none(), e.date.as_ref().map(|d| d.start.clone())));
                for event in events {
                    let when = event.date.as_ref().map_or("undated".to_string(), |d| {
                        if d.start == d.end {
                            d.start.clone()
                        } else {
                            format!("{} to {}", d.start, d.end)
                        }
                    });
                    let what = match event.threatened {
                        Some(act) => format!("{} of {}", event.kind, act).replace('_', " "),
                        None => event.kind.replace('_', " "),
                    };
                    let modality = match event.modality {
                        "reported" => String::new(),
                        other => format!(" ({other})"),
                    };
                    writeln!(
                        self.out,
                        "- {when}: {what}{modality}, reported by {} outlets",
                        event.corroboration
                    )?;
                }
                if single > 0 {
                    writeln!(self.out, "- and {single} event(s) that one outlet alone reports")?;
                }
                writeln!(self.out)?;
            }
            for (kind, heading) in [
                ("conflict", "Sources disagree on"),
                ("unique", "Only reported by one source"),
                ("agreement", "Sources agree on"),
                ("framing", "Framing"),
            ] {
                let items: Vec<_> = story.comparison.iter().filter(|i| i.kind == kind).collect();
                if items.is_empty() {
                    continue;
                }
                writeln!(self.out, "**{heading}**\n")?;
                for item in items {
                    writeln!(self.out, "- *{}*: {}", item.topic, cell(&item.summary))?;
                    if kind == "conflict" {
                        // The dissenting sides first: they are what the reader needs to check.
                        let mut sides: Vec<_> = item.sides.iter().collect();
                        sides.sort_by_key(|side| {
                            item.sides.iter().filter(|other| other.says == side.says).count()
                        });
                        for side in sides.iter().take(SHOWN_SIDES) {
                            writeln!(
                                self.out,
                                "  - {} ({}): {}",
                                cell(&side.outlet),
                                side.document,
                                cell(&side.sentence)
                            )?;
                        }
                        if sides.len() > SHOWN_SIDES {
                            writeln!(self.out, "  - and {} more", sides.len() - SHOWN_SIDES)?;
                        }
                    }
                }
                writeln!(self.out)?;
            }
        }
        Ok(())
    }
}

/// The name of the entity with id `id`, or the id when it is unknown.
fn entity_name(extracted: &Extracted, id: &str) -> String {
    extracted.entities.iter().find(|e| e.id == id).map_or(id.to_string(), |e| e.name.clone())
}

impl<W: Write> Sink for MarkdownSink<W> {
    fn document(&mut self, article: &Article) -> io::Result<()> {
        if self.documents == 0 {
            self.open()?;
        }
        self.documents += 1;
        let title = article.title.as_deref().unwrap_or("(untitled)");
        writeln!(self.out, "### {}. {}\n", self.documents, escape(title))?;
        writeln!(self.out, "| field | value |\n| --- | --- |")?;
        let mut row = |name: &str, value: &str| writeln!(self.out, "| {name} | {} |", cell(value));
        row("id", &article.id)?;
        row("source", &article.source)?;
        if let Some(url) = &article.url {
            row("url", url)?;
        }
        row("format", article.format.as_str())?;
        row("outlet", article.outlet.as_deref().unwrap_or("unknown"))?;
        row(
            "published",
            &article.published.map(model::Published::to_iso).unwrap_or_else(|| "unknown".into()),
        )?;
        row(
            "authors",
            &if article.authors.is_empty() { "unknown".into() } else { article.authors.join(", ") },
        )?;
        row("language", article.language.code())?;
        row("sentences", &article.sentences.len().to_string())?;
        if let Some(duplicate) = &article.duplicate_of {
            let kind = match duplicate.kind {
                DuplicateKind::Exact => "exact copy",
                DuplicateKind::Near => "near copy",
            };
            row(
                "duplicate of",
                &format!("{} ({kind}, similarity {:.2})", duplicate.of, duplicate.similarity),
            )?;
        }
        writeln!(self.out)?;
        for block in &article.blocks {
            let text = escape(article.slice(block.span));
            let repeated = if block.repeated { ", repeated" } else { "" };
            match block.kind {
                BlockKind::Body => writeln!(self.out, "{text}\n")?,
                BlockKind::Headline => writeln!(self.out, "**{text}**\n")?,
                kind => writeln!(
                    self.out,
                    "> *[{}{repeated}]* {text}\n",
                    kind.as_str().replace('_', " ")
                )?,
            }
        }
        Ok(())
    }

    fn extracted(&mut self, extracted: &Extracted) -> io::Result<()> {
        if self.documents == 0 {
            self.open()?;
            writeln!(self.out, "No documents.\n")?;
        }
        self.extracted = true;
        writeln!(self.out, "## Entities\n")?;
        if extracted.entities.is_empty() {
            writeln!(self.out, "None extracted.\n")?;
        } else {
            writeln!(
                self.out,
                "| name | type | aliases | mentions | documents | place |\n| --- | --- | --- | --- | --- | --- |"
            )?;
            for entity in &extracted.entities {
                let mut documents: Vec<&str> = Vec::new();
                for mention in &entity.mentions {
                    if !documents.contains(&&*mention.document) {
                        documents.push(&mention.document);
                    }
                }
                let mut listed =
                    documents.iter().take(LISTED_DOCUMENTS).copied().collect::<Vec<_>>().join(", ");
                if documents.len() > LISTED_DOCUMENTS {
                    listed.push_str(&format!(" and {} more", documents.len() - LISTED_DOCUMENTS));
                }
                let place = entity.place.as_ref().map_or_else(String::new, |place| {
                    format!(
                        "{} ({:.4}, {:.4}; {})",
                        place.admin_path.join(" › "),
                        place.lat,
                        place.lon,
                        place.gazetteer_id
                    )
                });
                writeln!(
                    self.out,
                    "| {} | {} | {} | {} | {listed} | {} |",
                    cell(&entity.name),
                    entity.kind.as_str(),
                    cell(&entity.aliases.join("; ")),
                    entity.mentions.len(),
                    cell(&place)
                )?;
            }
            writeln!(self.out)?;
        }
        writeln!(self.out, "## Relations\n")?;
        if extracted.relations.is_empty() {
            writeln!(self.out, "None extracted.\n")?;
        } else {
            self.relations(extracted)?;
        }
        self.items(extracted)?;
        self.stories(extracted)
    }
    fn finish(&mut self, diagnostics: &[Diagnostic], summary: &Summary) -> io::Result<()> {
        if !self.extracted {
            self.extracted(&Extracted::default())?;
        }

        writeln!(self.out, "## Diagnostics\n")?;
        if diagnostics.is_empty() {
            writeln!(self.out, "None.\n")?;
        } else {
            writeln!(
                self.out,
                "| severity | code | source | message |\n| --- | --- | --- | --- |"
            )?;
            for diagnostic in diagnostics {
                writeln!(
                    self.out,
                    "| {} | {} | {} | {} |",
                    diagnostic.severity.as_str(),
                    diagnostic.code.as_str(),
                    cell(&diagnostic.source),
                    cell(&diagnostic.message)
                )?;
            }
            writeln!(self.out)?;
        }
        writeln!(self.out, "## Summary\n\n{}.", summary.line())?;
        self.out.flush()
    }
}

/// Article text is untrusted: characters that Markdown or HTML would act on are escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (idx, c) in text.char_indices() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '#' | '-' | '+' if idx == 0 => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

fn cell(text: &str) -> String {
    escape(text).replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_in_text_is_inert() {
        assert_eq!(escape("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
        assert_eq!(escape("# not a heading | a*b*"), "\\# not a heading \\| a\\*b\\*");
        assert_eq!(escape("- item"), "\\- item");
    }
}
