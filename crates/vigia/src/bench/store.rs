//! The store under load: ingestion into it, end to end with extraction, then story pages,
//! entity pages and search served to concurrent clients over loopback.

use std::{
    borrow::Cow,
    collections::HashMap,
    fs,
    io::Write,
    sync::Arc,
    time::{Duration, Instant},
};

use anyhow::Context;
use store::{EntityFilter, Page, Store};

use super::news;
use crate::{ingest, input::Input};

/// Settings of one run.
pub(crate) struct StoreBench {
    pub(crate) articles: usize,
    pub(crate) clients: usize,
    pub(crate) seconds: u64,
    pub(crate) db: Option<String>,
    pub(crate) batch_size: usize,
}

/// The generated reports from `skip` to `count` as JSON Lines inputs of 1,000 records each,
/// each report of a story from another outlet. The sequence is the same whatever `skip`, so
/// a store holding the first reports is topped up with the next ones.
fn inputs(skip: usize, count: usize) -> Vec<Input> {
    const OUTLETS: [&str; 8] = [
        "Andes Wire",
        "Diario Limeño",
        "Radio Sur",
        "Crime Lens",
        "Meridian Wire",
        "El Vigía",
        "Canal Norte",
        "La Voz",
    ];
    let mut inputs = Vec::new();
    let mut lines = Vec::new();
    let mut seen: HashMap<usize, usize> = HashMap::new();
    let order = news::arrivals(count);
    for (idx, &story) in order.iter().enumerate() {
        let k = seen.entry(story).or_default();
        if idx < skip {
            *k += 1;
            continue;
        }
        let report = news::report(story, *k);
        let record = serde_json::json!({
            "url": format!("https://bench.example/{story}/{k}"),
            "outlet": OUTLETS[(story + *k) % OUTLETS.len()],
            "published": report.published,
            "title": report.title,
            "text": report.text,
        });
        *k += 1;
        lines.extend_from_slice(record.to_string().as_bytes());
        lines.push(b'\n');
        if (idx + 1) % 1_000 == 0 || idx + 1 == count {
            inputs.push(Input::Memory {
                name: format!("bench-{}.jsonl", inputs.len()),
                bytes: Cow::Owned(std::mem::take(&mut lines)),
            });
        }
    }
    inputs
}

/// B-cubed F1 of the stored stories against the generated ones, and the number of each.
fn story_quality(store: &Store) -> anyhow::Result<(f64, usize, usize)> {
    // A generated report's URL names its story: https://bench.example/{story}/{k}.
    let gold_of = |url: Option<&str>| -> Option<usize> {
        url?.strip_prefix("https://bench.example/")?.split('/').next()?.parse().ok()
    };
    let (mut predicted, mut gold) = (Vec::new(), Vec::new());
    let mut page = Page::first(1_000);
    let mut count = 0;
    loop {
        let got = store.stories(&page)?;
        for record in got.items {
            let mut members = Page::first(1_000);
            loop {
                let docs = store.story_documents(&record.id, &members)?;
                for story in docs.items.iter().filter_map(|d| gold_of(d.url.as_deref())) {
                    predicted.push(count);
                    gold.push(story);
                }
                let Some(next) = docs.next else { break };
                members.cursor = Some(next);
            }
            count += 1;
        }
        let Some(next) = got.next else { break };
        page.cursor = Some(next);
    }
    let generated = gold.iter().collect::<std::collections::HashSet<_>>().len();
    Ok((crate::eval_stories::score(&predicted, &gold).bcubed[2], count, generated))
}

