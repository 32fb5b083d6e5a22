//! The conformance suite: every test runs against SQLite and against PostgreSQL.
//!
//! PostgreSQL tests run when `TEST_POSTGRES_URL` is set (CI always sets it); each test gets a
//! schema of its own, so they run in parallel.

use crate::{
    Batch, EntityFilter, EntityRow, EventFilter, EventRow, ItemRow, MentionRow, NewDocument,
    Outcome, Page, QuoteFilter, QuoteRow, RelationRow, SearchKind, Store, StoryRow, Table,
};

/// Runs each named test against one backend.
macro_rules! store_test_suite {
    ($open:path; $($test:ident),* $(,)?) => {
        $(
            #[test]
            fn $test() {
                if let Some(store) = $open(stringify!($test)) {
                    super::$test(&store);
                }
            }
        )*
    };
}

macro_rules! all_tests {
    ($open:path) => {
        store_test_suite!($open;
            write_then_read,
            same_document_twice_is_stored_once,
            changed_article_is_a_new_version,
            search_folds_case_and_accents,
            pages_follow_cursors,
            stories_are_replaced_and_removed,
            failed_batch_writes_nothing,
            replay_is_in_insertion_order,
            entities_merge_across_documents,
            tokens_are_kept_hashed,
            feed_validators_are_kept,
            map_points_and_trend_rows,
            many_rows_keep_their_order,
            one_ingest_at_a_time,
        );
    };
}

mod sqlite {
    fn open(_name: &str) -> Option<crate::Store> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.keep().join("vigia.db");
        Some(crate::Store::open(path.to_str().unwrap()).unwrap())
    }
    all_tests!(open);
}

mod postgres {
    fn open(name: &str) -> Option<crate::Store> {
        let Ok(url) = std::env::var("TEST_POSTGRES_URL") else {
            eprintln!("TEST_POSTGRES_URL is not set: PostgreSQL test {name} skipped");
            return None;
        };
        Some(super::open_postgres(&url, name))
    }
    all_tests!(open);
}

/// A store in a fresh schema of the PostgreSQL database at `url`.
pub(crate) fn open_postgres(url: &str, name: &str) -> Store {
    let schema = format!("vigia_test_{name}");
    let mut client = ::postgres::Client::connect(url, ::postgres::NoTls)
        .unwrap_or_else(|err| panic!("cannot connect to {url}: {err}"));
    client
        .batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"))
        .unwrap();
    let sep = if url.contains('?') { '&' } else { '?' };
    Store::open(&format!("{url}{sep}options=-c%20search_path%3D{schema}")).unwrap()
}

fn entity(id: &str, name: &str, kind: &str, place: Option<(f64, f64)>) -> EntityRow {
    EntityRow {
        id: id.into(),
        name: name.into(),
        kind: kind.into(),
        kb_id: None,
        aliases: vec![name.into()],
        place: place.map(|(lat, lon)| format!("{{\"lat\":{lat},\"lon\":{lon}}}")),
        lat: place.map(|p| p.0),
        lon: place.map(|p| p.1),
    }
}

