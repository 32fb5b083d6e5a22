//! Writing a batch: documents, their items and entities, and the stories they changed, in one
//! transaction, so that a crash leaves either all of a batch or none of it.

use std::borrow::Cow;

use crate::{
    conn::{transaction, Conn, Value},
    rows::{Batch, EntityRow, NewDocument, Outcome, SearchKind, StoryRow},
    search, Error, Result,
};

/// A change to the full-text index, held back to the end of the batch: FTS5 writes out what
/// it has pending at every statement savepoint, so interleaving its rows with multi-row inserts
/// made one tiny index segment per row.
enum SearchChange<'a> {
    Index {
        kind: SearchKind,
        id: &'a str,
        document: Option<&'a str>,
        label: Cow<'a, str>,
        text: Cow<'a, str>,
    },
    Unindex {
        kind: SearchKind,
        id: Cow<'a, str>,
    },
}

impl SearchChange<'_> {
    fn apply(&self, conn: &mut dyn Conn) -> Result<()> {
        match self {
            SearchChange::Index { kind, id, document, label, text } => {
                search::index(conn, *kind, id, *document, label, text)
            }
            SearchChange::Unindex { kind, id } => search::unindex(conn, *kind, id),
        }
    }
}

pub(crate) fn write(conn: &mut dyn Conn, batch: &Batch, now: &str) -> Result<Vec<Outcome>> {
    transaction(conn, |conn| {
        let mut outcomes = Vec::with_capacity(batch.documents.len());
        let mut pending = Vec::new();
        for document in &batch.documents {
            outcomes.push(document_row(conn, document, now, &mut pending)?);
        }
        for id in &batch.removed_stories {
            conn.exec("DELETE FROM story_members WHERE story = $1", &[Value::text(id)])?;
            conn.exec("DELETE FROM stories WHERE id = $1", &[Value::text(id)])?;
        }
        for story in &batch.stories {
            story_row(conn, story, now)?;
        }
        for change in &pending {
            change.apply(conn)?;
        }
        Ok(outcomes)
    })
}

