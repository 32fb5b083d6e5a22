//! URLs, feeds and `--follow-links` against a small HTTP server on loopback.

use std::{
    io::{BufRead, BufReader, Write},
    net::TcpListener,
    thread,
};

use expect_test::expect;

use crate::support::{redact_ids, render, report, vigia};

/// Serves a fixed set of paths on 127.0.0.1 until `requests` have been answered.
fn serve(requests: usize) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let host = base.clone();
    thread::spawn(move || {
        for stream in listener.incoming().take(requests) {
            let Ok(mut stream) = stream else { continue };
            let mut request_line = String::new();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            reader.read_line(&mut request_line).unwrap_or(0);
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).unwrap_or(0) == 0 || header == "\r\n" {
                    break;
                }
            }
            let path = request_line.split_whitespace().nth(1).unwrap_or("/").to_string();
            let (status, headers, body) = respond(&path, &host);
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(&body);
        }
    });
    base
}

fn respond(path: &str, host: &str) -> (&'static str, String, Vec<u8>) {
    match path {
        "/feed.xml" => (
            "200 OK",
            "Content-Type: application/rss+xml\r\n".into(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Loop Wire</title><language>en</language>
<item><title>Police deploy officers in Lima</title><link>{host}/page.html</link>
<pubDate>Wed, 08 Nov 2023 09:30:00 -0500</pubDate>
<description>Officers were sent to La Victoria.</description></item>
</channel></rss>"#
            )
            .into_bytes(),
        ),
        "/page.html" => (
            "200 OK",
            "Content-Type: text/html; charset=ISO-8859-1\r\n".into(),
            b"<html lang=\"en\"><head><title>Police deploy officers in Lima</title></head><body><article>\
<h1>Police deploy officers in Lima</h1>\
<p>Police sent 700 officers to La Victoria on Tuesday after a week of riots over extortion of merchants.</p>\
<p>The interior minister said the operation would last as long as needed, and that four suspects were held.</p>\
<p>Merchants in Gamarra said they paid weekly fees to the gang for months before the protests began.</p>\
</article></body></html>"
                .to_vec(),
        ),
        "/loop" => ("302 Found", "Location: /loop\r\n".into(), Vec::new()),
        "/elsewhere" => ("302 Found", "Location: ftp://127.0.0.1/file\r\n".into(), Vec::new()),
        "/big" => ("200 OK", "Content-Type: text/plain\r\n".into(), vec![b'a'; 10_000]),
        _ => ("404 Not Found", String::new(), b"not here".to_vec()),
    }
}

#[test]
fn feed_url_with_follow_links() {
    let base = serve(2);
    let feed = format!("{base}/feed.xml");
    let output = vigia(&["analyze", &feed, "--follow-links", "--no-progress"], b"");
    assert!(output.status.success(), "stderr: {}", String::from_utf8_lossy(&output.stderr));
    let rendered = redact_ids(&render(&report(&output)).replace(&base, "$BASE"));
    expect![[r#"
        DOC doc-… [feed en] $BASE/feed.xml#item-1
          title: Police deploy officers in Lima
          outlet: Loop Wire | published: 2023-11-08T09:30:00-05:00 | authors: [] | url: $BASE/page.html
          sentences: 4 | tokens: 62 | duplicate_of: -
          ent place          Lima ← "Lima"
          ent place          La Victoria ← "La Victoria"
          ent place          Gamarra ← "Gamarra"
          quote reported description "The interior minister" ← the operation would last as long as needed, and that four su…
          quote reported name "Merchants in Gamarra" ← they paid weekly fees to the gang for months before the prot…
          quantity "700" = 700 count level counted="officers" period="on Tuesday" place="La Victoria"
          quantity "four" = 4 count level counted="suspects"
          date "on Tuesday" 2023-11-07..2023-11-07 day relative
          event police_deployment (reported) date=- places=[Lima] actors=[Police; officers] targets=[] counts=[] by=- evidence=1
          event riot (reported) date=on Tuesday places=[La Victoria] actors=[merchants] targets=[] counts=[] by=- evidence=1
          event extortion (reported) date=on Tuesday places=[La Victoria] actors=[] targets=[merchants] counts=[] by=- evidence=1
          event protest (reported) date=- places=[Gamarra] actors=[] targets=[] counts=[] by=Merchants in Gamarra evidence=1
          headline      en  Police deploy officers in Lima
          body          en  Police sent 700 officers to La Victoria on Tuesday after a week of rio
          body          en  The interior minister said the operation would last as long as needed,
          body          en  Merchants in Gamarra said they paid weekly fees to the gang for months
        ENTITY ent-147125146306 place Lima | 1 mention(s) in 1 document(s) | ubigeo:150100 Peru > Lima > Lima (-12.04528, -77.03083)
        ENTITY ent-957125177410 place La Victoria | 1 mention(s) in 1 document(s) | ubigeo:150115 Peru > Lima > Lima > La Victoria (-12.065, -77.03083)
        ENTITY ent-c29f76f3e321 place Gamarra | 1 mention(s) in 1 document(s) | geonames:3682182 Colombia > Cesar Department > Gamarra (8.32292, -73.74233)
        STORY Police deploy officers in Lima | 1 document(s), 0 copy(ies) | outlets: Loop Wire
          story event police_deployment (reported) undated corroborated by 1 outlet(s)
          story event riot (reported) 2023-11-07..2023-11-07 corroborated by 1 outlet(s)
          story event extortion (reported) 2023-11-07..2023-11-07 corroborated by 1 outlet(s)
          story event protest (reported) undated corroborated by 1 outlet(s)
        SUMMARY {"documents":1,"duplicates":0,"failed":0,"inputs":1,"read":1,"records_failed":0,"skipped":0}
    "#]].assert_eq(&rendered);
}

#[test]
fn fetch_limits() {
    let base = serve(12);
    let urls: Vec<String> = ["/loop", "/elsewhere", "/big", "/missing"]
        .iter()
        .map(|path| format!("{base}{path}"))
        .collect();
    let mut args = vec!["analyze", "--max-bytes", "4096", "--max-redirects", "3"];
    args.extend(urls.iter().map(String::as_str));
    let output = vigia(&args, b"");
    assert_eq!(output.status.code(), Some(1));
    let rendered = redact_ids(&render(&report(&output)).replace(&base, "$BASE"));
    expect![[r#"
        DIAG error unreachable $BASE/loop: cannot fetch: too many redirects
        DIAG error unreachable $BASE/elsewhere: cannot fetch: bad uri: unknown scheme: ftp
        DIAG error too_large $BASE/big: input is over the cap of 4096 bytes (raise it with --max-bytes)
        DIAG error unreachable $BASE/missing: server answered HTTP 404
        SUMMARY {"documents":0,"duplicates":0,"failed":4,"inputs":4,"read":0,"records_failed":0,"skipped":0}
    "#]].assert_eq(&rendered);
}
