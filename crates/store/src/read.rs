//! Reading: documents, items, entities, stories, with keyset pagination on insertion order so
//! that a cursor stays valid while new rows arrive.

use std::collections::HashSet;

use crate::{
    conn::{Conn, Row, Value},
    rows::{
        Counts, DocumentRecord, EntityFilter, EntityRecord, EventFilter, MentionRecord, Page,
        Paged, QuoteFilter, Replay, StoryRecord,
    },
    Error, Result,
};

/// A statement being built, numbering its placeholders in order of appearance.
struct Query {
    sql: String,
    params: Vec<Value>,
}

impl Query {
    fn new(sql: &str) -> Query {
        Query { sql: sql.to_string(), params: Vec::new() }
    }

    /// Appends `clause`, with `?` standing for `value`.
    fn and(&mut self, clause: &str, values: impl IntoIterator<Item = Value>) {
        let mut out = String::new();
        let mut values = values.into_iter();
        for part in clause.split_inclusive('?') {
            match part.strip_suffix('?') {
                Some(head) => {
                    self.params.push(values.next().unwrap_or(Value::Null));
                    out.push_str(head);
                    out.push_str(&format!("${}", self.params.len()));
                }
                None => out.push_str(part),
            }
        }
        self.sql.push_str(" AND ");
        self.sql.push_str(&out);
    }

    /// Runs the query for one page; `seq` must be the first column.
    fn page(
        mut self,
        conn: &mut dyn Conn,
        page: &Page,
        seq: &str,
    ) -> Result<(Vec<Row>, Option<String>)> {
        if let Some(after) = after(page)? {
            self.and(&format!("{seq} > ?"), [Value::Int(after)]);
        }
        let size = page.size();
        self.params.push(Value::Int(size as i64 + 1));
        self.sql.push_str(&format!(" ORDER BY {seq} LIMIT ${}", self.params.len()));
        let mut rows = conn.query(&self.sql, &self.params)?;
        let next = if rows.len() > size {
            rows.truncate(size);
            rows.last().and_then(|row| row[0].as_int()).map(|seq| format!("s{seq}"))
        } else {
            None
        };
        Ok((rows, next))
    }
}

/// The row number a page's cursor continues after; a cursor that is not one is an error.
fn after(page: &Page) -> Result<Option<i64>> {
    let Some(cursor) = &page.cursor else { return Ok(None) };
    let after = cursor.strip_prefix('s').and_then(|n| n.parse::<i64>().ok());
    after.map(Some).ok_or_else(|| Error::Cursor(cursor.clone()))
}

fn text(row: &mut std::vec::IntoIter<Value>) -> String {
    row.next().and_then(Value::into_text).unwrap_or_default()
}

fn opt(row: &mut std::vec::IntoIter<Value>) -> Option<String> {
    row.next().and_then(Value::into_text)
}

const DOCUMENT_COLUMNS: &str = "seq, id, version, current, superseded_by, source, url, outlet, title, published, language, ingested_at";

fn document_record(row: Row, body: bool) -> DocumentRecord {
    let mut row = row.into_iter();
    row.next();
    DocumentRecord {
        id: text(&mut row),
        version: row.next().and_then(|v| v.as_int()).unwrap_or(1),
        current: row.next().and_then(|v| v.as_int()) == Some(1),
        superseded_by: opt(&mut row),
        source: text(&mut row),
        url: opt(&mut row),
        outlet: opt(&mut row),
        title: opt(&mut row),
        published: opt(&mut row),
        language: text(&mut row),
        ingested_at: text(&mut row),
        body: if body { text(&mut row) } else { String::new() },
    }
}

pub(crate) fn document(
    conn: &mut dyn Conn,
    id: &str,
    body: bool,
) -> Result<Option<DocumentRecord>> {
    let sql = if body {
        format!("SELECT {DOCUMENT_COLUMNS}, body FROM documents WHERE id = $1")
    } else {
        format!("SELECT {DOCUMENT_COLUMNS} FROM documents WHERE id = $1")
    };
    let rows = conn.query(&sql, &[Value::text(id)])?;
    Ok(rows.into_iter().next().map(|row| document_record(row, body)))
}

pub(crate) fn documents(
    conn: &mut dyn Conn,
    outlet: Option<&str>,
    page: &Page,
) -> Result<Paged<DocumentRecord>> {
    let mut query =
        Query::new(&format!("SELECT {DOCUMENT_COLUMNS} FROM documents WHERE current = 1"));
    if let Some(outlet) = outlet {
        query.and("outlet = ?", [Value::text(outlet)]);
    }
    let (rows, next) = query.page(conn, page, "seq")?;
    Ok(Paged { items: rows.into_iter().map(|row| document_record(row, false)).collect(), next })
}