fn document_row<'a>(
    conn: &mut dyn Conn,
    doc: &'a NewDocument,
    now: &str,
    pending: &mut Vec<SearchChange<'a>>,
) -> Result<Outcome> {
    let id = Value::text(&doc.id);
    if !conn.query("SELECT 1 FROM documents WHERE id = $1", std::slice::from_ref(&id))?.is_empty() {
        return Ok(Outcome::Unchanged);
    }
    let previous = conn.query(
        "SELECT id, version FROM documents WHERE lineage = $1 AND current = 1",
        &[Value::text(&doc.lineage)],
    )?;
    let (outcome, version) = match previous.into_iter().next() {
        Some(row) => {
            let of = row[0].clone().into_text().unwrap_or_default();
            let version = row[1].as_int().unwrap_or(1) + 1;
            conn.exec(
                "UPDATE documents SET current = 0, superseded_by = $1 WHERE id = $2",
                &[id.clone(), Value::text(&of)],
            )?;
            pending
                .push(SearchChange::Unindex { kind: SearchKind::Article, id: of.clone().into() });
            (Outcome::Version { of, version }, version)
        }
        None => (Outcome::New, 1),
    };
    conn.exec(
        "INSERT INTO documents (id, lineage, version, current, source, url, outlet, title, published, language, body, sketch, signature, ingested_at) VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
        &[
            id.clone(),
            Value::text(&doc.lineage),
            Value::Int(version),
            Value::text(&doc.source),
            Value::opt_text(doc.url.as_deref()),
            Value::opt_text(doc.outlet.as_deref()),
            Value::opt_text(doc.title.as_deref()),
            Value::opt_text(doc.published.as_deref()),
            Value::text(&doc.language),
            Value::text(&doc.body),
            Value::opt_text(doc.sketch.as_deref()),
            Value::opt_text(doc.signature.as_deref()),
            Value::text(now),
        ],
    )?;
    let title = doc.title.as_deref().unwrap_or_default();
    pending.push(SearchChange::Index {
        kind: SearchKind::Article,
        id: &doc.id,
        document: Some(&doc.id),
        label: title.into(),
        text: doc.text.as_str().into(),
    });
    for entity in &doc.entities {
        entity_row(conn, entity, pending)?;
    }
    // One statement per entity and per run of rows, not per mention: statements, not bytes,
    // were most of a batch's writing time.
    let mut counts: Vec<(&str, i64)> = Vec::new();
    for mention in &doc.mentions {
        match counts.iter_mut().find(|(entity, _)| *entity == mention.entity) {
            Some((_, count)) => *count += 1,
            None => counts.push((&mention.entity, 1)),
        }
    }
    for (entity, count) in counts {
        conn.exec(
            "UPDATE entities SET mention_count = mention_count + $1 WHERE id = $2",
            &[Value::Int(count), Value::text(entity)],
        )?;
    }
    insert_rows(
        conn,
        "mentions (document, entity, start_at, end_at)",
        doc.mentions.iter().map(|mention| {
            [
                id.clone(),
                Value::text(&mention.entity),
                Value::Int(mention.start as i64),
                Value::Int(mention.end as i64),
            ]
        }),
    )?;
    for relation in &doc.relations {
        conn.exec(
            "INSERT INTO relations (document, type, subject, object, modality, body) VALUES ($1, $2, $3, $4, $5, $6)",
            &[
                id.clone(),
                Value::text(&relation.kind),
                Value::text(&relation.subject),
                Value::text(&relation.object),
                Value::text(&relation.modality),
                Value::text(&relation.body),
            ],
        )?;
    }
    for quote in &doc.quotes {
        conn.exec(
            "INSERT INTO quotes (id, document, kind, speaker_entity, speaker, body) VALUES ($1, $2, $3, $4, $5, $6)",
            &[
                Value::text(&quote.id),
                id.clone(),
                Value::text(&quote.kind),
                Value::opt_text(quote.speaker_entity.as_deref()),
                Value::text(&quote.speaker),
                Value::text(&quote.body),
            ],
        )?;
        if quote.kind != "scare" {
            let terms = format!("{}\n{}", quote.text, quote.speaker);
            pending.push(SearchChange::Index {
                kind: SearchKind::Quote,
                id: &quote.id,
                document: Some(&doc.id),
                label: quote.text.as_str().into(),
                text: terms.into(),
            });
        }
    }
    for event in &doc.events {
        conn.exec(
            "INSERT INTO events (id, document, type, modality, date_start, date_end, body) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &[
                Value::text(&event.id),
                id.clone(),
                Value::text(&event.kind),
                Value::text(&event.modality),
                Value::opt_text(event.date_start.as_deref()),
                Value::opt_text(event.date_end.as_deref()),
                Value::text(&event.body),
            ],
        )?;
        for (entity, role) in &event.entities {
            conn.exec(
                "INSERT INTO event_entities (event, entity, role, event_seq) VALUES ($1, $2, $3, (SELECT seq FROM events WHERE id = $1))",
                &[Value::text(&event.id), Value::text(entity), Value::text(*role)],
            )?;
        }
    }
    insert_rows(
        conn,
        "items (document, kind, body)",
        doc.items.iter().map(|item| [id.clone(), Value::text(item.kind), Value::text(&item.body)]),
    )?;
    Ok(outcome)
}

/// Rows inserted in order, up to `ROWS` a statement; `into` names the table and its columns.
fn insert_rows<const N: usize>(
    conn: &mut dyn Conn,
    into: &str,
    rows: impl Iterator<Item = [Value; N]>,
) -> Result<()> {
    const ROWS: usize = 64;
    let mut rows = rows.peekable();
    while rows.peek().is_some() {
        let chunk: Vec<Value> = rows.by_ref().take(ROWS).flatten().collect();
        let mut sql = format!("INSERT INTO {into} VALUES ");
        for row in 0..chunk.len() / N {
            sql.push_str(if row == 0 { "(" } else { ", (" });
            for column in 0..N {
                if column > 0 {
                    sql.push_str(", ");
                }
                sql.push_str(&format!("${}", row * N + column + 1));
            }
            sql.push(')');
        }
        conn.exec(&sql, &chunk)?;
    }
    Ok(())
}