/// A document about the Lima riots with one quote, one event and two entities.
fn document(id: &str, lineage: &str, text: &str) -> NewDocument {
    NewDocument {
        id: id.into(),
        lineage: lineage.into(),
        source: lineage.into(),
        url: Some(lineage.into()),
        outlet: Some("El Observador".into()),
        title: Some(format!("Title of {id}")),
        published: Some("2023-11-08".into()),
        language: "es".into(),
        text: text.into(),
        body: format!("{{\"id\":\"{id}\",\"text\":{text:?}}}"),
        sketch: Some(format!("sketch-{id}")),
        signature: Some(format!("signature-{id}")),
        entities: vec![
            entity("ent-gang", "Los Gallegos", "criminal_group", None),
            entity("ent-lavictoria", "La Victoria", "place", Some((-12.07, -77.02))),
        ],
        mentions: vec![MentionRow { entity: "ent-gang".into(), start: 0, end: 12 }],
        relations: vec![RelationRow {
            kind: "part_of".into(),
            subject: "ent-gang".into(),
            object: "ent-tren".into(),
            modality: "reported".into(),
            body: format!("{{\"document\":\"{id}\"}}"),
        }],
        quotes: vec![QuoteRow {
            id: format!("qt-{id}"),
            kind: "direct".into(),
            speaker_entity: Some("ent-gang".into()),
            speaker: "Los Gallegos".into(),
            text: "No habrá paz".into(),
            body: format!("{{\"document\":\"{id}\",\"text\":\"No habrá paz\"}}"),
        }],
        events: vec![EventRow {
            id: format!("evt-{id}"),
            kind: "riot".into(),
            modality: "reported".into(),
            date_start: Some("2023-10-31".into()),
            date_end: Some("2023-10-31".into()),
            entities: vec![("ent-gang".into(), "actor"), ("ent-lavictoria".into(), "place")],
            body: format!("{{\"id\":\"evt-{id}\"}}"),
        }],
        items: vec![
            ItemRow { kind: "quantity", body: "{\"value\":700}".into() },
            ItemRow { kind: "date", body: "{\"text\":\"31 de octubre\"}".into() },
        ],
    }
}

fn batch(documents: Vec<NewDocument>) -> Batch {
    Batch { documents, ..Batch::default() }
}

fn write_then_read(store: &Store) {
    let outcomes = store
        .write(&batch(vec![document("doc-1", "https://a.example/1", "Los Gallegos amenazan")]))
        .unwrap();
    assert_eq!(outcomes, [Outcome::New]);
    let doc = store.document("doc-1").unwrap().unwrap();
    assert_eq!(
        (doc.version, doc.current, doc.outlet.as_deref(), doc.language.as_str()),
        (1, true, Some("El Observador"), "es")
    );
    assert!(doc.body.contains("Los Gallegos amenazan"));
    assert!(store.document("doc-404").unwrap().is_none());
    let summary = store.document_summary("doc-1").unwrap().unwrap();
    assert_eq!((summary.body.as_str(), summary.title), ("", doc.title.clone()));
    assert_eq!(store.bodies(Table::Quantities, "doc-1").unwrap(), ["{\"value\":700}"]);
    assert_eq!(store.bodies(Table::Dates, "doc-1").unwrap().len(), 1);
    assert_eq!(store.bodies(Table::Relations, "doc-1").unwrap().len(), 1);
    assert_eq!(store.mentions_in("doc-1").unwrap().len(), 1);
    let events = |filter: EventFilter| store.events(&filter, &Page::first(10)).unwrap().items.len();
    assert_eq!(events(EventFilter::default()), 1);
    assert_eq!(events(EventFilter { kind: Some("riot".into()), ..EventFilter::default() }), 1);
    assert_eq!(events(EventFilter { kind: Some("arrest".into()), ..EventFilter::default() }), 0);
    assert_eq!(events(EventFilter { since: Some("2023-10-31".into()), ..Default::default() }), 1);
    assert_eq!(events(EventFilter { since: Some("2023-11-01".into()), ..Default::default() }), 0);
    assert_eq!(events(EventFilter { until: Some("2023-10-30".into()), ..Default::default() }), 0);
    assert_eq!(events(EventFilter { actor: Some("ent-gang".into()), ..Default::default() }), 1);
    assert_eq!(events(EventFilter { place: Some("ent-gang".into()), ..Default::default() }), 0);
    let lima = [-77.2, -12.3, -76.8, -11.8];
    assert_eq!(events(EventFilter { bbox: Some(lima), ..Default::default() }), 1);
    let across = [170.0, -13.0, -76.0, -12.0];
    assert_eq!(events(EventFilter { bbox: Some(across), ..Default::default() }), 1);
    let cusco = [-72.1, -13.6, -71.9, -13.4];
    assert_eq!(events(EventFilter { bbox: Some(cusco), ..Default::default() }), 0);
    let quotes = |filter: QuoteFilter| store.quotes(&filter, &Page::first(10)).unwrap().items;
    assert_eq!(
        quotes(QuoteFilter { speaker: Some("ent-gang".into()), ..Default::default() }).len(),
        1
    );
    assert_eq!(
        quotes(QuoteFilter { speaker: Some("ent-x".into()), ..Default::default() }).len(),
        0
    );
    let gang = store.entity("ent-gang").unwrap().unwrap();
    assert_eq!(
        (gang.name.as_str(), gang.kind.as_str(), gang.mentions),
        ("Los Gallegos", "criminal_group", 1)
    );
    assert_eq!(store.relations_of("ent-gang").unwrap().len(), 1);
    let place = store.entity("ent-lavictoria").unwrap().unwrap();
    assert_eq!((place.lat, place.lon), (Some(-12.07), Some(-77.02)));
    let counts = store.counts().unwrap();
    assert_eq!((counts.documents, counts.entities, counts.events, counts.quotes), (1, 2, 1, 1));
}