/// The JSON bodies of one table's rows for a document, in order.
pub(crate) fn bodies(conn: &mut dyn Conn, table: Table, document: &str) -> Result<Vec<String>> {
    let (sql, params) = match table {
        Table::Quotes => ("SELECT body FROM quotes WHERE document = $1 ORDER BY seq", vec![]),
        Table::Events => ("SELECT body FROM events WHERE document = $1 ORDER BY seq", vec![]),
        Table::Relations => ("SELECT body FROM relations WHERE document = $1 ORDER BY seq", vec![]),
        Table::Quantities => (
            "SELECT body FROM items WHERE document = $1 AND kind = $2 ORDER BY seq",
            vec![Value::text("quantity")],
        ),
        Table::Dates => (
            "SELECT body FROM items WHERE document = $1 AND kind = $2 ORDER BY seq",
            vec![Value::text("date")],
        ),
    };
    let mut all = vec![Value::text(document)];
    all.extend(params);
    Ok(conn
        .query(sql, &all)?
        .into_iter()
        .filter_map(|row| row.into_iter().next()?.into_text())
        .collect())
}

/// Per-document tables whose rows are JSON bodies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    /// Quotes.
    Quotes,
    /// Events.
    Events,
    /// Relations.
    Relations,
    /// Quantities.
    Quantities,
    /// Dates.
    Dates,
}

pub(crate) fn mentions_in(conn: &mut dyn Conn, document: &str) -> Result<Vec<MentionRecord>> {
    let rows = conn.query(
        "SELECT seq, document, entity, start_at, end_at FROM mentions WHERE document = $1 ORDER BY seq",
        &[Value::text(document)],
    )?;
    Ok(rows.into_iter().map(mention_record).collect())
}

fn mention_record(row: Row) -> MentionRecord {
    let mut row = row.into_iter();
    row.next();
    MentionRecord {
        document: text(&mut row),
        entity: text(&mut row),
        start: row.next().and_then(|v| v.as_int()).unwrap_or(0) as usize,
        end: row.next().and_then(|v| v.as_int()).unwrap_or(0) as usize,
    }
}

/// The filter's clauses on events `e`.
/// Which entity filter a query already applies by reading that entity's rows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Driven {
    Actor,
    Place,
}

fn event_filter(query: &mut Query, filter: &EventFilter, driven: Option<Driven>) {
    if let Some(kind) = &filter.kind {
        query.and("e.type = ?", [Value::text(kind)]);
    }
    if let Some(modality) = &filter.modality {
        query.and("e.modality = ?", [Value::text(modality)]);
    }
    if let Some(since) = &filter.since {
        query.and("e.date_end >= ?", [Value::text(since)]);
    }
    if let Some(until) = &filter.until {
        query.and("e.date_start <= ?", [Value::text(until)]);
    }
    if let Some(document) = &filter.document {
        query.and("e.document = ?", [Value::text(document)]);
    }
    // Driven from the entity's index rows, so that a rare entity does not scan every event;
    // `events` reads its driving entity's rows itself.
    if let Some(actor) = filter.actor.as_ref().filter(|_| driven.is_none()) {
        query.and(
            "e.id IN (SELECT y.event FROM event_entities y WHERE y.entity = ? AND y.role IN ('actor', 'target'))",
            [Value::text(actor)],
        );
    }
    if let Some(place) = filter.place.as_ref().filter(|_| driven != Some(Driven::Place)) {
        query.and(
            "e.id IN (SELECT y.event FROM event_entities y WHERE y.entity = ? AND y.role = 'place')",
            [Value::text(place)],
        );
    }
    if let Some([west, south, east, north]) = filter.bbox {
        // A box whose west edge lies east of its east edge crosses the antimeridian.
        let join = if west <= east { "AND" } else { "OR" };
        query.and(
            &format!("EXISTS (SELECT 1 FROM event_entities x JOIN entities p ON p.id = x.entity WHERE x.event = e.id AND x.role = 'place' AND (p.lon >= ? {join} p.lon <= ?) AND p.lat >= ? AND p.lat <= ?)"),
            [Value::Real(west), Value::Real(east), Value::Real(south), Value::Real(north)],
        );
    }
}

