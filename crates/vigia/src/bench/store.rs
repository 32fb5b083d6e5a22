//! The store under load: ingestion into it, end to end with extraction, then story pages,
//! entity pages and search served to concurrent clients over loopback.

use std::{
    borrow::Cow,
    fs,
    io::Write,
    sync::Arc,
    time::{Duration, Instant},
};

use anyhow::Context;
use store::{EntityFilter, Page, Store};

use crate::{ingest, input::Input, pipeline};

/// Settings of one run.
pub(crate) struct StoreBench {
    pub(crate) articles: usize,
    pub(crate) clients: usize,
    pub(crate) seconds: u64,
    pub(crate) db: Option<String>,
}

/// Articles per generated story.
const STORY_SIZE: usize = 8;

/// A generated report of about 800 words: story `idx / STORY_SIZE` has its own day, district,
/// people, gang and figures, so reports group into many small stories as real coverage does.
fn story_article(idx: usize) -> (String, String, String) {
    const FIRST: [&str; 16] = [
        "Luis", "Carmen", "Julio", "Rosa", "Jorge", "Ana", "Pedro", "Lucía", "Miguel", "Elena",
        "César", "Marta", "Raúl", "Silvia", "Víctor", "Teresa",
    ];
    const LAST: [&str; 16] = [
        "García", "Quispe", "Mamani", "Herrera", "Paredes", "Flores", "Rojas", "Huamán", "Torres",
        "Castillo", "Vargas", "Chávez", "Ramos", "Mendoza", "Salazar", "Espinoza",
    ];
    const PLACES: [&str; 16] = [
        "La Victoria",
        "El Agustino",
        "Comas",
        "San Juan de Lurigancho",
        "Ate",
        "Independencia",
        "Rímac",
        "Breña",
        "Surquillo",
        "Los Olivos",
        "Villa El Salvador",
        "Chorrillos",
        "Puente Piedra",
        "Carabayllo",
        "San Martín de Porres",
        "Santa Anita",
    ];
    const GANGS: [&str; 8] = [
        "Los Pulpos",
        "Los Injertos",
        "Los Malditos",
        "Los Gallegos",
        "Los Topos",
        "Los Chukys",
        "Los Babys",
        "Los Carroñeros",
    ];
    let story = idx / STORY_SIZE;
    let mut pick = super::xorshift(story);
    let place = PLACES[pick() as usize % PLACES.len()];
    let person = format!("{} {}", FIRST[pick() as usize % 16], LAST[pick() as usize % 16]);
    let officer = format!("{} {}", FIRST[pick() as usize % 16], LAST[pick() as usize % 16]);
    let gang = format!("{} de {place}", GANGS[pick() as usize % GANGS.len()]);
    let (arrested, officers, cases) = (pick() % 12 + 2, pick() % 900 + 50, pick() % 5000 + 100);
    let day = chrono::NaiveDate::from_ymd_opt(2022, 1, 1).unwrap_or_default()
        + chrono::Duration::days((story * 13 % 730) as i64);
    let mut next = super::xorshift(idx);
    let spanish = next() % 2 == 0;
    let date = if spanish {
        format!(
            "el {} de {}",
            day.format("%-d"),
            MESES[day.format("%m").to_string().parse::<usize>().unwrap_or(1) - 1]
        )
    } else {
        day.format("on %B %-d").to_string()
    };
    let sentences: Vec<String> = if spanish {
        vec![
            format!("La policía detuvo a {arrested} presuntos integrantes de {gang} en {place} {date}."),
            format!("«No podemos trabajar así», dijo {person}, comerciante de {place}."),
            format!("El coronel {officer} afirmó que {officers} agentes fueron desplegados en {place}."),
            format!("Según la fiscalía, la banda {gang} exigía cupos a los mototaxistas desde hace meses."),
            format!("Más de {cases} denuncias por extorsión fueron registradas este año, señaló {officer}."),
            format!("Vecinos de {place} relataron que los comercios cerraron tras las amenazas de {gang}."),
        ]
    } else {
        vec![
            format!("Police arrested {arrested} alleged members of {gang} in {place} {date}."),
            format!("\"We cannot work like this,\" said {person}, a shopkeeper in {place}."),
            format!("Col. {officer} said {officers} officers had been deployed to {place}."),
            format!("Prosecutors said the gang {gang} had demanded payments from motorcycle taxi drivers for months."),
            format!("More than {cases} extortion complaints were filed this year, {officer} told reporters."),
            format!("Residents of {place} said shops closed after threats from {gang}."),
        ]
    };
    let mut text = String::new();
    let mut words = 0;
    while words < 800 {
        for _ in 0..3 {
            let sentence = &sentences[next() as usize % sentences.len()];
            words += sentence.split_whitespace().count();
            text.push_str(sentence);
            text.push(' ');
        }
        text.push_str("\n\n");
    }
    let title = sentences[0].trim_end_matches('.').to_string();
    (title, text, day.to_string())
}