pub(crate) fn run(bench: &StoreBench) -> anyhow::Result<()> {
    let dir = std::env::temp_dir().join(format!("vigia-bench-store-{}", std::process::id()));
    fs::create_dir_all(&dir)?;
    let location = bench.db.clone().unwrap_or_else(|| dir.join("bench.db").display().to_string());
    let store = Store::open(&location).with_context(|| format!("cannot open {location}"))?;
    let before = store.counts()?.documents as usize;
    if before < bench.articles {
        let inputs = inputs(before, bench.articles);
        let read = crate::flags::ReadArgs { max_bytes: 64 << 20, ..crate::default_read() };
        let (config, fetcher) = (crate::run_config(&read)?, crate::fetcher(&read));
        let started = Instant::now();
        let done = ingest::run(&inputs, Vec::new(), &config, &fetcher, &store, bench.batch_size)?;
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "ingest into {}: {} new articles in {seconds:.1} s: {:.0} articles/s (800 words each, extraction, stories and one transaction per {} documents); peak RSS {} MiB",
            store.location(),
            done.new,
            done.new as f64 / seconds,
            bench.batch_size,
            super::peak_rss_mib().map_or("unknown".to_string(), |m| m.to_string()),
        );
    }
    let counts = store.counts()?;
    println!(
        "store holds {} articles, {} stories, {} events, {} entities, {} quotes; file {} MiB",
        counts.documents,
        counts.stories,
        counts.events,
        counts.entities,
        counts.quotes,
        fs::metadata(&location).map(|m| m.len() >> 20).unwrap_or(0)
    );
    let (bcubed, formed, generated) = story_quality(&store)?;
    println!("stories: {formed} formed from {generated} generated, B-cubed F1 {bcubed:.3}");
    let stories: Vec<String> =
        store.stories(&Page::first(500))?.items.into_iter().map(|s| s.id).collect();
    let entities: Vec<String> = store
        .entities(&EntityFilter::default(), &Page::first(500))?
        .items
        .into_iter()
        .map(|e| e.id)
        .collect();
    let words = [
        "policia",
        "extorsion",
        "gallegos",
        "victoria",
        "drivers",
        "emergency",
        "mercado",
        "fiscalia",
    ];
    let store = Arc::new(store);
    let (url, stop) = start_server(Arc::clone(&store))?;
    let pages: [(&str, Vec<String>, u128); 4] = [
        ("story page", stories.iter().map(|id| format!("/api/stories/{id}")).collect(), 50),
        ("entity page", entities.iter().map(|id| format!("/api/entities/{id}")).collect(), 50),
        ("search", words.iter().map(|w| format!("/api/search?q={w}&limit=20")).collect(), 100),
        (
            "search, newest first",
            words.iter().map(|w| format!("/api/search?q={w}&limit=20&sort=newest")).collect(),
            100,
        ),
    ];
    let run = |paths: &[String], duration: Duration| match wrk(
        &url,
        paths,
        bench.clients,
        duration,
        &dir,
    ) {
        Some(measured) => measured,
        None => load(&url, paths, bench.clients, duration),
    };
    // A server that has just opened a store of gigabytes reads it from disk into each
    // connection's page cache; what is measured is the server at work, not that start.
    for (_, paths, _) in &pages {
        if !paths.is_empty() {
            run(paths, Duration::from_secs(WARM_UP.min(bench.seconds)));
        }
    }
    for (name, paths, target) in pages {
        if paths.is_empty() {
            continue;
        }
        let measured = run(&paths, Duration::from_secs(bench.seconds));
        println!(
            "{name}: {} requests from {} clients in {} s ({:.0}/s), {} errors; p50 {:.1} ms, p99 {:.1} ms (target p99 < {target} ms; load from {})",
            measured.requests,
            bench.clients,
            bench.seconds,
            measured.requests as f64 / bench.seconds as f64,
            measured.errors,
            measured.p50_us as f64 / 1000.0,
            measured.p99_us as f64 / 1000.0,
            measured.tool,
        );
    }
    stop.send(()).ok();
    if bench.db.is_none() {
        fs::remove_dir_all(&dir).ok();
    }
    Ok(())
}

/// Seconds of unmeasured load on each page kind before the measured runs.
const WARM_UP: u64 = 3;