pub(crate) fn events(
    conn: &mut dyn Conn,
    filter: &EventFilter,
    page: &Page,
) -> Result<Paged<String>> {
    // An entity's events are read from its own index rows in storage order, so that a page of a
    // much-reported entity stops after its rows and a rare one does not scan every event.
    let driving = match (&filter.actor, &filter.place) {
        (Some(actor), _) => Some((actor, "x.role IN ('actor', 'target')", Driven::Actor)),
        (None, Some(place)) => Some((place, "x.role = 'place'", Driven::Place)),
        (None, None) => None,
    };
    // A bad cursor is refused even where no query runs.
    after(page)?;
    if let Some((entity, roles, _)) = driving {
        // Walking an entity's rows in order to find roles it never has would read all of them
        // (an organisation named in thousands of reports, in no event): ask its role index first.
        let probe =
            format!("SELECT 1 FROM event_entities x WHERE x.entity = $1 AND {roles} LIMIT 1");
        if conn.query(&probe, &[Value::text(entity)])?.is_empty() {
            return Ok(Paged { items: Vec::new(), next: None });
        }
    }
    let (mut query, seq) = match driving {
        Some((entity, roles, _)) => {
            let mut query = Query::new(
                "SELECT x.event_seq, e.body FROM event_entities x JOIN events e ON e.seq = x.event_seq JOIN documents d ON d.id = e.document WHERE d.current = 1",
            );
            query.and("x.entity = ?", [Value::text(entity)]);
            query.and(roles, []);
            (query, "x.event_seq")
        }
        None => (
            Query::new(
                "SELECT e.seq, e.body FROM events e JOIN documents d ON d.id = e.document WHERE d.current = 1",
            ),
            "e.seq",
        ),
    };
    event_filter(&mut query, filter, driving.map(|(_, _, by)| by));
    let (rows, next) = query.page(conn, page, seq)?;
    // An entity both actor and target of one event has two rows, next to each other.
    let mut items: Vec<String> = Vec::with_capacity(rows.len());
    let mut last = None;
    for row in rows {
        let at = row[0].as_int();
        if at.is_some() && at == last {
            continue;
        }
        last = at;
        if let Some(body) = row.into_iter().nth(1).and_then(Value::into_text) {
            items.push(body);
        }
    }
    Ok(Paged { items, next })
}

pub(crate) fn quotes(
    conn: &mut dyn Conn,
    filter: &QuoteFilter,
    page: &Page,
) -> Result<Paged<String>> {
    let mut query = Query::new(
        "SELECT q.seq, q.body FROM quotes q JOIN documents d ON d.id = q.document WHERE d.current = 1",
    );
    if let Some(speaker) = &filter.speaker {
        query.and("q.speaker_entity = ?", [Value::text(speaker)]);
    }
    if let Some(document) = &filter.document {
        query.and("q.document = ?", [Value::text(document)]);
    }
    if let Some(kind) = &filter.kind {
        query.and("q.kind = ?", [Value::text(kind)]);
    }
    let (rows, next) = query.page(conn, page, "q.seq")?;
    Ok(Paged {
        items: rows.into_iter().filter_map(|row| row.into_iter().nth(1)?.into_text()).collect(),
        next,
    })
}

const ENTITY_COLUMNS: &str = "seq, id, name, type, kb_id, aliases, place, lat, lon, mention_count";

fn entity_record(row: Row) -> Result<EntityRecord> {
    let mut row = row.into_iter();
    row.next();
    let id = text(&mut row);
    let name = text(&mut row);
    let kind = text(&mut row);
    let kb_id = opt(&mut row);
    let aliases = serde_json::from_str(&text(&mut row))
        .map_err(|err| Error::Corrupt { table: "entities", reason: err.to_string() })?;
    Ok(EntityRecord {
        id,
        name,
        kind,
        kb_id,
        aliases,
        place: opt(&mut row),
        lat: row.next().and_then(|v| v.as_real()),
        lon: row.next().and_then(|v| v.as_real()),
        mentions: row.next().and_then(|v| v.as_int()).unwrap_or(0),
    })
}

pub(crate) fn entity(conn: &mut dyn Conn, id: &str) -> Result<Option<EntityRecord>> {
    let sql = format!("SELECT {ENTITY_COLUMNS} FROM entities WHERE id = $1");
    conn.query(&sql, &[Value::text(id)])?.into_iter().next().map(entity_record).transpose()
}

pub(crate) fn entities(
    conn: &mut dyn Conn,
    filter: &EntityFilter,
    page: &Page,
) -> Result<Paged<EntityRecord>> {
    let mut query = Query::new(&format!("SELECT {ENTITY_COLUMNS} FROM entities WHERE 1 = 1"));
    if let Some(kind) = &filter.kind {
        query.and("type = ?", [Value::text(kind)]);
    }
    let (rows, next) = query.page(conn, page, "seq")?;
    Ok(Paged { items: rows.into_iter().map(entity_record).collect::<Result<_>>()?, next })
}