fn same_document_twice_is_stored_once(store: &Store) {
    let one = document("doc-1", "https://a.example/1", "Los Gallegos amenazan");
    assert_eq!(store.write(&batch(vec![one.clone()])).unwrap(), [Outcome::New]);
    assert_eq!(
        store.write(&batch(vec![one.clone(), one])).unwrap(),
        [Outcome::Unchanged, Outcome::Unchanged]
    );
    let counts = store.counts().unwrap();
    assert_eq!((counts.documents, counts.events, counts.quotes), (1, 1, 1));
    assert_eq!(store.mentions("ent-gang", &Page::first(10)).unwrap().items.len(), 1);
}

fn changed_article_is_a_new_version(store: &Store) {
    let url = "https://a.example/1";
    store.write(&batch(vec![document("doc-1", url, "Primera versión")])).unwrap();
    let outcomes = store.write(&batch(vec![document("doc-2", url, "Segunda versión")])).unwrap();
    assert_eq!(outcomes, [Outcome::Version { of: "doc-1".into(), version: 2 }]);
    let old = store.document("doc-1").unwrap().unwrap();
    assert_eq!((old.current, old.superseded_by.as_deref()), (false, Some("doc-2")));
    let new = store.document("doc-2").unwrap().unwrap();
    assert_eq!((new.version, new.current), (2, true));
    let listed = store.documents(None, &Page::first(10)).unwrap().items;
    assert_eq!(listed.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["doc-2"]);
    // Listings show the current version's events only; the old one stays readable by id.
    let events = store.events(&EventFilter::default(), &Page::first(10)).unwrap().items;
    assert_eq!(events, ["{\"id\":\"evt-doc-2\"}"]);
    let hits = store.search("version", &[SearchKind::Article], &Page::first(10)).unwrap().items;
    assert_eq!(hits.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(), ["doc-2"]);
}

