//! A session kept between ingests, as `watch` keeps one, takes in what other processes stored.

use std::{collections::BTreeMap, path::PathBuf};

use store::{Page, Store};

use super::{run, Session};
use crate::{flags::ReadArgs, input};

fn corpus() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/lima-2023");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path().display().to_string())
        .collect();
    files.sort();
    files
}

/// Story ids with their bodies.
fn stories(store: &Store) -> BTreeMap<String, String> {
    let got = store.stories(&Page::first(100)).unwrap();
    assert!(got.next.is_none());
    got.items
        .into_iter()
        .map(|story| {
            let body = store.story(&story.id).unwrap().unwrap().body;
            (story.id, body)
        })
        .collect()
}

#[test]
fn a_kept_session_takes_in_what_another_ingest_stored() {
    let dir = std::env::temp_dir().join(format!("vigia-session-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let files = corpus();
    let (first, rest) = files.split_at(files.len() / 2);
    let read = ReadArgs { no_progress: true, ..crate::default_read() };
    let (config, fetcher) = (crate::run_config(&read).unwrap(), crate::fetcher(&read));
    let ingest = |session: Option<&mut Session>, store: &Store, paths: &[String]| {
        let (inputs, diagnostics) = input::collect(paths);
        match session {
            Some(session) => session.ingest(&inputs, diagnostics, &config, &fetcher, store, 512),
            None => run(&inputs, diagnostics, &config, &fetcher, store, 512),
        }
        .unwrap()
    };
    // One ingest after the other.
    let one_by_one = Store::open(dir.join("one-by-one.db").to_str().unwrap()).unwrap();
    ingest(None, &one_by_one, first);
    ingest(None, &one_by_one, rest);
    let expected = stories(&one_by_one);
    assert_eq!(expected.len(), 2);
    // The same, with the second session opened before the first ingest stored anything.
    let store = Store::open(dir.join("kept.db").to_str().unwrap()).unwrap();
    let mut kept = Session::open(&store).unwrap();
    ingest(None, &store, first);
    let done = ingest(Some(&mut kept), &store, rest);
    assert_eq!(done.unchanged, 0);
    let got = stories(&store);
    assert_eq!(got.keys().collect::<Vec<_>>(), expected.keys().collect::<Vec<_>>());
    // Bodies run to tens of KiB; a difference is named, not printed.
    for (id, body) in &got {
        assert!(expected[id] == *body, "story {id} differs from one ingest after the other");
    }
    std::fs::remove_dir_all(&dir).ok();
}