pub(crate) fn mentions(
    conn: &mut dyn Conn,
    entity: &str,
    page: &Page,
) -> Result<Paged<MentionRecord>> {
    let mut query =
        Query::new("SELECT seq, document, entity, start_at, end_at FROM mentions WHERE 1 = 1");
    query.and("entity = ?", [Value::text(entity)]);
    let (rows, next) = query.page(conn, page, "seq")?;
    Ok(Paged { items: rows.into_iter().map(mention_record).collect(), next })
}

/// Relations with the entity as subject or object, as JSON bodies.
pub(crate) fn relations_of(conn: &mut dyn Conn, entity: &str) -> Result<Vec<String>> {
    let rows = conn.query(
        "SELECT body FROM relations WHERE subject = $1 OR object = $1 ORDER BY seq LIMIT 500",
        &[Value::text(entity)],
    )?;
    Ok(rows.into_iter().filter_map(|row| row.into_iter().next()?.into_text()).collect())
}

const STORY_COLUMNS: &str = "seq, id, title, reports, first_date, last_date, updated_at";

fn story_record(row: Row, body: bool) -> StoryRecord {
    let mut row = row.into_iter();
    row.next();
    StoryRecord {
        id: text(&mut row),
        title: opt(&mut row),
        reports: row.next().and_then(|v| v.as_int()).unwrap_or(0),
        first_date: opt(&mut row),
        last_date: opt(&mut row),
        updated_at: text(&mut row),
        body: if body { text(&mut row) } else { String::new() },
    }
}

pub(crate) fn story(conn: &mut dyn Conn, id: &str) -> Result<Option<StoryRecord>> {
    let sql = format!("SELECT {STORY_COLUMNS}, body FROM stories WHERE id = $1");
    Ok(conn.query(&sql, &[Value::text(id)])?.into_iter().next().map(|row| story_record(row, true)))
}

pub(crate) fn stories(conn: &mut dyn Conn, page: &Page) -> Result<Paged<StoryRecord>> {
    let query = Query::new(&format!("SELECT {STORY_COLUMNS} FROM stories WHERE 1 = 1"));
    let (rows, next) = query.page(conn, page, "seq")?;
    Ok(Paged { items: rows.into_iter().map(|row| story_record(row, false)).collect(), next })
}

/// A story's reports in story order, as summaries.
pub(crate) fn story_documents(
    conn: &mut dyn Conn,
    story: &str,
    page: &Page,
) -> Result<Paged<DocumentRecord>> {
    let columns = DOCUMENT_COLUMNS.replacen("seq", "m.position", 1).replace(", ", ", d.");
    let mut query = Query::new(&format!(
        "SELECT {columns} FROM story_members m JOIN documents d ON d.id = m.document WHERE m.position >= 0"
    ));
    query.and("m.story = ?", [Value::text(story)]);
    let (rows, next) = query.page(conn, page, "m.position")?;
    Ok(Paged { items: rows.into_iter().map(|row| document_record(row, false)).collect(), next })
}

pub(crate) fn stories_of(conn: &mut dyn Conn, document: &str) -> Result<Vec<String>> {
    let rows = conn.query(
        "SELECT story FROM story_members WHERE document = $1 ORDER BY story",
        &[Value::text(document)],
    )?;
    Ok(rows.into_iter().filter_map(|row| row.into_iter().next()?.into_text()).collect())
}

pub(crate) fn counts(conn: &mut dyn Conn) -> Result<Counts> {
    let mut count = |table: &str| -> Result<i64> {
        let rows = conn.query(&format!("SELECT COUNT(*) FROM {table}"), &[])?;
        Ok(rows.first().and_then(|row| row[0].as_int()).unwrap_or(0))
    };
    Ok(Counts {
        documents: count("documents")?,
        entities: count("entities")?,
        events: count("events")?,
        quotes: count("quotes")?,
        stories: count("stories")?,
    })
}

/// Which of `ids` are stored.
pub(crate) fn known(conn: &mut dyn Conn, ids: &[String]) -> Result<HashSet<String>> {
    let mut found = HashSet::new();
    for id in ids {
        if !conn.query("SELECT 1 FROM documents WHERE id = $1", &[Value::text(id)])?.is_empty() {
            found.insert(id.clone());
        }
    }
    Ok(found)
}

