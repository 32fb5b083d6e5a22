//! `vigia ingest`: idempotent, versioned, incremental, and safe to kill at any moment.

use std::{
    collections::BTreeMap,
    path::{Path, PathBuf},
    process::{Command, Stdio},
    time::{Duration, Instant},
};

use store::{Page, Store};

use crate::support::{repo, vigia};

/// A fresh folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vigia-ingest-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn ingest(db: &Path, paths: &[&str]) -> (i32, String) {
    let mut args = vec!["ingest", "--db", db.to_str().unwrap(), "--no-progress"];
    args.extend_from_slice(paths);
    let output = vigia(&args, b"");
    (output.status.code().unwrap_or(-1), String::from_utf8_lossy(&output.stderr).into_owned())
}

/// Story ids with their bodies, and document ids, as the store holds them.
fn contents(db: &Path) -> (BTreeMap<String, String>, Vec<String>) {
    let store = Store::open(db.to_str().unwrap()).unwrap();
    let mut stories = BTreeMap::new();
    let mut page = Page::first(100);
    loop {
        let got = store.stories(&page).unwrap();
        for story in got.items {
            let body = store.story(&story.id).unwrap().unwrap().body;
            stories.insert(story.id, body);
        }
        match got.next {
            Some(next) => page.cursor = Some(next),
            None => break,
        }
    }
    let mut documents = Vec::new();
    let mut page = Page::first(100);
    loop {
        let got = store.documents(None, &page).unwrap();
        documents.extend(got.items.into_iter().map(|d| d.id));
        match got.next {
            Some(next) => page.cursor = Some(next),
            None => break,
        }
    }
    documents.sort();
    (stories, documents)
}