const MESES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// The generated reports as JSON Lines inputs of 1,000 records each, each report of a story
/// from another outlet.
fn inputs(count: usize) -> Vec<Input> {
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
    for idx in 0..count {
        let (title, text, published) = story_article(idx);
        let record = serde_json::json!({
            "url": format!("https://bench.example/{idx}"),
            "outlet": OUTLETS[idx % OUTLETS.len()],
            "published": published,
            "title": title,
            "text": text,
        });
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

pub(crate) fn run(bench: &StoreBench) -> anyhow::Result<()> {
    let dir = std::env::temp_dir().join(format!("vigia-bench-store-{}", std::process::id()));
    fs::create_dir_all(&dir)?;
    let location = bench.db.clone().unwrap_or_else(|| dir.join("bench.db").display().to_string());
    let store = Store::open(&location).with_context(|| format!("cannot open {location}"))?;
    let before = store.counts()?.documents as usize;
    if before < bench.articles {
        let inputs = inputs(bench.articles);
        let read = crate::flags::ReadArgs { max_bytes: 64 << 20, ..crate::default_read() };
        let (config, fetcher) = (crate::run_config(&read)?, crate::fetcher(&read));
        let started = Instant::now();
        let done =
            ingest::run(&inputs, Vec::new(), &config, &fetcher, &store, pipeline::FINISH_BATCH)?;
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "ingest into {}: {} new articles in {seconds:.1} s: {:.0} articles/s (800 words each, extraction, stories and one transaction per {} documents); peak RSS {} MiB",
            store.location(),
            done.new,
            done.new as f64 / seconds,
            pipeline::FINISH_BATCH,
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
    let pages: [(&str, Vec<String>, u128); 3] = [
        ("story page", stories.iter().map(|id| format!("/api/stories/{id}")).collect(), 50),
        ("entity page", entities.iter().map(|id| format!("/api/entities/{id}")).collect(), 50),
        ("search", words.iter().map(|w| format!("/api/search?q={w}&limit=20")).collect(), 100),
    ];
    for (name, paths, target) in pages {
        if paths.is_empty() {
            continue;
        }
        let (mut latencies, errors) =
            load(&url, &paths, bench.clients, Duration::from_secs(bench.seconds));
        latencies.sort_unstable();
        let at = |q: f64| {
            latencies.get(((latencies.len() as f64 - 1.0) * q) as usize).copied().unwrap_or(0)
        };
        println!(
            "{name}: {} requests from {} clients in {} s ({:.0}/s), {errors} errors; p50 {:.1} ms, p99 {:.1} ms (target p99 < {target} ms)",
            latencies.len(),
            bench.clients,
            bench.seconds,
            latencies.len() as f64 / bench.seconds as f64,
            at(0.5) as f64 / 1000.0,
            at(0.99) as f64 / 1000.0,
        );
    }
    stop.send(()).ok();
    if bench.db.is_none() {
        fs::remove_dir_all(&dir).ok();
    }
    Ok(())
}

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

/// `clients` threads request `paths` in turn for `duration`; latencies in microseconds.
fn load(url: &str, paths: &[String], clients: usize, duration: Duration) -> (Vec<u128>, usize) {
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
                    latencies.push(started.elapsed().as_micros());
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
    (all, errors)
}