fn search_folds_case_and_accents(store: &Store) {
    store
        .write(&batch(vec![
            document("doc-1", "https://a.example/1", "La Policía Nacional desplegó 700 agentes"),
            document("doc-2", "https://a.example/2", "Mototaxistas protestan en El Agustino"),
        ]))
        .unwrap();
    let ids = |query: &str, kinds: &[SearchKind]| -> Vec<String> {
        let mut ids: Vec<String> = store
            .search(query, kinds, &Page::first(10))
            .unwrap()
            .items
            .into_iter()
            .map(|hit| format!("{}:{}", hit.kind.as_str(), hit.id))
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(ids("POLICIA", &[]), ["article:doc-1"]);
    assert_eq!(ids("policía desplegó", &[SearchKind::Article]), ["article:doc-1"]);
    assert_eq!(ids("policia agustino", &[]), Vec::<String>::new());
    assert_eq!(ids("habra paz", &[SearchKind::Quote]), ["quote:qt-doc-1", "quote:qt-doc-2"]);
    assert_eq!(ids("gallegos", &[SearchKind::Entity]), ["entity:ent-gang"]);
    // Query syntax is taken as words, never as operators.
    assert_eq!(ids("\"policia\" OR NEAR(", &[SearchKind::Article]), Vec::<String>::new());
    assert_eq!(ids("  ...  ", &[]), Vec::<String>::new());
    let hit = store.search("agustino", &[], &Page::first(10)).unwrap().items.remove(0);
    assert_eq!((hit.document.as_deref(), hit.label.as_str()), (Some("doc-2"), "Title of doc-2"));
}

fn pages_follow_cursors(store: &Store) {
    let docs = (0..5)
        .map(|n| {
            let mut doc =
                document(&format!("doc-{n}"), &format!("https://a.example/{n}"), "texto común");
            doc.quotes[0].id = format!("qt-{n}");
            doc
        })
        .collect();
    store.write(&batch(docs)).unwrap();
    let mut seen = Vec::new();
    let mut page = Page::first(2);
    loop {
        let got = store.documents(None, &page).unwrap();
        assert!(got.items.len() <= 2);
        seen.extend(got.items.into_iter().map(|d| d.id));
        match got.next {
            Some(next) => page.cursor = Some(next),
            None => break,
        }
    }
    assert_eq!(seen, ["doc-0", "doc-1", "doc-2", "doc-3", "doc-4"]);
    let mut hits = Vec::new();
    let mut page = Page::first(2);
    loop {
        let got = store.search("comun", &[SearchKind::Article], &page).unwrap();
        hits.extend(got.items.into_iter().map(|h| h.id));
        match got.next {
            Some(next) => page.cursor = Some(next),
            None => break,
        }
    }
    hits.sort();
    assert_eq!(hits, seen);
    let mut newest = Vec::new();
    let mut page = Page::first(2);
    loop {
        let order = crate::SearchOrder::Newest;
        let got = store.search_by("comun", &[SearchKind::Article], order, &page).unwrap();
        newest.extend(got.items.into_iter().map(|h| h.id));
        match got.next {
            Some(next) => page.cursor = Some(next),
            None => break,
        }
    }
    newest.reverse();
    assert_eq!(newest, seen, "newest first, every match once");
    // A story's reports page in story order.
    let mut write = batch(Vec::new());
    write.stories.push(story("s-1", &["doc-3", "doc-0", "doc-4"]));
    store.write(&write).unwrap();
    let first = store.story_documents("s-1", &Page::first(2)).unwrap();
    let ids: Vec<_> = first.items.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["doc-3", "doc-0"]);
    let rest = Page { cursor: first.next, limit: 2 };
    let ids: Vec<_> =
        store.story_documents("s-1", &rest).unwrap().items.into_iter().map(|d| d.id).collect();
    assert_eq!(ids, ["doc-4"]);
    let bad = Page { cursor: Some("nonsense".into()), limit: 2 };
    assert!(matches!(store.documents(None, &bad), Err(crate::Error::Cursor(_))));
    assert!(matches!(store.search("comun", &[], &bad), Err(crate::Error::Cursor(_))));
    // Also where the answer is known to be empty before any row is read.
    let nobody = EventFilter { actor: Some("ent-nobody".into()), ..Default::default() };
    assert!(matches!(store.events(&nobody, &bad), Err(crate::Error::Cursor(_))));
}

fn story(id: &str, documents: &[&str]) -> StoryRow {
    StoryRow {
        id: id.into(),
        title: Some(format!("Story {id}")),
        documents: documents.iter().map(|d| d.to_string()).collect(),
        first_date: Some("2023-10-31".into()),
        last_date: Some("2023-11-07".into()),
        body: format!("{{\"id\":\"{id}\",\"documents\":{}}}", documents.len()),
    }
}

fn stories_are_replaced_and_removed(store: &Store) {
    let mut first = batch(vec![document("doc-1", "https://a.example/1", "uno")]);
    first.stories = vec![story("story-a", &["doc-1"]), story("story-b", &["doc-1"])];
    store.write(&first).unwrap();
    let mut second = batch(vec![document("doc-2", "https://a.example/2", "dos")]);
    second.stories = vec![story("story-a", &["doc-1", "doc-2"])];
    second.removed_stories = vec!["story-b".into()];
    second.documents[0].quotes[0].id = "qt-2".into();
    store.write(&second).unwrap();
    let listed = store.stories(&Page::first(10)).unwrap().items;
    assert_eq!(
        listed.iter().map(|s| (s.id.as_str(), s.reports)).collect::<Vec<_>>(),
        [("story-a", 2)]
    );
    let a = store.story("story-a").unwrap().unwrap();
    assert_eq!(a.body, "{\"id\":\"story-a\",\"documents\":2}");
    assert!(store.story("story-b").unwrap().is_none());
    assert_eq!(store.stories_of("doc-2").unwrap(), ["story-a"]);
}

