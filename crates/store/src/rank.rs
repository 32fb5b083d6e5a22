//! The search rank of the SQLite store: FTS5's BM25, except that how many rows hold each word
//! is remembered between queries instead of counted again by every query.
//!
//! Counting walks a word's whole list of rows, several milliseconds for a word that most
//! articles hold, while a ranked query only scores its newest few hundred matches. A count is
//! reused for a minute at most, and only while the index holds within 1% of the rows it held
//! when the count was made; between those bounds a word's weight barely moves.
//!
//! This is the store's only `unsafe` code: FTS5 takes rank functions through its C interface.
//! Every pointer below is one that SQLite hands over for the length of the call.

use std::{
    collections::HashMap,
    ffi::{c_int, c_void, CStr},
    ptr, slice,
    sync::Mutex,
    time::{Duration, Instant},
};

use rusqlite::{ffi, Connection};

/// The rank function's SQL name; `vigia_bm25(search)` is FTS5's `bm25(search)`, lower is
/// better.
pub(crate) const FUNCTION: &str = match FUNCTION_C.to_str() {
    Ok(name) => name,
    Err(_) => panic!("the rank function's name is ASCII"),
};
const FUNCTION_C: &CStr = c"vigia_bm25";

/// BM25's constants, as FTS5 sets them.
const K1: f64 = 1.2;
const B: f64 = 0.75;

/// How long a count is reused.
const KEEP_FOR: Duration = Duration::from_secs(60);

/// Counts a connection keeps before it drops them all; far more than the words in use.
const KEPT: usize = 4096;

/// Rows holding each query word, per connection.
#[derive(Default)]
struct Counts(Mutex<HashMap<Vec<u8>, Count>>);

#[derive(Clone, Copy)]
struct Count {
    /// Rows in the index when counted.
    rows: i64,
    /// Rows holding the word.
    hits: i64,
    at: Instant,
}

impl Count {
    fn fresh(&self, rows: i64, now: Instant) -> bool {
        (rows - self.rows).abs() * 100 <= self.rows && now.duration_since(self.at) < KEEP_FOR
    }
}

/// What one query's scoring needs for every row.
struct Query {
    avgdl: f64,
    idf: Vec<f64>,
    freq: Vec<f64>,
}

/// The inverse document frequency as FTS5 computes it, kept positive for common words.
fn idf(rows: i64, hits: i64) -> f64 {
    let idf = (((rows - hits) as f64 + 0.5) / (hits as f64 + 0.5)).ln();
    if idf <= 0.0 {
        1e-6
    } else {
        idf
    }
}

/// One row's score, higher is better; the operations are FTS5's, in its order, so that the
/// scores are the same to the bit.
fn bm25(query: &Query, tokens: f64) -> f64 {
    let norm = K1 * (1.0 - B + B * tokens / query.avgdl);
    let mut score = 0.0;
    for (idf, f) in query.idf.iter().zip(&query.freq) {
        score += idf * ((f * (K1 + 1.0)) / (f + norm));
    }
    score
}

/// Adds the rank function to a connection.
pub(crate) fn register(conn: &Connection) -> rusqlite::Result<()> {
    // SAFETY: the handle stays open for this call; `fts5_api` is only used while it is, and
    // FTS5 owns `counts` from here on, freeing it through `drop_counts` when the connection
    // closes.
    unsafe {
        let api = fts5_api(conn.handle())?;
        let create = (*api).xCreateFunction.ok_or_else(|| failure(ffi::SQLITE_MISUSE))?;
        let counts = Box::into_raw(Box::<Counts>::default());
        let rc = create(api, FUNCTION_C.as_ptr(), counts.cast(), Some(rank), Some(drop_counts));
        if rc != ffi::SQLITE_OK {
            drop(Box::from_raw(counts));
            return Err(failure(rc));
        }
    }
    Ok(())
}

fn failure(rc: c_int) -> rusqlite::Error {
    rusqlite::Error::SqliteFailure(
        ffi::Error::new(rc),
        Some("cannot add the search rank function".to_string()),
    )
}

