//! Full-text search: FTS5 in SQLite, a `tsvector` with a GIN index in PostgreSQL.
//!
//! Text is folded here (lowercase, accents dropped, punctuation as spaces) before it is
//! indexed or searched, so "Policía" finds "policia" and both backends give the same matches.

use crate::{
    conn::{Conn, Dialect, Value},
    rank,
    rows::{Hit, Page, Paged, SearchKind},
    Error, Result,
};

/// Lowercase words without accents, separated by single spaces.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    let mut push = |c: char| {
        if unicode_normalization::char::is_combining_mark(c) {
            return;
        }
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    };
    // Each character is decomposed on its own: the marks that canonical ordering would move
    // are all dropped, so this gives what NFD of the whole text gives, and ASCII skips it.
    for c in text.chars() {
        if c.is_ascii() {
            push(c);
        } else {
            unicode_normalization::char::decompose_canonical(c, &mut push);
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Adds one searchable row.
pub(crate) fn index(
    conn: &mut dyn Conn,
    kind: SearchKind,
    id: &str,
    document: Option<&str>,
    label: &str,
    text: &str,
) -> Result<()> {
    insert(conn, kind, id, document, label, text)?;
    if conn.dialect() == Dialect::Sqlite {
        conn.exec(
            "INSERT INTO search_refs (kind, ref, row) VALUES ($1, $2, last_insert_rowid())",
            &[Value::text(kind.as_str()), Value::text(id)],
        )?;
    }
    Ok(())
}

/// The full-text row alone, as schema version 2 had it: its backfill runs before
/// `search_refs` exists, and version 5 fills that table from what is indexed.
fn insert(
    conn: &mut dyn Conn,
    kind: SearchKind,
    id: &str,
    document: Option<&str>,
    label: &str,
    text: &str,
) -> Result<()> {
    conn.exec(
        "INSERT INTO search (terms, kind, ref, document, label) VALUES ($1, $2, $3, $4, $5)",
        &[
            Value::text(fold(text)),
            Value::text(kind.as_str()),
            Value::text(id),
            Value::opt_text(document),
            Value::text(label),
        ],
    )?;
    Ok(())
}

/// Removes the searchable rows of one item.
pub(crate) fn unindex(conn: &mut dyn Conn, kind: SearchKind, id: &str) -> Result<()> {
    let key = [Value::text(kind.as_str()), Value::text(id)];
    match conn.dialect() {
        Dialect::Sqlite => {
            let rows =
                conn.query("SELECT row FROM search_refs WHERE kind = $1 AND ref = $2", &key)?;
            for row in rows {
                let rowid = row.into_iter().next().and_then(|v| v.as_int()).unwrap_or(-1);
                conn.exec("DELETE FROM search WHERE rowid = $1", &[Value::Int(rowid)])?;
            }
            conn.exec("DELETE FROM search_refs WHERE kind = $1 AND ref = $2", &key)?;
        }
        Dialect::Postgres => {
            conn.exec("DELETE FROM search WHERE kind = $1 AND ref = $2", &key)?;
        }
    }
    Ok(())
}

/// The entity's searchable text: its name and every alias.
pub(crate) fn entity_terms(name: &str, aliases: &[String]) -> String {
    let mut text = name.to_string();
    for alias in aliases {
        text.push(' ');
        text.push_str(alias);
    }
    text
}

/// Indexes what a version 1 database already holds, when search arrives with version 2.
pub(crate) fn backfill(conn: &mut dyn Conn) -> Result<()> {
    let corrupt = |table, err: serde_json::Error| Error::Corrupt { table, reason: err.to_string() };
    for row in
        conn.query("SELECT id, title, body FROM documents WHERE current = 1 ORDER BY seq", &[])?
    {
        let mut row = row.into_iter();
        let id = row.next().and_then(Value::into_text).unwrap_or_default();
        let title = row.next().and_then(Value::into_text).unwrap_or_default();
        let body = row.next().and_then(Value::into_text).unwrap_or_default();
        let body: serde_json::Value =
            serde_json::from_str(&body).map_err(|err| corrupt("documents", err))?;
        let text = body.get("text").and_then(|t| t.as_str()).unwrap_or_default();
        insert(conn, SearchKind::Article, &id, Some(&id), &title, &format!("{title}\n{text}"))?;
    }
    for row in conn.query("SELECT id, document, speaker, body FROM quotes ORDER BY seq", &[])? {
        let mut row = row.into_iter();
        let id = row.next().and_then(Value::into_text).unwrap_or_default();
        let document = row.next().and_then(Value::into_text).unwrap_or_default();
        let speaker = row.next().and_then(Value::into_text).unwrap_or_default();
        let body: serde_json::Value =
            serde_json::from_str(&row.next().and_then(Value::into_text).unwrap_or_default())
                .map_err(|err| corrupt("quotes", err))?;
        let text = body.get("text").and_then(|t| t.as_str()).unwrap_or_default();
        insert(conn, SearchKind::Quote, &id, Some(&document), text, &format!("{text}\n{speaker}"))?;
    }
    for row in conn.query("SELECT id, name, aliases FROM entities ORDER BY seq", &[])? {
        let mut row = row.into_iter();
        let id = row.next().and_then(Value::into_text).unwrap_or_default();
        let name = row.next().and_then(Value::into_text).unwrap_or_default();
        let aliases: Vec<String> =
            serde_json::from_str(&row.next().and_then(Value::into_text).unwrap_or_default())
                .map_err(|err| corrupt("entities", err))?;
        insert(conn, SearchKind::Entity, &id, None, &name, &entity_terms(&name, &aliases))?;
    }
    Ok(())
}

/// Matches ranked per query: the newest ones. Ranking every match of a common word in a large
/// corpus costs more than a page may take, and analysts look for recent reporting first; every
/// match stays reachable in date order with [`SearchOrder::Newest`].
pub const CANDIDATES: usize = 200;

/// How search results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SearchOrder {
    /// Best first (BM25 in SQLite, `ts_rank` in PostgreSQL) among the newest [`CANDIDATES`].
    #[default]
    Relevance,
    /// Every match, the most recently stored first.
    Newest,
}

/// Rows matching every word of `query`; `kinds` empty means every kind.
pub(crate) fn search(
    conn: &mut dyn Conn,
    query: &str,
    kinds: &[SearchKind],
    order: SearchOrder,
    page: &Page,
) -> Result<Paged<Hit>> {
    // Ranked results have no stable key to resume from, so their cursor is an offset; the
    // newest-first order resumes below the last row's number.
    let (prefix, at) = match order {
        SearchOrder::Relevance => ('o', 0),
        SearchOrder::Newest => ('n', i64::MAX),
    };
    let at = match &page.cursor {
        None => at,
        Some(cursor) => cursor
            .strip_prefix(prefix)
            .and_then(|n| n.parse::<i64>().ok())
            .ok_or_else(|| Error::Cursor(cursor.clone()))?,
    };
    let folded = fold(query);
    if folded.is_empty() {
        return Ok(Paged { items: Vec::new(), next: None });
    }
    let size = page.size();
    let every_kind = kinds.is_empty()
        || [SearchKind::Article, SearchKind::Quote, SearchKind::Entity]
            .iter()
            .all(|kind| kinds.contains(kind));
    let kind_list = if kinds.is_empty() {
        "'article', 'quote', 'entity'".to_string()
    } else {
        kinds.iter().map(|k| format!("'{}'", k.as_str())).collect::<Vec<_>>().join(", ")
    };
    let (sql, term) = match (conn.dialect(), order) {
        // Every kind: candidates are ranked on the index alone and only the page's rows are
        // read from the table, which halves the time of a common word.
        (Dialect::Sqlite, SearchOrder::Relevance) if every_kind => (
            format!(
                "WITH top AS (SELECT rowid AS r, score AS k FROM (SELECT rowid, {rank}(search) AS score FROM search WHERE search MATCH $1 ORDER BY rowid DESC LIMIT {CANDIDATES}) ORDER BY score, rowid LIMIT $2 OFFSET $3) SELECT s.rowid, s.kind, s.ref, s.document, s.label FROM top JOIN search s ON s.rowid = top.r ORDER BY top.k, top.r",
                rank = rank::FUNCTION,
            ),
            fts5_words(&folded),
        ),
        (Dialect::Sqlite, SearchOrder::Relevance) => (
            format!(
                "SELECT rowid, kind, ref, document, label FROM (SELECT rowid, {rank}(search) AS score, kind, ref, document, label FROM search WHERE search MATCH $1 AND kind IN ({kind_list}) ORDER BY rowid DESC LIMIT {CANDIDATES}) ORDER BY score, rowid LIMIT $2 OFFSET $3",
                rank = rank::FUNCTION,
            ),
            fts5_words(&folded),
        ),
        (Dialect::Sqlite, SearchOrder::Newest) => (
            format!(
                "SELECT rowid, kind, ref, document, label FROM search WHERE search MATCH $1 AND kind IN ({kind_list}) AND rowid < $2 ORDER BY rowid DESC LIMIT $3"
            ),
            fts5_words(&folded),
        ),
        (Dialect::Postgres, SearchOrder::Relevance) => (
            format!(
                "SELECT seq, kind, ref, document, label FROM (SELECT seq, tsv, kind, ref, document, label FROM search WHERE tsv @@ plainto_tsquery('simple', $1) AND kind IN ({kind_list}) ORDER BY seq DESC LIMIT {CANDIDATES}) c ORDER BY ts_rank(tsv, plainto_tsquery('simple', $1)) DESC, seq LIMIT $2 OFFSET $3"
            ),
            folded,
        ),
        (Dialect::Postgres, SearchOrder::Newest) => (
            format!(
                "SELECT seq, kind, ref, document, label FROM search WHERE tsv @@ plainto_tsquery('simple', $1) AND kind IN ({kind_list}) AND seq < $2 ORDER BY seq DESC LIMIT $3"
            ),
            folded,
        ),
    };
    // SQLite numbers `$n` parameters in the order they appear, so each query names them in
    // the order it uses them.
    let (limit, at_value) = (Value::Int(size as i64 + 1), Value::Int(at));
    let params = match order {
        SearchOrder::Relevance => [Value::Text(term), limit, at_value],
        SearchOrder::Newest => [Value::Text(term), at_value, limit],
    };
    let mut rows = conn.query(&sql, &params)?;
    let more = rows.len() > size;
    rows.truncate(size);
    let next = more.then(|| match order {
        SearchOrder::Relevance => format!("o{}", at + size as i64),
        SearchOrder::Newest => {
            let last = rows.last().and_then(|row| row[0].as_int()).unwrap_or(0);
            format!("n{last}")
        }
    });
    let items = rows
        .into_iter()
        .map(|row| {
            let mut row = row.into_iter().skip(1);
            let kind = row.next().and_then(Value::into_text).unwrap_or_default();
            Hit {
                kind: SearchKind::parse(&kind).unwrap_or(SearchKind::Article),
                id: row.next().and_then(Value::into_text).unwrap_or_default(),
                document: row.next().and_then(Value::into_text),
                label: row.next().and_then(Value::into_text).unwrap_or_default(),
            }
        })
        .collect();
    Ok(Paged { items, next })
}

/// Every word quoted, so that FTS5 syntax in the query is taken as words.
fn fts5_words(folded: &str) -> String {
    folded.split(' ').map(|w| format!("\"{w}\"")).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_accents_case_and_punctuation() {
        assert_eq!(
            fold("¡La Policía detuvo a «Los Gallegos»!"),
            "la policia detuvo a los gallegos"
        );
        assert_eq!(fold("  6,500 cases—ÑANDÚ "), "6 500 cases nandu");
        assert_eq!(fold("..."), "");
        // Composed and decomposed accents fold alike, as do marks stacked in either order.
        assert_eq!(fold("Perú Peru\u{301} a\u{323}\u{301} a\u{301}\u{323}"), "peru peru a a");
    }
}