fn failed_batch_writes_nothing(store: &Store) {
    store.write(&batch(vec![document("doc-1", "https://a.example/1", "uno")])).unwrap();
    let before = store.counts().unwrap();
    // Two documents claiming one event id: the second insert fails, and so does the batch.
    let mut clash = document("doc-3", "https://a.example/3", "tres");
    clash.events[0].id = "evt-doc-2".into();
    clash.quotes[0].id = "qt-3".into();
    let result = store.write(&batch(vec![document("doc-2", "https://a.example/2", "dos"), clash]));
    assert!(result.is_err());
    assert_eq!(store.counts().unwrap(), before);
    assert!(store.document("doc-2").unwrap().is_none());
    assert!(store.search("dos", &[], &Page::first(10)).unwrap().items.is_empty());
    // The store is still usable.
    let ok = store.write(&batch(vec![document("doc-2", "https://a.example/2", "dos")])).unwrap();
    assert_eq!(ok, [Outcome::New]);
}

fn replay_is_in_insertion_order(store: &Store) {
    let docs = ["doc-b", "doc-a", "doc-c"]
        .iter()
        .map(|id| document(id, &format!("https://a.example/{id}"), id))
        .collect();
    store.write(&batch(docs)).unwrap();
    let first = store.replay(0, 2).unwrap();
    assert_eq!(first.iter().map(|(_, r)| r.id.as_str()).collect::<Vec<_>>(), ["doc-b", "doc-a"]);
    let rest = store.replay(first[1].0, 2).unwrap();
    assert_eq!(rest.len(), 1);
    assert_eq!(
        (rest[0].1.id.as_str(), rest[0].1.current, rest[0].1.signature.as_deref()),
        ("doc-c", true, Some("signature-doc-c"))
    );
    let known = store.known(&["doc-a".into(), "doc-z".into()]).unwrap();
    assert_eq!(known.into_iter().collect::<Vec<_>>(), ["doc-a"]);
}

fn one_ingest_at_a_time(store: &Store) {
    assert_eq!(store.last_document().unwrap(), 0);
    let held = store.lock_ingest().unwrap();
    assert!(store.try_lock_ingest().unwrap().is_none());
    // Writing does not need the lock, so the holder can write while it waits for nobody.
    store.write(&batch(vec![document("doc-1", "https://a.example/1", "uno")])).unwrap();
    let first = store.last_document().unwrap();
    assert!(first > 0);
    drop(held);
    let again = store.try_lock_ingest().unwrap();
    assert!(again.is_some());
    drop(again);
    store.write(&batch(vec![document("doc-2", "https://a.example/2", "dos")])).unwrap();
    assert!(store.last_document().unwrap() > first);
}

fn entities_merge_across_documents(store: &Store) {
    let mut one = document("doc-1", "https://a.example/1", "uno");
    one.entities[0].aliases = vec!["Los Gallegos".into()];
    let mut two = document("doc-2", "https://a.example/2", "dos");
    two.entities[0].name = "Banda Los Gallegos".into();
    two.entities[0].aliases = vec!["Gallegos".into(), "Banda Los Gallegos".into()];
    two.quotes[0].id = "qt-2".into();
    store.write(&batch(vec![one, two])).unwrap();
    let gang = store.entity("ent-gang").unwrap().unwrap();
    assert_eq!(gang.name, "Banda Los Gallegos");
    assert_eq!(gang.aliases, ["Los Gallegos", "Gallegos", "Banda Los Gallegos"]);
    assert_eq!(gang.mentions, 2);
    let hits = store.search("banda", &[SearchKind::Entity], &Page::first(10)).unwrap().items;
    assert_eq!(hits.len(), 1);
    let places = EntityFilter { kind: Some("place".into()) };
    let listed = store.entities(&places, &Page::first(10)).unwrap().items;
    assert_eq!(listed.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["ent-lavictoria"]);
}