/// The sequence number of the last document stored, 0 when there is none.
pub(crate) fn last_document(conn: &mut dyn Conn) -> Result<i64> {
    let rows = conn.query("SELECT COALESCE(MAX(seq), 0) FROM documents", &[])?;
    Ok(rows.first().and_then(|row| row.first()).and_then(Value::as_int).unwrap_or(0))
}

/// Up to `limit` documents stored after `after`, in order, with what the next run replays.
pub(crate) fn replay(conn: &mut dyn Conn, after: i64, limit: usize) -> Result<Vec<(i64, Replay)>> {
    let rows = conn.query(
        "SELECT seq, id, current, sketch, signature FROM documents WHERE seq > $1 ORDER BY seq LIMIT $2",
        &[Value::Int(after), Value::Int(limit as i64)],
    )?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let mut row = row.into_iter();
            let seq = row.next().and_then(|v| v.as_int()).unwrap_or(0);
            let id = text(&mut row);
            let current = row.next().and_then(|v| v.as_int()) == Some(1);
            (seq, Replay { id, current, sketch: opt(&mut row), signature: opt(&mut row) })
        })
        .collect())
}

/// Events at geocoded places, newest first, at most `limit`.
pub(crate) fn event_points(
    conn: &mut dyn Conn,
    filter: &EventFilter,
    limit: usize,
) -> Result<Vec<crate::rows::EventPoint>> {
    let mut query = Query::new(
        "SELECT e.id, e.type, e.date_start, p.id, p.name, p.lat, p.lon, e.document FROM events e \
         JOIN documents d ON d.id = e.document \
         JOIN event_entities x ON x.event = e.id AND x.role = 'place' \
         JOIN entities p ON p.id = x.entity \
         WHERE d.current = 1 AND p.lat IS NOT NULL",
    );
    event_filter(&mut query, filter, None);
    query.params.push(Value::Int(limit as i64));
    query.sql.push_str(&format!(" ORDER BY e.seq DESC LIMIT ${}", query.params.len()));
    let rows = conn.query(&query.sql, &query.params)?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let mut row = row.into_iter();
            crate::rows::EventPoint {
                event: text(&mut row),
                kind: text(&mut row),
                date: opt(&mut row),
                place: text(&mut row),
                name: text(&mut row),
                lat: row.next().and_then(|v| v.as_real()).unwrap_or(0.0),
                lon: row.next().and_then(|v| v.as_real()).unwrap_or(0.0),
                document: text(&mut row),
            }
        })
        .collect())
}

/// Type, first day and first place name of every dated event matching the filter.
pub(crate) fn trend_rows(
    conn: &mut dyn Conn,
    filter: &EventFilter,
) -> Result<Vec<(String, String, Option<String>)>> {
    let mut query = Query::new(
        "SELECT e.type, e.date_start, (SELECT p.name FROM event_entities x JOIN entities p ON p.id = x.entity \
         WHERE x.event = e.id AND x.role = 'place' ORDER BY p.seq LIMIT 1) \
         FROM events e JOIN documents d ON d.id = e.document WHERE d.current = 1 AND e.date_start IS NOT NULL",
    );
    event_filter(&mut query, filter, None);
    query.sql.push_str(" ORDER BY e.seq");
    let rows = conn.query(&query.sql, &query.params)?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let mut row = row.into_iter();
            (text(&mut row), text(&mut row), opt(&mut row))
        })
        .collect())
}

pub(crate) fn add_token(conn: &mut dyn Conn, name: &str, hash: &str, now: &str) -> Result<()> {
    conn.exec(
        "INSERT INTO tokens (name, hash, created_at) VALUES ($1, $2, $3)",
        &[Value::text(name), Value::text(hash), Value::text(now)],
    )?;
    Ok(())
}

pub(crate) fn remove_token(conn: &mut dyn Conn, name: &str) -> Result<bool> {
    Ok(conn.exec("DELETE FROM tokens WHERE name = $1", &[Value::text(name)])? > 0)
}

pub(crate) fn token_name(conn: &mut dyn Conn, hash: &str) -> Result<Option<String>> {
    let rows = conn.query("SELECT name FROM tokens WHERE hash = $1", &[Value::text(hash)])?;
    Ok(rows.into_iter().next().and_then(|row| row.into_iter().next()?.into_text()))
}

pub(crate) fn has_tokens(conn: &mut dyn Conn) -> Result<bool> {
    Ok(!conn.query("SELECT 1 FROM tokens LIMIT 1", &[])?.is_empty())
}
