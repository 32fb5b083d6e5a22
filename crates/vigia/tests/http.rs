//! `vigia serve`: the API over a store holding the sample corpus, as a client sees it.

use std::{
    io::{BufRead, BufReader},
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use serde_json::Value;

use crate::support::{repo, vigia};

/// A running server, stopped when dropped.
struct Server {
    child: Child,
    url: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
    }
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vigia-http-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn sample_db(dir: &Path) -> PathBuf {
    let db = dir.join("sample.db");
    let corpus = repo().join("examples/lima-2023");
    let output = vigia(
        &["ingest", "--no-progress", "--db", db.to_str().unwrap(), corpus.to_str().unwrap()],
        b"",
    );
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    db
}

fn serve(db: &Path, extra: &[&str]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vigia"))
        .args(["serve", "--addr", "127.0.0.1:0", "--db"])
        .arg(db)
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap()).read_line(&mut line).unwrap();
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no URL in {line:?}"))
        .trim_end_matches('/')
        .to_string();
    Server { child, url }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder().http_status_as_error(false).build().into()
}

/// Status, content type and JSON body of a GET.
fn get(server: &Server, path: &str) -> (u16, Value) {
    let mut response = agent().get(format!("{}{path}", server.url)).call().unwrap();
    let status = response.status().as_u16();
    let body = response.body_mut().read_to_string().unwrap();
    (status, serde_json::from_str(&body).unwrap_or(Value::String(body)))
}

fn post(server: &Server, path: &str, token: Option<&str>, body: &str) -> (u16, Value) {
    let mut request =
        agent().post(format!("{}{path}", server.url)).header("content-type", "application/json");
    if let Some(token) = token {
        request = request.header("authorization", format!("Bearer {token}"));
    }
    let mut response = request.send(body).unwrap();
    let status = response.status().as_u16();
    let text = response.body_mut().read_to_string().unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
}