/// Rows are inserted many to a statement: more than one statement's worth keeps its order and
/// its counts.
fn many_rows_keep_their_order(store: &Store) {
    let mut doc = document("doc-1", "https://a.example/1", "Los Gallegos en La Victoria");
    doc.mentions = (0..150)
        .map(|k| MentionRow {
            entity: if k % 3 == 0 { "ent-lavictoria" } else { "ent-gang" }.into(),
            start: k * 10,
            end: k * 10 + 5,
        })
        .collect();
    doc.items =
        (0..70).map(|k| ItemRow { kind: "quantity", body: format!("{{\"value\":{k}}}") }).collect();
    store.write(&batch(vec![doc])).unwrap();
    let mut starts = Vec::new();
    let mut page = Page::first(40);
    loop {
        let got = store.mentions("ent-gang", &page).unwrap();
        starts.extend(got.items.iter().map(|m| m.start));
        match got.next {
            Some(next) => page.cursor = Some(next),
            None => break,
        }
    }
    let expected: Vec<_> = (0..150).filter(|k| k % 3 != 0).map(|k| k * 10).collect();
    assert_eq!(starts, expected);
    assert_eq!(store.entity("ent-gang").unwrap().unwrap().mentions, 100);
    assert_eq!(store.entity("ent-lavictoria").unwrap().unwrap().mentions, 50);
    assert_eq!(store.mentions_in("doc-1").unwrap().len(), 150);
    let values: Vec<String> = (0..70).map(|k| format!("{{\"value\":{k}}}")).collect();
    assert_eq!(store.bodies(Table::Quantities, "doc-1").unwrap(), values);
}

/// The rows of `test_data/schema/v1-rows.sql`, read through the current schema.
fn old_rows_read_back(store: &Store) {
    assert_eq!(store.schema_version().unwrap(), crate::SCHEMA_VERSION);
    let doc = store.document("doc-v1").unwrap().unwrap();
    assert_eq!(doc.title.as_deref(), Some("Mototaxistas protestan en El Agustino"));
    let hits = |query: &str| {
        let hits = store.search(query, &[], &Page::first(10)).unwrap().items;
        hits.into_iter().map(|h| format!("{}:{}", h.kind.as_str(), h.id)).collect::<Vec<_>>()
    };
    // Search arrived with version 2 and indexed what version 1 had stored.
    assert_eq!(hits("extorsion"), ["article:doc-v1"]);
    assert_eq!(hits("podemos trabajar"), ["quote:qt-v1"]);
    assert_eq!(hits("agustino").len(), 2);
    let filter = EventFilter { bbox: Some([-77.1, -12.1, -76.9, -12.0]), ..Default::default() };
    assert_eq!(store.events(&filter, &Page::first(10)).unwrap().items, ["{\"id\":\"evt-v1\"}"]);
    // And it takes new writes.
    let outcome = store.write(&batch(vec![document("doc-new", "https://a.example/new", "nuevo")]));
    assert_eq!(outcome.unwrap(), [Outcome::New]);
}

const V1_ROWS: &str = include_str!("../test_data/schema/v1-rows.sql");