#[test]
fn ingesting_twice_stores_once_and_file_by_file_matches_one_run() {
    let dir = scratch("twice");
    let corpus = repo().join("examples/lima-2023");
    let whole = dir.join("whole.db");
    let (code, stderr) = ingest(&whole, &[corpus.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("stored 13 new, 0 new version(s), 0 unchanged; 2 stor(ies) updated"),
        "{stderr}"
    );
    let (code, stderr) = ingest(&whole, &[corpus.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("stored 0 new, 0 new version(s), 13 unchanged; 0 stor(ies) updated"),
        "{stderr}"
    );
    let (stories, documents) = contents(&whole);
    assert_eq!((stories.len(), documents.len()), (2, 13));
    // Stories grow as reports arrive, and end where one run over everything ends.
    let pieces = dir.join("pieces.db");
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(&corpus).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for file in &files {
        let (code, stderr) = ingest(&pieces, &[file.to_str().unwrap()]);
        assert_eq!(code, 0, "{stderr}");
    }
    assert_eq!(contents(&pieces), (stories, documents));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn stored_stories_are_the_reports_stories() {
    let dir = scratch("same");
    let corpus = repo().join("examples/lima-2023");
    let db = dir.join("v.db");
    assert_eq!(ingest(&db, &[corpus.to_str().unwrap()]).0, 0);
    let report = vigia(&["analyze", corpus.to_str().unwrap()], b"");
    let report: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    let (stories, _) = contents(&db);
    for story in report["stories"].as_array().unwrap() {
        let stored: serde_json::Value =
            serde_json::from_str(&stories[story["id"].as_str().unwrap()]).unwrap();
        assert_eq!(&stored, story);
    }
    assert_eq!(stories.len(), report["stories"].as_array().unwrap().len());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_changed_article_is_a_new_version() {
    let dir = scratch("version");
    let db = dir.join("v.db");
    let page = dir.join("page.jsonl");
    let record = |text: &str| {
        format!(
            "{{\"url\":\"https://news.example/lima-riots\",\"title\":\"Riots in Lima\",\"published\":\"2023-11-01\",\"text\":{text:?}}}\n"
        )
    };
    std::fs::write(&page, record("Police arrested four men in La Victoria on Tuesday.")).unwrap();
    assert_eq!(ingest(&db, &[page.to_str().unwrap()]).0, 0);
    std::fs::write(
        &page,
        record("Police arrested five men in La Victoria on Tuesday, officials said."),
    )
    .unwrap();
    let (code, stderr) = ingest(&db, &[page.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("stored 0 new, 1 new version(s), 0 unchanged"), "{stderr}");
    let store = Store::open(db.to_str().unwrap()).unwrap();
    let current = store.documents(None, &Page::first(10)).unwrap().items;
    assert_eq!(current.len(), 1);
    assert_eq!(current[0].version, 2);
    let counts = store.counts().unwrap();
    assert_eq!(counts.documents, 2, "the first version is kept");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn bad_input_is_reported_and_the_rest_is_stored() {
    let dir = scratch("bad");
    let db = dir.join("v.db");
    std::fs::write(
        dir.join("good.txt"),
        "Riots in Lima\n\nShops stayed closed in La Victoria on Tuesday after the riots.",
    )
    .unwrap();
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(dir.join("records.jsonl"), "{\"title\":\"Ok\",\"text\":\"Police deployed 700 officers in Lima on Tuesday.\"}\n{\"title\": 5}\n").unwrap();
    let (code, stderr) = ingest(&db, &[dir.to_str().unwrap(), "no/such/file.txt"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("empty.txt"), "{stderr}");
    assert!(stderr.contains("records.jsonl:2"), "{stderr}");
    assert!(stderr.contains("no/such/file.txt"), "{stderr}");
    assert_eq!(Store::open(db.to_str().unwrap()).unwrap().counts().unwrap().documents, 2);
    // A folder where the store should be is a clear error, not a crash.
    let (code, stderr) = ingest(&dir, &[dir.join("good.txt").to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("is a folder"), "{stderr}");
    std::fs::remove_dir_all(&dir).ok();
}

/// Writes `n` short distinct reports as one JSON Lines file.
fn generated(path: &Path, n: usize) {
    const DISTRICTS: [&str; 6] =
        ["La Victoria", "El Agustino", "Cercado de Lima", "Rímac", "Comas", "Ate"];
    const OUTLETS: [&str; 3] = ["Diario Uno", "Radio Dos", "Canal Tres"];
    let mut out = String::new();
    for k in 0..n {
        let district = DISTRICTS[k % DISTRICTS.len()];
        let text = format!(
            "Police arrested {} suspected extortionists in {district} on November {}, 2023. The gang had demanded {} soles a week from {} motorcycle taxi drivers, officers said.",
            k % 9 + 2,
            k % 28 + 1,
            10 * k + 50,
            k + 3,
        );
        out.push_str(&format!(
            "{{\"url\":\"https://news.example/{k}\",\"outlet\":\"{}\",\"published\":\"2023-11-{:02}\",\"title\":\"Arrests in {district}, report {k}\",\"text\":{text:?}}}\n",
            OUTLETS[k % 3],
            k % 28 + 1,
        ));
    }
    std::fs::write(path, out).unwrap();
}

#[test]
fn killed_mid_ingest_loses_nothing_committed_and_a_rerun_completes() {
    let dir = scratch("kill");
    let corpus = dir.join("corpus.jsonl");
    let total = 240;
    generated(&corpus, total);
    let db = dir.join("killed.db");
    let batch = 10;
    let mut child = Command::new(env!("CARGO_BIN_EXE_vigia"))
        .args(["ingest", "--no-progress", "--batch-size", &batch.to_string(), "--db"])
        .arg(&db)
        .arg(&corpus)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once some batches are committed and before the last one is.
    let start = Instant::now();
    let mut seen = 0;
    while start.elapsed() < Duration::from_secs(300) {
        std::thread::sleep(Duration::from_millis(5));
        if !db.exists() {
            continue;
        }
        if let Ok(store) = Store::open(db.to_str().unwrap()) {
            seen = store.counts().map(|c| c.documents).unwrap_or(0);
            if seen >= 3 * batch as i64 {
                break;
            }
        }
    }
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(!status.success(), "the ingest finished before it could be killed");
    assert!(seen > 0 && seen < total as i64, "killed after {seen} documents");
    // Whole batches only, each document with all its rows.
    let store = Store::open(db.to_str().unwrap()).unwrap();
    let counts = store.counts().unwrap();
    assert!(counts.documents >= seen, "committed documents were lost");
    assert_eq!(counts.documents % batch as i64, 0, "a half-written batch is visible");
    let (stories, documents) = contents(&db);
    for id in &documents {
        assert!(!store.bodies(store::Table::Events, id).unwrap().is_empty(), "{id} has no events");
        assert!(!store.stories_of(id).unwrap().is_empty(), "{id} is in no story");
    }
    assert!(!stories.is_empty());
    drop(store);
    // The rerun completes the work, and ends where an uninterrupted run ends.
    let (code, stderr) = ingest(&db, &[corpus.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let clean = dir.join("clean.db");
    assert_eq!(ingest(&clean, &[corpus.to_str().unwrap()]).0, 0);
    let (stories, documents) = contents(&db);
    assert_eq!(documents.len(), total);
    assert_eq!((stories, documents), contents(&clean));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_second_ingest_waits_for_the_first() {
    use std::io::BufRead;
    let dir = scratch("lock");
    let db = dir.join("locked.db");
    let corpus = repo().join("examples/lima-2023");
    // This test holds the store's ingest lock, as a running ingest would.
    let store = Store::open(db.to_str().unwrap()).unwrap();
    let held = store.lock_ingest().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_vigia"))
        .args(["ingest", "--no-progress", "--db"])
        .arg(&db)
        .arg(&corpus)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stderr.take().unwrap()).lines();
    let waiting = lines.next().unwrap().unwrap();
    assert!(waiting.contains("another ingest into"), "{waiting}");
    assert_eq!(store.counts().unwrap().documents, 0, "it stored documents without the lock");
    drop(held);
    let rest: Vec<String> = lines.map(Result::unwrap).collect();
    assert!(child.wait().unwrap().success(), "{rest:?}");
    assert!(rest.iter().any(|line| line.contains("stored 13 new")), "{rest:?}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn postgres_store_takes_the_same_ingest() {
    let Ok(url) = std::env::var("TEST_POSTGRES_URL") else {
        eprintln!("TEST_POSTGRES_URL is not set: PostgreSQL ingest test skipped");
        return;
    };
    let schema = "vigia_it_ingest";
    let mut client = postgres_client(&url);
    client
        .batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"))
        .unwrap();
    let sep = if url.contains('?') { '&' } else { '?' };
    let at = format!("{url}{sep}options=-c%20search_path%3D{schema}");
    let corpus = repo().join("examples/lima-2023");
    let output = vigia(&["ingest", "--no-progress", "--db", &at, corpus.to_str().unwrap()], b"");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let store = Store::open(&at).unwrap();
    let counts = store.counts().unwrap();
    assert_eq!((counts.documents, counts.stories), (13, 2));
    let hits = store.search("Gallegos", &[store::SearchKind::Entity], &Page::first(5)).unwrap();
    assert!(!hits.items.is_empty());
}

fn postgres_client(url: &str) -> postgres::Client {
    postgres::Client::connect(url, postgres::NoTls).unwrap()
}