/// The FTS5 interface of a connection, which SQLite hands out through a query.
unsafe fn fts5_api(db: *mut ffi::sqlite3) -> rusqlite::Result<*mut ffi::fts5_api> {
    let mut api: *mut ffi::fts5_api = ptr::null_mut();
    let mut statement = ptr::null_mut();
    let rc = ffi::sqlite3_prepare_v2(
        db,
        c"SELECT fts5(?1)".as_ptr(),
        -1,
        &mut statement,
        ptr::null_mut(),
    );
    if rc != ffi::SQLITE_OK {
        return Err(failure(rc));
    }
    ffi::sqlite3_bind_pointer(
        statement,
        1,
        (&mut api as *mut *mut ffi::fts5_api).cast(),
        c"fts5_api_ptr".as_ptr(),
        None,
    );
    ffi::sqlite3_step(statement);
    ffi::sqlite3_finalize(statement);
    if api.is_null() || (*api).iVersion < 2 {
        return Err(failure(ffi::SQLITE_ERROR));
    }
    Ok(api)
}

unsafe extern "C" fn drop_counts(counts: *mut c_void) {
    drop(Box::from_raw(counts.cast::<Counts>()));
}

unsafe extern "C" fn drop_query(query: *mut c_void) {
    drop(Box::from_raw(query.cast::<Query>()));
}

unsafe extern "C" fn count_row(
    _api: *const ffi::Fts5ExtensionApi,
    _fts: *mut ffi::Fts5Context,
    hits: *mut c_void,
) -> c_int {
    *hits.cast::<i64>() += 1;
    ffi::SQLITE_OK
}

unsafe extern "C" fn rank(
    api: *const ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
    ctx: *mut ffi::sqlite3_context,
    _values: c_int,
    _value: *mut *mut ffi::sqlite3_value,
) {
    match score(&*api, fts) {
        Ok(score) => ffi::sqlite3_result_double(ctx, -score),
        Err(rc) => ffi::sqlite3_result_error_code(ctx, rc),
    }
}

fn ok(rc: c_int) -> Result<(), c_int> {
    if rc == ffi::SQLITE_OK {
        Ok(())
    } else {
        Err(rc)
    }
}

/// A member of the FTS5 interface, which every version this build bundles fills in.
fn call<F>(member: Option<F>) -> Result<F, c_int> {
    member.ok_or(ffi::SQLITE_MISUSE)
}

unsafe fn score(api: &ffi::Fts5ExtensionApi, fts: *mut ffi::Fts5Context) -> Result<f64, c_int> {
    let query = query(api, fts)?;
    query.freq.fill(0.0);
    let mut found = 0;
    ok(call(api.xInstCount)?(fts, &mut found))?;
    for at in 0..found {
        let (mut phrase, mut column, mut offset) = (0, 0, 0);
        ok(call(api.xInst)?(fts, at, &mut phrase, &mut column, &mut offset))?;
        if let Some(freq) = usize::try_from(phrase).ok().and_then(|p| query.freq.get_mut(p)) {
            *freq += 1.0;
        }
    }
    let mut tokens = 0;
    ok(call(api.xColumnSize)?(fts, -1, &mut tokens))?;
    Ok(bm25(query, f64::from(tokens)))
}

/// The current query's weights, worked out on its first row.
unsafe fn query<'q>(
    api: &ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
) -> Result<&'q mut Query, c_int> {
    let kept = call(api.xGetAuxdata)?(fts, 0).cast::<Query>();
    if !kept.is_null() {
        return Ok(&mut *kept);
    }
    let (mut rows, mut total) = (0, 0);
    ok(call(api.xRowCount)?(fts, &mut rows))?;
    ok(call(api.xColumnTotalSize)?(fts, -1, &mut total))?;
    let counts = &*call(api.xUserData)?(fts).cast::<Counts>();
    let phrases = call(api.xPhraseCount)?(fts);
    let mut weights = Vec::with_capacity(usize::try_from(phrases).unwrap_or(0));
    for phrase in 0..phrases {
        weights.push(idf(rows, hits(api, fts, counts, phrase, rows)?));
    }
    let query = Box::into_raw(Box::new(Query {
        avgdl: total as f64 / rows.max(1) as f64,
        freq: vec![0.0; weights.len()],
        idf: weights,
    }));
    // FTS5 frees the query through `drop_query`, also when it cannot keep it.
    ok(call(api.xSetAuxdata)?(fts, query.cast(), Some(drop_query)))?;
    Ok(&mut *query)
}