/// Opens the golden version 1 file (written by this test when missing) through a copy.
#[test]
fn sqlite_v1_file_opens_and_migrates() {
    let golden =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/schema/v1.sqlite");
    if !golden.exists() {
        let store = Store::open_at(golden.to_str().unwrap(), 1).unwrap();
        drop(store);
        let conn = rusqlite::Connection::open(&golden).unwrap();
        conn.execute_batch(V1_ROWS).unwrap();
        // One self-contained file: the write-ahead log folded back in.
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("old.db");
    std::fs::copy(&golden, &copy).unwrap();
    old_rows_read_back(&Store::open(copy.to_str().unwrap()).unwrap());
}

#[test]
fn postgres_v1_schema_migrates() {
    let Ok(url) = std::env::var("TEST_POSTGRES_URL") else {
        eprintln!("TEST_POSTGRES_URL is not set: PostgreSQL migration test skipped");
        return;
    };
    let schema = "vigia_test_v1_migrates";
    let mut client = ::postgres::Client::connect(&url, ::postgres::NoTls).unwrap();
    client
        .batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"))
        .unwrap();
    let sep = if url.contains('?') { '&' } else { '?' };
    let at = format!("{url}{sep}options=-c%20search_path%3D{schema}");
    drop(Store::open_at(&at, 1).unwrap());
    let mut client = ::postgres::Client::connect(&at, ::postgres::NoTls).unwrap();
    client.batch_execute(V1_ROWS).unwrap();
    old_rows_read_back(&Store::open(&at).unwrap());
}

#[test]
fn newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    drop(Store::open(path.to_str().unwrap()).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute("INSERT INTO schema_migrations (version, applied_at) VALUES (99, 'x')", [])
        .unwrap();
    drop(conn);
    let err = Store::open(path.to_str().unwrap()).err().unwrap();
    assert_eq!(err.to_string(), "database is at schema v99, this build knows up to v6");
}

fn tokens_are_kept_hashed(store: &Store) {
    assert!(!store.has_tokens().unwrap());
    store.add_token("newsroom", "hash-1").unwrap();
    assert!(store.has_tokens().unwrap());
    assert_eq!(store.token_name("hash-1").unwrap().as_deref(), Some("newsroom"));
    assert_eq!(store.token_name("hash-2").unwrap(), None);
    assert!(store.add_token("newsroom", "hash-3").is_err(), "names are unique");
    assert!(store.remove_token("newsroom").unwrap());
    assert!(!store.remove_token("newsroom").unwrap());
    assert_eq!(store.token_name("hash-1").unwrap(), None);
}

fn feed_validators_are_kept(store: &Store) {
    let url = "https://wire.example/feed.xml";
    assert_eq!(store.feed(url).unwrap(), None);
    let mut state = crate::FeedState {
        url: url.into(),
        etag: Some("\"v1\"".into()),
        last_modified: Some("Wed, 08 Nov 2023 14:30:00 GMT".into()),
        checked_at: "2023-11-08T14:31:00Z".into(),
        changed_at: Some("2023-11-08T14:31:00Z".into()),
    };
    store.save_feed(&state).unwrap();
    assert_eq!(store.feed(url).unwrap().as_ref(), Some(&state));
    state.etag = None;
    state.checked_at = "2023-11-08T14:46:00Z".into();
    store.save_feed(&state).unwrap();
    assert_eq!(store.feed(url).unwrap(), Some(state), "a poll replaces what was known");
    assert_eq!(store.feed("https://wire.example/other.xml").unwrap(), None);
}

fn map_points_and_trend_rows(store: &Store) {
    store.write(&batch(vec![document("doc-1", "https://a.example/1", "uno")])).unwrap();
    let points = store.event_points(&EventFilter::default(), 100).unwrap();
    assert_eq!(points.len(), 1);
    let point = &points[0];
    assert_eq!(
        (point.event.as_str(), point.kind.as_str(), point.place.as_str(), point.name.as_str()),
        ("evt-doc-1", "riot", "ent-lavictoria", "La Victoria")
    );
    assert_eq!((point.lat, point.lon, point.date.as_deref()), (-12.07, -77.02, Some("2023-10-31")));
    let rows = store.trend_rows(&EventFilter::default()).unwrap();
    assert_eq!(
        rows,
        [("riot".to_string(), "2023-10-31".to_string(), Some("La Victoria".to_string()))]
    );
}

/// The embedded store's log is copied into the database file by the checkpointing thread,
/// though one small batch is far below the size at which the writer would copy it itself.
#[test]
fn sqlite_log_is_copied_after_a_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vigia.db");
    let store = Store::open(path.to_str().unwrap()).unwrap();
    let size = || std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let before = size();
    store.write(&batch(vec![document("doc-1", "https://a.example/1", "uno")])).unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while size() <= before {
        assert!(std::time::Instant::now() < deadline, "the log was not copied: {} bytes", size());
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(store.document("doc-1").unwrap().is_some());
}
