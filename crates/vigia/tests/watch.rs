//! `vigia watch` against a feed server on loopback that honours conditional requests.

use std::{
    io::{BufRead, BufReader, Write},
    net::TcpListener,
    sync::{Arc, Mutex},
    thread,
};

use store::Store;

use crate::support::vigia;

/// The feed the server holds, and the conditional headers each request carried.
#[derive(Default)]
struct Feed {
    version: usize,
    seen: Vec<(Option<String>, Option<String>)>,
}

const ITEMS: [(&str, &str); 2] = [
    (
        "Police deploy 700 officers in La Victoria",
        "Police sent 700 officers to La Victoria on Tuesday after riots over extortion of merchants. The interior minister said the operation would last as long as needed.",
    ),
    (
        "Four suspects held after the extortion riots",
        "Police arrested four alleged members of Los Gallegos in San Juan de Lurigancho on Wednesday, a week after merchants rioted in La Victoria.",
    ),
];

fn rss(version: usize) -> String {
    let items: String = ITEMS[..version]
        .iter()
        .enumerate()
        .map(|(k, (title, text))| {
            format!(
                "<item><title>{title}</title><link>https://wire.example/{k}</link><pubDate>Wed, 08 Nov 2023 09:30:00 -0500</pubDate><description>{text}</description></item>"
            )
        })
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Loop Wire</title><language>en</language>{items}</channel></rss>"#
    )
}

/// Serves `/feed.xml` with an ETag and a Last-Modified per version; 304 when both match.
fn serve(feed: Arc<Mutex<Feed>>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let (mut etag, mut since) = (None, None);
            let mut line = String::new();
            reader.read_line(&mut line).unwrap_or(0);
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).unwrap_or(0) == 0 || header == "\r\n" {
                    break;
                }
                let (name, value) = header.split_once(':').unwrap_or((&header, ""));
                let value = Some(value.trim().to_string());
                match name.to_ascii_lowercase().as_str() {
                    "if-none-match" => etag = value,
                    "if-modified-since" => since = value,
                    _ => {}
                }
            }
            let mut feed = feed.lock().unwrap();
            feed.seen.push((etag.clone(), since.clone()));
            let tag = format!("\"v{}\"", feed.version);
            let date = format!("Wed, 08 Nov 2023 1{}:00:00 GMT", feed.version);
            let head = format!("ETag: {tag}\r\nLast-Modified: {date}\r\nConnection: close\r\n");
            if etag.as_deref() == Some(tag.as_str()) && since.as_deref() == Some(date.as_str()) {
                let _ = write!(stream, "HTTP/1.1 304 Not Modified\r\n{head}\r\n");
            } else {
                let body = rss(feed.version);
                let _ = write!(
                    stream,
                    "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n{head}Content-Length: {}\r\n\r\n{body}",
                    body.len()
                );
            }
        }
    });
    base
}

/// A fresh folder for one test.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("vigia-watch-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn watch_once(url: &str, db: &str) -> (i32, String) {
    let output = vigia(&["watch", "--once", "--no-progress", "--db", db, url], b"");
    (output.status.code().unwrap_or(-1), String::from_utf8_lossy(&output.stderr).into_owned())
}

#[test]
fn polls_with_validators_and_ingests_only_what_is_new() {
    let db = scratch("validators").join("watch.db").display().to_string();
    let feed = Arc::new(Mutex::new(Feed { version: 1, seen: Vec::new() }));
    let url = format!("{}/feed.xml", serve(Arc::clone(&feed)));

    let (code, stderr) = watch_once(&url, &db);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("stored 1 new"), "{stderr}");

    let (code, stderr) = watch_once(&url, &db);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains(&format!("{url}: not modified")), "{stderr}");

    feed.lock().unwrap().version = 2;
    let (code, stderr) = watch_once(&url, &db);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("stored 1 new, 0 new version(s), 1 unchanged"), "{stderr}");

    let seen = feed.lock().unwrap().seen.clone();
    let v1 = (Some("\"v1\"".to_string()), Some("Wed, 08 Nov 2023 11:00:00 GMT".to_string()));
    assert_eq!(seen, vec![(None, None), v1.clone(), v1], "validators of the last body are sent");
    let store = Store::open(&db).unwrap();
    assert_eq!(store.counts().unwrap().documents, 2);
    let state = store.feed(&url).unwrap().unwrap();
    assert_eq!(state.etag.as_deref(), Some("\"v2\""));
}

#[test]
fn an_unreachable_feed_is_reported_and_the_others_are_polled() {
    let db = scratch("unreachable").join("watch.db").display().to_string();
    let feed = Arc::new(Mutex::new(Feed { version: 2, seen: Vec::new() }));
    let url = format!("{}/feed.xml", serve(feed));
    // A port nothing listens on: bound, then closed.
    let closed = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
    let dead = format!("http://{closed}/feed.xml");
    let output = vigia(&["watch", "--once", "--no-progress", "--db", &db, &dead, &url], b"");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(&format!("vigia: error: {dead}: cannot fetch")), "{stderr}");
    assert!(stderr.contains("stored 2 new"), "{stderr}");
    assert_eq!(Store::open(&db).unwrap().counts().unwrap().documents, 2);
}