/// Merges one document's view of an entity into the stored one, as the report's entity index
/// does: the knowledge base name stays, otherwise the longest name wins; aliases accumulate.
fn entity_row<'a>(
    conn: &mut dyn Conn,
    entity: &'a EntityRow,
    pending: &mut Vec<SearchChange<'a>>,
) -> Result<()> {
    let found = conn.query(
        "SELECT name, kb_id, aliases, place FROM entities WHERE id = $1",
        &[Value::text(&entity.id)],
    )?;
    let Some(row) = found.into_iter().next() else {
        let aliases = serde_json::to_string(&entity.aliases).unwrap_or_default();
        conn.exec(
            "INSERT INTO entities (id, name, type, kb_id, aliases, place, lat, lon) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            &[
                Value::text(&entity.id),
                Value::text(&entity.name),
                Value::text(&entity.kind),
                Value::opt_text(entity.kb_id.as_deref()),
                Value::text(aliases),
                Value::opt_text(entity.place.as_deref()),
                Value::opt_real(entity.lat),
                Value::opt_real(entity.lon),
            ],
        )?;
        let terms = search::entity_terms(&entity.name, &entity.aliases);
        pending.push(SearchChange::Index {
            kind: SearchKind::Entity,
            id: &entity.id,
            document: None,
            label: entity.name.as_str().into(),
            text: terms.into(),
        });
        return Ok(());
    };
    let mut row = row.into_iter();
    let mut name = row.next().and_then(Value::into_text).unwrap_or_default();
    let kb_id = row.next().and_then(Value::into_text);
    let mut aliases: Vec<String> =
        serde_json::from_str(&row.next().and_then(Value::into_text).unwrap_or_default())
            .map_err(|err| Error::Corrupt { table: "entities", reason: err.to_string() })?;
    let had_place = row.next().and_then(Value::into_text).is_some();
    let mut changed = false;
    if kb_id.is_none() && entity.name.chars().count() > name.chars().count() {
        name.clone_from(&entity.name);
        changed = true;
    }
    for alias in &entity.aliases {
        if !aliases.contains(alias) {
            aliases.push(alias.clone());
            changed = true;
        }
    }
    if !had_place && entity.place.is_some() {
        conn.exec(
            "UPDATE entities SET place = $1, lat = $2, lon = $3 WHERE id = $4",
            &[
                Value::opt_text(entity.place.as_deref()),
                Value::opt_real(entity.lat),
                Value::opt_real(entity.lon),
                Value::text(&entity.id),
            ],
        )?;
    }
    if changed {
        conn.exec(
            "UPDATE entities SET name = $1, aliases = $2 WHERE id = $3",
            &[
                Value::text(&name),
                Value::text(serde_json::to_string(&aliases).unwrap_or_default()),
                Value::text(&entity.id),
            ],
        )?;
        pending.push(SearchChange::Unindex {
            kind: SearchKind::Entity,
            id: entity.id.as_str().into(),
        });
        let text = search::entity_terms(&name, &aliases).into();
        pending.push(SearchChange::Index {
            kind: SearchKind::Entity,
            id: &entity.id,
            document: None,
            label: name.into(),
            text,
        });
    }
    Ok(())
}

fn story_row(conn: &mut dyn Conn, story: &StoryRow, now: &str) -> Result<()> {
    let id = Value::text(&story.id);
    let values = [
        id.clone(),
        Value::opt_text(story.title.as_deref()),
        Value::Int(story.documents.len() as i64),
        Value::opt_text(story.first_date.as_deref()),
        Value::opt_text(story.last_date.as_deref()),
        Value::text(&story.body),
        Value::text(now),
    ];
    // An update keeps the story's place in listings.
    conn.exec(
        "INSERT INTO stories (id, title, reports, first_date, last_date, body, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, reports = excluded.reports, first_date = excluded.first_date, last_date = excluded.last_date, body = excluded.body, updated_at = excluded.updated_at",
        &values,
    )?;
    // A story mostly grows at its end: keep the rows of a stored list that is a prefix of the
    // new one, so a story of thousands of reports costs only its new members.
    let stored = conn.query(
        "SELECT document FROM story_members WHERE story = $1 ORDER BY position",
        std::slice::from_ref(&id),
    )?;
    let prefix = stored.len() <= story.documents.len()
        && stored.iter().zip(&story.documents).all(|(row, document)| {
            matches!(row.first(), Some(Value::Text(stored)) if stored == document)
        });
    let keep = if prefix {
        stored.len()
    } else {
        conn.exec("DELETE FROM story_members WHERE story = $1", std::slice::from_ref(&id))?;
        0
    };
    for (position, document) in story.documents.iter().enumerate().skip(keep) {
        conn.exec(
            "INSERT INTO story_members (story, document, position) VALUES ($1, $2, $3)",
            &[id.clone(), Value::text(document), Value::Int(position as i64)],
        )?;
    }
    Ok(())
}