/// Serves the store on a free loopback port from a thread of its own.
fn start_server(store: Arc<Store>) -> anyhow::Result<(String, std::sync::mpsc::Sender<()>)> {
    let (tx_url, rx_url) = std::sync::mpsc::channel();
    let (tx_stop, rx_stop) = std::sync::mpsc::channel::<()>();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build();
        let Ok(runtime) = runtime else { return };
        runtime.block_on(async move {
            let Ok(listener) = tokio::net::TcpListener::bind("127.0.0.1:0").await else { return };
            let Ok(addr) = listener.local_addr() else { return };
            tx_url.send(format!("http://{addr}")).ok();
            let app = crate::http::router(store, true);
            let stop = async move {
                tokio::task::spawn_blocking(move || rx_stop.recv().ok()).await.ok();
            };
            axum::serve(listener, app).with_graceful_shutdown(stop).await.ok();
        });
    });
    let url = rx_url.recv_timeout(Duration::from_secs(10)).context("the server did not start")?;
    Ok((url, tx_stop))
}

/// What one load run measured.
struct Measured {
    requests: u64,
    errors: u64,
    p50_us: u64,
    p99_us: u64,
    tool: &'static str,
}

/// Load from `wrk`, a separate process, when it is installed: clients in this process would
/// take the server's cores.
fn wrk(
    url: &str,
    paths: &[String],
    clients: usize,
    duration: Duration,
    dir: &std::path::Path,
) -> Option<Measured> {
    let list: Vec<String> = paths.iter().map(|p| format!("{p:?}")).collect();
    let script = format!(
        r#"paths = {{ {} }}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("VIGIA %d %d %d %d\n", summary.requests,
    e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
"#,
        list.join(", ")
    );
    let path = dir.join("load.lua");
    fs::write(&path, script).ok()?;
    let output = std::process::Command::new("wrk")
        .args(["-t", "2", "-c", &clients.to_string(), "-d", &format!("{}s", duration.as_secs())])
        .args(["--timeout", "10s", "-s"])
        .arg(&path)
        .arg(url)
        .output()
        .ok()?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout.lines().find_map(|l| l.strip_prefix("VIGIA "))?;
    let n: Vec<u64> = line.split_whitespace().filter_map(|n| n.parse().ok()).collect();
    match n[..] {
        [requests, errors, p50_us, p99_us] => {
            Some(Measured { requests, errors, p50_us, p99_us, tool: "wrk" })
        }
        _ => None,
    }
}

/// `clients` threads of this process request `paths` in turn for `duration`.
fn load(url: &str, paths: &[String], clients: usize, duration: Duration) -> Measured {
    let deadline = Instant::now() + duration;
    let threads: Vec<_> = (0..clients)
        .map(|client| {
            let url = url.to_string();
            let paths = paths.to_vec();
            std::thread::spawn(move || {
                let agent: ureq::Agent =
                    ureq::Agent::config_builder().http_status_as_error(false).build().into();
                let (mut latencies, mut errors) = (Vec::new(), 0);
                let mut k = client;
                while Instant::now() < deadline {
                    let started = Instant::now();
                    let ok = agent
                        .get(format!("{url}{}", paths[k % paths.len()]))
                        .call()
                        .ok()
                        .filter(|r| r.status() == 200)
                        .and_then(|mut r| {
                            r.body_mut().with_config().limit(64 << 20).read_to_vec().ok()
                        });
                    latencies.push(started.elapsed().as_micros() as u64);
                    if ok.is_none() {
                        errors += 1;
                    }
                    k += clients;
                }
                (latencies, errors)
            })
        })
        .collect();
    let mut all = Vec::new();
    let mut errors = 0;
    for thread in threads {
        if let Ok((latencies, failed)) = thread.join() {
            all.extend(latencies);
            errors += failed;
        }
    }
    std::io::stdout().flush().ok();
    all.sort_unstable();
    let at = |q: f64| all.get(((all.len() as f64 - 1.0) * q) as usize).copied().unwrap_or(0);
    Measured {
        requests: all.len() as u64,
        errors,
        p50_us: at(0.5),
        p99_us: at(0.99),
        tool: "threads in this process (install wrk for a fairer measure)",
    }
}