/// Rows holding a phrase of the query: remembered, or counted now.
unsafe fn hits(
    api: &ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
    counts: &Counts,
    phrase: c_int,
    rows: i64,
) -> Result<i64, c_int> {
    let key = if api.iVersion >= 3 { phrase_key(api, fts, phrase)? } else { None };
    let now = Instant::now();
    if let Some(key) = &key {
        let known = counts.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(count) = known.get(key).filter(|count| count.fresh(rows, now)) {
            return Ok(count.hits);
        }
    }
    let mut hits: i64 = 0;
    ok(call(api.xQueryPhrase)?(fts, phrase, (&mut hits as *mut i64).cast(), Some(count_row)))?;
    if let Some(key) = key {
        let mut known = counts.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if known.len() >= KEPT {
            known.clear();
        }
        known.insert(key, Count { rows, hits, at: now });
    }
    Ok(hits)
}

/// The phrase's tokens, space-separated.
unsafe fn phrase_key(
    api: &ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
    phrase: c_int,
) -> Result<Option<Vec<u8>>, c_int> {
    let size = call(api.xPhraseSize)?(fts, phrase);
    let mut key = Vec::new();
    for token in 0..size {
        let (mut text, mut len) = (ptr::null(), 0);
        ok(call(api.xQueryToken)?(fts, phrase, token, &mut text, &mut len))?;
        let Ok(len) = usize::try_from(len) else { return Ok(None) };
        if text.is_null() {
            return Ok(None);
        }
        if token > 0 {
            key.push(b' ');
        }
        key.extend_from_slice(slice::from_raw_parts(text.cast::<u8>(), len));
    }
    Ok(Some(key))
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    fn ranked(conn: &Connection, function: &str, query: &str) -> Vec<(i64, f64)> {
        let sql = format!("SELECT rowid, {function}(t) FROM t WHERE t MATCH ?1 ORDER BY rowid");
        let mut statement = conn.prepare(&sql).unwrap();
        let rows = statement
            .query_map([query], |row| Ok((row.get(0)?, row.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<Vec<_>>>()
            .unwrap();
        rows
    }

    #[test]
    fn scores_as_fts5_bm25_and_follows_the_index() {
        let conn = Connection::open_in_memory().unwrap();
        super::register(&conn).unwrap();
        conn.execute_batch("CREATE VIRTUAL TABLE t USING fts5(a, b UNINDEXED)").unwrap();
        let texts = [
            "policia detuvo a cuatro en la victoria",
            "la policia y la fiscalia",
            "extorsion a mototaxistas en el agustino policia policia",
            "gallegos video amenaza",
            "policia",
            "paro de transportistas",
            "mercado central",
            "estado de emergencia",
        ];
        for text in texts {
            conn.execute("INSERT INTO t (a, b) VALUES (?1, 'x')", [text]).unwrap();
        }
        let check = |query: &str| {
            let ours = ranked(&conn, super::FUNCTION, query);
            let theirs = ranked(&conn, "bm25", query);
            assert!(!ours.is_empty(), "{query}");
            assert_eq!(ours.len(), theirs.len(), "{query}");
            for ((row, ours), (_, theirs)) in ours.iter().zip(&theirs) {
                assert_eq!(
                    ours.to_bits(),
                    theirs.to_bits(),
                    "{query} row {row}: {ours} vs {theirs}"
                );
            }
        };
        check("policia");
        check("\"en\" \"policia\"");
        check("\"la policia\"");
        check("gallegos");
        // With eight rows, one more is past the 1% that a count may lag by, so the words are
        // counted again: a count kept from before would weigh "gallegos" as a rare word.
        for text in ["los gallegos en el mercado", "otra vez gallegos"] {
            conn.execute("INSERT INTO t (a, b) VALUES (?1, 'x')", [text]).unwrap();
        }
        check("gallegos");
        check("\"en\" \"gallegos\"");
    }

    #[test]
    fn counts_are_kept_a_minute_within_one_percent_of_rows() {
        let at = std::time::Instant::now();
        let count = super::Count { rows: 10_000, hits: 7, at };
        assert!(count.fresh(10_100, at));
        assert!(count.fresh(9_900, at + std::time::Duration::from_secs(59)));
        assert!(!count.fresh(10_101, at));
        assert!(!count.fresh(10_000, at + super::KEEP_FOR));
    }

    #[test]
    fn weights_common_words_as_fts5_does() {
        assert_eq!(super::idf(100, 1), (99.5f64 / 1.5).ln());
        assert_eq!(super::idf(100, 90), 1e-6);
    }
}