#[test]
fn read_endpoints_serve_the_corpus() {
    let dir = scratch("read");
    let server = serve(&sample_db(&dir), &[]);
    let (status, health) = get(&server, "/api/health");
    assert_eq!(status, 200);
    insta::assert_json_snapshot!(health, @r#"
    {
      "documents": 13,
      "entities": 62,
      "events": 118,
      "quotes": 102,
      "schema_version": 6,
      "status": "ok",
      "stories": 2
    }
    "#);
    let (_, stories) = get(&server, "/api/stories");
    insta::assert_json_snapshot!(stories, { ".items[].updated_at" => "[time]", ".items[].id" => "[id]" }, @r#"
    {
      "items": [
        {
          "first_date": "2023-08-01",
          "id": "[id]",
          "last_date": "2023-11-15",
          "reports": 12,
          "title": "Peru sends 700 police into Lima districts after gang video threatens drivers",
          "updated_at": "[time]"
        },
        {
          "first_date": "2023-11-03",
          "id": "[id]",
          "last_date": "2023-11-03",
          "reports": 1,
          "title": "Ecuador seizes 2.1 tonnes of cocaine in banana shipment at Guayaquil port",
          "updated_at": "[time]"
        }
      ],
      "next": null
    }
    "#);
    let lima = stories["items"][0]["id"].as_str().unwrap();
    let (status, story) = get(&server, &format!("/api/stories/{lima}"));
    assert_eq!(status, 200);
    assert_eq!(story["articles"].as_array().unwrap().len(), 12);
    let comparison = story["story"]["comparison"].as_array().unwrap();
    assert!(comparison
        .iter()
        .any(|c| c["kind"] == "conflict" && c["summary"].as_str().unwrap().contains("bread")));
    // Pages follow cursors to the end, each document once.
    let mut ids = Vec::new();
    let mut path = "/api/articles?limit=5".to_string();
    loop {
        let (_, page) = get(&server, &path);
        ids.extend(
            page["items"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap().to_string()),
        );
        match page["next"].as_str() {
            Some(next) => path = format!("/api/articles?limit=5&cursor={next}"),
            None => break,
        }
    }
    assert_eq!(ids.len(), 13);
    let (_, article) = get(&server, &format!("/api/articles/{}", ids[0]));
    assert!(article["document"]["text"].as_str().unwrap().len() > 100);
    assert!(!article["events"].as_array().unwrap().is_empty());
    // Events by type and by a box around Lima.
    let (_, riots) = get(&server, "/api/events?type=riot&bbox=-77.2,-12.3,-76.8,-11.8&limit=500");
    let riots = riots["items"].as_array().unwrap();
    assert!(!riots.is_empty());
    assert!(riots.iter().all(|e| e["type"] == "riot"));
    let (_, far) = get(&server, "/api/events?bbox=10,10,11,11");
    assert_eq!(far["items"], serde_json::json!([]));
    // Search, and the entity page it leads to.
    let (_, hits) = get(&server, "/api/search?q=gallegos&kind=entity");
    let gang = hits["items"][0]["id"].as_str().unwrap().to_string();
    let (status, entity) = get(&server, &format!("/api/entities/{gang}"));
    assert_eq!(status, 200);
    assert_eq!(entity["name"], "Los Gallegos");
    assert!(!entity["relations"].as_array().unwrap().is_empty(), "{entity}");
    let (_, quotes) = get(&server, &format!("/api/quotes?speaker={gang}"));
    assert!(quotes["items"].as_array().is_some());
    let (_, map) = get(&server, "/api/map");
    assert!(map.as_array().unwrap().iter().any(|p| p["name"] == "La Victoria"));
    let (_, trends) = get(&server, "/api/trends?type=riot");
    assert!(trends["weeks"].as_array().unwrap().iter().any(|w| w["week"] == "2023-10-30"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn errors_are_json_with_a_code() {
    let dir = scratch("errors");
    let server = serve(&sample_db(&dir), &[]);
    let cases = [
        "/api/stories/story-nope",
        "/api/events?since=yesterday",
        "/api/articles?limit=0",
        "/api/articles?cursor=nonsense",
        "/api/search",
        "/api/search?q=x&kind=video",
        "/api/no-such-route",
        "/api/export/everything.zip",
    ];
    let got: Vec<String> = cases
        .iter()
        .map(|path| {
            let (status, body) = get(&server, path);
            format!("{path} {status} {} {}", body["error"]["code"], body["error"]["message"])
        })
        .collect();
    insta::assert_snapshot!(got.join("\n"), @r#"
    /api/stories/story-nope 404 "not_found" "no story \"story-nope\""
    /api/events?since=yesterday 400 "invalid_parameter" "since must be a day as YYYY-MM-DD, not \"yesterday\""
    /api/articles?limit=0 400 "invalid_parameter" "limit must be 1 to 500, not \"0\""
    /api/articles?cursor=nonsense 400 "invalid_parameter" "invalid cursor \"nonsense\""
    /api/search 400 "invalid_parameter" "q is required"
    /api/search?q=x&kind=video 400 "invalid_parameter" "kind must be article, quote or entity, not \"video\""
    /api/no-such-route 404 "not_found" "no such route"
    /api/export/everything.zip 404 "not_found" "no export \"everything.zip\""
    "#);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn pages_carry_a_content_security_policy() {
    let dir = scratch("csp");
    let server = serve(&sample_db(&dir), &[]);
    let response = agent().get(format!("{}/", server.url)).call().unwrap();
    let csp = response.headers().get("content-security-policy").unwrap().to_str().unwrap();
    assert!(csp.contains("script-src 'self'") && csp.contains("default-src 'none'"), "{csp}");
    assert_eq!(response.headers().get("x-content-type-options").unwrap(), "nosniff");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn ingest_needs_a_token_and_runs_in_the_background() {
    let dir = scratch("ingest");
    let db = sample_db(&dir);
    let added = vigia(&["token", "add", "newsroom", "--db", db.to_str().unwrap()], b"");
    assert!(added.status.success());
    let token = String::from_utf8(added.stdout).unwrap().trim().to_string();
    // Only the hash is kept.
    let raw = std::fs::read(&db).unwrap();
    assert!(!raw.windows(token.len()).any(|w| w == token.as_bytes()));
    let server = serve(&db, &[]);
    let body = r#"{"articles":[{"url":"https://news.example/ate","title":"Police arrest three in Ate","published":"2023-11-20","outlet":"Radio Uno","text":"Police arrested three suspected extortionists in Ate on Monday, officers said."}]}"#;
    let (status, error) = post(&server, "/api/ingest", None, body);
    assert_eq!((status, error["error"]["code"].as_str()), (401, Some("unauthorized")));
    let (status, _) = post(&server, "/api/ingest", Some("wrong"), body);
    assert_eq!(status, 401);
    let (status, error) = post(&server, "/api/ingest", Some(&token), "{not json");
    assert_eq!((status, error["error"]["code"].as_str()), (400, Some("invalid_parameter")));
    let (status, job) = post(&server, "/api/ingest", Some(&token), body);
    assert_eq!(status, 202, "{job}");
    let id = job["id"].as_str().unwrap();
    let start = Instant::now();
    let job = loop {
        let (_, job) = get(&server, &format!("/api/jobs/{id}"));
        if job["state"] == "done"
            || job["state"] == "failed"
            || start.elapsed() > Duration::from_secs(120)
        {
            break job;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!((job["state"].as_str(), job["new"].as_u64()), (Some("done"), Some(1)), "{job}");
    let (_, health) = get(&server, "/api/health");
    assert_eq!(health["documents"], 14);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn public_serving_needs_tokens_for_everything() {
    let dir = scratch("public");
    let db = sample_db(&dir);
    let refused =
        vigia(&["serve", "--public", "--addr", "127.0.0.1:0", "--db", db.to_str().unwrap()], b"");
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("--public needs at least one API token")
    );
    let added = vigia(&["token", "add", "ops", "--db", db.to_str().unwrap()], b"");
    let token = String::from_utf8(added.stdout).unwrap().trim().to_string();
    let server = serve(&db, &["--public"]);
    assert_eq!(get(&server, "/api/health").0, 401);
    let mut response = agent()
        .get(format!("{}/api/health", server.url))
        .header("authorization", format!("Bearer {token}"))
        .call()
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert!(response.body_mut().read_to_string().unwrap().contains("\"documents\":13"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn openapi_document_is_committed_and_current() {
    let dir = scratch("openapi");
    let server = serve(&sample_db(&dir), &[]);
    let (status, served) = get(&server, "/api/openapi.json");
    assert_eq!(status, 200);
    let text = serde_json::to_string_pretty(&served).unwrap() + "\n";
    expect_test::expect_file!["../../../docs/openapi.json"].assert_eq(&text);
    std::fs::remove_dir_all(&dir).ok();
}
